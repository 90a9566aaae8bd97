//! The panic hook: when Isnad panics, the last autosave snapshot is written to its recovery file
//! before the process ends, and the panic is logged.
//!
//! The hook cannot reach the app's state, so autosave keeps a [`PanicSlot`] up to date: at each
//! autosave it holds the snapshot being written (an `Arc` of the project clone the worker
//! serialises, so keeping it costs nothing more). The hook writes it again, whether or not the
//! worker finished (the worker may be cut off by the process ending; ~0.8 s for a 53 MB project).
//! Edits made after the last autosave are not in the snapshot; when the panic unwinds through the app (a panic in the UI code, on Linux and Windows),
//! the app's own `Drop` writes the live project afterwards, with every edit (see `autosave.rs`).
//! The hook never blocks: it uses `try_lock` and gives up if the slot is being updated.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, TryLockError};

use crate::io::log::LogFile;
use crate::io::recovery;
use crate::model::Project;

#[derive(Default)]
struct SlotState {
    log: LogFile,
    snapshot: Option<Snapshot>,
}

struct Snapshot {
    project: Arc<Project>,
    target: PathBuf,
}

/// The last autosave snapshot, shared between the app and the panic hook.
#[derive(Clone, Default)]
pub struct PanicSlot(Arc<Mutex<SlotState>>);

impl std::fmt::Debug for PanicSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PanicSlot")
    }
}

impl PanicSlot {
    /// An empty slot of its own (tests).
    pub fn new() -> Self {
        Self::default()
    }

    /// The process's slot: the one `main` installs the hook with and the user's app fills.
    pub fn global() -> Self {
        static SLOT: OnceLock<PanicSlot> = OnceLock::new();
        SLOT.get_or_init(PanicSlot::new).clone()
    }

    fn lock(&self) -> MutexGuard<'_, SlotState> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Sets where the hook logs panics.
    pub(crate) fn set_log(&self, log: LogFile) {
        self.lock().log = log;
    }

    /// Holds `project`, being autosaved to `target`.
    pub(crate) fn set(&self, project: Arc<Project>, target: PathBuf) {
        self.lock().snapshot = Some(Snapshot { project, target });
    }

    /// Empties the slot (the work was saved or discarded).
    pub(crate) fn clear(&self) {
        self.lock().snapshot = None;
    }

    /// What the panic hook does: logs `why`, then writes the snapshot to its recovery file.
    /// Returns the recovery file written, if any. Never blocks: if the slot is locked (being
    /// updated), nothing is written.
    pub fn write_snapshot(&self, why: &str) -> Option<PathBuf> {
        let state = match self.0.try_lock() {
            Ok(state) => state,
            Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        let log = state.log.clone();
        let snapshot = state
            .snapshot
            .as_ref()
            .map(|s| (s.project.clone(), s.target.clone()));
        drop(state);
        log.append("panic", why);
        let (project, target) = snapshot?;
        match recovery::save(&project, &target) {
            Ok(_) => {
                log.append(
                    "panic",
                    &format!("wrote the last autosave snapshot to {}", target.display()),
                );
                Some(target)
            }
            Err(error) => {
                log.append("panic", &format!("could not write the recovery: {error}"));
                None
            }
        }
    }
}

/// Installs a panic hook that calls [`PanicSlot::write_snapshot`] on `slot`, then the hook that
/// was installed before (which prints the message).
pub fn install_panic_hook(slot: PanicSlot) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        slot.write_snapshot(&info.to_string());
        previous(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::project_from_markup;

    #[test]
    fn the_hook_writes_an_unwritten_snapshot_logs_and_never_blocks() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join(".p.isnad.ron.recovery");
        let log = dir.path().join("isnad.log");
        let slot = PanicSlot::new();
        slot.set_log(LogFile::at(&log));
        assert_eq!(slot.write_snapshot("empty slot"), None);

        let (project, _) = project_from_markup("[وصل مدربون|actor] عسكريون").expect("markup");
        let project = Arc::new(project);
        slot.set(project.clone(), target.clone());
        // Locked elsewhere (an autosave updating it): the hook gives up at once.
        {
            let _held = slot.lock();
            assert_eq!(slot.write_snapshot("while locked"), None);
        }
        assert!(!target.exists());
        assert_eq!(slot.write_snapshot("boom"), Some(target.clone()));
        assert_eq!(recovery::read(&target).expect("loadable"), *project);
        slot.clear();
        assert_eq!(slot.write_snapshot("cleared"), None);

        let text = std::fs::read_to_string(&log).expect("log");
        assert!(text.contains("panic: boom") && text.contains("wrote the last autosave"));
        assert!(!text.contains("while locked"), "{text}");
    }
}
