//! brat standoff export and import: golden files, code-point slices, fragments at line breaks,
//! lossless round trip, rejected lines listed.

mod fixture;

use std::path::{Path, PathBuf};

use isnad::io::export::{self, Export, ExportFormat, ExportOptions, FilePlace, LossKind, Progress};
use isnad::io::import::{ImportFormat, ImportOptions, ImportOutcome, ImportReport, import_files};
use isnad::model::offsets::OffsetUnit;
use isnad::model::{DocId, Document, LabelId, Project, Span, SpanId};

fn export_brat(project: &Project) -> Export {
    export::export(
        project,
        &ExportOptions::new(ExportFormat::Brat),
        &Progress::new(),
    )
    .expect("export")
}

/// The files of an export by name, as text.
fn files_by_name(export: &Export) -> Vec<(String, String)> {
    export
        .files
        .iter()
        .map(|file| {
            let FilePlace::InFolder(name) = &file.place else {
                return (String::new(), String::new());
            };
            (
                name.clone(),
                String::from_utf8(file.bytes.clone()).expect("utf-8"),
            )
        })
        .collect()
}

#[test]
fn matches_the_golden_files() {
    // The fixture with relations and attributes, so the golden files show how they are written.
    let export = export_brat(&fixture::attributed_project());
    assert!(export.report.is_complete(), "{}", export.report);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/brat");
    let files = files_by_name(&export);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(&dir).expect("golden dir");
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).expect("write golden");
        }
    }
    let mut names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "doc-1.ann",
            "doc-1.txt",
            "doc-2.ann",
            "doc-2.txt",
            "doc-3.ann",
            "doc-3.txt",
            "visual.conf"
        ]
    );
    let mut golden: Vec<String> = std::fs::read_dir(&dir)
        .expect("golden dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    golden.sort();
    assert_eq!(golden, names, "stale files in tests/golden/brat");
    for (name, text) in &files {
        let expected = std::fs::read_to_string(dir.join(name)).expect("golden file");
        assert_eq!(text, &expected, "{name}");
    }
}

#[test]
fn texts_are_exact_and_confs_list_the_labels() {
    let project = fixture::arabic_project();
    let files = files_by_name(&export_brat(&project));
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    };
    assert_eq!(file("doc-1.txt"), fixture::TEXT_1);
    assert_eq!(file("doc-2.txt"), fixture::TEXT_2);
    assert_eq!(file("doc-3.txt"), "");
    assert_eq!(file("doc-3.ann"), "");
    let conf = file("annotation.conf");
    let entities: Vec<&str> = conf
        .split("[entities]\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("entities section")
        .lines()
        .collect();
    assert_eq!(entities, ["actor", "claim", "source"]);
    for section in [
        "[relations]",
        "[events]",
        "[attributes]",
        "<OVL-TYPE>:<ANY>",
    ] {
        assert!(conf.contains(section), "{section} missing:\n{conf}");
    }
    let visual = file("visual.conf");
    assert!(visual.contains("actor | Actor\n"), "{visual}");
    assert!(visual.contains("actor\tbgColor:#0072B2"), "{visual}");
}

/// `(id, label, fragments, text column)` of a `T` line.
type TLine = (String, String, Vec<(usize, usize)>, String);

/// Every `T` line of an `.ann` file.
fn t_lines(ann: &str) -> Vec<TLine> {
    ann.lines()
        .filter(|line| line.starts_with('T'))
        .map(|line| {
            let cols: Vec<&str> = line.splitn(3, '\t').collect();
            assert_eq!(cols.len(), 3, "{line:?}");
            let (label, offsets) = cols[1].split_once(' ').expect("label and offsets");
            let fragments = offsets
                .split(';')
                .map(|pair| {
                    let (s, e) = pair.split_once(' ').expect("start end");
                    (s.parse().expect("start"), e.parse().expect("end"))
                })
                .collect();
            (
                cols[0].to_owned(),
                label.to_owned(),
                fragments,
                cols[2].to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_t_line_text_is_the_code_point_slice() {
    let project = fixture::arabic_project();
    let files = files_by_name(&export_brat(&project));
    let mut spans = 0;
    for (name, ann) in files.iter().filter(|(n, _)| n.ends_with(".ann")) {
        let txt_name = name.replace(".ann", ".txt");
        let text = &files.iter().find(|(n, _)| *n == txt_name).expect("txt").1;
        for (id, _, fragments, column) in t_lines(ann) {
            let slices: Vec<String> = fragments
                .iter()
                .map(|&(s, e)| fixture::slice_code_points(text, s, e))
                .collect();
            assert_eq!(slices.join(" "), column, "{name} {id}");
            spans += 1;
        }
    }
    assert_eq!(spans, fixture::SPANS.len());
}

#[test]
fn a_utf16_request_still_writes_code_points() {
    let project = fixture::arabic_project();
    let mut options = ExportOptions::new(ExportFormat::Brat);
    options.unit = Some(OffsetUnit::Utf16);
    let utf16 = export::export(&project, &options, &Progress::new()).expect("export");
    let plain = export_brat(&project);
    assert_eq!(utf16.files, plain.files);
    assert_eq!(utf16.report.unit, OffsetUnit::CodePoints);
    assert!(utf16.report.summary().contains("code_points"));
}

/// Exports `project` to a temporary folder and imports that folder into a new project.
fn round_trip(project: &Project) -> (Project, ImportReport, Export) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("brat");
    let export = export_brat(project);
    export::write_export(&export, &out).expect("write");
    let mut imported = Project::default();
    let plan = import_files(
        &mut imported,
        &[out],
        &ImportOptions::new(ImportFormat::Brat),
    );
    if let Some(edit) = plan.edit {
        edit.apply(&mut imported).expect("apply");
    }
    (imported, plan.report, export)
}

#[test]
fn round_trip_keeps_every_span_and_note() {
    let original = fixture::arabic_project();
    let (project, report, _) = round_trip(&original);
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(report.files.len(), 3, "{report}");
    assert_eq!(fixture::texts(&project), fixture::texts(&original));
    assert_eq!(
        fixture::span_facts(&project),
        fixture::span_facts(&original)
    );
    let titles: Vec<&str> = project.documents().map(|d| d.title()).collect();
    assert_eq!(titles, ["doc-1", "doc-2", "doc-3"]);
}

#[test]
fn importing_into_the_same_project_adds_nothing_twice() {
    let mut project = fixture::arabic_project();
    let dir = tempfile::tempdir().expect("temp dir");
    export::write_export(&export_brat(&project), dir.path()).expect("write");
    let plan = import_files(
        &mut project,
        &[dir.path().to_owned()],
        &ImportOptions::new(ImportFormat::Brat),
    );
    assert!(plan.edit.is_none());
    assert_eq!(plan.report.documents_matched, 3);
    assert_eq!(plan.report.spans_already_present, fixture::SPANS.len());
    assert_eq!(plan.report.outcome(), ImportOutcome::Complete);
}

/// A project with one document and spans given as `(text covered, label, note)`.
fn project_with(text: &str, spans: &[(&str, &str, Option<&str>)]) -> Project {
    let mut project = Project::default();
    let doc = Document::new(DocId(1), "مستند", None, text);
    project.insert_document(doc, Vec::new()).expect("document");
    for (n, (covered, label, note)) in spans.iter().enumerate() {
        let start = text.find(covered).expect("span text in the document");
        let mut span = Span::new(
            SpanId(n as u64 + 1),
            DocId(1),
            start..start + covered.len(),
            LabelId::new(*label).expect("label"),
        );
        span.set_note(note.map(str::to_owned));
        project.insert_span(span).expect("span");
    }
    project
}

const LINES: &str = "😀 قال الوزير:\n«الوفد\r\nفي القاهرة»\n\nوانتهى.";

#[test]
fn a_span_over_line_breaks_is_written_as_fragments_and_read_back_as_one() {
    let project = project_with(
        LINES,
        &[
            ("الوزير:\n«الوفد\r\nفي", "claim", Some("سطر\nثان")),
            ("القاهرة»\n\nوانتهى", "claim", None),
        ],
    );
    let (imported, report, export) = round_trip(&project);
    let files = files_by_name(&export);
    let ann = &files.iter().find(|(n, _)| n == "doc-1.ann").expect("ann").1;
    let lines = t_lines(ann);
    assert_eq!(
        lines[0].2,
        [(6, 13), (14, 20), (22, 24)],
        "split at \\n and \\r\\n:\n{ann}"
    );
    assert_eq!(lines[0].3, "الوزير: «الوفد في");
    assert_eq!(lines[1].2, [(25, 33), (35, 41)]);
    assert!(ann.contains("#1\tAnnotatorNotes T1\tسطر ثان\n"), "{ann}");

    let kinds: Vec<LossKind> = export.report.losses.iter().map(|l| l.kind).collect();
    assert_eq!(kinds, [LossKind::NoteFlattened]);
    assert_eq!(export.report.written(), 2);

    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    let mut expected = fixture::span_facts(&project);
    expected[0].4 = Some("سطر ثان".to_owned());
    assert_eq!(fixture::span_facts(&imported), expected);
}

#[test]
fn breaks_at_span_edges_and_spans_of_breaks_only_are_reported() {
    let project = project_with(
        LINES,
        &[("الوزير:\n", "actor", None), ("\n\n", "claim", None)],
    );
    let (imported, report, export) = round_trip(&project);
    let kinds: Vec<LossKind> = export.report.losses.iter().map(|l| l.kind).collect();
    assert_eq!(kinds, [LossKind::EdgeBreaksTrimmed, LossKind::OnlyBreaks]);
    assert_eq!(export.report.written(), 1);
    assert!(
        export
            .report
            .to_string()
            .contains("left out: covers only line breaks or tabs"),
        "{}",
        export.report
    );
    assert_eq!(report.spans_added, 1, "{report}");
    let doc = imported.documents().next().expect("document");
    let span = &imported.spans_of(doc.id())[0];
    assert_eq!(&doc.text()[span.range()], "الوزير:");
}

#[test]
fn spans_with_identical_offsets_and_different_labels_survive() {
    let project = project_with(
        "قال الوزير إن الوفد وصل.",
        &[("الوزير", "actor", None), ("الوزير", "source", None)],
    );
    let (imported, report, export) = round_trip(&project);
    let files = files_by_name(&export);
    let ann = &files.iter().find(|(n, _)| n == "doc-1.ann").expect("ann").1;
    assert_eq!(ann, "T1\tactor 4 10\tالوزير\nT2\tsource 4 10\tالوزير\n");
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(
        fixture::span_facts(&imported),
        fixture::span_facts(&project)
    );
}

/// Writes `name.txt` (unless `text` is `None`) and `name.ann` into `dir`; returns the `.ann` path.
fn write_pair(dir: &Path, name: &str, text: Option<&[u8]>, ann: &str) -> PathBuf {
    if let Some(text) = text {
        std::fs::write(dir.join(format!("{name}.txt")), text).expect("write txt");
    }
    let path = dir.join(format!("{name}.ann"));
    std::fs::write(&path, ann).expect("write ann");
    path
}

#[test]
fn malformed_and_unsupported_lines_are_rejected_with_reasons() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Code points: 😀=0, space=1, قال=2..5, space=5, الوزير=6..12, :=12, \n=13, إنّ=14..17.
    let ann = [
        "T1\tactor 6 12\tالوزير",
        "T2\tactor 6 12\tالوزراء",
        "T3\tactor 2 5;6 12\tقال الوزير",
        "T4\tclaim 2 5;14 17\tقال إنّ",
        "T5\tperson 2 5\tقال",
        "T6\tactor 6 99\tالوزير",
        "T7\tactor six 12\tالوزير",
        "T1\tsource 2 5\tقال",
        "R1\tattributed_to Arg1:T4 Arg2:T1\t",
        "E1\tSay:T3",
        "A1\tNegated T1",
        "N1\tReference T1 Wikidata:Q1\tوزير",
        "*\tEquiv T1 T3",
        "#1\tAnnotatorNotes T1\tملاحظة",
        "#2\tAnnotatorNotes T9\tلا أحد",
        "#3\tAnnotatorNotes T2\tمرفوض",
        "#4\tAnnotatorNotes R1\tعلاقة",
        "T8 actor 0 1 x",
        "Q1\tactor 0 1\tx",
        "",
    ]
    .join("\n");
    let path = write_pair(
        dir.path(),
        "bad",
        Some("😀 قال الوزير:\nإنّ".as_bytes()),
        &ann,
    );
    let mut project = Project::default();
    let plan = import_files(
        &mut project,
        std::slice::from_ref(&path),
        &ImportOptions::new(ImportFormat::Brat),
    );
    let report = plan.report;
    assert_eq!(report.spans_added, 2, "{report}");
    assert_eq!(report.outcome(), ImportOutcome::Partial);
    let reasons: Vec<String> = report
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.place, r.reason))
        .collect();
    let expect = [
        "line 4, T4: discontinuous: « الوزير:\\n» lies between two of its fragments",
        "line 7, T7: the offsets «six 12» are not whole-number «start end» pairs",
        "line 8, T1: T1 is already defined on line 1",
        "line 10, E1: event lines are not imported",
        "line 12, N1: normalization lines are not imported",
        "line 13, *: equivalence lines are not imported yet",
        "line 17, #4: notes on relations, events and other non-span lines are not imported yet",
        "line 18: not a brat annotation line: no tab after the id",
        "line 19, Q1: not a brat annotation line: the id «Q1» does not start with",
        "line 15, note on T9: no span T9 in this file",
        "line 1, T1, attribute Negated: the label «actor» has no attribute «Negated»",
        "line 2, T2: the file says the span is «الوزراء» but the text at [6, 12) (code points) is «الوزير»",
        "line 5, T5: unknown label «person»",
        "line 6, T6: end 99 is past the end of the text (17 code points)",
        "line 9, R1: its head «T4» is not among the spans read from this document (missing, or refused when read)",
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:#?}");
    for (reason, expected) in reasons.iter().zip(expect) {
        assert!(
            reason.starts_with(expected),
            "{reason:?} should start with {expected:?}"
        );
    }
    assert!(report.to_string().contains(&path.display().to_string()));

    plan.edit.expect("edit").apply(&mut project).expect("apply");
    let doc = project.documents().next().expect("document");
    assert_eq!(doc.title(), "bad");
    let spans: Vec<(&str, &str, Option<&str>)> = project
        .spans_of(doc.id())
        .iter()
        .map(|s| {
            (
                &doc.text()[s.range()],
                s.label.as_str(),
                s.note().as_deref(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            ("قال الوزير", "actor", None),
            ("الوزير", "actor", Some("ملاحظة")),
        ]
    );
}

#[test]
fn a_missing_txt_is_a_file_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_pair(dir.path(), "lonely", None, "T1\tactor 0 3\tقال\n");
    let mut project = Project::default();
    let plan = import_files(
        &mut project,
        std::slice::from_ref(&path),
        &ImportOptions::new(ImportFormat::Brat),
    );
    assert_eq!(plan.report.file_errors.len(), 1, "{}", plan.report);
    let (file, message) = &plan.report.file_errors[0];
    assert_eq!(file, &path);
    assert!(
        message.contains(&dir.path().join("lonely.txt").display().to_string()),
        "{message}"
    );
    assert_eq!(plan.report.outcome(), ImportOutcome::Failed);
    assert!(plan.edit.is_none());
}

#[test]
fn a_byte_order_mark_counts_as_one_character_and_is_dropped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write_pair(
        dir.path(),
        "bom",
        Some("\u{FEFF}قال الوزير".as_bytes()),
        "T1\tactor 5 11\tالوزير\nT2\tactor 0 4\t\u{FEFF}قال\n",
    );
    let mut project = Project::default();
    let plan = import_files(
        &mut project,
        &[path],
        &ImportOptions::new(ImportFormat::Brat),
    );
    assert_eq!(plan.report.spans_added, 1, "{}", plan.report);
    assert_eq!(plan.report.rejected.len(), 1, "{}", plan.report);
    assert!(
        plan.report.rejected[0].reason.contains("byte-order mark"),
        "{}",
        plan.report
    );
    plan.edit.expect("edit").apply(&mut project).expect("apply");
    let doc = project.documents().next().expect("document");
    assert_eq!(doc.text(), "قال الوزير");
    let span = &project.spans_of(doc.id())[0];
    assert_eq!(&doc.text()[span.range()], "الوزير");
}
