//! spaCy: the native JSONL (exact offsets, see `jsonl.rs`) and, beside it, a `.spacy` DocBin that
//! `DocBin().from_disk(path).get_docs(nlp.vocab)` loads with every span in `doc.spans["sc"]`
//! (overlapping and nested spans included).
//!
//! The DocBin's words are Isnad's tokens (see [`crate::lang::tokenize`]) plus whitespace words, so
//! `doc.text` is the document text exactly. A span edge inside a word splits the word
//! ([`TokenEdges::Split`], the default: words `و` and `المجلس`, the first without a trailing space,
//! so `doc.char_span` of every span is exact), or the span is widened to the word
//! ([`TokenEdges::Expand`], reported as [`LossKind::WidenedToTokens`]) or left out of the DocBin
//! ([`TokenEdges::Report`], reported as [`LossKind::InsideToken`]); the JSONL keeps the exact
//! offsets in every case. Sentence starts go into `SENT_START`, the document id and title
//! into `doc._.isnad_id` and `doc._.title`; `doc.ents` is left unset (spans may overlap).

mod docbin;
mod strings;
mod symbols;
mod words;

pub use strings::{murmurhash64a, string_id};

use crate::io::export::{
    DocView, ExportError, ExportFile, ExportOptions, FilePlace, LossKind, LossReport, Progress,
    TokenEdges, jsonl,
};
use crate::model::Project;

use docbin::{DocBin, DocBinDoc, DocBinSpan};
use words::{Placement, Words};

/// The file ending of the DocBin written beside the JSONL.
pub const DOCBIN_ENDING: &str = "spacy";

/// The spaCy export: the native JSONL as the main file and the DocBin beside it.
pub(crate) fn export(
    _project: &Project,
    docs: &[DocView<'_>],
    options: &ExportOptions,
    report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    // Each document is visited twice: once per file.
    progress.start(docs.len() * 2);
    let jsonl = jsonl::jsonl_bytes(docs, progress)?;
    let docbin = docbin_bytes(docs, options.token_edges, report, progress)?;
    Ok(vec![
        ExportFile {
            place: FilePlace::Main,
            bytes: jsonl,
        },
        ExportFile {
            place: FilePlace::Beside(DOCBIN_ENDING),
            bytes: docbin,
        },
    ])
}

/// The `.spacy` bytes of `docs`, recording in `report` every span widened or left out.
fn docbin_bytes(
    docs: &[DocView<'_>],
    edges: TokenEdges,
    report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<u8>, ExportError> {
    let encode = |message| ExportError::Encode {
        format: "spacy",
        message,
    };
    let mut bin = DocBin::default();
    for view in docs {
        if progress.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        let starts: Vec<usize> = view.spans.iter().map(|s| s.start).collect();
        let ends: Vec<usize> = view.spans.iter().map(|s| s.end).collect();
        let words = Words::new(view.text(), &starts, &ends, edges == TokenEdges::Split);
        let mut spans = Vec::with_capacity(view.spans.len());
        for span in view.spans {
            let range = match words.place(span.range()) {
                Placement::Exact(range) => range,
                // Never with `Split` (every edge is a word edge); widened as with `Expand` if it were.
                Placement::Widened(range) if edges != TokenEdges::Report => {
                    report.record(LossKind::WidenedToTokens, view, span);
                    range
                }
                Placement::Widened(_) => {
                    report.record(LossKind::InsideToken, view, span);
                    continue;
                }
                Placement::NoWord => {
                    report.record(LossKind::NoToken, view, span);
                    continue;
                }
            };
            let byte_start = words.words.get(range.start).map_or(0, |w| w.start);
            let byte_end = range
                .end
                .checked_sub(1)
                .and_then(|last| words.words.get(last))
                .map_or(0, |w| w.end);
            spans.push(DocBinSpan {
                label: span.label.as_str(),
                start: range.start,
                end: range.end,
                start_char: view.code_point(byte_start),
                end_char: view.code_point(byte_end),
            });
        }
        let id = view.doc_key();
        bin.add(&DocBinDoc {
            text: view.text(),
            words: &words.words,
            sent_starts: &words.sent_starts,
            spans: &spans,
            id: &id,
            title: view.doc.title(),
        })
        .map_err(encode)?;
        progress.advance();
    }
    bin.into_bytes().map_err(encode)
}
