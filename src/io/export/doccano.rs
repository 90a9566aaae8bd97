//! doccano JSONL, in its `label` form (sequence labelling) and its `entities` form (the relation
//! extraction project type), one document per line:
//!
//! ```text
//! {"id":1,"text":"…","label":[[6,27,"source"]],"Comments":[],"isnad_id":"doc-1","title":"…","offset_unit":"utf16"}
//! {"id":1,"text":"…","entities":[{"id":1,"label":"source","start_offset":6,"end_offset":27}],"relations":[],"Comments":[],"isnad_id":"doc-1","title":"…","offset_unit":"utf16"}
//! ```
//! `id` is the document's id; entity ids are span ids. doccano's importer keeps every key it does
//! not read (all but `text` and the label column) as the example's metadata, so `isnad_id`,
//! `title` and `offset_unit` travel with the document and come back in doccano's own export.
//! Offsets are UTF-16 code units (what doccano's browser front end counts) unless the user asked
//! for code points. doccano has no per-span notes: each span with a note is reported as
//! [`LossKind::NoteDropped`]. Overlapping spans are kept (doccano shows them when the project
//! allows overlapping entities).

use serde::Serialize;

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
    relations: [(); 0],
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

/// `{"id":1,"text":"…","label":[[start,end,"label"]],"Comments":[],…}` per line.
pub(crate) fn export_label(
    docs: &[DocView<'_>],
    report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    export_lines(docs, report, progress, |view| LabelLine {
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
    export_lines(docs, report, progress, |view| EntitiesLine {
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
        relations: [],
        comments: [],
        meta: Meta::of(view),
    })
}

/// Writes one line per document with `line`, reporting every note dropped.
fn export_lines<'a, T: Serialize>(
    docs: &[DocView<'a>],
    report: &mut LossReport,
    progress: &Progress,
    line: impl Fn(&DocView<'a>) -> T,
) -> Result<Vec<ExportFile>, ExportError> {
    let out = json_lines(docs, progress, report.format.cli_name(), |view| {
        for span in view.spans {
            if span.note.as_deref().is_some_and(|n| !n.is_empty()) {
                report.record(LossKind::NoteDropped, view, span);
            }
        }
        line(view)
    })?;
    Ok(vec![ExportFile {
        place: FilePlace::Main,
        bytes: out,
    }])
}
