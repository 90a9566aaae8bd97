//! The label editor: rename, recolour, re-key, describe, add and remove the labels of the
//! schema. A panel body: the app places it in a window or a side panel.
//!
//! Text fields commit when they lose focus (Enter, Tab or a click elsewhere; Escape reverts), so
//! a rename is one undo step, not one per keystroke. A drag in the colour picker is one undo step
//! too (`PanelAction::EditMerging`). Removing a label that spans use asks first.

use std::collections::HashMap;

use egui::{Grid, Id, Key, Modal, Response, RichText, TextEdit, Ui};

use crate::command::{Edit, MergeKey};
use crate::model::{Label, LabelField, LabelId, LabelSchema, Project, Rgb};
use crate::ui::PanelAction;
use crate::ui::colours::next_colour;

/// Keys a label can be applied with, in the order new labels take them.
pub const HOTKEYS: &str = "123456789abcdefghijklmnopqrstuvwxyz";

/// Merge keys of colour-picker gestures: this tag plus a gesture counter (kept apart from the
/// merge keys other parts of the app use).
const COLOUR_GESTURE_TAG: u64 = 0x4C41_4245_4C00_0000;

/// A removal waiting for the user's confirmation.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PendingRemoval {
    id: LabelId,
    name: String,
    spans: usize,
}

/// View state of the label editor: text being typed, a removal waiting for confirmation and the
/// colour drag in progress.
#[derive(Debug, Default)]
pub struct LabelEditorState {
    name_drafts: HashMap<LabelId, String>,
    description_drafts: HashMap<LabelId, String>,
    new_name: String,
    pending_removal: Option<PendingRemoval>,
    /// The label whose colour is being dragged, and the gesture's number.
    colour_gesture: Option<(LabelId, u64)>,
    gestures: u64,
}

impl LabelEditorState {
    /// An editor with nothing typed.
    pub fn new() -> Self {
        Self::default()
    }

    /// Is a removal waiting for the user to confirm it?
    pub fn is_confirming_removal(&self) -> bool {
        self.pending_removal.is_some()
    }
}

/// A label id made from `name` (lowercase letters and digits, other characters as `-`), not used
/// by any label of `schema`: "Named entity" -> `named-entity`, then `named-entity-2`, ...
pub fn fresh_label_id(name: &str, schema: &LabelSchema) -> LabelId {
    let mut base = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    while base.ends_with('-') {
        base.pop();
    }
    if base.is_empty() {
        base.push_str("label");
    }
    let mut n = 1u64;
    loop {
        let candidate = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        if let Ok(id) = LabelId::new(candidate)
            && !schema.contains(&id)
        {
            return id;
        }
        n += 1;
    }
}

/// The first key of [`HOTKEYS`] no label of `schema` uses.
pub fn free_hotkey(schema: &LabelSchema) -> Option<char> {
    HOTKEYS.chars().find(|&k| schema.by_hotkey(k).is_none())
}

/// A new label called `name` with a fresh id, the next palette colour and the first free key.
pub fn new_label(name: &str, schema: &LabelSchema) -> Label {
    Label {
        id: fresh_label_id(name, schema),
        name: name.trim().to_owned(),
        colour: next_colour(schema),
        hotkey: free_hotkey(schema),
        description: String::new(),
        attributes: Vec::new(),
    }
}

/// Shows the label editor; returns the edits the user made.
pub fn label_editor_ui(
    ui: &mut Ui,
    state: &mut LabelEditorState,
    project: &Project,
) -> Vec<PanelAction> {
    let mut actions = Vec::new();
    let schema = project.schema();
    let mut colour_changed = false;
    Grid::new("label-editor")
        .num_columns(5)
        .spacing([8.0, 6.0])
        .striped(true)
        .show(ui, |ui| {
            for header in ["Colour", "Name", "Key", "Description", ""] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for label in schema.labels() {
                colour_changed |= colour_ui(ui, state, label, &mut actions);
                name_ui(ui, state, label, &mut actions);
                hotkey_ui(ui, schema, label, &mut actions);
                description_ui(ui, state, label, &mut actions);
                remove_ui(ui, state, project, label, &mut actions);
                ui.end_row();
            }
        });
    if !colour_changed && !ui.input(|i| i.pointer.any_down()) {
        state.colour_gesture = None;
    }
    ui.add_space(6.0);
    add_label_ui(ui, state, project, &mut actions);
    confirm_removal_ui(ui, state, &mut actions);
    actions
}

fn update(label: &Label, field: LabelField) -> Edit {
    Edit::UpdateLabel {
        id: label.id.clone(),
        field,
    }
}

/// Gives a widget a name for screen readers (and kittest queries).
fn name_widget(ui: &Ui, response: &Response, name: String) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// The colour button; returns whether the colour changed this frame.
fn colour_ui(
    ui: &mut Ui,
    state: &mut LabelEditorState,
    label: &Label,
    actions: &mut Vec<PanelAction>,
) -> bool {
    let mut rgb = [label.colour.r, label.colour.g, label.colour.b];
    let response = egui::color_picker::color_edit_button_srgb(ui, &mut rgb);
    name_widget(ui, &response, format!("Colour of {}", label.name));
    let colour = Rgb::new(rgb[0], rgb[1], rgb[2]);
    if colour == label.colour {
        return false;
    }
    let gesture = match &state.colour_gesture {
        Some((id, n)) if id == &label.id => *n,
        _ => {
            state.gestures += 1;
            state.colour_gesture = Some((label.id.clone(), state.gestures));
            state.gestures
        }
    };
    let key = MergeKey(COLOUR_GESTURE_TAG | (gesture & 0xFF_FFFF));
    actions.push(PanelAction::EditMerging(
        update(label, LabelField::Colour(colour)),
        key,
    ));
    true
}

/// A one-line text field showing `current` that commits on focus loss; Escape reverts.
/// Returns the committed text if it differs from `current`.
fn committed_text(
    ui: &mut Ui,
    drafts: &mut HashMap<LabelId, String>,
    label: &Label,
    current: &str,
    width: f32,
    accessible_name: String,
) -> Option<String> {
    let id_salt = (
        accessible_name
            .split(' ')
            .next()
            .unwrap_or_default()
            .to_owned(),
        label.id.clone(),
    );
    let mut text = drafts
        .get(&label.id)
        .cloned()
        .unwrap_or_else(|| current.to_owned());
    let response = ui.add(
        TextEdit::singleline(&mut text)
            .id_salt(id_salt)
            .desired_width(width)
            .min_size(egui::vec2(width, 0.0)),
    );
    name_widget(ui, &response, accessible_name);
    if response.has_focus() || response.changed() {
        drafts.insert(label.id.clone(), text);
    }
    if !response.lost_focus() {
        return None;
    }
    let draft = drafts.remove(&label.id)?;
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        return None;
    }
    let draft = draft.trim().to_owned();
    (draft != current).then_some(draft)
}

fn name_ui(
    ui: &mut Ui,
    state: &mut LabelEditorState,
    label: &Label,
    actions: &mut Vec<PanelAction>,
) {
    let name = format!("Name of {}", label.name);
    let committed = committed_text(ui, &mut state.name_drafts, label, &label.name, 120.0, name);
    if let Some(new_name) = committed.filter(|n| !n.is_empty()) {
        actions.push(PanelAction::Edit(update(label, LabelField::Name(new_name))));
    }
}

fn description_ui(
    ui: &mut Ui,
    state: &mut LabelEditorState,
    label: &Label,
    actions: &mut Vec<PanelAction>,
) {
    let name = format!("Description of {}", label.name);
    let drafts = &mut state.description_drafts;
    if let Some(text) = committed_text(ui, drafts, label, &label.description, 260.0, name) {
        actions.push(PanelAction::Edit(update(
            label,
            LabelField::Description(text),
        )));
    }
}

/// A drop-down of keys; keys other labels use are shown but disabled (the schema refuses them).
fn hotkey_ui(ui: &mut Ui, schema: &LabelSchema, label: &Label, actions: &mut Vec<PanelAction>) {
    let shown = label.hotkey.map_or("—".to_owned(), |k| k.to_string());
    let mut choice = None;
    let response = egui::ComboBox::from_id_salt(("label-hotkey", label.id.as_str()))
        .selected_text(shown)
        .width(48.0)
        .show_ui(ui, |ui| {
            if ui.selectable_label(label.hotkey.is_none(), "—").clicked() {
                choice = Some(None);
            }
            for key in HOTKEYS.chars() {
                let owner = schema.by_hotkey(key).filter(|l| l.id != label.id);
                let item = ui.add_enabled(
                    owner.is_none(),
                    egui::Button::selectable(label.hotkey == Some(key), key.to_string()),
                );
                let item = match owner {
                    Some(other) => item.on_disabled_hover_text(format!("Used by {}", other.name)),
                    None => item,
                };
                if item.clicked() {
                    choice = Some(Some(key));
                }
            }
        });
    name_widget(ui, &response.response, format!("Key of {}", label.name));
    if let Some(key) = choice.filter(|&k| k != label.hotkey) {
        actions.push(PanelAction::Edit(update(label, LabelField::Hotkey(key))));
    }
}

fn remove_ui(
    ui: &mut Ui,
    state: &mut LabelEditorState,
    project: &Project,
    label: &Label,
    actions: &mut Vec<PanelAction>,
) {
    let response = ui
        .button("Remove")
        .on_hover_text("Remove this label and its spans");
    name_widget(ui, &response, format!("Remove {}", label.name));
    if !response.clicked() {
        return;
    }
    let spans = project.label_usage(&label.id);
    if spans == 0 {
        actions.push(PanelAction::Edit(Edit::RemoveLabel(label.id.clone())));
    } else {
        state.pending_removal = Some(PendingRemoval {
            id: label.id.clone(),
            name: label.name.clone(),
            spans,
        });
    }
}

fn add_label_ui(
    ui: &mut Ui,
    state: &mut LabelEditorState,
    project: &Project,
    actions: &mut Vec<PanelAction>,
) {
    ui.horizontal(|ui| {
        let field = ui.add(
            TextEdit::singleline(&mut state.new_name)
                .hint_text("New label name")
                .desired_width(160.0),
        );
        name_widget(ui, &field, "New label name".to_owned());
        let name = state.new_name.trim().to_owned();
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let clicked = ui
            .add_enabled(!name.is_empty(), egui::Button::new("Add label"))
            .clicked();
        if (entered || clicked) && !name.is_empty() {
            let label = new_label(&name, project.schema());
            actions.push(PanelAction::Edit(Edit::append_label(project, label)));
            state.new_name.clear();
        }
    });
    // PARC 3.0's third part of an attribution: one click adds it, then cues are suggested too.
    if let Some(cue) = crate::lang::suggest::cue_label(project.schema()) {
        let button = ui
            .button("Add Cue label")
            .on_hover_text("Add the optional \"Cue\" label (the reporting expression: قال، بحسب، according to); suggestions then propose cues too");
        if button.clicked() {
            actions.push(PanelAction::Edit(Edit::append_label(project, cue)));
        }
    }
}

/// The confirmation of a removal of a label spans use.
fn confirm_removal_ui(ui: &mut Ui, state: &mut LabelEditorState, actions: &mut Vec<PanelAction>) {
    let Some(pending) = state.pending_removal.clone() else {
        return;
    };
    let modal = Modal::new(Id::unique("remove-label-confirmation")).show(ui.ctx(), |ui| {
        ui.set_max_width(420.0);
        let spans = match pending.spans {
            1 => "its 1 span".to_owned(),
            n => format!("its {n} spans"),
        };
        ui.heading(format!("Remove label {} and {spans}?", pending.name));
        ui.label("The spans are removed from every document. Undo brings them back.");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Remove").clicked() {
                Some(true)
            } else if ui.button("Cancel").clicked() {
                Some(false)
            } else {
                None
            }
        })
        .inner
    });
    match modal.inner {
        Some(true) => {
            actions.push(PanelAction::Edit(Edit::RemoveLabel(pending.id)));
            state.pending_removal = None;
        }
        Some(false) => state.pending_removal = None,
        None if modal.should_close() => state.pending_removal = None,
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fresh_ids_are_valid_and_unused() {
        let schema = LabelSchema::default();
        assert_eq!(
            fresh_label_id("Named entity", &schema).as_str(),
            "named-entity"
        );
        assert_eq!(fresh_label_id("Claim", &schema).as_str(), "claim-2");
        assert_eq!(fresh_label_id("  ?! ", &schema).as_str(), "label");
        assert_eq!(fresh_label_id("فاعل", &schema).as_str(), "فاعل");
        assert_eq!(free_hotkey(&schema), Some('4'));
    }
}
