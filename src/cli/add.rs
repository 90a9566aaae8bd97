//! `isnad add PROJECT PATH...`: articles (files, folders, JSONL corpora) added to a project.

use std::path::{Path, PathBuf};

use super::{Outcome, TransferError};
use crate::io::corpus::{CorpusOutcome, CorpusReport, add_entries_edit, known_hashes, read_corpus};
use crate::io::progress::Progress;
use crate::io::project;

/// Adds the articles under `paths` to the project at `project_path` as new documents, skipping
/// texts it already has. The project is saved (atomically, the previous version kept as `.bak`)
/// only when something was added; otherwise the file is left untouched.
pub fn add_to_project(
    project_path: &Path,
    paths: &[PathBuf],
) -> Result<(CorpusReport, Outcome), TransferError> {
    let mut project = project::load(project_path)?;
    let read = read_corpus(paths, &known_hashes(&project), &Progress::new());
    let outcome = match read.report.outcome() {
        CorpusOutcome::Complete => Outcome::Complete,
        CorpusOutcome::Partial => Outcome::Partial,
        CorpusOutcome::Failed => Outcome::Failed,
    };
    if let Some(edit) = add_entries_edit(&mut project, read.entries) {
        edit.apply(&mut project)
            .map_err(|e| TransferError::Apply(e.to_string()))?;
        project::save(&project, project_path)?;
    }
    Ok((read.report, outcome))
}
