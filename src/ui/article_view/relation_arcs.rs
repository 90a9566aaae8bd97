//! Relations drawn over the article: a connector from the head span to the child span with an
//! arrowhead at the child and the type's name beside it.
//!
//! Routing (pure geometry, in document coordinates, tested below): when both ends share a visual
//! line, a low bracket above the line joins the top centres of the two nearest rectangles (the
//! label sits on its top). When they are on different lines, the connector leaves the head
//! along the gap above its line, runs down (or up) the margin on the side where lines start (the
//! right in right-to-left paragraphs), and comes back along the gap above the child's line, so it
//! never crosses a line of text. In each gap the connector runs at a height where no glyph is
//! (below the descenders of the line above, above the harakat of the line below) when such a band
//! exists over its whole stretch; where none does, the painter cuts out the parts that would cross
//! a glyph (see `relation_paint.rs`). An end that is not laid out (far off screen) is replaced by
//! a point beyond the viewport edge, so the connector runs off screen towards it.
//!
//! Work per frame is bounded by what is visible: the relations of the visible spans, found
//! through `Project::relations_of_span`; nothing iterates the document's relations or shapes text.

use std::ops::Range;

use egui::{Pos2, Rect, pos2, vec2};

use super::clearance::GlyphRects;

/// Radius of the rounded corners of a margin route, in points.
const CORNER: f32 = 4.0;
/// Distance between two margin tracks, in points.
const TRACK_STEP: f32 = 5.0;
/// Number of margin tracks (relations beyond share them).
const TRACKS: usize = 3;
/// Length of the arrowhead, in points.
pub const ARROW: f32 = 6.0;

/// Where the margin routes run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margin {
    /// Left edge of the text column (document x).
    pub left: f32,
    /// Right edge of the text column (document x).
    pub right: f32,
    /// Whether the routes run in the right margin (right-to-left text) rather than the left.
    pub right_side: bool,
}

/// A connector ready to paint, in document coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct ArcPath {
    /// The line from the head's anchor to the child's anchor.
    pub points: Vec<Pos2>,
    /// Where the type's name goes (its bottom centre).
    pub label_at: Pos2,
    /// Whether the two ends share a line (a low arc) rather than a margin route.
    pub same_line: bool,
}

impl ArcPath {
    /// The arrowhead at the child end (tip, then the two back corners): every route ends going
    /// straight down into the child's top.
    pub fn arrowhead(&self) -> Option<[Pos2; 3]> {
        Some(arrow_at(*self.points.last()?, ARROW))
    }
}

/// An arrowhead `size` points long pointing down at `tip` (tip, then the two back corners).
pub fn arrow_at(tip: Pos2, size: f32) -> [Pos2; 3] {
    let base = tip - vec2(0.0, size);
    let side = vec2(size * 0.5, 0.0);
    [tip, base + side, base - side]
}

/// The rectangle of `rects` (a span's, one or more per line) to attach to when the other end is
/// at `toward`: the lowest when the other end is below, the highest when above, else the nearest.
fn anchor_rect(rects: &[Rect], toward: Pos2) -> Option<Rect> {
    let top = rects.iter().map(|r| r.top()).fold(f32::INFINITY, f32::min);
    let bottom = rects
        .iter()
        .map(|r| r.top())
        .fold(f32::NEG_INFINITY, f32::max);
    let row = if toward.y > bottom {
        bottom
    } else if toward.y < top {
        top
    } else {
        // Same band: the row nearest in height.
        rects
            .iter()
            .map(|r| r.top())
            .min_by(|a, b| (a - toward.y).abs().total_cmp(&(b - toward.y).abs()))?
    };
    rects
        .iter()
        .filter(|r| (r.top() - row).abs() < 0.5)
        .min_by(|a, b| {
            (a.center().x - toward.x)
                .abs()
                .total_cmp(&(b.center().x - toward.x).abs())
        })
        .copied()
}

/// The pair of rectangles, one from each end, that share a line and are nearest to each other.
fn same_line_pair(head: &[Rect], child: &[Rect]) -> Option<(Rect, Rect)> {
    let mut best: Option<(f32, Rect, Rect)> = None;
    for h in head {
        for c in child.iter().filter(|c| (c.top() - h.top()).abs() < 0.5) {
            let gap = (h.center().x - c.center().x).abs();
            if best.is_none_or(|(g, _, _)| gap < g) {
                best = Some((gap, *h, *c));
            }
        }
    }
    best.map(|(_, h, c)| (h, c))
}

/// Routes a connector from the span covering `head` to the one covering `child` (rectangles in
/// document coordinates, as from `DocumentLayout::range_rects`). `track` spreads connectors
/// sharing the margin; `line_height` bounds how high an arc rises.
pub fn route(
    head: &[Rect],
    child: &[Rect],
    margin: Margin,
    track: usize,
    line_height: f32,
    glyphs: &GlyphRects,
) -> Option<ArcPath> {
    if head.is_empty() || child.is_empty() {
        return None;
    }
    if let Some((h, c)) = same_line_pair(head, child) {
        let (a, b) = separated_anchors(h, c);
        return Some(arc(a, b, track, line_height, glyphs));
    }
    let child_centre = child.first()?.center();
    let h = anchor_rect(head, child_centre)?;
    let c = anchor_rect(child, h.center())?;
    Some(margin_route(
        h.center_top(),
        c.center_top(),
        margin,
        (track, line_height),
        glyphs,
    ))
}

/// Closest gap between two anchors on one line before they are pulled apart, in points.
const MIN_SPREAD: f32 = 16.0;

/// The top centres of `h` and `c`; when they nearly coincide (one span nested in the other), the
/// wider one's anchor moves towards its edge farther from the other, so the bracket is seen.
fn separated_anchors(h: Rect, c: Rect) -> (Pos2, Pos2) {
    let (mut a, mut b) = (h.center_top(), c.center_top());
    if (a.x - b.x).abs() >= MIN_SPREAD {
        return (a, b);
    }
    let far_edge = |wide: Rect, other: f32| {
        let inset = (wide.width() / 2.0 - 1.0).clamp(0.0, 6.0);
        if (wide.left() - other).abs() > (wide.right() - other).abs() {
            wide.left() + inset
        } else {
            wide.right() - inset
        }
    };
    if h.width() >= c.width() {
        a.x = far_edge(h, b.x);
    } else {
        b.x = far_edge(c, a.x);
    }
    (a, b)
}

/// A low bracket above a line from `a` to `b` (both on the line's top edge): up, across, and
/// down into `b` with rounded corners. `track` raises it so that brackets over one line stack.
fn arc(a: Pos2, b: Pos2, track: usize, line_height: f32, glyphs: &GlyphRects) -> ArcPath {
    let rise = (7.0 + (track % TRACKS) as f32 * 4.0).min(line_height * 0.45);
    let top = a.y.min(b.y);
    let y = gap_height(
        glyphs,
        a.x.min(b.x)..a.x.max(b.x),
        top,
        top - rise,
        line_height,
    );
    let corners = [a, pos2(a.x, y), pos2(b.x, y), b];
    ArcPath {
        points: rounded(&corners, CORNER + 1.0),
        label_at: pos2((a.x + b.x) / 2.0, y - 1.0),
        same_line: true,
    }
}

/// The height for a connector running over the columns `x` in the gap above the line whose top
/// is `line_top`: `wanted` if no glyph is near it, else the nearest height with room in the free
/// band between the two lines' glyphs (where the line above ends and this one's harakat start).
/// With no free band over the whole stretch, `wanted` (the parts over glyphs are cut out when
/// painting).
fn gap_height(
    glyphs: &GlyphRects,
    x: Range<f32>,
    line_top: f32,
    wanted: f32,
    line_height: f32,
) -> f32 {
    let x = x.start - 2.0..x.end + 2.0;
    let within = line_top - line_height * 0.6..line_top + line_height * 0.3;
    match glyphs.free_band(x, within, wanted, 3.0) {
        Some(band) => wanted.clamp(band.start + 1.5, band.end - 1.5),
        None => wanted,
    }
}

/// From `a` (top of the head on one line) along the gap above its line to the margin, along the
/// margin to the gap above `b`'s line, and in to `b`.
fn margin_route(
    a: Pos2,
    b: Pos2,
    margin: Margin,
    (track, line_height): (usize, f32),
    glyphs: &GlyphRects,
) -> ArcPath {
    let offset = 6.0 + (track % TRACKS) as f32 * TRACK_STEP;
    let x = if margin.right_side {
        margin.right + offset
    } else {
        margin.left - offset
    };
    let lift = 2.0 + (track % TRACKS) as f32 * 1.5;
    let ya = gap_height(glyphs, a.x.min(x)..a.x.max(x), a.y, a.y - lift, line_height);
    let yb = gap_height(glyphs, b.x.min(x)..b.x.max(x), b.y, b.y - lift, line_height);
    let corners = [a, pos2(a.x, ya), pos2(x, ya), pos2(x, yb), pos2(b.x, yb), b];
    let points = rounded(&corners, CORNER);
    // The name goes on the child's gap, halfway between the margin and the child.
    let label_at = pos2((x + b.x) / 2.0, yb - 1.0);
    ArcPath {
        points,
        label_at,
        same_line: false,
    }
}

/// The polyline through `corners` with each inner corner rounded (radius at most `radius`,
/// less where a segment is short).
fn rounded(corners: &[Pos2], radius: f32) -> Vec<Pos2> {
    let mut out = Vec::with_capacity(corners.len() * 4);
    let Some(first) = corners.first() else {
        return out;
    };
    out.push(*first);
    for w in corners.windows(3) {
        let (p, c, n) = (w[0], w[1], w[2]);
        let r = radius.min(p.distance(c) / 2.0).min(n.distance(c) / 2.0);
        let d_in = (c - p).normalized();
        let d_out = (n - c).normalized();
        if r < 0.5 || !d_in.is_finite() || !d_out.is_finite() {
            out.push(c);
            continue;
        }
        let start = c - d_in * r;
        let end = c + d_out * r;
        for i in 0..=4 {
            let t = i as f32 / 4.0;
            let u = 1.0 - t;
            // Quadratic curve with the corner as its control point.
            out.push(pos2(
                u * u * start.x + 2.0 * u * t * c.x + t * t * end.x,
                u * u * start.y + 2.0 * u * t * c.y + t * t * end.y,
            ));
        }
    }
    if let Some(last) = corners.last()
        && corners.len() > 1
    {
        out.push(*last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: f32 = 35.0;
    const NO_GLYPHS: GlyphRects = GlyphRects::EMPTY;

    /// A span rectangle on line `line` (0-based) from x0 to x1.
    fn r(line: usize, x0: f32, x1: f32) -> Rect {
        let top = line as f32 * LINE;
        Rect::from_min_max(pos2(x0, top), pos2(x1, top + LINE))
    }

    const RTL: Margin = Margin {
        left: 0.0,
        right: 600.0,
        right_side: true,
    };

    #[test]
    fn ends_on_one_right_to_left_line_get_an_arc_above_the_line() {
        // Right to left: the head (a claim read first) is right of the child (its source).
        let head = [r(2, 400.0, 560.0)];
        let child = [r(2, 120.0, 200.0)];
        let path = route(&head, &child, RTL, 0, LINE, &NO_GLYPHS).expect("a path");
        assert!(path.same_line);
        assert_eq!(path.points.first(), Some(&pos2(480.0, 2.0 * LINE)));
        assert_eq!(path.points.last(), Some(&pos2(160.0, 2.0 * LINE)));
        let line_top = 2.0 * LINE;
        // Never below the line's top (never over its text), never above the previous line's
        // middle.
        for p in &path.points {
            assert!(p.y <= line_top + 0.01, "{p:?}");
            assert!(p.y > line_top - LINE / 2.0 - 0.01, "{p:?}");
        }
        assert!(path.label_at.x > 160.0 && path.label_at.x < 480.0);
        // The arrow points down into the child.
        let [tip, a, b] = path.arrowhead().expect("arrow");
        assert_eq!(tip, pos2(160.0, line_top));
        assert!(a.y < tip.y && b.y < tip.y);
    }

    #[test]
    fn ends_on_different_lines_go_round_through_the_margin_where_lines_start() {
        // Claim wraps over lines 1 and 2; its source is on line 4.
        let head = [r(1, 20.0, 300.0), r(2, 350.0, 590.0)];
        let child = [r(4, 200.0, 320.0)];
        let path = route(&head, &child, RTL, 1, LINE, &NO_GLYPHS).expect("a path");
        assert!(!path.same_line);
        // Leaves from the head's lower line (nearest the child), enters the child from above.
        assert_eq!(path.points.first(), Some(&pos2(470.0, 2.0 * LINE)));
        assert_eq!(path.points.last(), Some(&pos2(260.0, 4.0 * LINE)));
        // Every point is in the right margin or in a gap just above a line top: never across
        // the text of a line.
        for p in &path.points {
            let in_margin = p.x >= RTL.right;
            let in_gap = [2.0, 4.0]
                .iter()
                .any(|line: &f32| (p.y - line * LINE).abs() <= 7.0);
            assert!(in_margin || in_gap, "{p:?} crosses text");
        }
        assert!(path.points.iter().any(|p| p.x > RTL.right + 5.0));
        let [tip, ..] = path.arrowhead().expect("arrow");
        assert_eq!(tip, pos2(260.0, 4.0 * LINE));
    }

    #[test]
    fn left_to_right_routes_use_the_left_margin_and_a_child_above_is_reached_upwards() {
        let ltr = Margin {
            right_side: false,
            ..RTL
        };
        let head = [r(5, 100.0, 200.0)];
        let child = [r(1, 300.0, 400.0), r(2, 10.0, 80.0)];
        let path = route(&head, &child, ltr, 0, LINE, &NO_GLYPHS).expect("a path");
        // The child's lower line is nearest the head.
        assert_eq!(path.points.last(), Some(&pos2(45.0, 2.0 * LINE)));
        assert!(path.points.iter().any(|p| p.x < 0.0));
        assert!(path.points.iter().all(|p| p.x <= 200.0));
    }

    #[test]
    fn a_span_nested_in_the_other_end_is_still_reached_by_a_visible_bracket() {
        // A claim (head) containing the actor it is about, near its middle.
        let head = [r(1, 100.0, 500.0)];
        let child = [r(1, 280.0, 330.0)];
        let path = route(&head, &child, RTL, 0, LINE, &NO_GLYPHS).expect("a path");
        let (start, end) = (path.points[0], *path.points.last().expect("end"));
        assert_eq!(end, pos2(305.0, LINE), "into the child's centre");
        assert!((start.x - end.x).abs() >= MIN_SPREAD, "{start:?} {end:?}");
        assert!(start.x >= 100.0 && start.x <= 500.0, "from inside the head");
        // A source (head) nested in the actor it speaks for: the child's anchor moves.
        let path = route(&child, &head, RTL, 0, LINE, &NO_GLYPHS).expect("a path");
        assert_eq!(path.points[0], pos2(305.0, LINE));
        let end = *path.points.last().expect("end");
        assert!((end.x - 305.0).abs() >= MIN_SPREAD);
    }

    #[test]
    fn connectors_run_in_the_free_band_between_the_lines_glyphs() {
        // Glyphs of line 1 reach down to 4 points above line 2's top (descenders), line 2's
        // glyphs start 3 points below its top (and a haraka at x 520 reaches 1 point above it).
        let top = 2.0 * LINE;
        let mut rects: Vec<Rect> = (0..30)
            .flat_map(|i| {
                let x = i as f32 * 20.0;
                [
                    Rect::from_min_max(pos2(x, LINE + 4.0), pos2(x + 16.0, top - 4.0)),
                    Rect::from_min_max(pos2(x, top + 3.0), pos2(x + 16.0, top + LINE - 4.0)),
                ]
            })
            .collect();
        rects.push(Rect::from_min_max(
            pos2(520.0, top - 1.0),
            pos2(525.0, top + 3.0),
        ));
        let glyphs = GlyphRects::new(rects);
        let head = [r(2, 400.0, 560.0)];
        let child = [r(2, 120.0, 200.0)];
        let path = route(&head, &child, RTL, 0, LINE, &glyphs).expect("a path");
        // Without glyphs the bracket would rise 7 points, into line 1's descenders; here it
        // stays below them.
        for p in &path.points {
            assert!(p.y >= top - 4.0 + 0.5 && p.y <= top, "{p:?}");
        }
        // The stretch over the haraka is not in the free band: its height is the wanted one,
        // kept between the descenders and the line's top (the painter cuts out what crosses).
        let far = route(
            &[r(2, 560.0, 580.0)],
            &[r(2, 500.0, 540.0)],
            RTL,
            0,
            LINE,
            &glyphs,
        )
        .expect("a path");
        assert!(far.points.iter().all(|p| p.y <= top));
    }

    #[test]
    fn nothing_to_route_without_both_ends() {
        assert_eq!(
            route(&[], &[r(0, 0.0, 1.0)], RTL, 0, LINE, &NO_GLYPHS),
            None
        );
    }
}
