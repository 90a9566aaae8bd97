//! The one size limit shared by the writer and the reader: [`crate::io::project::load`] refuses
//! files over it, and [`crate::io::project::save`] refuses, before writing anything, a project
//! whose file would exceed it. So the writer never makes a file the reader rejects.
//!
//! Tests lower the limit on their own thread with [`inject_size_limit`] instead of writing
//! 256 MiB files.

use std::cell::Cell;

use crate::io::project::read::MAX_FILE_SIZE;

thread_local! {
    /// A lower limit injected by a test on this thread.
    static INJECTED: Cell<Option<u64>> = const { Cell::new(None) };
}

/// The largest project file, in bytes, that is written or read: [`MAX_FILE_SIZE`], unless a test
/// lowered it on this thread.
pub fn max_file_size() -> u64 {
    INJECTED.with(Cell::get).unwrap_or(MAX_FILE_SIZE)
}

/// While alive, project files on this thread are limited to `limit` bytes, for writing and
/// reading alike. Dropping it restores the limit. For tests only.
#[doc(hidden)]
#[must_use = "the limit is restored when the guard is dropped"]
pub struct InjectedSizeLimit {
    previous: Option<u64>,
}

/// Lowers the size limit on this thread (see [`InjectedSizeLimit`]).
#[doc(hidden)]
pub fn inject_size_limit(limit: u64) -> InjectedSizeLimit {
    let previous = INJECTED.with(|l| l.replace(Some(limit)));
    InjectedSizeLimit { previous }
}

impl Drop for InjectedSizeLimit {
    fn drop(&mut self) {
        INJECTED.with(|l| l.set(self.previous));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_injected_limit_holds_until_dropped() {
        assert_eq!(max_file_size(), MAX_FILE_SIZE);
        {
            let _limit = inject_size_limit(100);
            assert_eq!(max_file_size(), 100);
        }
        assert_eq!(max_file_size(), MAX_FILE_SIZE);
    }
}
