//! Validating source documents against a project and turning them into one undoable edit.

use std::collections::{HashMap, HashSet};

use crate::command::Edit;
use crate::io::article::MAX_ARTICLE_BYTES;
use crate::io::import::{ImportOptions, ImportReport, SourceDocument, SourceSpan};
use crate::model::offsets::{OffsetIndex, OffsetUnit};
use crate::model::{
    DocId, Document, DocumentStatus, Label, LabelId, LabelSchema, Project, Span, sha256_hex,
};

/// Validates `docs` against `project` and builds the edit that adds what is valid: new labels
/// (if allowed), new documents with their spans, and spans for documents already in the project.
/// Ids are allocated from `project`; nothing else changes. Fills the counts and rejections of
/// `report`; returns `None` when there is nothing to add. A document whose text is over
/// [`MAX_ARTICLE_BYTES`] is rejected whole, as an article file that large would be.
pub fn plan_import(
    project: &mut Project,
    docs: Vec<SourceDocument>,
    options: &ImportOptions,
    report: &mut ImportReport,
) -> Option<Edit> {
    let mut labels = LabelResolver::new(project.schema(), options.add_unknown_labels);
    let mut by_hash: HashMap<String, DocId> = project
        .documents()
        .map(|d| (d.sha256().to_owned(), d.id()))
        .collect();
    let mut new_docs: Vec<(Document, Vec<Span>)> = Vec::new();
    let mut new_doc_index: HashMap<DocId, usize> = HashMap::new();
    let mut added_spans: Vec<Span> = Vec::new();
    let mut planned: HashSet<(DocId, usize, usize, LabelId)> = HashSet::new();

    for source in docs {
        if source.text.len() as u64 > MAX_ARTICLE_BYTES {
            let reason = format!(
                "the document's text is {} MB, over the article limit of {} MB",
                source.text.len() / (1024 * 1024),
                MAX_ARTICLE_BYTES / (1024 * 1024)
            );
            report.reject(&source.file, source.place.clone(), reason);
            continue;
        }
        let hash = sha256_hex(&source.text);
        let doc_id = match by_hash.get(&hash) {
            Some(&id) => {
                report.documents_matched += 1;
                id
            }
            None => {
                let id = project.allocate_doc_id();
                let title = source
                    .title
                    .clone()
                    .filter(|t| !t.trim().is_empty())
                    .unwrap_or_else(|| title_from_text(&source.text, id));
                let path = Some(source.file.display().to_string());
                let doc = Document::new(id, title, path, source.text.clone())
                    .with_status(source.status.unwrap_or(DocumentStatus::New));
                by_hash.insert(hash, id);
                new_doc_index.insert(id, new_docs.len());
                new_docs.push((doc, Vec::new()));
                report.documents_added += 1;
                id
            }
        };
        let index = OffsetIndex::new(&source.text);
        for candidate in &source.spans {
            let checked = check_span(&source, &index, candidate)
                .and_then(|range| Ok((range, labels.resolve(&candidate.label)?)));
            let (range, label) = match checked {
                Ok(ok) => ok,
                Err(reason) => {
                    report.reject(&source.file, span_place(&source, candidate), reason);
                    continue;
                }
            };
            let key = (doc_id, range.start, range.end, label.clone());
            if project
                .find_duplicate(doc_id, range.clone(), &label)
                .is_some()
                || !planned.insert(key)
            {
                report.spans_already_present += 1;
                continue;
            }
            let mut span = Span::new(project.allocate_span_id(), doc_id, range, label);
            span.note = candidate.note.clone().filter(|n| !n.is_empty());
            match new_doc_index.get(&doc_id) {
                Some(&i) => new_docs[i].1.push(span),
                None => added_spans.push(span),
            }
            report.spans_added += 1;
        }
    }

    let mut edits: Vec<Edit> = Vec::new();
    let first_new_label = project.schema().len();
    for (k, label) in labels.added.into_iter().enumerate() {
        report.labels_added.push(label.id.as_str().to_owned());
        edits.push(Edit::AddLabel {
            index: first_new_label + k,
            label,
            spans: Vec::new(),
        });
    }
    for (doc, spans) in new_docs {
        edits.push(Edit::AddDocument {
            document: Box::new(doc),
            spans,
        });
    }
    edits.extend(added_spans.into_iter().map(Edit::AddSpan));
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// `"line 3, span 2"`: where a span is, for the report.
fn span_place(doc: &SourceDocument, span: &SourceSpan) -> String {
    if span.place.is_empty() {
        doc.place.clone()
    } else if doc.place.is_empty() {
        span.place.clone()
    } else {
        format!("{}, {}", doc.place, span.place)
    }
}

/// The byte range of a candidate span, or why it is refused.
fn check_span(
    doc: &SourceDocument,
    index: &OffsetIndex<'_>,
    span: &SourceSpan,
) -> Result<std::ops::Range<usize>, String> {
    let unit = doc.unit;
    if span.start >= span.end {
        return Err(format!(
            "empty or reversed range: start {} is not before end {}",
            span.start, span.end
        ));
    }
    let len = index.len_in(unit);
    if span.end > len {
        return Err(format!(
            "end {} is past the end of the text ({len} {})",
            span.end,
            unit_words(unit)
        ));
    }
    let range = index
        .range_to_bytes(span.start..span.end, unit)
        .ok_or_else(|| {
            format!(
                "[{}, {}) in {} falls inside a character",
                span.start,
                span.end,
                unit_words(unit)
            )
        })?;
    let actual = &doc.text[range.clone()];
    if let Some(expected) = &span.text
        && expected != actual
    {
        return Err(format!(
            "the file says the span is «{}» but the text at [{}, {}) ({}) is «{}»",
            shorten(expected),
            span.start,
            span.end,
            unit_words(unit),
            shorten(actual)
        ));
    }
    Ok(range)
}

fn unit_words(unit: OffsetUnit) -> &'static str {
    match unit {
        OffsetUnit::Bytes => "UTF-8 bytes",
        OffsetUnit::CodePoints => "code points",
        OffsetUnit::Utf16 => "UTF-16 code units",
    }
}

/// At most 40 characters of `text`, with `…` when cut.
pub(crate) fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// A title for a document the file gives none: its first words.
fn title_from_text(text: &str, id: DocId) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    if words.is_empty() {
        format!("Imported document {}", id.0)
    } else {
        shorten(&words.join(" "))
    }
}

/// Maps label strings of a file to the schema's labels, adding new ones when allowed.
struct LabelResolver {
    schema: LabelSchema,
    known: HashMap<String, LabelId>,
    add_unknown: bool,
    added: Vec<Label>,
}

impl LabelResolver {
    fn new(schema: &LabelSchema, add_unknown: bool) -> Self {
        let mut known = HashMap::new();
        for label in schema.labels() {
            known.insert(label.name.to_lowercase(), label.id.clone());
        }
        // Ids win over names when both match.
        for label in schema.labels() {
            known.insert(label.id.as_str().to_lowercase(), label.id.clone());
        }
        Self {
            schema: schema.clone(),
            known,
            add_unknown,
            added: Vec::new(),
        }
    }

    /// The label for `name`: an id of the schema, else a name or id of it ignoring case, else a
    /// new label (when allowed).
    fn resolve(&mut self, name: &str) -> Result<LabelId, String> {
        if let Some(label) = self.schema.get_str(name) {
            return Ok(label.id.clone());
        }
        let key = name.trim().to_lowercase();
        if let Some(id) = self.known.get(&key) {
            return Ok(id.clone());
        }
        if key.is_empty() {
            return Err("the span has no label".to_owned());
        }
        if !self.add_unknown {
            return Err(format!(
                "unknown label «{name}» (allow adding unknown labels to add it to the schema)"
            ));
        }
        let id = self.fresh_id(name.trim());
        let label = Label {
            id: id.clone(),
            name: name.trim().to_owned(),
            colour: self.schema.unused_colour(),
            hotkey: None,
            description: String::new(),
            attributes: Vec::new(),
        };
        let at = self.schema.len();
        self.schema
            .insert(at, label.clone())
            .map_err(|e| format!("cannot add label «{name}»: {e}"))?;
        self.known.insert(key, id.clone());
        self.added.push(label);
        Ok(id)
    }

    /// A valid, unused label id made from `name`.
    fn fresh_id(&self, name: &str) -> LabelId {
        let base: String = name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let mut candidate = base.clone();
        let mut n = 2;
        while self.schema.get_str(&candidate).is_some() {
            candidate = format!("{base}_{n}");
            n += 1;
        }
        LabelId(candidate)
    }
}
