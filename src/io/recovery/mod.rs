//! Recovery files: the autosaved copy of a project with unsaved changes, in the same RON format as
//! a project file, so a crash or a power cut loses at most the last few seconds of annotation.
//!
//! - A project file `DIR/NAME.isnad.ron` has its recovery file beside it, hidden:
//!   `DIR/.NAME.isnad.ron.recovery` ([`recovery_path`]).
//! - An untitled project, or the bundled sample (which has no file of its own), is recovered from
//!   the user's data folder: `$XDG_DATA_HOME/isnad/recovery/` (else `~/.local/share/isnad/...`;
//!   see [`crate::io::user_dirs`]), as `untitled-<seconds>-<pid>.isnad.ron` or `sample-<seconds>-<pid>.isnad.ron`.
//! - Files are written atomically and flushed ([`write`]); reading validates like opening a project
//!   ([`read`]). A recovery file is offered only when it is newer than its project file and its
//!   bytes differ ([`find_for_project`]).

mod diff;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::io::project::{self, FILE_EXTENSION, ProjectError};
use crate::model::Project;

pub use diff::{DocumentChange, RecoveryDiff, diff};

/// Ending of the recovery file beside a project file.
pub const RECOVERY_SUFFIX: &str = ".recovery";

/// The recovery file of the project file `project`: `.NAME.isnad.ron.recovery` beside it.
pub fn recovery_path(project: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(project.file_name().unwrap_or_default());
    name.push(RECOVERY_SUFFIX);
    project.with_file_name(name)
}

/// Where an existing recovery file this session did not write is moved before autosave replaces
/// it (the recovery the user chose to keep "for later"): the same name with `.1` appended.
pub fn previous_path(recovery: &Path) -> PathBuf {
    let mut name = recovery.as_os_str().to_owned();
    name.push(".1");
    PathBuf::from(name)
}

/// The user's data folder for Isnad ([`crate::io::user_dirs::data_dir`]), if there is one.
pub fn user_data_dir() -> Option<PathBuf> {
    crate::io::user_dirs::data_dir()
}

/// The folder of recovery files of projects without a file, inside `data_dir`.
pub fn untitled_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// What a recovery file in the untitled folder was autosaved from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsaved {
    /// A new project never saved.
    Untitled,
    /// The bundled sample project.
    Sample,
}

impl Unsaved {
    fn prefix(self) -> &'static str {
        match self {
            Unsaved::Untitled => "untitled-",
            Unsaved::Sample => "sample-",
        }
    }

    /// What the recovery file at `path` was saved from, judged by its name.
    pub fn of_file(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_str()?;
        if !name.ends_with(FILE_EXTENSION) {
            return None;
        }
        [Unsaved::Untitled, Unsaved::Sample]
            .into_iter()
            .find(|kind| name.starts_with(kind.prefix()))
    }
}

/// A fresh recovery file name in `dir` for a project without a file of its own: unique per
/// process and start time, so two running windows never share one.
pub fn unsaved_path(dir: &Path, kind: Unsaved) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    dir.join(format!(
        "{}{secs}-{}.{FILE_EXTENSION}",
        kind.prefix(),
        std::process::id()
    ))
}

/// The most recently written recovery file in `dir` (untitled or sample), if any.
pub fn newest_unsaved(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter(|e| Unsaved::of_file(&e.path()).is_some())
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .max()
        .map(|(_, path)| path)
}

/// Writes `text` (a serialised project) to `path` atomically and flushed to disk, creating its
/// folder if needed. On error the previous file at `path` is untouched.
pub fn write(path: &Path, text: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    project::replace_durably(path, text)
}

/// Serialises `project` and writes it to `path` (see [`write`]); returns the bytes written.
pub fn save(project: &Project, path: &Path) -> Result<usize, ProjectError> {
    let text = project::to_ron_string(project, path)?;
    write(path, text.as_bytes()).map_err(|source| ProjectError::write(path, source))?;
    Ok(text.len())
}

/// Reads and validates the recovery file at `path`, exactly as a project file is opened; a broken
/// file is an error naming it (and nothing is ever deleted here).
pub fn read(path: &Path) -> Result<Project, ProjectError> {
    project::load(path)
}

/// Removes the recovery file at `path`; a file already gone is not an error.
pub fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// What was found beside a project file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Found {
    /// No recovery file.
    Nothing,
    /// A recovery file not newer than the project file (the project was saved since): ignored.
    Stale(PathBuf),
    /// A recovery file with the same bytes as the project file: nothing to recover.
    Same(PathBuf),
    /// A recovery file newer than the project file and different from it: worth offering.
    Newer(PathBuf),
}

/// Looks for the recovery file of the project file `project` and judges it by modification time
/// and content (see [`Found`]).
pub fn find_for_project(project: &Path) -> std::io::Result<Found> {
    let recovery = recovery_path(project);
    let recovered_at = match std::fs::metadata(&recovery) {
        Ok(meta) => meta.modified()?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(error) => return Err(error),
    };
    let saved_at = std::fs::metadata(project)?.modified()?;
    if recovered_at <= saved_at {
        return Ok(Found::Stale(recovery));
    }
    if std::fs::read(&recovery)? == std::fs::read(project)? {
        return Ok(Found::Same(recovery));
    }
    Ok(Found::Newer(recovery))
}

#[cfg(test)]
mod tests;
