//! doccano JSONL, in its `label` form (sequence labelling) and its `entities` form (the relation
//! extraction project type), one document per line:
//!
//! ```text
//! {"id":1,"text":"…","label":[[6,27,"source"]],"Comments":[],"isnad_id":"doc-1","title":"…","offset_unit":"utf16"}
//! {"id":1,"text":"…","entities":[{"id":1,"label":"source","start_offset":6,"end_offset":27}],"relations":[{"id":1,"from_id":4,"to_id":1,"type":"attributed_to"}],"Comments":[],"isnad_id":"doc-1","title":"…","offset_unit":"utf16"}
//! ```
//! `id` is the document's id; entity ids are span ids. doccano's importer keeps every key it does
//! not read (all but `text` and the label column) as the example's metadata, so `isnad_id`,
//! `title` and `offset_unit` travel with the document and come back in doccano's own export.
//! Offsets are UTF-16 code units (what doccano's browser front end counts) unless the user asked
//! for code points. The `entities` form holds relations as doccano's relation-extraction projects
//! export them (`from_id` the head's entity id, `to_id` the child's, `type` the relation type id);
//! the `label` form has no place for them, so each relation is reported as
//! [`LossKind::RelationDropped`]. doccano has no per-span notes nor span attributes (its
//! `Comments` belong to the whole example, written by its users, so Isnad does not fill them):
//! each span with a note is reported as [`LossKind::NoteDropped`], each span with attribute values
//! as [`LossKind::AttributeDropped`]. Overlapping spans are kept (doccano shows them when the
//! project allows overlapping entities).

use serde::Serialize;

use crate::io::export::doc_view::attributes_detail;
use crate::io::export::jsonl::json_lines;

use crate::io::export::{
    DocView, ExportError, ExportFile, FilePlace, LossKind, LossReport, Progress,
};

/// The keys doccano keeps as metadata, shared by both forms.
#[derive(Serialize)]
struct Meta<'a> {
    isnad_id: String,
    title: &'a str,
    offset_unit: &'static str,
}

impl<'a> Meta<'a> {
    fn of(view: &DocView<'a>) -> Self {
        Self {
            isnad_id: view.doc_key(),
            title: view.doc.title(),
            offset_unit: view.unit().as_str(),
        }
    }
}

/// A line of the `label` form.
#[derive(Serialize)]
struct LabelLine<'a> {
    id: u64,
    text: &'a str,
    label: Vec<(usize, usize, &'a str)>,
    #[serde(rename = "Comments")]
    comments: [(); 0],
    #[serde(flatten)]
    meta: Meta<'a>,
}

/// A line of the `entities` form.
#[derive(Serialize)]
struct EntitiesLine<'a> {
    id: u64,
    text: &'a str,
    entities: Vec<Entity<'a>>,
    relations: Vec<EntityRelation<'a>>,
    #[serde(rename = "Comments")]
    comments: [(); 0],
    #[serde(flatten)]
    meta: Meta<'a>,
}

/// One entity of the `entities` form.
#[derive(Serialize)]
struct Entity<'a> {
    id: u64,
    label: &'a str,
    start_offset: usize,
    end_offset: usize,
}

/// One relation of the `entities` form: ends by entity (span) id.
#[derive(Serialize)]
struct EntityRelation<'a> {
    id: u64,
    from_id: u64,
    to_id: u64,
    #[serde(rename = "type")]
    kind: &'a str,
}

/// `{"id":1,"text":"…","label":[[start,end,"label"]],"Comments":[],…}` per line.
pub(crate) fn export_label(
    docs: &[DocView<'_>],
    report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    export_lines(docs, report, progress, false, |view| LabelLine {
        id: view.doc.id().0,
        text: view.text(),
        label: view
            .spans
            .iter()
            .map(|span| {
                let (start, end) = view.span_offsets(span);
                (start, end, span.label.as_str())
            })
            .collect(),
        comments: [],
        meta: Meta::of(view),
    })
}

/// `{"id":1,"text":"…","entities":[{"id","label","start_offset","end_offset"}],"relations":[],…}`
/// per line.
pub(crate) fn export_entities(
    docs: &[DocView<'_>],
    report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    export_lines(docs, report, progress, true, |view| EntitiesLine {
        id: view.doc.id().0,
        text: view.text(),
        entities: view
            .spans
            .iter()
            .map(|span| {
                let (start_offset, end_offset) = view.span_offsets(span);
                Entity {
                    id: span.id.0,
                    label: span.label.as_str(),
                    start_offset,
                    end_offset,
                }
            })
            .collect(),
        relations: view
            .relations
            .iter()
            .map(|r| EntityRelation {
                id: r.id.0,
                from_id: r.head.0,
                to_id: r.child.0,
                kind: r.kind.as_str(),
            })
            .collect(),
        comments: [],
        meta: Meta::of(view),
    })
}

/// Writes one line per document with `line`, reporting every note and attribute dropped, and
/// every relation unless the form `holds_relations`.
fn export_lines<'a, T: Serialize>(
    docs: &[DocView<'a>],
    report: &mut LossReport,
    progress: &Progress,
    holds_relations: bool,
    line: impl Fn(&DocView<'a>) -> T,
) -> Result<Vec<ExportFile>, ExportError> {
    let out = json_lines(docs, progress, report.format.cli_name(), |view| {
        for span in view.spans {
            if span.note().as_deref().is_some_and(|n| !n.is_empty()) {
                report.record(LossKind::NoteDropped, view, span);
            }
            if !span.attributes().is_empty() {
                let detail = attributes_detail(span);
                report.record_detail(LossKind::AttributeDropped, view, span, detail);
            }
        }
        if !holds_relations {
            for relation in &view.relations {
                report.record_relation(LossKind::RelationDropped, view, relation);
            }
        }
        line(view)
    })?;
    Ok(vec![ExportFile {
        place: FilePlace::Main,
        bytes: out,
    }])
}
