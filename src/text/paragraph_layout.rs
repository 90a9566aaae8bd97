//! One paragraph shaped once by cosmic-text and wrapped to a width: hit-testing, caret positions
//! and the rectangles of a logical range.
//!
//! Coordinates are in points relative to the paragraph's top-left corner. Offsets are byte offsets
//! into the paragraph's own text.

use std::ops::Range;

use cosmic_text::{FontSystem, Hinting, LayoutGlyph, ShapeLine, Shaping, Wrap};
use egui::{Pos2, Rect, pos2};

use super::carets::{
    CaretPlace, CaretStop, ClusterBox, cluster_boxes, nearest_stop, place_carets, place_of,
};
use super::fonts::article_attrs;
use super::paragraphs::first_strong_rtl;

const RLM: &str = "\u{200F}";
const LRM: &str = "\u{200E}";

/// Font size and line height, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextMetrics {
    /// Font size in points.
    pub font_size: f32,
    /// Height of one visual line in points (Arabic needs room for harakat above and below).
    pub line_height: f32,
}

impl TextMetrics {
    /// Metrics for a font size with the article's line spacing.
    pub fn for_font_size(font_size: f32) -> Self {
        Self {
            font_size,
            line_height: (font_size * 1.75).round(),
        }
    }
}

/// One visual (wrapped) line.
#[derive(Clone, Debug)]
pub struct VisualLine {
    /// Top of the line, from the paragraph's top.
    pub top: f32,
    /// Baseline, from the paragraph's top.
    pub baseline: f32,
    /// Glyphs in visual order, offsets relative to the paragraph text.
    pub glyphs: Vec<LayoutGlyph>,
    /// The clusters as drawn (glyphs of one cluster grouped), in visual order.
    pub clusters: Vec<ClusterBox>,
    /// Every grapheme boundary at an edge of (or inside) a cluster of this line, sorted by x
    /// (an offset can have a stop on both sides of a bidi run boundary; its caret is drawn at the
    /// stop marked `drawn_here`).
    pub stops: Vec<CaretStop>,
    /// Smallest and largest byte offset of the line's text.
    pub logical: Range<usize>,
}

/// Whether a layout places caret stops (and the cluster boxes they come from).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Carets {
    Placed,
    None,
}

/// A paragraph shaped once and laid out (wrapped) to a width.
pub struct ParagraphLayout {
    shape: ShapeLine,
    /// Bytes of the direction mark prepended to the shaped copy (0 or 3).
    prefix_len: usize,
    rtl: bool,
    text_len: usize,
    lines: Vec<VisualLine>,
    /// Where the caret of each placed grapheme boundary is drawn, sorted by offset.
    carets: Vec<CaretPlace>,
    width: f32,
    metrics: TextMetrics,
    laid_out: bool,
}

impl ParagraphLayout {
    /// Shapes `text` (one paragraph, no line breaks) with the article font. `rtl` is the
    /// paragraph direction; when the first strong letter disagrees with it, a direction mark is
    /// prepended to the shaped copy (and offsets are shifted back), so an Arabic paragraph that
    /// starts with "RTN" or "2023" is still laid out right-to-left.
    pub fn new(font_system: &mut FontSystem, text: &str, rtl: bool) -> Self {
        let mark = match (rtl, first_strong_rtl(text)) {
            (true, Some(true)) | (false, Some(false)) | (false, None) => "",
            (true, _) => RLM,
            (false, Some(true)) => LRM,
        };
        let shaped_text;
        let shaped: &str = if mark.is_empty() {
            text
        } else {
            shaped_text = format!("{mark}{text}");
            &shaped_text
        };
        let attrs = cosmic_text::AttrsList::new(&article_attrs());
        let shape = ShapeLine::new(font_system, shaped, &attrs, Shaping::Advanced, 4);
        Self {
            shape,
            prefix_len: mark.len(),
            rtl,
            text_len: text.len(),
            lines: Vec::new(),
            carets: Vec::new(),
            width: 0.0,
            metrics: TextMetrics::for_font_size(16.0),
            laid_out: false,
        }
    }

    /// Is the paragraph right-to-left?
    pub fn rtl(&self) -> bool {
        self.rtl
    }

    /// Has the paragraph been laid out for its current width and metrics?
    pub fn is_laid_out(&self) -> bool {
        self.laid_out
    }

    /// Forgets the wrapping (not the shaping): the next [`Self::layout`] re-wraps.
    pub fn invalidate_layout(&mut self) {
        self.laid_out = false;
    }

    /// Wraps the shaped paragraph to `width` points. Never re-shapes. `text` must be the text the
    /// paragraph was shaped from (used for grapheme boundaries of caret stops).
    pub fn layout(&mut self, text: &str, width: f32, metrics: TextMetrics) {
        if self.laid_out && self.width == width && self.metrics == metrics {
            return;
        }
        let layout_lines = self.shape.layout(
            metrics.font_size,
            Some(width.max(1.0)),
            Wrap::WordOrGlyph,
            None,
            None,
            Hinting::Disabled,
        );
        self.set_lines(text, layout_lines, metrics, Carets::Placed);
        self.width = width;
    }

    /// Lays the paragraph out on one line as wide as the text (no wrapping; right-to-left text
    /// starts at x = 0 too). Never re-shapes. [`Self::width`] is then the text's width.
    pub fn layout_unwrapped(&mut self, text: &str, metrics: TextMetrics) {
        self.unwrapped(text, metrics, Carets::Placed);
    }

    /// [`Self::layout_unwrapped`] for text that is only painted (list rows, labels): no cluster
    /// boxes and no caret stops, so hit testing, carets and [`Self::range_rects`] find nothing.
    pub fn layout_unwrapped_for_painting(&mut self, text: &str, metrics: TextMetrics) {
        self.unwrapped(text, metrics, Carets::None);
    }

    fn unwrapped(&mut self, text: &str, metrics: TextMetrics, carets: Carets) {
        // Not `Wrap::None`: in cosmic-text 0.19, `ShapeLine::layout_to_buffer` with `Wrap::None`
        // calls `ShapeLine::layout_spans` with `start_opt == None`, and for a first span whose
        // direction differs from the paragraph's it then pushes the empty range
        // `ZERO..start.word_glyph_pos()`: the first bidi run is dropped (an Arabic title that
        // begins with "2023" is drawn without the year). Word wrapping with no width limit
        // (`width_opt == None` counts as infinitely wide) never breaks a line and keeps every run.
        let layout_lines = self.shape.layout(
            metrics.font_size,
            None,
            Wrap::WordOrGlyph,
            None,
            None,
            Hinting::Disabled,
        );
        let width = layout_lines.iter().map(|l| l.w).fold(0.0, f32::max);
        self.set_lines(text, layout_lines, metrics, carets);
        self.width = width;
        // A later `layout` call must re-wrap to its own width.
        self.laid_out = false;
    }

    /// The width laid out to (for [`Self::layout_unwrapped`], the text's width).
    pub fn width(&self) -> f32 {
        self.width
    }

    fn set_lines(
        &mut self,
        text: &str,
        layout_lines: Vec<cosmic_text::LayoutLine>,
        metrics: TextMetrics,
        carets: Carets,
    ) {
        let prefix = self.prefix_len;
        let mut lines: Vec<VisualLine> = layout_lines
            .into_iter()
            .enumerate()
            .map(|(i, line)| {
                let top = i as f32 * metrics.line_height;
                let ink = line.max_ascent + line.max_descent;
                let baseline = top + ((metrics.line_height - ink) / 2.0).max(0.0) + line.max_ascent;
                let glyphs: Vec<LayoutGlyph> = line
                    .glyphs
                    .into_iter()
                    .filter(|g| g.end > prefix)
                    .map(|mut g| {
                        g.start = g.start.saturating_sub(prefix);
                        g.end -= prefix;
                        g
                    })
                    .collect();
                let logical = glyphs.iter().map(|g| g.start).min().unwrap_or(0)
                    ..glyphs.iter().map(|g| g.end).max().unwrap_or(0);
                VisualLine {
                    top,
                    baseline,
                    clusters: match carets {
                        Carets::Placed => cluster_boxes(&glyphs),
                        Carets::None => Vec::new(),
                    },
                    glyphs,
                    stops: Vec::new(),
                    logical,
                }
            })
            .collect();
        if lines.is_empty() {
            lines.push(VisualLine {
                top: 0.0,
                baseline: metrics.line_height * 0.7,
                glyphs: Vec::new(),
                clusters: Vec::new(),
                stops: Vec::new(),
                logical: 0..0,
            });
        }
        self.carets = match carets {
            Carets::Placed => {
                let clusters: Vec<&[ClusterBox]> =
                    lines.iter().map(|l| l.clusters.as_slice()).collect();
                let (stops, carets) = place_carets(text, &clusters);
                for (line, stops) in lines.iter_mut().zip(stops) {
                    line.stops = stops;
                }
                carets
            }
            Carets::None => Vec::new(),
        };
        self.lines = lines;
        self.metrics = metrics;
        self.laid_out = true;
    }

    /// The visual lines (valid after [`Self::layout`]).
    pub fn lines(&self) -> &[VisualLine] {
        &self.lines
    }

    /// Height of one visual line in points.
    pub fn line_height(&self) -> f32 {
        self.metrics.line_height
    }

    /// Height of the laid-out paragraph in points.
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.metrics.line_height
    }

    /// The line at height `y` (clamped to the first and last line).
    fn line_at_y(&self, y: f32) -> usize {
        let i = (y / self.metrics.line_height).floor();
        (i.max(0.0) as usize).min(self.lines.len().saturating_sub(1))
    }

    /// The line on which the caret of `offset` is drawn.
    pub fn line_of_offset(&self, offset: usize) -> usize {
        place_of(&self.carets, offset).map_or_else(
            || {
                self.lines
                    .iter()
                    .position(|l| offset < l.logical.end)
                    .unwrap_or(self.lines.len().saturating_sub(1))
            },
            |p| p.line,
        )
    }

    /// The grapheme boundary nearest to the point (x, y), paragraph-relative. When two
    /// boundaries are drawn at the nearest x (the two sides of a bidi run boundary), the one whose
    /// caret is drawn there: the caret of the result is always drawn where the click was.
    pub fn hit(&self, pos: Pos2) -> usize {
        let line = &self.lines[self.line_at_y(pos.y)];
        nearest_stop(&line.stops, pos.x).map_or_else(
            || {
                if self.lines.len() == 1 {
                    0
                } else {
                    line.logical.start
                }
            },
            |s| s.offset,
        )
    }

    /// Where the caret for `offset` is drawn: x and the line index. Every grapheme boundary has
    /// one place: the leading edge of the cluster that starts there (the character typed next),
    /// else its share of a ligature, else the trailing edge of the cluster that ends there (see
    /// [`super::carets`]). `None` only before the paragraph is laid out.
    pub fn caret(&self, offset: usize) -> Option<(f32, usize)> {
        let offset = offset.min(self.text_len);
        if self.text_len == 0 || self.carets.is_empty() {
            if self.lines.is_empty() {
                return None;
            }
            let x = if self.rtl { self.width } else { 0.0 };
            return Some((x, 0));
        }
        place_of(&self.carets, offset).map(|p| (p.x, p.line))
    }

    /// The caret rectangle for `offset`, paragraph-relative.
    pub fn caret_rect(&self, offset: usize) -> Option<Rect> {
        let (x, line_i) = self.caret(offset)?;
        let top = self.lines[line_i].top;
        Some(Rect::from_min_max(
            pos2(x - 0.5, top),
            pos2(x + 0.5, top + self.metrics.line_height),
        ))
    }

    /// Rectangles covering exactly the glyphs of the logical byte range `range` (paragraph
    /// offsets), one or more per line; a cluster that holds several graphemes (a ligature) is
    /// covered in proportion, at the same x as the carets inside it. Works from offsets only, so
    /// painting it never changes shaping.
    pub fn range_rects(&self, text: &str, range: Range<usize>) -> Vec<Rect> {
        let mut rects = Vec::new();
        self.push_range_rects(text, range, 0.0, &mut rects);
        rects
    }

    /// [`Self::range_rects`] moved down by `dy`, pushed onto `rects` (a document's range over
    /// several paragraphs collects into one list: this runs for each visible span, each frame).
    pub fn push_range_rects(
        &self,
        text: &str,
        range: Range<usize>,
        dy: f32,
        rects: &mut Vec<Rect>,
    ) {
        if range.start >= range.end {
            return;
        }
        // One buffer for every line's covered x ranges.
        let mut spans: Vec<(f32, f32)> = Vec::with_capacity(8);
        for line in &self.lines {
            if line.logical.end <= range.start || line.logical.start >= range.end {
                continue;
            }
            spans.clear();
            for c in &line.clusters {
                if c.x1 <= c.x0 || c.end <= range.start || c.start >= range.end {
                    continue;
                }
                let (f0, f1) = covered_fraction(text, c, &range);
                let (a, b) = (c.x_at(f0), c.x_at(f1));
                let (x0, x1) = (a.min(b), a.max(b));
                if x1 - x0 > 0.01 {
                    spans.push((x0, x1));
                }
            }
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let top = line.top + dy;
            let rect = |(x0, x1): (f32, f32)| {
                Rect::from_min_max(pos2(x0, top), pos2(x1, top + self.metrics.line_height))
            };
            // Touching or overlapping x ranges merged into one rectangle, as they come sorted.
            let mut open: Option<(f32, f32)> = None;
            for &(x0, x1) in &spans {
                match &mut open {
                    Some(last) if x0 <= last.1 + 0.5 => last.1 = last.1.max(x1),
                    _ => rects.extend(open.replace((x0, x1)).map(rect)),
                }
            }
            rects.extend(open.map(rect));
        }
    }
}

/// The fraction [f0, f1] of cluster `c` that lies in `range`, counted in graphemes.
fn covered_fraction(text: &str, c: &ClusterBox, range: &Range<usize>) -> (f32, f32) {
    if range.start <= c.start && c.end <= range.end {
        return (0.0, 1.0);
    }
    let bounds = c.boundaries(text);
    let fraction_at = |offset: usize| {
        bounds
            .iter()
            .find(|&&(b, _)| b >= offset)
            .map_or(1.0, |&(_, f)| f)
    };
    (
        fraction_at(range.start.max(c.start)),
        fraction_at(range.end.min(c.end)),
    )
}
