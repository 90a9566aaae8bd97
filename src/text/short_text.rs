//! Short single-line strings (titles, label names, span excerpts) shaped once and kept while they
//! are shown, so lists of Arabic text are never re-shaped per frame.
//!
//! An entry is keyed by the text, the font size and (for text too wide for its box) the width it
//! was truncated to. Entries not used for [`EVICT_AFTER_FRAMES`] frames are dropped.

use std::collections::HashMap;
use std::hash::BuildHasher;

use cosmic_text::{FontSystem, LayoutGlyph};

use super::paragraph_layout::{ParagraphLayout, TextMetrics};
use super::paragraphs::{direction, is_paragraph_separator};
use crate::model::text_range::prev_grapheme_boundary;

/// An entry unused for this many frames is evicted.
pub const EVICT_AFTER_FRAMES: u64 = 120;
/// The cache is swept at most once every this many frames.
const SWEEP_EVERY_FRAMES: u64 = 30;
/// Truncation widths are rounded down to a multiple of this (points), so resizing a panel
/// re-shapes a truncated string only every few points.
const WIDTH_STEP: f32 = 4.0;
/// Appended to truncated text.
pub const ELLIPSIS: &str = "…";
/// Extra shapings tried when a truncated string still overflows (shaping at the cut can widen
/// the last letter: a medial form becomes a final one).
const MAX_RETRIES: usize = 4;

/// One shaped line: what is drawn and how big it is.
pub struct ShortText {
    text: String,
    shown: String,
    layout: ParagraphLayout,
    truncated: bool,
    last_used: u64,
}

impl ShortText {
    /// The text as drawn (ends with [`ELLIPSIS`] when truncated).
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Was the text cut to fit its width?
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// Is the text right-to-left (mostly Arabic)?
    pub fn rtl(&self) -> bool {
        self.layout.rtl()
    }

    /// Width of the drawn text in points.
    pub fn width(&self) -> f32 {
        self.layout.width()
    }

    /// Height of the line in points.
    pub fn height(&self) -> f32 {
        self.layout.line_height()
    }

    /// Distance from the top of the line to its baseline, in points.
    pub fn baseline(&self) -> f32 {
        self.layout.lines().first().map_or(0.0, |l| l.baseline)
    }

    /// An empty line (never shown: a stand-in that keeps the cache free of panics).
    fn blank(font_system: &mut FontSystem) -> Self {
        Self {
            text: String::new(),
            shown: String::new(),
            layout: ParagraphLayout::new(font_system, "", false),
            truncated: false,
            last_used: 0,
        }
    }

    /// The glyphs in visual order, x from the text's left edge (0) on the baseline.
    pub fn glyphs(&self) -> &[LayoutGlyph] {
        self.layout.lines().first().map_or(&[], |l| &l.glyphs)
    }
}

/// Cache key: hash of the text, font size bits, truncation width bits (`u32::MAX` for none). The
/// text itself is kept in the entry and compared, so a hash collision is only a miss.
type Key = (u64, u32, u32);

/// Shaped short strings by (text, font size, width), evicted when unused.
#[derive(Default)]
pub struct ShortTextCache {
    /// Looked up for every short text drawn, each frame: foldhash, not std's SipHash (the keys
    /// are already hashes of our own strings).
    entries: HashMap<Key, ShortText, foldhash::fast::RandomState>,
    frame: u64,
    last_sweep: u64,
    shapings: u64,
}

/// The text's hash (foldhash with a fixed seed: the same text always has the same key).
fn text_hash(text: &str) -> u64 {
    foldhash::fast::FixedState::default().hash_one(text)
}

/// Key width of an entry that is not truncated.
const FULL: u32 = u32::MAX;

impl ShortTextCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of strings shaped since the cache was made (for tests and profiling).
    pub fn shape_count(&self) -> u64 {
        self.shapings
    }

    /// Number of cached lines.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Is the cache empty?
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Marks the start of frame `frame` (e.g. egui's `cumulative_frame_nr`); now and then drops
    /// the entries not used in the last [`EVICT_AFTER_FRAMES`] frames. Called by [`Self::get`].
    pub fn begin_frame(&mut self, frame: u64) {
        self.frame = self.frame.max(frame);
        if self.frame >= self.last_sweep + SWEEP_EVERY_FRAMES {
            self.last_sweep = self.frame;
            let oldest = self.frame.saturating_sub(EVICT_AFTER_FRAMES);
            self.entries.retain(|_, e| e.last_used >= oldest);
        }
    }

    /// The line for `text` at `font_size`, cut with an ellipsis (on a grapheme boundary) when it
    /// is wider than `max_width` points (`None` or an infinite width: never cut). Shapes only
    /// on a cache miss. Paragraph separators in `text` are drawn as spaces.
    pub fn get(
        &mut self,
        font_system: &mut FontSystem,
        text: &str,
        font_size: f32,
        max_width: Option<f32>,
        frame: u64,
    ) -> &ShortText {
        self.begin_frame(frame);
        let (hash, size) = (text_hash(text), font_size.to_bits());
        let full_width = self
            .ensure(font_system, (hash, size, FULL), text, |cache, fs| {
                cache.shape(fs, text, text, false, font_size)
            })
            .width();
        match max_width.filter(|w| w.is_finite()) {
            // Half a point of slack: a box measured from this very text must not cut it.
            Some(max) if full_width > max + 0.5 => {
                let width = (max.max(0.0) / WIDTH_STEP).floor() * WIDTH_STEP;
                let key = (hash, size, width.to_bits());
                self.ensure(font_system, key, text, |cache, fs| {
                    cache.shape_truncated(fs, text, font_size, width)
                })
            }
            _ => self.ensure(font_system, (hash, size, FULL), text, |cache, fs| {
                cache.shape(fs, text, text, false, font_size)
            }),
        }
    }

    /// The entry for `key`, made by `make` if it is missing (or holds another text), marked as
    /// used this frame.
    fn ensure(
        &mut self,
        font_system: &mut FontSystem,
        key: Key,
        text: &str,
        make: impl FnOnce(&mut Self, &mut FontSystem) -> ShortText,
    ) -> &mut ShortText {
        if self.entries.get(&key).is_none_or(|e| e.text != text) {
            let entry = make(self, font_system);
            self.entries.insert(key, entry);
        }
        let frame = self.frame;
        let entry = self
            .entries
            .entry(key)
            .or_insert_with(|| ShortText::blank(font_system));
        entry.last_used = frame;
        entry
    }

    fn shape(
        &mut self,
        font_system: &mut FontSystem,
        text: &str,
        shown: &str,
        truncated: bool,
        font_size: f32,
    ) -> ShortText {
        self.shapings += 1;
        let flat: String = shown
            .chars()
            .map(|c| if is_paragraph_separator(c) { ' ' } else { c })
            .collect();
        let rtl = direction(text).unwrap_or(false);
        let mut layout = ParagraphLayout::new(font_system, &flat, rtl);
        layout.layout_unwrapped_for_painting(&flat, TextMetrics::for_font_size(font_size));
        ShortText {
            text: text.to_owned(),
            shown: flat,
            layout,
            truncated,
            last_used: self.frame,
        }
    }

    /// Shapes the longest prefix of `text` (cut on a grapheme boundary) that fits `width` points
    /// with an ellipsis after it.
    fn shape_truncated(
        &mut self,
        font_system: &mut FontSystem,
        text: &str,
        font_size: f32,
        width: f32,
    ) -> ShortText {
        let ellipsis_width = self.ellipsis_width(font_system, font_size);
        // Where to cut, from the advances of the full text's glyphs in logical order.
        let full_key = (text_hash(text), font_size.to_bits(), FULL);
        let mut cut = match self.entries.get(&full_key).filter(|e| e.text == text) {
            Some(full) => prefix_fitting(full.glyphs(), width - ellipsis_width),
            None => text.len(),
        };
        let mut tries = 0;
        loop {
            cut = prev_grapheme_boundary(text, cut.min(text.len()));
            let kept = text[..cut].trim_end();
            let shown = format!("{kept}{ELLIPSIS}");
            let entry = self.shape(font_system, text, &shown, true, font_size);
            if entry.width() <= width || kept.is_empty() || tries >= MAX_RETRIES {
                return entry;
            }
            tries += 1;
            cut = prev_grapheme_boundary(text, kept.len().saturating_sub(1));
        }
    }

    fn ellipsis_width(&mut self, font_system: &mut FontSystem, font_size: f32) -> f32 {
        let key = (text_hash(ELLIPSIS), font_size.to_bits(), FULL);
        if let Some(entry) = self.entries.get(&key).filter(|e| e.text == ELLIPSIS) {
            return entry.width();
        }
        let entry = self.shape(font_system, ELLIPSIS, ELLIPSIS, false, font_size);
        let width = entry.width();
        self.entries.insert(key, entry);
        width
    }
}

/// The largest byte offset such that the glyphs of the text before it are at most `width` wide.
fn prefix_fitting(glyphs: &[LayoutGlyph], width: f32) -> usize {
    let mut by_start: Vec<(usize, usize, f32)> =
        glyphs.iter().map(|g| (g.start, g.end, g.w)).collect();
    by_start.sort_by_key(|&(start, end, _)| (start, end));
    let mut total = 0.0;
    let mut fits = 0;
    for (_, end, w) in by_start {
        total += w;
        if total > width {
            return fits;
        }
        fits = fits.max(end);
    }
    fits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text_range::is_grapheme_boundary;
    use crate::text::fonts::bundled_font_system;

    const TITLE: &str = "وصول مدربين عسكريين روس إلى النيجر";

    #[test]
    fn a_string_already_shaped_is_not_shaped_again() {
        let mut fs = bundled_font_system();
        let mut cache = ShortTextCache::new();
        let width = cache.get(&mut fs, TITLE, 15.0, None, 1).width();
        assert!(width > 0.0);
        assert_eq!(cache.shape_count(), 1);
        for frame in 2..10 {
            let line = cache.get(&mut fs, TITLE, 15.0, Some(10_000.0), frame);
            assert_eq!(line.width(), width);
            assert!(line.rtl() && !line.is_truncated());
        }
        assert_eq!(cache.shape_count(), 1, "same text and size: no reshaping");
        cache.get(&mut fs, TITLE, 16.0, None, 10);
        assert_eq!(cache.shape_count(), 2, "another size is another line");
    }

    #[test]
    fn overlong_text_is_cut_on_a_grapheme_boundary_with_an_ellipsis() {
        let mut fs = bundled_font_system();
        let mut cache = ShortTextCache::new();
        // Harakat: a cut between a letter and its mark would split a grapheme.
        let text = "أيضًا قالت مصادرُ عسكريةٌ إنّ المدربين وصلوا أمسِ";
        let full = cache.get(&mut fs, text, 15.0, None, 1).width();
        let line = cache.get(&mut fs, text, 15.0, Some(full / 2.0), 1);
        assert!(line.is_truncated());
        assert!(
            line.width() <= full / 2.0,
            "{} > {}",
            line.width(),
            full / 2.0
        );
        let kept = line.shown().strip_suffix(ELLIPSIS).expect("ellipsis");
        assert!(!kept.is_empty() && text.starts_with(kept));
        assert!(is_grapheme_boundary(text, kept.len()));
        let shapings = cache.shape_count();
        // Resizing by less than the width step reuses the cut line.
        cache.get(&mut fs, text, 15.0, Some(full / 2.0 - 0.1), 2);
        cache.get(&mut fs, text, 15.0, Some(full / 2.0), 3);
        assert!(cache.shape_count() <= shapings + 1);
    }

    #[test]
    fn unused_entries_are_evicted_and_used_ones_kept() {
        let mut fs = bundled_font_system();
        let mut cache = ShortTextCache::new();
        cache.get(&mut fs, "Actor", 13.0, None, 1);
        for frame in (2..=EVICT_AFTER_FRAMES * 2).step_by(10) {
            cache.get(&mut fs, TITLE, 13.0, None, frame);
        }
        assert_eq!(cache.len(), 1, "only the title was used recently");
        cache.get(&mut fs, TITLE, 13.0, None, EVICT_AFTER_FRAMES * 2 + 1);
        assert_eq!(cache.shape_count(), 2);
    }
}
