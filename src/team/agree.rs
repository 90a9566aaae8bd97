//! Inter-annotator agreement between projects of the same documents (issue 19, item 3).
//!
//! Definitions (over the documents every project has, see [`SharedCorpus`]; offsets in code
//! points):
//! - exact match: same document, start, end and label; `exact_f1 = 2|A∩B| / (|A|+|B|)`;
//! - overlap: `precision` = share of B's spans sharing at least one code point with a span of A
//!   of the same label, `recall` = the same for A's spans against B, `f1` their harmonic mean;
//! - per label: every code point of the shared documents is one unit, 1 when inside a span of that
//!   label, else 0; `kappa` = Cohen's κ between two annotators over those units, `alpha` =
//!   Krippendorff's α (nominal) over all annotators, on the same units;
//! - relations match when document, type and both ends (exact range and label) match;
//!   `relation_f1` as for spans.
//!
//! A figure whose formula is 0/0 is `None` (JSON `null`): `exact_f1` and `relation_f1` when
//! neither side has any, `precision` when B has no span, `recall` when A has none, `f1` when either
//! is undefined (0 when both are 0), `kappa` when both annotators give every code point the same
//! value (e.g. neither used the label, or no shared text), `alpha` when all values over all
//! annotators are the same. Units are counted with interval sweeps (see `intervals.rs`), never
//! one value per code point.

use std::collections::BTreeMap;

use crate::model::{LabelId, Project};
use crate::team::disagree::{Disagreement, classify};
use crate::team::intervals::{Coverage, depth_histogram};
use crate::team::shared::{DocAnnotations, SharedCorpus, UnitSpan};
use crate::team::stats::{BinaryTable, NominalAlpha, f1_of_counts, harmonic_mean, share};

/// Overlap agreement of one pair.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overlap {
    /// Share of B's spans overlapping a span of A with the same label.
    pub precision: Option<f64>,
    /// Share of A's spans overlapping a span of B with the same label.
    pub recall: Option<f64>,
    /// Harmonic mean of the two.
    pub f1: Option<f64>,
}

/// Agreement of one pair on one label.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelAgreement {
    /// A's spans with this label.
    pub spans_a: usize,
    /// B's spans with this label.
    pub spans_b: usize,
    /// Spans with this label in both (exact).
    pub exact_matches: usize,
    /// Exact F1 of this label's spans.
    pub exact_f1: Option<f64>,
    /// Code points by decision (inside a span of this label or not) of A and B.
    pub units: BinaryTable,
    /// Cohen's κ over the code points.
    pub kappa: Option<f64>,
}

/// Agreement of two projects (`a` and `b` index the projects given).
#[derive(Clone, Debug, PartialEq)]
pub struct PairAgreement {
    /// Index of the first project.
    pub a: usize,
    /// Index of the second project.
    pub b: usize,
    /// A's spans in the shared documents.
    pub spans_a: usize,
    /// B's spans in the shared documents.
    pub spans_b: usize,
    /// Spans in both (same document, range and label).
    pub exact_matches: usize,
    /// `2·exact_matches / (spans_a + spans_b)`.
    pub exact_f1: Option<f64>,
    /// Overlap precision, recall and F1.
    pub overlap: Overlap,
    /// A's relations in the shared documents.
    pub relations_a: usize,
    /// B's relations in the shared documents.
    pub relations_b: usize,
    /// Relations in both.
    pub relation_matches: usize,
    /// `2·relation_matches / (relations_a + relations_b)`.
    pub relation_f1: Option<f64>,
    /// Figures per label (every label of any schema).
    pub labels: BTreeMap<LabelId, LabelAgreement>,
    /// Every disagreement, classified, by document.
    pub disagreements: Vec<Disagreement>,
}

/// The agreement of several projects.
#[derive(Clone, Debug)]
pub struct AgreementReport {
    /// The documents, labels and annotations compared.
    pub corpus: SharedCorpus,
    /// One entry per pair of projects (0-1, 0-2, …, 1-2, …).
    pub pairs: Vec<PairAgreement>,
    /// Krippendorff's α per label, over all projects.
    pub alpha: BTreeMap<LabelId, Option<f64>>,
}

/// Measures the agreement of `projects` (at least two for any pair to exist).
pub fn agreement(projects: &[&Project]) -> AgreementReport {
    let corpus = SharedCorpus::new(projects);
    // coverage[annotator][document][label]
    let coverage: Vec<Vec<Vec<Coverage>>> = (0..corpus.annotators)
        .map(|i| {
            corpus
                .documents
                .iter()
                .map(|d| label_coverages(&d.annotations[i], corpus.labels.len()))
                .collect()
        })
        .collect();
    let mut pairs = Vec::new();
    for a in 0..corpus.annotators {
        for b in a + 1..corpus.annotators {
            pairs.push(pair_agreement(&corpus, &coverage, a, b));
        }
    }
    let alpha = corpus
        .labels
        .iter()
        .enumerate()
        .map(|(l, label)| {
            let mut alpha = NominalAlpha::default();
            let m = corpus.annotators;
            for (d, doc) in corpus.documents.iter().enumerate() {
                let layers: Vec<&Coverage> = coverage.iter().map(|c| &c[d][l]).collect();
                for (k, &units) in depth_histogram(&layers, doc.len).iter().enumerate() {
                    alpha.add_units(&[m - k, k], units);
                }
            }
            (label.clone(), alpha.alpha())
        })
        .collect();
    AgreementReport {
        corpus,
        pairs,
        alpha,
    }
}

/// The code points covered by each label's spans.
fn label_coverages(annotations: &DocAnnotations, labels: usize) -> Vec<Coverage> {
    let mut per_label: Vec<Vec<(usize, usize)>> = vec![Vec::new(); labels];
    for span in &annotations.spans {
        if let Some(list) = per_label.get_mut(span.label) {
            list.push((span.start, span.end));
        }
    }
    per_label.into_iter().map(Coverage::union_of).collect()
}

/// Items in both sorted, duplicate-free lists.
fn common_sorted<T: Ord>(a: &[T], b: &[T], mut on_match: impl FnMut(&T)) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                on_match(x);
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

/// How many of `spans` overlap the coverage of their own label.
fn overlapping(spans: &[UnitSpan], coverage: &[Coverage]) -> usize {
    spans
        .iter()
        .filter(|s| {
            coverage
                .get(s.label)
                .is_some_and(|c| c.touches(s.start, s.end))
        })
        .count()
}

fn pair_agreement(
    corpus: &SharedCorpus,
    coverage: &[Vec<Vec<Coverage>>],
    a: usize,
    b: usize,
) -> PairAgreement {
    let n_labels = corpus.labels.len();
    let (mut spans_a, mut spans_b, mut exact) =
        (vec![0; n_labels], vec![0; n_labels], vec![0; n_labels]);
    let mut tables = vec![BinaryTable::default(); n_labels];
    let (mut b_overlapping, mut a_overlapping) = (0, 0);
    let (mut relations_a, mut relations_b, mut relation_matches) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for (d, doc) in corpus.documents.iter().enumerate() {
        let (ann_a, ann_b) = (&doc.annotations[a], &doc.annotations[b]);
        for s in &ann_a.spans {
            spans_a[s.label] += 1;
        }
        for s in &ann_b.spans {
            spans_b[s.label] += 1;
        }
        common_sorted(&ann_a.spans, &ann_b.spans, |s| exact[s.label] += 1);
        let (cov_a, cov_b) = (&coverage[a][d], &coverage[b][d]);
        b_overlapping += overlapping(&ann_b.spans, cov_a);
        a_overlapping += overlapping(&ann_a.spans, cov_b);
        for (l, table) in tables.iter_mut().enumerate() {
            let both = cov_a[l].intersection_measure(&cov_b[l]);
            let (in_a, in_b) = (cov_a[l].measure(), cov_b[l].measure());
            table.add(BinaryTable {
                both,
                only_first: in_a - both,
                only_second: in_b - both,
                neither: doc.len + both - in_a - in_b,
            });
        }
        relations_a += ann_a.relations.len();
        relations_b += ann_b.relations.len();
        relation_matches += common_sorted(&ann_a.relations, &ann_b.relations, |_| {});
        disagreements.extend(classify(d, ann_a, ann_b));
    }
    let (total_a, total_b): (usize, usize) = (spans_a.iter().sum(), spans_b.iter().sum());
    let exact_matches: usize = exact.iter().sum();
    let precision = share(b_overlapping, total_b);
    let recall = share(a_overlapping, total_a);
    let labels = corpus
        .labels
        .iter()
        .enumerate()
        .map(|(l, label)| {
            let figures = LabelAgreement {
                spans_a: spans_a[l],
                spans_b: spans_b[l],
                exact_matches: exact[l],
                exact_f1: f1_of_counts(exact[l], spans_a[l], spans_b[l]),
                units: tables[l],
                kappa: tables[l].cohen_kappa(),
            };
            (label.clone(), figures)
        })
        .collect();
    PairAgreement {
        a,
        b,
        spans_a: total_a,
        spans_b: total_b,
        exact_matches,
        exact_f1: f1_of_counts(exact_matches, total_a, total_b),
        overlap: Overlap {
            precision,
            recall,
            f1: harmonic_mean(precision, recall),
        },
        relations_a,
        relations_b,
        relation_matches,
        relation_f1: f1_of_counts(relation_matches, relations_a, relations_b),
        labels,
        disagreements,
    }
}
