//! What the status bar shows of the view: the selected text and the selected span.

use std::cell::RefCell;

use super::ArticleView;
use super::accessibility::code_point_offsets;
use crate::model::Project;
use crate::text::TextEngine;
use crate::ui::status_bar::{SelectedSpan, SelectedText};

impl ArticleView {
    /// [`Self::status_selection`] of `view`, if a document is shown.
    pub fn status<'a>(
        view: Option<&'a Self>,
        project: &'a Project,
        engine: &'a mut TextEngine,
    ) -> Option<SelectedText<'a>> {
        view.map(|view| view.status_selection(project, engine))
    }

    /// The selected text and the selected span for the status bar, shaped there by `engine`.
    pub fn status_selection<'a>(
        &'a self,
        project: &'a Project,
        engine: &'a mut TextEngine,
    ) -> SelectedText<'a> {
        let text = self.layout.text();
        let span = self
            .selected_span
            .and_then(|id| project.span(id))
            .filter(|span| span.doc == self.doc)
            .and_then(|span| {
                let covered = text.get(span.range())?;
                let (bytes, known) = self.status_span_range.get();
                let offsets = if bytes == (span.start, span.end) {
                    known
                } else {
                    let offsets = code_point_offsets(text, span.range())?;
                    self.status_span_range
                        .set(((span.start, span.end), offsets));
                    offsets
                };
                Some(SelectedSpan {
                    label: project
                        .schema()
                        .get(&span.label)
                        .map_or(span.label.as_str(), |l| l.name.as_str()),
                    offsets,
                    text: covered,
                })
            });
        SelectedText {
            engine: RefCell::new(engine),
            text: self.selected_text(),
            span,
        }
    }
}
