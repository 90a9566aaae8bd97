//! A decision on a disagreement as one edit of the gold project: the kept alternatives' spans
//! (or relations, with their ends) added when missing, credited to who proposed them; the other
//! alternatives removed when present.

use std::collections::HashMap;
use std::ops::Range;

use crate::command::Edit;
use crate::model::{LabelId, Project, Relation, RelationId, SpanId};
use crate::team::disagree::Item;
use crate::team::shared::{UnitRelation, UnitSpan};

use super::{Adjudication, AdjudicationError, Decision};

impl Adjudication {
    /// The edit that makes `gold` hold what `decision` keeps of disagreement `index`: the kept
    /// alternatives' spans (or relations, with their ends) added when missing, the others
    /// removed when present. One edit (possibly an empty batch), so one undo step.
    pub fn decision_edit(
        &self,
        gold: &Project,
        index: usize,
        decision: Decision,
    ) -> Result<Edit, AdjudicationError> {
        let dis = self
            .disputes
            .get(index)
            .ok_or(AdjudicationError::UnknownDisagreement(index))?;
        let d = dis.document;
        let keeps = decision.keeps(dis, self.annotators.len())?;
        let mut edits = Vec::new();
        for (alternative, &keep) in dis.alternatives.iter().zip(&keeps) {
            if keep {
                continue;
            }
            match &alternative.item {
                Item::Span(u) => {
                    if let Some(id) = self.gold_span(gold, d, u) {
                        edits.push(Edit::RemoveSpan(id));
                    }
                }
                Item::Relation(r) => {
                    if let Some(id) = self.gold_relation(gold, d, r) {
                        edits.push(Edit::RemoveRelation(id));
                    }
                }
            }
        }
        let mut adder = Adder {
            adjudication: self,
            gold,
            doc: d,
            ids: IdSource::new(gold),
            added: HashMap::new(),
            edits: &mut edits,
        };
        for (alternative, &keep) in dis.alternatives.iter().zip(&keeps) {
            if !keep {
                continue;
            }
            match &alternative.item {
                Item::Span(u) => {
                    adder.ensure_span(u)?;
                }
                Item::Relation(r) => adder.ensure_relation(r)?,
            }
        }
        Ok(Edit::Batch(edits))
    }
}

/// Fresh span and relation ids of the gold project, for several additions in one batch.
struct IdSource {
    span: u64,
    relation: u64,
}

impl IdSource {
    fn new(gold: &Project) -> Self {
        Self {
            span: gold.next_span_id(),
            relation: gold.next_relation_id(),
        }
    }

    fn span(&mut self, gold: &Project) -> SpanId {
        while gold.span(SpanId(self.span)).is_some() {
            self.span += 1;
        }
        self.span += 1;
        SpanId(self.span - 1)
    }

    fn relation(&mut self, gold: &Project) -> RelationId {
        while gold.relation(RelationId(self.relation)).is_some() {
            self.relation += 1;
        }
        self.relation += 1;
        RelationId(self.relation - 1)
    }
}

/// Adds a side's spans and relations to one decision's batch, each once.
struct Adder<'a> {
    adjudication: &'a Adjudication,
    gold: &'a Project,
    doc: usize,
    ids: IdSource,
    /// Spans added by this batch, by range and label.
    added: HashMap<(Range<usize>, LabelId), SpanId>,
    edits: &'a mut Vec<Edit>,
}

impl Adder<'_> {
    /// The gold span like `unit`, added (credited to its proposers) when missing.
    fn ensure_span(&mut self, unit: &UnitSpan) -> Result<SpanId, AdjudicationError> {
        let adj = self.adjudication;
        let (_, source) = adj.any_span(self.doc, unit)?;
        let key = (source.range(), source.label.clone());
        if let Some(&id) = self.added.get(&key) {
            return Ok(id);
        }
        let gold_doc = adj.docs[0][self.doc];
        if let Some(id) = self.gold.find_duplicate(gold_doc, key.0.clone(), &key.1) {
            return Ok(id);
        }
        let mut span = source.clone();
        span.id = self.ids.span(self.gold);
        span.doc = gold_doc;
        span.annotator = Some(adj.span_credit(self.doc, unit).into());
        // Attributes the gold's schema does not declare for the label are left out.
        let schema = self.gold.schema();
        let label = span.label.clone();
        span.edit_attributes(|a| a.retain(|name, _| schema.attribute(&label, name).is_some()));
        let id = span.id;
        self.added.insert(key, id);
        self.edits.push(Edit::AddSpan(span));
        Ok(id)
    }

    /// The relation `unit` in the gold, with its ends.
    fn ensure_relation(&mut self, unit: &UnitRelation) -> Result<(), AdjudicationError> {
        let adj = self.adjudication;
        let head = self.ensure_span(&unit.head)?;
        let child = self.ensure_span(&unit.child)?;
        let exists = self
            .gold
            .relations_of_span(head)
            .any(|r| r.head == head && r.child == child && r.kind == unit.kind);
        if exists {
            return Ok(());
        }
        let mut relation =
            Relation::new(self.ids.relation(self.gold), unit.kind.clone(), head, child);
        relation.annotator = Some(adj.relation_credit(self.doc, unit));
        self.edits.push(Edit::AddRelation(relation));
        Ok(())
    }
}
