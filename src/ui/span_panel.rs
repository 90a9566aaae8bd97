//! The selected span's details, above the span list: its label and text, its attributes (an
//! editor fitting each kind), its note and its relations. Each change is returned as one
//! [`PanelAction::Edit`], so it is one undo step: a choice or flag when clicked, a text attribute
//! when Enter is pressed or the field loses focus, the note on Ctrl+Enter or focus loss (never
//! per keystroke). A draft not yet committed is committed to its own span when the selection
//! moves elsewhere.
//!
//! Keyboard: Tab and Shift+Tab walk through the choices, fields, relations and their remove
//! buttons; Space or Enter picks the focused choice, follows the focused relation to its other
//! span, or presses the focused button.

use std::collections::BTreeMap;

use egui::{Key, Modifiers, Rect, Role, Sense, Ui, WidgetInfo, vec2};

use crate::command::Edit;
use crate::model::{AttributeDef, AttributeKind, AttributeValue, Project, Relation, Span, SpanId};
use crate::text::TextEngine;
use crate::text::invisibles::reveal;
use crate::ui::PanelAction;
use crate::ui::colours::to_color32;
use crate::ui::shaped_label::{paint_shaped, shaped_label};
use crate::ui::span_list::excerpt;

/// Font size of span text in the panel, in points.
const TEXT_SIZE: f32 = 16.0;
/// Height of one relation row, in points.
const RELATION_ROW: f32 = 24.0;

/// Drafts of the fields committed on Enter or focus loss, for one span.
#[derive(Debug, Default)]
pub struct SpanPanelState {
    /// The span the drafts belong to.
    span: Option<SpanId>,
    /// The project revision the drafts were loaded at.
    revision: u64,
    /// The note being edited.
    note: String,
    /// Text attributes being edited, by name.
    texts: BTreeMap<String, String>,
    /// The height the details took last frame with nothing scrolled away (heading and content).
    natural_height: f32,
}

impl SpanPanelState {
    /// A panel with nothing loaded.
    pub fn new() -> Self {
        Self::default()
    }

    /// The height the details need to show everything (as measured when last drawn), so a
    /// container can give them that much (up to its own limit) without a frame of guessing.
    pub fn natural_height(&self) -> f32 {
        self.natural_height
    }

    /// Loads the drafts from `span`.
    fn load(&mut self, span: Option<&Span>, revision: u64) {
        self.span = span.map(|s| s.id);
        self.revision = revision;
        self.note = span.and_then(|s| s.note().clone()).unwrap_or_default();
        self.texts = span
            .map(|s| {
                s.attributes()
                    .iter()
                    .filter_map(|(name, value)| match value {
                        AttributeValue::Text(text) => Some((name.clone(), text.clone())),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default();
    }

    /// The edits that would commit every draft differing from the project.
    fn pending_edits(&self, project: &Project) -> Vec<Edit> {
        let Some(span) = self.span.and_then(|id| project.span(id)) else {
            return Vec::new();
        };
        let mut edits = Vec::new();
        if let Some(edit) = note_edit(span, &self.note) {
            edits.push(edit);
        }
        for (name, draft) in &self.texts {
            if let Some(edit) = text_attribute_edit(span, name, draft) {
                edits.push(edit);
            }
        }
        edits
    }
}

/// The edit setting `span`'s note to `draft` (blank clears it), if that changes anything.
fn note_edit(span: &Span, draft: &str) -> Option<Edit> {
    let note = (!draft.trim().is_empty()).then(|| draft.to_owned());
    (&note != span.note()).then_some(Edit::SetNote { id: span.id, note })
}

/// The edit setting text attribute `name` of `span` to `draft` (blank clears it), if that
/// changes anything.
fn text_attribute_edit(span: &Span, name: &str, draft: &str) -> Option<Edit> {
    let value = (!draft.trim().is_empty()).then(|| AttributeValue::Text(draft.to_owned()));
    (value.as_ref() != span.attributes().get(name)).then(|| Edit::SetAttribute {
        span: span.id,
        name: name.to_owned(),
        value,
    })
}

/// The caption of `relation` seen from `span`: "attributed to →" when `span` is its head,
/// "← attributed to" when it is its child.
pub fn relation_caption(project: &Project, relation: &Relation, span: SpanId) -> String {
    let name = project
        .schema()
        .relation_type(&relation.kind)
        .map_or(relation.kind.as_str(), |t| t.name.as_str());
    if relation.head == span {
        format!("{name} →")
    } else {
        format!("← {name}")
    }
}

/// The text of span `id` for display: at most a line's worth, invisible characters revealed.
pub fn span_excerpt(project: &Project, id: SpanId) -> String {
    let text = project
        .span(id)
        .and_then(|s| project.document(s.doc)?.text().get(s.range()))
        .unwrap_or_default();
    reveal(&excerpt(text)).into_owned()
}

/// Shows the details of `selected` (nothing when `None`) and returns the edits and reveals the
/// user asked for. `revision` must change whenever the project does; the details scroll past
/// `max_height`.
pub fn span_panel_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut SpanPanelState,
    project: &Project,
    revision: u64,
    selected: Option<SpanId>,
    max_height: f32,
) -> Vec<PanelAction> {
    let mut actions = Vec::new();
    let span = selected.and_then(|id| project.span(id));
    let panel_has_focus = ui
        .memory(|m| m.focused())
        .is_some_and(|id| id == note_id() || state.texts.keys().any(|name| id == text_id(name)));
    if state.span != selected {
        // The selection moved: what was typed for the previous span still belongs to it.
        actions.extend(
            state
                .pending_edits(project)
                .into_iter()
                .map(PanelAction::Edit),
        );
        state.load(span, revision);
    } else if state.revision != revision && !panel_has_focus {
        state.load(span, revision);
    }
    let Some(span) = span else {
        return actions;
    };
    let top = ui.cursor().top();
    ui.heading("Selected span");
    let output = egui::ScrollArea::vertical()
        .id_salt("span-panel")
        .max_height(max_height)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            header_ui(ui, engine, project, span);
            attributes_ui(ui, state, project, span, &mut actions);
            note_ui(ui, engine, state, span, &mut actions);
            relations_ui(ui, engine, project, span, &mut actions);
        });
    state.natural_height = output.inner_rect.top() - top + output.content_size.y;
    actions
}

fn note_id() -> egui::Id {
    egui::Id::unique("isnad-span-note")
}

fn text_id(name: &str) -> egui::Id {
    egui::Id::unique(("isnad-span-attribute", name))
}

/// The label chip and name, then the span's text, shaped.
fn header_ui(ui: &mut Ui, engine: &mut TextEngine, project: &Project, span: &Span) {
    let label = project.schema().get(&span.label);
    let name = label.map_or(span.label.as_str(), |l| l.name.as_str());
    let colour = label.map_or(ui.visuals().weak_text_color(), |l| to_color32(l.colour));
    ui.horizontal(|ui| {
        let (chip, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
        ui.painter().rect_filled(chip, 3.0, colour);
        ui.strong(name);
    });
    let text = span_excerpt(project, span.id);
    shaped_label(
        ui,
        engine,
        &text,
        TEXT_SIZE,
        ui.visuals().strong_text_color(),
        ui.available_width(),
    );
}

/// One editor per attribute the span's label declares.
fn attributes_ui(
    ui: &mut Ui,
    state: &mut SpanPanelState,
    project: &Project,
    span: &Span,
    actions: &mut Vec<PanelAction>,
) {
    let Some(label) = project.schema().get(&span.label) else {
        return;
    };
    if label.attributes.is_empty() {
        return;
    }
    ui.add_space(4.0);
    for def in &label.attributes {
        let current = span.attributes().get(&def.name);
        let set = |value: Option<AttributeValue>| {
            PanelAction::Edit(Edit::SetAttribute {
                span: span.id,
                name: def.name.clone(),
                value,
            })
        };
        match &def.kind {
            AttributeKind::Choice(values) => {
                ui.label(display_name(&def.name));
                ui.horizontal_wrapped(|ui| {
                    if choice(ui, def, "not set", current.is_none()) {
                        actions.push(set(None));
                    }
                    for value in values {
                        let value = AttributeValue::Choice(value.clone());
                        let on = current == Some(&value);
                        if choice(ui, def, &value.to_string(), on) && !on {
                            actions.push(set(Some(value)));
                        }
                    }
                });
            }
            AttributeKind::Flag => {
                ui.horizontal(|ui| {
                    let mut on = current == Some(&AttributeValue::Flag(true));
                    if ui.checkbox(&mut on, display_name(&def.name)).changed() {
                        actions.push(set(Some(AttributeValue::Flag(on))));
                    }
                    if current.is_some() {
                        if ui.small_button("clear").clicked() {
                            actions.push(set(None));
                        }
                    } else {
                        ui.weak("not set");
                    }
                });
            }
            AttributeKind::Text => {
                ui.label(display_name(&def.name));
                let draft = state.texts.entry(def.name.clone()).or_default();
                let response = ui.add(
                    egui::TextEdit::singleline(draft)
                        .id(text_id(&def.name))
                        .desired_width(f32::INFINITY),
                );
                if response.lost_focus()
                    && let Some(edit) = text_attribute_edit(span, &def.name, draft)
                {
                    actions.push(PanelAction::Edit(edit));
                }
            }
        }
    }
}

/// One choice of a choice attribute; returns whether it was picked.
fn choice(ui: &mut Ui, def: &AttributeDef, text: &str, on: bool) -> bool {
    let response = ui.selectable_label(on, text);
    let name = display_name(&def.name);
    response.widget_info(|| {
        WidgetInfo::selected(Role::RadioButton, true, on, format!("{name}: {text}"))
    });
    response.clicked()
}

/// An id shown to people: "media_outlet" as "media outlet".
fn display_name(id: &str) -> String {
    id.replace('_', " ")
}

/// The note: a multi-line field committed on Ctrl+Enter or focus loss, with the note shaped
/// below it when it holds right-to-left text (egui's field cannot join Arabic letters).
fn note_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut SpanPanelState,
    span: &Span,
    actions: &mut Vec<PanelAction>,
) {
    ui.add_space(4.0);
    ui.label("Note");
    let id = note_id();
    let focused = ui.memory(|m| m.has_focus(id));
    let commit_key = focused && ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Enter));
    let response = ui.add(
        egui::TextEdit::multiline(&mut state.note)
            .id(id)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .hint_text("Ctrl+Enter or click away to keep"),
    );
    if commit_key {
        ui.memory_mut(|m| m.surrender_focus(id));
    }
    if (commit_key || response.lost_focus())
        && let Some(edit) = note_edit(span, &state.note)
    {
        actions.push(PanelAction::Edit(edit));
    }
    let rtl = state
        .note
        .chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FEFC}'));
    if rtl && !response.has_focus() {
        for line in state.note.lines().filter(|l| !l.trim().is_empty()).take(6) {
            shaped_label(
                ui,
                engine,
                &reveal(line),
                TEXT_SIZE - 1.0,
                ui.visuals().text_color(),
                ui.available_width(),
            );
        }
    }
}

/// The span's relations: "attributed to → <other span>" or "← about <other span>"; a click
/// (or Enter) reveals the other span, the × removes the relation.
fn relations_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    project: &Project,
    span: &Span,
    actions: &mut Vec<PanelAction>,
) {
    ui.add_space(4.0);
    ui.label("Relations");
    let mut relations: Vec<&Relation> = project.relations_of_span(span.id).collect();
    relations.sort_by_key(|r| (r.head != span.id, r.kind.clone(), r.id));
    relations.dedup_by_key(|r| r.id);
    if relations.is_empty() {
        ui.weak("None yet: press R, then click the other span (or Ctrl+drag to it).");
        return;
    }
    for relation in relations {
        let Some(other) = relation.other_end(span.id) else {
            continue;
        };
        let caption = relation_caption(project, relation, span.id);
        let text = span_excerpt(project, other);
        let described = format!("{caption} {text}");
        ui.horizontal(|ui| {
            let remove = ui.small_button("×");
            remove.widget_info(|| {
                WidgetInfo::labeled(Role::Button, true, format!("Remove relation {described}"))
            });
            if remove.on_hover_text("Remove this relation").clicked() {
                actions.push(PanelAction::Edit(Edit::RemoveRelation(relation.id)));
            }
            let (rect, response) =
                ui.allocate_exact_size(vec2(ui.available_width(), RELATION_ROW), Sense::click());
            response.widget_info(|| WidgetInfo::labeled(Role::Link, true, &described));
            if response.clicked() {
                actions.push(PanelAction::RevealSpan(other));
            }
            paint_relation_row(ui, engine, project, rect, &response, &caption, other, &text);
        });
    }
}

/// Paints a relation row: the caption, then the other span's text shaped, in its label colour.
#[allow(clippy::too_many_arguments)]
fn paint_relation_row(
    ui: &Ui,
    engine: &mut TextEngine,
    project: &Project,
    rect: Rect,
    response: &egui::Response,
    caption: &str,
    other: SpanId,
    text: &str,
) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    if response.hovered() || response.has_focus() {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let colour = project
        .span(other)
        .and_then(|s| project.schema().get(&s.label))
        .map_or(visuals.weak_text_color(), |l| to_color32(l.colour));
    // The caption without its arrow (the UI font has no arrows): the arrow is drawn.
    let outgoing = caption.ends_with('→');
    let name = caption.trim_matches(|c| c == '→' || c == '←').trim();
    let galley = ui.painter().layout_no_wrap(
        name.to_owned(),
        egui::FontId::proportional(12.0),
        visuals.text_color(),
    );
    let text_colour = visuals.text_color();
    let y = rect.center().y;
    let arrow_width = 14.0;
    let (name_left, arrow_left) = if outgoing {
        (rect.left() + 2.0, rect.left() + 2.0 + galley.size().x + 4.0)
    } else {
        (rect.left() + 2.0 + arrow_width + 4.0, rect.left() + 2.0)
    };
    let caption_width = galley.size().x + arrow_width + 6.0;
    ui.painter().galley(
        egui::pos2(name_left, y - galley.size().y / 2.0),
        galley,
        text_colour,
    );
    paint_arrow(ui, arrow_left, arrow_width, y, outgoing, text_colour);
    let left = rect.left() + caption_width + 8.0;
    let chip = Rect::from_min_size(
        egui::pos2(left, rect.top() + 5.0),
        vec2(4.0, RELATION_ROW - 10.0),
    );
    ui.painter().rect_filled(chip, 2.0, colour);
    let text_rect = Rect::from_x_y_ranges(chip.right() + 4.0..=rect.right(), rect.y_range());
    if text_rect.width() > 8.0 {
        paint_shaped(
            ui,
            engine,
            text,
            TEXT_SIZE - 1.0,
            visuals.text_color(),
            text_rect,
        );
    }
}

/// A small horizontal arrow from `left` over `width` points at height `y`, pointing right when
/// `right`.
fn paint_arrow(ui: &Ui, left: f32, width: f32, y: f32, right: bool, colour: egui::Color32) {
    let (tail, tip) = if right {
        (left, left + width)
    } else {
        (left + width, left)
    };
    let stroke = egui::Stroke::new(1.3, colour);
    let painter = ui.painter();
    painter.line_segment([egui::pos2(tail, y), egui::pos2(tip, y)], stroke);
    let back = if right { tip - 4.0 } else { tip + 4.0 };
    painter.line_segment([egui::pos2(tip, y), egui::pos2(back, y - 3.5)], stroke);
    painter.line_segment([egui::pos2(tip, y), egui::pos2(back, y + 3.5)], stroke);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::project_from_markup;

    #[test]
    fn drafts_become_edits_only_when_they_change_something() {
        let (project, doc) = project_from_markup("[قال|claim] المتحدث").expect("markup");
        let span = project.spans_of(doc)[0].clone();
        assert_eq!(note_edit(&span, ""), None);
        assert_eq!(note_edit(&span, "  \n"), None, "a blank note is no note");
        assert_eq!(
            note_edit(&span, "راجع"),
            Some(Edit::SetNote {
                id: span.id,
                note: Some("راجع".into())
            })
        );
        assert_eq!(text_attribute_edit(&span, "comment", ""), None);
        assert_eq!(
            text_attribute_edit(&span, "comment", "x"),
            Some(Edit::SetAttribute {
                span: span.id,
                name: "comment".into(),
                value: Some(AttributeValue::Text("x".into())),
            })
        );
    }
}
