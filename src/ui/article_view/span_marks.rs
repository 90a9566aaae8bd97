//! How overlapping spans are told apart: each visible span gets a lane (a row of underline bars
//! under the text) so that spans that overlap never share a lane, plus its label colour.

use std::ops::Range;

use egui::Color32;

use crate::model::{Rgb, Span, SpanId};
use crate::ui::colours::to_color32;

/// At most this many lanes are drawn; deeper nesting shares the last lane.
pub const MAX_LANES: usize = 4;

/// A span as painted: its range, lane and colour.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanMark {
    /// The span.
    pub id: SpanId,
    /// Its document byte range.
    pub range: Range<usize>,
    /// Its lane, 0 nearest the text.
    pub lane: usize,
    /// Its label colour.
    pub colour: Color32,
}

/// Lanes for spans given in text order (start, then longer first): greedy interval
/// partitioning, so two spans that overlap get different lanes and an enclosing span gets a lane
/// before the spans nested in it.
pub fn assign_lanes(ranges: &[Range<usize>]) -> Vec<usize> {
    assign_lanes_by(ranges.len(), |i| ranges[i].clone())
}

/// [`assign_lanes`] for `count` ranges given by `range_of` (no list of ranges is made: a
/// document's suggestions can number hundreds of thousands).
pub fn assign_lanes_by(count: usize, range_of: impl Fn(usize) -> Range<usize>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&i| {
        let range = range_of(i);
        (range.start, std::cmp::Reverse(range.end))
    });
    // End of the last span placed in each lane.
    let mut lane_ends: Vec<usize> = Vec::new();
    let mut lanes = vec![0; count];
    for i in order {
        let range = &range_of(i);
        let lane = match lane_ends.iter().position(|&end| end <= range.start) {
            Some(lane) => lane,
            None => {
                lane_ends.push(0);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = range.end;
        lanes[i] = lane;
    }
    lanes
}

/// The marks of `spans` (all overlapping the visible text), coloured by `colour_of`.
pub fn marks<'a>(
    spans: impl Iterator<Item = &'a Span>,
    colour_of: impl Fn(&Span) -> Rgb,
) -> Vec<SpanMark> {
    let spans: Vec<&Span> = spans.collect();
    let ranges: Vec<Range<usize>> = spans.iter().map(|s| s.range()).collect();
    let lanes = assign_lanes(&ranges);
    spans
        .iter()
        .zip(lanes)
        .map(|(span, lane)| SpanMark {
            id: span.id,
            range: span.range(),
            lane,
            colour: to_color32(colour_of(span)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
        a.start < b.end && b.start < a.end
    }

    #[test]
    fn overlapping_spans_never_share_a_lane() {
        let ranges = vec![0..10, 2..5, 4..12, 11..20, 12..13, 0..10, 30..40];
        let lanes = assign_lanes(&ranges);
        for i in 0..ranges.len() {
            for j in i + 1..ranges.len() {
                if overlaps(&ranges[i], &ranges[j]) {
                    assert_ne!(lanes[i], lanes[j], "{:?} and {:?}", ranges[i], ranges[j]);
                }
            }
        }
        // A span far from the others goes back to the first lane.
        assert_eq!(lanes[6], 0);
    }

    #[test]
    fn an_enclosing_span_is_nearest_the_text() {
        let lanes = assign_lanes(&[3..6, 0..10]);
        assert_eq!(lanes, vec![1, 0]);
    }
}
