//! The real app shows a warning and the revealed text for a span with a bidi control in it.

mod common;

use egui_kittest::kittest::Queryable as _;
use isnad::model::{DocId, Document, LabelId, LabelSchema, Project, Span, SpanId};

/// A project whose one document has an RLO…PDF pair inside the first span, a plain second span
/// and a ZWNJ (ordinary Persian typing) inside the third.
fn project_file() -> std::path::PathBuf {
    let text = "قال المتحدث إن \u{202E}Reuters\u{202C} أكدت الخبر وأضاف مي\u{200C}خواهم.";
    let mut project = Project::new(LabelSchema::default());
    let doc = Document::new(DocId(1), "خبر", None, text);
    let span = |id: u64, covered: &str, label: &str| {
        let start = text.find(covered).expect("covered text");
        Span::new(
            SpanId(id),
            DocId(1),
            start..start + covered.len(),
            LabelId::new(label).expect("label"),
        )
    };
    let spans = vec![
        span(1, "إن \u{202E}Reuters\u{202C}", "source"),
        span(2, "المتحدث", "actor"),
        span(3, "مي\u{200C}خواهم", "claim"),
    ];
    project.insert_document(doc, spans).expect("document");
    let dir = std::env::temp_dir().join(format!("isnad-invisibles-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("deceptive.isnad.ron");
    isnad::io::project::save(&project, &path).expect("save project");
    path
}

#[test]
fn a_span_with_an_rlo_shows_a_warning_and_its_revealed_text() {
    let mut harness = common::harness(Some(&project_file()));
    harness.run_steps(2);
    // The row reads with the controls as markers, never applied.
    assert!(
        harness
            .query_all_by_label_contains("إن ‹RLO›Reuters‹PDF›")
            .next()
            .is_some(),
        "the span row shows the revealed text"
    );
    assert!(
        harness
            .query_all_by_label_contains("\u{202E}")
            .next()
            .is_none(),
        "no accessible label holds the raw RLO"
    );
    // Two rows carry a warning: the RLO span and the ZWNJ span (a joiner, not a bidi warning).
    assert_eq!(
        harness
            .query_all_by_label_contains("The span's text contains")
            .count(),
        2
    );
    assert!(
        harness
            .query_all_by_label_contains("contains 1 joiner (ZWNJ)")
            .next()
            .is_some()
    );
    // The bidi warning says what the controls do, and hovering it shows the explanation.
    let warning = harness
        .get_by_label_contains("contains 2 bidi controls (RLO, PDF) that change how it reads");
    warning.hover();
    // Tooltips wait for the pointer to rest: a second of frames.
    harness.run_steps(60);
    assert_eq!(
        harness
            .query_all_by_label_contains("that change how it reads")
            .count(),
        2,
        "the tooltip repeats the warning"
    );
}
