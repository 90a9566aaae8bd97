//! Linking spans in the app: the Link command starts link mode in the article view; a link the
//! view reports becomes the one relation that fits the two labels (either span may be the head),
//! applied through the history, or a question when several fit, or a status-bar notice saying
//! why none does.

use super::IsnadApp;
use crate::model::SpanId;
use crate::ui::relation_picker::{LinkOption, PickerOutcome, link_options};

impl IsnadApp {
    /// Starts link mode from the selected span (the Link command), or says what to do first.
    pub(super) fn start_linking(&mut self) {
        match self.reader.view_mut().map(|v| v.start_link()) {
            Some(Some(_)) => self.notices.clear(),
            Some(None) => self
                .notices
                .warn("Select a span first (click it), then press R to link it"),
            None => {}
        }
    }

    /// What the status bar says in link mode.
    pub(super) fn link_prompt(&self) -> Option<String> {
        let from = self.reader.view()?.linking_from()?;
        let project = self.workspace.project();
        let label = project
            .span(from)
            .and_then(|s| project.schema().get(&s.label))
            .map_or("span", |l| l.name.as_str());
        Some(format!(
            "Linking from the selected {label}: click the other span, or pick it with the arrow keys and Enter (Esc to cancel)"
        ))
    }

    /// Links spans `from` and `to` with the relation type that fits them.
    pub(super) fn link_spans(&mut self, from: SpanId, to: SpanId) {
        match link_options(self.workspace.project(), from, to) {
            Err(why) => self.notices.warn(format!("Not linked: {why}")),
            Ok(mut options) if options.len() == 1 => {
                let option = options.remove(0);
                self.add_relation(&option);
            }
            Ok(options) => {
                self.notices.info("Several relations fit: pick one");
                self.dialogs.picker.open(options);
            }
        }
    }

    fn add_relation(&mut self, option: &LinkOption) {
        let text = crate::ui::relation_picker::option_text(self.workspace.project(), option);
        match self
            .workspace
            .add_relation(option.kind.clone(), option.head, option.child)
        {
            Ok(_) => self.notices.info(format!("Linked: {text} (Ctrl+Z undoes)")),
            Err(err) => self.notices.warn(format!("Not linked: {err}")),
        }
    }

    /// Applies the relation picker's answer.
    pub(super) fn answer_relation_picker(&mut self, outcome: PickerOutcome) {
        match outcome {
            PickerOutcome::Open => {}
            PickerOutcome::Cancelled => self.notices.info("Not linked"),
            PickerOutcome::Picked(option) => self.add_relation(&option),
        }
    }

    /// Whether the "which relation?" question is open.
    pub fn is_relation_picker_open(&self) -> bool {
        self.dialogs.picker.is_open()
    }
}
