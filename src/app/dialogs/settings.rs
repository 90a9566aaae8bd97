//! The settings window (Edit › Settings…, Ctrl+,): theme and annotator name; what else is
//! remembered (window, panels, zoom, last folder, recent projects) is listed with the file it is
//! kept in. Not blocking (Escape closes it); changes are sent as answers and stored at once.

use std::path::Path;

use crate::app::settings::{Settings, Theme};

/// A change asked for in the settings window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettingsAnswer {
    /// Use this theme.
    Theme(Theme),
    /// The annotator's name.
    Annotator(String),
}

/// The settings window and the name being typed.
#[derive(Default)]
pub struct SettingsWindow {
    open: bool,
    annotator: String,
}

impl SettingsWindow {
    /// Opens the window on `settings`.
    pub fn open(&mut self, settings: &Settings) {
        self.open = true;
        self.annotator = settings.annotator.clone();
    }

    /// Whether it is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Closes it.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// Shows the window; returns the changes asked for this frame.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        settings: &Settings,
        file: Option<&Path>,
    ) -> Vec<SettingsAnswer> {
        let mut answers = Vec::new();
        if !self.open {
            return answers;
        }
        let mut open = true;
        egui::Window::new("Settings")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.strong("Theme");
                ui.horizontal(|ui| {
                    for theme in Theme::ALL {
                        if ui.radio(settings.theme == theme, theme.name()).clicked()
                            && settings.theme != theme
                        {
                            answers.push(SettingsAnswer::Theme(theme));
                        }
                    }
                });
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    let label = ui.label("Annotator name");
                    let field = ui
                        .text_edit_singleline(&mut self.annotator)
                        .labelled_by(label.id);
                    if field.changed() {
                        answers.push(SettingsAnswer::Annotator(self.annotator.trim().to_owned()));
                    }
                });
                ui.add_space(6.0);
                ui.weak(
                    "The window's size and place, the panels, the zoom, the last folder of a \
                     file dialog and recent projects are remembered too.",
                );
                match file {
                    Some(file) => ui.weak(format!("Kept in {}", file.display())),
                    None => ui.weak("Kept for this session only."),
                };
            });
        self.open = open;
        answers
    }
}
