//! File › Import annotations… in the real app records who made each imported span (issue 19,
//! item 2): the file's own annotator where it names one, else the name set in the settings.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use isnad::IsnadApp;
use isnad::command::UiCommand;
use isnad::io::project;
use serde_json::json;

use common::import_through_window;

const TEXT: &str = "قال الوزير إن الاتفاق قريب";

#[test]
fn imported_spans_are_stamped_with_the_settings_annotator_unless_the_file_names_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bare = dir.path().join("bare.isnad.ron");
    let mut start = isnad::model::Project::default();
    isnad::model::markup::add_markup_document(&mut start, TEXT).expect("document");
    project::save(&start, &bare).expect("save");
    let jsonl = dir.path().join("pre.jsonl");
    let line = json!({"text": TEXT, "spans": [
        {"start": 4, "end": 10, "label": "source"},
        {"start": 14, "end": 26, "label": "claim", "annotator": "huda"}]});
    std::fs::write(&jsonl, format!("{line}\n")).expect("write");

    let settings = dir.path().join("settings.ron");
    let path = bare.clone();
    let mut harness = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            IsnadApp::with_settings_file(&cc.egui_ctx, Some(&path), settings.clone())
        });
    harness.run_steps(3);
    harness.state_mut().request(UiCommand::Settings);
    harness.run_steps(3);
    harness.get_by_label("Annotator name").focus();
    harness.get_by_label("Annotator name").type_text("Sara");
    harness.run_steps(2);
    harness.key_press(Key::Escape);
    harness.run_steps(2);

    import_through_window(&mut harness, &jsonl);

    let app = harness.state();
    let doc = app.project().documents().next().expect("doc").id();
    let text = app.project().document(doc).expect("doc").text();
    let mut makers: Vec<(&str, Option<&str>)> = app
        .project()
        .spans_of(doc)
        .iter()
        .map(|s| (&text[s.range()], s.annotator.as_deref()))
        .collect();
    makers.sort();
    assert_eq!(
        makers,
        [("الاتفاق قريب", Some("huda")), ("الوزير", Some("Sara"))]
    );
}
