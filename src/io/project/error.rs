//! Errors of the project store, written for the user: what went wrong, where, then the file path.

use crate::io::plural;
use crate::io::project::fault::WriteFault;
use std::fmt;
use std::path::PathBuf;

/// Where in a project file a problem was found (every part optional).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// 1-based line number in the file, when it could be found.
    pub line: Option<usize>,
    /// Document id and title.
    pub document: Option<(u64, String)>,
    /// Span id.
    pub span: Option<u64>,
    /// Label id.
    pub label: Option<String>,
    /// Relation id.
    pub relation: Option<u64>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(relation) = self.relation {
            parts.push(format!("relation {relation}"));
        }
        if let Some(span) = self.span {
            parts.push(format!("span {span}"));
        }
        if let Some((id, title)) = &self.document {
            parts.push(format!("document {id} “{title}”"));
        }
        if let Some(label) = &self.label {
            parts.push(format!("label “{label}”"));
        }
        f.write_str(&parts.join(", "))
    }
}

/// One thing wrong in a project file that parsed as RON but breaks the project's rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub place: Place,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.place.to_string();
        if place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{place}: {}", self.message)
        }
    }
}

/// Lists problems, at most ten, one per line.
struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 10;
        for problem in self.0.iter().take(SHOWN) {
            writeln!(f, "  - {problem}")?;
        }
        if self.0.len() > SHOWN {
            writeln!(f, "  - … and {} more", self.0.len() - SHOWN)?;
        }
        Ok(())
    }
}

/// Why a project could not be opened or saved. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file could not be read.
    #[error("Could not read the project file ({source}): {}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The project could not be written; the file on disk (and its `.bak`) is unchanged, or, when
    /// there was none, none was created.
    #[error("{} {}\nFile: {}", fault.describe(source), unchanged(*had_file), path.display())]
    Write {
        /// The project file being saved.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
        /// The cause, in the user's words.
        fault: WriteFault,
        /// Whether a file was there before the save (which is then unchanged).
        had_file: bool,
    },
    /// Another program (another `isnad add`, `isnad import`, or Isnad saving) is writing the
    /// project, and the caller chose not to wait; nothing was written.
    #[error("Another program is writing this project right now (it holds the lock file {}); nothing was written. Try again when it is done.\nFile: {}", lock.display(), path.display())]
    Locked {
        /// The project file.
        path: PathBuf,
        /// Its lock file.
        lock: PathBuf,
    },
    /// The lock file could not be created or locked; nothing was written.
    #[error("Could not lock the project for writing: {} Nothing was written.\nLock file: {}\nFile: {}", fault.describe(source), lock.display(), path.display())]
    Lock {
        /// The project file.
        path: PathBuf,
        /// Its lock file.
        lock: PathBuf,
        /// The system's reason.
        source: std::io::Error,
        /// The cause, in the user's words.
        fault: WriteFault,
    },
    /// The file on disk is no longer the one that was read before the change (another program
    /// replaced, changed or removed it meanwhile): it was not overwritten.
    #[error("Not saved: another program changed or removed the project file after it was read, and saving would overwrite its work. The file on disk is unchanged; run the command again to work on the new version.\nFile: {}", path.display())]
    ChangedOnDisk {
        /// The project file.
        path: PathBuf,
    },
    /// The saved project would be larger than any project Isnad opens; nothing was written.
    #[error("Not saved: the project would be {} ({size} bytes), more than the {} ({limit} bytes) Isnad can open again. Split the articles into several projects (for example one per source or per month) and add the rest there. {}\nFile: {}", megabytes(*size), megabytes(*limit), unchanged(*had_file), path.display())]
    TooLargeToSave {
        /// The project file.
        path: PathBuf,
        /// The size the file would have, in bytes.
        size: u64,
        /// The largest file the loader accepts, in bytes.
        limit: u64,
        /// Whether a file was there before the save (which is then unchanged).
        had_file: bool,
    },
    /// The file is larger than any project this version opens.
    #[error("The file is too large to be an Isnad project ({size} bytes; the limit is {limit}): {}", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is binary (not UTF-8 text).
    #[error("This is not an Isnad project: the file is not text (binary or not UTF-8): {}", path.display())]
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The file is text but not a project (e.g. an article to import instead).
    #[error("This is not an Isnad project (an article should be imported, not opened): {}", path.display())]
    NotAProject {
        /// The file.
        path: PathBuf,
    },
    /// The file is not valid RON or lacks a field: damaged, truncated or badly hand-edited.
    #[error("The project file is damaged at line {line}, column {column}: {message}: {}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's message.
        message: String,
    },
    /// The file was written by a newer version of Isnad.
    #[error("The project was saved by a newer version of Isnad (format {found}; this version reads format {supported}); please update Isnad: {}", path.display())]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The file's format version.
        found: u64,
        /// The newest format this version reads.
        supported: u64,
    },
    /// The format version is not one this version knows (e.g. 0).
    #[error("The project file has an unknown format version {found}: {}", path.display())]
    UnknownVersion {
        /// The file.
        path: PathBuf,
        /// The file's format version.
        found: u64,
    },
    /// The offsets are in a unit this version does not read.
    #[error("The project file counts offsets in “{found}”, but only “code_points” is supported: {}", path.display())]
    UnsupportedOffsetUnit {
        /// The file.
        path: PathBuf,
        /// The unit named in the file.
        found: String,
    },
    /// The file parsed but its content breaks the project's rules (every problem is listed).
    #[error("The project file has {} problem{}:\n{}in {}", problems.len(), plural(problems.len()), ProblemList(problems), path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<Problem>,
    },
    /// The project could not be turned into RON (should not happen).
    #[error("Could not encode the project ({message}): {}", path.display())]
    Encode {
        /// The file.
        path: PathBuf,
        /// The encoder's message.
        message: String,
    },
}

/// What a failed save left on disk, in words.
fn unchanged(had_file: bool) -> &'static str {
    if had_file {
        "The file on disk is unchanged."
    } else {
        "No file was created."
    }
}

/// A size in binary megabytes, for messages ("323.1 MB").
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl ProjectError {
    /// A [`ProjectError::Write`] for `error`, met while saving `path`: the cause classified, and
    /// whether a file was there (looked up now: a failed save leaves it as it was).
    pub fn write(path: &std::path::Path, source: std::io::Error) -> Self {
        ProjectError::Write {
            path: path.to_owned(),
            fault: WriteFault::classify(path, &source),
            had_file: path.symlink_metadata().is_ok(),
            source,
        }
    }

    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ProjectError::Read { path, .. }
            | ProjectError::Write { path, .. }
            | ProjectError::Locked { path, .. }
            | ProjectError::Lock { path, .. }
            | ProjectError::ChangedOnDisk { path }
            | ProjectError::TooLargeToSave { path, .. }
            | ProjectError::TooLarge { path, .. }
            | ProjectError::NotText { path }
            | ProjectError::NotAProject { path }
            | ProjectError::Syntax { path, .. }
            | ProjectError::NewerVersion { path, .. }
            | ProjectError::UnknownVersion { path, .. }
            | ProjectError::UnsupportedOffsetUnit { path, .. }
            | ProjectError::Invalid { path, .. }
            | ProjectError::Encode { path, .. } => path,
        }
    }
}
