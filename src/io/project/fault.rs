//! Why a save failed, in words a user understands: the system's error (`io::ErrorKind`, or the
//! raw `errno` where the kind is vague) mapped to a cause naming the file or folder at fault.

use std::fmt;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

/// `ENOSPC`: no space left on device.
const ENOSPC: i32 = 28;
/// `EROFS`: read-only file system.
const EROFS: i32 = 30;
/// `EACCES`: permission denied.
const EACCES: i32 = 13;
/// `EPERM`: operation not permitted.
const EPERM: i32 = 1;
/// `ENOENT`: no such file or directory.
const ENOENT: i32 = 2;
/// `ENAMETOOLONG`: file name too long (its number differs between systems).
#[cfg(target_os = "linux")]
const ENAMETOOLONG: i32 = 36;
#[cfg(not(target_os = "linux"))]
const ENAMETOOLONG: i32 = 63;
/// `EDQUOT`: disk quota exceeded (its number differs between systems).
#[cfg(target_os = "linux")]
const EDQUOT: i32 = 122;
#[cfg(not(target_os = "linux"))]
const EDQUOT: i32 = 69;

/// What an over-long file name means, in words.
const NAME_TOO_LONG: &str = "The file name is too long for this disk (most allow 255 bytes, \
     and Isnad needs about 30 more for the temporary and lock files it keeps beside the project): \
     choose a shorter name.";

/// The cause of a failed save, as the user should hear it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteFault {
    /// No space left on the disk.
    DiskFull,
    /// The user's disk quota is used up.
    QuotaExceeded,
    /// The folder may not be written to (permissions).
    ReadOnlyFolder(PathBuf),
    /// The folder is on a read-only disk (a mounted image, a write-protected stick).
    ReadOnlyDisk(PathBuf),
    /// The project file itself is read-only (or locked).
    ReadOnlyFile,
    /// The folder the project is in is gone (moved, deleted, unmounted).
    FolderMissing(PathBuf),
    /// A folder, not a file, has the project's name.
    IsAFolder,
    /// A folder, not a file, has the name of the project's backup (`NAME.isnad.ron.bak`).
    BackupIsAFolder(PathBuf),
    /// The file name (or a temporary file's name made from it) is longer than the file system
    /// allows.
    NameTooLong,
    /// Something else; the system's own words are shown.
    Other,
}

impl WriteFault {
    /// Classifies `error`, met while saving `target`. Looks at the disk (is the folder there, is
    /// the file read-only) to tell causes that share an error code apart.
    pub fn classify(target: &Path, error: &std::io::Error) -> Self {
        let dir = folder_of(target);
        match (error.kind(), error.raw_os_error()) {
            (ErrorKind::StorageFull, _) | (_, Some(ENOSPC)) => Self::DiskFull,
            (ErrorKind::QuotaExceeded, _) | (_, Some(EDQUOT)) => Self::QuotaExceeded,
            (ErrorKind::ReadOnlyFilesystem, _) | (_, Some(EROFS)) => Self::ReadOnlyDisk(dir),
            (ErrorKind::PermissionDenied, _) | (_, Some(EACCES | EPERM)) => {
                if is_read_only_file(target) {
                    Self::ReadOnlyFile
                } else {
                    Self::ReadOnlyFolder(dir)
                }
            }
            (ErrorKind::NotFound | ErrorKind::NotADirectory, _) | (_, Some(ENOENT))
                if !dir.is_dir() =>
            {
                Self::FolderMissing(dir)
            }
            (ErrorKind::InvalidFilename, _) | (_, Some(ENAMETOOLONG)) => Self::NameTooLong,
            (ErrorKind::IsADirectory, _) => Self::IsAFolder,
            _ if target.is_dir() => Self::IsAFolder,
            _ => Self::Other,
        }
    }

    /// The cause in one sentence; `source` is only used for [`WriteFault::Other`].
    pub fn describe(&self, source: &std::io::Error) -> String {
        match self {
            Self::DiskFull => "The disk is full: there is no room left to save the project.".into(),
            Self::QuotaExceeded => {
                "The disk is full: your disk quota is used up, so the project could not be saved."
                    .into()
            }
            Self::ReadOnlyFolder(dir) => format!(
                "The folder {} is read-only: you may not save files in it.",
                dir.display()
            ),
            Self::ReadOnlyDisk(dir) => format!(
                "The folder {} is read-only: it is on a disk that cannot be written to.",
                dir.display()
            ),
            Self::ReadOnlyFile => {
                "The project file is read-only (or locked by another program).".into()
            }
            Self::FolderMissing(dir) => format!(
                "The folder {} no longer exists (was it moved, deleted or unplugged?).",
                dir.display()
            ),
            Self::IsAFolder => {
                "A folder, not a file, has this name: the project cannot be saved over it.".into()
            }
            Self::BackupIsAFolder(backup) => format!(
                "A folder, not a file, has the name of the project's backup ({}): the previous \
                 version cannot be kept there. Move or rename that folder, then save again.",
                backup.display()
            ),
            Self::NameTooLong => NAME_TOO_LONG.into(),
            Self::Other => format!("The project could not be saved ({source})."),
        }
    }
}

impl fmt::Display for WriteFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&std::io::Error::other("unknown cause")))
    }
}

/// The folder `path` is in ("." for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Whether `path` is an existing file whose permissions forbid writing.
pub(crate) fn is_read_only_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Error;

    #[test]
    fn each_system_error_gets_its_cause() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("news.isnad.ron");
        let classify = |error: Error| WriteFault::classify(&target, &error);
        assert_eq!(
            classify(Error::from_raw_os_error(ENOSPC)),
            WriteFault::DiskFull
        );
        assert_eq!(
            classify(Error::from(ErrorKind::StorageFull)),
            WriteFault::DiskFull
        );
        assert_eq!(
            classify(Error::from_raw_os_error(EDQUOT)),
            WriteFault::QuotaExceeded
        );
        let folder = dir.path().to_owned();
        assert_eq!(
            classify(Error::from_raw_os_error(EROFS)),
            WriteFault::ReadOnlyDisk(folder.clone())
        );
        assert_eq!(
            classify(Error::from_raw_os_error(EACCES)),
            WriteFault::ReadOnlyFolder(folder.clone())
        );
        // The folder exists: a missing file is not a missing folder.
        assert_eq!(
            classify(Error::from_raw_os_error(ENOENT)),
            WriteFault::Other
        );
        assert_eq!(classify(Error::other("odd")), WriteFault::Other);

        std::fs::write(&target, b"x").expect("write");
        let mut permissions = std::fs::metadata(&target).expect("meta").permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&target, permissions).expect("chmod");
        assert_eq!(
            classify(Error::from_raw_os_error(EACCES)),
            WriteFault::ReadOnlyFile
        );

        let gone = dir.path().join("gone").join("news.isnad.ron");
        assert_eq!(
            WriteFault::classify(&gone, &Error::from_raw_os_error(ENOENT)),
            WriteFault::FolderMissing(dir.path().join("gone"))
        );
        let folder_target = dir.path().join("folder.isnad.ron");
        std::fs::create_dir(&folder_target).expect("mkdir");
        assert_eq!(
            WriteFault::classify(&folder_target, &Error::other("not a file")),
            WriteFault::IsAFolder
        );
    }

    #[test]
    fn messages_name_the_cause_and_the_folder() {
        let source = Error::other("boom");
        let dir = PathBuf::from("/data/news");
        assert!(
            WriteFault::DiskFull
                .describe(&source)
                .starts_with("The disk is full")
        );
        assert!(
            WriteFault::ReadOnlyFolder(dir.clone())
                .describe(&source)
                .contains("The folder /data/news is read-only")
        );
        assert!(
            WriteFault::FolderMissing(dir)
                .describe(&source)
                .contains("The folder /data/news no longer exists")
        );
        assert!(WriteFault::Other.describe(&source).contains("boom"));
        assert_eq!(folder_of(Path::new("a.isnad.ron")), PathBuf::from("."));
    }
}
