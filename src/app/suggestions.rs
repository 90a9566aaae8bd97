//! Suggestions in the app (issue 16): computed off the UI thread, drawn apart from spans, and
//! judged with the keyboard (see `suggestions_accept.rs`).
//!
//! For the document shown, a worker thread computes the suggestions
//! ([`crate::lang::suggest::suggest_document`]: the cue suggester and the phrases learned from
//! every span of the project, without the suggestions rejected in that document) over a snapshot
//! of the project (documents share their text, so the copy is cheap), and their counts and marks.
//! A new computation starts when the document or the project's revision changes: at once for
//! another document, after [`DEBOUNCE_SECONDS`] of quiet for an edit; one runs at a time. A result
//! is shown only if the document, its text and the revision are still those it was computed for;
//! otherwise it is dropped and the next one starts. The frame never waits: until then the
//! suggestions shown are the previous ones, minus those judged since (removed at once, locally,
//! with their marks).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use super::IsnadApp;
use crate::lang::suggest::{
    AnchoredRelation, DocumentSuggestions, PhraseIndex, Rejected, Suggestion, SuggestionCounts,
    suggest_document,
};
use crate::model::{DocId, LabelId, Project};
use crate::ui::article_view::SuggestionMarks;
use crate::ui::colours::to_color32;
use crate::ui::suggestion_list::{
    SuggestionListAction, SuggestionListInfo, SuggestionListState, suggestion_list_ui,
};

/// Quiet time after an edit before the suggestions are computed again, in seconds.
pub const DEBOUNCE_SECONDS: f64 = 0.15;

/// The revision of a list changed locally since it was computed (never a real revision).
const LOCALLY_CHANGED: u64 = u64::MAX;

/// The suggestions shown, and what they were computed for.
struct Shown {
    doc: DocId,
    revision: u64,
    text: Arc<str>,
    found: DocumentSuggestions,
    /// `found`'s counts, for the list (kept with it).
    counts: SuggestionCounts,
}

/// A computation running on a worker thread.
struct Job {
    doc: DocId,
    revision: u64,
    text: Arc<str>,
    worker: JoinHandle<Computed>,
}

/// What the worker hands back: the suggestions, their counts and their marks, all made off the
/// UI thread (building the marks of 456,014 suggestions took the frame that received them 50 ms).
struct Computed {
    found: DocumentSuggestions,
    counts: SuggestionCounts,
    marks: SuggestionMarks,
}

/// The marks of `found`, coloured by label (`colours`: each label of the schema and its colour;
/// an unknown label is grey).
fn marks_of(found: &[Suggestion], colours: &[(LabelId, egui::Color32)]) -> SuggestionMarks {
    SuggestionMarks::new(found.iter().map(|s| {
        let colour = colours
            .iter()
            .find(|(label, _)| *label == s.label)
            .map_or(egui::Color32::GRAY, |&(_, colour)| colour);
        (s.range.clone(), s.label.clone(), colour, s.suggester)
    }))
}

/// Each label of `project`'s schema with its colour, for [`marks_of`].
fn label_colours(project: &Project) -> Vec<(LabelId, egui::Color32)> {
    project
        .schema()
        .labels()
        .iter()
        .map(|l| (l.id.clone(), to_color32(l.colour)))
        .collect()
}

/// The suggestions of the document shown, the current one, and their computation.
#[derive(Default)]
pub(super) struct SuggestionsState {
    shown: Option<Shown>,
    /// The index of the current suggestion in the shown list.
    current: Option<usize>,
    job: Option<Job>,
    /// The document and revision last seen, and when they changed (egui time).
    seen: Option<(DocId, u64)>,
    changed_at: f64,
    /// The marks drawn in the article (rebuilt when the list changes).
    marks: SuggestionMarks,
    marks_stale: bool,
    /// The list in the span panel.
    list: SuggestionListState,
    /// The names of the gazetteer in use (Edit › Use a gazetteer…).
    gazetteer: Option<Arc<PhraseIndex>>,
}

impl SuggestionsState {
    /// The suggestions shown (empty when none).
    pub(super) fn found(&self) -> Option<&DocumentSuggestions> {
        self.shown.as_ref().map(|s| &s.found)
    }

    /// The document the shown suggestions are of, and its text.
    pub(super) fn shown_doc(&self) -> Option<(DocId, &Arc<str>)> {
        self.shown.as_ref().map(|s| (s.doc, &s.text))
    }

    pub(super) fn current(&self) -> Option<usize> {
        self.current
            .filter(|&i| self.found().is_some_and(|f| i < f.spans.len()))
    }

    pub(super) fn set_current(&mut self, current: Option<usize>) {
        self.current = current;
    }

    /// The index of the suggestion with this range and label.
    pub(super) fn position(&self, range: &Range<usize>, label: &LabelId) -> Option<usize> {
        self.found()?
            .spans
            .iter()
            .position(|s| &s.range == range && &s.label == label)
    }

    /// Proposes the names of `gazetteer` from now on (`None`: no gazetteer); the suggestions are
    /// computed again.
    pub(super) fn set_gazetteer(&mut self, gazetteer: Option<Arc<PhraseIndex>>) {
        self.gazetteer = gazetteer;
        self.reset();
    }

    /// Forgets everything shown (another project is open).
    pub(super) fn reset(&mut self) {
        self.shown = None;
        self.current = None;
        self.seen = None;
        self.marks_stale = true;
    }

    /// Takes suggestions out of the shown list at once (judged, or covered by a span just
    /// accepted), before the next computation confirms it: `gone` are indices; `accepted` the
    /// indices accepted, with the range and label of their new span. A relation that loses one
    /// end to an accepted span is kept, anchored on it; the current suggestion moves to the one
    /// after it.
    pub(super) fn remove(&mut self, gone: &[usize], accepted: &[(usize, Range<usize>, LabelId)]) {
        let Some(shown) = &mut self.shown else {
            return;
        };
        // Changed here, not computed: the next computation replaces it whatever the revision
        // (an undo may bring the project back to the revision it was computed for).
        shown.revision = LOCALLY_CHANGED;
        let found = &mut shown.found;
        let covered = Intervals::new(accepted.iter().map(|(_, r, l)| (r.clone(), l)));
        // Only a suggestion within the accepted ranges' hull can be covered: the others are
        // passed over without looking their label up.
        let hull = accepted
            .iter()
            .map(|(_, r, _)| r.clone())
            .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end));
        let mut keep: Vec<bool> = found
            .spans
            .iter()
            .map(|s| {
                !hull
                    .as_ref()
                    .is_some_and(|h| s.range.start < h.end && s.range.end > h.start)
                    || !covered.overlaps(&s.range, &s.label)
            })
            .collect();
        for &i in gone {
            if let Some(k) = keep.get_mut(i) {
                *k = false;
            }
        }
        let mut new_index = Vec::with_capacity(keep.len());
        let mut kept = 0;
        for &k in &keep {
            new_index.push(k.then_some(kept));
            kept += usize::from(k);
        }
        let moved = |i: usize| new_index.get(i).copied().flatten();
        let by_index: HashMap<usize, (&Range<usize>, &LabelId)> =
            accepted.iter().map(|(i, r, l)| (*i, (r, l))).collect();
        let accepted_as = |i: usize| by_index.get(&i).map(|(r, l)| ((*r).clone(), (*l).clone()));
        let mut anchored: Vec<AnchoredRelation> = found
            .anchored
            .iter()
            .filter_map(|a| {
                Some(AnchoredRelation {
                    suggestion: moved(a.suggestion)?,
                    ..a.clone()
                })
            })
            .collect();
        let mut relations = Vec::new();
        for relation in &found.relations {
            match (moved(relation.head), moved(relation.child)) {
                (Some(head), Some(child)) => {
                    let mut relation = relation.clone();
                    (relation.head, relation.child) = (head, child);
                    relations.push(relation);
                }
                (Some(head), None) => {
                    if let Some((other, other_label)) = accepted_as(relation.child) {
                        anchored.push(AnchoredRelation {
                            kind: relation.kind.clone(),
                            suggestion: head,
                            suggestion_is_head: true,
                            other,
                            other_label,
                        });
                    }
                }
                (None, Some(child)) => {
                    if let Some((other, other_label)) = accepted_as(relation.head) {
                        anchored.push(AnchoredRelation {
                            kind: relation.kind.clone(),
                            suggestion: child,
                            suggestion_is_head: false,
                            other,
                            other_label,
                        });
                    }
                }
                (None, None) => {}
            }
        }
        for (s, _) in found.spans.iter().zip(&keep).filter(|&(_, &k)| !k) {
            shown.counts.without(s);
        }
        let spans = std::mem::take(&mut found.spans);
        found.spans = spans
            .into_iter()
            .zip(&keep)
            .filter_map(|(s, &k)| k.then_some(s))
            .collect();
        found.relations = relations;
        found.anchored = anchored;
        self.current = self.current.and_then(|c| {
            // The current one, or the first kept after it.
            let after = keep.iter().take(c).filter(|&&k| k).count();
            (after < found.spans.len()).then_some(after)
        });
        // The marks follow the list: those of the suggestions gone are taken out, the others
        // keep their colour and lane (rebuilding 456,014 marks made accepting one take 60 ms).
        if !self.marks_stale {
            match self.marks.retained(&keep) {
                Some(marks) => self.marks = marks,
                None => self.marks_stale = true,
            }
        }
    }
}

/// (start, end) pairs sorted by start, and the greatest end up to each.
type Sorted = (Vec<(usize, usize)>, Vec<usize>);

/// Byte ranges by label, for "does one of this label overlap that range" in O(log n).
pub(super) struct Intervals<'a> {
    by_label: HashMap<&'a LabelId, Sorted>,
}

impl<'a> Intervals<'a> {
    pub(super) fn new(ranges: impl Iterator<Item = (Range<usize>, &'a LabelId)>) -> Self {
        let mut by_label: HashMap<&LabelId, Sorted> = HashMap::new();
        for (range, label) in ranges {
            by_label
                .entry(label)
                .or_default()
                .0
                .push((range.start, range.end));
        }
        for (ranges, max_end) in by_label.values_mut() {
            ranges.sort_unstable();
            let mut greatest = 0;
            *max_end = ranges
                .iter()
                .map(|r| {
                    greatest = greatest.max(r.1);
                    greatest
                })
                .collect();
        }
        Self { by_label }
    }

    pub(super) fn overlaps(&self, range: &Range<usize>, label: &LabelId) -> bool {
        let Some((ranges, max_end)) = self.by_label.get(label) else {
            return false;
        };
        let before = ranges.partition_point(|r| r.0 < range.end);
        before
            .checked_sub(1)
            .and_then(|i| max_end.get(i))
            .is_some_and(|&end| end > range.start)
    }
}

/// The snapshot a worker needs: the project (documents share their text) and the rejections of
/// the document.
fn rejected_in(project: &Project, doc: DocId) -> Rejected {
    project.suggestion_memory().rejected_in(doc).collect()
}

impl IsnadApp {
    /// Before the frame: takes a finished computation, starts the next one when the document or
    /// the project changed, and hands the marks to the article view. Never waits.
    pub(super) fn tick_suggestions(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let doc = self.current_document();
        let project = self.workspace.project();
        let revision = self.workspace.revision();
        let text = doc
            .and_then(|d| project.document(d))
            .map(|d| d.shared_text());
        let show = self.settings.show_suggestions;
        let state = &mut self.suggestions;
        let same_text = |other: &Arc<str>| text.as_ref().is_some_and(|t| Arc::ptr_eq(t, other));
        if state
            .shown
            .as_ref()
            .is_some_and(|s| Some(s.doc) != doc || !same_text(&s.text))
        {
            state.shown = None;
            state.current = None;
            state.marks_stale = true;
        }
        let key = doc.map(|d| (d, revision));
        if state.seen != key {
            state.seen = key;
            state.changed_at = now;
        }
        if state.job.as_ref().is_some_and(|j| j.worker.is_finished())
            && let Some(job) = state.job.take()
        {
            let fresh = Some(job.doc) == doc && job.revision == revision && same_text(&job.text);
            match job.worker.join() {
                Ok(Computed {
                    found,
                    counts,
                    marks,
                }) if fresh => {
                    let current = state
                        .current()
                        .and_then(|i| state.found()?.spans.get(i))
                        .map(|s| (s.range.clone(), s.label.clone()));
                    state.shown = Some(Shown {
                        doc: job.doc,
                        revision: job.revision,
                        text: job.text,
                        counts,
                        found,
                    });
                    state.current =
                        current.and_then(|(range, label)| state.position(&range, &label));
                    state.marks = marks;
                    state.marks_stale = false;
                }
                Ok(_) => {}
                Err(_) => self.notices.warn("Suggestions could not be computed"),
            }
        }
        let state = &mut self.suggestions;
        let needed =
            show && state.job.is_none() && state.shown.as_ref().map(|s| (s.doc, s.revision)) != key;
        if let (true, Some((doc, revision)), Some(text)) = (needed, key, text) {
            let wait = if state.shown.is_some() {
                DEBOUNCE_SECONDS - (now - state.changed_at)
            } else {
                0.0
            };
            if wait <= 0.0 {
                // The spans are shared, not copied: this costs the number of documents.
                let project = self.workspace.project();
                let snapshot = project.documents_snapshot();
                let rejected = rejected_in(project, doc);
                let gazetteer = state.gazetteer.clone();
                let colours = label_colours(project);
                let spawned = std::thread::Builder::new()
                    .name("isnad-suggest".into())
                    .spawn(move || {
                        let found =
                            suggest_document(&snapshot, doc, &rejected, gazetteer.as_deref());
                        Computed {
                            counts: SuggestionCounts::of(&found.spans),
                            marks: marks_of(&found.spans, &colours),
                            found,
                        }
                    });
                match spawned {
                    Ok(worker) => {
                        state.job = Some(Job {
                            doc,
                            revision,
                            text,
                            worker,
                        });
                    }
                    Err(error) => {
                        state.changed_at = now;
                        self.notices
                            .warn(format!("Suggestions could not be computed: {error}"));
                    }
                }
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(wait));
            }
        }
        if self.suggestions.job.is_some() {
            ctx.request_repaint_after(Duration::from_millis(16));
        }
        self.hand_marks_to_view();
    }

    /// Lets go of the current suggestion when a span or text is selected (the keys then act on
    /// those), and gives the view the marks to draw.
    fn hand_marks_to_view(&mut self) {
        let show = self.settings.show_suggestions;
        let project = self.workspace.project();
        let state = &mut self.suggestions;
        if state.marks_stale {
            // Those the worker made come with its result; these are for a list changed here
            // (forgotten, or emptied).
            state.marks_stale = false;
            let found = state
                .found()
                .map_or(&[][..], |found| found.spans.as_slice());
            state.marks = marks_of(found, &label_colours(project));
        }
        let Some(view) = self.reader.view_mut() else {
            return;
        };
        if view.selected_span().is_some() || !view.selection.is_empty() || !show {
            state.current = None;
        }
        let marks = if show && state.shown.as_ref().is_some_and(|s| s.doc == view.doc()) {
            let mut marks = state.marks.clone();
            marks.current = state.current();
            marks
        } else {
            SuggestionMarks::default()
        };
        view.set_suggestions(marks);
    }

    /// The suggestions section of the span panel.
    pub(super) fn suggestions_section(&mut self, ui: &mut egui::Ui) {
        let project = self.workspace.project();
        let state = &mut self.suggestions;
        let doc = self.reader.doc();
        let found = state.shown.as_ref().filter(|s| Some(s.doc) == doc);
        let text = found.map_or("", |s| &*s.text);
        let computing =
            state.job.is_some() || found.is_none_or(|s| s.revision != self.workspace.revision());
        let current = state.current();
        let info = SuggestionListInfo {
            doc,
            text,
            found: found.map(|s| (&s.found, &s.counts)),
            computing,
            shown: self.settings.show_suggestions,
            current,
            schema: project.schema(),
            tallies: project.suggestion_memory().tallies(),
        };
        let action = suggestion_list_ui(ui, &mut self.engine, &mut state.list, &info);
        let key = |i: usize| {
            found
                .and_then(|s| s.found.spans.get(i))
                .map(|s| (s.range.clone(), s.label.clone()))
        };
        use super::AppCommand;
        use crate::command::UiCommand;
        use crate::ui::article_view::ViewAction;
        match action {
            Some(SuggestionListAction::Go(i)) => {
                if let Some(key) = key(i) {
                    self.commands
                        .send(AppCommand::View(ViewAction::ChooseSuggestion(Some(key))));
                }
            }
            Some(SuggestionListAction::AcceptAll) => self
                .commands
                .send(AppCommand::Ui(UiCommand::AcceptAllSuggestions)),
            Some(SuggestionListAction::Show) => self
                .commands
                .send(AppCommand::Ui(UiCommand::ToggleSuggestions)),
            None => {}
        }
    }

    /// The suggestions shown for the document shown (empty while none are computed or when
    /// they are hidden).
    pub fn suggestions(&self) -> &[Suggestion] {
        match self.suggestions.shown.as_ref() {
            Some(shown)
                if self.settings.show_suggestions && Some(shown.doc) == self.reader.doc() =>
            {
                &shown.found.spans
            }
            _ => &[],
        }
    }

    /// All the shown suggestions with their relations (for tests).
    pub fn document_suggestions(&self) -> Option<&DocumentSuggestions> {
        self.suggestions.found()
    }

    /// The current suggestion (after Tab or a click on it).
    pub fn current_suggestion(&self) -> Option<&Suggestion> {
        self.suggestions().get(self.suggestions.current()?)
    }

    /// Whether the suggestions shown are those of the document and project as they are now (no
    /// computation running or waiting), or suggestions are hidden.
    pub fn suggestions_settled(&self) -> bool {
        if !self.settings.show_suggestions {
            return true;
        }
        let key = self.reader.doc().map(|d| (d, self.workspace.revision()));
        self.suggestions.job.is_none()
            && self.suggestions.shown.as_ref().map(|s| (s.doc, s.revision)) == key
    }
}
