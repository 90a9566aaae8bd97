//! The project search panel (Ctrl+Shift+F): the query with the find bar's matching switches,
//! the search's progress with Cancel, how many hits in how many documents, the buttons that check
//! hits and tag them, and the results list ([`super::search_results`]). It edits the query, the
//! options and the list's view state, and reports the rest as [`SearchPanelAction`]s.

use std::ops::Range;

use egui::{Key, Ui};

use crate::lang::SearchOptions;
use crate::model::{DocId, LabelId, Project};
use crate::text::TextEngine;
use crate::ui::find_bar::search_options_ui;
use crate::ui::label_palette::label_palette_ui;
use crate::ui::search_results::{ResultsAction, ResultsList, results_list_ui};

/// What the panel shows besides the query and the list.
#[derive(Clone, Copy, Debug, Default)]
pub struct SearchPanelInfo<'a> {
    /// Documents searched and to search, while a search runs.
    pub running: Option<(usize, usize)>,
    /// Why the query cannot be searched.
    pub error: Option<&'a str>,
    /// A line about the last search ("27 hits in 3 documents", "cancelled after …").
    pub summary: Option<&'a str>,
    /// The label of the span searched "like this": its button tags every hit.
    pub like_label: Option<(&'a LabelId, &'a str)>,
    /// Put the keyboard in the query field.
    pub focus_query: bool,
}

/// What the user asked the panel for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchPanelAction {
    /// Search the project for the query (Enter, the Search button).
    Search,
    /// Stop the search running.
    Cancel,
    /// Hide the panel (the results are kept).
    Close,
    /// Show the document at the hit.
    Open(DocId, Range<usize>),
    /// Tag the checked hits (or the cursor's) with the label.
    Tag(LabelId),
    /// Check every hit, then tag them all with the label.
    TagAll(LabelId),
}

/// The panel. `list` is the last search's results, if any.
pub fn search_panel_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    project: &Project,
    query: &mut String,
    options: &mut SearchOptions,
    list: Option<&mut ResultsList>,
    info: &SearchPanelInfo<'_>,
) -> Vec<SearchPanelAction> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label("Find in project:");
        let field = ui.add(
            egui::TextEdit::singleline(query)
                .hint_text("word or phrase")
                .desired_width(220.0),
        );
        if info.focus_query {
            field.request_focus();
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            actions.push(SearchPanelAction::Search);
        }
        if (field.has_focus() || field.lost_focus())
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape))
        {
            actions.push(SearchPanelAction::Close);
        }
        match info.running {
            Some((done, total)) => {
                let fraction = if total == 0 {
                    1.0
                } else {
                    done as f32 / total as f32
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(140.0)
                        .text(format!("{done} of {total} documents")),
                );
                if ui.button("Cancel").clicked() {
                    actions.push(SearchPanelAction::Cancel);
                }
            }
            None => {
                if ui
                    .button("Search")
                    .on_hover_text("Search every document (Enter)")
                    .clicked()
                {
                    actions.push(SearchPanelAction::Search);
                }
            }
        }
        search_options_ui(ui, options);
        if ui
            .button("Close")
            .on_hover_text("Hide the results (Esc)")
            .clicked()
        {
            actions.push(SearchPanelAction::Close);
        }
    });
    if let Some(error) = info.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let Some(list) = list else {
        // Keep the panel's height while there is no list (it remembers the size it used).
        ui.allocate_space(ui.available_size());
        return actions;
    };
    ui.horizontal_wrapped(|ui| {
        if let Some(summary) = info.summary {
            ui.label(summary);
        }
        if list.total() > 0 {
            ui.label(format!("{} checked", list.checked_count()));
            if ui
                .button("Check all")
                .on_hover_text("Check every hit (Ctrl+A in the list)")
                .clicked()
            {
                list.check_all(true);
            }
            if ui.button("Uncheck all").clicked() {
                list.check_all(false);
            }
            if let Some((label, name)) = info.like_label
                && ui
                    .button(format!("Tag all as {name}"))
                    .on_hover_text("Tag every hit with the label of the span searched for")
                    .clicked()
            {
                actions.push(SearchPanelAction::TagAll(label.clone()));
            }
        }
    });
    if list.total() > 0 {
        ui.horizontal(|ui| {
            ui.label("Checked hits:");
            if let Some(label) = label_palette_ui(ui, project.schema()) {
                actions.push(SearchPanelAction::Tag(label));
            }
        });
    }
    ui.separator();
    for action in results_list_ui(ui, engine, list, project) {
        actions.push(match action {
            ResultsAction::Open(doc, hit) => SearchPanelAction::Open(doc, hit),
            ResultsAction::Tag(label) => SearchPanelAction::Tag(label),
        });
    }
    actions
}
