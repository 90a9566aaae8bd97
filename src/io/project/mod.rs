//! The project store: `NAME.isnad.ron`, versioned pretty RON with one span per line.
//!
//! - Offsets in the file are Unicode code points (the file says `offset_unit: "code_points"`); in
//!   memory they are UTF-8 bytes. Each document's text is stored with its SHA-256.
//! - [`save`] is atomic and keeps the previous version as `NAME.isnad.ron.bak`; when it fails the
//!   error says why in the user's words ([`WriteFault`]) and nothing on disk has changed. It
//!   refuses, before writing, a file larger than [`load`] accepts ([`max_file_size`]).
//! - [`ProjectLock`] lets one writer at a time load, change and save a project; [`save_checked`]
//!   refuses to replace a file that is no longer the version that was loaded.
//! - [`FileIdentity`] notices a file changed on disk by another program; [`ProjectComparison`]
//!   lists what differs between two versions.
//! - [`load`] never writes; it refuses newer format versions before parsing the rest, files over
//!   [`MAX_FILE_SIZE`], binary and non-RON files, and reports every broken rule (hash mismatch,
//!   bad offsets, unknown labels, duplicate or dangling ids) with its place in the file.
//!
//! See `format.rs` for the layout.

mod compare;
mod error;
mod fault;
mod format;
mod header;
mod identity;
mod inject;
mod limits;
mod locate;
mod lock;
mod read;
mod span_lines;
mod suggestion_format;
mod write;

use std::path::Path;

use crate::model::Project;

pub use compare::{ChangedDocument, DocSummary, ProjectComparison};
pub use error::{Place, Problem, ProjectError};
pub use fault::WriteFault;
pub use format::{FORMAT_VERSION, OFFSET_UNIT};
pub use identity::{DiskCheck, FileIdentity};
#[doc(hidden)]
pub use inject::{InjectedWriteFault, inject_write_fault};
pub use limits::max_file_size;
#[doc(hidden)]
pub use limits::{InjectedSizeLimit, inject_size_limit};
pub use lock::{LockWait, ProjectLock, WAIT_NOTICE_AFTER, lock_path};
pub use read::MAX_FILE_SIZE;
pub use write::{OnDisk, backup_path, resolve_links};
pub(crate) use write::{replace_atomically, replace_durably};

/// File name ending of project files.
pub const FILE_EXTENSION: &str = "isnad.ron";

/// Encodes a project as the text of a project file. `path` is only used in the error.
pub fn to_ron_string(project: &Project, path: &Path) -> Result<String, ProjectError> {
    format::to_ron(project).map_err(|message| ProjectError::Encode {
        path: path.to_owned(),
        message,
    })
}

/// Decodes and validates the text of a project file. `path` is only used in errors.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Project, ProjectError> {
    read::parse_project(text, path)
}

/// Saves `project` to `path` atomically; the previous file, if any, becomes `path` + `.bak`.
pub fn save(project: &Project, path: &Path) -> Result<(), ProjectError> {
    save_identified(project, path).map(drop)
}

/// Like [`save`], and returns the identity of the file written (to notice later changes).
pub fn save_identified(project: &Project, path: &Path) -> Result<FileIdentity, ProjectError> {
    save_checked(project, path, OnDisk::Anything)
}

/// Like [`save_identified`], refusing with [`ProjectError::ChangedOnDisk`] (nothing written) when
/// the file at `path` is not what `expected` says right before it would be replaced: the check
/// that turns a lost update into an error. Refuses with [`ProjectError::TooLargeToSave`] a file
/// larger than [`max_file_size`], before writing anything.
pub fn save_checked(
    project: &Project,
    path: &Path,
    expected: OnDisk<'_>,
) -> Result<FileIdentity, ProjectError> {
    let text = to_ron_string(project, path)?;
    let limit = max_file_size();
    if text.len() as u64 > limit {
        return Err(ProjectError::TooLargeToSave {
            path: path.to_owned(),
            size: text.len() as u64,
            limit,
            had_file: path.symlink_metadata().is_ok(),
        });
    }
    // The metadata of the temporary file, which the rename kept: a change made by another
    // program right after the rename is not mistaken for this save.
    let meta = write::write_atomically(path, text.as_bytes(), expected)?;
    Ok(FileIdentity::new(&meta, text.as_bytes()))
}

/// Opens the project at `path` (read-only: nothing is ever written).
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    load_with_limit(path, max_file_size())
}

/// Like [`load`], and returns the identity of the bytes read (to notice later changes).
pub fn load_identified(path: &Path) -> Result<(Project, FileIdentity), ProjectError> {
    // Metadata taken before the read: if the file changes meanwhile, the next check sees other
    // metadata and compares the bytes, so no change is missed.
    let meta = std::fs::metadata(path).map_err(|source| ProjectError::Read {
        path: path.to_owned(),
        source,
    })?;
    let bytes = read::read_bytes(path, max_file_size())?;
    let project = parse_bytes(&bytes, path)?;
    Ok((project, FileIdentity::new(&meta, &bytes)))
}

/// Like [`load`] with another size limit in bytes.
pub fn load_with_limit(path: &Path, limit: u64) -> Result<Project, ProjectError> {
    parse_bytes(&read::read_bytes(path, limit)?, path)
}

/// Decodes the bytes of a project file: text without NUL bytes, UTF-8, an optional BOM.
fn parse_bytes(bytes: &[u8], path: &Path) -> Result<Project, ProjectError> {
    let not_text = || ProjectError::NotText {
        path: path.to_owned(),
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(not_text());
    }
    let text = std::str::from_utf8(bytes).map_err(|_| not_text())?;
    from_ron_str(text.strip_prefix('\u{feff}').unwrap_or(text), path)
}
