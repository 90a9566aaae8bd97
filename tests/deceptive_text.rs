//! Bidi controls and zero-width characters inside spans survive every round trip byte for byte:
//! native JSONL export in each offset unit (span text and offsets), import back, and the project
//! file. Hiding or normalising them would change what the annotators saw and what a model learns.

use isnad::io::export::{self, ExportFormat, ExportOptions, Progress};
use isnad::io::import::{ImportFormat, ImportOptions, import_files};
use isnad::model::offsets::OffsetUnit;
use isnad::model::{DocId, Document, LabelId, LabelSchema, Project, Span, SpanId};
use isnad::text::invisibles::invisibles;

/// An RLO…PDF pair reversing a Latin name inside Arabic, an isolate, a ZWJ emoji family, a ZWNJ,
/// a zero-width space, a BOM and direction marks; spans start and end right at the controls.
const TEXT: &str = "قال \u{202E}Reuters\u{202C} إن \u{2067}الوفد\u{2069} وصل 👨\u{200D}👩\u{200D}👧 \
                    مي\u{200C}خواهم \u{200B}اليوم\u{FEFF} \u{200F}(1)\u{200E}.";

/// `(covered text, label)` of the spans: each holds at least one invisible character.
const SPANS: &[(&str, &str)] = &[
    ("\u{202E}Reuters\u{202C}", "source"),
    ("قال \u{202E}Reuters", "claim"),
    ("\u{2067}الوفد\u{2069}", "actor"),
    ("👨\u{200D}👩\u{200D}👧", "actor"),
    ("مي\u{200C}خواهم \u{200B}اليوم\u{FEFF}", "claim"),
    ("\u{200F}(1)\u{200E}", "source"),
];

fn project() -> Project {
    let mut project = Project::new(LabelSchema::default());
    let doc = Document::new(DocId(1), "خفي", None, TEXT);
    let spans = SPANS
        .iter()
        .enumerate()
        .map(|(i, (covered, label))| {
            let start = TEXT.find(covered).expect("span text in the document");
            Span::new(
                SpanId(i as u64 + 1),
                DocId(1),
                start..start + covered.len(),
                LabelId::new(*label).expect("label"),
            )
        })
        .collect();
    project.insert_document(doc, spans).expect("document");
    project
}

/// The text between offsets `start` and `end` counted in `unit`.
fn slice(text: &str, unit: OffsetUnit, start: usize, end: usize) -> String {
    match unit {
        OffsetUnit::Bytes => text
            .get(start..end)
            .expect("byte offsets on boundaries")
            .to_owned(),
        OffsetUnit::CodePoints => text.chars().skip(start).take(end - start).collect(),
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("UTF-16 offsets on boundaries")
        }
    }
}

fn export_jsonl(project: &Project, unit: OffsetUnit) -> String {
    let mut options = ExportOptions::new(ExportFormat::Jsonl);
    options.unit = Some(unit);
    let export = export::export(project, &options, &Progress::new()).expect("export");
    assert!(export.report.is_complete(), "{}", export.report);
    String::from_utf8(export.files[0].bytes.clone()).expect("UTF-8 export")
}

#[test]
fn the_fixture_holds_deceptive_characters_inside_spans() {
    let project = project();
    let spans = project.spans_of(DocId(1));
    assert_eq!(spans.len(), SPANS.len());
    for span in spans {
        assert!(!invisibles(&TEXT[span.range()]).is_empty());
    }
    assert!(invisibles(TEXT).iter().filter(|i| i.is_deceptive()).count() >= 4);
}

#[test]
fn jsonl_export_keeps_invisible_characters_exactly_in_every_unit() {
    let project = project();
    for unit in [OffsetUnit::CodePoints, OffsetUnit::Utf16, OffsetUnit::Bytes] {
        let exported = export_jsonl(&project, unit);
        let line: serde_json::Value =
            serde_json::from_str(exported.trim_end()).expect("one JSON line");
        let text = line["text"].as_str().expect("text");
        assert_eq!(text.as_bytes(), TEXT.as_bytes(), "{unit:?}");
        let spans = line["spans"].as_array().expect("spans");
        assert_eq!(spans.len(), SPANS.len());
        let mut seen: Vec<(String, String)> = Vec::new();
        for span in spans {
            let start = span["start"].as_u64().expect("start") as usize;
            let end = span["end"].as_u64().expect("end") as usize;
            let covered = span["text"].as_str().expect("span text");
            assert_eq!(slice(text, unit, start, end).as_bytes(), covered.as_bytes());
            let label = span["label"].as_str().expect("label").to_owned();
            seen.push((covered.to_owned(), label));
        }
        let mut expected: Vec<(String, String)> = SPANS
            .iter()
            .map(|(t, l)| ((*t).to_owned(), (*l).to_owned()))
            .collect();
        seen.sort();
        expected.sort();
        assert_eq!(seen, expected, "{unit:?}");
    }
}

#[test]
fn jsonl_import_and_the_project_file_keep_them_too() {
    let original = project();
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("deceptive.jsonl");
    std::fs::write(&path, export_jsonl(&original, OffsetUnit::Utf16)).expect("write export");
    let mut imported = Project::new(LabelSchema::default());
    let plan = import_files(
        &mut imported,
        std::slice::from_ref(&path),
        &ImportOptions::new(ImportFormat::Jsonl),
    );
    assert!(
        plan.report.rejected.is_empty(),
        "{:?}",
        plan.report.rejected
    );
    plan.edit
        .expect("something to import")
        .apply(&mut imported)
        .expect("the import applies");
    let doc = imported.documents().next().expect("the document");
    assert_eq!(doc.text().as_bytes(), TEXT.as_bytes());
    let ranges = |p: &Project, id: DocId| -> Vec<_> {
        p.spans_of(id)
            .iter()
            .map(|s| (s.range(), s.label.clone()))
            .collect()
    };
    assert_eq!(ranges(&imported, doc.id()), ranges(&original, DocId(1)));

    let file = dir.path().join("deceptive.isnad.ron");
    isnad::io::project::save(&original, &file).expect("save");
    let loaded = isnad::io::project::load(&file).expect("load");
    assert_eq!(loaded, original);
}
