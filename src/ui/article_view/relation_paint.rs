//! Painting the relations of the visible spans over the article: each connector routed by
//! [`super::relation_arcs::route`], with every stretch that would cross a glyph cut out, its
//! arrowhead above the child's letters and its name in a place that covers none (see
//! [`super::clearance`]). What was drawn is kept as plain geometry ([`DrawnRelations`]) so tests
//! can check that nothing lies over the letters.

use std::collections::HashMap;
use std::ops::Range;

use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use super::ArticleView;
use super::clearance::{GlyphRects, along, segment_rect};
use super::relation_arcs::{ARROW, Margin, arrow_at, route};
use super::span_marks::SpanMark;
use crate::model::{Project, Relation, RelationId, SpanId};

/// Places along a connector tried for its name (each also moved up and down).
const MAX_NAME_PLACES: usize = 40;

/// What the relations of the last frame drew, in document coordinates.
#[derive(Clone, Debug, Default)]
pub struct DrawnRelations {
    /// The rectangles of the glyphs drawn (the obstacles).
    pub glyphs: GlyphRects,
    /// The rectangle of every connector piece (as wide as its stroke) and arrowhead.
    pub segments: Vec<Rect>,
    /// The rectangle of every relation name (its backdrop included).
    pub names: Vec<Rect>,
}

/// The pieces of the polyline `points`, drawn `width` wide, that cross no glyph.
fn clear_path(glyphs: &GlyphRects, points: &[Pos2], width: f32) -> Vec<(Pos2, Pos2)> {
    points
        .windows(2)
        .flat_map(|w| glyphs.clear_parts(w[0], w[1], width))
        .collect()
}

/// The arrowhead at the end of `points` (which comes straight down into the child), moved up to
/// where it covers no letter (a haraka may stand above the line), smaller if it must be; `None`
/// when no size fits.
fn clear_arrow(glyphs: &GlyphRects, points: &[Pos2]) -> Option<[Pos2; 3]> {
    let tip = *points.last()?;
    // The last vertical stretch: from where the connector turns down to the child.
    let from = points
        .iter()
        .rev()
        .take_while(|p| (p.x - tip.x).abs() < 0.01)
        .last()
        .copied()
        .unwrap_or(tip);
    let free_to = glyphs
        .clear_parts(from, tip, 1.0)
        .first()
        .filter(|(a, _)| (a.y - from.y).abs() < 0.01)
        .map_or(from, |(_, b)| *b);
    [ARROW, ARROW * 0.7, ARROW * 0.5]
        .into_iter()
        .map(|size| arrow_at(pos2(tip.x, free_to.y), size))
        .find(|arrow| !glyphs.hits(Rect::from_points(arrow)))
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

fn faded(colour: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}

impl ArticleView {
    /// Paints the relations of the visible spans. `marks` and `rects` are the visible spans and
    /// their rectangles (document coordinates); the selected and hovered spans' relations are
    /// drawn strongly, with the other ends outlined.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paint_relations(
        &mut self,
        ui: &Ui,
        project: &Project,
        origin: Vec2,
        marks: &[SpanMark],
        rects: &[Vec<Rect>],
        doc_view: Range<f32>,
        glyphs: GlyphRects,
    ) {
        self.drawn_relations = DrawnRelations::default();
        let known: HashMap<SpanId, usize> =
            marks.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
        let mut relations: Vec<&Relation> = marks
            .iter()
            .flat_map(|m| project.relations_of_span(m.id))
            .collect();
        relations.sort_by_key(|r| r.id);
        relations.dedup_by_key(|r| r.id);
        if relations.is_empty() {
            self.drawn_relations.glyphs = glyphs;
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
            let Some(path) = route(&head, &child, margin, track, line_height, &glyphs) else {
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
            let drawn = &mut self.drawn_relations;
            for (a, b) in clear_path(&glyphs, &path.points, width) {
                painter.line_segment([a + origin, b + origin], Stroke::new(width, colour));
                drawn.segments.push(segment_rect(a, b, width));
            }
            if let Some(arrow) = clear_arrow(&glyphs, &path.points) {
                let rect = Rect::from_points(&arrow);
                let arrow = arrow.map(|p| p + origin).to_vec();
                painter.add(Shape::convex_polygon(arrow, colour, Stroke::NONE));
                drawn.segments.push(rect);
            }
            let name = project
                .schema()
                .relation_type(&relation.kind)
                .map_or(relation.kind.as_str(), |t| t.name.as_str());
            let font = FontId::proportional(if strong { 11.0 } else { 10.0 });
            let text_colour = if strong {
                colour
            } else {
                faded(kind_colour, 220)
            };
            let galley = painter.layout_no_wrap(name.to_owned(), font, text_colour);
            // The name goes where it covers no letter and no other name: where the route puts it,
            // else somewhere along the connector, else a little above or below; if nowhere, it is
            // not drawn (the span list and the span panel name every relation).
            let size = galley.size() + vec2(2.0, 2.0);
            let mut candidates = vec![path.label_at - vec2(0.0, size.y / 2.0)];
            candidates.extend(along(&path.points, 16.0).into_iter().take(MAX_NAME_PLACES));
            if let Some(place) =
                glyphs.free_place(size, &candidates, line_height * 0.75, &drawn.names)
            {
                drawn.names.push(place);
                let backdrop = faded(visuals.extreme_bg_color, if strong { 235 } else { 190 });
                painter.rect_filled(place.translate(origin), 3.0, backdrop);
                painter.galley(place.min + origin + vec2(1.0, 1.0), galley, text_colour);
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
        self.drawn_relations.glyphs = glyphs;
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
