//! How the subcommands that change a project (`add`, `import`, `new`) take their turn: the
//! project's lock ([`ProjectLock`]) is held from the load to the end of the save, so two of them
//! run one after the other instead of each saving over the other's work.

use std::path::Path;

use crate::io::project::{LockWait, ProjectError, ProjectLock};

/// Takes the lock of the project at `project` for a load-modify-save. With [`LockWait::Wait`] it
/// waits for another writer, saying so on stderr after [`crate::io::project::WAIT_NOTICE_AFTER`]; with
/// [`LockWait::NoWait`] it fails at once with [`ProjectError::Locked`].
pub fn lock_for_writing(project: &Path, wait: LockWait) -> Result<ProjectLock, ProjectError> {
    ProjectLock::acquire(project, wait, |lock| {
        eprintln!(
            "isnad: waiting for another program to finish writing {} (it holds {}); \
             press Ctrl+C to give up",
            project.display(),
            lock.display()
        );
    })
}
