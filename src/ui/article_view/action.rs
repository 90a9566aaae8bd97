//! What the article view asks the app to do with the project. The view never edits the project
//! itself: the app turns these into [`crate::command::Edit`]s applied through the history.

use std::ops::Range;

use crate::command::MergeKey;
use crate::model::{LabelId, SpanId};

/// A change to the annotations the user asked for in the article view. Ranges are document byte
/// offsets, already snapped to graphemes and trimmed of whitespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewAction {
    /// Tag `range` with `label`.
    AddSpan {
        /// The text to tag.
        range: Range<usize>,
        /// The label.
        label: LabelId,
    },
    /// Give a span another label.
    Relabel {
        /// The span.
        span: SpanId,
        /// The new label.
        label: LabelId,
    },
    /// Remove a span.
    Remove(SpanId),
    /// Move a span's edges. With a gesture key, consecutive moves of one drag are one undo step.
    MoveSpan {
        /// The span.
        span: SpanId,
        /// Its new range.
        range: Range<usize>,
        /// The drag this move belongs to, if any.
        gesture: Option<MergeKey>,
    },
    /// The drag of a span edge ended.
    EndGesture,
    /// Link two spans with the relation type that fits them (either may turn out the head).
    Link {
        /// The span the user linked from.
        from: SpanId,
        /// The span the user linked to.
        to: SpanId,
    },
    /// Something to tell the user in the status bar (e.g. why nothing was tagged).
    Notice(String),
    /// Make the suggestion with this range and label current (a click on it), or none (a click
    /// elsewhere).
    ChooseSuggestion(Option<(Range<usize>, LabelId)>),
    /// Accept the suggestion with this range and proposed label, as `label` (a label key while
    /// it is current).
    AcceptSuggestion {
        /// Its range.
        range: Range<usize>,
        /// The label it proposed.
        proposed: LabelId,
        /// The label to give the span.
        label: LabelId,
    },
}

/// One end of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// Where the span starts (logically; on the right in right-to-left text).
    Start,
    /// Where the span ends.
    End,
}

impl Edge {
    /// The undo gesture of dragging this edge of `span`.
    pub fn gesture(self, span: SpanId) -> MergeKey {
        MergeKey(span.0 << 1 | u64::from(self == Edge::End))
    }
}

/// The span range after moving `edge` of `range` to `offset`: the span keeps at least one
/// grapheme (`min_end` is the boundary after the start, `max_start` the one before the end).
pub fn moved_range(
    range: Range<usize>,
    edge: Edge,
    offset: usize,
    max_start: usize,
    min_end: usize,
) -> Range<usize> {
    match edge {
        Edge::Start => offset.min(max_start)..range.end,
        Edge::End => range.start..offset.max(min_end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edge_never_crosses_the_other() {
        assert_eq!(moved_range(10..20, Edge::Start, 4, 18, 12), 4..20);
        assert_eq!(moved_range(10..20, Edge::Start, 25, 18, 12), 18..20);
        assert_eq!(moved_range(10..20, Edge::End, 30, 18, 12), 10..30);
        assert_eq!(moved_range(10..20, Edge::End, 3, 18, 12), 10..12);
    }

    #[test]
    fn gestures_differ_by_span_and_edge() {
        let a = Edge::Start.gesture(SpanId(7));
        assert_ne!(a, Edge::End.gesture(SpanId(7)));
        assert_ne!(a, Edge::Start.gesture(SpanId(8)));
    }
}
