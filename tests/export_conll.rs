//! CoNLL / IOB2 export: golden file, well-formed IOB2, every entity's tokens are the (possibly
//! widened) span text, the loss report names every span left out or changed, and the tokeniser's
//! invariants hold on the shared corpus.

mod fixture;

use std::ops::Range;

use isnad::io::export::{
    self, ExportFormat, ExportOptions, LossKind, LossReport, Progress, TokenEdges,
};
use isnad::lang::tokenize::{Token, is_invisible, is_separator, sentences, tokenize};
use isnad::model::{DocId, Document, LabelId, Project, Span, SpanId};
use unicode_segmentation::UnicodeSegmentation;

const DOCSTART: &str = "-DOCSTART- -X- O O";

fn export_conll(project: &Project, edges: TokenEdges) -> (String, LossReport) {
    let mut options = ExportOptions::new(ExportFormat::Conll);
    options.token_edges = edges;
    let export = export::export(project, &options, &Progress::new()).expect("export");
    assert_eq!(export.files.len(), 1);
    let text = String::from_utf8(export.files[0].bytes.clone()).expect("utf-8");
    (text, export.report)
}

/// One document of a CoNLL file: its sentences of `(token, tag)`.
type ConllDoc = Vec<Vec<(String, String)>>;

/// Reads a CoNLL file strictly: every document starts with the document line and a blank line,
/// every other line is blank or `token<TAB>tag`, and the tags are valid IOB2 with known labels.
fn parse(conll: &str, labels: &[&str]) -> Vec<ConllDoc> {
    assert!(conll.ends_with("\n\n") || conll == format!("{DOCSTART}\n\n"));
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut lines = conll.lines().peekable();
    while let Some(line) = lines.next() {
        if line == DOCSTART {
            assert_eq!(
                lines.next(),
                Some(""),
                "a blank line follows the document line"
            );
            docs.push(Vec::new());
            continue;
        }
        let doc = docs.last_mut().expect("a document line comes first");
        if line.is_empty() {
            continue;
        }
        let mut sentence = Vec::new();
        let mut line = Some(line);
        while let Some(l) = line.filter(|l| !l.is_empty()) {
            let (token, tag) = l.split_once('\t').expect("token<TAB>tag");
            assert!(!token.is_empty() && !token.contains(char::is_whitespace));
            assert!(!tag.contains('\t'));
            sentence.push((token.to_owned(), tag.to_owned()));
            line = lines.next();
        }
        check_iob2(&sentence, labels);
        doc.push(sentence);
    }
    docs
}

fn check_iob2(sentence: &[(String, String)], labels: &[&str]) {
    let mut previous = "O";
    for (token, tag) in sentence {
        if tag != "O" {
            let (prefix, label) = tag.split_at(2);
            assert!(labels.contains(&label), "unknown label in {tag:?}");
            match prefix {
                "B-" => {}
                "I-" => assert!(
                    previous.get(2..) == Some(label) && previous != "O",
                    "{token} {tag} after {previous}: IOB2 entities start with B-"
                ),
                _ => panic!("bad tag {tag:?}"),
            }
        }
        previous = tag;
    }
}

/// The byte ranges of `tokens` in `text`, found in order: each token is the next non-separator
/// text (checks that the file's tokens are the text's, in order, with nothing skipped).
fn locate(text: &str, tokens: &[&str]) -> Vec<Range<usize>> {
    let mut at = 0;
    tokens
        .iter()
        .map(|token| {
            let rest = &text[at..];
            let skipped = rest.len() - rest.trim_start_matches(is_separator).len();
            at += skipped;
            assert!(
                text[at..].starts_with(token),
                "token {token:?} is not next in the text at byte {at}"
            );
            at += token.len();
            at - token.len()..at
        })
        .collect()
}

/// `(label, byte range)` of every B-/I- run of a document.
fn runs(text: &str, doc: &ConllDoc) -> Vec<(String, Range<usize>)> {
    let tokens: Vec<&(String, String)> = doc.iter().flatten().collect();
    let words: Vec<&str> = tokens.iter().map(|(t, _)| t.as_str()).collect();
    let ranges = locate(text, &words);
    assert!(
        text[ranges.last().map_or(0, |r| r.end)..]
            .chars()
            .all(|c| is_separator(c) || is_invisible(c)),
        "the tokens cover the whole text"
    );
    let mut out: Vec<(String, Range<usize>)> = Vec::new();
    for ((_, tag), range) in tokens.iter().zip(ranges) {
        if let Some(label) = tag.strip_prefix("B-") {
            out.push((label.to_owned(), range));
        } else if tag.starts_with("I-") {
            out.last_mut().expect("I- follows B-").1.end = range.end;
        }
    }
    out
}

/// Checks every run against the spans of `project`: each run is a span written (not dropped),
/// with its label, covering exactly its text or, if the report says it was widened, its text
/// plus the rest of the tokens its edges fall in. Every span not dropped has its run.
fn check_runs(project: &Project, conll: &str, report: &LossReport, labels: &[&str]) {
    let docs = parse(conll, labels);
    assert_eq!(docs.len(), project.document_count());
    let mut written = 0;
    for (doc, parsed) in project.documents().zip(&docs) {
        let text = doc.text();
        let lost = |span: &Span, kind: LossKind| {
            report
                .losses
                .iter()
                .any(|l| l.doc_id == doc.id().0 && l.span_id == span.id.0 && l.kind == kind)
        };
        let dropped = |span: &Span| {
            report
                .losses
                .iter()
                .any(|l| l.doc_id == doc.id().0 && l.span_id == span.id.0 && l.kind.is_dropped())
        };
        let kept: Vec<&Span> = project
            .spans_of(doc.id())
            .iter()
            .filter(|s| !dropped(s))
            .collect();
        let runs = runs(text, parsed);
        assert_eq!(runs.len(), kept.len(), "one run per span written");
        for ((label, run), span) in runs.iter().zip(&kept) {
            assert_eq!(label, span.label.as_str());
            let span_text = text[span.range()].trim_matches(is_separator);
            if lost(span, LossKind::WidenedToTokens) {
                assert!(run.start <= span.start && span.end <= run.end);
                assert!(run.start < span.start || span.end < run.end);
                // The added text is the rest of the edge tokens: no separator in it.
                assert!(!text[run.start..span.start].contains(is_separator));
                assert!(!text[span.end..run.end].contains(is_separator));
            } else {
                assert_eq!(&text[run.clone()], span_text);
            }
            written += 1;
        }
    }
    assert_eq!(written, report.written());
}

fn fixture_labels() -> Vec<&'static str> {
    vec!["actor", "claim", "source"]
}

#[test]
fn matches_the_golden_file() {
    // The default (split): the fixture has no span edge inside a token, so the file is the same
    // with `expand` (checked below) and the golden file did not change with the new default.
    let (conll, _) = export_conll(&fixture::arabic_project(), TokenEdges::Split);
    let (expand, _) = export_conll(&fixture::arabic_project(), TokenEdges::Expand);
    assert_eq!(conll, expand);
    let golden = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/fixture.conll");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(golden, &conll).expect("write golden");
    }
    let expected = std::fs::read_to_string(golden).expect("golden file");
    assert_eq!(conll, expected);
}

#[test]
fn fixture_is_well_formed_and_every_run_is_its_span() {
    let project = fixture::arabic_project();
    let (conll, report) = export_conll(&project, TokenEdges::Expand);
    check_runs(&project, &conll, &report, &fixture_labels());
    let docs = parse(&conll, &fixture_labels());
    // Sentences: two in the first document (a full stop, a line break, a full stop), two in the
    // second (؟ and .), none in the empty third.
    let counts: Vec<usize> = docs.iter().map(Vec::len).collect();
    assert_eq!(counts, [2, 2, 0]);
    let first: Vec<&str> = docs[0][0].iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(&first[..3], ["😀", "قال", "المتحدثُ"]);
    let second: Vec<&str> = docs[0][1].iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(&second[..2], ["👍🏽", "وأكّد"]);
}

#[test]
fn the_loss_report_lists_overlapping_and_nested_spans_and_notes() {
    let (_, report) = export_conll(&fixture::arabic_project(), TokenEdges::Expand);
    let losses: Vec<(LossKind, u64)> = report.losses.iter().map(|l| (l.kind, l.span_id)).collect();
    // s4 (five tokens) beats s3 (overlapping) and s5 (nested); s1 beats s2 (nested). s1 and s4
    // are written without their notes.
    assert_eq!(
        losses,
        [
            (LossKind::NoteDropped, 1),
            (LossKind::Overlapping, 2),
            (LossKind::Overlapping, 3),
            (LossKind::NoteDropped, 4),
            (LossKind::Overlapping, 5),
        ]
    );
    assert_eq!(report.dropped(), 3);
    assert_eq!(report.written(), fixture::SPANS.len() - 3);
    let shown = report.to_string();
    assert!(
        shown.starts_with("conll: 3 documents, 7 of 10 spans written\n"),
        "{shown}"
    );
    assert!(shown.contains("3 spans left out: overlaps or nests inside another span:"));
    assert!(
        shown.contains("span 3 (source) [28, 39): «إنّ «الوفدَ»"),
        "{shown}"
    );
    assert!(
        shown.contains("span 5 (claim) [40, 47): «لا يزال»"),
        "{shown}"
    );
    assert!(
        shown.contains("span 2 (actor) [20, 27): «الوزارة»"),
        "{shown}"
    );
}

/// A project of one document with spans at the given byte ranges, all labelled `claim` but the
/// first `actor`.
fn project_with(text: &str, ranges: &[Range<usize>]) -> Project {
    let mut project = Project::default();
    let doc = Document::new(DocId(1), "اختبار", None, text);
    project.insert_document(doc, Vec::new()).expect("document");
    for (i, range) in ranges.iter().enumerate() {
        let label = if i == 0 { "actor" } else { "claim" };
        let span = Span::new(
            SpanId(i as u64 + 1),
            DocId(1),
            range.clone(),
            LabelId::new(label).expect("label"),
        );
        project.insert_span(span).expect("span");
    }
    project
}

/// The byte range of `needle` in `text`.
fn find(text: &str, needle: &str) -> Range<usize> {
    let at = text.find(needle).expect("needle in text");
    at..at + needle.len()
}

const EDGES: &str = "قال المتحدثُ باسم الوزارة إن 25٪ من   الناخبين صوّتوا.";

fn edge_project() -> Project {
    let text = EDGES;
    project_with(
        text,
        &[
            // Inside a token at the start (without the article).
            find(text, "متحدثُ باسم"),
            // Inside a token at the end: the number without the percent sign is a whole token.
            find(text, "الوزارة إن 25"),
            // Whitespace at both edges: trimmed, not widened.
            find(text, " الناخبين "),
            // Only whitespace: no token.
            find(text, "   "),
            // Inside one token at both ends.
            find(text, "وّتو"),
        ],
    )
}

#[test]
fn expand_widens_spans_cut_inside_a_token_and_says_so() {
    let project = edge_project();
    let (conll, report) = export_conll(&project, TokenEdges::Expand);
    check_runs(&project, &conll, &report, &fixture_labels());
    let losses: Vec<(LossKind, u64)> = report.losses.iter().map(|l| (l.kind, l.span_id)).collect();
    assert_eq!(
        losses,
        [
            (LossKind::WidenedToTokens, 1),
            (LossKind::NoToken, 4),
            (LossKind::WidenedToTokens, 5)
        ]
    );
    assert!(
        conll.contains("المتحدثُ\tB-actor\nباسم\tI-actor\n"),
        "{conll}"
    );
    assert!(conll.contains("صوّتوا\tB-claim\n"), "{conll}");
}

#[test]
fn report_mode_leaves_out_spans_cut_inside_a_token() {
    let project = edge_project();
    let (conll, report) = export_conll(&project, TokenEdges::Report);
    check_runs(&project, &conll, &report, &fixture_labels());
    let losses: Vec<(LossKind, u64)> = report.losses.iter().map(|l| (l.kind, l.span_id)).collect();
    assert_eq!(
        losses,
        [
            (LossKind::InsideToken, 1),
            (LossKind::NoToken, 4),
            (LossKind::InsideToken, 5)
        ]
    );
    assert!(conll.contains("المتحدثُ\tO\nباسم\tO\n"), "{conll}");
    assert!(conll.contains("صوّتوا\tO\n"), "{conll}");
    assert!(conll.contains("الوزارة\tB-claim\nإن\tI-claim\n25\tI-claim\n٪\tO\n"));
    assert_eq!(report.written(), 2);
}

#[test]
fn overlaps_are_decided_on_tokens_longest_then_first() {
    let text = "قال المتحدثُ باسم الوزارة اليوم";
    let project = project_with(
        text,
        &[
            // Span 1 and span 2 share no character but the token المتحدثُ once widened.
            find(text, "المتحد"),
            find(text, "ثُ باسم"),
            find(text, "الوزارة اليوم"),
            find(text, "باسم الوزارة"),
        ],
    );
    let (conll, report) = export_conll(&project, TokenEdges::Expand);
    check_runs(&project, &conll, &report, &fixture_labels());
    let losses: Vec<(LossKind, u64)> = report.losses.iter().map(|l| (l.kind, l.span_id)).collect();
    // Spans 2, 4 and 3 all have two tokens: span 2 starts first and is kept, span 4 shares باسم
    // with it, span 3 is free. Span 1 has one token, already taken.
    assert_eq!(
        losses,
        [
            (LossKind::Overlapping, 1),
            (LossKind::WidenedToTokens, 2),
            (LossKind::Overlapping, 4)
        ]
    );
    assert!(
        conll.contains(
            "قال\tO\nالمتحدثُ\tB-claim\nباسم\tI-claim\nالوزارة\tB-claim\nاليوم\tI-claim\n"
        )
    );
}

#[test]
fn a_span_across_a_full_stop_keeps_its_sentences_together() {
    let text = "قال الوزير. إن الوفد وصل. ثم غادر.";
    let project = project_with(text, &[find(text, "الوزير. إن الوفد")]);
    let (conll, report) = export_conll(&project, TokenEdges::Expand);
    assert!(report.is_complete(), "{report}");
    check_runs(&project, &conll, &report, &fixture_labels());
    let docs = parse(&conll, &fixture_labels());
    let sentences: Vec<Vec<&str>> = docs[0]
        .iter()
        .map(|s| s.iter().map(|(t, _)| t.as_str()).collect())
        .collect();
    assert_eq!(
        sentences,
        [
            vec!["قال", "الوزير", ".", "إن", "الوفد", "وصل", "."],
            vec!["ثم", "غادر", "."]
        ]
    );
}

#[test]
fn empty_and_blank_documents_are_the_document_line_alone() {
    for text in ["", " \n\t "] {
        let mut project = Project::default();
        let doc = Document::new(DocId(1), "فارغ", None, text);
        project.insert_document(doc, Vec::new()).expect("document");
        let (conll, report) = export_conll(&project, TokenEdges::Expand);
        assert_eq!(conll, format!("{DOCSTART}\n\n"));
        assert!(report.is_complete());
    }
}

#[test]
fn cancelling_stops_the_export() {
    let progress = Progress::new();
    progress.cancel();
    let result = export::export(
        &fixture::arabic_project(),
        &ExportOptions::new(ExportFormat::Conll),
        &progress,
    );
    assert!(matches!(result, Err(export::ExportError::Cancelled)));
}

/// Checks the tokeniser's promises on `text`.
fn check_tokens(text: &str) -> Vec<Token> {
    let tokens = tokenize(text);
    let graphemes: Vec<usize> = text
        .grapheme_indices(true)
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut covered = 0;
    for token in &tokens {
        assert!(token.start < token.end, "{token:?} is empty");
        assert!(covered <= token.start, "{token:?} overlaps the one before");
        let word = &text[token.range()];
        assert!(!word.contains(is_separator), "{word:?} holds whitespace");
        assert!(!word.chars().all(is_invisible), "{word:?} is invisible");
        for edge in [token.start, token.end] {
            assert!(
                graphemes.binary_search(&edge).is_ok(),
                "{word:?} cuts a grapheme at {edge}"
            );
        }
        let gap = &text[covered..token.start];
        assert!(
            gap.chars().all(|c| is_separator(c) || is_invisible(c)),
            "{gap:?} is left out"
        );
        covered = token.end;
    }
    assert!(
        text[covered..]
            .chars()
            .all(|c| is_separator(c) || is_invisible(c))
    );
    let sentences = sentences(text, &tokens);
    let mut next = 0;
    for sentence in &sentences {
        assert_eq!(sentence.start, next);
        assert!(sentence.start < sentence.end);
        next = sentence.end;
    }
    assert_eq!(next, tokens.len());
    tokens
}

fn corpus(path: &str) -> String {
    std::fs::read_to_string(path).expect("the shared corpus")
}

#[test]
fn tokeniser_invariants_hold_on_the_corpus() {
    for text in [
        corpus(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/niger-article.ar.txt"
        )),
        corpus(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpus/udhr.ar.txt"
        )),
        fixture::TEXT_1.to_owned(),
        fixture::TEXT_2.to_owned(),
    ] {
        let tokens = check_tokens(&text);
        assert!(tokens.len() > 10);
        // Every window of the text, starting and ending anywhere (even between a letter and its
        // haraka), keeps the promises too.
        let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for (k, &start) in starts.iter().enumerate().step_by(7) {
            let end = starts.get(k + 40).copied().unwrap_or(text.len());
            check_tokens(&text[start..end]);
        }
    }
}

#[test]
fn corpus_tokens_keep_numbers_percent_and_acronyms() {
    let text = corpus(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/niger-article.ar.txt"
    ));
    let words: Vec<&str> = tokenize(&text).iter().map(|t| &text[t.range()]).collect();
    let has = |w: &str| words.contains(&w);
    assert!(has("٪") && has("38"), "38٪ is a number and a percent sign");
    assert!(has("CNSP") && has("أيضًا") && has("،"));
    assert!(
        !words
            .iter()
            .any(|w| w.ends_with('٪') && w.len() > '٪'.len_utf8())
    );
}

#[test]
fn split_is_the_default_and_writes_clitics_as_tokens_of_their_own() {
    let text = "وقال رئيس والمجلس العسكري لمجموعة الصحفيين.";
    let project = project_with(
        text,
        &[
            find(text, "المجلس العسكري"),
            find(text, "مجموعة"),
            find(text, "قال"),
        ],
    );
    let export = export::export(
        &project,
        &ExportOptions::new(ExportFormat::Conll),
        &Progress::new(),
    )
    .expect("export");
    let conll = String::from_utf8(export.files[0].bytes.clone()).expect("utf-8");
    assert!(export.report.is_complete(), "{}", export.report);
    check_runs(&project, &conll, &export.report, &fixture_labels());
    let expected = "و\tO\nقال\tB-claim\nرئيس\tO\nو\tO\nالمجلس\tB-actor\nالعسكري\tI-actor\n\
                    ل\tO\nمجموعة\tB-claim\nالصحفيين\tO\n.\tO\n";
    assert_eq!(conll, format!("{DOCSTART}\n\n{expected}\n"));
}

#[test]
fn split_keeps_every_written_span_exact_on_the_corpus() {
    // Spans starting and ending anywhere (inside words, after clitics, between a letter and its
    // haraka); overlapping ones are still left out (one tag per token), the others are exact.
    let text = corpus(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/niger-article.ar.txt"
    ));
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let ranges: Vec<Range<usize>> = (0..bounds.len())
        .step_by(23)
        .filter_map(|k| Some(bounds[k]..*bounds.get(k + 1 + k % 19)?))
        .collect();
    let project = project_with(&text, &ranges);
    let (conll, report) = export_conll(&project, TokenEdges::Split);
    // check_runs: every run written is its span's text exactly (none is widened).
    check_runs(&project, &conll, &report, &fixture_labels());
    let kinds: std::collections::BTreeSet<LossKind> =
        report.losses.iter().map(|l| l.kind).collect();
    assert!(
        kinds.is_subset(&[LossKind::NoToken].into_iter().collect()),
        "{kinds:?}"
    );
    assert!(report.written() > 100, "{}", report.written());
}
