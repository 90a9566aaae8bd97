//! The `.spacy` file: a DocBin as spaCy 3's `DocBin.to_bytes` writes it, zlib-compressed
//! msgpack:
//!
//! ```text
//! {"version": "0.1", "attrs": [ORTH, SENT_START], "tokens": <uint64 LE, one row per word>,
//!  "spaces": <one byte per word>, "lengths": <int32 LE per doc>, "strings": [sorted strings],
//!  "cats": [{}…], "flags": [{"has_unknown_spaces": false}…],
//!  "span_groups": [<msgpack {<SpanGroup bytes>: ["sc"]}>…],
//!  "user_data": [<msgpack {("._.", "isnad_id", None, None): "doc-1", … "title" …}>…]}
//! ```
//! A SpanGroup is msgpack `{"name": "sc", "attrs": {}, "spans": [<struct ">QQQllll": id, kb_id,
//! label, start word, end word, start char, end char>…]}` (chars are code points).

use std::collections::BTreeSet;
use std::io::Write;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use rmpv::Value;

use crate::io::export::spacy::strings::string_id;
use crate::io::export::spacy::words::Word;

/// spaCy's attribute id of `ORTH` (`spacy.attrs.ORTH`).
const ORTH: u64 = 65;
/// spaCy's attribute id of `SENT_START` (`spacy.attrs.SENT_START`).
const SENT_START: u64 = 80;
/// The span group every span goes into (spaCy's spancat default key).
pub(crate) const SPAN_GROUP: &str = "sc";

/// One span of a document, in words and code points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DocBinSpan<'a> {
    /// The label.
    pub(crate) label: &'a str,
    /// First word.
    pub(crate) start: usize,
    /// Word after the last.
    pub(crate) end: usize,
    /// Start in code points.
    pub(crate) start_char: usize,
    /// End in code points (exclusive).
    pub(crate) end_char: usize,
}

/// One document to add.
pub(crate) struct DocBinDoc<'a> {
    /// The text the words index.
    pub(crate) text: &'a str,
    /// Its words.
    pub(crate) words: &'a [Word],
    /// For each word, whether it starts a sentence.
    pub(crate) sent_starts: &'a [bool],
    /// Its spans.
    pub(crate) spans: &'a [DocBinSpan<'a>],
    /// Stored as `doc._.isnad_id`.
    pub(crate) id: &'a str,
    /// Stored as `doc._.title`.
    pub(crate) title: &'a str,
}

/// A DocBin being filled.
#[derive(Default)]
pub(crate) struct DocBin {
    tokens: Vec<u8>,
    spaces: Vec<u8>,
    lengths: Vec<u8>,
    strings: BTreeSet<String>,
    span_groups: Vec<Value>,
    user_data: Vec<Value>,
    docs: usize,
}

/// Why a DocBin could not be encoded.
pub(crate) type EncodeError = String;

impl DocBin {
    /// Adds one document.
    pub(crate) fn add(&mut self, doc: &DocBinDoc<'_>) -> Result<(), EncodeError> {
        for (i, word) in doc.words.iter().enumerate() {
            let text = doc.text.get(word.start..word.end).unwrap_or_default();
            self.tokens
                .extend_from_slice(&string_id(text).to_le_bytes());
            // spaCy writes SENT_START -1 (not a start) as the uint64 of -1.
            let start: u64 = if doc.sent_starts.get(i) == Some(&true) {
                1
            } else {
                u64::MAX
            };
            self.tokens.extend_from_slice(&start.to_le_bytes());
            self.spaces.push(u8::from(word.space));
            if !self.strings.contains(text) {
                self.strings.insert(text.to_owned());
            }
        }
        self.lengths
            .extend_from_slice(&int32(doc.words.len())?.to_le_bytes());
        for span in doc.spans {
            if !self.strings.contains(span.label) {
                self.strings.insert(span.label.to_owned());
            }
        }
        self.span_groups
            .push(Value::Binary(span_groups(doc.spans)?));
        self.user_data
            .push(Value::Binary(user_data(doc.id, doc.title)?));
        self.docs += 1;
        Ok(())
    }

    /// The `.spacy` file bytes.
    pub(crate) fn into_bytes(self) -> Result<Vec<u8>, EncodeError> {
        let docs = self.docs;
        let many = |value: Value| Value::Array(vec![value; docs]);
        let msg = map(vec![
            ("version", Value::from("0.1")),
            (
                "attrs",
                Value::Array(vec![Value::from(ORTH), Value::from(SENT_START)]),
            ),
            ("tokens", Value::Binary(self.tokens)),
            ("spaces", Value::Binary(self.spaces)),
            ("lengths", Value::Binary(self.lengths)),
            (
                "strings",
                Value::Array(self.strings.into_iter().map(Value::from).collect()),
            ),
            ("cats", many(Value::Map(Vec::new()))),
            (
                "flags",
                many(map(vec![("has_unknown_spaces", Value::from(false))])),
            ),
            ("span_groups", Value::Array(self.span_groups)),
            ("user_data", Value::Array(self.user_data)),
        ]);
        let packed = pack(&msg)?;
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(&packed).map_err(|e| e.to_string())?;
        encoder.finish().map_err(|e| e.to_string())
    }
}

/// A msgpack map with string keys.
fn map(entries: Vec<(&str, Value)>) -> Value {
    Value::Map(
        entries
            .into_iter()
            .map(|(key, value)| (Value::from(key), value))
            .collect(),
    )
}

/// The msgpack bytes of `value`.
fn pack(value: &Value) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::new();
    rmpv::encode::write_value(&mut out, value).map_err(|e| e.to_string())?;
    Ok(out)
}

/// `n` as spaCy's int32 fields hold it.
fn int32(n: usize) -> Result<i32, EncodeError> {
    i32::try_from(n).map_err(|_| format!("{n} does not fit spaCy's 32-bit offsets"))
}

/// `SpanGroups.to_bytes` of a doc whose only group is `sc` holding `spans`. A document without
/// spans still gets an empty `sc` group, so `doc.spans["sc"]` works on every document.
fn span_groups(spans: &[DocBinSpan<'_>]) -> Result<Vec<u8>, EncodeError> {
    let mut packed = Vec::with_capacity(spans.len());
    for span in spans {
        let mut bytes = Vec::with_capacity(40);
        bytes.extend_from_slice(&0u64.to_be_bytes()); // id
        bytes.extend_from_slice(&0u64.to_be_bytes()); // kb_id
        bytes.extend_from_slice(&string_id(span.label).to_be_bytes());
        for n in [span.start, span.end, span.start_char, span.end_char] {
            bytes.extend_from_slice(&int32(n)?.to_be_bytes());
        }
        packed.push(Value::Binary(bytes));
    }
    let group = pack(&map(vec![
        ("name", Value::from(SPAN_GROUP)),
        ("attrs", Value::Map(Vec::new())),
        ("spans", Value::Array(packed)),
    ]))?;
    pack(&Value::Map(vec![(
        Value::Binary(group),
        Value::Array(vec![Value::from(SPAN_GROUP)]),
    )]))
}

/// `doc.user_data` holding the extension attributes `doc._.isnad_id` and `doc._.title` (keys as
/// spaCy writes them: `("._.", name, None, None)`).
fn user_data(id: &str, title: &str) -> Result<Vec<u8>, EncodeError> {
    let key = |name: &str| {
        Value::Array(vec![
            Value::from("._."),
            Value::from(name),
            Value::Nil,
            Value::Nil,
        ])
    };
    pack(&Value::Map(vec![
        (key("isnad_id"), Value::from(id)),
        (key("title"), Value::from(title)),
    ]))
}
