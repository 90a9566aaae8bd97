//! Listing the files to read: the paths given, folders walked recursively in sorted order,
//! hidden files and folders left out, links followed without looping.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::report::SkipReason;

/// What a listed file is read as, by its extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// `.txt`, `.md`, `.html`, `.htm`: one article.
    Article,
    /// `.jsonl`: one article per line.
    Jsonl,
    /// Anything else: not read.
    Unsupported,
}

/// One item of the listing: a file to read, or something already known to be skipped.
#[derive(Clone, Debug)]
pub(crate) enum Listed {
    /// A file and how to read it.
    File(PathBuf, FileKind),
    /// A path that cannot be read (missing, a link loop...).
    Skip(PathBuf, SkipReason),
}

/// The file kind of `path` by its extension (case-insensitive).
pub(crate) fn kind_of(path: &Path) -> FileKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "md" | "html" | "htm") => FileKind::Article,
        Some("jsonl") => FileKind::Jsonl,
        _ => FileKind::Unsupported,
    }
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Lists every file under `paths` in order; returns the listing and how many hidden files and
/// folders were left out. Paths given explicitly are listed even when hidden.
pub(crate) fn list(paths: &[PathBuf]) -> (Vec<Listed>, usize) {
    let mut out = Vec::new();
    let mut hidden = 0;
    let mut visited = HashSet::new();
    for path in paths {
        visit(path, &mut out, &mut hidden, &mut visited);
    }
    (out, hidden)
}

fn visit(path: &Path, out: &mut Vec<Listed>, hidden: &mut usize, visited: &mut HashSet<PathBuf>) {
    // `metadata` follows links: a link to a file is read as that file, a link to a folder walked.
    let metadata = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            out.push(Listed::Skip(
                path.to_owned(),
                SkipReason::Unreadable(e.to_string()),
            ));
            return;
        }
    };
    if !metadata.is_dir() {
        out.push(Listed::File(path.to_owned(), kind_of(path)));
        return;
    }
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    if !visited.insert(canonical) {
        out.push(Listed::Skip(path.to_owned(), SkipReason::FolderAlreadyRead));
        return;
    }
    let mut children: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.push(Listed::Skip(
                path.to_owned(),
                SkipReason::Unreadable(e.to_string()),
            ));
            return;
        }
    };
    children.sort();
    for child in children {
        if is_hidden(&child) {
            *hidden += 1;
        } else {
            visit(&child, out, hidden, visited);
        }
    }
}
