//! The status bar: how many spans, where the selection is, the last notice and
//! the zoom.

use egui::Ui;

/// What the status bar shows.
pub struct StatusInfo<'a> {
    /// Encoding the article was decoded from, when known.
    pub encoding: Option<&'a str>,
    /// Number of spans in the document.
    pub spans: usize,
    /// Selection as code-point offsets, if not empty.
    pub selection: Option<(usize, usize)>,
    /// A short message (what was saved, why nothing was tagged).
    pub notice: Option<&'a str>,
    /// Whether the message is a warning or an error (drawn in the warning colour).
    pub notice_is_warning: bool,
    /// Zoom factor.
    pub zoom: f32,
}

/// Shows the status bar.
pub fn status_bar_ui(ui: &mut Ui, info: &StatusInfo<'_>) {
    ui.horizontal(|ui| {
        ui.label(match info.spans {
            1 => "1 span".to_owned(),
            n => format!("{n} spans"),
        });
        if let Some(encoding) = info.encoding {
            ui.separator();
            ui.label(format!("Encoding: {encoding}"));
        }
        if let Some((start, end)) = info.selection {
            ui.separator();
            ui.label(format!(
                "Selected {start}..{end} ({} character{})",
                end - start,
                crate::io::plural(end - start)
            ));
        }
        if let Some(notice) = info.notice {
            ui.separator();
            if info.notice_is_warning {
                ui.colored_label(ui.visuals().warn_fg_color, notice);
            } else {
                ui.label(notice);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(format!("{:.0}%", info.zoom * 100.0));
        });
    });
}
