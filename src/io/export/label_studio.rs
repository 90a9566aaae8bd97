//! Label Studio tasks JSON, one task per document, and the labelling config beside it:
//!
//! ```text
//! [
//! {"id":1,"data":{"text":"…","title":"…","isnad_id":"doc-1","offset_unit":"code_points"},"annotations":[{"result":[
//!   {"id":"s1","from_name":"label","to_name":"text","type":"labels","value":{"start":6,"end":27,"text":"…","labels":["source"]}},
//!   {"id":"s1","from_name":"note","to_name":"text","type":"textarea","value":{"start":6,"end":27,"text":["the note"]}}]}]}
//! ]
//! ```
//! Each span is a `labels` region whose id is the span's (`s1`); a note is the region's per-region
//! `TextArea` result: same id, the region's offsets and the note as a one-line list, which is how
//! Label Studio itself saves a `perRegion` text area. Nothing is lost. Offsets are code points
//! (Label Studio's own unit) unless the user asked otherwise; `data.offset_unit` says which.
//! A document without spans gets no annotation (so Label Studio shows it as still to label) unless
//! it is marked done.

use serde::Serialize;

use crate::io::export::doc_view::span_key;
use crate::io::export::{DocView, ExportError, ExportFile, FilePlace, LossReport, Progress};
use crate::model::{DocumentStatus, Project};

/// The name of the `Labels` control in the config and in results.
pub(crate) const LABELS_NAME: &str = "label";
/// The name of the `Text` object.
pub(crate) const TEXT_NAME: &str = "text";
/// The name of the per-region `TextArea` holding notes.
pub(crate) const NOTE_NAME: &str = "note";

/// One task.
#[derive(Serialize)]
struct Task<'a> {
    id: u64,
    data: TaskData<'a>,
    annotations: Vec<Annotation<'a>>,
}

/// The task's data: the text and the document's metadata.
#[derive(Serialize)]
struct TaskData<'a> {
    text: &'a str,
    title: &'a str,
    isnad_id: String,
    offset_unit: &'static str,
}

/// One annotation: the regions and their notes.
#[derive(Serialize)]
struct Annotation<'a> {
    result: Vec<Region<'a>>,
}

/// One result of an annotation.
#[derive(Serialize)]
struct Region<'a> {
    id: String,
    from_name: &'static str,
    to_name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: RegionValue<'a>,
}

/// The value of a labelled region or of its note.
#[derive(Serialize)]
#[serde(untagged)]
enum RegionValue<'a> {
    Labels {
        start: usize,
        end: usize,
        text: &'a str,
        labels: [&'a str; 1],
    },
    Note {
        start: usize,
        end: usize,
        text: [&'a str; 1],
    },
}

/// The task of one document.
fn task<'a>(view: &DocView<'a>) -> Task<'a> {
    let mut result = Vec::with_capacity(view.spans.len());
    for span in view.spans {
        let (start, end) = view.span_offsets(span);
        result.push(Region {
            id: span_key(span),
            from_name: LABELS_NAME,
            to_name: TEXT_NAME,
            kind: "labels",
            value: RegionValue::Labels {
                start,
                end,
                text: view.span_text(span),
                labels: [span.label.as_str()],
            },
        });
        if let Some(note) = span.note.as_deref().filter(|n| !n.is_empty()) {
            result.push(Region {
                id: span_key(span),
                from_name: NOTE_NAME,
                to_name: TEXT_NAME,
                kind: "textarea",
                value: RegionValue::Note {
                    start,
                    end,
                    text: [note],
                },
            });
        }
    }
    let annotated = !result.is_empty() || view.doc.status() == DocumentStatus::Done;
    Task {
        id: view.doc.id().0,
        data: TaskData {
            text: view.text(),
            title: view.doc.title(),
            isnad_id: view.doc_key(),
            offset_unit: view.unit().as_str(),
        },
        annotations: if annotated {
            vec![Annotation { result }]
        } else {
            Vec::new()
        },
    }
}

/// The Label Studio tasks JSON (one task per line inside the array) and its labelling config.
pub(crate) fn export(
    project: &Project,
    docs: &[DocView<'_>],
    _report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    let mut out = Vec::with_capacity(docs.iter().map(|d| d.text().len() * 2 + 64).sum());
    out.extend_from_slice(b"[\n");
    for (i, view) in docs.iter().enumerate() {
        if progress.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        serde_json::to_writer(&mut out, &task(view)).map_err(|e| ExportError::Encode {
            format: "label-studio",
            message: e.to_string(),
        })?;
        progress.advance();
    }
    out.extend_from_slice(b"\n]\n");
    Ok(vec![
        ExportFile {
            place: FilePlace::Main,
            bytes: out,
        },
        ExportFile {
            place: FilePlace::Beside("label-config.xml"),
            bytes: label_config(project).into_bytes(),
        },
    ])
}

/// The labelling config: one `Label` per label of the schema (value = label id, colour, name and
/// description as the hover hint), the text shown right to left where it is Arabic and with its
/// spaces kept, and the per-region note box.
pub(crate) fn label_config(project: &Project) -> String {
    let mut xml = String::from("<View>\n");
    xml.push_str(
        "  <Style>.htx-text { white-space: pre-wrap; unicode-bidi: plaintext; text-align: start; }</Style>\n",
    );
    xml.push_str(&format!(
        "  <Labels name=\"{LABELS_NAME}\" toName=\"{TEXT_NAME}\">\n"
    ));
    for label in project.schema().labels() {
        let mut hint = label.name.clone();
        if !label.description.is_empty() {
            hint.push_str(": ");
            hint.push_str(&label.description);
        }
        xml.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\" hint=\"{}\"/>\n",
            xml_escape(label.id.as_str()),
            label.colour.to_hex(),
            xml_escape(&hint)
        ));
    }
    xml.push_str("  </Labels>\n");
    xml.push_str(&format!("  <Text name=\"{TEXT_NAME}\" value=\"$text\"/>\n"));
    xml.push_str("  <View visibleWhen=\"region-selected\">\n");
    xml.push_str("    <Header value=\"Note\"/>\n");
    xml.push_str(&format!(
        "    <TextArea name=\"{NOTE_NAME}\" toName=\"{TEXT_NAME}\" perRegion=\"true\" editable=\"true\" placeholder=\"Note on this span\"/>\n"
    ));
    xml.push_str("  </View>\n</View>\n");
    xml
}

/// `text` with the five XML special characters escaped (safe in attributes and content).
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::xml_escape;

    #[test]
    fn escapes_markup_in_attributes() {
        assert_eq!(
            xml_escape(r#"a<b & "c" 'd'>"#),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(xml_escape("فاعل"), "فاعل");
    }
}
