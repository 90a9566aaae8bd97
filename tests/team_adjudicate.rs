//! Adjudication logic (team::Adjudication): the gold project starts with what both annotators
//! made alike, credited to both; each decision is one edit that keeps A's side, B's side, both
//! or neither, credits the spans to who proposed them, can be changed later, and is undone by
//! its inverse.

use isnad::command::Edit;
use isnad::model::{DocId, LabelId, Project, Relation};
use isnad::team::{
    Adjudication, AdjudicationError, Annotator, Decision, DisagreementKind, SideItem,
};

mod team_common;

use team_common::{project, relate};

fn label(id: &str) -> LabelId {
    LabelId::new(id).expect("label id")
}

/// A: actor 0..2, claim 4..7 (claim about actor). B: actor 0..3, claim 4..7, source 8..10
/// (claim about actor, claim attributed to source). Agreed: the claim only.
fn pair() -> (Adjudication, Project) {
    let mut a = project(&["[ab|actor]cd[efg|claim]hij"]);
    let mut b = project(&["[abc|actor]d[efg|claim]h[ij|source]"]);
    relate(&mut a, DocId(1), "about", 4, 0);
    relate(&mut b, DocId(1), "about", 4, 0);
    relate(&mut b, DocId(1), "attributed_to", 4, 8);
    Adjudication::new(vec![
        Annotator {
            name: "layla".into(),
            project: a,
        },
        Annotator {
            name: "omar".into(),
            project: b,
        },
    ])
    .expect("adjudication")
}

/// The gold's spans as (start, end, label, annotator), in text order.
fn spans(gold: &Project) -> Vec<(usize, usize, String, String)> {
    gold.spans_of(DocId(1))
        .iter()
        .map(|s| {
            (
                s.start,
                s.end,
                s.label.as_str().to_owned(),
                s.annotator.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn index_of(adj: &Adjudication, kind: DisagreementKind) -> usize {
    adj.disagreements()
        .iter()
        .position(|d| d.kind == kind)
        .expect("a disagreement of this kind")
}

fn decide(adj: &Adjudication, gold: &mut Project, index: usize, decision: Decision) -> Edit {
    let edit = adj
        .decision_edit(gold, index, decision)
        .expect("decision edit");
    edit.apply(gold).expect("applies")
}

#[test]
fn the_gold_starts_with_what_both_made_alike_credited_to_both() {
    let (adj, gold) = pair();
    assert_eq!(
        spans(&gold),
        vec![(4, 7, "claim".into(), "layla, omar".into())]
    );
    assert_eq!(
        gold.relation_count(),
        0,
        "no relation is the same on both sides"
    );
    assert_eq!(gold.document_count(), 1);
    let kinds: Vec<DisagreementKind> = adj.disagreements().iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        vec![
            DisagreementKind::Boundary,
            DisagreementKind::Missing,
            DisagreementKind::Relation,
            DisagreementKind::Relation
        ]
    );
    // The labels of both schemas are in the gold.
    assert!(gold.schema().contains(&label("source")));
}

#[test]
fn each_decision_keeps_its_sides_and_can_be_changed_and_undone() {
    let (adj, mut gold) = pair();
    let boundary = index_of(&adj, DisagreementKind::Boundary);
    assert_eq!(
        adj.side(boundary, 0),
        Some(SideItem::Span(0..2, label("actor")))
    );
    assert_eq!(adj.kept(&gold, boundary), [false, false]);
    let before = gold.clone();

    decide(&adj, &mut gold, boundary, Decision::TakeA);
    assert!(spans(&gold).contains(&(0, 2, "actor".into(), "layla".into())));
    assert_eq!(adj.kept(&gold, boundary), [true, false]);

    // Changing one's mind: B replaces A.
    decide(&adj, &mut gold, boundary, Decision::TakeB);
    assert!(spans(&gold).contains(&(0, 3, "actor".into(), "omar".into())));
    assert!(!spans(&gold).iter().any(|s| s.0 == 0 && s.1 == 2));
    assert_eq!(adj.kept(&gold, boundary), [false, true]);

    let undo_both = decide(&adj, &mut gold, boundary, Decision::Both);
    assert_eq!(adj.kept(&gold, boundary), [true, true]);
    assert_eq!(spans(&gold).len(), 3);

    // The inverse of a decision restores the gold as it was.
    undo_both.apply(&mut gold).expect("undo");
    assert_eq!(adj.kept(&gold, boundary), [false, true]);

    decide(&adj, &mut gold, boundary, Decision::Neither);
    assert_eq!(gold.span_count(), before.span_count());
    assert_eq!(adj.kept(&gold, boundary), [false, false]);
    // Neither on nothing is an empty edit (still one step for the app's history).
    let edit = adj
        .decision_edit(&gold, boundary, Decision::Neither)
        .expect("edit");
    assert_eq!(edit, Edit::Batch(Vec::new()));
}

#[test]
fn a_missing_span_taken_from_b_and_a_relation_taken_with_its_ends() {
    let (adj, mut gold) = pair();
    let missing = index_of(&adj, DisagreementKind::Missing);
    decide(&adj, &mut gold, missing, Decision::TakeA);
    assert_eq!(gold.span_count(), 1, "A has nothing there");
    decide(&adj, &mut gold, missing, Decision::TakeB);
    assert!(spans(&gold).contains(&(8, 10, "source".into(), "omar".into())));

    // B's attributed_to relation: claim (agreed) -> source (just taken).
    let relation = adj
        .disagreements()
        .iter()
        .position(|d| d.kind == DisagreementKind::Relation && d.a.is_none())
        .expect("B's lone relation");
    decide(&adj, &mut gold, relation, Decision::TakeB);
    let relations: Vec<&Relation> = gold.relations_of_doc(DocId(1)).collect();
    assert_eq!(relations.len(), 1);
    assert_eq!(relations[0].kind.as_str(), "attributed_to");
    assert_eq!(relations[0].annotator.as_deref(), Some("omar"));
    assert_eq!(gold.span_count(), 2, "its ends were there already");

    // A's about relation goes to actor 0..2, not in the gold yet: it is added with it.
    let about = adj
        .disagreements()
        .iter()
        .position(|d| d.kind == DisagreementKind::Relation && d.a.is_some())
        .expect("A's about relation");
    decide(&adj, &mut gold, about, Decision::TakeA);
    assert!(spans(&gold).contains(&(0, 2, "actor".into(), "layla".into())));
    assert_eq!(gold.relation_count(), 2);
    assert_eq!(adj.kept(&gold, about), [true, false]);
}

#[test]
fn a_span_with_its_own_annotator_keeps_it() {
    let a = project(&["[ab|actor]cd"]);
    let mut b = project(&["ab[cd|claim]"]);
    let id = b.spans_of(DocId(1))[0].id;
    let mut span = b.span(id).expect("span").clone();
    b.remove_span(id).expect("remove");
    span.annotator = Some("sara".into());
    b.insert_span(span).expect("insert");
    let (adj, mut gold) = Adjudication::new(vec![
        Annotator {
            name: "a".into(),
            project: a,
        },
        Annotator {
            name: "b".into(),
            project: b,
        },
    ])
    .expect("adjudication");
    // Two disagreements (each span on one side only): both sides kept each time.
    assert_eq!(adj.disagreements().len(), 2);
    for index in 0..2 {
        decide(&adj, &mut gold, index, Decision::Both);
    }
    assert_eq!(
        spans(&gold),
        vec![
            (0, 2, "actor".into(), "a".into()),
            (2, 4, "claim".into(), "sara".into())
        ]
    );
}

#[test]
fn no_shared_document_and_not_two_annotators_are_refused() {
    let one = |name: &str, markup: &str| Annotator {
        name: name.into(),
        project: project(&[markup]),
    };
    let err = Adjudication::new(vec![one("a", "abc"), one("b", "xyz")]).expect_err("refused");
    assert!(matches!(err, AdjudicationError::NoSharedDocument { .. }));
    assert!(err.to_string().contains("matched by their text"));
    let err = Adjudication::new(vec![one("a", "abc")]).expect_err("refused");
    assert_eq!(err, AdjudicationError::NotTwo(1));
}
