//! spaCy export: the native JSONL plus a `.spacy` DocBin, decoded here (zlib + msgpack) the way
//! spaCy's `DocBin.from_bytes` and `get_docs` read it.

mod fixture;

use std::io::Read;

use isnad::io::export::spacy::{murmurhash64a, string_id};
use isnad::io::export::{
    self, ExportFile, ExportFormat, ExportOptions, FilePlace, LossKind, Progress, TokenEdges,
};
use isnad::lang::tokenize::{sentences, tokenize};
use isnad::model::{DocId, Document, LabelId, Project, Span, SpanId};
use rmpv::Value;

/// One document of a decoded DocBin.
#[derive(Debug)]
struct SpacyDoc {
    /// `(word, trailing space)`.
    words: Vec<(String, bool)>,
    /// `SENT_START` of each word (1, or u64::MAX for -1).
    sent_starts: Vec<u64>,
    /// `(label, start word, end word, start char, end char)` of the `sc` group.
    spans: Vec<(String, i32, i32, i32, i32)>,
    /// `doc._.isnad_id` and `doc._.title`.
    id: String,
    title: String,
}

impl SpacyDoc {
    /// `doc.text`.
    fn text(&self) -> String {
        self.words
            .iter()
            .map(|(w, space)| if *space { format!("{w} ") } else { w.clone() })
            .collect()
    }

    /// `span.text` of words `start..end`: their text with spaces, less the last trailing space.
    fn span_text(&self, start: i32, end: i32) -> String {
        let mut text = String::new();
        let words = &self.words[start as usize..end as usize];
        for (i, (word, space)) in words.iter().enumerate() {
            text.push_str(word);
            if *space && i + 1 < words.len() {
                text.push(' ');
            }
        }
        text
    }

    /// The code-point offset where word `i` starts.
    fn char_of_word(&self, i: usize) -> usize {
        self.words[..i]
            .iter()
            .map(|(w, space)| w.chars().count() + usize::from(*space))
            .sum()
    }
}

fn get<'a>(map: &'a Value, key: &str) -> &'a Value {
    map.as_map()
        .expect("a map")
        .iter()
        .find(|(k, _)| k.as_str() == Some(key))
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("no key {key:?}"))
}

fn unpack(bytes: &[u8]) -> Value {
    let mut reader = bytes;
    let value = rmpv::decode::read_value(&mut reader).expect("msgpack");
    assert!(reader.is_empty(), "trailing bytes after the msgpack value");
    value
}

fn binary(value: &Value) -> &[u8] {
    value.as_slice().expect("binary")
}

fn array(value: &Value) -> &[Value] {
    value.as_array().expect("array")
}

/// Decodes a `.spacy` file as spaCy 3's `DocBin.from_bytes` + `get_docs` do.
fn decode(bytes: &[u8]) -> (Vec<String>, Vec<SpacyDoc>) {
    let mut packed = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .read_to_end(&mut packed)
        .expect("zlib");
    let msg = unpack(&packed);
    assert_eq!(get(&msg, "version").as_str(), Some("0.1"));
    // ORTH and SENT_START, as spacy.attrs numbers them.
    let attrs: Vec<u64> = array(get(&msg, "attrs"))
        .iter()
        .map(|a| a.as_u64().expect("attr id"))
        .collect();
    assert_eq!(attrs, [65, 80]);
    let strings: Vec<String> = array(get(&msg, "strings"))
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect();
    let mut sorted = strings.clone();
    sorted.sort();
    assert_eq!(strings, sorted, "strings are written sorted");
    let by_id = |id: u64| {
        strings
            .iter()
            .find(|s| string_id(s) == id)
            .unwrap_or_else(|| panic!("string {id} is not in the strings list"))
            .clone()
    };
    let u64s: Vec<u64> = binary(get(&msg, "tokens"))
        .chunks(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect();
    let spaces = binary(get(&msg, "spaces"));
    let lengths: Vec<usize> = binary(get(&msg, "lengths"))
        .chunks(4)
        .map(|c| i32::from_le_bytes(c.try_into().expect("4 bytes")) as usize)
        .collect();
    assert_eq!(u64s.len(), 2 * spaces.len());
    assert_eq!(lengths.iter().sum::<usize>(), spaces.len());
    let n = lengths.len();
    for key in ["cats", "flags", "span_groups", "user_data"] {
        assert_eq!(array(get(&msg, key)).len(), n, "{key}");
    }
    for flags in array(get(&msg, "flags")) {
        assert_eq!(get(flags, "has_unknown_spaces").as_bool(), Some(false));
    }

    let mut docs = Vec::new();
    let mut at = 0;
    for (i, length) in lengths.into_iter().enumerate() {
        let range = at..at + length;
        at += length;
        let words = range
            .clone()
            .map(|w| (by_id(u64s[2 * w]), spaces[w] == 1))
            .collect();
        let sent_starts = range.map(|w| u64s[2 * w + 1]).collect();
        let groups = binary(&array(get(&msg, "span_groups"))[i]);
        let spans = decode_span_groups(groups, &by_id);
        let user_data = unpack(binary(&array(get(&msg, "user_data"))[i]));
        let extension = |name: &str| {
            let key = Value::Array(vec![
                Value::from("._."),
                Value::from(name),
                Value::Nil,
                Value::Nil,
            ]);
            user_data
                .as_map()
                .expect("user data map")
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, v)| v.as_str())
                .expect("extension attribute")
                .to_owned()
        };
        docs.push(SpacyDoc {
            words,
            sent_starts,
            spans,
            id: extension("isnad_id"),
            title: extension("title"),
        });
    }
    (strings, docs)
}

/// `SpanGroups.from_bytes` of `{<SpanGroup bytes>: ["sc"]}`: every document has the `sc` group.
fn decode_span_groups(
    bytes: &[u8],
    by_id: &dyn Fn(u64) -> String,
) -> Vec<(String, i32, i32, i32, i32)> {
    let groups = unpack(bytes);
    let groups = groups.as_map().expect("span groups map");
    assert_eq!(groups.len(), 1);
    let (group, keys) = &groups[0];
    assert_eq!(array(keys), [Value::from("sc")]);
    let group = unpack(binary(group));
    assert_eq!(get(&group, "name").as_str(), Some("sc"));
    array(get(&group, "spans"))
        .iter()
        .map(|span| {
            // struct ">QQQllll": id, kb_id, label, start, end, start_char, end_char.
            let b = binary(span);
            assert_eq!(b.len(), 40);
            let q = |i: usize| u64::from_be_bytes(b[i..i + 8].try_into().expect("8"));
            let l = |i: usize| i32::from_be_bytes(b[i..i + 4].try_into().expect("4"));
            assert_eq!((q(0), q(8)), (0, 0));
            (by_id(q(16)), l(24), l(28), l(32), l(36))
        })
        .collect()
}

fn export_files(project: &Project, edges: TokenEdges) -> (Vec<ExportFile>, export::LossReport) {
    let mut options = ExportOptions::new(ExportFormat::Spacy);
    options.token_edges = edges;
    let export = export::export(project, &options, &Progress::new()).expect("export");
    (export.files, export.report)
}

fn docbin_of(files: &[ExportFile]) -> (Vec<String>, Vec<SpacyDoc>) {
    let file = files
        .iter()
        .find(|f| f.place == FilePlace::Beside("spacy"))
        .expect("a .spacy file");
    decode(&file.bytes)
}

#[test]
fn writes_the_native_jsonl_and_a_docbin_beside_it() {
    let project = fixture::arabic_project();
    let (files, report) = export_files(&project, TokenEdges::Expand);
    assert!(report.is_complete(), "{report}");
    assert_eq!(files.len(), 2);
    let jsonl = export::export(
        &project,
        &ExportOptions::new(ExportFormat::Jsonl),
        &Progress::new(),
    )
    .expect("jsonl export");
    assert_eq!(files[0].place, FilePlace::Main);
    assert_eq!(files[0].bytes, jsonl.files[0].bytes);
    let out = std::path::Path::new("dir/out.jsonl");
    assert_eq!(files[1].path(out), std::path::Path::new("dir/out.spacy"));

    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.jsonl");
    let progress = Progress::new();
    let export = export::export(
        &project,
        &ExportOptions::new(ExportFormat::Spacy),
        &progress,
    )
    .expect("export");
    // Three documents, each visited once per file.
    assert_eq!(progress.get(), (6, 6));
    let written = export::write_export(&export, &out).expect("write");
    assert_eq!(written, [out.clone(), dir.path().join("out.spacy")]);
    let (_, docs) = decode(&std::fs::read(&written[1]).expect("read .spacy"));
    assert_eq!(docs.len(), 3);
}

#[test]
fn docbin_text_is_every_document_text_exactly() {
    let project = fixture::arabic_project();
    let (files, _) = export_files(&project, TokenEdges::Expand);
    let (strings, docs) = docbin_of(&files);
    let texts: Vec<&str> = project.documents().map(|d| d.text()).collect();
    assert_eq!(docs.len(), texts.len());
    for (doc, text) in docs.iter().zip(&texts) {
        assert_eq!(doc.text(), *text);
        // Every token of the tokenizer is a word (whitespace words come on top).
        for token in tokenize(text) {
            assert!(strings.iter().any(|s| *s == text[token.range()]));
        }
        assert!(doc.words.iter().all(|(w, _)| !w.is_empty()));
    }
    // The empty document has no words.
    assert!(docs[2].words.is_empty());
    let ids: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.title.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("doc-1", "بيان الوزارة"),
            ("doc-2", "استطلاع"),
            ("doc-3", "فارغ")
        ]
    );
}

#[test]
fn every_span_is_in_the_sc_group_with_its_label_and_text() {
    let project = fixture::arabic_project();
    let (files, _) = export_files(&project, TokenEdges::Expand);
    let (strings, docs) = docbin_of(&files);
    let mut total = 0;
    for (doc, spacy) in project.documents().zip(&docs) {
        let spans = project.spans_of(doc.id());
        assert_eq!(spacy.spans.len(), spans.len());
        for (span, (label, start, end, start_char, end_char)) in spans.iter().zip(&spacy.spans) {
            assert_eq!(label, span.label.as_str());
            assert!(strings.contains(label));
            let chars = |byte: usize| doc.text()[..byte].chars().count() as i32;
            assert_eq!(
                (*start_char, *end_char),
                (chars(span.start), chars(span.end))
            );
            assert_eq!(spacy.char_of_word(*start as usize) as i32, *start_char);
            assert_eq!(
                spacy.span_text(*start, *end),
                &doc.text()[span.range()],
                "span {}",
                span.id.0
            );
            total += 1;
        }
    }
    assert_eq!(total, fixture::SPANS.len());
}

#[test]
fn sentence_starts_follow_the_tokenizer() {
    let project = fixture::arabic_project();
    let (files, _) = export_files(&project, TokenEdges::Expand);
    let (_, docs) = docbin_of(&files);
    for (doc, spacy) in project.documents().zip(&docs) {
        let tokens = tokenize(doc.text());
        let expected = sentences(doc.text(), &tokens).len();
        let starts = spacy.sent_starts.iter().filter(|s| **s == 1).count();
        assert_eq!(starts, expected, "{}", doc.title());
        assert!(spacy.sent_starts.iter().all(|s| *s == 1 || *s == u64::MAX));
        assert!(spacy.sent_starts.first().is_none_or(|s| *s == 1));
    }
}

/// A project of one document with spans given as `(covered text, label)` (first occurrence).
fn one_document(text: &str, spans: &[(&str, &str)]) -> Project {
    let mut project = Project::default();
    let doc = Document::new(DocId(1), "doc", None, text);
    project.insert_document(doc, Vec::new()).expect("document");
    for (n, (covered, label)) in spans.iter().enumerate() {
        let start = text.find(covered).expect("span text");
        let span = Span::new(
            SpanId(n as u64 + 1),
            DocId(1),
            start..start + covered.len(),
            LabelId::new(*label).expect("label"),
        );
        project.insert_span(span).expect("span");
    }
    project
}

#[test]
fn whitespace_becomes_words_as_spacy_tokenizes_it() {
    let text = "  قال  الوزير\nX ذلك \t";
    let project = one_document(text, &[]);
    let (files, _) = export_files(&project, TokenEdges::Expand);
    let (_, docs) = docbin_of(&files);
    // spaCy 3.8.18: `[(t.text, t.whitespace_ == " ", t.orth) for t in spacy.blank("ar")(text)]`.
    let spacy: [(&str, bool, u64); 8] = [
        ("  ", false, 12127836336259238092),
        ("قال", true, 3271224664869921545),
        (" ", false, 8532415787641010193),
        ("الوزير", false, 3653483908896612018),
        ("\n", false, 962983613142996970),
        ("X", true, 101),
        ("ذلك", true, 3069608991766182388),
        ("\t", false, 8369835018492280547),
    ];
    let words: Vec<(&str, bool, u64)> = docs[0]
        .words
        .iter()
        .map(|(w, space)| (w.as_str(), *space, string_id(w)))
        .collect();
    assert_eq!(words, spacy);
    assert_eq!(docs[0].text(), text);
}

#[test]
fn string_ids_are_spacys() {
    // spaCy 3.8.18: `spacy.strings.hash_string(s)` (murmurhash's hash64, seed 1) and
    // `nlp.vocab.strings["X"]` (a symbol); lengths 1 to 16 bytes cover every tail length.
    let expected: [(&str, u64); 9] = [
        ("a", 11901859001352538922),
        ("ab", 6606101647874324205),
        ("abcdefg", 18200195881963043692),
        ("abcdefghi", 13885881106499164936),
        ("abcdefghijklmnop", 12213882378445362951),
        ("لافروف", 14840006341618716702),
        ("😀", 13900606239988879105),
        ("actor", 6917656656232907963),
        ("X", 101),
    ];
    for (string, id) in expected {
        assert_eq!(string_id(string), id, "{string:?}");
    }
    // `spacy.strings.hash_string("X")` hashes without looking at symbols.
    assert_eq!(murmurhash64a(b"X", 1), 4918752717281726814);
    assert_eq!(string_id(""), 0);
}

#[test]
fn spans_inside_tokens_are_widened_or_reported() {
    let text = "قال الوزير: نعم";
    // "وزير" starts inside the token الوزير; "قال" is whole.
    let project = one_document(text, &[("وزير", "actor"), ("قال", "source")]);

    let (files, report) = export_files(&project, TokenEdges::Report);
    let kinds: Vec<(LossKind, u64, &str)> = report
        .losses
        .iter()
        .map(|l| (l.kind, l.span_id, l.text.as_str()))
        .collect();
    assert_eq!(kinds, [(LossKind::InsideToken, 1, "وزير")]);
    assert_eq!(report.written(), 1);
    let (_, docs) = docbin_of(&files);
    let spans: Vec<(&str, String)> = docs[0]
        .spans
        .iter()
        .map(|(label, s, e, _, _)| (label.as_str(), docs[0].span_text(*s, *e)))
        .collect();
    assert_eq!(spans, [("source", "قال".to_owned())]);
    // The JSONL beside keeps both spans with their exact offsets.
    let jsonl = String::from_utf8(files[0].bytes.clone()).expect("utf-8");
    assert!(jsonl.contains(r#""start":6,"end":10,"label":"actor","text":"وزير""#));

    let (files, report) = export_files(&project, TokenEdges::Expand);
    let kinds: Vec<(LossKind, u64)> = report.losses.iter().map(|l| (l.kind, l.span_id)).collect();
    assert_eq!(kinds, [(LossKind::WidenedToTokens, 1)]);
    assert_eq!(report.written(), 2);
    let (_, docs) = docbin_of(&files);
    let spans: Vec<(&str, String, i32, i32)> = docs[0]
        .spans
        .iter()
        .map(|(label, s, e, sc, ec)| (label.as_str(), docs[0].span_text(*s, *e), *sc, *ec))
        .collect();
    assert_eq!(
        spans,
        [
            ("source", "قال".to_owned(), 0, 3),
            ("actor", "الوزير".to_owned(), 4, 10)
        ]
    );
}

#[test]
fn spans_starting_or_ending_on_whitespace_stay_exact() {
    let text = "قال الوزير\n\nنعم";
    // A span with a leading space (not قال's trailing space then), one of two line breaks alone.
    let project = one_document(text, &[(" الوزير", "actor"), ("\n", "claim")]);
    let (files, report) = export_files(&project, TokenEdges::Report);
    assert!(report.is_complete(), "{report}");
    let (_, docs) = docbin_of(&files);
    assert_eq!(docs[0].text(), text);
    let texts: Vec<String> = docs[0]
        .spans
        .iter()
        .map(|(_, s, e, _, _)| docs[0].span_text(*s, *e))
        .collect();
    assert_eq!(texts, [" الوزير", "\n"]);
}

/// A project of one document with spans at the given byte ranges, labelled in turn `actor`,
/// `claim`, `source`.
fn spans_at(text: &str, ranges: &[std::ops::Range<usize>]) -> Project {
    let mut project = Project::default();
    let doc = Document::new(DocId(1), "doc", None, text);
    project.insert_document(doc, Vec::new()).expect("document");
    for (n, range) in ranges.iter().enumerate() {
        let label = ["actor", "claim", "source"][n % 3];
        let span = Span::new(
            SpanId(n as u64 + 1),
            DocId(1),
            range.clone(),
            LabelId::new(label).expect("label"),
        );
        project.insert_span(span).expect("span");
    }
    project
}

/// Checks, as spaCy's `doc.char_span(start_char, end_char)` would find it, that every span of the
/// decoded DocBin starts and ends on word edges, at its code points, and covers exactly the
/// characters of the project's span. Returns how many spans were checked.
fn check_exact_spans(project: &Project, docs: &[SpacyDoc]) -> usize {
    let mut checked = 0;
    for (doc, spacy) in project.documents().zip(docs) {
        let text = doc.text();
        assert_eq!(spacy.text(), text);
        let spans = project.spans_of(doc.id());
        assert_eq!(
            spacy.spans.len(),
            spans.len(),
            "every span is in the DocBin"
        );
        for (span, (label, start, end, start_char, end_char)) in spans.iter().zip(&spacy.spans) {
            assert_eq!(label, span.label.as_str());
            let chars = |byte: usize| text[..byte].chars().count();
            assert_eq!(
                (*start_char as usize, *end_char as usize),
                (chars(span.start), chars(span.end))
            );
            // char_span: a word starts at start_char and a word ends at end_char.
            let last = *end as usize - 1;
            let last_end = spacy.char_of_word(last) + spacy.words[last].0.chars().count();
            assert_eq!(spacy.char_of_word(*start as usize), *start_char as usize);
            assert_eq!(last_end, *end_char as usize, "span {}", span.id.0);
            assert_eq!(spacy.span_text(*start, *end), &text[span.range()]);
            checked += 1;
        }
    }
    checked
}

#[test]
fn split_is_the_default_and_keeps_clitic_spans_exact() {
    // The spans of the issue: المجلس of والمجلس, مجموعة of لمجموعة.
    let text = "وقال رئيس والمجلس العسكري لمجموعة الصحفيين";
    let at = |s: &str| text.find(s).expect("in text");
    let project = spans_at(
        text,
        &[
            at("المجلس")..at(" العسكري"),
            at("مجموعة")..at(" الصحفيين"),
            at("قال")..at(" رئيس"),
        ],
    );
    assert_eq!(
        ExportOptions::new(ExportFormat::Spacy).token_edges,
        TokenEdges::Split
    );
    let export = export::export(
        &project,
        &ExportOptions::new(ExportFormat::Spacy),
        &Progress::new(),
    )
    .expect("export");
    assert!(export.report.is_complete(), "{}", export.report);
    let (_, docs) = docbin_of(&export.files);
    let words: Vec<(&str, bool)> = docs[0]
        .words
        .iter()
        .map(|(w, space)| (w.as_str(), *space))
        .collect();
    assert_eq!(
        words,
        [
            ("و", false),
            ("قال", true),
            ("رئيس", true),
            ("و", false),
            ("المجلس", true),
            ("العسكري", true),
            ("ل", false),
            ("مجموعة", true),
            ("الصحفيين", false),
        ]
    );
    assert_eq!(check_exact_spans(&project, &docs), 3);
    // The same spans with `expand` are widened to the whole words, and said so.
    let (files, report) = export_files(&project, TokenEdges::Expand);
    assert_eq!(report.losses.len(), 3);
    assert!(
        report
            .losses
            .iter()
            .all(|l| l.kind == LossKind::WidenedToTokens)
    );
    let (_, docs) = docbin_of(&files);
    let widened: Vec<String> = docs[0]
        .spans
        .iter()
        .map(|(_, s, e, _, _)| docs[0].span_text(*s, *e))
        .collect();
    assert_eq!(widened, ["وقال", "والمجلس", "لمجموعة"]);
}

#[test]
fn split_keeps_every_span_exact_on_the_corpus() {
    // Spans starting and ending anywhere (between any two characters, so inside words, after
    // clitics, between a letter and its haraka, on whitespace), overlapping each other.
    for path in ["niger-article.ar.txt", "udhr.ar.txt"] {
        let full = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");
        let text = std::fs::read_to_string(format!("{full}{path}")).expect("the shared corpus");
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let ranges: Vec<std::ops::Range<usize>> = (0..bounds.len())
            .step_by(11)
            .filter_map(|k| Some(bounds[k]..*bounds.get(k + 1 + k % 37)?))
            .collect();
        assert!(ranges.len() > 100);
        let project = spans_at(&text, &ranges);
        let (files, report) = export_files(&project, TokenEdges::Split);
        assert!(report.is_complete(), "{report}");
        let (_, docs) = docbin_of(&files);
        assert_eq!(check_exact_spans(&project, &docs), ranges.len());
        assert!(docs[0].words.iter().all(|(w, _)| !w.is_empty()));
    }
}
