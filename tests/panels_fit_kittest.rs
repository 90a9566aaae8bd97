//! Panels that fit: a 700×500 window keeps the article readable, the side panels can be hidden
//! from the View menu, the span rows stay put when a span is selected,
//! Escape closes the export report, "1 span" is singular.

mod common;

use common::{harness, press, wait_for_report};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::command::UiCommand;

/// The app with the sample in a `width`×`height` window.
fn sized(width: f32, height: f32) -> Harness<'static, IsnadApp> {
    let mut harness = Harness::builder()
        .with_size([width, height])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(|cc| IsnadApp::new(&cc.egui_ctx, None));
    harness.run_steps(4);
    harness
}

fn article_width(harness: &Harness<'static, IsnadApp>) -> f32 {
    harness.get_by_label_contains("Article:").rect().width()
}

#[test]
fn a_700_by_500_window_keeps_the_article_readable_and_panels_hide() {
    let mut harness = sized(700.0, 500.0);
    let width = article_width(&harness);
    assert!(width >= 300.0, "article {width} pt wide at 700×500");
    let documents = harness.get_by_label("Documents").rect().width();
    assert!(documents <= 200.0, "the document list shrank: {documents}");
    // Hiding both side panels gives the article the whole window.
    harness.state_mut().request(UiCommand::ToggleDocuments);
    harness.state_mut().request(UiCommand::ToggleSpans);
    harness.run_steps(3);
    assert!(harness.query_by_label("Documents").is_none());
    let wide = article_width(&harness);
    assert!(
        wide >= 650.0,
        "article {wide} pt wide with the panels hidden"
    );
    harness.state_mut().request(UiCommand::ToggleDocuments);
    harness.run_steps(3);
    assert!(harness.query_by_label("Documents").is_some(), "shown again");
}

#[test]
fn the_view_menu_ticks_and_toggles_the_document_list() {
    let mut harness = harness(None);
    let before = article_width(&harness);
    harness.get_by_label("View").click();
    for _ in 0..10 {
        if harness.query_by_label_contains("Document list").is_some() {
            break;
        }
        harness.step();
    }
    harness.get_by_label_contains("Document list").click();
    harness.run_steps(3);
    assert!(!harness.state().settings().show_documents);
    assert!(
        article_width(&harness) > before + 100.0,
        "the article widened"
    );
}

#[test]
fn escape_closes_the_export_report() {
    let mut harness = harness(None);
    press(&mut harness, Modifiers::COMMAND, Key::E);
    harness.run_steps(5);
    let dir = tempfile::tempdir().expect("temp dir");
    harness
        .state_mut()
        .export_dialog_mut()
        .expect("Ctrl+E opens the export window")
        .path = dir.path().join("out.jsonl").display().to_string();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    wait_for_report(&mut harness);
    assert!(harness.state().transfer_report().is_some());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(
        harness.state().transfer_report().is_none(),
        "Escape closed it"
    );
}

#[test]
fn one_span_is_singular_in_the_status_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = isnad::model::Project::new(isnad::model::LabelSchema::default());
    isnad::model::markup::add_markup_document(&mut project, "قال [الوزير|source] إن الأسعار.")
        .expect("markup");
    let path = dir.path().join("one.isnad.ron");
    isnad::io::project::save(&project, &path).expect("save");
    let harness = harness(Some(&path));
    assert!(harness.query_by_label("1 span").is_some());
    assert!(harness.query_by_label("1 spans").is_none());
}

/// Selecting a span (from the list or the article) shows its details below the span list, so the
/// rows under the pointer do not move; the details get the height they need and every field in
/// them is on screen.
#[test]
fn selecting_a_span_leaves_the_span_rows_where_they_were() {
    let mut harness = sized(1000.0, 700.0);
    let heading = harness.get_by_label("Spans").rect();
    let doc = harness.state().current_document().expect("a document");
    let source = harness
        .state()
        .project()
        .spans_of(doc)
        .iter()
        .find(|s| s.label.as_str() == "source")
        .expect("a source")
        .id;
    harness.state_mut().reveal_span(source);
    harness.run_steps(3);
    assert!(
        harness.query_by_label("Selected span").is_some(),
        "the details are shown"
    );
    assert_eq!(
        harness.get_by_label("Spans").rect(),
        heading,
        "the span list did not move"
    );
    let field = harness.get_by_label("kind: not set").rect();
    assert!(
        field.bottom() <= 700.0 && field.top() > heading.bottom(),
        "the details' fields are on screen, below the list's heading: {field:?}"
    );
}
