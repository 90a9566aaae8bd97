//! The label confusion matrix of two annotators: which label B gave where A gave each label.
//!
//! Spans of the shared documents are matched one to one, document by document, in three rounds:
//! 1. **same range**: a span of A and a span of B with the same start and end (same label
//!    first, then the others in label order);
//! 2. **overlap** (a boundary difference): each span of A left, in text order, with the span of B
//!    left that shares the most code points with it (at least one; ties: the one that starts
//!    first), whatever its label;
//! 3. the spans left are unmatched: A's counted in the row of its label and the column "none",
//!    B's in the row "none" and the column of its label.
//!
//! Each matched pair counts once in the cell (A's label, B's label): the diagonal holds the
//! spans both labelled alike (exactly or with other edges), the rest the label confusions. The
//! cell ("none", "none") is always 0.

use std::collections::HashMap;

use crate::model::LabelId;
use crate::team::shared::{SharedCorpus, UnitSpan};

/// Counts of matched spans by A's label (rows) and B's label (columns).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confusion {
    /// The labels, in row and column order ([`SharedCorpus::labels`]).
    pub labels: Vec<LabelId>,
    /// `counts[row][column]`, `labels.len() + 1` square: the last row and column are "none".
    pub counts: Vec<Vec<usize>>,
}

impl Confusion {
    /// The count in row `a` (A's label; `None`: no span of A) and column `b` (B's label).
    pub fn count(&self, a: Option<&LabelId>, b: Option<&LabelId>) -> usize {
        let index = |label: Option<&LabelId>| match label {
            Some(label) => self.labels.iter().position(|l| l == label),
            None => Some(self.labels.len()),
        };
        match (index(a), index(b)) {
            (Some(row), Some(column)) => self.counts[row][column],
            _ => 0,
        }
    }

    /// The largest count (for shading).
    pub fn max(&self) -> usize {
        self.counts.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// The confusion matrix of annotators `a` and `b` (indexes into the corpus's annotators).
pub fn confusion(corpus: &SharedCorpus, a: usize, b: usize) -> Confusion {
    let none = corpus.labels.len();
    let mut counts = vec![vec![0; none + 1]; none + 1];
    for doc in &corpus.documents {
        let (Some(xs), Some(ys)) = (doc.annotations.get(a), doc.annotations.get(b)) else {
            continue;
        };
        for (row, column) in match_spans(&xs.spans, &ys.spans) {
            counts[row.map_or(none, |s| s.label)][column.map_or(none, |s| s.label)] += 1;
        }
    }
    Confusion {
        labels: corpus.labels.clone(),
        counts,
    }
}

/// The spans of `xs` and `ys` (sorted) matched as the module says; `None`: unmatched.
fn match_spans(xs: &[UnitSpan], ys: &[UnitSpan]) -> Vec<(Option<UnitSpan>, Option<UnitSpan>)> {
    let mut out = Vec::new();
    let mut used_x = vec![false; xs.len()];
    let mut used_y = vec![false; ys.len()];
    let mut by_range: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, y) in ys.iter().enumerate() {
        by_range.entry((y.start, y.end)).or_default().push(j);
    }
    // 1. Same range: same label first, then any label.
    for same_label in [true, false] {
        for (i, x) in xs.iter().enumerate() {
            if used_x[i] {
                continue;
            }
            let found = by_range.get(&(x.start, x.end)).and_then(|js| {
                js.iter()
                    .copied()
                    .find(|&j| !used_y[j] && (!same_label || ys[j].label == x.label))
            });
            if let Some(j) = found {
                used_x[i] = true;
                used_y[j] = true;
                out.push((Some(*x), Some(ys[j])));
            }
        }
    }
    // 2. Overlap: `ys` is sorted by start; a span overlapping x starts before x.end and at
    // most `longest` code points before x.start.
    let longest = ys.iter().map(|s| s.end - s.start).max().unwrap_or(0);
    for (i, x) in xs.iter().enumerate() {
        if used_x[i] {
            continue;
        }
        let from = ys.partition_point(|s| s.start + longest < x.start);
        let to = ys.partition_point(|s| s.start < x.end);
        let best = (from..to.max(from))
            .filter(|&j| !used_y[j] && ys[j].end > x.start)
            .max_by_key(|&j| {
                let shared = x.end.min(ys[j].end) - x.start.max(ys[j].start);
                (shared, std::cmp::Reverse(j))
            });
        if let Some(j) = best {
            used_x[i] = true;
            used_y[j] = true;
            out.push((Some(*x), Some(ys[j])));
        }
    }
    // 3. The rest.
    for (i, x) in xs.iter().enumerate() {
        if !used_x[i] {
            out.push((Some(*x), None));
        }
    }
    for (j, y) in ys.iter().enumerate() {
        if !used_y[j] {
            out.push((None, Some(*y)));
        }
    }
    out
}
