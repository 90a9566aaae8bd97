//! Noticing that the open project's file was changed on disk by another program: its identity is
//! remembered at open and save, and checked when the window regains focus, every few seconds (a
//! `stat`; the file is read only when its metadata changed) and always right before saving. A
//! change opens a modal; saving over the other version never happens until the user answers.

use std::path::Path;
use std::time::Duration;

use super::IsnadApp;
use super::dialogs::disk_change::DiskConflict;
use crate::io::project::{self, DiskCheck, FileIdentity, OnDisk, ProjectComparison};
use crate::ui::disk_change::DiskChoice;

/// How often the file's metadata is checked while the app runs.
const CHECK_EVERY: Duration = Duration::from_secs(3);

/// What the user agreed to overwrite ("Keep mine").
#[derive(Clone, Debug, PartialEq, Eq)]
enum Accepted {
    /// This version on disk.
    Version(FileIdentity),
    /// The file being gone.
    Missing,
}

/// The identity of the open project's file (the question, when it changed, is
/// [`super::dialogs::DiskChangeDialog`]).
#[derive(Default)]
pub(super) struct DiskWatch {
    /// The file's identity when it was opened or last saved (`None`: not a file of its own).
    known: Option<FileIdentity>,
    accepted: Option<Accepted>,
    /// The egui time of the last check.
    last_check: f64,
}

impl DiskWatch {
    /// What a save to the open project's own file expects on disk, once [`IsnadApp::check_disk`]
    /// found no change waiting for an answer: the version the user agreed to overwrite, else the
    /// one opened or last saved. The saver refuses if another program replaced it in between.
    pub(super) fn expected_on_disk(&self) -> OnDisk<'_> {
        match (&self.accepted, &self.known) {
            (Some(Accepted::Version(identity)), _) => OnDisk::Version(identity),
            (Some(Accepted::Missing), _) => OnDisk::Nothing,
            (None, Some(identity)) => OnDisk::Version(identity),
            (None, None) => OnDisk::Anything,
        }
    }

    /// Remembers the file just opened or saved; any earlier question is settled.
    pub(super) fn remember(&mut self, identity: FileIdentity) {
        *self = Self {
            known: Some(identity),
            ..Self::default()
        };
    }
}

impl IsnadApp {
    /// Checks whether the project's file was changed on disk since it was opened or saved, and
    /// if so (and the user has not already chosen to keep their version) asks what to do.
    /// Returns whether a change is waiting for an answer.
    pub fn check_disk(&mut self) -> bool {
        if self.dialogs.disk_change.is_open() {
            return true;
        }
        let (Some(path), Some(known)) = (self.workspace.path(), &self.disk.known) else {
            return false;
        };
        let found = match known.check(path) {
            DiskCheck::Unchanged => return false,
            DiskCheck::Touched(identity) => {
                self.disk.known = Some(identity);
                return false;
            }
            DiskCheck::Changed(identity) => Some(identity),
            DiskCheck::Missing => None,
        };
        let accepted = match (&self.disk.accepted, &found) {
            (Some(Accepted::Version(ok)), Some(now)) => ok.same_contents(now),
            (Some(Accepted::Missing), None) => true,
            _ => false,
        };
        if !accepted {
            self.dialogs.disk_change.open(found);
        }
        !accepted
    }

    /// The change on disk waiting for the user's answer, if any.
    pub fn disk_conflict(&self) -> Option<&DiskConflict> {
        self.dialogs.disk_change.conflict()
    }

    /// Whether saving to `path` must wait for the user's answer about a change on disk.
    pub(super) fn save_blocked_by_disk_change(&mut self, path: &Path) -> bool {
        self.workspace.path() == Some(path) && self.check_disk()
    }

    /// Each frame: checks on focus regained and every few seconds, while no dialog is open.
    pub(super) fn watch_disk(&mut self, ctx: &egui::Context) {
        if self.disk.known.is_none() {
            return;
        }
        let (now, focused) = ctx.input(|i| {
            let focused = i
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(true)));
            (i.time, focused)
        });
        let due = now - self.disk.last_check >= CHECK_EVERY.as_secs_f64();
        if (focused || due) && !self.dialogs.error.is_open() && !self.dialogs.confirm.is_open() {
            self.disk.last_check = now;
            self.check_disk();
        }
        ctx.request_repaint_after(CHECK_EVERY);
    }

    /// Applies the user's answer to the question about a change on disk.
    pub fn answer_disk_change(&mut self, choice: DiskChoice) {
        let Some(conflict) = self.dialogs.disk_change.conflict_mut() else {
            return;
        };
        match choice {
            DiskChoice::Reload if self.workspace.is_dirty() => conflict.confirming_reload = true,
            DiskChoice::Reload | DiskChoice::ConfirmReload => {
                self.dialogs.disk_change.close();
                if let Some(path) = self.workspace.path().map(Path::to_owned) {
                    // On failure the open project stays and the error says why.
                    let places = self.reader.keep_places();
                    self.open_project(&path);
                    self.reader.restore_places(self.workspace.project(), places);
                }
            }
            DiskChoice::Back => conflict.confirming_reload = false,
            DiskChoice::KeepMine => {
                self.disk.accepted = Some(match conflict.disk.clone() {
                    Some(identity) => Accepted::Version(identity),
                    None => Accepted::Missing,
                });
                self.dialogs.disk_change.close();
                // The disk now holds another version: mine is unsaved until the next save.
                self.workspace.mark_unsaved();
                self.notices.info(
                    "Keeping your version: your next save replaces the one on disk, which is \
                     kept as .bak",
                );
            }
            DiskChoice::Compare => {
                let text = match self.workspace.path().map(project::load) {
                    Some(Ok(disk)) => {
                        ProjectComparison::new(self.workspace.project(), &disk).to_string()
                    }
                    Some(Err(error)) => format!("The version on disk cannot be opened: {error}"),
                    None => "The project has no file to compare with.".into(),
                };
                conflict.comparison = Some(text);
            }
        }
    }
}
