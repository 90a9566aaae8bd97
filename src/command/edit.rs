//! Invertible edits of a [`Project`]: applying one returns the edit that undoes it.

use std::ops::Range;

use crate::model::{
    DocId, Document, DocumentStatus, Label, LabelField, LabelId, ModelError, Project, RemovedLabel,
    Span, SpanId,
};

/// One change to a project. [`Edit::apply`] returns the inverse edit; a failed apply changes
/// nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Add a span (its id comes from [`Project::allocate_span_id`]; see [`Edit::add_span`]).
    AddSpan(Span),
    /// Remove a span.
    RemoveSpan(SpanId),
    /// Change a span's label.
    RelabelSpan {
        /// The span.
        id: SpanId,
        /// The new label.
        label: LabelId,
    },
    /// Move a span's edges (byte offsets).
    SetSpanRange {
        /// The span.
        id: SpanId,
        /// The new byte range.
        range: Range<usize>,
    },
    /// Set or clear a span's note.
    SetNote {
        /// The span.
        id: SpanId,
        /// The new note.
        note: Option<String>,
    },
    /// Set a document's annotation status.
    SetDocumentStatus {
        /// The document.
        doc: DocId,
        /// The new status.
        status: DocumentStatus,
    },
    /// Add a document with its spans (the inverse of removing it).
    AddDocument {
        /// The document (its id comes from [`Project::allocate_doc_id`]).
        document: Box<Document>,
        /// Its spans (empty for a newly imported document).
        spans: Vec<Span>,
    },
    /// Remove a document and its spans.
    RemoveDocument(DocId),
    /// Insert a label at a position of the schema, with spans using it (empty for a new label; the
    /// inverse of a label removal carries the removed spans).
    AddLabel {
        /// Position in the schema.
        index: usize,
        /// The label.
        label: Label,
        /// Spans to restore with it.
        spans: Vec<Span>,
    },
    /// Change one field of a label (name, colour, hotkey, description).
    UpdateLabel {
        /// The label.
        id: LabelId,
        /// The field and its new value.
        field: LabelField,
    },
    /// Remove a label and every span using it.
    RemoveLabel(LabelId),
    /// Several edits applied in order as one step; all or nothing.
    Batch(Vec<Edit>),
}

impl Edit {
    /// An [`Edit::AddSpan`] with a fresh id taken from the project's counter.
    pub fn add_span(
        project: &mut Project,
        doc: DocId,
        range: Range<usize>,
        label: LabelId,
    ) -> Edit {
        Edit::AddSpan(Span::new(project.allocate_span_id(), doc, range, label))
    }

    /// An [`Edit::AddDocument`] for a new document with a fresh id and no spans.
    pub fn add_document(
        project: &mut Project,
        title: impl Into<String>,
        source_path: Option<String>,
        text: impl Into<String>,
    ) -> Edit {
        let doc = Document::new(project.allocate_doc_id(), title, source_path, text);
        Edit::AddDocument {
            document: Box::new(doc),
            spans: Vec::new(),
        }
    }

    /// An [`Edit::AddLabel`] appending a label at the end of the schema.
    pub fn append_label(project: &Project, label: Label) -> Edit {
        Edit::AddLabel {
            index: project.schema().len(),
            label,
            spans: Vec::new(),
        }
    }

    /// A short name for menus ("Undo add span").
    pub fn name(&self) -> &'static str {
        match self {
            Edit::AddSpan(_) => "add span",
            Edit::RemoveSpan(_) => "remove span",
            Edit::RelabelSpan { .. } => "change label",
            Edit::SetSpanRange { .. } => "move span edges",
            Edit::SetNote { .. } => "edit note",
            Edit::SetDocumentStatus { .. } => "set document status",
            Edit::AddDocument { .. } => "add document",
            Edit::RemoveDocument(_) => "remove document",
            Edit::AddLabel { .. } => "add label",
            Edit::UpdateLabel { .. } => "edit label",
            Edit::RemoveLabel(_) => "remove label",
            Edit::Batch(_) => "several changes",
        }
    }

    /// Applies the edit and returns its inverse. On error the project is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, ModelError> {
        Ok(match self {
            Edit::AddSpan(span) => {
                let id = span.id;
                project.insert_span(span)?;
                Edit::RemoveSpan(id)
            }
            Edit::RemoveSpan(id) => Edit::AddSpan(project.remove_span(id)?),
            Edit::RelabelSpan { id, label } => Edit::RelabelSpan {
                id,
                label: project.set_span_label(id, label)?,
            },
            Edit::SetSpanRange { id, range } => Edit::SetSpanRange {
                id,
                range: project.set_span_range(id, range)?,
            },
            Edit::SetNote { id, note } => Edit::SetNote {
                id,
                note: project.set_span_note(id, note)?,
            },
            Edit::SetDocumentStatus { doc, status } => Edit::SetDocumentStatus {
                doc,
                status: project.set_document_status(doc, status)?,
            },
            Edit::AddDocument { document, spans } => {
                let id = document.id();
                project.insert_document(*document, spans)?;
                Edit::RemoveDocument(id)
            }
            Edit::RemoveDocument(id) => {
                let (document, spans) = project.remove_document(id)?;
                Edit::AddDocument {
                    document: Box::new(document),
                    spans,
                }
            }
            Edit::AddLabel {
                index,
                label,
                spans,
            } => {
                let id = label.id.clone();
                project.restore_label(RemovedLabel {
                    index,
                    label,
                    spans,
                })?;
                Edit::RemoveLabel(id)
            }
            Edit::UpdateLabel { id, field } => {
                let field = project.update_label(&id, field)?;
                Edit::UpdateLabel { id, field }
            }
            Edit::RemoveLabel(id) => {
                let removed = project.remove_label(&id)?;
                Edit::AddLabel {
                    index: removed.index,
                    label: removed.label,
                    spans: removed.spans,
                }
            }
            Edit::Batch(edits) => apply_batch(edits, project)?,
        })
    }

    /// If `self` and `older` are inverses that restore the same property of the same object
    /// (e.g. two range changes of one span), `older` alone undoes both, so `self` can be dropped
    /// when merging a gesture.
    pub(crate) fn is_subsumed_by(&self, older: &Edit) -> bool {
        match (self, older) {
            (Edit::RelabelSpan { id: a, .. }, Edit::RelabelSpan { id: b, .. })
            | (Edit::SetSpanRange { id: a, .. }, Edit::SetSpanRange { id: b, .. })
            | (Edit::SetNote { id: a, .. }, Edit::SetNote { id: b, .. }) => a == b,
            (Edit::SetDocumentStatus { doc: a, .. }, Edit::SetDocumentStatus { doc: b, .. }) => {
                a == b
            }
            (Edit::UpdateLabel { id: a, field: fa }, Edit::UpdateLabel { id: b, field: fb }) => {
                a == b && std::mem::discriminant(fa) == std::mem::discriminant(fb)
            }
            _ => false,
        }
    }
}

/// Applies edits in order; if one fails, undoes those already applied and returns the error.
fn apply_batch(edits: Vec<Edit>, project: &mut Project) -> Result<Edit, ModelError> {
    let counters = (project.next_doc_id, project.next_span_id);
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Inverses of edits that just succeeded apply cleanly.
                    let _ = inverse.apply(project);
                }
                (project.next_doc_id, project.next_span_id) = counters;
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}
