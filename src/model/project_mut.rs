//! Checked changes to a [`Project`]. Each method either succeeds completely or returns a
//! [`ModelError`] and leaves the project unchanged.

use std::collections::HashSet;
use std::ops::Range;

use crate::model::project::{DocEntry, SpanLoc};
use crate::model::span::DocSpans;
use crate::model::{
    DocId, Document, DocumentStatus, Label, LabelField, LabelId, ModelError, Project, Span, SpanId,
};

/// What [`Project::remove_label`] took out, enough to put it back with [`Project::restore_label`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedLabel {
    /// Position the label had in the schema.
    pub index: usize,
    /// The label.
    pub label: Label,
    /// The spans that used it, by document then text order.
    pub spans: Vec<Span>,
}

/// Checks that `start..end` is a valid, non-empty range of `text` on character boundaries.
pub fn check_range(text: &str, span: SpanId, start: usize, end: usize) -> Result<(), ModelError> {
    if start >= end {
        return Err(ModelError::EmptyRange { span, start, end });
    }
    if end > text.len() {
        return Err(ModelError::OutOfRange {
            span,
            start,
            end,
            len: text.len(),
        });
    }
    for offset in [start, end] {
        if !text.is_char_boundary(offset) {
            return Err(ModelError::NotCharBoundary { span, offset });
        }
    }
    Ok(())
}

impl Project {
    fn entry(&self, doc: DocId) -> Result<&DocEntry, ModelError> {
        self.documents
            .get(&doc)
            .ok_or(ModelError::UnknownDocument(doc))
    }

    fn loc(&self, id: SpanId) -> Result<SpanLoc, ModelError> {
        self.span_index
            .get(&id)
            .copied()
            .ok_or(ModelError::UnknownSpan(id))
    }

    /// Checks everything about `span` except whether its id is already taken. `replacing` is the
    /// id of a span being changed, which does not count as a duplicate of itself.
    fn check_span_fields(&self, span: &Span, replacing: Option<SpanId>) -> Result<(), ModelError> {
        let entry = self.entry(span.doc)?;
        if !self.schema.contains(&span.label) {
            return Err(ModelError::UnknownLabel(span.label.clone()));
        }
        check_range(entry.doc.text(), span.id, span.start, span.end)?;
        match entry.spans.duplicate_of(span.range(), &span.label) {
            Some(existing) if Some(existing) != replacing => Err(ModelError::DuplicateSpan {
                span: span.id,
                existing,
            }),
            _ => Ok(()),
        }
    }

    /// Checks that `span` could be inserted (document and label exist, range valid, id free, no
    /// duplicate).
    pub fn check_new_span(&self, span: &Span) -> Result<(), ModelError> {
        if self.span_index.contains_key(&span.id) {
            return Err(ModelError::DuplicateSpanId(span.id));
        }
        self.check_span_fields(span, None)
    }

    /// Adds a span (its id must be unused; ids at or past the counter advance it).
    pub fn insert_span(&mut self, span: Span) -> Result<(), ModelError> {
        self.check_new_span(&span)?;
        self.insert_span_unchecked(span);
        Ok(())
    }

    fn insert_span_unchecked(&mut self, span: Span) {
        self.next_span_id = self.next_span_id.max(span.id.0.saturating_add(1));
        let loc = SpanLoc {
            doc: span.doc,
            start: span.start,
            end: span.end,
        };
        if let Some(entry) = self.documents.get_mut(&span.doc) {
            self.span_index.insert(span.id, loc);
            entry.spans.insert(span);
        }
    }

    /// Removes a span and returns it.
    pub fn remove_span(&mut self, id: SpanId) -> Result<Span, ModelError> {
        let loc = self.loc(id)?;
        let entry = self
            .documents
            .get_mut(&loc.doc)
            .ok_or(ModelError::UnknownDocument(loc.doc))?;
        let index = entry
            .spans
            .position(id, loc.start..loc.end)
            .ok_or(ModelError::UnknownSpan(id))?;
        self.span_index.remove(&id);
        Ok(entry.spans.remove(index))
    }

    /// Replaces a span by a changed copy after checking it; returns the old span.
    fn replace_span(
        &mut self,
        id: SpanId,
        change: impl FnOnce(&mut Span),
    ) -> Result<Span, ModelError> {
        let old = self.span(id).ok_or(ModelError::UnknownSpan(id))?.clone();
        let mut new = old.clone();
        change(&mut new);
        self.check_span_fields(&new, Some(id))?;
        self.remove_span(id)?;
        self.insert_span_unchecked(new);
        Ok(old)
    }

    /// Changes a span's label; returns the previous label.
    pub fn set_span_label(&mut self, id: SpanId, label: LabelId) -> Result<LabelId, ModelError> {
        Ok(self.replace_span(id, |s| s.label = label)?.label)
    }

    /// Moves a span's edges; returns the previous range.
    pub fn set_span_range(
        &mut self,
        id: SpanId,
        range: Range<usize>,
    ) -> Result<Range<usize>, ModelError> {
        Ok(self
            .replace_span(id, |s| {
                s.start = range.start;
                s.end = range.end;
            })?
            .range())
    }

    /// Sets or clears a span's note; returns the previous note.
    pub fn set_span_note(
        &mut self,
        id: SpanId,
        note: Option<String>,
    ) -> Result<Option<String>, ModelError> {
        Ok(self.replace_span(id, |s| s.note = note)?.note)
    }

    /// Sets a document's status; returns the previous status.
    pub fn set_document_status(
        &mut self,
        doc: DocId,
        status: DocumentStatus,
    ) -> Result<DocumentStatus, ModelError> {
        let entry = self
            .documents
            .get_mut(&doc)
            .ok_or(ModelError::UnknownDocument(doc))?;
        Ok(entry.doc.set_status(status))
    }

    /// Checks a batch of new spans: ids free and distinct, documents and labels known (`new_doc`
    /// and `new_label` count as present), ranges valid, no duplicate among the batch or with the
    /// spans already there.
    fn check_new_spans(
        &self,
        spans: &[Span],
        new_doc: Option<&Document>,
        new_label: Option<&LabelId>,
    ) -> Result<(), ModelError> {
        let mut ids = HashSet::new();
        let mut keys = HashSet::new();
        for span in spans {
            if self.span_index.contains_key(&span.id) || !ids.insert(span.id) {
                return Err(ModelError::DuplicateSpanId(span.id));
            }
            let existing = self.documents.get(&span.doc);
            let text = match (existing, new_doc) {
                (Some(entry), _) => entry.doc.text(),
                (None, Some(doc)) if doc.id() == span.doc => doc.text(),
                _ => return Err(ModelError::UnknownDocument(span.doc)),
            };
            if !self.schema.contains(&span.label) && Some(&span.label) != new_label {
                return Err(ModelError::UnknownLabel(span.label.clone()));
            }
            check_range(text, span.id, span.start, span.end)?;
            let earlier = existing.and_then(|e| e.spans.duplicate_of(span.range(), &span.label));
            let key = (span.doc, span.start, span.end, &span.label);
            if let Some(existing) = earlier.or_else(|| (!keys.insert(key)).then_some(span.id)) {
                return Err(ModelError::DuplicateSpan {
                    span: span.id,
                    existing,
                });
            }
        }
        Ok(())
    }

    /// Adds a document together with its spans (which must all belong to it).
    pub fn insert_document(&mut self, doc: Document, spans: Vec<Span>) -> Result<(), ModelError> {
        let id = doc.id();
        if self.documents.contains_key(&id) {
            return Err(ModelError::DuplicateDocId(id));
        }
        if let Some(stray) = spans.iter().find(|s| s.doc != id) {
            return Err(ModelError::UnknownDocument(stray.doc));
        }
        self.check_new_spans(&spans, Some(&doc), None)?;
        self.next_doc_id = self.next_doc_id.max(id.0.saturating_add(1));
        self.documents.insert(
            id,
            DocEntry {
                doc,
                spans: DocSpans::default(),
            },
        );
        for span in spans {
            self.insert_span_unchecked(span);
        }
        Ok(())
    }

    /// Removes a document and its spans; returns both (spans in text order).
    pub fn remove_document(&mut self, id: DocId) -> Result<(Document, Vec<Span>), ModelError> {
        let entry = self
            .documents
            .remove(&id)
            .ok_or(ModelError::UnknownDocument(id))?;
        let spans = entry.spans.into_vec();
        for span in &spans {
            self.span_index.remove(&span.id);
        }
        Ok((entry.doc, spans))
    }

    /// Inserts a label at `index` in the schema.
    pub fn insert_label(&mut self, index: usize, label: Label) -> Result<(), ModelError> {
        self.schema.insert(index, label)
    }

    /// Sets one field of a label; returns the field with its previous value. Spans are untouched:
    /// they refer to the label's stable id.
    pub fn update_label(
        &mut self,
        id: &LabelId,
        field: LabelField,
    ) -> Result<LabelField, ModelError> {
        self.schema.update(id, field)
    }

    /// Removes a label and every span that uses it.
    pub fn remove_label(&mut self, id: &LabelId) -> Result<RemovedLabel, ModelError> {
        if !self.schema.contains(id) {
            return Err(ModelError::UnknownLabel(id.clone()));
        }
        let spans = self.spans_with_label(id);
        for span in &spans {
            self.remove_span(span.id)?;
        }
        let (index, label) = self.schema.remove(id)?;
        Ok(RemovedLabel {
            index,
            label,
            spans,
        })
    }

    /// Puts back what [`Project::remove_label`] removed: the label at its position and its spans.
    pub fn restore_label(&mut self, removed: RemovedLabel) -> Result<(), ModelError> {
        let RemovedLabel {
            index,
            label,
            spans,
        } = removed;
        self.schema.check_insert(index, &label)?;
        if let Some(stray) = spans.iter().find(|s| s.label != label.id) {
            return Err(ModelError::UnknownLabel(stray.label.clone()));
        }
        self.check_new_spans(&spans, None, Some(&label.id))?;
        self.schema.insert(index, label)?;
        for span in spans {
            self.insert_span_unchecked(span);
        }
        Ok(())
    }
}
