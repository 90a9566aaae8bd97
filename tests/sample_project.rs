//! The bundled sample project: a well-formed, annotated document that is exactly what the
//! generator (`examples/build_sample_project.rs`) builds from `projects/sample.markup.txt`.

use std::collections::HashSet;
use std::path::Path;

use isnad::io::project::to_ron_string;
use isnad::io::sample::{
    SAMPLE_LINKS, SAMPLE_MARKUP, SAMPLE_PROJECT_RON, SampleError, build_sample_project,
    sample_project,
};
use isnad::model::{DocumentStatus, Project, Span};

fn sample() -> Project {
    sample_project().expect("the bundled sample project loads")
}

fn spans(project: &Project) -> Vec<Span> {
    let doc = project.documents().next().expect("one document").id();
    project.spans_of(doc).to_vec()
}

#[test]
fn the_sample_holds_the_sample_article() {
    let project = sample();
    assert_eq!(project.document_count(), 1);
    let doc = project.documents().next().expect("one document");
    let article = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-article.ar.txt"),
    )
    .expect("the sample article");
    assert_eq!(doc.text(), article);
    assert_eq!(doc.status(), DocumentStatus::InProgress);
    assert_eq!(doc.title(), article.lines().next().expect("a first line"));
}

#[test]
fn the_sample_has_a_few_dozen_spans_of_every_label() {
    let project = sample();
    let spans = spans(&project);
    assert!((30..=45).contains(&spans.len()), "{} spans", spans.len());
    let labels: HashSet<&str> = spans.iter().map(|s| s.label.as_str()).collect();
    for label in project.schema().labels() {
        assert!(labels.contains(label.id.as_str()), "no {} span", label.id);
    }
}

#[test]
fn the_sample_shows_nested_spans_and_partial_words() {
    let project = sample();
    let doc = project.documents().next().expect("one document");
    let text = doc.text();
    let spans = spans(&project);
    let overlapping = spans.iter().enumerate().any(|(i, a)| {
        spans[i + 1..]
            .iter()
            .any(|b| a.start < b.end && b.start < a.end)
    });
    assert!(overlapping, "no overlapping or nested spans");
    let nested = spans.iter().any(|outer| {
        spans.iter().any(|inner| {
            outer.range() != inner.range() && outer.start <= inner.start && inner.end <= outer.end
        })
    });
    assert!(nested, "no span strictly inside another");
    let is_letter_before = |at: usize| {
        text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
    };
    assert!(
        spans.iter().any(|s| is_letter_before(s.start)),
        "no span starting inside a word (e.g. after the conjunction و)"
    );
}

#[test]
fn no_span_starts_or_ends_with_whitespace() {
    let project = sample();
    let text = project.documents().next().expect("one document").text();
    for span in spans(&project) {
        let covered = &text[span.range()];
        assert_eq!(covered, covered.trim(), "span {} is “{covered}”", span.id.0);
        assert!(!covered.is_empty());
    }
}

#[test]
fn the_committed_file_is_what_the_generator_builds() {
    let built = build_sample_project(SAMPLE_MARKUP, SAMPLE_LINKS).expect("the markup builds");
    assert_eq!(built, sample());
    let text = to_ron_string(&built, Path::new("sample.isnad.ron")).expect("encodes");
    assert!(
        text == SAMPLE_PROJECT_RON,
        "projects/sample.isnad.ron is out of date: run `cargo run --example build_sample_project`"
    );
}

#[test]
fn the_generator_refuses_markup_of_another_text() {
    let edited = SAMPLE_MARKUP.replacen("عمّان", "عمان", 1);
    assert!(matches!(
        build_sample_project(&edited, SAMPLE_LINKS),
        Err(SampleError::TextDiffers { .. })
    ));
    assert!(matches!(
        build_sample_project("[unclosed", SAMPLE_LINKS),
        Err(SampleError::Markup(_))
    ));
}

#[test]
fn every_claim_has_its_source_and_every_source_its_kind() {
    let project = sample();
    let spans = spans(&project);
    let text = project.documents().next().expect("one document").text();
    for span in &spans {
        let quoted = &text[span.range()];
        match span.label.as_str() {
            "claim" => {
                let sourced = project
                    .relations_of_span(span.id)
                    .any(|r| r.head == span.id && r.kind.as_str() == "attributed_to");
                assert!(sourced, "claim «{quoted}» has no source");
                assert!(span.attributes().contains_key("form"), "«{quoted}»");
                assert!(span.attributes().contains_key("certainty"), "«{quoted}»");
            }
            "source" => assert!(span.attributes().contains_key("kind"), "«{quoted}»"),
            _ => assert!(span.attributes().is_empty()),
        }
    }
    let kinds: HashSet<&str> = project
        .relations_of_doc(spans[0].doc)
        .map(|r| r.kind.as_str())
        .collect();
    assert_eq!(
        kinds,
        HashSet::from(["attributed_to", "about", "speaks_for"])
    );
}
