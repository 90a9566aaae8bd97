//! Tag all: the hits chosen in the project search results (the checked ones, or the cursor's)
//! become spans of one label as one undo step, skipping those already tagged with it (same range
//! and label); and "Tag all like this", which searches every other occurrence of the selected
//! span's text so they can be tagged with its label.

use std::collections::BTreeSet;
use std::ops::Range;

use super::project_search::{LikeSpan, Searched};
use super::{IsnadApp, Workspace};
use crate::command::Edit;
use crate::lang::SearchOptions;
use crate::model::{DocId, DocumentStatus, LabelId, ModelError, Span};

/// What a tag-all did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct TagOutcome {
    /// Spans added.
    pub(super) added: usize,
    /// Hits already tagged with the label (same range), left alone.
    pub(super) already: usize,
}

/// Tags every hit of `hits` not already tagged with `label` (same document, range and label), as
/// one undo step named "tag all (N spans)"; documents still new are marked in progress in the same
/// step, as a first span does. Nothing is applied when every hit is already tagged.
pub(super) fn tag_hits(
    workspace: &mut Workspace,
    hits: &[(DocId, Range<usize>)],
    label: &LabelId,
) -> Result<TagOutcome, ModelError> {
    let mut edits = Vec::new();
    let mut already = 0;
    let mut docs = BTreeSet::new();
    for (doc, range) in hits {
        if workspace
            .project()
            .find_duplicate(*doc, range.clone(), label)
            .is_some()
        {
            already += 1;
            continue;
        }
        let id = workspace.allocate_span_id();
        edits.push(Edit::AddSpan(Span::new(
            id,
            *doc,
            range.clone(),
            label.clone(),
        )));
        docs.insert(*doc);
    }
    let added = edits.len();
    if added == 0 {
        return Ok(TagOutcome { added, already });
    }
    for doc in docs {
        if workspace
            .project()
            .document(doc)
            .is_some_and(|d| d.status() == DocumentStatus::New)
        {
            edits.push(Edit::SetDocumentStatus {
                doc,
                status: DocumentStatus::InProgress,
            });
        }
    }
    let name = if added == 1 {
        "tag all (1 span)".to_owned()
    } else {
        format!("tag all ({added} spans)")
    };
    workspace.apply_named(Edit::Batch(edits), name)?;
    Ok(TagOutcome { added, already })
}

impl IsnadApp {
    /// Tags the hits chosen in the results with `label` (after checking the documents still have
    /// the texts they were searched in; if not, searches again instead) and says how many were
    /// added and how many were already there.
    pub(super) fn tag_chosen_hits(&mut self, ctx: &egui::Context, label: &LabelId) {
        let Some(results) = &self.project_search.results else {
            return;
        };
        let chosen = results.list.chosen();
        if chosen.is_empty() {
            self.notices.info("No hit to tag: search first");
            return;
        }
        if !self.project_search.is_current(self.workspace.project()) {
            self.search_again(ctx);
            return;
        }
        let name = self
            .workspace
            .project()
            .schema()
            .get(label)
            .map_or_else(|| label.as_str().to_owned(), |l| l.name.clone());
        match tag_hits(&mut self.workspace, &chosen, label) {
            Ok(TagOutcome { added, already }) => {
                let spans = if added == 1 { "span" } else { "spans" };
                self.notices.info(format!(
                    "Tag all as {name}: {added} {spans} added, {already} already tagged{}",
                    if added > 0 {
                        " (one undo step: Ctrl+Z)"
                    } else {
                        ""
                    }
                ));
                if let Some(results) = &mut self.project_search.results {
                    results.list.check_all(false);
                }
            }
            Err(error) => self.notices.warn(format!("Not tagged: {error}")),
        }
        self.reader.keep_valid(self.workspace.project());
    }

    /// Edit › Tag all like this: searches every document for the selected span's text (folded,
    /// default options) and shows the other occurrences in the results panel.
    pub(super) fn tag_all_like_this(&mut self, ctx: &egui::Context) {
        let project = self.workspace.project();
        let Some(span) = self
            .reader
            .view()
            .and_then(|v| v.selected_span())
            .and_then(|id| project.span(id))
        else {
            self.notices
                .info("Select a span first (click it), then Tag all like this");
            return;
        };
        let Some(text) = project
            .document(span.doc)
            .and_then(|d| d.text().get(span.range()))
        else {
            return;
        };
        let searched = Searched {
            query: text.to_owned(),
            options: SearchOptions::default(),
            like: Some(LikeSpan {
                doc: span.doc,
                range: span.range(),
                label: span.label.clone(),
            }),
        };
        self.project_search.start(ctx, project, searched);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Location;
    use crate::model::{Document, Project};

    #[test]
    fn tag_all_skips_hits_already_tagged_and_is_one_undo_step() {
        let mut project = Project::default();
        let doc = project.allocate_doc_id();
        let text = "قال الوزير ثم قال الناطق وقال";
        project
            .insert_document(Document::new(doc, "بيان", None, text), Vec::new())
            .expect("document");
        let actor = LabelId("actor".into());
        let id = project.allocate_span_id();
        project
            .insert_span(Span::new(id, doc, 0..6, actor.clone()))
            .expect("span");
        let mut workspace = Workspace::new(project, Location::Untitled);
        let hits: Vec<(DocId, Range<usize>)> = text
            .match_indices("قال")
            .map(|(i, m)| (doc, i..i + m.len()))
            .collect();
        assert_eq!(hits.len(), 3);
        let outcome = tag_hits(&mut workspace, &hits, &actor).expect("tagged");
        assert_eq!(
            outcome,
            TagOutcome {
                added: 2,
                already: 1
            }
        );
        assert_eq!(workspace.project().spans_of(doc).len(), 3);
        assert_eq!(workspace.history().undo_name(), Some("tag all (2 spans)"));
        assert!(workspace.undo().expect("undo"));
        assert_eq!(workspace.project().spans_of(doc).len(), 1, "one step");
        assert!(workspace.redo().expect("redo"));
        // Everything already there: nothing applied, no undo step.
        let outcome = tag_hits(&mut workspace, &hits, &actor).expect("tagged");
        assert_eq!(
            outcome,
            TagOutcome {
                added: 0,
                already: 3
            }
        );
        assert_eq!(workspace.history().undo_name(), Some("tag all (2 spans)"));
    }
}
