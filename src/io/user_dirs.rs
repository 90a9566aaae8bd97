//! The user's folders for Isnad, by the platform's rules (the `directories` crate: XDG base
//! directories on Linux and the BSDs, Known Folders on Windows, the Standard Directories on
//! macOS). The one place that knows them: settings, recovery files and the log ask here.

use std::path::PathBuf;

use directories::ProjectDirs;

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "isnad")
}

/// The configuration folder (`$XDG_CONFIG_HOME/isnad`, else `~/.config/isnad`): settings.
pub fn config_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.config_dir().to_owned())
}

/// The data folder (`$XDG_DATA_HOME/isnad`, else `~/.local/share/isnad`): recovery files of
/// projects without a file.
pub fn data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_local_dir().to_owned())
}

/// The state folder (`$XDG_STATE_HOME/isnad`, else `~/.local/state/isnad`; the local data
/// folder where the platform has no state folder): the log.
pub fn state_dir() -> Option<PathBuf> {
    project_dirs().map(|d| {
        d.state_dir()
            .unwrap_or_else(|| d.data_local_dir())
            .to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(target_os = "linux")]
    fn the_folders_end_in_isnad_and_differ() {
        let (Some(config), Some(data), Some(state)) = (config_dir(), data_dir(), state_dir())
        else {
            return; // no home folder in this environment
        };
        for dir in [&config, &data, &state] {
            assert!(dir.ends_with("isnad"), "{}", dir.display());
        }
        assert_ne!(config, data);
        assert_ne!(data, state);
    }
}
