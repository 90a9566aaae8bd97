//! One keyword-in-context line of the project search results: the hit with the words around it
//! ([`crate::lang::context`]), shaped by our engine in the direction of the paragraph the hit is
//! in, and painted with the hit emphasised (tinted, in a stronger colour). A line wider than its
//! row is shifted so the hit stays in view. Lines are shaped once and cached while shown.

use std::collections::HashMap;
use std::ops::Range;

use egui::{Color32, Mesh, Rect, Shape, Ui, pos2, vec2};

use crate::lang::context::{CONTEXT_WORDS, context};
use crate::model::DocId;
use crate::text::TextEngine;
use crate::text::paragraph_layout::{ParagraphLayout, TextMetrics};
use crate::text::paragraphs::{direction, is_paragraph_separator};

/// Font size of the lines in points.
pub const KWIC_FONT_SIZE: f32 = 15.0;
/// How far from the hit, at most, the paragraph's direction is looked for (bytes each side).
const DIRECTION_REACH: usize = 4096;
/// Lines kept at most before the ones not shown lately are dropped.
const MAX_CACHED: usize = 400;
/// Tint behind the hit (the amber of the find bar's hits).
const HIT_FILL: Color32 = Color32::from_rgba_premultiplied(200, 140, 0, 110);

/// A shaped keyword-in-context line.
pub struct KwicLine {
    /// The line as shaped: the context before, the hit, the context after.
    text: String,
    /// The hit within `text`.
    hit: Range<usize>,
    rtl: bool,
    width: f32,
    baseline: f32,
    line_height: f32,
    /// The hit's horizontal extent(s) on the line, from its left end.
    hit_rects: Vec<(f32, f32)>,
    layout: ParagraphLayout,
    last_used: u64,
}

impl KwicLine {
    /// The line of `hit` in `text` (a document's text), shaped at `font_size`.
    pub fn new(engine: &mut TextEngine, text: &str, hit: &Range<usize>, font_size: f32) -> Self {
        let [before, found, after] = context(text, hit, CONTEXT_WORDS).pieces(text, hit);
        // Same-length spaces for line breaks a regex hit may hold, so offsets stay put.
        let line: String = [before, found, after]
            .concat()
            .chars()
            .map(|c| match c.len_utf8() {
                _ if !is_paragraph_separator(c) => c,
                1 => ' ',
                2 => '\u{00A0}',
                _ => '\u{2002}',
            })
            .collect();
        let hit_in_line = before.len()..before.len() + found.len();
        let rtl = paragraph_direction(text, hit);
        let metrics = TextMetrics::for_font_size(font_size);
        let mut layout = ParagraphLayout::new(&mut engine.font_system, &line, rtl);
        layout.layout_unwrapped(&line, metrics);
        let hit_rects = layout
            .range_rects(&line, hit_in_line.clone())
            .iter()
            .map(|r| (r.min.x, r.max.x))
            .collect();
        Self {
            rtl,
            width: layout.width(),
            baseline: layout.lines().first().map_or(0.0, |l| l.baseline),
            line_height: metrics.line_height,
            text: line,
            hit: hit_in_line,
            hit_rects,
            layout,
            last_used: 0,
        }
    }

    /// The line as shaped.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The hit's text.
    pub fn hit_text(&self) -> &str {
        self.text.get(self.hit.clone()).unwrap_or_default()
    }

    /// Whether the line is laid out right to left (its paragraph is).
    pub fn rtl(&self) -> bool {
        self.rtl
    }

    /// The width of the whole line in points.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// The x of the line's left end when painted in `rect`: the hit in the middle of the rect,
    /// as in a concordance (the hits of a list line up in one column), as far as the rect holds
    /// the line; a line wider than the rect is shifted only as far as its ends allow.
    pub fn origin_x(&self, rect: Rect) -> f32 {
        let left = self.hit_rects.iter().map(|r| r.0).fold(f32::MAX, f32::min);
        let right = self.hit_rects.iter().map(|r| r.1).fold(f32::MIN, f32::max);
        let middle = if left <= right {
            (left + right) / 2.0
        } else {
            self.width / 2.0
        };
        let x = rect.center().x - middle;
        if self.width <= rect.width() {
            x.clamp(rect.left(), rect.right() - self.width)
        } else {
            x.clamp(rect.right() - self.width, rect.left())
        }
    }
}

/// The direction of the paragraph around `hit` (looked at up to [`DIRECTION_REACH`] bytes each
/// side), as the article view decides it; left to right when it has no strong letter.
fn paragraph_direction(text: &str, hit: &Range<usize>) -> bool {
    let mut start = hit.start.saturating_sub(DIRECTION_REACH);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = hit.end.saturating_add(DIRECTION_REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = text.get(start..hit.start).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_paragraph_separator(c))
        .map_or(start, |(i, c)| start + i + c.len_utf8());
    let after = text.get(hit.end..end).unwrap_or_default();
    let end = after
        .find(is_paragraph_separator)
        .map_or(end, |i| hit.end + i);
    direction(text.get(start..end).unwrap_or_default()).unwrap_or(false)
}

/// Shaped lines by document and hit, kept while they are shown.
#[derive(Default)]
pub struct KwicCache {
    lines: HashMap<(DocId, usize, usize), KwicLine>,
    frame: u64,
}

impl KwicCache {
    /// The line of `hit` in document `doc` (text `text`), shaped on first use.
    pub fn get(
        &mut self,
        engine: &mut TextEngine,
        frame: u64,
        doc: DocId,
        text: &str,
        hit: &Range<usize>,
    ) -> &KwicLine {
        if frame != self.frame {
            self.frame = frame;
            if self.lines.len() > MAX_CACHED {
                let oldest = frame.saturating_sub(2);
                self.lines.retain(|_, l| l.last_used >= oldest);
            }
        }
        let line = self
            .lines
            .entry((doc, hit.start, hit.end))
            .or_insert_with(|| KwicLine::new(engine, text, hit, KWIC_FONT_SIZE));
        line.last_used = frame;
        line
    }

    /// How many lines are cached (for tests: only the rows shown are shaped).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Paints `line` in `rect` (vertically centred): the hit tinted and in `hit_colour`, the context
/// in `colour`, clipped to the rect's width.
pub fn paint_kwic(
    ui: &Ui,
    engine: &mut TextEngine,
    line: &KwicLine,
    rect: Rect,
    colour: Color32,
    hit_colour: Color32,
) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    let ctx = ui.ctx();
    engine.atlas.begin_frame_once(ctx);
    let x = line.origin_x(rect);
    let top = rect.center().y - line.line_height / 2.0;
    // Clip sideways only: harakat may reach above and below the line.
    let clip =
        Rect::from_x_y_ranges(rect.x_range(), ui.clip_rect().y_range()).intersect(ui.clip_rect());
    let painter = ui.painter().with_clip_rect(clip);
    for &(x0, x1) in &line.hit_rects {
        let tint = Rect::from_min_size(pos2(x + x0, top), vec2(x1 - x0, line.line_height));
        painter.rect_filled(tint.shrink2(vec2(0.0, 2.0)), 2.0, HIT_FILL);
    }
    let origin = pos2(x, top + line.baseline);
    let glyphs = line.layout.lines().first().map_or(&[][..], |l| &l.glyphs);
    let (hit, around): (Vec<_>, Vec<_>) = glyphs
        .iter()
        .cloned()
        .partition(|g| line.hit.contains(&g.start));
    let mut complete = true;
    for (glyphs, tint) in [(&around, colour), (&hit, hit_colour)] {
        let mut mesh = Mesh::default();
        complete &= engine.atlas.paint_glyphs(
            ctx,
            &mut engine.font_system,
            &mut mesh,
            glyphs,
            origin,
            tint,
        );
        if !mesh.is_empty() {
            painter.add(Shape::mesh(mesh));
        }
    }
    if !complete {
        ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_holds_the_hit_and_its_paragraph_direction() {
        let mut fs = TextEngine::new();
        let text = "Report\n\nقال الوزير إن الوفد وصل\n\nThe minister said";
        let start = text.find("الوزير").expect("hit");
        let hit = start..start + "الوزير".len();
        let line = KwicLine::new(&mut fs, text, &hit, 15.0);
        assert_eq!(line.text(), "قال الوزير إن الوفد وصل");
        assert_eq!(line.hit_text(), "الوزير");
        assert!(line.rtl());
        let glyphs = &line.layout.lines()[0].glyphs;
        assert!(glyphs.iter().any(|g| line.hit.contains(&g.start)));
        assert!(glyphs.iter().any(|g| !line.hit.contains(&g.start)));
        assert!(!line.hit_rects.is_empty());

        // A Latin word inside an Arabic paragraph keeps the paragraph's direction.
        let text = "قال مسؤول في NATO إن الوفد وصل أمس إلى العاصمة";
        let start = text.find("NATO").expect("hit");
        let line = KwicLine::new(&mut fs, text, &(start..start + 4), 15.0);
        assert!(line.rtl());
        let text = "The minister said قال";
        let start = text.find("minister").expect("hit");
        let line = KwicLine::new(&mut fs, text, &(start..start + 8), 15.0);
        assert!(!line.rtl());
    }

    #[test]
    fn a_long_line_is_shifted_to_show_its_hit() {
        let mut fs = TextEngine::new();
        let words = "كلمة ".repeat(40);
        let text = format!("{words}الهدف{words}");
        let start = text.find("الهدف").expect("hit");
        let line = KwicLine::new(&mut fs, &text, &(start..start + "الهدف".len()), 15.0);
        let rect = Rect::from_min_size(pos2(100.0, 0.0), vec2(120.0, 26.0));
        assert!(line.width() > rect.width());
        let x = line.origin_x(rect);
        for &(x0, x1) in &line.hit_rects {
            assert!(
                x + x0 >= rect.left() && x + x1 <= rect.right(),
                "hit in view"
            );
        }
        // A short line is centred on its hit, within the rect.
        let short = KwicLine::new(&mut fs, "قال الوزير", &(0..6), 15.0);
        let wide = Rect::from_min_size(pos2(0.0, 0.0), vec2(500.0, 26.0));
        let x = short.origin_x(wide);
        let (x0, x1) = short.hit_rects[0];
        assert!((x + (x0 + x1) / 2.0 - 250.0).abs() < 0.01);
        assert!(x >= 0.0 && x + short.width() <= 500.0);
    }
}
