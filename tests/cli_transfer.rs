//! `isnad export` and `isnad import` end to end through the built binary: files written, the
//! report on stderr, exit codes 0 (complete), 3 (partial) and 1 (failed, nothing written).

mod fixture;

use std::path::Path;
use std::process::{Command, Output};

use isnad::io::project;
use isnad::model::Project;

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("run isnad")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

#[test]
fn export_then_import_through_the_binary_keeps_every_span() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("source.isnad.ron");
    project::save(&fixture::arabic_project(), &source).expect("save fixture");
    let out = dir.path().join("out.jsonl");

    let export = isnad(&[
        "export",
        path_str(&source),
        "--format",
        "jsonl",
        "-o",
        path_str(&out),
    ]);
    assert_eq!(export.status.code(), Some(0), "{export:?}");
    let stderr = String::from_utf8_lossy(&export.stderr);
    assert!(
        stderr.contains("3 documents, 10 of 10 spans written (offsets in code_points)"),
        "{stderr}"
    );

    let target = dir.path().join("target.isnad.ron");
    project::save(&Project::default(), &target).expect("save empty project");
    let import = isnad(&[
        "import",
        path_str(&target),
        "--format",
        "jsonl",
        path_str(&out),
    ]);
    assert_eq!(import.status.code(), Some(0), "{import:?}");
    let imported = project::load(&target).expect("load imported");
    assert_eq!(
        fixture::span_facts(&imported),
        fixture::span_facts(&fixture::arabic_project())
    );
    assert!(
        project::backup_path(&target).exists(),
        "the previous version is kept"
    );
}

#[test]
fn a_partial_import_saves_the_good_spans_and_exits_3() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("pre.jsonl");
    std::fs::write(
        &input,
        r#"{"text":"قال الوزير","spans":[{"start":4,"end":10,"label":"actor"},{"start":4,"end":99,"label":"actor"}]}"#,
    )
    .expect("write input");
    let target = dir.path().join("target.isnad.ron");
    project::save(&Project::default(), &target).expect("save");
    let import = isnad(&[
        "import",
        path_str(&target),
        "--format",
        "jsonl",
        path_str(&input),
    ]);
    assert_eq!(import.status.code(), Some(3), "{import:?}");
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(
        stderr.contains("line 1, span 2: rejected: end 99 is past the end"),
        "{stderr}"
    );
    assert_eq!(project::load(&target).expect("load").span_count(), 1);
}

#[test]
fn a_failed_import_leaves_the_project_file_untouched_and_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("broken.jsonl");
    std::fs::write(&input, "this is not json\n").expect("write input");
    let target = dir.path().join("target.isnad.ron");
    project::save(&fixture::arabic_project(), &target).expect("save");
    let before = std::fs::read(&target).expect("read");
    let import = isnad(&[
        "import",
        path_str(&target),
        "--format",
        "jsonl",
        path_str(&input),
    ]);
    assert_eq!(import.status.code(), Some(1), "{import:?}");
    let stderr = String::from_utf8_lossy(&import.stderr);
    assert!(
        stderr.contains("line 1: rejected: not a JSON object"),
        "{stderr}"
    );
    assert!(stderr.contains("left unchanged"), "{stderr}");
    assert_eq!(std::fs::read(&target).expect("read"), before);
}

#[test]
fn exporting_a_broken_project_fails_with_the_file_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken.isnad.ron");
    std::fs::write(&broken, "(format_version: 1, documents: [").expect("write");
    let out = dir.path().join("out.jsonl");
    let export = isnad(&[
        "export",
        path_str(&broken),
        "--format",
        "jsonl",
        "-o",
        path_str(&out),
    ]);
    assert_eq!(export.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&export.stderr);
    assert!(stderr.contains("broken.isnad.ron"), "{stderr}");
    assert!(!out.exists());
}

/// A doccano export moved into Isnad: `isnad new` with no article, `isnad import` of the
/// doccano file into it, `isnad check` of the result.
#[test]
fn new_without_articles_then_import_a_doccano_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("moved.isnad.ron");
    let new = isnad(&["new", path_str(&target)]);
    assert_eq!(new.status.code(), Some(0), "{new:?}");
    let stdout = String::from_utf8_lossy(&new.stdout);
    assert!(stdout.contains("with 0 documents"), "{stdout}");
    let empty = project::load(&target).expect("the empty project loads");
    assert_eq!(empty.document_count(), 0);
    assert_eq!(
        empty.schema(),
        Project::default().schema(),
        "default labels"
    );

    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/fixture.doccano.jsonl");
    let import = isnad(&[
        "import",
        path_str(&target),
        "--format",
        "doccano",
        path_str(&golden),
    ]);
    assert_eq!(import.status.code(), Some(0), "{import:?}");
    let imported = project::load(&target).expect("load imported");
    let without_notes = |project: &Project| -> Vec<(String, usize, usize, String)> {
        fixture::span_facts(project)
            .into_iter()
            .map(|(text, start, end, label, _)| (text, start, end, label))
            .collect()
    };
    assert_eq!(
        without_notes(&imported),
        without_notes(&fixture::arabic_project()),
        "every span of the doccano file, at the fixture's offsets"
    );

    let check = isnad(&["check", path_str(&target)]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");
    let report = String::from_utf8_lossy(&check.stdout);
    let documents = fixture::arabic_project().document_count();
    assert!(
        report.contains(&format!("documents: {documents}")),
        "{report}"
    );
}
