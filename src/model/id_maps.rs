//! Hash maps and sets keyed by ids and labels, hashed with foldhash rather than std's SipHash:
//! their keys come from our own files, not from an attacker choosing collisions, and opening a
//! project of 100,000 spans spent a tenth of its time in SipHash.

/// A hash map for ids and labels.
pub(crate) type IdMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set for ids.
pub(crate) type IdSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// An empty map with room for `capacity` entries.
pub(crate) fn id_map_with_capacity<K, V>(capacity: usize) -> IdMap<K, V> {
    IdMap::with_capacity_and_hasher(capacity, Default::default())
}

/// An empty set with room for `capacity` ids.
pub(crate) fn id_set_with_capacity<K>(capacity: usize) -> IdSet<K> {
    IdSet::with_capacity_and_hasher(capacity, Default::default())
}
