//! The restore offer: a newer, different recovery file was found; the modal shows what differs
//! and offers Restore, Discard… (asked twice) or Later.

use std::path::{Path, PathBuf};

use crate::io::recovery::{RecoveryDiff, Unsaved};
use crate::model::Project;
use crate::text::TextEngine;
use crate::ui::restore_offer::{RestoreChoice, RestoreOfferView, restore_offer_ui};

/// What the recovery file was autosaved from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(in crate::app) enum Origin {
    File(PathBuf),
    Unsaved(Unsaved),
}

/// A recovery file offered to the user.
pub struct RestoreOffer {
    pub(in crate::app) recovery: PathBuf,
    pub(in crate::app) origin: Origin,
    pub(in crate::app) recovered: Project,
    pub(in crate::app) diff: RecoveryDiff,
    pub(in crate::app) confirm_discard: bool,
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

    /// Whose work it is, as the window names it.
    fn name(&self) -> String {
        match &self.origin {
            Origin::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Origin::Unsaved(Unsaved::Sample) => "The sample project".to_owned(),
            Origin::Unsaved(Unsaved::Untitled) => "An untitled project".to_owned(),
        }
    }
}

/// The offer being shown, if any.
#[derive(Default)]
pub struct RestoreDialog {
    offer: Option<RestoreOffer>,
}

impl RestoreDialog {
    /// Offers `offer`.
    pub fn open(&mut self, offer: RestoreOffer) {
        self.offer = Some(offer);
    }

    /// Whether an offer is shown.
    pub fn is_open(&self) -> bool {
        self.offer.is_some()
    }

    /// The offer shown.
    pub fn offer(&self) -> Option<&RestoreOffer> {
        self.offer.as_ref()
    }

    /// Takes the offer (the window closes).
    pub fn take(&mut self) -> Option<RestoreOffer> {
        self.offer.take()
    }

    /// Shows the offer. The steps inside the window (asking before discarding, and back) are
    /// handled here; the choices that act are returned.
    pub fn ui(&mut self, ctx: &egui::Context, engine: &mut TextEngine) -> Option<RestoreChoice> {
        let offer = self.offer.as_mut()?;
        let name = offer.name();
        let recovery = offer.recovery.display().to_string();
        let view = RestoreOfferView {
            name: &name,
            recovery: &recovery,
            diff: &offer.diff,
            confirm_discard: offer.confirm_discard,
        };
        match restore_offer_ui(ctx, engine, &view) {
            Some(RestoreChoice::AskDiscard) => {
                offer.confirm_discard = true;
                None
            }
            Some(RestoreChoice::Back) => {
                offer.confirm_discard = false;
                None
            }
            other => other,
        }
    }
}
