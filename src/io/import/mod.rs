//! Imports of annotations into a project: from native JSONL, doccano JSONL, Label Studio JSON and
//! brat standoff, so a team can move from those tools or load a model's pre-annotations.
//!
//! Reading and applying are separate steps:
//! 1. a reader per format turns a file into [`SourceDocument`]s (text plus candidate spans, in the
//!    file's own offset unit), listing whatever it cannot read in the [`ImportReport`];
//! 2. [`plan_import`] validates every span against the project (offsets in range and on character
//!    boundaries, the span text equal to the text at those offsets where the file gives it, the
//!    label known or, on request, added to the schema) and builds one undoable [`Edit`].
//!
//! A document whose text equals a document of the project (same SHA-256) receives the spans; any
//! other becomes a new document.
//!
//! Who made each span: the file's own annotator where it names one (a span's, or its
//! document's: see [`SourceDocument::annotator`]), else [`ImportOptions::annotator`]. Instead of
//! one project, [`split_by_annotator`] makes one per annotator, for agreement.

mod brat;
mod doccano;
mod jsonl;
mod label_studio;
mod label_studio_min;
mod plan;
mod report;
mod source;
mod split;

use std::path::{Path, PathBuf};

use crate::command::Edit;
use crate::io::progress::Progress;
use crate::model::Project;
use crate::model::offsets::OffsetUnit;

pub use plan::plan_import;
pub use report::{ImportOutcome, ImportReport, Rejection};
pub use source::{SourceDocument, SourceRelation, SourceSpan, read_text_file};
pub use split::{AnnotatorProject, SplitImport, annotator_file_name, split_by_annotator};

/// The largest annotation file read (bytes).
pub const MAX_IMPORT_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The formats Isnad reads annotations from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    /// Native JSONL (what `isnad export --format jsonl` writes).
    Jsonl,
    /// doccano JSONL, `label` or `entities` form (told apart per line).
    Doccano,
    /// Label Studio tasks JSON (exported from Label Studio, or pre-annotations).
    LabelStudio,
    /// brat standoff: `.ann` files, each with its `.txt` beside it (or folders of them).
    Brat,
}

impl ImportFormat {
    /// Every format, in menu order.
    pub const ALL: [ImportFormat; 4] = [
        ImportFormat::Jsonl,
        ImportFormat::Doccano,
        ImportFormat::LabelStudio,
        ImportFormat::Brat,
    ];

    /// The name used on the command line (`--format jsonl`).
    pub fn cli_name(self) -> &'static str {
        match self {
            ImportFormat::Jsonl => "jsonl",
            ImportFormat::Doccano => "doccano",
            ImportFormat::LabelStudio => "label-studio",
            ImportFormat::Brat => "brat",
        }
    }

    /// The format named `name` on the command line.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.cli_name() == name)
    }

    /// The name shown in the import dialog.
    pub fn display_name(self) -> &'static str {
        match self {
            ImportFormat::Jsonl => "Isnad JSONL",
            ImportFormat::Doccano => "doccano JSONL",
            ImportFormat::LabelStudio => "Label Studio JSON",
            ImportFormat::Brat => "brat standoff (.ann + .txt)",
        }
    }

    /// The unit the format's files count offsets in, unless the file says otherwise.
    pub fn default_unit(self) -> OffsetUnit {
        match self {
            ImportFormat::Doccano => OffsetUnit::Utf16,
            _ => OffsetUnit::CodePoints,
        }
    }
}

/// How to import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// The format.
    pub format: ImportFormat,
    /// Offset unit of the files; `None` means what the file states, else the format's own.
    pub unit: Option<OffsetUnit>,
    /// Add labels the schema does not know (otherwise their spans are rejected).
    pub add_unknown_labels: bool,
    /// Who made the spans and relations whose file does not say (`--annotator`, or the app's
    /// annotator); the file's own annotator (see [`SourceDocument::annotator`]) wins.
    pub annotator: Option<String>,
}

impl ImportOptions {
    /// Import `format` in its own unit, rejecting unknown labels.
    pub fn new(format: ImportFormat) -> Self {
        Self {
            format,
            unit: None,
            add_unknown_labels: false,
            annotator: None,
        }
    }
}

/// A planned import: the edit that applies it and the report of what it holds and rejects.
#[derive(Clone, Debug)]
pub struct ImportPlan {
    /// One undoable step adding the labels, documents and spans (`None` when nothing is added).
    pub edit: Option<Edit>,
    /// What was read, added and rejected.
    pub report: ImportReport,
}

/// Reads every file in `paths` (folders are searched for the format's files) into source
/// documents; unreadable files are listed in the report. `progress` counts files; a cancel
/// request stops before the next file (the report then lists the files not read).
pub fn read_files(
    paths: &[PathBuf],
    options: &ImportOptions,
    progress: &Progress,
) -> (Vec<SourceDocument>, ImportReport) {
    let mut report = ImportReport::new(options.format);
    let mut docs = Vec::new();
    let files = expand_folders(paths, options.format);
    progress.start(files.len());
    for path in files {
        if progress.is_cancelled() {
            report.file_error(&path, "not read: the import was cancelled");
            continue;
        }
        report.files.push(path.clone());
        let before = docs.len();
        match options.format {
            ImportFormat::Brat => brat::read(&path, &mut docs, &mut report),
            format => match read_text_file(&path) {
                Ok(text) => match format {
                    ImportFormat::Jsonl => jsonl::read(&path, &text, &mut docs, &mut report),
                    ImportFormat::Doccano => doccano::read(&path, &text, &mut docs, &mut report),
                    _ => label_studio::read(&path, &text, &mut docs, &mut report),
                },
                Err(message) => report.file_error(&path, message),
            },
        }
        if let Some(unit) = options.unit {
            for doc in &mut docs[before..] {
                doc.unit = unit;
            }
        }
        progress.advance();
    }
    // A Label Studio task annotated by several people is several source documents of one
    // place: one document read.
    let places: std::collections::HashSet<(&Path, &str)> = docs
        .iter()
        .map(|d| (d.file.as_path(), d.place.as_str()))
        .collect();
    report.documents_read = places.len();
    report.spans_read = docs.iter().map(|d| d.spans.len()).sum();
    (docs, report)
}

/// Reads `paths` and plans their import into `project` (ids are allocated from it; nothing else
/// changes until the plan's edit is applied).
pub fn import_files(
    project: &mut Project,
    paths: &[PathBuf],
    options: &ImportOptions,
) -> ImportPlan {
    let (docs, mut report) = read_files(paths, options, &Progress::new());
    let edit = plan_import(project, docs, options, &mut report);
    ImportPlan { edit, report }
}

/// The files to read: each path given, with folders replaced by the files inside them (not
/// recursive) that the format reads, in name order.
fn expand_folders(paths: &[PathBuf], format: ImportFormat) -> Vec<PathBuf> {
    let wanted: &[&str] = match format {
        ImportFormat::Jsonl | ImportFormat::Doccano => &["jsonl", "json"],
        ImportFormat::LabelStudio => &["json"],
        ImportFormat::Brat => &["ann"],
    };
    let mut out = Vec::new();
    for path in paths {
        match std::fs::read_dir(path) {
            Ok(entries) if path.is_dir() => {
                let mut inside: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| has_extension(p, wanted))
                    .collect();
                inside.sort();
                out.extend(inside);
            }
            _ => out.push(path.clone()),
        }
    }
    out
}

fn has_extension(path: &Path, wanted: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
}
