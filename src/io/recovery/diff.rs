//! What a recovery file would change: documents added and removed, and per changed document its
//! span and relation counts and status in the project file and in the recovery.

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

/// How `recovered` differs from `file` (documents matched by id).
pub fn diff(file: &Project, recovered: &Project) -> RecoveryDiff {
    let mut out = RecoveryDiff {
        file_spans: file.span_count(),
        recovered_spans: recovered.span_count(),
        file_relations: file.relation_count(),
        recovered_relations: recovered.relation_count(),
        labels_changed: file.schema() != recovered.schema(),
        ..RecoveryDiff::default()
    };
    for doc in file.documents() {
        if recovered.document(doc.id()).is_none() {
            out.removed.push(doc.title().to_owned());
        }
    }
    for doc in recovered.documents() {
        let Some(old) = file.document(doc.id()) else {
            out.added.push(doc.title().to_owned());
            continue;
        };
        let (old_spans, new_spans) = (file.spans_of(old.id()), recovered.spans_of(doc.id()));
        let old_relations: Vec<_> = file.relations_of_doc(old.id()).collect();
        let new_relations: Vec<_> = recovered.relations_of_doc(doc.id()).collect();
        if old == doc && old_spans == new_spans && old_relations == new_relations {
            out.unchanged += 1;
            continue;
        }
        out.changed.push(DocumentChange {
            title: doc.title().to_owned(),
            file_spans: old_spans.len(),
            recovered_spans: new_spans.len(),
            file_relations: old_relations.len(),
            recovered_relations: new_relations.len(),
            file_status: old.status(),
            recovered_status: doc.status(),
            text_changed: old.sha256() != doc.sha256(),
        });
    }
    out
}
