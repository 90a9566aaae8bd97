//! What several annotators' projects have in common: the documents present in every project
//! (matched by the SHA-256 of their text, never by title or id) and the labels, matched by id.
//! Spans and relations are turned into code-point ranges so that every later step compares plain
//! numbers.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::model::offsets::OffsetIndex;
use crate::model::{DocId, LabelId, Project, RelationTypeId, SpanId};

/// A span as compared between annotators: code-point range and label (an index into
/// [`SharedCorpus::labels`]). Ordered by start, end, label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Index into [`SharedCorpus::labels`].
    pub label: usize,
}

/// A relation as compared between annotators: its type and both ends by range and label.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnitRelation {
    /// The relation type id.
    pub kind: RelationTypeId,
    /// The head span.
    pub head: UnitSpan,
    /// The child span.
    pub child: UnitSpan,
}

/// One annotator's work on one shared document: spans sorted, relations sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocAnnotations {
    /// Spans, sorted.
    pub spans: Vec<UnitSpan>,
    /// Relations, sorted.
    pub relations: Vec<UnitRelation>,
}

/// A document every project has.
#[derive(Clone, Debug)]
pub struct SharedDocument {
    /// SHA-256 of the text.
    pub sha256: String,
    /// Its title in the first project.
    pub title: String,
    /// Length of the text in code points (the units of kappa and alpha).
    pub len: usize,
    /// Each annotator's spans and relations, in the order the projects were given.
    pub annotations: Vec<DocAnnotations>,
}

/// A document left out of the comparison, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeftOutDocument {
    /// SHA-256 of the text.
    pub sha256: String,
    /// Its title (in the first project that has it).
    pub title: String,
    /// The projects (indexes) that have it.
    pub present_in: Vec<usize>,
    /// The projects that hold this text twice or more (only the lowest id is compared): the
    /// document is still compared when it is in every project.
    pub duplicated_in: Vec<usize>,
}

/// A label not declared by every project: its spans still count (they can only disagree).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnmatchedLabel {
    /// The label id.
    pub label: LabelId,
    /// The projects (indexes) whose schema lacks it.
    pub missing_from: Vec<usize>,
}

/// The common ground of several projects.
#[derive(Clone, Debug)]
pub struct SharedCorpus {
    /// Number of projects.
    pub annotators: usize,
    /// Every label id used by any schema, sorted.
    pub labels: Vec<LabelId>,
    /// Labels some schema lacks.
    pub unmatched_labels: Vec<UnmatchedLabel>,
    /// Documents in every project, in the first project's id order.
    pub documents: Vec<SharedDocument>,
    /// Documents not in every project (and texts held twice by one project).
    pub left_out: Vec<LeftOutDocument>,
}

impl SharedCorpus {
    /// Matches the documents and labels of `projects`.
    pub fn new(projects: &[&Project]) -> SharedCorpus {
        let label_set: BTreeSet<&LabelId> = projects
            .iter()
            .flat_map(|p| p.schema().labels().iter().map(|l| &l.id))
            .collect();
        let labels: Vec<LabelId> = label_set.into_iter().cloned().collect();
        let unmatched_labels = labels
            .iter()
            .filter_map(|label| {
                let missing_from: Vec<usize> = (0..projects.len())
                    .filter(|&i| !projects[i].schema().contains(label))
                    .collect();
                (!missing_from.is_empty()).then(|| UnmatchedLabel {
                    label: label.clone(),
                    missing_from,
                })
            })
            .collect();
        let label_index: HashMap<&LabelId, usize> =
            labels.iter().enumerate().map(|(i, l)| (l, i)).collect();

        // Each project's documents by hash (lowest id first), noting texts held twice.
        let mut by_hash: Vec<HashMap<&str, DocId>> = Vec::with_capacity(projects.len());
        let mut duplicated: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, project) in projects.iter().enumerate() {
            let mut map = HashMap::with_capacity(project.document_count());
            for doc in project.documents() {
                if map.contains_key(doc.sha256()) {
                    let list = duplicated.entry(doc.sha256()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                } else {
                    map.insert(doc.sha256(), doc.id());
                }
            }
            by_hash.push(map);
        }

        let mut documents = Vec::new();
        let mut left_out = Vec::new();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for project in projects {
            for doc in project.documents() {
                let hash = doc.sha256();
                if !seen.insert(hash) {
                    continue;
                }
                let present_in: Vec<usize> = (0..projects.len())
                    .filter(|&i| by_hash[i].contains_key(hash))
                    .collect();
                let duplicated_in = duplicated.get(hash).cloned().unwrap_or_default();
                if present_in.len() < projects.len() || !duplicated_in.is_empty() {
                    left_out.push(LeftOutDocument {
                        sha256: hash.to_owned(),
                        title: doc.title().to_owned(),
                        present_in: present_in.clone(),
                        duplicated_in,
                    });
                }
                if present_in.len() < projects.len() {
                    continue;
                }
                let index = OffsetIndex::new(doc.text());
                let annotations = projects
                    .iter()
                    .zip(&by_hash)
                    .map(|(p, ids)| {
                        ids.get(hash).map_or_else(DocAnnotations::default, |&id| {
                            annotations_of(p, id, &index, &label_index)
                        })
                    })
                    .collect();
                documents.push(SharedDocument {
                    sha256: hash.to_owned(),
                    title: doc.title().to_owned(),
                    len: index.char_len(),
                    annotations,
                });
            }
        }
        SharedCorpus {
            annotators: projects.len(),
            labels,
            unmatched_labels,
            documents,
            left_out,
        }
    }
}

/// One project's spans and relations of document `doc`, in code points.
fn annotations_of(
    project: &Project,
    doc: DocId,
    index: &OffsetIndex<'_>,
    labels: &HashMap<&LabelId, usize>,
) -> DocAnnotations {
    let mut units: HashMap<SpanId, UnitSpan> = HashMap::new();
    let mut spans = Vec::with_capacity(project.spans_of(doc).len());
    for span in project.spans_of(doc) {
        // Spans are on character boundaries and labels are in the schema (project invariants).
        let (Some(start), Some(end), Some(&label)) = (
            index.byte_to_char(span.start),
            index.byte_to_char(span.end),
            labels.get(&span.label),
        ) else {
            continue;
        };
        let unit = UnitSpan { start, end, label };
        units.insert(span.id, unit);
        spans.push(unit);
    }
    spans.sort_unstable();
    let mut relations: Vec<UnitRelation> = project
        .relations_of_doc(doc)
        .filter_map(|r| {
            Some(UnitRelation {
                kind: r.kind.clone(),
                head: *units.get(&r.head)?,
                child: *units.get(&r.child)?,
            })
        })
        .collect();
    relations.sort_unstable();
    DocAnnotations { spans, relations }
}
