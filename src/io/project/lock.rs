//! One writer at a time: an advisory lock held around every load-modify-save of a project file
//! (`isnad add`, `isnad import`, `isnad new`, the app's saves).
//!
//! The lock is taken on a sidecar file, `.NAME.isnad.ron.lock` beside the project (hidden on
//! Unix), never on the project file itself: a save replaces the project file by renaming a new
//! file over it, so the project's inode changes with every save. A lock held on the old inode
//! would not stop a second writer that opens the path after the rename (it gets the new inode and
//! locks it at once), and two writers would each believe they hold "the" lock. The sidecar is
//! never renamed nor removed (removing it would recreate the same race: a waiter holding the
//! unlinked inode, a newcomer creating a fresh one), so every writer locks the same inode. It
//! is empty; it is created on the first write and may be deleted while no program runs.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows, through
//! [`std::fs::File::lock`]; no crate needed since Rust 1.89): it is released when the file is
//! closed, including when the process is killed, so a crashed writer never leaves a stale lock.
//! It is advisory: programs that do not take it (a text editor, `git pull`) are not stopped, which
//! is why the saver also checks, right before its final rename, that the file on disk is still the
//! one it loaded (see [`crate::io::project::save_checked`]).

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::io::project::error::ProjectError;
use crate::io::project::fault::WriteFault;
use crate::io::project::write::resolve_links;

/// How long a writer polls for the lock before it says it is waiting (and then blocks).
pub const WAIT_NOTICE_AFTER: Duration = Duration::from_secs(1);

/// How often the lock is tried while waiting quietly.
const POLL_EVERY: Duration = Duration::from_millis(20);

/// What a writer does when another one holds the lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockWait {
    /// Waits until the other writer is done (calling the notice once after
    /// [`WAIT_NOTICE_AFTER`]).
    Wait,
    /// Gives up at once with [`ProjectError::Locked`], having written nothing.
    NoWait,
}

/// The lock file of the project at `project`: `.NAME.lock` in the folder of the file the path
/// leads to (through symbolic links, so two links to one project share one lock).
pub fn lock_path(project: &Path) -> PathBuf {
    let target = resolve_links(project).unwrap_or_else(|_| project.to_owned());
    let mut name = std::ffi::OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".lock");
    target.with_file_name(name)
}

/// The held lock of one project file; dropping it releases the lock.
#[derive(Debug)]
pub struct ProjectLock {
    /// Kept open: closing it releases the lock.
    _file: File,
    path: PathBuf,
}

impl ProjectLock {
    /// Takes the lock of the project at `project`. With [`LockWait::Wait`] it waits for any other
    /// writer, calling `on_wait` once if it had to wait [`WAIT_NOTICE_AFTER`]; with
    /// [`LockWait::NoWait`] it returns [`ProjectError::Locked`] at once instead.
    ///
    /// Fails with [`ProjectError::Lock`] when the lock file cannot be created or locked (a
    /// read-only folder, a file system without locks): the message names the lock file.
    pub fn acquire(
        project: &Path,
        wait: LockWait,
        on_wait: impl FnOnce(&Path),
    ) -> Result<Self, ProjectError> {
        let path = lock_path(project);
        let fail = |source: std::io::Error| ProjectError::Lock {
            path: project.to_owned(),
            lock: path.clone(),
            fault: WriteFault::classify(&path, &source),
            source,
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(fail)?;
        let started = Instant::now();
        let mut on_wait = Some(on_wait);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::Error(error)) => return Err(fail(error)),
                Err(TryLockError::WouldBlock) if wait == LockWait::NoWait => {
                    return Err(ProjectError::Locked {
                        path: project.to_owned(),
                        lock: path,
                    });
                }
                Err(TryLockError::WouldBlock) if started.elapsed() < WAIT_NOTICE_AFTER => {
                    std::thread::sleep(POLL_EVERY);
                }
                Err(TryLockError::WouldBlock) => {
                    if let Some(notice) = on_wait.take() {
                        notice(&path);
                    }
                    file.lock().map_err(fail)?;
                    break;
                }
            }
        }
        Ok(Self { _file: file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, mpsc};

    #[test]
    fn the_lock_file_is_a_hidden_sidecar_beside_the_project() {
        assert_eq!(
            lock_path(Path::new("/data/news.isnad.ron")),
            PathBuf::from("/data/.news.isnad.ron.lock")
        );
    }

    #[test]
    fn a_second_writer_gives_up_or_waits_until_the_first_is_done() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("news.isnad.ron");
        let first = ProjectLock::acquire(&project, LockWait::NoWait, |_| {}).expect("free");
        assert!(first.path().is_file());

        let refused = ProjectLock::acquire(&project, LockWait::NoWait, |_| {})
            .expect_err("held by the first");
        assert!(
            matches!(&refused, ProjectError::Locked { lock, .. } if lock == first.path()),
            "{refused:?}"
        );
        let message = refused.to_string();
        assert!(message.contains("another program"), "{message}");
        assert!(message.contains("news.isnad.ron"), "{message}");

        let waited = Arc::new(AtomicBool::new(false));
        let (done, finished) = mpsc::channel();
        let (project2, waited2) = (project.clone(), Arc::clone(&waited));
        let second = std::thread::spawn(move || {
            let lock = ProjectLock::acquire(&project2, LockWait::Wait, |_| {
                waited2.store(true, Ordering::SeqCst);
            });
            done.send(()).expect("send");
            lock.map(drop)
        });
        // Held past the notice delay: the waiter says it waits and does not get the lock.
        std::thread::sleep(WAIT_NOTICE_AFTER + Duration::from_millis(300));
        assert!(waited.load(Ordering::SeqCst), "no notice after a second");
        assert!(finished.try_recv().is_err(), "the lock was taken twice");
        drop(first);
        finished
            .recv_timeout(Duration::from_secs(10))
            .expect("the waiter got the lock once it was released");
        second.join().expect("join").expect("lock");
    }
}
