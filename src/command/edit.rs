//! Invertible edits of a [`Project`]: applying one returns the edit that undoes it.

use std::ops::Range;

use crate::model::{
    AttributeValue, DocId, Document, DocumentStatus, Label, LabelField, LabelId, ModelError,
    Project, Rejection, Relation, RelationId, RelationTypeId, RemovedLabel, Span, SpanId,
    SuggestionVerdict, Verdict,
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
    /// Add a relation between two spans (its id comes from [`Project::allocate_relation_id`]).
    AddRelation(Relation),
    /// Remove a relation.
    RemoveRelation(RelationId),
    /// Change a relation's type.
    RetypeRelation {
        /// The relation.
        id: RelationId,
        /// The new type.
        kind: RelationTypeId,
    },
    /// Set (`Some`) or clear (`None`) one attribute of a span.
    SetAttribute {
        /// The span.
        span: SpanId,
        /// The attribute name (declared by the span's label).
        name: String,
        /// The new value.
        value: Option<AttributeValue>,
    },
    /// Replace the project's annotation guidelines (Markdown).
    SetGuidelines(String),
    /// Record the annotator's verdict on a suggestion: its suggester's tally, and for a rejection
    /// the suggestion is remembered (not proposed again in its document).
    JudgeSuggestion(SuggestionVerdict),
    /// Take back a verdict (the inverse of [`Edit::JudgeSuggestion`]).
    UnjudgeSuggestion {
        /// The verdict.
        verdict: SuggestionVerdict,
        /// Whether the rejection is forgotten too (it was new when judged).
        forget_rejection: bool,
    },
    /// Replace the rejected suggestions of a document (cropping moves them with the text).
    ReplaceRejections {
        /// The document.
        doc: DocId,
        /// Its rejected suggestions: byte range in its text, and label.
        rejections: Vec<Rejection>,
    },
    /// Several edits applied in order as one step; all or nothing.
    Batch(Vec<Edit>),
}

/// `first`, followed by re-adding `relations` when there are any (the inverse of a removal that
/// took relations with it).
fn with_relations(first: Edit, relations: Vec<Relation>) -> Edit {
    if relations.is_empty() {
        first
    } else {
        let mut edits = vec![first];
        edits.extend(relations.into_iter().map(Edit::AddRelation));
        Edit::Batch(edits)
    }
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

    /// An [`Edit::AddRelation`] with a fresh id taken from the project's counter.
    pub fn add_relation(
        project: &mut Project,
        kind: RelationTypeId,
        head: SpanId,
        child: SpanId,
    ) -> Edit {
        Edit::AddRelation(Relation::new(
            project.allocate_relation_id(),
            kind,
            head,
            child,
        ))
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

    /// A short name for the Edit menu ("Undo add span"); see also [`crate::command::History::apply_named`].
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
            Edit::AddRelation(_) => "add relation",
            Edit::RemoveRelation(_) => "remove relation",
            Edit::RetypeRelation { .. } => "change relation type",
            Edit::SetAttribute { .. } => "set attribute",
            Edit::SetGuidelines(_) => "edit guidelines",
            Edit::JudgeSuggestion(v) | Edit::UnjudgeSuggestion { verdict: v, .. } => {
                match v.verdict {
                    Verdict::Rejected => "reject suggestion",
                    Verdict::Accepted | Verdict::Relabelled => "accept suggestion",
                }
            }
            Edit::ReplaceRejections { .. } => "move rejected suggestions",
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
            Edit::RemoveSpan(id) => {
                if project.span(id).is_none() {
                    return Err(ModelError::UnknownSpan(id));
                }
                let relations = project.remove_relations_of_span(id);
                let span = project.remove_span(id)?;
                with_relations(Edit::AddSpan(span), relations)
            }
            Edit::RelabelSpan { id, label } => relabel(project, id, label)?,
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
                let (document, spans, relations) = project.remove_document(id)?;
                let add = Edit::AddDocument {
                    document: Box::new(document),
                    spans,
                };
                with_relations(add, relations)
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
                    relations: Vec::new(),
                })?;
                Edit::RemoveLabel(id)
            }
            Edit::UpdateLabel { id, field } => {
                let field = project.update_label(&id, field)?;
                Edit::UpdateLabel { id, field }
            }
            Edit::RemoveLabel(id) => {
                let removed = project.remove_label(&id)?;
                let add = Edit::AddLabel {
                    index: removed.index,
                    label: removed.label,
                    spans: removed.spans,
                };
                with_relations(add, removed.relations)
            }
            Edit::AddRelation(relation) => {
                let id = relation.id;
                project.insert_relation(relation)?;
                Edit::RemoveRelation(id)
            }
            Edit::RemoveRelation(id) => Edit::AddRelation(project.remove_relation(id)?),
            Edit::RetypeRelation { id, kind } => Edit::RetypeRelation {
                id,
                kind: project.set_relation_type(id, kind)?,
            },
            Edit::SetAttribute { span, name, value } => {
                let previous = project.set_span_attribute(span, &name, value)?;
                Edit::SetAttribute {
                    span,
                    name,
                    value: previous,
                }
            }
            Edit::SetGuidelines(text) => Edit::SetGuidelines(project.set_guidelines(text)),
            Edit::JudgeSuggestion(verdict) => {
                let forget_rejection = project.judge_suggestion(&verdict)?;
                Edit::UnjudgeSuggestion {
                    verdict,
                    forget_rejection,
                }
            }
            Edit::UnjudgeSuggestion {
                verdict,
                forget_rejection,
            } => {
                project.unjudge_suggestion(&verdict, forget_rejection);
                Edit::JudgeSuggestion(verdict)
            }
            Edit::ReplaceRejections { doc, rejections } => Edit::ReplaceRejections {
                doc,
                rejections: project.replace_rejections(doc, rejections),
            },
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
            (
                Edit::SetAttribute {
                    span: a, name: na, ..
                },
                Edit::SetAttribute {
                    span: b, name: nb, ..
                },
            ) => a == b && na == nb,
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

/// Changes a span's label, first removing the relations the new label would break; the inverse
/// puts back the label, the attribute values it dropped and those relations.
fn relabel(project: &mut Project, id: SpanId, label: LabelId) -> Result<Edit, ModelError> {
    let broken = project.relations_broken_by_label(id, &label);
    let mut removed = Vec::with_capacity(broken.len());
    for relation in &broken {
        removed.push(project.remove_relation(relation.id)?);
    }
    let relabelled = match project.set_span_label(id, label) {
        Ok(relabelled) => relabelled,
        Err(error) => {
            for relation in removed {
                let _ = project.insert_relation(relation);
            }
            return Err(error);
        }
    };
    let back = Edit::RelabelSpan {
        id,
        label: relabelled.label,
    };
    if relabelled.dropped_attributes.is_empty() && removed.is_empty() {
        return Ok(back);
    }
    let mut edits = vec![back];
    edits.extend(
        relabelled
            .dropped_attributes
            .into_iter()
            .map(|(name, value)| Edit::SetAttribute {
                span: id,
                name,
                value: Some(value),
            }),
    );
    edits.extend(removed.into_iter().map(Edit::AddRelation));
    Ok(Edit::Batch(edits))
}

/// Applies edits in order; if one fails, undoes those already applied and returns the error.
fn apply_batch(edits: Vec<Edit>, project: &mut Project) -> Result<Edit, ModelError> {
    let counters = project.ids.clone();
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(error) => {
                for inverse in inverses.into_iter().rev() {
                    // Inverses of edits that just succeeded apply cleanly.
                    let _ = inverse.apply(project);
                }
                project.ids = counters;
                return Err(error);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}
