//! What a recovery file would change: documents added and removed, and per changed document its
//! span and relation counts and status in the project file and in the recovery.

use crate::io::project::{DocSummary, ProjectComparison};
use crate::model::{DocumentStatus, Project};

/// A document present in both projects whose spans, status, title or text differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentChange {
    /// The title (the recovery's, when it was renamed).
    pub title: String,
    /// Spans in the project file.
    pub file_spans: usize,
    /// Spans in the recovery.
    pub recovered_spans: usize,
    /// Relations in the project file.
    pub file_relations: usize,
    /// Relations in the recovery.
    pub recovered_relations: usize,
    /// Status in the project file.
    pub file_status: DocumentStatus,
    /// Status in the recovery.
    pub recovered_status: DocumentStatus,
    /// Whether the text itself differs (a crop).
    pub text_changed: bool,
}

/// A summary of how a recovered project differs from the project file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecoveryDiff {
    /// Titles of documents only in the recovery.
    pub added: Vec<String>,
    /// Titles of documents only in the project file.
    pub removed: Vec<String>,
    /// Documents in both that differ.
    pub changed: Vec<DocumentChange>,
    /// Documents in both that are identical.
    pub unchanged: usize,
    /// Spans in the project file.
    pub file_spans: usize,
    /// Spans in the recovery.
    pub recovered_spans: usize,
    /// Relations in the project file.
    pub file_relations: usize,
    /// Relations in the recovery.
    pub recovered_relations: usize,
    /// Whether the label schema differs.
    pub labels_changed: bool,
}

impl RecoveryDiff {
    /// Whether anything the summary counts differs.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && !self.labels_changed
    }
}

/// How `recovered` differs from `file` (documents matched by id): the project comparison of the
/// disk-change check ([`ProjectComparison`]), with the recovery as "mine" and the file as "disk".
pub fn diff(file: &Project, recovered: &Project) -> RecoveryDiff {
    let comparison = ProjectComparison::new(recovered, file);
    let titles = |docs: Vec<DocSummary>| docs.into_iter().map(|d| d.title).collect();
    let in_both = recovered
        .documents()
        .filter(|d| file.document(d.id()).is_some())
        .count();
    RecoveryDiff {
        unchanged: in_both - comparison.changed.len(),
        changed: comparison
            .changed
            .into_iter()
            .map(|c| DocumentChange {
                title: c.title,
                file_spans: c.spans_disk,
                recovered_spans: c.spans_mine,
                file_relations: c.relations_disk,
                recovered_relations: c.relations_mine,
                file_status: c.status_disk,
                recovered_status: c.status_mine,
                text_changed: c.text_changed,
            })
            .collect(),
        added: titles(comparison.only_mine),
        removed: titles(comparison.only_on_disk),
        file_spans: file.span_count(),
        recovered_spans: recovered.span_count(),
        file_relations: file.relation_count(),
        recovered_relations: recovered.relation_count(),
        labels_changed: file.schema() != recovered.schema(),
    }
}
