//! Reading Label Studio's JSON_MIN export: one record per annotation (a task annotated by three
//! people is three records with the same `id` and text), each holding the task's data fields
//! beside the results under their control's name (`from_name`), with the `type` dropped:
//! `{"text": "…", "id": 7, "label": [{"start": 0, "end": 5, "text": "…", "labels": ["actor"]}],
//! "annotator": 1, "annotation_id": 12, "created_at": …, "updated_at": …, "lead_time": …}`.
//!
//! - Every list of regions (objects with `start`, `end` and `labels`) gives spans, one per label;
//!   `annotator` (a user id, read as `user N`, or an email) is the record's annotator.
//! - JSON_MIN keeps no region ids, so relations, notes and per-region choices cannot be tied to
//!   their spans: other lists are reported as not imported (export JSON for those).

use std::path::Path;

use serde_json::{Map, Value};

use crate::io::import::label_studio::{annotator_name, read_region, task_text};
use crate::io::import::source::unit_named;
use crate::io::import::{ImportFormat, ImportReport, SourceDocument, SourceSpan};

/// Keys JSON_MIN adds to a record besides the task's data and the results.
const BOOKKEEPING: [&str; 7] = [
    "id",
    "annotator",
    "annotation_id",
    "created_at",
    "updated_at",
    "lead_time",
    "agreement",
];

/// Keys of a full Label Studio task, which a JSON_MIN record never has.
const TASK_KEYS: [&str; 5] = [
    "data",
    "annotations",
    "completions",
    "predictions",
    "result",
];

/// How many items of `value` look like regions: objects with a `start` and an `end`, or
/// `[start, end, "label"]` triples (a doccano span).
pub(super) fn region_count(value: &Value) -> usize {
    let Some(items) = value.as_array() else {
        return 0;
    };
    items
        .iter()
        .filter(|item| match item {
            Value::Object(fields) => fields.contains_key("start") && fields.contains_key("end"),
            Value::Array(parts) => {
                parts.len() == 3 && parts[0].is_u64() && parts[1].is_u64() && parts[2].is_string()
            }
            _ => false,
        })
        .count()
}

/// Whether a task object without `data` is a JSON_MIN record: it has none of the keys of a full
/// task, and either JSON_MIN's `annotator` / `annotation_id` or a list of regions.
pub(super) fn is_record(task: &Map<String, Value>) -> bool {
    !TASK_KEYS.iter().any(|key| task.contains_key(*key))
        && (task.contains_key("annotation_id")
            || task.contains_key("annotator")
            || task.values().any(|value| region_count(value) > 0))
}

/// One record's document (its annotator's copy); unreadable regions and results that cannot be
/// imported go to the report. `Err` when the record has no usable text.
pub(super) fn read_record(
    path: &Path,
    place: &str,
    record: &Map<String, Value>,
    docs: &mut Vec<SourceDocument>,
    report: &mut ImportReport,
) -> Result<(), String> {
    let lists: Vec<&str> = record
        .iter()
        .filter(|(key, value)| value.is_array() && !BOOKKEEPING.contains(&key.as_str()))
        .map(|(key, _)| key.as_str())
        .collect();
    let mut skip: Vec<&str> = BOOKKEEPING.to_vec();
    skip.extend(&lists);
    let text = task_text(record, &skip)?;
    let unit = match record.get("offset_unit").and_then(Value::as_str) {
        Some(name) => unit_named(name)?,
        None => ImportFormat::LabelStudio.default_unit(),
    };
    let mut spans: Vec<SourceSpan> = Vec::new();
    for key in lists {
        let value = &record[key];
        if region_count(value) == 0 {
            report.reject(
                path,
                format!("{place}, \"{key}\""),
                format!(
                    "the «{key}» results are not spans: not imported (JSON_MIN keeps no link between a region and its notes, choices or relations; export Label Studio's JSON for those)"
                ),
            );
            continue;
        }
        for (i, region) in value.as_array().into_iter().flatten().enumerate() {
            let region_place = format!("\"{key}\" region {}", i + 1);
            let wrapped = Value::Object(Map::from_iter([("value".to_owned(), region.clone())]));
            let extra = SourceSpan::new(region_place.clone(), 0, 0, String::new());
            if let Err(reason) = read_region(&wrapped, &region_place, &extra, &mut spans) {
                report.reject(path, format!("{place}, {region_place}"), reason);
            }
        }
    }
    docs.push(SourceDocument {
        file: path.to_owned(),
        place: place.to_owned(),
        title: record
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_owned),
        text: text.to_owned(),
        status: None,
        unit,
        spans,
        relations: Vec::new(),
        annotator: record.get("annotator").and_then(annotator_name),
    });
    Ok(())
}
