//! Painting: span backgrounds and lane bars, the selection, the glyphs, the selected span's
//! outline and edge handles, the flash of a revealed span, and the caret. Everything is painted
//! from byte ranges over the existing layout: nothing here shapes text.

use std::ops::Range;

use egui::{Color32, Mesh, Rect, Shape, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use super::clearance::GlyphRects;
use super::pointer::handle_rect;
use super::span_marks::{MAX_LANES, SpanMark};
use super::{ArticleView, Edge, FLASH_SECONDS};
use crate::model::Project;
use crate::text::TextEngine;

/// Opacity of a span's background tint (overlapping spans add up).
const FILL_ALPHA: u8 = 46;
/// Height of one lane bar and the gap above it, in points.
const BAR_HEIGHT: f32 = 2.5;
const BAR_GAP: f32 = 1.5;

fn with_alpha(colour: Color32, alpha: u8) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r(), colour.g(), colour.b(), alpha)
}

impl ArticleView {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paint(
        &mut self,
        ui: &Ui,
        engine: &mut TextEngine,
        project: &Project,
        doc_view: Range<f32>,
        origin: Vec2,
        marks: &[SpanMark],
        rects: &[Vec<Rect>],
    ) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        let visible = self.layout.visible_paragraphs(doc_view.clone());

        // Find hits, then span tints and lane bars, under the text.
        let visible_text = match visible.end.checked_sub(1) {
            Some(last) if !visible.is_empty() => {
                self.layout.paragraph_range(visible.start).start
                    ..self.layout.paragraph_range(last).end
            }
            _ => 0..0,
        };
        self.paint_find_hits(painter, origin, visible_text.clone(), visible.clone());
        // Adjudication: each annotator's lane along the top of the lines, under the letters.
        self.paint_annotator_lanes(painter, origin, visible_text.clone(), visible.clone());
        let mut selected_rects: &[Rect] = &[];
        for (mark, rects) in marks.iter().zip(rects) {
            let lane = mark.lane.min(MAX_LANES - 1) as f32;
            for rect in rects {
                let rect = rect.translate(origin);
                let bars_bottom = rect.max.y - 1.0;
                let bar_top = bars_bottom - (lane + 1.0) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
                painter.rect_filled(rect, 0.0, with_alpha(mark.colour, FILL_ALPHA));
                painter.rect_filled(
                    Rect::from_min_max(
                        pos2(rect.min.x, bar_top),
                        pos2(rect.max.x, bar_top + BAR_HEIGHT),
                    ),
                    0.0,
                    mark.colour,
                );
            }
            if Some(mark.id) == self.selected_span {
                selected_rects = rects;
            }
        }

        let range = self.selection.range();
        if !range.is_empty() {
            for rect in self.layout.range_rects(range, visible.clone()) {
                painter.rect_filled(rect.translate(origin), 0.0, visuals.selection.bg_fill);
            }
        }

        let ctx = ui.ctx().clone();
        let color = visuals.strong_text_color();
        let line_height = self.layout.metrics().line_height;
        let mut mesh = Mesh::default();
        let mut complete = true;
        for i in visible.clone() {
            let top = self.layout.paragraph_top(i);
            let Some(layout) = self.layout.paragraph_layout(i) else {
                continue;
            };
            for line in layout.lines() {
                let line_top = top + line.top;
                if line_top > doc_view.end || line_top + line_height < doc_view.start {
                    continue;
                }
                let baseline = origin + vec2(0.0, top + line.baseline);
                complete &= engine.atlas.paint_glyphs(
                    &ctx,
                    &mut engine.font_system,
                    &mut mesh,
                    &line.glyphs,
                    baseline.to_pos2(),
                    color,
                );
            }
        }
        if !complete {
            ctx.request_repaint();
        }
        // The glyphs' rectangles (four vertices each), which relations must keep off.
        let glyphs = GlyphRects::new(
            mesh.vertices
                .chunks_exact(4)
                .map(|quad| {
                    Rect::from_points(&quad.iter().map(|v| v.pos - origin).collect::<Vec<_>>())
                })
                .collect(),
        );
        painter.add(Shape::mesh(mesh));
        self.paint_suggestions(painter, origin, visible.clone());

        // Relations over the text, then the link being made.
        self.paint_relations(ui, project, origin, marks, rects, doc_view.clone(), glyphs);
        self.paint_link_band(ui, origin, marks, rects);

        // The selected span: an outline and a handle at each edge.
        if let Some(mark) = marks.iter().find(|m| Some(m.id) == self.selected_span) {
            let stroke = Stroke::new(2.0, visuals.strong_text_color());
            for rect in selected_rects {
                painter.rect_stroke(rect.translate(origin), 2.0, stroke, StrokeKind::Outside);
            }
            for (edge, offset) in [(Edge::Start, mark.range.start), (Edge::End, mark.range.end)] {
                if let Some(caret) = self.layout.caret_rect(offset) {
                    let caret = caret.translate(origin);
                    painter.rect_filled(caret.expand2(vec2(0.5, 0.0)), 0.0, mark.colour);
                    painter.rect_filled(handle_rect(caret, edge), 3.5, mark.colour);
                }
            }
        }

        // A span revealed from the span list flashes for a moment.
        if let Some((range, started)) = self.flash.clone() {
            let elapsed = ui.input(|i| i.time) - started;
            if elapsed < FLASH_SECONDS {
                let strength = (1.0 - elapsed / FLASH_SECONDS) as f32;
                let colour = with_alpha(visuals.warn_fg_color, (strength * 200.0) as u8);
                for rect in self.layout.range_rects(range, visible) {
                    painter.rect_stroke(
                        rect.translate(origin).expand(2.0),
                        3.0,
                        Stroke::new(3.0, colour),
                        StrokeKind::Outside,
                    );
                }
                ctx.request_repaint();
            } else {
                self.flash = None;
            }
        }

        if self.selection.is_empty()
            && self.selected_span.is_none()
            && let Some(caret) = self.layout.caret_rect(self.selection.head)
        {
            painter.rect_filled(
                caret.translate(origin),
                0.0,
                visuals.text_cursor.stroke.color,
            );
        }
    }
}
