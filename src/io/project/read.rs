//! Opening a project file: read-only, size-limited, every problem reported with its place.

use std::collections::{HashMap, HashSet};
use std::io::Read as _;
use std::path::Path;
use std::sync::Arc;

use crate::io::project::error::{Place, Problem, ProjectError};
use crate::io::project::format::{
    FORMAT_VERSION, FileLabel, FileProject, FileRelation, FileRelationType, FileSpan, FileValue,
    OFFSET_UNIT, VERSION_WITHOUT_RELATIONS,
};
use crate::io::project::header::{Header, read_header};
use crate::io::project::locate::LineLocator;
use crate::io::project::span_lines::read_span_section;
use crate::model::id_maps::id_set_with_capacity;
use crate::model::offsets::OffsetIndex;
use crate::model::{
    AttributeDef, AttributeKind, AttributeValue, CLAIM, DocId, Document, Label, LabelId,
    LabelSchema, ModelError, Project, ProjectParts, Relation, RelationId, RelationType,
    RelationTypeId, Rgb, SOURCE, Span, SpanId, default_claim_attributes, default_relation_types,
    default_source_attributes, sha256_hex,
};

/// Largest project file [`crate::io::project::load`] accepts (256 MiB).
pub const MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// Reads the file's bytes (never writes), refusing files over the limit.
pub(crate) fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ProjectError> {
    let read_error = |source| ProjectError::Read {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    let too_large = |size| ProjectError::TooLarge {
        path: path.to_owned(),
        size,
        limit,
    };
    if size > limit {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Parses and validates project text; `path` is only used in errors.
///
/// The span lines are read by the fast path of [`read_span_section`] when the file has the
/// writer's shape; if that path meets anything it does not expect, or the project it gives has any
/// problem, the whole file is parsed again by `ron` alone, so what is reported is exactly what
/// `ron` and the checks say.
pub(crate) fn parse_project(text: &str, path: &Path) -> Result<Project, ProjectError> {
    parse_project_with(text, path, true)
}

/// [`parse_project`], with or without the fast path for the span lines.
fn parse_project_with(text: &str, path: &Path, fast: bool) -> Result<Project, ProjectError> {
    let path_buf = path.to_owned();
    match read_header(text) {
        Header::NotRon => return Err(ProjectError::NotAProject { path: path_buf }),
        Header::Version(found) => check_version(found, path)?,
        Header::Unknown => {}
    }
    if let Some(section) = fast.then(|| read_span_section(text)).flatten() {
        let project = ron::Options::default()
            .from_str::<FileProject>(&section.rest)
            .ok()
            .and_then(|mut file| {
                file.spans = section.spans;
                check_file(file, text, path).ok()
            });
        if let Some(project) = project {
            return Ok(project);
        }
    }
    let file: FileProject =
        ron::Options::default()
            .from_str(text)
            .map_err(|e| ProjectError::Syntax {
                path: path_buf.clone(),
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string(),
            })?;
    check_file(file, text, path)
}

/// Checks and converts a parsed file.
fn check_file(file: FileProject, text: &str, path: &Path) -> Result<Project, ProjectError> {
    let path_buf = path.to_owned();
    check_version(file.format_version, path)?;
    if file.offset_unit != OFFSET_UNIT {
        return Err(ProjectError::UnsupportedOffsetUnit {
            path: path_buf,
            found: file.offset_unit,
        });
    }
    let mut checker = Checker {
        locator: LineLocator::new(text),
        titles: file
            .documents
            .iter()
            .map(|d| (d.id, d.title.clone()))
            .collect(),
        problems: Vec::new(),
    };
    let project = checker.build(file);
    match project {
        Some(project) if checker.problems.is_empty() => Ok(project),
        _ => Err(ProjectError::Invalid {
            path: path_buf,
            problems: checker.problems,
        }),
    }
}

fn check_version(found: u64, path: &Path) -> Result<(), ProjectError> {
    if found > FORMAT_VERSION {
        Err(ProjectError::NewerVersion {
            path: path.to_owned(),
            found,
            supported: FORMAT_VERSION,
        })
    } else if found == 0 {
        Err(ProjectError::UnknownVersion {
            path: path.to_owned(),
            found,
        })
    } else {
        Ok(())
    }
}

/// Converts the parsed file to a project, collecting problems.
struct Checker<'t> {
    locator: LineLocator<'t>,
    titles: HashMap<u64, String>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn report(
        &mut self,
        doc: Option<u64>,
        span: Option<u64>,
        label: Option<&str>,
        message: String,
    ) {
        self.report_nth(doc, span, label, message, 0);
    }

    /// Reports a problem; `nth` picks which occurrence of a repeated id the line refers to.
    fn report_nth(
        &mut self,
        doc: Option<u64>,
        span: Option<u64>,
        label: Option<&str>,
        message: String,
        nth: usize,
    ) {
        let line = match (span, doc, label) {
            (Some(span), ..) => self.locator.span_line(span, nth),
            (None, Some(doc), _) => self.locator.document_line(doc, nth),
            (None, None, Some(label)) => self.locator.label_line(label, nth),
            _ => None,
        };
        let document = doc.map(|id| (id, self.titles.get(&id).cloned().unwrap_or_default()));
        let place = Place {
            line,
            document,
            span,
            label: label.map(str::to_owned),
            relation: None,
        };
        self.problems.push(Problem { place, message });
    }

    /// Reports a problem of a relation (`nth` occurrence of its id).
    fn report_relation(&mut self, relation: u64, message: String, nth: usize) {
        let place = Place {
            line: self.locator.relation_line(relation, nth),
            relation: Some(relation),
            ..Place::default()
        };
        self.problems.push(Problem { place, message });
    }

    fn build(&mut self, file: FileProject) -> Option<Project> {
        let upgrading = file.format_version <= VERSION_WITHOUT_RELATIONS;
        let mut schema = self.schema(file.labels, upgrading);
        let relation_types = if upgrading {
            default_relation_types()
        } else {
            self.relation_types(file.relation_types)
        };
        for kind in relation_types {
            let id = kind.id.as_str().to_owned();
            if let Err(error) = schema.add_relation_type(kind) {
                self.report(None, None, None, format!("relation type “{id}”: {error}"));
            }
        }
        let mut documents = Vec::with_capacity(file.documents.len());
        for d in file.documents {
            if sha256_hex(&d.text) != d.sha256.to_ascii_lowercase() {
                let message = "the text was changed after it was annotated (its SHA-256 no longer matches the stored hash), so the span offsets cannot be trusted".to_owned();
                self.report(Some(d.id), None, None, message);
            }
            let doc = Document::new(DocId(d.id), d.title, d.source_path, d.text);
            documents.push(doc.with_status(d.status.into()).with_meta(d.meta));
        }
        let file_span_ids: Vec<u64> = file.spans.iter().map(|s| s.id).collect();
        let spans = self.spans(file.spans, &documents, &schema);
        // A relation with an end whose span was refused is left out without a second report:
        // the span's problem is the one to fix. (A valid file refuses none: no sets to build.)
        let refused: HashSet<u64> = if spans.len() == file_span_ids.len() {
            HashSet::new()
        } else {
            let accepted: HashSet<u64> = spans.iter().map(|s| s.id.0).collect();
            file_span_ids
                .into_iter()
                .filter(|id| !accepted.contains(id))
                .collect()
        };
        let relations: Vec<FileRelation> = file
            .relations
            .into_iter()
            .filter(|r| !refused.contains(&r.head) && !refused.contains(&r.child))
            .collect();
        let relations = self.relations(relations, &schema);
        match Project::from_parts(ProjectParts {
            schema,
            documents,
            spans,
            relations,
        }) {
            Ok(mut project) => {
                project.set_guidelines(file.guidelines);
                let memory = super::suggestion_format::read_suggestion_memory(
                    &project,
                    file.rejected_suggestions,
                    file.suggester_tallies,
                );
                project.set_suggestion_memory(memory);
                Some(project)
            }
            Err(errors) => {
                for error in errors {
                    self.model_problem(error);
                }
                None
            }
        }
    }

    /// The labels; `upgrading` (a version 1 file) gives `claim` and `source` their default
    /// attributes.
    fn schema(&mut self, labels: Vec<FileLabel>, upgrading: bool) -> LabelSchema {
        let mut schema = LabelSchema::empty();
        for l in labels {
            let attributes = match l.id.as_str() {
                CLAIM if upgrading => default_claim_attributes(),
                SOURCE if upgrading => default_source_attributes(),
                _ => l.attributes.into_iter().map(AttributeDef::from).collect(),
            };
            let Ok(id) = LabelId::new(l.id.clone()) else {
                let message = "the label id must be letters, digits, '_' or '-'".to_owned();
                self.report(None, None, Some(&l.id), message);
                continue;
            };
            let colour = parse_colour(&l.colour).unwrap_or_else(|| {
                let message = format!("colour “{}” is not #RRGGBB; grey used", l.colour);
                self.report(None, None, Some(&l.id), message);
                Rgb::new(128, 128, 128)
            });
            let label = Label {
                id,
                name: l.name,
                colour,
                hotkey: l.hotkey,
                description: l.description,
                attributes,
            };
            if let Err(error) = schema.insert(schema.len(), label) {
                let nth = usize::from(matches!(error, ModelError::DuplicateLabel(_)));
                self.report_nth(None, None, Some(&l.id), error.to_string(), nth);
            }
        }
        schema
    }

    /// The relation types, reporting invalid ids.
    fn relation_types(&mut self, kinds: Vec<FileRelationType>) -> Vec<RelationType> {
        let mut out = Vec::with_capacity(kinds.len());
        for k in kinds {
            let Ok(id) = RelationTypeId::new(k.id.clone()) else {
                let message = format!(
                    "relation type “{}”: the id must be letters, digits, '_' or '-'",
                    k.id
                );
                self.report(None, None, None, message);
                continue;
            };
            let mut labels = |names: Vec<String>| -> Vec<LabelId> {
                names
                    .into_iter()
                    .filter_map(|name| match LabelId::new(name.clone()) {
                        Ok(label) => Some(label),
                        Err(_) => {
                            let message =
                                format!("relation type “{id}”: “{name}” is not a valid label id");
                            self.report(None, None, None, message);
                            None
                        }
                    })
                    .collect()
            };
            let heads = labels(k.heads);
            let children = labels(k.children);
            out.push(RelationType {
                id,
                name: k.name,
                heads,
                children,
                description: k.description,
            });
        }
        out
    }

    /// The relations (their ends and types are checked when the project is built).
    fn relations(&mut self, relations: Vec<FileRelation>, schema: &LabelSchema) -> Vec<Relation> {
        let mut out = Vec::with_capacity(relations.len());
        for r in relations {
            match RelationTypeId::new(r.kind.clone()) {
                Ok(kind) if schema.relation_type(&kind).is_none() => {
                    let message = format!("relation type “{kind}” is not in the schema");
                    self.report_relation(r.id, message, 0);
                }
                Ok(kind) => out.push(
                    Relation::new(RelationId(r.id), kind, SpanId(r.head), SpanId(r.child))
                        .made_by(r.annotator.as_deref()),
                ),
                Err(error) => self.report_relation(r.id, error.to_string(), 0),
            }
        }
        out
    }

    /// A span's attribute values, checked against its label's declarations.
    fn attributes(
        &mut self,
        span: &FileSpan,
        label: &LabelId,
        schema: &LabelSchema,
        values: std::collections::BTreeMap<String, FileValue>,
    ) -> Option<std::collections::BTreeMap<String, AttributeValue>> {
        let mut out = std::collections::BTreeMap::new();
        let mut ok = true;
        for (name, value) in values {
            let Some(def) = schema.attribute(label, &name) else {
                let message = format!("label “{label}” declares no attribute “{name}”");
                self.report(Some(span.doc), Some(span.id), None, message);
                ok = false;
                continue;
            };
            let parsed = match (&def.kind, value) {
                (AttributeKind::Flag, FileValue::Flag(b)) => Some(AttributeValue::Flag(b)),
                (AttributeKind::Text, FileValue::Text(t)) => Some(AttributeValue::Text(t)),
                (AttributeKind::Choice(_), FileValue::Text(t)) => def.parse(&t),
                _ => None,
            };
            match parsed {
                Some(value) => {
                    out.insert(name, value);
                }
                None => {
                    let message = format!("the value of attribute “{name}” is not one it declares");
                    self.report(Some(span.doc), Some(span.id), None, message);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// Converts code-point offsets to bytes, reporting spans of unknown documents and bad offsets.
    fn spans(
        &mut self,
        file_spans: Vec<FileSpan>,
        documents: &[Document],
        schema: &LabelSchema,
    ) -> Vec<Span> {
        let by_id: HashMap<u64, &Document> = documents.iter().map(|d| (d.id().0, d)).collect();
        // Each document's offset index, and the last start converted in it (code points, bytes).
        let mut indexes: HashMap<u64, (OffsetIndex<'_>, (usize, usize))> = HashMap::new();
        let mut spans = Vec::with_capacity(file_spans.len());
        let mut seen = id_set_with_capacity(file_spans.len());
        // Annotator and suggester names repeat on every span: each distinct one is kept once.
        let mut names = Names::default();
        for mut s in file_spans {
            let (doc_id, span_id) = (Some(s.doc), Some(s.id));
            if !seen.insert(s.id) {
                self.report_nth(None, span_id, None, "two spans have this id".to_owned(), 1);
                continue;
            }
            let Some(doc) = by_id.get(&s.doc) else {
                let message = format!(
                    "the span belongs to document {}, which does not exist",
                    s.doc
                );
                self.report(None, span_id, None, message);
                continue;
            };
            if !schema.labels().iter().any(|l| l.id.as_str() == s.label) {
                let message = format!("label “{}” is not in the label schema", s.label);
                self.report(doc_id, span_id, None, message);
                continue;
            }
            let (index, last) = indexes
                .entry(s.doc)
                .or_insert_with(|| (OffsetIndex::new(doc.text()), (0, 0)));
            if s.start >= s.end {
                let message = format!("the range {}..{} is empty or reversed", s.start, s.end);
                self.report(doc_id, span_id, None, message);
                continue;
            }
            // Spans come sorted by start and are short: each start is counted on from the last
            // one of its document, and each end from its start.
            let start = index.char_to_byte_after(*last, s.start);
            let end = start.and_then(|start| index.char_to_byte_after((s.start, start), s.end));
            let (Some(start), Some(end)) = (start, end) else {
                let message = format!(
                    "the range {}..{} goes past the end of the text ({} code points)",
                    s.start,
                    s.end,
                    index.char_len()
                );
                self.report(doc_id, span_id, None, message);
                continue;
            };
            *last = (s.start, start);
            // The schema's id is shared (no allocation per span); an id not in the schema is
            // made here and reported by the checks that follow.
            let known = schema.get_str(&s.label).map(|l| l.id.clone());
            let Some(label) = known.or_else(|| LabelId::new(s.label.as_str()).ok()) else {
                continue;
            };
            let values = std::mem::take(&mut s.attributes);
            let Some(attributes) = self.attributes(&s, &label, schema, values) else {
                continue;
            };
            let mut span = Span::new(SpanId(s.id), DocId(s.doc), start..end, label);
            span.set_note(s.note);
            span.annotator = s.annotator.map(|name| names.shared(name));
            span.set_suggested_by(s.suggested_by.map(|name| names.shared(name)));
            span.set_attributes(attributes);
            spans.push(span);
        }
        spans
    }

    fn model_problem(&mut self, error: ModelError) {
        let relation = match &error {
            ModelError::DuplicateRelationId(r) => Some((r.0, 1)),
            ModelError::DuplicateRelation { relation, .. }
            | ModelError::DanglingRelationEnd { relation, .. }
            | ModelError::RelationAcrossDocuments { relation, .. }
            | ModelError::RelationToItself { relation, .. }
            | ModelError::RelationNotAllowed { relation, .. } => Some((relation.0, 0)),
            _ => None,
        };
        if let Some((id, nth)) = relation {
            let message = match &error {
                ModelError::DuplicateRelationId(_) => "two relations have this id".to_owned(),
                other => {
                    let text = other.to_string();
                    let prefix = format!("relation {id}: ");
                    text.strip_prefix(&prefix)
                        .map_or(text.clone(), str::to_owned)
                }
            };
            self.report_relation(id, message, nth);
            return;
        }
        let (doc, span) = match &error {
            ModelError::UnknownDocument(d) | ModelError::DuplicateDocId(d) => (Some(d.0), None),
            ModelError::UnknownSpan(s) | ModelError::DuplicateSpanId(s) => (None, Some(s.0)),
            ModelError::EmptyRange { span, .. }
            | ModelError::OutOfRange { span, .. }
            | ModelError::NotCharBoundary { span, .. }
            | ModelError::DuplicateSpan { span, .. } => (None, Some(span.0)),
            _ => (None, None),
        };
        let (message, nth) = match &error {
            ModelError::DuplicateSpanId(_) => ("two spans have this id".to_owned(), 1),
            ModelError::DuplicateDocId(_) => ("two documents have this id".to_owned(), 1),
            other => (other.to_string(), 0),
        };
        self.report_nth(doc, span, None, message, nth);
    }
}

/// Parses `#RRGGBB`.
fn parse_colour(hex: &str) -> Option<Rgb> {
    let digits = hex.strip_prefix('#')?;
    if digits.len() != 6 || !digits.is_ascii() {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).ok();
    Some(Rgb::new(channel(0)?, channel(2)?, channel(4)?))
}

/// The distinct names met while reading spans, each held once and shared by the spans that carry
/// it (a project's 100,000 spans usually have a handful of annotators).
#[derive(Default)]
struct Names(HashMap<String, Arc<str>>);

impl Names {
    /// The shared copy of `name`.
    fn shared(&mut self, name: String) -> Arc<str> {
        if let Some(shared) = self.0.get(&name) {
            return shared.clone();
        }
        let shared: Arc<str> = name.as_str().into();
        self.0.insert(name, shared.clone());
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::project_from_markup;

    /// The fast path for span lines gives what `ron` alone gives: the same project, or the same
    /// error, whatever the span lines look like.
    #[test]
    fn the_fast_path_and_ron_alone_agree() {
        let (mut project, doc) =
            project_from_markup("[المتحدث|actor] قال إن [الوفد وصل|claim] [أمس|actor]")
                .expect("markup");
        let first = project.spans_of(doc)[0].id;
        project
            .set_span_note(first, Some("ملاحظة \"مقتبسة\"".into()))
            .expect("note");
        let text = crate::io::project::format::to_ron(&project).expect("ron");
        let line = |i: usize| {
            text.lines()
                .skip_while(|l| !l.contains("spans: ["))
                .filter(|l| l.trim_start().starts_with("(id:"))
                .nth(i)
                .expect("a span line")
                .to_owned()
        };
        let (plain, noted) = (line(1), line(0));
        let variants = [
            text.clone(),
            text.replace(&plain, &plain.replace("(id: ", "(id:  ")),
            text.replace(&plain, &plain.replace(", doc: ", ",\n doc: ")),
            text.replace(&plain, &format!("{plain} // a comment")),
            text.replace(&plain, &format!("        // a comment\n{plain}")),
            text.replace(&plain, &plain.replace("\"claim\"", "\"nolabel\"")),
            text.replace(&plain, &plain.replace("start: ", "start: 0")),
            text.replace(&plain, &plain.replace("),", ", note: None),")),
            text.replace(&noted, &noted.replace("note: Some(", "note: Some (")),
            text.replace(&plain, ""),
            text.replace(&plain, &format!("{plain}\n{plain}")),
        ];
        let path = Path::new("x.isnad.ron");
        for variant in &variants {
            let fast = parse_project_with(variant, path, true);
            let slow = parse_project_with(variant, path, false);
            match (&fast, &slow) {
                (Ok(a), Ok(b)) => assert!(a == b, "{variant}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{variant}"),
                _ => panic!("{variant}\nfast: {fast:?}\nron: {slow:?}"),
            }
        }
        assert!(parse_project_with(&variants[0], path, true).is_ok());
    }

    /// Labels and annotator names are held once per project, not once per span: opening
    /// 100,000 spans allocates no string per span for them.
    #[test]
    fn spans_share_their_label_and_annotator_strings() {
        let (mut project, doc) =
            project_from_markup("[المتحدث|actor] قال [الوزير|actor] إن [الوفد وصل|claim]")
                .expect("markup");
        let mut spans = project.spans_of(doc).to_vec();
        for span in &mut spans {
            project.remove_span(span.id).expect("remove");
            span.annotator = Some(String::from("layla").into());
            span.set_suggested_by(Some(String::from("cues").into()));
        }
        for span in spans {
            project.insert_span(span).expect("insert");
        }
        let text = crate::io::project::format::to_ron(&project).expect("ron");
        let read = parse_project(&text, Path::new("x.isnad.ron")).expect("read");
        let spans = read.spans_of(doc);
        let (actor_a, actor_b) = (&spans[0].label, &spans[1].label);
        assert_eq!(actor_a.as_str(), "actor");
        assert!(Arc::ptr_eq(&actor_a.0, &actor_b.0), "one actor string");
        let schema_actor = &read.schema().get(actor_a).expect("label").id;
        assert!(
            Arc::ptr_eq(&actor_a.0, &schema_actor.0),
            "the schema's string"
        );
        let names: Vec<&Arc<str>> = spans.iter().filter_map(|s| s.annotator.as_ref()).collect();
        assert_eq!(names.len(), 3);
        assert!(
            names
                .iter()
                .all(|n| Arc::ptr_eq(n, names[0]) && &***n == "layla")
        );
        let by: Vec<&Arc<str>> = spans
            .iter()
            .filter_map(|s| s.suggested_by().as_ref())
            .collect();
        assert!(by.iter().all(|n| Arc::ptr_eq(n, by[0]) && &***n == "cues"));
    }
}
