//! Counts over a whole project for the statistics window and reports: spans per label, per
//! document and per document status, relations per type, progress (documents done), and spans
//! per annotator.
//!
//! One pass over the spans and one over the relations: O(spans + relations + documents ×
//! labels). `examples/statistics_bench.rs` measures it on 1,000 documents and 100,000 spans.

use crate::model::{DocId, DocumentStatus, LabelId, Project, RelationTypeId};

/// Every document status, in the order statistics list them.
pub const STATUSES: [DocumentStatus; 3] = [
    DocumentStatus::New,
    DocumentStatus::InProgress,
    DocumentStatus::Done,
];

/// How [`ProjectStatistics::annotators`] lists the spans that name no annotator.
pub const UNNAMED_ANNOTATOR: &str = "(no name)";

/// The counts of one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentStatistics {
    /// The document.
    pub doc: DocId,
    /// Its title.
    pub title: String,
    /// Its status.
    pub status: DocumentStatus,
    /// Its spans per label, in the order of [`ProjectStatistics::labels`].
    pub spans_per_label: Vec<usize>,
    /// Its relations.
    pub relations: usize,
}

impl DocumentStatistics {
    /// All its spans.
    pub fn spans(&self) -> usize {
        self.spans_per_label.iter().sum()
    }
}

/// The counts of a project, computed by [`project_statistics`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectStatistics {
    /// The labels of the schema, in its order (the columns of every per-label count).
    pub labels: Vec<LabelId>,
    /// Spans per label, in the order of `labels`.
    pub spans_per_label: Vec<usize>,
    /// The relation types of the schema with their relation counts, in schema order.
    pub relations_per_type: Vec<(RelationTypeId, usize)>,
    /// Documents per status, in the order of [`STATUSES`].
    pub documents_per_status: [usize; 3],
    /// Spans in documents of each status, in the order of [`STATUSES`].
    pub spans_per_status: [usize; 3],
    /// Each document's counts, in document id order.
    pub documents: Vec<DocumentStatistics>,
    /// Spans per annotator, most first (then by name); spans without a name are counted under
    /// [`UNNAMED_ANNOTATOR`]. `None` when no span of the project names its annotator.
    pub annotators: Option<Vec<(String, usize)>>,
}

impl ProjectStatistics {
    /// All spans.
    pub fn spans(&self) -> usize {
        self.spans_per_label.iter().sum()
    }

    /// All relations.
    pub fn relations(&self) -> usize {
        self.relations_per_type.iter().map(|(_, n)| n).sum()
    }

    /// Documents whose status is done.
    pub fn documents_done(&self) -> usize {
        self.documents_per_status[status_index(DocumentStatus::Done)]
    }

    /// The share of documents done, from 0 to 1 (0 for a project without documents).
    pub fn progress(&self) -> f32 {
        if self.documents.is_empty() {
            0.0
        } else {
            self.documents_done() as f32 / self.documents.len() as f32
        }
    }
}

/// The position of `status` in [`STATUSES`].
pub fn status_index(status: DocumentStatus) -> usize {
    match status {
        DocumentStatus::New => 0,
        DocumentStatus::InProgress => 1,
        DocumentStatus::Done => 2,
    }
}

/// Counts everything [`ProjectStatistics`] holds, in one pass over spans and relations.
pub fn project_statistics(project: &Project) -> ProjectStatistics {
    let schema = project.schema();
    let labels: Vec<LabelId> = schema.labels().iter().map(|l| l.id.clone()).collect();
    let kinds = schema.relation_types();

    let mut spans_per_label = vec![0; labels.len()];
    let mut relations_per_kind = vec![0; kinds.len()];
    let mut documents_per_status = [0; 3];
    let mut spans_per_status = [0; 3];
    let mut documents = Vec::with_capacity(project.document_count());
    let mut per_annotator: std::collections::HashMap<Option<&str>, usize> =
        std::collections::HashMap::new();
    for doc in project.documents() {
        let mut per_label = vec![0; labels.len()];
        for span in project.spans_of(doc.id()) {
            *per_annotator.entry(span.annotator.as_deref()).or_default() += 1;
            // Every span's label is in the schema (a project invariant). A schema has a handful
            // of labels: a scan beats hashing the label id of every span.
            if let Some(i) = labels.iter().position(|l| *l == span.label) {
                per_label[i] += 1;
            }
        }
        let mut relations = 0;
        for relation in project.relations_of_doc(doc.id()) {
            relations += 1;
            if let Some(i) = kinds.iter().position(|k| k.id == relation.kind) {
                relations_per_kind[i] += 1;
            }
        }
        let status = status_index(doc.status());
        let spans: usize = per_label.iter().sum();
        documents_per_status[status] += 1;
        spans_per_status[status] += spans;
        for (total, n) in spans_per_label.iter_mut().zip(&per_label) {
            *total += n;
        }
        documents.push(DocumentStatistics {
            doc: doc.id(),
            title: doc.title().to_owned(),
            status: doc.status(),
            spans_per_label: per_label,
            relations,
        });
    }
    ProjectStatistics {
        labels,
        spans_per_label,
        relations_per_type: kinds
            .iter()
            .map(|k| k.id.clone())
            .zip(relations_per_kind)
            .collect(),
        documents_per_status,
        spans_per_status,
        documents,
        annotators: annotator_counts(per_annotator),
    }
}

/// The spans per annotator, most first, or `None` when no span names one.
fn annotator_counts(
    per_annotator: std::collections::HashMap<Option<&str>, usize>,
) -> Option<Vec<(String, usize)>> {
    if per_annotator.keys().all(Option::is_none) {
        return None;
    }
    let mut counts: Vec<(String, usize)> = per_annotator
        .into_iter()
        .map(|(name, n)| (name.unwrap_or(UNNAMED_ANNOTATOR).to_owned(), n))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::add_markup_document;
    use crate::model::{ATTRIBUTED_TO, LabelSchema, Relation, Span};

    /// Three documents: 3 actors, 2 claims, 1 source; one relation; statuses new, done, done.
    fn project() -> Project {
        let mut project = Project::new(LabelSchema::default());
        add_markup_document(&mut project, "[أ|actor] ب [ت|actor]").expect("markup");
        let second = add_markup_document(&mut project, "[قال|source] [الوزير|actor] [إن|claim]")
            .expect("markup");
        let third = add_markup_document(&mut project, "[ج|claim] د").expect("markup");
        for doc in [second, third] {
            project
                .set_document_status(doc, DocumentStatus::Done)
                .expect("status");
        }
        let spans = project.spans_of(second).to_vec();
        let claim = spans
            .iter()
            .find(|s| s.label.as_str() == "claim")
            .expect("claim");
        let source = spans
            .iter()
            .find(|s| s.label.as_str() == "source")
            .expect("source");
        let kind = RelationTypeId::new(ATTRIBUTED_TO).expect("kind");
        let id = project.allocate_relation_id();
        project
            .insert_relation(Relation::new(id, kind, claim.id, source.id))
            .expect("relation");
        project
    }

    #[test]
    fn counts_per_label_document_status_and_relation_type() {
        let stats = project_statistics(&project());
        let labels: Vec<&str> = stats.labels.iter().map(LabelId::as_str).collect();
        assert_eq!(labels, ["actor", "claim", "source"]);
        assert_eq!(stats.spans_per_label, [3, 2, 1]);
        assert_eq!(stats.spans(), 6);
        assert_eq!(stats.documents_per_status, [1, 0, 2]);
        assert_eq!(stats.spans_per_status, [2, 0, 4]);
        assert_eq!(stats.documents_done(), 2);
        assert!((stats.progress() - 2.0 / 3.0).abs() < 1e-6);
        let per_doc: Vec<(Vec<usize>, usize)> = stats
            .documents
            .iter()
            .map(|d| (d.spans_per_label.clone(), d.relations))
            .collect();
        assert_eq!(
            per_doc,
            [(vec![2, 0, 0], 0), (vec![1, 1, 1], 1), (vec![0, 1, 0], 0)]
        );
        let relations: Vec<(&str, usize)> = stats
            .relations_per_type
            .iter()
            .map(|(k, n)| (k.as_str(), *n))
            .collect();
        assert_eq!(
            relations,
            [("attributed_to", 1), ("about", 0), ("speaks_for", 0)]
        );
        assert_eq!(stats.relations(), 1);
        assert_eq!(
            stats.annotators, None,
            "no span of the sample names its annotator"
        );
    }

    #[test]
    fn counts_spans_per_annotator_most_first_with_the_unnamed_ones_apart() {
        let mut project = project();
        let doc = add_markup_document(&mut project, "ه و ز").expect("markup");
        for (range, name) in [
            (0..2, Some("layla")),
            (3..5, Some("omar")),
            (6..8, Some("layla")),
        ] {
            let id = project.allocate_span_id();
            let span = Span::new(id, doc, range, LabelId::new("actor").expect("label"));
            project.insert_span(span.made_by(name)).expect("span");
        }
        let stats = project_statistics(&project);
        let expected = [("(no name)", 6), ("layla", 2), ("omar", 1)];
        let got: Vec<(&str, usize)> = stats
            .annotators
            .as_ref()
            .expect("annotators")
            .iter()
            .map(|(name, n)| (name.as_str(), *n))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn an_empty_project_has_zero_counts_and_no_progress() {
        let stats = project_statistics(&Project::default());
        assert_eq!(stats.spans_per_label, [0, 0, 0]);
        assert!(stats.documents.is_empty());
        assert_eq!(stats.progress(), 0.0);
    }
}
