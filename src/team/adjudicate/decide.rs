//! A decision on a disagreement as one edit of the gold project: the kept sides' spans (or
//! relations, with their ends) added when missing, credited to who proposed them; the other
//! sides' removed when present.

use std::collections::HashMap;
use std::ops::Range;

use crate::command::Edit;
use crate::model::{LabelId, Project, Relation, RelationId, SpanId};
use crate::team::disagree::Item;
use crate::team::shared::{UnitRelation, UnitSpan};

use super::{Adjudication, AdjudicationError, Decision};

impl Adjudication {
    /// The edit that makes `gold` hold what `decision` keeps of disagreement `index`: the kept
    /// sides' spans (or relations, with their ends) added when missing, the other sides' removed
    /// when present. One edit (possibly an empty batch), so one undo step.
    pub fn decision_edit(
        &self,
        gold: &Project,
        index: usize,
        decision: Decision,
    ) -> Result<Edit, AdjudicationError> {
        let dis = self
            .disagreements()
            .get(index)
            .ok_or(AdjudicationError::UnknownDisagreement(index))?;
        let d = dis.document;
        let keeps = decision.keeps();
        let sides = [&dis.a, &dis.b];
        let mut edits = Vec::new();
        for (k, item) in sides.into_iter().enumerate() {
            if keeps[k] {
                continue;
            }
            match item {
                Some(Item::Span(u)) => {
                    if let Some(id) = self.gold_span(gold, k, d, u) {
                        edits.push(Edit::RemoveSpan(id));
                    }
                }
                Some(Item::Relation(r)) => {
                    if let Some(id) = self.gold_relation(gold, k, d, r) {
                        edits.push(Edit::RemoveRelation(id));
                    }
                }
                None => {}
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
        for (k, item) in sides.into_iter().enumerate() {
            if !keeps[k] {
                continue;
            }
            match item {
                Some(Item::Span(u)) => {
                    adder.ensure_span(k, u)?;
                }
                Some(Item::Relation(r)) => adder.ensure_relation(k, r)?,
                None => {}
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
    /// The gold span like side `k`'s `unit`, added (credited to its proposer) when missing.
    fn ensure_span(&mut self, k: usize, unit: &UnitSpan) -> Result<SpanId, AdjudicationError> {
        let adj = self.adjudication;
        let source = adj.span_of(k, self.doc, unit)?;
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
        span.annotator = Some(adj.credit(k, source.annotator.as_ref()));
        // Attributes the gold's schema does not declare for the label are left out.
        let schema = self.gold.schema();
        span.attributes
            .retain(|name, _| schema.attribute(&span.label, name).is_some());
        let id = span.id;
        self.added.insert(key, id);
        self.edits.push(Edit::AddSpan(span));
        Ok(id)
    }

    /// Side `k`'s relation `unit` in the gold, with its ends.
    fn ensure_relation(&mut self, k: usize, unit: &UnitRelation) -> Result<(), AdjudicationError> {
        let adj = self.adjudication;
        let head = self.ensure_span(k, &unit.head)?;
        let child = self.ensure_span(k, &unit.child)?;
        let exists = self
            .gold
            .relations_of_span(head)
            .any(|r| r.head == head && r.child == child && r.kind == unit.kind);
        if exists {
            return Ok(());
        }
        let source = adj.relation_of(k, self.doc, unit)?;
        let mut relation =
            Relation::new(self.ids.relation(self.gold), unit.kind.clone(), head, child);
        relation.annotator = Some(adj.credit(k, source.annotator.as_ref()));
        self.edits.push(Edit::AddRelation(relation));
        Ok(())
    }
}
