//! `isnad search` end to end through the built binary: hits as lines and as JSON (document ids as
//! the native JSONL export writes them, code-point offsets), and exit codes 0 (hits or none),
//! 1 (the project cannot be read, named) and 2 (bad arguments: empty query, a query of harakat
//! only, an invalid regex).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::cli::new_project;
use isnad::io::export::{ExportFormat, ExportOptions};
use isnad::io::project;
use isnad::lang::{FoldOptions, fold};
use isnad::model::{Document, Project};

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("run isnad")
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

const FIRST: &str = "😀👍🏽 𝕏 قال الوزير إنه أكّد الخبر.\n\nثم أكد الناطق واكد المتحدث عام ١٩٤٨.";
const SECOND: &str = "لا شيء هنا";
const THIRD: &str = "وأكد الرئيس";

/// A saved project of three documents (the second without hits).
fn saved_project(dir: &Path) -> PathBuf {
    let mut project = Project::default();
    for (title, text) in [("البيان", FIRST), ("فارغ", SECOND), ("Third", THIRD)] {
        let id = project.allocate_doc_id();
        project
            .insert_document(Document::new(id, title, None, text), Vec::new())
            .expect("document");
    }
    let path = dir.join("search.isnad.ron");
    project::save(&project, &path).expect("save");
    path
}

/// The document ids the native JSONL export writes, in order.
fn exported_ids(project_path: &Path, dir: &Path) -> Vec<String> {
    let out = dir.join("out.jsonl");
    isnad::cli::export_project(project_path, &ExportOptions::new(ExportFormat::Jsonl), &out)
        .expect("export");
    std::fs::read_to_string(&out)
        .expect("read export")
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            value["id"].as_str().expect("id").to_owned()
        })
        .collect()
}

fn json_hits(output: &Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

/// The code points `start..end` of `text`.
fn code_points(text: &str, start: u64, end: u64) -> String {
    let (start, end) = (start as usize, end as usize);
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn json_hits_carry_export_ids_and_code_point_offsets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_project(dir.path());
    let ids = exported_ids(&path, dir.path());
    assert_eq!(ids.len(), 3);

    let output = isnad(&["search", path_str(&path), "اكد", "--json"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let hits = json_hits(&output);
    let found: Vec<(&str, &str)> = hits
        .iter()
        .map(|h| {
            (
                h["doc"].as_str().expect("doc"),
                h["text"].as_str().expect("text"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (ids[0].as_str(), "أكّد"),
            (ids[0].as_str(), "أكد"),
            (ids[0].as_str(), "اكد"),
            (ids[2].as_str(), "أكد")
        ]
    );
    for hit in &hits {
        let text = if hit["doc"] == ids[0].as_str() {
            FIRST
        } else {
            THIRD
        };
        let (start, end) = (hit["start"].as_u64(), hit["end"].as_u64());
        let slice = code_points(text, start.expect("start"), end.expect("end"));
        assert_eq!(slice, hit["text"].as_str().expect("text"));
    }
    // Context: words around, cut at the paragraph break.
    assert_eq!(hits[0]["before"], "😀👍🏽 𝕏 قال الوزير إنه ");
    assert_eq!(hits[0]["after"], " الخبر.");
    assert_eq!(hits[1]["before"], "ثم ");
    assert_eq!(hits[3]["before"], "و");
    assert!(stderr(&output).contains("4 hits in 2 documents of 3 searched"));

    // The emoji and the astral letter before the first hit count one code point each.
    let first = &hits[0];
    let prefix: String = FIRST
        .chars()
        .take(first["start"].as_u64().expect("start") as usize)
        .collect();
    assert!(prefix.ends_with("إنه "), "{prefix}");
}

#[test]
fn flags_change_what_matches() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_project(dir.path());
    let texts = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["search", path_str(&path)];
        all.extend_from_slice(args);
        all.push("--json");
        let output = isnad(&all);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        json_hits(&output)
            .iter()
            .map(|h| h["text"].as_str().expect("text").to_owned())
            .collect()
    };
    assert_eq!(texts(&["أكد", "--match-hamza"]), ["أكّد", "أكد", "أكد"]);
    assert_eq!(texts(&["أكّد", "--match-diacritics"]), ["أكّد"]);
    assert_eq!(
        texts(&["اكد", "--whole-word"]),
        ["أكّد", "أكد"],
        "not inside واكد or وأكد"
    );
    assert_eq!(texts(&["1948"]), ["١٩٤٨"]);
    assert!(texts(&["1948", "--match-digits"]).is_empty());
    assert_eq!(
        texts(&["third"]),
        Vec::<String>::new(),
        "titles are not searched"
    );
    assert_eq!(texts(&["ال(وزير|خبر)", "--regex"]), ["الوزير", "الخبر"]);
}

#[test]
fn plain_lines_name_the_document_and_mark_the_hit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_project(dir.path());
    let output = isnad(&["search", path_str(&path), "الوزير"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    let cp = FIRST[..FIRST.find("الوزير").expect("in text")]
        .chars()
        .count();
    assert_eq!(
        lines,
        [format!(
            "البيان (doc-1) {cp}-{}: 😀👍🏽 𝕏 قال [الوزير] إنه أكّد الخبر.",
            cp + 6
        )]
    );
}

#[test]
fn no_hits_is_success_and_bad_queries_are_bad_arguments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = saved_project(dir.path());
    let p = path_str(&path);

    let none = isnad(&["search", p, "طائرة"]);
    assert_eq!(none.status.code(), Some(0));
    assert!(stdout(&none).is_empty());
    assert!(
        stderr(&none).contains("0 hits in 0 documents of 3 searched"),
        "{}",
        stderr(&none)
    );

    let empty = isnad(&["search", p, ""]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(
        stderr(&empty).contains("the query is empty"),
        "{}",
        stderr(&empty)
    );

    let marks = isnad(&["search", p, "\u{064E}\u{0640}"]);
    assert_eq!(marks.status.code(), Some(2));
    assert!(
        stderr(&marks).contains("only harakat or tatweel"),
        "{}",
        stderr(&marks)
    );

    let regex = isnad(&["search", p, "(قال", "--regex"]);
    assert_eq!(regex.status.code(), Some(2));
    let message = stderr(&regex);
    assert!(message.contains("invalid regular expression"), "{message}");
    assert!(message.contains("unclosed group"), "{message}");

    let flag = isnad(&["search", p, "قال", "--no-such-flag"]);
    assert_eq!(flag.status.code(), Some(2));

    // A bad query is reported before the file is read.
    let missing = dir.path().join("missing.isnad.ron");
    let both = isnad(&["search", path_str(&missing), ""]);
    assert_eq!(both.status.code(), Some(2));

    let unreadable = isnad(&["search", path_str(&missing), "قال"]);
    assert_eq!(unreadable.status.code(), Some(1));
    assert!(
        stderr(&unreadable).contains("missing.isnad.ron"),
        "{}",
        stderr(&unreadable)
    );
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "قال الوزير").expect("write");
    let not_project = isnad(&["search", path_str(&article), "قال"]);
    assert_eq!(not_project.status.code(), Some(1));
    assert!(
        stderr(&not_project).contains("article.txt"),
        "{}",
        stderr(&not_project)
    );
}

#[test]
fn every_hit_in_the_corpus_folds_to_the_query() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corpus.isnad.ron");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let articles = [
        corpus.join("niger-article.ar.txt"),
        corpus.join("udhr.ar.txt"),
    ];
    new_project(&path, &articles).expect("new project");
    let project = project::load(&path).expect("load");
    for query in ["النيجر", "الإنسان", "لكل", "حق"] {
        let output = isnad(&["search", path_str(&path), query, "--json"]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let hits = json_hits(&output);
        assert!(!hits.is_empty(), "{query} is in the corpus");
        let folded_query = fold(query, FoldOptions::default());
        for hit in &hits {
            let doc_number: u64 = hit["doc"]
                .as_str()
                .and_then(|d| d.strip_prefix("doc-"))
                .and_then(|n| n.parse().ok())
                .expect("doc-N");
            let text = project
                .documents()
                .find(|d| d.id().0 == doc_number)
                .expect("document")
                .text();
            let slice = code_points(
                text,
                hit["start"].as_u64().expect("s"),
                hit["end"].as_u64().expect("e"),
            );
            assert_eq!(slice, hit["text"].as_str().expect("text"));
            assert_eq!(
                fold(&slice, FoldOptions::default()),
                folded_query,
                "{slice}"
            );
        }
    }
}
