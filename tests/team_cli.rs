//! `isnad agree` and `isnad merge` end to end through the built binary: the JSON keys issue 19
//! asks for (and no NaN), the table, exit codes, and bad input named in the message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::io::project;
use isnad::model::markup::add_markup_document;
use isnad::model::{DocId, LabelId, Project};

fn isnad(args: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("isnad runs")
}

fn save(dir: &Path, name: &str, markup: &[&str]) -> PathBuf {
    let mut p = Project::default();
    for m in markup {
        add_markup_document(&mut p, m).expect("markup");
    }
    let path = dir.join(name);
    project::save(&p, &path).expect("save");
    path
}

#[test]
fn agree_json_has_the_keys_and_null_for_undefined_figures() {
    let dir = tempfile::tempdir().expect("dir");
    let a = save(
        dir.path(),
        "a.isnad.ron",
        &["[ab|actor]cd[efg|claim]hij", "only in a"],
    );
    let b = save(dir.path(), "b.isnad.ron", &["[abc|actor]d[efg|claim]hij"]);
    let out = isnad(&[Path::new("agree"), &a, &b, Path::new("--json")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(!text.contains("NaN"));
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["documents"], 1);
    let pair = &json["pairs"][0];
    assert_eq!(pair["a"], a.display().to_string());
    assert_eq!(pair["b"], b.display().to_string());
    assert_eq!(pair["exact_f1"], 0.5);
    assert_eq!(pair["overlap"]["precision"], 1.0);
    assert_eq!(pair["overlap"]["recall"], 1.0);
    assert_eq!(pair["overlap"]["f1"], 1.0);
    assert!(
        pair["relation_f1"].is_null(),
        "no relation on either side: 0/0"
    );
    assert_eq!(pair["labels"]["claim"]["exact_f1"], 1.0);
    assert_eq!(pair["labels"]["claim"]["kappa"], 1.0);
    assert!(pair["labels"]["source"]["kappa"].is_null());
    assert!(json["alpha"]["actor"].is_f64());
    assert!(json["alpha"]["source"].is_null());
    assert_eq!(pair["disagreements"]["boundary"], 1);
    assert_eq!(json["left_out"][0]["title"], "markup 2");

    let table = isnad(&[Path::new("agree"), &a, &b]);
    let table = String::from_utf8(table.stdout).expect("utf-8");
    assert!(table.contains("exact F1 0.500"), "{table}");
    assert!(table.contains("left out: “markup 2”"), "{table}");
}

#[test]
fn agree_names_a_file_that_is_not_a_project() {
    let dir = tempfile::tempdir().expect("dir");
    let a = save(dir.path(), "a.isnad.ron", &["text"]);
    let bad = dir.path().join("article.txt");
    std::fs::write(&bad, "قال الرئيس").expect("write");
    let out = isnad(&[Path::new("agree"), &a, &bad]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("article.txt"), "{stderr}");
    let one = isnad(&[Path::new("agree"), &a]);
    assert_eq!(one.status.code(), Some(2), "agree needs two files");
}

#[test]
fn merge_exit_codes_and_output() {
    let dir = tempfile::tempdir().expect("dir");
    let base = save(
        dir.path(),
        "base.isnad.ron",
        &["[زيد|actor] قال إن المطر غزير"],
    );
    let copy = |name: &str, change: &dyn Fn(&mut Project)| {
        let mut p = project::load(&base).expect("load");
        change(&mut p);
        let path = dir.path().join(name);
        project::save(&p, &path).expect("save");
        path
    };
    let relabel = |label: &'static str| {
        move |p: &mut Project| {
            let id = p.spans_of(DocId(1))[0].id;
            p.set_span_label(id, LabelId::new(label).expect("label"))
                .expect("relabel");
        }
    };
    let ours = copy("ours.isnad.ron", &relabel("claim"));
    let theirs = copy("theirs.isnad.ron", &relabel("source"));
    let same = copy("same.isnad.ron", &relabel("claim"));

    // Clean, written elsewhere with -o: OURS untouched.
    let out_path = dir.path().join("out.isnad.ron");
    let before = std::fs::read(&ours).expect("read");
    let clean = isnad(&[
        Path::new("merge"),
        &base,
        &ours,
        &same,
        Path::new("-o"),
        &out_path,
    ]);
    assert_eq!(
        clean.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    assert_eq!(std::fs::read(&ours).expect("read"), before);
    assert_eq!(project::load(&out_path).expect("valid").span_count(), 1);

    // A conflict: written to OURS, exit 1, reported on stderr.
    let conflict = isnad(&[Path::new("merge"), &base, &ours, &theirs]);
    assert_eq!(conflict.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&conflict.stderr).contains("conflict: span"));
    let merged = project::load(&ours).expect("valid");
    assert_eq!(merged.span_count(), 2, "ours and theirs' versions");
    assert!(
        !dir.path().join("ours.isnad.ron.bak").exists(),
        "no backup litter"
    );

    // A file that fails to load: exit 2, nothing written.
    let bad = dir.path().join("bad.isnad.ron");
    std::fs::write(&bad, [0u8, 159, 146, 150]).expect("write");
    let before = std::fs::read(&ours).expect("read");
    let failed = isnad(&[Path::new("merge"), &base, &ours, &bad]);
    assert_eq!(failed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("bad.isnad.ron"));
    assert_eq!(std::fs::read(&ours).expect("read"), before);
}
