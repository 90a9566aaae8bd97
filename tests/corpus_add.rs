//! Adding folders of articles and JSONL corpora to a project: what is added, what is skipped and
//! why, cancelling, and `isnad add` end to end through the binary.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::command::Edit;
use isnad::io::corpus::{
    CorpusOutcome, DuplicateOf, SkipReason, add_entries_edit, known_hashes, read_corpus,
};
use isnad::io::progress::Progress;
use isnad::io::project;
use isnad::model::Project;

const A: &str = "قال المتحدث باسم الحكومة إن الانتخابات ستجرى في موعدها.";
const B: &str = "# عنوان\n\nوأكدت الوزارة في بيان أن المفاوضات مستمرة.";
const C: &str = "ونقلت وكالة الأنباء عن مصدر مطلع أن الاجتماع تأجل.";
const KNOWN: &str = "هذا النص موجود في المشروع من قبل.";
const LEGACY: &str = "وقال المتحدث باسم المجلس العسكري إن الانتخابات ستجرى في موعدها، وإن الحكومة ملتزمة بالجدول الزمني.";
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, bytes).expect("write file");
}

fn project_with_known() -> Project {
    let mut project = Project::default();
    let edit = Edit::add_document(&mut project, "known", None, KNOWN);
    edit.apply(&mut project).expect("add known document");
    project
}

/// A folder with three good articles, a Windows-1256 one, a duplicate of a file, a duplicate of
/// the project's document, an empty file, a PNG named .txt, a PDF and hidden files.
fn messy_folder(root: &Path) -> PathBuf {
    let dir = root.join("articles");
    write(&dir.join("a.txt"), A.as_bytes());
    write(&dir.join("b.md"), B.as_bytes());
    let (legacy, _, unmappable) = encoding_rs::WINDOWS_1256.encode(LEGACY);
    assert!(!unmappable);
    write(&dir.join("cp1256.txt"), &legacy);
    write(&dir.join("empty.txt"), b"");
    write(&dir.join("known.txt"), KNOWN.as_bytes());
    write(&dir.join("report.pdf"), b"%PDF-1.4\n");
    write(&dir.join("scan.txt"), PNG);
    write(&dir.join(".hidden.txt"), "مخفي".as_bytes());
    write(&dir.join(".git/notes.txt"), "مخفي أيضا".as_bytes());
    write(&dir.join("sub/a-copy.txt"), A.as_bytes());
    write(&dir.join("sub/c.txt"), C.as_bytes());
    dir
}

fn shown(path: PathBuf) -> String {
    path.display().to_string()
}

#[test]
fn a_messy_folder_adds_exactly_the_good_articles_and_says_why_for_the_rest() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = messy_folder(tmp.path());
    let mut project = project_with_known();
    let progress = Progress::new();
    let read = read_corpus(
        std::slice::from_ref(&dir),
        &known_hashes(&project),
        &progress,
    );
    let report = &read.report;

    let sources: Vec<&str> = read
        .entries
        .iter()
        .map(|e| e.source_path.as_str())
        .collect();
    let expected = [
        shown(dir.join("a.txt")),
        shown(dir.join("b.md")),
        shown(dir.join("cp1256.txt")),
        shown(dir.join("sub/c.txt")),
    ];
    assert_eq!(sources, expected);
    assert_eq!(read.entries[2].text, LEGACY);
    assert_eq!(read.entries[2].encoding, "windows-1256");
    assert_eq!(read.entries[0].title, "a");

    let skipped: Vec<(String, SkipReason)> = report
        .skipped
        .iter()
        .map(|s| (s.source.clone(), s.reason.clone()))
        .collect();
    assert_eq!(
        skipped,
        vec![
            (shown(dir.join("empty.txt")), SkipReason::Empty),
            (
                shown(dir.join("known.txt")),
                SkipReason::Duplicate(DuplicateOf::Project)
            ),
            (
                shown(dir.join("report.pdf")),
                SkipReason::Unsupported("pdf".into())
            ),
            (shown(dir.join("scan.txt")), SkipReason::Binary),
            (
                shown(dir.join("sub/a-copy.txt")),
                SkipReason::Duplicate(DuplicateOf::Earlier(shown(dir.join("a.txt"))))
            ),
        ]
    );
    assert_eq!(report.files_listed, 9);
    assert_eq!(report.files_read, 8);
    assert_eq!(report.hidden_ignored, 2);
    assert_eq!(progress.get(), (9, 9));
    assert_eq!(report.outcome(), CorpusOutcome::Partial);

    let text = report.to_string();
    assert!(
        text.starts_with(
            "add: 8 files read of 9, 4 articles added, 5 skipped (1 empty, 2 duplicate, 1 unsupported type, 1 binary), 2 hidden files or folders ignored\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!("{}: added as “a”\n", dir.join("a.txt").display())),
        "{text}"
    );
    assert!(text.contains(&format!(
        "{}: skipped: duplicate: the same text as {}\n",
        dir.join("sub/a-copy.txt").display(),
        dir.join("a.txt").display()
    )));
    assert!(text.contains("skipped: binary: not a text file"), "{text}");
    assert!(text.contains("skipped: empty"), "{text}");
    assert!(text.contains("unsupported file type .pdf"), "{text}");
    assert_eq!(text.lines().count(), 1 + 4 + 5);

    let edit = add_entries_edit(&mut project, read.entries).expect("an edit");
    let undo = edit.apply(&mut project).expect("apply");
    let texts: HashSet<&str> = project.documents().map(|d| d.text()).collect();
    assert_eq!(texts, HashSet::from([KNOWN, A, B, LEGACY, C]));
    assert_eq!(project.documents().len(), 5);
    undo.apply(&mut project).expect("undo");
    assert_eq!(project.documents().len(), 1);
    assert!(add_entries_edit(&mut project, Vec::new()).is_none());
}

#[test]
fn a_jsonl_corpus_keeps_metadata_and_reports_bad_lines() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("news.jsonl");
    let lines = [
        format!(
            r#"{{"text":"{A}","title":"الخبر الأول","source":"bbc","id":17,"tags":["سياسة","مالي"],"ok":true}}"#
        ),
        r#"{"text": "unterminated"#.to_owned(),
        r#"{"title":"no text here"}"#.to_owned(),
        String::new(),
        format!(r#"{{"text":"{A}"}}"#),
        serde_json::json!({"text": B, "published": "2024-05-01", "title": null}).to_string(),
    ];
    write(&path, lines.join("\r\n").as_bytes());
    let read = read_corpus(
        std::slice::from_ref(&path),
        &HashSet::new(),
        &Progress::new(),
    );
    assert_eq!(read.entries.len(), 2);
    let first = &read.entries[0];
    assert_eq!(first.title, "الخبر الأول");
    assert_eq!(first.text, A);
    assert_eq!(first.source_path, format!("{} line 1", path.display()));
    assert_eq!(first.meta["source"], "bbc");
    assert_eq!(first.meta["id"], "17");
    assert_eq!(first.meta["tags"], r#"["سياسة","مالي"]"#);
    assert_eq!(first.meta["ok"], "true");
    assert_eq!(first.meta.len(), 4);
    let second = &read.entries[1];
    assert_eq!(second.text, B);
    assert_eq!(second.title, "news line 6");
    assert_eq!(second.meta["published"], "2024-05-01");
    assert_eq!(second.meta["title"], "null");

    let reasons: Vec<(String, &SkipReason)> = read
        .report
        .skipped
        .iter()
        .map(|s| (s.source.clone(), &s.reason))
        .collect();
    assert_eq!(reasons.len(), 3, "{reasons:?}");
    assert_eq!(reasons[0].0, format!("{} line 2", path.display()));
    assert!(matches!(reasons[0].1, SkipReason::BrokenJsonLine(_)));
    assert_eq!(reasons[1].1, &SkipReason::NoText);
    assert_eq!(
        reasons[2],
        (
            format!("{} line 5", path.display()),
            &SkipReason::Duplicate(DuplicateOf::Earlier(format!("{} line 1", path.display())))
        )
    );
    assert_eq!(read.report.outcome(), CorpusOutcome::Partial);
    let text = read.report.to_string();
    assert!(
        text.contains("line 2: skipped: broken JSONL line: "),
        "{text}"
    );
    assert!(
        text.contains("line 3: skipped: no \"text\" string"),
        "{text}"
    );

    let mut project = Project::default();
    let edit = add_entries_edit(&mut project, read.entries).expect("edit");
    edit.apply(&mut project).expect("apply");
    let doc = project.documents().next().expect("a document");
    assert_eq!(doc.meta()["source"], "bbc");
    assert_eq!(
        doc.source_path(),
        Some(format!("{} line 1", path.display()).as_str())
    );
}

#[test]
fn a_cancelled_read_lists_what_was_not_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = messy_folder(tmp.path());
    let progress = Progress::new();
    progress.cancel();
    let read = read_corpus(&[dir], &HashSet::new(), &progress);
    assert!(read.entries.is_empty());
    assert!(read.report.cancelled);
    assert_eq!(read.report.skipped.len(), 9);
    assert!(
        read.report
            .skipped
            .iter()
            .all(|s| s.reason == SkipReason::Cancelled)
    );
    assert_eq!(read.report.outcome(), CorpusOutcome::Failed);
    assert!(
        read.report
            .to_string()
            .contains("not read: the add was cancelled")
    );
}

#[test]
fn missing_paths_and_repeated_folders_are_reported_without_panicking() {
    let tmp = tempfile::tempdir().expect("temp dir");
    write(&tmp.path().join("x/a.txt"), A.as_bytes());
    let missing = tmp.path().join("nope");
    let x = tmp.path().join("x");
    let read = read_corpus(&[missing, x.clone(), x], &HashSet::new(), &Progress::new());
    assert_eq!(read.entries.len(), 1);
    assert!(matches!(
        read.report.skipped[0].reason,
        SkipReason::Unreadable(_)
    ));
    assert_eq!(read.report.skipped[1].reason, SkipReason::FolderAlreadyRead);
    assert_eq!(read.report.outcome(), CorpusOutcome::Partial);
    let empty = read_corpus(&[], &HashSet::new(), &Progress::new());
    assert_eq!(empty.report.outcome(), CorpusOutcome::Failed);
    assert!(empty.report.to_string().contains("no file found"));
}

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
fn isnad_add_through_the_binary() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = messy_folder(tmp.path());
    let project_path = tmp.path().join("p.isnad.ron");
    project::save(&project_with_known(), &project_path).expect("save");

    // Partial: the good articles are added, the rest listed on stderr, exit 3.
    let out = isnad(&["add", path_str(&project_path), path_str(&dir)]);
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("add: 8 files read of 9, 4 articles added"),
        "{stderr}"
    );
    assert!(stderr.contains("scan.txt: skipped: binary"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("(4 documents added)"), "{stdout}");
    assert_eq!(
        project::load(&project_path)
            .expect("load")
            .documents()
            .len(),
        5
    );
    assert!(project::backup_path(&project_path).exists());

    // Failed: the same folder again adds nothing (duplicates, empty, binary): exit 1, the file
    // is byte-identical.
    let before = std::fs::read(&project_path).expect("read project");
    let out = isnad(&["add", path_str(&project_path), path_str(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing added"));
    assert_eq!(std::fs::read(&project_path).expect("read project"), before);

    // Complete: only good articles (and a duplicate of the project): exit 0.
    let good = tmp.path().join("good");
    write(&good.join("new.txt"), "خبر جديد تماما.".as_bytes());
    write(&good.join("again.txt"), C.as_bytes());
    let out = isnad(&["add", path_str(&project_path), path_str(&good)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        project::load(&project_path)
            .expect("load")
            .documents()
            .len(),
        6
    );

    // Only duplicates: complete, nothing written.
    let before = std::fs::read(&project_path).expect("read project");
    let out = isnad(&["add", path_str(&project_path), path_str(&good)]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(std::fs::read(&project_path).expect("read project"), before);

    // A project that cannot be opened: exit 1.
    let missing = tmp.path().join("missing.isnad.ron");
    let out = isnad(&["add", path_str(&missing), path_str(&good)]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!missing.exists());
}

#[cfg(unix)]
#[test]
fn a_link_back_to_a_parent_folder_is_not_followed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("loop");
    write(&dir.join("a.txt"), A.as_bytes());
    std::os::unix::fs::symlink(&dir, dir.join("back")).expect("symlink");
    let read = read_corpus(
        std::slice::from_ref(&dir),
        &HashSet::new(),
        &Progress::new(),
    );
    assert_eq!(read.entries.len(), 1);
    assert_eq!(
        read.report
            .skipped
            .iter()
            .map(|s| &s.reason)
            .collect::<Vec<_>>(),
        vec![&SkipReason::FolderAlreadyRead]
    );
    assert_eq!(read.report.outcome(), CorpusOutcome::Complete);
}
