//! Checked changes to relations and span attributes. Like `project_mut.rs`, each method either
//! succeeds completely or returns a [`ModelError`] and leaves the project unchanged.

use crate::model::{
    AttributeValue, LabelSchema, ModelError, Project, Relation, RelationId, RelationTypeId, Span,
    SpanId,
};

/// Checks that every attribute value of `span` is declared by its label and allowed.
pub(crate) fn check_attributes(schema: &LabelSchema, span: &Span) -> Result<(), ModelError> {
    for (name, value) in span.attributes() {
        check_attribute(schema, span, name, value)?;
    }
    Ok(())
}

fn check_attribute(
    schema: &LabelSchema,
    span: &Span,
    name: &str,
    value: &AttributeValue,
) -> Result<(), ModelError> {
    let Some(def) = schema.attribute(&span.label, name) else {
        return Err(ModelError::UnknownAttribute {
            span: span.id,
            label: span.label.clone(),
            name: name.to_owned(),
        });
    };
    if def.accepts(value) {
        Ok(())
    } else {
        Err(ModelError::AttributeValueNotAllowed {
            span: span.id,
            name: name.to_owned(),
            value: value.as_text(),
        })
    }
}

/// Checks a relation against the schema and its two end spans (as given, so a caller can check a
/// relation against spans not yet in a project).
pub(crate) fn check_relation_ends(
    schema: &LabelSchema,
    relation: &Relation,
    head: &Span,
    child: &Span,
) -> Result<(), ModelError> {
    let Some(kind) = schema.relation_type(&relation.kind) else {
        return Err(ModelError::UnknownRelationType(relation.kind.clone()));
    };
    if relation.head == relation.child {
        return Err(ModelError::RelationToItself {
            relation: relation.id,
            span: relation.head,
        });
    }
    if head.doc != child.doc {
        return Err(ModelError::RelationAcrossDocuments {
            relation: relation.id,
            head: head.id,
            child: child.id,
        });
    }
    if !kind.fits(&head.label, &child.label) {
        return Err(ModelError::RelationNotAllowed {
            relation: relation.id,
            kind: relation.kind.clone(),
            head: head.label.clone(),
            child: child.label.clone(),
        });
    }
    Ok(())
}

impl Project {
    /// Appends a relation type to the schema (refusing an invalid or duplicate id).
    pub fn add_relation_type(
        &mut self,
        kind: crate::model::RelationType,
    ) -> Result<(), ModelError> {
        self.schema.add_relation_type(kind)
    }

    /// The relation of this type from `head` to `child`, if any.
    pub fn find_relation(
        &self,
        kind: &RelationTypeId,
        head: SpanId,
        child: SpanId,
    ) -> Option<RelationId> {
        self.relations_of_span(head)
            .find(|r| &r.kind == kind && r.head == head && r.child == child)
            .map(|r| r.id)
    }

    /// Checks everything about `relation` except whether its id is taken; `replacing` does not
    /// count as a duplicate of itself.
    fn check_relation_fields(
        &self,
        relation: &Relation,
        replacing: Option<RelationId>,
    ) -> Result<(), ModelError> {
        let end = |span| {
            self.span(span).ok_or(ModelError::DanglingRelationEnd {
                relation: relation.id,
                span,
            })
        };
        let (head, child) = (end(relation.head)?, end(relation.child)?);
        check_relation_ends(&self.schema, relation, head, child)?;
        match self.find_relation(&relation.kind, relation.head, relation.child) {
            Some(existing) if Some(existing) != replacing => Err(ModelError::DuplicateRelation {
                relation: relation.id,
                existing,
            }),
            _ => Ok(()),
        }
    }

    /// Checks that `relation` could be added (type known, ends exist in one document and fit the
    /// type, id free, no duplicate).
    pub fn check_new_relation(&self, relation: &Relation) -> Result<(), ModelError> {
        if self.relation_docs.contains_key(&relation.id) {
            return Err(ModelError::DuplicateRelationId(relation.id));
        }
        self.check_relation_fields(relation, None)
    }

    /// Adds a relation (its id must be unused; ids at or past the counter advance it).
    pub fn insert_relation(&mut self, relation: Relation) -> Result<(), ModelError> {
        self.check_new_relation(&relation)?;
        let doc = self
            .span(relation.head)
            .map(|s| s.doc)
            .ok_or(ModelError::UnknownSpan(relation.head))?;
        self.insert_relation_unchecked(doc, relation);
        Ok(())
    }

    pub(crate) fn insert_relation_unchecked(&mut self, doc: crate::model::DocId, r: Relation) {
        self.ids.relation = self.ids.relation.max(r.id.0.saturating_add(1));
        for end in [r.head, r.child] {
            // Kept sorted by id, so equal projects compare equal whatever the order of changes.
            let ids = self.span_relations.entry(end).or_default();
            let at = ids.partition_point(|id| *id < r.id);
            ids.insert(at, r.id);
        }
        self.relation_docs.insert(r.id, doc);
        self.relations.insert((doc, r.id), r);
    }

    /// Removes a relation and returns it.
    pub fn remove_relation(&mut self, id: RelationId) -> Result<Relation, ModelError> {
        let doc = self
            .relation_docs
            .remove(&id)
            .ok_or(ModelError::UnknownRelation(id))?;
        let relation = self
            .relations
            .remove(&(doc, id))
            .ok_or(ModelError::UnknownRelation(id))?;
        for end in [relation.head, relation.child] {
            if let Some(ids) = self.span_relations.get_mut(&end) {
                ids.retain(|r| *r != id);
                if ids.is_empty() {
                    self.span_relations.remove(&end);
                }
            }
        }
        Ok(relation)
    }

    /// Removes every relation `span` is an end of; returns them by id.
    pub(crate) fn remove_relations_of_span(&mut self, span: SpanId) -> Vec<Relation> {
        let mut ids = self.span_relations.get(&span).cloned().unwrap_or_default();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .filter_map(|id| self.remove_relation(id).ok())
            .collect()
    }

    /// Changes a relation's type; returns the previous type.
    pub fn set_relation_type(
        &mut self,
        id: RelationId,
        kind: RelationTypeId,
    ) -> Result<RelationTypeId, ModelError> {
        let mut changed = self
            .relation(id)
            .ok_or(ModelError::UnknownRelation(id))?
            .clone();
        changed.kind = kind;
        self.check_relation_fields(&changed, Some(id))?;
        let old = self.remove_relation(id)?;
        let doc = self
            .span(changed.head)
            .map(|s| s.doc)
            .ok_or(ModelError::UnknownSpan(changed.head))?;
        self.insert_relation_unchecked(doc, changed);
        Ok(old.kind)
    }

    /// Sets (`Some`) or clears (`None`) one attribute of a span; returns the previous value.
    pub fn set_span_attribute(
        &mut self,
        span: SpanId,
        name: &str,
        value: Option<AttributeValue>,
    ) -> Result<Option<AttributeValue>, ModelError> {
        let current = self.span(span).ok_or(ModelError::UnknownSpan(span))?;
        match &value {
            Some(value) => check_attribute(&self.schema, current, name, value)?,
            None if self.schema.attribute(&current.label, name).is_none()
                && !current.attributes().contains_key(name) =>
            {
                return Err(ModelError::UnknownAttribute {
                    span,
                    label: current.label.clone(),
                    name: name.to_owned(),
                });
            }
            None => {}
        }
        let mut previous = None;
        self.modify_span_in_place(span, |s| {
            previous = s.edit_attributes(|attributes| match value {
                Some(value) => attributes.insert(name.to_owned(), value),
                None => attributes.remove(name),
            });
        })?;
        Ok(previous)
    }
}
