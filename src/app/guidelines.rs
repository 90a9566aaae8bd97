//! The guidelines capability: a side panel (View › Guidelines) reading the project's annotation
//! guidelines, or editing them; a save is one undo step ([`Edit::SetGuidelines`]).

use super::{AppCommand, IsnadApp};
use crate::command::Edit;
use crate::model::guidelines_template;
use crate::ui::guidelines::{GuidelinesAnswer, GuidelinesState, guidelines_ui};

/// Whether the guidelines panel is shown, and its reading/editing state.
#[derive(Default)]
pub struct GuidelinesPanel {
    open: bool,
    state: GuidelinesState,
}

impl GuidelinesPanel {
    /// Shows the panel if hidden, hides it if shown.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }
}

impl IsnadApp {
    /// The guidelines panel (right of the spans), when shown.
    pub(super) fn guidelines_panel(&mut self, ui: &mut egui::Ui) {
        if !self.guidelines.open {
            return;
        }
        let project = self.workspace.project();
        let mut answer = None;
        egui::Panel::right("guidelines")
            .default_size(360.0)
            .resizable(true)
            .show(ui, |ui| {
                answer = guidelines_ui(
                    ui,
                    &mut self.engine,
                    &mut self.guidelines.state,
                    project.guidelines(),
                    || guidelines_template(project.schema()),
                );
            });
        if let Some(answer) = answer {
            self.commands.send(AppCommand::Guidelines(answer));
        }
    }

    /// Runs the panel's answer: a save is one undo step (nothing when the text is unchanged).
    pub(super) fn answer_guidelines(&mut self, answer: GuidelinesAnswer) {
        match answer {
            GuidelinesAnswer::Close => self.guidelines.open = false,
            GuidelinesAnswer::Save(text) => {
                if text == self.workspace.project().guidelines() {
                    return;
                }
                match self.workspace.apply(Edit::SetGuidelines(text)) {
                    Ok(()) => self.notices.info("Guidelines saved (Ctrl+Z undoes)"),
                    Err(error) => self.notices.warn(format!("Guidelines not saved: {error}")),
                }
            }
        }
    }
}
