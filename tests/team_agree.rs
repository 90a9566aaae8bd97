//! Agreement figures checked against values worked out by hand on tiny projects (the sums are in
//! the comments), plus the edge cases: no spans, one annotator empty, identical files, documents
//! or labels not shared, code points rather than bytes.

use isnad::model::markup::add_markup_document;
use isnad::model::{DocId, Label, LabelId, Project, Rgb};
use isnad::team::{AgreementReport, DisagreementKind, agreement};

mod team_common;

use team_common::{project, relate};

fn close(x: Option<f64>, expected: f64) {
    let x = x.expect("defined");
    assert!((x - expected).abs() < 1e-12, "{x} != {expected}");
}

fn label(report: &AgreementReport, pair: usize, id: &str) -> isnad::team::LabelAgreement {
    report.pairs[pair].labels[&LabelId::new(id).expect("id")].clone()
}

fn alpha(report: &AgreementReport, id: &str) -> Option<f64> {
    report.alpha[&LabelId::new(id).expect("id")]
}

#[test]
fn two_annotators_by_hand() {
    // 10 code points. A: actor 0..2, claim 4..7. B: actor 0..3, claim 4..7, source 8..10.
    let mut a = project(&["[ab|actor]cd[efg|claim]hij"]);
    let mut b = project(&["[abc|actor]d[efg|claim]h[ij|source]"]);
    relate(&mut a, DocId(1), "about", 4, 0);
    relate(&mut b, DocId(1), "about", 4, 0);
    relate(&mut b, DocId(1), "attributed_to", 4, 8);
    let report = agreement(&[&a, &b]);
    assert_eq!(report.corpus.documents.len(), 1);
    let pair = &report.pairs[0];
    // Exact: claim only. 2·1 / (2 + 3).
    assert_eq!((pair.exact_matches, pair.spans_a, pair.spans_b), (1, 2, 3));
    close(pair.exact_f1, 0.4);
    // B's spans overlapping A's of the same label: actor, claim (2 of 3); A's: both (2 of 2).
    close(pair.overlap.precision, 2.0 / 3.0);
    close(pair.overlap.recall, 1.0);
    close(pair.overlap.f1, 0.8);
    // actor: both 2, only B 1, neither 7. p_o = 0.9, p_e = 0.2·0.3 + 0.8·0.7 = 0.62,
    // κ = 0.28 / 0.38.
    let actor = label(&report, 0, "actor");
    assert_eq!(
        (
            actor.units.both,
            actor.units.only_first,
            actor.units.only_second,
            actor.units.neither
        ),
        (2, 0, 1, 7)
    );
    close(actor.kappa, 0.28 / 0.38);
    close(actor.exact_f1, 0.0);
    let claim = label(&report, 0, "claim");
    close(claim.kappa, 1.0);
    close(claim.exact_f1, 1.0);
    // source: A never, B 2 of 10: p_o = 0.8 = p_e, κ = 0.
    close(label(&report, 0, "source").kappa, 0.0);
    // α (actor): units with 2 marks: 2, with 1: 1, with 0: 7; n = 20, n_1 = 5, n_0 = 15;
    // disagreement Σ k(m−k)/(m−1) = 1; α = 1 − 19·1 / (15·5).
    close(alpha(&report, "actor"), 1.0 - 19.0 / 75.0);
    close(alpha(&report, "claim"), 1.0);
    // source: 2 units with one mark; n_1 = 2, n_0 = 18; α = 1 − 19·2 / (18·2).
    close(alpha(&report, "source"), 1.0 - 38.0 / 36.0);
    // Relations: about(claim → actor) differs in its child's range; B's attributed_to alone.
    assert_eq!(
        (pair.relations_a, pair.relations_b, pair.relation_matches),
        (1, 2, 0)
    );
    close(pair.relation_f1, 0.0);
    let kinds: Vec<DisagreementKind> = pair.disagreements.iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            DisagreementKind::Boundary,
            DisagreementKind::Missing,
            DisagreementKind::Relation,
            DisagreementKind::Relation
        ]
    );
    assert!(pair.disagreements[1].a.is_none() && pair.disagreements[1].b.is_some());
    assert!(pair.disagreements[2].a.is_some() && pair.disagreements[2].b.is_some());
    assert!(pair.disagreements[3].a.is_none());
}

#[test]
fn label_disagreement_and_matching_relations() {
    // Same range, other label: a label disagreement, not two missing spans.
    let mut a = project(&["[ab|claim] [cd|source] [ef|actor]"]);
    let mut b = project(&["[ab|claim] [cd|source] [ef|source]"]);
    relate(&mut a, DocId(1), "attributed_to", 0, 3);
    relate(&mut b, DocId(1), "attributed_to", 0, 3);
    let report = agreement(&[&a, &b]);
    let pair = &report.pairs[0];
    close(pair.exact_f1, 2.0 * 2.0 / 6.0);
    close(pair.relation_f1, 1.0);
    assert_eq!(pair.disagreements.len(), 1);
    assert_eq!(pair.disagreements[0].kind, DisagreementKind::Label);
    // Overlap: B's source 6..8 overlaps no source of A: 2 of 3; A's actor overlaps no actor of B.
    close(pair.overlap.precision, 2.0 / 3.0);
    close(pair.overlap.recall, 2.0 / 3.0);
}

#[test]
fn units_are_code_points_not_bytes() {
    // "قال" is 3 code points (6 bytes); the text is 7 code points in all ("قال زيد").
    let a = project(&["[قال|claim] زيد"]);
    let b = project(&["[قا|claim]ل زيد"]);
    let report = agreement(&[&a, &b]);
    let claim = label(&report, 0, "claim");
    assert_eq!(report.corpus.documents[0].len, 7);
    // both 2, only A 1, neither 4. p_o = 6/7; p_e = (3/7)(2/7) + (4/7)(5/7) = 26/49;
    // κ = (42/49 − 26/49) / (23/49) = 16/23.
    assert_eq!(
        (
            claim.units.both,
            claim.units.only_first,
            claim.units.only_second,
            claim.units.neither
        ),
        (2, 1, 0, 4)
    );
    close(claim.kappa, 16.0 / 23.0);
    assert_eq!(
        report.pairs[0].disagreements[0].kind,
        DisagreementKind::Boundary
    );
}

#[test]
fn no_spans_at_all_gives_undefined_figures_not_nan() {
    let a = project(&["plain text"]);
    let b = project(&["plain text"]);
    let report = agreement(&[&a, &b]);
    let pair = &report.pairs[0];
    assert_eq!(pair.exact_f1, None);
    assert_eq!(pair.overlap.precision, None);
    assert_eq!(pair.overlap.recall, None);
    assert_eq!(pair.overlap.f1, None);
    assert_eq!(pair.relation_f1, None);
    assert_eq!(label(&report, 0, "actor").kappa, None);
    assert_eq!(alpha(&report, "actor"), None);
    assert!(pair.disagreements.is_empty());
}

#[test]
fn one_annotator_empty() {
    let a = project(&["[ab|actor]cdefghij"]);
    let b = project(&["abcdefghij"]);
    let report = agreement(&[&a, &b]);
    let pair = &report.pairs[0];
    close(pair.exact_f1, 0.0);
    assert_eq!(pair.overlap.precision, None, "B has no span");
    close(pair.overlap.recall, 0.0);
    assert_eq!(pair.overlap.f1, None);
    close(label(&report, 0, "actor").kappa, 0.0);
    // 2 units with one mark of 2; n_1 = 2, n_0 = 18: α = 1 − 19·2 / (18·2) = −1/18.
    close(alpha(&report, "actor"), -1.0 / 18.0);
    assert_eq!(pair.disagreements.len(), 1);
    assert_eq!(pair.disagreements[0].kind, DisagreementKind::Missing);
}

#[test]
fn identical_files_agree_perfectly() {
    let mut a = project(&["[ab|claim] [cd|source]", "[زيد|actor] قال"]);
    relate(&mut a, DocId(1), "attributed_to", 0, 3);
    let report = agreement(&[&a, &a.clone()]);
    let pair = &report.pairs[0];
    close(pair.exact_f1, 1.0);
    close(pair.overlap.f1, 1.0);
    close(pair.relation_f1, 1.0);
    for id in ["actor", "claim", "source"] {
        close(label(&report, 0, id).kappa, 1.0);
        close(alpha(&report, id), 1.0);
    }
    assert!(pair.disagreements.is_empty());
}

#[test]
fn documents_matched_by_text_and_the_rest_left_out() {
    // B lists the shared text second, has one of its own, and a document with A's title but other
    // text (titles are "markup N": the same title, not the same document).
    let a = project(&["[one|actor] text", "other words"]);
    let b = project(&["another text", "[one|actor] text"]);
    let report = agreement(&[&a, &b]);
    assert_eq!(report.corpus.documents.len(), 1);
    assert_eq!(report.corpus.left_out.len(), 2);
    assert!(
        report
            .corpus
            .left_out
            .iter()
            .all(|d| d.present_in.len() == 1)
    );
    close(report.pairs[0].exact_f1, 1.0);
}

#[test]
fn labels_matched_by_id_and_unmatched_reported() {
    let a = project(&["[ab|actor] cd"]);
    let mut b = Project::default();
    b.insert_label(
        3,
        Label {
            id: LabelId::new("quote").expect("id"),
            name: "Quote".into(),
            colour: Rgb::new(1, 2, 3),
            hotkey: None,
            description: String::new(),
            attributes: Vec::new(),
        },
    )
    .expect("label");
    add_markup_document(&mut b, "[ab|quote] cd").expect("markup");
    let report = agreement(&[&a, &b]);
    assert_eq!(report.corpus.unmatched_labels.len(), 1);
    assert_eq!(report.corpus.unmatched_labels[0].label.as_str(), "quote");
    assert_eq!(report.corpus.unmatched_labels[0].missing_from, [0]);
    // The quote span still counts, as a disagreement on the label.
    close(report.pairs[0].exact_f1, 0.0);
    assert_eq!(
        report.pairs[0].disagreements[0].kind,
        DisagreementKind::Label
    );
}

#[test]
fn three_annotators_give_three_pairs_and_one_alpha() {
    // 4 code points; actor marked on unit 0 by all three, unit 1 by two, unit 2 by one.
    let a = project(&["[abc|actor]d"]);
    let b = project(&["[ab|actor]cd"]);
    let c = project(&["[a|actor]bcd"]);
    let report = agreement(&[&a, &b, &c]);
    assert_eq!(
        report.pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(),
        [(0, 1), (0, 2), (1, 2)]
    );
    // n = 12, n_1 = 3 + 2 + 1 = 6, n_0 = 6. Disagreement: unit 1 (k = 2): 2·1/2 = 1, unit 2
    // (k = 1): 1·2/2 = 1; α = 1 − 11·2 / 36.
    close(alpha(&report, "actor"), 1.0 - 22.0 / 36.0);
    // The same α by the textbook coincidence sums, unit by unit, as an independent check.
    let units = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]];
    let mut coincidence = [[0.0f64; 2]; 2];
    for unit in units {
        for (i, &x) in unit.iter().enumerate() {
            for (j, &y) in unit.iter().enumerate() {
                if i != j {
                    coincidence[x][y] += 1.0 / 2.0;
                }
            }
        }
    }
    let n_c = [
        coincidence[0][0] + coincidence[0][1],
        coincidence[1][0] + coincidence[1][1],
    ];
    let n = n_c[0] + n_c[1];
    let textbook = 1.0 - (n - 1.0) * coincidence[0][1] / (n_c[0] * n_c[1]);
    close(alpha(&report, "actor"), textbook);
}

#[test]
fn relation_end_differs_is_one_relation_disagreement() {
    let mut a = project(&["[ab|claim] [cd|source] [ef|source]"]);
    let mut b = a.clone();
    relate(&mut a, DocId(1), "attributed_to", 0, 3);
    relate(&mut b, DocId(1), "attributed_to", 0, 6);
    let report = agreement(&[&a, &b]);
    let pair = &report.pairs[0];
    close(pair.exact_f1, 1.0);
    close(pair.relation_f1, 0.0);
    assert_eq!(pair.disagreements.len(), 1);
    assert_eq!(pair.disagreements[0].kind, DisagreementKind::Relation);
    assert!(pair.disagreements[0].a.is_some() && pair.disagreements[0].b.is_some());
}
