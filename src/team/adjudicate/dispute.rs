//! The disagreements of N annotators on one document, each a group of alternatives.
//!
//! Every distinct span (range and label) and relation (type and both ends) any annotator made
//! is an alternative, with the set of annotators who proposed it. Alternatives every annotator
//! proposed are agreed (taken into the gold at once). The others are grouped into
//! [`Dispute`]s, the connected groups of these links:
//! - two spans with the same range (their labels differ: a **label** disagreement);
//! - two spans with the same label that share at least one code point (their edges differ: a
//!   **boundary** disagreement);
//! - two relations with the same ends (their types differ), or with the same type and one end
//!   in common (the other end differs): a **relation** disagreement.
//!
//! A span group of one alternative is **missing** (some annotators lack it); a span group whose
//! alternatives all have one label is **boundary**, any other span group **label**. With two
//! annotators this pairs what `disagree.rs` pairs, except that a span overlapping two of the
//! other side's joins both in one group instead of being paired with one of them.
//!
//! Disputes are ordered by kind (label, boundary, missing, relation), then by the first
//! annotator proposing their first alternative, then by position; alternatives by their first
//! proposer, then by position (so with two annotators, alternative 1 is usually A's).

use std::collections::{BTreeMap, HashMap};

use crate::model::RelationTypeId;
use crate::team::disagree::{DisagreementKind, Item};
use crate::team::shared::{DocAnnotations, UnitRelation, UnitSpan};

/// One thing proposed at a disagreement: a distinct span or relation, and who proposed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    /// The span or relation (code points, label index).
    pub item: Item,
    /// The annotators (indexes, ascending) who proposed it; never all of them.
    pub by: Vec<usize>,
}

/// A disagreement among the annotators: the alternatives proposed at one place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dispute {
    /// Its kind.
    pub kind: DisagreementKind,
    /// The shared document (index into [`crate::team::SharedCorpus::documents`]).
    pub document: usize,
    /// The alternatives, at least one.
    pub alternatives: Vec<Alternative>,
}

impl Dispute {
    /// Whether annotator `k` proposed any of the alternatives.
    pub fn proposed_by(&self, k: usize) -> bool {
        self.alternatives.iter().any(|a| a.by.contains(&k))
    }

    /// The alternatives (indexes) proposed by more than half of `annotators`.
    pub fn majority(&self, annotators: usize) -> Vec<usize> {
        (0..self.alternatives.len())
            .filter(|&j| 2 * self.alternatives[j].by.len() > annotators)
            .collect()
    }
}

/// One document compared: what everyone made alike, and the disputes.
#[derive(Clone, Debug, Default)]
pub(super) struct Compared {
    /// Spans every annotator made, sorted.
    pub spans: Vec<UnitSpan>,
    /// Relations every annotator made, sorted.
    pub relations: Vec<UnitRelation>,
    /// The disputes, in order.
    pub disputes: Vec<Dispute>,
}

/// Compares the annotators' work on shared document `document` (`annotations[k]`: annotator
/// `k`'s).
pub(super) fn compare(document: usize, annotations: &[DocAnnotations]) -> Compared {
    let n = annotations.len();
    let spans = proposers(annotations.iter().map(|a| a.spans.iter().copied()));
    let relations = proposers(annotations.iter().map(|a| a.relations.iter().cloned()));
    let (agreed_spans, open_spans) = split_agreed(spans, n);
    let (agreed_relations, open_relations) = split_agreed(relations, n);

    let mut disputes = Vec::new();
    for group in span_groups(&open_spans) {
        let first = &open_spans[group[0]].0;
        let kind = if group.len() == 1 {
            DisagreementKind::Missing
        } else if group.iter().all(|&i| open_spans[i].0.label == first.label) {
            DisagreementKind::Boundary
        } else {
            DisagreementKind::Label
        };
        let alternatives = group
            .iter()
            .map(|&i| Alternative {
                item: Item::Span(open_spans[i].0),
                by: open_spans[i].1.clone(),
            })
            .collect();
        disputes.push(dispute(kind, document, alternatives));
    }
    for group in relation_groups(&open_relations) {
        let alternatives = group
            .iter()
            .map(|&i| Alternative {
                item: Item::Relation(open_relations[i].0.clone()),
                by: open_relations[i].1.clone(),
            })
            .collect();
        disputes.push(dispute(DisagreementKind::Relation, document, alternatives));
    }
    disputes.sort_by_cached_key(|d| {
        let first = &d.alternatives[0];
        (kind_rank(d.kind), first.by[0], position(&first.item))
    });
    Compared {
        spans: agreed_spans,
        relations: agreed_relations,
        disputes,
    }
}

fn dispute(kind: DisagreementKind, document: usize, mut alternatives: Vec<Alternative>) -> Dispute {
    alternatives.sort_by(|x, y| (x.by[0], &x.item).cmp(&(y.by[0], &y.item)));
    Dispute {
        kind,
        document,
        alternatives,
    }
}

/// The order of kinds in the list of disputes.
fn kind_rank(kind: DisagreementKind) -> u8 {
    match kind {
        DisagreementKind::Label => 0,
        DisagreementKind::Boundary => 1,
        DisagreementKind::Missing => 2,
        DisagreementKind::Relation => 3,
    }
}

/// Where an item starts (code points): a span's range, a relation's head.
fn position(item: &Item) -> (usize, usize) {
    match item {
        Item::Span(s) => (s.start, s.end),
        Item::Relation(r) => (r.head.start, r.head.end),
    }
}

/// Every distinct item with the annotators (ascending) who made it.
fn proposers<T: Ord, I: Iterator<Item = T>>(
    per_annotator: impl Iterator<Item = I>,
) -> BTreeMap<T, Vec<usize>> {
    let mut by: BTreeMap<T, Vec<usize>> = BTreeMap::new();
    for (k, items) in per_annotator.enumerate() {
        for item in items {
            let who = by.entry(item).or_default();
            if who.last() != Some(&k) {
                who.push(k);
            }
        }
    }
    by
}

/// Items every one of `n` annotators made, and the others with their proposers (both sorted).
fn split_agreed<T>(by: BTreeMap<T, Vec<usize>>, n: usize) -> (Vec<T>, Vec<(T, Vec<usize>)>) {
    let mut agreed = Vec::new();
    let mut open = Vec::new();
    for (item, who) in by {
        if who.len() == n {
            agreed.push(item);
        } else {
            open.push((item, who));
        }
    }
    (agreed, open)
}

/// Union-find over item indexes.
struct Groups(Vec<usize>);

impl Groups {
    fn new(n: usize) -> Self {
        Self((0..n).collect())
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn link(&mut self, i: usize, j: usize) {
        let (a, b) = (self.root(i), self.root(j));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }

    /// The groups, each sorted, in the order of their first item.
    fn into_groups(mut self) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.0.len() {
            let root = self.root(i);
            by_root.entry(root).or_default().push(i);
        }
        by_root.into_values().collect()
    }
}

/// Groups sorted spans: same range, or same label and overlapping.
fn span_groups(spans: &[(UnitSpan, Vec<usize>)]) -> Vec<Vec<usize>> {
    let mut groups = Groups::new(spans.len());
    for i in 1..spans.len() {
        let (x, y) = (&spans[i - 1].0, &spans[i].0);
        if (x.start, x.end) == (y.start, y.end) {
            groups.link(i - 1, i);
        }
    }
    // Per label, in start order: each span overlaps the run before it when it starts before
    // the run's furthest end.
    let mut by_label: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, (s, _)) in spans.iter().enumerate() {
        by_label.entry(s.label).or_default().push(i);
    }
    for indexes in by_label.values() {
        let mut run: Option<(usize, usize)> = None; // (a member, furthest end)
        for &i in indexes {
            let s = &spans[i].0;
            run = match run {
                Some((member, end)) if s.start < end => {
                    groups.link(member, i);
                    Some((member, end.max(s.end)))
                }
                _ => Some((i, s.end)),
            };
        }
    }
    groups.into_groups()
}

/// What links two relations: the same ends, or the same type and head, or type and child.
#[derive(PartialEq, Eq, Hash)]
enum RelationKey<'a> {
    Ends(UnitSpan, UnitSpan),
    Head(&'a RelationTypeId, UnitSpan),
    Child(&'a RelationTypeId, UnitSpan),
}

/// Groups sorted relations: same ends, or same type and one end in common.
fn relation_groups(relations: &[(UnitRelation, Vec<usize>)]) -> Vec<Vec<usize>> {
    let mut groups = Groups::new(relations.len());
    let mut first: HashMap<RelationKey<'_>, usize> = HashMap::new();
    for (i, (r, _)) in relations.iter().enumerate() {
        let keys = [
            RelationKey::Ends(r.head, r.child),
            RelationKey::Head(&r.kind, r.head),
            RelationKey::Child(&r.kind, r.child),
        ];
        for key in keys {
            match first.get(&key) {
                Some(&j) => groups.link(j, i),
                None => {
                    first.insert(key, i);
                }
            }
        }
    }
    groups.into_groups()
}
