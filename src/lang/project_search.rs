//! Searching every document of a project, made to run off the UI thread: it reads shared texts
//! (no borrow of the project), reports progress after each document and stops when asked.
//!
//! Results are hit ranges only (16 bytes a hit); the keyword-in-context pieces are cut on demand
//! with [`crate::lang::context::context`], for the rows a list shows or the lines a command prints.

use std::ops::Range;
use std::sync::Arc;

use crate::lang::search::Query;
use crate::model::{DocId, Project};

/// The hits of one document, as original byte ranges in text order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentHits {
    /// The document.
    pub doc: DocId,
    /// Its hits (never empty).
    pub hits: Vec<Range<usize>>,
}

/// The hits of a project search, grouped by document in project order (documents without hits
/// left out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectHits {
    /// The documents with hits.
    pub documents: Vec<DocumentHits>,
    /// How many documents were searched (all of them unless cancelled).
    pub searched: usize,
    /// Whether the search was stopped before the last document.
    pub cancelled: bool,
}

impl ProjectHits {
    /// The number of hits in all documents.
    pub fn total(&self) -> usize {
        self.documents.iter().map(|d| d.hits.len()).sum()
    }

    /// Drops the hits of `doc` that overlap `range` (a span searched for "like this" is not one
    /// of its own other occurrences), and the document when none is left. Returns how many were
    /// dropped.
    pub fn remove_overlapping(&mut self, doc: DocId, range: &Range<usize>) -> usize {
        let mut removed = 0;
        for document in self.documents.iter_mut().filter(|d| d.doc == doc) {
            let before = document.hits.len();
            document
                .hits
                .retain(|h| h.end <= range.start || h.start >= range.end);
            removed += before - document.hits.len();
        }
        self.documents.retain(|d| !d.hits.is_empty());
        removed
    }
}

/// The texts of every document of `project`, in project order, shared (no copy): what a search
/// thread takes with it.
pub fn shared_texts(project: &Project) -> Vec<(DocId, Arc<str>)> {
    project
        .documents()
        .map(|d| (d.id(), d.shared_text()))
        .collect()
}

/// Searches every document of `project` (see [`search_texts`]).
pub fn search_project(
    project: &Project,
    query: &Query,
    progress: &dyn Fn(usize, usize) -> bool,
) -> ProjectHits {
    search_texts(&shared_texts(project), query, progress)
}

/// Searches `texts` in order. After each document `progress(done, total)` is called; when it
/// returns `false` the search stops there and the result says it was cancelled (with the hits
/// found so far).
pub fn search_texts(
    texts: &[(DocId, Arc<str>)],
    query: &Query,
    progress: &dyn Fn(usize, usize) -> bool,
) -> ProjectHits {
    let mut result = ProjectHits::default();
    for (doc, text) in texts {
        let hits = query.find(text);
        if !hits.is_empty() {
            result.documents.push(DocumentHits { doc: *doc, hits });
        }
        result.searched += 1;
        if !progress(result.searched, texts.len()) {
            result.cancelled = result.searched < texts.len();
            break;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;
    use crate::lang::search::SearchOptions;
    use crate::model::Document;

    fn project(texts: &[&str]) -> Project {
        let mut project = Project::default();
        for (i, text) in texts.iter().enumerate() {
            let id = project.allocate_doc_id();
            let doc = Document::new(id, format!("doc {i}"), None, *text);
            project.insert_document(doc, Vec::new()).expect("document");
        }
        project
    }

    #[test]
    fn hits_are_grouped_by_document_with_counts() {
        let project = project(&["قال الوزير إنه قال", "لا شيء هنا", "وقالَ الرئيس"]);
        let query = Query::new("قال", SearchOptions::default()).expect("query");
        let calls = Cell::new(0);
        let result = search_project(&project, &query, &|done, total| {
            calls.set(calls.get() + 1);
            assert_eq!(total, 3);
            assert_eq!(done, calls.get());
            true
        });
        assert_eq!(calls.get(), 3);
        assert!(!result.cancelled);
        assert_eq!(result.searched, 3);
        assert_eq!(result.total(), 3);
        let counts: Vec<(u64, usize)> = result
            .documents
            .iter()
            .map(|d| (d.doc.0, d.hits.len()))
            .collect();
        assert_eq!(counts, [(1, 2), (3, 1)]);
        let third = project.document(DocId(3)).expect("doc").text();
        assert_eq!(&third[result.documents[1].hits[0].clone()], "قالَ");
    }

    #[test]
    fn the_span_searched_for_is_not_its_own_occurrence() {
        let project = project(&["قال ثم قالَ", "قال"]);
        let query = Query::new("قال", SearchOptions::default()).expect("query");
        let mut result = search_project(&project, &query, &|_, _| true);
        assert_eq!(result.total(), 3);
        // The span covers the first word of document 1 only (its harakat-free form).
        assert_eq!(result.remove_overlapping(DocId(1), &(0..6)), 1);
        assert_eq!(result.documents[0].hits, vec![(12..20)]);
        assert_eq!(result.remove_overlapping(DocId(2), &(2..4)), 1);
        assert_eq!(
            result.documents.len(),
            1,
            "a document left without hits is dropped"
        );
        assert_eq!(result.remove_overlapping(DocId(1), &(0..6)), 0);
    }

    #[test]
    fn a_false_from_progress_cancels() {
        let project = project(&["قال", "قال", "قال"]);
        let query = Query::new("قال", SearchOptions::default()).expect("query");
        let result = search_project(&project, &query, &|done, _| done < 2);
        assert!(result.cancelled);
        assert_eq!(result.searched, 2);
        assert_eq!(result.total(), 2);
        // Stopping after the last document is no cancellation.
        let result = search_project(&project, &query, &|done, _| done < 3);
        assert!(!result.cancelled);
    }
}
