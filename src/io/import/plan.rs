//! Validating source documents against a project and turning them into one undoable edit.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::command::Edit;
use crate::io::article::MAX_ARTICLE_BYTES;
use crate::io::import::{ImportOptions, ImportReport, SourceDocument, SourceRelation, SourceSpan};
use crate::model::offsets::{OffsetIndex, OffsetUnit};
use crate::model::{
    AttributeKind, AttributeValue, DocId, Document, DocumentStatus, Label, LabelId, LabelSchema,
    Project, Relation, RelationTypeId, Span, SpanId, sha256_hex,
};

/// Validates `docs` against `project` and builds the edit that adds what is valid: new labels
/// (if allowed), new documents with their spans, spans for documents already in the project,
/// attribute values (checked against the label's declarations; also set on spans already present
/// that have none), and relations after their spans (ends mapped from the file's span ids to the
/// new or existing spans, type known, labels fitting it, no duplicate).
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
    let mut planned: HashMap<(DocId, usize, usize, LabelId), SpanId> = HashMap::new();
    let mut planned_attributes: HashMap<SpanId, BTreeMap<String, AttributeValue>> = HashMap::new();
    let mut attribute_edits: Vec<Edit> = Vec::new();
    let mut planned_relations: HashSet<(RelationTypeId, SpanId, SpanId)> = HashSet::new();
    let mut new_relations: Vec<Relation> = Vec::new();
    let mut seen: HashSet<(std::path::PathBuf, String)> = HashSet::new();
    let mut made_by: HashMap<SpanId, Option<String>> = HashMap::new();

    for source in docs {
        let doc_annotator = source.annotator.as_ref().or(options.annotator.as_ref());
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
        let first_sight = seen.insert((source.file.clone(), source.place.clone()));
        let doc_id = match by_hash.get(&hash) {
            Some(&id) => {
                // Several annotations of one task are several source documents of one place.
                if first_sight {
                    report.documents_matched += 1;
                }
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
        let mut ends: HashMap<&str, Option<(SpanId, LabelId)>> = HashMap::new();
        let has_relations = !source.relations.is_empty();
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
            let values = attribute_values(&labels, &label, &source, candidate, report);
            let annotator = candidate.annotator.as_ref().or(doc_annotator);
            let key = (doc_id, range.start, range.end, label.clone());
            let span_id = if let Some(existing) =
                project.find_duplicate(doc_id, range.clone(), &label)
            {
                report.spans_already_present += 1;
                let existing_by = project.span(existing).and_then(|s| s.annotator.as_deref());
                if annotator.is_some()
                    && existing_by.is_some()
                    && existing_by != annotator.map(String::as_str)
                {
                    report.spans_made_by_several += 1;
                }
                let current = project.span(existing).map(|s| s.attributes());
                for (name, value) in values {
                    match current.and_then(|a| a.get(&name)) {
                        Some(v) if *v == value => {}
                        Some(v) => report.reject(
                            &source.file,
                            attribute_place(&source, candidate, &name),
                            format!(
                                "the project's span already has {name} = «{}»; «{}» is not imported",
                                v.as_text(),
                                value.as_text()
                            ),
                        ),
                        None => {
                            report.attributes_added += 1;
                            attribute_edits.push(Edit::SetAttribute {
                                span: existing,
                                name,
                                value: Some(value),
                            });
                        }
                    }
                }
                existing
            } else if let Some(&first) = planned.get(&key) {
                report.spans_already_present += 1;
                let first_by = made_by.get(&first).and_then(Option::as_ref);
                if annotator.is_some() && first_by.is_some() && first_by != annotator {
                    report.spans_made_by_several += 1;
                }
                let kept = planned_attributes.get(&first);
                for (name, value) in values {
                    if kept.and_then(|a| a.get(&name)) != Some(&value) {
                        report.reject(
                            &source.file,
                            attribute_place(&source, candidate, &name),
                            "the span is listed twice and this value differs from the first listing's: not imported",
                        );
                    }
                }
                first
            } else {
                let mut span = Span::new(project.allocate_span_id(), doc_id, range, label.clone());
                span.set_note(candidate.note.clone().filter(|n| !n.is_empty()));
                span.annotator = annotator.map(|name| name.as_str().into());
                if let Some(name) = annotator {
                    *report.spans_by_annotator.entry(name.clone()).or_default() += 1;
                }
                made_by.insert(span.id, annotator.cloned());
                report.attributes_added += values.len();
                span.set_attributes(values.into_iter().collect());
                if !span.attributes().is_empty() {
                    planned_attributes.insert(span.id, span.attributes().clone());
                }
                planned.insert(key, span.id);
                let id = span.id;
                match new_doc_index.get(&doc_id) {
                    Some(&i) => new_docs[i].1.push(span),
                    None => added_spans.push(span),
                }
                report.spans_added += 1;
                id
            };
            // Only relations look spans up by key.
            if let Some(k) = candidate.key.as_deref().filter(|_| has_relations) {
                ends.entry(k)
                    .and_modify(|end| {
                        if end.as_ref().is_some_and(|(id, _)| *id != span_id) {
                            *end = None;
                        }
                    })
                    .or_insert(Some((span_id, label)));
            }
        }
        for relation in &source.relations {
            let place = join_places(&source.place, &relation.place);
            match plan_relation(&labels.schema, &source, &ends, relation) {
                Err(reason) => report.reject(&source.file, place, reason),
                Ok((kind, head, child)) => {
                    if project.find_relation(&kind, head, child).is_some()
                        || !planned_relations.insert((kind.clone(), head, child))
                    {
                        report.relations_already_present += 1;
                    } else {
                        let id = project.allocate_relation_id();
                        let mut new = Relation::new(id, kind, head, child);
                        new.annotator = relation.annotator.as_ref().or(doc_annotator).cloned();
                        new_relations.push(new);
                        report.relations_added += 1;
                    }
                }
            }
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
    edits.extend(attribute_edits);
    edits.extend(new_relations.into_iter().map(Edit::AddRelation));
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// `"line 3"` and `"relation 2"` as `"line 3, relation 2"` (either may be empty).
fn join_places(outer: &str, inner: &str) -> String {
    match (outer.is_empty(), inner.is_empty()) {
        (true, _) => inner.to_owned(),
        (_, true) => outer.to_owned(),
        _ => format!("{outer}, {inner}"),
    }
}

/// Where an attribute of a span is, for the report.
fn attribute_place(doc: &SourceDocument, span: &SourceSpan, name: &str) -> String {
    format!("{}, attribute {name}", span_place(doc, span))
}

/// The attribute values of `span` (labelled `label`) that its label declares and allows, in file
/// order; the others are rejected with the reason.
fn attribute_values(
    labels: &LabelResolver,
    label: &LabelId,
    doc: &SourceDocument,
    span: &SourceSpan,
    report: &mut ImportReport,
) -> Vec<(String, AttributeValue)> {
    let mut values: Vec<(String, AttributeValue)> = Vec::with_capacity(span.attributes.len());
    for (name, text) in &span.attributes {
        let reason = match labels.schema.attribute(label, name) {
            _ if values.iter().any(|(n, _)| n == name) => {
                format!("the attribute «{name}» is given twice; the first value is kept")
            }
            None => format!("the label «{label}» has no attribute «{name}»"),
            Some(def) => match def.parse(text) {
                Some(value) => {
                    values.push((name.clone(), value));
                    continue;
                }
                None => format!(
                    "«{}» is not a value of the attribute «{name}» ({})",
                    shorten(text),
                    expected_values(&def.kind)
                ),
            },
        };
        report.reject(&doc.file, attribute_place(doc, span, name), reason);
    }
    values
}

/// What values an attribute takes, for a rejection.
fn expected_values(kind: &AttributeKind) -> String {
    match kind {
        AttributeKind::Choice(values) => format!("expected one of {}", values.join(", ")),
        AttributeKind::Flag => "expected true or false, yes or no".to_owned(),
        AttributeKind::Text => "free text".to_owned(),
    }
}

/// The type and the two ends of a candidate relation, or why it is refused.
fn plan_relation(
    schema: &LabelSchema,
    doc: &SourceDocument,
    ends: &HashMap<&str, Option<(SpanId, LabelId)>>,
    relation: &SourceRelation,
) -> Result<(RelationTypeId, SpanId, SpanId), String> {
    let wanted = relation.kind.trim();
    let kind = schema
        .relation_type_str(wanted)
        .or_else(|| {
            let lower = wanted.to_lowercase();
            schema
                .relation_types()
                .iter()
                .find(|t| t.name.to_lowercase() == lower || t.id.as_str().to_lowercase() == lower)
        })
        .ok_or_else(|| {
            if wanted.is_empty() {
                "the relation has no type".to_owned()
            } else {
                format!("unknown relation type «{wanted}»")
            }
        })?;
    let end = |key: &str, role: &str| match ends.get(key) {
        Some(Some(end)) => Ok(end.clone()),
        Some(None) => Err(format!(
            "its {role} «{key}» names several spans (a region with several labels?)"
        )),
        None if doc.spans.iter().any(|s| s.key.as_deref() == Some(key)) => Err(format!(
            "its {role} «{key}» was not imported (see that span's rejection)"
        )),
        None => Err(format!(
            "its {role} «{key}» is not among the spans read from this document (missing, or refused when read)"
        )),
    };
    let (head, head_label) = end(&relation.head, "head")?;
    let (child, child_label) = end(&relation.child, "child")?;
    if head == child {
        return Err("it goes from a span to itself".to_owned());
    }
    if !kind.fits(&head_label, &child_label) {
        let list = |ids: &[LabelId]| {
            ids.iter()
                .map(LabelId::as_str)
                .collect::<Vec<_>>()
                .join(" or ")
        };
        return Err(format!(
            "«{}» goes from {} to {}, not from {head_label} to {child_label}",
            kind.id,
            list(&kind.heads),
            list(&kind.children)
        ));
    }
    Ok((kind.id.clone(), head, child))
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
        LabelId(candidate.into())
    }
}
