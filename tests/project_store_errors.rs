//! Opening broken files: each gives the right error, names the path, and leaves the file as it was.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use isnad::io::project::{self, FORMAT_VERSION, ProjectError};
use isnad::model::markup::project_from_markup;

fn good_file_text() -> String {
    let (p, _) =
        project_from_markup("😀 قال [[المتحدث|actor] باسم الجيش|source] إن [القوات انسحبت|claim]")
            .unwrap();
    project::to_ron_string(&p, Path::new("x")).unwrap()
}

/// Writes `bytes` to a project file, loads it, checks the file is unchanged and no other file
/// appeared, and returns the error with its display text.
fn load_broken(bytes: &[u8]) -> (ProjectError, String, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.isnad.ron");
    std::fs::write(&path, bytes).unwrap();
    let error = project::load(&path).unwrap_err();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "loading must not write"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup or temp file"
    );
    let message = error.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert_eq!(error.path(), path);
    (error, message, path)
}

#[test]
fn the_good_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("good.isnad.ron");
    std::fs::write(&path, good_file_text()).unwrap();
    assert_eq!(project::load(&path).unwrap().span_count(), 3);
    // A byte-order mark, as some editors add, is accepted.
    std::fs::write(&path, format!("\u{feff}{}", good_file_text())).unwrap();
    assert_eq!(project::load(&path).unwrap().span_count(), 3);
}

#[test]
fn broken_ron_reports_line_and_column() {
    let text = good_file_text().replacen(
        "    offset_unit: \"code_points\",",
        "    offset_unit: \"code_points\",,",
        1,
    );
    let (error, message, _) = load_broken(text.as_bytes());
    let ProjectError::Syntax { line, column, .. } = error else {
        panic!("{error:?}")
    };
    assert_eq!(line, 4, "{message}");
    assert!(column > 1);
    assert!(message.contains("line 4"), "{message}");
}

#[test]
fn truncated_file() {
    let text = good_file_text();
    let (error, ..) = load_broken(&text.as_bytes()[..text.len() * 2 / 3]);
    assert!(
        matches!(
            error,
            ProjectError::Syntax { .. } | ProjectError::NotText { .. }
        ),
        "{error:?}"
    );
    let cut = text.find("spans: [").unwrap() + 20;
    let (error, ..) = load_broken(&text.as_bytes()[..cut]);
    assert!(matches!(error, ProjectError::Syntax { .. }), "{error:?}");
}

#[test]
fn tampered_text_is_caught_by_the_hash() {
    let text = good_file_text().replacen("المتحدث", "الناطق", 1);
    let (error, message, _) = load_broken(text.as_bytes());
    let ProjectError::Invalid { problems, .. } = error else {
        panic!("{error:?}")
    };
    // The hash, and here also a span now past the shortened text.
    assert!(!problems.is_empty(), "{message}");
    assert_eq!(problems[0].place.document.as_ref().unwrap().0, 1);
    assert!(problems[0].place.line.is_some());
    assert!(message.contains("SHA-256"), "{message}");
}

#[test]
fn newer_format_version_is_refused_before_the_rest_is_parsed() {
    let text = good_file_text()
        .replacen(
            &format!("format_version: {FORMAT_VERSION}"),
            &format!("format_version: {}", FORMAT_VERSION + 1),
            1,
        )
        .replacen("spans: [", "spans: {{ something new }} [", 1);
    let (error, message, _) = load_broken(text.as_bytes());
    assert!(
        matches!(
            error,
            ProjectError::NewerVersion {
                found,
                supported: FORMAT_VERSION,
                ..
            } if found == FORMAT_VERSION + 1
        ),
        "{error:?}"
    );
    assert!(message.contains("newer version"), "{message}");
    let zero = good_file_text().replacen(
        &format!("format_version: {FORMAT_VERSION}"),
        "format_version: 0",
        1,
    );
    assert!(matches!(
        load_broken(zero.as_bytes()).0,
        ProjectError::UnknownVersion { found: 0, .. }
    ));
}

#[test]
fn other_offset_units_are_refused() {
    let text = good_file_text().replacen("\"code_points\"", "\"utf16\"", 1);
    assert!(matches!(
        load_broken(text.as_bytes()).0,
        ProjectError::UnsupportedOffsetUnit { .. }
    ));
}

#[test]
fn binary_and_plain_text_files() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    assert!(matches!(load_broken(png).0, ProjectError::NotText { .. }));
    assert!(matches!(
        load_broken(&[0xff, 0xfe, 0x41, 0x00]).0,
        ProjectError::NotText { .. }
    ));
    let article = "قال المتحدث باسم الجيش إن القوات انسحبت من المدينة.\n";
    let (error, message, _) = load_broken(article.as_bytes());
    assert!(
        matches!(error, ProjectError::NotAProject { .. }),
        "{error:?}"
    );
    assert!(message.contains("not an Isnad project"), "{message}");
    assert!(matches!(
        load_broken(b"").0,
        ProjectError::NotAProject { .. }
    ));
    assert!(matches!(
        load_broken(b"(\"a list\", 1)").0,
        ProjectError::Syntax { .. }
    ));
}

#[test]
fn bad_spans_are_all_reported_with_their_places() {
    let text = good_file_text()
        .replacen("(id: 1, doc: 1, start: 6, end: ", "(id: 1, doc: 1, start: 600, end: 9", 1)
        .replacen("(id: 2, doc: 1, start: 6, end: 24", "(id: 2, doc: 1, start: 24, end: 6", 1)
        .replacen("label: \"claim\"", "label: \"nolabel\"", 1)
        .replacen("    ],\n    relations: [", "        (id: 9, doc: 7, start: 0, end: 1, label: \"actor\"),\n        (id: 3, doc: 1, start: 0, end: 1, label: \"actor\"),\n    ],\n    relations: [", 1);
    let (error, message, _) = load_broken(text.as_bytes());
    let ProjectError::Invalid { problems, .. } = error else {
        panic!("{error:?}\n{text}")
    };
    assert_eq!(problems.len(), 5, "{message}");
    let for_span = |id: u64| problems.iter().find(|p| p.place.span == Some(id)).unwrap();
    assert!(for_span(1).message.contains("past the end"), "{message}");
    assert!(for_span(2).message.contains("reversed"), "{message}");
    let span3: Vec<_> = problems
        .iter()
        .filter(|p| p.place.span == Some(3))
        .collect();
    assert!(span3[0].message.contains("nolabel"), "{message}");
    assert!(
        span3[1].message.contains("two spans have this id"),
        "{message}"
    );
    assert!(
        span3[1].place.line > span3[0].place.line,
        "the second occurrence is pointed at"
    );
    assert!(for_span(9).message.contains("does not exist"), "{message}");
    assert!(problems.iter().all(|p| p.place.line.is_some()), "{message}");
    assert!(message.contains("5 problems"), "{message}");
    assert!(message.contains("document 1 “markup 1”"), "{message}");
}

#[test]
fn duplicate_ids_and_labels() {
    let text = good_file_text();
    let doc_start = text.find("        (\n            id: 1,").unwrap();
    let doc_end = text[doc_start..].find("        ),\n").unwrap() + doc_start + 11;
    let duplicated_doc = format!(
        "{}{}{}",
        &text[..doc_end],
        &text[doc_start..doc_end],
        &text[doc_end..]
    );
    let (error, message, _) = load_broken(duplicated_doc.as_bytes());
    assert!(message.contains("two documents have this id"), "{error:?}");
    let label_line = text.lines().find(|l| l.contains("id: \"claim\"")).unwrap();
    let duplicated_label = text.replacen(label_line, &format!("{label_line}\n{label_line}"), 1);
    let (_, message, _) = load_broken(duplicated_label.as_bytes());
    assert!(message.contains("label “claim”"), "{message}");
}

#[test]
fn missing_file_and_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.isnad.ron");
    assert!(matches!(
        project::load(&missing),
        Err(ProjectError::Read { .. })
    ));
    let path = dir.path().join("big.isnad.ron");
    std::fs::write(&path, good_file_text()).unwrap();
    let error = project::load_with_limit(&path, 100).unwrap_err();
    assert!(
        matches!(error, ProjectError::TooLarge { limit: 100, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("too large"));
}
