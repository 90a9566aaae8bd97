//! What a project file looked like when it was opened or saved, to notice when another program
//! (a `git pull`, a second Isnad) changes it: size, modification time and file id for a cheap
//! check, and the SHA-256 of the bytes to tell a real change from a touch.

use std::fs::Metadata;
use std::io::Read as _;
use std::path::Path;
use std::time::SystemTime;

use sha2::{Digest as _, Sha256};

/// The identity of a project file's contents at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileIdentity {
    len: u64,
    modified: Option<SystemTime>,
    /// Device and inode on Unix (a file replaced by a rename gets a new inode).
    file_id: Option<(u64, u64)>,
    sha256: [u8; 32],
}

/// What [`FileIdentity::check`] found on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiskCheck {
    /// Nothing changed (size, time and file id are the same).
    Unchanged,
    /// The file was rewritten with the same bytes (a touch, a checkout of the same version):
    /// this is its new identity, to remember so the bytes are not read again.
    Touched(FileIdentity),
    /// Another version is on disk (its identity).
    Changed(FileIdentity),
    /// The file is gone (deleted, moved away), or cannot be read.
    Missing,
}

impl FileIdentity {
    /// The identity of `bytes`, just read from or written to a file with metadata `meta`.
    pub fn new(meta: &Metadata, bytes: &[u8]) -> Self {
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            file_id: file_id(meta),
            sha256: Sha256::digest(bytes).into(),
        }
    }

    /// Reads `path` and returns its identity.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let mut file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        file.read_to_end(&mut bytes)?;
        Ok(Self::new(&meta, &bytes))
    }

    /// Whether `meta` still describes this file (same size, time and file id): a `stat`, no read.
    pub fn same_metadata(&self, meta: &Metadata) -> bool {
        meta.len() == self.len
            && meta.modified().ok() == self.modified
            && file_id(meta) == self.file_id
    }

    /// Whether the two identities have the same bytes.
    pub fn same_contents(&self, other: &Self) -> bool {
        self.len == other.len && self.sha256 == other.sha256
    }

    /// Checks `path` against this identity: a `stat` when nothing changed; the file is read and
    /// hashed only when its metadata differ.
    pub fn check(&self, path: &Path) -> DiskCheck {
        match std::fs::metadata(path) {
            Ok(meta) if self.same_metadata(&meta) => return DiskCheck::Unchanged,
            Ok(meta) if !meta.is_file() => return DiskCheck::Missing,
            Ok(_) => {}
            Err(_) => return DiskCheck::Missing,
        }
        match Self::read(path) {
            Ok(now) if self.same_contents(&now) => DiskCheck::Touched(now),
            Ok(now) => DiskCheck::Changed(now),
            Err(_) => DiskCheck::Missing,
        }
    }
}

#[cfg(unix)]
fn file_id(meta: &Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt as _;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_meta: &Metadata) -> Option<(u64, u64)> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_touch_is_not_a_change_but_other_bytes_are() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("p.isnad.ron");
        std::fs::write(&path, b"version one").expect("write");
        let known = FileIdentity::read(&path).expect("read");
        assert_eq!(known.check(&path), DiskCheck::Unchanged);

        // Same bytes written through a new file (as git does): touched, not changed.
        let other = dir.path().join("other");
        std::fs::write(&other, b"version one").expect("write");
        std::fs::rename(&other, &path).expect("rename");
        let DiskCheck::Touched(touched) = known.check(&path) else {
            panic!("expected a touch")
        };
        assert_eq!(touched.check(&path), DiskCheck::Unchanged);

        std::fs::write(&other, b"version two").expect("write");
        std::fs::rename(&other, &path).expect("rename");
        assert!(matches!(touched.check(&path), DiskCheck::Changed(_)));

        std::fs::remove_file(&path).expect("remove");
        assert_eq!(touched.check(&path), DiskCheck::Missing);
        std::fs::create_dir(&path).expect("mkdir");
        assert_eq!(touched.check(&path), DiskCheck::Missing);
    }
}
