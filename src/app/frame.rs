//! One frame: the logic before drawing, the layout (every capability's `ui`, which only sends
//! commands), then the one command queue emptied.

use super::{AppCommand, IsnadApp};
use crate::ui::article_view::ViewAction;
use crate::ui::label_palette::label_palette_ui;
use crate::ui::menu_bar::{MenuChoice, MenuInfo, menu_bar_ui};
use crate::ui::status_bar::{StatusInfo, status_bar_ui};
use crate::ui::{ArticleView, document_list_ui, span_list_ui, span_panel_ui};

impl IsnadApp {
    /// One frame of the whole UI (also what tests and benchmarks drive).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.before_frame(&ctx);
        // The relation picker first, so its keys (1–9, arrows, Enter, Esc) reach it first.
        if let Some(outcome) = self.dialogs.picker.ui(&ctx, self.workspace.project()) {
            self.commands.send(AppCommand::Picker(outcome));
        }
        self.menu_bar(ui);
        self.status_bar(ui);
        self.project_search_panel(ui);
        self.adjudication_ui(ui);
        self.documents_panel(ui);
        self.spans_panel(ui);
        self.guidelines_panel(ui);
        self.article(ui);
        self.windows(&ctx);
        self.run_commands(&ctx);
        self.after_frame(&ctx);
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let history = self.workspace.history();
        let info = MenuInfo {
            documents_shown: self.settings.show_documents,
            spans_shown: self.settings.show_spans,
            suggestions_shown: self.settings.show_suggestions,
            recent: self.recent.paths(),
            undo: history.undo_name(),
            redo: history.redo_name(),
        };
        egui::Panel::top("menu").show(ui, |ui| match menu_bar_ui(ui, &info) {
            Some(MenuChoice::Command(command)) => self.commands.send(AppCommand::Ui(command)),
            Some(MenuChoice::OpenRecent(path)) => self.commands.send(AppCommand::OpenProject(path)),
            None => {}
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let zoom = self.reader.zoom();
        let selection = self
            .reader
            .view_mut()
            .filter(|v| !v.selection.is_empty())
            .map(ArticleView::selection_in_code_points);
        let doc = self.current_document();
        let link_prompt = self.link_prompt();
        let project = self.workspace.project();
        egui::Panel::bottom("status").show(ui, |ui| {
            status_bar_ui(
                ui,
                &StatusInfo {
                    encoding: doc.and_then(|d| self.reader.encoding(d)),
                    spans: doc.map_or(0, |d| project.spans_of(d).len()),
                    selection,
                    notice: link_prompt.as_deref().or(self.notices.text()),
                    notice_is_warning: link_prompt.is_none()
                        && self
                            .notices
                            .current()
                            .is_some_and(|n| n.level >= super::NoticeLevel::Warning),
                    zoom,
                    selected: ArticleView::status(self.reader.view(), project, &mut self.engine),
                },
            );
        });
    }

    fn documents_panel(&mut self, ui: &mut egui::Ui) {
        let revision = self.workspace.revision();
        let current = self.current_document();
        let mut actions = Vec::new();
        if !self.settings.show_documents {
            return;
        }
        let response = egui::Panel::left("documents")
            .default_size(self.settings.documents_width)
            .min_size(120.0)
            .max_size(side_panel_max(ui))
            .resizable(true)
            .show(ui, |ui| {
                ui.heading("Documents");
                actions = document_list_ui(
                    ui,
                    &mut self.engine,
                    &mut self.documents,
                    self.workspace.project(),
                    revision,
                    current,
                );
            });
        self.settings.documents_width = response.response.rect.width();
        self.commands
            .extend(actions.into_iter().map(AppCommand::Panel));
    }

    fn spans_panel(&mut self, ui: &mut egui::Ui) {
        let Some(doc) = self.current_document() else {
            return;
        };
        if !self.settings.show_spans {
            return;
        }
        let revision = self.workspace.revision();
        let selected = self.reader.view().and_then(ArticleView::selected_span);
        let mut actions = Vec::new();
        let response = egui::Panel::right("spans")
            .default_size(self.settings.spans_width)
            .min_size(160.0)
            .max_size(side_panel_max(ui))
            .resizable(true)
            .show(ui, |ui| {
                // The selected span's details sit below the list, so selecting a span (or its
                // details growing) never moves the rows under the pointer.
                let project = self.workspace.project();
                // As tall as the details need (measured last frame, plus the panel's margins), at
                // most half the side panel (measured before the details take their part of it);
                // the details scroll past that.
                let max_height = ui.available_height() * 0.5;
                let margins = egui::Frame::side_top_panel(ui.style())
                    .total_margin()
                    .sum()
                    .y;
                let details_height = (self.span_panel.natural_height() + margins).min(max_height);
                let mut details = |ui: &mut egui::Ui| {
                    span_panel_ui(
                        ui,
                        &mut self.engine,
                        &mut self.span_panel,
                        project,
                        revision,
                        selected,
                        max_height,
                    )
                };
                actions = if selected.is_some_and(|id| project.span(id).is_some()) {
                    egui::Panel::bottom("span-details")
                        .resizable(false)
                        .exact_size(details_height)
                        .show(ui, details)
                        .inner
                } else {
                    details(ui)
                };
                self.suggestions_section(ui);
                ui.heading("Spans");
                actions.extend(span_list_ui(
                    ui,
                    &mut self.engine,
                    &mut self.spans,
                    self.workspace.project(),
                    doc,
                    revision,
                    selected,
                ));
            });
        self.settings.spans_width = response.response.rect.width();
        self.commands
            .extend(actions.into_iter().map(AppCommand::Panel));
    }

    fn article(&mut self, ui: &mut egui::Ui) {
        let accept_keys = self.dialogs.blocking().is_none();
        let mut actions: Vec<ViewAction> = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
            .show(ui, |ui| {
                let project = self.workspace.project();
                self.find.show(ui, &mut self.reader);
                let Some(view) = self.reader.view_mut() else {
                    ui.centered_and_justified(|ui| {
                        ui.label("This project has no articles yet: File › Add articles…");
                    });
                    return;
                };
                view.accept_keys(accept_keys);
                egui::Panel::top("labels").show(ui, |ui| {
                    if let Some(label) = label_palette_ui(ui, project.schema()) {
                        actions.push(view.label_action(&label));
                    }
                });
                let title = project.document(view.doc()).map_or("", |d| d.title());
                let label = format!("Article: {title}");
                actions.extend(view.show(ui, &mut self.engine, project, &label));
            });
        self.commands
            .extend(actions.into_iter().map(AppCommand::View));
    }

    /// The windows and modals, each owning its state; their answers go to the queue.
    fn windows(&mut self, ctx: &egui::Context) {
        let project = self.workspace.project();
        let label_actions = self.dialogs.labels.ui(ctx, project);
        self.commands
            .extend(label_actions.into_iter().map(AppCommand::Panel));
        if let Some(answer) = self.dialogs.export.ui(ctx, self.reader.doc()) {
            self.commands.send(AppCommand::Export(answer));
        }
        if let Some(answer) = self.dialogs.import.ui(ctx) {
            self.commands.send(AppCommand::Import(answer));
        }
        let revision = self.workspace.revision();
        let project = self.workspace.project();
        self.dialogs
            .statistics
            .ui(ctx, &mut self.engine, project, revision);
        self.dialogs.progress.ui(ctx);
        self.dialogs.report.ui(ctx, &mut self.engine);
        if let Some(answer) = self.dialogs.error.ui(ctx) {
            self.commands.send(AppCommand::Error(answer));
        }
        let name = self.workspace.display_name();
        if let Some(answer) = self.dialogs.confirm.ui(ctx, &name) {
            self.commands.send(AppCommand::Confirm(answer));
        }
        if let Some(choice) = self.dialogs.restore.ui(ctx, &mut self.engine) {
            self.commands.send(AppCommand::Restore(choice));
        }
        if let Some(choice) = self.dialogs.disk_change.ui(ctx, name) {
            self.commands.send(AppCommand::Disk(choice));
        }
        self.dialogs.help.ui(ctx);
        let file = self.settings_store.file();
        let answers = self.dialogs.settings.ui(ctx, &self.settings, file);
        self.commands
            .extend(answers.into_iter().map(AppCommand::Settings));
        if let Some(super::dialogs::FileDialogAnswer::Picked(purpose, kind, paths)) =
            self.dialogs.files.ui(ctx)
        {
            self.commands
                .send(AppCommand::FilesPicked(purpose, kind, paths));
        }
        if let Some(answer) = self.dialogs.relabel.ui(ctx) {
            self.commands.send(AppCommand::Relabel(answer));
        }
    }
}

/// The widest a side panel may be: the article keeps at least [`MIN_ARTICLE_WIDTH`] (the
/// window's width shared by the two panels), never below the panel's own minimum.
fn side_panel_max(ui: &egui::Ui) -> f32 {
    let width = ui.ctx().content_rect().width();
    ((width - MIN_ARTICLE_WIDTH) / 2.0).max(160.0)
}

/// The narrowest the article gets while the side panels are shown, in points.
pub const MIN_ARTICLE_WIDTH: f32 = 320.0;
