//! What a format reader produces: documents with candidate spans, not yet validated.

use std::io::Read as _;
use std::path::Path;

use crate::io::import::MAX_IMPORT_FILE_BYTES;
use crate::model::DocumentStatus;
use crate::model::offsets::OffsetUnit;

/// One span as the file states it, offsets in the document's [`SourceDocument::unit`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSpan {
    /// Where it is in the file, for the report (`"line 3, span 2"`, `"T4"`).
    pub place: String,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// The label as written in the file (an id or a display name).
    pub label: String,
    /// The text the file says the span covers, if it says.
    pub text: Option<String>,
    /// A note on the span, if the format has them.
    pub note: Option<String>,
    /// The span's id in the file (`"s1"`, `"T4"`, `"12"`), by which relations name their ends.
    pub key: Option<String>,
    /// Attribute values as the file writes them, `(name, value)`: choice ids, free text, and
    /// `true`/`false` (or `yes`/`no`) for flags; checked against the label's declarations later.
    pub attributes: Vec<(String, String)>,
    /// Who made the span, if the file says per span (native JSONL `annotator`); otherwise the
    /// document's [`SourceDocument::annotator`] applies.
    pub annotator: Option<String>,
}

impl SourceSpan {
    /// A span without note, key or attributes.
    pub fn new(place: String, start: usize, end: usize, label: String) -> Self {
        Self {
            place,
            start,
            end,
            label,
            text: None,
            note: None,
            key: None,
            attributes: Vec::new(),
            annotator: None,
        }
    }
}

/// One relation as the file states it: its ends by their [`SourceSpan::key`] in the same
/// document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRelation {
    /// Where it is in the file, for the report (`"line 3, relation 2"`, `"R4"`).
    pub place: String,
    /// The relation type as written (an id or a display name).
    pub kind: String,
    /// The key of the head span (where the relation starts).
    pub head: String,
    /// The key of the child span (where it points).
    pub child: String,
    /// Who made the relation, if the file says per relation; otherwise the document's
    /// [`SourceDocument::annotator`] applies.
    pub annotator: Option<String>,
}

/// One document as the file states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceDocument {
    /// The file it came from.
    pub file: std::path::PathBuf,
    /// Where it is in the file, for the report (`"line 3"`, `"task 2"`).
    pub place: String,
    /// A title, if the file has one (otherwise the first words of the text are used).
    pub title: Option<String>,
    /// The text.
    pub text: String,
    /// The annotation status, if the file has one.
    pub status: Option<DocumentStatus>,
    /// The unit of the offsets of `spans`.
    pub unit: OffsetUnit,
    /// The candidate spans.
    pub spans: Vec<SourceSpan>,
    /// The candidate relations between them.
    pub relations: Vec<SourceRelation>,
    /// Who annotated this copy of the document, if the file says (a Label Studio annotation's
    /// `completed_by`, a JSON_MIN record's `annotator`, a doccano line's `user`). A task
    /// annotated by several people is read as one source document per annotation, all with the
    /// same text.
    pub annotator: Option<String>,
}

/// Reads a UTF-8 text file (a UTF-8 BOM is dropped) of at most [`MAX_IMPORT_FILE_BYTES`]; the
/// error is a sentence for the report.
pub fn read_text_file(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot open it: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_IMPORT_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > MAX_IMPORT_FILE_BYTES {
        return Err(format!(
            "it is larger than the import limit of {} MB",
            MAX_IMPORT_FILE_BYTES / (1024 * 1024)
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) if !text.contains('\0') => Ok(text.to_owned()),
        Ok(_) => Err("it holds NUL bytes: not a text file".to_owned()),
        Err(e) => Err(format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        )),
    }
}

/// A JSON number as an offset: a whole number from 0 up; `None` otherwise.
pub(crate) fn json_offset(value: &serde_json::Value) -> Option<usize> {
    value.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// The unit named by an `offset_unit` value (`utf16`, `code_points` or `bytes`).
pub(crate) fn unit_named(name: &str) -> Result<OffsetUnit, String> {
    match name {
        "utf16" => Ok(OffsetUnit::Utf16),
        "code_points" => Ok(OffsetUnit::CodePoints),
        "bytes" => Ok(OffsetUnit::Bytes),
        other => Err(format!(
            "unknown offset_unit «{other}» (expected utf16, code_points or bytes)"
        )),
    }
}

/// Reads a JSONL file: each non-blank line must be a JSON object, which `read_line` turns into a
/// document (given the line's place, `"line 3"`); broken lines are rejected with the reason.
pub(crate) fn read_json_lines(
    path: &Path,
    contents: &str,
    docs: &mut Vec<SourceDocument>,
    report: &mut crate::io::import::ImportReport,
    mut read_line: impl FnMut(
        &str,
        &serde_json::Map<String, serde_json::Value>,
        &mut crate::io::import::ImportReport,
    ) -> Result<SourceDocument, String>,
) {
    for (n, line) in contents.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let place = format!("line {}", n + 1);
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(value) => value,
            Err(e) => {
                report.reject(path, place, format!("not a JSON object: {e}"));
                continue;
            }
        };
        let Some(object) = value.as_object() else {
            report.reject(path, place, "not a JSON object");
            continue;
        };
        match read_line(&place, object, report) {
            Ok(doc) => docs.push(doc),
            Err(reason) => report.reject(path, place, reason),
        }
    }
}

/// The JSON list `object[key]`, read item by item with `read`: readable items are returned, an
/// unreadable one is rejected in `report` at `"{place}, {item_name} N"` and the others still read.
/// An absent or `null` key is an empty list; anything else but a list is an error.
pub(crate) fn read_json_list<T>(
    object: &serde_json::Map<String, serde_json::Value>,
    key: &str,
    item_name: &str,
    (path, place): (&Path, &str),
    report: &mut crate::io::import::ImportReport,
    read: impl Fn(&serde_json::Value, String) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    use serde_json::Value;
    match object.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let item_place = format!("{item_name} {}", i + 1);
                match read(item, item_place.clone()) {
                    Ok(value) => out.push(value),
                    Err(reason) => report.reject(path, format!("{place}, {item_place}"), reason),
                }
            }
            Ok(out)
        }
        Some(_) => Err(format!("\"{key}\" is not a list")),
    }
}
