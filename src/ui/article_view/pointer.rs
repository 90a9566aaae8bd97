//! Pointer input: selecting text by dragging (snapped to whole words across words, see
//! [`word_snap`]; Alt turns snapping off), clicking a span to select it, dragging the edge
//! handles of the selected span, and the hover tooltip of spans.

use egui::{Pos2, Rect, Response, Ui, Vec2, vec2};

use super::span_marks::SpanMark;
use super::{ArticleView, Edge, EdgeDrag, ViewAction, moved_range, word_snap};
use crate::model::{Project, SpanId};
use crate::text::boundaries::{next_grapheme, prev_grapheme, word_at};
use crate::text::{Selection, TextEngine};
use crate::ui::colours::to_color32;
use crate::ui::shaped_label;

/// How close to an edge handle a press grabs it, in points.
const HANDLE_REACH: f32 = 7.0;

impl ArticleView {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn handle_pointer(
        &mut self,
        ui: &Ui,
        engine: &mut TextEngine,
        project: &Project,
        response: &Response,
        origin: Vec2,
        marks: &[SpanMark],
        rects: &[Vec<Rect>],
    ) {
        let (pos, pressed, down, shift, alt) = ui.input(|i| {
            (
                i.pointer.interact_pos(),
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.modifiers.shift,
                i.modifiers.alt,
            )
        });
        let Some(pos) = pos else {
            return;
        };
        if self.link_pointer(ui, response, pos, origin, marks, rects) {
            self.dragging = false;
            return;
        }
        let hit = |view: &mut Self, engine: &mut TextEngine| {
            view.layout.hit(&mut engine.font_system, pos - origin)
        };
        if pressed && response.contains_pointer() {
            if let Some(edge) = self.handle_under(project, pos - origin) {
                self.edge_drag = Some(edge);
                response.request_focus();
                return;
            }
            let offset = hit(self, engine);
            self.selection.move_to(offset, shift);
            self.drag_press = self.selection.anchor;
            self.dragging = true;
            response.request_focus();
        } else if let Some(drag) = self.edge_drag {
            if down {
                let offset = hit(self, engine);
                self.drag_edge(project, drag, offset);
                self.auto_scroll(ui, pos);
            } else {
                self.edge_drag = None;
                self.actions.push(ViewAction::EndGesture);
            }
            return;
        } else if self.dragging && down {
            let offset = hit(self, engine);
            self.selection = if alt {
                Selection {
                    anchor: self.drag_press,
                    head: offset,
                }
            } else {
                word_snap::snapped(self.layout.text(), self.drag_press, offset)
            };
            self.auto_scroll(ui, pos);
        } else if !down {
            self.dragging = false;
        }
        let text = self.layout.text();
        if response.triple_clicked() {
            let p = self.layout.paragraph_of_offset(self.selection.head);
            self.selection = Selection::of_range(self.layout.paragraph_range(p));
        } else if response.double_clicked() {
            self.selection = Selection::of_range(word_at(text, self.selection.head));
        } else if response.clicked() && !shift {
            self.click_span(marks, self.selection.head);
            if self.selected_span.is_none() {
                self.click_suggestion(self.selection.head);
            }
        }
        if !self.selection.is_empty() {
            self.selected_span = None;
        }
        if response.hovered()
            && !self.dragging
            && self.edge_drag.is_none()
            && self.linking.is_none()
        {
            self.hover_tooltip(engine, project, response, pos - origin);
        }
    }

    /// Auto-scroll while dragging past the top or bottom edge.
    fn auto_scroll(&self, ui: &Ui, pos: Pos2) {
        let clip = ui.clip_rect();
        let overshoot = if pos.y < clip.min.y {
            clip.min.y - pos.y
        } else if pos.y > clip.max.y {
            clip.max.y - pos.y
        } else {
            0.0
        };
        if overshoot != 0.0 {
            ui.scroll_with_delta(vec2(0.0, overshoot.clamp(-40.0, 40.0)));
            ui.ctx().request_repaint();
        }
    }

    /// A click at `offset` selects the innermost span there; clicking again at the same place
    /// cycles through the spans that cover it. A click outside every span deselects.
    fn click_span(&mut self, marks: &[SpanMark], offset: usize) {
        let mut under: Vec<&SpanMark> = marks
            .iter()
            .filter(|m| m.range.start <= offset && offset <= m.range.end)
            .collect();
        // Prefer spans that really contain the offset over spans that merely end there.
        under.sort_by_key(|m| (m.range.end == offset, m.range.len(), m.range.start, m.id));
        let next = match self
            .selected_span
            .and_then(|id| under.iter().position(|m| m.id == id))
        {
            Some(i) => under.get((i + 1) % under.len()),
            None => under.first(),
        };
        self.selected_span = next.map(|m| m.id);
    }

    /// The edge handle of the selected span under `pos` (document coordinates), if any.
    fn handle_under(&mut self, project: &Project, pos: egui::Pos2) -> Option<EdgeDrag> {
        let span = self.selected_span?;
        let range = project.span(span)?.range();
        for (edge, offset) in [(Edge::End, range.end), (Edge::Start, range.start)] {
            let Some(caret) = self.layout.caret_rect(offset) else {
                continue;
            };
            if caret.expand2(vec2(HANDLE_REACH, 2.0)).contains(pos) {
                return Some(EdgeDrag { span, edge });
            }
        }
        None
    }

    /// Moves the dragged edge to `offset` (snapped to graphemes by the hit test), keeping at
    /// least one grapheme in the span.
    fn drag_edge(&mut self, project: &Project, drag: EdgeDrag, offset: usize) {
        let Some(span) = project.span(drag.span) else {
            self.edge_drag = None;
            return;
        };
        let text = self.layout.text();
        let range = span.range();
        let new = moved_range(
            range.clone(),
            drag.edge,
            offset,
            prev_grapheme(text, range.end),
            next_grapheme(text, range.start),
        );
        if new != range && !self.actions.iter().any(|a| is_move_of(a, drag.span)) {
            self.actions.push(ViewAction::MoveSpan {
                span: drag.span,
                range: new,
                gesture: Some(drag.edge.gesture(drag.span)),
            });
        }
    }

    fn hover_tooltip(
        &mut self,
        engine: &mut TextEngine,
        project: &Project,
        response: &Response,
        pos: egui::Pos2,
    ) {
        let offset = self.layout.hit(&mut engine.font_system, pos);
        // The character under the pointer: the grapheme after the caret stop nearest to it.
        let spans: Vec<_> = project
            .spans_at(self.doc, offset)
            .chain(
                project
                    .spans_at(self.doc, offset.saturating_sub(1))
                    .filter(|s| s.end == offset),
            )
            .take(8)
            .cloned()
            .collect();
        if spans.is_empty() {
            self.suggestion_tooltip(project, response, offset);
            return;
        }
        let text = self.layout.text();
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(380.0);
            for span in &spans {
                let label = project.schema().get(&span.label);
                let name = label.map_or(span.label.as_str(), |l| l.name.as_str());
                let colour = label.map_or(egui::Color32::GRAY, |l| to_color32(l.colour));
                let chars = text[span.range()].chars().count();
                ui.horizontal(|ui| {
                    let (chip, _) = ui.allocate_exact_size(vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(chip, 2.0, colour);
                    ui.strong(name);
                    ui.weak(format!("{chars} character{}", crate::io::plural(chars)));
                });
                // The span text, shaped by our engine (egui cannot join Arabic letters).
                shaped_label(
                    ui,
                    engine,
                    &text[span.range()],
                    16.0,
                    ui.visuals().text_color(),
                    360.0,
                );
            }
            ui.weak("Click to select; 1/2/3 relabel; R links (or Ctrl+drag); Delete removes");
        });
    }
}

fn is_move_of(action: &ViewAction, id: SpanId) -> bool {
    matches!(action, ViewAction::MoveSpan { span, .. } if *span == id)
}

/// The rectangle of a handle drawn at caret `caret`.
pub(super) fn handle_rect(caret: Rect, edge: Edge) -> Rect {
    let knob = vec2(7.0, 7.0);
    let centre = match edge {
        Edge::Start => caret.center_top(),
        Edge::End => caret.center_bottom(),
    };
    Rect::from_center_size(centre, knob)
}
