//! Isnad's own file dialog, used where the desktop shows none (no XDG portal: a tiling window
//! manager, a remote X session, Xvfb) or when `ISNAD_FILE_DIALOG=in-app` asks for it. A blocking
//! modal: the folder (typed, or walked), its listing filtered by file ending, a file-name field
//! when saving. Keys: ↑/↓ move, Enter opens a folder or picks, Backspace goes to the parent
//! folder, Escape cancels (while a text field has the keyboard, Enter and Escape act on it).

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};

use crate::app::file_picker::{FileFilter, FilePurpose, FileRequest, PickKind};

/// The dialog's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileDialogAnswer {
    /// These paths were picked for this purpose.
    Picked(FilePurpose, PickKind, Vec<PathBuf>),
    /// Cancelled.
    Cancelled,
}

/// One line of the listing.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    path: PathBuf,
    is_dir: bool,
}

/// The open dialog's state.
struct Browser {
    request: FileRequest,
    folder: PathBuf,
    folder_text: String,
    entries: Vec<Entry>,
    /// The line the keyboard is on.
    cursor: Option<usize>,
    /// Lines picked (several with Ctrl+click when several files are asked for).
    chosen: Vec<usize>,
    name: String,
    filter: usize,
    problem: Option<String>,
}

/// The in-app file dialog (closed when `None`).
#[derive(Default)]
pub struct FileDialog {
    browser: Option<Browser>,
}

impl FileDialog {
    /// Asks `request`, starting in `folder`.
    pub fn open(&mut self, request: FileRequest, folder: PathBuf) {
        let name = request.file_name.clone();
        let mut browser = Browser {
            request,
            folder: PathBuf::new(),
            folder_text: String::new(),
            entries: Vec::new(),
            cursor: None,
            chosen: Vec::new(),
            name,
            filter: 0,
            problem: None,
        };
        browser.go_to(folder);
        self.browser = Some(browser);
    }

    /// Whether the dialog is open.
    pub fn is_open(&self) -> bool {
        self.browser.is_some()
    }

    /// The folder shown, while open.
    pub fn folder(&self) -> Option<&Path> {
        self.browser.as_ref().map(|b| b.folder.as_path())
    }

    /// The names listed, while open (folders end in `/`).
    pub fn listing(&self) -> Vec<String> {
        self.browser.as_ref().map_or_else(Vec::new, |b| {
            b.entries.iter().map(Entry::display_name).collect()
        })
    }

    /// Shows the dialog; an answer closes it.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<FileDialogAnswer> {
        let browser = self.browser.as_mut()?;
        let answer = browser.ui(ctx);
        if answer.is_some() {
            self.browser = None;
        }
        answer
    }
}

impl Entry {
    fn display_name(&self) -> String {
        if self.is_dir {
            format!("{}/", self.name)
        } else {
            self.name.clone()
        }
    }
}

impl Browser {
    fn current_filter(&self) -> Option<&FileFilter> {
        self.request.filters.get(self.filter)
    }

    /// Shows `folder` (or says why it cannot be read, staying where it was).
    fn go_to(&mut self, folder: PathBuf) {
        match list_folder(&folder, self.request.kind, self.current_filter()) {
            Ok(entries) => {
                self.folder_text = folder.display().to_string();
                self.folder = folder;
                self.entries = entries;
                self.cursor = (!self.entries.is_empty()).then_some(0);
                self.chosen.clear();
                self.problem = None;
            }
            Err(error) => {
                self.folder_text = self.folder.display().to_string();
                self.problem = Some(format!("Cannot open {}: {error}", folder.display()));
            }
        }
    }

    fn refresh(&mut self) {
        let folder = self.folder.clone();
        self.go_to(folder);
    }

    fn parent(&mut self) {
        if let Some(parent) = self.folder.parent().map(Path::to_owned) {
            self.go_to(parent);
        }
    }

    fn accept_label(&self) -> &'static str {
        match (&self.request.purpose, self.request.kind) {
            (_, PickKind::Save) => "Save",
            (_, PickKind::Folder) => "Choose this folder",
            (FilePurpose::AddArticles, _) => "Add",
            (FilePurpose::ImportFrom, _) => "Choose",
            _ => "Open",
        }
    }

    /// Enter or the accept button: opens the folder under the cursor, or answers.
    fn accept(&mut self) -> Option<FileDialogAnswer> {
        let kind = self.request.kind;
        let cursor_dir = self
            .cursor
            .and_then(|i| self.entries.get(i))
            .filter(|e| e.is_dir)
            .map(|e| e.path.clone());
        let paths: Vec<PathBuf> = match kind {
            PickKind::Folder => vec![cursor_dir.unwrap_or_else(|| self.folder.clone())],
            PickKind::Save => {
                let name = self.name.trim();
                if name.is_empty() {
                    if let Some(dir) = cursor_dir {
                        self.go_to(dir);
                        return None;
                    }
                    self.problem = Some("Type a file name.".to_owned());
                    return None;
                }
                vec![self.folder.join(name)]
            }
            PickKind::File | PickKind::Files => {
                if let Some(dir) = cursor_dir {
                    self.go_to(dir);
                    return None;
                }
                let mut picked: Vec<usize> = self.chosen.clone();
                if picked.is_empty() {
                    picked.extend(self.cursor);
                }
                let paths: Vec<PathBuf> = picked
                    .iter()
                    .filter_map(|&i| self.entries.get(i))
                    .filter(|e| !e.is_dir)
                    .map(|e| e.path.clone())
                    .collect();
                if paths.is_empty() {
                    self.problem = Some("Pick a file.".to_owned());
                    return None;
                }
                paths
            }
        };
        Some(FileDialogAnswer::Picked(
            self.request.purpose.clone(),
            kind,
            paths,
        ))
    }

    fn ui(&mut self, ctx: &egui::Context) -> Option<FileDialogAnswer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("in-app-file-dialog")).show(ctx, |ui| {
            ui.set_width(560.0_f32.min(ctx.content_rect().width() - 40.0));
            ui.heading(&self.request.title);
            answer = self.body(ui);
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(FileDialogAnswer::Cancelled);
        }
        answer
    }

    fn body(&mut self, ui: &mut egui::Ui) -> Option<FileDialogAnswer> {
        let typing = ui
            .ctx()
            .memory(|m| m.focused())
            .is_some_and(|id| egui::TextEdit::load_state(ui.ctx(), id).is_some());
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui
                .button("Parent folder")
                .on_hover_text("The folder above (Backspace)")
                .clicked()
            {
                self.parent();
            }
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.folder_text)
                    .desired_width(f32::INFINITY)
                    .hint_text("Folder"),
            );
            let field = field.labelled_by(ui.label("Folder").id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                let typed = PathBuf::from(self.folder_text.trim());
                self.go_to(typed);
            }
        });
        if self.request.filters.len() > 1 {
            let names: Vec<String> = self
                .request
                .filters
                .iter()
                .map(|f| f.name.clone())
                .collect();
            let before = self.filter;
            egui::ComboBox::from_label("Show")
                .selected_text(names.get(self.filter).cloned().unwrap_or_default())
                .show_ui(ui, |ui| {
                    for (i, name) in names.iter().enumerate() {
                        ui.selectable_value(&mut self.filter, i, name);
                    }
                });
            if self.filter != before {
                self.refresh();
            }
        }
        ui.separator();
        let list_height = (ui.ctx().content_rect().height() - 260.0).clamp(120.0, 340.0);
        let mut clicked = None;
        let mut double = None;
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if self.entries.is_empty() {
                    ui.weak("(nothing here to pick)");
                }
                for (i, entry) in self.entries.iter().enumerate() {
                    let picked = self.chosen.contains(&i) || self.cursor == Some(i);
                    let response = ui.selectable_label(picked, entry.display_name());
                    if self.cursor == Some(i) && !typing {
                        response.scroll_to_me(None);
                    }
                    if response.double_clicked() {
                        double = Some(i);
                    } else if response.clicked() {
                        clicked = Some((i, ui.input(|inp| inp.modifiers.command)));
                    }
                }
            });
        if let Some((i, add)) = clicked {
            self.click(i, add);
        }
        if let Some(i) = double {
            self.cursor = Some(i);
            self.chosen = vec![i];
            answer = self.accept();
        }
        if self.request.kind == PickKind::Save {
            ui.horizontal(|ui| {
                let label = ui.label("File name");
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    answer = self.accept();
                }
            });
        }
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui.button(self.accept_label()).clicked() {
                answer = self.accept();
            }
            if ui.button("Cancel").clicked() {
                answer = Some(FileDialogAnswer::Cancelled);
            }
        });
        if answer.is_none() && !typing {
            answer = self.keys(ui.ctx());
        }
        answer
    }

    fn click(&mut self, i: usize, add: bool) {
        let several = self.request.kind == PickKind::Files;
        self.cursor = Some(i);
        if several && add {
            if let Some(at) = self.chosen.iter().position(|&c| c == i) {
                self.chosen.remove(at);
            } else {
                self.chosen.push(i);
            }
        } else {
            self.chosen = vec![i];
        }
        if self.request.kind == PickKind::Save
            && let Some(entry) = self.entries.get(i).filter(|e| !e.is_dir)
        {
            self.name = entry.name.clone();
        }
    }

    fn keys(&mut self, ctx: &egui::Context) -> Option<FileDialogAnswer> {
        let (down, up, enter, back) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Backspace),
            )
        });
        let count = self.entries.len();
        if count > 0 && (down || up) {
            let next = match (self.cursor, down) {
                (None, _) => 0,
                (Some(c), true) => (c + 1).min(count - 1),
                (Some(c), false) => c.saturating_sub(1),
            };
            self.click(next, false);
        }
        if back {
            self.parent();
        }
        if enter {
            return self.accept();
        }
        None
    }
}

/// The folders and matching files of `folder`, folders first, each by name; hidden ones left out.
fn list_folder(
    folder: &Path,
    kind: PickKind,
    filter: Option<&FileFilter>,
) -> std::io::Result<Vec<Entry>> {
    let mut entries = Vec::new();
    for item in std::fs::read_dir(folder)? {
        let Ok(item) = item else { continue };
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = item.path();
        // Follows links: a link to a folder is a folder.
        let is_dir = path.is_dir();
        let shown = is_dir || (kind != PickKind::Folder && filter.is_none_or(|f| f.matches(&name)));
        if shown {
            entries.push(Entry { name, path, is_dir });
        }
    }
    entries.sort_by(|a, b| {
        b.is_dir
            .cmp(&a.is_dir)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listing_shows_folders_first_and_only_files_the_filter_matches() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("zeta")).expect("dir");
        for name in ["b.isnad.ron", "A.txt", ".hidden.ron"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        let ron = FileFilter::new("Isnad projects", &["ron"]);
        let names: Vec<String> = list_folder(dir.path(), PickKind::File, Some(&ron))
            .expect("list")
            .iter()
            .map(Entry::display_name)
            .collect();
        assert_eq!(names, ["zeta/", "b.isnad.ron"]);
        let folders = list_folder(dir.path(), PickKind::Folder, None).expect("list");
        assert_eq!(folders.len(), 1);
        let all = list_folder(dir.path(), PickKind::Files, None).expect("list");
        assert_eq!(all.len(), 3);
    }
}
