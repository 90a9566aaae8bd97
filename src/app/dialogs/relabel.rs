//! The question before a relabelling that would remove several relations (their types no longer
//! allow the span's new label): "Relabel and remove 3 relations?", listing them.

use crate::model::{LabelId, SpanId};

/// A relabelling waiting for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingRelabel {
    /// The span.
    pub span: SpanId,
    /// Its new label.
    pub label: LabelId,
    /// The new label's name, for the question.
    pub label_name: String,
    /// The relations that would go, described ("about -> الولايات").
    pub removed: Vec<String>,
}

/// The question, while it is asked.
#[derive(Default)]
pub struct RelabelDialog {
    pending: Option<PendingRelabel>,
}

impl RelabelDialog {
    /// Asks before applying `pending`.
    pub fn open(&mut self, pending: PendingRelabel) {
        self.pending = Some(pending);
    }

    /// Whether the question is being asked.
    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// The relabelling waiting for the answer.
    pub fn pending(&self) -> Option<&PendingRelabel> {
        self.pending.as_ref()
    }

    /// Shows the question; returns the relabelling to apply (`Some(Some(..))`), or
    /// `Some(None)` when the user cancelled. Closes once answered.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Option<PendingRelabel>> {
        let pending = self.pending.as_ref()?;
        let modal =
            egui::Modal::new(egui::Id::unique("relabel-removes-relations")).show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.heading("Remove relations?");
                ui.label(format!(
                    "As {}, this span no longer fits {} of its relations; relabelling removes them \
                 (Undo brings them back):",
                    pending.label_name,
                    pending.removed.len()
                ));
                for relation in &pending.removed {
                    ui.label(format!("• {relation}"));
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button("Relabel and remove them").clicked() {
                        return Some(true);
                    }
                    if ui.button("Cancel").clicked() {
                        return Some(false);
                    }
                    None
                })
                .inner
            });
        let answer = match modal.inner {
            Some(answer) => answer,
            None if modal.should_close() => false,
            None => return None,
        };
        let pending = self.pending.take();
        Some(pending.filter(|_| answer))
    }
}
