//! Label Studio tasks JSON, one task per document, and the labelling config beside it:
//!
//! ```text
//! [
//! {"id":1,"data":{"text":"…","title":"…","isnad_id":"doc-1","offset_unit":"code_points"},"annotations":[{"result":[
//!   {"id":"s1","from_name":"label","to_name":"text","type":"labels","value":{"start":6,"end":27,"text":"…","labels":["source"]}},
//!   {"id":"s1","from_name":"note","to_name":"text","type":"textarea","value":{"start":6,"end":27,"text":["the note"]}},
//!   {"id":"s1","from_name":"kind","to_name":"text","type":"choices","value":{"start":6,"end":27,"choices":["institution"]}},
//!   {"id":"s1","from_name":"verified","to_name":"text","type":"choices","value":{"start":6,"end":27,"choices":["yes"]}},
//!   {"from_id":"s4","to_id":"s1","type":"relation","direction":"right","labels":["attributed_to"]}]}]}
//! ]
//! ```
//! Each span is a `labels` region whose id is the span's (`s1`); a note is the region's per-region
//! `TextArea` result: same id, the region's offsets and the note as a one-line list, which is how
//! Label Studio itself saves a `perRegion` text area. Each attribute value is a per-region result
//! of the control named after the attribute (see [`attribute_control`]): `choices` for a choice
//! (its id) or a flag (`yes`/`no`), `textarea` for free text. Each relation is a `relation` result
//! from its head region to its child, its type id as the one label. Nothing is lost. Offsets are code points
//! (Label Studio's own unit) unless the user asked otherwise; `data.offset_unit` says which.
//! A document without spans gets no annotation (so Label Studio shows it as still to label) unless
//! it is marked done.

use serde::Serialize;

use crate::io::export::doc_view::{span_id_key, span_key};
use crate::io::export::{DocView, ExportError, ExportFile, FilePlace, LossReport, Progress};
use crate::model::{AttributeValue, DocumentStatus, Project};

mod config;

pub(crate) use config::{attribute_control, attribute_of_control, label_config};

/// The name of the `Labels` control in the config and in results.
pub(crate) const LABELS_NAME: &str = "label";
/// The name of the `Text` object.
pub(crate) const TEXT_NAME: &str = "text";
/// The name of the per-region `TextArea` holding notes.
pub(crate) const NOTE_NAME: &str = "note";

/// One task.
#[derive(Serialize)]
struct Task<'a> {
    id: u64,
    data: TaskData<'a>,
    annotations: Vec<Annotation<'a>>,
}

/// The task's data: the text and the document's metadata.
#[derive(Serialize)]
struct TaskData<'a> {
    text: &'a str,
    title: &'a str,
    isnad_id: String,
    offset_unit: &'static str,
}

/// One annotation: the regions, their notes and attributes, and the relations.
#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<Item<'a>>,
}

/// One result: a region (or a per-region value) or a relation.
#[derive(Serialize)]
#[serde(untagged)]
enum Item<'a> {
    Region(Region<'a>),
    Relation(RelationResult<'a>),
}

/// A relation between two regions.
#[derive(Serialize)]
struct RelationResult<'a> {
    from_id: String,
    to_id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    labels: [&'a str; 1],
}

/// One region result of an annotation.
#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: std::borrow::Cow<'static, str>,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: RegionValue<'a>,
}

/// The value of a labelled region or of its note.
#[derive(Serialize)]
#[serde(untagged)]
enum RegionValue<'a> {
    Labels {
        start: usize,
        end: usize,
        text: &'a str,
        labels: [&'a str; 1],
    },
    Note {
        start: usize,
        end: usize,
        text: [&'a str; 1],
    },
    Choices {
        start: usize,
        end: usize,
        choices: [&'a str; 1],
    },
}

/// The task of one document.
fn task<'a>(view: &DocView<'a>) -> Task<'a> {
    let mut result = Vec::with_capacity(view.spans.len());
    for span in view.spans {
        let (start, end) = view.span_offsets(span);
        result.push(Item::Region(Region {
            id: span_key(span),
            from_name: LABELS_NAME.into(),
            to_name: TEXT_NAME,
            kind: "labels",
            value: RegionValue::Labels {
                start,
                end,
                text: view.span_text(span),
                labels: [span.label.as_str()],
            },
        }));
        if let Some(note) = span.note().as_deref().filter(|n| !n.is_empty()) {
            result.push(Item::Region(Region {
                id: span_key(span),
                from_name: NOTE_NAME.into(),
                to_name: TEXT_NAME,
                kind: "textarea",
                value: RegionValue::Note {
                    start,
                    end,
                    text: [note],
                },
            }));
        }
        for (name, value) in span.attributes() {
            let (kind, value) = match value {
                AttributeValue::Text(text) => (
                    "textarea",
                    RegionValue::Note {
                        start,
                        end,
                        text: [text],
                    },
                ),
                AttributeValue::Choice(choice) => (
                    "choices",
                    RegionValue::Choices {
                        start,
                        end,
                        choices: [choice],
                    },
                ),
                AttributeValue::Flag(flag) => (
                    "choices",
                    RegionValue::Choices {
                        start,
                        end,
                        choices: [if *flag { "yes" } else { "no" }],
                    },
                ),
            };
            result.push(Item::Region(Region {
                id: span_key(span),
                from_name: attribute_control(name).into(),
                to_name: TEXT_NAME,
                kind,
                value,
            }));
        }
    }
    for relation in &view.relations {
        result.push(Item::Relation(RelationResult {
            from_id: span_id_key(relation.head),
            to_id: span_id_key(relation.child),
            kind: "relation",
            direction: "right",
            labels: [relation.kind.as_str()],
        }));
    }
    let annotated = !result.is_empty() || view.doc.status() == DocumentStatus::Done;
    Task {
        id: view.doc.id().0,
        data: TaskData {
            text: view.text(),
            title: view.doc.title(),
            isnad_id: view.doc_key(),
            offset_unit: view.unit().as_str(),
        },
        annotations: if annotated {
            vec![Annotation { result }]
        } else {
            Vec::new()
        },
    }
}

/// The Label Studio tasks JSON (one task per line inside the array) and its labelling config.
pub(crate) fn export(
    project: &Project,
    docs: &[DocView<'_>],
    _report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    let mut out = Vec::with_capacity(docs.iter().map(|d| d.text().len() * 2 + 64).sum());
    out.extend_from_slice(b"[\n");
    for (i, view) in docs.iter().enumerate() {
        if progress.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        serde_json::to_writer(&mut out, &task(view)).map_err(|e| ExportError::Encode {
            format: "label-studio",
            message: e.to_string(),
        })?;
        progress.advance();
    }
    out.extend_from_slice(b"\n]\n");
    Ok(vec![
        ExportFile {
            place: FilePlace::Main,
            bytes: out,
        },
        ExportFile {
            place: FilePlace::Beside("label-config.xml"),
            bytes: label_config(project).into_bytes(),
        },
    ])
}
