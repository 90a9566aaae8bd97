//! The list of recently opened projects, newest first. It is stored with the other settings
//! ([`super::settings::Settings::recent`]).

use std::path::{Path, PathBuf};

/// How many recent projects are remembered.
const MAX_RECENT: usize = 10;

/// Recently opened projects, newest first.
#[derive(Debug, Default)]
pub struct RecentProjects {
    paths: Vec<PathBuf>,
}

impl RecentProjects {
    /// An empty list.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// The list `paths` (as stored in the settings), at most the ten first.
    pub fn from_paths(mut paths: Vec<PathBuf>) -> Self {
        paths.truncate(MAX_RECENT);
        Self { paths }
    }

    /// The projects, newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Puts `path` first.
    pub fn add(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
    }

    /// Forgets `path` (e.g. it no longer opens).
    pub fn remove(&mut self, path: &Path) {
        self.paths.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_comes_first_without_duplicates_and_at_most_ten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut recent = RecentProjects::in_memory();
        for name in ["a", "b", "a"] {
            recent.add(&dir.path().join(name));
        }
        let names: Vec<_> = recent
            .paths()
            .iter()
            .map(|p| p.file_name().expect("name").to_owned())
            .collect();
        assert_eq!(names, ["a", "b"]);
        for i in 0..20 {
            recent.add(&dir.path().join(i.to_string()));
        }
        assert_eq!(recent.paths().len(), MAX_RECENT);
        let reloaded = RecentProjects::from_paths(recent.paths().to_vec());
        assert_eq!(reloaded.paths(), recent.paths());
    }
}
