//! The app's log file: errors shown to the user and autosave and recovery events, one line each
//! with a UTC timestamp, so a lost hour can be explained afterwards.
//!
//! The file is `$ISNAD_LOG` when that is set (empty: no log), else `isnad.log` in the user's state
//! folder ([`crate::io::user_dirs::state_dir`]: `$XDG_STATE_HOME/isnad/`, else
//! `~/.local/state/isnad/`). Past [`MAX_LOG_BYTES`] it is renamed to
//! `isnad.log.1` (replacing the previous one) and a new file is started.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Size past which the log is rotated to `NAME.1`.
pub const MAX_LOG_BYTES: u64 = 1024 * 1024;

/// Environment variable naming the log file (empty: no log).
pub const LOG_ENV: &str = "ISNAD_LOG";

/// Where log lines go; writing never fails loudly (a log must not add errors of its own).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogFile {
    path: Option<PathBuf>,
}

impl LogFile {
    /// No log: lines are dropped (tests, and users without a home folder).
    pub fn none() -> Self {
        Self::default()
    }

    /// A log in `path`.
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self {
            path: Some(path.into()),
        }
    }

    /// The user's log: `$ISNAD_LOG`, else `isnad.log` in the state folder (see the module docs).
    pub fn for_user() -> Self {
        match std::env::var_os(LOG_ENV) {
            Some(value) if value.is_empty() => Self::none(),
            Some(value) => Self::at(value),
            None => Self {
                path: crate::io::user_dirs::state_dir().map(|dir| dir.join("isnad.log")),
            },
        }
    }

    /// The file lines are appended to, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Appends `[timestamp] kind: message` (continuation lines of `message` indented). Errors
    /// (no folder, disk full) are ignored.
    pub fn append(&self, kind: &str, message: &str) {
        let Some(path) = &self.path else {
            return;
        };
        let mut line = format!("[{}] {kind}: ", utc_timestamp(SystemTime::now()));
        for (n, part) in message.lines().enumerate() {
            if n > 0 {
                line.push_str("\n    ");
            }
            line.push_str(part);
        }
        line.push('\n');
        let _ = append_line(path, &line);
    }
}

fn append_line(path: &Path, line: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() >= MAX_LOG_BYTES) {
        let mut rotated = path.as_os_str().to_owned();
        rotated.push(".1");
        std::fs::rename(path, PathBuf::from(rotated))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    // One write per line, so lines from two threads do not interleave.
    file.write_all(line.as_bytes())
}

/// `time` in UTC as `YYYY-MM-DDTHH:MM:SSZ` (times before 1970 print as 1970-01-01T00:00:00Z).
pub fn utc_timestamp(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Year, month and day of the `days`-th day after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn timestamps_are_utc_calendar_dates() {
        let at = |secs| utc_timestamp(UNIX_EPOCH + Duration::from_secs(secs));
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        // 2000-02-29 (a leap day of a century leap year) 12:34:56.
        assert_eq!(at(951_827_696), "2000-02-29T12:34:56Z");
        assert_eq!(at(1_735_689_599), "2024-12-31T23:59:59Z");
        assert_eq!(at(1_735_689_600), "2025-01-01T00:00:00Z");
    }

    #[test]
    fn lines_are_appended_with_indented_continuations_and_rotated_past_the_cap() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("logs").join("isnad.log");
        let log = LogFile::at(&path);
        log.append("error", "Could not save\nthe disk is full");
        log.append("autosave", "wrote x");
        let text = std::fs::read_to_string(&path).expect("log");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("[") && lines[0].ends_with("] error: Could not save"));
        assert_eq!(lines[1], "    the disk is full");
        assert!(lines[2].ends_with("] autosave: wrote x"));

        std::fs::write(&path, vec![b'x'; MAX_LOG_BYTES as usize]).expect("fill");
        log.append("autosave", "after rotation");
        let rotated = dir.path().join("logs").join("isnad.log.1");
        assert_eq!(
            std::fs::metadata(&rotated).expect("rotated").len(),
            MAX_LOG_BYTES
        );
        let fresh = std::fs::read_to_string(&path).expect("new log");
        assert!(fresh.ends_with("] autosave: after rotation\n") && fresh.lines().count() == 1);

        LogFile::none().append("error", "dropped");
    }
}
