//! `isnad export` and `isnad import`: training data out, annotations in, without the window.
//!
//! Both return a report whose [`Outcome`] gives the exit code: complete, partial (something was
//! left out or rejected: the report lists it) or failed (nothing written).

use std::path::{Path, PathBuf};

use crate::io::export::{self, ExportError, ExportOptions, LossReport, Progress};
use crate::io::import::{ImportOptions, ImportOutcome, ImportReport, import_files};
use crate::io::project::{self, LockWait, OnDisk, ProjectError};

/// How a transfer went, for the exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything went through (exit 0).
    Complete,
    /// Written, but something was left out, changed or rejected (exit 3).
    Partial,
    /// Nothing written (exit 1).
    Failed,
}

impl Outcome {
    /// The process exit code: 0, 3 or 1.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Complete => 0,
            Outcome::Partial => 3,
            Outcome::Failed => 1,
        }
    }
}

/// Why an export or import could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum TransferError {
    /// The project could not be opened or saved (the message names the file).
    #[error(transparent)]
    Project(#[from] ProjectError),
    /// The export could not be made or written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The import's edit could not be applied (a bug: the plan was validated).
    #[error("could not apply the import: {0}")]
    Apply(String),
    /// A file the import would write exists already.
    #[error("{} already exists; not overwriting it (nothing was written)", .0.display())]
    Exists(PathBuf),
    /// The folder to write into could not be made.
    #[error("could not create the folder {} ({error}); nothing was written", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
}

/// What `isnad export` did.
#[derive(Clone, Debug)]
pub struct ExportSummary {
    /// The files written.
    pub written: Vec<PathBuf>,
    /// What was left out or changed.
    pub report: LossReport,
}

impl ExportSummary {
    /// Complete when nothing was left out or changed, else partial.
    pub fn outcome(&self) -> Outcome {
        if self.report.is_complete() {
            Outcome::Complete
        } else {
            Outcome::Partial
        }
    }
}

/// Exports the project at `project_path` as `options` says to `out` (a file, or a folder for brat).
pub fn export_project(
    project_path: &Path,
    options: &ExportOptions,
    out: &Path,
) -> Result<ExportSummary, TransferError> {
    let project = project::load(project_path)?;
    let export = export::export(&project, options, &Progress::new())?;
    let written = export::write_export(&export, out)?;
    Ok(ExportSummary {
        written,
        report: export.report,
    })
}

/// Imports annotations from `files` into the project at `project_path`, saving it (atomically, the
/// previous version kept as `.bak`) when anything was added. Nothing is written when nothing could
/// be added. Waits for any other writer of the project (see [`import_into_project_with`]).
pub fn import_into_project(
    project_path: &Path,
    options: &ImportOptions,
    files: &[PathBuf],
) -> Result<(ImportReport, Outcome), TransferError> {
    import_into_project_with(project_path, options, files, LockWait::Wait)
}

/// Like [`import_into_project`]; `wait` says whether to wait for another program writing the
/// project or give up at once. The project's lock is held from the load to the end of the save,
/// and the save refuses to replace a file that is no longer the one loaded.
pub fn import_into_project_with(
    project_path: &Path,
    options: &ImportOptions,
    files: &[PathBuf],
    wait: LockWait,
) -> Result<(ImportReport, Outcome), TransferError> {
    let _lock = super::writing::lock_for_writing(project_path, wait)?;
    let (mut project, loaded) = project::load_identified(project_path)?;
    let plan = import_files(&mut project, files, options);
    let outcome = match plan.report.outcome() {
        ImportOutcome::Complete => Outcome::Complete,
        ImportOutcome::Partial => Outcome::Partial,
        ImportOutcome::Failed => Outcome::Failed,
    };
    if let Some(edit) = plan.edit {
        edit.apply(&mut project)
            .map_err(|e| TransferError::Apply(e.to_string()))?;
        project::save_checked(&project, project_path, OnDisk::Version(&loaded))?;
    }
    Ok((plan.report, outcome))
}
