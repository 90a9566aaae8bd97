//! The span and relation half of the three-way merge (see `merge.rs` for the rules), and the
//! repairs that keep the result valid: identical spans made one, ends of kept relations kept,
//! labels, relation types and documents still in use kept, attributes a new label does not
//! declare dropped with a note.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use crate::model::{LabelSchema, Relation, RelationId, Span, SpanId};
use crate::team::merge::{CONFLICT_META_KEY, CONFLICT_NOTE_PREFIX, Merger};
use crate::team::three_way::{Pick, pick, pick_map};

/// What each side had, by id: borrowed from the projects, theirs copied only where renumbered.
struct Sides<'p, T: Clone> {
    base: HashMap<u64, &'p T>,
    ours: HashMap<u64, &'p T>,
    theirs: HashMap<u64, Cow<'p, T>>,
}

impl<T: Clone> Sides<'_, T> {
    fn get(&self, id: u64) -> (Option<&T>, Option<&T>, Option<&T>) {
        (
            self.base.get(&id).copied(),
            self.ours.get(&id).copied(),
            self.theirs.get(&id).map(|c| c.as_ref()),
        )
    }

    fn ids(&self) -> BTreeSet<u64> {
        self.base
            .keys()
            .chain(self.ours.keys())
            .chain(self.theirs.keys())
            .copied()
            .collect()
    }
}

/// Which side removed an item the other side changed.
fn removal_words(ours_has: bool) -> (&'static str, &'static str) {
    if ours_has {
        ("theirs", "ours")
    } else {
        ("ours", "theirs")
    }
}

struct SpanMerge<'m, 'p> {
    m: &'m mut Merger<'p>,
    /// Notes to append to spans of the result.
    notes: HashMap<SpanId, Vec<String>>,
    /// Spans removed by one side (restored if a kept relation needs them).
    removed: HashMap<SpanId, Span>,
    /// Theirs' span ids that mean another id in the result.
    span_map: HashMap<SpanId, SpanId>,
}

impl SpanMerge<'_, '_> {
    fn note(&mut self, span: SpanId, text: String) {
        self.notes.entry(span).or_default().push(text);
    }

    /// The span's text (at most 40 characters), for messages.
    fn quote(&self, span: &Span) -> String {
        let text = self
            .m
            .documents
            .get(&span.doc)
            .or_else(|| self.m.removed_documents.get(&span.doc))
            .and_then(|d| d.text().get(span.range()))
            .unwrap_or("");
        let short: String = text.chars().take(40).collect();
        let more = if short.len() < text.len() { "…" } else { "" };
        format!("{} “{short}{more}”", span.label)
    }

    fn where_(&self, span: &Span) -> String {
        format!(
            "span {} ({}) in {}",
            span.id.0,
            self.quote(span),
            self.m.title(span.doc)
        )
    }
}

/// Merges spans and relations; returns them ready for `Project::from_parts`.
pub(crate) fn merge_annotations(
    m: &mut Merger<'_>,
    schema: &mut LabelSchema,
) -> (Vec<Span>, Vec<Relation>) {
    let mut s = SpanMerge {
        m,
        notes: HashMap::new(),
        removed: HashMap::new(),
        span_map: HashMap::new(),
    };
    let spans = span_sides(&mut s);
    let mut merged = merge_spans(&mut s, &spans);
    let dedupe = make_one_of_identical_spans(&mut s, &mut merged, &spans);
    let relations = relation_sides(&mut s);
    let mut kept = merge_relations(&mut s, &relations, &dedupe);
    restore_needed(&mut s, &mut merged, &mut kept, schema);
    check_schema_fit(&mut s, &mut merged, &mut kept, schema);
    for (id, notes) in std::mem::take(&mut s.notes) {
        if let Some(span) = merged.get_mut(&id) {
            let mut lines: Vec<String> = span.note().clone().into_iter().collect();
            lines.extend(
                notes
                    .into_iter()
                    .map(|n| format!("{CONFLICT_NOTE_PREFIX}{n}")),
            );
            span.set_note(Some(lines.join("\n")));
        }
    }
    (merged.into_values().collect(), kept.into_values().collect())
}

fn span_sides<'p>(s: &mut SpanMerge<'_, 'p>) -> Sides<'p, Span> {
    fn collect(p: &crate::model::Project) -> HashMap<u64, &Span> {
        p.documents()
            .flat_map(|d| p.spans_of(d.id()).iter())
            .map(|sp| (sp.id.0, sp))
            .collect()
    }
    let (base_p, ours_p, theirs_p) = (s.m.base, s.m.ours, s.m.theirs);
    let base = collect(base_p);
    let ours = collect(ours_p);
    let mut theirs = HashMap::with_capacity(ours.len());
    for doc in theirs_p.documents() {
        let doc_to = s.m.doc_map.get(&doc.id()).copied();
        for span in theirs_p.spans_of(doc.id()) {
            let doc_id = doc_to.unwrap_or(span.doc);
            let known = ours.get(&span.id.0).or_else(|| base.get(&span.id.0));
            let same = |k: &Span| {
                k.doc == doc_id
                    && (base.contains_key(&span.id.0)
                        || (k.range(), &k.label) == (span.range(), &span.label))
            };
            let collides = known.is_some_and(|k| !same(k));
            if doc_to.is_none() && !collides {
                theirs.insert(span.id.0, Cow::Borrowed(span));
                continue;
            }
            let mut copy = span.clone();
            copy.doc = doc_id;
            if collides {
                // The same id for another span: two copies counted from one stored counter.
                let fresh = s.m.fresh.span();
                s.span_map.insert(copy.id, fresh);
                copy.id = fresh;
            }
            theirs.insert(copy.id.0, Cow::Owned(copy));
        }
    }
    Sides { base, ours, theirs }
}

fn merge_spans(s: &mut SpanMerge<'_, '_>, sides: &Sides<'_, Span>) -> BTreeMap<SpanId, Span> {
    let mut merged = BTreeMap::new();
    for id in sides.ids() {
        let (b, o, t) = sides.get(id);
        match (b, o, t) {
            // Unchanged by one side, or changed alike: no field to compare.
            (Some(b), Some(o), Some(t)) if o == t || t == b => {
                merged.insert(o.id, o.clone());
            }
            (Some(b), Some(o), Some(t)) if o == b => {
                merged.insert(t.id, t.clone());
            }
            (_, Some(o), Some(t)) => {
                let span = merge_span(s, b, o, t, &mut merged);
                merged.insert(span.id, span);
            }
            (None, Some(x), None) | (None, None, Some(x)) => {
                merged.insert(x.id, x.clone());
            }
            (Some(b), Some(x), None) | (Some(b), None, Some(x)) => {
                if b == x {
                    s.removed.insert(x.id, x.clone());
                } else {
                    let (removed, changed) = removal_words(o.is_some());
                    let text = format!("removed by {removed}, changed by {changed}; kept");
                    s.m.conflicts.push(format!("{}: {text}", s.where_(x)));
                    s.note(x.id, text);
                    merged.insert(x.id, x.clone());
                }
            }
            (Some(_), None, None) | (None, None, None) => {}
        }
    }
    merged
}

/// One span both sides still have: field by field.
fn merge_span(
    s: &mut SpanMerge<'_, '_>,
    b: Option<&Span>,
    o: &Span,
    t: &Span,
    merged: &mut BTreeMap<SpanId, Span>,
) -> Span {
    // Who made it is not a conflict: the three-way rule, ours when both changed it (or both
    // added it), theirs' only where ours has none.
    let made_by = |field: fn(&Span) -> &Option<Arc<str>>| match b {
        Some(b) => pick(field(b), field(o), field(t)).ours_on_conflict(),
        None => field(o).clone().or_else(|| field(t).clone()),
    };
    let annotator = made_by(|sp| &sp.annotator);
    let suggested_by = made_by(|sp| sp.suggested_by());
    // Added by both (same id, range and label): nothing to compare against but each other.
    let b = b.unwrap_or(o);
    let range = pick(&b.range(), &o.range(), &t.range());
    let label = pick(&b.label, &o.label, &t.label);
    let (attributes, attribute_conflicts) =
        pick_map(b.attributes(), o.attributes(), t.attributes());
    let note = pick(&b.note(), &o.note(), &t.note());
    let mut span = o.clone();
    span.set_attributes(attributes);
    span.annotator = annotator;
    span.set_suggested_by(suggested_by);
    let mut what = Vec::new();
    if range.is_conflict() || label.is_conflict() {
        let copy_id = s.m.fresh.span();
        let mut copy = t.clone();
        copy.id = copy_id;
        what.push(format!(
            "theirs has {} (added as span {})",
            s.quote(t),
            copy_id.0
        ));
        s.note(
            copy_id,
            format!(
                "theirs' version of span {} (ours kept as span {})",
                o.id.0, o.id.0
            ),
        );
        merged.insert(copy_id, copy);
    }
    let range = range.ours_on_conflict();
    span.start = range.start;
    span.end = range.end;
    span.label = label.ours_on_conflict();
    for key in attribute_conflicts {
        let value = t
            .attributes()
            .get(&key)
            .map_or_else(|| "(unset)".to_owned(), |v| v.as_text());
        what.push(format!("theirs has {key} = {value}"));
    }
    if let Pick::Conflict(_, theirs) = &note {
        what.push(format!(
            "theirs' note: {}",
            theirs.as_deref().unwrap_or("(none)")
        ));
    }
    span.set_note(note.ours_on_conflict().clone());
    if !what.is_empty() {
        let text = format!(
            "changed differently by both sides, ours kept; {}",
            what.join("; ")
        );
        s.m.conflicts.push(format!("{}: {text}", s.where_(o)));
        s.note(o.id, text);
    }
    span
}

/// Spans with the same document, range and label become one (ours' id first, else the lowest);
/// returns the ids that now mean another.
fn make_one_of_identical_spans(
    s: &mut SpanMerge<'_, '_>,
    merged: &mut BTreeMap<SpanId, Span>,
    sides: &Sides<'_, Span>,
) -> HashMap<SpanId, SpanId> {
    // Found in one read-only pass over spans grouped by document and range (adjacent in order).
    let mut by_place: Vec<(&Span, bool)> = merged
        .values()
        .map(|sp| (sp, !sides.ours.contains_key(&sp.id.0)))
        .collect();
    by_place.sort_unstable_by(|(a, a_theirs), (b, b_theirs)| {
        (a.doc, a.start, a.end, &a.label, a_theirs, a.id)
            .cmp(&(b.doc, b.start, b.end, &b.label, b_theirs, b.id))
    });
    let mut pairs = Vec::new();
    for group in by_place.chunk_by(|(a, _), (b, _)| {
        (a.doc, a.start, a.end, &a.label) == (b.doc, b.start, b.end, &b.label)
    }) {
        if let [(kept, _), rest @ ..] = group {
            pairs.extend(rest.iter().map(|(other, _)| (other.id, kept.id)));
        }
    }
    let mut dedupe = HashMap::new();
    for (id, kept) in pairs {
        let Some(other) = merged.remove(&id) else {
            continue;
        };
        dedupe.insert(id, kept);
        if let Some(k) = merged.get_mut(&kept) {
            k.edit_attributes(|attributes| {
                for (name, value) in other.attributes() {
                    attributes
                        .entry(name.clone())
                        .or_insert_with(|| value.clone());
                }
            });
            // Made alike by two people: the kept span keeps its maker, or takes the other's.
            if k.annotator.is_none() {
                k.annotator = other.annotator.clone();
            }
            if k.suggested_by().is_none() {
                k.set_suggested_by(other.suggested_by().clone());
            }
            if other.note().is_some() && other.note() != k.note() {
                let note = other.note().clone().unwrap_or_default();
                s.notes.entry(kept).or_default().push(format!(
                    "the same span was also made as span {} with the note: {note}",
                    id.0
                ));
            }
        }
        if let Some(notes) = s.notes.remove(&id) {
            s.notes.entry(kept).or_default().extend(notes);
        }
    }
    dedupe
}

fn relation_sides<'p>(s: &mut SpanMerge<'_, 'p>) -> Sides<'p, Relation> {
    fn collect(p: &crate::model::Project) -> HashMap<u64, &Relation> {
        p.documents()
            .flat_map(|d| p.relations_of_doc(d.id()))
            .map(|r| (r.id.0, r))
            .collect()
    }
    let (base_p, ours_p, theirs_p) = (s.m.base, s.m.ours, s.m.theirs);
    let base = collect(base_p);
    let ours = collect(ours_p);
    let mut theirs = HashMap::new();
    for (_, r) in collect(theirs_p) {
        let mapped = |end: SpanId| s.span_map.get(&end).copied().unwrap_or(end);
        let (head, child) = (mapped(r.head), mapped(r.child));
        let collides = !base.contains_key(&r.id.0)
            && ours
                .get(&r.id.0)
                .is_some_and(|o| (&o.kind, o.head, o.child) != (&r.kind, head, child));
        if !collides && (head, child) == (r.head, r.child) {
            theirs.insert(r.id.0, Cow::Borrowed(r));
            continue;
        }
        let mut copy = r.clone();
        copy.id = if collides { s.m.fresh.relation() } else { r.id };
        (copy.head, copy.child) = (head, child);
        theirs.insert(copy.id.0, Cow::Owned(copy));
    }
    Sides { base, ours, theirs }
}

fn merge_relations(
    s: &mut SpanMerge<'_, '_>,
    sides: &Sides<'_, Relation>,
    dedupe: &HashMap<SpanId, SpanId>,
) -> BTreeMap<RelationId, Relation> {
    let mut kept = BTreeMap::new();
    for id in sides.ids() {
        let (b, o, t) = sides.get(id);
        match (b, o, t) {
            (_, Some(o), Some(t)) => {
                let b = b.unwrap_or(o);
                let kind = pick(&b.kind, &o.kind, &t.kind);
                let head = pick(&b.head, &o.head, &t.head);
                let child = pick(&b.child, &o.child, &t.child);
                if kind.is_conflict() || head.is_conflict() || child.is_conflict() {
                    let mut copy = t.clone();
                    copy.id = s.m.fresh.relation();
                    let text = format!(
                        "relation {} ({}) was changed differently by both sides; ours kept, theirs added as relation {} ({} from span {} to span {})",
                        o.id.0, o.kind, copy.id.0, t.kind, t.head.0, t.child.0
                    );
                    s.m.conflicts.push(text.clone());
                    s.note(o.head, text);
                    kept.insert(copy.id, copy);
                }
                let mut merged = o.clone();
                merged.kind = kind.ours_on_conflict();
                merged.head = head.ours_on_conflict();
                merged.child = child.ours_on_conflict();
                // Who made it follows the three-way rule; never a conflict.
                merged.annotator = if std::ptr::eq(b, o) {
                    o.annotator.clone().or_else(|| t.annotator.clone())
                } else {
                    pick(&b.annotator, &o.annotator, &t.annotator).ours_on_conflict()
                };
                kept.insert(merged.id, merged);
            }
            (None, Some(x), None) | (None, None, Some(x)) => {
                kept.insert(x.id, x.clone());
            }
            (Some(b), Some(x), None) | (Some(b), None, Some(x)) => {
                if b != x {
                    let (removed, changed) = removal_words(o.is_some());
                    let text = format!(
                        "relation {} ({}): removed by {removed}, changed by {changed}; kept",
                        x.id.0, x.kind
                    );
                    s.m.conflicts.push(text.clone());
                    s.note(x.head, text);
                    kept.insert(x.id, x.clone());
                }
            }
            (Some(_), None, None) | (None, None, None) => {}
        }
    }
    // Ends made one with an identical span; relations made identical by that become one.
    let mut seen = BTreeSet::new();
    kept.retain(|_, r| {
        for end in [&mut r.head, &mut r.child] {
            if let Some(&to) = dedupe.get(end) {
                *end = to;
            }
        }
        seen.insert((r.kind.clone(), r.head, r.child))
    });
    kept
}

/// Keeps what kept relations and spans still need: ends removed by one side, documents removed by
/// one side, labels and relation types removed by one side.
fn restore_needed(
    s: &mut SpanMerge<'_, '_>,
    merged: &mut BTreeMap<SpanId, Span>,
    kept: &mut BTreeMap<RelationId, Relation>,
    schema: &mut LabelSchema,
) {
    let ends: Vec<SpanId> = kept.values().flat_map(|r| [r.head, r.child]).collect();
    for end in ends {
        if merged.contains_key(&end) {
            continue;
        }
        if let Some(span) = s.removed.remove(&end) {
            let text =
                "removed by one side, but a relation the other side kept or added needs it; kept"
                    .to_owned();
            s.m.conflicts.push(format!("{}: {text}", s.where_(&span)));
            s.note(end, text);
            merged.insert(end, span);
        }
    }
    let docs: BTreeSet<_> = merged.values().map(|sp| sp.doc).collect();
    for doc in docs {
        if s.m.documents.contains_key(&doc) {
            continue;
        }
        if let Some(d) = s.m.removed_documents.remove(&doc) {
            let text = "removed by one side, but the other side added or changed its spans";
            s.m.conflicts
                .push(format!("{}: {text}; kept", s.m.title(doc)));
            let mut meta = d.meta().clone();
            meta.insert(CONFLICT_META_KEY.to_owned(), text.to_owned());
            s.m.documents.insert(doc, d.with_meta(meta));
        }
    }
    let schemas = [s.m.ours.schema(), s.m.theirs.schema(), s.m.base.schema()];
    let used: HashSet<&crate::model::LabelId> = merged.values().map(|sp| &sp.label).collect();
    let labels: BTreeSet<crate::model::LabelId> = used.into_iter().cloned().collect();
    for label in labels {
        if schema.contains(&label) {
            continue;
        }
        if let Some(mut def) = schemas.iter().find_map(|sc| sc.get(&label)).cloned() {
            s.m.conflicts.push(format!(
                "label “{label}”: removed by one side, still used by the other side's spans; kept"
            ));
            if schema.check_insert(schema.len(), &def).is_err() {
                def.hotkey = None;
            }
            let _ = schema.insert(schema.len(), def);
        }
    }
    let kinds: BTreeSet<_> = kept.values().map(|r| r.kind.clone()).collect();
    for kind in kinds {
        if schema.relation_type(&kind).is_some() {
            continue;
        }
        if let Some(def) = schemas
            .iter()
            .find_map(|sc| sc.relation_type(&kind))
            .cloned()
        {
            s.m.conflicts.push(format!("relation type “{kind}”: removed by one side, still used by the other side's relations; kept"));
            let _ = schema.add_relation_type(def);
        }
    }
    // Anything still missing (not in any project: cannot happen for valid inputs) is left out.
    merged.retain(|_, sp| s.m.documents.contains_key(&sp.doc) && schema.contains(&sp.label));
}

/// Drops attribute values and relations the merged schema and labels no longer allow, each with
/// a note.
fn check_schema_fit(
    s: &mut SpanMerge<'_, '_>,
    merged: &mut BTreeMap<SpanId, Span>,
    kept: &mut BTreeMap<RelationId, Relation>,
    schema: &LabelSchema,
) {
    let mut notes = Vec::new();
    for span in merged.values_mut() {
        let mut dropped = Vec::new();
        let label = span.label.clone();
        span.edit_attributes(|attributes| {
            attributes.retain(|name, value| {
                let fits = schema
                    .attribute(&label, name)
                    .is_some_and(|def| def.accepts(value));
                if !fits {
                    dropped.push(format!("{name} = {}", value.as_text()));
                }
                fits
            })
        });
        if !dropped.is_empty() {
            notes.push((
                span.id,
                format!(
                    "attribute values its merged label “{}” does not allow were dropped: {}",
                    span.label,
                    dropped.join(", ")
                ),
            ));
        }
    }
    kept.retain(|_, r| {
        let (Some(head), Some(child)) = (merged.get(&r.head), merged.get(&r.child)) else {
            s.m.conflicts.push(format!(
                "relation {} ({}): an end is gone on both sides; left out",
                r.id.0, r.kind
            ));
            return false;
        };
        let fits = head.doc == child.doc
            && r.head != r.child
            && schema
                .relation_type(&r.kind)
                .is_some_and(|k| k.fits(&head.label, &child.label));
        if !fits {
            notes.push((
                r.head,
                format!(
                    "relation {} ({}) to span {} no longer fits the merged labels; left out",
                    r.id.0, r.kind, r.child.0
                ),
            ));
        }
        fits
    });
    for (id, text) in notes {
        if let Some(span) = merged.get(&id) {
            s.m.conflicts.push(format!("{}: {text}", s.where_(span)));
        }
        s.note(id, text);
    }
}
