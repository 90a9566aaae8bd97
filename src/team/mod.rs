//! Several projects at once: agreement between annotators. Knows the
//! model only: no GUI, no text layout, no files, so every figure is testable in memory.

mod agree;
mod disagree;
mod intervals;
mod shared;
mod stats;

pub use agree::{AgreementReport, LabelAgreement, Overlap, PairAgreement, agreement};
pub use disagree::{Disagreement, DisagreementKind, Item};
pub use intervals::{Coverage, depth_histogram};
pub use shared::{
    DocAnnotations, LeftOutDocument, SharedCorpus, SharedDocument, UnitRelation, UnitSpan,
    UnmatchedLabel,
};
pub use stats::{BinaryTable, NominalAlpha, f1_of_counts, harmonic_mean, share};
