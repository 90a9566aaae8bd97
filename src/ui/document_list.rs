//! The document list: every document of the project with its title (shaped: titles are Arabic),
//! its annotation status, its span count per label and how far into the text its spans reach. The
//! list can be filtered by status and by title text (with the one Arabic folding of
//! [`crate::lang::fold`]: ignoring case, harakat, tatweel, alef forms, ى/ي, ة/ه and the script of
//! digits). Only the
//! visible rows are built, the filtered list is computed once per project revision and filter, and
//! row facts once per revision for the rows shown, so thousands of documents scroll smoothly.

use std::collections::HashMap;

use egui::{
    Button, Color32, Rect, RichText, Role, ScrollArea, Sense, Ui, UiBuilder, WidgetInfo, vec2,
};

use crate::command::Edit;
use crate::lang::fold::{FoldOptions, fold};
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

/// What a row shows besides the title, computed once per revision.
#[derive(Clone, Debug, Default)]
struct RowFacts {
    /// Span count per label (schema order).
    counts: Vec<usize>,
    /// How far into the text the spans reach (the last span end over the text length, 0 to 1).
    reached: f32,
}

/// View state of the document list: the filters, the documents they let through and the facts
/// of the rows shown, for one project revision.
#[derive(Debug, Default)]
pub struct DocumentListState {
    revision: Option<u64>,
    facts: HashMap<DocId, RowFacts>,
    /// Show only documents with this status.
    pub status_filter: Option<DocumentStatus>,
    /// Show only documents whose title contains this, both folded with the default
    /// [`FoldOptions`] (every difference folded away).
    pub title_filter: String,
    /// The documents shown, and the (revision, status, title) they were computed for.
    shown: Vec<DocId>,
    shown_for: Option<(u64, Option<DocumentStatus>, String)>,
}

impl DocumentListState {
    /// A list with nothing cached.
    pub fn new() -> Self {
        Self::default()
    }

    fn facts(&mut self, project: &Project, doc: DocId) -> &RowFacts {
        self.facts.entry(doc).or_insert_with(|| {
            // Both O(labels + log spans): nothing here grows with the document on an edit.
            let len = project.document(doc).map_or(0, |d| d.text().len());
            let last_end = project.furthest_span_end(doc);
            RowFacts {
                counts: project.label_counts(doc).into_iter().map(|c| c.1).collect(),
                reached: if len == 0 {
                    0.0
                } else {
                    last_end as f32 / len as f32
                },
            }
        })
    }

    /// The documents the filters let through, in project order (recomputed only when the
    /// project or a filter changed).
    pub fn shown(&mut self, project: &Project, revision: u64) -> &[DocId] {
        let fresh = self.shown_for.as_ref().is_some_and(|(r, status, title)| {
            *r == revision && *status == self.status_filter && *title == self.title_filter
        });
        if !fresh {
            let needle = fold(&self.title_filter, FoldOptions::default());
            self.shown = project
                .documents()
                .filter(|d| self.status_filter.is_none_or(|s| d.status() == s))
                .filter(|d| {
                    needle.is_empty() || fold(d.title(), FoldOptions::default()).contains(&needle)
                })
                .map(Document::id)
                .collect();
            self.shown_for = Some((revision, self.status_filter, self.title_filter.clone()));
        }
        &self.shown
    }

    /// The document after (or before) `current` in the filtered list; the first (or last) one
    /// when `current` is not in it; `None` at the end or when nothing is shown.
    pub fn neighbour(
        &mut self,
        project: &Project,
        revision: u64,
        current: Option<DocId>,
        forward: bool,
    ) -> Option<DocId> {
        let shown = self.shown(project, revision);
        let at = current.and_then(|c| shown.iter().position(|&d| d == c));
        match (at, forward) {
            (Some(i), true) => shown.get(i + 1).copied(),
            (Some(i), false) => i.checked_sub(1).and_then(|i| shown.get(i).copied()),
            (None, true) => shown.first().copied(),
            (None, false) => shown.last().copied(),
        }
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
        state.facts.clear();
    }
    let mut actions = Vec::new();
    let total = project.document_count();
    let shown = state.shown(project, revision).len();
    ui.horizontal(|ui| {
        if shown == total {
            ui.strong(format!("Documents ({total})"));
        } else {
            ui.strong(format!("Documents ({shown} of {total})"));
        }
        if ui
            .button("Add articles…")
            .on_hover_text("Import article files into the project")
            .clicked()
        {
            actions.push(PanelAction::AddArticles);
        }
    });
    if total == 0 {
        ui.separator();
        ui.weak("No documents yet.");
        return actions;
    }
    filters_ui(ui, state);
    ui.separator();
    let shown = state.shown(project, revision).len();
    if shown == 0 {
        ui.weak("No document matches the filter.");
        return actions;
    }
    ScrollArea::vertical()
        .id_salt("document-list")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, shown, |ui, rows| {
            // Only the visible rows' ids are copied (the rows need the state mutably).
            let ids = state.shown(project, revision)[rows].to_vec();
            for id in ids {
                if let Some(doc) = project.document(id) {
                    let selected = current == Some(id);
                    document_row(ui, engine, state, project, doc, selected, &mut actions);
                }
            }
        });
    actions
}

/// The status chips and the title filter.
fn filters_ui(ui: &mut Ui, state: &mut DocumentListState) {
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut state.status_filter, None, "All");
        for status in ALL_STATUSES {
            ui.selectable_value(&mut state.status_filter, Some(status), status_name(status));
        }
    });
    ui.add(
        egui::TextEdit::singleline(&mut state.title_filter)
            .hint_text("Filter by title")
            .desired_width(f32::INFINITY),
    );
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
    let facts = state.facts(project, doc.id()).clone();
    if facts.reached > 0.0 {
        // How far into the text the annotation has got: a thin bar along the row's bottom.
        let bar = Rect::from_min_size(
            rect.left_bottom() - vec2(0.0, 3.0),
            vec2(rect.width() * facts.reached.min(1.0), 2.0),
        );
        ui.painter()
            .rect_filled(bar, 1.0, visuals.selection.bg_fill.gamma_multiply(1.6));
    }
    let counts = facts.counts;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_shown(filter: &str) -> Vec<String> {
        let mut project = Project::default();
        for title in [
            "بيان الوِزارة",
            "أخبار المدينة",
            "تقرير ٢٠٢٣",
            "Reuters عاجل",
        ] {
            let id = project.allocate_doc_id();
            let doc = Document::new(id, title, None, "نص.");
            project.insert_document(doc, Vec::new()).expect("document");
        }
        let mut state = DocumentListState::new();
        state.title_filter = filter.to_owned();
        let shown = state.shown(&project, 0).to_vec();
        shown
            .into_iter()
            .filter_map(|id| project.document(id).map(|d| d.title().to_owned()))
            .collect()
    }

    #[test]
    fn the_title_filter_uses_the_arabic_folding() {
        assert_eq!(titles_shown("الوزارة"), ["بيان الوِزارة"]);
        assert_eq!(titles_shown("اخبار المدينه"), ["أخبار المدينة"]);
        assert_eq!(titles_shown("2023"), ["تقرير ٢٠٢٣"]);
        assert_eq!(titles_shown("REUTERS"), ["Reuters عاجل"]);
        assert_eq!(
            titles_shown("ـ").len(),
            4,
            "a filter folding to nothing filters nothing"
        );
        assert!(titles_shown("الطقس").is_empty());
    }
}
