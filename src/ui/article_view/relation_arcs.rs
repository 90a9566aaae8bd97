//! Relations drawn over the article: a connector from the head span to the child span with an
//! arrowhead at the child and the type's name beside it.
//!
//! Routing (pure geometry, in document coordinates, tested below): when both ends share a visual
//! line, a low bracket above the line joins the top centres of the two nearest rectangles (the
//! label sits on its top). When they are on different lines, the connector leaves the head
//! along the gap above its line, runs down (or up) the margin on the side where lines start (the
//! right in right-to-left paragraphs), and comes back along the gap above the child's line, so it
//! never crosses a line of text. An end that is not laid out (far off screen) is replaced by a
//! point beyond the viewport edge, so the connector runs off screen towards it.
//!
//! Work per frame is bounded by what is visible: the relations of the visible spans, found
//! through `Project::relations_of_span`; nothing iterates the document's relations or shapes text.

use std::collections::HashMap;
use std::ops::Range;

use egui::{Align2, Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use super::ArticleView;
use super::span_marks::SpanMark;
use crate::model::{Project, Relation, RelationId, SpanId};

/// Radius of the rounded corners of a margin route, in points.
const CORNER: f32 = 4.0;
/// Distance between two margin tracks, in points.
const TRACK_STEP: f32 = 5.0;
/// Number of margin tracks (relations beyond share them).
const TRACKS: usize = 3;
/// Length of the arrowhead, in points.
const ARROW: f32 = 6.0;

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
        let tip = *self.points.last()?;
        let base = tip - vec2(0.0, ARROW);
        let side = vec2(ARROW * 0.5, 0.0);
        Some([tip, base + side, base - side])
    }
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
) -> Option<ArcPath> {
    if head.is_empty() || child.is_empty() {
        return None;
    }
    if let Some((h, c)) = same_line_pair(head, child) {
        let (a, b) = separated_anchors(h, c);
        return Some(arc(a, b, track, line_height));
    }
    let child_centre = child.first()?.center();
    let h = anchor_rect(head, child_centre)?;
    let c = anchor_rect(child, h.center())?;
    Some(margin_route(h.center_top(), c.center_top(), margin, track))
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
fn arc(a: Pos2, b: Pos2, track: usize, line_height: f32) -> ArcPath {
    let rise = (7.0 + (track % TRACKS) as f32 * 4.0).min(line_height * 0.45);
    let y = a.y.min(b.y) - rise;
    let corners = [a, pos2(a.x, y), pos2(b.x, y), b];
    ArcPath {
        points: rounded(&corners, CORNER + 1.0),
        label_at: pos2((a.x + b.x) / 2.0, y - 1.0),
        same_line: true,
    }
}

/// From `a` (top of the head on one line) along the gap above its line to the margin, along the
/// margin to the gap above `b`'s line, and in to `b`.
fn margin_route(a: Pos2, b: Pos2, margin: Margin, track: usize) -> ArcPath {
    let offset = 6.0 + (track % TRACKS) as f32 * TRACK_STEP;
    let x = if margin.right_side {
        margin.right + offset
    } else {
        margin.left - offset
    };
    let lift = 2.0 + (track % TRACKS) as f32 * 1.5;
    let (ya, yb) = (a.y - lift, b.y - lift);
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

/// Rectangles of a span's range in the paragraphs laid out, or a stand-in beyond the viewport
/// edge (above when the span is before the visible text) when none is laid out.
fn end_rects(
    view: &mut ArticleView,
    project: &Project,
    span: SpanId,
    known: &HashMap<SpanId, usize>,
    rects: &[Vec<Rect>],
    doc_view: &Range<f32>,
) -> Vec<Rect> {
    if let Some(&i) = known.get(&span) {
        return rects[i].clone();
    }
    let Some(s) = project.span(span) else {
        return Vec::new();
    };
    let first = view.layout.paragraph_of_offset(s.start);
    let last = view
        .layout
        .paragraph_of_offset(s.end.saturating_sub(1).max(s.start));
    let found = view.layout.range_rects(s.range(), first..last + 1);
    if !found.is_empty() {
        return found;
    }
    let above = view.layout.paragraph_top(first) < doc_view.start;
    let y = if above {
        doc_view.start - 40.0
    } else {
        doc_view.end + 40.0
    };
    vec![Rect::from_min_size(
        pos2(view.layout.width() / 2.0, y),
        vec2(1.0, 1.0),
    )]
}

/// Colours of the relation types, in schema order (Okabe-Ito colours the default labels do not
/// use, then Paul Tol's): told apart from each other and from the span highlights.
const TYPE_COLOURS: [Color32; 6] = [
    Color32::from_rgb(0xCC, 0x79, 0xA7),
    Color32::from_rgb(0x56, 0xB4, 0xE9),
    Color32::from_rgb(0xD5, 0x5E, 0x00),
    Color32::from_rgb(0x99, 0x99, 0x33),
    Color32::from_rgb(0x88, 0x22, 0x55),
    Color32::from_rgb(0x44, 0xAA, 0x99),
];

/// The colour of a relation's type.
fn type_colour(project: &Project, relation: &Relation) -> Color32 {
    let index = project
        .schema()
        .relation_types()
        .iter()
        .position(|t| t.id == relation.kind)
        .unwrap_or(0);
    TYPE_COLOURS[index % TYPE_COLOURS.len()]
}

fn overlaps(a: &Range<f32>, b: &egui::Rangef) -> bool {
    a.start < b.max && b.min < a.end
}

fn faded(colour: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}

impl ArticleView {
    /// The heights (document coordinates) where glyphs of the visible lines are drawn: a line
    /// less the few points between two lines.
    fn text_bands(&mut self, doc_view: &Range<f32>) -> Vec<Range<f32>> {
        let line_height = self.layout.metrics().line_height;
        let visible = self.layout.visible_paragraphs(doc_view.clone());
        let mut bands = Vec::new();
        for i in visible {
            let top = self.layout.paragraph_top(i);
            if let Some(layout) = self.layout.paragraph_layout(i) {
                bands.extend(
                    layout
                        .lines()
                        .iter()
                        .map(|line| top + line.top + 1.0..top + line.top + line_height - 3.0),
                );
            }
        }
        bands
    }

    /// Paints the relations of the visible spans. `marks` and `rects` are the visible spans and
    /// their rectangles (document coordinates); the selected and hovered spans' relations are
    /// drawn strongly, with the other ends outlined.
    pub(super) fn paint_relations(
        &mut self,
        ui: &Ui,
        project: &Project,
        origin: Vec2,
        marks: &[SpanMark],
        rects: &[Vec<Rect>],
        doc_view: Range<f32>,
    ) {
        let known: HashMap<SpanId, usize> =
            marks.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
        let mut relations: Vec<&Relation> = marks
            .iter()
            .flat_map(|m| project.relations_of_span(m.id))
            .collect();
        relations.sort_by_key(|r| r.id);
        relations.dedup_by_key(|r| r.id);
        if relations.is_empty() {
            return;
        }
        let focus = [self.selected_span, self.hovered_span];
        let is_strong = |r: &Relation| {
            focus
                .iter()
                .flatten()
                .any(|s| r.head == *s || r.child == *s)
        };
        // Faint ones first, so strong ones are drawn on top.
        relations.sort_by_key(|r| (is_strong(r), r.id));
        let rtl = |view: &Self, span: SpanId| {
            project.span(span).is_some_and(|s| {
                let p = view.layout.paragraph_of_offset(s.start);
                view.layout.paragraph(p).is_some_and(|para| para.rtl)
            })
        };
        let visuals = ui.visuals();
        let painter = ui.painter();
        let line_height = self.layout.metrics().line_height;
        let bands = self.text_bands(&doc_view);
        let mut outlined: Vec<(SpanId, Color32)> = Vec::new();
        let mut tracks: HashMap<RelationId, usize> = HashMap::new();
        for relation in relations {
            let head = end_rects(self, project, relation.head, &known, rects, &doc_view);
            let child = end_rects(self, project, relation.child, &known, rects, &doc_view);
            let margin = Margin {
                left: 0.0,
                right: self.layout.width(),
                right_side: rtl(self, relation.head),
            };
            let track = tracks.len();
            tracks.insert(relation.id, track);
            let Some(path) = route(&head, &child, margin, track, line_height) else {
                continue;
            };
            let strong = is_strong(relation);
            let kind_colour = type_colour(project, relation);
            let colour = if strong {
                kind_colour
            } else {
                faded(kind_colour, 150)
            };
            let width = if strong { 2.0 } else { 1.3 };
            let points: Vec<Pos2> = path.points.iter().map(|p| *p + origin).collect();
            painter.add(Shape::line(points, Stroke::new(width, colour)));
            if let Some(arrow) = path.arrowhead() {
                let arrow = arrow.map(|p| p + origin).to_vec();
                painter.add(Shape::convex_polygon(arrow, colour, Stroke::NONE));
            }
            let name = project
                .schema()
                .relation_type(&relation.kind)
                .map_or(relation.kind.as_str(), |t| t.name.as_str());
            let font = FontId::proportional(if strong { 11.0 } else { 10.0 });
            // A name is drawn only where it hides nothing, so even a faint one can be legible.
            let text_colour = if strong {
                colour
            } else {
                faded(kind_colour, 220)
            };
            let galley = painter.layout_no_wrap(name.to_owned(), font, text_colour);
            let label = Align2::CENTER_BOTTOM.anchor_size(path.label_at, galley.size());
            // A faint connector's name only where it hides no text (in the gap between
            // paragraphs); the highlighted ones always show theirs.
            if strong || !bands.iter().any(|band| overlaps(band, &label.y_range())) {
                let label = label.translate(origin);
                let backdrop = faded(visuals.extreme_bg_color, if strong { 235 } else { 190 });
                painter.rect_filled(label.expand(1.0), 3.0, backdrop);
                painter.galley(label.min, galley, text_colour);
            }
            if strong {
                for end in [relation.head, relation.child] {
                    if !focus.contains(&Some(end))
                        && let Some(&i) = known.get(&end)
                    {
                        outlined.push((end, marks[i].colour));
                    }
                }
            }
        }
        // The other ends of the highlighted relations.
        for (span, colour) in outlined {
            if let Some(&i) = known.get(&span) {
                for rect in &rects[i] {
                    painter.rect_stroke(
                        rect.translate(origin),
                        2.0,
                        Stroke::new(1.5, colour),
                        StrokeKind::Outside,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: f32 = 35.0;

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
        let path = route(&head, &child, RTL, 0, LINE).expect("a path");
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
        let path = route(&head, &child, RTL, 1, LINE).expect("a path");
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
        let path = route(&head, &child, ltr, 0, LINE).expect("a path");
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
        let path = route(&head, &child, RTL, 0, LINE).expect("a path");
        let (start, end) = (path.points[0], *path.points.last().expect("end"));
        assert_eq!(end, pos2(305.0, LINE), "into the child's centre");
        assert!((start.x - end.x).abs() >= MIN_SPREAD, "{start:?} {end:?}");
        assert!(start.x >= 100.0 && start.x <= 500.0, "from inside the head");
        // A source (head) nested in the actor it speaks for: the child's anchor moves.
        let path = route(&child, &head, RTL, 0, LINE).expect("a path");
        assert_eq!(path.points[0], pos2(305.0, LINE));
        let end = *path.points.last().expect("end");
        assert!((end.x - 305.0).abs() >= MIN_SPREAD);
    }

    #[test]
    fn nothing_to_route_without_both_ends() {
        assert_eq!(route(&[], &[r(0, 0.0, 1.0)], RTL, 0, LINE), None);
    }
}
