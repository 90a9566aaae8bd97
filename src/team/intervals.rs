//! Measures over sets of half-open intervals of code points, counted with sweeps over interval
//! ends instead of one value per code point (so 100,000 spans cost O(n log n), whatever the
//! length of the texts).

/// Sorted, disjoint, non-adjacent half-open intervals `start..end` (code points).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage(Vec<(usize, usize)>);

impl Coverage {
    /// The union of `intervals` (any order, overlapping or not; empty ones ignored).
    pub fn union_of(mut intervals: Vec<(usize, usize)>) -> Self {
        intervals.retain(|(s, e)| s < e);
        intervals.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(intervals.len());
        for (start, end) in intervals {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        Self(merged)
    }

    /// The disjoint intervals, in order.
    pub fn intervals(&self) -> &[(usize, usize)] {
        &self.0
    }

    /// Number of code points covered.
    pub fn measure(&self) -> usize {
        self.0.iter().map(|(s, e)| e - s).sum()
    }

    /// Number of code points covered by both `self` and `other` (one linear merge).
    pub fn intersection_measure(&self, other: &Coverage) -> usize {
        let (mut i, mut j, mut total) = (0, 0, 0);
        while let (Some(&(a_start, a_end)), Some(&(b_start, b_end))) =
            (self.0.get(i), other.0.get(j))
        {
            let (start, end) = (a_start.max(b_start), a_end.min(b_end));
            if start < end {
                total += end - start;
            }
            if a_end <= b_end {
                i += 1;
            } else {
                j += 1;
            }
        }
        total
    }

    /// Whether some covered code point lies in `start..end` (binary search).
    pub fn touches(&self, start: usize, end: usize) -> bool {
        // The first interval ending after `start` is the only candidate.
        let at = self.0.partition_point(|&(_, e)| e <= start);
        self.0.get(at).is_some_and(|&(s, _)| s < end)
    }
}

/// For `coverages` of one text by several annotators, how many code points are covered by exactly
/// `k` of them, for `k` in `0..=coverages.len()`; `len` is the text's length in code points (the
/// rest of the text counts at `k = 0`).
pub fn depth_histogram(coverages: &[&Coverage], len: usize) -> Vec<usize> {
    let mut events: Vec<(usize, i8)> = Vec::new();
    for coverage in coverages {
        for &(start, end) in coverage.intervals() {
            events.push((start, 1));
            events.push((end, -1));
        }
    }
    events.sort_unstable();
    let mut histogram = vec![0; coverages.len() + 1];
    let (mut depth, mut at) = (0usize, 0usize);
    for (position, change) in events {
        let position = position.min(len);
        if let Some(slot) = histogram.get_mut(depth) {
            *slot += position.saturating_sub(at);
        }
        at = at.max(position);
        depth = if change > 0 {
            depth + 1
        } else {
            depth.saturating_sub(1)
        };
    }
    histogram[0] += len.saturating_sub(at);
    histogram
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_merges_overlapping_and_adjacent_intervals() {
        let c = Coverage::union_of(vec![(5, 8), (0, 2), (1, 3), (3, 4), (9, 9)]);
        assert_eq!(c.intervals(), &[(0, 4), (5, 8)]);
        assert_eq!(c.measure(), 7);
    }

    #[test]
    fn intersection_counts_shared_code_points() {
        let a = Coverage::union_of(vec![(0, 4), (6, 10)]);
        let b = Coverage::union_of(vec![(2, 7), (9, 12)]);
        // 2..4 (2), 6..7 (1), 9..10 (1)
        assert_eq!(a.intersection_measure(&b), 4);
        assert_eq!(b.intersection_measure(&a), 4);
        assert!(a.touches(3, 5) && !a.touches(4, 6) && a.touches(5, 7) && !a.touches(10, 20));
    }

    #[test]
    fn histogram_matches_counting_each_code_point() {
        let a = Coverage::union_of(vec![(0, 4), (6, 10)]);
        let b = Coverage::union_of(vec![(2, 7), (9, 12)]);
        let c = Coverage::union_of(vec![(3, 11)]);
        let len = 14;
        let mut expected = vec![0; 4];
        for unit in 0..len {
            let k = [&a, &b, &c]
                .iter()
                .filter(|cov| cov.touches(unit, unit + 1))
                .count();
            expected[k] += 1;
        }
        assert_eq!(depth_histogram(&[&a, &b, &c], len), expected);
        assert_eq!(depth_histogram(&[], 5), vec![5]);
    }
}
