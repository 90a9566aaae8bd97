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
        self.documents_panel(ui);
        self.spans_panel(ui);
        self.article(ui);
        self.windows(&ctx);
        self.run_commands(&ctx);
        self.after_frame(&ctx);
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        let history = self.workspace.history();
        let info = MenuInfo {
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
                    zoom,
                },
            );
        });
    }

    fn documents_panel(&mut self, ui: &mut egui::Ui) {
        let revision = self.workspace.revision();
        let current = self.current_document();
        let mut actions = Vec::new();
        egui::Panel::left("documents")
            .default_size(260.0)
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
        self.commands
            .extend(actions.into_iter().map(AppCommand::Panel));
    }

    fn spans_panel(&mut self, ui: &mut egui::Ui) {
        let Some(doc) = self.current_document() else {
            return;
        };
        let revision = self.workspace.revision();
        let selected = self.reader.view().and_then(ArticleView::selected_span);
        let mut actions = Vec::new();
        egui::Panel::right("spans")
            .default_size(300.0)
            .resizable(true)
            .show(ui, |ui| {
                actions = span_panel_ui(
                    ui,
                    &mut self.engine,
                    &mut self.span_panel,
                    self.workspace.project(),
                    revision,
                    selected,
                );
                if selected.is_some() {
                    ui.separator();
                }
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
    }
}
