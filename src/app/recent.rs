//! The list of recently opened projects, kept in a small text file in the user's configuration
//! folder (`$XDG_CONFIG_HOME/isnad/recent-projects.txt`, else `~/.config/isnad/...`).

use std::path::{Path, PathBuf};

/// How many recent projects are remembered.
const MAX_RECENT: usize = 10;

/// Recently opened projects, newest first.
#[derive(Debug, Default)]
pub struct RecentProjects {
    /// Where the list is stored; `None` keeps it in memory only (tests).
    file: Option<PathBuf>,
    paths: Vec<PathBuf>,
}

impl RecentProjects {
    /// A list kept in memory only.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// The list stored in `file` (missing or unreadable means empty).
    pub fn stored_in(file: PathBuf) -> Self {
        let paths = std::fs::read_to_string(&file)
            .map(|text| {
                text.lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(PathBuf::from)
                    .take(MAX_RECENT)
                    .collect()
            })
            .unwrap_or_default();
        Self {
            file: Some(file),
            paths,
        }
    }

    /// The list in the user's configuration folder, if there is one.
    pub fn for_user() -> Self {
        match config_dir() {
            Some(dir) => Self::stored_in(dir.join("isnad").join("recent-projects.txt")),
            None => Self::in_memory(),
        }
    }

    /// The projects, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Puts `path` first and stores the list. Failing to store it is not worth bothering the
    /// user about: the list is a convenience.
    pub fn add(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
        self.store();
    }

    /// Forgets `path` (e.g. it no longer opens).
    pub fn remove(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
        self.store();
    }

    fn store(&self) {
        let Some(file) = &self.file else {
            return;
        };
        let mut text = String::new();
        for path in &self.paths {
            text.push_str(&path.to_string_lossy());
            text.push('\n');
        }
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let temporary = file.with_extension("txt.tmp");
        if std::fs::write(&temporary, text).is_ok() {
            let _ = std::fs::rename(&temporary, file);
        }
    }
}

fn config_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_comes_first_without_duplicates_and_survives_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("recent.txt");
        let mut recent = RecentProjects::stored_in(file.clone());
        for name in ["a", "b", "a"] {
            recent.add(&dir.path().join(name));
        }
        let names: Vec<_> = recent
            .paths()
            .iter()
            .map(|p| p.file_name().expect("name").to_owned())
            .collect();
        assert_eq!(names, ["a", "b"]);
        let reloaded = RecentProjects::stored_in(file);
        assert_eq!(reloaded.paths(), recent.paths());
    }
}
