//! Checked changes to a [`Project`]. Each method either succeeds completely or returns a
//! [`ModelError`] and leaves the project unchanged.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use crate::model::project::{DocEntry, SpanLoc};
use crate::model::relations_mut::{check_attributes, check_relation_ends};
use crate::model::span::DocSpans;
use crate::model::{
    AttributeValue, DocId, Document, DocumentStatus, Label, LabelField, LabelId, ModelError,
    Project, Relation, Span, SpanId,
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
    /// The relations those spans were an end of, by id.
    pub relations: Vec<Relation>,
}

/// What [`Project::set_span_label`] changed besides the label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relabelled {
    /// The previous label.
    pub label: LabelId,
    /// Attribute values the new label does not declare, which were dropped.
    pub dropped_attributes: BTreeMap<String, AttributeValue>,
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
        check_attributes(&self.schema, span)?;
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
        self.ids.span = self.ids.span.max(span.id.0.saturating_add(1));
        let loc = SpanLoc {
            doc: span.doc,
            start: span.start,
            end: span.end,
        };
        if let Some(entry) = self.documents.get_mut(&span.doc) {
            self.span_index.insert(span.id, loc);
            Arc::make_mut(&mut entry.spans).insert(span);
        }
    }

    /// Removes a span and returns it. A span that is an end of relations is refused
    /// ([`ModelError::SpanHasRelations`]): remove them first (`Edit::RemoveSpan` does).
    pub fn remove_span(&mut self, id: SpanId) -> Result<Span, ModelError> {
        let count = self.span_relations.get(&id).map_or(0, Vec::len);
        if count > 0 {
            return Err(ModelError::SpanHasRelations { span: id, count });
        }
        self.take_span(id)
    }

    /// Removes a span without looking at its relations (for changes that put it back at once).
    fn take_span(&mut self, id: SpanId) -> Result<Span, ModelError> {
        let (spans, index) = self.span_slot(id)?;
        let span = spans.remove(index);
        self.span_index.remove(&id);
        Ok(span)
    }

    /// The sorted span list holding span `id`, and its index there.
    fn span_slot(&mut self, id: SpanId) -> Result<(&mut DocSpans, usize), ModelError> {
        let loc = self.loc(id)?;
        let entry = self
            .documents
            .get_mut(&loc.doc)
            .ok_or(ModelError::UnknownDocument(loc.doc))?;
        let index = entry
            .spans
            .position(id, loc.start..loc.end)
            .ok_or(ModelError::UnknownSpan(id))?;
        Ok((Arc::make_mut(&mut entry.spans), index))
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
        self.take_span(id)?;
        self.insert_span_unchecked(new);
        Ok(old)
    }

    /// Changes a span in a way that keeps its place in the sorted list (note, attributes).
    pub(crate) fn modify_span_in_place(
        &mut self,
        id: SpanId,
        change: impl FnOnce(&mut Span),
    ) -> Result<(), ModelError> {
        let (spans, index) = self.span_slot(id)?;
        spans.modify_keeping_order(index, change);
        Ok(())
    }

    /// Changes a span's label. Attribute values the new label does not declare are dropped and
    /// returned. Refused with [`ModelError::RelationNotAllowed`] when a relation of the span would
    /// no longer fit its type (`Edit::RelabelSpan` removes such relations first).
    pub fn set_span_label(&mut self, id: SpanId, label: LabelId) -> Result<Relabelled, ModelError> {
        let span = self.span(id).ok_or(ModelError::UnknownSpan(id))?;
        let mut relabelled = span.clone();
        relabelled.label = label.clone();
        for relation in self.relations_of_span(id) {
            let head = if relation.head == id {
                &relabelled
            } else {
                self.span(relation.head)
                    .ok_or(ModelError::UnknownSpan(relation.head))?
            };
            let child = if relation.child == id {
                &relabelled
            } else {
                self.span(relation.child)
                    .ok_or(ModelError::UnknownSpan(relation.child))?
            };
            check_relation_ends(&self.schema, relation, head, child)?;
        }
        let schema = &self.schema;
        let dropped: BTreeMap<String, AttributeValue> = span
            .attributes()
            .iter()
            .filter(|(name, _)| schema.attribute(&label, name).is_none())
            .map(|(n, v)| (n.clone(), v.clone()))
            .collect();
        let old = self.replace_span(id, |s| {
            s.label = label;
            s.edit_attributes(|a| a.retain(|name, _| !dropped.contains_key(name)));
        })?;
        Ok(Relabelled {
            label: old.label,
            dropped_attributes: dropped,
        })
    }

    /// The relations of `span` that would no longer fit their type if its label became `label`.
    pub fn relations_broken_by_label(&self, span: SpanId, label: &LabelId) -> Vec<Relation> {
        let fits = |r: &Relation| {
            let label_of = |end: SpanId| {
                if end == span {
                    Some(label)
                } else {
                    self.span(end).map(|s| &s.label)
                }
            };
            match (
                self.schema.relation_type(&r.kind),
                label_of(r.head),
                label_of(r.child),
            ) {
                (Some(kind), Some(h), Some(c)) => kind.fits(h, c),
                _ => false,
            }
        };
        self.relations_of_span(span)
            .filter(|r| !fits(r))
            .cloned()
            .collect()
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
        let mut previous = None;
        self.modify_span_in_place(id, |s| {
            previous = s.note().clone();
            s.set_note(note);
        })?;
        Ok(previous)
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
    /// and `new_label` count as present), ranges valid, attributes declared, no duplicate among the
    /// batch or with the spans already there.
    fn check_new_spans(
        &self,
        spans: &[Span],
        new_doc: Option<&Document>,
        new_label: Option<&Label>,
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
            match new_label.filter(|l| l.id == span.label) {
                Some(label) => {
                    let mut schema = crate::model::LabelSchema::empty();
                    schema.insert(0, label.clone())?;
                    check_attributes(&schema, span)?;
                }
                None if self.schema.contains(&span.label) => check_attributes(&self.schema, span)?,
                None => return Err(ModelError::UnknownLabel(span.label.clone())),
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
        self.ids.doc = self.ids.doc.max(id.0.saturating_add(1));
        self.documents.insert(
            id,
            DocEntry {
                doc,
                spans: Default::default(),
            },
        );
        for span in spans {
            self.insert_span_unchecked(span);
        }
        Ok(())
    }

    /// Removes a document, its spans and its relations; returns them (spans in text order,
    /// relations by id).
    pub fn remove_document(
        &mut self,
        id: DocId,
    ) -> Result<(Document, Vec<Span>, Vec<Relation>), ModelError> {
        if !self.documents.contains_key(&id) {
            return Err(ModelError::UnknownDocument(id));
        }
        let relation_ids: Vec<_> = self.relations_of_doc(id).map(|r| r.id).collect();
        let relations = relation_ids
            .into_iter()
            .filter_map(|r| self.remove_relation(r).ok())
            .collect();
        let entry = self
            .documents
            .remove(&id)
            .ok_or(ModelError::UnknownDocument(id))?;
        let spans = Arc::unwrap_or_clone(entry.spans).into_vec();
        for span in &spans {
            self.span_index.remove(&span.id);
        }
        Ok((entry.doc, spans, relations))
    }

    /// Checks relations to be added together with `new_spans` (which count as present): ids free
    /// and distinct, ends fit, no duplicate among them or with the relations already there.
    pub(crate) fn check_new_relations(
        &self,
        relations: &[Relation],
        new_spans: &[Span],
    ) -> Result<(), ModelError> {
        let batch: HashMap<SpanId, &Span> = new_spans.iter().map(|s| (s.id, s)).collect();
        let find = |id: SpanId| {
            batch
                .get(&id)
                .copied()
                .or_else(|| self.span(id))
                .ok_or(ModelError::UnknownSpan(id))
        };
        let mut ids = HashSet::new();
        let mut keys = HashMap::new();
        for r in relations {
            if self.relation_docs.contains_key(&r.id) || !ids.insert(r.id) {
                return Err(ModelError::DuplicateRelationId(r.id));
            }
            check_relation_ends(&self.schema, r, find(r.head)?, find(r.child)?)?;
            let existing = self
                .find_relation(&r.kind, r.head, r.child)
                .or_else(|| keys.insert((&r.kind, r.head, r.child), r.id));
            if let Some(existing) = existing {
                return Err(ModelError::DuplicateRelation {
                    relation: r.id,
                    existing,
                });
            }
        }
        Ok(())
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
        let mut relations = Vec::new();
        for span in &spans {
            relations.extend(self.remove_relations_of_span(span.id));
        }
        relations.sort_unstable_by_key(|r| r.id);
        for span in &spans {
            self.take_span(span.id)?;
        }
        let (index, label) = self.schema.remove(id)?;
        Ok(RemovedLabel {
            index,
            label,
            spans,
            relations,
        })
    }

    /// Puts back what [`Project::remove_label`] removed: the label at its position and its spans.
    pub fn restore_label(&mut self, removed: RemovedLabel) -> Result<(), ModelError> {
        let RemovedLabel {
            index,
            label,
            spans,
            relations,
        } = removed;
        self.schema.check_insert(index, &label)?;
        if let Some(stray) = spans.iter().find(|s| s.label != label.id) {
            return Err(ModelError::UnknownLabel(stray.label.clone()));
        }
        self.check_new_spans(&spans, None, Some(&label))?;
        self.check_new_relations(&relations, &spans)?;
        self.schema.insert(index, label)?;
        for span in spans {
            self.insert_span_unchecked(span);
        }
        for relation in relations {
            if let Some(doc) = self.span(relation.head).map(|s| s.doc) {
                self.insert_relation_unchecked(doc, relation);
            }
        }
        Ok(())
    }
}
