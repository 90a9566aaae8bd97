//! Native JSONL export and import: golden file, offsets in both units, lossless round trip.

mod fixture;

use isnad::io::export::{self, ExportFormat, ExportOptions, Progress};
use isnad::io::import::{ImportFormat, ImportOptions, ImportOutcome, import_files};
use isnad::model::Project;
use isnad::model::offsets::OffsetUnit;

fn export_bytes(project: &Project, options: &ExportOptions) -> Vec<u8> {
    let export = export::export(project, options, &Progress::new()).expect("export");
    assert!(export.report.is_complete(), "{}", export.report);
    assert_eq!(export.files.len(), 1);
    export.files[0].bytes.clone()
}

#[test]
fn fixture_has_what_the_tests_need() {
    let project = fixture::arabic_project();
    assert_eq!(project.document_count(), 3);
    assert_eq!(project.span_count(), fixture::SPANS.len());
}

#[test]
fn matches_the_golden_file() {
    // The fixture with relations and attributes, so the golden file shows how they are written.
    let bytes = export_bytes(
        &fixture::attributed_project(),
        &ExportOptions::new(ExportFormat::Jsonl),
    );
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/fixture.jsonl");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, &bytes).expect("write golden");
    }
    let expected = std::fs::read_to_string(golden).expect("golden file");
    assert_eq!(String::from_utf8(bytes).expect("utf-8"), expected);
}

fn check_slices(unit: OffsetUnit, slice: fn(&str, usize, usize) -> String) {
    let mut options = ExportOptions::new(ExportFormat::Jsonl);
    options.unit = Some(unit);
    let bytes = export_bytes(&fixture::arabic_project(), &options);
    let mut spans = 0;
    for line in String::from_utf8(bytes).expect("utf-8").lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("json line");
        assert_eq!(doc["meta"]["offset_unit"], unit.as_str());
        let text = doc["text"].as_str().expect("text");
        for span in doc["spans"].as_array().expect("spans") {
            let start = span["start"].as_u64().expect("start") as usize;
            let end = span["end"].as_u64().expect("end") as usize;
            assert_eq!(
                slice(text, start, end),
                span["text"].as_str().expect("span text")
            );
            spans += 1;
        }
    }
    assert_eq!(spans, fixture::SPANS.len());
}

#[test]
fn every_span_text_is_the_slice_in_code_points() {
    check_slices(OffsetUnit::CodePoints, fixture::slice_code_points);
}

#[test]
fn every_span_text_is_the_slice_in_utf16() {
    check_slices(OffsetUnit::Utf16, fixture::slice_utf16);
}

fn round_trip(unit: OffsetUnit) {
    let original = fixture::arabic_project();
    let mut options = ExportOptions::new(ExportFormat::Jsonl);
    options.unit = Some(unit);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.jsonl");
    let export = export::export(&original, &options, &Progress::new()).expect("export");
    export::write_export(&export, &path).expect("write");

    let mut project = Project::default();
    let plan = import_files(
        &mut project,
        &[path],
        &ImportOptions::new(ImportFormat::Jsonl),
    );
    assert_eq!(
        plan.report.outcome(),
        ImportOutcome::Complete,
        "{}",
        plan.report
    );
    plan.edit
        .expect("something to add")
        .apply(&mut project)
        .expect("apply");
    assert_eq!(fixture::texts(&project), fixture::texts(&original));
    assert_eq!(
        fixture::span_facts(&project),
        fixture::span_facts(&original)
    );
    let titles: Vec<&str> = project.documents().map(|d| d.title()).collect();
    assert_eq!(titles, ["بيان الوزارة", "استطلاع", "فارغ"]);
}

#[test]
fn round_trip_in_code_points_keeps_every_span() {
    round_trip(OffsetUnit::CodePoints);
}

#[test]
fn round_trip_in_utf16_keeps_every_span() {
    round_trip(OffsetUnit::Utf16);
}

#[test]
fn importing_into_the_same_project_adds_nothing_twice() {
    let mut project = fixture::arabic_project();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.jsonl");
    let options = ExportOptions::new(ExportFormat::Jsonl);
    let export = export::export(&project, &options, &Progress::new()).expect("export");
    export::write_export(&export, &path).expect("write");
    let plan = import_files(
        &mut project,
        &[path],
        &ImportOptions::new(ImportFormat::Jsonl),
    );
    assert!(plan.edit.is_none());
    assert_eq!(plan.report.documents_matched, 3);
    assert_eq!(plan.report.spans_already_present, fixture::SPANS.len());
    assert_eq!(plan.report.outcome(), ImportOutcome::Complete);
}

#[test]
fn bad_spans_are_rejected_and_listed_and_good_ones_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.jsonl");
    let lines = [
        // 😀 is one code point but two UTF-16 units: offset 1 in UTF-16 is inside it.
        r#"{"text":"😀 قال","spans":[{"start":3,"end":6,"label":"actor","text":"قال"},{"start":1,"end":3,"label":"actor"}],"meta":{"offset_unit":"utf16"}}"#,
        r#"{"text":"قال الوزير","spans":[{"start":4,"end":99,"label":"actor"},{"start":4,"end":4,"label":"actor"},{"start":0,"end":3,"label":"actor","text":"الوزير"},{"start":4,"end":10,"label":"person"},{"start":-1,"end":3,"label":"actor"}]}"#,
        r#"not json"#,
        r#"{"spans":[]}"#,
    ];
    std::fs::write(&path, lines.join("\n")).expect("write");
    let mut project = Project::default();
    let plan = import_files(
        &mut project,
        std::slice::from_ref(&path),
        &ImportOptions::new(ImportFormat::Jsonl),
    );
    let report = plan.report;
    assert_eq!(report.spans_added, 1, "{report}");
    assert_eq!(report.outcome(), ImportOutcome::Partial);
    // Reading problems come first, then validation problems; compare in place order.
    let mut reasons: Vec<String> = report
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.place, r.reason))
        .collect();
    reasons.sort();
    let expect = [
        "line 1, span 2: [1, 3) in UTF-16 code units falls inside a character",
        "line 2, span 1: end 99 is past the end of the text (10 code points)",
        "line 2, span 2: empty or reversed range: start 4 is not before end 4",
        "line 2, span 3: the file says the span is «الوزير» but the text at [0, 3) (code points) is «قال»",
        "line 2, span 4: unknown label «person»",
        "line 2, span 5: \"start\" is missing or not a whole number from 0 up",
        "line 3: not a JSON object",
        "line 4: the line has no \"text\" string",
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:#?}");
    for (reason, expected) in reasons.iter().zip(expect) {
        assert!(
            reason.starts_with(expected),
            "{reason:?} should start with {expected:?}"
        );
    }
    assert!(report.to_string().contains(&path.display().to_string()));

    let mut options = ImportOptions::new(ImportFormat::Jsonl);
    options.add_unknown_labels = true;
    let mut project = Project::default();
    let plan = import_files(&mut project, &[path], &options);
    assert_eq!(plan.report.labels_added, ["person"]);
    assert_eq!(plan.report.spans_added, 2);
    plan.edit.expect("edit").apply(&mut project).expect("apply");
    assert!(project.schema().get_str("person").is_some());
}

#[test]
fn source_metadata_is_saved_and_exported_beside_the_fixed_fields() {
    let mut project = Project::default();
    let id = project.allocate_doc_id();
    let meta = [
        ("url", "https://example.com/ar/news/1"),
        ("published", "2024-05-01"),
        ("status", "would clash"),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .into_iter()
    .collect();
    let doc = isnad::model::Document::new(id, "خبر", None, "قال الوزير").with_meta(meta);
    project.insert_document(doc, Vec::new()).expect("document");

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("meta.isnad.ron");
    isnad::io::project::save(&project, &path).expect("save");
    let loaded = isnad::io::project::load(&path).expect("load");
    assert_eq!(loaded, project, "metadata survives the project file");

    let bytes = export_bytes(&project, &ExportOptions::new(ExportFormat::Jsonl));
    let line: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
    assert_eq!(line["meta"]["url"], "https://example.com/ar/news/1");
    assert_eq!(line["meta"]["published"], "2024-05-01");
    assert_eq!(
        line["meta"]["status"], "new",
        "a clashing name never replaces a fixed field"
    );
}

#[test]
fn says_who_made_each_span_and_relation_and_which_suggester() {
    let mut project = fixture::attributed_project();
    // Who made them is recorded on insertion (the app and the CLI stamp new spans): re-insert a
    // relation and a span that is no relation's end with their makers.
    let relation = project
        .documents()
        .find_map(|d| project.relations_of_doc(d.id()).next())
        .expect("a relation")
        .clone();
    project
        .remove_relation(relation.id)
        .expect("remove relation");
    project
        .insert_relation(relation.clone().made_by(Some("omar")))
        .expect("insert relation");
    let linked: Vec<_> = project
        .documents()
        .flat_map(|d| project.relations_of_doc(d.id()))
        .flat_map(|r| [r.head, r.child])
        .collect();
    let all: Vec<_> = project
        .documents()
        .flat_map(|d| project.spans_of(d.id()))
        .cloned()
        .collect();
    let first = all
        .iter()
        .find(|s| !linked.contains(&s.id))
        .expect("a span that is no relation's end")
        .clone();
    let second = all.iter().find(|s| s.id != first.id).expect("another span");
    project.remove_span(first.id).expect("remove");
    let mut named = first.clone().made_by(Some("ليلى"));
    named.set_suggested_by(Some("cues".into()));
    project.insert_span(named).expect("insert");

    let bytes = export_bytes(&project, &ExportOptions::new(ExportFormat::Jsonl));
    let text = String::from_utf8(bytes).expect("utf-8");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let find = |key: &str, id: String| {
        lines
            .iter()
            .flat_map(|l| l[key].as_array().expect("array").iter())
            .find(|s| s["id"] == id)
            .expect("found")
            .clone()
    };
    let span = |id: u64| find("spans", format!("s{id}"));
    assert_eq!(span(first.id.0)["annotator"], "ليلى");
    assert_eq!(span(first.id.0)["suggested_by"], "cues");
    assert!(
        span(second.id.0).get("annotator").is_none(),
        "no name: no key"
    );
    assert!(span(second.id.0).get("suggested_by").is_none());
    let relation = find("relations", format!("r{}", relation.id.0));
    assert_eq!(relation["annotator"], "omar");
}
