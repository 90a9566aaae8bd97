//! Range helpers for making spans from raw selections: trimming whitespace and snapping edges to
//! grapheme clusters, so a letter never loses its harakat (e.g. the ضً of أيضًا).

use std::ops::Range;

use unicode_segmentation::GraphemeCursor;

/// The largest character boundary `<= offset` (clamped to the text's length).
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary `>= offset` (clamped to the text's length).
pub fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Whether `offset` is an extended grapheme cluster boundary of `text`.
pub fn is_grapheme_boundary(text: &str, offset: usize) -> bool {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return false;
    }
    GraphemeCursor::new(offset, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(false)
}

/// The largest grapheme boundary `<= offset`.
pub fn prev_grapheme_boundary(text: &str, offset: usize) -> usize {
    let at = floor_char_boundary(text, offset);
    if is_grapheme_boundary(text, at) {
        return at;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

/// The smallest grapheme boundary `>= offset`.
pub fn next_grapheme_boundary(text: &str, offset: usize) -> usize {
    let at = ceil_char_boundary(text, offset);
    if is_grapheme_boundary(text, at) {
        return at;
    }
    let mut cursor = GraphemeCursor::new(at, text.len(), true);
    cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

/// Expands `range` so both edges sit on extended grapheme cluster boundaries (a base letter keeps
/// its combining marks, an emoji flag stays whole). Edges past the end are clamped; a reversed
/// range is treated as its mirror.
pub fn snap_to_graphemes(text: &str, range: Range<usize>) -> Range<usize> {
    let (start, end) = if range.start <= range.end {
        (range.start, range.end)
    } else {
        (range.end, range.start)
    };
    prev_grapheme_boundary(text, start)..next_grapheme_boundary(text, end)
}

/// Shrinks `range` so it neither starts nor ends with whitespace (Unicode `White_Space`, which
/// includes the no-break space). `None` if nothing but whitespace is left. The range must be on
/// character boundaries (edges inside a character are moved outwards first).
pub fn trim_whitespace(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let start = floor_char_boundary(text, range.start);
    let end = ceil_char_boundary(text, range.end);
    let slice = text.get(start..end)?;
    let leading = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return None;
    }
    let new_start = start + leading;
    Some(new_start..new_start + trimmed.len())
}

/// The usual clean-up of a selection before it becomes a span: snap to graphemes, then trim
/// whitespace. `None` if the selection holds only whitespace.
pub fn clean_selection(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    trim_whitespace(text, snap_to_graphemes(text, range))
}
