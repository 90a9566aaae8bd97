//! Errors raised when an operation would break a model invariant.

use crate::model::{DocId, LabelId, RelationId, RelationTypeId, SpanId};

/// Why the model refused an operation. A refused operation leaves the project unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// No document has this id.
    #[error("{0} does not exist")]
    UnknownDocument(DocId),
    /// No span has this id.
    #[error("{0} does not exist")]
    UnknownSpan(SpanId),
    /// No label of the schema has this id.
    #[error("label \"{0}\" is not in the label schema")]
    UnknownLabel(LabelId),
    /// The range is empty or reversed (`start >= end`).
    #[error("{span}: the range {start}..{end} is empty or reversed")]
    EmptyRange {
        /// The span concerned.
        span: SpanId,
        /// Start byte offset.
        start: usize,
        /// End byte offset (exclusive).
        end: usize,
    },
    /// The range ends past the end of the document's text.
    #[error("{span}: the range {start}..{end} ends past the end of the text ({len} bytes)")]
    OutOfRange {
        /// The span concerned.
        span: SpanId,
        /// Start byte offset.
        start: usize,
        /// End byte offset (exclusive).
        end: usize,
        /// Length of the text in bytes.
        len: usize,
    },
    /// An offset falls inside a multi-byte character.
    #[error("{span}: byte offset {offset} is not on a character boundary")]
    NotCharBoundary {
        /// The span concerned.
        span: SpanId,
        /// The offending byte offset.
        offset: usize,
    },
    /// Another span already has the same document, range and label.
    #[error("{span} would duplicate {existing} (same document, range and label)")]
    DuplicateSpan {
        /// The span refused.
        span: SpanId,
        /// The span already there.
        existing: SpanId,
    },
    /// A span with this id already exists.
    #[error("{0} already exists")]
    DuplicateSpanId(SpanId),
    /// A document with this id already exists.
    #[error("{0} already exists")]
    DuplicateDocId(DocId),
    /// A label with this id already exists.
    #[error("label \"{0}\" already exists")]
    DuplicateLabel(LabelId),
    /// Another label already uses this hotkey.
    #[error("hotkey '{hotkey}' is already used by label \"{label}\"")]
    DuplicateHotkey {
        /// The hotkey.
        hotkey: char,
        /// The label already using it.
        label: LabelId,
    },
    /// The string is not acceptable as a label id.
    #[error("\"{0}\" is not a valid label id (use letters, digits, '_' or '-')")]
    InvalidLabelId(String),
    /// A label position past the end of the schema.
    #[error("label position {index} is past the end of the schema ({len} labels)")]
    LabelIndexOutOfRange {
        /// The requested position.
        index: usize,
        /// Number of labels in the schema.
        len: usize,
    },
    /// An attribute declaration is malformed (bad name, no or repeated choices).
    #[error("{0}")]
    InvalidAttribute(String),
    /// The span's label declares no attribute of this name.
    #[error("{span}: label \"{label}\" has no attribute \"{name}\"")]
    UnknownAttribute {
        /// The span concerned.
        span: SpanId,
        /// Its label.
        label: LabelId,
        /// The attribute name.
        name: String,
    },
    /// The value is not one the attribute takes.
    #[error("{span}: \"{value}\" is not a value of attribute \"{name}\"")]
    AttributeValueNotAllowed {
        /// The span concerned.
        span: SpanId,
        /// The attribute name.
        name: String,
        /// The refused value, as text.
        value: String,
    },
    /// The string is not acceptable as a relation type id.
    #[error("\"{0}\" is not a valid relation type id (use letters, digits, '_' or '-')")]
    InvalidRelationType(String),
    /// A relation type with this id already exists.
    #[error("relation type \"{0}\" already exists")]
    DuplicateRelationType(RelationTypeId),
    /// No relation type of the schema has this id.
    #[error("relation type \"{0}\" is not in the schema")]
    UnknownRelationType(RelationTypeId),
    /// No relation has this id.
    #[error("{0} does not exist")]
    UnknownRelation(RelationId),
    /// A relation with this id already exists.
    #[error("{0} already exists")]
    DuplicateRelationId(RelationId),
    /// Another relation already links the same spans with the same type.
    #[error("{relation} would duplicate {existing} (same type, head and child)")]
    DuplicateRelation {
        /// The relation refused.
        relation: RelationId,
        /// The relation already there.
        existing: RelationId,
    },
    /// The two ends of a relation are in different documents.
    #[error("{relation}: {head} and {child} are in different documents")]
    RelationAcrossDocuments {
        /// The relation refused.
        relation: RelationId,
        /// Its head.
        head: SpanId,
        /// Its child.
        child: SpanId,
    },
    /// A relation from a span to itself.
    #[error("{relation}: a span cannot be linked to itself ({span})")]
    RelationToItself {
        /// The relation refused.
        relation: RelationId,
        /// The span at both ends.
        span: SpanId,
    },
    /// The relation type does not allow these labels at its ends.
    #[error("{relation}: a \"{kind}\" relation cannot go from a \"{head}\" to a \"{child}\"")]
    RelationNotAllowed {
        /// The relation refused.
        relation: RelationId,
        /// Its type.
        kind: RelationTypeId,
        /// The head's label.
        head: LabelId,
        /// The child's label.
        child: LabelId,
    },
    /// A relation end names a span that does not exist.
    #[error("{relation}: its end {span} does not exist")]
    DanglingRelationEnd {
        /// The relation refused.
        relation: RelationId,
        /// The missing span.
        span: SpanId,
    },
    /// The span is an end of relations (remove them first, as `Edit::RemoveSpan` does).
    #[error("{span} is linked by {count} relation(s)")]
    SpanHasRelations {
        /// The span.
        span: SpanId,
        /// How many relations use it.
        count: usize,
    },
}
