//! The agreement coefficients, computed from counts. A figure whose formula divides by zero is
//! `None` (written `null` in JSON), never NaN.

/// `2·matches / (a + b)`: the F1 of two sets of items, `None` when both are empty.
pub fn f1_of_counts(matches: usize, a: usize, b: usize) -> Option<f64> {
    let total = a + b;
    (total > 0).then(|| 2.0 * matches as f64 / total as f64)
}

/// `part / whole`, `None` when `whole` is 0.
pub fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The harmonic mean of precision and recall: `None` when either is undefined, 0 when both are 0.
pub fn harmonic_mean(precision: Option<f64>, recall: Option<f64>) -> Option<f64> {
    let (p, r) = (precision?, recall?);
    Some(if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    })
}

/// The 2×2 table of two annotators' binary decisions over the same units (here: code points
/// inside / outside a span of one label).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BinaryTable {
    /// Units both marked.
    pub both: usize,
    /// Units only the first marked.
    pub only_first: usize,
    /// Units only the second marked.
    pub only_second: usize,
    /// Units neither marked.
    pub neither: usize,
}

impl BinaryTable {
    /// Adds another table's counts.
    pub fn add(&mut self, other: BinaryTable) {
        self.both += other.both;
        self.only_first += other.only_first;
        self.only_second += other.only_second;
        self.neither += other.neither;
    }

    /// Number of units.
    pub fn total(&self) -> usize {
        self.both + self.only_first + self.only_second + self.neither
    }

    /// Cohen's κ = (p_o − p_e) / (1 − p_e), with p_e from each annotator's own marginals.
    /// `None` when p_e = 1 (both annotators gave one and the same value to every unit, or there are
    /// no units): the formula is 0/0 there.
    pub fn cohen_kappa(&self) -> Option<f64> {
        let n = self.total() as f64;
        if self.total() == 0 {
            return None;
        }
        let observed = (self.both + self.neither) as f64 / n;
        let first_yes = (self.both + self.only_first) as f64 / n;
        let second_yes = (self.both + self.only_second) as f64 / n;
        let expected = first_yes * second_yes + (1.0 - first_yes) * (1.0 - second_yes);
        // Exactly 1 only when both are constant and equal; guard rounding too.
        if (1.0 - expected).abs() < 1e-15 {
            return None;
        }
        Some((observed - expected) / (1.0 - expected))
    }
}

/// Krippendorff's α for nominal data, accumulated from units given as counts of each value.
///
/// α = 1 − (n − 1) · Σ_u Σ_{c≠k} n_uc·n_uk / (m_u − 1)  ÷  Σ_{c≠k} n_c·n_k, where `n_uc` is how
/// many annotators gave unit `u` value `c`, `m_u` the values of unit `u`, `n_c` the values `c`
/// over all pairable units and `n` all pairable values. Units with fewer than two values are not
/// pairable and ignored (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011).
#[derive(Clone, Debug, Default)]
pub struct NominalAlpha {
    /// n_c over pairable units.
    value_totals: Vec<f64>,
    /// Σ_u Σ_{c≠k} n_uc·n_uk / (m_u − 1): the off-diagonal mass of the coincidence matrix.
    disagreement: f64,
}

impl NominalAlpha {
    /// Adds `weight` identical units, each with `counts[c]` annotators giving value `c`.
    pub fn add_units(&mut self, counts: &[usize], weight: usize) {
        let values: usize = counts.iter().sum();
        if values < 2 || weight == 0 {
            return;
        }
        if self.value_totals.len() < counts.len() {
            self.value_totals.resize(counts.len(), 0.0);
        }
        let w = weight as f64;
        let mut off_diagonal = 0.0;
        for (c, &count) in counts.iter().enumerate() {
            self.value_totals[c] += w * count as f64;
            // Σ_{k≠c} n_uc·n_uk = n_uc·(m_u − n_uc)
            off_diagonal += count as f64 * (values - count) as f64;
        }
        self.disagreement += w * off_diagonal / (values - 1) as f64;
    }

    /// α, or `None` when the expected disagreement is 0 (every pairable value is the same value,
    /// or there is no pairable unit): the formula is 0/0 there.
    pub fn alpha(&self) -> Option<f64> {
        let n: f64 = self.value_totals.iter().sum();
        let expected: f64 = self.value_totals.iter().map(|&c| c * (n - c)).sum();
        if expected <= 0.0 {
            return None;
        }
        Some(1.0 - (n - 1.0) * self.disagreement / expected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Nominal α from reliability data (one row per annotator, `None` = missing), unit by unit.
    fn alpha_of(rows: &[&[Option<usize>]]) -> Option<f64> {
        let mut alpha = NominalAlpha::default();
        let units = rows[0].len();
        for u in 0..units {
            let mut counts = vec![0; 8];
            for row in rows {
                if let Some(v) = row[u] {
                    counts[v] += 1;
                }
            }
            alpha.add_units(&counts, 1);
        }
        alpha.alpha()
    }

    #[test]
    fn krippendorff_2011_binary_two_observers() {
        // "Computing Krippendorff's Alpha-Reliability" (2011), section A: α = 0.095.
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0].map(Some);
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0].map(Some);
        let alpha = alpha_of(&[&a, &b]).expect("defined");
        assert!((alpha - 0.095).abs() < 0.0005, "{alpha}");
    }

    #[test]
    fn krippendorff_2011_nominal_four_observers_missing_data() {
        // Same paper, section C: 4 observers, 12 units, missing values; α_nominal = 0.743.
        let n = None;
        let a = [
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(1),
            Some(4),
            Some(1),
            Some(2),
            n,
            n,
            n,
        ];
        let b = [
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(2),
            Some(4),
            Some(1),
            Some(2),
            Some(5),
            n,
            Some(3),
        ];
        let c = [
            n,
            Some(3),
            Some(3),
            Some(3),
            Some(2),
            Some(3),
            Some(4),
            Some(2),
            Some(2),
            Some(5),
            Some(1),
            n,
        ];
        let d = [
            Some(1),
            Some(2),
            Some(3),
            Some(3),
            Some(2),
            Some(4),
            Some(4),
            Some(1),
            Some(2),
            Some(5),
            Some(1),
            n,
        ];
        let alpha = alpha_of(&[&a, &b, &c, &d]).expect("defined");
        assert!((alpha - 0.743).abs() < 0.0005, "{alpha}");
    }

    #[test]
    fn weighted_units_equal_repeated_units() {
        let mut once = NominalAlpha::default();
        once.add_units(&[2, 1], 3);
        once.add_units(&[3, 0], 5);
        once.add_units(&[0, 3], 2);
        let mut repeated = NominalAlpha::default();
        for _ in 0..3 {
            repeated.add_units(&[2, 1], 1);
        }
        for _ in 0..5 {
            repeated.add_units(&[3, 0], 1);
        }
        for _ in 0..2 {
            repeated.add_units(&[0, 3], 1);
        }
        let (x, y) = (once.alpha().expect("x"), repeated.alpha().expect("y"));
        assert!((x - y).abs() < 1e-12);
    }

    #[test]
    fn alpha_undefined_without_variance() {
        let mut alpha = NominalAlpha::default();
        alpha.add_units(&[2, 0], 10);
        assert_eq!(alpha.alpha(), None);
        assert_eq!(NominalAlpha::default().alpha(), None);
        let mut perfect = NominalAlpha::default();
        perfect.add_units(&[2, 0], 3);
        perfect.add_units(&[0, 2], 1);
        assert_eq!(perfect.alpha(), Some(1.0));
    }

    #[test]
    fn kappa_by_hand() {
        // 10 units: both 3, only first 1, only second 2, neither 4.
        // p_o = 0.7; p_first = 0.4, p_second = 0.5; p_e = 0.2 + 0.3 = 0.5; κ = 0.2 / 0.5 = 0.4.
        let t = BinaryTable {
            both: 3,
            only_first: 1,
            only_second: 2,
            neither: 4,
        };
        assert!((t.cohen_kappa().expect("defined") - 0.4).abs() < 1e-12);
        let constant = BinaryTable {
            neither: 7,
            ..BinaryTable::default()
        };
        assert_eq!(constant.cohen_kappa(), None);
        assert_eq!(BinaryTable::default().cohen_kappa(), None);
        // One annotator constant, the other not: p_o = p_e, κ = 0.
        let one_empty = BinaryTable {
            only_second: 2,
            neither: 8,
            ..BinaryTable::default()
        };
        assert_eq!(one_empty.cohen_kappa(), Some(0.0));
    }

    #[test]
    fn f1_and_shares() {
        assert_eq!(f1_of_counts(0, 0, 0), None);
        assert_eq!(f1_of_counts(2, 3, 5), Some(0.5));
        assert_eq!(share(1, 0), None);
        assert_eq!(harmonic_mean(Some(0.0), Some(0.0)), Some(0.0));
        assert_eq!(harmonic_mean(Some(0.5), None), None);
        let h = harmonic_mean(Some(0.5), Some(1.0)).expect("defined");
        assert!((h - 2.0 / 3.0).abs() < 1e-12);
    }
}
