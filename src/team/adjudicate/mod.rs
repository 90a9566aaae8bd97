//! Adjudication: from two annotators' projects of the same documents to one gold project.
//!
//! The gold project holds the documents both projects have (matched by the hash of their text,
//! as [`SharedCorpus`] does, taken from the first project), the first project's labels and
//! relation types plus those only the second declares, and, from the start, every span and
//! relation both annotators made exactly alike. Each remaining difference is a [`Disagreement`]
//! (classified by `disagree.rs`); a [`Decision`] on one becomes one [`Edit`] of the gold project
//! (take A's side, B's side, both or neither), so it is one undo step and can be changed later.
//!
//! Every span and relation of the gold keeps who proposed it: its own `annotator` when it has
//! one, else the name of the annotator whose project it comes from; a span both made is credited
//! to both (`"layla, omar"`).

mod decide;
mod gold;

use std::collections::HashMap;
use std::ops::Range;

use crate::model::offsets::OffsetIndex;
use crate::model::{DocId, Document, LabelId, Project, Relation, RelationId, Span, SpanId};
use crate::team::agree::{AgreementReport, agreement};
use crate::team::disagree::{Disagreement, Item};
use crate::team::shared::{UnitRelation, UnitSpan};

/// One annotator's project and the name its work is credited to (e.g. the file's stem).
#[derive(Clone, Debug)]
pub struct Annotator {
    /// The name spans and relations without an annotator of their own are credited to.
    pub name: String,
    /// The project.
    pub project: Project,
}

/// What to keep of a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// A's side only.
    TakeA,
    /// B's side only.
    TakeB,
    /// Both sides.
    Both,
    /// Neither side.
    Neither,
}

impl Decision {
    /// Every decision, in key order.
    pub const ALL: [Decision; 4] = [
        Decision::TakeA,
        Decision::TakeB,
        Decision::Both,
        Decision::Neither,
    ];

    /// The name of the undo step ("Undo take A").
    pub fn name(self) -> &'static str {
        match self {
            Decision::TakeA => "take A",
            Decision::TakeB => "take B",
            Decision::Both => "take both",
            Decision::Neither => "take neither",
        }
    }

    /// Whether A's and B's sides are kept.
    pub fn keeps(self) -> [bool; 2] {
        match self {
            Decision::TakeA => [true, false],
            Decision::TakeB => [false, true],
            Decision::Both => [true, true],
            Decision::Neither => [false, false],
        }
    }
}

/// Why adjudication could not start or a decision could not be made.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum AdjudicationError {
    /// Adjudication compares exactly two annotators.
    #[error("adjudication compares two annotators at a time, not {0}")]
    NotTwo(usize),
    /// No document is in both projects.
    #[error(
        "no document of {a} is also in {b} (documents are matched by their text, not their title)"
    )]
    NoSharedDocument {
        /// The first annotator.
        a: String,
        /// The second annotator.
        b: String,
    },
    /// The gold project could not be built.
    #[error("the gold project could not be built: {0}")]
    Build(String),
    /// No disagreement has this index.
    #[error("there is no disagreement {0}")]
    UnknownDisagreement(usize),
    /// A side's span or relation is not in its project (cannot happen for a disagreement of
    /// this adjudication).
    #[error("a span or relation of the disagreement is missing from its project")]
    MissingItem,
}

/// What one side proposes at a disagreement, in the document's bytes.
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

/// Two annotators' projects, their agreement, their disagreements, and how to turn decisions
/// into edits of the gold project.
#[derive(Debug)]
pub struct Adjudication {
    annotators: Vec<Annotator>,
    report: AgreementReport,
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
    /// Compares two annotators and builds the gold project (the agreed spans and relations
    /// already in it).
    pub fn new(annotators: Vec<Annotator>) -> Result<(Adjudication, Project), AdjudicationError> {
        if annotators.len() != 2 {
            return Err(AdjudicationError::NotTwo(annotators.len()));
        }
        let projects: Vec<&Project> = annotators.iter().map(|a| &a.project).collect();
        let report = agreement(&projects);
        if report.corpus.documents.is_empty() {
            return Err(AdjudicationError::NoSharedDocument {
                a: annotators[0].name.clone(),
                b: annotators[1].name.clone(),
            });
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
            docs,
            doc_index,
            spans,
            relations,
        };
        let gold = adjudication.gold()?;
        Ok((adjudication, gold))
    }

    /// The annotators compared (A, then B).
    pub fn annotators(&self) -> &[Annotator] {
        &self.annotators
    }

    /// The agreement of the two projects (item 3's figures).
    pub fn report(&self) -> &AgreementReport {
        &self.report
    }

    /// Every disagreement of A and B, by document.
    pub fn disagreements(&self) -> &[Disagreement] {
        self.report
            .pairs
            .first()
            .map_or(&[], |p| p.disagreements.as_slice())
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

    /// The name a span or relation of annotator `k` is credited to: its own, else `k`'s name.
    fn credit(&self, k: usize, own: Option<&String>) -> String {
        own.cloned()
            .unwrap_or_else(|| self.annotators[k].name.clone())
    }

    fn span_of(&self, k: usize, d: usize, unit: &UnitSpan) -> Result<&Span, AdjudicationError> {
        self.spans[k][d]
            .get(unit)
            .and_then(|&id| self.annotators[k].project.span(id))
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

    /// What side `k` (0: A, 1: B) of disagreement `index` proposes, in bytes.
    pub fn side(&self, index: usize, k: usize) -> Option<SideItem> {
        let dis = self.disagreements().get(index)?;
        let item = if k == 0 {
            dis.a.as_ref()?
        } else {
            dis.b.as_ref()?
        };
        let d = dis.document;
        let span = |u: &UnitSpan| {
            self.span_of(k, d, u)
                .ok()
                .map(|s| (s.range(), s.label.clone()))
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

    /// The bytes disagreement `index` covers (from the first start to the last end of both
    /// sides' spans), and its gold document.
    pub fn focus(&self, index: usize) -> Option<(DocId, Range<usize>)> {
        let dis = self.disagreements().get(index)?;
        let mut ranges = Vec::new();
        for k in 0..2 {
            match self.side(index, k) {
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

    /// Whether A's and B's sides of disagreement `index` are in `gold` now.
    pub fn kept(&self, gold: &Project, index: usize) -> [bool; 2] {
        let mut kept = [false, false];
        let Some(dis) = self.disagreements().get(index) else {
            return kept;
        };
        for (k, item) in [&dis.a, &dis.b].into_iter().enumerate() {
            kept[k] = match item {
                Some(Item::Span(u)) => self.gold_span(gold, k, dis.document, u).is_some(),
                Some(Item::Relation(r)) => self.gold_relation(gold, k, dis.document, r).is_some(),
                None => false,
            };
        }
        kept
    }

    /// The gold span with the range and label of side `k`'s span `unit`.
    fn gold_span(&self, gold: &Project, k: usize, d: usize, unit: &UnitSpan) -> Option<SpanId> {
        let span = self.span_of(k, d, unit).ok()?;
        gold.find_duplicate(self.docs[0][d], span.range(), &span.label)
    }

    /// The gold relation of the type and ends of side `k`'s relation `unit`.
    fn gold_relation(
        &self,
        gold: &Project,
        k: usize,
        d: usize,
        unit: &UnitRelation,
    ) -> Option<RelationId> {
        let head = self.gold_span(gold, k, d, &unit.head)?;
        let child = self.gold_span(gold, k, d, &unit.child)?;
        gold.relations_of_span(head)
            .find(|r| r.head == head && r.child == child && r.kind == unit.kind)
            .map(|r| r.id)
    }
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
