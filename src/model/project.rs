//! The project: label schema, documents and their spans, with fast read-only queries.
//!
//! Changes go through the methods in `project_mut.rs`, which check every invariant before touching
//! anything.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::model::id_maps::IdMap;
use crate::model::ids::{IdCounters, first_free};
use crate::model::span::DocSpans;
use crate::model::{
    DocId, Document, LabelId, LabelSchema, Relation, RelationId, RelationType, Span, SpanId,
};

/// A document with its spans. The spans are shared with [`DocumentsSnapshot`]s taken of the
/// project; an edit copies them only while a snapshot still holds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DocEntry {
    pub(crate) doc: Document,
    pub(crate) spans: Arc<DocSpans>,
}

/// Where a span lives: its document and range (enough to find it by binary search).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SpanLoc {
    pub(crate) doc: DocId,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Everything annotated in one project file.
///
/// Invariants, checked by every mutating method: each span's document and label exist; its range
/// is non-empty, inside the text and on character boundaries; no two spans share document, range
/// and label; its attributes are declared by its label and hold allowed values. Each relation's
/// type exists, its two ends are distinct spans of one document whose labels the type allows, and
/// no two relations share type, head and child. Ids are unique.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Project {
    pub(crate) schema: LabelSchema,
    pub(crate) documents: BTreeMap<DocId, DocEntry>,
    pub(crate) span_index: IdMap<SpanId, SpanLoc>,
    /// Relations by document then id (so a document's relations are one range).
    pub(crate) relations: BTreeMap<(DocId, RelationId), Relation>,
    /// The document of each relation.
    pub(crate) relation_docs: IdMap<RelationId, DocId>,
    /// The relations each span is an end of (spans without relations are absent).
    pub(crate) span_relations: IdMap<SpanId, Vec<RelationId>>,
    /// Where new ids come from (not part of the content: see [`IdCounters`]).
    pub(crate) ids: IdCounters,
    /// Annotation guidelines (Markdown); see `model/guidelines.rs`.
    pub(crate) guidelines: String,
    /// Verdicts on suggestions; see `model/suggestion_memory.rs`.
    pub(crate) suggestion_memory: crate::model::SuggestionMemory,
}

impl Default for Project {
    /// An empty project with the default schema (Actor, Claim, Source).
    fn default() -> Self {
        Self::new(LabelSchema::default())
    }
}

impl Project {
    /// An empty project with this schema. Ids start at 1 (a project loaded from a file starts them
    /// at random points instead: see [`Project::allocate_span_id`]).
    pub fn new(schema: LabelSchema) -> Self {
        Self {
            schema,
            documents: BTreeMap::new(),
            span_index: IdMap::default(),
            relations: BTreeMap::new(),
            relation_docs: IdMap::default(),
            span_relations: IdMap::default(),
            ids: IdCounters::from_one(),
            guidelines: String::new(),
            suggestion_memory: crate::model::SuggestionMemory::default(),
        }
    }

    /// The label schema.
    pub fn schema(&self) -> &LabelSchema {
        &self.schema
    }

    /// All documents, by id.
    pub fn documents(&self) -> impl ExactSizeIterator<Item = &Document> + '_ {
        self.documents.values().map(|e| &e.doc)
    }

    /// The document with this id.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.documents.get(&id).map(|e| &e.doc)
    }

    /// Number of documents.
    pub fn document_count(&self) -> usize {
        self.documents.len()
    }

    /// Number of spans in all documents.
    pub fn span_count(&self) -> usize {
        self.span_index.len()
    }

    /// The span with this id.
    pub fn span(&self, id: SpanId) -> Option<&Span> {
        let loc = self.span_index.get(&id)?;
        let spans = &self.documents.get(&loc.doc)?.spans;
        let index = spans.position(id, loc.start..loc.end)?;
        spans.get(index)
    }

    /// The spans of a document in text order (start, end, label, id); empty for an unknown
    /// document.
    pub fn spans_of(&self, doc: DocId) -> &[Span] {
        self.documents.get(&doc).map_or(&[], |e| e.spans.as_slice())
    }

    /// Spans of `doc` intersecting the byte range (`span.start < range.end && span.end >
    /// range.start`), in text order. O(log n + k): meant to be called every frame with the visible
    /// range.
    pub fn spans_overlapping(
        &self,
        doc: DocId,
        range: Range<usize>,
    ) -> impl Iterator<Item = &Span> + '_ {
        self.documents
            .get(&doc)
            .into_iter()
            .flat_map(move |e| e.spans.overlapping(range.clone()))
    }

    /// Spans of `doc` containing the byte at `offset`, in text order.
    pub fn spans_at(&self, doc: DocId, offset: usize) -> impl Iterator<Item = &Span> + '_ {
        self.spans_overlapping(doc, offset..offset.saturating_add(1))
    }

    /// The span of `doc` with exactly this range and label, if any.
    pub fn find_duplicate(
        &self,
        doc: DocId,
        range: Range<usize>,
        label: &LabelId,
    ) -> Option<SpanId> {
        self.documents.get(&doc)?.spans.duplicate_of(range, label)
    }

    /// Number of spans of each label in `doc`, in schema order (zero counts included). O(labels):
    /// the counts are kept up to date by every change.
    pub fn label_counts(&self, doc: DocId) -> Vec<(LabelId, usize)> {
        let entry = self.documents.get(&doc);
        self.schema
            .labels()
            .iter()
            .map(|l| {
                let count = entry.map_or(0, |e| e.spans.label_count(&l.id));
                (l.id.clone(), count)
            })
            .collect()
    }

    /// The end of the span of `doc` reaching furthest into the text (0 without spans). O(log n
    /// + k), k the spans starting within the longest span's length before the last start.
    pub fn furthest_span_end(&self, doc: DocId) -> usize {
        let Some(last) = self.spans_of(doc).last() else {
            return 0;
        };
        // The furthest end is at least the last-starting span's end; only spans reaching past
        // it can hold it.
        self.spans_overlapping(doc, last.end.saturating_sub(1)..usize::MAX)
            .map(|s| s.end)
            .max()
            .unwrap_or(last.end)
    }

    /// Number of spans with this label in the whole project (e.g. to warn before removing it).
    pub fn label_usage(&self, label: &LabelId) -> usize {
        self.documents
            .values()
            .flat_map(|e| e.spans.as_slice())
            .filter(|s| &s.label == label)
            .count()
    }

    /// All spans with this label, by document then text order.
    pub fn spans_with_label(&self, label: &LabelId) -> Vec<Span> {
        self.documents
            .values()
            .flat_map(|e| e.spans.as_slice())
            .filter(|s| &s.label == label)
            .cloned()
            .collect()
    }

    /// Number of relations in all documents.
    pub fn relation_count(&self) -> usize {
        self.relation_docs.len()
    }

    /// The relation with this id.
    pub fn relation(&self, id: RelationId) -> Option<&Relation> {
        let doc = self.relation_docs.get(&id)?;
        self.relations.get(&(*doc, id))
    }

    /// The relations of a document, by id.
    pub fn relations_of_doc(&self, doc: DocId) -> impl Iterator<Item = &Relation> + '_ {
        self.relations
            .range((doc, RelationId(0))..=(doc, RelationId(u64::MAX)))
            .map(|(_, r)| r)
    }

    /// The relations `span` is an end of (head or child), by id.
    pub fn relations_of_span(&self, span: SpanId) -> impl Iterator<Item = &Relation> + '_ {
        self.span_relations
            .get(&span)
            .into_iter()
            .flatten()
            .filter_map(|id| self.relation(*id))
    }

    /// The relation types that may go from span `head` to span `child` (empty when either does not
    /// exist).
    pub fn fitting_relation_types(&self, head: SpanId, child: SpanId) -> Vec<&RelationType> {
        match (self.span(head), self.span(child)) {
            (Some(h), Some(c)) => self.schema.fitting_relation_types(&h.label, &c.label),
            _ => Vec::new(),
        }
    }

    /// The id the next [`Project::allocate_relation_id`] will return.
    pub fn next_relation_id(&self) -> u64 {
        first_free(self.ids.relation, |n| {
            self.relation_docs.contains_key(&RelationId(n))
        })
    }

    /// Takes a fresh relation id (see [`Project::allocate_span_id`]).
    pub fn allocate_relation_id(&mut self) -> RelationId {
        let id = self.next_relation_id();
        self.ids.relation = id.saturating_add(1);
        RelationId(id)
    }

    /// The id the next [`Project::allocate_doc_id`] will return.
    pub fn next_doc_id(&self) -> u64 {
        first_free(self.ids.doc, |n| self.documents.contains_key(&DocId(n)))
    }

    /// The id the next [`Project::allocate_span_id`] will return.
    pub fn next_span_id(&self) -> u64 {
        first_free(self.ids.span, |n| self.span_index.contains_key(&SpanId(n)))
    }

    /// Takes a fresh document id (see [`Project::allocate_span_id`]).
    pub fn allocate_doc_id(&mut self) -> DocId {
        let id = self.next_doc_id();
        self.ids.doc = id.saturating_add(1);
        DocId(id)
    }

    /// Takes a fresh span id. Ids are never handed out twice by one project, even if the span is
    /// never added or is later removed (so undo and redo stay sensible). A project made in memory
    /// numbers from 1; a project loaded from a file numbers from a random point, so that two
    /// copies edited apart (two annotators, two git branches) do not give their new spans the same
    /// ids and merge without renumbering.
    pub fn allocate_span_id(&mut self) -> SpanId {
        let id = self.next_span_id();
        self.ids.span = id.saturating_add(1);
        SpanId(id)
    }
}
