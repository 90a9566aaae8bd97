//! The selection: a logical byte range of the document, independent of how it is drawn.

use std::ops::Range;

/// A selection as anchor (where it started) and head (where the caret is). Both are document
/// byte offsets on grapheme boundaries. The selected text is `start()..end()`, whatever the
/// visual order of the runs it crosses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection started (fixed while extending).
    pub anchor: usize,
    /// Where the caret is (moves while extending).
    pub head: usize,
}

impl Selection {
    /// An empty selection (a caret) at `offset`.
    pub fn caret(offset: usize) -> Self {
        Self {
            anchor: offset,
            head: offset,
        }
    }

    /// A selection of `range`, with the caret at its end.
    pub fn of_range(range: Range<usize>) -> Self {
        Self {
            anchor: range.start,
            head: range.end,
        }
    }

    /// The selected logical range, start <= end.
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }

    /// Nothing selected (just a caret).
    pub fn is_empty(&self) -> bool {
        self.anchor == self.head
    }

    /// Moves the head to `offset`, keeping the anchor when `extend`, collapsing otherwise.
    pub fn move_to(&mut self, offset: usize, extend: bool) {
        self.head = offset;
        if !extend {
            self.anchor = offset;
        }
    }

    /// The selected text of `text` (empty if the range is out of bounds).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_is_ordered_whatever_the_drag_direction() {
        let s = Selection {
            anchor: 10,
            head: 4,
        };
        assert_eq!(s.range(), 4..10);
        let mut s = Selection::caret(3);
        s.move_to(8, true);
        assert_eq!(s.range(), 3..8);
        s.move_to(1, false);
        assert!(s.is_empty());
    }
}
