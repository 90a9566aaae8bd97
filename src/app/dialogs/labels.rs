//! The label editor window (not blocking; its "remove label?" question is).

use crate::model::Project;
use crate::ui::{LabelEditorState, PanelAction, label_editor_ui};

/// The label editor: whether it is open, and what is typed in it.
#[derive(Default)]
pub struct LabelEditorWindow {
    open: bool,
    state: LabelEditorState,
}

impl LabelEditorWindow {
    /// Opens the window.
    pub fn open(&mut self) {
        self.open = true;
    }

    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether the window asks to confirm removing a label (a blocking question).
    pub fn is_confirming_removal(&self) -> bool {
        self.open && self.state.is_confirming_removal()
    }

    /// Shows the window; returns the edits asked for.
    pub fn ui(&mut self, ctx: &egui::Context, project: &Project) -> Vec<PanelAction> {
        if !self.open {
            return Vec::new();
        }
        let mut actions = Vec::new();
        let mut open = true;
        egui::Window::new("Labels")
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                actions = label_editor_ui(ui, &mut self.state, project);
            });
        self.open = open;
        actions
    }
}
