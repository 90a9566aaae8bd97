//! Actions that would drop unsaved changes (closing, a new project, opening another one,
//! comparing annotators, whose gold project takes the open one's place) ask
//! first; the answer saves, discards or cancels.

use super::IsnadApp;
use super::dialogs::AfterConfirm;

impl IsnadApp {
    /// Runs `after` now when nothing is unsaved, or asks first.
    pub(super) fn confirm_then(&mut self, after: AfterConfirm) {
        if self.workspace.is_dirty() {
            self.dialogs.confirm.open(after);
        } else {
            self.proceed(after);
        }
    }

    /// Answers the pending question: save first (`Some(true)`), discard the changes
    /// (`Some(false)`) or cancel (`None`).
    pub fn answer_confirmation(&mut self, ctx: &egui::Context, save: Option<bool>) {
        let Some(after) = self.dialogs.confirm.take() else {
            return;
        };
        match save {
            // An untitled project asks where first; the answer saves, then carries on.
            Some(true) if self.save_then(Some(after.clone())) => self.proceed_with(ctx, after),
            Some(false) => self.proceed_with(ctx, after),
            Some(true) | None => {}
        }
    }

    pub(super) fn proceed_with(&mut self, ctx: &egui::Context, after: AfterConfirm) {
        if after == AfterConfirm::Close {
            self.close_confirmed = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.proceed(after);
        }
    }

    fn proceed(&mut self, after: AfterConfirm) {
        match after {
            // Closing without unsaved changes: the window closes by itself.
            AfterConfirm::Close => self.close_confirmed = true,
            AfterConfirm::NewProject => self.new_project(),
            AfterConfirm::OpenDialog => self.open_project_dialog(),
            AfterConfirm::Open(path) => self.open_project(&path),
            AfterConfirm::CompareDialog => self.ask_for_annotators(),
        }
    }

    /// Holds the window open and asks, when it is closed with unsaved changes.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.close_confirmed && self.workspace.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.confirm.open(AfterConfirm::Close);
        }
    }
}
