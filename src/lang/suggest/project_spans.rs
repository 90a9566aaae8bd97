//! The learned suggester: every span text the annotator has tagged, proposed again wherever it
//! occurs in any document, with its label.

use super::phrases::PhraseIndex;
use crate::model::{DocId, DocumentsSnapshot};

/// The phrases of the project's spans (of every document but `leave_out`, for scoring a document
/// with what was learned from the others), each with its span's label. Takes a snapshot
/// ([`crate::model::Project::documents_snapshot`]) so that it can run on another thread.
pub fn learned_phrases(project: &DocumentsSnapshot, leave_out: Option<DocId>) -> PhraseIndex {
    let mut index = PhraseIndex::new();
    for doc in project.documents() {
        if Some(doc.id()) == leave_out {
            continue;
        }
        for span in project.spans_of(doc.id()) {
            if let Some(text) = doc.text().get(span.range()) {
                index.add(text, &span.label);
            }
        }
    }
    index
}

/// The learned phrases as gazetteer lines (`name<TAB>label`, one a line), in the order learned;
/// whitespace inside a name (a tab, a line break) becomes one space.
pub fn export_gazetteer(index: &PhraseIndex) -> String {
    let mut out = String::new();
    for (name, label) in index.entries() {
        let name: Vec<&str> = name.split_whitespace().collect();
        out.push_str(&name.join(" "));
        out.push('\t');
        out.push_str(label.as_str());
        out.push('\n');
    }
    out
}
