//! Several projects at once: agreement between annotators and three-way merge. Knows the
//! model only: no GUI, no text layout, no files, so every figure is testable in memory.

mod adjudicate;
mod agree;
mod confusion;
mod disagree;
mod intervals;
mod merge;
mod merge_memory;
mod merge_spans;
mod shared;
mod stats;
mod three_way;

pub use adjudicate::{
    Adjudication, AdjudicationError, Alternative, Annotator, Decision, Decisions, Dispute,
    SideItem, letter,
};
pub use agree::{AgreementReport, LabelAgreement, Overlap, PairAgreement, agreement};
pub use confusion::{Confusion, confusion};
pub use disagree::{Disagreement, DisagreementKind, Item};
pub use intervals::{Coverage, depth_histogram};
pub use merge::{CONFLICT_META_KEY, CONFLICT_NOTE_PREFIX, MergeOutcome, merge};
pub use merge_memory::GUIDELINES_CONFLICT_HEADING;
pub use shared::{
    DocAnnotations, LeftOutDocument, SharedCorpus, SharedDocument, UnitRelation, UnitSpan,
    UnmatchedLabel,
};
pub use stats::{BinaryTable, NominalAlpha, f1_of_counts, harmonic_mean, share};
pub use three_way::{Pick, pick, pick_map};
