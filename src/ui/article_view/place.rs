//! The reading place of a view (what is at the top of the screen, the selection, the selected
//! span), kept by the app when it switches documents or reloads the project, and given back to a
//! new view of the same document.

use super::{ArticleView, TOP_PADDING};
use crate::model::SpanId;
use crate::text::{Selection, TextEngine};

/// Where the reader was in a document.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadingPlace {
    /// The document byte offset at the top of the viewport (a grapheme boundary).
    pub top_offset: usize,
    /// The text selection.
    pub selection: Selection,
    /// The selected span.
    pub selected_span: Option<SpanId>,
}

impl ArticleView {
    /// Where the reader is (as of the last frame).
    pub fn reading_place(&self) -> ReadingPlace {
        ReadingPlace {
            top_offset: self.top_offset,
            selection: self.selection,
            selected_span: self.selected_span,
        }
    }

    /// Goes back to `place` at the next frame: the line holding its top offset at the top of the
    /// viewport, its selection and selected span. Offsets past the end of the text (a reload that
    /// shortened the document) are moved back to the end.
    pub fn restore_place(&mut self, place: &ReadingPlace) {
        let text = self.layout.text();
        let clamp = |offset: usize| {
            let mut offset = offset.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            offset
        };
        self.selection = Selection {
            anchor: clamp(place.selection.anchor),
            head: clamp(place.selection.head),
        };
        self.selected_span = place.selected_span;
        self.pending_top = Some(clamp(place.top_offset));
    }

    /// The scroll offset that puts the line of `offset` at the top of the viewport.
    pub(super) fn top_scroll(&mut self, engine: &mut TextEngine, offset: usize) -> Option<f32> {
        let p = self.layout.paragraph_of_offset(offset);
        self.layout.lay_out_paragraph(&mut engine.font_system, p);
        let caret = self.layout.caret_rect(offset)?;
        Some(if caret.min.y <= 0.0 {
            0.0
        } else {
            caret.min.y + TOP_PADDING
        })
    }
}
