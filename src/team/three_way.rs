//! The three-way rule of every merge: a value one side left as in the base takes the other
//! side's value; two equal changes are one change; two different changes conflict.

use std::collections::{BTreeMap, BTreeSet};

/// The outcome of merging one value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick<T> {
    /// Both sides agree once the base is taken into account.
    Merged(T),
    /// Both changed it, differently: ours, then theirs.
    Conflict(T, T),
}

impl<T> Pick<T> {
    /// The merged value, or ours on a conflict.
    pub fn ours_on_conflict(self) -> T {
        match self {
            Pick::Merged(v) | Pick::Conflict(v, _) => v,
        }
    }

    /// Whether both sides changed the value differently.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Pick::Conflict(..))
    }
}

/// Merges one value given as base, ours and theirs.
pub fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> Pick<T> {
    if ours == theirs || theirs == base {
        Pick::Merged(ours.clone())
    } else if ours == base {
        Pick::Merged(theirs.clone())
    } else {
        Pick::Conflict(ours.clone(), theirs.clone())
    }
}

/// Merges two maps key by key (a key absent from a side counts as that side's value `None`);
/// returns the merged map and the keys whose values conflict (ours kept for them).
pub fn pick_map<K: Ord + Clone, V: PartialEq + Clone>(
    base: &BTreeMap<K, V>,
    ours: &BTreeMap<K, V>,
    theirs: &BTreeMap<K, V>,
) -> (BTreeMap<K, V>, Vec<K>) {
    let keys: BTreeSet<&K> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .collect();
    let mut merged = BTreeMap::new();
    let mut conflicts = Vec::new();
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let picked = pick(&b, &o, &t);
        if picked.is_conflict() {
            conflicts.push(key.clone());
        }
        if let Some(value) = picked.ours_on_conflict() {
            merged.insert(key.clone(), value.clone());
        }
    }
    (merged, conflicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_way_rule() {
        assert_eq!(pick(&1, &1, &2), Pick::Merged(2));
        assert_eq!(pick(&1, &3, &1), Pick::Merged(3));
        assert_eq!(pick(&1, &4, &4), Pick::Merged(4));
        assert_eq!(pick(&1, &3, &4), Pick::Conflict(3, 4));
        assert_eq!(pick(&None, &Some(1), &None), Pick::Merged(Some(1)));
    }

    #[test]
    fn maps_merge_key_by_key() {
        let base = BTreeMap::from([("a", 1), ("b", 1), ("c", 1)]);
        let ours = BTreeMap::from([("a", 2), ("b", 1), ("c", 5), ("d", 1)]);
        let theirs = BTreeMap::from([("a", 1), ("c", 6), ("e", 1)]);
        let (merged, conflicts) = pick_map(&base, &ours, &theirs);
        assert_eq!(
            merged,
            BTreeMap::from([("a", 2), ("c", 5), ("d", 1), ("e", 1)])
        );
        assert_eq!(conflicts, ["c"]);
    }
}
