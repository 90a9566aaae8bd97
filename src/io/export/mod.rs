//! Exports of a project as training data: one module per format, each reading only the model.
//!
//! Every format states its offset unit, every end offset is exclusive, and `text[start:end]` in
//! the consumer's language equals the span's text (see `docs/formats.md`). What a format cannot hold
//! (overlaps in CoNLL, notes in doccano, ...) is listed in the [`LossReport`], span by span: an
//! export never drops anything silently.
//!
//! [`export`] builds the files in memory; [`write_export`] writes them (atomically, one by one).

mod brat;
mod conll;
mod doc_view;
mod doccano;
mod jsonl;
mod label_studio;
mod report;
pub mod spacy;
mod token_split;

use std::path::{Path, PathBuf};

use crate::model::offsets::OffsetUnit;
use crate::model::{DocId, Document, DocumentStatus, Project};

pub use crate::io::progress::Progress;
pub use doc_view::DocView;
pub use report::{LossKind, LossReport, LostSpan, one_line};

pub(crate) use label_studio::attribute_of_control;

/// The formats Isnad writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// Native JSONL: one document per line with its text, spans and metadata.
    Jsonl,
    /// spaCy: the native JSONL plus a `.spacy` DocBin (spans in the `sc` span group).
    Spacy,
    /// doccano JSONL, sequence-labelling form (`"label": [[start, end, "label"]]`).
    Doccano,
    /// doccano JSONL, entities form (`"entities": [{"id", "label", "start_offset", "end_offset"}]`).
    DoccanoEntities,
    /// Label Studio tasks JSON with annotations, and the labelling config beside it.
    LabelStudio,
    /// brat standoff: a folder of `.txt` + `.ann` per document and `annotation.conf`.
    Brat,
    /// CoNLL / IOB2: `token<TAB>tag`, a blank line between sentences.
    Conll,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Jsonl,
        ExportFormat::Spacy,
        ExportFormat::Doccano,
        ExportFormat::DoccanoEntities,
        ExportFormat::LabelStudio,
        ExportFormat::Brat,
        ExportFormat::Conll,
    ];

    /// The name used on the command line (`--format jsonl`).
    pub fn cli_name(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Spacy => "spacy",
            ExportFormat::Doccano => "doccano",
            ExportFormat::DoccanoEntities => "doccano-entities",
            ExportFormat::LabelStudio => "label-studio",
            ExportFormat::Brat => "brat",
            ExportFormat::Conll => "conll",
        }
    }

    /// The format named `name` on the command line.
    pub fn from_cli_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.cli_name() == name)
    }

    /// The name shown in the export dialog.
    pub fn display_name(self) -> &'static str {
        match self {
            ExportFormat::Jsonl => "Isnad JSONL (Hugging Face datasets)",
            ExportFormat::Spacy => "spaCy (JSONL + .spacy DocBin)",
            ExportFormat::Doccano => "doccano JSONL (label)",
            ExportFormat::DoccanoEntities => "doccano JSONL (entities)",
            ExportFormat::LabelStudio => "Label Studio JSON",
            ExportFormat::Brat => "brat standoff (folder)",
            ExportFormat::Conll => "CoNLL / IOB2",
        }
    }

    /// The offset unit this format's readers count in (overridable with [`ExportOptions::unit`]
    /// where a format has offsets at all).
    pub fn default_unit(self) -> OffsetUnit {
        match self {
            ExportFormat::Doccano | ExportFormat::DoccanoEntities => OffsetUnit::Utf16,
            _ => OffsetUnit::CodePoints,
        }
    }

    /// Whether the output is a folder (brat) rather than a file.
    pub fn writes_folder(self) -> bool {
        self == ExportFormat::Brat
    }

    /// The usual file name ending of the main output (without the dot); empty for folders.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Jsonl
            | ExportFormat::Spacy
            | ExportFormat::Doccano
            | ExportFormat::DoccanoEntities => "jsonl",
            ExportFormat::LabelStudio => "json",
            ExportFormat::Brat => "",
            ExportFormat::Conll => "conll",
        }
    }

    /// Whether the format writes character offsets (CoNLL writes tokens instead).
    pub fn has_offsets(self) -> bool {
        self != ExportFormat::Conll
    }

    /// Whether the user may choose the offset unit: not for CoNLL (no offsets) nor brat (its
    /// files cannot state a unit, and every brat reader counts code points).
    pub fn offers_unit_choice(self) -> bool {
        self.has_offsets() && self != ExportFormat::Brat
    }
}

/// Which documents to export.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum DocumentSelection {
    /// Every document of the project.
    #[default]
    All,
    /// The documents whose status is one of these.
    WithStatus(Vec<DocumentStatus>),
    /// These documents (in project order).
    Only(Vec<DocId>),
}

impl DocumentSelection {
    /// Whether `doc` is selected.
    pub fn includes(&self, doc: &Document) -> bool {
        match self {
            DocumentSelection::All => true,
            DocumentSelection::WithStatus(statuses) => statuses.contains(&doc.status()),
            DocumentSelection::Only(ids) => ids.contains(&doc.id()),
        }
    }
}

/// What to do with a span whose edge falls inside a token (CoNLL, spaCy DocBin).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TokenEdges {
    /// Split the token at the edge (`والمجلس` becomes `و` `المجلس`), so the span keeps exactly its
    /// characters; nothing is lost, so nothing is reported.
    #[default]
    Split,
    /// Widen the span to whole tokens (and report that it was widened).
    Expand,
    /// Leave the span out (and report it).
    Report,
}

/// How to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// The format.
    pub format: ExportFormat,
    /// Offset unit; `None` means the format's own ([`ExportFormat::default_unit`]).
    pub unit: Option<OffsetUnit>,
    /// Which documents.
    pub documents: DocumentSelection,
    /// Spans cutting through tokens (token-based formats only).
    pub token_edges: TokenEdges,
}

impl ExportOptions {
    /// All documents in `format`'s own unit, splitting tokens at span edges where needed.
    pub fn new(format: ExportFormat) -> Self {
        Self {
            format,
            unit: None,
            documents: DocumentSelection::All,
            token_edges: TokenEdges::Split,
        }
    }

    /// The unit offsets are written in (the format's own where it offers no choice).
    pub fn unit(&self) -> OffsetUnit {
        self.unit
            .filter(|_| self.format.offers_unit_choice())
            .unwrap_or(self.format.default_unit())
    }
}

/// Where an exported file goes, relative to the output path the user chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilePlace {
    /// The output path itself.
    Main,
    /// Beside the output path, with this ending instead of its extension (`label-config.xml`).
    Beside(&'static str),
    /// Inside the output folder, under this name (brat).
    InFolder(String),
}

/// One file of an export, in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    /// Where it goes.
    pub place: FilePlace,
    /// Its bytes (UTF-8 text, or binary for `.spacy`).
    pub bytes: Vec<u8>,
}

impl ExportFile {
    /// The path of this file for an export written to `out`.
    pub fn path(&self, out: &Path) -> PathBuf {
        match &self.place {
            FilePlace::Main => out.to_owned(),
            FilePlace::Beside(ending) => {
                let stem = out.file_stem().unwrap_or_default().to_string_lossy();
                out.with_file_name(format!("{stem}.{ending}"))
            }
            FilePlace::InFolder(name) => out.join(name),
        }
    }
}

/// An export built in memory: its files and what it could not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// The files to write.
    pub files: Vec<ExportFile>,
    /// What was left out or changed, span by span.
    pub report: LossReport,
}

/// Why an export could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// No document matched the selection.
    #[error("no document to export (the selection matches none of the project's documents)")]
    NoDocuments,
    /// The user cancelled.
    #[error("export cancelled")]
    Cancelled,
    /// A file could not be written.
    #[error("could not write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The format could not encode the data.
    #[error("could not encode the {format} export: {message}")]
    Encode {
        /// The format's command-line name.
        format: &'static str,
        /// What went wrong.
        message: String,
    },
}

/// The name of the guidelines file written with an export (see [`FilePlace`]).
pub const GUIDELINES_FILE: &str = "guidelines.md";

/// Builds the export of `project` described by `options`, advancing `progress` per document.
pub fn export(
    project: &Project,
    options: &ExportOptions,
    progress: &Progress,
) -> Result<Export, ExportError> {
    let docs: Vec<DocView<'_>> = project
        .documents()
        .filter(|doc| options.documents.includes(doc))
        .map(|doc| DocView::new(project, doc, options.unit()))
        .collect();
    if docs.is_empty() {
        return Err(ExportError::NoDocuments);
    }
    progress.start(docs.len());
    let mut report = LossReport::new(options.format, options.unit(), &docs);
    let files = match options.format {
        ExportFormat::Jsonl => jsonl::export(&docs, progress)?,
        ExportFormat::Spacy => spacy::export(project, &docs, options, &mut report, progress)?,
        ExportFormat::Doccano => doccano::export_label(&docs, &mut report, progress)?,
        ExportFormat::DoccanoEntities => doccano::export_entities(&docs, &mut report, progress)?,
        ExportFormat::LabelStudio => label_studio::export(project, &docs, &mut report, progress)?,
        ExportFormat::Brat => brat::export(project, &docs, &mut report, progress)?,
        ExportFormat::Conll => conll::export(&docs, options, &mut report, progress)?,
    };
    let mut files = files;
    files.extend(guidelines_file(project, options.format));
    Ok(Export { files, report })
}

/// The project's guidelines as Markdown beside the data (`NAME.guidelines.md` next to an export
/// file, `guidelines.md` inside a brat folder); none when the project has no guidelines.
fn guidelines_file(project: &Project, format: ExportFormat) -> Option<ExportFile> {
    let text = project.guidelines();
    if text.trim().is_empty() {
        return None;
    }
    let place = match format {
        ExportFormat::Brat => FilePlace::InFolder(GUIDELINES_FILE.to_owned()),
        _ => FilePlace::Beside(GUIDELINES_FILE),
    };
    let mut bytes = text.as_bytes().to_vec();
    if !text.ends_with('\n') {
        bytes.push(b'\n');
    }
    Some(ExportFile { place, bytes })
}

/// Writes an export to `out` (a file, or a folder for brat, created if missing). Each file is
/// replaced atomically.
pub fn write_export(export: &Export, out: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::with_capacity(export.files.len());
    for file in &export.files {
        let path = file.path(out);
        let fail = |source| ExportError::Write {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        crate::io::project::replace_atomically(&path, &file.bytes).map_err(fail)?;
        written.push(path);
    }
    Ok(written)
}
