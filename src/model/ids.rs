//! Stable identifiers of documents, spans and labels.

use std::fmt;
use std::sync::Arc;

/// Stable identifier of a span, allocated by [`crate::model::Project::allocate_span_id`], never reused
/// within a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpanId(pub u64);

/// Stable identifier of a document, allocated by [`crate::model::Project::allocate_doc_id`], never
/// reused within a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DocId(pub u64);

/// Stable identifier of a label (e.g. `"actor"`). Spans refer to labels by this id, so renaming a
/// label's display name never touches the spans.
///
/// The id is shared, not copied: every span and suggestion of a label holds the same string, so
/// cloning one is a reference count (no allocation) and it takes 16 bytes in a span.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabelId(pub(crate) Arc<str>);

impl LabelId {
    /// Makes a label id, checking that it is non-empty and made only of letters, digits, `_` and `-`
    /// (so it can be written in span markup and in interchange formats without quoting).
    pub fn new(id: impl Into<String>) -> Result<Self, crate::model::ModelError> {
        let id = id.into();
        if Self::is_valid(&id) {
            Ok(Self(id.into()))
        } else {
            Err(crate::model::ModelError::InvalidLabelId(id))
        }
    }

    /// Whether `id` is acceptable as a label id (see [`LabelId::new`]).
    pub fn is_valid(id: &str) -> bool {
        is_valid_id(id)
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `id` is non-empty and made only of letters, digits, `_` and `-`: the rule for label,
/// relation type, attribute and choice ids, which interchange formats write without quoting.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for SpanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "span {}", self.0)
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "document {}", self.0)
    }
}

impl fmt::Display for LabelId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for LabelId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The smallest id a loaded project hands out: ids below it are left to files written by Isnad
/// before format 3, which numbered from 1 with counters stored in the file.
pub const FIRST_RANDOM_ID: u64 = 1 << 32;
/// One past the largest starting point of a loaded project's ids: below 2^53 with room for 2^32
/// allocations, so every id stays exact in JavaScript and in JSON readers that use doubles.
pub const LAST_RANDOM_ID: u64 = (1 << 53) - (1 << 32);

/// Where a project's next document, span and relation ids come from.
///
/// A project made in memory ([`crate::model::Project::new`]) numbers from 1, so tests and
/// examples are reproducible. A project built from a file ([`crate::model::Project::from_parts`])
/// starts each kind at an independent random point in
/// [`FIRST_RANDOM_ID`]..[`LAST_RANDOM_ID`]: two copies of one project edited apart (two annotators,
/// two git branches) then give their new documents, spans and relations different ids, with no
/// counter in the file that every edit rewrites. Two copies adding n and m ids collide with
/// probability about (n + m) / 2^53 (2·10^-11 for 100,000 each). Allocation skips ids in use.
///
/// The counters are not part of a project's content: they never make two projects unequal.
#[derive(Clone, Debug)]
pub(crate) struct IdCounters {
    pub(crate) doc: u64,
    pub(crate) span: u64,
    pub(crate) relation: u64,
}

impl PartialEq for IdCounters {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for IdCounters {}

impl IdCounters {
    /// Counters from 1 (a new project in memory).
    pub(crate) fn from_one() -> Self {
        Self {
            doc: 1,
            span: 1,
            relation: 1,
        }
    }

    /// Counters at independent random points (a project loaded from a file).
    pub(crate) fn random() -> Self {
        let start = || FIRST_RANDOM_ID + random_u64() % (LAST_RANDOM_ID - FIRST_RANDOM_ID);
        Self {
            doc: start(),
            span: start(),
            relation: start(),
        }
    }
}

/// The first number from `next` on that `taken` refuses (`next` itself when it is free).
pub(crate) fn first_free(mut next: u64, taken: impl Fn(u64) -> bool) -> u64 {
    while taken(next) {
        match next.checked_add(1) {
            Some(n) => next = n,
            None => break,
        }
    }
    next
}

/// 64 unpredictable bits without a new dependency: SipHash keyed by the standard library's
/// per-process random keys (seeded by the operating system), over the time.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    hasher.write_u128(nanos);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_starts_differ_and_stay_in_range() {
        let starts: Vec<u64> = (0..64).map(|_| IdCounters::random().span).collect();
        assert!(
            starts
                .iter()
                .all(|s| (FIRST_RANDOM_ID..LAST_RANDOM_ID).contains(s))
        );
        let mut distinct = starts.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), starts.len());
    }

    #[test]
    fn first_free_skips_taken_numbers() {
        assert_eq!(first_free(5, |n| n == 5 || n == 6), 7);
        assert_eq!(first_free(5, |_| false), 5);
        assert_eq!(first_free(u64::MAX, |_| true), u64::MAX);
    }
}
