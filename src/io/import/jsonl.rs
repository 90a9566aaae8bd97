//! Reading native JSONL (see `io/export/jsonl.rs`): `text`, `spans` with `start`, `end`, `label`
//! and optionally `id`, `text`, `note`, `annotator` and `attributes` (`{name: value}`, booleans
//! for flags), `relations` with `head`, `child` (span ids), `label` (the relation type) and
//! optionally `annotator`, and `meta` with `title`, `status` and `offset_unit`.

use std::path::Path;

use serde_json::{Map, Value};

use crate::io::import::source::{json_offset, read_json_lines, read_json_list, unit_named};
use crate::io::import::{ImportFormat, ImportReport, SourceDocument, SourceRelation, SourceSpan};
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
    let spans = read_json_list(value, "spans", "span", (path, place), report, read_span)?;
    let relations = read_json_list(
        value,
        "relations",
        "relation",
        (path, place),
        report,
        read_relation,
    )?;
    Ok(SourceDocument {
        file: path.to_owned(),
        place: place.to_owned(),
        title: field("title").map(str::to_owned),
        text: text.to_owned(),
        status,
        unit,
        spans,
        relations,
        annotator: None,
    })
}

/// The `annotator` of a span or relation: a non-blank string, trimmed.
fn annotator_of(item: &Value) -> Option<String> {
    item.get("annotator")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
}

/// A span id as a key: a string as is, a number as written.
pub(crate) fn key_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn read_relation(item: &Value, place: String) -> Result<SourceRelation, String> {
    let end = |name: &str| {
        item.get(name)
            .and_then(key_of)
            .ok_or_else(|| format!("\"{name}\" is missing or not a span id"))
    };
    let kind = item
        .get("label")
        .and_then(Value::as_str)
        .ok_or("\"label\" (the relation type) is missing or not a string")?;
    Ok(SourceRelation {
        place,
        kind: kind.to_owned(),
        head: end("head")?,
        child: end("child")?,
        annotator: annotator_of(item),
    })
}

/// The `attributes` object of a span as `(name, value)` text pairs (booleans as `true`/`false`).
fn read_attributes(item: &Value) -> Result<Vec<(String, String)>, String> {
    match item.get("attributes") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Object(fields)) => fields
            .iter()
            .map(|(name, value)| match value {
                Value::String(s) => Ok((name.clone(), s.clone())),
                Value::Bool(b) => Ok((name.clone(), b.to_string())),
                _ => Err(format!(
                    "the attribute «{name}» is neither a string nor true or false"
                )),
            })
            .collect(),
        Some(_) => Err("\"attributes\" is not an object".to_owned()),
    }
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
        key: item.get("id").and_then(key_of),
        attributes: read_attributes(item)?,
        annotator: annotator_of(item),
    })
}
