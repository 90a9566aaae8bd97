//! Each disagreement between two annotators, classified.
//!
//! Spans not matched exactly are paired in three rounds, each pairing a span at most once:
//! 1. **label**: the same range with another label;
//! 2. **boundary**: the same label, overlapping, different edges (the largest overlap first);
//! 3. **missing**: the spans left, each on one side only.
//!
//! Relations not matched exactly are **relation** disagreements: paired with a relation of the
//! other side that shares its head or its child (so the type or the other end differs), or alone
//! when the other side has no such relation.

use std::collections::HashMap;

use crate::team::shared::{DocAnnotations, UnitRelation, UnitSpan};

/// The kind of a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DisagreementKind {
    /// Same label, overlapping, different edges.
    Boundary,
    /// Same range, different label.
    Label,
    /// A span on one side only.
    Missing,
    /// A relation whose type or an end differs, or on one side only.
    Relation,
}

impl DisagreementKind {
    /// All kinds, in report order.
    pub const ALL: [DisagreementKind; 4] = [
        DisagreementKind::Boundary,
        DisagreementKind::Label,
        DisagreementKind::Missing,
        DisagreementKind::Relation,
    ];

    /// The name used in reports and JSON.
    pub fn name(self) -> &'static str {
        match self {
            DisagreementKind::Boundary => "boundary",
            DisagreementKind::Label => "label",
            DisagreementKind::Missing => "missing",
            DisagreementKind::Relation => "relation",
        }
    }
}

/// What one side annotated at a disagreement.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {
    /// A span.
    Span(UnitSpan),
    /// A relation.
    Relation(UnitRelation),
}

/// One disagreement between annotators A and B of a pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// Its kind.
    pub kind: DisagreementKind,
    /// The shared document (index into [`crate::team::SharedCorpus::documents`]).
    pub document: usize,
    /// A's side (`None` when A has nothing there).
    pub a: Option<Item>,
    /// B's side.
    pub b: Option<Item>,
}

/// The disagreements of two annotators on document `document`.
pub fn classify(document: usize, a: &DocAnnotations, b: &DocAnnotations) -> Vec<Disagreement> {
    let mut out = Vec::new();
    let (only_a, only_b) = unmatched(&a.spans, &b.spans);
    let mut taken_b = vec![false; only_b.len()];
    let mut left_a = Vec::new();
    let span_pair = |kind, x: UnitSpan, y: UnitSpan| Disagreement {
        kind,
        document,
        a: Some(Item::Span(x)),
        b: Some(Item::Span(y)),
    };

    // 1. label: same range.
    let mut by_range: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, s) in only_b.iter().enumerate() {
        by_range.entry((s.start, s.end)).or_default().push(j);
    }
    for &x in &only_a {
        let found = by_range
            .get(&(x.start, x.end))
            .and_then(|js| js.iter().copied().find(|&j| !taken_b[j]));
        match found {
            Some(j) => {
                taken_b[j] = true;
                out.push(span_pair(DisagreementKind::Label, x, only_b[j]));
            }
            None => left_a.push(x),
        }
    }

    // 2. boundary: same label, overlapping. `only_b` is sorted by start; a span of B overlapping
    // x starts before x.end and at most `longest` code points before x.start.
    let longest = only_b.iter().map(|s| s.end - s.start).max().unwrap_or(0);
    let mut still_a = Vec::new();
    for x in left_a {
        let from = only_b.partition_point(|s| s.start + longest < x.start);
        let to = only_b.partition_point(|s| s.start < x.end);
        let best = (from..to.max(from))
            .filter(|&j| !taken_b[j] && only_b[j].label == x.label && only_b[j].end > x.start)
            .max_by_key(|&j| {
                let overlap = x.end.min(only_b[j].end) - x.start.max(only_b[j].start);
                (overlap, std::cmp::Reverse(j))
            });
        match best {
            Some(j) => {
                taken_b[j] = true;
                out.push(span_pair(DisagreementKind::Boundary, x, only_b[j]));
            }
            None => still_a.push(x),
        }
    }

    // 3. missing.
    for x in still_a {
        out.push(Disagreement {
            kind: DisagreementKind::Missing,
            document,
            a: Some(Item::Span(x)),
            b: None,
        });
    }
    for (j, y) in only_b.iter().enumerate() {
        if !taken_b[j] {
            out.push(Disagreement {
                kind: DisagreementKind::Missing,
                document,
                a: None,
                b: Some(Item::Span(*y)),
            });
        }
    }

    out.extend(relation_disagreements(document, a, b));
    out
}

/// Relations of one side only, paired by a shared end where possible.
fn relation_disagreements(
    document: usize,
    a: &DocAnnotations,
    b: &DocAnnotations,
) -> Vec<Disagreement> {
    let (only_a, only_b) = unmatched(&a.relations, &b.relations);
    let mut taken_b = vec![false; only_b.len()];
    let mut by_end: HashMap<UnitSpan, Vec<usize>> = HashMap::new();
    for (j, r) in only_b.iter().enumerate() {
        by_end.entry(r.head).or_default().push(j);
        by_end.entry(r.child).or_default().push(j);
    }
    let mut out = Vec::new();
    for x in only_a {
        let found = [x.head, x.child]
            .iter()
            .filter_map(|end| by_end.get(end))
            .flatten()
            .copied()
            .find(|&j| !taken_b[j]);
        let b_side = found.map(|j| {
            taken_b[j] = true;
            Item::Relation(only_b[j].clone())
        });
        out.push(Disagreement {
            kind: DisagreementKind::Relation,
            document,
            a: Some(Item::Relation(x)),
            b: b_side,
        });
    }
    for (j, y) in only_b.into_iter().enumerate() {
        if !taken_b[j] {
            out.push(Disagreement {
                kind: DisagreementKind::Relation,
                document,
                a: None,
                b: Some(Item::Relation(y)),
            });
        }
    }
    out
}

/// The items of each sorted list that the other lacks, in order.
fn unmatched<T: Ord + Clone>(a: &[T], b: &[T]) -> (Vec<T>, Vec<T>) {
    let (mut i, mut j) = (0, 0);
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    loop {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => match x.cmp(y) {
                std::cmp::Ordering::Less => {
                    only_a.push(x.clone());
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    only_b.push(y.clone());
                    j += 1;
                }
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                }
            },
            (Some(x), None) => {
                only_a.push(x.clone());
                i += 1;
            }
            (None, Some(y)) => {
                only_b.push(y.clone());
                j += 1;
            }
            (None, None) => return (only_a, only_b),
        }
    }
}
