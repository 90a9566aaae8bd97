//! Reading native JSONL (see `io/export/jsonl.rs`): `text`, `spans` with `start`, `end`, `label`
//! and optionally `text` and `note`, and `meta` with `title`, `status` and `offset_unit`.

use std::path::Path;

use serde_json::{Map, Value};

use crate::io::import::source::{json_offset, read_json_lines, unit_named};
use crate::io::import::{ImportFormat, ImportReport, SourceDocument, SourceSpan};
use crate::model::DocumentStatus;

/// Reads every line of `contents` (from `path`) into `docs`; broken lines and spans go to the
/// report.
pub(crate) fn read(
    path: &Path,
    contents: &str,
    docs: &mut Vec<SourceDocument>,
    report: &mut ImportReport,
) {
    read_json_lines(path, contents, docs, report, |place, line, report| {
        read_document(path, place, line, report)
    });
}

/// One line's document; `Err` when the line has no usable text.
fn read_document(
    path: &Path,
    place: &str,
    value: &Map<String, Value>,
    report: &mut ImportReport,
) -> Result<SourceDocument, String> {
    let text = value
        .get("text")
        .and_then(Value::as_str)
        .ok_or("the line has no \"text\" string")?;
    let meta = value.get("meta");
    let field = |name: &str| {
        meta.and_then(|m| m.get(name))
            .or_else(|| value.get(name))
            .and_then(Value::as_str)
    };
    let unit = match field("offset_unit") {
        None => ImportFormat::Jsonl.default_unit(),
        Some(name) => unit_named(name)?,
    };
    let status = match field("status") {
        Some("new") => Some(DocumentStatus::New),
        Some("in_progress") => Some(DocumentStatus::InProgress),
        Some("done") => Some(DocumentStatus::Done),
        _ => None,
    };
    let mut spans = Vec::new();
    match value.get("spans") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let span_place = format!("span {}", i + 1);
                match read_span(item, span_place.clone()) {
                    Ok(span) => spans.push(span),
                    Err(reason) => report.reject(path, format!("{place}, {span_place}"), reason),
                }
            }
        }
        Some(_) => return Err("\"spans\" is not a list".to_owned()),
    }
    Ok(SourceDocument {
        file: path.to_owned(),
        place: place.to_owned(),
        title: field("title").map(str::to_owned),
        text: text.to_owned(),
        status,
        unit,
        spans,
    })
}

fn read_span(item: &Value, place: String) -> Result<SourceSpan, String> {
    let offset = |name: &str| {
        item.get(name)
            .and_then(json_offset)
            .ok_or_else(|| format!("\"{name}\" is missing or not a whole number from 0 up"))
    };
    let label = item
        .get("label")
        .and_then(Value::as_str)
        .ok_or("\"label\" is missing or not a string")?;
    Ok(SourceSpan {
        place,
        start: offset("start")?,
        end: offset("end")?,
        label: label.to_owned(),
        text: item.get("text").and_then(Value::as_str).map(str::to_owned),
        note: item.get("note").and_then(Value::as_str).map(str::to_owned),
    })
}
