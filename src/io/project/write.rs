//! Atomic saving: write a temporary file beside the target, flush it to disk, keep the previous
//! version as `NAME.isnad.ron.bak`, then rename the temporary file over the target.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::io::project::error::ProjectError;

/// The backup path of a project file: the same name with `.bak` appended.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// A fresh name for a temporary file beside `path` (hidden on Unix).
fn temp_path(path: &Path, purpose: &str) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(".{purpose}-{}-{n}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Removes a temporary file when dropped, unless disarmed.
struct TempGuard(Option<PathBuf>);

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

/// Writes `bytes` to a new temporary file beside `target` and syncs it.
fn write_temp(target: &Path, purpose: &str, bytes: &[u8]) -> std::io::Result<TempGuard> {
    let path = temp_path(target, purpose);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    let guard = TempGuard(Some(path));
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()?;
    Ok(guard)
}

/// Copies the current target to its `.bak` (atomically, through a temporary file).
fn keep_backup(target: &Path) -> std::io::Result<()> {
    let backup = backup_path(target);
    let previous = fs::read(target)?;
    let mut guard = write_temp(target, "bak", &previous)?;
    if let Some(temp) = guard.0.as_deref() {
        fs::rename(temp, &backup)?;
    }
    guard.0 = None;
    Ok(())
}

/// Syncs the folder so the rename itself survives a crash (where the system allows it).
fn sync_dir(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Replaces `target` with `bytes` atomically, keeping the previous version as `.bak`. On error the
/// existing target is untouched and no temporary file is left behind.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), ProjectError> {
    let fail = |source| ProjectError::Write {
        path: target.to_owned(),
        source,
    };
    let mut guard = write_temp(target, "new", bytes).map_err(fail)?;
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_file() => keep_backup(target).map_err(fail)?,
        Ok(_) => {
            let source = std::io::Error::other("the path exists and is not a regular file");
            return Err(fail(source));
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => return Err(fail(error)),
    }
    if let Some(temp) = guard.0.as_deref() {
        fs::rename(temp, target).map_err(fail)?;
    }
    guard.0 = None;
    if let Some(dir) = target.parent() {
        sync_dir(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        });
    }
    Ok(())
}

/// Replaces `target` with `bytes` atomically without keeping a backup (for export files, which can
/// always be written again from the project): readers see the old file or the new one, never a
/// half-written one. Not flushed to disk (a brat export is thousands of files, and an fsync each
/// would take seconds). On error the existing target is untouched.
pub(crate) fn replace_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let path = temp_path(target, "new");
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    let mut guard = TempGuard(Some(path));
    file.write_all(bytes)?;
    drop(file);
    if let Some(temp) = guard.0.as_deref() {
        fs::rename(temp, target)?;
    }
    guard.0 = None;
    Ok(())
}

/// Replaces `target` with `bytes` atomically and flushed to disk, without keeping a backup (for
/// recovery files: the file is either the previous autosave or the new one, never half of each).
/// On error the existing target is untouched and no temporary file is left behind.
pub(crate) fn replace_durably(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut guard = write_temp(target, "new", bytes)?;
    if let Some(temp) = guard.0.as_deref() {
        fs::rename(temp, target)?;
    }
    guard.0 = None;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir);
    }
    Ok(())
}
