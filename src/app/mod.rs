//! The eframe application: owns the workspace (project, history, file), the text engine and the
//! view state; runs the commands and edits the UI recorded once the frame is built.

mod autosave;
mod crash;
mod dialogs;
mod disk_watch;
mod linking;
mod project_files;
mod recent;
mod restore;
mod transfer;
mod workspace;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use autosave::{AutosaveSettings, DEFAULT_INTERVAL, INTERVAL_ENV};
pub use crash::{PanicSlot, install_panic_hook};
pub use dialogs::AfterConfirm;
pub use disk_watch::DiskConflict;
pub use recent::RecentProjects;
pub use restore::RestoreOffer;
pub use workspace::{Location, Workspace};

use crate::command::UiCommand;
use crate::model::{DocId, LabelSchema, Project};
use crate::text::TextEngine;
use crate::ui::article_view::ViewAction;
use crate::ui::label_palette::label_palette_ui;
use crate::ui::menu_bar::{MenuChoice, menu_bar_ui};
use crate::ui::status_bar::{StatusInfo, status_bar_ui};
use crate::ui::{
    ArticleView, DocumentListState, LabelEditorState, PanelAction, SpanListState, SpanPanelState,
    document_list_ui, label_editor_ui, span_list_ui, span_panel_ui,
};

/// Zoom step of Ctrl+= and Ctrl+-.
const ZOOM_STEP: f32 = 1.1;

/// A message for the user: what failed and why (the why names the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserError {
    /// What could not be done ("Could not open the project").
    pub title: String,
    /// Why, in words a user understands, with the file path.
    pub message: String,
    /// Whether the error window offers Save As (a save failed).
    pub offer_save_as: bool,
}

/// The Isnad app.
pub struct IsnadApp {
    engine: TextEngine,
    workspace: Workspace,
    /// The view of the current document (none when the project has no documents).
    view: Option<ArticleView>,
    /// Zoom kept across documents.
    zoom: f32,
    /// The encoding each article added in this session was decoded from.
    encodings: HashMap<DocId, String>,
    /// A short message for the status bar (why nothing was tagged, what was saved).
    notice: Option<String>,
    /// An error to show the user (one at a time; the newest wins).
    error: Option<UserError>,
    /// An action waiting for the user's answer about unsaved changes.
    confirm: Option<AfterConfirm>,
    /// Commands recorded during the frame, run after it.
    pending: Vec<UiCommand>,
    /// Files to open after the frame (a recent project, dropped files).
    pending_open: Vec<PathBuf>,
    recent: RecentProjects,
    documents: DocumentListState,
    spans: SpanListState,
    /// The selected span's details (attributes, note, relations).
    span_panel: SpanPanelState,
    labels: LabelEditorState,
    /// Whether the label editor window is open.
    label_editor_open: bool,
    /// Set once the user agreed to close with unsaved changes.
    close_confirmed: bool,
    /// The window title last sent, so it is sent only when it changes.
    window_title: String,
    /// Export and import windows and work.
    transfer: transfer::TransferState,
    /// Autosave to the recovery file, and the log.
    autosave: autosave::Autosave,
    /// A recovery file offered to the user.
    restore: Option<RestoreOffer>,
    /// The project file's identity on disk, to notice changes made by other programs.
    disk: disk_watch::DiskWatch,
    /// The question "which relation?" when several fit two spans being linked.
    picker: Option<crate::ui::relation_picker::RelationPicker>,
}

impl IsnadApp {
    /// The app with `path` open (a project, or an article in a new untitled project), or the
    /// bundled sample project when `path` is `None`. A file that cannot be opened leaves the
    /// sample open and shows why. Recent projects are kept in memory only.
    pub fn new(ctx: &egui::Context, path: Option<&Path>) -> Self {
        Self::with_settings(
            ctx,
            path,
            RecentProjects::in_memory(),
            AutosaveSettings::in_memory(),
        )
    }

    /// Like [`IsnadApp::new`] with these autosave settings (tests: a data folder, a log, a short
    /// interval, a panic slot).
    pub fn with_autosave(
        ctx: &egui::Context,
        path: Option<&Path>,
        autosave: AutosaveSettings,
    ) -> Self {
        Self::with_settings(ctx, path, RecentProjects::in_memory(), autosave)
    }

    /// For eframe: the app created from its creation context, remembering recent projects in the
    /// user's configuration folder.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<&Path>) -> Self {
        Self::with_settings(
            &cc.egui_ctx,
            path,
            RecentProjects::for_user(),
            AutosaveSettings::for_user(),
        )
    }

    fn with_settings(
        ctx: &egui::Context,
        path: Option<&Path>,
        recent: RecentProjects,
        autosave: AutosaveSettings,
    ) -> Self {
        configure_context(ctx);
        let (project, location, error) = match crate::io::sample::sample_project() {
            Ok(project) => (project, Location::Sample, None),
            Err(err) => (
                Project::new(LabelSchema::default()),
                Location::Untitled,
                Some(UserError {
                    title: "Could not open the sample project".into(),
                    message: err.to_string(),
                    offer_save_as: false,
                }),
            ),
        };
        let mut app = Self {
            engine: TextEngine::new(),
            workspace: Workspace::new(project, location),
            view: None,
            zoom: 1.0,
            encodings: HashMap::new(),
            notice: None,
            error,
            confirm: None,
            pending: Vec::new(),
            pending_open: Vec::new(),
            recent,
            documents: DocumentListState::new(),
            spans: SpanListState::new(),
            span_panel: SpanPanelState::new(),
            labels: LabelEditorState::new(),
            label_editor_open: false,
            close_confirmed: false,
            window_title: String::new(),
            transfer: transfer::TransferState::default(),
            autosave: autosave::Autosave::new(autosave),
            restore: None,
            disk: disk_watch::DiskWatch::default(),
            picker: None,
        };
        app.show_first_document();
        if let Some(path) = path {
            if project_files::is_project_path(path) {
                app.open_project(path);
            } else {
                app.replace_workspace(Workspace::new(
                    Project::new(LabelSchema::default()),
                    Location::Untitled,
                ));
                app.add_articles(&[path.to_owned()]);
            }
        } else {
            app.offer_unsaved_recovery();
        }
        app
    }

    /// The workspace: project, history and file.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The project.
    pub fn project(&self) -> &Project {
        self.workspace.project()
    }

    /// The document shown.
    pub fn current_document(&self) -> Option<DocId> {
        self.view.as_ref().map(ArticleView::doc)
    }

    /// The text of the document shown ("" when none).
    pub fn document_text(&self) -> &str {
        self.view.as_ref().map_or("", ArticleView::text)
    }

    /// The encoding the shown document was decoded from, when it was added in this session.
    pub fn encoding(&self) -> Option<&str> {
        let doc = self.current_document()?;
        self.encodings.get(&doc).map(String::as_str)
    }

    /// The view of the document shown.
    pub fn view(&self) -> Option<&ArticleView> {
        self.view.as_ref()
    }

    /// The view of the document shown, mutable (for tests and benchmarks).
    pub fn view_mut(&mut self) -> Option<&mut ArticleView> {
        self.view.as_mut()
    }

    /// The text offset at the top of the article viewport: the reading position.
    pub fn reading_offset(&mut self) -> usize {
        let Some(view) = self.view.as_mut() else {
            return 0;
        };
        let y = view.scroll_offset() + 20.0;
        view.offset_at_y(&mut self.engine, y)
    }

    /// The error being shown, if any.
    pub fn error(&self) -> Option<&UserError> {
        self.error.as_ref()
    }

    /// The status-bar notice, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// The question about unsaved changes being asked, if any.
    pub fn pending_confirmation(&self) -> Option<&AfterConfirm> {
        self.confirm.as_ref()
    }

    /// Records a command, run after the current frame.
    pub fn request(&mut self, command: UiCommand) {
        self.pending.push(command);
    }

    /// Shows document `doc` (keeping the zoom).
    pub fn show_document(&mut self, doc: DocId) {
        if self.current_document() == Some(doc) {
            return;
        }
        if let Some(document) = self.workspace.project().document(doc) {
            let mut view = ArticleView::new(doc, document.shared_text());
            view.set_zoom(self.zoom);
            self.view = Some(view);
        }
    }

    fn show_first_document(&mut self) {
        self.view = None;
        let first = self.workspace.project().documents().next().map(|d| d.id());
        if let Some(doc) = first {
            self.show_document(doc);
        }
    }

    /// Replaces the open project (after the user agreed to drop unsaved changes).
    fn replace_workspace(&mut self, workspace: Workspace) {
        self.autosave.drop_recovery();
        self.workspace = workspace;
        self.disk = disk_watch::DiskWatch::default();
        self.encodings.clear();
        self.show_first_document();
    }

    /// Shows an error (once: the same error already shown is not repeated) and logs it.
    fn show_error(&mut self, title: &str, message: impl ToString) {
        let error = UserError {
            title: title.to_owned(),
            message: message.to_string(),
            offer_save_as: false,
        };
        if self.error.as_ref() != Some(&error) {
            self.autosave
                .log("error", &format!("{}: {}", error.title, error.message));
            self.error = Some(error);
        }
    }

    fn run(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewProject => self.confirm_then(AfterConfirm::NewProject),
            UiCommand::OpenProject => self.confirm_then(AfterConfirm::OpenDialog),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => {
                self.save_as_dialog();
            }
            UiCommand::AddArticles => self.add_articles_dialog(),
            UiCommand::AddFolder => self.add_folder_dialog(),
            UiCommand::Export => self.open_export_dialog(),
            UiCommand::ImportAnnotations => self.open_import_dialog(),
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::Undo => self.undo_redo(true),
            UiCommand::Redo => self.undo_redo(false),
            UiCommand::Copy => {
                if let Some(view) = &self.view {
                    let text = view.selected_text();
                    if !text.is_empty() {
                        ctx.copy_text(text.to_owned());
                    }
                }
            }
            UiCommand::SelectAll => {
                if let Some(view) = &mut self.view {
                    view.select_all();
                }
            }
            UiCommand::DeleteSpan => {
                if let Some(span) = self.view.as_ref().and_then(ArticleView::selected_span) {
                    self.run_view_action(ViewAction::Remove(span));
                }
            }
            UiCommand::LinkSpan => self.start_linking(),
            UiCommand::EditLabels => self.label_editor_open = true,
            UiCommand::CropToSelection => self.crop_to_selection(),
            UiCommand::NextDocument => self.step_document(true),
            UiCommand::PreviousDocument => self.step_document(false),
            UiCommand::ZoomIn => self.set_zoom(self.zoom * ZOOM_STEP),
            UiCommand::ZoomOut => self.set_zoom(self.zoom / ZOOM_STEP),
            UiCommand::ZoomReset => self.set_zoom(1.0),
        }
    }

    fn set_zoom(&mut self, zoom: f32) {
        if let Some(view) = &mut self.view {
            view.set_zoom(zoom);
            self.zoom = view.zoom();
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let result = if undo {
            self.workspace.undo()
        } else {
            self.workspace.redo()
        };
        match result {
            Ok(true) => self.notice = None,
            Ok(false) => {
                self.notice = Some(
                    if undo {
                        "Nothing to undo"
                    } else {
                        "Nothing to redo"
                    }
                    .into(),
                )
            }
            Err(err) => self.notice = Some(format!("Could not undo: {err}")),
        }
        self.keep_view_valid();
    }

    /// After an undo or redo the shown document may be gone, or have another text (a crop).
    fn keep_view_valid(&mut self) {
        let Some(view) = &self.view else {
            self.show_first_document();
            return;
        };
        let doc = view.doc();
        match self.workspace.project().document(doc) {
            None => self.show_first_document(),
            Some(document) if !std::ptr::eq(document.text(), view.text()) => {
                self.view = None;
                self.show_document(doc);
            }
            Some(_) => {}
        }
    }

    /// Makes the selected text the whole document (one undo step), or says why not.
    fn crop_to_selection(&mut self) {
        let Some(view) = &self.view else {
            return;
        };
        let edit =
            crate::command::crop_edit(self.workspace.project(), view.doc(), view.selection.range());
        let result = match edit {
            Ok(edit) => self.workspace.apply(edit).map_err(|e| e.to_string()),
            Err(error) => Err(error.to_string()),
        };
        match result {
            Ok(()) => {
                self.notice = Some("Cropped the document to the selection (Ctrl+Z undoes)".into())
            }
            Err(error) => self.notice = Some(format!("Not cropped: {error}")),
        }
        self.keep_view_valid();
    }

    /// Shows the next (or previous) document of the document list as filtered.
    fn step_document(&mut self, forward: bool) {
        let current = self.current_document();
        if let Some(doc) = self.documents.neighbour(
            self.workspace.project(),
            self.workspace.revision(),
            current,
            forward,
        ) {
            self.show_document(doc);
        }
    }

    /// Whether the label editor window is open.
    pub fn is_label_editor_open(&self) -> bool {
        self.label_editor_open
    }

    /// Applies what the user asked for in a side panel or the label editor.
    fn run_panel_action(&mut self, action: PanelAction) {
        let result = match action {
            PanelAction::OpenDocument(doc) => {
                self.show_document(doc);
                Ok(())
            }
            PanelAction::RevealSpan(id) => {
                self.reveal_span(id);
                Ok(())
            }
            PanelAction::Edit(edit) => self.workspace.apply(edit),
            PanelAction::EditMerging(edit, key) => self.workspace.apply_merging(edit, key),
            PanelAction::AddArticles => {
                self.add_articles_dialog();
                Ok(())
            }
        };
        if let Err(err) = result {
            self.notice = Some(format!("Not done: {err}"));
        }
        self.keep_view_valid();
    }

    /// Shows the span's document, selects the span, scrolls to it and flashes it.
    pub fn reveal_span(&mut self, id: crate::model::SpanId) {
        let Some(span) = self.workspace.project().span(id).cloned() else {
            return;
        };
        self.show_document(span.doc);
        if let Some(view) = &mut self.view {
            view.select_span(Some(id));
            view.reveal(span.range());
        }
    }

    /// Applies what the user asked for in the article view, through the history.
    fn run_view_action(&mut self, action: ViewAction) {
        let Some(doc) = self.current_document() else {
            return;
        };
        let result = match action {
            ViewAction::AddSpan { range, label } => {
                self.workspace.add_span(doc, range, label).map(|id| {
                    if let Some(view) = &mut self.view {
                        view.select_span(Some(id));
                    }
                })
            }
            ViewAction::Relabel { span, label } => self
                .workspace
                .apply(crate::command::Edit::RelabelSpan { id: span, label }),
            ViewAction::Remove(span) => {
                self.workspace.apply(crate::command::Edit::RemoveSpan(span))
            }
            ViewAction::MoveSpan {
                span,
                range,
                gesture,
            } => {
                let edit = crate::command::Edit::SetSpanRange { id: span, range };
                match gesture {
                    Some(key) => self.workspace.apply_merging(edit, key),
                    None => self.workspace.apply(edit),
                }
            }
            ViewAction::EndGesture => {
                self.workspace.end_gesture();
                Ok(())
            }
            ViewAction::Link { from, to } => {
                self.link_spans(from, to);
                Ok(())
            }
            ViewAction::Notice(message) => {
                self.notice = Some(message);
                Ok(())
            }
        };
        if let Err(err) = result {
            self.notice = Some(format!("Not done: {err}"));
        }
    }

    /// One frame of the whole UI (also what tests and benchmarks drive).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.relation_picker_frame(&ctx);
        if self.error.is_none()
            && self.confirm.is_none()
            && self.restore.is_none()
            && self.disk_conflict().is_none()
            && self.picker.is_none()
        {
            self.pending.extend(UiCommand::pressed(&ctx));
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        self.pending_open.extend(dropped);
        self.handle_close_request(&ctx);
        self.watch_disk(&ctx);

        egui::Panel::top("menu").show(ui, |ui| {
            let history = self.workspace.history();
            match menu_bar_ui(
                ui,
                self.recent.paths(),
                history.can_undo(),
                history.can_redo(),
            ) {
                Some(MenuChoice::Command(command)) => self.pending.push(command),
                Some(MenuChoice::OpenRecent(path)) => {
                    self.confirm_then(AfterConfirm::Open(path));
                }
                None => {}
            }
        });
        let selection = self
            .view
            .as_mut()
            .filter(|v| !v.selection.is_empty())
            .map(ArticleView::selection_in_code_points);
        let doc = self.current_document();
        let link_prompt = self.link_prompt();
        let project = self.workspace.project();
        egui::Panel::bottom("status").show(ui, |ui| {
            status_bar_ui(
                ui,
                &StatusInfo {
                    encoding: doc.and_then(|d| self.encodings.get(&d)).map(String::as_str),
                    spans: doc.map_or(0, |d| project.spans_of(d).len()),
                    selection,
                    notice: link_prompt.as_deref().or(self.notice.as_deref()),
                    zoom: self.zoom,
                    selected: ArticleView::status_of(self.view.as_ref(), project, &mut self.engine),
                },
            );
        });
        let mut panel_actions = Vec::new();
        let revision = self.workspace.revision();
        let current = self.current_document();
        egui::Panel::left("documents")
            .default_size(260.0)
            .resizable(true)
            .show(ui, |ui| {
                ui.heading("Documents");
                panel_actions.extend(document_list_ui(
                    ui,
                    &mut self.engine,
                    &mut self.documents,
                    self.workspace.project(),
                    revision,
                    current,
                ));
            });
        if let Some(doc) = current {
            let selected = self.view.as_ref().and_then(ArticleView::selected_span);
            egui::Panel::right("spans")
                .default_size(300.0)
                .resizable(true)
                .show(ui, |ui| {
                    let details = span_panel_ui(
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
                    panel_actions.extend(details);
                    ui.heading("Spans");
                    panel_actions.extend(span_list_ui(
                        ui,
                        &mut self.engine,
                        &mut self.spans,
                        self.workspace.project(),
                        doc,
                        revision,
                        selected,
                    ));
                });
        }
        if self.label_editor_open {
            let mut open = true;
            egui::Window::new("Labels")
                .open(&mut open)
                .default_width(520.0)
                .show(&ctx, |ui| {
                    panel_actions.extend(label_editor_ui(
                        ui,
                        &mut self.labels,
                        self.workspace.project(),
                    ));
                });
            self.label_editor_open = open;
        }
        let mut actions = Vec::new();
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
            .show(ui, |ui| {
                let project = self.workspace.project();
                let Some(view) = self.view.as_mut() else {
                    ui.centered_and_justified(|ui| {
                        ui.label("This project has no articles yet: File › Add articles…");
                    });
                    return;
                };
                egui::Panel::top("labels").show(ui, |ui| {
                    if let Some(label) = label_palette_ui(ui, project.schema()) {
                        actions.push(view.label_action(&label));
                    }
                });
                let title = project.document(view.doc()).map_or("", |d| d.title());
                let label = format!("Article: {title}");
                actions.extend(view.show(ui, &mut self.engine, project, &label));
            });
        for action in actions {
            self.run_view_action(action);
        }
        for action in panel_actions {
            self.run_panel_action(action);
        }
        self.transfer_ui(&ctx);
        self.error_ui(&ctx);
        self.confirm_ui(&ctx);
        self.restore_ui(&ctx);
        self.disk_change_ui(&ctx);

        for command in std::mem::take(&mut self.pending) {
            self.run(&ctx, command);
        }
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) =
            std::mem::take(&mut self.pending_open)
                .into_iter()
                .partition(|path| project_files::is_project_path(path));
        for path in projects {
            // A dropped project replaces the open one: ask first about unsaved changes.
            self.confirm_then(AfterConfirm::Open(path));
        }
        if !articles.is_empty() {
            if self.is_transfer_running() {
                self.notice =
                    Some("Busy: drop the files again when the current work is done".into());
            } else {
                self.start_adding_articles(articles);
            }
        }
        if let Some(notice) = self.autosave.tick(&ctx, &self.workspace) {
            self.notice = Some(notice);
        }
        let dirty = if self.workspace.is_dirty() {
            "• "
        } else {
            ""
        };
        let title = format!("{dirty}{} — Isnad", self.workspace.display_name());
        if self.window_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// The window title as last sent.
    pub fn window_title(&self) -> &str {
        &self.window_title
    }
}

impl eframe::App for IsnadApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.shutdown();
    }
}

impl Drop for IsnadApp {
    /// A panic unwinding through the app writes the open project to its recovery file.
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.autosave.write_while_panicking(&self.workspace);
        }
    }
}

/// Context settings the app relies on: Ctrl+= and Ctrl+- zoom the article, not the whole UI;
/// egui's own text (text fields, menus) falls back to the bundled Noto Naskh Arabic, so Arabic
/// typed into a field (a label name, the title filter) shows letters rather than boxes. egui does
/// not shape them; everything the annotator reads (articles, titles, span text) is drawn by our
/// cosmic-text engine instead.
pub fn configure_context(ctx: &egui::Context) {
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-naskh-arabic".to_owned(),
        std::sync::Arc::new(egui::FontData::from_static(
            crate::text::fonts::NASKH_REGULAR,
        )),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("noto-naskh-arabic".to_owned());
    }
    ctx.set_fonts(fonts);
}
