//! Adding articles to a project in bulk: folders of articles (`.txt`, `.md`, `.html`, `.htm`,
//! walked recursively) and JSONL corpora (one `{"text": ...}` object per line, the other fields
//! kept as metadata).
//!
//! Reading and applying are separate steps, so a window can read on a worker thread with a
//! progress bar and apply on its own thread:
//! 1. [`read_corpus`] lists and reads the files into [`CorpusEntry`]s, skipping duplicates
//!    (same SHA-256 as the project or an earlier entry), empty, binary, undecodable, too large
//!    and unreadable files, other file types and broken JSONL lines, each with its reason in the
//!    [`CorpusReport`];
//! 2. [`add_entries_edit`] turns the entries into one undoable [`Edit`].

mod jsonl;
mod report;
mod walk;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::command::Edit;
use crate::io::article::{ArticleError, load_article};
use crate::io::progress::Progress;
use crate::model::{Document, Project, sha256_hex};

pub use jsonl::{MAX_JSONL_LINE_BYTES, MAX_META_FIELDS, MAX_META_VALUE_BYTES, MAX_TITLE_CHARS};
pub use report::{Added, CorpusOutcome, CorpusReport, DuplicateOf, SkipReason, Skipped};

use walk::{FileKind, Listed};

/// One article read from a folder or a JSONL corpus, not yet in the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusEntry {
    /// Its title: the file name without extension, the page title for HTML, or a JSONL line's
    /// `"title"` (else `"corpus line 3"`).
    pub title: String,
    /// Where it comes from: the file path, or `"corpus.jsonl line 3"`.
    pub source_path: String,
    /// The decoded text (never empty).
    pub text: String,
    /// Metadata: a web page's `url` and `published`, a JSONL line's other fields.
    pub meta: BTreeMap<String, String>,
    /// The encoding the text was decoded from (`"UTF-8"`, `"windows-1256"`...).
    pub encoding: String,
}

/// The result of [`read_corpus`]: the entries to add and the report.
#[derive(Clone, Debug, Default)]
pub struct CorpusRead {
    /// New, distinct entries in reading order.
    pub entries: Vec<CorpusEntry>,
    /// What was read and skipped, and why.
    pub report: CorpusReport,
}

/// Collects entries, skipping duplicates of the project and of earlier entries.
struct Collector<'a> {
    known: &'a HashSet<String>,
    /// SHA-256 of each entry read so far, with its source.
    seen: HashMap<String, String>,
    read: CorpusRead,
}

impl Collector<'_> {
    /// Adds the entry unless its text is already known.
    fn offer(&mut self, entry: CorpusEntry) {
        let hash = sha256_hex(&entry.text);
        if self.known.contains(&hash) {
            self.skip(
                entry.source_path,
                SkipReason::Duplicate(DuplicateOf::Project),
            );
        } else if let Some(first) = self.seen.get(&hash) {
            let reason = SkipReason::Duplicate(DuplicateOf::Earlier(first.clone()));
            self.skip(entry.source_path, reason);
        } else {
            self.seen.insert(hash, entry.source_path.clone());
            self.read.report.added.push(Added {
                title: entry.title.clone(),
                source: entry.source_path.clone(),
            });
            self.read.entries.push(entry);
        }
    }

    fn skip(&mut self, source: impl Into<String>, reason: SkipReason) {
        self.read.report.skip(source, reason);
    }
}

/// Reads every article under `paths` (files, or folders walked recursively in sorted order,
/// hidden files and folders left out). `known` holds the SHA-256 of the texts already in the
/// project (see [`known_hashes`]). `progress` counts files, starting once they are listed; a
/// cancel request stops before the next file (or the next 1,000 lines of a JSONL file), and the
/// report lists what was not read. Never panics on any input.
pub fn read_corpus(paths: &[PathBuf], known: &HashSet<String>, progress: &Progress) -> CorpusRead {
    let (listed, hidden) = walk::list(paths);
    let mut collector = Collector {
        known,
        seen: HashMap::new(),
        read: CorpusRead::default(),
    };
    collector.read.report.hidden_ignored = hidden;
    collector.read.report.files_listed = listed
        .iter()
        .filter(|l| matches!(l, Listed::File(..)))
        .count();
    progress.start(listed.len());
    for item in listed {
        match item {
            Listed::Skip(path, reason) => collector.skip(path.display().to_string(), reason),
            Listed::File(path, _) if progress.is_cancelled() => {
                collector.read.report.cancelled = true;
                collector.skip(path.display().to_string(), SkipReason::Cancelled);
            }
            Listed::File(path, FileKind::Unsupported) => {
                let ext = path
                    .extension()
                    .map(|e| e.to_string_lossy().into_owned())
                    .unwrap_or_default();
                collector.skip(path.display().to_string(), SkipReason::Unsupported(ext));
            }
            Listed::File(path, FileKind::Article) => {
                collector.read.report.files_read += 1;
                read_article(&path, &mut collector);
            }
            Listed::File(path, FileKind::Jsonl) => {
                collector.read.report.files_read += 1;
                jsonl::read(&path, &mut collector, progress);
            }
        }
        progress.advance();
    }
    collector.read
}

fn read_article(path: &Path, collector: &mut Collector<'_>) {
    let source = path.display().to_string();
    match load_article(path) {
        Ok(article) => collector.offer(CorpusEntry {
            title: article.title,
            source_path: source,
            text: article.text,
            meta: article.meta,
            encoding: article.encoding,
        }),
        Err(error) => collector.skip(source, skip_reason(error)),
    }
}

fn skip_reason(error: ArticleError) -> SkipReason {
    #[allow(unreachable_patterns)] // Kept for variants added later (HTML).
    match error {
        ArticleError::Unreadable { source, .. } => SkipReason::Unreadable(source.to_string()),
        ArticleError::Empty { .. } => SkipReason::Empty,
        ArticleError::TooLarge { size, limit, .. } => SkipReason::TooLarge { size, limit },
        ArticleError::Binary { .. } => SkipReason::Binary,
        ArticleError::Undecodable { guess, .. } => SkipReason::Undecodable {
            guess: guess.to_owned(),
        },
        other => SkipReason::Unreadable(other.to_string()),
    }
}

/// The SHA-256 of every document text in `project`: the `known` set for [`read_corpus`].
pub fn known_hashes(project: &Project) -> HashSet<String> {
    project.documents().map(|d| d.sha256().to_owned()).collect()
}

/// One undoable step adding `entries` as new documents (ids from
/// [`Project::allocate_doc_id`], no spans, status new); `None` when there is nothing to add.
pub fn add_entries_edit(project: &mut Project, entries: Vec<CorpusEntry>) -> Option<Edit> {
    if entries.is_empty() {
        return None;
    }
    let edits = entries
        .into_iter()
        .map(|e| {
            let id = project.allocate_doc_id();
            let document =
                Document::new(id, e.title, Some(e.source_path), e.text).with_meta(e.meta);
            Edit::AddDocument {
                document: Box::new(document),
                spans: Vec::new(),
            }
        })
        .collect();
    Some(Edit::Batch(edits))
}
