//! The document list: every document of the project with its title (shaped: titles are Arabic),
//! its annotation status and its span count per label. Only the visible rows are built, and span
//! counts are computed for visible rows once per project revision, so a project of thousands of
//! documents scrolls smoothly.

use std::collections::HashMap;

use egui::{
    Button, Color32, Rect, RichText, Role, ScrollArea, Sense, Ui, UiBuilder, WidgetInfo, vec2,
};

use crate::command::Edit;
use crate::model::{DocId, Document, DocumentStatus, Project};
use crate::text::TextEngine;
use crate::ui::PanelAction;
use crate::ui::colours::to_color32;
use crate::ui::shaped_label::paint_shaped;

/// Height of one row in points (title line and status line).
pub const ROW_HEIGHT: f32 = 48.0;
/// Font size of the titles in points.
const TITLE_SIZE: f32 = 15.0;
/// Horizontal padding inside a row.
const PADDING: f32 = 6.0;

/// View state of the document list: span counts of the rows shown, for one project revision.
#[derive(Debug, Default)]
pub struct DocumentListState {
    revision: Option<u64>,
    /// Span count per label (schema order) of documents shown since the revision changed.
    counts: HashMap<DocId, Vec<usize>>,
}

impl DocumentListState {
    /// A list with nothing cached.
    pub fn new() -> Self {
        Self::default()
    }

    /// Span counts per label (schema order) of `doc`, computed once per revision.
    fn counts(&mut self, project: &Project, doc: DocId) -> &[usize] {
        self.counts
            .entry(doc)
            .or_insert_with(|| project.label_counts(doc).into_iter().map(|c| c.1).collect())
    }
}

/// The name shown for a status.
pub fn status_name(status: DocumentStatus) -> &'static str {
    match status {
        DocumentStatus::New => "New",
        DocumentStatus::InProgress => "In progress",
        DocumentStatus::Done => "Done",
    }
}

/// The status a click on the status badge moves to (New → In progress → Done → New).
pub fn next_status(status: DocumentStatus) -> DocumentStatus {
    match status {
        DocumentStatus::New => DocumentStatus::InProgress,
        DocumentStatus::InProgress => DocumentStatus::Done,
        DocumentStatus::Done => DocumentStatus::New,
    }
}

const ALL_STATUSES: [DocumentStatus; 3] = [
    DocumentStatus::New,
    DocumentStatus::InProgress,
    DocumentStatus::Done,
];

/// Shows the document list filling the available space. `revision` must change whenever the
/// project does (`History::revision`); `current` is the document open in the article view.
pub fn document_list_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut DocumentListState,
    project: &Project,
    revision: u64,
    current: Option<DocId>,
) -> Vec<PanelAction> {
    if state.revision != Some(revision) {
        state.revision = Some(revision);
        state.counts.clear();
    }
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        ui.strong(format!("Documents ({})", project.document_count()));
        if ui
            .button("Add articles…")
            .on_hover_text("Import article files into the project")
            .clicked()
        {
            actions.push(PanelAction::AddArticles);
        }
    });
    ui.separator();
    let count = project.document_count();
    if count == 0 {
        ui.weak("No documents yet.");
        return actions;
    }
    ScrollArea::vertical()
        .id_salt("document-list")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, count, |ui, rows| {
            for doc in project.documents().skip(rows.start).take(rows.len()) {
                let selected = current == Some(doc.id());
                document_row(ui, engine, state, project, doc, selected, &mut actions);
            }
        });
    actions
}

fn document_row(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut DocumentListState,
    project: &Project,
    doc: &Document,
    selected: bool,
    actions: &mut Vec<PanelAction>,
) {
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
    let title = if doc.title().is_empty() {
        "(untitled)"
    } else {
        doc.title()
    };
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, title));
    if response.clicked() {
        actions.push(PanelAction::OpenDocument(doc.id()));
    }
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, 4.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let colour = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.strong_text_color()
    };
    let inner = rect.shrink2(vec2(PADDING, 2.0));
    let title_rect = Rect::from_min_max(inner.min, inner.min + vec2(inner.width(), 26.0));
    paint_shaped(ui, engine, title, TITLE_SIZE, colour, title_rect);

    let status_rect = Rect::from_min_max(inner.min + vec2(0.0, 26.0), inner.max);
    let counts = state.counts(project, doc.id()).to_vec();
    ui.scope_builder(
        UiBuilder::new()
            .max_rect(status_rect)
            .id_salt(("document-row", doc.id().0)),
        |ui| {
            ui.horizontal_centered(|ui| {
                status_badge(ui, doc, title, actions);
                label_counts_ui(ui, project, &counts);
            });
        },
    );
}

/// The status as a small button: click for the next status, right-click to choose one.
fn status_badge(ui: &mut Ui, doc: &Document, title: &str, actions: &mut Vec<PanelAction>) {
    let status = doc.status();
    let fill = match status {
        DocumentStatus::New => ui.visuals().widgets.inactive.weak_bg_fill,
        DocumentStatus::InProgress => Color32::from_rgb(0xE6, 0x9F, 0x00).gamma_multiply(0.5),
        DocumentStatus::Done => Color32::from_rgb(0x00, 0x9E, 0x73).gamma_multiply(0.6),
    };
    let response = ui
        .add(
            Button::new(RichText::new(status_name(status)).small())
                .small()
                .fill(fill),
        )
        .on_hover_text(format!(
            "Click: mark as {}. Right-click: choose.",
            status_name(next_status(status))
        ));
    let label = format!("Status of {title}: {}", status_name(status));
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
    let set = |status| {
        PanelAction::Edit(Edit::SetDocumentStatus {
            doc: doc.id(),
            status,
        })
    };
    if response.clicked() {
        actions.push(set(next_status(status)));
    }
    response.context_menu(|ui| {
        for choice in ALL_STATUSES {
            if ui.radio(choice == status, status_name(choice)).clicked() {
                if choice != status {
                    actions.push(set(choice));
                }
                ui.close();
            }
        }
    });
}

/// A coloured dot and the count for each label used in the document.
fn label_counts_ui(ui: &mut Ui, project: &Project, counts: &[usize]) {
    if counts.iter().all(|&n| n == 0) {
        ui.weak("no spans");
        return;
    }
    for (label, &n) in project.schema().labels().iter().zip(counts) {
        if n == 0 {
            continue;
        }
        let colour = to_color32(label.colour);
        let (dot, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
        ui.painter().circle_filled(dot.center(), 4.5, colour);
        let response = ui.label(RichText::new(n.to_string()).small());
        let text = format!("{}: {n}", label.name);
        response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &text));
        response.on_hover_text(text);
        ui.add_space(4.0);
    }
}
