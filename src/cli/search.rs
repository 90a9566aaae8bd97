//! `isnad search PROJECT QUERY`: every hit of a query in a project's documents, one per line.
//!
//! Plain lines read `TITLE (DOC_ID) START-END: before [hit] after`; with `--json` each line is
//! `{"doc": DOC_ID, "start": CP, "end": CP, "text": …, "before": …, "after": …}`. DOC_ID is the
//! document id the native JSONL export writes (`doc-<n>`); offsets are code points of the
//! document's text, end exclusive; `before` and `after` are the keyword-in-context pieces
//! ([`crate::lang::context`]). Hits come in project order, then text order. The count goes to
//! stderr, so stdout holds only hits.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use thiserror::Error;

use crate::io::export::{DocView, one_line};
use crate::io::project::{self, ProjectError};
use crate::lang::context::{CONTEXT_WORDS, context};
use crate::lang::project_search::search_project;
use crate::lang::search::{Query, QueryError, SearchOptions};
use crate::model::offsets::OffsetUnit;

/// How hits are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HitFormat {
    /// `TITLE (DOC_ID) START-END: before [hit] after`.
    Lines,
    /// One JSON object per line.
    Json,
}

/// Why a search could not run.
#[derive(Debug, Error)]
pub enum SearchError {
    /// The query is empty, folds to nothing or is an invalid regex (a bad argument).
    #[error("{0}")]
    Query(#[from] QueryError),
    /// The project could not be opened.
    #[error("{}", crate::cli::error_report(.0))]
    Project(#[from] ProjectError),
    /// Writing the hits failed (a closed pipe).
    #[error("could not write the hits: {0}")]
    Output(#[from] std::io::Error),
}

impl SearchError {
    /// The exit code: 2 for a bad query (like other bad arguments), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Query(_) => 2,
            Self::Project(_) | Self::Output(_) => 1,
        }
    }
}

/// What a search found, for the closing line on stderr.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchSummary {
    /// The project searched.
    pub path: PathBuf,
    /// The number of hits.
    pub hits: usize,
    /// The number of documents with hits.
    pub documents: usize,
    /// The number of documents searched.
    pub searched: usize,
}

impl std::fmt::Display for SearchSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} in {} of {} searched in {}",
            super::count(self.hits, "hit"),
            super::count(self.documents, "document"),
            self.searched,
            self.path.display()
        )
    }
}

/// One line of `--json` output.
#[derive(Serialize)]
struct JsonHit<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    before: &'a str,
    after: &'a str,
}

/// Searches the project at `path` for `query` and writes one line per hit to `out`. The query is
/// checked before the file is read.
///
/// # Errors
/// [`SearchError::Query`] for a bad query, [`SearchError::Project`] when the project cannot be
/// opened (the message names the file), [`SearchError::Output`] when `out` fails.
pub fn search_project_file(
    path: &Path,
    query: &str,
    options: SearchOptions,
    format: HitFormat,
    out: &mut dyn Write,
) -> Result<SearchSummary, SearchError> {
    let query = Query::new(query, options)?;
    let project = project::load(path)?;
    let found = search_project(&project, &query, &|_, _| true);
    for doc_hits in &found.documents {
        let Some(doc) = project.document(doc_hits.doc) else {
            continue;
        };
        let view = DocView::new(&project, doc, OffsetUnit::CodePoints);
        let key = view.doc_key();
        let text = doc.text();
        for hit in &doc_hits.hits {
            let [before, found, after] = context(text, hit, CONTEXT_WORDS).pieces(text, hit);
            let (start, end) = (view.code_point(hit.start), view.code_point(hit.end));
            match format {
                HitFormat::Json => {
                    let line = JsonHit {
                        doc: &key,
                        start,
                        end,
                        text: found,
                        before,
                        after,
                    };
                    serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::from)?;
                    writeln!(out)?;
                }
                HitFormat::Lines => writeln!(
                    out,
                    "{} ({key}) {start}-{end}: {}[{}]{}",
                    one_line(doc.title()),
                    one_line(before),
                    one_line(found),
                    one_line(after)
                )?,
            }
        }
    }
    out.flush()?;
    Ok(SearchSummary {
        path: path.to_path_buf(),
        hits: found.total(),
        documents: found.documents.len(),
        searched: found.searched,
    })
}

/// The arguments of `isnad search` (clap).
#[derive(Clone, Debug, clap::Args)]
pub struct SearchArgs {
    /// The project file (NAME.isnad.ron).
    pub project: PathBuf,
    /// What to find. By default harakat, tatweel, alef forms, ى/ي, ة/ه, digit scripts and case
    /// are ignored, and a hit may be part of a word.
    pub query: String,
    /// The query is a regular expression (Rust regex syntax, linear-time matching).
    #[arg(long)]
    pub regex: bool,
    /// Only hits that are whole words (start and end at token edges).
    #[arg(long)]
    pub whole_word: bool,
    /// Harakat, dagger alef and tatweel must match.
    #[arg(long)]
    pub match_diacritics: bool,
    /// أ إ آ ٱ and ا must match.
    #[arg(long)]
    pub match_hamza: bool,
    /// ى/ي and ة/ه must match.
    #[arg(long)]
    pub match_ya_ta: bool,
    /// Arabic-Indic and ASCII digits must match.
    #[arg(long)]
    pub match_digits: bool,
    /// Upper and lower case must match.
    #[arg(long)]
    pub match_case: bool,
    /// One JSON object per hit: {"doc", "start", "end", "text", "before", "after"} (code points).
    #[arg(long)]
    pub json: bool,
}

impl SearchArgs {
    /// The search options the flags ask for.
    pub fn options(&self) -> SearchOptions {
        SearchOptions {
            fold: crate::lang::FoldOptions {
                match_diacritics: self.match_diacritics,
                match_hamza: self.match_hamza,
                match_ya_ta: self.match_ya_ta,
                match_digits: self.match_digits,
                match_case: self.match_case,
            },
            whole_word: self.whole_word,
            regex: self.regex,
        }
    }

    /// Runs the search, printing hits to stdout and the count or the error to stderr; returns the
    /// exit code: 0 whether or not anything was found, 1 when the project cannot be read, 2 for a
    /// bad query.
    pub fn run(&self) -> u8 {
        let format = if self.json {
            HitFormat::Json
        } else {
            HitFormat::Lines
        };
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        match search_project_file(&self.project, &self.query, self.options(), format, &mut out) {
            Ok(summary) => {
                eprintln!("{summary}");
                0
            }
            Err(error) => {
                eprintln!("isnad: {error}");
                error.exit_code()
            }
        }
    }
}
