//! Errors raised when an operation would break a model invariant.

use crate::model::{DocId, LabelId, SpanId};

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
}
