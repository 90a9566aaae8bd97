//! The headless subcommands: `isnad new` and `isnad check`, through the library functions and
//! end to end through the built binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use isnad::cli::{CliError, check_project, error_report, new_project};
use isnad::io::project::{self, ProjectError};
use isnad::model::{DocId, DocumentStatus, LabelId, Span};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name)
}

const LEGACY_TEXT: &str = "غير أن مصدرًا في الوزارة، طلب عدم الكشف عن اسمه لأنه غير مخوّل \
    بالحديث إلى وسائل الإعلام، أكد أن المخزون لا يكفي لأكثر من خمسة أشهر، وأن الحكومة تتفاوض \
    على استيراد القمح.\n";

/// Writes [`LEGACY_TEXT`] in Windows-1256 to `dir/name`.
fn windows_1256_article(dir: &Path, name: &str) -> PathBuf {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(LEGACY_TEXT);
    assert!(!unmappable, "the text fits Windows-1256");
    let path = dir.join(name);
    std::fs::write(&path, &bytes).expect("write the article");
    path
}

/// A project made by `new_project` from the corpus article, with spans added and saved.
fn annotated_project(dir: &Path) -> PathBuf {
    let path = dir.join("annotated.isnad.ron");
    new_project(&path, &[corpus("niger-article.ar.txt")]).expect("new project");
    let mut project = project::load(&path).expect("load the new project");
    let doc = DocId(1);
    let text = project.document(doc).expect("document 1").text().to_owned();
    let mut add = |phrase: &str, label: &str| {
        let start = text.find(phrase).expect("phrase in the article");
        let id = project.allocate_span_id();
        let label = LabelId::new(label).expect("label id");
        let span = Span::new(id, doc, start..start + phrase.len(), label);
        project.insert_span(span).expect("valid span");
    };
    add("النيجر", "actor");
    add("روسيا", "actor");
    add("قال", "source");
    project
        .set_document_status(doc, DocumentStatus::InProgress)
        .expect("status");
    project::save(&project, &path).expect("save");
    path
}

#[test]
fn new_makes_one_document_per_article_in_any_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let legacy = windows_1256_article(dir.path(), "legacy-news.txt");
    let path = dir.path().join("two.isnad.ron");
    let articles = [corpus("niger-article.ar.txt"), legacy.clone()];
    let summary = new_project(&path, &articles).expect("project created");

    assert_eq!(summary.path, path);
    assert_eq!(summary.documents.len(), 2);
    assert_eq!(summary.documents[0].title, "niger-article.ar");
    assert_eq!(summary.documents[1].title, "legacy-news");
    assert_eq!(summary.documents[1].encoding, "windows-1256");
    let shown = summary.to_string();
    assert!(shown.contains("2 documents"), "{shown}");
    assert!(shown.contains("legacy-news"), "{shown}");
    assert!(shown.contains(&path.display().to_string()), "{shown}");

    let project = project::load(&path).expect("the new file loads");
    assert_eq!(project.span_count(), 0);
    let docs: Vec<_> = project.documents().collect();
    assert_eq!(docs.len(), 2);
    let niger = std::fs::read_to_string(&articles[0]).expect("corpus article");
    assert_eq!(
        docs[0].text(),
        niger.strip_prefix('\u{feff}').unwrap_or(&niger)
    );
    assert_eq!(docs[1].text(), LEGACY_TEXT);
    assert_eq!(docs[1].title(), "legacy-news");
    assert_eq!(
        docs[1].source_path(),
        Some(legacy.to_string_lossy().as_ref())
    );
    assert_eq!(docs[1].status(), DocumentStatus::New);
    assert_eq!(
        project
            .schema()
            .labels()
            .iter()
            .map(|l| l.id.as_str())
            .collect::<Vec<_>>(),
        ["actor", "claim", "source"]
    );
}

#[test]
fn new_never_overwrites_an_existing_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("taken.isnad.ron");
    std::fs::write(&path, "precious").expect("write");
    let error = new_project(&path, &[corpus("niger-article.ar.txt")]).expect_err("refused");
    assert!(matches!(error, CliError::ProjectExists { .. }), "{error:?}");
    assert!(error.to_string().contains("already exists"), "{error}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "precious");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn new_writes_nothing_when_an_article_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("p.isnad.ron");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").expect("write");
    let missing = dir.path().join("missing.txt");
    for bad in [&empty, &missing] {
        let articles = [corpus("niger-article.ar.txt"), bad.clone()];
        let error = new_project(&path, &articles).expect_err("refused");
        assert!(matches!(error, CliError::Article(_)), "{error:?}");
        assert!(
            error.to_string().contains(&bad.display().to_string()),
            "{error}"
        );
    }
    assert!(!path.exists(), "nothing written");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn check_summarises_a_valid_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = annotated_project(dir.path());
    let report = check_project(&path).expect("valid");
    assert_eq!(report.format_version, isnad::io::project::FORMAT_VERSION);
    assert_eq!(report.offset_unit, "code_points");
    assert_eq!(report.documents.len(), 1);
    let doc = &report.documents[0];
    assert_eq!(doc.title, "niger-article.ar");
    assert_eq!(doc.status, DocumentStatus::InProgress);
    let counts = |c: &[(String, usize)]| c.iter().map(|(l, n)| (l.clone(), *n)).collect::<Vec<_>>();
    let expected = vec![
        ("actor".to_owned(), 2),
        ("claim".to_owned(), 0),
        ("source".to_owned(), 1),
    ];
    assert_eq!(counts(&doc.spans), expected);
    assert_eq!(counts(&report.totals), expected);
    assert_eq!(report.span_count(), 3);
    let shown = report.to_string();
    for part in [
        &format!("format version: {}", isnad::io::project::FORMAT_VERSION),
        "offset unit: code_points",
        "documents: 1",
        "niger-article.ar",
        "in progress",
        "3 spans: actor 2, claim 0, source 1",
        "spans: 3 (actor 2, claim 0, source 1)",
        "relations: 0 (attributed_to 0, about 0, speaks_for 0)",
    ] {
        assert!(shown.contains(part), "{part:?} missing from:\n{shown}");
    }
}

#[test]
fn check_reports_every_problem_of_a_tampered_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = annotated_project(dir.path());
    let text = std::fs::read_to_string(&path).expect("read");
    // Change the text under the spans: every span now points at other letters.
    let tampered = text.replacen("text: \"", "text: \"عاجل: ", 1);
    assert_ne!(tampered, text);
    std::fs::write(&path, &tampered).expect("write");

    let error = check_project(&path).expect_err("invalid");
    let ProjectError::Invalid { problems, .. } = &error else {
        panic!("{error:?}")
    };
    assert!(!problems.is_empty());
    let report = error_report(&error);
    assert!(report.contains("SHA-256"), "{report}");
    assert!(report.contains(&path.display().to_string()), "{report}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), tampered);
}

#[test]
fn error_report_lists_more_than_ten_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = annotated_project(dir.path());
    let text = std::fs::read_to_string(&path).expect("read");
    let line = text
        .lines()
        .find(|l| l.contains("label: \"actor\""))
        .expect("a span line");
    let broken: String = (0..12)
        .map(|i| {
            format!(
                "        (id: {}, doc: 9, start: 1, end: 2, label: \"actor\"),\n",
                100 + i
            )
        })
        .collect();
    std::fs::write(&path, text.replacen(line, &format!("{line}\n{broken}"), 1)).expect("write");

    let error = check_project(&path).expect_err("invalid");
    let ProjectError::Invalid { problems, .. } = &error else {
        panic!("{error:?}")
    };
    assert_eq!(problems.len(), 12);
    let report = error_report(&error);
    assert_eq!(report.lines().filter(|l| l.starts_with("  - ")).count(), 12);
    assert!(!report.contains("more"), "{report}");
    assert!(report.contains("span 111"), "{report}");
}

#[test]
fn check_refuses_what_is_not_a_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = corpus("niger-article.ar.txt");
    assert!(matches!(
        check_project(&article),
        Err(ProjectError::NotAProject { .. })
    ));
    let binary = dir.path().join("image.isnad.ron");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 1]).expect("write");
    assert!(matches!(
        check_project(&binary),
        Err(ProjectError::NotText { .. })
    ));
    let missing = dir.path().join("missing.isnad.ron");
    let error = check_project(&missing).expect_err("unreadable");
    assert!(matches!(error, ProjectError::Read { .. }), "{error:?}");
    assert!(error_report(&error).contains("missing.isnad.ron"));
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .output()
        .expect("run isnad");
    (
        output.status.code().expect("exit code"),
        String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    )
}

#[test]
fn the_binary_creates_then_checks_a_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let legacy = windows_1256_article(dir.path(), "legacy.txt");
    let path = dir.path().join("e2e.isnad.ron");
    let article = corpus("niger-article.ar.txt");
    let new = |extra: &Path| {
        run(&[
            "new".as_ref(),
            path.as_os_str(),
            article.as_os_str(),
            extra.as_os_str(),
        ])
    };

    let (code, out, err) = new(&legacy);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("Created") && out.contains("2 documents"),
        "{out}"
    );
    assert!(out.contains("windows-1256"), "{out}");

    let (code, out, err) = run(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("documents: 2"), "{out}");
    assert!(
        out.contains("spans: 0 (actor 0, claim 0, source 0)"),
        "{out}"
    );

    // Again: refused, the file is untouched.
    let before = std::fs::read(&path).expect("read");
    let (code, out, err) = new(&legacy);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);

    // A tampered file: exit code 1 and the problems on stderr.
    let text = String::from_utf8(before).expect("UTF-8");
    std::fs::write(&path, text.replacen("text: \"", "text: \"x", 1)).expect("write");
    let (code, out, err) = run(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.contains("SHA-256") && err.contains("e2e.isnad.ron"),
        "{err}"
    );

    // An unreadable path and a missing argument.
    let missing = dir.path().join("missing.isnad.ron");
    let (code, _, err) = run(&["check".as_ref(), missing.as_os_str()]);
    assert_eq!(code, 1);
    assert!(err.contains("missing.isnad.ron"), "{err}");
    let (code, _, _) = run(&["new".as_ref()]);
    assert_eq!(code, 2, "clap's usage error");
}
