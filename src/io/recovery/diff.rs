//! What a recovery file would change: documents added and removed, and per changed document its
//! span count and status in the project file and in the recovery.

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
        if old == doc && old_spans == new_spans {
            out.unchanged += 1;
            continue;
        }
        out.changed.push(DocumentChange {
            title: doc.title().to_owned(),
            file_spans: old_spans.len(),
            recovered_spans: new_spans.len(),
            file_status: old.status(),
            recovered_status: doc.status(),
            text_changed: old.sha256() != doc.sha256(),
        });
    }
    out
}
