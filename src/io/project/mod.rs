//! The project store: `NAME.isnad.ron`, versioned pretty RON with one span per line.
//!
//! - Offsets in the file are Unicode code points (the file says `offset_unit: "code_points"`); in
//!   memory they are UTF-8 bytes. Each document's text is stored with its SHA-256.
//! - [`save`] is atomic and keeps the previous version as `NAME.isnad.ron.bak`.
//! - [`load`] never writes; it refuses newer format versions before parsing the rest, files over
//!   [`MAX_FILE_SIZE`], binary and non-RON files, and reports every broken rule (hash mismatch,
//!   bad offsets, unknown labels, duplicate or dangling ids) with its place in the file.
//!
//! See `format.rs` for the layout.

mod error;
mod format;
mod header;
mod locate;
mod read;
mod write;

use std::path::Path;

use crate::model::Project;

pub use error::{Place, Problem, ProjectError};
pub use format::{FORMAT_VERSION, OFFSET_UNIT};
pub use read::MAX_FILE_SIZE;
pub use write::backup_path;
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
    let text = to_ron_string(project, path)?;
    write::write_atomically(path, text.as_bytes())
}

/// Opens the project at `path` (read-only: nothing is ever written).
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    load_with_limit(path, MAX_FILE_SIZE)
}

/// Like [`load`] with another size limit in bytes.
pub fn load_with_limit(path: &Path, limit: u64) -> Result<Project, ProjectError> {
    let bytes = read::read_bytes(path, limit)?;
    let not_text = || ProjectError::NotText {
        path: path.to_owned(),
    };
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(not_text());
    }
    let text = std::str::from_utf8(&bytes).map_err(|_| not_text())?;
    from_ron_str(text.strip_prefix('\u{feff}').unwrap_or(text), path)
}
