//! Property and fuzz runs of every parser on hostile input: mutants of valid seeds (the sample
//! project, the golden exports, the test pages, the shared corpus) and hand-made cases (deep
//! nesting, huge numbers, invalid UTF-8, NUL bytes, BOMs, lone surrogates, 100 MB lines).
//! Properties: no panic, bounded time per case, `Ok` or an error naming the file, and for each
//! parser what its output promises (spans slice their text on char boundaries, tokens in order
//! and covering the text...).
//!
//! Length: `ISNAD_FUZZ_SECONDS` per parser (default 1.5), `ISNAD_FUZZ_CASES`, `ISNAD_FUZZ_SEED`;
//! see `tests/fuzz/mod.rs`. Long local run:
//! `ISNAD_FUZZ_SECONDS=600 cargo test --release --test fuzz_parsers -- --nocapture`.

mod fixture;
mod fuzz;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fuzz::{Budget, Fixed, Mutator, common_fixed, huge_line, seed_file};
use isnad::io::corpus::{MAX_META_FIELDS, MAX_TITLE_CHARS, read_corpus};
use isnad::io::import::{ImportFormat, ImportOptions, plan_import, read_files};
use isnad::io::progress::Progress;
use isnad::io::project::{MAX_FILE_SIZE, load_with_limit, to_ron_string};
use isnad::model::Project;
use isnad::model::offsets::OffsetUnit;

/// A folder for the files of one parser's run.
fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("temporary folder")
}

fn seeds(paths: &[&str]) -> Vec<Vec<u8>> {
    paths.iter().filter_map(|p| seed_file(p)).collect()
}

/// Errors must name the file they are about.
fn names_file(message: &str, path: &Path) -> Result<(), String> {
    let shown = path.display().to_string();
    if message.contains(&shown) {
        Ok(())
    } else {
        Err(format!("the error does not name {shown}: {message}"))
    }
}

/// Every span of `project` is non-empty, inside its document and on character boundaries.
fn spans_well_formed(project: &Project) -> Result<(), String> {
    for doc in project.documents() {
        for span in project.spans_of(doc.id()) {
            if span.start >= span.end || doc.text().get(span.range()).is_none() {
                return Err(format!(
                    "span {:?} {:?} does not slice its text ({} bytes)",
                    span.id,
                    span.range(),
                    doc.text().len()
                ));
            }
        }
    }
    Ok(())
}

/// Every relation of `project` links two distinct existing spans of one document, with labels its
/// (existing) type allows.
fn relations_well_formed(project: &Project) -> Result<(), String> {
    for doc in project.documents() {
        for relation in project.relations_of_doc(doc.id()) {
            let ends = (project.span(relation.head), project.span(relation.child));
            let (Some(head), Some(child)) = ends else {
                return Err(format!("{:?} has a dangling end", relation.id));
            };
            let fits = project
                .schema()
                .relation_type(&relation.kind)
                .is_some_and(|t| t.fits(&head.label, &child.label));
            if head.id == child.id || head.doc != doc.id() || child.doc != doc.id() || !fits {
                return Err(format!("{relation:?} breaks the relation rules"));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The RON project store.

#[test]
fn fuzz_project_loader() {
    let budget = Budget::from_env();
    let mutator = Mutator::new(seeds(&["projects/sample.isnad.ron"]))
        .tokens(&[
            "format_version: 1,",
            "format_version: 18446744073709551615,",
            "offset_unit: \"utf16\",",
            "(id: 1, doc: 1, start: 5, end: 2, label: \"actor\"),",
            "(id: 1, doc: 99, start: 0, end: 18446744073709551615, label: \"actor\"),",
            "Some(",
            "None",
            "r#\"",
            "/*",
            "//",
            "'\\u{D800}'",
            // Relations and attributes (format 2): dangling, reversed, self, duplicate, unknown.
            "format_version: 2,",
            "(id: 1, kind: \"attributed_to\", head: 3, child: 999),",
            "(id: 1, kind: \"attributed_to\", head: 2, child: 3),",
            "(id: 2, kind: \"about\", head: 3, child: 3),",
            "(id: 18446744073709551615, kind: \"rumour\", head: 0, child: 1),",
            "(id: 3, kind: \"\", head: 6, child: 7),",
            "attributes: {\"kind\": \"alien\", \"form\": true}, ",
            "attributes: [(name: \"kind\", kind: Choice([]))], ",
            "attributes: [(name: \"x y\", kind: Flag), (name: \"x y\", kind: Text)], ",
            "(id: \"about\", name: \"\", heads: [\"nolabel\"], children: [], description: \"\"),",
        ])
        .unknown_fields(&[
            "zz_unknown: (a: [1, {\"x\": ((()))}]), ",
            "id: 7, ",
            "documents: [], ",
        ]);
    let mut fixed = common_fixed();
    fixed.push(Fixed::new("unknown field nested 100,000 deep", || {
        let mut text = b"(format_version: 1, zz: ".to_vec();
        text.extend(b"(".repeat(100_000));
        text
    }));
    fixed.push(Fixed::new("document meta nested 100,000 deep", || {
        let mut text = b"(format_version: 1, offset_unit: \"code_points\", next_doc_id: 2, next_span_id: 1, labels: [], spans: [], documents: [(id: 1, title: \"\", status: New, sha256: \"\", text: \"\", meta: ".to_vec();
        text.extend(b"{\"a\": ".repeat(100_000));
        text
    }));
    if budget.huge_cases() {
        fixed.push(huge_line(
            "project",
            "(format_version: 1, offset_unit: \"code_points\", next_doc_id: 2, next_span_id: 1, labels: [], spans: [], documents: [(id: 1, title: \"t\", status: New, sha256: \"0\", text: \"",
            "قال ",
            "\")])",
        ));
    }
    let dir = scratch();
    let path = dir.path().join("case.isnad.ron");
    let check = move |bytes: &[u8]| -> Result<(), String> {
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        // Now and then a limit just below the size, to exercise the size check.
        let limit = match bytes.len() % 11 {
            0 => (bytes.len() as u64).saturating_sub(1),
            _ => MAX_FILE_SIZE,
        };
        match load_with_limit(&path, limit) {
            Ok(project) => {
                spans_well_formed(&project)?;
                relations_well_formed(&project)?;
                // What loads must save and load again to the same project.
                let text = to_ron_string(&project, &path).map_err(|e| e.to_string())?;
                let again = isnad::io::project::from_ron_str(&text, &path)
                    .map_err(|e| format!("a loaded project does not reload: {e}"))?;
                (again == project)
                    .then_some(())
                    .ok_or_else(|| "save then load changed the project".to_owned())
            }
            Err(e) => names_file(&e.to_string(), &path),
        }
    };
    fuzz::run("project", budget, mutator, fixed, Arc::new(check));
}

// ---------------------------------------------------------------------------------------------
// Annotation importers.

/// Imports `files` into the fixture project and checks the plan: it applies cleanly, every span
/// added slices its document on character boundaries and, where every candidate of the files
/// states its text, equals one of those texts; file errors and rejections name their file.
fn check_import(format: ImportFormat, files: &[PathBuf], salt: usize) -> Result<(), String> {
    let mut options = ImportOptions::new(format);
    options.add_unknown_labels = salt.is_multiple_of(2);
    options.unit = match salt % 5 {
        0 => Some(OffsetUnit::Bytes),
        1 => Some(OffsetUnit::Utf16),
        _ => None,
    };
    let (docs, mut report) = read_files(files, &options, &Progress::new());
    let mut stated: HashSet<String> = HashSet::new();
    let mut all_stated = true;
    for doc in &docs {
        for span in &doc.spans {
            match &span.text {
                Some(text) => {
                    stated.insert(text.clone());
                }
                None => all_stated = false,
            }
        }
    }
    let mut project = fixture::arabic_project();
    let first_new = project.next_span_id();
    let edit = plan_import(&mut project, docs, &options, &mut report);
    for (file, message) in &report.file_errors {
        if !files.contains(file) {
            return Err(format!(
                "file error for an unknown file {file:?}: {message}"
            ));
        }
    }
    for rejection in &report.rejected {
        if !files.contains(&rejection.file) {
            return Err(format!("rejection names no read file: {rejection:?}"));
        }
    }
    let Some(edit) = edit else { return Ok(()) };
    edit.apply(&mut project)
        .map_err(|e| format!("the planned import does not apply: {e}"))?;
    spans_well_formed(&project)?;
    for doc in project.documents() {
        for span in project.spans_of(doc.id()) {
            if span.id.0 < first_new {
                continue;
            }
            let covered = doc.text().get(span.range()).unwrap_or_default();
            if all_stated && !stated.contains(covered) {
                return Err(format!(
                    "span {:?} covers {covered:?}, which no candidate of the file states",
                    span.id
                ));
            }
        }
    }
    Ok(())
}

fn json_importer(name: &str, format: ImportFormat, seed_paths: &[&str], extension: &str) {
    let budget = Budget::from_env();
    let mutator = Mutator::new(seeds(seed_paths))
        .tokens(&[
            "\"start\":",
            "\"end\":",
            "\"label\":",
            "\"text\":",
            "\"spans\":",
            "\"offset_unit\":\"bytes\"",
            "\"offset_unit\":\"utf16\"",
            "\"labels\":[\"actor\"]",
            "\"result\":",
            "\"value\":",
            "null",
            "true",
            "[]",
            "{}",
            "\"\\ud800\"",
        ])
        .unknown_fields(&[
            "\"zz\":{\"a\":[1,2,{\"b\":null}]},",
            "\"start\":18446744073709551615,",
            "\"text\":\"\\ud800\",",
            "\"id\":1,",
        ]);
    let mut fixed = common_fixed();
    fixed.push(Fixed::new("span beyond the text, reversed, -1", || {
        br#"{"text":"abc","spans":[{"start":2,"end":1,"label":"actor"},{"start":0,"end":18446744073709551615,"label":"actor"},{"start":-1,"end":2,"label":"actor"}],"label":[[2,1,"actor"],[0,99,"claim"],[-1,1,"x"]]}"#.to_vec()
    }));
    if budget.huge_cases() {
        fixed.push(huge_line(
            name,
            "{\"text\":\"",
            "قال ",
            "\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"actor\"}],\"label\":[[0,3,\"actor\"]]}",
        ));
    }
    let dir = scratch();
    let path = dir.path().join(format!("case.{extension}"));
    let check = move |bytes: &[u8]| -> Result<(), String> {
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        check_import(format, std::slice::from_ref(&path), bytes.len())
    };
    fuzz::run(name, budget, mutator, fixed, Arc::new(check));
}

#[test]
fn fuzz_import_jsonl() {
    json_importer(
        "import-jsonl",
        ImportFormat::Jsonl,
        &["tests/golden/fixture.jsonl"],
        "jsonl",
    );
}

#[test]
fn fuzz_import_doccano() {
    json_importer(
        "import-doccano",
        ImportFormat::Doccano,
        &[
            "tests/golden/fixture.doccano.jsonl",
            "tests/golden/fixture.doccano-entities.jsonl",
        ],
        "jsonl",
    );
}

#[test]
fn fuzz_import_label_studio() {
    json_importer(
        "import-label-studio",
        ImportFormat::LabelStudio,
        &["tests/golden/fixture.label-studio.json"],
        "json",
    );
}

/// A brat case is the `.ann` text, then (if present) a record separator and the `.txt` text.
const BRAT_SEPARATOR: u8 = 0x1E;

#[test]
fn fuzz_import_brat() {
    let budget = Budget::from_env();
    let pairs: Vec<Vec<u8>> = (1..=3)
        .filter_map(|n| {
            let ann = seed_file(&format!("tests/golden/brat/doc-{n}.ann"))?;
            let txt = seed_file(&format!("tests/golden/brat/doc-{n}.txt"))?;
            Some([ann, vec![BRAT_SEPARATOR], txt].concat())
        })
        .collect();
    let mutator = Mutator::new(pairs)
        .tokens(&[
            "\tactor 0 3\t",
            "\tclaim 5 2;7 9\t",
            "T1",
            "#1\tAnnotatorNotes T1\t",
            "R1\tRel Arg1:T1 Arg2:T2",
            "E1\t",
            "A1\tNegated T1",
            ";",
        ])
        .unknown_fields(&[]);
    let mut fixed = common_fixed();
    fixed.push(Fixed::new("offsets past the text", || {
        b"T1\tactor 0 18446744073709551615\tx\nT2\tactor 3 1\ty\nT3\tactor 0 1;0 1\tz\n\x1Eabc"
            .to_vec()
    }));
    let dir = scratch();
    let ann = dir.path().join("case.ann");
    let txt = dir.path().join("case.txt");
    let check = move |bytes: &[u8]| -> Result<(), String> {
        let (ann_bytes, txt_bytes) = match bytes.iter().position(|&b| b == BRAT_SEPARATOR) {
            Some(i) => (&bytes[..i], &bytes[i + 1..]),
            None => (bytes, &b"abc def"[..]),
        };
        std::fs::write(&ann, ann_bytes).map_err(|e| e.to_string())?;
        std::fs::write(&txt, txt_bytes).map_err(|e| e.to_string())?;
        check_import(ImportFormat::Brat, std::slice::from_ref(&ann), bytes.len())
    };
    fuzz::run("import-brat", budget, mutator, fixed, Arc::new(check));
}

// ---------------------------------------------------------------------------------------------
// Articles: encoding detection, HTML extraction, the corpus reader.

const ARTICLE_SEEDS: &[&str] = &[
    "../shared/corpus/niger-article.ar.txt",
    "../shared/corpus/udhr.ar.txt",
    "tests/html/niger.html",
    "tests/html/news-portal.html",
    "tests/html/legacy-table.html",
    "tests/html/no-article.html",
];

/// Article seeds, plus a Windows-1256 and a UTF-16 version of the first one.
fn article_seeds() -> Vec<Vec<u8>> {
    let mut all = seeds(ARTICLE_SEEDS);
    if let Some(text) = all.first().and_then(|b| String::from_utf8(b.clone()).ok()) {
        let short: String = text.chars().take(2000).collect();
        all.push(encoding_rs::WINDOWS_1256.encode(&short).0.into_owned());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(short.encode_utf16().flat_map(u16::to_le_bytes));
        all.push(utf16);
    }
    all
}

fn html_tokens() -> &'static [&'static str] {
    &[
        "<p>",
        "</p>",
        "<article>",
        "</article>",
        "<div class=\"content\">",
        "</div>",
        "<script>",
        "</script>",
        "<br>",
        "<meta charset=\"windows-1256\">",
        "<meta charset=\"utf-16\">",
        "<title>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<table><tr><td>",
    ]
}

#[test]
fn fuzz_article_loading() {
    let budget = Budget::from_env();
    let mutator = Mutator::new(article_seeds()).tokens(html_tokens());
    let mut fixed = common_fixed();
    if budget.huge_cases() {
        fixed.push(huge_line("article", "", "قال ", ""));
    }
    let check = |bytes: &[u8]| -> Result<(), String> {
        let _ = isnad::io::encoding::decode(bytes);
        let path = if bytes.len().is_multiple_of(2) {
            Path::new("fuzz/case.html")
        } else {
            Path::new("fuzz/case.txt")
        };
        match isnad::io::article::article_from_bytes(bytes, Some(path)) {
            Ok(article) if article.text.len() > 4 * bytes.len() + 64 => Err(format!(
                "{} bytes of text from {} bytes",
                article.text.len(),
                bytes.len()
            )),
            Ok(_) => Ok(()),
            Err(e) => names_file(&e.to_string(), path),
        }
    };
    fuzz::run("article", budget, mutator, fixed, Arc::new(check));
}

#[test]
fn fuzz_html_extract() {
    let budget = Budget::from_env();
    let mutator = Mutator::new(seeds(&ARTICLE_SEEDS[2..])).tokens(html_tokens());
    let mut fixed = common_fixed();
    fixed.push(Fixed::new("100,000 unclosed <div><p>", || {
        "<div><p>x".repeat(100_000).into_bytes()
    }));
    fixed.push(Fixed::new("100,000 closing tags", || {
        "</div></p></td>".repeat(100_000).into_bytes()
    }));
    if budget.huge_cases() {
        fixed.push(huge_line(
            "html",
            "<html><body><p>",
            "قال ",
            "</p></body></html>",
        ));
    }
    let check = |bytes: &[u8]| -> Result<(), String> {
        let html = String::from_utf8_lossy(bytes);
        let page = isnad::io::html::extract(&html);
        // Entities can grow (`&nGt;` is 6 bytes for 5), paragraphs add blank lines.
        if page.text.len() > 3 * html.len() + 16 {
            return Err(format!(
                "{} bytes of text from {} bytes of HTML",
                page.text.len(),
                html.len()
            ));
        }
        Ok(())
    };
    fuzz::run("html", budget, mutator, fixed, Arc::new(check));
}

#[test]
fn fuzz_corpus_reader() {
    let budget = Budget::from_env();
    let mut all = article_seeds();
    all.extend(seeds(&[
        "tests/golden/fixture.jsonl",
        "tests/golden/fixture.doccano.jsonl",
    ]));
    let mutator = Mutator::new(all)
        .tokens(html_tokens())
        .tokens(&[
            "{\"text\":\"قال\",\"title\":",
            "\"meta\":{\"a\":[1,{}]}",
            "\n",
        ])
        .unknown_fields(&["\"zz\":[[[[[[1]]]]]],", "\"title\":\"\\ud800\","]);
    let mut fixed = common_fixed();
    fixed.push(Fixed::new("JSONL line with 10,000 fields", || {
        let fields: Vec<String> = (0..10_000).map(|i| format!("\"f{i}\":\"v\"")).collect();
        format!("{{\"text\":\"قال\",{}}}", fields.join(",")).into_bytes()
    }));
    if budget.huge_cases() {
        fixed.push(huge_line("corpus JSONL", "{\"text\":\"", "قال ", "\"}"));
    }
    let dir = scratch();
    let files = [
        dir.path().join("case.txt"),
        dir.path().join("case.html"),
        dir.path().join("case.jsonl"),
    ];
    let check = move |bytes: &[u8]| -> Result<(), String> {
        let path = &files[bytes.len() % files.len()];
        std::fs::write(path, bytes).map_err(|e| e.to_string())?;
        let read = read_corpus(
            std::slice::from_ref(path),
            &HashSet::new(),
            &Progress::new(),
        );
        let shown = path.display().to_string();
        for entry in &read.entries {
            if entry.text.is_empty() {
                return Err(format!("empty entry from {}", entry.source_path));
            }
            if !entry.source_path.starts_with(&shown) {
                return Err(format!(
                    "entry source {} is not the file",
                    entry.source_path
                ));
            }
            if entry.title.chars().count() > MAX_TITLE_CHARS + 1 {
                return Err(format!("title of {} chars", entry.title.chars().count()));
            }
            if entry.meta.len() > MAX_META_FIELDS + 1 {
                return Err(format!("{} metadata fields", entry.meta.len()));
            }
        }
        for skipped in &read.report.skipped {
            if !skipped.source.starts_with(&shown) {
                return Err(format!("skipped source {} is not the file", skipped.source));
            }
        }
        Ok(())
    };
    fuzz::run("corpus", budget, mutator, fixed, Arc::new(check));
}

// ---------------------------------------------------------------------------------------------
// Text: tokenizer, sentence splitter, span markup.

#[test]
fn fuzz_tokenizer() {
    use isnad::lang::tokenize::{is_invisible, is_separator, sentences, tokenize};
    use unicode_segmentation::UnicodeSegmentation;

    let budget = Budget::from_env();
    // Paragraph-sized pieces of the corpus: whole articles would make few cases per second.
    let mut all: Vec<Vec<u8>> = seeds(&ARTICLE_SEEDS[..2])
        .iter()
        .flat_map(|article| {
            String::from_utf8_lossy(article)
                .split("\n\n")
                .map(|p| p.as_bytes().to_vec())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    all.push(fixture::TEXT_1.as_bytes().to_vec());
    all.push(fixture::TEXT_2.as_bytes().to_vec());
    all.push("https://example.com/a.b?c=1 و user@example.com. U.S. e.g. this ١٫٥ 1,000".into());
    let mutator = Mutator::new(all).tokens(&[".", "؟", "…", "«", "»", "www.", "https://", "@"]);
    let mut fixed = common_fixed();
    fixed.push(Fixed::new("combining marks after spaces", || {
        " \u{064e}\u{0651} \u{200d}\u{200c}\t\u{0301}"
            .repeat(1000)
            .into_bytes()
    }));
    let check = |bytes: &[u8]| -> Result<(), String> {
        let text = String::from_utf8_lossy(bytes);
        let tokens = tokenize(&text);
        let graphemes: HashSet<usize> = text
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut covered_to = 0;
        for t in &tokens {
            if t.start < covered_to || t.start >= t.end || text.get(t.range()).is_none() {
                return Err(format!(
                    "token {t:?} out of order, empty or off char boundaries"
                ));
            }
            let word = &text[t.range()];
            if word.chars().any(is_separator) {
                return Err(format!("token {word:?} holds a separator"));
            }
            // Boundaries are grapheme boundaries, except where whitespace ends a token before a
            // stray combining mark (the documented exception).
            let after_separator = text[..t.start]
                .chars()
                .next_back()
                .is_some_and(is_separator);
            let before_separator = text[t.end..].chars().next().is_some_and(is_separator);
            if (!graphemes.contains(&t.start) && !after_separator)
                || (!graphemes.contains(&t.end) && !before_separator)
            {
                return Err(format!("token {word:?} at {t:?} splits a grapheme"));
            }
            // Everything between tokens is separators or invisible characters.
            let gap = &text[covered_to..t.start];
            if let Some(c) = gap.chars().find(|&c| !is_separator(c) && !is_invisible(c)) {
                return Err(format!("{c:?} before {t:?} is in no token"));
            }
            covered_to = t.end;
        }
        let rest = &text[covered_to..];
        if let Some(c) = rest.chars().find(|&c| !is_separator(c) && !is_invisible(c)) {
            return Err(format!("{c:?} at the end is in no token"));
        }
        let mut next = 0;
        for s in sentences(&text, &tokens) {
            if s.start != next || s.end <= s.start || s.end > tokens.len() {
                return Err(format!("sentence {s:?} does not continue at token {next}"));
            }
            next = s.end;
        }
        if next != tokens.len() {
            return Err(format!("sentences cover {next} of {} tokens", tokens.len()));
        }
        Ok(())
    };
    fuzz::run("tokenizer", budget, mutator, fixed, Arc::new(check));
}

#[test]
fn fuzz_markup() {
    use isnad::model::markup::{parse, render};

    let budget = Budget::from_env();
    let seeds = vec![
        "[وصل مدربون|actor] عسكريون".into(),
        "[[الرئيس|actor] قال|claim]".into(),
        "[a {1[b|claim] c|actor]1}".into(),
        "\\[x\\] [\\|y|source] 😀 [لا|claim]".into(),
    ];
    let mutator = Mutator::new(seeds).tokens(&["[", "|actor]", "{1[", "]1}", "{2[", "]2}", "\\"]);
    let mut fixed = common_fixed();
    fixed.push(Fixed::new("[x|a] nested 100,000 deep", || {
        let mut text = "[".repeat(100_000);
        text.push('x');
        text.push_str(&"|a]".repeat(100_000));
        text.into_bytes()
    }));
    let check = |bytes: &[u8]| -> Result<(), String> {
        let markup = String::from_utf8_lossy(bytes);
        let Ok(parsed) = parse(&markup) else {
            return Ok(());
        };
        for (range, _) in &parsed.spans {
            if range.start >= range.end || parsed.text.get(range.clone()).is_none() {
                return Err(format!("span {range:?} does not slice the text"));
            }
        }
        let rendered = render(
            &parsed.text,
            parsed.spans.iter().map(|(r, l)| (r.clone(), l)),
        );
        match parse(&rendered) {
            Ok(again) if again == parsed => Ok(()),
            Ok(again) => Err(format!(
                "render then parse changed {parsed:?} into {again:?}"
            )),
            Err(e) => Err(format!("rendered markup {rendered:?} does not parse: {e}")),
        }
    };
    fuzz::run("markup", budget, mutator, fixed, Arc::new(check));
}

// ---------------------------------------------------------------------------------------------
// The harness itself.

/// A run whose check panics on some input must fail, naming the case: otherwise every run above
/// would pass whatever the parsers did.
#[test]
#[should_panic(expected = "NUL bytes: panicked: found a NUL")]
fn the_harness_reports_a_panicking_case() {
    let budget = Budget {
        seconds: 0.0,
        ..Budget::from_env()
    };
    let check = |bytes: &[u8]| -> Result<(), String> {
        assert!(!bytes.contains(&0), "found a NUL");
        Ok(())
    };
    fuzz::run(
        "harness-self-test",
        budget,
        Mutator::new(vec![b"seed".to_vec()]),
        common_fixed(),
        Arc::new(check),
    );
}
