//! The one command queue: menus, shortcuts, panels, the article view, dialogs' answers and
//! dropped files all send typed commands into it during the frame; [`IsnadApp::run_commands`]
//! empties it after the frame, in one place, and reports what went wrong once, as a notice with
//! a level or an error window.

use std::path::PathBuf;

use super::IsnadApp;
use super::dialogs::{AfterConfirm, ErrorAnswer, HelpPage, SettingsAnswer};
use super::file_picker::{FilePurpose, PickKind};
use crate::command::UiCommand;
use crate::ui::PanelAction;
use crate::ui::article_view::ViewAction;
use crate::ui::disk_change::DiskChoice;
use crate::ui::export_dialog::ExportDialogAnswer;
use crate::ui::guidelines::GuidelinesAnswer;
use crate::ui::import_dialog::ImportDialogAnswer;
use crate::ui::relation_picker::PickerOutcome;
use crate::ui::restore_offer::RestoreChoice;
use crate::ui::search_panel::SearchPanelAction;

/// Something the user asked for, run after the frame.
#[derive(Clone, Debug)]
pub enum AppCommand {
    /// A menu entry or a shortcut.
    Ui(UiCommand),
    /// Open this project (asks first about unsaved changes): a recent project, a dropped one.
    OpenProject(PathBuf),
    /// Files dropped on the window: projects open, articles are added.
    Dropped(Vec<PathBuf>),
    /// An annotation change asked for in the article view.
    View(ViewAction),
    /// A request from a side panel or the label editor.
    Panel(PanelAction),
    /// The error window's answer.
    Error(ErrorAnswer),
    /// The answer about unsaved changes: save first, discard, or cancel (`None`).
    Confirm(Option<bool>),
    /// The answer to the restore offer.
    Restore(RestoreChoice),
    /// The answer about the file changed on disk.
    Disk(DiskChoice),
    /// The answer of the relation picker.
    Picker(PickerOutcome),
    /// The answer to "Remove relations?" before a relabelling (`None`: cancelled).
    Relabel(Option<super::dialogs::PendingRelabel>),
    /// The export window's answer.
    Export(ExportDialogAnswer),
    /// The import window's answer.
    Import(ImportDialogAnswer),
    /// A change asked for in the settings window.
    Settings(SettingsAnswer),
    /// Files or a folder picked in a file dialog (the desktop's or the in-app one), and what for.
    FilesPicked(FilePurpose, PickKind, Vec<PathBuf>),
    /// The guidelines panel's answer.
    Guidelines(GuidelinesAnswer),
    /// A request from the project search panel.
    ProjectSearch(SearchPanelAction),
}

/// Commands sent during the frame, in order.
#[derive(Default)]
pub struct CommandQueue {
    queue: Vec<AppCommand>,
}

impl CommandQueue {
    /// Sends a command.
    pub fn send(&mut self, command: AppCommand) {
        self.queue.push(command);
    }

    /// Sends several commands.
    pub fn extend(&mut self, commands: impl IntoIterator<Item = AppCommand>) {
        self.queue.extend(commands);
    }

    /// Takes every command sent so far.
    fn take(&mut self) -> Vec<AppCommand> {
        std::mem::take(&mut self.queue)
    }
}

/// Rounds of commands sending commands, at most (a guard against a loop).
const MAX_ROUNDS: usize = 8;

impl IsnadApp {
    /// Runs every command sent, including those sent while running them.
    pub(super) fn run_commands(&mut self, ctx: &egui::Context) {
        for _ in 0..MAX_ROUNDS {
            let commands = self.commands.take();
            if commands.is_empty() {
                return;
            }
            // The history records the selection each change was made with.
            self.workspace.set_selection(self.reader.saved_selection());
            for command in commands {
                self.execute(ctx, command);
            }
        }
    }

    fn execute(&mut self, ctx: &egui::Context, command: AppCommand) {
        match command {
            AppCommand::Ui(command) => self.run_ui_command(ctx, command),
            AppCommand::OpenProject(path) => self.confirm_then(AfterConfirm::Open(path)),
            AppCommand::Dropped(paths) => self.open_dropped(paths),
            AppCommand::View(action) => self.run_view_action(action),
            AppCommand::Panel(action) => self.run_panel_action(action),
            AppCommand::Error(ErrorAnswer::SaveAs) => self.save_as_dialog(None),
            AppCommand::Error(ErrorAnswer::Dismiss) => {}
            AppCommand::Confirm(answer) => self.answer_confirmation(ctx, answer),
            AppCommand::Restore(choice) => self.answer_restore_offer(choice),
            AppCommand::Disk(choice) => self.answer_disk_change(choice),
            AppCommand::Picker(outcome) => self.answer_relation_picker(outcome),
            AppCommand::Relabel(answer) => self.answer_relabel(answer),
            AppCommand::Export(answer) => self.answer_export_window(answer),
            AppCommand::Import(answer) => self.answer_import_window(answer),
            AppCommand::Settings(answer) => self.answer_settings(ctx, answer),
            AppCommand::FilesPicked(purpose, kind, paths) => {
                self.answer_files_picked(ctx, purpose, kind, paths)
            }
            AppCommand::Guidelines(answer) => self.answer_guidelines(answer),
            AppCommand::ProjectSearch(action) => self.run_search_action(ctx, action),
        }
    }

    fn run_ui_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::NewProject => self.confirm_then(AfterConfirm::NewProject),
            UiCommand::OpenProject => self.confirm_then(AfterConfirm::OpenDialog),
            UiCommand::Save => {
                self.save();
            }
            UiCommand::SaveAs => self.save_as_dialog(None),
            UiCommand::AddArticles => self.add_articles_dialog(),
            UiCommand::AddFolder => self.add_folder_dialog(),
            UiCommand::Export => self.open_export_dialog(),
            UiCommand::ImportAnnotations => self.open_import_dialog(),
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::Undo => self.undo_redo(true),
            UiCommand::Redo => self.undo_redo(false),
            UiCommand::Copy => {
                if let Some(view) = self.reader.view() {
                    let text = view.selected_text();
                    if !text.is_empty() {
                        ctx.copy_text(text.to_owned());
                    }
                }
            }
            UiCommand::SelectAll => {
                if !self.project_search.check_all_if_focused(ctx)
                    && let Some(view) = self.reader.view_mut()
                {
                    view.select_all();
                }
            }
            UiCommand::DeleteSpan => {
                if let Some(span) = self.reader.view().and_then(|v| v.selected_span()) {
                    self.run_view_action(ViewAction::Remove(span));
                }
            }
            UiCommand::LinkSpan => self.start_linking(),
            UiCommand::EditLabels => self.dialogs.labels.open(),
            UiCommand::CropToSelection => self.crop_to_selection(),
            UiCommand::Find => self.find_command(None),
            UiCommand::FindNext => self.find_command(Some(true)),
            UiCommand::FindPrevious => self.find_command(Some(false)),
            UiCommand::FindInProject => self.project_search.open(),
            UiCommand::TagAllLikeThis => self.tag_all_like_this(ctx),
            UiCommand::NextDocument => self.step_document(true),
            UiCommand::PreviousDocument => self.step_document(false),
            UiCommand::ZoomIn => self.reader.set_zoom(self.reader.zoom() * super::ZOOM_STEP),
            UiCommand::ZoomOut => self.reader.set_zoom(self.reader.zoom() / super::ZOOM_STEP),
            UiCommand::ZoomReset => self.reader.set_zoom(1.0),
            UiCommand::Settings => self.dialogs.settings.open(&self.settings),
            UiCommand::ToggleDocuments => {
                self.settings.show_documents = !self.settings.show_documents;
            }
            UiCommand::ToggleSpans => self.settings.show_spans = !self.settings.show_spans,
            UiCommand::KeyboardShortcuts => self.dialogs.help.open(HelpPage::Shortcuts),
            UiCommand::GettingStarted => self.dialogs.help.open(HelpPage::GettingStarted),
            UiCommand::ToggleGuidelines => self.guidelines.toggle(),
            UiCommand::ShowStatistics => self.dialogs.statistics.open(),
            UiCommand::NextSuggestion
            | UiCommand::PreviousSuggestion
            | UiCommand::AcceptSuggestion
            | UiCommand::RejectSuggestion
            | UiCommand::AcceptAllSuggestions
            | UiCommand::UseGazetteer
            | UiCommand::ToggleSuggestions => self.run_suggestion_command(command),
            UiCommand::CompareAnnotators
            | UiCommand::TakeA
            | UiCommand::TakeB
            | UiCommand::TakeBoth
            | UiCommand::TakeNeither
            | UiCommand::TakeMajority
            | UiCommand::TakeAlternative1
            | UiCommand::TakeAlternative2
            | UiCommand::TakeAlternative3
            | UiCommand::TakeAlternative4
            | UiCommand::TakeAlternative5
            | UiCommand::TakeAlternative6
            | UiCommand::TakeAlternative7
            | UiCommand::TakeAlternative8
            | UiCommand::TakeAlternative9
            | UiCommand::NextDisagreement
            | UiCommand::PreviousDisagreement
            | UiCommand::ShowAgreement => self.run_adjudication_command(command),
        }
    }

    /// Dropped files: a project replaces the open one (after asking about unsaved changes);
    /// articles are read in the background and added.
    fn open_dropped(&mut self, paths: Vec<PathBuf>) {
        let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = paths
            .into_iter()
            .partition(|path| super::project_files::is_project_path(path));
        for path in projects {
            self.confirm_then(AfterConfirm::Open(path));
        }
        if !articles.is_empty() {
            if self.is_transfer_running() {
                self.notices
                    .warn("Busy: drop the files again when the current work is done");
            } else {
                self.start_adding_articles(articles);
            }
        }
    }
}
