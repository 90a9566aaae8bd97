//! Attribution suggestions (issue 16): spans and relations Isnad proposes and the annotator
//! accepts or rejects. Three suggesters, each a plain module without I/O:
//! - [`cues`]: reporting verbs and prepositions of attribution, with the source and claim each
//!   introduces and the relation `attributed_to` between them;
//! - [`project_spans`]: the texts of the project's own spans, proposed wherever they occur again;
//! - [`gazetteer`]: a list of `name<TAB>label` lines.
//!
//! [`suggest`] runs them on one text and drops what the annotator already has (a span of the same
//! label overlapping) or rejected, keeping the relations from a proposed span to one already
//! there ([`AnchoredRelation`]); [`suggest_document`] is what the app runs for the document shown.
//! Ranges are byte ranges of the text, on grapheme boundaries.

pub mod cue_label;
pub mod cues;
pub mod evaluate;
pub mod gazetteer;
pub mod phrases;
pub mod project_spans;
pub mod words;

use std::collections::HashSet;
use std::ops::Range;

use crate::model::id_maps::IdSet;

pub use cue_label::{CUE, cue_label, with_cue_label};
pub use phrases::PhraseIndex;

use crate::model::{
    ATTRIBUTED_TO, CLAIM, DocId, DocumentsSnapshot, LabelId, LabelSchema, RelationTypeId, SOURCE,
    Span,
};
use words::Words;

/// Which suggester proposed a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SuggesterKind {
    /// Reporting verbs and prepositions of attribution.
    Cues,
    /// The project's own spans.
    Learned,
    /// An imported list of names.
    Gazetteer,
}

impl SuggesterKind {
    /// Every suggester, in the order their suggestions are kept when two propose the same span.
    pub const ALL: [Self; 3] = [Self::Cues, Self::Learned, Self::Gazetteer];

    /// The name written in JSON output and reports: `cues`, `learned`, `gazetteer`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Cues => "cues",
            Self::Learned => "learned",
            Self::Gazetteer => "gazetteer",
        }
    }
}

/// One proposed span.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Suggestion {
    /// Byte range in the document's text (on grapheme boundaries, trimmed of spaces and
    /// punctuation at the edges).
    pub range: Range<usize>,
    /// The label proposed.
    pub label: LabelId,
    /// Who proposed it.
    pub suggester: SuggesterKind,
}

/// One proposed relation between two proposed spans (indices into
/// [`DocumentSuggestions::spans`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestedRelation {
    /// The relation type (`attributed_to`).
    pub kind: RelationTypeId,
    /// The head span (the claim).
    pub head: usize,
    /// The child span (the source).
    pub child: usize,
}

/// One proposed relation between a proposed span and a span the annotator already has (the
/// suggester proposed both ends; one was dropped because a span of its label overlaps it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnchoredRelation {
    /// The relation type (`attributed_to`).
    pub kind: RelationTypeId,
    /// The proposed end (index into [`DocumentSuggestions::spans`]).
    pub suggestion: usize,
    /// Whether the proposed end is the relation's head (the claim); otherwise it is the child.
    pub suggestion_is_head: bool,
    /// The byte range the suggester proposed for the other end (a span of `other_label`
    /// overlaps it).
    pub other: Range<usize>,
    /// The other end's label.
    pub other_label: LabelId,
}

/// The suggestions for one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentSuggestions {
    /// The spans, in text order (by start, then end).
    pub spans: Vec<Suggestion>,
    /// The relations between them.
    pub relations: Vec<SuggestedRelation>,
    /// The relations between one of them and a span already there.
    pub anchored: Vec<AnchoredRelation>,
}

/// How many suggestions a list holds per label and per suggester (counted once when the list
/// changes, so a panel showing them does no work per frame that grows with the list).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SuggestionCounts {
    /// Per label, in the order the labels first occur in the list.
    pub by_label: Vec<(LabelId, usize)>,
    /// Per suggester, in the order of [`SuggesterKind::ALL`].
    pub by_suggester: [usize; SuggesterKind::ALL.len()],
}

impl SuggestionCounts {
    /// Counts `suggestions`.
    pub fn of(suggestions: &[Suggestion]) -> Self {
        let mut counts = Self::default();
        for s in suggestions {
            match counts.by_label.iter_mut().find(|(l, _)| *l == s.label) {
                Some((_, n)) => *n += 1,
                None => counts.by_label.push((s.label.clone(), 1)),
            }
            if let Some(i) = SuggesterKind::ALL.iter().position(|&k| k == s.suggester) {
                counts.by_suggester[i] += 1;
            }
        }
        counts
    }

    /// The counts with `taken` (one of those counted) taken away: a suggestion accepted or
    /// rejected changes its own label and suggester only, so nothing is counted again.
    pub fn without(&mut self, taken: &Suggestion) {
        if let Some(at) = self.by_label.iter().position(|(l, _)| *l == taken.label) {
            let n = &mut self.by_label[at].1;
            *n = n.saturating_sub(1);
            if *n == 0 {
                self.by_label.remove(at);
            }
        }
        if let Some(i) = SuggesterKind::ALL
            .iter()
            .position(|&k| k == taken.suggester)
        {
            self.by_suggester[i] = self.by_suggester[i].saturating_sub(1);
        }
    }

    /// The number of suggestions with `label`.
    pub fn of_label(&self, label: &LabelId) -> usize {
        self.by_label
            .iter()
            .find(|(l, _)| l == label)
            .map_or(0, |&(_, n)| n)
    }
}

/// What to run: the cue suggester always; the learned phrases and the gazetteer when given.
#[derive(Clone, Copy, Debug, Default)]
pub struct Suggesters<'a> {
    /// Whether the cue suggester runs.
    pub cues: bool,
    /// The learned phrases (see [`project_spans::learned_phrases`]).
    pub learned: Option<&'a PhraseIndex>,
    /// An imported gazetteer.
    pub gazetteer: Option<&'a PhraseIndex>,
}

/// A rejected suggestion: byte range and label, never proposed again in its document.
pub type Rejected = HashSet<(Range<usize>, LabelId)>;

/// The suggestions for `text` under `schema`, without those a span of `existing` with the same
/// label overlaps, and without `rejected` ones. The cue suggester proposes `source`, `claim` (and
/// `cue` when the schema has it) for the labels the schema has, and `attributed_to` when the
/// schema's relation type of that id fits claim → source.
pub fn suggest(
    text: &str,
    schema: &LabelSchema,
    existing: &[Span],
    suggesters: Suggesters<'_>,
    rejected: &Rejected,
) -> DocumentSuggestions {
    let words = Words::new(text);
    let mut cues: Vec<Suggestion> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    if suggesters.cues {
        cue_suggestions(&words, schema, &mut cues, &mut pairs);
    }
    let mut sieve = Sieve {
        rejected,
        covered: Covered::new(existing),
        cues_seen: IdSet::default(),
        spans: Vec::new(),
    };
    // The cue suggestions come first; the relation pairs name them by their index here.
    let mut kept_at = vec![None; cues.len()];
    // The cue suggestions a span of their label covers (ends of anchored relations).
    let mut covered_at: Vec<Option<(Range<usize>, LabelId)>> = vec![None; cues.len()];
    for (i, s) in cues.into_iter().enumerate() {
        match sieve.offer(s, Repeats::Dropped) {
            Sifted::Kept(index) => kept_at[i] = Some(index),
            Sifted::Covered(key) => covered_at[i] = Some(key),
            Sifted::Dropped => {}
        }
    }
    // The phrase suggesters' matches are sifted as they are found, never collected: the learned
    // index can match hundreds of thousands of times in a long text. Their repeats (a range and
    // label already offered) are dropped after sorting, where they sit next to the first: a set
    // of every range and label was the largest thing the worker held.
    for (kind, index) in [
        (SuggesterKind::Learned, suggesters.learned),
        (SuggesterKind::Gazetteer, suggesters.gazetteer),
    ] {
        let Some(index) = index else {
            continue;
        };
        index.for_each_match(&words, |found| {
            // A list read with other labels (another project's) proposes only this schema's.
            if schema.get(&found.label).is_some() {
                sieve.offer(
                    Suggestion {
                        range: found.range,
                        label: found.label,
                        suggester: kind,
                    },
                    Repeats::Kept,
                );
            }
        });
    }
    let mut spans = sieve.spans;
    let relation = schema.relation_type_str(ATTRIBUTED_TO).filter(|kind| {
        let (claim, source) = (LabelId(CLAIM.into()), LabelId(SOURCE.into()));
        kind.fits(&claim, &source)
    });
    let mut relations = Vec::new();
    let mut anchored = Vec::new();
    if let Some(kind) = relation {
        for (claim, source) in pairs {
            let kept = |i: usize| kept_at.get(i).copied().flatten();
            let there = |i: usize| covered_at.get(i).cloned().flatten();
            match (kept(claim), kept(source)) {
                (Some(head), Some(child)) => relations.push(SuggestedRelation {
                    kind: kind.id.clone(),
                    head,
                    child,
                }),
                (Some(suggestion), None) | (None, Some(suggestion)) => {
                    let suggestion_is_head = kept(claim).is_some();
                    let other = if suggestion_is_head { source } else { claim };
                    if let Some((other, other_label)) = there(other) {
                        anchored.push(AnchoredRelation {
                            kind: kind.id.clone(),
                            suggestion,
                            suggestion_is_head,
                            other,
                            other_label,
                        });
                    }
                }
                (None, None) => {}
            }
        }
    }
    put_in_text_order(&mut spans, &mut relations, &mut anchored);
    // Kept by the app while shown: no room left over from growing.
    spans.shrink_to_fit();
    DocumentSuggestions {
        spans,
        relations,
        anchored,
    }
}

/// What the app computes for the document shown (on a worker thread): the cue suggester, the
/// phrases learned from every span of the project and the names of `gazetteer` when given, for
/// document `doc`, without its `rejected` suggestions. Empty for an unknown document.
pub fn suggest_document(
    project: &DocumentsSnapshot,
    doc: DocId,
    rejected: &Rejected,
    gazetteer: Option<&PhraseIndex>,
) -> DocumentSuggestions {
    let Some(document) = project.document(doc) else {
        return DocumentSuggestions::default();
    };
    let learned = project_spans::learned_phrases(project, None);
    let suggesters = Suggesters {
        cues: true,
        learned: Some(&learned),
        gazetteer,
    };
    suggest(
        document.text(),
        project.schema(),
        project.spans_of(doc),
        suggesters,
        rejected,
    )
}

/// The cue suggester's spans (pushed to `out`) and the (claim, source) index pairs of their
/// relations.
fn cue_suggestions(
    words: &Words<'_>,
    schema: &LabelSchema,
    out: &mut Vec<Suggestion>,
    pairs: &mut Vec<(usize, usize)>,
) {
    let label = |id: &str| schema.get_str(id).map(|l| l.id.clone());
    let (source_label, claim_label, cue_label) = (label(SOURCE), label(CLAIM), label(CUE));
    let push = |range: Option<Range<usize>>, label: &Option<LabelId>, out: &mut Vec<Suggestion>| {
        let (range, label) = (range?, label.clone()?);
        out.push(Suggestion {
            range,
            label,
            suggester: SuggesterKind::Cues,
        });
        Some(out.len() - 1)
    };
    for found in cues::find_in_words(words) {
        push(Some(found.cue.clone()), &cue_label, out);
        let source = push(found.source.clone(), &source_label, out);
        let claim = push(found.claim.clone(), &claim_label, out);
        if let (Some(claim), Some(source)) = (claim, source) {
            pairs.push((claim, source));
        }
    }
}

/// Sorts the spans by (start, end, label), removes the repeats of a range and label (the sort is
/// stable, so the first offered stays), and renumbers the relations' ends; returns the new index
/// of each old span (a repeat gets its first's).
fn put_in_text_order(
    spans: &mut Vec<Suggestion>,
    relations: &mut [SuggestedRelation],
    anchored: &mut [AnchoredRelation],
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&spans[a], &spans[b]);
        (x.range.start, x.range.end, &x.label).cmp(&(y.range.start, y.range.end, &y.label))
    });
    // Each old index's place: its sorted one, then (below) its place once repeats are gone. The
    // working lists are dropped as soon as they are done with (each is one word per suggestion).
    let mut new_index = vec![0; spans.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = new_index.get_mut(old) {
            *slot = new;
        }
    }
    drop(order);
    // Moved into place by following the permutation's cycles: no second list of suggestions.
    let mut destination = new_index.clone();
    for i in 0..spans.len() {
        while destination[i] != i {
            let j = destination[i];
            spans.swap(i, j);
            destination.swap(i, j);
        }
    }
    drop(destination);
    // A repeat sits right after the first of its range and label.
    let same = |a: &Suggestion, b: &Suggestion| a.range == b.range && a.label == b.label;
    let mut kept_index = Vec::with_capacity(spans.len());
    let mut kept = 0;
    for (i, s) in spans.iter().enumerate() {
        if i > 0 && spans.get(i - 1).is_some_and(|before| same(before, s)) {
            kept_index.push(kept - 1);
        } else {
            kept_index.push(kept);
            kept += 1;
        }
    }
    spans.dedup_by(|later, first| same(first, later));
    for slot in &mut new_index {
        *slot = kept_index.get(*slot).copied().unwrap_or(*slot);
    }
    drop(kept_index);
    let renumber = |old: usize| new_index.get(old).copied().unwrap_or(old);
    for relation in relations {
        relation.head = renumber(relation.head);
        relation.child = renumber(relation.child);
    }
    for relation in anchored {
        relation.suggestion = renumber(relation.suggestion);
    }
    new_index
}

/// Keeps the suggestions worth showing, in the order offered: not empty, not rejected, not
/// covered by a span of their label, and (for the cue suggestions, which relations name by
/// position) the first of each range and label.
struct Sieve<'r> {
    rejected: &'r Rejected,
    covered: Covered,
    cues_seen: IdSet<(Range<usize>, LabelId)>,
    spans: Vec<Suggestion>,
}

/// Whether [`Sieve::offer`] drops a suggestion whose range and label were offered before.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Repeats {
    /// Dropped at once.
    Dropped,
    /// Kept for now ([`put_in_text_order`] removes them after sorting).
    Kept,
}

/// What became of one offered suggestion.
enum Sifted {
    /// Kept, at this index of the kept ones.
    Kept(usize),
    /// Dropped because a span of its label covers it (its range and label).
    Covered((Range<usize>, LabelId)),
    /// Dropped: empty, rejected, or already offered.
    Dropped,
}

impl Sieve<'_> {
    fn offer(&mut self, s: Suggestion, repeats: Repeats) -> Sifted {
        let key = (s.range.clone(), s.label.clone());
        if s.range.is_empty() || self.rejected.contains(&key) {
            return Sifted::Dropped;
        }
        if self.covered.covers(&s) {
            return Sifted::Covered(key);
        }
        if repeats == Repeats::Dropped && !self.cues_seen.insert(key) {
            return Sifted::Dropped;
        }
        self.spans.push(s);
        Sifted::Kept(self.spans.len() - 1)
    }
}

/// The annotator's spans by label, sorted by start with the running greatest end, so "does a
/// span of this label overlap that range" is a binary search.
struct Covered {
    by_label: std::collections::HashMap<LabelId, (Vec<usize>, Vec<usize>)>,
}

impl Covered {
    fn new(spans: &[Span]) -> Self {
        let mut lists: std::collections::HashMap<LabelId, Vec<(usize, usize)>> =
            std::collections::HashMap::new();
        for span in spans {
            lists
                .entry(span.label.clone())
                .or_default()
                .push((span.start, span.end));
        }
        let by_label = lists
            .into_iter()
            .map(|(label, mut ranges)| {
                ranges.sort_unstable();
                let starts = ranges.iter().map(|r| r.0).collect();
                let mut max_end = 0;
                let ends = ranges
                    .iter()
                    .map(|r| {
                        max_end = max_end.max(r.1);
                        max_end
                    })
                    .collect();
                (label, (starts, ends))
            })
            .collect();
        Self { by_label }
    }

    fn covers(&self, s: &Suggestion) -> bool {
        let Some((starts, max_ends)) = self.by_label.get(&s.label) else {
            return false;
        };
        let before = starts.partition_point(|&start| start < s.range.end);
        before
            .checked_sub(1)
            .and_then(|i| max_ends.get(i))
            .is_some_and(|&end| end > s.range.start)
    }
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
