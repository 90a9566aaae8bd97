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
