//! Judging suggestions: Tab / Shift+Tab make the next / previous one current (and scroll to it),
//! Enter accepts it, a label's key accepts it with that label, Backspace rejects it (remembered
//! in the project: not proposed again in the document), and "Accept all in this document" takes
//! every one as one undo step. An accepted span says who made it: the annotator and the
//! suggester (`Span::suggested_by`); its `attributed_to` relation is added when the other end is
//! a span (accepted now or before). Each verdict goes through the history, so Ctrl+Z takes it
//! back, tally included. The keys act only in their context (see `ui::suggestion_keys`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::IsnadApp;
use crate::command::{Edit, UiCommand};
use crate::lang::suggest::SuggesterKind;
use crate::model::{
    DocId, DocumentStatus, LabelId, Relation, RelationTypeId, Span, SpanId, SuggestionVerdict,
    Verdict,
};
use crate::text::Selection;
use crate::ui::suggestion_keys::{SuggestionKey, SuggestionKeyContext, pressed_suggestion_key};

/// A suggestion to accept: its index in the shown list and the label to give it.
type Pick = (usize, LabelId);

impl IsnadApp {
    /// Reads the suggestion keys (before the frame; only without a blocking dialog).
    pub(super) fn suggestion_keys(&mut self, ctx: &egui::Context) {
        if self.dialogs.blocking().is_some() || !self.settings.show_suggestions {
            return;
        }
        let Some(view) = self.reader.view() else {
            return;
        };
        if view.linking_from().is_some() || !view.has_keyboard(ctx) {
            return;
        }
        let context = SuggestionKeyContext {
            can_step: !self.suggestions().is_empty() && view.selected_span().is_none(),
            has_current: self.current_suggestion().is_some(),
        };
        match pressed_suggestion_key(ctx, context) {
            Some(SuggestionKey::Command(command)) => self.request(command),
            Some(SuggestionKey::Release) => self.suggestions.set_current(None),
            None => {}
        }
    }

    /// Runs a suggestion command (menus, keys, the list).
    pub(super) fn run_suggestion_command(&mut self, command: UiCommand) {
        match command {
            UiCommand::NextSuggestion => self.step_suggestion(true),
            UiCommand::PreviousSuggestion => self.step_suggestion(false),
            UiCommand::AcceptSuggestion => match self.current_pick(None) {
                Some(pick) => self.accept_one(pick),
                None => self.no_current(),
            },
            UiCommand::RejectSuggestion => self.reject_current(),
            UiCommand::AcceptAllSuggestions => self.accept_all(),
            UiCommand::UseGazetteer => self.ask_for_gazetteer(),
            UiCommand::ToggleSuggestions => {
                self.settings.show_suggestions = !self.settings.show_suggestions;
                self.suggestions.set_current(None);
            }
            _ => {}
        }
    }

    /// A click on a suggestion (or the list) makes it current; a click elsewhere lets it go.
    pub(super) fn choose_suggestion(&mut self, key: Option<(Range<usize>, LabelId)>) {
        match key.and_then(|(range, label)| self.suggestions.position(&range, &label)) {
            Some(i) => self.make_current(i),
            None => self.suggestions.set_current(None),
        }
    }

    /// A label's key while a suggestion is current: accept it with that label.
    pub(super) fn accept_suggestion_as(
        &mut self,
        range: Range<usize>,
        proposed: LabelId,
        label: LabelId,
    ) {
        match self.suggestions.position(&range, &proposed) {
            Some(i) => self.accept_one((i, label)),
            None => self.no_current(),
        }
    }

    fn no_current(&mut self) {
        self.notices
            .info("No suggestion is chosen: Tab goes to the next one (or click one)");
    }

    fn step_suggestion(&mut self, forward: bool) {
        let count = self.suggestions().len();
        if count == 0 {
            self.notices.info("No suggestions in this document");
            return;
        }
        let next = match self.suggestions.current() {
            Some(i) if forward => (i + 1) % count,
            Some(i) => (i + count - 1) % count,
            None => {
                let caret = self.reader.view().map_or(0, |v| v.selection.head);
                let starts: Vec<usize> = self.suggestions().iter().map(|s| s.range.start).collect();
                let after = starts.partition_point(|&start| start < caret);
                if forward {
                    if after < count { after } else { 0 }
                } else {
                    after.checked_sub(1).unwrap_or(count - 1)
                }
            }
        };
        self.make_current(next);
    }

    /// Makes suggestion `i` current: no span or text selected, the caret at its start, scrolled
    /// into view, and what the keys do in the status bar.
    fn make_current(&mut self, i: usize) {
        let Some(suggestion) = self.suggestions().get(i).cloned() else {
            return;
        };
        self.suggestions.set_current(Some(i));
        if let Some(view) = self.reader.view_mut() {
            view.select_span(None);
            view.selection = Selection::caret(suggestion.range.start);
            view.scroll_into_view(suggestion.range.clone());
        }
        let name = self.label_name(&suggestion.label);
        self.notices.info(format!(
            "Suggested {name} ({}, {} of {}): Enter accepts, Backspace rejects, a label's key accepts it as that label",
            suggestion.suggester.name(),
            i + 1,
            self.suggestions().len()
        ));
    }

    fn label_name(&self, label: &LabelId) -> String {
        let schema = self.workspace.project().schema();
        schema
            .get(label)
            .map_or_else(|| label.as_str().to_owned(), |l| l.name.clone())
    }

    /// The current suggestion with `label` (its own when `None`).
    fn current_pick(&self, label: Option<LabelId>) -> Option<Pick> {
        let i = self.suggestions.current()?;
        let own = self.suggestions().get(i)?.label.clone();
        Some((i, label.unwrap_or(own)))
    }

    /// Whether the shown suggestions are of the document as it is (same text).
    fn suggestions_doc(&self) -> Option<DocId> {
        let (doc, text) = self.suggestions.shown_doc()?;
        let document = self.workspace.project().document(doc)?;
        (Some(doc) == self.current_document()
            && std::sync::Arc::ptr_eq(&document.shared_text(), text))
        .then_some(doc)
    }

    fn accept_one(&mut self, pick: Pick) {
        let (i, label) = pick.clone();
        let Some(suggestion) = self.suggestions().get(i).cloned() else {
            return self.no_current();
        };
        match self.accept(vec![pick], "accept suggestion", true) {
            Ok(0) => self
                .notices
                .info("Already tagged: nothing to accept (the suggestion is gone)"),
            Ok(_) => {
                let name = self.label_name(&label);
                let as_other = if label == suggestion.label {
                    String::new()
                } else {
                    format!(" (proposed as {})", self.label_name(&suggestion.label))
                };
                // The next suggestion (now at the same place in the list) is current.
                if let Some(next) = self.suggestions.current() {
                    self.make_current(next);
                }
                self.notices
                    .info(format!("Accepted as {name}{as_other} (Ctrl+Z undoes)"));
            }
            Err(why) => self.notices.warn(format!("Not accepted: {why}")),
        }
    }

    fn accept_all(&mut self) {
        let mut picks: Vec<(SuggesterKind, Pick)> = self
            .suggestions()
            .iter()
            .enumerate()
            .map(|(i, s)| (s.suggester, (i, s.label.clone())))
            .collect();
        if picks.is_empty() {
            self.notices.info("No suggestions in this document");
            return;
        }
        // Where suggestions of one label overlap, the first suggester's wins.
        picks.sort_by_key(|(kind, (i, _))| (*kind, *i));
        let picks = picks.into_iter().map(|(_, pick)| pick).collect();
        match self.accept(picks, "accept all suggestions", false) {
            Ok(n) => self.notices.info(format!(
                "Accepted {n} suggestion{} as spans (Ctrl+Z undoes them all)",
                crate::io::plural(n)
            )),
            Err(why) => self.notices.warn(format!("Not accepted: {why}")),
        }
    }

    fn reject_current(&mut self) {
        let Some(i) = self.suggestions.current() else {
            return self.no_current();
        };
        let (Some(doc), Some(suggestion)) =
            (self.suggestions_doc(), self.suggestions().get(i).cloned())
        else {
            return;
        };
        let verdict = SuggestionVerdict {
            doc,
            range: suggestion.range.clone(),
            label: suggestion.label.clone(),
            suggester: suggestion.suggester.name().to_owned(),
            verdict: Verdict::Rejected,
        };
        match self
            .workspace
            .apply_named(Edit::JudgeSuggestion(verdict), "reject suggestion")
        {
            Ok(()) => {
                self.suggestions.remove(&[i], &[]);
                if let Some(next) = self.suggestions.current() {
                    self.make_current(next);
                }
                let name = self.label_name(&suggestion.label);
                self.notices.info(format!(
                    "Rejected: this {name} is not proposed again in this document (Ctrl+Z undoes)"
                ));
            }
            Err(err) => self.notices.warn(format!("Not rejected: {err}")),
        }
    }

    /// Accepts `picks` (in that order; one overlapping an earlier pick of its label, or a span
    /// already there, is left out) as one undo step named `name`, with the relations whose ends
    /// are then spans; `judge` counts each in its suggester's tally. Returns how many spans were
    /// added.
    fn accept(
        &mut self,
        picks: Vec<Pick>,
        name: &'static str,
        judge: bool,
    ) -> Result<usize, String> {
        let doc = self
            .suggestions_doc()
            .ok_or("the document changed; the suggestions are being computed again")?;
        // Borrowed, not copied: a long document can have hundreds of thousands of suggestions.
        let Some(found) = self.suggestions.found() else {
            return Ok(0);
        };
        let project = self.workspace.project();
        let mut chosen: Vec<(usize, Range<usize>, LabelId)> = Vec::new();
        // The ranges chosen per label (never overlapping each other), by start.
        let mut taken: HashMap<LabelId, BTreeMap<usize, usize>> = HashMap::new();
        for (i, label) in picks {
            let Some(suggestion) = found.spans.get(i) else {
                continue;
            };
            let range = suggestion.range.clone();
            let ranges = taken.entry(label.clone()).or_default();
            let overlaps = ranges
                .range(..range.end)
                .next_back()
                .is_some_and(|(_, &end)| end > range.start);
            if overlaps
                || project.find_duplicate(doc, range.clone(), &label).is_some()
                || !project.schema().contains(&label)
            {
                continue;
            }
            ranges.insert(range.start, range.end);
            chosen.push((i, range, label));
        }
        if chosen.is_empty() {
            return Ok(0);
        }
        let annotator = self.workspace.annotator().map(str::to_owned);
        let mut edits = Vec::new();
        let mut new_spans: Vec<(usize, SpanId, LabelId)> = Vec::new();
        for (i, range, label) in &chosen {
            let id = self.workspace.new_span_id();
            let suggester = found.spans.get(*i).map(|s| s.suggester.name());
            let mut span =
                Span::new(id, doc, range.clone(), label.clone()).made_by(annotator.as_deref());
            span.set_suggested_by(suggester.map(Into::into));
            edits.push(Edit::AddSpan(span));
            new_spans.push((*i, id, label.clone()));
        }
        let project = self.workspace.project();
        let new_spans: HashMap<usize, (SpanId, LabelId)> = new_spans
            .into_iter()
            .map(|(i, id, label)| (i, (id, label)))
            .collect();
        let span_of = |i: usize| new_spans.get(&i).cloned();
        let fits = |kind: &RelationTypeId, head: &LabelId, child: &LabelId| {
            project
                .schema()
                .relation_type(kind)
                .is_some_and(|t| t.fits(head, child))
        };
        let mut links: Vec<(RelationTypeId, SpanId, SpanId)> = Vec::new();
        let mut linked: HashSet<(RelationTypeId, SpanId, SpanId)> = HashSet::new();
        for relation in &found.relations {
            if let (Some((head, head_label)), Some((child, child_label))) =
                (span_of(relation.head), span_of(relation.child))
                && fits(&relation.kind, &head_label, &child_label)
                && linked.insert((relation.kind.clone(), head, child))
            {
                links.push((relation.kind.clone(), head, child));
            }
        }
        for anchored in &found.anchored {
            let Some((new, new_label)) = span_of(anchored.suggestion) else {
                continue;
            };
            let there = project
                .find_duplicate(doc, anchored.other.clone(), &anchored.other_label)
                .or_else(|| {
                    project
                        .spans_overlapping(doc, anchored.other.clone())
                        .find(|s| s.label == anchored.other_label)
                        .map(|s| s.id)
                });
            let Some(there) = there else {
                continue;
            };
            let (head, child, head_label, child_label) = if anchored.suggestion_is_head {
                (new, there, &new_label, &anchored.other_label)
            } else {
                (there, new, &anchored.other_label, &new_label)
            };
            if fits(&anchored.kind, head_label, child_label)
                && project.find_relation(&anchored.kind, head, child).is_none()
                && linked.insert((anchored.kind.clone(), head, child))
            {
                links.push((anchored.kind.clone(), head, child));
            }
        }
        let is_new = project
            .document(doc)
            .is_some_and(|d| d.status() == DocumentStatus::New);
        for (kind, head, child) in links {
            let id = self.workspace.new_relation_id();
            let relation = Relation::new(id, kind, head, child).made_by(annotator.as_deref());
            edits.push(Edit::AddRelation(relation));
        }
        if is_new {
            edits.push(Edit::SetDocumentStatus {
                doc,
                status: DocumentStatus::InProgress,
            });
        }
        if judge {
            for (i, range, label) in &chosen {
                let Some(suggestion) = found.spans.get(*i) else {
                    continue;
                };
                let verdict = if label == &suggestion.label {
                    Verdict::Accepted
                } else {
                    Verdict::Relabelled
                };
                edits.push(Edit::JudgeSuggestion(SuggestionVerdict {
                    doc,
                    range: range.clone(),
                    label: suggestion.label.clone(),
                    suggester: suggestion.suggester.name().to_owned(),
                    verdict,
                }));
            }
        }
        self.workspace
            .apply_named(Edit::Batch(edits), name)
            .map_err(|e| e.to_string())?;
        let gone: Vec<usize> = chosen.iter().map(|(i, ..)| *i).collect();
        self.suggestions.remove(&gone, &chosen);
        Ok(chosen.len())
    }
}
