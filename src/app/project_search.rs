//! Find in the project (Ctrl+Shift+F): the query and options of the results panel, the search
//! running on a worker thread over the documents' shared texts (progress, Cancel), and its
//! results. Opening a hit shows its document with the hit selected; tagging is in
//! `project_search_tag`.
//!
//! The results remember the text each document had when it was searched: a hit is opened or
//! tagged only while its document still has that text.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{AppCommand, IsnadApp};
use crate::lang::project_search::{ProjectHits, search_texts, shared_texts};
use crate::lang::{Query, SearchOptions};
use crate::model::{DocId, LabelId, Project};
use crate::ui::search_panel::{SearchPanelAction, SearchPanelInfo, search_panel_ui};
use crate::ui::search_results::{ResultsList, results_list_id};

/// The span a "Tag all like this" search started from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct LikeSpan {
    pub(super) doc: DocId,
    pub(super) range: Range<usize>,
    pub(super) label: LabelId,
}

/// What was searched for.
#[derive(Clone, Debug)]
pub(super) struct Searched {
    pub(super) query: String,
    pub(super) options: SearchOptions,
    pub(super) like: Option<LikeSpan>,
}

/// A search running on a worker thread.
struct SearchJob {
    searched: Searched,
    cancel: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: usize,
    /// The texts searched (shared with the project: no copy).
    texts: Vec<(DocId, Arc<str>)>,
    worker: JoinHandle<ProjectHits>,
}

/// The results of the last search.
pub(super) struct SearchResults {
    pub(super) searched: Searched,
    pub(super) list: ResultsList,
    summary: String,
}

/// State of find in the project.
#[derive(Default)]
pub struct ProjectSearchState {
    open: bool,
    /// Put the keyboard in the query field at the next frame.
    focus_query: bool,
    query: String,
    options: SearchOptions,
    job: Option<SearchJob>,
    pub(super) results: Option<SearchResults>,
    error: Option<String>,
}

impl ProjectSearchState {
    /// Whether the results panel is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether a search is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Why the query could not be searched.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The query field's text.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The last search's results list (hits, checks, cursor).
    pub fn results(&self) -> Option<&ResultsList> {
        self.results.as_ref().map(|r| &r.list)
    }

    /// The line about the last search ("27 hits in 3 documents").
    pub fn summary(&self) -> Option<&str> {
        self.results.as_ref().map(|r| r.summary.as_str())
    }

    /// Shows the panel with the keyboard in the query field (Ctrl+Shift+F).
    pub(super) fn open(&mut self) {
        self.open = true;
        self.focus_query = true;
    }

    /// Ctrl+A while the results list has the keyboard checks every hit; `false` when it does not
    /// have it (Ctrl+A then selects the article's text).
    pub(super) fn check_all_if_focused(&mut self, ctx: &egui::Context) -> bool {
        if !self.open || !ctx.memory(|m| m.has_focus(results_list_id())) {
            return false;
        }
        if let Some(results) = &mut self.results {
            results.list.check_all(true);
        }
        true
    }

    /// Starts searching `project` for `searched` in the background (stopping a search already
    /// running). An unusable query is reported in the panel instead.
    pub(super) fn start(&mut self, ctx: &egui::Context, project: &Project, searched: Searched) {
        self.cancel();
        self.open = true;
        self.error = None;
        let query = match Query::new(&searched.query, searched.options) {
            Ok(query) => query,
            Err(error) => {
                self.error = Some(error.to_string());
                self.results = None;
                return;
            }
        };
        self.query.clone_from(&searched.query);
        self.options = searched.options;
        let texts = shared_texts(project);
        let total = texts.len();
        let kept = texts.clone();
        let cancel = Arc::new(AtomicBool::new(false));
        let done = Arc::new(AtomicUsize::new(0));
        let (stop, count, repaint) = (Arc::clone(&cancel), Arc::clone(&done), ctx.clone());
        let spawned = std::thread::Builder::new()
            .name("project-search".into())
            .spawn(move || {
                let hits = search_texts(&texts, &query, &|searched, _| {
                    count.store(searched, Ordering::Relaxed);
                    !stop.load(Ordering::Relaxed)
                });
                repaint.request_repaint();
                hits
            });
        match spawned {
            Ok(worker) => {
                self.job = Some(SearchJob {
                    searched,
                    cancel,
                    done,
                    total,
                    texts: kept,
                    worker,
                })
            }
            Err(error) => self.error = Some(format!("Could not start the search: {error}")),
        }
    }

    /// Asks the running search to stop (it ends after the document it is in; what it found so
    /// far is shown).
    fn cancel(&mut self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Takes the results of a finished search.
    fn poll(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        if !job.worker.is_finished() {
            ctx.request_repaint_after(Duration::from_millis(50));
            return;
        }
        let Some(job) = self.job.take() else {
            return;
        };
        let Ok(mut hits) = job.worker.join() else {
            self.error = Some("The search stopped unexpectedly".into());
            return;
        };
        if let Some(like) = &job.searched.like {
            hits.remove_overlapping(like.doc, &like.range);
        }
        let texts: HashMap<DocId, Arc<str>> = job.texts.into_iter().collect();
        let groups = hits.documents.into_iter().filter_map(|d| {
            let text = texts.get(&d.doc)?;
            Some((d.doc, Arc::clone(text), d.hits))
        });
        let mut list = ResultsList::new(groups);
        list.request_focus();
        let summary = summary(&list, hits.searched, job.total, hits.cancelled);
        self.results = Some(SearchResults {
            searched: job.searched,
            list,
            summary,
        });
    }

    /// Whether every document with hits still has the text it was searched in.
    pub(super) fn is_current(&self, project: &Project) -> bool {
        self.results.as_ref().is_none_or(|results| {
            results.list.groups().iter().all(|group| {
                project
                    .document(group.doc)
                    .is_some_and(|d| same_text(&d.shared_text(), &group.text))
            })
        })
    }
}

/// Whether two texts are the same (the same shared text, or equal).
fn same_text(a: &Arc<str>, b: &Arc<str>) -> bool {
    Arc::ptr_eq(a, b) || **a == **b
}

/// "27 hits in 3 documents", with how far a cancelled search got.
fn summary(list: &ResultsList, searched: usize, total: usize, cancelled: bool) -> String {
    let hits = match list.total() {
        0 => "No hits".to_owned(),
        1 => "1 hit".to_owned(),
        n => format!("{n} hits"),
    };
    let docs = match list.groups().len() {
        0 => String::new(),
        1 => " in 1 document".to_owned(),
        n => format!(" in {n} documents"),
    };
    if cancelled {
        format!("{hits}{docs} (cancelled after {searched} of {total} documents)")
    } else {
        format!("{hits}{docs}")
    }
}

impl IsnadApp {
    /// Find in the project: its state (tests).
    pub fn project_search(&self) -> &ProjectSearchState {
        &self.project_search
    }

    /// The results panel (when open) above the status bar; its answers go to the command queue.
    pub(super) fn project_search_panel(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let search = &mut self.project_search;
        search.poll(&ctx);
        if !search.open {
            return;
        }
        let project = self.workspace.project();
        let like_label = search
            .results
            .as_ref()
            .and_then(|r| r.searched.like.as_ref())
            .and_then(|like| project.schema().get(&like.label))
            .map(|label| (&label.id, label.name.as_str()));
        let (summary, list) = match search.results.as_mut() {
            Some(SearchResults { summary, list, .. }) => (Some(summary.as_str()), Some(list)),
            None => (None, None),
        };
        let info = SearchPanelInfo {
            running: search
                .job
                .as_ref()
                .map(|job| (job.done.load(Ordering::Relaxed), job.total)),
            error: search.error.as_deref(),
            summary,
            like_label,
            focus_query: std::mem::take(&mut search.focus_query),
        };
        let actions = egui::Panel::bottom("project-search")
            .resizable(true)
            .default_size(300.0)
            .min_size(120.0)
            .show(ui, |ui| {
                search_panel_ui(
                    ui,
                    &mut self.engine,
                    project,
                    &mut search.query,
                    &mut search.options,
                    list,
                    &info,
                )
            })
            .inner;
        self.commands
            .extend(actions.into_iter().map(AppCommand::ProjectSearch));
    }

    /// Runs what the user asked for in the panel.
    pub(super) fn run_search_action(&mut self, ctx: &egui::Context, action: SearchPanelAction) {
        match action {
            SearchPanelAction::Search => {
                let searched = Searched {
                    query: self.project_search.query.clone(),
                    options: self.project_search.options,
                    like: None,
                };
                self.project_search
                    .start(ctx, self.workspace.project(), searched);
            }
            SearchPanelAction::Cancel => self.project_search.cancel(),
            SearchPanelAction::Close => {
                self.project_search.open = false;
                ctx.memory_mut(|m| m.surrender_focus(results_list_id()));
            }
            SearchPanelAction::Open(doc, hit) => self.open_search_hit(ctx, doc, hit),
            SearchPanelAction::Tag(label) => self.tag_chosen_hits(ctx, &label),
            SearchPanelAction::TagAll(label) => {
                if let Some(results) = &mut self.project_search.results {
                    results.list.check_all(true);
                }
                self.tag_chosen_hits(ctx, &label);
            }
        }
    }

    /// Shows `doc` with `hit` selected and scrolled into view, if the document still has the
    /// text it was searched in.
    fn open_search_hit(&mut self, ctx: &egui::Context, doc: DocId, hit: Range<usize>) {
        if !self.project_search.is_current(self.workspace.project()) {
            self.search_again(ctx);
            return;
        }
        self.show_document(doc);
        if self.current_document() == Some(doc) {
            super::find::go_to_hit(&mut self.reader, hit);
        }
    }

    /// The project changed under the results: searches again for the same thing and says so.
    pub(super) fn search_again(&mut self, ctx: &egui::Context) {
        if let Some(results) = self.project_search.results.take() {
            self.project_search
                .start(ctx, self.workspace.project(), results.searched);
        }
        self.notices.warn(
            "The project changed since this search (a document was edited, cropped or removed): \
             searched again; check the hits, then tag",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_hits_and_documents() {
        let text: Arc<str> = Arc::from("قال قال");
        let list = ResultsList::new([
            (DocId(1), Arc::clone(&text), vec![0..6, 7..13]),
            (DocId(2), text, std::iter::once(0..6).collect()),
        ]);
        assert_eq!(summary(&list, 5, 5, false), "3 hits in 2 documents");
        assert_eq!(
            summary(&list, 2, 5, true),
            "3 hits in 2 documents (cancelled after 2 of 5 documents)"
        );
        assert_eq!(summary(&ResultsList::new([]), 5, 5, false), "No hits");
    }
}
