//! The eframe application. `IsnadApp` holds the workspace (project, history, file) and one state
//! per capability, each in its own module:
//!
//! | capability | state | module |
//! |---|---|---|
//! | reading (view, zoom, encodings) | [`Reader`] | `reader` |
//! | document list, span list, span panel | `DocumentListState`, `SpanListState`, `SpanPanelState` | `ui::*` |
//! | dialogs and windows | [`dialogs::Dialogs`] | `dialogs/` |
//! | the command queue | [`CommandQueue`] | `commands` |
//! | status-bar notices | [`Notices`] | `notices` |
//! | export, import, adding articles | `TransferJobs` | `transfer` |
//! | autosave and the log | `Autosave` | `autosave` |
//! | the file on disk changing | `DiskWatch` | `disk_watch` |
//! | recent projects | [`RecentProjects`] | `recent` |
//! | find in the article (Ctrl+F) | [`FindState`] | `find` |
//! | find in the project, tag all (Ctrl+Shift+F) | [`ProjectSearchState`] | `project_search` |
//! | settings kept between runs | [`settings::Settings`] | `settings` |
//! | file dialogs (native or in-app) | [`file_picker::FilePicker`] | `file_picker` |
//! | annotation guidelines panel | `GuidelinesPanel` | `guidelines` |
//! | suggestions (computed off the UI thread, judged with keys) | `SuggestionsState` | `suggestions`, `suggestions_accept` |
//! | comparing annotators, adjudication | `Adjudicating` | `adjudication` |
//!
//! A frame is three steps (`frame`): the logic before drawing (`logic`: shortcuts, dropped
//! files, disk watch, background work, autosave), the layout (each capability's `ui`, which only
//! sends commands), and [`IsnadApp::run_commands`] emptying the one queue.

mod adjudication;
mod adjudication_decide;
mod adjudication_view;
mod autosave;
mod commands;
mod crash;
pub mod dialogs;
mod disk_watch;
pub mod file_picker;
mod find;
mod frame;
mod guidelines;
mod linking;
mod logic;
mod notices;
mod project_files;
mod project_search;
mod project_search_tag;
mod reader;

mod gazetteer;
mod recent;
mod relabel;
mod restore;
pub mod settings;
mod suggestions;
mod suggestions_accept;
mod transfer;
mod unsaved_changes;
mod workspace;

use std::path::{Path, PathBuf};

pub use autosave::{AutosaveSettings, DEFAULT_INTERVAL, INTERVAL_ENV};
pub use commands::{AppCommand, CommandQueue};
pub use crash::{PanicSlot, install_panic_hook};
pub use dialogs::disk_change::DiskConflict;
pub use dialogs::{AfterConfirm, RestoreOffer, UserError};
pub use find::FindState;
pub use notices::{Notice, NoticeLevel, Notices};
pub use project_search::ProjectSearchState;
pub use reader::Reader;
pub use recent::RecentProjects;
pub use workspace::{Location, Workspace};

use crate::command::{Edit, UiCommand};
use crate::model::{DocId, LabelSchema, Project, SpanId};
use crate::text::TextEngine;
use crate::ui::article_view::ViewAction;
use crate::ui::{ArticleView, DocumentListState, PanelAction, SpanListState, SpanPanelState};

/// Zoom step of Ctrl+= and Ctrl+-.
const ZOOM_STEP: f32 = 1.1;

/// The Isnad app.
pub struct IsnadApp {
    engine: TextEngine,
    workspace: Workspace,
    /// The document shown, its view and zoom.
    reader: Reader,
    documents: DocumentListState,
    spans: SpanListState,
    /// The selected span's details (attributes, note, relations).
    span_panel: SpanPanelState,
    /// Every modal and window.
    dialogs: dialogs::Dialogs,
    /// Commands sent during the frame, run after it.
    commands: CommandQueue,
    /// The status bar's message.
    notices: Notices,
    /// Export, import and adding articles in the background.
    transfer: transfer::TransferJobs,
    /// Autosave to the recovery file, and the log.
    autosave: autosave::Autosave,
    /// The project file's identity on disk, to notice changes made by other programs.
    disk: disk_watch::DiskWatch,
    recent: RecentProjects,
    /// The find bar (Ctrl+F) and its hits.
    find: FindState,
    /// Find in the project (Ctrl+Shift+F): the results panel, tag all.
    project_search: ProjectSearchState,
    /// Theme, panels, window, annotator: remembered between runs.
    settings: settings::Settings,
    /// Where the settings are kept.
    settings_store: settings::SettingsStore,
    /// When the settings were last written (egui time, seconds).
    settings_written_at: f64,
    /// File dialogs: the desktop's, or the in-app one where there is none.
    files: file_picker::FilePicker,
    /// The guidelines side panel.
    guidelines: guidelines::GuidelinesPanel,
    /// The suggestions of the document shown.
    suggestions: suggestions::SuggestionsState,
    /// Comparing annotators and adjudicating into a gold project.
    adjudicating: adjudication::Adjudicating,
    /// Set once the user agreed to close with unsaved changes.
    close_confirmed: bool,
    /// The window title last sent, so it is sent only when it changes.
    window_title: String,
}

impl IsnadApp {
    /// The app with `path` open (a project, or an article in a new untitled project), or the
    /// bundled sample project when `path` is `None`. A file that cannot be opened leaves the
    /// sample open and shows why. Recent projects are kept in memory only, and file dialogs are
    /// the in-app one (tests drive it; nothing waits on a desktop dialog).
    pub fn new(ctx: &egui::Context, path: Option<&Path>) -> Self {
        Self::with_settings(
            ctx,
            path,
            settings::SettingsStore::in_memory(),
            AutosaveSettings::in_memory(),
        )
    }

    /// Like [`IsnadApp::new`], with the settings read from and written to `file` (tests: a
    /// temporary folder).
    pub fn with_settings_file(ctx: &egui::Context, path: Option<&Path>, file: PathBuf) -> Self {
        Self::with_settings(
            ctx,
            path,
            settings::SettingsStore::in_file(file),
            AutosaveSettings::in_memory(),
        )
    }

    /// The settings as they are now.
    pub fn settings(&self) -> &settings::Settings {
        &self.settings
    }

    /// The file dialogs' mode (tests; `ISNAD_FILE_DIALOG` sets it for the real app).
    pub fn set_file_dialog_mode(&mut self, mode: file_picker::DialogMode) {
        let folder = self.files.last_folder().map(Path::to_owned);
        self.files = file_picker::FilePicker::new(mode);
        self.files.set_last_folder(folder);
    }

    /// Like [`IsnadApp::new`] with these autosave settings (tests: a data folder, a log, a short
    /// interval, a panic slot).
    pub fn with_autosave(
        ctx: &egui::Context,
        path: Option<&Path>,
        autosave: AutosaveSettings,
    ) -> Self {
        Self::with_settings(ctx, path, settings::SettingsStore::in_memory(), autosave)
    }

    /// For eframe: the app created from its creation context, with the settings (and recent
    /// projects) of the user's configuration folder.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<&Path>) -> Self {
        let mut app = Self::with_settings(
            &cc.egui_ctx,
            path,
            settings::SettingsStore::for_user(),
            AutosaveSettings::for_user(),
        );
        app.set_file_dialog_mode(file_picker::DialogMode::from_env());
        app
    }

    fn with_settings(
        ctx: &egui::Context,
        path: Option<&Path>,
        mut settings_store: settings::SettingsStore,
        autosave: AutosaveSettings,
    ) -> Self {
        configure_context(ctx);
        let settings = settings_store.load();
        let recent = RecentProjects::from_paths(settings.recent.clone());
        let mut files = file_picker::FilePicker::new(file_picker::DialogMode::InApp);
        files.set_last_folder(settings.last_folder.clone());
        let mut dialogs = dialogs::Dialogs::default();
        let (project, location) = match crate::io::sample::sample_project() {
            Ok(project) => (project, Location::Sample),
            Err(err) => {
                dialogs.error.open(UserError {
                    title: "Could not open the sample project".into(),
                    message: err.to_string(),
                    offer_save_as: false,
                });
                (Project::new(LabelSchema::default()), Location::Untitled)
            }
        };
        let mut app = Self {
            engine: TextEngine::new(),
            workspace: Workspace::new(project, location),
            reader: Reader::default(),
            documents: DocumentListState::new(),
            spans: SpanListState::new(),
            span_panel: SpanPanelState::new(),
            dialogs,
            commands: CommandQueue::default(),
            notices: Notices::default(),
            transfer: transfer::TransferJobs::default(),
            autosave: autosave::Autosave::new(autosave),
            disk: disk_watch::DiskWatch::default(),
            recent,
            find: FindState::default(),
            project_search: ProjectSearchState::default(),
            settings,
            settings_store,
            settings_written_at: 0.0,
            files,
            guidelines: guidelines::GuidelinesPanel::default(),
            suggestions: suggestions::SuggestionsState::default(),
            adjudicating: adjudication::Adjudicating::default(),
            close_confirmed: false,
            window_title: String::new(),
        };
        app.apply_settings(ctx);
        app.workspace.set_annotator(&app.settings.annotator);
        app.reader.show_first(app.workspace.project());
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
        self.reader.doc()
    }

    /// The text of the document shown ("" when none).
    pub fn document_text(&self) -> &str {
        self.reader.view().map_or("", ArticleView::text)
    }

    /// The encoding the shown document was decoded from, when it was added in this session.
    pub fn encoding(&self) -> Option<&str> {
        self.reader.encoding(self.current_document()?)
    }

    /// The view of the document shown.
    pub fn view(&self) -> Option<&ArticleView> {
        self.reader.view()
    }

    /// The view of the document shown, mutable (for tests and benchmarks).
    pub fn view_mut(&mut self) -> Option<&mut ArticleView> {
        self.reader.view_mut()
    }

    /// The zoom of the article text.
    pub fn zoom(&self) -> f32 {
        self.reader.zoom()
    }

    /// The text offset at the top of the article viewport: the reading position.
    pub fn reading_offset(&mut self) -> usize {
        let Some(view) = self.reader.view_mut() else {
            return 0;
        };
        let y = view.scroll_offset() + 20.0;
        view.offset_at_y(&mut self.engine, y)
    }

    /// The error being shown, if any.
    pub fn error(&self) -> Option<&UserError> {
        self.dialogs.error.error()
    }

    /// The status-bar notice, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notices.text()
    }

    /// The status-bar notice with its level, if any.
    pub fn notice_with_level(&self) -> Option<&Notice> {
        self.notices.current()
    }

    /// The question about unsaved changes being asked, if any.
    pub fn pending_confirmation(&self) -> Option<&AfterConfirm> {
        self.dialogs.confirm.pending()
    }

    /// The blocking dialog open, if any (its name): while one is, no shortcut acts.
    pub fn blocking_dialog(&self) -> Option<&'static str> {
        self.dialogs.blocking()
    }

    /// The in-app file dialog, while open (tests read its folder and listing).
    pub fn file_dialog(&self) -> Option<&dialogs::FileDialog> {
        self.dialogs.files.is_open().then_some(&self.dialogs.files)
    }

    /// Whether the label editor window is open.
    pub fn is_label_editor_open(&self) -> bool {
        self.dialogs.labels.is_open()
    }

    /// Sends a command, run after the current frame.
    pub fn request(&mut self, command: UiCommand) {
        self.commands.send(AppCommand::Ui(command));
    }

    /// Sends any command, run after the current frame (tests drive dialogs' answers this way).
    pub fn send(&mut self, command: AppCommand) {
        self.commands.send(command);
    }

    /// Shows document `doc` (keeping the zoom).
    pub fn show_document(&mut self, doc: DocId) {
        self.reader.show(self.workspace.project(), doc);
    }

    /// Replaces the open project (after the user agreed to drop unsaved changes).
    fn replace_workspace(&mut self, mut workspace: Workspace) {
        self.autosave.drop_recovery();
        workspace.set_annotator(&self.settings.annotator);
        self.workspace = workspace;
        self.adjudicating.end();
        // The lists cache rows by document id and revision, which a new workspace reuses.
        self.documents = DocumentListState::new();
        self.spans = SpanListState::new();
        self.suggestions.reset();
        self.disk = disk_watch::DiskWatch::default();
        self.dialogs.disk_change.close();
        self.reader.reset(self.workspace.project());
    }

    /// Shows an error (once: the same error already shown is not repeated) and logs it.
    fn show_error(&mut self, title: &str, message: impl ToString) {
        let error = UserError {
            title: title.to_owned(),
            message: message.to_string(),
            offer_save_as: false,
        };
        let line = format!("{}: {}", error.title, error.message);
        if self.dialogs.error.open(error) {
            self.autosave.log("error", &line);
        }
    }

    fn undo_redo(&mut self, undo: bool) {
        let from = self.workspace.revision();
        let result = if undo {
            self.workspace.undo()
        } else {
            self.workspace.redo()
        };
        match result {
            Ok(true) => {
                self.notices.clear();
                self.reader.keep_valid(self.workspace.project());
                if let Some(saved) = self.workspace.history().restored_selection().cloned() {
                    self.reader
                        .restore_selection(self.workspace.project(), &saved);
                }
                self.adjudication_history_moved(from, self.workspace.revision());
            }
            Ok(false) => self.notices.info(if undo {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            }),
            Err(err) => self.notices.warn(format!("Could not undo: {err}")),
        }
        self.reader.keep_valid(self.workspace.project());
    }

    /// Makes the selected text the whole document (one undo step), or says why not.
    fn crop_to_selection(&mut self) {
        let Some(view) = self.reader.view() else {
            return;
        };
        let edit =
            crate::command::crop_edit(self.workspace.project(), view.doc(), view.selection.range());
        let result = match edit {
            Ok(edit) => self
                .workspace
                .apply_named(edit, "crop document")
                .map_err(|e| e.to_string()),
            Err(error) => Err(error.to_string()),
        };
        match result {
            Ok(()) => self
                .notices
                .info("Cropped the document to the selection (Ctrl+Z undoes)"),
            Err(error) => self.notices.warn(format!("Not cropped: {error}")),
        }
        self.reader.keep_valid(self.workspace.project());
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
            self.notices.warn(format!("Not done: {err}"));
        }
        self.reader.keep_valid(self.workspace.project());
    }

    /// Shows the span's document, selects the span, scrolls to it and flashes it.
    pub fn reveal_span(&mut self, id: SpanId) {
        let Some(span) = self.workspace.project().span(id).cloned() else {
            return;
        };
        self.show_document(span.doc);
        if let Some(view) = self.reader.view_mut() {
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
                    if let Some(view) = self.reader.view_mut() {
                        view.select_span(Some(id));
                    }
                })
            }
            ViewAction::Relabel { span, label } => self.relabel_span(span, label),
            ViewAction::Remove(span) => self.workspace.apply(Edit::RemoveSpan(span)),
            ViewAction::MoveSpan {
                span,
                range,
                gesture,
            } => {
                let edit = Edit::SetSpanRange { id: span, range };
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
                self.notices.warn(message);
                Ok(())
            }
            ViewAction::ChooseSuggestion(key) => {
                self.choose_suggestion(key);
                Ok(())
            }
            ViewAction::AcceptSuggestion {
                range,
                proposed,
                label,
            } => {
                self.accept_suggestion_as(range, proposed, label);
                Ok(())
            }
        };
        if let Err(err) = result {
            self.notices.warn(format!("Not done: {err}"));
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
        self.store_settings(None);
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
