//! The question asked when the open project's file changed on disk (see `app::disk_watch`).

use crate::io::project::FileIdentity;
use crate::ui::disk_change::{DiskChangeInfo, DiskChoice, disk_change_ui};

/// A change on disk waiting for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskConflict {
    /// The version now on disk (`None`: the file is gone).
    pub(in crate::app) disk: Option<FileIdentity>,
    pub(in crate::app) confirming_reload: bool,
    pub(in crate::app) comparison: Option<String>,
}

impl DiskConflict {
    /// Whether the file was deleted or moved away.
    pub fn is_missing(&self) -> bool {
        self.disk.is_none()
    }

    /// The comparison with the version on disk, once the user asked for it.
    pub fn comparison(&self) -> Option<&str> {
        self.comparison.as_deref()
    }
}

/// The question, while a change waits for an answer.
#[derive(Default)]
pub struct DiskChangeDialog {
    conflict: Option<DiskConflict>,
}

impl DiskChangeDialog {
    /// Asks about the version `disk` found on disk (`None`: the file is gone).
    pub fn open(&mut self, disk: Option<FileIdentity>) {
        self.conflict = Some(DiskConflict {
            disk,
            confirming_reload: false,
            comparison: None,
        });
    }

    /// Whether the question is open.
    pub fn is_open(&self) -> bool {
        self.conflict.is_some()
    }

    /// The change waiting for an answer.
    pub fn conflict(&self) -> Option<&DiskConflict> {
        self.conflict.as_ref()
    }

    /// The change waiting for an answer, to update (reload question, comparison).
    pub fn conflict_mut(&mut self) -> Option<&mut DiskConflict> {
        self.conflict.as_mut()
    }

    /// Closes the question.
    pub fn close(&mut self) -> Option<DiskConflict> {
        self.conflict.take()
    }

    /// Shows the question about `name`; returns the answer, if any this frame.
    pub fn ui(&mut self, ctx: &egui::Context, name: String) -> Option<DiskChoice> {
        let conflict = self.conflict.as_ref()?;
        let info = DiskChangeInfo {
            name,
            missing: conflict.is_missing(),
            confirming_reload: conflict.confirming_reload,
            comparison: conflict.comparison.clone(),
        };
        disk_change_ui(ctx, &info)
    }
}
