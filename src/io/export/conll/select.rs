//! Which spans a one-tag-per-token format can hold: spans mapped to whole tokens (widened or left
//! out as the user chose), overlaps resolved, and every change recorded in the loss report.

use std::cmp::Reverse;
use std::ops::Range;

use crate::io::export::{DocView, LossKind, LossReport, TokenEdges};
use crate::lang::tokenize::Token;
use crate::model::Span;

/// A span kept: its tokens (indices into the document's tokens).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entity<'a> {
    /// The span.
    pub(crate) span: &'a Span,
    /// Its tokens, a non-empty range of token indices.
    pub(crate) tokens: Range<usize>,
}

/// What became of one span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    /// Written; `widened` when an edge fell inside a token.
    Kept { widened: bool },
    /// Left out.
    Dropped(LossKind),
}

/// The token indices a byte range touches, and whether an edge falls strictly inside a token.
fn token_range(tokens: &[Token], span: &Span) -> Option<(Range<usize>, bool)> {
    let first = tokens.partition_point(|t| t.end <= span.start);
    let end = tokens.partition_point(|t| t.start < span.end);
    let (a, b) = (tokens.get(first)?, tokens.get(end.checked_sub(1)?)?);
    if first >= end {
        return None;
    }
    let inside = a.start < span.start || b.end > span.end;
    Some((first..end, inside))
}

/// The spans of `view` that can be written over `tokens`, in text order, none sharing a token.
///
/// A span whose edge falls inside a token is widened to it ([`TokenEdges::Expand`], recorded as
/// [`LossKind::WidenedToTokens`]) or left out ([`TokenEdges::Report`], [`LossKind::InsideToken`]); a
/// span covering no token (only whitespace) is left out ([`LossKind::NoToken`]). Of spans sharing
/// a token, the one with the most tokens is kept, then the one starting first, then the first in
/// the document's span order (as spaCy's `filter_spans`); the others are left out
/// ([`LossKind::Overlapping`]). Notes of spans written are recorded as [`LossKind::NoteDropped`].
/// Losses are recorded in the document's span order.
pub(crate) fn select<'a>(
    view: &DocView<'a>,
    tokens: &[Token],
    edges: TokenEdges,
    report: &mut LossReport,
) -> Vec<Entity<'a>> {
    let spans = view.spans;
    let mut fates: Vec<Fate> = Vec::with_capacity(spans.len());
    let mut candidates: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let fate = match token_range(tokens, span) {
            None => Fate::Dropped(LossKind::NoToken),
            Some((_, true)) if edges == TokenEdges::Report => Fate::Dropped(LossKind::InsideToken),
            Some((range, widened)) => {
                candidates.push((i, range));
                Fate::Kept { widened }
            }
        };
        fates.push(fate);
    }
    candidates.sort_by_key(|(i, range)| (Reverse(range.len()), range.start, *i));
    let mut taken = vec![false; tokens.len()];
    let mut kept: Vec<Entity<'a>> = Vec::new();
    for (i, range) in candidates {
        let (Some(span), Some(fate), Some(slots)) =
            (spans.get(i), fates.get_mut(i), taken.get_mut(range.clone()))
        else {
            continue;
        };
        if slots.iter().any(|&t| t) {
            *fate = Fate::Dropped(LossKind::Overlapping);
        } else {
            slots.fill(true);
            kept.push(Entity {
                span,
                tokens: range,
            });
        }
    }
    for (span, fate) in spans.iter().zip(&fates) {
        match *fate {
            Fate::Dropped(kind) => report.record(kind, view, span),
            Fate::Kept { widened } => {
                if widened {
                    report.record(LossKind::WidenedToTokens, view, span);
                }
                if span.note().is_some() {
                    report.record(LossKind::NoteDropped, view, span);
                }
            }
        }
    }
    kept.sort_by_key(|e| e.tokens.start);
    kept
}
