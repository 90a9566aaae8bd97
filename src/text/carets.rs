//! Where carets are drawn and what a click hits, from the laid-out glyphs of a paragraph.
//!
//! Glyphs are first grouped into *clusters as drawn*: consecutive glyphs (in visual order) of one
//! shaping cluster, so a flag or an emoji ZWJ sequence drawn as several glyphs, or a lam-alef
//! drawn as two glyphs of one cluster, is one box with two edges and no caret inside.
//!
//! Every grapheme boundary gets one place where its caret is drawn (line and x):
//! 1. the leading edge of the cluster that starts at it (the character typed next), else
//! 2. its share of a cluster holding several graphemes (a ligature), counted in graphemes, else
//! 3. the trailing edge of the cluster that ends at it (the end of the paragraph, of a run).
//!
//! A click is resolved to the nearest edge; when several boundaries are drawn at that x (the two
//! sides of a bidi run boundary), a click exactly there gets the boundary whose caret is drawn
//! there, so `caret(hit(caret(b)))` is always drawn where `caret(b)` is, and a click inside a glyph
//! gets that glyph's own edge.

use std::ops::Range;

use cosmic_text::LayoutGlyph;
use unicode_segmentation::UnicodeSegmentation;

/// Two x positions closer than this (points) are the same place.
const SAME_X: f32 = 0.01;

/// Consecutive glyphs of one shaping cluster, as drawn on one line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClusterBox {
    /// Byte range of the cluster in the paragraph text.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// Left edge in points.
    pub x0: f32,
    /// Right edge in points.
    pub x1: f32,
    /// Drawn right to left (odd bidi level).
    pub rtl: bool,
}

impl ClusterBox {
    /// The x of the point `fraction` (0 = logical start, 1 = logical end) through the cluster.
    pub fn x_at(&self, fraction: f32) -> f32 {
        let w = self.x1 - self.x0;
        if self.rtl {
            self.x1 - w * fraction
        } else {
            self.x0 + w * fraction
        }
    }

    /// The grapheme boundaries of `text` inside the cluster, with their fraction through it
    /// (the start at 0 and the end at 1 included).
    pub fn boundaries(&self, text: &str) -> Vec<(usize, f32)> {
        let Some(cluster) = text.get(self.start..self.end) else {
            return vec![(self.start, 0.0), (self.end, 1.0)];
        };
        let mut inner: Vec<usize> = cluster
            .grapheme_indices(true)
            .map(|(i, _)| self.start + i)
            .filter(|&b| b > self.start)
            .collect();
        inner.insert(0, self.start);
        inner.push(self.end);
        let n = (inner.len() - 1).max(1) as f32;
        inner
            .into_iter()
            .enumerate()
            .map(|(i, b)| (b, i as f32 / n))
            .collect()
    }
}

/// The glyphs of one line (visual order) grouped into clusters as drawn. Glyphs outside the text
/// (an ellipsis: `start == end`) are left out.
pub fn cluster_boxes(glyphs: &[LayoutGlyph]) -> Vec<ClusterBox> {
    let mut boxes: Vec<ClusterBox> = Vec::with_capacity(glyphs.len());
    for g in glyphs.iter().filter(|g| g.start < g.end) {
        let (x0, x1) = (g.x, g.x + g.w.max(0.0));
        match boxes.last_mut() {
            Some(b) if b.start == g.start && b.end == g.end => {
                b.x0 = b.x0.min(x0);
                b.x1 = b.x1.max(x1);
            }
            _ => boxes.push(ClusterBox {
                start: g.start,
                end: g.end,
                x0,
                x1,
                rtl: g.level.is_rtl(),
            }),
        }
    }
    boxes
}

/// Where the cluster a stop belongs to lies, seen from the stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopSide {
    /// The stop is the right edge of its cluster.
    ClusterLeft,
    /// The stop is the left edge of its cluster.
    ClusterRight,
    /// Inside a ligature, or the edge of clusters on both sides.
    Both,
}

/// A position the caret can take: a grapheme boundary at an edge of (or inside) a cluster.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CaretStop {
    /// x in points from the paragraph's left edge.
    pub x: f32,
    /// Byte offset in the paragraph text (a grapheme boundary).
    pub offset: usize,
    /// The caret of `offset` is drawn here (each offset is drawn at exactly one stop).
    pub drawn_here: bool,
    /// Which side of the stop its cluster lies on.
    pub side: StopSide,
}

/// Where the caret of one offset is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CaretPlace {
    /// Byte offset in the paragraph text.
    pub offset: usize,
    /// Visual line index.
    pub line: usize,
    /// x in points from the paragraph's left edge.
    pub x: f32,
}

/// Caret stops of every line (sorted by x) and the place of every boundary's caret (sorted by
/// offset), for the clusters of each line.
pub fn place_carets(text: &str, lines: &[&[ClusterBox]]) -> (Vec<Vec<CaretStop>>, Vec<CaretPlace>) {
    let is_boundary = grapheme_boundary_table(text);
    // Per boundary offset: (rank, line, x); rank 0 leading edge, 1 inside, 2 trailing edge.
    let mut best: Vec<Option<(u8, usize, f32)>> = vec![None; text.len() + 1];
    let mut stops: Vec<Vec<CaretStop>> = Vec::with_capacity(lines.len());
    for (line_i, boxes) in lines.iter().enumerate() {
        let mut line_stops = Vec::with_capacity(boxes.len() * 2);
        for b in boxes.iter() {
            let bounds = b.boundaries(text);
            let last = bounds.len() - 1;
            for (i, (offset, fraction)) in bounds.into_iter().enumerate() {
                if !is_boundary.get(offset).copied().unwrap_or(false) {
                    continue;
                }
                let x = b.x_at(fraction);
                let rank = match i {
                    0 => 0,
                    i if i == last => 2,
                    _ => 1,
                };
                // The logical start of a right-to-left cluster is its right edge.
                let side = match (rank, b.rtl) {
                    (1, _) => StopSide::Both,
                    (0, false) | (2, true) => StopSide::ClusterRight,
                    _ => StopSide::ClusterLeft,
                };
                if best[offset].is_none_or(|(r, _, _)| rank < r) {
                    best[offset] = Some((rank, line_i, x));
                }
                line_stops.push(CaretStop {
                    x,
                    offset,
                    drawn_here: false,
                    side,
                });
            }
        }
        stops.push(line_stops);
    }
    let places: Vec<CaretPlace> = best
        .iter()
        .enumerate()
        .filter_map(|(offset, b)| b.map(|(_, line, x)| CaretPlace { offset, line, x }))
        .collect();
    for (line_i, line_stops) in stops.iter_mut().enumerate() {
        for stop in line_stops.iter_mut() {
            stop.drawn_here = best[stop.offset]
                .is_some_and(|(_, line, x)| line == line_i && (x - stop.x).abs() < SAME_X);
        }
        line_stops.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.offset.cmp(&b.offset)));
        line_stops.dedup_by(|a, b| {
            let same = a.offset == b.offset && (a.x - b.x).abs() < SAME_X;
            if same {
                b.drawn_here |= a.drawn_here;
                if b.side != a.side {
                    b.side = StopSide::Both;
                }
            }
            same
        });
    }
    (stops, places)
}

/// `table[i]` is true when byte offset `i` is a grapheme boundary of `text` (0 and the end too).
fn grapheme_boundary_table(text: &str) -> Vec<bool> {
    let mut table = vec![false; text.len() + 1];
    for (i, _) in text.grapheme_indices(true) {
        table[i] = true;
    }
    table[text.len()] = true;
    table
}

/// The stop a click at `x` lands on: the nearest one. Among stops at that same x (the two sides
/// of a bidi run boundary): for a click exactly there, the one whose caret is drawn there (so
/// `caret(hit(caret(b)))` is drawn where `caret(b)` is); for a click inside a glyph, the edge of
/// that glyph (so a drag from inside the last letter of "RTN" to inside its first, in Arabic
/// text, selects "RTN"), drawn there if one is.
pub fn nearest_stop(stops: &[CaretStop], x: f32) -> Option<&CaretStop> {
    let i = stops.partition_point(|s| s.x < x);
    let before = i.checked_sub(1).and_then(|i| stops.get(i));
    let after = stops.get(i);
    let nearest = match (before, after) {
        (Some(b), Some(a)) => {
            if x - b.x <= a.x - x {
                b
            } else {
                a
            }
        }
        (b, a) => b.or(a)?,
    };
    let same_x = &stops[same_x_range(stops, nearest.x)];
    let wanted = if (x - nearest.x).abs() < SAME_X {
        None
    } else if x < nearest.x {
        Some(StopSide::ClusterLeft)
    } else {
        Some(StopSide::ClusterRight)
    };
    let on_side = |s: &&CaretStop| wanted.is_none_or(|w| s.side == w || s.side == StopSide::Both);
    same_x
        .iter()
        .filter(on_side)
        .find(|s| s.drawn_here)
        .or_else(|| same_x.iter().find(on_side))
        .or_else(|| same_x.iter().find(|s| s.drawn_here))
        .or_else(|| same_x.first())
}

/// The indices of the stops drawn at `x` (stops are sorted by x).
fn same_x_range(stops: &[CaretStop], x: f32) -> Range<usize> {
    let start = stops.partition_point(|s| s.x < x - SAME_X);
    let end = stops.partition_point(|s| s.x <= x + SAME_X);
    start..end.max(start)
}

/// The place of the caret of `offset`: its own, or (for an offset no cluster edge holds) the one
/// of the nearest placed offset before it, or after it.
pub fn place_of(places: &[CaretPlace], offset: usize) -> Option<CaretPlace> {
    match places.binary_search_by_key(&offset, |p| p.offset) {
        Ok(i) => places.get(i).copied(),
        Err(i) => i
            .checked_sub(1)
            .and_then(|i| places.get(i))
            .or_else(|| places.get(i))
            .copied(),
    }
}
