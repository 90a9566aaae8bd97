//! Adjudication: from several annotators' projects of the same documents to one gold project.
//!
//! The gold project holds the documents every project has (matched by the hash of their text,
//! as [`SharedCorpus`] does, taken from the first project), the first project's labels and
//! relation types plus those only the others declare, and, from the start, every span and
//! relation all annotators made exactly alike. Each remaining difference is a [`Dispute`]: the
//! alternatives proposed at one place, each with who proposed it (grouped by `dispute.rs`). A
//! [`Decision`] on one becomes one [`Edit`] of the gold project (take an annotator's side, one
//! alternative, all, the majority or none), so it is one undo step and can be changed later;
//! [`Decisions`] remembers what was decided, in step with the undo history.
//!
//! Every span and relation of the gold keeps who proposed it: its own `annotator` when it has
//! one, else the name of the annotator whose project it comes from; a span several made is
//! credited to each of them (`"layla, omar"`).
//!
//! [`SharedCorpus`]: crate::team::SharedCorpus
//! [`Edit`]: crate::command::Edit

mod decide;
mod decision;
mod dispute;
mod gold;

use std::collections::HashMap;
use std::ops::Range;

use crate::model::offsets::OffsetIndex;
use crate::model::{DocId, Document, LabelId, Project, Relation, RelationId, Span, SpanId};
use crate::team::agree::{AgreementReport, agreement};
use crate::team::disagree::Item;
use crate::team::shared::{UnitRelation, UnitSpan};

pub use decision::{Decision, Decisions, letter};
pub use dispute::{Alternative, Dispute};

/// One annotator's project and the name its work is credited to (e.g. the file's stem).
#[derive(Clone, Debug)]
pub struct Annotator {
    /// The name spans and relations without an annotator of their own are credited to.
    pub name: String,
    /// The project.
    pub project: Project,
}

/// Why adjudication could not start or a decision could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AdjudicationError {
    /// Adjudication compares two annotators or more.
    #[error("adjudication compares two annotators or more, not {0}")]
    TooFew(usize),
    /// No document is in every project.
    #[error(
        "no document is in every one of {names} (documents are matched by their text, not their title)"
    )]
    NoSharedDocument {
        /// The annotators, "a and b" or "a, b and c".
        names: String,
    },
    /// The gold project could not be built.
    #[error("the gold project could not be built: {0}")]
    Build(String),
    /// No disagreement has this index.
    #[error("there is no disagreement {0}")]
    UnknownDisagreement(usize),
    /// No alternative has this number (1-based).
    #[error("this disagreement has no alternative {0}")]
    NoAlternative(usize),
    /// No alternative was proposed by more than half of the annotators.
    #[error("no alternative was proposed by more than half of the annotators")]
    NoMajority,
    /// A side's span or relation is not in its project (cannot happen for a disagreement of
    /// this adjudication).
    #[error("a span or relation of the disagreement is missing from its project")]
    MissingItem,
}

/// What an alternative of a disagreement is, in the document's bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SideItem {
    /// A span: range and label.
    Span(Range<usize>, LabelId),
    /// A relation: its type and both ends.
    Relation {
        /// The relation type.
        kind: crate::model::RelationTypeId,
        /// The head span's range and label.
        head: (Range<usize>, LabelId),
        /// The child span's range and label.
        child: (Range<usize>, LabelId),
    },
}

/// The annotators' projects, their agreement, their disagreements, and how to turn decisions
/// into edits of the gold project.
#[derive(Debug)]
pub struct Adjudication {
    annotators: Vec<Annotator>,
    report: AgreementReport,
    /// `agreed[d]`: the spans and relations every annotator made in shared document `d`.
    agreed: Vec<(Vec<UnitSpan>, Vec<UnitRelation>)>,
    /// Every disagreement, by document.
    disputes: Vec<Dispute>,
    /// `docs[k][d]`: annotator `k`'s id of shared document `d` (the gold uses A's ids).
    docs: Vec<Vec<DocId>>,
    /// Shared document index by A's (= the gold's) document id.
    doc_index: HashMap<DocId, usize>,
    /// `spans[k][d]`: annotator `k`'s span ids of shared document `d` by unit.
    spans: Vec<Vec<HashMap<UnitSpan, SpanId>>>,
    /// `relations[k][d]`: annotator `k`'s relation ids of shared document `d` by unit.
    relations: Vec<Vec<HashMap<UnitRelation, RelationId>>>,
}

impl Adjudication {
    /// Compares two annotators or more and builds the gold project (the spans and relations
    /// all made alike already in it).
    pub fn new(annotators: Vec<Annotator>) -> Result<(Adjudication, Project), AdjudicationError> {
        if annotators.len() < 2 {
            return Err(AdjudicationError::TooFew(annotators.len()));
        }
        let projects: Vec<&Project> = annotators.iter().map(|a| &a.project).collect();
        let report = agreement(&projects);
        if report.corpus.documents.is_empty() {
            let names: Vec<&str> = annotators.iter().map(|a| a.name.as_str()).collect();
            let (last, rest) = names.split_last().unwrap_or((&"", &[]));
            return Err(AdjudicationError::NoSharedDocument {
                names: format!("{} and {last}", rest.join(", ")),
            });
        }
        let mut agreed = Vec::new();
        let mut disputes = Vec::new();
        for (d, doc) in report.corpus.documents.iter().enumerate() {
            let compared = dispute::compare(d, &doc.annotations);
            agreed.push((compared.spans, compared.relations));
            disputes.extend(compared.disputes);
        }
        let labels = &report.corpus.labels;
        let mut docs = Vec::new();
        let mut spans = Vec::new();
        let mut relations = Vec::new();
        for annotator in &annotators {
            let project = &annotator.project;
            let mut by_hash: HashMap<&str, DocId> = HashMap::new();
            for doc in project.documents() {
                by_hash.entry(doc.sha256()).or_insert(doc.id());
            }
            let ids: Vec<DocId> = report
                .corpus
                .documents
                .iter()
                .map(|d| by_hash.get(d.sha256.as_str()).copied())
                .collect::<Option<_>>()
                .ok_or(AdjudicationError::MissingItem)?;
            let (unit_spans, unit_relations): (Vec<_>, Vec<_>) = ids
                .iter()
                .map(|&doc| units_of(project, doc, labels))
                .unzip();
            docs.push(ids);
            spans.push(unit_spans);
            relations.push(unit_relations);
        }
        let doc_index = docs[0].iter().enumerate().map(|(d, &id)| (id, d)).collect();
        let adjudication = Adjudication {
            annotators,
            report,
            agreed,
            disputes,
            docs,
            doc_index,
            spans,
            relations,
        };
        let gold = adjudication.gold()?;
        Ok((adjudication, gold))
    }

    /// The annotators compared (A, B, C, …).
    pub fn annotators(&self) -> &[Annotator] {
        &self.annotators
    }

    /// The agreement of the projects (item 3's figures, every pair and α over all).
    pub fn report(&self) -> &AgreementReport {
        &self.report
    }

    /// Every disagreement, by document.
    pub fn disagreements(&self) -> &[Dispute] {
        &self.disputes
    }

    /// The gold's id of shared document `d`.
    pub fn gold_document(&self, d: usize) -> Option<DocId> {
        self.docs[0].get(d).copied()
    }

    /// The shared document with this gold id.
    pub fn shared_index(&self, gold_doc: DocId) -> Option<usize> {
        self.doc_index.get(&gold_doc).copied()
    }

    /// Annotator `k`'s spans of the shared document with gold id `gold_doc` (byte offsets are
    /// the gold's: the texts are the same).
    pub fn spans_of(&self, k: usize, gold_doc: DocId) -> &[Span] {
        match (self.shared_index(gold_doc), self.annotators.get(k)) {
            (Some(d), Some(annotator)) => annotator.project.spans_of(self.docs[k][d]),
            _ => &[],
        }
    }

    /// Who made `unit` in shared document `d`, credited: each proposer's own annotator name
    /// when the span has one, else the proposer's name; the names joined, each once.
    fn span_credit(&self, d: usize, unit: &UnitSpan) -> String {
        let names = (0..self.annotators.len()).filter_map(|k| {
            let span = self.span_of(k, d, unit).ok()?;
            Some(self.credit(k, span.annotator.as_deref()))
        });
        join_names(names)
    }

    /// Who made relation `unit` in shared document `d`, credited as [`Self::span_credit`].
    fn relation_credit(&self, d: usize, unit: &UnitRelation) -> String {
        let names = (0..self.annotators.len()).filter_map(|k| {
            let relation = self.relation_of(k, d, unit).ok()?;
            Some(self.credit(k, relation.annotator.as_deref()))
        });
        join_names(names)
    }

    /// The name a span or relation of annotator `k` is credited to: its own, else `k`'s name.
    fn credit(&self, k: usize, own: Option<&str>) -> String {
        own.map(str::to_owned)
            .unwrap_or_else(|| self.annotators[k].name.clone())
    }

    fn span_of(&self, k: usize, d: usize, unit: &UnitSpan) -> Result<&Span, AdjudicationError> {
        self.spans[k][d]
            .get(unit)
            .and_then(|&id| self.annotators[k].project.span(id))
            .ok_or(AdjudicationError::MissingItem)
    }

    /// The span `unit` of shared document `d` from the first annotator who made it.
    fn any_span(&self, d: usize, unit: &UnitSpan) -> Result<(usize, &Span), AdjudicationError> {
        (0..self.annotators.len())
            .find_map(|k| self.span_of(k, d, unit).ok().map(|s| (k, s)))
            .ok_or(AdjudicationError::MissingItem)
    }

    fn relation_of(
        &self,
        k: usize,
        d: usize,
        unit: &UnitRelation,
    ) -> Result<&Relation, AdjudicationError> {
        self.relations[k][d]
            .get(unit)
            .and_then(|&id| self.annotators[k].project.relation(id))
            .ok_or(AdjudicationError::MissingItem)
    }

    /// Alternative `j` of disagreement `index`, in bytes.
    pub fn alternative(&self, index: usize, j: usize) -> Option<SideItem> {
        let dis = self.disputes.get(index)?;
        let item = &dis.alternatives.get(j)?.item;
        let d = dis.document;
        let span = |u: &UnitSpan| {
            self.any_span(d, u)
                .ok()
                .map(|(_, s)| (s.range(), s.label.clone()))
        };
        Some(match item {
            Item::Span(u) => {
                let (range, label) = span(u)?;
                SideItem::Span(range, label)
            }
            Item::Relation(r) => SideItem::Relation {
                kind: r.kind.clone(),
                head: span(&r.head)?,
                child: span(&r.child)?,
            },
        })
    }

    /// The bytes disagreement `index` covers (from the first start to the last end of its
    /// alternatives' spans), and its gold document.
    pub fn focus(&self, index: usize) -> Option<(DocId, Range<usize>)> {
        let dis = self.disputes.get(index)?;
        let mut ranges = Vec::new();
        for j in 0..dis.alternatives.len() {
            match self.alternative(index, j) {
                Some(SideItem::Span(range, _)) => ranges.push(range),
                Some(SideItem::Relation { head, child, .. }) => {
                    ranges.push(head.0);
                    ranges.push(child.0);
                }
                None => {}
            }
        }
        let start = ranges.iter().map(|r| r.start).min()?;
        let end = ranges.iter().map(|r| r.end).max()?;
        Some((self.gold_document(dis.document)?, start..end))
    }

    /// Whether each alternative of disagreement `index` is in `gold` now.
    pub fn kept(&self, gold: &Project, index: usize) -> Vec<bool> {
        let Some(dis) = self.disputes.get(index) else {
            return Vec::new();
        };
        dis.alternatives
            .iter()
            .map(|alternative| match &alternative.item {
                Item::Span(u) => self.gold_span(gold, dis.document, u).is_some(),
                Item::Relation(r) => self.gold_relation(gold, dis.document, r).is_some(),
            })
            .collect()
    }

    /// The gold span with the range and label of `unit`.
    fn gold_span(&self, gold: &Project, d: usize, unit: &UnitSpan) -> Option<SpanId> {
        let (_, span) = self.any_span(d, unit).ok()?;
        gold.find_duplicate(self.docs[0][d], span.range(), &span.label)
    }

    /// The gold relation of the type and ends of `unit`.
    fn gold_relation(&self, gold: &Project, d: usize, unit: &UnitRelation) -> Option<RelationId> {
        let head = self.gold_span(gold, d, &unit.head)?;
        let child = self.gold_span(gold, d, &unit.child)?;
        gold.relations_of_span(head)
            .find(|r| r.head == head && r.child == child && r.kind == unit.kind)
            .map(|r| r.id)
    }
}

/// The names, each once, in order, joined with ", ".
fn join_names(names: impl Iterator<Item = String>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for name in names {
        if !seen.contains(&name) {
            seen.push(name);
        }
    }
    seen.join(", ")
}

/// One project's spans and relations of `doc` by unit (code points and label index, as
/// `shared.rs` makes them).
type Units = (HashMap<UnitSpan, SpanId>, HashMap<UnitRelation, RelationId>);

fn units_of(project: &Project, doc: DocId, labels: &[LabelId]) -> Units {
    let text = project.document(doc).map_or("", Document::text);
    let index = OffsetIndex::new(text);
    let mut by_id: HashMap<SpanId, UnitSpan> = HashMap::new();
    let mut spans = HashMap::new();
    for span in project.spans_of(doc) {
        let (Some(start), Some(end), Ok(label)) = (
            index.byte_to_char(span.start),
            index.byte_to_char(span.end),
            labels.binary_search(&span.label),
        ) else {
            continue;
        };
        let unit = UnitSpan { start, end, label };
        by_id.insert(span.id, unit);
        spans.insert(unit, span.id);
    }
    let relations = project
        .relations_of_doc(doc)
        .filter_map(|r| {
            let unit = UnitRelation {
                kind: r.kind.clone(),
                head: *by_id.get(&r.head)?,
                child: *by_id.get(&r.child)?,
            };
            Some((unit, r.id))
        })
        .collect();
    (spans, relations)
}
