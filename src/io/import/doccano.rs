//! Reading doccano JSONL, one document per line, each line in either form:
//! - `label` form: `{"text":"…","label":[[start,end,"label"],…]}` (older doccano versions write
//!   `"labels"`; items may also be `{"start_offset","end_offset","label"}` objects);
//! - `entities` form: `{"text":"…","entities":[{"id","label","start_offset","end_offset"}],
//!   "relations":[…]}`;
//! - `annotations` form of doccano 1.0–1.2: `{"text":"…","annotations":[{"label","start_offset",
//!   "end_offset","user"}]}`, each span's `user` (a name, or a user id read as `user N`) its
//!   annotator.
//!
//! doccano without collaborative annotation exports one file per member, `USERNAME.jsonl`, whose
//! lines name nobody: importing with `--split-annotators` takes the file name as the annotator
//! (see `split.rs`).
//!
//! Offsets are UTF-16 code units unless the line states `"offset_unit"` (at the top level, where
//! Isnad's export and doccano's own export of metadata put it, or inside `"meta"`); `"title"` is
//! read from the same places. Relations (`{"id","from_id","to_id","type"}`, ends by entity id)
//! are read in the `entities` form.

use std::path::Path;

use serde_json::{Map, Value};

use crate::io::import::jsonl::key_of;
use crate::io::import::source::{json_offset, read_json_lines, read_json_list, unit_named};
use crate::io::import::{ImportFormat, ImportReport, SourceDocument, SourceRelation, SourceSpan};

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
    line: &Map<String, Value>,
    report: &mut ImportReport,
) -> Result<SourceDocument, String> {
    let text = line
        .get("text")
        .and_then(Value::as_str)
        .ok_or("the line has no \"text\" string")?;
    let meta = line.get("meta");
    let field = |name: &str| {
        line.get(name)
            .or_else(|| meta.and_then(|m| m.get(name)))
            .and_then(Value::as_str)
    };
    let unit = match field("offset_unit") {
        Some(name) => unit_named(name)?,
        None => ImportFormat::Doccano.default_unit(),
    };
    let mut spans = Vec::new();
    for (key, item_name) in [
        ("entities", "entity"),
        ("label", "label"),
        ("labels", "label"),
        ("annotations", "annotation"),
    ] {
        spans.extend(read_json_list(
            line,
            key,
            item_name,
            (path, place),
            report,
            read_span,
        )?);
    }
    let relations = read_json_list(
        line,
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
        status: None,
        unit,
        spans,
        relations,
        annotator: None,
    })
}

/// `{"id", "from_id", "to_id", "type"}`: a relation from the entity `from_id` to `to_id`.
fn read_relation(item: &Value, place: String) -> Result<SourceRelation, String> {
    let end = |name: &str| {
        item.get(name)
            .and_then(key_of)
            .ok_or_else(|| format!("\"{name}\" is missing or not an entity id"))
    };
    let kind = item
        .get("type")
        .and_then(Value::as_str)
        .ok_or("\"type\" is missing or not a string")?;
    Ok(SourceRelation {
        place,
        kind: kind.to_owned(),
        head: end("from_id")?,
        child: end("to_id")?,
        annotator: None,
    })
}

/// A `[start, end, "label"]` triple or a `{"start_offset", "end_offset", "label"}` object.
fn read_span(item: &Value, place: String) -> Result<SourceSpan, String> {
    let (start, end, label, key, user) = match item {
        Value::Array(parts) if parts.len() == 3 => (&parts[0], &parts[1], &parts[2], None, None),
        Value::Object(fields) => {
            let get = |name: &str| fields.get(name).ok_or(format!("\"{name}\" is missing"));
            let key = fields.get("id").and_then(key_of);
            let user = fields.get("user").and_then(user_name);
            (
                get("start_offset")?,
                get("end_offset")?,
                get("label")?,
                key,
                user,
            )
        }
        _ => {
            return Err(
                "not a span: expected [start, end, \"label\"] or {\"start_offset\", \"end_offset\", \"label\"}"
                    .to_owned(),
            );
        }
    };
    let offset = |value: &Value, name: &str| {
        json_offset(value)
            .ok_or_else(|| format!("the {name} offset is not a whole number from 0 up"))
    };
    let label = match label {
        Value::String(label) => label.clone(),
        Value::Number(n) => {
            return Err(format!(
                "the label is the number {n}, not a name (an id of a doccano label type?)"
            ));
        }
        _ => return Err("the label is not a string".to_owned()),
    };
    let mut span = SourceSpan::new(place, offset(start, "start")?, offset(end, "end")?, label);
    span.key = key;
    span.annotator = user;
    Ok(span)
}

/// A doccano `user`: a name as written, a user id as `user N`.
fn user_name(value: &Value) -> Option<String> {
    match value {
        Value::String(name) if !name.trim().is_empty() => Some(name.trim().to_owned()),
        Value::Number(id) => Some(format!("user {id}")),
        _ => None,
    }
}
