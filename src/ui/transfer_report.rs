//! The window shown when an export or import is done: the summary, then every span left out,
//! changed or rejected (shaped by our engine, since the lines quote Arabic text).

use egui::Ui;

use crate::text::TextEngine;
use crate::ui::shaped_label;

/// One line of a report: a left-to-right context drawn by egui ("span 2 (actor) [20, 27)") and,
/// when there is one, the quoted text it concerns, shaped by our engine in its own direction (so
/// an Arabic excerpt never turns the whole line right-to-left).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    /// What the line is about, in words.
    pub context: String,
    /// The text concerned (a span's text and its document's title), if any.
    pub text: Option<String>,
}

impl ReportLine {
    /// A line without quoted text.
    pub fn plain(context: impl Into<String>) -> Self {
        Self {
            context: context.into(),
            text: None,
        }
    }
}

/// A finished export's or import's report, as lines for the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TransferReport {
    /// The window title ("Export report").
    pub title: String,
    /// The one-line summary.
    pub summary: String,
    /// Whether everything went through.
    pub complete: bool,
    /// Every detail line (what was written, left out, changed or rejected, and why).
    pub lines: Vec<ReportLine>,
    /// The whole report as text, for the clipboard.
    pub full_text: String,
}

/// The report window's contents; returns whether the user closed it.
pub fn transfer_report_ui(ui: &mut Ui, engine: &mut TextEngine, report: &TransferReport) -> bool {
    let colour = ui.visuals().text_color();
    ui.label(egui::RichText::new(&report.summary).strong());
    if report.complete {
        ui.label("Nothing was left out, changed or rejected.");
    } else {
        ui.label(format!(
            "{} line{} to review:",
            report.lines.len(),
            crate::io::plural(report.lines.len())
        ));
        let row_height = 20.0;
        egui::ScrollArea::vertical()
            .max_height(360.0)
            .auto_shrink([false, true])
            .show_rows(ui, row_height, report.lines.len(), |ui, rows| {
                for line in &report.lines[rows] {
                    ui.horizontal(|ui| {
                        if !line.context.is_empty() {
                            ui.label(&line.context);
                        }
                        if let Some(text) = &line.text {
                            let rest = ui.available_width();
                            shaped_label(ui, engine, text, 13.0, colour, rest);
                        }
                    });
                }
            });
    }
    ui.separator();
    let mut closed = false;
    ui.horizontal(|ui| {
        if ui.button("Copy report").clicked() {
            ui.ctx().copy_text(report.full_text.clone());
        }
        if ui.button("Close").clicked() {
            closed = true;
        }
    });
    closed
}
