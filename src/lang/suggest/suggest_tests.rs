use super::*;
use crate::model::{DocId, SpanId};

fn cues_only() -> Suggesters<'static> {
    Suggesters {
        cues: true,
        ..Suggesters::default()
    }
}

fn texts<'a>(text: &'a str, found: &DocumentSuggestions) -> Vec<(&'a str, &'a str)> {
    found
        .spans
        .iter()
        .map(|s| {
            (
                &text[s.range.clone()],
                match s.label.as_str() {
                    "source" => "source",
                    "claim" => "claim",
                    "cue" => "cue",
                    _ => "other",
                },
            )
        })
        .collect()
}

#[test]
fn cue_suggestions_carry_labels_and_the_relation() {
    let text = "قال الوزير إن الموسم سيئ.";
    let found = suggest(
        text,
        &LabelSchema::default(),
        &[],
        cues_only(),
        &Rejected::new(),
    );
    assert_eq!(
        texts(text, &found),
        vec![("الوزير", "source"), ("الموسم سيئ", "claim")]
    );
    assert_eq!(found.relations.len(), 1);
    let relation = &found.relations[0];
    assert_eq!(found.spans[relation.head].label.as_str(), "claim");
    assert_eq!(found.spans[relation.child].label.as_str(), "source");
    assert_eq!(relation.kind.as_str(), "attributed_to");
}

#[test]
fn the_cue_label_is_proposed_when_the_schema_has_it() {
    let text = "قال الوزير إن الموسم سيئ.";
    let schema = with_cue_label(LabelSchema::default()).unwrap_or_else(|_| unreachable!());
    let found = suggest(text, &schema, &[], cues_only(), &Rejected::new());
    assert!(texts(text, &found).contains(&("قال", "cue")));
}

#[test]
fn existing_spans_and_rejected_suggestions_are_not_proposed() {
    let text = "قال الوزير إن الموسم سيئ.";
    let schema = LabelSchema::default();
    let source = schema
        .get_str("source")
        .map(|l| l.id.clone())
        .unwrap_or_else(|| unreachable!());
    let claim = schema
        .get_str("claim")
        .map(|l| l.id.clone())
        .unwrap_or_else(|| unreachable!());
    let start = text.find("الوزير").unwrap_or_default();
    let existing = vec![Span::new(SpanId(1), DocId(1), start..start + 4, source)];
    let found = suggest(text, &schema, &existing, cues_only(), &Rejected::new());
    assert_eq!(texts(text, &found), vec![("الموسم سيئ", "claim")]);
    assert!(found.relations.is_empty());
    // The claim's relation to the source already tagged is kept, anchored on that span.
    let anchored = found.anchored.first().expect("an anchored relation");
    assert_eq!(found.anchored.len(), 1);
    assert_eq!(
        (anchored.suggestion, anchored.suggestion_is_head),
        (0, true)
    );
    assert_eq!(&text[anchored.other.clone()], "الوزير");
    assert_eq!(anchored.other_label.as_str(), "source");
    let mut rejected = Rejected::new();
    rejected.insert((found.spans[0].range.clone(), claim));
    let found = suggest(text, &schema, &existing, cues_only(), &rejected);
    assert!(found.spans.is_empty() && found.anchored.is_empty());
}

#[test]
fn learned_and_gazetteer_phrases_are_proposed_with_their_label() {
    let schema = LabelSchema::default();
    let actor = schema
        .get_str("actor")
        .map(|l| l.id.clone())
        .unwrap_or_else(|| unreachable!());
    let mut index = PhraseIndex::new();
    index.add("البنك الدولي", &actor);
    let text = "وأعلن البنك الدولي خطة. ودعا للبنك الدولي.";
    let found = suggest(
        text,
        &schema,
        &[],
        Suggesters {
            learned: Some(&index),
            ..Suggesters::default()
        },
        &Rejected::new(),
    );
    let spans: Vec<(&str, SuggesterKind)> = found
        .spans
        .iter()
        .map(|s| (&text[s.range.clone()], s.suggester))
        .collect();
    assert_eq!(
        spans,
        vec![
            ("البنك الدولي", SuggesterKind::Learned),
            ("للبنك الدولي", SuggesterKind::Learned)
        ]
    );
}

#[test]
fn counts_per_label_and_per_suggester() {
    let label = |id: &str| LabelId::new(id).unwrap_or_else(|e| panic!("{e}"));
    let suggestion = |start: usize, id: &str, suggester| Suggestion {
        range: start..start + 3,
        label: label(id),
        suggester,
    };
    let counts = SuggestionCounts::of(&[
        suggestion(0, "source", SuggesterKind::Cues),
        suggestion(4, "claim", SuggesterKind::Cues),
        suggestion(8, "source", SuggesterKind::Learned),
        suggestion(12, "source", SuggesterKind::Gazetteer),
    ]);
    assert_eq!(counts.of_label(&label("source")), 3);
    assert_eq!(counts.of_label(&label("claim")), 1);
    assert_eq!(counts.of_label(&label("actor")), 0);
    assert_eq!(counts.by_suggester, [2, 1, 1]);
    assert_eq!(SuggestionCounts::of(&[]), SuggestionCounts::default());
}

/// Taking suggestions away one at a time (accepted or rejected) leaves the counts of those left,
/// as counting them again would; a label none is left of is gone from the counts.
#[test]
fn counts_without_a_suggestion_are_the_counts_of_those_left() {
    let label = |id: &str| LabelId::new(id).unwrap_or_else(|e| panic!("{e}"));
    let suggestion = |start: usize, id: &str, suggester| Suggestion {
        range: start..start + 3,
        label: label(id),
        suggester,
    };
    let mut left = vec![
        suggestion(0, "source", SuggesterKind::Cues),
        suggestion(4, "claim", SuggesterKind::Cues),
        suggestion(8, "source", SuggesterKind::Learned),
        suggestion(12, "source", SuggesterKind::Gazetteer),
    ];
    // The labels' counts whatever their order (the list keeps the order it had).
    let sorted = |counts: &SuggestionCounts| {
        let mut by_label = counts.by_label.clone();
        by_label.sort();
        (by_label, counts.by_suggester)
    };
    let mut counts = SuggestionCounts::of(&left);
    for taken in [0, 1, 1, 0] {
        counts.without(&left.remove(taken));
        assert_eq!(
            sorted(&counts),
            sorted(&SuggestionCounts::of(&left)),
            "{left:?}"
        );
    }
    assert_eq!(counts, SuggestionCounts::default());
}

/// Sorting moves each suggestion to its place in text order and the relations' ends with it,
/// whatever cycles the permutation has.
#[test]
fn sorting_in_text_order_moves_the_relation_ends_with_the_suggestions() {
    let label = |id: &str| LabelId::new(id).expect("label");
    let at = |start: usize, id: &str| Suggestion {
        range: start..start + 1,
        label: label(id),
        suggester: SuggesterKind::Cues,
    };
    // Positions 0..6 hold starts 4, 0, 5, 1, 3, 2: one 4-cycle and one 2-cycle, and a tie at 3
    // broken by the label.
    let mut spans = vec![
        at(4, "source"),
        at(0, "claim"),
        at(5, "claim"),
        at(1, "source"),
        at(3, "source"),
        at(3, "claim"),
    ];
    let kind = RelationTypeId::new(ATTRIBUTED_TO).expect("kind");
    let mut relations = vec![
        SuggestedRelation {
            kind: kind.clone(),
            head: 1,
            child: 0,
        },
        SuggestedRelation {
            kind,
            head: 2,
            child: 4,
        },
    ];
    let new_index = put_in_text_order(&mut spans, &mut relations, &mut []);
    let order: Vec<(usize, &str)> = spans
        .iter()
        .map(|s| (s.range.start, s.label.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            (0, "claim"),
            (1, "source"),
            (3, "claim"),
            (3, "source"),
            (4, "source"),
            (5, "claim")
        ]
    );
    assert_eq!(new_index, [4, 0, 5, 1, 3, 2]);
    let ends: Vec<(usize, usize)> = relations
        .iter()
        .map(|r| (spans[r.head].range.start, spans[r.child].range.start))
        .collect();
    assert_eq!(ends, [(0, 4), (5, 3)]);
}

/// When several suggesters propose the same range and label, the first (cues, then learned,
/// then gazetteer) is kept once, and the cue relation still joins the right suggestions.
#[test]
fn a_range_and_label_proposed_by_several_suggesters_is_kept_once_the_first_offered() {
    let schema = LabelSchema::default();
    let id = |l: &str| schema.get_str(l).map(|l| l.id.clone()).expect("label");
    let text = "قال الوزير إن الموسم سيئ. وقال الوزير كلامًا آخر.";
    // The learned index proposes what the cues propose (the minister as a source) and one more
    // place; the gazetteer proposes the same again.
    let mut learned = PhraseIndex::new();
    learned.add("الوزير", &id("source"));
    learned.add("الموسم سيئ", &id("claim"));
    let mut gazetteer = PhraseIndex::new();
    gazetteer.add("الوزير", &id("source"));
    let found = suggest(
        text,
        &schema,
        &[],
        Suggesters {
            cues: true,
            learned: Some(&learned),
            gazetteer: Some(&gazetteer),
        },
        &Rejected::new(),
    );
    let shown: Vec<(&str, &str, SuggesterKind)> = found
        .spans
        .iter()
        .map(|s| (&text[s.range.clone()], s.label.as_str(), s.suggester))
        .collect();
    let first = text.find("الوزير").expect("first");
    let second = text.rfind("الوزير").expect("second");
    assert_eq!(found.spans[0].range.start, first);
    assert!(found.spans.iter().any(|s| s.range.start == second));
    let mut keys: Vec<(usize, usize, &str)> = found
        .spans
        .iter()
        .map(|s| (s.range.start, s.range.end, s.label.as_str()))
        .collect();
    let before = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), before, "no range and label twice: {shown:?}");
    // The cue suggestions win where they propose.
    assert_eq!(shown[0], ("الوزير", "source", SuggesterKind::Cues));
    assert!(shown.contains(&("الموسم سيئ", "claim", SuggesterKind::Cues)));
    // The relation joins the claim and the source the cues found.
    assert_eq!(found.relations.len(), 1, "{shown:?}");
    let relation = &found.relations[0];
    assert_eq!(
        &text[found.spans[relation.head].range.clone()],
        "الموسم سيئ"
    );
    assert_eq!(&text[found.spans[relation.child].range.clone()], "الوزير");
    assert_eq!(found.spans[relation.child].range.start, first);
}
