//! Keyboard input: caret movement and selection, label keys, deleting the selected span and
//! moving its edges.

use egui::{Key, Modifiers, Ui, pos2};

use super::{ArticleView, Edge, ViewAction, moved_range};
use crate::model::Project;
use crate::model::text_range::prev_grapheme_boundary;
use crate::text::Selection;
use crate::text::TextEngine;
use crate::text::boundaries::{next_grapheme, next_word_end, prev_grapheme, prev_word_start};

fn pressed(ui: &mut Ui, mods: Modifiers, key: Key) -> bool {
    ui.input_mut(|i| i.consume_key(mods, key))
}

/// Ctrl (Cmd on a Mac) with optional Shift and Alt, as a pattern that matches the platform's
/// command key however the window system reports it.
const fn command(shift: bool, alt: bool) -> Modifiers {
    Modifiers {
        shift,
        alt,
        ctrl: false,
        mac_cmd: false,
        command: true,
    }
}

impl ArticleView {
    pub(super) fn handle_keys(&mut self, ui: &mut Ui, engine: &mut TextEngine, project: &Project) {
        // Span keys first: egui matches a key even when extra Shift or Alt are held, so the most
        // specific shortcuts must be consumed before the plain arrows.
        self.handle_span_keys(ui, project);
        let keys = [
            Key::ArrowLeft,
            Key::ArrowRight,
            Key::ArrowUp,
            Key::ArrowDown,
            Key::Home,
            Key::End,
        ];
        for key in keys {
            // Most specific first: a shortcut without Shift also matches a press with Shift.
            for (word, extend) in [(true, true), (true, false), (false, true), (false, false)] {
                let mods = if word {
                    command(extend, false)
                } else if extend {
                    Modifiers::SHIFT
                } else {
                    Modifiers::NONE
                };
                if pressed(ui, mods, key) {
                    let target = self.key_target(engine, key, word);
                    self.selection.move_to(target, extend);
                    self.reveal_head = true;
                    if !self.selection.is_empty() {
                        self.selected_span = None;
                    }
                }
            }
        }
        if pressed(ui, Modifiers::NONE, Key::Escape) {
            if self.selected_span.is_some() {
                self.selected_span = None;
            } else {
                self.selection = Selection::caret(self.selection.head);
            }
        }
    }

    /// Label keys, Delete, and Shift+Alt+arrows (end edge) / Ctrl+Shift+Alt+arrows (start edge).
    fn handle_span_keys(&mut self, ui: &mut Ui, project: &Project) {
        for label in project.schema().labels() {
            let Some(key) = label
                .hotkey
                .and_then(|c| Key::from_name(&c.to_ascii_uppercase().to_string()))
            else {
                continue;
            };
            if pressed(ui, Modifiers::NONE, key) {
                self.actions.push(self.label_action(&label.id));
            }
        }
        let Some(id) = self.selected_span else {
            return;
        };
        if pressed(ui, Modifiers::NONE, Key::Delete) || pressed(ui, Modifiers::NONE, Key::Backspace)
        {
            self.actions.push(ViewAction::Remove(id));
            return;
        }
        let Some(span) = project.span(id) else {
            return;
        };
        let rtl = {
            let p = self.layout.paragraph_of_offset(span.start);
            self.layout.paragraph(p).is_some_and(|para| para.rtl)
        };
        let shift_alt = Modifiers::SHIFT.plus(Modifiers::ALT);
        for (mods, edge) in [(command(true, true), Edge::Start), (shift_alt, Edge::End)] {
            for key in [Key::ArrowLeft, Key::ArrowRight] {
                if !pressed(ui, mods, key) {
                    continue;
                }
                // Arrows follow the paragraph direction: in right-to-left text Left moves the
                // edge forward in the text.
                let forward = (key == Key::ArrowLeft) == rtl;
                let text = self.layout.text();
                let at = match edge {
                    Edge::Start => span.start,
                    Edge::End => span.end,
                };
                let target = if forward {
                    next_grapheme(text, at)
                } else {
                    prev_grapheme(text, at)
                };
                let range = moved_range(
                    span.range(),
                    edge,
                    target,
                    prev_grapheme(text, span.end),
                    next_grapheme(text, span.start),
                );
                if range != span.range() {
                    self.actions.push(ViewAction::MoveSpan {
                        span: id,
                        range,
                        gesture: None,
                    });
                }
                return;
            }
        }
    }

    /// Where the caret goes for a movement key. Left and right follow the paragraph's
    /// direction (in a right-to-left paragraph, Left moves forward in the text).
    fn key_target(&mut self, engine: &mut TextEngine, key: Key, word: bool) -> usize {
        let head = self.selection.head;
        let p = self.layout.paragraph_of_offset(head);
        let rtl = self.layout.paragraph(p).is_some_and(|para| para.rtl);
        let text = self.layout.text();
        let forward = |t: &str| {
            if word {
                next_word_end(t, head)
            } else {
                next_grapheme(t, head)
            }
        };
        let backward = |t: &str| {
            if word {
                prev_word_start(t, head)
            } else {
                prev_grapheme(t, head)
            }
        };
        match key {
            Key::ArrowLeft if rtl => forward(text),
            Key::ArrowLeft => backward(text),
            Key::ArrowRight if rtl => backward(text),
            Key::ArrowRight => forward(text),
            Key::Home if word => 0,
            Key::End if word => text.len(),
            Key::Home => self.layout.paragraph_range(p).start,
            Key::End => self.layout.paragraph_range(p).end,
            Key::ArrowUp | Key::ArrowDown => {
                let line = self.metrics().line_height;
                let Some(caret) = self.layout.caret_rect(head) else {
                    return head;
                };
                let y = if key == Key::ArrowUp {
                    caret.min.y - line * 0.5
                } else {
                    caret.max.y + line * 0.5
                };
                let target = self
                    .layout
                    .hit(&mut engine.font_system, pos2(caret.center().x, y));
                prev_grapheme_boundary(self.layout.text(), target)
            }
            _ => head,
        }
    }
}
