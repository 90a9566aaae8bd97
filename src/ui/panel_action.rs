//! What the side panels ask the app to do. Panels never change the project themselves: they
//! return these, and the app applies them once the frame is built (edits through its `History`,
//! so each one can be undone).

use crate::command::{Edit, MergeKey};
use crate::model::{DocId, SpanId};

/// One request from a panel (document list, span list, label editor).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PanelAction {
    /// Show this document in the article view.
    OpenDocument(DocId),
    /// Scroll the article view to this span (of the current document) and select it.
    RevealSpan(SpanId),
    /// Apply this edit as one undo step (`History::apply`).
    Edit(Edit),
    /// Apply this edit merged with the previous step of the same gesture
    /// (`History::apply_merging`), e.g. every colour of one drag in the colour picker.
    EditMerging(Edit, MergeKey),
    /// Let the user pick article files to import (the app opens the file dialog).
    AddArticles,
}

impl PanelAction {
    /// The edit carried by this action, if any.
    pub fn edit(&self) -> Option<&Edit> {
        match self {
            PanelAction::Edit(edit) | PanelAction::EditMerging(edit, _) => Some(edit),
            _ => None,
        }
    }
}
