//! Scoring the suggesters against the project's own spans: precision, recall and F1 per
//! suggester and label, with exact matching (same range) and overlap matching (a character in
//! common). The learned suggester is scored leave-one-document-out: on each document it only
//! knows the spans of the others.

use std::collections::BTreeMap;
use std::ops::Range;

use super::project_spans::learned_phrases;
use super::{PhraseIndex, Rejected, SuggesterKind, Suggesters, suggest};
use crate::model::{LabelId, Project};

/// Counts for one suggester and one label.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Suggestions made.
    pub suggested: usize,
    /// Gold spans (the project's spans of the label).
    pub gold: usize,
    /// Suggestions equal to a gold span.
    pub exact_suggestions: usize,
    /// Gold spans equal to a suggestion.
    pub exact_gold: usize,
    /// Suggestions sharing a character with a gold span.
    pub overlap_suggestions: usize,
    /// Gold spans sharing a character with a suggestion.
    pub overlap_gold: usize,
}

/// Precision, recall and F1 (0 when undefined).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    /// Correct suggestions / suggestions.
    pub precision: f64,
    /// Found gold spans / gold spans.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

fn prf(hit_suggestions: usize, suggested: usize, hit_gold: usize, gold: usize) -> Prf {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(hit_suggestions, suggested);
    let recall = ratio(hit_gold, gold);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

impl Counts {
    /// Scores with exact matching.
    pub fn exact(&self) -> Prf {
        prf(
            self.exact_suggestions,
            self.suggested,
            self.exact_gold,
            self.gold,
        )
    }

    /// Scores with overlap matching.
    pub fn overlap(&self) -> Prf {
        prf(
            self.overlap_suggestions,
            self.suggested,
            self.overlap_gold,
            self.gold,
        )
    }
}

/// The scores of every suggester, per label (labels of the schema, in its order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evaluation {
    /// Suggester, label, counts.
    pub rows: Vec<(SuggesterKind, LabelId, Counts)>,
}

/// Scores every suggester on every document of `project` (the gazetteer only when given).
pub fn evaluate(project: &Project, gazetteer: Option<&PhraseIndex>) -> Evaluation {
    let mut table: BTreeMap<(SuggesterKind, usize), Counts> = BTreeMap::new();
    let schema = project.schema();
    let none = Rejected::new();
    let snapshot = project.documents_snapshot();
    for doc in project.documents() {
        let gold = project.spans_of(doc.id());
        let learned = learned_phrases(&snapshot, Some(doc.id()));
        for kind in SuggesterKind::ALL {
            let suggesters = match kind {
                SuggesterKind::Cues => Suggesters {
                    cues: true,
                    ..Suggesters::default()
                },
                SuggesterKind::Learned => Suggesters {
                    learned: Some(&learned),
                    ..Suggesters::default()
                },
                SuggesterKind::Gazetteer => match gazetteer {
                    Some(index) => Suggesters {
                        gazetteer: Some(index),
                        ..Suggesters::default()
                    },
                    None => continue,
                },
            };
            let found = suggest(doc.text(), schema, &[], suggesters, &none);
            for (at, label) in schema.labels().iter().enumerate() {
                let ours: Vec<Range<usize>> = found
                    .spans
                    .iter()
                    .filter(|s| s.label == label.id)
                    .map(|s| s.range.clone())
                    .collect();
                let theirs: Vec<Range<usize>> = gold
                    .iter()
                    .filter(|s| s.label == label.id)
                    .map(|s| s.range())
                    .collect();
                let counts = table.entry((kind, at)).or_default();
                add_counts(counts, &ours, &theirs);
            }
        }
    }
    let rows = table
        .into_iter()
        .filter_map(|((kind, at), counts)| {
            let label = schema.labels().get(at)?.id.clone();
            Some((kind, label, counts))
        })
        .collect();
    Evaluation { rows }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn add_counts(counts: &mut Counts, ours: &[Range<usize>], theirs: &[Range<usize>]) {
    counts.suggested += ours.len();
    counts.gold += theirs.len();
    counts.exact_suggestions += ours.iter().filter(|o| theirs.contains(o)).count();
    counts.exact_gold += theirs.iter().filter(|t| ours.contains(t)).count();
    counts.overlap_suggestions += ours
        .iter()
        .filter(|o| theirs.iter().any(|t| overlaps(o, t)))
        .count();
    counts.overlap_gold += theirs
        .iter()
        .filter(|t| ours.iter().any(|o| overlaps(o, t)))
        .count();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_and_overlap_matches() {
        let mut counts = Counts::default();
        add_counts(
            &mut counts,
            &[0..5, 10..12, 30..31],
            &[0..5, 11..20, 40..50],
        );
        assert_eq!(counts.exact().precision, 1.0 / 3.0);
        assert_eq!(counts.overlap().precision, 2.0 / 3.0);
        assert_eq!(counts.overlap().recall, 2.0 / 3.0);
        assert!((counts.overlap().f1 - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Counts::default().overlap().f1, 0.0);
    }
}
