//! The error window: what failed and why, with Save As offered when a save failed.

/// A message for the user: what failed and why (the why names the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserError {
    /// What could not be done ("Could not open the project").
    pub title: String,
    /// Why, in words a user understands, with the file path.
    pub message: String,
    /// Whether the error window offers Save As (a save failed).
    pub offer_save_as: bool,
}

/// What the user answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorAnswer {
    /// OK (or Escape): close the window.
    Dismiss,
    /// Save As… (after a failed save).
    SaveAs,
}

/// The error shown (one at a time; the newest wins).
#[derive(Default)]
pub struct ErrorDialog {
    error: Option<UserError>,
}

impl ErrorDialog {
    /// Shows `error`. Returns whether it is new (the same error already shown is not repeated).
    pub fn open(&mut self, error: UserError) -> bool {
        if self.error.as_ref() == Some(&error) {
            return false;
        }
        self.error = Some(error);
        true
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.error = None;
    }

    /// Whether an error is shown.
    pub fn is_open(&self) -> bool {
        self.error.is_some()
    }

    /// The error shown.
    pub fn error(&self) -> Option<&UserError> {
        self.error.as_ref()
    }

    /// Marks the shown error as a failed save (the window offers Save As).
    pub fn offer_save_as(&mut self) {
        if let Some(error) = &mut self.error {
            error.offer_save_as = true;
        }
    }

    /// Shows the window; the answer closes it.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<ErrorAnswer> {
        let error = self.error.as_ref()?;
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
        let answer = if save_as {
            Some(ErrorAnswer::SaveAs)
        } else if ok || modal.should_close() {
            Some(ErrorAnswer::Dismiss)
        } else {
            None
        };
        if answer.is_some() {
            self.error = None;
        }
        answer
    }
}
