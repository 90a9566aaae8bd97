//! `isnad suggest PROJECT`: the attribution suggestions of a project's documents, as text or JSON
//! lines; their scores against the project's own spans (`--evaluate`); or a pre-annotated copy
//! with every suggestion accepted (`--accept-all -o OUT`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::io::project::{self, ProjectError};
use crate::lang::suggest::evaluate::evaluate;
use crate::lang::suggest::gazetteer::read_gazetteer;
use crate::lang::suggest::project_spans::learned_phrases;
use crate::lang::suggest::{DocumentSuggestions, PhraseIndex, Rejected, Suggesters, suggest};
use crate::model::offsets::OffsetIndex;
use crate::model::{DocId, ModelError, Project, Relation, Span};

/// What `isnad suggest` should do.
#[derive(Clone, Debug, Default)]
pub struct SuggestOptions {
    /// One JSON object per line instead of text.
    pub json: bool,
    /// Only this document (`3` or `doc-3`, as the native JSONL export names it).
    pub doc: Option<String>,
    /// A gazetteer file (`name<TAB>label` lines).
    pub gazetteer: Option<PathBuf>,
    /// Score the suggesters instead of listing suggestions.
    pub evaluate: bool,
    /// Write a copy with every suggestion accepted to this file (never overwritten).
    pub accept_all: Option<PathBuf>,
    /// Write what the learned suggester knows (every span text with its label) as a gazetteer
    /// (`name<TAB>label` lines) to this file (never overwritten), instead of listing suggestions.
    pub export_gazetteer: Option<PathBuf>,
}

/// Why `isnad suggest` failed.
#[derive(Debug, thiserror::Error)]
pub enum SuggestError {
    /// The project could not be read (the message names the file).
    #[error(transparent)]
    Project(#[from] ProjectError),
    /// The gazetteer could not be read.
    #[error("could not read the gazetteer {}: {error}", path.display())]
    Gazetteer {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
    /// `--doc` names no document of the project.
    #[error("{} has no document {doc}", path.display())]
    NoSuchDocument {
        /// The project.
        path: PathBuf,
        /// The id given.
        doc: String,
    },
    /// The gazetteer could not be written.
    #[error("could not write the gazetteer {}: {error}", path.display())]
    GazetteerWrite {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        error: std::io::Error,
    },
    /// The output of `--accept-all` exists.
    #[error("{} already exists; not overwriting it", path.display())]
    OutputExists {
        /// The output path.
        path: PathBuf,
    },
    /// An accepted suggestion could not be added (should not happen).
    #[error("could not add a suggestion: {0}")]
    Model(#[from] ModelError),
}

/// What `isnad suggest` prints: `stdout` (the suggestions, scores, or what was written) and
/// `stderr` (notes: bad gazetteer lines).
#[derive(Clone, Debug, Default)]
pub struct SuggestOutput {
    /// For standard output.
    pub stdout: String,
    /// For standard error.
    pub stderr: String,
}

/// Runs `isnad suggest` on the project at `path`.
pub fn suggest_project(
    path: &Path,
    options: &SuggestOptions,
) -> Result<SuggestOutput, SuggestError> {
    let project = project::load(path)?;
    let mut out = SuggestOutput::default();
    let gazetteer = match &options.gazetteer {
        Some(file) => Some(load_gazetteer(file, &project, &mut out.stderr)?),
        None => None,
    };
    if options.evaluate {
        out.stdout = evaluation_table(&project, gazetteer.as_ref());
        return Ok(out);
    }
    if let Some(file) = &options.export_gazetteer {
        let learned = learned_phrases(&project.documents_snapshot(), None);
        let lines = crate::lang::suggest::project_spans::export_gazetteer(&learned);
        write_new_file(file, lines.as_bytes())?;
        let names = lines.lines().count();
        out.stdout = format!(
            "Wrote {names} name{} with their labels to {}\n",
            crate::io::plural(names),
            file.display()
        );
        return Ok(out);
    }
    let docs = selected_docs(path, &project, options.doc.as_deref())?;
    let learned = learned_phrases(&project.documents_snapshot(), None);
    let suggesters = Suggesters {
        cues: true,
        learned: Some(&learned),
        gazetteer: gazetteer.as_ref(),
    };
    let mut all = Vec::new();
    for doc in docs {
        let Some(document) = project.document(doc) else {
            continue;
        };
        // What the annotator rejected in the app is not proposed again.
        let rejected: Rejected = project.suggestion_memory().rejected_in(doc).collect();
        let found = suggest(
            document.text(),
            project.schema(),
            project.spans_of(doc),
            suggesters,
            &rejected,
        );
        all.push((doc, found));
    }
    if let Some(output) = &options.accept_all {
        let (spans, relations) = accept_all(&project, &all, output)?;
        let _ = writeln!(
            out.stdout,
            "wrote {} ({} and {} accepted)",
            output.display(),
            super::count(spans, "span"),
            super::count(relations, "relation")
        );
        return Ok(out);
    }
    for (doc, found) in &all {
        if let Some(document) = project.document(*doc) {
            if options.json {
                write_json(&mut out.stdout, *doc, document.text(), found);
            } else {
                write_text(&mut out.stdout, document.title(), document.text(), found);
            }
        }
    }
    Ok(out)
}

fn load_gazetteer(
    file: &Path,
    project: &Project,
    notes: &mut String,
) -> Result<PhraseIndex, SuggestError> {
    let bytes = std::fs::read(file).map_err(|error| SuggestError::Gazetteer {
        path: file.to_owned(),
        error,
    })?;
    let gazetteer = read_gazetteer(&bytes, project.schema());
    for (line, why) in &gazetteer.bad_lines {
        let _ = writeln!(notes, "{}:{line}: left out: {why}", file.display());
    }
    let _ = writeln!(
        notes,
        "{}: {} used, {} left out",
        file.display(),
        super::count(gazetteer.names, "name"),
        super::count(gazetteer.bad_lines.len(), "line")
    );
    Ok(gazetteer.index)
}

fn selected_docs(
    path: &Path,
    project: &Project,
    doc: Option<&str>,
) -> Result<Vec<DocId>, SuggestError> {
    let Some(doc) = doc else {
        return Ok(project.documents().map(|d| d.id()).collect());
    };
    let number = doc.strip_prefix("doc-").unwrap_or(doc).parse::<u64>().ok();
    match number
        .map(DocId)
        .filter(|id| project.document(*id).is_some())
    {
        Some(id) => Ok(vec![id]),
        None => Err(SuggestError::NoSuchDocument {
            path: path.to_owned(),
            doc: doc.to_owned(),
        }),
    }
}

/// The document id as the native JSONL export writes it.
fn doc_key(doc: DocId) -> String {
    format!("doc-{}", doc.0)
}

fn write_json(out: &mut String, doc: DocId, text: &str, found: &DocumentSuggestions) {
    let map = OffsetIndex::new(text);
    let cp = |byte: usize| map.byte_to_char(byte).unwrap_or(0);
    let key = doc_key(doc);
    for s in &found.spans {
        let line = json!({
            "doc": key,
            "start": cp(s.range.start),
            "end": cp(s.range.end),
            "label": s.label.as_str(),
            "text": text.get(s.range.clone()).unwrap_or_default(),
            "suggester": s.suggester.name(),
        });
        let _ = writeln!(out, "{line}");
    }
    for r in &found.relations {
        let (Some(head), Some(child)) = (found.spans.get(r.head), found.spans.get(r.child)) else {
            continue;
        };
        let line = json!({
            "relation": r.kind.as_str(),
            "head": [key, cp(head.range.start), cp(head.range.end)],
            "child": [key, cp(child.range.start), cp(child.range.end)],
        });
        let _ = writeln!(out, "{line}");
    }
}

fn write_text(out: &mut String, title: &str, text: &str, found: &DocumentSuggestions) {
    let _ = writeln!(
        out,
        "{title}: {}, {}",
        super::count(found.spans.len(), "suggestion"),
        super::count(found.relations.len(), "relation")
    );
    for s in &found.spans {
        let _ = writeln!(
            out,
            "  {} [{}] {}",
            s.label.as_str(),
            s.suggester.name(),
            text.get(s.range.clone()).unwrap_or_default()
        );
    }
}

fn evaluation_table(project: &Project, gazetteer: Option<&PhraseIndex>) -> String {
    let evaluation = evaluate(project, gazetteer);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "suggester  label       suggested  gold  exact P/R/F1        overlap P/R/F1"
    );
    for (kind, label, counts) in &evaluation.rows {
        if counts.suggested == 0 && counts.gold == 0 {
            continue;
        }
        let (e, o) = (counts.exact(), counts.overlap());
        let _ = writeln!(
            out,
            "{:<10} {:<11} {:>9} {:>5}  {:.2}/{:.2}/{:.2}      {:.2}/{:.2}/{:.2}",
            kind.name(),
            label.as_str(),
            counts.suggested,
            counts.gold,
            e.precision,
            e.recall,
            e.f1,
            o.precision,
            o.recall,
            o.f1
        );
    }
    out.push_str("(the learned suggester is scored leave-one-document-out)\n");
    let tallies = project.suggestion_memory().tallies();
    if !tallies.is_empty() {
        out.push_str("\njudged in the app (one by one; Accept all is not counted):\n");
        out.push_str("suggester  accepted  relabelled  rejected  accepted share\n");
        for (name, tally) in tallies {
            let share = if tally.judged() == 0 {
                0.0
            } else {
                tally.accepted as f64 / tally.judged() as f64
            };
            let _ = writeln!(
                out,
                "{name:<10} {:>8}  {:>10}  {:>8}  {share:.2}",
                tally.accepted, tally.relabelled, tally.rejected
            );
        }
    }
    out
}

/// Writes `project` with every suggestion of `all` added (and the relations between accepted
/// spans) to `output`, through the normal save path; returns the spans and relations added.
fn accept_all(
    project: &Project,
    all: &[(DocId, DocumentSuggestions)],
    output: &Path,
) -> Result<(usize, usize), SuggestError> {
    if output.exists() {
        return Err(SuggestError::OutputExists {
            path: output.to_owned(),
        });
    }
    let mut copy = project.clone();
    let (mut spans, mut relations) = (0, 0);
    for (doc, found) in all {
        let mut ids = Vec::with_capacity(found.spans.len());
        for s in &found.spans {
            let id = copy.allocate_span_id();
            let span = Span::new(id, *doc, s.range.clone(), s.label.clone());
            if copy.check_new_span(&span).is_ok() && copy.insert_span(span).is_ok() {
                ids.push(Some(id));
                spans += 1;
            } else {
                ids.push(None);
            }
        }
        for r in &found.relations {
            let ends = ids
                .get(r.head)
                .copied()
                .flatten()
                .zip(ids.get(r.child).copied().flatten());
            if let Some((head, child)) = ends {
                let id = copy.allocate_relation_id();
                let relation = Relation::new(id, r.kind.clone(), head, child);
                if copy.check_new_relation(&relation).is_ok()
                    && copy.insert_relation(relation).is_ok()
                {
                    relations += 1;
                }
            }
        }
    }
    project::save(&copy, output)?;
    Ok((spans, relations))
}

/// Writes `bytes` to a file that must not exist yet.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), SuggestError> {
    use std::io::Write as _;
    let error = |error| SuggestError::GazetteerWrite {
        path: path.to_owned(),
        error,
    };
    let mut file = match std::fs::File::create_new(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(SuggestError::OutputExists {
                path: path.to_owned(),
            });
        }
        Err(e) => return Err(error(e)),
    };
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(error)
}
