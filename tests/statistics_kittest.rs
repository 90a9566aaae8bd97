//! View › Statistics… on the bundled sample project: the window shows its counts.

mod common;

use common::harness;
use egui_kittest::kittest::Queryable;
use isnad::model::DocumentStatus;

#[test]
fn the_statistics_window_shows_the_counts_of_the_sample_project() {
    let mut harness = harness(None);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Statistics…").click();
    harness.run_steps(3);

    // Expected figures read from the project directly, not from the statistics code.
    let project = harness.state().project().clone();
    let documents = project.document_count();
    let spans = project.span_count();
    let relations = project.relation_count();
    assert!(spans > 0 && relations > 0, "the sample is annotated");
    harness.get_by_label(&format!("Documents: {documents}"));
    harness.get_by_label(&format!("Spans: {spans}"));
    harness.get_by_label(&format!("Relations: {relations}"));
    for label in project.schema().labels() {
        let count = project.label_usage(&label.id);
        harness.get_by_label(&format!("{} spans: {count}", label.name));
    }
    for kind in project.schema().relation_types() {
        let count = project
            .documents()
            .flat_map(|d| project.relations_of_doc(d.id()))
            .filter(|r| r.kind == kind.id)
            .count();
        harness.get_by_label(&format!("{} relations: {count}", kind.name));
    }
    let done = project
        .documents()
        .filter(|d| d.status() == DocumentStatus::Done)
        .count();
    harness.get_by_label_contains(&format!("Done: {done} of {documents} documents"));

    // Closing the window.
    harness.get_by_label("Close window").click();
    harness.run_steps(2);
    assert!(harness.query_by_label(&format!("Spans: {spans}")).is_none());
}
