//! The question about unsaved changes before an action that would drop them (closing, a new
//! project, opening another one).

use std::path::PathBuf;

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
    /// Ask for other annotators' projects to compare the open one with.
    CompareDialog,
}

/// The question being asked, if any.
#[derive(Default)]
pub struct ConfirmDialog {
    after: Option<AfterConfirm>,
}

impl ConfirmDialog {
    /// Asks before doing `after`.
    pub fn open(&mut self, after: AfterConfirm) {
        self.after = Some(after);
    }

    /// Whether the question is being asked.
    pub fn is_open(&self) -> bool {
        self.after.is_some()
    }

    /// What waits for the answer.
    pub fn pending(&self) -> Option<&AfterConfirm> {
        self.after.as_ref()
    }

    /// Takes the waiting action (the question closes).
    pub fn take(&mut self) -> Option<AfterConfirm> {
        self.after.take()
    }

    /// Shows the question about `name`; returns the answer: save first (`Some(true)`), discard
    /// (`Some(false)`) or cancel (`None`). The question stays open until the app takes it.
    pub fn ui(&mut self, ctx: &egui::Context, name: &str) -> Option<Option<bool>> {
        let after = self.after.as_ref()?;
        let question = match after {
            AfterConfirm::Close => "Save your changes before closing?",
            AfterConfirm::NewProject => "Save your changes before starting a new project?",
            AfterConfirm::OpenDialog | AfterConfirm::Open(_) => {
                "Save your changes before opening another project?"
            }
            AfterConfirm::CompareDialog => {
                "Save your changes before comparing annotators? The comparison uses the project as shown; a new gold project then takes its place."
            }
        };
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
        match modal.inner {
            Some(answer) => Some(answer),
            None if modal.should_close() => Some(None),
            None => None,
        }
    }
}
