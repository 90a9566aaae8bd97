//! Three-way merge of projects in memory: unions, both sides' edits and removals, and conflicts
//! kept visible (notes, a second span, the `merge_conflict` metadata field), never one side
//! silently picked.

use std::path::Path;

use isnad::io::project::{from_ron_str, to_ron_string};
use isnad::model::markup::{add_markup_document, markup_of};
use isnad::model::{
    AttributeValue, DocId, DocumentStatus, LabelId, Project, Relation, RelationTypeId, Span,
    SpanId, SuggestionVerdict, Verdict,
};
use isnad::team::{CONFLICT_META_KEY, CONFLICT_NOTE_PREFIX, GUIDELINES_CONFLICT_HEADING, merge};

/// Saves and loads `project`, as an annotator's copy is (new ids then start at random points).
fn copy_of(project: &Project) -> Project {
    let text = to_ron_string(project, Path::new("m.isnad.ron")).expect("encode");
    from_ron_str(&text, Path::new("m.isnad.ron")).expect("decode")
}

fn base() -> Project {
    let mut p = Project::default();
    add_markup_document(
        &mut p,
        "[الرئيس|actor] قال إن [الوضع مستقر|claim] وفق [مصدر|source] رسمي",
    )
    .expect("markup");
    add_markup_document(&mut p, "أعلن [الجيش|actor] أن [القوات تقدمت|claim] أمس").expect("markup");
    copy_of(&p)
}

fn label(id: &str) -> LabelId {
    LabelId::new(id).expect("label")
}

/// Adds a span over the first occurrence of `phrase` in document `doc`.
fn tag(p: &mut Project, doc: DocId, phrase: &str, label_id: &str) -> SpanId {
    let text = p.document(doc).expect("doc").text().to_owned();
    let start = text.find(phrase).expect("phrase");
    let id = p.allocate_span_id();
    p.insert_span(Span::new(
        id,
        doc,
        start..start + phrase.len(),
        label(label_id),
    ))
    .expect("span");
    id
}

fn span_at(p: &Project, doc: DocId, phrase: &str) -> SpanId {
    let text = p.document(doc).expect("doc").text();
    let start = text.find(phrase).expect("phrase");
    p.spans_of(doc)
        .iter()
        .find(|s| s.start == start)
        .expect("span")
        .id
}

fn docs(p: &Project) -> Vec<DocId> {
    p.documents().map(|d| d.id()).collect()
}

#[test]
fn spans_added_on_both_sides_are_united() {
    let base = base();
    let [d1, d2] = docs(&base)[..] else {
        panic!("two documents")
    };
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    tag(&mut ours, d1, "قال", "claim");
    tag(&mut theirs, d2, "أمس", "claim");
    tag(&mut theirs, d1, "رسمي", "source");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.project.span_count(), base.span_count() + 3);
    assert_eq!(
        markup_of(&merged.project, d1),
        "[الرئيس|actor] [قال|claim] إن [الوضع مستقر|claim] وفق [مصدر|source] [رسمي|source]"
    );
}

#[test]
fn removals_and_edits_of_both_sides_are_applied() {
    let base = base();
    let [d1, d2] = docs(&base)[..] else {
        panic!("two documents")
    };
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    let president = span_at(&base, d1, "الرئيس");
    let army = span_at(&base, d2, "الجيش");
    let claim = span_at(&base, d1, "الوضع");
    ours.remove_span(president).expect("remove");
    theirs
        .set_span_note(army, Some("الجيش النظامي".into()))
        .expect("note");
    // Attributes merge one by one: ours sets one, theirs another.
    ours.set_span_attribute(
        claim,
        "form",
        Some(AttributeValue::Choice("indirect_speech".into())),
    )
    .expect("form");
    theirs
        .set_span_attribute(
            claim,
            "certainty",
            Some(AttributeValue::Choice("asserted".into())),
        )
        .expect("certainty");
    theirs
        .set_document_status(d2, DocumentStatus::Done)
        .expect("status");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let p = &merged.project;
    assert!(p.span(president).is_none());
    assert_eq!(
        p.span(army).and_then(|s| s.note().as_deref()),
        Some("الجيش النظامي")
    );
    let attributes = &p.span(claim).expect("claim").attributes();
    assert_eq!(attributes.len(), 2, "{attributes:?}");
    assert_eq!(
        p.document(d2).map(|d| d.status()),
        Some(DocumentStatus::Done)
    );
}

#[test]
fn a_label_changed_differently_keeps_both_versions_with_notes() {
    let base = base();
    let d1 = docs(&base)[0];
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    let span = span_at(&base, d1, "مصدر");
    ours.set_span_label(span, label("actor")).expect("ours");
    theirs.set_span_label(span, label("claim")).expect("theirs");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let p = &merged.project;
    let kept = p.span(span).expect("ours kept");
    assert_eq!(kept.label, label("actor"));
    assert!(
        kept.note()
            .as_deref()
            .is_some_and(|n| n.starts_with(CONFLICT_NOTE_PREFIX))
    );
    let copy: Vec<&Span> = p
        .spans_of(d1)
        .iter()
        .filter(|s| s.range() == kept.range() && s.label == label("claim"))
        .collect();
    assert_eq!(copy.len(), 1, "theirs' version is a second span");
    assert!(
        copy[0]
            .note()
            .as_deref()
            .is_some_and(|n| n.contains("theirs' version"))
    );
}

#[test]
fn removed_on_one_side_changed_on_the_other_is_kept_with_a_note() {
    let base = base();
    let d2 = docs(&base)[1];
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    let span = span_at(&base, d2, "القوات");
    ours.remove_span(span).expect("remove");
    theirs
        .set_span_note(span, Some("مؤكد".into()))
        .expect("note");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert_eq!(merged.conflicts.len(), 1);
    let kept = merged.project.span(span).expect("kept");
    assert!(
        kept.note()
            .as_deref()
            .is_some_and(|n| n.contains("مؤكد") && n.contains("removed by ours"))
    );
}

#[test]
fn the_same_span_added_by_both_becomes_one() {
    let base = base();
    let d2 = docs(&base)[1];
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    let a = tag(&mut ours, d2, "أمس", "claim");
    let b = tag(&mut theirs, d2, "أمس", "claim");
    assert_ne!(a, b, "copies give different ids");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.project.span_count(), base.span_count() + 1);
    assert!(merged.project.span(a).is_some());
}

#[test]
fn ids_counted_from_one_stored_counter_are_renumbered_not_lost() {
    // Two copies that share the id counter (as two copies of a format 2 file did): both give their
    // new span the same id.
    let mut base = Project::default();
    add_markup_document(&mut base, "[زيد|actor] قال إن المطر غزير").expect("markup");
    let d = DocId(1);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let a = tag(&mut ours, d, "قال", "claim");
    let b = tag(&mut theirs, d, "المطر", "actor");
    assert_eq!(a, b);
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(
        markup_of(&merged.project, d),
        "[زيد|actor] [قال|claim] إن [المطر|actor] غزير"
    );
}

#[test]
fn a_relation_to_a_span_the_other_side_removed_keeps_the_span() {
    let base = base();
    let d1 = docs(&base)[0];
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    let source = span_at(&base, d1, "مصدر");
    let claim = span_at(&base, d1, "الوضع");
    ours.remove_span(source).expect("remove");
    let id = theirs.allocate_relation_id();
    let kind = RelationTypeId::new("attributed_to").expect("kind");
    theirs
        .insert_relation(Relation::new(id, kind, claim, source))
        .expect("relation");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert!(merged.project.relation(id).is_some());
    assert!(merged.project.span(source).is_some());
}

#[test]
fn a_document_status_changed_differently_is_recorded_in_its_metadata() {
    let base = base();
    let d1 = docs(&base)[0];
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    ours.set_document_status(d1, DocumentStatus::InProgress)
        .expect("ours");
    theirs
        .set_document_status(d1, DocumentStatus::Done)
        .expect("theirs");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert_eq!(merged.conflicts.len(), 1);
    let doc = merged.project.document(d1).expect("doc");
    assert_eq!(doc.status(), DocumentStatus::InProgress);
    assert!(doc.meta()[CONFLICT_META_KEY].contains("Done"));
}

#[test]
fn documents_added_on_both_sides_are_united_and_one_text_is_one_document() {
    let base = base();
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    add_markup_document(&mut ours, "[نص|actor] أول").expect("ours");
    add_markup_document(&mut theirs, "نص [ثان|claim]").expect("theirs");
    add_markup_document(&mut ours, "نص [مشترك|actor]").expect("ours");
    add_markup_document(&mut theirs, "[نص|actor] مشترك").expect("theirs");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let p = &merged.project;
    assert_eq!(p.document_count(), 5);
    let shared = p
        .documents()
        .find(|d| d.text() == "نص مشترك")
        .expect("shared")
        .id();
    assert_eq!(markup_of(p, shared), "[نص|actor] [مشترك|actor]");
}

#[test]
fn merging_with_nothing_changed_gives_the_base() {
    let base = base();
    let merged = merge(&base, &copy_of(&base), &copy_of(&base)).expect("merge");
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.project, base);
}

/// A verdict on a suggestion over `phrase` in document `doc`.
fn judge(p: &mut Project, doc: DocId, phrase: &str, label_id: &str, verdict: Verdict) {
    let text = p.document(doc).expect("doc").text().to_owned();
    let start = text.find(phrase).expect("phrase");
    let verdict = SuggestionVerdict {
        doc,
        range: start..start + phrase.len(),
        label: label(label_id),
        suggester: "cues".to_owned(),
        verdict,
    };
    p.judge_suggestion(&verdict).expect("judge");
}

#[test]
fn guidelines_merge_by_the_three_way_rule_and_both_sides_are_kept_on_a_conflict() {
    let mut base = base();
    base.set_guidelines("Tag the speaker.".to_owned());
    let base = copy_of(&base);
    // One side changed them: that change.
    let (mut ours, theirs) = (copy_of(&base), copy_of(&base));
    ours.set_guidelines("Tag the speaker and the claim.".to_owned());
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(
        merged.project.guidelines(),
        "Tag the speaker and the claim."
    );
    let merged = merge(&base, &theirs, &ours).expect("merge");
    assert_eq!(
        merged.project.guidelines(),
        "Tag the speaker and the claim."
    );
    // Both changed them differently: ours, then theirs under a heading, and a conflict.
    let mut theirs = copy_of(&base);
    theirs.set_guidelines("Tag every source.".to_owned());
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert!(merged.conflicts[0].contains("guidelines"));
    let text = merged.project.guidelines();
    let heading = text.find(GUIDELINES_CONFLICT_HEADING).expect("heading");
    assert!(text[..heading].contains("Tag the speaker and the claim."));
    assert!(text[heading..].contains("Tag every source."));
}

#[test]
fn rejected_suggestions_and_tallies_of_both_sides_are_kept() {
    let mut base = base();
    let d1 = base.documents().next().expect("doc").id();
    judge(&mut base, d1, "رسمي", "source", Verdict::Rejected);
    let base = copy_of(&base);
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    judge(&mut ours, d1, "قال", "claim", Verdict::Rejected);
    judge(&mut ours, d1, "الرئيس", "actor", Verdict::Accepted);
    judge(&mut theirs, d1, "وفق", "source", Verdict::Rejected);
    judge(&mut theirs, d1, "مصدر", "source", Verdict::Relabelled);
    // A document theirs added, with a rejection in it.
    let d3 = add_markup_document(&mut theirs, "صرح [المتحدث|actor] بأن").expect("theirs");
    judge(&mut theirs, d3, "صرح", "claim", Verdict::Rejected);
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let p = &merged.project;
    let memory = p.suggestion_memory();
    let rejected: Vec<(String, String)> = memory
        .rejections()
        .map(|(doc, (range, label))| {
            let text = p.document(doc).expect("doc").text();
            (text[range].to_owned(), label.as_str().to_owned())
        })
        .collect();
    for (phrase, label_id) in [
        ("رسمي", "source"),
        ("قال", "claim"),
        ("وفق", "source"),
        ("صرح", "claim"),
    ] {
        assert!(
            rejected.contains(&(phrase.to_owned(), label_id.to_owned())),
            "{phrase} {label_id} missing from {rejected:?}"
        );
    }
    assert_eq!(memory.rejection_count(), 4);
    // The base's one rejection, plus each side's new verdicts.
    let tally = memory.tally("cues");
    assert_eq!(
        (tally.accepted, tally.relabelled, tally.rejected),
        (1, 1, 1 + 1 + 2)
    );
}
