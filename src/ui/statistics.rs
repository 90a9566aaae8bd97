//! The statistics window's content: drawn from [`ProjectStatistics`] (computed elsewhere, never
//! here): totals and progress, spans per label and per status, relations per type, annotators,
//! a stacked bar chart of spans per label per document (`egui_plot`), and a table of documents.
//! Label, relation and document names are shaped by our engine (they may be Arabic).

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::shaped_label::shaped_label;
use crate::model::statistics::{ProjectStatistics, STATUSES};
use crate::model::{DocumentStatus, LabelSchema};
use crate::text::TextEngine;

/// Height of the chart in points.
const CHART_HEIGHT: f32 = 220.0;
/// Height of one row of the documents table.
const ROW_HEIGHT: f32 = 22.0;
/// Width of the name column of the tables.
const NAME_WIDTH: f32 = 180.0;

/// The words for a document status.
pub fn status_name(status: DocumentStatus) -> &'static str {
    match status {
        DocumentStatus::New => "New",
        DocumentStatus::InProgress => "In progress",
        DocumentStatus::Done => "Done",
    }
}

/// `label` with an accessible name (what screen readers and kittest read).
fn named_label(ui: &mut Ui, text: String, name: String) {
    let response = ui.label(text);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
}

/// The whole content of the statistics window.
pub fn statistics_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    stats: &ProjectStatistics,
    schema: &LabelSchema,
) {
    totals_ui(ui, stats);
    ui.separator();
    ui.columns(2, |columns| {
        labels_ui(&mut columns[0], engine, stats, schema);
        statuses_ui(&mut columns[1], stats);
        relations_ui(&mut columns[1], engine, stats, schema);
        annotators_ui(&mut columns[1], engine, stats);
    });
    ui.separator();
    ui.strong("Spans per label per document");
    chart_ui(ui, stats, schema);
    ui.separator();
    documents_ui(ui, engine, stats, schema);
}

fn totals_ui(ui: &mut Ui, stats: &ProjectStatistics) {
    ui.horizontal(|ui| {
        ui.label(format!("Documents: {}", stats.documents.len()));
        ui.label(format!("Spans: {}", stats.spans()));
        ui.label(format!("Relations: {}", stats.relations()));
    });
    let done = format!(
        "Done: {} of {} documents",
        stats.documents_done(),
        stats.documents.len()
    );
    ui.horizontal(|ui| {
        ui.label(done);
        ui.add(egui::ProgressBar::new(stats.progress()).show_percentage());
    });
}

fn label_colour(schema: &LabelSchema, index: usize) -> Color32 {
    schema.labels().get(index).map_or(Color32::GRAY, |l| {
        Color32::from_rgb(l.colour.r, l.colour.g, l.colour.b)
    })
}

fn labels_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    stats: &ProjectStatistics,
    schema: &LabelSchema,
) {
    ui.strong("Spans per label");
    let text = ui.visuals().text_color();
    egui::Grid::new("spans per label")
        .striped(true)
        .show(ui, |ui| {
            for (i, (id, count)) in stats.labels.iter().zip(&stats.spans_per_label).enumerate() {
                let name = schema.get(id).map_or(id.as_str(), |l| l.name.as_str());
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, label_colour(schema, i));
                    shaped_label(ui, engine, name, 14.0, text, NAME_WIDTH);
                });
                named_label(ui, count.to_string(), format!("{name} spans: {count}"));
                ui.end_row();
            }
        });
}

fn statuses_ui(ui: &mut Ui, stats: &ProjectStatistics) {
    ui.strong("Per status");
    egui::Grid::new("per status").striped(true).show(ui, |ui| {
        ui.label("");
        ui.label("documents");
        ui.label("spans");
        ui.end_row();
        for (i, status) in STATUSES.iter().enumerate() {
            let name = status_name(*status);
            let (docs, spans) = (stats.documents_per_status[i], stats.spans_per_status[i]);
            ui.label(name);
            named_label(ui, docs.to_string(), format!("{name} documents: {docs}"));
            named_label(ui, spans.to_string(), format!("{name} spans: {spans}"));
            ui.end_row();
        }
    });
}

fn relations_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    stats: &ProjectStatistics,
    schema: &LabelSchema,
) {
    ui.add_space(6.0);
    ui.strong("Relations per type");
    let text = ui.visuals().text_color();
    egui::Grid::new("relations per type")
        .striped(true)
        .show(ui, |ui| {
            for (id, count) in &stats.relations_per_type {
                let name = schema
                    .relation_type(id)
                    .map_or(id.as_str(), |k| k.name.as_str());
                shaped_label(ui, engine, name, 14.0, text, NAME_WIDTH);
                named_label(ui, count.to_string(), format!("{name} relations: {count}"));
                ui.end_row();
            }
        });
}

fn annotators_ui(ui: &mut Ui, engine: &mut TextEngine, stats: &ProjectStatistics) {
    ui.add_space(6.0);
    ui.strong("Annotators");
    let Some(annotators) = &stats.annotators else {
        ui.weak("Not recorded in this project");
        return;
    };
    let text = ui.visuals().text_color();
    egui::Grid::new("annotators").striped(true).show(ui, |ui| {
        for (name, count) in annotators {
            shaped_label(ui, engine, name, 14.0, text, NAME_WIDTH);
            named_label(ui, count.to_string(), format!("{name} spans: {count}"));
            ui.end_row();
        }
    });
}

/// One bar chart per label, stacked, with a bar per document (x: its position in the list).
fn chart_ui(ui: &mut Ui, stats: &ProjectStatistics, schema: &LabelSchema) {
    let mut charts: Vec<BarChart> = Vec::with_capacity(stats.labels.len());
    for (i, id) in stats.labels.iter().enumerate() {
        let name = schema.get(id).map_or(id.as_str(), |l| l.name.as_str());
        let bars = stats
            .documents
            .iter()
            .enumerate()
            .map(|(x, doc)| {
                let count = doc.spans_per_label.get(i).copied().unwrap_or(0);
                Bar::new((x + 1) as f64, count as f64).width(0.8)
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name, bars)
            .color(label_colour(schema, i))
            .stack_on(&below);
        charts.push(chart);
    }
    Plot::new("spans per label per document")
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .x_axis_label("document")
        .y_axis_label("spans")
        .allow_scroll(false)
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

/// The documents, one row each (only the rows on screen are drawn).
fn documents_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    stats: &ProjectStatistics,
    schema: &LabelSchema,
) {
    ui.strong("Documents");
    let text = ui.visuals().text_color();
    let names: Vec<&str> = stats
        .labels
        .iter()
        .map(|id| schema.get(id).map_or(id.as_str(), |l| l.name.as_str()))
        .collect();
    ui.horizontal(|ui| {
        ui.add_sized([NAME_WIDTH + 30.0, ROW_HEIGHT], egui::Label::new("title"));
        ui.add_sized([80.0, ROW_HEIGHT], egui::Label::new("status"));
        for name in &names {
            ui.add_sized([60.0, ROW_HEIGHT], egui::Label::new(*name));
        }
        ui.add_sized([60.0, ROW_HEIGHT], egui::Label::new("relations"));
    });
    egui::ScrollArea::vertical()
        .id_salt("statistics documents")
        .max_height(240.0)
        .show_rows(ui, ROW_HEIGHT, stats.documents.len(), |ui, rows| {
            for doc in &stats.documents[rows] {
                ui.horizontal(|ui| {
                    ui.label(format!("{}.", doc.doc.0));
                    shaped_label(ui, engine, &doc.title, 14.0, text, NAME_WIDTH);
                    ui.add_sized(
                        [80.0, ROW_HEIGHT],
                        egui::Label::new(status_name(doc.status)),
                    );
                    for count in &doc.spans_per_label {
                        ui.add_sized([60.0, ROW_HEIGHT], egui::Label::new(count.to_string()));
                    }
                    ui.add_sized(
                        [60.0, ROW_HEIGHT],
                        egui::Label::new(doc.relations.to_string()),
                    );
                });
            }
        });
}
