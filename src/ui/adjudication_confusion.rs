//! The label confusion window: for a chosen pair of annotators, a grid whose rows are the first
//! one's labels and whose columns are the second one's (plus "none" for spans the other lacks),
//! each cell shaded by its count (`team::confusion` says how spans are matched). Label and
//! annotator names are shaped by our engine (they may be Arabic); each cell is readable by
//! screen readers as "ROW → COLUMN: COUNT" (label ids).

use egui::{Color32, Rect, Sense, Ui, vec2};

use super::adjudication::{annotator_colour, annotator_letter};
use super::shaped_label::shaped_label;
use crate::model::LabelSchema;
use crate::team::Confusion;
use crate::text::TextEngine;

/// Size of one cell, in points.
const CELL: egui::Vec2 = egui::Vec2::new(48.0, 26.0);
/// Width of the row names.
const ROW_NAME_WIDTH: f32 = 120.0;
/// The shade of the fullest cell.
const FULL: Color32 = Color32::from_rgb(0, 114, 178);

/// A picker of one annotator by letter, its name shaped beside it; returns the one picked.
fn annotator_picker(
    ui: &mut Ui,
    engine: &mut TextEngine,
    id: &str,
    names: &[String],
    chosen: usize,
) -> usize {
    let mut picked = chosen;
    egui::ComboBox::from_id_salt(id)
        .width(40.0)
        .selected_text(annotator_letter(chosen).to_string())
        .show_ui(ui, |ui| {
            for k in 0..names.len() {
                ui.selectable_value(&mut picked, k, annotator_letter(k).to_string());
            }
        });
    let text = ui.visuals().text_color();
    shaped_label(ui, engine, &names[chosen], 14.0, text, 120.0);
    picked
}

/// The window's content; returns the pair of annotators chosen when it changed.
pub fn confusion_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    confusion: &Confusion,
    pair: (usize, usize),
    names: &[String],
    schema: &LabelSchema,
) -> Option<(usize, usize)> {
    let text = ui.visuals().text_color();
    let mut chosen = pair;
    ui.horizontal(|ui| {
        ui.label("Rows:");
        chosen.0 = annotator_picker(ui, engine, "confusion rows", names, pair.0);
        ui.label("columns:");
        chosen.1 = annotator_picker(ui, engine, "confusion columns", names, pair.1);
    });
    ui.weak(
        "Spans matched by the same range, else by the largest overlap; \"none\": the other \
         annotator has no span there.",
    );
    let name_of = |i: usize| -> (String, Color32, String) {
        match confusion.labels.get(i) {
            Some(id) => {
                let label = schema.get(id);
                (
                    label.map_or_else(|| id.as_str().to_owned(), |l| l.name.clone()),
                    label.map_or(Color32::GRAY, |l| {
                        Color32::from_rgb(l.colour.r, l.colour.g, l.colour.b)
                    }),
                    id.as_str().to_owned(),
                )
            }
            None => ("none".to_owned(), Color32::GRAY, "none".to_owned()),
        }
    };
    let n = confusion.labels.len() + 1;
    let max = confusion.max().max(1) as f32;
    let background = ui.visuals().extreme_bg_color;
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("label confusion")
            .spacing(vec2(2.0, 2.0))
            .show(ui, |ui| {
                // The corner: the rows' annotator \ the columns' annotator.
                ui.horizontal(|ui| {
                    ui.colored_label(
                        annotator_colour(pair.0),
                        annotator_letter(pair.0).to_string(),
                    );
                    ui.label("\\");
                    ui.colored_label(
                        annotator_colour(pair.1),
                        annotator_letter(pair.1).to_string(),
                    );
                });
                for column in 0..n {
                    let (name, colour, _) = name_of(column);
                    ui.vertical(|ui| {
                        let (rect, _) = ui.allocate_exact_size(vec2(CELL.x, 4.0), Sense::hover());
                        ui.painter().rect_filled(rect, 1.0, colour);
                        shaped_label(ui, engine, &name, 12.0, text, CELL.x);
                    });
                }
                ui.end_row();
                for row in 0..n {
                    let (name, colour, row_id) = name_of(row);
                    ui.horizontal(|ui| {
                        let (rect, _) = ui.allocate_exact_size(vec2(4.0, 14.0), Sense::hover());
                        ui.painter().rect_filled(rect, 1.0, colour);
                        shaped_label(ui, engine, &name, 13.0, text, ROW_NAME_WIDTH);
                    });
                    for column in 0..n {
                        let count = confusion.counts[row][column];
                        let (_, _, column_id) = name_of(column);
                        let (rect, response) = ui.allocate_exact_size(CELL, Sense::hover());
                        paint_cell(
                            ui,
                            rect,
                            count,
                            max,
                            background,
                            row == column && row + 1 < n,
                        );
                        let info = format!("{row_id} → {column_id}: {count}");
                        response.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Label, true, &info)
                        });
                    }
                    ui.end_row();
                }
            });
    });
    (chosen != pair).then_some(chosen)
}

/// One cell: shaded from the background (0) to [`FULL`] (the largest count), the count written
/// on it; the diagonal (same label) outlined.
fn paint_cell(ui: &Ui, rect: Rect, count: usize, max: f32, background: Color32, diagonal: bool) {
    let painter = ui.painter();
    let share = count as f32 / max;
    let fill = background.lerp_to_gamma(FULL, share);
    painter.rect_filled(rect, 2.0, fill);
    if diagonal {
        painter.rect_stroke(
            rect,
            2.0,
            egui::Stroke::new(1.0, ui.visuals().text_color().gamma_multiply(0.5)),
            egui::StrokeKind::Inside,
        );
    }
    if count > 0 {
        let colour = if share > 0.5 {
            Color32::WHITE
        } else {
            ui.visuals().text_color()
        };
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            count.to_string(),
            egui::FontId::proportional(13.0),
            colour,
        );
    }
}
