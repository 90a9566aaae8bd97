//! doccano JSONL export (both forms) and import: golden files, UTF-16 offsets, the notes in the
//! loss report, round trip, the variants doccano versions write, and malformed input.

mod fixture;

use std::path::{Path, PathBuf};

use isnad::io::export::{self, ExportFormat, ExportOptions, LossKind, Progress};
use isnad::io::import::{ImportFormat, ImportOptions, ImportOutcome, ImportReport, import_files};
use isnad::model::Project;
use isnad::model::offsets::OffsetUnit;
use serde_json::Value;

const FORMATS: [ExportFormat; 2] = [ExportFormat::Doccano, ExportFormat::DoccanoEntities];

fn export_text(format: ExportFormat, unit: Option<OffsetUnit>) -> String {
    let mut options = ExportOptions::new(format);
    options.unit = unit;
    let export =
        export::export(&fixture::arabic_project(), &options, &Progress::new()).expect("export");
    assert_eq!(export.files.len(), 1);
    String::from_utf8(export.files[0].bytes.clone()).expect("utf-8")
}

/// `(start, end, label)` of every span of a line, in either form.
fn line_spans(line: &Value) -> Vec<(usize, usize, String)> {
    let offset = |v: &Value| usize::try_from(v.as_u64().expect("offset")).expect("usize");
    if let Some(entities) = line.get("entities") {
        entities
            .as_array()
            .expect("entities")
            .iter()
            .map(|e| {
                (
                    offset(&e["start_offset"]),
                    offset(&e["end_offset"]),
                    e["label"].as_str().expect("label").to_owned(),
                )
            })
            .collect()
    } else {
        line["label"]
            .as_array()
            .expect("label")
            .iter()
            .map(|t| {
                (
                    offset(&t[0]),
                    offset(&t[1]),
                    t[2].as_str().expect("label").to_owned(),
                )
            })
            .collect()
    }
}

#[test]
fn both_forms_match_their_golden_files() {
    for (format, name) in [
        (ExportFormat::Doccano, "fixture.doccano.jsonl"),
        (
            ExportFormat::DoccanoEntities,
            "fixture.doccano-entities.jsonl",
        ),
    ] {
        // The fixture with relations and attributes, so the golden files show how they are
        // written (the `label` form reports the relations, both forms the attributes).
        let mut options = ExportOptions::new(format);
        options.unit = None;
        let export = export::export(&fixture::attributed_project(), &options, &Progress::new())
            .expect("export");
        let text = String::from_utf8(export.files[0].bytes.clone()).expect("utf-8");
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

/// Every span of the export, as `(document text, span text in the file's unit)`, checked to be
/// the fixture's span text; also checks the keys doccano keeps as metadata.
fn check_slices(
    format: ExportFormat,
    unit: Option<OffsetUnit>,
    slice: fn(&str, usize, usize) -> String,
) {
    let text = export_text(format, unit);
    let project = fixture::arabic_project();
    let docs: Vec<_> = project.documents().collect();
    let mut lines = 0;
    let mut covered = Vec::new();
    for (line, doc) in text.lines().zip(&docs) {
        let line: Value = serde_json::from_str(line).expect("json line");
        assert_eq!(line["id"], doc.id().0);
        assert_eq!(line["isnad_id"], format!("doc-{}", doc.id().0));
        assert_eq!(line["title"], doc.title());
        assert_eq!(line["Comments"], serde_json::json!([]));
        assert_eq!(
            line["offset_unit"],
            unit.unwrap_or(OffsetUnit::Utf16).as_str()
        );
        let doc_text = line["text"].as_str().expect("text");
        assert_eq!(doc_text, doc.text());
        let spans = project.spans_of(doc.id());
        let found = line_spans(&line);
        assert_eq!(found.len(), spans.len());
        for ((start, end, label), span) in found.into_iter().zip(spans) {
            let sliced = slice(doc_text, start, end);
            assert_eq!(sliced, &doc.text()[span.range()]);
            assert_eq!(label, span.label.as_str());
            covered.push(sliced);
        }
        lines += 1;
    }
    assert_eq!(lines, docs.len());
    let mut expected: Vec<String> = fixture::SPANS.iter().map(|s| s.1.to_owned()).collect();
    expected.sort();
    covered.sort();
    assert_eq!(covered, expected);
}

#[test]
fn every_span_text_is_the_utf16_slice_by_default() {
    for format in FORMATS {
        check_slices(format, None, fixture::slice_utf16);
    }
}

#[test]
fn code_points_on_request() {
    for format in FORMATS {
        check_slices(
            format,
            Some(OffsetUnit::CodePoints),
            fixture::slice_code_points,
        );
    }
}

#[test]
fn the_emoji_makes_utf16_and_code_points_differ() {
    let utf16 = export_text(ExportFormat::Doccano, None);
    let code_points = export_text(ExportFormat::Doccano, Some(OffsetUnit::CodePoints));
    assert_ne!(utf16, code_points);
}

#[test]
fn entity_ids_are_span_ids_and_relations_empty() {
    let text = export_text(ExportFormat::DoccanoEntities, None);
    let project = fixture::arabic_project();
    for (line, doc) in text.lines().zip(project.documents()) {
        let line: Value = serde_json::from_str(line).expect("json line");
        assert_eq!(line["relations"], serde_json::json!([]));
        let ids: Vec<u64> = line["entities"]
            .as_array()
            .expect("entities")
            .iter()
            .map(|e| e["id"].as_u64().expect("id"))
            .collect();
        let span_ids: Vec<u64> = project.spans_of(doc.id()).iter().map(|s| s.id.0).collect();
        assert_eq!(ids, span_ids);
    }
}

#[test]
fn the_loss_report_lists_each_noted_span_by_id() {
    let project = fixture::arabic_project();
    let noted: Vec<(u64, String)> = fixture::SPANS
        .iter()
        .enumerate()
        .filter_map(|(n, s)| s.4.map(|note| (n as u64 + 1, note.to_owned())))
        .collect();
    assert!(!noted.is_empty(), "the fixture has notes");
    for format in FORMATS {
        let export = export::export(&project, &ExportOptions::new(format), &Progress::new())
            .expect("export");
        let report = &export.report;
        let ids: Vec<u64> = report.losses.iter().map(|l| l.span_id).collect();
        let expected: Vec<u64> = noted.iter().map(|(id, _)| *id).collect();
        assert_eq!(ids, expected);
        assert!(
            report
                .losses
                .iter()
                .all(|l| l.kind == LossKind::NoteDropped)
        );
        // A dropped note is not a dropped span.
        assert_eq!(report.written(), fixture::SPANS.len());
        let shown = report.to_string();
        assert!(shown.contains("note dropped"), "{shown}");
        for (id, _) in &noted {
            assert!(shown.contains(&format!("span {id} ")), "{shown}");
        }
        for loss in &report.losses {
            let span = project
                .span(isnad::model::SpanId(loss.span_id))
                .expect("span");
            assert_eq!(loss.label, span.label.as_str());
        }
    }
}

fn write_file(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write");
    path
}

fn import(path: &Path, options: &ImportOptions) -> (Project, ImportReport) {
    let mut project = Project::default();
    let plan = import_files(&mut project, &[path.to_owned()], options);
    if let Some(edit) = plan.edit {
        edit.apply(&mut project).expect("apply");
    }
    (project, plan.report)
}

/// The span facts with the notes left out (doccano cannot hold them).
fn facts_without_notes(project: &Project) -> Vec<(String, usize, usize, String)> {
    fixture::span_facts(project)
        .into_iter()
        .map(|(text, start, end, label, _)| (text, start, end, label))
        .collect()
}

#[test]
fn round_trip_keeps_texts_titles_and_spans_but_notes() {
    let original = fixture::arabic_project();
    for format in FORMATS {
        for unit in [None, Some(OffsetUnit::CodePoints)] {
            let mut options = ExportOptions::new(format);
            options.unit = unit;
            let dir = tempfile::tempdir().expect("temp dir");
            let path = dir.path().join("out.jsonl");
            let export = export::export(&original, &options, &Progress::new()).expect("export");
            export::write_export(&export, &path).expect("write");

            let (project, report) = import(&path, &ImportOptions::new(ImportFormat::Doccano));
            assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
            assert_eq!(fixture::texts(&project), fixture::texts(&original));
            assert_eq!(
                facts_without_notes(&project),
                facts_without_notes(&original)
            );
            assert!(fixture::span_facts(&project).iter().all(|f| f.4.is_none()));
            let titles: Vec<&str> = project.documents().map(|d| d.title()).collect();
            assert_eq!(titles, ["بيان الوزارة", "استطلاع", "فارغ"]);
        }
    }
}

#[test]
fn reads_the_variants_doccano_versions_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 😀 is two UTF-16 units: «قال» is [3, 6) in UTF-16 and [2, 5) in code points.
    let lines = [
        // Older versions: "labels"; the title in "meta".
        r#"{"text":"😀 قال الوزير","labels":[[3,6,"actor"]],"meta":{"title":"قديم"}}"#,
        // Span objects under "label"; the unit stated inside "meta".
        r#"{"text":"😀 قال الوزير","label":[{"start_offset":2,"end_offset":5,"label":"claim"}],"meta":{"offset_unit":"code_points"}}"#,
        // Entities form with a display name instead of an id, and other metadata kept by doccano.
        r#"{"id":7,"text":"😀 قال الوزير","entities":[{"id":3,"label":"Source","start_offset":7,"end_offset":13}],"relations":[],"Comments":[],"source":"x"}"#,
        // A document without spans.
        r#"{"text":"نص بلا وسوم"}"#,
    ];
    let path = write_file(dir.path(), "variants.jsonl", &lines.join("\n"));
    let (project, report) = import(&path, &ImportOptions::new(ImportFormat::Doccano));
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(report.documents_read, 4);
    // The first three lines hold the same text: one document receives all three spans.
    assert_eq!(report.documents_added, 2);
    assert_eq!(report.spans_added, 3);
    let facts: Vec<(String, String)> = fixture::span_facts(&project)
        .into_iter()
        .map(|(text, start, end, label, _)| (text[start..end].to_owned(), label))
        .collect();
    assert_eq!(
        facts,
        [
            ("قال".to_owned(), "actor".to_owned()),
            ("قال".to_owned(), "claim".to_owned()),
            ("الوزير".to_owned(), "source".to_owned()),
        ]
    );
    let titles: Vec<&str> = project.documents().map(|d| d.title()).collect();
    assert_eq!(titles, ["قديم", "نص بلا وسوم"]);
}

#[test]
fn malformed_input_is_rejected_with_reasons_and_good_spans_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines = [
        r#"{"text":"😀 قال","label":[[3,6,"actor"],[1,3,"actor"],[0,99,"actor"],[3,6,"person"],[3,"actor"],[-1,6,"actor"],[3,6,2]]}"#,
        r#"{"text":"قال","entities":[{"id":1,"label":"actor","start_offset":0},{"id":2,"label":"claim","start_offset":0,"end_offset":3}],"relations":[{"id":0,"from_id":1,"to_id":2,"type":"says"}]}"#,
        r#"{"text":"قال","label":[[0,3,"actor"]],"offset_unit":"words"}"#,
        r#"{"text":"قال","label":"actor"}"#,
        r#"{"label":[[0,3,"actor"]]}"#,
        r#"{"text":"قال","label":[[0,3,"actor"]]"#,
        r#"["text"]"#,
    ];
    let path = write_file(dir.path(), "bad.jsonl", &lines.join("\n"));
    let (_, report) = import(&path, &ImportOptions::new(ImportFormat::Doccano));
    assert_eq!(report.spans_added, 2, "{report}");
    assert_eq!(report.outcome(), ImportOutcome::Partial);
    let mut reasons: Vec<String> = report
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.place, r.reason))
        .collect();
    reasons.sort();
    let expect = [
        "line 1, label 2: [1, 3) in UTF-16 code units falls inside a character",
        "line 1, label 3: end 99 is past the end of the text (6 UTF-16 code units)",
        "line 1, label 4: unknown label «person»",
        "line 1, label 5: not a span: expected [start, end, \"label\"]",
        "line 1, label 6: the start offset is not a whole number from 0 up",
        "line 1, label 7: the label is the number 2, not a name",
        "line 2, entity 1: \"end_offset\" is missing",
        "line 2, relation 1: unknown relation type «says»",
        "line 3: unknown offset_unit «words»",
        "line 4: \"label\" is not a list",
        "line 5: the line has no \"text\" string",
        "line 6: not a JSON object",
        "line 7: not a JSON object",
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:#?}");
    for (reason, expected) in reasons.iter().zip(expect) {
        assert!(
            reason.starts_with(expected),
            "{reason:?} should start with {expected:?}"
        );
    }
    assert!(report.to_string().contains("bad.jsonl"));
}

#[test]
fn the_unit_option_overrides_the_default() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_file(
        dir.path(),
        "cp.jsonl",
        r#"{"text":"😀 قال","label":[[2,5,"actor"]]}"#,
    );
    let covered = |project: &Project| {
        let facts = fixture::span_facts(project);
        assert_eq!(facts.len(), 1);
        facts[0].0[facts[0].1..facts[0].2].to_owned()
    };
    // Read as UTF-16 (the default), [2, 5) is the space and two letters: the unit matters.
    let (project, _) = import(&path, &ImportOptions::new(ImportFormat::Doccano));
    assert_eq!(covered(&project), " قا");
    let mut options = ImportOptions::new(ImportFormat::Doccano);
    options.unit = Some(OffsetUnit::CodePoints);
    let (project, report) = import(&path, &options);
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(covered(&project), "قال");
}
