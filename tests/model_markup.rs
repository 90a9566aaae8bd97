//! Model tests written in span markup: parsing, rendering, invariants and queries.
#![allow(clippy::unwrap_used)]

use isnad::model::markup::{self, markup_of, project_from_markup};
use isnad::model::text_range::{clean_selection, snap_to_graphemes, trim_whitespace};
use isnad::model::{ACTOR, CLAIM, DocId, LabelId, ModelError, Project, SOURCE, Span, SpanId};

fn label(id: &str) -> LabelId {
    LabelId::new(id).unwrap()
}

/// Byte range of the first occurrence of `needle` in `text`.
fn find(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text.find(needle).unwrap();
    start..start + needle.len()
}

fn add(
    project: &mut Project,
    doc: DocId,
    range: std::ops::Range<usize>,
    l: &str,
) -> Result<SpanId, ModelError> {
    let id = project.allocate_span_id();
    project.insert_span(Span::new(id, doc, range, label(l)))?;
    Ok(id)
}

#[test]
fn markup_round_trips_simple_nested_and_crossing_spans() {
    for m in [
        "[وصل مدربون|actor] عسكريون",
        "[[الرئيس|actor] قال إن الوفد وصل|claim]",
        "قال و[المجلس|actor] إن [[الحكومة|actor] [استقالت|claim]|claim]",
        "[a {1[b|claim] c|actor]1}",
        "[[x|actor]|claim] y",
        "escaped \\[not a span\\] \\| \\{ \\} \\\\",
        "[same|actor] [same|source]",
    ] {
        let parsed = markup::parse(m).unwrap();
        let rendered = markup::render(
            &parsed.text,
            parsed.spans.iter().map(|(r, l)| (r.clone(), l)),
        );
        assert_eq!(rendered, m);
    }
}

#[test]
fn crossing_overlap_parses_to_the_right_ranges() {
    let parsed = markup::parse("[a {1[b|claim] c|actor]1}").unwrap();
    assert_eq!(parsed.text, "a b c");
    assert_eq!(
        parsed.spans,
        vec![(0..3, label(CLAIM)), (2..5, label(ACTOR))]
    );
    // The same spans written the other way round (non-canonical) parse identically.
    let other = markup::parse("{1[a [b|claim]1} c|actor]").unwrap();
    assert_eq!(other, parsed);
}

#[test]
fn two_identical_ranges_with_different_labels_nest() {
    let (project, doc) = project_from_markup("قال [[الوزير|actor]|source] أمس").unwrap();
    assert_eq!(project.spans_of(doc).len(), 2);
    assert_eq!(markup_of(&project, doc), "قال [[الوزير|actor]|source] أمس");
}

#[test]
fn markup_errors_are_reported() {
    for bad in [
        "[open",
        "close|actor]",
        "[x|]",
        "{x[a|actor]x}",
        "a]b",
        "[x|actor]1}",
        "[|actor]",
        "tail\\",
    ] {
        assert!(markup::parse(bad).is_err(), "{bad} should not parse");
    }
    assert!(matches!(
        project_from_markup("[x|nolabel]"),
        Err(markup::MarkupError::Model(ModelError::UnknownLabel(_)))
    ));
}

#[test]
fn partial_word_tag_keeps_the_prefix_out() {
    let (mut project, doc) = project_from_markup("قال والمجلس إن").unwrap();
    let text = project.document(doc).unwrap().text().to_owned();
    add(&mut project, doc, find(&text, "المجلس"), ACTOR).unwrap();
    assert_eq!(markup_of(&project, doc), "قال و[المجلس|actor] إن");
}

#[test]
fn snapping_keeps_harakat_with_their_letter() {
    let text = "قال أيضًا إنّ";
    // A raw selection of أيض stops between ض and its tanween ً.
    let raw = find(text, "أيض");
    let snapped = snap_to_graphemes(text, raw);
    assert_eq!(&text[snapped.clone()], "أيضً");
    // A selection starting on the shadda of إنّ moves back to include the nun.
    let shadda = text.find('\u{651}').unwrap();
    let snapped = snap_to_graphemes(text, shadda..text.len());
    assert_eq!(&text[snapped], "نّ");
    // Edges inside a multi-byte character are moved outwards too.
    let inside = text.find('ي').unwrap() + 1;
    assert_eq!(&text[snap_to_graphemes(text, inside..inside)], "ي");
    // A flag emoji stays whole.
    let flag = "a 🇵🇸 b";
    let start = flag.find('🇵').unwrap();
    assert_eq!(&flag[snap_to_graphemes(flag, start..start + 4)], "🇵🇸");
}

#[test]
fn whitespace_is_trimmed_from_span_edges() {
    let text = "قال  الرئيس\u{a0} اليوم";
    let selection = find(text, "  الرئيس\u{a0} ");
    assert_eq!(&text[trim_whitespace(text, selection).unwrap()], "الرئيس");
    assert_eq!(trim_whitespace(text, find(text, "  ")), None);
    let raw = find(text, " الرئي");
    assert_eq!(&text[clean_selection(text, raw).unwrap()], "الرئي");
}

#[test]
fn invariants_are_enforced() {
    let (mut project, doc) = project_from_markup("[وصل|actor] مدربون 😀 عسكريون").unwrap();
    let text = project.document(doc).unwrap().text().to_owned();
    let before = project.clone();
    let first = project.spans_of(doc)[0].id;
    assert!(
        matches!(add(&mut project, doc, find(&text, "وصل"), ACTOR), Err(ModelError::DuplicateSpan { existing, .. }) if existing == first)
    );
    assert!(matches!(
        add(&mut project, doc, 0..text.len() + 1, ACTOR),
        Err(ModelError::OutOfRange { .. })
    ));
    assert!(matches!(
        add(&mut project, doc, 4..4, ACTOR),
        Err(ModelError::EmptyRange { .. })
    ));
    assert!(matches!(
        add(
            &mut project,
            doc,
            std::ops::Range { start: 6, end: 2 },
            ACTOR
        ),
        Err(ModelError::EmptyRange { .. })
    ));
    assert!(matches!(
        add(&mut project, doc, 1..4, ACTOR),
        Err(ModelError::NotCharBoundary { offset: 1, .. })
    ));
    assert!(matches!(
        add(&mut project, doc, 0..2, "nolabel"),
        Err(ModelError::UnknownLabel(_))
    ));
    assert!(matches!(
        add(&mut project, DocId(99), 0..2, ACTOR),
        Err(ModelError::UnknownDocument(_))
    ));
    assert_eq!(
        project.insert_span(Span::new(first, doc, 0..2, label(CLAIM))),
        Err(ModelError::DuplicateSpanId(first))
    );
    // Refused operations leave the project as it was (apart from the allocated ids).
    assert_eq!(project.spans_of(doc), before.spans_of(doc));
    // The same range with another label is fine.
    add(&mut project, doc, find(&text, "وصل"), SOURCE).unwrap();
    assert_eq!(
        markup_of(&project, doc),
        "[[وصل|actor]|source] مدربون 😀 عسكريون"
    );
    // Moving or relabelling onto an existing span is refused too.
    let emoji = find(&text, "😀");
    assert!(matches!(
        project.set_span_range(first, emoji.start + 1..emoji.end),
        Err(ModelError::NotCharBoundary { .. })
    ));
    assert!(matches!(
        project.set_span_label(first, label(SOURCE)),
        Err(ModelError::DuplicateSpan { .. })
    ));
}

#[test]
fn ids_are_never_reused() {
    let (mut project, doc) = project_from_markup("[a|actor] b").unwrap();
    let id = project.spans_of(doc)[0].id;
    project.remove_span(id).unwrap();
    let next = add(&mut project, doc, 0..1, ACTOR).unwrap();
    assert!(next > id);
    assert_eq!(project.next_span_id(), next.0 + 1);
}

#[test]
fn spans_overlapping_matches_a_brute_force_scan() {
    let text: String = "كلمة ".repeat(400);
    let mut project = Project::default();
    let doc = project.allocate_doc_id();
    project
        .insert_document(
            isnad::model::Document::new(doc, "t", None, text.clone()),
            Vec::new(),
        )
        .unwrap();
    let starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    let mut seed = 7u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let labels = [ACTOR, CLAIM, SOURCE];
    for _ in 0..1500 {
        let a = starts[next() % starts.len()];
        let len = 1 + next() % if next() % 10 == 0 { 400 } else { 20 };
        let b = starts
            .get(starts.partition_point(|&s| s < a) + len)
            .copied()
            .unwrap_or(text.len());
        let _ = add(&mut project, doc, a..b, labels[next() % 3]);
    }
    assert!(
        project
            .spans_of(doc)
            .windows(2)
            .all(|w| w[0].sort_key() < w[1].sort_key())
    );
    for _ in 0..300 {
        let a = next() % (text.len() + 10);
        let b = a + next() % 300;
        let fast: Vec<SpanId> = project.spans_overlapping(doc, a..b).map(|s| s.id).collect();
        let slow: Vec<SpanId> = project
            .spans_of(doc)
            .iter()
            .filter(|s| s.start < b && s.end > a)
            .map(|s| s.id)
            .collect();
        assert_eq!(fast, slow, "query {a}..{b}");
    }
    let total: usize = project.label_counts(doc).iter().map(|(_, n)| n).sum();
    assert_eq!(total, project.spans_of(doc).len());
    for span in project.spans_of(doc).iter().take(50) {
        assert_eq!(project.span(span.id), Some(span));
    }
}

#[test]
fn label_counts_and_lookups() {
    let (project, doc) = project_from_markup("[[a|actor] b|claim] [c|actor] [d|source]").unwrap();
    let counts = project.label_counts(doc);
    assert_eq!(
        counts,
        vec![(label(ACTOR), 2), (label(CLAIM), 1), (label(SOURCE), 1)]
    );
    assert_eq!(project.spans_at(doc, 0).count(), 2);
    assert_eq!(project.schema().by_hotkey('2').unwrap().id, label(CLAIM));
    assert_eq!(
        project.schema().get(&label(ACTOR)).unwrap().colour.to_hex(),
        "#0072B2"
    );
}

#[test]
fn any_set_of_spans_renders_to_markup_that_parses_back() {
    let text = "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض";
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let labels = [label(ACTOR), label(CLAIM), label(SOURCE)];
    let mut seed = 11u64;
    let mut next = |bound: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % bound
    };
    for _ in 0..300 {
        let mut spans = Vec::new();
        for _ in 0..next(8) {
            let a = next(bounds.len() - 1);
            let b = a + 1 + next(bounds.len() - 1 - a);
            let span = (bounds[a]..bounds[b], labels[next(3)].clone());
            if !spans.contains(&span) {
                spans.push(span);
            }
        }
        let rendered = markup::render(text, spans.iter().map(|(r, l)| (r.clone(), l)));
        let parsed = markup::parse(&rendered).unwrap();
        assert_eq!(parsed.text, text);
        spans.sort_by(|a, b| (a.0.start, a.0.end, &a.1).cmp(&(b.0.start, b.0.end, &b.1)));
        assert_eq!(parsed.spans, spans, "{rendered}");
        let again = markup::render(
            &parsed.text,
            parsed.spans.iter().map(|(r, l)| (r.clone(), l)),
        );
        assert_eq!(again, rendered);
    }
}
