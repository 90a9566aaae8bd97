//! Adjudication (File › Compare annotators…): the open project is annotator A; another
//! annotator's project of the same documents (matched by their text) is B. Both are compared
//! (`team::Adjudication`), the open project is replaced by a new untitled gold project holding
//! every span both made alike, and the disagreements are stepped through (F8 / Shift+F8), each
//! decided with one key (Alt+A, Alt+B, Alt+T both, Alt+N neither) as one undo step. The
//! article shows each annotator's spans in a lane; View › Agreement… shows the figures.
//!
//! A large file is read and compared on a worker thread; the app polls it every frame.

use std::path::Path;
use std::thread::JoinHandle;

use super::file_picker::{FileFilter, FilePurpose, FileRequest, PickKind};
use super::{IsnadApp, Location, Workspace};
use crate::command::UiCommand;
use crate::model::{DocId, Project};
use crate::team::{Adjudication, Annotator, Decision, SideItem};
use crate::ui::adjudication::{
    DisagreementView, SideView, adjudication_bar_ui, annotator_colour, annotator_letter,
};
use crate::ui::adjudication_agreement::agreement_ui;
use crate::ui::article_view::AnnotatorLane;
use crate::ui::colours::to_color32;

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
struct Session {
    adjudication: Adjudication,
    /// The annotators' files (shown in the agreement window).
    files: Vec<String>,
    /// The disagreement shown.
    current: usize,
    /// The document whose lanes the view holds.
    lanes_of: Option<DocId>,
}

/// The adjudication capability: a comparison loading, the session, the agreement window.
#[derive(Default)]
pub struct Adjudicating {
    loading: Option<Loading>,
    session: Option<Session>,
    agreement_open: bool,
    /// Files larger than this are compared on a worker thread (`None`: [`BACKGROUND_BYTES`]).
    background_bytes: Option<u64>,
}

impl Adjudicating {
    /// Ends the session (another project replaced the gold).
    pub fn end(&mut self) {
        self.session = None;
        self.agreement_open = false;
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

/// Reads `path` and compares it (annotator B) with `a`.
fn prepare(a: Annotator, path: &Path) -> Prepared {
    let project = crate::io::project::load(path).map_err(|e| e.to_string())?;
    let b = Annotator {
        name: annotator_name(path),
        project,
    };
    Adjudication::new(vec![a, b]).map_err(|e| format!("{e}\nFile: {}", path.display()))
}

impl IsnadApp {
    /// File › Compare annotators…: asks for the other annotator's project.
    pub(super) fn compare_annotators_dialog(&mut self) {
        if self.workspace.is_dirty() {
            self.notices.warn(
                "Save the project first (File › Save): comparing replaces it with a new gold project",
            );
            return;
        }
        if self.adjudicating.loading.is_some() {
            self.notices
                .warn("Busy: the comparison is still being made");
            return;
        }
        let request = FileRequest::new(
            FilePurpose::CompareWith,
            "Compare with another annotator's project",
            PickKind::File,
        )
        .filters(vec![
            FileFilter::new("Isnad projects", &["ron"]),
            FileFilter::all(),
        ]);
        self.ask_for_files(request);
    }

    /// Compares the open project (annotator A) with the project at `path` (B): at once when it is
    /// small, on a worker thread when it is large.
    pub fn compare_with(&mut self, path: &Path) {
        let name = match self.workspace.location() {
            Location::File(own) => annotator_name(own),
            Location::Sample => "sample".to_owned(),
            Location::Untitled => self
                .workspace
                .annotator()
                .unwrap_or("this project")
                .to_owned(),
        };
        let files = vec![self.workspace.display_name(), path.display().to_string()];
        let a = Annotator {
            name,
            project: self.workspace.project().clone(),
        };
        let limit = self
            .adjudicating
            .background_bytes
            .unwrap_or(BACKGROUND_BYTES);
        let large = std::fs::metadata(path).is_ok_and(|m| m.len() > limit);
        if large {
            let path = path.to_owned();
            let worker = std::thread::spawn(move || prepare(a, &path));
            self.adjudicating.loading = Some(Loading { worker, files });
            self.notices.info("Comparing the annotators…");
        } else {
            let prepared = prepare(a, path);
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
        let names: Vec<&str> = adjudication
            .annotators()
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        let agreed = self.workspace.project().span_count();
        let total = adjudication.disagreements().len();
        self.notices.info(format!(
            "Gold project: {agreed} span{} both {} and {} made alike {} in it; {total} \
             disagreement{} to decide (Alt+A, Alt+B, Alt+T both, Alt+N neither; F8 next)",
            crate::io::plural(agreed),
            names[0],
            names[1],
            if agreed == 1 { "is" } else { "are" },
            crate::io::plural(total),
        ));
        self.adjudicating.session = Some(Session {
            adjudication,
            files,
            current: 0,
            lanes_of: None,
        });
        if total > 0 {
            self.show_disagreement(0);
        }
    }

    /// The adjudication in progress, if any.
    pub fn adjudication(&self) -> Option<&Adjudication> {
        self.adjudicating.session.as_ref().map(|s| &s.adjudication)
    }

    /// The disagreement shown (index), while adjudicating.
    pub fn current_disagreement(&self) -> Option<usize> {
        self.adjudicating.session.as_ref().map(|s| s.current)
    }

    /// Whether the agreement window is open.
    pub fn is_agreement_open(&self) -> bool {
        self.adjudicating.agreement_open && self.adjudicating.session.is_some()
    }

    /// Runs an adjudication command (a decision, a step, the agreement window).
    pub(super) fn run_adjudication_command(&mut self, command: UiCommand) {
        if command == UiCommand::CompareAnnotators {
            self.compare_annotators_dialog();
            return;
        }
        let Some(session) = &self.adjudicating.session else {
            self.notices
                .info("Nothing to adjudicate: File › Compare annotators… first");
            return;
        };
        let (current, total) = (session.current, session.adjudication.disagreements().len());
        let decision = match command {
            UiCommand::TakeA => Decision::TakeA,
            UiCommand::TakeB => Decision::TakeB,
            UiCommand::TakeBoth => Decision::Both,
            UiCommand::TakeNeither => Decision::Neither,
            UiCommand::NextDisagreement | UiCommand::PreviousDisagreement => {
                let forward = command == UiCommand::NextDisagreement;
                match (forward, current) {
                    (true, c) if c + 1 < total => self.show_disagreement(c + 1),
                    (false, c) if c > 0 => self.show_disagreement(c - 1),
                    _ => self.notices.info(if forward {
                        "That is the last disagreement"
                    } else {
                        "That is the first disagreement"
                    }),
                }
                return;
            }
            UiCommand::ShowAgreement => {
                self.adjudicating.agreement_open = true;
                return;
            }
            _ => return,
        };
        if total == 0 {
            self.notices.info("No disagreement to decide");
            return;
        }
        let edit = session
            .adjudication
            .decision_edit(self.workspace.project(), current, decision);
        let result = match edit {
            Ok(edit) => self
                .workspace
                .apply_named(edit, decision.name())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        self.reader.keep_valid(self.workspace.project());
        match result {
            Ok(()) if current + 1 < total => self.show_disagreement(current + 1),
            Ok(()) => self
                .notices
                .info("That was the last disagreement: save the gold project with File › Save as…"),
            Err(error) => self.notices.warn(format!("Not done: {error}")),
        }
    }

    /// Shows disagreement `index`: its document, scrolled to it.
    fn show_disagreement(&mut self, index: usize) {
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

    /// Layout: the adjudication bar under the article and the agreement window; hands the
    /// annotators' lanes to the article view. Nothing is drawn when not adjudicating.
    pub(super) fn adjudication_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let Some(session) = &mut self.adjudicating.session else {
            if let Some(view) = self.reader.view_mut()
                && !view.annotator_lanes().lanes.is_empty()
            {
                view.set_annotator_lanes(Vec::new(), None);
            }
            return;
        };
        let project = self.workspace.project();
        let adjudication = &session.adjudication;
        let focus = adjudication.focus(session.current);
        if let Some(view) = self.reader.view_mut() {
            let doc = view.doc();
            // The lanes change only with the document shown (the annotators' files do not).
            let count = adjudication.annotators().len();
            if session.lanes_of != Some(doc) || view.annotator_lanes().lanes.len() != count {
                session.lanes_of = Some(doc);
                view.set_annotator_lanes(lanes_of(adjudication, project, doc), None);
            }
            view.set_annotator_focus(focus.clone().filter(|(d, _)| *d == doc).map(|(_, r)| r));
        }
        let names: Vec<String> = adjudication
            .annotators()
            .iter()
            .map(|a| a.name.clone())
            .collect();
        let total = adjudication.disagreements().len();
        let view = (total > 0).then(|| DisagreementView {
            index: session.current,
            total,
            kind: adjudication.disagreements()[session.current].kind.name(),
            title: focus
                .as_ref()
                .and_then(|(doc, _)| project.document(*doc))
                .map_or("", |d| d.title()),
            names: [&names[0], &names[1]],
            sides: [0, 1].map(|k| side_view(adjudication, project, session.current, k)),
            kept: adjudication.kept(project, session.current),
        });
        let mut clicked = None;
        egui::Panel::bottom("adjudication").show(ui, |ui| {
            clicked = adjudication_bar_ui(ui, &mut self.engine, view.as_ref());
        });
        if self.adjudicating.agreement_open {
            let mut open = true;
            let schema = project.schema();
            egui::Window::new("Agreement")
                .open(&mut open)
                .default_pos(ctx.content_rect().right_top() + egui::vec2(-580.0, 40.0))
                .default_width(560.0)
                .default_height(520.0)
                .vscroll(true)
                .show(&ctx, |ui| {
                    agreement_ui(
                        ui,
                        &mut self.engine,
                        adjudication.report(),
                        &names,
                        &session.files,
                        schema,
                    );
                });
            self.adjudicating.agreement_open = open;
        }
        if let Some(command) = clicked {
            self.request(command);
        }
    }
}

/// Each annotator's lane for gold document `doc`, coloured by the gold's labels.
fn lanes_of(adjudication: &Adjudication, gold: &Project, doc: DocId) -> Vec<AnnotatorLane> {
    let schema = gold.schema();
    (0..adjudication.annotators().len())
        .map(|k| AnnotatorLane {
            letter: annotator_letter(k),
            colour: annotator_colour(k),
            spans: adjudication
                .spans_of(k, doc)
                .iter()
                .map(|s| {
                    let colour = schema
                        .get(&s.label)
                        .map_or(egui::Color32::GRAY, |l| to_color32(l.colour));
                    (s.range(), colour)
                })
                .collect(),
        })
        .collect()
}

/// What side `k` of disagreement `index` proposes, in words.
fn side_view(
    adjudication: &Adjudication,
    gold: &Project,
    index: usize,
    k: usize,
) -> Option<SideView> {
    let item = adjudication.side(index, k)?;
    let doc = adjudication.focus(index)?.0;
    let text = gold.document(doc).map_or("", |d| d.text());
    let schema = gold.schema();
    let excerpt = |range: &std::ops::Range<usize>| text.get(range.clone()).unwrap_or("").to_owned();
    let colour_of = |label: &crate::model::LabelId| {
        schema
            .get(label)
            .map_or(egui::Color32::GRAY, |l| to_color32(l.colour))
    };
    let name_of = |label: &crate::model::LabelId| {
        schema
            .get(label)
            .map_or_else(|| label.as_str().to_owned(), |l| l.name.clone())
    };
    Some(match item {
        SideItem::Span(range, label) => SideView {
            label: name_of(&label),
            colour: colour_of(&label),
            text: excerpt(&range),
        },
        SideItem::Relation { kind, head, child } => SideView {
            label: schema
                .relation_type(&kind)
                .map_or_else(|| kind.as_str().to_owned(), |t| t.name.clone()),
            colour: colour_of(&head.1),
            text: format!("{} → {}", excerpt(&head.0), excerpt(&child.0)),
        },
    })
}
