//! The question asked when the open project's file was changed on disk by another program (a
//! `git pull`, a second Isnad): reload it, keep mine, or compare the two first. Nothing is saved
//! over the other version until the user has answered.

/// What the modal shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskChangeInfo {
    /// The project's file name.
    pub name: String,
    /// Whether the file was deleted or moved away (rather than replaced by another version).
    pub missing: bool,
    /// Whether the user asked to reload and must confirm dropping unsaved changes.
    pub confirming_reload: bool,
    /// The comparison with the version on disk, once asked for (or why it could not be made).
    pub comparison: Option<String>,
}

/// The user's answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChoice {
    /// Load the version on disk (asks first when there are unsaved changes).
    Reload,
    /// Drop the unsaved changes and load the version on disk.
    ConfirmReload,
    /// Back from the reload question.
    Back,
    /// Keep my version: the next save replaces the one on disk (kept as `.bak`).
    KeepMine,
    /// List what differs between my version and the one on disk.
    Compare,
}

/// Shows the modal; returns the user's answer, if any this frame. It cannot be dismissed
/// without an answer.
pub fn disk_change_ui(ctx: &egui::Context, info: &DiskChangeInfo) -> Option<DiskChoice> {
    egui::Modal::new(egui::Id::unique("disk-change"))
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Project changed on disk");
            if info.missing {
                ui.label(format!(
                    "{} was deleted or moved by another program since it was opened or last \
                     saved. Keep your version to save it there again.",
                    info.name
                ));
            } else {
                ui.label(format!(
                    "{} was changed by another program (a git pull, another window) since it \
                     was opened or last saved.",
                    info.name
                ));
            }
            ui.add_space(8.0);
            if info.confirming_reload {
                return confirm_reload_ui(ui);
            }
            let mut choice = None;
            ui.horizontal(|ui| {
                let reload = ui
                    .add_enabled(!info.missing, egui::Button::new("Reload from disk"))
                    .on_hover_text("Open the version on disk instead of yours");
                if reload.clicked() {
                    choice = Some(DiskChoice::Reload);
                }
                let keep = ui.button("Keep mine").on_hover_text(
                    "Your next save replaces the version on disk, which is kept as .bak",
                );
                if keep.clicked() {
                    choice = Some(DiskChoice::KeepMine);
                }
                let compare = ui
                    .add_enabled(!info.missing, egui::Button::new("Compare"))
                    .on_hover_text("List what differs between your version and the one on disk");
                if compare.clicked() {
                    choice = Some(DiskChoice::Compare);
                }
            });
            if let Some(comparison) = &info.comparison {
                ui.add_space(8.0);
                ui.label(egui::RichText::new("Yours compared with the version on disk").strong());
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| ui.label(comparison));
            }
            choice
        })
        .inner
}

fn confirm_reload_ui(ui: &mut egui::Ui) -> Option<DiskChoice> {
    ui.label("Reloading discards the changes you have not saved. Discard them and reload?");
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button("Discard my changes and reload").clicked() {
            return Some(DiskChoice::ConfirmReload);
        }
        if ui.button("Back").clicked() {
            return Some(DiskChoice::Back);
        }
        None
    })
    .inner
}
