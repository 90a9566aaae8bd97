//! Spans and the sorted per-document span list that answers range queries quickly.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::model::id_maps::IdMap;
use crate::model::{AttributeValue, DocId, LabelId, SpanId};

/// One annotation: a labelled byte range of a document's text.
///
/// Offsets are UTF-8 byte offsets into [`crate::model::Document::text`], `start < end`, both on
/// character boundaries (the project checks this when the span is added).
#[derive(Clone, Debug)]
pub struct Span {
    /// Stable id.
    pub id: SpanId,
    /// The document annotated.
    pub doc: DocId,
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The label, by stable id.
    pub label: LabelId,
    /// Who made it: the annotator's name as set in the app's settings, `--annotator` or
    /// `ISNAD_ANNOTATOR` (`None` when no name was set, and in files written before names existed).
    /// Kept through merges and adjudication, so a gold project still says whose each span was.
    pub annotator: Option<Arc<str>>,
    /// The note, attributes and suggester, which most spans do not have: kept apart so that a
    /// span is small (a document's spans are one sorted vector, and adding a span near its start
    /// moves all those after it). Read and set through [`Span::note`], [`Span::attributes`],
    /// [`Span::suggested_by`] and their setters.
    extra: Option<Box<SpanExtra>>,
}

/// What most spans lack (see [`Span`]).
#[derive(Clone, Debug, Default)]
struct SpanExtra {
    note: Option<String>,
    attributes: BTreeMap<String, AttributeValue>,
    suggested_by: Option<Arc<str>>,
}

/// The note of a span without one.
static NO_NOTE: Option<String> = None;
/// The attributes of a span without any.
static NO_ATTRIBUTES: BTreeMap<String, AttributeValue> = BTreeMap::new();
/// The suggester of a span tagged by hand.
static NO_SUGGESTER: Option<Arc<str>> = None;

impl PartialEq for Span {
    /// Field by field; a span whose note, attributes and suggester were set and cleared again
    /// equals one that never had them.
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
            && self.doc == other.doc
            && self.start == other.start
            && self.end == other.end
            && self.label == other.label
            && self.annotator == other.annotator
            && self.note() == other.note()
            && self.attributes() == other.attributes()
            && self.suggested_by() == other.suggested_by()
    }
}

impl Eq for Span {}

impl Span {
    /// Makes a span without a note or attributes.
    pub fn new(id: SpanId, doc: DocId, range: Range<usize>, label: LabelId) -> Self {
        Self {
            id,
            doc,
            start: range.start,
            end: range.end,
            label,
            annotator: None,
            extra: None,
        }
    }

    /// Free-text note of the annotator.
    pub fn note(&self) -> &Option<String> {
        self.extra.as_ref().map_or(&NO_NOTE, |e| &e.note)
    }

    /// Sets (or, with `None`, removes) the note.
    pub fn set_note(&mut self, note: Option<String>) {
        if note.is_some() || self.extra.is_some() {
            self.extra_mut().note = note;
            self.drop_empty_extra();
        }
    }

    /// Values of the attributes its label declares (by attribute name; unset ones are absent).
    pub fn attributes(&self) -> &BTreeMap<String, AttributeValue> {
        self.extra
            .as_ref()
            .map_or(&NO_ATTRIBUTES, |e| &e.attributes)
    }

    /// Changes the attribute values in place through `edit`, returning what it returns. A span
    /// left without attributes (nor note, nor suggester) keeps no room for them: removing from a
    /// span that has none allocates nothing.
    pub fn edit_attributes<R>(
        &mut self,
        edit: impl FnOnce(&mut BTreeMap<String, AttributeValue>) -> R,
    ) -> R {
        let mut attributes = self
            .extra
            .as_mut()
            .map(|e| std::mem::take(&mut e.attributes))
            .unwrap_or_default();
        let result = edit(&mut attributes);
        self.set_attributes(attributes);
        result
    }

    /// Replaces the attribute values.
    pub fn set_attributes(&mut self, attributes: BTreeMap<String, AttributeValue>) {
        if !attributes.is_empty() || self.extra.is_some() {
            self.extra_mut().attributes = attributes;
            self.drop_empty_extra();
        }
    }

    /// The suggester it came from when it was accepted from a suggestion (e.g. `"cues"`), `None`
    /// for a span tagged by hand.
    pub fn suggested_by(&self) -> &Option<Arc<str>> {
        self.extra
            .as_ref()
            .map_or(&NO_SUGGESTER, |e| &e.suggested_by)
    }

    /// Sets (or, with `None`, removes) the suggester.
    pub fn set_suggested_by(&mut self, suggester: Option<Arc<str>>) {
        if suggester.is_some() || self.extra.is_some() {
            self.extra_mut().suggested_by = suggester;
            self.drop_empty_extra();
        }
    }

    fn extra_mut(&mut self) -> &mut SpanExtra {
        self.extra.get_or_insert_with(Default::default)
    }

    fn drop_empty_extra(&mut self) {
        if self.extra.as_ref().is_some_and(|e| {
            e.note.is_none() && e.attributes.is_empty() && e.suggested_by.is_none()
        }) {
            self.extra = None;
        }
    }

    /// The same span, recorded as made by `annotator` (no change when it is `None`).
    pub fn made_by(mut self, annotator: Option<&str>) -> Self {
        if let Some(name) = annotator {
            self.annotator = Some(name.into());
        }
        self
    }

    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty (never true for a span inside a project).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Sort key: text order, then label, then id.
    pub fn sort_key(&self) -> (usize, usize, &LabelId, SpanId) {
        (self.start, self.end, &self.label, self.id)
    }
}

/// The spans of one document, sorted by [`Span::sort_key`], with the length of the longest span
/// (an upper bound), which bounds how far back an overlapping span can start, and the number of
/// spans of each label (kept up to date by every insert and removal, so counting is free).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocSpans {
    spans: Vec<Span>,
    max_len: usize,
    label_counts: IdMap<LabelId, usize>,
}

impl DocSpans {
    /// Builds the list from spans in any order.
    pub(crate) fn from_unsorted(mut spans: Vec<Span>) -> Self {
        spans.sort_unstable_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let max_len = spans.iter().map(Span::len).max().unwrap_or(0);
        // Counted by reference: one label copied per label, not per span.
        let mut counts: IdMap<&LabelId, usize> = IdMap::default();
        for span in &spans {
            *counts.entry(&span.label).or_default() += 1;
        }
        let label_counts = counts
            .into_iter()
            .map(|(label, n)| (label.clone(), n))
            .collect();
        Self {
            spans,
            max_len,
            label_counts,
        }
    }

    /// Number of spans with `label`.
    pub(crate) fn label_count(&self, label: &LabelId) -> usize {
        self.label_counts.get(label).copied().unwrap_or(0)
    }

    pub(crate) fn as_slice(&self) -> &[Span] {
        &self.spans
    }

    pub(crate) fn into_vec(self) -> Vec<Span> {
        self.spans
    }

    /// Index of the span with this id and range.
    pub(crate) fn position(&self, id: SpanId, range: Range<usize>) -> Option<usize> {
        let from = self
            .spans
            .partition_point(|s| (s.start, s.end) < (range.start, range.end));
        self.spans[from..]
            .iter()
            .take_while(|s| s.start == range.start && s.end == range.end)
            .position(|s| s.id == id)
            .map(|i| from + i)
    }

    /// The span with the same range and label, if any.
    pub(crate) fn duplicate_of(&self, range: Range<usize>, label: &LabelId) -> Option<SpanId> {
        let from = self
            .spans
            .partition_point(|s| (s.start, s.end, &s.label) < (range.start, range.end, label));
        self.spans
            .get(from)
            .filter(|s| s.start == range.start && s.end == range.end && &s.label == label)
            .map(|s| s.id)
    }

    pub(crate) fn get(&self, index: usize) -> Option<&Span> {
        self.spans.get(index)
    }

    /// Changes the span at `index` with `change`, which must not touch its sort key (range, label,
    /// id): for notes and attributes.
    pub(crate) fn modify_keeping_order(&mut self, index: usize, change: impl FnOnce(&mut Span)) {
        if let Some(span) = self.spans.get_mut(index) {
            let key = (span.start, span.end, span.label.clone(), span.id);
            change(span);
            debug_assert_eq!(key, (span.start, span.end, span.label.clone(), span.id));
        }
    }

    /// Inserts in sorted position.
    pub(crate) fn insert(&mut self, span: Span) {
        let at = self
            .spans
            .partition_point(|s| s.sort_key() < span.sort_key());
        self.max_len = self.max_len.max(span.len());
        *self.label_counts.entry(span.label.clone()).or_default() += 1;
        self.spans.insert(at, span);
    }

    /// Removes the span at `index`.
    pub(crate) fn remove(&mut self, index: usize) -> Span {
        let span = self.spans.remove(index);
        if let Some(count) = self.label_counts.get_mut(&span.label) {
            *count -= 1;
            if *count == 0 {
                self.label_counts.remove(&span.label);
            }
        }
        if span.len() == self.max_len {
            self.max_len = self.spans.iter().map(Span::len).max().unwrap_or(0);
        }
        span
    }

    /// Spans intersecting `range` (`start < range.end && end > range.start`), in text order.
    /// O(log n + k), where k counts the spans starting within `max_len` bytes before `range`.
    pub(crate) fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Span> + '_ {
        let lowest_start = range.start.saturating_sub(self.max_len);
        let from = self.spans.partition_point(|s| s.start < lowest_start);
        let to = self.spans.partition_point(|s| s.start < range.end);
        let query_start = range.start;
        self.spans[from..to.max(from)]
            .iter()
            .filter(move |s| s.end > query_start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attributes edited away (a retain, a removal) leave nothing behind: a merge or an
    /// adjudication that checks every span's attributes does not give each span an empty box.
    #[test]
    fn editing_attributes_away_keeps_no_room_for_them() {
        let label = LabelId::new("claim").expect("label");
        let mut span = Span::new(SpanId(1), DocId(1), 0..4, label);
        let removed = span.edit_attributes(|a| a.remove("stance"));
        assert_eq!(removed, None);
        assert!(span.extra.is_none(), "a removal from none made room");
        span.edit_attributes(|a| a.insert("stance".into(), AttributeValue::Flag(true)));
        assert_eq!(span.attributes().len(), 1);
        assert!(span.extra.is_some());
        span.edit_attributes(|a| a.retain(|_, _| false));
        assert!(span.attributes().is_empty());
        assert!(span.extra.is_none(), "the emptied room was kept");
        span.set_note(Some("n".into()));
        span.edit_attributes(|a| a.clear());
        assert_eq!(span.note().as_deref(), Some("n"), "the note stays");
    }

    /// A document's spans are one sorted vector: adding a span near the start moves every span
    /// after it, so the record stays small (label and names are shared strings, 16 bytes each;
    /// note, attributes and suggester apart). 100,000 spans of 152 bytes made adding a span near
    /// the start move 15 MB.
    #[test]
    fn a_span_record_is_at_most_72_bytes() {
        assert!(
            std::mem::size_of::<Span>() <= 72,
            "{}",
            std::mem::size_of::<Span>()
        );
    }
}
