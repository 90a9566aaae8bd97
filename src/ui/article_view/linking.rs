//! Linking two spans in the article: link mode (started by the Link command, R) waits for a click
//! on the other span, or for the arrow keys to pick one of the visible spans that can be linked
//! and Enter; Esc cancels. Ctrl+drag (Cmd+drag on a Mac) from one span to another links them
//! directly, with a rubber band following the pointer. Either way the view only reports
//! [`ViewAction::Link`]; the app finds the relation type that fits and applies it.

use egui::{Key, Modifiers, Pos2, Rect, Response, Shape, Stroke, StrokeKind, Ui, Vec2};

use super::span_marks::SpanMark;
use super::{ArticleView, ViewAction};
use crate::model::{Project, SpanId};
use crate::ui::relation_picker::link_options;

/// Link mode: the span linked from and the candidate the arrow keys picked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Linking {
    pub(super) from: SpanId,
    pub(super) candidate: Option<SpanId>,
}

/// A Ctrl+drag from a span: where it started and where the pointer is (document coordinates).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct LinkDrag {
    pub(super) from: SpanId,
    pub(super) to: Pos2,
}

/// The innermost visible span whose rectangles (document coordinates) contain `pos`.
pub(super) fn span_under(marks: &[SpanMark], rects: &[Vec<Rect>], pos: Pos2) -> Option<SpanId> {
    marks
        .iter()
        .zip(rects)
        .filter(|(_, rects)| rects.iter().any(|r| r.expand(0.5).contains(pos)))
        .min_by_key(|(m, _)| (m.range.len(), m.range.start))
        .map(|(m, _)| m.id)
}

impl ArticleView {
    /// Starts link mode from the selected span; returns it, or `None` when no span is selected.
    pub fn start_link(&mut self) -> Option<SpanId> {
        let from = self.selected_span?;
        self.linking = Some(Linking {
            from,
            candidate: None,
        });
        Some(from)
    }

    /// The span link mode links from, if link mode is on.
    pub fn linking_from(&self) -> Option<SpanId> {
        self.linking.map(|l| l.from)
    }

    /// The span the arrow keys picked in link mode, if any.
    pub fn link_candidate(&self) -> Option<SpanId> {
        self.linking.and_then(|l| l.candidate)
    }

    /// Leaves link mode.
    pub fn cancel_link(&mut self) {
        self.linking = None;
    }

    /// Esc, the arrows and Enter in link mode (whatever has the keyboard focus: link mode is
    /// modal).
    pub(super) fn handle_link_keys(&mut self, ui: &mut Ui, project: &Project, marks: &[SpanMark]) {
        let Some(linking) = self.linking else {
            return;
        };
        if project.span(linking.from).is_none_or(|s| s.doc != self.doc) {
            self.linking = None;
            return;
        }
        let key = |ui: &mut Ui, key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if key(ui, Key::Escape) {
            self.linking = None;
            self.actions
                .push(ViewAction::Notice("Linking cancelled".into()));
            return;
        }
        if key(ui, Key::Enter) {
            if let Some(to) = linking.candidate {
                self.linking = None;
                self.actions.push(ViewAction::Link {
                    from: linking.from,
                    to,
                });
            }
            return;
        }
        let rtl = self.span_is_rtl(project, linking.from);
        let (next, previous) = if rtl {
            (Key::ArrowLeft, Key::ArrowRight)
        } else {
            (Key::ArrowRight, Key::ArrowLeft)
        };
        let step = if key(ui, next) || key(ui, Key::ArrowDown) {
            1
        } else if key(ui, previous) || key(ui, Key::ArrowUp) {
            -1
        } else {
            return;
        };
        let candidates: Vec<SpanId> = marks
            .iter()
            .map(|m| m.id)
            .filter(|id| link_options(project, linking.from, *id).is_ok())
            .collect();
        if candidates.is_empty() {
            self.actions.push(ViewAction::Notice(
                "No span in view can be linked to this one".into(),
            ));
            return;
        }
        let n = candidates.len() as isize;
        let at = linking
            .candidate
            .and_then(|c| candidates.iter().position(|id| *id == c))
            .map_or(if step > 0 { -1 } else { 0 }, |i| i as isize);
        let i = (at + step).rem_euclid(n) as usize;
        self.linking = Some(Linking {
            candidate: Some(candidates[i]),
            ..linking
        });
    }

    fn span_is_rtl(&self, project: &Project, span: SpanId) -> bool {
        project.span(span).is_some_and(|s| {
            let p = self.layout.paragraph_of_offset(s.start);
            self.layout.paragraph(p).is_some_and(|para| para.rtl)
        })
    }

    /// The pointer while linking: a click in link mode picks the other span; a Ctrl+press on a
    /// span starts a link drag, its release on another span links them. Returns whether the
    /// pointer was used for linking (then it selects no text this frame).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn link_pointer(
        &mut self,
        ui: &Ui,
        response: &Response,
        pos: Pos2,
        origin: Vec2,
        marks: &[SpanMark],
        rects: &[Vec<Rect>],
    ) -> bool {
        let (pressed, down, command) = ui.input(|i| {
            (
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.modifiers.command,
            )
        });
        let at = pos - origin;
        if let Some(drag) = &mut self.link_drag {
            if down {
                drag.to = at;
                ui.ctx().request_repaint();
            } else {
                let from = drag.from;
                self.link_drag = None;
                self.finish_link(from, span_under(marks, rects, at));
            }
            return true;
        }
        if let Some(linking) = self.linking {
            if response.clicked() {
                self.linking = None;
                self.finish_link(linking.from, span_under(marks, rects, at));
            }
            // In link mode a press or drag selects no text.
            return pressed || down || response.clicked();
        }
        if pressed
            && command
            && response.contains_pointer()
            && let Some(from) = span_under(marks, rects, at)
        {
            self.link_drag = Some(LinkDrag { from, to: at });
            self.selected_span = Some(from);
            response.request_focus();
            return true;
        }
        false
    }

    fn finish_link(&mut self, from: SpanId, to: Option<SpanId>) {
        self.actions.push(match to {
            Some(to) => ViewAction::Link { from, to },
            None => ViewAction::Notice("Not linked: there is no span there".into()),
        });
    }

    /// The rubber band of a link drag (to the pointer) or of link mode (to the candidate), and
    /// the candidate's outline.
    pub(super) fn paint_link_band(
        &self,
        ui: &Ui,
        origin: Vec2,
        marks: &[SpanMark],
        rects: &[Vec<Rect>],
    ) {
        let rects_of = |id: SpanId| marks.iter().position(|m| m.id == id).map(|i| &rects[i]);
        let (from, to) = match (self.link_drag, self.linking) {
            (Some(drag), _) => (drag.from, Some(drag.to)),
            (None, Some(linking)) => {
                let to = linking
                    .candidate
                    .and_then(rects_of)
                    .and_then(|r| r.first())
                    .map(|r| r.center_top());
                (linking.from, to)
            }
            (None, None) => return,
        };
        let visuals = ui.visuals();
        let colour = visuals.warn_fg_color;
        let painter = ui.painter();
        if let Some(candidate) = self.linking.and_then(|l| l.candidate)
            && let Some(rects) = rects_of(candidate)
        {
            for rect in rects {
                painter.rect_stroke(
                    rect.translate(origin),
                    2.0,
                    Stroke::new(2.0, colour),
                    StrokeKind::Outside,
                );
            }
        }
        let (Some(start), Some(to)) = (rects_of(from).and_then(|r| r.first()), to) else {
            return;
        };
        let points = [start.center_top() + origin, to + origin];
        painter.extend(Shape::dashed_line(
            &points,
            Stroke::new(2.0, colour),
            6.0,
            4.0,
        ));
        painter.circle_filled(to + origin, 3.5, colour);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, pos2};

    fn mark(id: u64, range: std::ops::Range<usize>) -> SpanMark {
        SpanMark {
            id: SpanId(id),
            range,
            lane: 0,
            colour: Color32::RED,
        }
    }

    #[test]
    fn the_innermost_span_under_the_pointer_wins() {
        let marks = [mark(1, 0..50), mark(2, 10..20)];
        let outer = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 30.0));
        let inner = Rect::from_min_max(pos2(100.0, 0.0), pos2(200.0, 30.0));
        let rects = [vec![outer], vec![inner]];
        assert_eq!(
            span_under(&marks, &rects, pos2(150.0, 10.0)),
            Some(SpanId(2))
        );
        assert_eq!(
            span_under(&marks, &rects, pos2(300.0, 10.0)),
            Some(SpanId(1))
        );
        assert_eq!(span_under(&marks, &rects, pos2(300.0, 60.0)), None);
    }
}
