//! The verdicts on suggestions in the project file: rejections one per line in a block per
//! document (code points), the suggesters' tallies, absent when nothing was judged; read back
//! equal; rejections that no longer fit are dropped; `isnad suggest` respects them and
//! `--evaluate` prints the tallies.

use std::path::{Path, PathBuf};

use isnad::cli::{SuggestOptions, suggest_project};
use isnad::command::Edit;
use isnad::io::project;
use isnad::model::{DocId, LabelId, Project, SuggestionVerdict, Verdict};

const FIRST: &str = "قال الوزير إن الموسم سيئ.";
const SECOND: &str = "وأكد المتحدث أن الوضع هادئ.";

fn project_of_two() -> (Project, DocId, DocId) {
    let mut project = Project::default();
    let mut add = |text: &str| {
        let edit = Edit::add_document(&mut project, "t", None, text);
        edit.apply(&mut project).expect("add");
        project.documents().last().map(|d| d.id()).expect("doc")
    };
    let first = add(FIRST);
    let second = add(SECOND);
    (project, first, second)
}

fn byte_range(text: &str, part: &str) -> std::ops::Range<usize> {
    let start = text.find(part).expect(part);
    start..start + part.len()
}

fn verdict(doc: DocId, text: &str, part: &str, label: &str, verdict: Verdict) -> Edit {
    Edit::JudgeSuggestion(SuggestionVerdict {
        doc,
        range: byte_range(text, part),
        label: LabelId::new(label).expect("label"),
        suggester: "cues".into(),
        verdict,
    })
}

fn saved(project: &Project, dir: &Path) -> PathBuf {
    let path = dir.join("p.isnad.ron");
    project::save(project, &path).expect("save");
    path
}

#[test]
fn verdicts_are_written_one_per_line_per_document_and_read_back() {
    let (mut project, first, second) = project_of_two();
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = std::fs::read_to_string(saved(&project, dir.path())).expect("read");
    assert!(!plain.contains("rejected_suggestions") && !plain.contains("suggester_tallies"));

    for edit in [
        verdict(first, FIRST, "الوزير", "source", Verdict::Rejected),
        verdict(second, SECOND, "المتحدث", "source", Verdict::Rejected),
        verdict(second, SECOND, "الوضع هادئ", "claim", Verdict::Accepted),
    ] {
        edit.apply(&mut project).expect("judge");
    }
    let path = saved(&project, dir.path());
    let text = std::fs::read_to_string(&path).expect("read");
    // Code points: الوزير starts at character 4 of FIRST.
    let line = format!(
        "        (doc: {}, start: 4, end: 10, label: \"source\"),",
        first.0
    );
    assert!(text.contains(&line), "{text}");
    let block = text
        .split("rejected_suggestions: [")
        .nth(1)
        .expect("the rejections");
    let first_marker = block.find(&format!("// document {}", first.0)).expect("1");
    let second_marker = block.find(&format!("// document {}", second.0)).expect("2");
    let first_line = block.find(&line).expect("line");
    assert!(first_marker < first_line && first_line < second_marker);
    assert!(
        text.contains(
            "    suggester_tallies: [\n        (suggester: \"cues\", accepted: 1, relabelled: 0, rejected: 2),\n    ],"
        ),
        "{text}"
    );
    let loaded = project::load(&path).expect("load");
    assert_eq!(loaded.suggestion_memory(), project.suggestion_memory());
    assert_eq!(loaded, project);
}

#[test]
fn rejections_that_no_longer_fit_are_dropped_on_reading() {
    let (mut project, first, _) = project_of_two();
    verdict(first, FIRST, "الوزير", "source", Verdict::Rejected)
        .apply(&mut project)
        .expect("judge");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved(&project, dir.path());
    let text = std::fs::read_to_string(&path).expect("read");
    let broken = text.replace(
        &format!("(doc: {}, start: 4, end: 10,", first.0),
        "(doc: 999, start: 4, end: 10, label: \"source\"),\n        (doc: 1, start: 4, end: 4000,",
    );
    std::fs::write(&path, broken).expect("write");
    let loaded = project::load(&path).expect("a file with stale rejections loads");
    assert_eq!(loaded.suggestion_memory().rejection_count(), 0);
    assert_eq!(loaded.suggestion_memory().tally("cues").rejected, 1);
}

#[test]
fn isnad_suggest_respects_rejections_and_evaluate_prints_the_tallies() {
    let (mut project, first, _) = project_of_two();
    let dir = tempfile::tempdir().expect("temp dir");
    let options = SuggestOptions::default();
    let before = suggest_project(&saved(&project, dir.path()), &options).expect("suggest");
    assert!(
        before.stdout.contains("source [cues] الوزير"),
        "{}",
        before.stdout
    );
    verdict(first, FIRST, "الوزير", "source", Verdict::Rejected)
        .apply(&mut project)
        .expect("judge");
    let path = saved(&project, dir.path());
    let after = suggest_project(&path, &options).expect("suggest");
    assert!(
        !after.stdout.contains("source [cues] الوزير"),
        "{}",
        after.stdout
    );
    let evaluate = SuggestOptions {
        evaluate: true,
        ..SuggestOptions::default()
    };
    let table = suggest_project(&path, &evaluate).expect("evaluate").stdout;
    assert!(table.contains("judged in the app"), "{table}");
    let row = table
        .lines()
        .skip_while(|l| !l.contains("judged in the app"))
        .find(|l| l.starts_with("cues"))
        .expect("the tally of the cues");
    let fields: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(fields, ["cues", "0", "0", "1", "0.00"], "{table}");
}

#[test]
fn a_crop_that_leaves_a_rejection_outside_the_text_still_saves() {
    let (mut project, first, _) = project_of_two();
    // الموسم سيئ is rejected, then the document cropped to its first words.
    verdict(first, FIRST, "الموسم سيئ", "claim", Verdict::Rejected)
        .apply(&mut project)
        .expect("judge");
    let crop =
        isnad::command::crop_edit(&project, first, byte_range(FIRST, "قال الوزير")).expect("crop");
    crop.apply(&mut project).expect("crop");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved(&project, dir.path());
    let loaded = project::load(&path).expect("load");
    assert_eq!(loaded.suggestion_memory().rejection_count(), 0);
    assert_eq!(loaded.suggestion_memory().tally("cues").rejected, 1);
}
