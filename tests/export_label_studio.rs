//! Label Studio tasks JSON export and import: golden files (tasks and labelling config), code-point
//! offsets, notes as per-region text areas, lossless round trip, the shapes Label Studio writes
//! (completions, cancelled annotations, predictions, several labels on one region) and malformed
//! input.

mod fixture;

use std::path::{Path, PathBuf};

use isnad::io::export::{self, ExportFormat, ExportOptions, FilePlace, Progress};
use isnad::io::import::{ImportFormat, ImportOptions, ImportOutcome, ImportReport, import_files};
use isnad::model::offsets::OffsetUnit;
use isnad::model::{DocumentStatus, LabelField, LabelId, Project};
use serde_json::Value;

fn export_files(project: &Project) -> (String, String) {
    let export = export::export(
        project,
        &ExportOptions::new(ExportFormat::LabelStudio),
        &Progress::new(),
    )
    .expect("export");
    assert!(export.report.is_complete(), "{}", export.report);
    assert_eq!(export.files.len(), 2);
    assert_eq!(export.files[0].place, FilePlace::Main);
    assert_eq!(export.files[1].place, FilePlace::Beside("label-config.xml"));
    let text = |i: usize| String::from_utf8(export.files[i].bytes.clone()).expect("utf-8");
    (text(0), text(1))
}

#[test]
fn tasks_and_config_match_their_golden_files() {
    // The fixture with relations and attributes, so the golden files show how they are written.
    let (tasks, config) = export_files(&fixture::attributed_project());
    for (text, name) in [
        (tasks, "fixture.label-studio.json"),
        (config, "fixture.label-config.xml"),
    ] {
        let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&golden, &text).expect("write golden");
        }
        let expected = std::fs::read_to_string(&golden).expect("golden file");
        assert_eq!(text, expected, "{name}");
    }
}

#[test]
fn regions_are_code_point_slices_and_notes_per_region_text_areas() {
    let project = fixture::arabic_project();
    let (tasks, _) = export_files(&project);
    let tasks: Value = serde_json::from_str(&tasks).expect("json");
    let tasks = tasks.as_array().expect("a list of tasks");
    assert_eq!(tasks.len(), project.document_count());
    let mut regions = 0;
    let mut notes = 0;
    for (task, doc) in tasks.iter().zip(project.documents()) {
        assert_eq!(task["id"], doc.id().0);
        assert_eq!(task["data"]["title"], doc.title());
        assert_eq!(task["data"]["isnad_id"], format!("doc-{}", doc.id().0));
        assert_eq!(task["data"]["offset_unit"], "code_points");
        let text = task["data"]["text"].as_str().expect("text");
        assert_eq!(text, doc.text());
        let spans = project.spans_of(doc.id());
        let annotations = task["annotations"].as_array().expect("annotations");
        if spans.is_empty() {
            assert!(annotations.is_empty(), "nothing to annotate yet");
            continue;
        }
        let result = annotations[0]["result"].as_array().expect("result");
        let labelled: Vec<&Value> = result.iter().filter(|r| r["type"] == "labels").collect();
        assert_eq!(labelled.len(), spans.len());
        for (region, span) in labelled.iter().zip(spans) {
            let (start, end) = (
                region["value"]["start"].as_u64().expect("start") as usize,
                region["value"]["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(region["id"], format!("s{}", span.id.0));
            assert_eq!(region["from_name"], "label");
            assert_eq!(region["to_name"], "text");
            assert_eq!(
                fixture::slice_code_points(text, start, end),
                &doc.text()[span.range()]
            );
            assert_eq!(region["value"]["text"], &doc.text()[span.range()]);
            assert_eq!(
                region["value"]["labels"],
                serde_json::json!([span.label.as_str()])
            );
            regions += 1;
        }
        for area in result.iter().filter(|r| r["type"] == "textarea") {
            assert_eq!(area["from_name"], "note");
            let region = labelled
                .iter()
                .find(|r| r["id"] == area["id"])
                .expect("a note belongs to a region with the same id");
            assert_eq!(area["value"]["start"], region["value"]["start"]);
            assert_eq!(area["value"]["end"], region["value"]["end"]);
            let span = spans
                .iter()
                .find(|s| area["id"] == format!("s{}", s.id.0))
                .expect("span");
            assert_eq!(
                area["value"]["text"],
                serde_json::json!([span.note().as_deref().expect("a note")])
            );
            notes += 1;
        }
    }
    assert_eq!(regions, fixture::SPANS.len());
    assert_eq!(
        notes,
        fixture::SPANS.iter().filter(|s| s.4.is_some()).count()
    );
}

#[test]
fn a_done_document_without_spans_has_an_empty_annotation() {
    let mut project = fixture::arabic_project();
    let empty = project
        .documents()
        .find(|d| d.text().is_empty())
        .expect("empty document")
        .id();
    project
        .set_document_status(empty, DocumentStatus::Done)
        .expect("status");
    let (tasks, _) = export_files(&project);
    let tasks: Value = serde_json::from_str(&tasks).expect("json");
    let task = tasks
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["id"] == empty.0)
        .expect("task");
    assert_eq!(task["annotations"], serde_json::json!([{ "result": [] }]));
}

#[test]
fn the_config_lists_every_label_with_its_colour_escaped() {
    let mut project = fixture::arabic_project();
    let actor = LabelId::new("actor").expect("id");
    project
        .update_label(&actor, LabelField::Name("Actor <&> \"فاعل\"".to_owned()))
        .expect("rename");
    let (_, config) = export_files(&project);
    for label in project.schema().labels() {
        assert!(
            config.contains(&format!(
                "<Label value=\"{}\" background=\"{}\"",
                label.id.as_str(),
                label.colour.to_hex()
            )),
            "{config}"
        );
    }
    assert!(config.contains("hint=\"Actor &lt;&amp;&gt; &quot;فاعل&quot;: "));
    assert!(!config.contains("<&>"));
    assert!(config.contains("<Labels name=\"label\" toName=\"text\">"));
    assert!(config.contains("<Text name=\"text\" value=\"$text\"/>"));
    assert!(config.contains("<TextArea name=\"note\" toName=\"text\" perRegion=\"true\""));
}

fn write_file(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write");
    path
}

fn import(path: &Path) -> (Project, ImportReport) {
    let mut project = Project::default();
    let plan = import_files(
        &mut project,
        &[path.to_owned()],
        &ImportOptions::new(ImportFormat::LabelStudio),
    );
    if let Some(edit) = plan.edit {
        edit.apply(&mut project).expect("apply");
    }
    (project, plan.report)
}

#[test]
fn round_trip_keeps_everything_including_notes() {
    let original = fixture::arabic_project();
    for unit in [None, Some(OffsetUnit::Utf16)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.json");
        let mut options = ExportOptions::new(ExportFormat::LabelStudio);
        options.unit = unit;
        let export = export::export(&original, &options, &Progress::new()).expect("export");
        let written = export::write_export(&export, &path).expect("write");
        assert_eq!(
            written,
            [path.clone(), dir.path().join("out.label-config.xml")]
        );

        let (project, report) = import(&path);
        assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
        assert_eq!(fixture::texts(&project), fixture::texts(&original));
        assert_eq!(
            fixture::span_facts(&project),
            fixture::span_facts(&original)
        );
        let titles: Vec<&str> = project.documents().map(|d| d.title()).collect();
        assert_eq!(titles, ["بيان الوزارة", "استطلاع", "فارغ"]);
    }
}

/// `(covered text, label, note)` of every span of a project, sorted.
fn spans(project: &Project) -> Vec<(String, String, Option<String>)> {
    let mut out: Vec<_> = fixture::span_facts(project)
        .into_iter()
        .map(|(text, start, end, label, note)| (text[start..end].to_owned(), label, note))
        .collect();
    out.sort();
    out
}

fn owned(covered: &str, label: &str, note: Option<&str>) -> (String, String, Option<String>) {
    (
        covered.to_owned(),
        label.to_owned(),
        note.map(str::to_owned),
    )
}

#[test]
fn reads_the_shapes_label_studio_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 😀 is one code point: «قال» is [2, 5).
    let tasks = r#"[
      {"id": 10, "data": {"text": "😀 قال الوزير", "title": "أ"},
       "annotations": [
         {"was_cancelled": true, "result": [{"id": "x", "from_name": "label", "to_name": "text",
           "type": "labels", "value": {"start": 6, "end": 12, "labels": ["claim"]}}]},
         {"result": [
           {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": 2, "end": 5, "text": "قال", "labels": ["actor", "Claim"]}},
           {"id": "r1", "from_name": "note", "to_name": "text", "type": "textarea",
            "value": {"start": 2, "end": 5, "text": ["سطر", "ثان"]}}]}],
       "predictions": [{"result": [{"id": "p", "type": "labels",
           "value": {"start": 6, "end": 12, "labels": ["source"]}}]}]},
      {"id": 11, "data": {"article": "بيان آخر"},
       "predictions": [{"model_version": "m1", "result": [{"id": "p1", "from_name": "label",
           "to_name": "text", "type": "labels", "value": {"start": 0, "end": 4, "labels": ["claim"]}}]}]},
      {"id": 12, "data": {"text": "نص قديم"},
       "completions": [{"result": [{"id": "c1", "from_name": "label", "to_name": "text",
           "type": "labels", "value": {"start": 3, "end": 7, "labels": ["source"]}}]}]},
      {"text": "مهمة بلا data"}
    ]"#;
    let path = write_file(dir.path(), "tasks.json", tasks);
    let (project, report) = import(&path);
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(report.documents_read, 4);
    assert_eq!(
        spans(&project),
        [
            owned("بيان", "claim", None),
            owned("قال", "actor", Some("سطر\nثان")),
            owned("قال", "claim", Some("سطر\nثان")),
            owned("قديم", "source", None),
        ]
    );
    let titles: Vec<&str> = project.documents().map(|d| d.title()).collect();
    assert_eq!(titles[0], "أ");

    // A single task object is read too.
    let path = write_file(
        dir.path(),
        "one.json",
        r#"{"data": {"text": "قال"}, "annotations": [{"result": [{"id": "a", "type": "labels",
            "value": {"start": 0, "end": 3, "labels": ["actor"]}}]}]}"#,
    );
    let (project, report) = import(&path);
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(spans(&project), [owned("قال", "actor", None)]);
}

#[test]
fn malformed_input_is_rejected_with_reasons_and_good_spans_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let tasks = r#"[
      {"id": 1, "data": {"text": "😀 قال الوزير"}, "annotations": [{"result": [
        {"id": "ok", "type": "labels", "value": {"start": 2, "end": 5, "text": "قال", "labels": ["actor"]}},
        {"id": "far", "type": "labels", "value": {"start": 6, "end": 40, "labels": ["actor"]}},
        {"id": "odd", "type": "labels", "value": {"start": 2, "end": 5, "text": "الوزير", "labels": ["actor"]}},
        {"id": "who", "type": "labels", "value": {"start": 6, "end": 12, "labels": ["person"]}},
        {"id": "neg", "type": "labels", "value": {"start": -1, "end": 5, "labels": ["actor"]}},
        {"id": "none", "type": "labels", "value": {"start": 2, "end": 5, "labels": []}},
        {"id": "rel", "type": "relation", "from_id": "ok", "to_id": "who"},
        {"id": "lost", "type": "textarea", "value": {"text": ["ملاحظة عامة"]}}]}]},
      {"id": 2, "data": {"title": "بلا نص"}},
      {"id": 3, "data": {"a": "x", "b": "y"}},
      {"id": 4, "data": {"text": "قال", "offset_unit": "utf16"}, "annotations": [{"result": [
        {"id": "u", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["actor"]}}]}]},
      {"id": 5, "data": {"text": "😀قال", "offset_unit": "utf16"}, "annotations": [{"result": [
        {"id": "half", "type": "labels", "value": {"start": 1, "end": 3, "labels": ["actor"]}}]}]},
      "not a task"
    ]"#;
    let path = write_file(dir.path(), "bad.json", tasks);
    let (_, report) = import(&path);
    assert_eq!(report.spans_added, 2, "{report}");
    assert_eq!(report.outcome(), ImportOutcome::Partial);
    let mut reasons: Vec<String> = report
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.place, r.reason))
        .collect();
    reasons.sort();
    let expect = [
        "task 1 (id 1), annotation 1, result 2 (far): end 40 is past the end of the text (12 code points)",
        "task 1 (id 1), annotation 1, result 3 (odd): the file says the span is «الوزير» but the text at [2, 5) (code points) is «قال»",
        "task 1 (id 1), annotation 1, result 4 (who): unknown label «person»",
        "task 1 (id 1), annotation 1, result 5 (neg): \"value.start\" is missing or not a whole number",
        "task 1 (id 1), annotation 1, result 6 (none): the region has no label",
        "task 1 (id 1), annotation 1, result 7 (rel): a relation without a label: every Isnad relation has a type",
        "task 1 (id 1), annotation 1, result 8 (lost): a «textarea» result not attached to a labelled region",
        "task 2 (id 2): the task has no text",
        "task 3 (id 3): the task has no \"data.text\" and several string fields (a, b)",
        "task 5 (id 5), annotation 1, result 1 (half): [1, 3) in UTF-16 code units falls inside a character",
        "task 6: not a task object",
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:#?}");
    for (reason, expected) in reasons.iter().zip(expect) {
        assert!(
            reason.starts_with(expected),
            "{reason:?} should start with {expected:?}"
        );
    }
}

#[test]
fn a_file_that_is_not_json_is_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_file(dir.path(), "broken.json", r#"[{"data": {"text": "قال"}"#);
    let (_, report) = import(&path);
    assert_eq!(report.outcome(), ImportOutcome::Failed);
    assert_eq!(report.file_errors.len(), 1, "{report}");
    assert!(report.file_errors[0].1.starts_with("it is not valid JSON"));
    let path = write_file(dir.path(), "number.json", "42");
    let (_, report) = import(&path);
    assert_eq!(report.file_errors.len(), 1, "{report}");
    assert!(
        report.file_errors[0]
            .1
            .contains("neither a list of tasks nor a task")
    );
}
