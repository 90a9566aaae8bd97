//! The restore offer: when a project is opened (or the app starts without a file) and a newer,
//! different recovery file is found, a modal window shows what differs and offers to restore it
//! (as unsaved changes: the project file is not touched until the user saves), to discard it
//! (after a second question), or to keep it for later.

use std::path::{Path, PathBuf};

use super::dialogs::restore::Origin;
use super::{IsnadApp, Location, RestoreOffer, Workspace};
use crate::io::recovery::{self, Found, Unsaved};
use crate::model::{LabelSchema, Project};
use crate::ui::restore_offer::RestoreChoice;

impl IsnadApp {
    /// The recovery being offered, if any.
    pub fn restore_offer(&self) -> Option<&RestoreOffer> {
        self.dialogs.restore.offer()
    }

    /// After `path` was opened: offers its recovery file if it is newer and different; ignores
    /// (and logs) an older one; removes one identical to the project file.
    pub(super) fn offer_recovery_for_file(&mut self, path: &Path) {
        match recovery::find_for_project(path) {
            Ok(Found::Nothing) => {}
            Ok(Found::Stale(file)) => self.autosave.log(
                "recovery",
                &format!("ignored {}: older than the project", file.display()),
            ),
            Ok(Found::Same(file)) => {
                let outcome = match recovery::remove(&file) {
                    Ok(()) => "removed".to_owned(),
                    Err(error) => format!("could not remove it: {error}"),
                };
                self.autosave.log(
                    "recovery",
                    &format!("{} is the same as the project: {outcome}", file.display()),
                );
            }
            Ok(Found::Newer(file)) => self.offer(file, Origin::File(path.to_owned())),
            Err(error) => self.autosave.log(
                "recovery",
                &format!(
                    "could not look for a recovery of {}: {error}",
                    path.display()
                ),
            ),
        }
    }

    /// At start without a file: offers the newest recovery of an untitled project or the sample.
    pub(super) fn offer_unsaved_recovery(&mut self) {
        let Some(dir) = self.autosave.settings().unsaved_dir.clone() else {
            return;
        };
        let Some(file) = recovery::newest_unsaved(&dir) else {
            return;
        };
        if let Some(kind) = Unsaved::of_file(&file) {
            self.offer(file, Origin::Unsaved(kind));
        }
    }

    fn offer(&mut self, file: PathBuf, origin: Origin) {
        let recovered = match recovery::read(&file) {
            Ok(project) => project,
            Err(error) => {
                // Logged as the error shown.
                self.show_error(
                    "Could not read the recovery file",
                    format!("{error}\n\nThe file was left as it is."),
                );
                return;
            }
        };
        let base = match &origin {
            Origin::File(_) => self.workspace.project().clone(),
            Origin::Unsaved(Unsaved::Sample) => crate::io::sample::sample_project()
                .unwrap_or_else(|_| Project::new(LabelSchema::default())),
            Origin::Unsaved(Unsaved::Untitled) => Project::new(LabelSchema::default()),
        };
        if recovered == base {
            self.autosave.log(
                "recovery",
                &format!("ignored {}: nothing differs", file.display()),
            );
            return;
        }
        self.autosave
            .log("recovery", &format!("offered {}", file.display()));
        self.dialogs.restore.open(RestoreOffer {
            diff: recovery::diff(&base, &recovered),
            recovery: file,
            origin,
            recovered,
            confirm_discard: false,
        });
    }

    /// Restores the offered recovery: the project becomes the open one, on the project's
    /// location, with its changes unsaved. Nothing is written.
    pub fn restore_recovery(&mut self) {
        let Some(offer) = self.dialogs.restore.take() else {
            return;
        };
        let location = match offer.origin {
            Origin::File(path) => Location::File(path),
            Origin::Unsaved(Unsaved::Sample) => Location::Sample,
            Origin::Unsaved(Unsaved::Untitled) => Location::Untitled,
        };
        self.replace_workspace(Workspace::restored(offer.recovered, location));
        self.autosave
            .adopt(offer.recovery.clone(), self.workspace.revision());
        self.autosave.log(
            "recovery",
            &format!("restored {}", offer.recovery.display()),
        );
        self.notices
            .info("Restored the unsaved work: save to keep it");
    }

    /// Deletes the offered recovery file (the user confirmed). A failure is shown and the offer
    /// stays.
    pub fn discard_recovery(&mut self) {
        let Some(offer) = self.dialogs.restore.take() else {
            return;
        };
        match recovery::remove(&offer.recovery) {
            Ok(()) => self.autosave.log(
                "recovery",
                &format!("discarded {}", offer.recovery.display()),
            ),
            Err(error) => {
                let message = format!("{error}: {}", offer.recovery.display());
                self.dialogs.restore.open(offer);
                self.show_error("Could not delete the recovery file", message);
            }
        }
    }

    /// Closes the offer, leaving the recovery file for the next time the project is opened.
    pub fn keep_recovery_for_later(&mut self) {
        if let Some(offer) = self.dialogs.restore.take() {
            self.autosave
                .log("recovery", &format!("kept {}", offer.recovery.display()));
        }
    }

    /// Applies the user's choice in the restore offer.
    pub(super) fn answer_restore_offer(&mut self, choice: RestoreChoice) {
        match choice {
            RestoreChoice::Restore => self.restore_recovery(),
            RestoreChoice::Discard => self.discard_recovery(),
            RestoreChoice::Later => self.keep_recovery_for_later(),
            // Handled inside the dialog.
            RestoreChoice::AskDiscard | RestoreChoice::Back => {}
        }
    }
}
