//! Project and article files: New, Open, Save, Save As, Add articles, and what a dropped or
//! command-line file means. File dialogs go through [`super::file_picker`].

use std::path::{Path, PathBuf};

use super::dialogs::AfterConfirm;
use super::file_picker::{FileFilter, FilePurpose, FileRequest, PickKind, PickStep};
use super::{AppCommand, IsnadApp, Location, Workspace};
use crate::io::article::load_article;
use crate::io::project::{self, FILE_EXTENSION};
use crate::model::{LabelSchema, Project};

/// Whether `path` names a project file (`NAME.isnad.ron`, or any `.ron`).
pub fn is_project_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// `path` with the project file ending added when the user left it out.
pub fn with_project_extension(path: PathBuf) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
    match name {
        Some(name) if name.ends_with(".ron") => path,
        _ => {
            let mut os = path.into_os_string();
            os.push(".");
            os.push(FILE_EXTENSION);
            PathBuf::from(os)
        }
    }
}

impl IsnadApp {
    /// Opens a file: a project replaces the open one (the caller asked about unsaved changes);
    /// an article is added to the open project and shown.
    pub fn open(&mut self, path: &Path) {
        if is_project_path(path) {
            self.open_project(path);
        } else {
            self.add_articles(&[path.to_owned()]);
        }
    }

    /// Opens the project at `path`. On failure the open project stays, nothing is written, and
    /// the error names the file and every problem found.
    pub fn open_project(&mut self, path: &Path) {
        match project::load_identified(path) {
            Ok((project, identity)) => {
                self.replace_workspace(Workspace::new(project, Location::File(path.to_owned())));
                self.disk.remember(identity);
                self.recent.add(path);
                self.dialogs.error.close();
                self.notices.info(format!("Opened {}", path.display()));
                self.offer_recovery_for_file(path);
            }
            Err(err) => self.show_error("Could not open the project", err),
        }
    }

    /// Starts an empty untitled project with the default labels.
    pub fn new_project(&mut self) {
        self.replace_workspace(Workspace::new(
            Project::new(LabelSchema::default()),
            Location::Untitled,
        ));
    }

    /// Adds articles to the project (one undo step each) and shows the last one added. Files
    /// that cannot be read are reported together; the others are still added.
    pub fn add_articles(&mut self, paths: &[PathBuf]) {
        let mut failures = Vec::new();
        let mut last = None;
        for path in paths {
            match load_article(path) {
                Ok(article) => {
                    let source = Some(path.to_string_lossy().into_owned());
                    match self.workspace.add_document(
                        article.title,
                        source,
                        article.text,
                        article.meta,
                    ) {
                        Ok(doc) => {
                            self.reader.set_encoding(doc, article.encoding);
                            last = Some(doc);
                        }
                        Err(err) => failures.push(format!("{}: {err}", path.display())),
                    }
                }
                Err(err) => failures.push(err.to_string()),
            }
        }
        if failures.is_empty() {
            // An error about an earlier file no longer applies.
            self.dialogs.error.close();
        }
        if let Some(doc) = last {
            self.reader.show_fresh(self.workspace.project(), doc);
        }
        if !failures.is_empty() {
            self.show_error("Could not add every article", failures.join("\n\n"));
        }
    }

    /// Asks for articles (or JSONL corpora) to add; they are read in the background.
    pub(super) fn add_articles_dialog(&mut self) {
        let request = FileRequest::new(
            FilePurpose::AddArticles,
            "Add articles to the project",
            PickKind::Files,
        )
        .filters(vec![
            FileFilter::new(
                "Articles and corpora",
                &["txt", "md", "html", "htm", "jsonl"],
            ),
            FileFilter::all(),
        ]);
        self.ask_for_files(request);
    }

    /// Asks for a folder of articles to add (searched recursively, read in the background).
    pub(super) fn add_folder_dialog(&mut self) {
        self.ask_for_files(FileRequest::new(
            FilePurpose::AddArticles,
            "Add a folder of articles to the project",
            PickKind::Folder,
        ));
    }

    /// Asks for a project to open.
    pub(super) fn open_project_dialog(&mut self) {
        let request = FileRequest::new(FilePurpose::OpenProject, "Open project", PickKind::File)
            .filters(vec![
                FileFilter::new("Isnad projects", &["ron"]),
                FileFilter::all(),
            ]);
        self.ask_for_files(request);
    }

    /// Saves to the project's file; an untitled project or the bundled sample asks where (and
    /// is saved once the user answered). Returns whether the project was saved now.
    pub fn save(&mut self) -> bool {
        self.save_then(None)
    }

    /// Saves, then does `then` (an action that asked to save first) once saved.
    pub(super) fn save_then(&mut self, then: Option<AfterConfirm>) -> bool {
        match self.workspace.path().map(Path::to_owned) {
            Some(path) => self.save_as(&path),
            None => {
                self.save_as_dialog(then);
                false
            }
        }
    }

    /// Asks where to save; the answer saves there, then does `then`.
    pub(super) fn save_as_dialog(&mut self, then: Option<AfterConfirm>) {
        let suggested = match self.workspace.location() {
            Location::File(path) => path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            Location::Sample => format!("my-sample.{FILE_EXTENSION}"),
            Location::Untitled => format!("untitled.{FILE_EXTENSION}"),
        };
        let folder = self.workspace.folder();
        let request = FileRequest::new(
            FilePurpose::SaveProject(then),
            "Save project as",
            PickKind::Save,
        )
        .filters(vec![FileFilter::new("Isnad projects", &["ron"])])
        .file_name(suggested)
        .folder(folder);
        self.ask_for_files(request);
    }

    /// Asks a file dialog: the desktop's when it can show one, else the in-app one. Either
    /// answer comes back through the queue as [`AppCommand::FilesPicked`].
    pub(super) fn ask_for_files(&mut self, request: FileRequest) {
        match self.files.ask(&request) {
            PickStep::Picked(paths) => self.commands.send(AppCommand::FilesPicked(
                request.purpose,
                request.kind,
                paths,
            )),
            PickStep::Cancelled => {}
            PickStep::InApp { fell_back } => {
                if fell_back {
                    self.notices.warn(
                        "The desktop's file dialog did not open (no file-chooser portal): \
                         using Isnad's own",
                    );
                }
                let folder = self.files.start_folder(&request);
                self.dialogs.files.open(request, folder);
            }
        }
    }

    /// Does what the picked paths were asked for.
    pub(super) fn answer_files_picked(
        &mut self,
        ctx: &egui::Context,
        purpose: FilePurpose,
        kind: PickKind,
        paths: Vec<PathBuf>,
    ) {
        self.files.remember(kind, &paths);
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match purpose {
            FilePurpose::OpenProject => self.open_project(&first),
            FilePurpose::AddArticles => {
                if self.is_transfer_running() {
                    self.notices
                        .warn("Busy: add the articles again when the current work is done");
                } else {
                    self.start_adding_articles(paths);
                }
            }
            FilePurpose::SaveProject(then) => {
                if self.save_as(&with_project_extension(first))
                    && let Some(after) = then
                {
                    self.proceed_with(ctx, after);
                }
            }
            FilePurpose::CompareWith => self.compare_with(&paths),
            FilePurpose::Gazetteer => self.use_gazetteer(&first),
            FilePurpose::ExportTo => {
                if let Some(state) = self.dialogs.export.state_mut() {
                    state.path = first.display().to_string();
                }
            }
            FilePurpose::ImportFrom => {
                if let Some(state) = self.dialogs.import.state_mut() {
                    let lines: Vec<String> =
                        paths.iter().map(|p| p.display().to_string()).collect();
                    state.paths = lines.join("\n");
                }
            }
        }
    }

    /// Saves the project to `path`, which becomes its file. On failure the file on disk and the
    /// work in memory are both intact, and the error says so and offers Save As. When another
    /// program changed the file since it was opened or saved, nothing is written: the user is
    /// asked first.
    pub fn save_as(&mut self, path: &Path) -> bool {
        // A change on disk is asked about first (nothing is locked or written before the answer).
        if self.save_blocked_by_disk_change(path) {
            return false;
        }
        // One writer at a time: while an `isnad add` or `isnad import` changes this project, the
        // app does not save over it (it says so, and the user saves again once it is done).
        let _lock = match project::ProjectLock::acquire(path, project::LockWait::NoWait, |_| {}) {
            Ok(lock) => lock,
            Err(err) => {
                self.save_failed(err);
                return false;
            }
        };
        let expected = if self.workspace.path() == Some(path) {
            self.disk.expected_on_disk()
        } else {
            // Save As: the file dialog asked before replacing a file.
            project::OnDisk::Anything
        };
        match self.workspace.save_checked(path, expected) {
            Ok(identity) => {
                self.autosave.drop_recovery();
                self.disk.remember(identity);
                self.recent.add(path);
                self.notices.info(format!("Saved {}", path.display()));
                true
            }
            Err(err) => {
                self.save_failed(err);
                false
            }
        }
    }

    /// Shows why a save failed, says the work is still open, and offers Save As.
    fn save_failed(&mut self, err: impl std::fmt::Display) {
        self.show_error(
            "Could not save the project",
            format!(
                "{err}\n\nYour work is still open and not saved: use Save As to save it \
                 somewhere else."
            ),
        );
        self.dialogs.error.offer_save_as();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_project_ending_is_added_only_when_missing() {
        assert_eq!(
            with_project_extension(PathBuf::from("/tmp/news")),
            PathBuf::from("/tmp/news.isnad.ron")
        );
        assert_eq!(
            with_project_extension(PathBuf::from("/tmp/news.isnad.ron")),
            PathBuf::from("/tmp/news.isnad.ron")
        );
        assert!(is_project_path(Path::new("a/b.isnad.ron")));
        assert!(!is_project_path(Path::new("a/b.txt")));
    }
}
