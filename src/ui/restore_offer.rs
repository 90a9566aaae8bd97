//! The restore offer window: what an autosaved recovery file would change (documents added and
//! removed, span counts and statuses per changed document, total spans), with Restore, Discard…
//! (asked twice) and Later.

use egui::Ui;

use crate::io::recovery::RecoveryDiff;
use crate::text::TextEngine;
use crate::ui::document_list::status_name;
use crate::ui::shaped_label;

/// Documents listed at most (the rest are counted).
const MAX_ROWS: usize = 200;

/// What the window shows.
pub struct RestoreOfferView<'a> {
    /// Whose work it is ("gaza.isnad.ron", "The sample project").
    pub name: &'a str,
    /// The recovery file, as shown.
    pub recovery: &'a str,
    /// What differs.
    pub diff: &'a RecoveryDiff,
    /// Whether the user is being asked to confirm deleting it.
    pub confirm_discard: bool,
}

/// What the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestoreChoice {
    /// Open the recovered work as unsaved changes.
    Restore,
    /// Ask whether to delete the recovery file.
    AskDiscard,
    /// Delete it (confirmed).
    Discard,
    /// Back from the deletion question.
    Back,
    /// Keep the file, open the saved project.
    Later,
}

/// Shows the offer as a modal window; returns the user's choice, if any this frame.
pub fn restore_offer_ui(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    view: &RestoreOfferView<'_>,
) -> Option<RestoreChoice> {
    let modal = egui::Modal::new(egui::Id::unique("restore-offer")).show(ctx, |ui| {
        ui.set_max_width(600.0);
        if view.confirm_discard {
            ui.heading("Delete the recovered work?");
            ui.label(format!(
                "{} will be deleted; its changes cannot be recovered afterwards.",
                view.recovery
            ));
            ui.add_space(8.0);
            return ui
                .horizontal(|ui| {
                    if ui.button("Delete").clicked() {
                        return Some(RestoreChoice::Discard);
                    }
                    ui.button("Back").clicked().then_some(RestoreChoice::Back)
                })
                .inner;
        }
        ui.heading("Recover unsaved work?");
        ui.label(format!(
            "{} has changes that were autosaved but never saved: {}",
            view.name, view.recovery
        ));
        ui.add_space(6.0);
        summary_ui(ui, engine, view.diff);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button("Restore")
                .on_hover_text("Open the recovered work as unsaved changes; save to keep it")
                .clicked()
            {
                return Some(RestoreChoice::Restore);
            }
            if ui.button("Discard…").clicked() {
                return Some(RestoreChoice::AskDiscard);
            }
            ui.button("Later")
                .on_hover_text("Keep the recovery file and open the saved project")
                .clicked()
                .then_some(RestoreChoice::Later)
        })
        .inner
    });
    match modal.inner {
        Some(choice) => Some(choice),
        None if modal.should_close() && view.confirm_discard => Some(RestoreChoice::Back),
        None if modal.should_close() => Some(RestoreChoice::Later),
        None => None,
    }
}

/// Totals, then one row per document added, removed or changed.
fn summary_ui(ui: &mut Ui, engine: &mut TextEngine, diff: &RecoveryDiff) {
    ui.label(format!(
        "Spans: {} saved, {} recovered. Relations: {} saved, {} recovered",
        diff.file_spans, diff.recovered_spans, diff.file_relations, diff.recovered_relations
    ));
    if diff.labels_changed {
        ui.label("The labels differ.");
    }
    if diff.is_empty() {
        ui.label("The documents are the same; only details differ.");
        return;
    }
    let colour = ui.visuals().text_color();
    let changed = diff.changed.iter().map(|c| {
        let cell = |spans: usize, relations: usize, status| {
            format!(
                "{spans} span{}, {relations} relation{}, {}",
                crate::io::plural(spans),
                crate::io::plural(relations),
                status_name(status)
            )
        };
        let mut recovered = cell(c.recovered_spans, c.recovered_relations, c.recovered_status);
        if c.text_changed {
            recovered.push_str(", text cropped");
        }
        (
            c.title.as_str(),
            cell(c.file_spans, c.file_relations, c.file_status),
            recovered,
        )
    });
    let rows: Vec<(&str, String, String)> = diff
        .added
        .iter()
        .map(|t| (t.as_str(), "—".to_owned(), "added".to_owned()))
        .chain(
            diff.removed
                .iter()
                .map(|t| (t.as_str(), "present".to_owned(), "removed".to_owned())),
        )
        .chain(changed)
        .take(MAX_ROWS + 1)
        .collect();
    egui::ScrollArea::vertical()
        .max_height(300.0)
        .show(ui, |ui| {
            egui::Grid::new("restore-diff")
                .striped(true)
                .show(ui, |ui| {
                    ui.strong("Document");
                    ui.strong("Saved");
                    ui.strong("Recovered");
                    ui.end_row();
                    for (title, saved, recovered) in rows.iter().take(MAX_ROWS) {
                        shaped_label(ui, engine, title, 14.0, colour, 260.0);
                        ui.label(saved);
                        ui.label(recovered);
                        ui.end_row();
                    }
                });
            let total = diff.added.len() + diff.removed.len() + diff.changed.len();
            if total > MAX_ROWS {
                ui.label(format!("… and {} more documents", total - MAX_ROWS));
            }
        });
    if diff.unchanged > 0 {
        ui.label(format!("{} other documents are unchanged.", diff.unchanged));
    }
}
