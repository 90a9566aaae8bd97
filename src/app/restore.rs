//! The restore offer: when a project is opened (or the app starts without a file) and a newer,
//! different recovery file is found, a modal window shows what differs and offers to restore it
//! (as unsaved changes: the project file is not touched until the user saves), to discard it
//! (after a second question), or to keep it for later.

use std::path::{Path, PathBuf};

use super::{IsnadApp, Location, Workspace};
use crate::io::recovery::{self, Found, RecoveryDiff, Unsaved};
use crate::model::{LabelSchema, Project};
use crate::ui::restore_offer::{RestoreChoice, RestoreOfferView, restore_offer_ui};

/// What the recovery file was autosaved from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Origin {
    File(PathBuf),
    Unsaved(Unsaved),
}

/// A recovery file offered to the user.
pub struct RestoreOffer {
    recovery: PathBuf,
    origin: Origin,
    recovered: Project,
    diff: RecoveryDiff,
    confirm_discard: bool,
}

impl RestoreOffer {
    /// The recovery file.
    pub fn recovery_path(&self) -> &Path {
        &self.recovery
    }

    /// The project file it recovers (`None` for an untitled project or the sample).
    pub fn project_file(&self) -> Option<&Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Unsaved(_) => None,
        }
    }

    /// How the recovery differs from the project file.
    pub fn diff(&self) -> &RecoveryDiff {
        &self.diff
    }

    /// The recovered project.
    pub fn recovered(&self) -> &Project {
        &self.recovered
    }

    /// Whether the user is being asked to confirm deleting the recovery file.
    pub fn is_confirming_discard(&self) -> bool {
        self.confirm_discard
    }
}

impl IsnadApp {
    /// The recovery being offered, if any.
    pub fn restore_offer(&self) -> Option<&RestoreOffer> {
        self.restore.as_ref()
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
        self.restore = Some(RestoreOffer {
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
        let Some(offer) = self.restore.take() else {
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
        self.notice = Some("Restored the unsaved work: save to keep it".into());
    }

    /// Deletes the offered recovery file (the user confirmed). A failure is shown and the offer
    /// stays.
    pub fn discard_recovery(&mut self) {
        let Some(offer) = self.restore.take() else {
            return;
        };
        match recovery::remove(&offer.recovery) {
            Ok(()) => self.autosave.log(
                "recovery",
                &format!("discarded {}", offer.recovery.display()),
            ),
            Err(error) => {
                let message = format!("{error}: {}", offer.recovery.display());
                self.restore = Some(offer);
                self.show_error("Could not delete the recovery file", message);
            }
        }
    }

    /// Closes the offer, leaving the recovery file for the next time the project is opened.
    pub fn keep_recovery_for_later(&mut self) {
        if let Some(offer) = self.restore.take() {
            self.autosave
                .log("recovery", &format!("kept {}", offer.recovery.display()));
        }
    }

    pub(super) fn restore_ui(&mut self, ctx: &egui::Context) {
        let Some(offer) = &self.restore else {
            return;
        };
        let name = match &offer.origin {
            Origin::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Origin::Unsaved(Unsaved::Sample) => "The sample project".to_owned(),
            Origin::Unsaved(Unsaved::Untitled) => "An untitled project".to_owned(),
        };
        let recovery = offer.recovery.display().to_string();
        let view = RestoreOfferView {
            name: &name,
            recovery: &recovery,
            diff: &offer.diff,
            confirm_discard: offer.confirm_discard,
        };
        match restore_offer_ui(ctx, &mut self.engine, &view) {
            Some(RestoreChoice::Restore) => self.restore_recovery(),
            Some(RestoreChoice::AskDiscard) => set_confirm(&mut self.restore, true),
            Some(RestoreChoice::Back) => set_confirm(&mut self.restore, false),
            Some(RestoreChoice::Discard) => self.discard_recovery(),
            Some(RestoreChoice::Later) => self.keep_recovery_for_later(),
            None => {}
        }
    }
}

fn set_confirm(offer: &mut Option<RestoreOffer>, confirm: bool) {
    if let Some(offer) = offer {
        offer.confirm_discard = confirm;
    }
}
