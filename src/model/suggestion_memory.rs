//! What the annotator decided about Isnad's suggestions (issue 16), kept in the project: the
//! suggestions rejected in each document (never proposed there again), and how many suggestions
//! of each suggester were accepted, accepted with another label, or rejected (the honest figure
//! of how useful a suggester is). Suggestions themselves are never stored: only these verdicts.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::model::project_mut::check_range;
use crate::model::{DocId, LabelId, ModelError, Project, SpanId};

/// How the annotator judged one suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Accepted as proposed.
    Accepted,
    /// Accepted with another label.
    Relabelled,
    /// Rejected: not proposed again in its document.
    Rejected,
}

/// One judged suggestion: where it was, what it proposed, who proposed it, and the verdict.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SuggestionVerdict {
    /// Its document.
    pub doc: DocId,
    /// Its byte range in the document's text.
    pub range: Range<usize>,
    /// The label it proposed.
    pub label: LabelId,
    /// The suggester's name (`cues`, `learned`, `gazetteer`).
    pub suggester: String,
    /// What the annotator decided.
    pub verdict: Verdict,
}

/// The verdicts on one suggester's suggestions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SuggesterTally {
    /// Accepted as proposed.
    pub accepted: u64,
    /// Accepted with another label.
    pub relabelled: u64,
    /// Rejected.
    pub rejected: u64,
}

impl SuggesterTally {
    /// Every verdict counted.
    pub fn judged(&self) -> u64 {
        self.accepted + self.relabelled + self.rejected
    }

    /// The count of one verdict, mutable.
    fn count_mut(&mut self, verdict: Verdict) -> &mut u64 {
        match verdict {
            Verdict::Accepted => &mut self.accepted,
            Verdict::Relabelled => &mut self.relabelled,
            Verdict::Rejected => &mut self.rejected,
        }
    }
}

/// One rejected suggestion of a document: byte range and label.
pub type Rejection = (Range<usize>, LabelId);

/// The rejected suggestions of every document and the tally of every suggester.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SuggestionMemory {
    /// Rejections by document, as (start, end, label).
    rejected: BTreeMap<DocId, BTreeSet<(usize, usize, LabelId)>>,
    /// Tallies by suggester name.
    tallies: BTreeMap<String, SuggesterTally>,
}

impl SuggestionMemory {
    /// Whether nothing was judged.
    pub fn is_empty(&self) -> bool {
        self.rejected.values().all(BTreeSet::is_empty) && self.tallies.is_empty()
    }

    /// The rejected suggestions of `doc`, in text order.
    pub fn rejected_in(&self, doc: DocId) -> impl Iterator<Item = Rejection> + '_ {
        self.rejected
            .get(&doc)
            .into_iter()
            .flatten()
            .map(|(start, end, label)| (*start..*end, label.clone()))
    }

    /// Whether this suggestion of `doc` was rejected.
    pub fn is_rejected(&self, doc: DocId, range: &Range<usize>, label: &LabelId) -> bool {
        self.rejected
            .get(&doc)
            .is_some_and(|set| set.contains(&(range.start, range.end, label.clone())))
    }

    /// Every rejected suggestion, by document then in text order.
    pub fn rejections(&self) -> impl Iterator<Item = (DocId, Rejection)> + '_ {
        self.rejected.iter().flat_map(|(&doc, set)| {
            set.iter()
                .map(move |(start, end, label)| (doc, (*start..*end, label.clone())))
        })
    }

    /// Number of rejected suggestions in every document.
    pub fn rejection_count(&self) -> usize {
        self.rejected.values().map(BTreeSet::len).sum()
    }

    /// The tally of every suggester that has one, by name.
    pub fn tallies(&self) -> &BTreeMap<String, SuggesterTally> {
        &self.tallies
    }

    /// The tally of `suggester` (zero when it has none).
    pub fn tally(&self, suggester: &str) -> SuggesterTally {
        self.tallies.get(suggester).copied().unwrap_or_default()
    }

    /// Remembers a rejection (loading a project); returns whether it is new.
    pub fn insert_rejection(&mut self, doc: DocId, range: Range<usize>, label: LabelId) -> bool {
        self.rejected
            .entry(doc)
            .or_default()
            .insert((range.start, range.end, label))
    }

    /// Sets the tally of `suggester` (loading a project); a zero tally is dropped.
    pub fn set_tally(&mut self, suggester: &str, tally: SuggesterTally) {
        if tally == SuggesterTally::default() {
            self.tallies.remove(suggester);
        } else {
            self.tallies.insert(suggester.to_owned(), tally);
        }
    }

    /// Replaces the rejected suggestions of `doc`; returns the ones it had, in text order.
    pub fn replace_rejections(&mut self, doc: DocId, rejections: Vec<Rejection>) -> Vec<Rejection> {
        let previous = self.rejected_in(doc).collect();
        let set: BTreeSet<(usize, usize, LabelId)> = rejections
            .into_iter()
            .map(|(range, label)| (range.start, range.end, label))
            .collect();
        if set.is_empty() {
            self.rejected.remove(&doc);
        } else {
            self.rejected.insert(doc, set);
        }
        previous
    }

    fn forget_rejection(&mut self, doc: DocId, range: &Range<usize>, label: &LabelId) {
        if let Some(set) = self.rejected.get_mut(&doc) {
            set.remove(&(range.start, range.end, label.clone()));
            if set.is_empty() {
                self.rejected.remove(&doc);
            }
        }
    }
}

impl Project {
    /// The verdicts on suggestions: rejections and tallies.
    pub fn suggestion_memory(&self) -> &SuggestionMemory {
        &self.suggestion_memory
    }

    /// Replaces the verdicts (loading a project) and returns the previous ones.
    pub fn set_suggestion_memory(&mut self, memory: SuggestionMemory) -> SuggestionMemory {
        std::mem::replace(&mut self.suggestion_memory, memory)
    }

    /// Replaces the rejected suggestions of `doc` (cropping moves them with the text); returns
    /// the ones it had. The ranges are not checked here: they belong to the document's text
    /// once the edit they are part of is applied (see `command::crop_edit`).
    pub fn replace_rejections(&mut self, doc: DocId, rejections: Vec<Rejection>) -> Vec<Rejection> {
        self.suggestion_memory.replace_rejections(doc, rejections)
    }

    /// Counts `verdict` in its suggester's tally and, for a rejection, remembers it in its
    /// document. Returns whether a rejection was newly remembered (for the inverse). Refused
    /// for an unknown document or a range that is not one of its text.
    pub fn judge_suggestion(&mut self, verdict: &SuggestionVerdict) -> Result<bool, ModelError> {
        let document = self
            .document(verdict.doc)
            .ok_or(ModelError::UnknownDocument(verdict.doc))?;
        check_range(
            document.text(),
            SpanId(0),
            verdict.range.start,
            verdict.range.end,
        )?;
        let memory = &mut self.suggestion_memory;
        let mut tally = memory.tally(&verdict.suggester);
        *tally.count_mut(verdict.verdict) += 1;
        memory.set_tally(&verdict.suggester, tally);
        Ok(verdict.verdict == Verdict::Rejected
            && memory.insert_rejection(verdict.doc, verdict.range.clone(), verdict.label.clone()))
    }

    /// Takes back [`Project::judge_suggestion`]: the tally goes down by one and, when
    /// `forget_rejection`, the rejection is forgotten.
    pub fn unjudge_suggestion(&mut self, verdict: &SuggestionVerdict, forget_rejection: bool) {
        let memory = &mut self.suggestion_memory;
        let mut tally = memory.tally(&verdict.suggester);
        let count = tally.count_mut(verdict.verdict);
        *count = count.saturating_sub(1);
        memory.set_tally(&verdict.suggester, tally);
        if forget_rejection {
            memory.forget_rejection(verdict.doc, &verdict.range, &verdict.label);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, LabelSchema};

    fn project() -> Project {
        let mut project = Project::new(LabelSchema::default());
        let doc = Document::new(DocId(1), "t", None, "قال الوزير إن الموسم سيئ.");
        project
            .insert_document(doc, Vec::new())
            .unwrap_or_else(|e| panic!("{e}"));
        project
    }

    fn verdict(verdict: Verdict) -> SuggestionVerdict {
        SuggestionVerdict {
            doc: DocId(1),
            range: 7..19,
            label: LabelId::new("source").unwrap_or_else(|e| panic!("{e}")),
            suggester: "cues".into(),
            verdict,
        }
    }

    #[test]
    fn a_rejection_is_remembered_and_taken_back() {
        let mut project = project();
        let rejected = verdict(Verdict::Rejected);
        assert_eq!(project.judge_suggestion(&rejected), Ok(true));
        let memory = project.suggestion_memory();
        assert!(memory.is_rejected(DocId(1), &rejected.range, &rejected.label));
        assert_eq!(memory.tally("cues").rejected, 1);
        // The same rejection again counts, but is not new.
        assert_eq!(project.judge_suggestion(&rejected), Ok(false));
        project.unjudge_suggestion(&rejected, false);
        project.unjudge_suggestion(&rejected, true);
        assert!(project.suggestion_memory().is_empty());
    }

    #[test]
    fn acceptances_are_counted_per_suggester_and_bad_places_refused() {
        let mut project = project();
        assert_eq!(
            project.judge_suggestion(&verdict(Verdict::Accepted)),
            Ok(false)
        );
        assert_eq!(
            project.judge_suggestion(&verdict(Verdict::Relabelled)),
            Ok(false)
        );
        let tally = project.suggestion_memory().tally("cues");
        assert_eq!(
            (tally.accepted, tally.relabelled, tally.judged()),
            (1, 1, 2)
        );
        assert_eq!(project.suggestion_memory().rejection_count(), 0);
        let mut elsewhere = verdict(Verdict::Rejected);
        elsewhere.doc = DocId(9);
        assert!(project.judge_suggestion(&elsewhere).is_err());
        let mut outside = verdict(Verdict::Rejected);
        outside.range = 7..4000;
        assert!(project.judge_suggestion(&outside).is_err());
        assert_eq!(project.suggestion_memory().tally("cues").rejected, 0);
    }
}
