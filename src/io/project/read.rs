//! Opening a project file: read-only, size-limited, every problem reported with its place.

use std::collections::{HashMap, HashSet};
use std::io::Read as _;
use std::path::Path;

use crate::io::project::error::{Place, Problem, ProjectError};
use crate::io::project::format::{FORMAT_VERSION, FileProject, OFFSET_UNIT};
use crate::io::project::header::{Header, read_header};
use crate::io::project::locate::LineLocator;
use crate::model::offsets::OffsetIndex;
use crate::model::{
    DocId, Document, Label, LabelId, LabelSchema, ModelError, Project, Rgb, Span, SpanId,
    sha256_hex,
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
pub(crate) fn parse_project(text: &str, path: &Path) -> Result<Project, ProjectError> {
    let path_buf = path.to_owned();
    match read_header(text) {
        Header::NotRon => return Err(ProjectError::NotAProject { path: path_buf }),
        Header::Version(found) => check_version(found, path)?,
        Header::Unknown => {}
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
        };
        self.problems.push(Problem { place, message });
    }

    fn build(&mut self, file: FileProject) -> Option<Project> {
        let schema = self.schema(file.labels);
        let mut documents = Vec::with_capacity(file.documents.len());
        for d in file.documents {
            if sha256_hex(&d.text) != d.sha256.to_ascii_lowercase() {
                let message = "the text was changed after it was annotated (its SHA-256 no longer matches the stored hash), so the span offsets cannot be trusted".to_owned();
                self.report(Some(d.id), None, None, message);
            }
            let doc = Document::new(DocId(d.id), d.title, d.source_path, d.text);
            documents.push(doc.with_status(d.status.into()).with_meta(d.meta));
        }
        let spans = self.spans(file.spans, &documents, &schema);
        match Project::from_parts(
            schema,
            documents,
            spans,
            file.next_doc_id,
            file.next_span_id,
        ) {
            Ok(project) => Some(project),
            Err(errors) => {
                for error in errors {
                    self.model_problem(error);
                }
                None
            }
        }
    }

    fn schema(&mut self, labels: Vec<crate::io::project::format::FileLabel>) -> LabelSchema {
        let mut schema = LabelSchema::empty();
        for l in labels {
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
            };
            if let Err(error) = schema.insert(schema.len(), label) {
                let nth = usize::from(matches!(error, ModelError::DuplicateLabel(_)));
                self.report_nth(None, None, Some(&l.id), error.to_string(), nth);
            }
        }
        schema
    }

    /// Converts code-point offsets to bytes, reporting spans of unknown documents and bad offsets.
    fn spans(
        &mut self,
        file_spans: Vec<crate::io::project::format::FileSpan>,
        documents: &[Document],
        schema: &LabelSchema,
    ) -> Vec<Span> {
        let by_id: HashMap<u64, &Document> = documents.iter().map(|d| (d.id().0, d)).collect();
        let mut indexes: HashMap<u64, OffsetIndex<'_>> = HashMap::new();
        let mut spans = Vec::with_capacity(file_spans.len());
        let mut seen = HashSet::with_capacity(file_spans.len());
        for s in file_spans {
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
            let index = indexes
                .entry(s.doc)
                .or_insert_with(|| OffsetIndex::new(doc.text()));
            if s.start >= s.end {
                let message = format!("the range {}..{} is empty or reversed", s.start, s.end);
                self.report(doc_id, span_id, None, message);
                continue;
            }
            let (Some(start), Some(end)) = (index.char_to_byte(s.start), index.char_to_byte(s.end))
            else {
                let message = format!(
                    "the range {}..{} goes past the end of the text ({} code points)",
                    s.start,
                    s.end,
                    index.char_len()
                );
                self.report(doc_id, span_id, None, message);
                continue;
            };
            let Ok(label) = LabelId::new(s.label) else {
                continue;
            };
            let mut span = Span::new(SpanId(s.id), DocId(s.doc), start..end, label);
            span.note = s.note;
            spans.push(span);
        }
        spans
    }

    fn model_problem(&mut self, error: ModelError) {
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
