//! `isnad merge BASE OURS THEIRS [-o OUT]`: three-way merge of project files, by git's
//! merge-driver convention (set up with `git config merge.isnad.driver "isnad merge %O %A %B"`
//! and `*.isnad.ron merge=isnad` in `.gitattributes`).
//!
//! The result is written to OURS (or OUT). Exit codes: 0 merged cleanly, 1 merged with conflicts
//! (each one on stderr and kept visible in the file: see [`crate::team::merge`]), 2 nothing
//! written (a file failed to load, or the merge could not be made valid).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::io::project::{self, ProjectError};
use crate::model::ModelError;
use crate::team::{MergeOutcome, merge};

/// Why nothing was written.
#[derive(Debug)]
pub enum MergeFailure {
    /// One of the three files failed to load, or the result failed to encode (the error names the file).
    Project(ProjectError),
    /// The merged project broke a model invariant (a bug: the files are left as they were).
    Invalid(Vec<ModelError>),
    /// The result could not be written.
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        error: std::io::Error,
    },
}

impl fmt::Display for MergeFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeFailure::Project(error) => write!(
                f,
                "{}\nnothing was merged or written",
                crate::cli::error_report(error)
            ),
            MergeFailure::Invalid(errors) => {
                writeln!(
                    f,
                    "the merged project would not be valid; nothing was written:"
                )?;
                for error in errors {
                    writeln!(f, "  - {error}")?;
                }
                Ok(())
            }
            MergeFailure::Write { path, error } => write!(
                f,
                "could not write the merged project to {} ({error}); nothing was written",
                path.display()
            ),
        }
    }
}

/// Merges the files and writes the result to `out` (OURS when `None`); returns the outcome and
/// the path written.
pub fn merge_files(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    out: Option<&Path>,
) -> Result<(MergeOutcome, PathBuf), MergeFailure> {
    let load = |path: &Path| project::load(path).map_err(MergeFailure::Project);
    let (b, o, t) = (load(base)?, load(ours)?, load(theirs)?);
    let outcome = merge(&b, &o, &t).map_err(MergeFailure::Invalid)?;
    let target = out.unwrap_or(ours).to_owned();
    let text = project::to_ron_string(&outcome.project, &target).map_err(MergeFailure::Project)?;
    // No backup: under git, OURS is a temporary copy and a .bak beside it would be litter.
    project::replace_durably(&target, text.as_bytes()).map_err(|error| MergeFailure::Write {
        path: target.clone(),
        error,
    })?;
    Ok((outcome, target))
}

/// The exit code of a merge that wrote its result: 0 clean, 1 with conflicts.
pub fn merge_exit_code(outcome: &MergeOutcome) -> u8 {
    u8::from(!outcome.conflicts.is_empty())
}

/// The exit code when nothing was written.
pub const MERGE_FAILED: u8 = 2;
