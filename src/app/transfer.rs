//! File › Export…, File › Import annotations… and adding articles (files, folders, JSONL
//! corpora): the windows, the background work with its progress bar, and the report when done.
//!
//! An export runs on a worker thread over a snapshot of the project (documents share their text,
//! so the copy is cheap), so the window stays responsive on big projects. An import reads and
//! parses its files on a worker thread; validating and applying them (one undo step) happens on
//! the UI thread, against the project as it is then.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use super::IsnadApp;
use super::file_picker::{FileFilter, FilePurpose, FileRequest, PickKind};
use crate::io::corpus::{CorpusOutcome, CorpusRead, CorpusReport, known_hashes, read_corpus};
use crate::io::export::{self, ExportError, ExportOptions, LossReport, Progress, one_line};
use crate::io::import::{ImportOptions, ImportReport, SourceDocument, read_files};
use crate::ui::export_dialog::{ExportDialogAnswer, ExportDialogState};
use crate::ui::import_dialog::{ImportDialogAnswer, ImportDialogState};
use crate::ui::transfer_report::{ReportLine, TransferReport};

type ExportResult = Result<(LossReport, Vec<PathBuf>), ExportError>;

/// Work running on a worker thread.
pub(super) enum TransferJob {
    /// Building and writing an export.
    Export {
        progress: Arc<Progress>,
        worker: JoinHandle<ExportResult>,
    },
    /// Reading articles (files, folders, JSONL corpora) to add.
    AddArticles {
        progress: Arc<Progress>,
        worker: JoinHandle<CorpusRead>,
    },
    /// Reading the files of an import.
    Import {
        progress: Arc<Progress>,
        options: ImportOptions,
        worker: JoinHandle<(Vec<SourceDocument>, ImportReport)>,
    },
}

impl TransferJob {
    fn is_finished(&self) -> bool {
        match self {
            TransferJob::Export { worker, .. } => worker.is_finished(),
            TransferJob::AddArticles { worker, .. } => worker.is_finished(),
            TransferJob::Import { worker, .. } => worker.is_finished(),
        }
    }
}

/// The background work of the app (its windows are in [`super::dialogs`]).
#[derive(Default)]
pub(super) struct TransferJobs {
    pub(super) job: Option<TransferJob>,
}

impl TransferJob {
    /// What the progress window says.
    fn what(&self) -> &'static str {
        match self {
            TransferJob::Export { .. } => "Exporting",
            TransferJob::AddArticles { .. } => "Adding articles",
            TransferJob::Import { .. } => "Reading files",
        }
    }

    fn shared_progress(&self) -> Arc<Progress> {
        match self {
            TransferJob::Export { progress, .. }
            | TransferJob::AddArticles { progress, .. }
            | TransferJob::Import { progress, .. } => Arc::clone(progress),
        }
    }
}

impl IsnadApp {
    /// Opens the export window, proposing a path beside the project file.
    pub fn open_export_dialog(&mut self) {
        let stem = match self.workspace.path() {
            Some(path) => export_stem(path),
            None => std::env::current_dir()
                .unwrap_or_default()
                .join("isnad-export"),
        };
        self.dialogs.export.open(stem);
    }

    /// Opens the import window.
    pub fn open_import_dialog(&mut self) {
        self.dialogs.import.open();
    }

    /// The export window's state, while it is open (mutable: tests fill in the path).
    pub fn export_dialog_mut(&mut self) -> Option<&mut ExportDialogState> {
        self.dialogs.export.state_mut()
    }

    /// The import window's state, while it is open (mutable: tests fill in the paths).
    pub fn import_dialog_mut(&mut self) -> Option<&mut ImportDialogState> {
        self.dialogs.import.state_mut()
    }

    /// Whether an export or import is running.
    pub fn is_transfer_running(&self) -> bool {
        self.transfer.job.is_some()
    }

    /// The report of the last finished export or import, while its window is open.
    pub fn transfer_report(&self) -> Option<&TransferReport> {
        self.dialogs.report.report()
    }

    /// Starts exporting a snapshot of the project on a worker thread.
    pub fn start_export(&mut self, options: ExportOptions, out: PathBuf) {
        if self.transfer.job.is_some() {
            return;
        }
        let project = self.workspace.project().clone();
        let progress = Arc::new(Progress::new());
        let shared = Arc::clone(&progress);
        let worker = std::thread::spawn(move || {
            let built = export::export(&project, &options, &shared)?;
            let written = export::write_export(&built, &out)?;
            Ok((built.report, written))
        });
        self.dialogs.export.close();
        self.begin(TransferJob::Export { progress, worker });
    }

    /// Starts reading articles on a worker thread: files (.txt, .md, .html, .htm), folders of them
    /// (searched recursively) and JSONL corpora. Texts already in the project, empty, binary and
    /// undecodable files are skipped and reported; the rest is added as one undo step when read.
    pub fn start_adding_articles(&mut self, paths: Vec<PathBuf>) {
        if self.transfer.job.is_some() || paths.is_empty() {
            return;
        }
        let known = known_hashes(self.workspace.project());
        let progress = Arc::new(Progress::new());
        let shared = Arc::clone(&progress);
        let worker = std::thread::spawn(move || read_corpus(&paths, &known, &shared));
        self.begin(TransferJob::AddArticles { progress, worker });
    }

    /// Starts reading annotation files on a worker thread; they are applied when read.
    pub fn start_import(&mut self, options: ImportOptions, paths: Vec<PathBuf>) {
        if self.transfer.job.is_some() {
            return;
        }
        let progress = Arc::new(Progress::new());
        let shared = Arc::clone(&progress);
        let read_options = options.clone();
        let worker = std::thread::spawn(move || read_files(&paths, &read_options, &shared));
        self.dialogs.import.close();
        self.begin(TransferJob::Import {
            progress,
            options,
            worker,
        });
    }

    /// Runs `job`, with its progress shown (a blocking window with Cancel).
    fn begin(&mut self, job: TransferJob) {
        self.dialogs
            .progress
            .open(job.what(), job.shared_progress());
        self.transfer.job = Some(job);
    }

    /// Finishes the running job if its worker is done (never blocks).
    pub(super) fn poll_transfer(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.transfer.job else {
            return;
        };
        if !job.is_finished() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        let Some(job) = self.transfer.job.take() else {
            return;
        };
        self.dialogs.progress.close();
        match job {
            TransferJob::Export { worker, .. } => match worker.join() {
                Ok(Ok((report, written))) => {
                    self.dialogs.report.open(export_report(&report, &written))
                }
                Ok(Err(ExportError::Cancelled)) => self.notices.info("Export cancelled"),
                Ok(Err(error)) => self.show_error("Could not export", error),
                Err(_) => self.show_error("Could not export", "the export stopped unexpectedly"),
            },
            TransferJob::AddArticles { worker, .. } => match worker.join() {
                Ok(read) => {
                    match self.workspace.add_corpus(read.entries) {
                        Ok(Some(first)) => self.reader.show_fresh(self.workspace.project(), first),
                        Ok(None) => {}
                        Err(error) => {
                            self.show_error("Could not add the articles", error);
                            return;
                        }
                    }
                    self.reader.keep_valid(self.workspace.project());
                    self.dialogs.report.open(add_report(&read.report));
                }
                Err(_) => self.show_error(
                    "Could not add the articles",
                    "reading the files stopped unexpectedly",
                ),
            },
            TransferJob::Import {
                worker, options, ..
            } => match worker.join() {
                Ok((docs, mut report)) => {
                    if let Err(error) = self.workspace.import(docs, &options, &mut report) {
                        self.show_error("Could not import", error);
                        return;
                    }
                    self.reader.keep_valid(self.workspace.project());
                    self.dialogs.report.open(import_report(&report));
                }
                Err(_) => self.show_error("Could not import", "the import stopped unexpectedly"),
            },
        }
    }

    /// Applies the export window's answer.
    pub(super) fn answer_export_window(&mut self, answer: ExportDialogAnswer) {
        match answer {
            ExportDialogAnswer::Export(options, path) => self.start_export(options, path),
            ExportDialogAnswer::Browse => {
                if let Some(request) = self.dialogs.export.state_mut().map(|s| export_request(s)) {
                    self.ask_for_files(request);
                }
            }
            ExportDialogAnswer::Cancel => self.dialogs.export.close(),
        }
    }

    /// Applies the import window's answer.
    pub(super) fn answer_import_window(&mut self, answer: ImportDialogAnswer) {
        match answer {
            ImportDialogAnswer::Import(options, paths) => self.start_import(options, paths),
            ImportDialogAnswer::Browse => {
                if let Some(request) = self.dialogs.import.state_mut().map(|s| import_request(s)) {
                    self.ask_for_files(request);
                }
            }
            ImportDialogAnswer::Cancel => self.dialogs.import.close(),
        }
    }
}

/// `folder/name` for `folder/name.isnad.ron`.
fn export_stem(project: &Path) -> PathBuf {
    let name = project.file_name().unwrap_or_default().to_string_lossy();
    let stem = name
        .strip_suffix(&format!(".{}", crate::io::project::FILE_EXTENSION))
        .unwrap_or(&name)
        .to_owned();
    project.with_file_name(stem)
}

/// The Browse question of the export window: a folder, or a file of the format.
fn export_request(state: &ExportDialogState) -> FileRequest {
    let current = Path::new(&state.path);
    let folder = current.parent().map(Path::to_owned);
    if state.format.writes_folder() {
        return FileRequest::new(FilePurpose::ExportTo, "Export to", PickKind::Folder)
            .folder(folder);
    }
    let name = current
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    FileRequest::new(FilePurpose::ExportTo, "Export to", PickKind::Save)
        .filters(vec![FileFilter::new(
            state.format.display_name(),
            &[state.format.extension()],
        )])
        .file_name(name)
        .folder(folder)
}

/// The Browse question of the import window: files of the chosen format.
fn import_request(state: &ImportDialogState) -> FileRequest {
    let extensions: &[&str] = match state.format {
        crate::io::import::ImportFormat::Jsonl | crate::io::import::ImportFormat::Doccano => {
            &["jsonl", "json"]
        }
        crate::io::import::ImportFormat::LabelStudio => &["json"],
        crate::io::import::ImportFormat::Brat => &["ann"],
    };
    FileRequest::new(
        FilePurpose::ImportFrom,
        "Import annotations from",
        PickKind::Files,
    )
    .filters(vec![
        FileFilter::new(state.format.display_name(), extensions),
        FileFilter::all(),
    ])
}

fn export_report(report: &LossReport, written: &[PathBuf]) -> TransferReport {
    let mut lines: Vec<ReportLine> = written
        .iter()
        .map(|p| ReportLine::plain(format!("wrote {}", p.display())))
        .collect();
    for (kind, count) in report.counts() {
        lines.push(ReportLine::plain(format!(
            "{count} {}{} {}:",
            kind.noun(),
            crate::io::plural(count),
            kind.describe()
        )));
        for loss in report.losses.iter().filter(|l| l.kind == kind) {
            // The detail (the relation's other end, the attribute values) may quote Arabic, so it
            // goes in the shaped part.
            let detail = if loss.detail.is_empty() {
                String::new()
            } else {
                format!(" — {}", one_line(&loss.detail))
            };
            lines.push(ReportLine {
                context: format!(
                    "    span {} ({}) [{}, {}) in document {}:",
                    loss.span_id, loss.label, loss.start, loss.end, loss.doc_id
                ),
                text: Some(format!(
                    "«{}»{detail} — {}",
                    one_line(&loss.text),
                    loss.document
                )),
            });
        }
    }
    TransferReport {
        title: "Export report".into(),
        summary: report.summary(),
        complete: report.is_complete(),
        lines,
        full_text: report.to_string(),
    }
}

fn add_report(report: &CorpusReport) -> TransferReport {
    shaped_report(
        "Articles added",
        report.summary(),
        report.outcome() == CorpusOutcome::Complete,
        report.to_string(),
    )
}

fn import_report(report: &ImportReport) -> TransferReport {
    let complete = report.outcome() == crate::io::import::ImportOutcome::Complete;
    shaped_report(
        "Import report",
        report.summary(),
        complete,
        report.to_string(),
    )
}

/// A report whose detail lines (every line of `text` after the summary) quote file text, often
/// Arabic: every line is shaped.
fn shaped_report(title: &str, summary: String, complete: bool, text: String) -> TransferReport {
    TransferReport {
        title: title.into(),
        summary,
        complete,
        lines: text
            .lines()
            .skip(1)
            .map(|line| ReportLine {
                context: String::new(),
                text: Some(line.to_owned()),
            })
            .collect(),
        full_text: text,
    }
}
