//! The agreement window's content: the annotators compared, the documents, Krippendorff's α per
//! label over all annotators, then for every pair the figures of `team::agreement` (exact F1,
//! overlap precision / recall / F1, relation F1), per label (spans, exact F1, Cohen's κ), and a
//! bar chart of exact F1 and κ per label (`egui_plot`; labels numbered as in the table, since the
//! plot's own text cannot shape Arabic), and a button opening the label confusion matrix. Names
//! and label names are shaped by our engine.

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::adjudication::{annotator_colour, annotator_letter};
use super::shaped_label::shaped_label;
use crate::model::LabelSchema;
use crate::team::AgreementReport;
use crate::text::TextEngine;

/// Height of the chart in points.
const CHART_HEIGHT: f32 = 200.0;
/// Width of the name column.
const NAME_WIDTH: f32 = 160.0;

/// A figure with three decimals, or "–" when it is undefined (0/0).
pub fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.3}"))
}

/// `text` with an accessible name (what screen readers and kittest read).
fn named(ui: &mut Ui, text: String, name: String) {
    let response = ui.label(text);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
}

/// A label's name and colour, as the schema gives them (its id when the schema lacks it).
fn label_of<'a>(schema: &'a LabelSchema, id: &'a crate::model::LabelId) -> (&'a str, Color32) {
    let label = schema.get(id);
    let name = label.map_or(id.as_str(), |l| l.name.as_str());
    let colour = label.map_or(Color32::GRAY, |l| {
        Color32::from_rgb(l.colour.r, l.colour.g, l.colour.b)
    });
    (name, colour)
}

/// A colour swatch and a shaped label name.
fn label_cell(ui: &mut Ui, engine: &mut TextEngine, name: &str, colour: Color32) {
    let text = ui.visuals().text_color();
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter().rect_filled(rect, 2.0, colour);
        shaped_label(ui, engine, name, 14.0, text, NAME_WIDTH);
    });
}

/// The whole content of the agreement window. `names` and `files` are the annotators' names and
/// files, in the order compared. Returns true when "Label confusion…" was clicked.
pub fn agreement_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    report: &AgreementReport,
    names: &[String],
    files: &[String],
    schema: &LabelSchema,
) -> bool {
    let text = ui.visuals().text_color();
    for (k, (name, file)) in names.iter().zip(files).enumerate() {
        ui.horizontal(|ui| {
            ui.colored_label(annotator_colour(k), annotator_letter(k).to_string());
            shaped_label(ui, engine, name, 14.0, text, NAME_WIDTH);
            ui.weak(file);
        });
    }
    let corpus = &report.corpus;
    ui.label(format!(
        "Documents compared: {} (matched by their text); left out: {}",
        corpus.documents.len(),
        corpus
            .left_out
            .iter()
            .filter(|d| d.present_in.len() < corpus.annotators)
            .count()
    ));
    let confusion = ui
        .button("Label confusion…")
        .on_hover_text("Which label one annotator gave where another gave each label")
        .clicked();
    ui.separator();
    ui.strong(format!(
        "Krippendorff's alpha per label, over all {} annotators",
        names.len()
    ));
    egui::Grid::new("alpha per label")
        .striped(true)
        .show(ui, |ui| {
            for heading in ["#", "label", "alpha"] {
                ui.strong(heading);
            }
            ui.end_row();
            for (i, (id, alpha)) in report.alpha.iter().enumerate() {
                let (name, colour) = label_of(schema, id);
                ui.label(format!("{}", i + 1));
                label_cell(ui, engine, name, colour);
                let shown = figure(*alpha);
                named(ui, shown.clone(), format!("{} alpha: {shown}", id.as_str()));
                ui.end_row();
            }
        });
    let open_all = report.pairs.len() <= 3;
    for (p, pair) in report.pairs.iter().enumerate() {
        let who = format!(
            "{}–{}: all labels",
            annotator_letter(pair.a),
            annotator_letter(pair.b)
        );
        ui.separator();
        egui::CollapsingHeader::new(who)
            .default_open(open_all || p == 0)
            .show(ui, |ui| pair_ui(ui, engine, report, pair, schema));
    }
    confusion
}

/// One pair's figures: overall, per label, and the chart.
fn pair_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    report: &AgreementReport,
    pair: &crate::team::PairAgreement,
    schema: &LabelSchema,
) {
    let (la, lb) = (annotator_letter(pair.a), annotator_letter(pair.b));
    ui.horizontal_wrapped(|ui| {
        let overall = [
            ("exact F1", pair.exact_f1),
            ("overlap precision", pair.overlap.precision),
            ("overlap recall", pair.overlap.recall),
            ("overlap F1", pair.overlap.f1),
            ("relation F1", pair.relation_f1),
        ];
        for (what, value) in overall {
            let shown = figure(value);
            named(ui, format!("{what}: {shown}"), format!("{what}: {shown}"));
            ui.add_space(8.0);
        }
    });
    egui::Grid::new(("agreement per label", pair.a, pair.b))
        .striped(true)
        .show(ui, |ui| {
            let (spans_a, spans_b) = (format!("{la} spans"), format!("{lb} spans"));
            for heading in ["#", "label", &spans_a, &spans_b, "exact F1", "kappa"] {
                ui.strong(heading);
            }
            ui.end_row();
            for (i, (id, figures)) in pair.labels.iter().enumerate() {
                let (name, colour) = label_of(schema, id);
                ui.label(format!("{}", i + 1));
                label_cell(ui, engine, name, colour);
                ui.label(figures.spans_a.to_string());
                ui.label(figures.spans_b.to_string());
                for (what, value) in [("exact F1", figures.exact_f1), ("kappa", figures.kappa)] {
                    let shown = figure(value);
                    named(
                        ui,
                        shown.clone(),
                        format!("{} {what}: {shown}", id.as_str()),
                    );
                }
                ui.end_row();
            }
        });
    chart_ui(ui, report, pair.a, pair.b);
}

/// Exact F1 and κ per label of one pair, side by side (x: the label's number in the table).
fn chart_ui(ui: &mut Ui, report: &AgreementReport, a: usize, b: usize) {
    let Some(pair) = report.pairs.iter().find(|p| p.a == a && p.b == b) else {
        return;
    };
    let series = |offset: f64, value: &dyn Fn(&crate::team::LabelAgreement) -> Option<f64>| {
        pair.labels
            .values()
            .enumerate()
            .map(|(i, figures)| {
                Bar::new((i + 1) as f64 + offset, value(figures).unwrap_or(0.0)).width(0.35)
            })
            .collect::<Vec<_>>()
    };
    let exact = BarChart::new("exact F1", series(-0.2, &|f| f.exact_f1))
        .color(Color32::from_rgb(0, 114, 178));
    let kappa =
        BarChart::new("kappa", series(0.2, &|f| f.kappa)).color(Color32::from_rgb(230, 159, 0));
    Plot::new(("agreement chart", a, b))
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .x_axis_label("label (# in the table)")
        .y_axis_label("agreement")
        .include_y(0.0)
        .include_y(1.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.bar_chart(exact);
            plot.bar_chart(kappa);
        });
}
