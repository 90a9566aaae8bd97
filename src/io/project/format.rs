//! The on-disk shape of a project (format version 1) and its serialisation.
//!
//! ```text
//! // Isnad project. Offsets: Unicode code points into each document's text, end exclusive.
//! (
//!     format_version: 1,
//!     offset_unit: "code_points",
//!     next_doc_id: 3,
//!     next_span_id: 8,
//!     labels: [
//!         (id: "actor", name: "Actor", colour: "#0072B2", hotkey: Some('1'), description: "…"),
//!     ],
//!     documents: [
//!         (
//!             id: 1,
//!             title: "…",
//!             source_path: Some("…"),
//!             status: InProgress,
//!             sha256: "…",
//!             meta: {"url": "…", "published": "…"},
//!             text: "…",
//!         ),
//!     ],
//!     spans: [
//!         (id: 1, doc: 1, start: 4, end: 22, label: "actor"),
//!         (id: 2, doc: 1, start: 23, end: 38, label: "claim", note: Some("…")),
//!     ],
//! )
//! ```
//!
//! One span per line, documents by id, spans by document then start, end, label and id: two
//! annotators' files diff and merge line by line.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::offsets::OffsetIndex;
use crate::model::{DocumentStatus, LabelId, Project};

/// The format version this code writes and the newest it reads.
pub const FORMAT_VERSION: u64 = 1;
/// The offset unit written in the file.
pub const OFFSET_UNIT: &str = "code_points";

/// Document status as written in the file.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) enum FileStatus {
    New,
    InProgress,
    Done,
}

impl From<DocumentStatus> for FileStatus {
    fn from(status: DocumentStatus) -> Self {
        match status {
            DocumentStatus::New => FileStatus::New,
            DocumentStatus::InProgress => FileStatus::InProgress,
            DocumentStatus::Done => FileStatus::Done,
        }
    }
}

impl From<FileStatus> for DocumentStatus {
    fn from(status: FileStatus) -> Self {
        match status {
            FileStatus::New => DocumentStatus::New,
            FileStatus::InProgress => DocumentStatus::InProgress,
            FileStatus::Done => DocumentStatus::Done,
        }
    }
}

/// A label as written in the file.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileLabel {
    pub(crate) id: String,
    pub(crate) name: String,
    /// `#RRGGBB`.
    pub(crate) colour: String,
    pub(crate) hotkey: Option<char>,
    pub(crate) description: String,
}

/// A document as written in the file.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileDocument {
    pub(crate) id: u64,
    pub(crate) title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) source_path: Option<String>,
    pub(crate) status: FileStatus,
    pub(crate) sha256: String,
    /// Source metadata (absent when empty; files written before it existed have none).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) meta: BTreeMap<String, String>,
    pub(crate) text: String,
}

/// A span as written in the file (code-point offsets).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileSpan {
    pub(crate) id: u64,
    pub(crate) doc: u64,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

/// The whole file.
#[derive(Debug, Deserialize)]
pub(crate) struct FileProject {
    pub(crate) format_version: u64,
    pub(crate) offset_unit: String,
    pub(crate) next_doc_id: u64,
    pub(crate) next_span_id: u64,
    pub(crate) labels: Vec<FileLabel>,
    pub(crate) documents: Vec<FileDocument>,
    pub(crate) spans: Vec<FileSpan>,
}

fn encode<T: Serialize>(value: &T, pretty: bool) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new().compact_structs(!pretty);
    ron::ser::to_string_pretty(value, config).map_err(|e| e.to_string())
}

/// Writes `project` as format-1 RON text (code-point offsets, one span per line).
pub(crate) fn to_ron(project: &Project) -> Result<String, String> {
    let span_count = project.span_count();
    let text_len: usize = project.documents().map(|d| d.text().len()).sum();
    let mut out = String::with_capacity(text_len + span_count * 64 + 4096);
    out.push_str(
        "// Isnad project. Offsets: Unicode code points into each document's text, end exclusive.\n",
    );
    out.push_str("(\n");
    let _ = writeln!(out, "    format_version: {FORMAT_VERSION},");
    let _ = writeln!(out, "    offset_unit: \"{OFFSET_UNIT}\",");
    let _ = writeln!(out, "    next_doc_id: {},", project.next_doc_id());
    let _ = writeln!(out, "    next_span_id: {},", project.next_span_id());

    out.push_str("    labels: [\n");
    for label in project.schema().labels() {
        let file_label = FileLabel {
            id: label.id.as_str().to_owned(),
            name: label.name.clone(),
            colour: label.colour.to_hex(),
            hotkey: label.hotkey,
            description: label.description.clone(),
        };
        let _ = writeln!(out, "        {},", encode(&file_label, false)?);
    }
    out.push_str("    ],\n    documents: [\n");
    for doc in project.documents() {
        let file_doc = FileDocument {
            id: doc.id().0,
            title: doc.title().to_owned(),
            source_path: doc.source_path().map(str::to_owned),
            status: doc.status().into(),
            sha256: doc.sha256().to_owned(),
            meta: doc.meta().clone(),
            text: doc.text().to_owned(),
        };
        let encoded = encode(&file_doc, true)?;
        let last = encoded.lines().count().saturating_sub(1);
        for (i, line) in encoded.lines().enumerate() {
            let comma = if i == last { "," } else { "" };
            let _ = writeln!(out, "        {line}{comma}");
        }
    }
    out.push_str("    ],\n    spans: [\n");
    let mut label_strings: HashMap<&LabelId, String> = HashMap::new();
    for doc in project.documents() {
        let index = OffsetIndex::new(doc.text());
        for span in project.spans_of(doc.id()) {
            let (Some(start), Some(end)) =
                (index.byte_to_char(span.start), index.byte_to_char(span.end))
            else {
                return Err(format!("span {} is not on character boundaries", span.id.0));
            };
            let label = match label_strings.get(&span.label) {
                Some(s) => s,
                None => {
                    let encoded = encode(&span.label.as_str(), false)?;
                    label_strings.entry(&span.label).or_insert(encoded)
                }
            };
            let _ = write!(
                out,
                "        (id: {}, doc: {}, start: {start}, end: {end}, label: {label}",
                span.id.0,
                doc.id().0,
            );
            if let Some(note) = &span.note {
                let _ = write!(out, ", note: Some({})", encode(note, false)?);
            }
            out.push_str("),\n");
        }
    }
    out.push_str("    ],\n)\n");
    Ok(out)
}
