//! Modal dialogs: errors, and the question about unsaved changes before an action that would
//! drop them (closing, a new project, opening another one).

use std::path::PathBuf;

use super::IsnadApp;

/// What to do once the user has answered the question about unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterConfirm {
    /// Close the window.
    Close,
    /// Start a new project.
    NewProject,
    /// Ask for a project to open.
    OpenDialog,
    /// Open this project.
    Open(PathBuf),
}

impl IsnadApp {
    /// Runs `after` now when nothing is unsaved, or asks first.
    pub(super) fn confirm_then(&mut self, after: AfterConfirm) {
        if self.workspace.is_dirty() {
            self.confirm = Some(after);
        } else {
            self.proceed(after);
        }
    }

    /// Answers the pending question: save first (`Some(true)`), discard the changes
    /// (`Some(false)`) or cancel (`None`).
    pub fn answer_confirmation(&mut self, ctx: &egui::Context, save: Option<bool>) {
        let Some(after) = self.confirm.take() else {
            return;
        };
        match save {
            Some(true) if self.save() => self.proceed_with(ctx, after),
            Some(false) => self.proceed_with(ctx, after),
            Some(true) | None => {}
        }
    }

    fn proceed_with(&mut self, ctx: &egui::Context, after: AfterConfirm) {
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
        }
    }

    /// Holds the window open and asks, when it is closed with unsaved changes.
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.close_confirmed && self.workspace.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(AfterConfirm::Close);
        }
    }

    pub(super) fn error_ui(&mut self, ctx: &egui::Context) {
        let Some(error) = self.error.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(&error.title);
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| ui.label(&error.message));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let save_as = error.offer_save_as && ui.button("Save As…").clicked();
                (ui.button("OK").clicked(), save_as)
            })
            .inner
        });
        let (ok, save_as) = modal.inner;
        if ok || save_as || modal.should_close() {
            self.error = None;
        }
        if save_as {
            self.pending.push(crate::command::UiCommand::SaveAs);
        }
    }

    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(after) = &self.confirm else {
            return;
        };
        let question = match after {
            AfterConfirm::Close => "Save your changes before closing?",
            AfterConfirm::NewProject => "Save your changes before starting a new project?",
            AfterConfirm::OpenDialog | AfterConfirm::Open(_) => {
                "Save your changes before opening another project?"
            }
        };
        let name = self.workspace.display_name();
        let modal = egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading("Unsaved changes");
            ui.label(format!("{name} has changes that are not saved. {question}"));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save").clicked() {
                    return Some(Some(true));
                }
                if ui.button("Don't save").clicked() {
                    return Some(Some(false));
                }
                if ui.button("Cancel").clicked() {
                    return Some(None);
                }
                None
            })
            .inner
        });
        let answer = match modal.inner {
            Some(answer) => Some(answer),
            None if modal.should_close() => Some(None),
            None => None,
        };
        if let Some(answer) = answer {
            self.answer_confirmation(ctx, answer);
        }
    }
}
