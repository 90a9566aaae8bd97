//! The whole document as a table of paragraphs, each shaped only when it comes near the viewport.
//!
//! Paragraphs that were never shaped have an estimated height; shaping replaces the estimate.
//! A width or font-size change re-wraps the shaped paragraphs lazily and never re-shapes them.
//! Coordinates are points from the top-left of the document; offsets are document byte offsets.

use std::ops::Range;

use std::sync::Arc;

use cosmic_text::FontSystem;
use egui::{Pos2, Rect, Vec2, pos2};

use super::paragraph_layout::{ParagraphLayout, TextMetrics};
use super::paragraphs::{Paragraph, split_paragraphs};

/// Vertical gap between paragraphs, as a fraction of the line height.
const PARAGRAPH_GAP: f32 = 0.5;
/// How far beyond the viewport (in points) paragraphs are shaped ahead of time.
pub const SHAPE_MARGIN: f32 = 600.0;
/// Bytes of text kept shaped at most; beyond it, the paragraphs farthest from the viewport
/// drop their shaping (keeping their measured height) and are shaped again if they come back.
/// Keeps memory flat whatever the document size.
pub const SHAPED_TEXT_BUDGET: usize = 256 * 1024;

struct Slot {
    paragraph: Paragraph,
    /// Only whitespace: laid out, but no height (the gaps of the paragraphs around suffice).
    blank: bool,
    chars: usize,
    layout: Option<ParagraphLayout>,
    height: f32,
}

/// Layout state of one document: paragraph table, per-paragraph shaping and wrapping, and the
/// vertical position of every paragraph.
pub struct DocumentLayout {
    text: Arc<str>,
    slots: Vec<Slot>,
    /// `tops[i]` is the y of paragraph i; `tops[n]` is the total height.
    tops: Vec<f32>,
    tops_dirty: bool,
    width: f32,
    metrics: TextMetrics,
    shaped_count: usize,
    /// Paragraphs currently holding a shaping, and the bytes of text they hold.
    resident: std::collections::BTreeSet<usize>,
    resident_bytes: usize,
}

impl DocumentLayout {
    /// Splits `text` into paragraphs. Nothing is shaped yet.
    pub fn new(text: Arc<str>, metrics: TextMetrics) -> Self {
        let slots: Vec<Slot> = split_paragraphs(&text)
            .into_iter()
            .map(|paragraph| Slot {
                // A blank line takes no height: a run of them is drawn as one paragraph gap.
                blank: text[paragraph.range.clone()].trim().is_empty(),
                chars: text[paragraph.range.clone()].chars().count(),
                paragraph,
                layout: None,
                height: 0.0,
            })
            .collect();
        let mut layout = Self {
            text,
            slots,
            tops: Vec::new(),
            tops_dirty: true,
            width: 600.0,
            metrics,
            shaped_count: 0,
            resident: std::collections::BTreeSet::new(),
            resident_bytes: 0,
        };
        layout.reestimate();
        layout
    }

    /// The document text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The paragraphs of the document.
    pub fn paragraphs(&self) -> impl ExactSizeIterator<Item = &Paragraph> {
        self.slots.iter().map(|s| &s.paragraph)
    }

    /// Paragraph `i` (direction and byte range).
    pub fn paragraph(&self, i: usize) -> Option<&Paragraph> {
        self.slots.get(i).map(|s| &s.paragraph)
    }

    /// Number of paragraphs.
    pub fn paragraph_count(&self) -> usize {
        self.slots.len()
    }

    /// How many times a paragraph has been shaped so far.
    pub fn shaped_count(&self) -> usize {
        self.shaped_count
    }

    /// How many paragraphs hold a shaping now.
    pub fn resident_count(&self) -> usize {
        self.resident.len()
    }

    /// Current metrics.
    pub fn metrics(&self) -> TextMetrics {
        self.metrics
    }

    /// Current wrap width in points.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Sets the wrap width and metrics. When they change, shaped paragraphs are marked for
    /// re-wrapping (not re-shaping) and the heights of the others are re-estimated.
    pub fn set_geometry(&mut self, width: f32, metrics: TextMetrics) {
        let width = width.max(50.0);
        if (width - self.width).abs() < 0.5 && metrics == self.metrics {
            return;
        }
        self.width = width;
        self.metrics = metrics;
        for slot in &mut self.slots {
            if let Some(layout) = &mut slot.layout {
                layout.invalidate_layout();
            }
        }
        self.reestimate();
    }

    fn reestimate(&mut self) {
        let per_line = (self.width / (self.metrics.font_size * 0.42)).max(1.0);
        let gap = self.metrics.line_height * PARAGRAPH_GAP;
        for slot in &mut self.slots {
            let lines = (slot.chars as f32 / per_line).ceil().max(1.0);
            slot.height = if slot.blank {
                0.0
            } else {
                lines * self.metrics.line_height + gap
            };
        }
        self.tops_dirty = true;
    }

    fn update_tops(&mut self) {
        if !self.tops_dirty {
            return;
        }
        self.tops.clear();
        self.tops.reserve(self.slots.len() + 1);
        let mut y = 0.0;
        for slot in &self.slots {
            self.tops.push(y);
            y += slot.height;
        }
        self.tops.push(y);
        self.tops_dirty = false;
    }

    /// Total height of the document in points (estimated for paragraphs not yet shaped).
    pub fn total_height(&mut self) -> f32 {
        self.update_tops();
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// The y of paragraph `i`.
    pub fn paragraph_top(&mut self, i: usize) -> f32 {
        self.update_tops();
        self.tops[i.min(self.slots.len())]
    }

    /// The paragraph at height `y` (clamped).
    pub fn paragraph_at_y(&mut self, y: f32) -> usize {
        self.update_tops();
        let i = self.tops.partition_point(|&top| top <= y);
        i.saturating_sub(1).min(self.slots.len() - 1)
    }

    /// The paragraph containing byte `offset` (an offset on a separator belongs to the
    /// paragraph before it).
    pub fn paragraph_of_offset(&self, offset: usize) -> usize {
        let i = self
            .slots
            .partition_point(|s| s.paragraph.range.start <= offset);
        i.saturating_sub(1)
    }

    /// Shapes and wraps every paragraph overlapping `y_range` (plus [`SHAPE_MARGIN`]). Returns
    /// how much the heights of paragraphs entirely above `anchor_y` changed, so the caller can
    /// keep the reading position still.
    pub fn ensure_laid_out(
        &mut self,
        font_system: &mut FontSystem,
        y_range: Range<f32>,
        anchor_y: f32,
    ) -> f32 {
        let first = self.paragraph_at_y(y_range.start - SHAPE_MARGIN);
        let anchor = self.paragraph_at_y(anchor_y);
        let mut shift = 0.0;
        let mut i = first;
        loop {
            if i >= self.slots.len() {
                break;
            }
            let top = self.paragraph_top(i);
            if top > y_range.end + SHAPE_MARGIN {
                break;
            }
            let delta = self.lay_out_paragraph(font_system, i);
            if i < anchor {
                shift += delta;
            }
            i += 1;
        }
        self.evict_outside(first..i);
        shift
    }

    /// Drops the shaping of the paragraphs farthest from `keep` until the shaped text is within
    /// [`SHAPED_TEXT_BUDGET`]. Paragraphs in `keep` are never dropped; heights stay measured.
    fn evict_outside(&mut self, keep: Range<usize>) {
        while self.resident_bytes > SHAPED_TEXT_BUDGET {
            let (Some(&first), Some(&last)) = (self.resident.first(), self.resident.last()) else {
                break;
            };
            let above = keep.start.saturating_sub(first);
            let below = (last + 1).saturating_sub(keep.end);
            let victim = match (above, below) {
                (0, 0) => break,
                (above, below) if above >= below => first,
                _ => last,
            };
            self.resident.remove(&victim);
            let slot = &mut self.slots[victim];
            slot.layout = None;
            self.resident_bytes -= slot.paragraph.range.len();
        }
    }

    /// Shapes (if never shaped) and wraps paragraph `i`; returns the change of its height.
    pub fn lay_out_paragraph(&mut self, font_system: &mut FontSystem, i: usize) -> f32 {
        let (width, metrics) = (self.width, self.metrics);
        let gap = metrics.line_height * PARAGRAPH_GAP;
        let slot = &mut self.slots[i];
        let paragraph_text = &self.text[slot.paragraph.range.clone()];
        if slot.layout.is_none() {
            slot.layout = Some(ParagraphLayout::new(
                font_system,
                paragraph_text,
                slot.paragraph.rtl,
            ));
            self.shaped_count += 1;
            self.resident.insert(i);
            self.resident_bytes += paragraph_text.len();
        }
        let Some(layout) = slot.layout.as_mut() else {
            return 0.0;
        };
        if layout.is_laid_out() {
            return 0.0;
        }
        layout.layout(paragraph_text, width, metrics);
        let height = if slot.blank {
            0.0
        } else {
            layout.height() + gap
        };
        let delta = height - slot.height;
        if delta != 0.0 {
            slot.height = height;
            self.tops_dirty = true;
        }
        delta
    }

    /// The laid-out paragraph `i`, if it has been shaped and wrapped.
    pub fn paragraph_layout(&self, i: usize) -> Option<&ParagraphLayout> {
        self.slots
            .get(i)
            .and_then(|s| s.layout.as_ref())
            .filter(|l| l.is_laid_out())
    }

    /// Indices of the paragraphs overlapping `y_range`.
    pub fn visible_paragraphs(&mut self, y_range: Range<f32>) -> Range<usize> {
        let first = self.paragraph_at_y(y_range.start);
        let mut last = first;
        while last < self.slots.len() && self.paragraph_top(last) < y_range.end {
            last += 1;
        }
        first..last.max(first + 1).min(self.slots.len())
    }

    /// The document byte offset nearest to `pos` (a grapheme boundary). Lays the paragraph out
    /// if needed.
    pub fn hit(&mut self, font_system: &mut FontSystem, pos: Pos2) -> usize {
        let total = self.total_height();
        if pos.y < 0.0 {
            return 0;
        }
        if pos.y >= total {
            return self.text.len();
        }
        let i = self.paragraph_at_y(pos.y);
        self.lay_out_paragraph(font_system, i);
        let top = self.paragraph_top(i);
        let start = self.slots[i].paragraph.range.start;
        let Some(layout) = self.paragraph_layout(i) else {
            return start;
        };
        let local_y = (pos.y - top).min(layout.height() - 0.01);
        start + layout.hit(pos2(pos.x, local_y))
    }

    /// The caret rectangle for a document offset, if its paragraph is laid out.
    pub fn caret_rect(&mut self, offset: usize) -> Option<Rect> {
        let i = self.paragraph_of_offset(offset);
        let top = self.paragraph_top(i);
        let start = self.slots[i].paragraph.range.start;
        let end = self.slots[i].paragraph.range.end;
        let layout = self.paragraph_layout(i)?;
        let rect = layout.caret_rect(offset.min(end) - start)?;
        Some(rect.translate(Vec2::new(0.0, top)))
    }

    /// Rectangles of the logical range `range` within the paragraphs `paragraphs` (those that
    /// are laid out), in document coordinates.
    pub fn range_rects(&mut self, range: Range<usize>, paragraphs: Range<usize>) -> Vec<Rect> {
        let mut out = Vec::new();
        // Only the paragraphs the range touches (found by binary search), so a frame painting
        // many marks does not look at every visible paragraph for each.
        let first = paragraphs.start.max(self.paragraph_of_offset(range.start));
        let last = paragraphs
            .end
            .min(self.paragraph_of_offset(range.end).saturating_add(1));
        for i in first..last {
            let p = self.slots[i].paragraph.range.clone();
            if p.end < range.start || p.start > range.end || range.start >= range.end {
                continue;
            }
            let top = self.paragraph_top(i);
            let Some(layout) = self.paragraph_layout(i) else {
                continue;
            };
            let local = range.start.max(p.start) - p.start..range.end.min(p.end) - p.start;
            let text = &self.text[p.clone()];
            layout.push_range_rects(text, local, top, &mut out);
        }
        out
    }

    /// The byte range of paragraph `i`.
    pub fn paragraph_range(&self, i: usize) -> Range<usize> {
        self.slots[i].paragraph.range.clone()
    }
}
