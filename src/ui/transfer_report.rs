//! The window shown when an export or import is done: the summary, then every span left out,
//! changed or rejected (shaped by our engine, since the lines quote Arabic text).

use egui::Ui;

use crate::text::TextEngine;
use crate::ui::shaped_label;

/// A finished export's or import's report, as lines for the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransferReport {
    /// The window title ("Export report").
    pub title: String,
    /// The one-line summary.
    pub summary: String,
    /// Whether everything went through.
    pub complete: bool,
    /// Every detail line (what was left out, changed or rejected, and why).
    pub lines: Vec<String>,
}

impl TransferReport {
    /// The whole report as text (for the clipboard).
    pub fn to_text(&self) -> String {
        let mut text = self.summary.clone();
        for line in &self.lines {
            text.push('\n');
            text.push_str(line);
        }
        text
    }
}

/// The report window's contents; returns whether the user closed it.
pub fn transfer_report_ui(ui: &mut Ui, engine: &mut TextEngine, report: &TransferReport) -> bool {
    let colour = ui.visuals().text_color();
    let width = ui.available_width().max(480.0);
    shaped_label(ui, engine, &report.summary, 14.0, colour, width);
    if report.complete {
        ui.label("Nothing was left out, changed or rejected.");
    } else {
        ui.label(format!("{} lines to review:", report.lines.len()));
        let row_height = 20.0;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, report.lines.len(), |ui, rows| {
                for line in &report.lines[rows] {
                    shaped_label(ui, engine, line, 13.0, colour, width);
                }
            });
    }
    ui.separator();
    let mut closed = false;
    ui.horizontal(|ui| {
        if ui.button("Copy report").clicked() {
            ui.ctx().copy_text(report.to_text());
        }
        if ui.button("Close").clicked() {
            closed = true;
        }
    });
    closed
}
