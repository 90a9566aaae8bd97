//! Relations between two spans of one document (a claim attributed to its source, a claim about
//! an actor, a source speaking for an actor) and the relation types the schema declares.

use std::fmt;

use crate::model::{ACTOR, CLAIM, LabelId, ModelError, SOURCE, SpanId};

/// Stable identifier of a relation, allocated from the project's counter and never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(pub u64);

impl fmt::Display for RelationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "relation {}", self.0)
    }
}

/// Stable identifier of a relation type (e.g. `"attributed_to"`): letters, digits, `_` or `-`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationTypeId(pub(crate) String);

impl RelationTypeId {
    /// Makes a relation type id, checking it like a label id.
    pub fn new(id: impl Into<String>) -> Result<Self, ModelError> {
        let id = id.into();
        if crate::model::ids::is_valid_id(&id) {
            Ok(Self(id))
        } else {
            Err(ModelError::InvalidRelationType(id))
        }
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RelationTypeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A kind of link between two spans, directed from the head to the child, with the labels
/// allowed at each end. A type may name labels the schema does not have (e.g. after one was
/// removed); it then simply applies to no span of that label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationType {
    /// Stable id referenced by relations.
    pub id: RelationTypeId,
    /// Name shown to the user.
    pub name: String,
    /// Labels allowed for the head (the span the relation starts from).
    pub heads: Vec<LabelId>,
    /// Labels allowed for the child (the span it points to).
    pub children: Vec<LabelId>,
    /// One-line definition.
    pub description: String,
}

impl RelationType {
    /// Whether a relation of this type may go from a span labelled `head` to one labelled `child`.
    pub fn fits(&self, head: &LabelId, child: &LabelId) -> bool {
        self.heads.contains(head) && self.children.contains(child)
    }
}

/// A directed link between two spans of the same document.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Relation {
    /// Stable id.
    pub id: RelationId,
    /// The relation type, by id.
    pub kind: RelationTypeId,
    /// The span the relation starts from (for `attributed_to`, the claim).
    pub head: SpanId,
    /// The span it points to (for `attributed_to`, the source).
    pub child: SpanId,
    /// Who made it (see [`crate::model::Span::annotator`]); `None` when no name was set.
    pub annotator: Option<String>,
}

impl Relation {
    /// Makes a relation.
    pub fn new(id: RelationId, kind: RelationTypeId, head: SpanId, child: SpanId) -> Self {
        Self {
            id,
            kind,
            head,
            child,
            annotator: None,
        }
    }

    /// The same relation, recorded as made by `annotator` (no change when it is `None`).
    pub fn made_by(mut self, annotator: Option<&str>) -> Self {
        if let Some(name) = annotator {
            self.annotator = Some(name.to_owned());
        }
        self
    }

    /// The end of the relation that is not `span` (`None` if `span` is neither end).
    pub fn other_end(&self, span: SpanId) -> Option<SpanId> {
        if self.head == span {
            Some(self.child)
        } else if self.child == span {
            Some(self.head)
        } else {
            None
        }
    }
}

/// Id of the default relation from a claim to its source.
pub const ATTRIBUTED_TO: &str = "attributed_to";
/// Id of the default relation from a claim to the actor it concerns.
pub const ABOUT: &str = "about";
/// Id of the default relation from a source to the actor it speaks for.
pub const SPEAKS_FOR: &str = "speaks_for";

/// The default relation types: `attributed_to` (Claim → Source), `about` (Claim → Actor) and
/// `speaks_for` (Source → Actor).
pub fn default_relation_types() -> Vec<RelationType> {
    let kind = |id: &str, name: &str, head: &str, child: &str, description: &str| RelationType {
        id: RelationTypeId(id.to_owned()),
        name: name.to_owned(),
        heads: vec![LabelId(head.into())],
        children: vec![LabelId(child.into())],
        description: description.to_owned(),
    };
    vec![
        kind(
            ATTRIBUTED_TO,
            "attributed to",
            CLAIM,
            SOURCE,
            "The claim comes from this source",
        ),
        kind(
            ABOUT,
            "about",
            CLAIM,
            ACTOR,
            "The claim concerns this actor",
        ),
        kind(
            SPEAKS_FOR,
            "speaks for",
            SOURCE,
            ACTOR,
            "The source speaks for this actor (the official of a government, the spokesman of an army)",
        ),
    ]
}
