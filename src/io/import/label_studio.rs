//! Reading Label Studio tasks JSON: a list of tasks (or one task object), as Label Studio exports
//! them or as pre-annotations are imported into it.
//!
//! - The text is `data.text`, or else the only string field of `data` besides Isnad's own
//!   `title`, `isnad_id` and `offset_unit` (a task without `data` is its own data).
//! - Spans come from every annotation that is not cancelled (`annotations`, or `completions` in
//!   files of old versions), each read as its own copy of the document whose annotator is the
//!   annotation's `completed_by` (see [`annotator_name`]); a task without one takes them from its
//!   first prediction (no annotator).
//! - A record without `data`, `annotations` and `predictions` that holds regions beside its text
//!   is Label Studio's JSON_MIN export (see `label_studio_min.rs`).
//! - Each `labels` result is a region: `value.start`, `value.end` (code points unless
//!   `data.offset_unit` says otherwise), `value.labels` (one span per label) and, when present,
//!   `value.text`, checked against the document text.
//! - A `textarea` result with the id of a region is that region's note (its lines joined) when
//!   its `from_name` is `note`, else the value of the free-text attribute named by its
//!   `from_name`; a `choices` result with the id of a region is the value of the choice or flag
//!   attribute its `from_name` names (see `attribute_control` in the export).
//! - A `relation` result (`from_id`, `to_id`, `labels`, `direction`) is one relation per label,
//!   from `from_id` to `to_id` (the other way for `"direction": "left"`; two-way ones are
//!   refused).
//! - Any other result (choices or text areas for the whole task, ratings, ...) is listed as not
//!   imported.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Value};

use crate::io::export::attribute_of_control;
use crate::io::import::label_studio_min as json_min;
use crate::io::import::source::json_offset;
use crate::io::import::source::unit_named;
use crate::io::import::{ImportFormat, ImportReport, SourceDocument, SourceRelation, SourceSpan};

/// The `from_name` of the per-region note box (see the export).
const NOTE_NAME: &str = "note";

/// Fields of `data` that Isnad's export adds beside the text.
const METADATA_FIELDS: [&str; 3] = ["title", "isnad_id", "offset_unit"];

/// Reads the tasks of `contents` (from `path`) into `docs`; broken tasks and results go to the
/// report, a file that is not JSON to its file errors.
pub(crate) fn read(
    path: &Path,
    contents: &str,
    docs: &mut Vec<SourceDocument>,
    report: &mut ImportReport,
) {
    let value: Value = match serde_json::from_str(contents) {
        Ok(value) => value,
        Err(e) => {
            report.file_error(path, format!("it is not valid JSON: {e}"));
            return;
        }
    };
    let tasks = match &value {
        Value::Array(tasks) => tasks.as_slice(),
        Value::Object(_) => std::slice::from_ref(&value),
        _ => {
            report.file_error(path, "it is neither a list of tasks nor a task object");
            return;
        }
    };
    for (i, task) in tasks.iter().enumerate() {
        let place = match task.get("id").filter(|id| id.is_number() || id.is_string()) {
            Some(id) => format!("task {} (id {})", i + 1, plain(id)),
            None => format!("task {}", i + 1),
        };
        let Some(task) = task.as_object() else {
            report.reject(path, place, "not a task object");
            continue;
        };
        if let Err(reason) = read_task(path, &place, task, docs, report) {
            report.reject(path, place, reason);
        }
    }
}

/// A JSON string without its quotes; any other value as JSON.
fn plain(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

/// One task's documents: one per annotation kept (each with its annotator), else one with the
/// first prediction's spans, else one without spans; a JSON_MIN record is one annotation. `Err`
/// when the task has no usable text.
fn read_task(
    path: &Path,
    place: &str,
    task: &Map<String, Value>,
    docs: &mut Vec<SourceDocument>,
    report: &mut ImportReport,
) -> Result<(), String> {
    let data = match task.get("data") {
        Some(Value::Object(data)) => data,
        Some(_) => return Err("\"data\" is not an object".to_owned()),
        None if json_min::is_record(task) => {
            return json_min::read_record(path, place, task, docs, report);
        }
        None => task,
    };
    let text = task_text(data, &[])?;
    let unit = match data.get("offset_unit").and_then(Value::as_str) {
        Some(name) => unit_named(name)?,
        None => ImportFormat::LabelStudio.default_unit(),
    };
    refuse_unread_regions(path, place, task, report);
    let document = |spans, relations, annotator| SourceDocument {
        file: path.to_owned(),
        place: place.to_owned(),
        title: data.get("title").and_then(Value::as_str).map(str::to_owned),
        text: text.to_owned(),
        status: None,
        unit,
        spans,
        relations,
        annotator,
    };
    let chosen = chosen_results(task)?;
    if chosen.is_empty() {
        docs.push(document(Vec::new(), Vec::new(), None));
    }
    for chosen in chosen {
        let mut spans = Vec::new();
        let mut relations = Vec::new();
        let mut read = Read {
            spans: &mut spans,
            relations: &mut relations,
        };
        read_result(
            path,
            place,
            &chosen.source,
            chosen.result,
            &mut read,
            report,
        );
        docs.push(document(spans, relations, chosen.annotator));
    }
    Ok(())
}

/// Rejects lists of regions (objects with a start and an end, or `[start, end, label]` triples)
/// under keys of the task this reader does not take spans from, so that spans are never dropped
/// without a word (a doccano `label` list in a Label Studio file, say).
fn refuse_unread_regions(
    path: &Path,
    place: &str,
    task: &Map<String, Value>,
    report: &mut ImportReport,
) {
    const READ: [&str; 4] = ["data", "annotations", "completions", "predictions"];
    for (key, value) in task.iter().filter(|(key, _)| !READ.contains(&key.as_str())) {
        if json_min::region_count(value) > 0 {
            report.reject(
                path,
                format!("{place}, \"{key}\""),
                format!(
                    "{} span{} under \"{key}\" not imported: Label Studio tasks keep spans in \"annotations\" (or, in a JSON_MIN export, beside the text without \"data\"); is this another tool's file?",
                    json_min::region_count(value),
                    crate::io::plural(json_min::region_count(value))
                ),
            );
        }
    }
}

/// Where the results of one annotation go.
struct Read<'a> {
    spans: &'a mut Vec<SourceSpan>,
    relations: &'a mut Vec<SourceRelation>,
}

/// `data.text`, or the only other string field of `data` that is neither Isnad's metadata nor
/// one of `skip`.
pub(super) fn task_text<'a>(
    data: &'a Map<String, Value>,
    skip: &[&str],
) -> Result<&'a str, String> {
    if let Some(text) = data.get("text") {
        return text
            .as_str()
            .ok_or_else(|| "\"data.text\" is not a string".to_owned());
    }
    let strings: Vec<(&String, &str)> = data
        .iter()
        .filter(|(key, _)| {
            !METADATA_FIELDS.contains(&key.as_str()) && !skip.contains(&key.as_str())
        })
        .filter_map(|(key, value)| value.as_str().map(|s| (key, s)))
        .collect();
    match strings.as_slice() {
        [(_, text)] => Ok(text),
        [] => {
            Err("the task has no text: no \"data.text\" and no other string in \"data\"".to_owned())
        }
        many => Err(format!(
            "the task has no \"data.text\" and several string fields ({}): which one is the text is unclear",
            many.iter()
                .map(|(key, _)| key.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// One annotation (or prediction) to read.
struct Chosen<'a> {
    /// Where it is in the task, `"annotation 2"`, `"prediction 1"`.
    source: String,
    /// Its `result` list.
    result: &'a Value,
    /// Who made it (an annotation's `completed_by`).
    annotator: Option<String>,
}

/// The results to read: every annotation not cancelled, else the first prediction; none when
/// the task has neither.
fn chosen_results(task: &Map<String, Value>) -> Result<Vec<Chosen<'_>>, String> {
    for key in ["annotations", "completions"] {
        let Some(list) = task.get(key) else { continue };
        let list = list
            .as_array()
            .ok_or_else(|| format!("\"{key}\" is not a list"))?;
        let kept: Vec<Chosen<'_>> = list
            .iter()
            .enumerate()
            .filter(|(_, a)| a.get("was_cancelled").and_then(Value::as_bool) != Some(true))
            .map(|(i, annotation)| Chosen {
                source: format!("annotation {}", i + 1),
                result: annotation.get("result").unwrap_or(&Value::Null),
                annotator: annotation.get("completed_by").and_then(annotator_name),
            })
            .collect();
        if !kept.is_empty() {
            return Ok(kept);
        }
    }
    match task.get("predictions") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(list)) => Ok(list
            .first()
            .map(|prediction| Chosen {
                source: "prediction 1".to_owned(),
                result: prediction.get("result").unwrap_or(&Value::Null),
                annotator: None,
            })
            .into_iter()
            .collect()),
        Some(_) => Err("\"predictions\" is not a list".to_owned()),
    }
}

/// The annotator named by a `completed_by` (or JSON_MIN `annotator`): a user object's email
/// (else `user ID`), a user id as `user ID`, a name as written.
pub(super) fn annotator_name(value: &Value) -> Option<String> {
    match value {
        Value::Object(user) => user
            .get("email")
            .and_then(Value::as_str)
            .filter(|email| !email.trim().is_empty())
            .map(|email| email.trim().to_owned())
            .or_else(|| user.get("id").and_then(annotator_name)),
        Value::Number(id) => Some(format!("user {id}")),
        Value::String(name) if !name.trim().is_empty() => Some(name.trim().to_owned()),
        _ => None,
    }
}

/// Reads the regions of one annotation (or prediction), their notes and attributes, and the
/// relations between them.
fn read_result(
    path: &Path,
    place: &str,
    source: &str,
    result: &Value,
    read: &mut Read<'_>,
    report: &mut ImportReport,
) {
    let Some(items) = result.as_array() else {
        report.reject(
            path,
            format!("{place}, {source}"),
            "\"result\" is missing or not a list",
        );
        return;
    };
    let region_ids: std::collections::HashSet<&str> = items
        .iter()
        .filter(|item| is_labels(item))
        .filter_map(|item| item.get("id").and_then(Value::as_str))
        .collect();
    let mut notes: HashMap<&str, String> = HashMap::new();
    let mut attributes: HashMap<&str, Vec<(String, String)>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let item_place = match item.get("id").and_then(Value::as_str) {
            Some(id) => format!("{place}, {source}, result {} ({id})", i + 1),
            None => format!("{place}, {source}, result {}", i + 1),
        };
        let kind = item.get("type").and_then(Value::as_str).unwrap_or("");
        if is_labels(item) {
            continue;
        }
        let region = item
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| region_ids.contains(id));
        let control = item.get("from_name").and_then(Value::as_str);
        match (kind, region) {
            ("relation", _) => {
                let relation_place = format!("{source}, result {}", i + 1);
                if let Err(reason) = read_relation(item, &relation_place, read.relations) {
                    report.reject(path, item_place, reason);
                }
            }
            ("textarea", Some(id)) => match (note_text(item), control) {
                (Some(note), None | Some(NOTE_NAME)) => {
                    notes.insert(id, note);
                }
                (Some(text), Some(control)) => attributes
                    .entry(id)
                    .or_default()
                    .push((attribute_of_control(control).to_owned(), text)),
                (None, _) => report.reject(path, item_place, "the text area has no text list"),
            },
            ("choices", Some(id)) => match (choice(item), control) {
                (Ok(value), Some(control)) => attributes
                    .entry(id)
                    .or_default()
                    .push((attribute_of_control(control).to_owned(), value)),
                (Ok(_), None) => report.reject(
                    path,
                    item_place,
                    "a per-region choice without \"from_name\": which attribute it sets is unknown",
                ),
                (Err(reason), _) => report.reject(path, item_place, reason),
            },
            ("textarea" | "choices", None) => report.reject(
                path,
                item_place,
                format!("a «{kind}» result not attached to a labelled region: not imported"),
            ),
            ("", _) => report.reject(
                path,
                item_place,
                "a result without a type and without labels: not imported",
            ),
            (kind, _) => report.reject(
                path,
                item_place,
                format!(
                    "a «{kind}» result is not a span, an attribute or a relation: not imported"
                ),
            ),
        }
    }
    for (i, item) in items.iter().enumerate().filter(|(_, item)| is_labels(item)) {
        let id = item.get("id").and_then(Value::as_str);
        let item_place = match id {
            Some(id) => format!("{source}, result {} ({id})", i + 1),
            None => format!("{source}, result {}", i + 1),
        };
        let mut extra = SourceSpan::new(item_place.clone(), 0, 0, String::new());
        extra.note = id.and_then(|id| notes.get(id)).cloned();
        extra.key = id.map(str::to_owned);
        extra.attributes = id
            .and_then(|id| attributes.get(id))
            .cloned()
            .unwrap_or_default();
        if let Err(reason) = read_region(item, &item_place, &extra, read.spans) {
            report.reject(path, format!("{place}, {item_place}"), reason);
        }
    }
}

/// The one choice of a per-region `choices` result.
fn choice(item: &Value) -> Result<String, String> {
    let choices = item
        .pointer("/value/choices")
        .and_then(Value::as_array)
        .ok_or("\"value.choices\" is missing or not a list")?;
    match choices.as_slice() {
        [Value::String(choice)] => Ok(choice.clone()),
        [_] => Err("the choice is not a string".to_owned()),
        [] => Err("no choice made".to_owned()),
        _ => Err(format!(
            "{} choices made, but an attribute holds one value",
            choices.len()
        )),
    }
}

/// A `relation` result: one relation per label, from `from_id` to `to_id` (reversed for
/// `"direction": "left"`).
fn read_relation(
    item: &Value,
    place: &str,
    relations: &mut Vec<SourceRelation>,
) -> Result<(), String> {
    let end = |name: &str| {
        item.get(name)
            .and_then(Value::as_str)
            .ok_or_else(|| format!("\"{name}\" is missing or not a region id"))
    };
    let (from, to) = (end("from_id")?, end("to_id")?);
    let (head, child) = match item.get("direction").and_then(Value::as_str) {
        None | Some("right") => (from, to),
        Some("left") => (to, from),
        Some("bi") => {
            return Err("a two-way relation: Isnad relations go one way".to_owned());
        }
        Some(other) => return Err(format!("unknown direction «{other}»")),
    };
    let labels: Vec<&str> = match item.get("labels") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(labels)) => labels
            .iter()
            .map(Value::as_str)
            .collect::<Option<Vec<_>>>()
            .ok_or("a label of \"labels\" is not a string")?,
        Some(_) => return Err("\"labels\" is not a list".to_owned()),
    };
    if labels.is_empty() {
        return Err("a relation without a label: every Isnad relation has a type".to_owned());
    }
    let several = labels.len() > 1;
    for (k, label) in labels.into_iter().enumerate() {
        relations.push(SourceRelation {
            place: if several {
                format!("{place}, label {}", k + 1)
            } else {
                place.to_owned()
            },
            kind: label.to_owned(),
            head: head.to_owned(),
            child: child.to_owned(),
            annotator: None,
        });
    }
    Ok(())
}

/// Whether a result is a labelled text region (`"type": "labels"`, or no type and a label list).
fn is_labels(item: &Value) -> bool {
    match item.get("type").and_then(Value::as_str) {
        Some(kind) => kind == "labels",
        None => item.pointer("/value/labels").is_some(),
    }
}

/// The note of a text area result: its lines joined (a single string is taken as is).
fn note_text(item: &Value) -> Option<String> {
    match item.pointer("/value/text")? {
        Value::String(text) => Some(text.clone()),
        Value::Array(lines) => lines
            .iter()
            .map(|line| line.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(|lines| lines.join("\n")),
        _ => None,
    }
}

/// One span per label of a labelled region, with the note, key and attributes of `extra`.
pub(super) fn read_region(
    item: &Value,
    place: &str,
    extra: &SourceSpan,
    spans: &mut Vec<SourceSpan>,
) -> Result<(), String> {
    let value = item
        .get("value")
        .and_then(Value::as_object)
        .ok_or("the region has no \"value\" object")?;
    let offset = |name: &str| {
        value
            .get(name)
            .and_then(json_offset)
            .ok_or_else(|| format!("\"value.{name}\" is missing or not a whole number from 0 up"))
    };
    let (start, end) = (offset("start")?, offset("end")?);
    let labels = value
        .get("labels")
        .and_then(Value::as_array)
        .ok_or("\"value.labels\" is missing or not a list")?;
    if labels.is_empty() {
        return Err("the region has no label".to_owned());
    }
    let labels = labels
        .iter()
        .map(Value::as_str)
        .collect::<Option<Vec<_>>>()
        .ok_or("a label of \"value.labels\" is not a string")?;
    let text = value.get("text").and_then(Value::as_str).map(str::to_owned);
    let several = labels.len() > 1;
    for (k, label) in labels.into_iter().enumerate() {
        spans.push(SourceSpan {
            place: if several {
                format!("{place}, label {}", k + 1)
            } else {
                place.to_owned()
            },
            start,
            end,
            label: label.to_owned(),
            text: text.clone(),
            note: extra.note.clone(),
            key: extra.key.clone(),
            attributes: extra.attributes.clone(),
            annotator: None,
        });
    }
    Ok(())
}
