//! Relabelling a span whose relations its new label no longer fits: the relations go with the
//! change (one undo step), and the user hears which: the status bar says so for one
//! ("Relabelled; 1 relation removed: about -> الولايات"), and several are asked about first.

use super::IsnadApp;
use super::dialogs::PendingRelabel;
use crate::command::Edit;
use crate::model::{LabelId, ModelError, Project, Relation, SpanId};

/// A relation as the user knows it: its type and the text of its child ("about -> الولايات").
fn describe(project: &Project, relation: &Relation) -> String {
    let kind = project
        .schema()
        .relation_type(&relation.kind)
        .map_or(relation.kind.as_str(), |t| t.name.as_str());
    let child = project
        .span(relation.child)
        .and_then(|s| project.document(s.doc)?.text().get(s.range()))
        .unwrap_or("?");
    format!("{kind} -> {child}")
}

impl IsnadApp {
    /// Relabels `span` as `label`; when that removes relations, says which (one) or asks first
    /// (several).
    pub(super) fn relabel_span(&mut self, span: SpanId, label: LabelId) -> Result<(), ModelError> {
        let project = self.workspace.project();
        let removed: Vec<String> = project
            .relations_broken_by_label(span, &label)
            .iter()
            .map(|r| describe(project, r))
            .collect();
        if removed.len() > 1 {
            let label_name = project
                .schema()
                .get(&label)
                .map_or_else(|| label.as_str().to_owned(), |l| l.name.clone());
            self.dialogs.relabel.open(PendingRelabel {
                span,
                label,
                label_name,
                removed,
            });
            return Ok(());
        }
        self.workspace
            .apply(Edit::RelabelSpan { id: span, label })?;
        if let Some(relation) = removed.first() {
            self.notices
                .info(format!("Relabelled; 1 relation removed: {relation}"));
        }
        Ok(())
    }

    /// Applies the relabelling the user agreed to (nothing when cancelled).
    pub(super) fn answer_relabel(&mut self, answer: Option<PendingRelabel>) {
        let Some(pending) = answer else {
            return;
        };
        let count = pending.removed.len();
        match self.workspace.apply(Edit::RelabelSpan {
            id: pending.span,
            label: pending.label,
        }) {
            Ok(()) => self.notices.info(format!(
                "Relabelled; {count} relations removed: {}",
                pending.removed.join(", ")
            )),
            Err(err) => self.notices.warn(format!("Not done: {err}")),
        }
    }

    /// The relabelling waiting for the user's answer about removing relations, if any.
    pub fn pending_relabel(&self) -> Option<&PendingRelabel> {
        self.dialogs.relabel.pending()
    }
}
