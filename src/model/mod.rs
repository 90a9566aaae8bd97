//! The annotation model: plain data and its invariants. No GUI, no text layout, no file I/O.
//!
//! Offsets in memory are UTF-8 byte offsets into [`Document::text`]; [`offsets`] converts them to
//! code points or UTF-16 code units for files and exporters.

mod attribute;
mod document;
mod error;
mod guidelines;
pub(crate) mod id_maps;
mod ids;
mod label;
pub mod markup;
pub mod offsets;
mod project;
mod project_build;
mod project_mut;
mod relation;
mod relations_mut;
mod snapshot;
mod span;
pub mod statistics;
mod suggestion_memory;
pub mod text_range;

pub use attribute::{
    AttributeDef, AttributeKind, AttributeValue, default_claim_attributes,
    default_source_attributes,
};
pub use document::{Document, DocumentStatus, sha256_hex};
pub use error::ModelError;
pub use guidelines::guidelines_template;
pub use ids::{DocId, LabelId, SpanId};
pub use label::{ACTOR, CLAIM, Label, LabelField, LabelSchema, PALETTE, Rgb, SOURCE};
pub use project::Project;
pub use project_build::ProjectParts;
pub use project_mut::{Relabelled, RemovedLabel, check_range};
pub use relation::{
    ABOUT, ATTRIBUTED_TO, Relation, RelationId, RelationType, RelationTypeId, SPEAKS_FOR,
    default_relation_types,
};
pub use snapshot::DocumentsSnapshot;
pub use span::Span;
pub use suggestion_memory::{
    Rejection, SuggesterTally, SuggestionMemory, SuggestionVerdict, Verdict,
};
