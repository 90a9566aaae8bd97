//! `isnad add PROJECT PATH...`: articles (files, folders, JSONL corpora) added to a project.

use std::path::{Path, PathBuf};

use super::{Outcome, TransferError};
use crate::io::corpus::{CorpusOutcome, CorpusReport, add_entries_edit, known_hashes, read_corpus};
use crate::io::progress::Progress;
use crate::io::project::{self, LockWait, OnDisk};

/// Adds the articles under `paths` to the project at `project_path` as new documents, skipping
/// texts it already has. The project is saved (atomically, the previous version kept as `.bak`)
/// only when something was added; otherwise the file is left untouched. Waits for any other
/// writer of the project (see [`add_to_project_with`]).
pub fn add_to_project(
    project_path: &Path,
    paths: &[PathBuf],
) -> Result<(CorpusReport, Outcome), TransferError> {
    add_to_project_with(project_path, paths, LockWait::Wait)
}

/// Like [`add_to_project`]; `wait` says whether to wait for another program writing the project
/// or give up at once. The project's lock is held from the load to the end of the save, and the
/// save refuses to replace a file that is no longer the one loaded.
pub fn add_to_project_with(
    project_path: &Path,
    paths: &[PathBuf],
    wait: LockWait,
) -> Result<(CorpusReport, Outcome), TransferError> {
    let _lock = super::writing::lock_for_writing(project_path, wait)?;
    let (mut project, loaded) = project::load_identified(project_path)?;
    let read = read_corpus(paths, &known_hashes(&project), &Progress::new());
    let outcome = match read.report.outcome() {
        CorpusOutcome::Complete => Outcome::Complete,
        CorpusOutcome::Partial => Outcome::Partial,
        CorpusOutcome::Failed => Outcome::Failed,
    };
    if let Some(edit) = add_entries_edit(&mut project, read.entries) {
        edit.apply(&mut project)
            .map_err(|e| TransferError::Apply(e.to_string()))?;
        project::save_checked(&project, project_path, OnDisk::Version(&loaded))?;
    }
    Ok((read.report, outcome))
}
