//! "Which relation?": asked when several relation types fit two spans being linked.

use crate::model::Project;
use crate::ui::relation_picker::{LinkOption, PickerOutcome, RelationPicker, relation_picker_ui};

/// The picker, while open.
#[derive(Default)]
pub struct RelationPickerDialog {
    picker: Option<RelationPicker>,
}

impl RelationPickerDialog {
    /// Asks which of `options` to add.
    pub fn open(&mut self, options: Vec<LinkOption>) {
        self.picker = Some(RelationPicker::new(options));
    }

    /// Whether the picker is open.
    pub fn is_open(&self) -> bool {
        self.picker.is_some()
    }

    /// Shows the picker (before the rest of the frame, so its keys 1–9, arrows, Enter and Esc
    /// reach it first); returns the pick or the cancel, which close it.
    pub fn ui(&mut self, ctx: &egui::Context, project: &Project) -> Option<PickerOutcome> {
        let picker = self.picker.as_mut()?;
        match relation_picker_ui(ctx, picker, project) {
            PickerOutcome::Open => None,
            outcome => {
                self.picker = None;
                Some(outcome)
            }
        }
    }
}
