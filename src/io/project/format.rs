//! The on-disk shape of a project (format version 3) and its serialisation.
//!
//! ```text
//! // Isnad project. Offsets: Unicode code points into each document's text, end exclusive.
//! (
//!     format_version: 3,
//!     offset_unit: "code_points",
//!     labels: [
//!         (id: "actor", name: "Actor", colour: "#0072B2", hotkey: Some('1'), description: "…"),
//!         (id: "claim", …, attributes: [(name: "form", kind: Choice(["direct_quote", …]))]),
//!     ],
//!     relation_types: [
//!         (id: "attributed_to", name: "attributed to", heads: ["claim"], children: ["source"], description: "…"),
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
//!         // document 1
//!         (id: 1, doc: 1, start: 4, end: 22, label: "actor"),
//!         (id: 5062757391745, doc: 1, start: 23, end: 38, label: "claim", attributes: {"form": "direct_quote"}, note: Some("…"), annotator: Some("layla"), suggested_by: Some("cues")),
//!     ],
//!     relations: [
//!         // document 1
//!         (id: 1, kind: "attributed_to", head: 2, child: 5, annotator: Some("layla")),
//!     ],
//!     // Optional: verdicts on suggestions (see `suggestion_format.rs`).
//!     rejected_suggestions: [
//!         // document 1
//!         (doc: 1, start: 4, end: 10, label: "source"),
//!     ],
//!     suggester_tallies: [(suggester: "cues", accepted: 12, relabelled: 1, rejected: 3)],
//! )
//! ```
//!
//! Made to merge in git. One span or relation per line, documents by id, spans by document then
//! start, end, label and id, relations by document then id. Every document opens its block of
//! spans and of relations with a `// document ID` line that no edit rewrites, so additions to the
//! end of one document and the start of the next are apart, not one conflicting insertion. No id
//! counter is stored (format 2 had `next_doc_id`, `next_span_id`, `next_relation_id`, one line
//! rewritten by every edit): a loaded project hands out new ids from random points (see
//! `Project::allocate_span_id`), so two copies edited apart add different ids.
//!
//! Who made a span or relation (`annotator`) and the suggester an accepted suggestion came from
//! (`suggested_by`) are optional fields of its line, absent in older files.
//!
//! Version 2 files load with their ids (their counters are ignored). Version 1
//! files (before relations and attributes) load with the default relation types, and the default
//! attributes on labels with the default ids (`claim`, `source`).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::offsets::OffsetIndex;
use crate::model::{
    AttributeDef, AttributeKind, AttributeValue, DocumentStatus, LabelId, Project, RelationType,
};

/// The format version this code writes and the newest it reads.
pub const FORMAT_VERSION: u64 = 3;
/// The last format version without relations and attributes.
pub(crate) const VERSION_WITHOUT_RELATIONS: u64 = 1;
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
    /// Absent when the label declares none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) attributes: Vec<FileAttribute>,
}

/// An attribute declaration as written in the file.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileAttribute {
    pub(crate) name: String,
    pub(crate) kind: FileAttributeKind,
}

/// The values an attribute takes, as written in the file.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) enum FileAttributeKind {
    Choice(Vec<String>),
    Flag,
    Text,
}

impl From<&AttributeDef> for FileAttribute {
    fn from(def: &AttributeDef) -> Self {
        Self {
            name: def.name.clone(),
            kind: match &def.kind {
                AttributeKind::Choice(values) => FileAttributeKind::Choice(values.clone()),
                AttributeKind::Flag => FileAttributeKind::Flag,
                AttributeKind::Text => FileAttributeKind::Text,
            },
        }
    }
}

impl From<FileAttribute> for AttributeDef {
    fn from(file: FileAttribute) -> Self {
        Self {
            name: file.name,
            kind: match file.kind {
                FileAttributeKind::Choice(values) => AttributeKind::Choice(values),
                FileAttributeKind::Flag => AttributeKind::Flag,
                FileAttributeKind::Text => AttributeKind::Text,
            },
        }
    }
}

/// A span's attribute value as written in the file: `true`/`false` for flags, a string for
/// choices and free text (the label's declaration tells which).
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum FileValue {
    Flag(bool),
    Text(String),
}

impl From<&AttributeValue> for FileValue {
    fn from(value: &AttributeValue) -> Self {
        match value {
            AttributeValue::Flag(b) => FileValue::Flag(*b),
            AttributeValue::Choice(s) | AttributeValue::Text(s) => FileValue::Text(s.clone()),
        }
    }
}

/// A relation type as written in the file.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileRelationType {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) heads: Vec<String>,
    pub(crate) children: Vec<String>,
    pub(crate) description: String,
}

impl From<&RelationType> for FileRelationType {
    fn from(kind: &RelationType) -> Self {
        let ids = |labels: &[LabelId]| labels.iter().map(|l| l.as_str().to_owned()).collect();
        Self {
            id: kind.id.as_str().to_owned(),
            name: kind.name.clone(),
            heads: ids(&kind.heads),
            children: ids(&kind.children),
            description: kind.description.clone(),
        }
    }
}

/// A relation as written in the file.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileRelation {
    pub(crate) id: u64,
    pub(crate) kind: String,
    pub(crate) head: u64,
    pub(crate) child: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) annotator: Option<String>,
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
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) attributes: BTreeMap<String, FileValue>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) annotator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) suggested_by: Option<String>,
}

/// The whole file.
#[derive(Debug, Deserialize)]
pub(crate) struct FileProject {
    pub(crate) format_version: u64,
    pub(crate) offset_unit: String,
    // Versions 1 and 2 also hold `next_doc_id`, `next_span_id` and `next_relation_id`: ignored.
    pub(crate) labels: Vec<FileLabel>,
    /// Absent in version 1 (which then gets the default types).
    #[serde(default)]
    pub(crate) relation_types: Vec<FileRelationType>,
    pub(crate) documents: Vec<FileDocument>,
    pub(crate) spans: Vec<FileSpan>,
    /// Absent in version 1.
    #[serde(default)]
    pub(crate) relations: Vec<FileRelation>,
    /// Annotation guidelines (Markdown); absent when empty and in files written before them.
    #[serde(default)]
    pub(crate) guidelines: String,
    /// Rejected suggestions (see `suggestion_format.rs`); absent when there are none.
    #[serde(default)]
    pub(crate) rejected_suggestions: Vec<super::suggestion_format::FileRejection>,
    /// The suggesters' tallies; absent when nothing was judged.
    #[serde(default)]
    pub(crate) suggester_tallies: Vec<super::suggestion_format::FileTally>,
}

/// The comment line opening a document's spans and relations: it never changes while the
/// document exists, so git sees edits of neighbouring documents as apart.
fn document_marker(doc: u64) -> String {
    format!("// document {doc}")
}

fn encode<T: Serialize>(value: &T, pretty: bool) -> Result<String, String> {
    let config = ron::ser::PrettyConfig::new()
        .compact_structs(!pretty)
        .compact_arrays(!pretty)
        .compact_maps(!pretty);
    ron::ser::to_string_pretty(value, config).map_err(|e| e.to_string())
}

/// Writes `project` as format-3 RON text (code-point offsets, one span per line).
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

    out.push_str("    labels: [\n");
    for label in project.schema().labels() {
        let file_label = FileLabel {
            id: label.id.as_str().to_owned(),
            name: label.name.clone(),
            colour: label.colour.to_hex(),
            hotkey: label.hotkey,
            description: label.description.clone(),
            attributes: label.attributes.iter().map(FileAttribute::from).collect(),
        };
        let _ = writeln!(out, "        {},", encode(&file_label, false)?);
    }
    out.push_str("    ],\n    relation_types: [\n");
    for kind in project.schema().relation_types() {
        let file_kind = FileRelationType::from(kind);
        let _ = writeln!(out, "        {},", encode(&file_kind, false)?);
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
        let _ = writeln!(out, "        {}", document_marker(doc.id().0));
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
            if !span.attributes().is_empty() {
                let values: BTreeMap<&str, FileValue> = span
                    .attributes()
                    .iter()
                    .map(|(name, value)| (name.as_str(), FileValue::from(value)))
                    .collect();
                let _ = write!(out, ", attributes: {}", encode(&values, false)?);
            }
            if let Some(note) = &span.note() {
                let _ = write!(out, ", note: Some({})", encode(note, false)?);
            }
            if let Some(annotator) = &span.annotator {
                let _ = write!(out, ", annotator: Some({})", encode(&&**annotator, false)?);
            }
            if let Some(suggester) = &span.suggested_by() {
                let _ = write!(
                    out,
                    ", suggested_by: Some({})",
                    encode(&&**suggester, false)?
                );
            }
            out.push_str("),\n");
        }
    }
    out.push_str("    ],\n    relations: [\n");
    for doc in project.documents() {
        let _ = writeln!(out, "        {}", document_marker(doc.id().0));
        for relation in project.relations_of_doc(doc.id()) {
            let _ = write!(
                out,
                "        (id: {}, kind: {}, head: {}, child: {}",
                relation.id.0,
                encode(&relation.kind.as_str(), false)?,
                relation.head.0,
                relation.child.0,
            );
            if let Some(annotator) = &relation.annotator {
                let _ = write!(out, ", annotator: Some({})", encode(annotator, false)?);
            }
            out.push_str("),\n");
        }
    }
    out.push_str("    ],\n");
    super::suggestion_format::write_suggestion_memory(&mut out, project)?;
    if !project.guidelines().is_empty() {
        let _ = writeln!(
            out,
            "    guidelines: {},",
            encode(&project.guidelines(), false)?
        );
    }
    out.push_str(")\n");
    Ok(out)
}
