//! One document as an exporter sees it: text, spans, relations, and offsets in the export's unit.

use crate::model::offsets::{OffsetIndex, OffsetUnit};
use crate::model::{Document, Project, Relation, Span, SpanId};

/// A document prepared for export: its spans in text order and an index that converts their byte
/// offsets to the export's unit.
#[derive(Clone, Debug)]
pub struct DocView<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its spans, in text order (start, end, label, id).
    pub spans: &'a [Span],
    /// Its relations, by id.
    pub relations: Vec<&'a Relation>,
    project: &'a Project,
    index: OffsetIndex<'a>,
    unit: OffsetUnit,
}

impl<'a> DocView<'a> {
    /// Prepares `doc` of `project` for offsets in `unit`.
    pub fn new(project: &'a Project, doc: &'a Document, unit: OffsetUnit) -> Self {
        Self {
            doc,
            spans: project.spans_of(doc.id()),
            relations: project.relations_of_doc(doc.id()).collect(),
            project,
            index: OffsetIndex::new(doc.text()),
            unit,
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.doc.text()
    }

    /// The unit offsets are converted to.
    pub fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// A byte offset of the text in the export's unit.
    pub fn offset(&self, byte: usize) -> usize {
        // Span offsets are checked by the model to be character boundaries inside the text.
        self.index.from_byte(byte, self.unit).unwrap_or(0)
    }

    /// A byte offset of the text in code points (for reports, which always speak code points).
    pub fn code_point(&self, byte: usize) -> usize {
        self.index.byte_to_char(byte).unwrap_or(0)
    }

    /// A span's start and end in the export's unit.
    pub fn span_offsets(&self, span: &Span) -> (usize, usize) {
        (self.offset(span.start), self.offset(span.end))
    }

    /// The span with this id (relation ends), if it exists.
    pub fn span_by_id(&self, id: SpanId) -> Option<&'a Span> {
        self.project.span(id)
    }

    /// The text a span covers.
    pub fn span_text(&self, span: &Span) -> &'a str {
        self.text().get(span.range()).unwrap_or_default()
    }

    /// A short stable name for the document in exports: `doc-<id>`.
    pub fn doc_key(&self) -> String {
        format!("doc-{}", self.doc.id().0)
    }
}

/// A short stable name for a span in exports: `s<id>`.
pub fn span_key(span: &Span) -> String {
    span_id_key(span.id)
}

/// [`span_key`] from the id alone (relation ends).
pub fn span_id_key(id: SpanId) -> String {
    format!("s{}", id.0)
}

/// `"kind = anonymous, verified = true"`: a span's attribute values for the loss report.
pub(crate) fn attributes_detail(span: &Span) -> String {
    span.attributes()
        .iter()
        .map(|(name, value)| format!("{name} = {}", crate::io::export::one_line(&value.as_text())))
        .collect::<Vec<_>>()
        .join(", ")
}
