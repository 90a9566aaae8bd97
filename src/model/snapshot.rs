//! A read-only view of a project's documents and spans for work on another thread (the app's
//! suggestions), taken without copying the spans.

use std::sync::Arc;

use crate::model::span::DocSpans;
use crate::model::{DocId, Document, LabelSchema, Project, Span};

/// The schema, documents and spans of a project as they were when it was taken. Taking one
/// costs the number of documents, not of spans: the spans are shared with the project, and an
/// edit of the project copies a document's spans only while a snapshot still holds them.
#[derive(Clone, Debug)]
pub struct DocumentsSnapshot {
    schema: LabelSchema,
    /// By id, ascending (as the project keeps them).
    documents: Vec<(Document, Arc<DocSpans>)>,
}

impl DocumentsSnapshot {
    /// The labels and relation types.
    pub fn schema(&self) -> &LabelSchema {
        &self.schema
    }

    /// The documents, by id.
    pub fn documents(&self) -> impl ExactSizeIterator<Item = &Document> {
        self.documents.iter().map(|(doc, _)| doc)
    }

    /// Document `id`.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.entry(id).map(|(doc, _)| doc)
    }

    /// The spans of document `id` in text order (empty for an unknown document).
    pub fn spans_of(&self, id: DocId) -> &[Span] {
        self.entry(id).map_or(&[], |(_, spans)| spans.as_slice())
    }

    fn entry(&self, id: DocId) -> Option<&(Document, Arc<DocSpans>)> {
        let i = self
            .documents
            .binary_search_by_key(&id, |(doc, _)| doc.id())
            .ok()?;
        self.documents.get(i)
    }
}

impl Project {
    /// A snapshot of the documents and spans (see [`DocumentsSnapshot`]).
    pub fn documents_snapshot(&self) -> DocumentsSnapshot {
        DocumentsSnapshot {
            schema: self.schema.clone(),
            documents: self
                .documents
                .values()
                .map(|e| (e.doc.clone(), Arc::clone(&e.spans)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelId;

    #[test]
    fn a_snapshot_keeps_what_it_saw_while_the_project_is_edited_and_shares_the_spans() {
        let mut project = Project::default();
        let doc = project.allocate_doc_id();
        let other = project.allocate_doc_id();
        let label = LabelId::new("actor").unwrap_or_else(|e| panic!("{e}"));
        let span = |project: &mut Project, doc, range| {
            Span::new(project.allocate_span_id(), doc, range, label.clone())
        };
        let first = span(&mut project, doc, 0..6);
        project
            .insert_document(Document::new(doc, "one", None, "قال الوزير"), vec![first])
            .unwrap_or_else(|e| panic!("{e}"));
        project
            .insert_document(Document::new(other, "two", None, "وأكدت"), Vec::new())
            .unwrap_or_else(|e| panic!("{e}"));
        let snapshot = project.documents_snapshot();
        // Shared, not copied.
        let shared = |project: &Project, snapshot: &DocumentsSnapshot| {
            std::ptr::eq(project.spans_of(doc), snapshot.spans_of(doc))
        };
        assert!(shared(&project, &snapshot));
        let second = span(&mut project, doc, 7..19);
        project
            .insert_span(second)
            .unwrap_or_else(|e| panic!("{e}"));
        // The project has both spans; the snapshot still the one it saw.
        assert_eq!(project.spans_of(doc).len(), 2);
        assert_eq!(snapshot.spans_of(doc).len(), 1);
        assert!(!shared(&project, &snapshot));
        assert_eq!(snapshot.documents().len(), 2);
        assert_eq!(snapshot.document(other).map(Document::title), Some("two"));
        assert!(snapshot.spans_of(other).is_empty());
        assert!(snapshot.document(DocId(99)).is_none());
        assert_eq!(snapshot.schema(), project.schema());
        // Once no snapshot holds them, an edit changes the spans in place.
        drop(snapshot);
        let spans_of =
            |project: &Project| project.documents.get(&doc).map(|e| Arc::as_ptr(&e.spans));
        let before = spans_of(&project);
        let third = span(&mut project, doc, 0..2);
        project.insert_span(third).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(spans_of(&project), before);
        assert_eq!(project.spans_of(doc).len(), 3);
    }
}
