//! The status bar: which file, which encoding, where the selection is, and the zoom.

use egui::Ui;

/// What the status bar shows.
pub struct StatusInfo<'a> {
    /// File name or title.
    pub title: &'a str,
    /// Encoding the article was decoded from.
    pub encoding: &'a str,
    /// Number of paragraphs.
    pub paragraphs: usize,
    /// Selection as code-point offsets and its length, if not empty.
    pub selection: Option<(usize, usize)>,
    /// Zoom factor.
    pub zoom: f32,
}

/// Shows the status bar.
pub fn status_bar_ui(ui: &mut Ui, info: &StatusInfo<'_>) {
    ui.horizontal(|ui| {
        ui.label(info.title);
        ui.separator();
        ui.label(format!("Encoding: {}", info.encoding));
        ui.separator();
        ui.label(format!("{} paragraphs", info.paragraphs));
        if let Some((start, end)) = info.selection {
            ui.separator();
            ui.label(format!(
                "Selected {start}..{end} ({} characters)",
                end - start
            ));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(format!("{:.0}%", info.zoom * 100.0));
        });
    });
}
