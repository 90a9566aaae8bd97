//! Atomic saving: write a temporary file beside the target, flush it to disk, check that the file
//! on disk is still the one expected, keep the previous version as `NAME.isnad.ron.bak`, then
//! rename the temporary file over the target. Temporary files have hidden names ending in `.tmp`;
//! those left by a save that was killed are removed by the next save. A project path that is a
//! symbolic link is followed: the file it leads to is replaced (and its `.bak` kept beside it), the
//! link stays a link, as text editors do.

use std::fs::{self, File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::io::project::error::ProjectError;
use crate::io::project::fault::{WriteFault, folder_of, is_read_only_file};
use crate::io::project::identity::{DiskCheck, FileIdentity};
use crate::io::project::inject;

/// What a save expects to find at the project's path right before it replaces it; anything else
/// and it refuses ([`ProjectError::ChangedOnDisk`]) rather than overwrite another program's work.
#[derive(Clone, Copy, Debug)]
pub enum OnDisk<'a> {
    /// Whatever is there is replaced (Save As over a file the user chose to overwrite).
    Anything,
    /// No file: the save creates it (`isnad new`).
    Nothing,
    /// This version, read before the change was made (a load-modify-save); a file rewritten with
    /// the same bytes also passes.
    Version(&'a FileIdentity),
}

/// Most symbolic links followed before a path counts as a loop (as Linux's `ELOOP`).
const MAX_LINKS: usize = 40;

/// The path a project path leads to: symbolic links of its last component followed (a link to a
/// link, a relative target), so a save replaces the file and not the link. A path that is not a
/// link, or does not exist, is returned as it is.
pub fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other(
        "the path is a loop of symbolic links (or a chain of more than 40)",
    ))
}

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

/// Writes `bytes` to a new temporary file beside `target` and syncs it; returns its metadata too
/// (which a rename keeps: size, modification time, inode).
fn write_temp(
    target: &Path,
    purpose: &str,
    bytes: &[u8],
) -> std::io::Result<(TempGuard, fs::Metadata)> {
    let path = temp_path(target, purpose);
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)?;
    let guard = TempGuard(Some(path));
    inject::write_all(&mut file, bytes)?;
    file.flush()?;
    file.sync_all()?;
    let meta = file.metadata()?;
    Ok((guard, meta))
}

/// Copies the current target to a temporary file, flushed to disk, that becomes its `.bak` with
/// [`install_backup`] (a rename: the slow part is done before the final check).
fn prepare_backup(target: &Path) -> std::io::Result<TempGuard> {
    let previous = fs::read(target)?;
    let (guard, _) = write_temp(target, "bak", &previous)?;
    Ok(guard)
}

/// Renames the prepared backup to the target's `.bak`.
fn install_backup(target: &Path, mut guard: TempGuard) -> std::io::Result<()> {
    if let Some(temp) = guard.0.as_deref() {
        fs::rename(temp, backup_path(target))?;
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

/// Replaces `target` (after following symbolic links) with `bytes` atomically, keeping the
/// previous version as `.bak`, provided the file there is what `expected` says. On error the
/// existing target and its `.bak` are untouched, no temporary file is left behind, and the error
/// says why in the user's words. Returns the metadata of the file written.
pub(crate) fn write_atomically(
    target: &Path,
    bytes: &[u8],
    expected: OnDisk<'_>,
) -> Result<fs::Metadata, ProjectError> {
    let target = &resolve_links(target).map_err(|source| ProjectError::write(target, source))?;
    let fail = |source: std::io::Error| ProjectError::write(target, source);
    // Refused before anything is written: a read-only file (whose bits a rename would ignore),
    // a folder in the project's place or in its backup's.
    if is_read_only_file(target) {
        return Err(fail(std::io::ErrorKind::PermissionDenied.into()));
    }
    let existing = match fs::symlink_metadata(target) {
        Ok(meta) if meta.is_file() => Some(meta),
        Ok(_) => {
            let source = std::io::Error::other("the path exists and is not a regular file");
            return Err(fail(source));
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(fail(error)),
    };
    let backup_file = backup_path(target);
    if existing.is_some() && backup_file.is_dir() {
        return Err(ProjectError::Write {
            path: target.to_owned(),
            source: std::io::Error::other("the backup's path is a folder"),
            fault: WriteFault::BackupIsAFolder(backup_file),
            had_file: true,
        });
    }
    let (mut guard, written) = write_temp(target, "new", bytes).map_err(fail)?;
    let backup = match existing {
        Some(meta) => {
            if let Some(temp) = guard.0.as_deref() {
                // The new version keeps the old one's permissions (a private project stays
                // private).
                fs::set_permissions(temp, meta.permissions()).map_err(fail)?;
            }
            Some(prepare_backup(target).map_err(fail)?)
        }
        None => None,
    };
    // Last: only a stat (and two renames) between this check and the new version in place.
    check_expected(target, expected)?;
    if let Some(backup) = backup {
        install_backup(target, backup).map_err(fail)?;
    }
    if let Some(temp) = guard.0.as_deref() {
        fs::rename(temp, target).map_err(fail)?;
    }
    guard.0 = None;
    let dir = folder_of(target);
    sync_dir(&dir);
    remove_stale_temps(&dir, target);
    Ok(written)
}

/// Refuses when the file at `target` is not what the save expects (checked after the slow part of
/// the save, right before the backup's and the new version's renames).
fn check_expected(target: &Path, expected: OnDisk<'_>) -> Result<(), ProjectError> {
    let unchanged = match expected {
        OnDisk::Anything => true,
        OnDisk::Nothing => matches!(
            fs::symlink_metadata(target),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound
        ),
        OnDisk::Version(identity) => matches!(
            identity.check(target),
            DiskCheck::Unchanged | DiskCheck::Touched(_)
        ),
    };
    if unchanged {
        Ok(())
    } else {
        Err(ProjectError::ChangedOnDisk {
            path: target.to_owned(),
        })
    }
}

/// Removes the temporary files of `target` left by saves that were killed: hidden files named
/// after it whose writing process no longer runs. Best effort; errors are ignored.
fn remove_stale_temps(dir: &Path, target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|n| n.strip_suffix(".tmp"))
        else {
            continue;
        };
        if temp_owner(rest).is_some_and(|pid| !process_runs(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in the tail of a temporary file name (`new-PID-N` or `bak-PID-N`).
fn temp_owner(tail: &str) -> Option<u32> {
    let rest = tail
        .strip_prefix("new-")
        .or_else(|| tail.strip_prefix("bak-"))?;
    let (pid, n) = rest.split_once('-')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

/// Whether process `pid` may still be writing (always true where this cannot be known).
fn process_runs(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
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
    let (mut guard, _) = write_temp(target, "new", bytes)?;
    if let Some(temp) = guard.0.as_deref() {
        fs::rename(temp, target)?;
    }
    guard.0 = None;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        sync_dir(dir);
    }
    Ok(())
}
