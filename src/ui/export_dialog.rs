//! The File › Export… window: format, offset unit, which documents, token edges and the output
//! path. It only records the user's choice; the app runs the export.

use std::path::PathBuf;

use egui::Ui;

use crate::io::export::{DocumentSelection, ExportFormat, ExportOptions, TokenEdges};
use crate::model::offsets::OffsetUnit;
use crate::model::{DocId, DocumentStatus};

/// Which documents the user wants exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentScope {
    /// Every document.
    All,
    /// Documents marked done.
    Done,
    /// Documents done or in progress (not the untouched ones).
    Started,
    /// The document shown.
    Current,
}

/// The choices of the export window, kept while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDialogState {
    /// The format.
    pub format: ExportFormat,
    /// The unit; `None` for the format's own.
    pub unit: Option<OffsetUnit>,
    /// Which documents.
    pub scope: DocumentScope,
    /// Spans cut inside a token (CoNLL, spaCy).
    pub token_edges: TokenEdges,
    /// Where to write (a file, or a folder for brat).
    pub path: String,
    /// The folder and file stem the default path is built from when the format changes.
    stem: PathBuf,
}

/// What the user did in the export window this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportDialogAnswer {
    /// Export with these options to this path.
    Export(ExportOptions, PathBuf),
    /// Ask for the output path with a file dialog.
    Browse,
    /// Close the window.
    Cancel,
}

impl ExportDialogState {
    /// The window for a project whose exports go next to `stem` (`folder/name`, no extension).
    pub fn new(stem: PathBuf) -> Self {
        let mut state = Self {
            format: ExportFormat::Jsonl,
            unit: None,
            scope: DocumentScope::All,
            token_edges: TokenEdges::Split,
            path: String::new(),
            stem,
        };
        state.path = state.default_path();
        state
    }

    /// `stem.jsonl`, `stem.conll`, `stem-brat/`, ... for the chosen format.
    pub fn default_path(&self) -> String {
        let path = if self.format.writes_folder() {
            let mut name = self.stem.file_name().unwrap_or_default().to_os_string();
            name.push("-brat");
            self.stem.with_file_name(name)
        } else {
            self.stem.with_extension(self.format.extension())
        };
        path.display().to_string()
    }

    /// The options chosen, for the document shown being `current`.
    pub fn options(&self, current: Option<DocId>) -> ExportOptions {
        let mut options = ExportOptions::new(self.format);
        options.unit = self.unit.filter(|_| self.format.offers_unit_choice());
        options.token_edges = self.token_edges;
        options.documents = match self.scope {
            DocumentScope::All => DocumentSelection::All,
            DocumentScope::Done => DocumentSelection::WithStatus(vec![DocumentStatus::Done]),
            DocumentScope::Started => DocumentSelection::WithStatus(vec![
                DocumentStatus::Done,
                DocumentStatus::InProgress,
            ]),
            DocumentScope::Current => DocumentSelection::Only(current.into_iter().collect()),
        };
        options
    }
}

/// The export window's contents.
pub fn export_dialog_ui(
    ui: &mut Ui,
    state: &mut ExportDialogState,
    current: Option<DocId>,
) -> Option<ExportDialogAnswer> {
    let mut answer = None;
    egui::Grid::new("export-options")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label("Format");
            let before = state.format;
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(state.format.display_name())
                .width(300.0)
                .show_ui(ui, |ui| {
                    for format in ExportFormat::ALL {
                        ui.selectable_value(&mut state.format, format, format.display_name());
                    }
                });
            if state.format != before {
                state.path = state.default_path();
            }
            ui.end_row();

            ui.label("Offsets");
            ui.add_enabled_ui(state.format.offers_unit_choice(), |ui| {
                ui.horizontal(|ui| {
                    let own = format!("format's own ({})", state.format.default_unit().as_str());
                    ui.radio_value(&mut state.unit, None, own);
                    ui.radio_value(&mut state.unit, Some(OffsetUnit::CodePoints), "code points")
                        .on_hover_text("Python: spaCy, Hugging Face, brat tools");
                    ui.radio_value(&mut state.unit, Some(OffsetUnit::Utf16), "UTF-16")
                        .on_hover_text("JavaScript and Java tools");
                });
            });
            ui.end_row();

            ui.label("Documents");
            ui.horizontal(|ui| {
                ui.radio_value(&mut state.scope, DocumentScope::All, "all");
                ui.radio_value(
                    &mut state.scope,
                    DocumentScope::Started,
                    "done and in progress",
                );
                ui.radio_value(&mut state.scope, DocumentScope::Done, "done");
                ui.add_enabled_ui(current.is_some(), |ui| {
                    ui.radio_value(&mut state.scope, DocumentScope::Current, "this document");
                });
            });
            ui.end_row();

            let token_based = matches!(state.format, ExportFormat::Conll | ExportFormat::Spacy);
            ui.label("Span cut inside a word");
            ui.add_enabled_ui(token_based, |ui| {
                ui.horizontal(|ui| {
                    ui.radio_value(&mut state.token_edges, TokenEdges::Split, "split the word");
                    ui.radio_value(
                        &mut state.token_edges,
                        TokenEdges::Expand,
                        "widen to whole tokens",
                    );
                    ui.radio_value(&mut state.token_edges, TokenEdges::Report, "leave it out");
                });
            });
            ui.end_row();

            ui.label(if state.format.writes_folder() {
                "Folder"
            } else {
                "File"
            });
            ui.horizontal(|ui| {
                ui.add(egui::TextEdit::singleline(&mut state.path).desired_width(360.0));
                if ui.button("Browse…").clicked() {
                    answer = Some(ExportDialogAnswer::Browse);
                }
            });
            ui.end_row();
        });
    ui.label("Every span left out or changed is listed in the report when the export is done.");
    ui.separator();
    ui.horizontal(|ui| {
        let ready = !state.path.trim().is_empty();
        if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
            let path = PathBuf::from(state.path.trim());
            answer = Some(ExportDialogAnswer::Export(state.options(current), path));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(ExportDialogAnswer::Cancel);
        }
    });
    answer
}
