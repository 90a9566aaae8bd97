//! Team data from other tools (issue 19, items 2 and 5) through the built binary: a Label Studio
//! task annotated by several people imported with each span's annotator, or split into one
//! project per annotator that `isnad agree` compares; Label Studio's JSON_MIN export; doccano's
//! per-member files; `--annotator` and `ISNAD_ANNOTATOR`; and an import that left every span
//! out never reads as a success.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::io::project;
use isnad::model::Project;
use serde_json::{Value, json};

/// «قال الوزير إن الاتفاق قريب»: «الوزير» is [4, 10), «إن الاتفاق قريب» [11, 26) and
/// «الاتفاق قريب» [14, 26) in code points.
const TEXT_1: &str = "قال الوزير إن الاتفاق قريب";
/// «وقالت المصادر إن المحادثات مستمرة»: «المصادر» is [6, 13).
const TEXT_2: &str = "وقالت المصادر إن المحادثات مستمرة";

fn isnad(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_isnad"));
    command.args(args).env_remove("ISNAD_ANNOTATOR");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run isnad")
}

fn text(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// An empty project (default labels and relation types) at `dir/name`.
/// `isnad import TARGET --format label-studio FILE`, with no annotator in the environment.
fn import_label_studio(target: &Path, file: &Path) -> Output {
    isnad(
        &[
            "import",
            text(target),
            "--format",
            "label-studio",
            text(file),
        ],
        &[],
    )
}

fn empty_project(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    project::save(&Project::default(), &path).expect("save project");
    path
}

/// A labelled region of a Label Studio result.
fn region(id: &str, start: usize, end: usize, label: &str, text: &str) -> Value {
    json!({"id": id, "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": start, "end": end, "text": text, "labels": [label]}})
}

/// Two tasks, each annotated by `user 1` (completed_by as an id) and by omar (a user object with
/// an email), plus a cancelled annotation by user 3 that must not count. User 1 links the claim
/// of task 1 to its source.
fn label_studio_tasks() -> Value {
    json!([
        {"id": 1, "data": {"text": TEXT_1},
         "annotations": [
            {"id": 11, "completed_by": 1, "result": [
                region("s1", 4, 10, "source", "الوزير"),
                region("c1", 14, 26, "claim", "الاتفاق قريب"),
                {"type": "relation", "from_id": "c1", "to_id": "s1", "direction": "right",
                 "labels": ["attributed_to"]}
            ]},
            {"id": 12, "completed_by": {"id": 2, "email": "omar@example.org"}, "result": [
                region("s1", 4, 10, "source", "الوزير"),
                region("c1", 11, 26, "claim", "إن الاتفاق قريب")
            ]},
            {"id": 13, "completed_by": 3, "was_cancelled": true, "result": [
                region("x1", 0, 3, "actor", "قال")
            ]}
         ]},
        {"id": 2, "data": {"text": TEXT_2},
         "annotations": [
            {"id": 21, "completed_by": 1, "result": [region("a", 6, 13, "source", "المصادر")]},
            {"id": 22, "completed_by": {"id": 2, "email": "omar@example.org"},
             "result": [region("a", 6, 13, "actor", "المصادر")]}
         ]}
    ])
}

fn write_json(dir: &Path, name: &str, value: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).expect("json")).expect("write");
    path
}

/// `(text, start, end, label, annotator)` of every span, offsets in bytes, sorted.
fn spans_with_makers(p: &Project) -> Vec<(String, usize, usize, String, Option<String>)> {
    let mut out: Vec<_> = p
        .documents()
        .flat_map(|d| {
            p.spans_of(d.id()).iter().map(|s| {
                (
                    d.text()[s.range()].to_owned(),
                    s.start,
                    s.end,
                    s.label.as_str().to_owned(),
                    s.annotator.as_deref().map(str::to_owned),
                )
            })
        })
        .collect();
    out.sort();
    out
}

fn relation_makers(p: &Project) -> Vec<Option<String>> {
    p.documents()
        .flat_map(|d| p.relations_of_doc(d.id()).map(|r| r.annotator.clone()))
        .collect()
}

#[test]
fn every_annotation_of_a_label_studio_task_is_imported_with_its_annotator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = empty_project(dir.path(), "team.isnad.ron");
    let file = write_json(dir.path(), "export.json", &label_studio_tasks());
    let out = import_label_studio(&target, &file);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains(
            "2 documents (2 new, 0 already in the project), 5 spans added, 1 already present"
        ),
        "{err}"
    );
    assert!(
        err.contains("spans added by annotator: omar@example.org 2, user 1 3"),
        "{err}"
    );
    assert!(
        err.contains("1 span made alike by more than one annotator is kept once"),
        "{err}"
    );
    let imported = project::load(&target).expect("load");
    let makers: BTreeMap<String, usize> =
        spans_with_makers(&imported)
            .into_iter()
            .fold(BTreeMap::new(), |mut m, s| {
                *m.entry(s.4.unwrap_or_default()).or_default() += 1;
                m
            });
    assert_eq!(
        makers,
        BTreeMap::from([("omar@example.org".to_owned(), 2), ("user 1".to_owned(), 3)])
    );
    // The cancelled annotation's span is not there; omar's claim edge is.
    let facts = spans_with_makers(&imported);
    assert!(!facts.iter().any(|s| s.0 == "قال"), "{facts:?}");
    assert!(
        facts.contains(&(
            "إن الاتفاق قريب".to_owned(),
            "قال الوزير ".len(),
            TEXT_1.len(),
            "claim".to_owned(),
            Some("omar@example.org".to_owned())
        )),
        "{facts:?}"
    );
    assert_eq!(relation_makers(&imported), [Some("user 1".to_owned())]);
}

#[test]
fn split_annotators_writes_one_project_each_and_agree_runs_on_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let start = empty_project(dir.path(), "start.isnad.ron");
    let file = write_json(dir.path(), "export.json", &label_studio_tasks());
    let split = dir.path().join("split");
    let out = isnad(
        &[
            "import",
            text(&start),
            "--format",
            "label-studio",
            text(&file),
            "--split-annotators",
            text(&split),
        ],
        &[],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let user_1 = split.join("user_1.isnad.ron");
    let omar = split.join("omar@example.org.isnad.ron");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("wrote {}", user_1.display())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("wrote {}", omar.display())),
        "{stdout}"
    );
    assert!(
        err.contains("user 1: 2 documents, 3 spans, 1 relation in"),
        "{err}"
    );
    assert!(
        err.contains("omar@example.org: 2 documents, 3 spans, 0 relations in"),
        "{err}"
    );
    // The starting project is read, not written.
    assert_eq!(project::load(&start).expect("load").span_count(), 0);

    let (a, b) = (
        project::load(&user_1).expect("user 1"),
        project::load(&omar).expect("omar"),
    );
    assert!(
        spans_with_makers(&a)
            .iter()
            .all(|s| s.4.as_deref() == Some("user 1"))
    );
    assert!(
        spans_with_makers(&b)
            .iter()
            .all(|s| s.4.as_deref() == Some("omar@example.org"))
    );
    // A document has the same id in both files, so they also merge.
    let ids = |p: &Project| {
        let mut ids: Vec<(String, u64)> = p
            .documents()
            .map(|d| (d.text().to_owned(), d.id().0))
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&a), ids(&b));

    let agree = isnad(&["agree", text(&user_1), text(&omar), "--json"], &[]);
    assert_eq!(agree.status.code(), Some(0), "{agree:?}");
    let report: Value = serde_json::from_slice(&agree.stdout).expect("agree json");
    assert_eq!(report["documents"], 2);
    let pair = &report["pairs"][0];
    // One exact match (task 1's source) of three spans each: 2·1 / (3 + 3).
    assert!(
        (pair["exact_f1"].as_f64().expect("f1") - 1.0 / 3.0).abs() < 1e-9,
        "{pair}"
    );
    // Overlap: every span of each side overlaps one of the same label on the other, except the
    // source/actor of task 2: 2 of 3 both ways.
    assert!(
        (pair["overlap"]["f1"].as_f64().expect("f1") - 2.0 / 3.0).abs() < 1e-9,
        "{pair}"
    );
    assert_eq!(pair["relation_f1"], 0.0, "{pair}");
    // Who made the spans of each file.
    assert_eq!(
        report["annotators"][text(&user_1)],
        json!({"user 1": 3}),
        "{report}"
    );
    assert_eq!(
        report["annotators"][text(&omar)],
        json!({"omar@example.org": 3}),
        "{report}"
    );
    let table = isnad(&["agree", text(&user_1), text(&omar)], &[]);
    let table = String::from_utf8_lossy(&table.stdout);
    assert!(
        table.contains(&format!("{}: spans by omar@example.org 3", omar.display())),
        "{table}"
    );
}

#[test]
fn split_refuses_to_overwrite_and_needs_an_annotator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let start = empty_project(dir.path(), "start.isnad.ron");
    let file = write_json(dir.path(), "export.json", &label_studio_tasks());
    let split = dir.path().join("split");
    std::fs::create_dir_all(&split).expect("dir");
    std::fs::write(split.join("user_1.isnad.ron"), "keep me").expect("write");
    let args = |file: &Path| {
        vec![
            "import".to_owned(),
            text(&start).to_owned(),
            "--format".to_owned(),
            "label-studio".to_owned(),
            text(file).to_owned(),
            "--split-annotators".to_owned(),
            text(&split).to_owned(),
        ]
    };
    let run = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        isnad(&args, &[])
    };
    let out = run(args(&file));
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        stderr(&out).contains("already exists; not overwriting it"),
        "{out:?}"
    );
    assert_eq!(
        std::fs::read_to_string(split.join("user_1.isnad.ron")).expect("read"),
        "keep me"
    );
    assert!(!split.join("omar@example.org.isnad.ron").exists());

    // Pre-annotations (a prediction, nobody's annotation): no annotator to split by.
    let predicted = write_json(
        dir.path(),
        "predicted.json",
        &json!([{"data": {"text": TEXT_1},
                 "predictions": [{"result": [region("p", 4, 10, "source", "الوزير")]}]}]),
    );
    let out = run(args(&predicted));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("give one with --annotator NAME"), "{err}");
    assert!(
        err.contains("no annotator found in the files: no project written"),
        "{err}"
    );
}

#[test]
fn doccano_member_files_split_by_their_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let start = empty_project(dir.path(), "start.isnad.ron");
    // doccano without collaborative annotation exports USERNAME.jsonl per member; offsets in
    // UTF-16 code units (the same as code points for Arabic).
    let layla = dir.path().join("layla.jsonl");
    std::fs::write(
        &layla,
        format!(
            "{}\n",
            json!({"text": TEXT_1, "label": [[4, 10, "source"], [14, 26, "claim"]]})
        ),
    )
    .expect("write");
    let omar = dir.path().join("omar.jsonl");
    std::fs::write(
        &omar,
        format!(
            "{}\n",
            json!({"text": TEXT_1, "label": [[4, 10, "source"]]})
        ),
    )
    .expect("write");
    let split = dir.path().join("split");
    let out = isnad(
        &[
            "import",
            text(&start),
            "--format",
            "doccano",
            text(&layla),
            text(&omar),
            "--split-annotators",
            text(&split),
        ],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let agree = isnad(
        &[
            "agree",
            text(&split.join("layla.isnad.ron")),
            text(&split.join("omar.isnad.ron")),
            "--json",
        ],
        &[],
    );
    let report: Value = serde_json::from_slice(&agree.stdout).expect("agree json");
    assert_eq!(report["documents"], 1, "{report}");
    // 2·1 / (2 + 1)
    let f1 = report["pairs"][0]["exact_f1"].as_f64().expect("f1");
    assert!((f1 - 2.0 / 3.0).abs() < 1e-9, "{report}");
}

#[test]
fn label_studio_json_min_is_read_one_record_per_annotator() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = empty_project(dir.path(), "team.isnad.ron");
    let min = json!([
        {"id": 1, "text": TEXT_1,
         "label": [{"start": 4, "end": 10, "text": "الوزير", "labels": ["source"]},
                   {"start": 14, "end": 26, "text": "الاتفاق قريب", "labels": ["claim"]}],
         "annotator": 1, "annotation_id": 11, "created_at": "2025-01-01T10:00:00Z",
         "updated_at": "2025-01-01T10:00:00Z", "lead_time": 12.5},
        {"id": 1, "text": TEXT_1,
         "label": [{"start": 4, "end": 10, "text": "الوزير", "labels": ["source"]}],
         "annotator": "omar@example.org", "annotation_id": 12,
         "created_at": "2025-01-01T11:00:00Z", "updated_at": "2025-01-01T11:00:00Z",
         "lead_time": 3.0},
        {"id": 2, "text": TEXT_2,
         "label": [{"start": 6, "end": 13, "text": "المصادر", "labels": ["actor"]}],
         "annotator": 1, "annotation_id": 21, "created_at": "2025-01-01T10:00:00Z",
         "updated_at": "2025-01-01T10:00:00Z", "lead_time": 4.0}
    ]);
    let file = write_json(dir.path(), "min.json", &min);
    let out = import_label_studio(&target, &file);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    // One document per record, as for any file that repeats a text.
    assert!(
        err.contains(
            "3 documents (2 new, 1 already in the project), 3 spans added, 1 already present"
        ),
        "{err}"
    );
    let imported = project::load(&target).expect("load");
    assert_eq!(
        spans_with_makers(&imported)
            .into_iter()
            .map(|s| (s.0, s.3, s.4.unwrap_or_default()))
            .collect::<Vec<_>>(),
        [
            (
                "الاتفاق قريب".to_owned(),
                "claim".to_owned(),
                "user 1".to_owned()
            ),
            (
                "المصادر".to_owned(),
                "actor".to_owned(),
                "user 1".to_owned()
            ),
            (
                "الوزير".to_owned(),
                "source".to_owned(),
                "user 1".to_owned()
            ),
        ]
    );
}

#[test]
fn spans_a_reader_does_not_take_are_never_dropped_without_a_word() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = empty_project(dir.path(), "team.isnad.ron");
    // A Label Studio task (it has "data") with spans where Label Studio never keeps them.
    let file = write_json(
        dir.path(),
        "odd.json",
        &json!([{"data": {"text": TEXT_1}, "label": [[4, 10, "source"]]}]),
    );
    let out = import_label_studio(&target, &file);
    let err = stderr(&out);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("1 span under \"label\" not imported"), "{err}");

    // Every span read, none kept (all past the end of the text): said so, and not exit 0.
    let file = write_json(
        dir.path(),
        "short.json",
        &json!([{"text": "قال", "label": [{"start": 4, "end": 10, "labels": ["source"]}],
                 "annotator": 1}]),
    );
    let out = import_label_studio(&target, &file);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("every span in the files was left out"),
        "{err}"
    );
}

#[test]
fn annotator_flag_and_environment_name_the_maker_the_file_does_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let jsonl = dir.path().join("pre.jsonl");
    std::fs::write(
        &jsonl,
        format!(
            "{}\n",
            json!({"text": TEXT_1, "spans": [
                {"id": 1, "start": 4, "end": 10, "label": "source"},
                {"id": 2, "start": 14, "end": 26, "label": "claim", "annotator": "huda"}],
                "relations": [{"head": 2, "child": 1, "label": "attributed_to"}]})
        ),
    )
    .expect("write");
    let run = |name: &str, extra: &[&str], env: &[(&str, &str)]| {
        let target = empty_project(dir.path(), name);
        let mut args = vec!["import", text(&target), "--format", "jsonl", text(&jsonl)];
        args.extend(extra);
        let out = isnad(&args, env);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let p = project::load(&target).expect("load");
        (
            spans_with_makers(&p)
                .into_iter()
                .map(|s| (s.3, s.4))
                .collect::<Vec<_>>(),
            relation_makers(&p),
        )
    };
    let some = |s: &str| Some(s.to_owned());
    let (spans, relations) = run("flag.isnad.ron", &["--annotator", "layla"], &[]);
    assert_eq!(
        spans,
        [
            ("claim".to_owned(), some("huda")),
            ("source".to_owned(), some("layla"))
        ]
    );
    assert_eq!(relations, [some("layla")]);
    let (spans, _) = run("env.isnad.ron", &[], &[("ISNAD_ANNOTATOR", "omar")]);
    assert_eq!(
        spans,
        [
            ("claim".to_owned(), some("huda")),
            ("source".to_owned(), some("omar"))
        ]
    );
    // The flag wins over the environment.
    let (spans, _) = run(
        "both.isnad.ron",
        &["--annotator", "layla"],
        &[("ISNAD_ANNOTATOR", "omar")],
    );
    assert_eq!(spans[1], ("source".to_owned(), some("layla")));
    let (spans, relations) = run("none.isnad.ron", &[], &[]);
    assert_eq!(
        spans,
        [
            ("claim".to_owned(), some("huda")),
            ("source".to_owned(), None)
        ]
    );
    assert_eq!(relations, [None]);
}
