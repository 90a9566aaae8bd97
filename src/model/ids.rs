//! Stable identifiers of documents, spans and labels.

use std::fmt;

/// Stable identifier of a span, allocated from [`crate::model::Project`]'s counter and never reused
/// within a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanId(pub u64);

/// Stable identifier of a document, allocated from [`crate::model::Project`]'s counter and never
/// reused within a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u64);

/// Stable identifier of a label (e.g. `"actor"`). Spans refer to labels by this id, so renaming a
/// label's display name never touches the spans.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabelId(pub(crate) String);

impl LabelId {
    /// Makes a label id, checking that it is non-empty and made only of letters, digits, `_` and `-`
    /// (so it can be written in span markup and in interchange formats without quoting).
    pub fn new(id: impl Into<String>) -> Result<Self, crate::model::ModelError> {
        let id = id.into();
        if Self::is_valid(&id) {
            Ok(Self(id))
        } else {
            Err(crate::model::ModelError::InvalidLabelId(id))
        }
    }

    /// Whether `id` is acceptable as a label id (see [`LabelId::new`]).
    pub fn is_valid(id: &str) -> bool {
        is_valid_id(id)
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `id` is non-empty and made only of letters, digits, `_` and `-`: the rule for label,
/// relation type, attribute and choice ids, which interchange formats write without quoting.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for SpanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "span {}", self.0)
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document {}", self.0)
    }
}

impl fmt::Display for LabelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for LabelId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}
