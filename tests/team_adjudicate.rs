//! Adjudication logic (team::Adjudication): the gold project starts with what all annotators
//! made alike, credited to all; each decision is one edit that keeps A's side, B's side, an
//! alternative, all, the majority or nothing, credits the spans to who proposed them, can be
//! changed later, and is undone by its inverse; the decisions taken are kept apart from the gold
//! and follow undo and redo. Three-annotator cases and the label confusion matrix are worked
//! out by hand.

use isnad::command::{Edit, History};
use isnad::model::{DocId, LabelId, Project, Relation};
use isnad::team::{
    Adjudication, AdjudicationError, Annotator, Decision, Decisions, DisagreementKind, SideItem,
    confusion,
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
                s.annotator.as_deref().unwrap_or_default().to_owned(),
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
        adj.alternative(boundary, 0),
        Some(SideItem::Span(0..2, label("actor")))
    );
    assert_eq!(adj.kept(&gold, boundary), vec![false, false]);
    let before = gold.clone();

    decide(&adj, &mut gold, boundary, Decision::TAKE_A);
    assert!(spans(&gold).contains(&(0, 2, "actor".into(), "layla".into())));
    assert_eq!(adj.kept(&gold, boundary), vec![true, false]);

    // Changing one's mind: B replaces A.
    decide(&adj, &mut gold, boundary, Decision::TAKE_B);
    assert!(spans(&gold).contains(&(0, 3, "actor".into(), "omar".into())));
    assert!(!spans(&gold).iter().any(|s| s.0 == 0 && s.1 == 2));
    assert_eq!(adj.kept(&gold, boundary), vec![false, true]);

    let undo_both = decide(&adj, &mut gold, boundary, Decision::All);
    assert_eq!(adj.kept(&gold, boundary), vec![true, true]);
    assert_eq!(spans(&gold).len(), 3);

    // The inverse of a decision restores the gold as it was.
    undo_both.apply(&mut gold).expect("undo");
    assert_eq!(adj.kept(&gold, boundary), vec![false, true]);

    decide(&adj, &mut gold, boundary, Decision::Neither);
    assert_eq!(gold.span_count(), before.span_count());
    assert_eq!(adj.kept(&gold, boundary), vec![false, false]);
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
    decide(&adj, &mut gold, missing, Decision::TAKE_A);
    assert_eq!(gold.span_count(), 1, "A has nothing there");
    decide(&adj, &mut gold, missing, Decision::TAKE_B);
    assert!(spans(&gold).contains(&(8, 10, "source".into(), "omar".into())));

    // B's attributed_to relation: claim (agreed) -> source (just taken).
    let relation = adj
        .disagreements()
        .iter()
        .position(|d| d.kind == DisagreementKind::Relation && !d.proposed_by(0))
        .expect("B's lone relation");
    decide(&adj, &mut gold, relation, Decision::TAKE_B);
    let relations: Vec<&Relation> = gold.relations_of_doc(DocId(1)).collect();
    assert_eq!(relations.len(), 1);
    assert_eq!(relations[0].kind.as_str(), "attributed_to");
    assert_eq!(relations[0].annotator.as_deref(), Some("omar"));
    assert_eq!(gold.span_count(), 2, "its ends were there already");

    // A's about relation goes to actor 0..2, not in the gold yet: it is added with it.
    let about = adj
        .disagreements()
        .iter()
        .position(|d| d.kind == DisagreementKind::Relation && d.proposed_by(0))
        .expect("A's about relation");
    decide(&adj, &mut gold, about, Decision::TAKE_A);
    assert!(spans(&gold).contains(&(0, 2, "actor".into(), "layla".into())));
    assert_eq!(gold.relation_count(), 2);
    assert_eq!(adj.kept(&gold, about), vec![true, false]);
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
        decide(&adj, &mut gold, index, Decision::All);
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
    assert_eq!(err, AdjudicationError::TooFew(1));
}

/// Three annotators of "abcdefghij" and "klmno", worked out by hand:
/// - doc 1: actor 0..2 (all three); claim 3..6 (A, B) against claim 3..7 (C); source 8..10
///   (A, C; B has none); relation about(claim → actor): A's and B's from claim 3..6, C's from
///   claim 3..7;
/// - doc 2: "klm" as actor (A), claim (B), source (C): three alternatives, no majority.
fn three() -> (Adjudication, Project) {
    let mut a = project(&["[ab|actor]c[def|claim]gh[ij|source]", "[klm|actor]no"]);
    let mut b = project(&["[ab|actor]c[def|claim]ghij", "[klm|claim]no"]);
    let mut c = project(&["[ab|actor]c[defg|claim]h[ij|source]", "[klm|source]no"]);
    for p in [&mut a, &mut b, &mut c] {
        relate(p, DocId(1), "about", 3, 0);
    }
    let named = |name: &str, project: Project| Annotator {
        name: name.into(),
        project,
    };
    Adjudication::new(vec![named("a", a), named("b", b), named("c", c)]).expect("adjudication")
}

/// The alternatives of disagreement `index` as (what, who).
fn alternatives(adj: &Adjudication, index: usize) -> Vec<(SideItem, Vec<usize>)> {
    let dispute = &adj.disagreements()[index];
    (0..dispute.alternatives.len())
        .map(|j| {
            (
                adj.alternative(index, j).expect("alternative"),
                dispute.alternatives[j].by.clone(),
            )
        })
        .collect()
}

#[test]
fn three_annotators_what_all_made_is_taken_and_the_rest_grouped_by_place() {
    let (adj, gold) = three();
    // Only the actor is made alike by all three: in the gold at once, credited to all.
    assert_eq!(spans(&gold), vec![(0, 2, "actor".into(), "a, b, c".into())]);
    assert_eq!(gold.relation_count(), 0);
    let kinds: Vec<(DisagreementKind, usize)> = adj
        .disagreements()
        .iter()
        .map(|d| (d.kind, d.document))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (DisagreementKind::Boundary, 0),
            (DisagreementKind::Missing, 0),
            (DisagreementKind::Relation, 0),
            (DisagreementKind::Label, 1),
        ]
    );
    assert_eq!(
        alternatives(&adj, 0),
        vec![
            (SideItem::Span(3..6, label("claim")), vec![0, 1]),
            (SideItem::Span(3..7, label("claim")), vec![2]),
        ]
    );
    assert_eq!(
        alternatives(&adj, 1),
        vec![(SideItem::Span(8..10, label("source")), vec![0, 2])]
    );
    assert_eq!(adj.disagreements()[2].alternatives.len(), 2);
    assert_eq!(adj.disagreements()[2].alternatives[0].by, vec![0, 1]);
    assert_eq!(
        alternatives(&adj, 3),
        vec![
            (SideItem::Span(0..3, label("actor")), vec![0]),
            (SideItem::Span(0..3, label("claim")), vec![1]),
            (SideItem::Span(0..3, label("source")), vec![2]),
        ]
    );
    // The majority: more than half of three is two.
    assert_eq!(adj.disagreements()[0].majority(3), vec![0]);
    assert_eq!(adj.disagreements()[1].majority(3), vec![0]);
    assert_eq!(adj.disagreements()[3].majority(3), Vec::<usize>::new());
}

#[test]
fn three_annotators_majority_alternative_side_all_and_their_credits() {
    let (adj, mut gold) = three();
    // 2 of 3 made claim 3..6: the majority takes it, credited to both.
    decide(&adj, &mut gold, 0, Decision::Majority);
    assert!(spans(&gold).contains(&(3, 6, "claim".into(), "a, b".into())));
    assert_eq!(adj.kept(&gold, 0), vec![true, false]);
    // Alternative 2 (C's) replaces it.
    decide(&adj, &mut gold, 0, Decision::Alternative(1));
    assert!(spans(&gold).contains(&(3, 7, "claim".into(), "c".into())));
    assert!(!spans(&gold).iter().any(|s| (s.0, s.1) == (3, 6)));
    // C's side of the missing source: the span A and C made, credited to both.
    decide(&adj, &mut gold, 1, Decision::Side(2));
    assert!(spans(&gold).contains(&(8, 10, "source".into(), "a, c".into())));
    // B's side there is nothing: the source goes.
    decide(&adj, &mut gold, 1, Decision::TAKE_B);
    assert!(!spans(&gold).iter().any(|s| s.0 == 8));
    // The majority's relation brings its head (claim 3..6) along; credited to A and B.
    decide(&adj, &mut gold, 2, Decision::Majority);
    let relations: Vec<&Relation> = gold.relations_of_doc(DocId(1)).collect();
    assert_eq!(relations.len(), 1);
    assert_eq!(relations[0].annotator.as_deref(), Some("a, b"));
    assert!(spans(&gold).contains(&(3, 6, "claim".into(), "a, b".into())));

    // No majority among three different labels; no alternative 4; all three can be kept.
    let err = adj
        .decision_edit(&gold, 3, Decision::Majority)
        .expect_err("no majority");
    assert_eq!(err, AdjudicationError::NoMajority);
    let err = adj
        .decision_edit(&gold, 3, Decision::Alternative(3))
        .expect_err("no alternative 4");
    assert_eq!(err, AdjudicationError::NoAlternative(4));
    decide(&adj, &mut gold, 3, Decision::All);
    assert_eq!(adj.kept(&gold, 3), vec![true, true, true]);
    assert_eq!(gold.spans_of(DocId(2)).len(), 3);
    assert_eq!(Decision::All.name(3), "take all");
    assert_eq!(Decision::All.name(2), "take both");
}

#[test]
fn neither_is_decided_not_decided_is_not_and_undo_restores_not_decided() {
    let (adj, mut gold) = three();
    let mut history = History::new();
    let mut decisions = Decisions::new(adj.disagreements().len());
    let mut decide_in_history = |gold: &mut Project, decisions: &mut Decisions, index, decision| {
        let edit = adj.decision_edit(gold, index, decision).expect("edit");
        let from = history.revision();
        history
            .apply_named(edit, decision.name(3), gold)
            .expect("applies");
        decisions.record(index, decision, from, history.revision());
        history.revision()
    };
    // Neither on the label disagreement: the gold holds none of it, as before, yet it is decided.
    let kept_before = adj.kept(&gold, 3);
    decide_in_history(&mut gold, &mut decisions, 3, Decision::Neither);
    assert_eq!(adj.kept(&gold, 3), kept_before, "the gold did not change");
    assert_eq!(decisions.get(3), Some(Decision::Neither));
    assert_eq!(decisions.get(0), None, "not decided");
    assert_eq!(decisions.decided(), 1);
    // The next undecided after 3 goes round to 0; after 2 it skips 3 (decided) to 0.
    assert_eq!(decisions.next_undecided(3), Some(0));
    assert_eq!(decisions.next_undecided(2), Some(0));
    assert_eq!(decisions.next_undecided(0), Some(1));

    // Majority on 0, then changed to alternative 2: undo gives back the majority, undo again
    // gives back "not decided"; redo decides it again.
    let r1 = decide_in_history(&mut gold, &mut decisions, 0, Decision::Majority);
    let r2 = decide_in_history(&mut gold, &mut decisions, 0, Decision::Alternative(1));
    assert_eq!(decisions.decided(), 2);
    history.undo(&mut gold).expect("undo");
    assert_eq!(history.revision(), r1);
    assert_eq!(decisions.moved(r2, r1), Some(0));
    assert_eq!(decisions.get(0), Some(Decision::Majority));
    history.undo(&mut gold).expect("undo");
    assert_eq!(decisions.moved(r1, history.revision()), Some(0));
    assert_eq!(decisions.get(0), None, "undone: not decided again");
    assert_eq!(decisions.decided(), 1);
    let before_redo = history.revision();
    history.redo(&mut gold).expect("redo");
    assert_eq!(decisions.moved(before_redo, history.revision()), Some(0));
    assert_eq!(decisions.get(0), Some(Decision::Majority));
    // Undo twice: the majority, then the neither; nothing is decided any more.
    for index in [0, 3] {
        let at = history.revision();
        history.undo(&mut gold).expect("undo");
        assert_eq!(decisions.moved(at, history.revision()), Some(index));
        assert_eq!(decisions.get(index), None);
    }
    assert_eq!(decisions.decided(), 0);
    // Every one decided: no next undecided.
    let mut all = Decisions::new(2);
    all.record(0, Decision::Neither, 1, 2);
    all.record(1, Decision::All, 2, 3);
    assert_eq!(all.next_undecided(0), None);
    // A move between revisions no decision was recorded for changes nothing.
    assert_eq!(all.moved(7, 8), None);
}

/// A hand-worked label confusion matrix (rows: A's labels, columns: B's).
/// Doc 1 "abcdefghijklmnop": A: actor 0..3, claim 4..7, source 8..10, claim 13..16;
/// B: actor 0..3, source 4..7, claim 9..12, actor 12..13.
/// - actor 0..3 / actor 0..3: same range → (actor, actor);
/// - claim 4..7 / source 4..7: same range → (claim, source);
/// - source 8..10 / claim 9..12 share "j" → (source, claim);
/// - claim 13..16 overlaps nothing → (claim, none); B's actor 12..13 → (none, actor).
///
/// Doc 2 "abcdefg": A: actor 0..4; B: claim 0..2, actor 3..7. A's actor shares 2 code points
/// with B's claim and 1 with B's actor: matched with the claim → (actor, claim); B's actor
/// → (none, actor).
/// Doc 3 "xyz": A: actor 0..3 and claim 0..3; B: claim 0..3. Same label first: the claims
/// match → (claim, claim); A's actor → (actor, none).
#[test]
fn label_confusion_matrix_worked_by_hand() {
    let mut a = project(&[
        "[abc|actor]d[efg|claim]h[ij|source]klm[nop|claim]",
        "[abcd|actor]efg",
        "[xyz|claim]",
    ]);
    Edit::add_span(&mut a, DocId(3), 0..3, label("actor"))
        .apply(&mut a)
        .expect("a second span on the same range");
    let b = project(&[
        "[abc|actor]d[efg|source]hi[jkl|claim][m|actor]nop",
        "[ab|claim]c[defg|actor]",
        "[xyz|claim]",
    ]);
    let report = isnad::team::agreement(&[&a, &b]);
    let m = confusion(&report.corpus, 0, 1);
    let (actor, claim, source) = (label("actor"), label("claim"), label("source"));
    let cell = |x: Option<&LabelId>, y: Option<&LabelId>| m.count(x, y);
    assert_eq!(cell(Some(&actor), Some(&actor)), 1);
    assert_eq!(cell(Some(&claim), Some(&source)), 1);
    assert_eq!(cell(Some(&source), Some(&claim)), 1);
    assert_eq!(cell(Some(&claim), None), 1);
    assert_eq!(cell(None, Some(&actor)), 2);
    assert_eq!(cell(Some(&actor), Some(&claim)), 1);
    assert_eq!(cell(Some(&claim), Some(&claim)), 1);
    assert_eq!(cell(Some(&actor), None), 1);
    // Nothing else: 9 matched or lone spans in all.
    let total: usize = m.counts.iter().flatten().sum();
    assert_eq!(total, 9);
    assert_eq!(cell(None, None), 0);
    // The other way round, the matrix is transposed.
    let t = confusion(&report.corpus, 1, 0);
    assert_eq!(t.count(Some(&source), Some(&claim)), 1);
    assert_eq!(t.count(Some(&actor), None), 2);
    assert_eq!(t.count(None, Some(&actor)), 1);
    assert_eq!(t.count(Some(&claim), Some(&actor)), 1);
}
