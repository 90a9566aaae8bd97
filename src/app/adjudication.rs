//! Adjudication (File › Compare annotators…): the open project is annotator A; the other
//! annotators' projects of the same documents (matched by their text), picked together in one
//! file dialog, are B, C, …. All are compared (`team::Adjudication`), the open project is
//! replaced by a new untitled gold project holding every span all made alike, and the
//! disagreements are stepped through (F8: the next one not decided yet; Shift+F8: the previous
//! one), each decided with one key as one undo step (Alt+1 … Alt+9 an alternative, Alt+A /
//! Alt+B what A / B proposed, Alt+T all, Alt+M the majority, Alt+N neither). The decisions are
//! remembered apart from the gold (`team::Decisions`), so "decided: neither" and "not decided"
//! differ, and undo and redo move them with the gold. The article shows each annotator's spans
//! in a lane; View › Agreement… shows the figures and the label confusion matrix.
//!
//! Several files are picked at once rather than added one by one to a running comparison: what
//! everyone agrees on, and so the gold itself, depends on who is compared, so adding an
//! annotator later would undo the decisions already made.
//!
//! A large file is read and compared on a worker thread; the app polls it every frame.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use super::dialogs::AfterConfirm;
use super::file_picker::{FileFilter, FilePurpose, FileRequest, PickKind};
use super::{IsnadApp, Location, Workspace};
use crate::model::{DocId, Project};
use crate::team::{Adjudication, Annotator, Confusion, Decisions};

/// Files larger than this (bytes) are read and compared off the UI thread.
pub const BACKGROUND_BYTES: u64 = 2 * 1024 * 1024;

/// What comparing gives: the adjudication and the gold project, or why not (the message names
/// the file).
type Prepared = Result<(Adjudication, Project), String>;

/// A comparison under way on a worker thread.
struct Loading {
    worker: JoinHandle<Prepared>,
    files: Vec<String>,
}

/// The adjudication under way.
pub(super) struct Session {
    pub(super) adjudication: Adjudication,
    /// The annotators' files (shown in the agreement window).
    pub(super) files: Vec<String>,
    /// The disagreement shown.
    pub(super) current: usize,
    /// The document whose lanes the view holds.
    pub(super) lanes_of: Option<DocId>,
    /// What was decided on each disagreement.
    pub(super) decisions: Decisions,
    /// The pair of annotators of the confusion matrix, and the matrix (computed when chosen).
    pub(super) confusion: ((usize, usize), Confusion),
}

/// The adjudication capability: a comparison loading, the session, the agreement window.
#[derive(Default)]
pub struct Adjudicating {
    loading: Option<Loading>,
    pub(super) session: Option<Session>,
    pub(super) agreement_open: bool,
    pub(super) confusion_open: bool,
    /// Files larger than this are compared on a worker thread (`None`: [`BACKGROUND_BYTES`]).
    background_bytes: Option<u64>,
}

impl Adjudicating {
    /// Ends the session (another project replaced the gold).
    pub fn end(&mut self) {
        self.session = None;
        self.agreement_open = false;
        self.confusion_open = false;
    }
}

/// The name a project file's work is credited to: its name without `.isnad.ron` (or `.ron`).
pub fn annotator_name(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let lower = name.to_lowercase();
    for ending in [".isnad.ron", ".ron"] {
        if lower.ends_with(ending) && name.len() > ending.len() {
            return name[..name.len() - ending.len()].to_owned();
        }
    }
    name
}

/// Reads the projects at `paths` (annotators B, C, …) and compares them with `a`.
fn prepare(a: Annotator, paths: &[PathBuf]) -> Prepared {
    let mut annotators = vec![a];
    for path in paths {
        let project =
            crate::io::project::load(path).map_err(|e| format!("{e}\nFile: {}", path.display()))?;
        annotators.push(Annotator {
            name: annotator_name(path),
            project,
        });
    }
    let files: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let label = if files.len() == 1 { "File" } else { "Files" };
    Adjudication::new(annotators).map_err(|e| format!("{e}\n{label}: {}", files.join(", ")))
}

impl IsnadApp {
    /// File › Compare annotators…: asks about unsaved changes first (the gold project takes the
    /// open one's place), then for the other annotators' projects.
    pub(super) fn compare_annotators_dialog(&mut self) {
        if self.adjudicating.loading.is_some() {
            self.notices
                .warn("Busy: the comparison is still being made");
            return;
        }
        self.confirm_then(AfterConfirm::CompareDialog);
    }

    /// Asks for the other annotators' projects (one or more), starting in the open project's
    /// folder.
    pub(super) fn ask_for_annotators(&mut self) {
        let folder = self.workspace.folder();
        let request = FileRequest::new(
            FilePurpose::CompareWith,
            "Compare with other annotators' projects (Ctrl+click picks several)",
            PickKind::Files,
        )
        .filters(vec![
            FileFilter::new("Isnad projects", &["ron"]),
            FileFilter::all(),
        ])
        .folder(folder);
        self.ask_for_files(request);
    }

    /// Compares the open project (annotator A) with the projects at `paths` (B, C, …): at once
    /// when they are small, on a worker thread when one is large.
    pub fn compare_with(&mut self, paths: &[PathBuf]) {
        // The open project is A already: picked again, it is left out.
        let own = self.workspace.path().and_then(|p| p.canonicalize().ok());
        let paths: Vec<PathBuf> = paths
            .iter()
            .filter(|p| own.is_none() || p.canonicalize().ok() != own)
            .cloned()
            .collect();
        if paths.is_empty() {
            self.notices
                .warn("Pick the other annotators' projects: the open project is annotator A");
            return;
        }
        let name = match self.workspace.location() {
            Location::File(own) => annotator_name(own),
            Location::Sample => "sample".to_owned(),
            Location::Untitled => self
                .workspace
                .annotator()
                .unwrap_or("this project")
                .to_owned(),
        };
        let mut files = vec![self.workspace.display_name()];
        files.extend(paths.iter().map(|p| p.display().to_string()));
        let a = Annotator {
            name,
            project: self.workspace.project().clone(),
        };
        let limit = self
            .adjudicating
            .background_bytes
            .unwrap_or(BACKGROUND_BYTES);
        let large = paths
            .iter()
            .any(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > limit));
        if large {
            let worker = std::thread::spawn(move || prepare(a, &paths));
            self.adjudicating.loading = Some(Loading { worker, files });
            self.notices.info("Comparing the annotators…");
        } else {
            let prepared = prepare(a, &paths);
            self.start_adjudication(prepared, files);
        }
    }

    /// Compares files larger than `bytes` on a worker thread (tests: 0, every file).
    pub fn set_compare_background_bytes(&mut self, bytes: u64) {
        self.adjudicating.background_bytes = Some(bytes);
    }

    /// Whether a comparison is being made on a worker thread.
    pub fn is_comparing(&self) -> bool {
        self.adjudicating.loading.is_some()
    }

    /// Takes a finished comparison (polled every frame).
    pub(super) fn poll_adjudication(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.adjudicating.loading else {
            return;
        };
        if !loading.worker.is_finished() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
            return;
        }
        let Some(loading) = self.adjudicating.loading.take() else {
            return;
        };
        let prepared = loading
            .worker
            .join()
            .unwrap_or_else(|_| Err("the comparison stopped unexpectedly".to_owned()));
        self.start_adjudication(prepared, loading.files);
    }

    /// Opens the gold project and shows the first disagreement, or says why not.
    fn start_adjudication(&mut self, prepared: Prepared, files: Vec<String>) {
        let (adjudication, gold) = match prepared {
            Ok(done) => done,
            Err(message) => {
                self.show_error("Could not compare the annotators", message);
                return;
            }
        };
        self.replace_workspace(Workspace::new(gold, Location::Untitled));
        let count = adjudication.annotators().len();
        let who = if count == 2 {
            let names: Vec<&str> = adjudication
                .annotators()
                .iter()
                .map(|a| a.name.as_str())
                .collect();
            format!("both {} and {}", names[0], names[1])
        } else {
            format!("all {count} annotators")
        };
        let agreed = self.workspace.project().span_count();
        let total = adjudication.disagreements().len();
        self.notices.info(format!(
            "Gold project: {agreed} span{} {who} made alike {} in it; {total} disagreement{} to \
             decide (Alt+1… an alternative, Alt+A / Alt+B a side, Alt+T all, Alt+M majority, \
             Alt+N neither; F8 next undecided)",
            crate::io::plural(agreed),
            if agreed == 1 { "is" } else { "are" },
            crate::io::plural(total),
        ));
        let confusion = crate::team::confusion(&adjudication.report().corpus, 0, 1);
        self.adjudicating.session = Some(Session {
            decisions: Decisions::new(total),
            adjudication,
            files,
            current: 0,
            lanes_of: None,
            confusion: ((0, 1), confusion),
        });
        if total > 0 {
            self.show_disagreement(0);
        }
    }

    /// The adjudication in progress, if any.
    pub fn adjudication(&self) -> Option<&Adjudication> {
        self.adjudicating.session.as_ref().map(|s| &s.adjudication)
    }

    /// The decisions taken so far, while adjudicating.
    pub fn decisions(&self) -> Option<&Decisions> {
        self.adjudicating.session.as_ref().map(|s| &s.decisions)
    }

    /// The disagreement shown (index), while adjudicating.
    pub fn current_disagreement(&self) -> Option<usize> {
        self.adjudicating.session.as_ref().map(|s| s.current)
    }

    /// Whether the agreement window is open.
    pub fn is_agreement_open(&self) -> bool {
        self.adjudicating.agreement_open && self.adjudicating.session.is_some()
    }

    /// Whether the label confusion window is open.
    pub fn is_confusion_open(&self) -> bool {
        self.adjudicating.confusion_open && self.adjudicating.session.is_some()
    }

    /// The label confusion matrix shown in the agreement window: its pair of annotators and
    /// counts.
    pub fn confusion(&self) -> Option<&((usize, usize), Confusion)> {
        self.adjudicating.session.as_ref().map(|s| &s.confusion)
    }

    /// Shows disagreement `index`: its document, scrolled to it.
    pub(super) fn show_disagreement(&mut self, index: usize) {
        let Some(session) = &mut self.adjudicating.session else {
            return;
        };
        session.current = index;
        let Some((doc, range)) = session.adjudication.focus(index) else {
            return;
        };
        if self.reader.doc() != Some(doc) {
            self.show_document(doc);
        }
        if let Some(view) = self.reader.view_mut() {
            view.scroll_into_view(range);
        }
    }
}
