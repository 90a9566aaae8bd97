//! Native JSONL: one document per line, loadable with Hugging Face `datasets` and convertible with
//! spaCy's `Doc.char_span`.
//!
//! ```text
//! {"id":"doc-1","text":"…","spans":[{"id":"s1","start":4,"end":22,"label":"source","text":"…",
//!  "attributes":{"kind":"anonymous","verified":true}},…],
//!  "relations":[{"id":"r1","head":"s4","child":"s1","label":"attributed_to"}],
//!  "meta":{"title":"…","source_path":null,"sha256":"…","status":"new","offset_unit":"code_points"}}
//! ```
//! Offsets are code points unless the user asked for UTF-16 (`meta.offset_unit` says which).
//! A span's `attributes` (absent when it has none) hold flags as JSON booleans and choices and
//! free text as strings; each relation names its `head` and `child` by their span `id` and its
//! type by id in `label`. A span or relation made by a named annotator says who in `annotator`, and
//! a span accepted from a suggestion names the suggester in `suggested_by` (both absent otherwise).
//! Nothing is lost.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::io::export::doc_view::{span_id_key, span_key};
use crate::io::export::{DocView, ExportError, ExportFile, FilePlace, Progress};
use crate::model::{AttributeValue, DocumentStatus};

/// One line of the file.
#[derive(Serialize)]
pub(crate) struct JsonlDocument<'a> {
    pub(crate) id: String,
    pub(crate) text: &'a str,
    pub(crate) spans: Vec<JsonlSpan<'a>>,
    pub(crate) relations: Vec<JsonlRelation<'a>>,
    pub(crate) meta: JsonlMeta<'a>,
}

/// One relation of a line: its ends by span id, its type id as `label`.
#[derive(Serialize)]
pub(crate) struct JsonlRelation<'a> {
    pub(crate) id: String,
    pub(crate) head: String,
    pub(crate) child: String,
    pub(crate) label: &'a str,
    /// Who made it (absent when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) annotator: Option<&'a str>,
}

/// An attribute value: a JSON boolean for a flag, a string otherwise.
#[derive(Serialize)]
#[serde(untagged)]
pub(crate) enum JsonlValue<'a> {
    Flag(bool),
    Text(&'a str),
}

impl<'a> From<&'a AttributeValue> for JsonlValue<'a> {
    fn from(value: &'a AttributeValue) -> Self {
        match value {
            AttributeValue::Flag(b) => JsonlValue::Flag(*b),
            AttributeValue::Choice(s) | AttributeValue::Text(s) => JsonlValue::Text(s),
        }
    }
}

/// One span of a line.
#[derive(Serialize)]
pub(crate) struct JsonlSpan<'a> {
    pub(crate) id: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) label: &'a str,
    pub(crate) text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<&'a str>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) attributes: BTreeMap<&'a str, JsonlValue<'a>>,
    /// Who made it (absent when unknown).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) annotator: Option<&'a str>,
    /// The suggester it was accepted from (absent for a span tagged by hand).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) suggested_by: Option<&'a str>,
}

/// Document metadata.
#[derive(Serialize)]
pub(crate) struct JsonlMeta<'a> {
    pub(crate) title: &'a str,
    pub(crate) source_path: Option<&'a str>,
    pub(crate) sha256: &'a str,
    pub(crate) status: &'static str,
    pub(crate) offset_unit: &'static str,
    /// The document's source metadata (`url`, `published`, ...), beside the fields above (an
    /// entry named like one of them is left out rather than written twice).
    #[serde(flatten)]
    pub(crate) source: std::collections::BTreeMap<&'a str, &'a str>,
}

/// The names of the fixed `meta` fields, which source metadata cannot replace.
const RESERVED_META: [&str; 5] = ["title", "source_path", "sha256", "status", "offset_unit"];

/// The status as written in files.
pub(crate) fn status_key(status: DocumentStatus) -> &'static str {
    match status {
        DocumentStatus::New => "new",
        DocumentStatus::InProgress => "in_progress",
        DocumentStatus::Done => "done",
    }
}

/// The line object of one document.
pub(crate) fn document_line<'a>(view: &DocView<'a>) -> JsonlDocument<'a> {
    let doc = view.doc;
    JsonlDocument {
        id: view.doc_key(),
        text: view.text(),
        spans: view
            .spans
            .iter()
            .map(|span| {
                let (start, end) = view.span_offsets(span);
                JsonlSpan {
                    id: span_key(span),
                    start,
                    end,
                    label: span.label.as_str(),
                    text: view.span_text(span),
                    note: span.note().as_deref(),
                    attributes: span
                        .attributes()
                        .iter()
                        .map(|(name, value)| (name.as_str(), JsonlValue::from(value)))
                        .collect(),
                    annotator: span.annotator.as_deref(),
                    suggested_by: span.suggested_by().as_deref(),
                }
            })
            .collect(),
        relations: view
            .relations
            .iter()
            .map(|r| JsonlRelation {
                id: format!("r{}", r.id.0),
                head: span_id_key(r.head),
                child: span_id_key(r.child),
                label: r.kind.as_str(),
                annotator: r.annotator.as_deref(),
            })
            .collect(),
        meta: JsonlMeta {
            title: doc.title(),
            source_path: doc.source_path(),
            sha256: doc.sha256(),
            status: status_key(doc.status()),
            offset_unit: view.unit().as_str(),
            source: doc
                .meta()
                .iter()
                .filter(|(k, _)| !RESERVED_META.contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
        },
    }
}

/// Writes one JSON object per document, one per line, with `line`; advances `progress` per
/// document and stops when it is cancelled. Every JSON Lines exporter writes through this.
pub(crate) fn json_lines<'a, T: Serialize>(
    docs: &[DocView<'a>],
    progress: &Progress,
    format: &'static str,
    mut line: impl FnMut(&DocView<'a>) -> T,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::with_capacity(docs.iter().map(|d| d.text().len() * 2 + 64).sum());
    for view in docs {
        if progress.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        serde_json::to_writer(&mut out, &line(view)).map_err(|e| ExportError::Encode {
            format,
            message: e.to_string(),
        })?;
        out.push(b'\n');
        progress.advance();
    }
    Ok(out)
}

/// Writes the JSONL bytes of `docs`.
pub(crate) fn jsonl_bytes(
    docs: &[DocView<'_>],
    progress: &Progress,
) -> Result<Vec<u8>, ExportError> {
    json_lines(docs, progress, "jsonl", document_line)
}

/// The native JSONL export: one file.
pub(crate) fn export(
    docs: &[DocView<'_>],
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    Ok(vec![ExportFile {
        place: FilePlace::Main,
        bytes: jsonl_bytes(docs, progress)?,
    }])
}
