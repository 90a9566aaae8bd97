//! The gold project an adjudication starts from: the documents both projects have (A's copy),
//! A's labels and relation types plus those only B declares, A's guidelines, and every span and
//! relation both made alike, credited to both.

use crate::command::Edit;
use crate::model::{Document, ModelError, Project, ProjectParts};

use super::{Adjudication, AdjudicationError};

impl Adjudication {
    /// The gold project: shared documents, merged schema, agreed spans and relations.
    pub(super) fn gold(&self) -> Result<Project, AdjudicationError> {
        let (a, b) = (&self.annotators[0].project, &self.annotators[1].project);
        let mut schema = a.schema().clone();
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
        let mut documents: Vec<Document> = Vec::new();
        let mut spans = Vec::new();
        let mut relations = Vec::new();
        for (d, shared) in self.report.corpus.documents.iter().enumerate() {
            let doc = a
                .document(self.docs[0][d])
                .ok_or(AdjudicationError::MissingItem)?;
            documents.push(doc.clone());
            let both = &shared.annotations;
            for unit in common(&both[0].spans, &both[1].spans) {
                let (sa, sb) = (self.span_of(0, d, unit)?, self.span_of(1, d, unit)?);
                let mut span = sa.clone();
                span.annotator = Some(join_names(
                    &self.credit(0, sa.annotator.as_ref()),
                    &self.credit(1, sb.annotator.as_ref()),
                ));
                spans.push(span);
            }
            for unit in common(&both[0].relations, &both[1].relations) {
                let (ra, rb) = (self.relation_of(0, d, unit)?, self.relation_of(1, d, unit)?);
                let mut relation = ra.clone();
                relation.annotator = Some(join_names(
                    &self.credit(0, ra.annotator.as_ref()),
                    &self.credit(1, rb.annotator.as_ref()),
                ));
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

/// `a` alone when both names are the same, else "a, b".
fn join_names(a: &str, b: &str) -> String {
    if a == b {
        a.to_owned()
    } else {
        format!("{a}, {b}")
    }
}

/// Items in both sorted lists.
fn common<'a, T: Ord>(a: &'a [T], b: &[T]) -> Vec<&'a T> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
