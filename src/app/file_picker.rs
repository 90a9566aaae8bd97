//! Choosing files and folders: the desktop's own dialog (rfd) where the desktop provides one,
//! Isnad's in-app dialog ([`super::dialogs::FileDialog`]) where it does not, so File › Open,
//! Save As, Add articles, Add folder and the export and import Browse buttons never do nothing.
//!
//! Which one: `ISNAD_FILE_DIALOG=in-app` (or `native`) decides; otherwise on Linux and the BSDs
//! the native dialog is tried only when a session bus is there (the XDG portal lives on it) or
//! zenity is installed (rfd's fallback). rfd answers `None` both for "cancelled" and for "could
//! not show a dialog"; an answer in under [`FAILED_FAST`] is taken as "could not" (no person
//! cancels that fast): the in-app dialog opens at once and is used for the rest of the session.
//! Every answer, from either dialog, goes through the command queue as
//! [`super::AppCommand::FilesPicked`].

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::dialogs::AfterConfirm;

/// The environment variable that forces the in-app dialog (`in-app`) or the native one (`native`).
pub const FILE_DIALOG_ENV: &str = "ISNAD_FILE_DIALOG";

/// A native dialog answering "nothing picked" faster than this did not open.
pub const FAILED_FAST: Duration = Duration::from_millis(300);

/// What the picked paths are for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    /// A project to open.
    OpenProject,
    /// Articles, corpora or folders of them to add.
    AddArticles,
    /// Where to save the project; then carry on with the action that asked to save first.
    SaveProject(Option<AfterConfirm>),
    /// The export window's output path.
    ExportTo,
    /// The import window's input files.
    ImportFrom,
    /// Another annotator's project to compare the open one with.
    CompareWith,
    /// A gazetteer whose names are proposed as suggestions.
    Gazetteer,
}

/// What kind of answer the dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickKind {
    /// One existing file.
    File,
    /// One or more existing files.
    Files,
    /// One folder.
    Folder,
    /// A file name to write (it may not exist yet).
    Save,
}

/// A filter of the dialog: a name and the file endings it shows (`*` shows every file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFilter {
    /// What the user reads ("Isnad projects").
    pub name: String,
    /// Endings without the dot, lower case.
    pub extensions: Vec<String>,
}

impl FileFilter {
    /// A filter named `name` showing files ending in one of `extensions`.
    pub fn new(name: &str, extensions: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            extensions: extensions.iter().map(|e| e.to_ascii_lowercase()).collect(),
        }
    }

    /// Every file.
    pub fn all() -> Self {
        Self::new("All files", &["*"])
    }

    /// Whether the filter shows `name`.
    pub fn matches(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        self.extensions
            .iter()
            .any(|e| e == "*" || lower.ends_with(&format!(".{e}")))
    }
}

/// One question for a file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRequest {
    /// What the answer is for.
    pub purpose: FilePurpose,
    /// The dialog's title.
    pub title: String,
    /// Files, a folder, or a name to save to.
    pub kind: PickKind,
    /// The filters, the first one selected (none: every file).
    pub filters: Vec<FileFilter>,
    /// The proposed file name (Save).
    pub file_name: String,
    /// The folder to start in (`None`: the remembered one).
    pub folder: Option<PathBuf>,
}

impl FileRequest {
    /// A request without filters, file name or folder.
    pub fn new(purpose: FilePurpose, title: &str, kind: PickKind) -> Self {
        Self {
            purpose,
            title: title.to_owned(),
            kind,
            filters: Vec::new(),
            file_name: String::new(),
            folder: None,
        }
    }

    /// With these filters.
    pub fn filters(mut self, filters: Vec<FileFilter>) -> Self {
        self.filters = filters;
        self
    }

    /// With this proposed file name.
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = name.into();
        self
    }

    /// Starting in this folder.
    pub fn folder(mut self, folder: Option<PathBuf>) -> Self {
        self.folder = folder;
        self
    }
}

/// Which dialog the app uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogMode {
    /// The desktop's, falling back to the in-app one when it cannot be shown.
    Auto,
    /// Always the in-app dialog (tests, `ISNAD_FILE_DIALOG=in-app`).
    InApp,
    /// Always the desktop's (`ISNAD_FILE_DIALOG=native`).
    Native,
}

impl DialogMode {
    /// The mode `ISNAD_FILE_DIALOG` asks for, else `Auto`.
    pub fn from_env() -> Self {
        match std::env::var(FILE_DIALOG_ENV).as_deref() {
            Ok("in-app" | "inapp" | "egui") => Self::InApp,
            Ok("native" | "system") => Self::Native,
            _ => Self::Auto,
        }
    }
}

/// What asking for files came to, right away.
#[derive(Debug, PartialEq, Eq)]
pub enum PickStep {
    /// The native dialog answered with these paths.
    Picked(Vec<PathBuf>),
    /// The native dialog was cancelled.
    Cancelled,
    /// The in-app dialog must ask; `fell_back` when the native one failed just now.
    InApp { fell_back: bool },
}

/// The file-picking capability: the mode, whether the native dialog failed, the remembered folder.
#[derive(Debug)]
pub struct FilePicker {
    mode: DialogMode,
    native_failed: bool,
    last_folder: Option<PathBuf>,
}

impl FilePicker {
    /// A picker in `mode`.
    pub fn new(mode: DialogMode) -> Self {
        Self {
            mode,
            native_failed: false,
            last_folder: None,
        }
    }

    /// The mode.
    pub fn mode(&self) -> DialogMode {
        self.mode
    }

    /// The folder the last dialog ended in.
    pub fn last_folder(&self) -> Option<&Path> {
        self.last_folder.as_deref()
    }

    /// Remembers `folder` for the next dialog.
    pub fn set_last_folder(&mut self, folder: Option<PathBuf>) {
        self.last_folder = folder;
    }

    /// Remembers the folder of a picked answer.
    pub fn remember(&mut self, kind: PickKind, paths: &[PathBuf]) {
        let Some(first) = paths.first() else {
            return;
        };
        let folder = match kind {
            PickKind::Folder => Some(first.clone()),
            _ => first.parent().map(Path::to_owned),
        };
        if let Some(folder) = folder.filter(|f| !f.as_os_str().is_empty()) {
            self.last_folder = Some(folder);
        }
    }

    /// The folder a request starts in: its own, else the remembered one, else the home folder.
    pub fn start_folder(&self, request: &FileRequest) -> PathBuf {
        request
            .folder
            .clone()
            .filter(|f| f.is_dir())
            .or_else(|| self.last_folder.clone().filter(|f| f.is_dir()))
            .or_else(home_folder)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("/"))
    }

    /// Asks the native dialog when it can; says when the in-app one must ask instead.
    pub fn ask(&mut self, request: &FileRequest) -> PickStep {
        let native = match self.mode {
            DialogMode::InApp => false,
            DialogMode::Native => true,
            DialogMode::Auto => !self.native_failed && desktop_has_native_dialog(),
        };
        if !native {
            return PickStep::InApp { fell_back: false };
        }
        let started = Instant::now();
        let picked = native_dialog(request, &self.start_folder(request));
        match picked {
            Some(paths) if !paths.is_empty() => PickStep::Picked(paths),
            _ if self.mode == DialogMode::Auto && started.elapsed() < FAILED_FAST => {
                self.native_failed = true;
                PickStep::InApp { fell_back: true }
            }
            _ => PickStep::Cancelled,
        }
    }
}

/// Whether the desktop can show rfd's dialog: on Linux and the BSDs, a session bus (the XDG
/// portal) or zenity; elsewhere the system's own dialogs are always there.
fn desktop_has_native_dialog() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    bus || on_path("zenity")
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn home_folder() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
}

/// rfd's dialog for `request` (blocks until it closes).
fn native_dialog(request: &FileRequest, folder: &Path) -> Option<Vec<PathBuf>> {
    let mut dialog = rfd::FileDialog::new()
        .set_title(&request.title)
        .set_directory(folder);
    for filter in &request.filters {
        dialog = dialog.add_filter(&filter.name, &filter.extensions);
    }
    match request.kind {
        PickKind::File => dialog.pick_file().map(|p| vec![p]),
        PickKind::Files => dialog.pick_files(),
        PickKind::Folder => dialog.pick_folder().map(|p| vec![p]),
        PickKind::Save => dialog
            .set_file_name(&request.file_name)
            .save_file()
            .map(|p| vec![p]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_match_endings_without_case_and_star_matches_all() {
        let projects = FileFilter::new("Isnad projects", &["ron"]);
        assert!(projects.matches("news.isnad.RON"));
        assert!(!projects.matches("news.txt"));
        assert!(!projects.matches("ron"));
        assert!(FileFilter::all().matches("anything"));
    }

    #[test]
    fn in_app_mode_never_calls_the_native_dialog_and_the_folder_is_remembered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut picker = FilePicker::new(DialogMode::InApp);
        let request = FileRequest::new(FilePurpose::OpenProject, "Open", PickKind::File);
        assert_eq!(picker.ask(&request), PickStep::InApp { fell_back: false });
        picker.remember(PickKind::File, &[dir.path().join("a.isnad.ron")]);
        assert_eq!(picker.start_folder(&request), dir.path());
        let own = request.folder(Some(dir.path().join("missing")));
        assert_eq!(
            picker.start_folder(&own),
            dir.path(),
            "a missing folder is skipped"
        );
    }
}
