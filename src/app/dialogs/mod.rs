//! Every modal and window of the app, each a struct that owns its state, opens with `open(..)`
//! and shows itself with `ui(..)`, returning the user's answer (if any this frame). The app turns
//! answers into commands of its one queue. [`Dialogs::blocking`] is the one place that says
//! whether a blocking dialog is open: while one is, no shortcut and no key of the article view
//! acts behind it.

mod confirm;
pub mod disk_change;
mod error;
pub mod file_dialog;
pub mod help;
mod labels;
mod picker;
mod relabel;
pub(super) mod restore;
pub mod settings;
pub mod statistics;
mod transfer;

pub use confirm::{AfterConfirm, ConfirmDialog};
pub use disk_change::DiskChangeDialog;
pub use error::{ErrorAnswer, ErrorDialog, UserError};
pub use file_dialog::{FileDialog, FileDialogAnswer};
pub use help::{HelpPage, HelpWindow};
pub use labels::LabelEditorWindow;
pub use picker::RelationPickerDialog;
pub use relabel::{PendingRelabel, RelabelDialog};
pub use restore::{RestoreDialog, RestoreOffer};
pub use settings::{SettingsAnswer, SettingsWindow};
pub use statistics::StatisticsWindow;
pub use transfer::{ExportWindow, ImportWindow, ProgressDialog, ReportWindow};

/// The dialogs and windows of the app.
#[derive(Default)]
pub struct Dialogs {
    /// An error being shown.
    pub error: ErrorDialog,
    /// The question about unsaved changes.
    pub confirm: ConfirmDialog,
    /// A recovery file offered to the user.
    pub restore: RestoreDialog,
    /// The project's file changed on disk.
    pub disk_change: DiskChangeDialog,
    /// "Which relation?" when several fit two spans being linked.
    pub picker: RelationPickerDialog,
    /// "Remove relations?" before a relabelling that removes several.
    pub relabel: RelabelDialog,
    /// The label editor.
    pub labels: LabelEditorWindow,
    /// File › Export….
    pub export: ExportWindow,
    /// File › Import annotations….
    pub import: ImportWindow,
    /// The progress of background work (blocks while it runs).
    pub progress: ProgressDialog,
    /// The report of finished work.
    pub report: ReportWindow,
    /// Isnad's own file dialog (where the desktop shows none).
    pub files: FileDialog,
    /// Help › Keyboard shortcuts (F1), Help › Getting started.
    pub help: HelpWindow,
    /// Edit › Settings….
    pub settings: SettingsWindow,
    /// View › Statistics….
    pub statistics: StatisticsWindow,
}

impl Dialogs {
    /// The blocking dialog open, if any (its name, for messages and tests). Windows that do not
    /// block (the label editor, export and import options, a report) are not counted; the label
    /// editor's removal question is.
    pub fn blocking(&self) -> Option<&'static str> {
        [
            (self.error.is_open(), "error"),
            (self.confirm.is_open(), "unsaved changes"),
            (self.restore.is_open(), "restore offer"),
            (self.disk_change.is_open(), "file changed on disk"),
            (self.picker.is_open(), "relation picker"),
            (self.relabel.is_open(), "remove relations"),
            (self.labels.is_confirming_removal(), "remove label"),
            (self.progress.is_open(), "progress"),
            (self.files.is_open(), "file dialog"),
        ]
        .into_iter()
        .find_map(|(open, name)| open.then_some(name))
    }

    /// Escape closes the front window that does not block (help, settings, a report), before
    /// the article sees the key. Returns whether one was closed.
    pub fn close_window_on_escape(&mut self, ctx: &egui::Context) -> bool {
        if self.blocking().is_some() {
            return false;
        }
        let open =
            self.help.page().is_some() || self.settings.is_open() || self.report.report().is_some();
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some());
        if !open
            || typing
            || !ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            return false;
        }
        if self.help.page().is_some() {
            self.help.close();
        } else if self.settings.is_open() {
            self.settings.close();
        } else {
            self.report.close();
        }
        true
    }
}
