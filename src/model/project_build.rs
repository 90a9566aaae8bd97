//! Building a whole [`Project`] at once (e.g. when a file is loaded), reporting every problem.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::model::project::{DocEntry, SpanLoc};
use crate::model::project_mut::check_range;
use crate::model::span::DocSpans;
use crate::model::{DocId, Document, LabelSchema, ModelError, Project, Span};

impl Project {
    /// Builds a project from its parts in one pass, sorting spans once (fast for 100,000 spans).
    ///
    /// Every broken invariant is reported, not only the first: duplicate document or span ids,
    /// spans of unknown documents or labels, bad ranges, duplicate spans. The id counters are
    /// raised past the largest id in use if needed.
    pub fn from_parts(
        schema: LabelSchema,
        documents: Vec<Document>,
        spans: Vec<Span>,
        next_doc_id: u64,
        next_span_id: u64,
    ) -> Result<Project, Vec<ModelError>> {
        let mut errors = Vec::new();
        let mut entries: BTreeMap<DocId, DocEntry> = BTreeMap::new();
        for doc in documents {
            let id = doc.id();
            if entries.contains_key(&id) {
                errors.push(ModelError::DuplicateDocId(id));
                continue;
            }
            let spans = DocSpans::default();
            entries.insert(id, DocEntry { doc, spans });
        }

        let mut per_doc: HashMap<DocId, Vec<Span>> = HashMap::new();
        let mut ids = HashSet::with_capacity(spans.len());
        for span in spans {
            if !ids.insert(span.id) {
                errors.push(ModelError::DuplicateSpanId(span.id));
                continue;
            }
            let Some(entry) = entries.get(&span.doc) else {
                errors.push(ModelError::UnknownDocument(span.doc));
                continue;
            };
            if !schema.contains(&span.label) {
                errors.push(ModelError::UnknownLabel(span.label.clone()));
                continue;
            }
            if let Err(error) = check_range(entry.doc.text(), span.id, span.start, span.end) {
                errors.push(error);
                continue;
            }
            per_doc.entry(span.doc).or_default().push(span);
        }

        let mut span_index = HashMap::with_capacity(ids.len());
        let mut max_span_id = 0;
        for (doc, spans) in per_doc {
            let sorted = DocSpans::from_unsorted(spans);
            for pair in sorted.as_slice().windows(2) {
                if let [a, b] = pair
                    && (a.start, a.end, &a.label) == (b.start, b.end, &b.label)
                {
                    errors.push(ModelError::DuplicateSpan {
                        span: b.id,
                        existing: a.id,
                    });
                }
            }
            for span in sorted.as_slice() {
                max_span_id = max_span_id.max(span.id.0);
                let loc = SpanLoc {
                    doc,
                    start: span.start,
                    end: span.end,
                };
                span_index.insert(span.id, loc);
            }
            if let Some(entry) = entries.get_mut(&doc) {
                entry.spans = sorted;
            }
        }

        if !errors.is_empty() {
            return Err(errors);
        }
        let max_doc_id = entries.keys().next_back().map_or(0, |d| d.0);
        Ok(Project {
            schema,
            documents: entries,
            span_index,
            next_doc_id: next_doc_id.max(max_doc_id.saturating_add(1)),
            next_span_id: next_span_id.max(max_span_id.saturating_add(1)),
        })
    }
}
