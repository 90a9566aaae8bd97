//! The gold project an adjudication starts from: the documents every project has (A's copy),
//! A's labels and relation types plus those only the others declare, A's guidelines, and every
//! span and relation all made alike, credited to all.

use crate::command::Edit;
use crate::model::{Document, ModelError, Project, ProjectParts};

use super::{Adjudication, AdjudicationError};

impl Adjudication {
    /// The gold project: shared documents, merged schema, agreed spans and relations.
    pub(super) fn gold(&self) -> Result<Project, AdjudicationError> {
        let a = &self.annotators[0].project;
        let mut schema = a.schema().clone();
        for b in self.annotators[1..].iter().map(|x| &x.project) {
            for label in b.schema().labels() {
                if !schema.contains(&label.id) {
                    let mut label = label.clone();
                    if schema.check_insert(schema.len(), &label).is_err() {
                        label.hotkey = None;
                    }
                    schema
                        .insert(schema.len(), label)
                        .map_err(|e| AdjudicationError::Build(e.to_string()))?;
                }
            }
            for kind in b.schema().relation_types() {
                if schema.relation_type(&kind.id).is_none() {
                    schema
                        .add_relation_type(kind.clone())
                        .map_err(|e| AdjudicationError::Build(e.to_string()))?;
                }
            }
        }
        let mut documents: Vec<Document> = Vec::new();
        let mut spans = Vec::new();
        let mut relations = Vec::new();
        for (d, (agreed_spans, agreed_relations)) in self.agreed.iter().enumerate() {
            let doc = a
                .document(self.docs[0][d])
                .ok_or(AdjudicationError::MissingItem)?;
            documents.push(doc.clone());
            for unit in agreed_spans {
                let mut span = self.span_of(0, d, unit)?.clone();
                span.annotator = Some(self.span_credit(d, unit).into());
                spans.push(span);
            }
            for unit in agreed_relations {
                let mut relation = self.relation_of(0, d, unit)?.clone();
                relation.annotator = Some(self.relation_credit(d, unit));
                relations.push(relation);
            }
        }
        let mut gold = Project::from_parts(ProjectParts {
            schema,
            documents,
            spans,
            relations,
        })
        .map_err(|errors| {
            AdjudicationError::Build(
                errors
                    .iter()
                    .map(ModelError::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })?;
        Edit::SetGuidelines(a.guidelines().to_owned())
            .apply(&mut gold)
            .map_err(|e| AdjudicationError::Build(e.to_string()))?;
        Ok(gold)
    }
}
