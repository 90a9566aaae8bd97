//! The windows of exports, imports and adding articles: their options, the progress of the
//! background work (a blocking modal with Cancel), and the report when it is done.

use std::path::PathBuf;
use std::sync::Arc;

use crate::io::progress::Progress;
use crate::model::DocId;
use crate::text::TextEngine;
use crate::ui::export_dialog::{ExportDialogAnswer, ExportDialogState, export_dialog_ui};
use crate::ui::import_dialog::{ImportDialogAnswer, ImportDialogState, import_dialog_ui};
use crate::ui::transfer_report::{TransferReport, transfer_report_ui};

/// File › Export…: the options window.
#[derive(Default)]
pub struct ExportWindow {
    state: Option<ExportDialogState>,
}

impl ExportWindow {
    /// Opens the window proposing `stem` (a path without extension) as the output.
    pub fn open(&mut self, stem: PathBuf) {
        self.state = Some(ExportDialogState::new(stem));
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.state = None;
    }

    /// The options, while open (mutable: tests fill in the path, Browse sets it).
    pub fn state_mut(&mut self) -> Option<&mut ExportDialogState> {
        self.state.as_mut()
    }

    /// Shows the window; Cancel and the close button close it, the other answers are returned.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        current: Option<DocId>,
    ) -> Option<ExportDialogAnswer> {
        let state = self.state.as_mut()?;
        let mut open = true;
        let mut answer = None;
        egui::Window::new("Export annotations")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| answer = export_dialog_ui(ui, state, current));
        if !open || answer == Some(ExportDialogAnswer::Cancel) {
            self.state = None;
            return None;
        }
        answer
    }
}

/// File › Import annotations…: the options window.
#[derive(Default)]
pub struct ImportWindow {
    state: Option<ImportDialogState>,
}

impl ImportWindow {
    /// Opens the window.
    pub fn open(&mut self) {
        self.state = Some(ImportDialogState::default());
    }

    /// Closes the window.
    pub fn close(&mut self) {
        self.state = None;
    }

    /// The options, while open (mutable: tests fill in the paths, Browse sets them).
    pub fn state_mut(&mut self) -> Option<&mut ImportDialogState> {
        self.state.as_mut()
    }

    /// Shows the window; Cancel and the close button close it, the other answers are returned.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<ImportDialogAnswer> {
        let state = self.state.as_mut()?;
        let mut open = true;
        let mut answer = None;
        egui::Window::new("Import annotations")
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| answer = import_dialog_ui(ui, state));
        if !open || answer == Some(ImportDialogAnswer::Cancel) {
            self.state = None;
            return None;
        }
        answer
    }
}

/// The progress of background work, shown while it runs; Cancel asks the worker to stop.
#[derive(Default)]
pub struct ProgressDialog {
    shown: Option<(&'static str, Arc<Progress>)>,
}

impl ProgressDialog {
    /// Shows the progress of work named `what` ("Exporting").
    pub fn open(&mut self, what: &'static str, progress: Arc<Progress>) {
        self.shown = Some((what, progress));
    }

    /// Closes it (the work is done).
    pub fn close(&mut self) {
        self.shown = None;
    }

    /// Whether work is running.
    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// Shows the modal (Cancel is handled here: it only sets the worker's flag).
    pub fn ui(&mut self, ctx: &egui::Context) {
        let Some((what, progress)) = &self.shown else {
            return;
        };
        let (done, total) = progress.get();
        let fraction = progress.fraction();
        egui::Modal::new(egui::Id::unique("transfer-progress")).show(ctx, |ui| {
            ui.set_min_width(360.0);
            ui.heading(format!("{what}…"));
            ui.add(egui::ProgressBar::new(fraction).text(format!("{done} of {total}")));
            if ui.button("Cancel").clicked() {
                progress.cancel();
            }
        });
    }
}

/// The report of the last finished export, import or addition.
#[derive(Default)]
pub struct ReportWindow {
    report: Option<TransferReport>,
}

impl ReportWindow {
    /// Shows `report`.
    pub fn open(&mut self, report: TransferReport) {
        self.report = Some(report);
    }

    /// Closes it.
    pub fn close(&mut self) {
        self.report = None;
    }

    /// The report shown.
    pub fn report(&self) -> Option<&TransferReport> {
        self.report.as_ref()
    }

    /// Shows the window until the user closes it.
    pub fn ui(&mut self, ctx: &egui::Context, engine: &mut TextEngine) {
        let Some(report) = &self.report else {
            return;
        };
        let mut open = true;
        let mut closed = false;
        egui::Window::new(report.title.clone())
            .open(&mut open)
            .default_width(640.0)
            .collapsible(false)
            .show(ctx, |ui| closed = transfer_report_ui(ui, engine, report));
        if !open || closed {
            self.report = None;
        }
    }
}
