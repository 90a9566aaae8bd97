//! The File › Import annotations… window: format, offset unit, what to do with unknown labels and
//! the files. It only records the user's choice; the app runs the import.

use std::path::PathBuf;

use egui::Ui;

use crate::io::import::{ImportFormat, ImportOptions};
use crate::model::offsets::OffsetUnit;

/// The choices of the import window, kept while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportDialogState {
    /// The format.
    pub format: ImportFormat,
    /// The unit; `None` for what the file states or the format's own.
    pub unit: Option<OffsetUnit>,
    /// Add labels the schema does not have.
    pub add_unknown_labels: bool,
    /// The files or folders to read, one per line.
    pub paths: String,
}

/// What the user did in the import window this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportDialogAnswer {
    /// Import these files with these options.
    Import(ImportOptions, Vec<PathBuf>),
    /// Ask for the files with a file dialog.
    Browse,
    /// Close the window.
    Cancel,
}

impl Default for ImportDialogState {
    fn default() -> Self {
        Self {
            format: ImportFormat::Jsonl,
            unit: None,
            add_unknown_labels: false,
            paths: String::new(),
        }
    }
}

impl ImportDialogState {
    /// The options chosen.
    pub fn options(&self) -> ImportOptions {
        let mut options = ImportOptions::new(self.format);
        options.unit = self.unit;
        options.add_unknown_labels = self.add_unknown_labels;
        options
    }

    /// The paths typed or picked, one per non-empty line.
    pub fn path_list(&self) -> Vec<PathBuf> {
        self.paths
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(PathBuf::from)
            .collect()
    }
}

/// The import window's contents.
pub fn import_dialog_ui(ui: &mut Ui, state: &mut ImportDialogState) -> Option<ImportDialogAnswer> {
    let mut answer = None;
    egui::Grid::new("import-options")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Format");
            egui::ComboBox::from_id_salt("import-format")
                .selected_text(state.format.display_name())
                .width(300.0)
                .show_ui(ui, |ui| {
                    for format in ImportFormat::ALL {
                        ui.selectable_value(&mut state.format, format, format.display_name());
                    }
                });
            ui.end_row();

            ui.label("Offsets");
            ui.horizontal(|ui| {
                let own = format!(
                    "as the file says, else {}",
                    state.format.default_unit().as_str()
                );
                ui.radio_value(&mut state.unit, None, own);
                ui.radio_value(&mut state.unit, Some(OffsetUnit::CodePoints), "code points");
                ui.radio_value(&mut state.unit, Some(OffsetUnit::Utf16), "UTF-16");
            });
            ui.end_row();

            ui.label("Unknown labels");
            ui.checkbox(
                &mut state.add_unknown_labels,
                "add them to the project's labels",
            )
            .on_hover_text(
                "Otherwise spans with a label the project does not have are rejected and listed",
            );
            ui.end_row();

            ui.label("Files or folders");
            ui.vertical(|ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut state.paths)
                        .desired_rows(3)
                        .desired_width(360.0)
                        .hint_text("one path per line"),
                );
                if ui.button("Browse…").clicked() {
                    answer = Some(ImportDialogAnswer::Browse);
                }
            });
            ui.end_row();
        });
    ui.label(
        "Documents whose text is already in the project receive the spans; others are added. \
         The whole import is one step: Undo removes it.",
    );
    ui.separator();
    ui.horizontal(|ui| {
        let paths = state.path_list();
        if ui
            .add_enabled(!paths.is_empty(), egui::Button::new("Import"))
            .clicked()
        {
            answer = Some(ImportDialogAnswer::Import(state.options(), paths));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(ImportDialogAnswer::Cancel);
        }
    });
    answer
}
