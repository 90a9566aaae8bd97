//! A gazetteer for the suggestions (Edit › Use a gazetteer…): picked with the file dialog, read
//! with the project's labels, and handed to the suggestions worker, which proposes its names in
//! every document beside the cue and learned suggesters. Kept until the app is closed.

use std::path::Path;
use std::sync::Arc;

use super::IsnadApp;
use super::file_picker::{FileFilter, FilePurpose, FileRequest, PickKind};
use crate::io::plural;
use crate::lang::suggest::gazetteer::read_gazetteer;

/// The largest gazetteer read (it is read on the UI thread; a list of names is far smaller).
const MAX_GAZETTEER_BYTES: u64 = 16 * 1024 * 1024;

impl IsnadApp {
    /// Asks for a gazetteer file, starting in the project's folder.
    pub(super) fn ask_for_gazetteer(&mut self) {
        let folder = self.workspace.folder();
        let request = FileRequest::new(
            FilePurpose::Gazetteer,
            "Use a gazetteer (name<TAB>label lines)",
            PickKind::File,
        )
        .filters(vec![
            FileFilter::new("Gazetteers", &["txt", "tsv"]),
            FileFilter::all(),
        ])
        .folder(folder);
        self.ask_for_files(request);
    }

    /// Reads the gazetteer at `path` and proposes its names from now on; a file that cannot be
    /// read, or has no line with a label of this project, is named in a warning and changes
    /// nothing.
    pub fn use_gazetteer(&mut self, path: &Path) {
        let file = path.display();
        let bytes = match std::fs::metadata(path) {
            Ok(meta) if meta.len() > MAX_GAZETTEER_BYTES => {
                self.notices.warn(format!(
                    "{file}: {} bytes, more than a gazetteer's {MAX_GAZETTEER_BYTES}; nothing changed",
                    meta.len()
                ));
                return;
            }
            Ok(_) => std::fs::read(path),
            Err(error) => Err(error),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                self.notices.warn(format!(
                    "{file} could not be read: {error}; nothing changed"
                ));
                return;
            }
        };
        let gazetteer = read_gazetteer(&bytes, self.workspace.project().schema());
        let left_out = gazetteer.bad_lines.len();
        let skipped = if left_out == 0 {
            String::new()
        } else {
            format!(
                " ({left_out} line{} left out: not name<TAB>label with a label of this project)",
                plural(left_out)
            )
        };
        if gazetteer.names == 0 {
            self.notices.warn(format!(
                "{file}: no name to propose{skipped}; nothing changed"
            ));
            return;
        }
        let name = path
            .file_name()
            .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
        self.notices.info(format!(
            "Gazetteer {name}: {} name{} proposed as suggestions{skipped}",
            gazetteer.names,
            plural(gazetteer.names)
        ));
        self.suggestions
            .set_gazetteer(Some(Arc::new(gazetteer.index)));
    }
}
