//! File › Export… and File › Import annotations… driven through the real app: the windows, the
//! worker thread, the report, and the import as one undo step.

mod common;
mod fixture;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use isnad::io::project;

use common::{harness, import_through_window, press, wait_for_report};

#[test]
fn ctrl_e_exports_the_sample_project_and_reports_it() {
    let mut harness = harness(None);
    press(&mut harness, Modifiers::COMMAND, Key::E);
    harness.run_steps(5);
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("sample.jsonl");
    harness
        .state_mut()
        .export_dialog_mut()
        .expect("Ctrl+E opens the export window")
        .path = out.display().to_string();
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    harness.run_steps(2);
    wait_for_report(&mut harness);

    let spans = harness.state().project().span_count();
    let relations = harness.state().project().relation_count();
    assert!(relations > 0, "the sample has relations");
    let summary = harness
        .state()
        .transfer_report()
        .expect("report")
        .summary
        .clone();
    assert_eq!(
        summary,
        format!(
            "jsonl: 1 document, {spans} of {spans} spans written, \
             {relations} of {relations} relations written (offsets in code_points)"
        )
    );
    assert!(
        harness.query_all_by_value(&summary).next().is_some(),
        "the summary is shown"
    );
    let written = std::fs::read_to_string(&out).expect("the export is written");
    let line: serde_json::Value = serde_json::from_str(written.trim()).expect("one JSON line");
    assert_eq!(line["spans"].as_array().expect("spans").len(), spans);

    harness.get_by_label("Close").click();
    harness.run_steps(3);
    assert!(harness.state().transfer_report().is_none());
}

#[test]
fn importing_from_the_menu_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A project holding the fixture texts without spans, and the fixture's spans as JSONL.
    let bare = dir.path().join("bare.isnad.ron");
    let mut without_spans = isnad::model::Project::default();
    for doc in fixture::arabic_project().documents() {
        without_spans
            .insert_document(doc.clone(), Vec::new())
            .expect("document");
    }
    project::save(&without_spans, &bare).expect("save");
    let jsonl = dir.path().join("pre.jsonl");
    let export = isnad::io::export::export(
        &fixture::arabic_project(),
        &isnad::io::export::ExportOptions::new(isnad::io::export::ExportFormat::Jsonl),
        &isnad::io::export::Progress::new(),
    )
    .expect("export");
    isnad::io::export::write_export(&export, &jsonl).expect("write");

    let mut harness = harness(Some(&bare));
    assert_eq!(harness.state().project().span_count(), 0);
    import_through_window(&mut harness, &jsonl);

    let report = harness.state().transfer_report().expect("report").clone();
    assert!(report.complete, "{report:?}");
    assert_eq!(
        fixture::span_facts(harness.state().project()),
        fixture::span_facts(&fixture::arabic_project())
    );
    assert!(
        harness.state().window_title().starts_with("• "),
        "unsaved changes are marked"
    );

    harness.get_by_label("Close").click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness.state().project().span_count(),
        0,
        "one undo removes the whole import"
    );
}
