//! Minimal inputs from problems the parser fuzz runs (`tests/fuzz_parsers.rs`) found, kept as
//! plain tests.

use std::collections::HashSet;

use isnad::io::MAX_TITLE_CHARS;
use isnad::io::article::article_from_bytes;
use isnad::io::corpus::read_corpus;
use isnad::io::progress::Progress;

/// A paragraph long enough to be an article's body.
const BODY: &str = "وصل مدربون عسكريون روس هذا الأسبوع إلى النيجر، وقال المتحدث إن الوفد لا يزال في العاصمة. \
                    وأكد مسؤول أن المحادثات مستمرة حتى الآن، ولم يصدر أي تعليق رسمي من الحكومة.";

/// A page whose `<title>` (or `<h1>`) holds a whole article gave a title of any length: the
/// document list and the project file then carried it whole. Titles are now cut.
#[test]
fn a_page_title_is_cut_to_the_title_limit() {
    let words = "كلمة ".repeat(1000);
    let body = BODY;
    for page in [
        format!(
            "<html><head><title>{words}</title></head><body><p>{body}</p><p>{body}</p></body></html>"
        ),
        format!(
            "<html><body><article><h1>{words}</h1><p>{body}</p><p>{body}</p></article></body></html>"
        ),
    ] {
        let path = std::path::Path::new("page.html");
        let article = article_from_bytes(page.as_bytes(), Some(path)).expect("a readable page");
        assert_eq!(article.title.chars().count(), MAX_TITLE_CHARS + 1, "{page}");
        assert!(article.title.ends_with('…'));
        assert!(article.title.starts_with("كلمة كلمة"));
    }
}

/// The same through the corpus reader, which takes titles from `load_article`.
#[test]
fn corpus_titles_from_pages_are_cut() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("long-title.html");
    let page = format!(
        "<!DOCTYPE html><title>{}</title><p>{BODY}</p><p>{BODY}</p>",
        "عنوان طويل ".repeat(200)
    );
    std::fs::write(&path, page).expect("write the page");
    let read = read_corpus(&[path], &HashSet::new(), &Progress::new());
    assert_eq!(read.entries.len(), 1, "{:?}", read.report);
    assert_eq!(read.entries[0].title.chars().count(), MAX_TITLE_CHARS + 1);
}

/// An annotation file may be 512 MB, but a document in it over the article limit was imported
/// whole: a project no article could make, too large to lay out, and past the project file
/// limit once saved. Such a document is now rejected with the reason; the others are imported.
#[test]
fn an_imported_document_over_the_article_limit_is_rejected() {
    use isnad::io::MAX_ARTICLE_BYTES;
    use isnad::io::import::{ImportFormat, ImportOptions, ImportReport, SourceDocument};
    use isnad::model::{LabelSchema, Project};

    let source = |place: &str, text: String| SourceDocument {
        file: "big.jsonl".into(),
        place: place.to_owned(),
        title: None,
        text,
        status: None,
        unit: isnad::model::offsets::OffsetUnit::CodePoints,
        spans: Vec::new(),
        relations: Vec::new(),
        annotator: None,
    };
    let limit = usize::try_from(MAX_ARTICLE_BYTES).expect("limit fits");
    let docs = vec![
        source("line 1", "ا".repeat(limit / 2 + 1)),
        source("line 2", "قال".to_owned()),
        source("line 3", "a".repeat(limit)),
    ];
    let mut project = Project::new(LabelSchema::default());
    let options = ImportOptions::new(ImportFormat::Jsonl);
    let mut report = ImportReport::new(ImportFormat::Jsonl);
    let edit = isnad::io::import::plan_import(&mut project, docs, &options, &mut report);
    assert_eq!(report.rejected.len(), 1, "{:?}", report.rejected);
    assert_eq!(report.rejected[0].place, "line 1");
    assert!(
        report.rejected[0]
            .reason
            .contains("over the article limit of 64 MB")
    );
    assert_eq!(report.documents_added, 2);
    edit.expect("two documents")
        .apply(&mut project)
        .expect("the import applies");
    assert_eq!(project.document_count(), 2);
}

/// RON nesting 100,000 deep is refused by ron's recursion limit (128) with a syntax error that
/// names the file, before the stack runs out even on a 2 MiB thread.
#[test]
fn a_project_nested_100000_deep_is_a_clean_syntax_error() {
    let path = std::path::Path::new("deep.isnad.ron");
    for text in [
        "(".repeat(100_000),
        format!("(format_version: 1, zz: {}", "[".repeat(100_000)),
        format!(
            "(format_version: 1, offset_unit: \"code_points\", documents: [(meta: {}",
            "{\"a\": ".repeat(100_000)
        ),
    ] {
        let error = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || isnad::io::project::from_ron_str(&text, path).map(|_| ()))
            .expect("spawn")
            .join()
            .expect("no stack overflow or panic")
            .expect_err("refused");
        let message = error.to_string();
        assert!(message.contains("deep.isnad.ron"), "{message}");
    }
}
