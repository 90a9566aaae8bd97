//! How suggestions are outlined in the article: a dashed rectangle per line of a suggestion, in
//! the label's colour, inset by the suggestion's lane among overlapping ones; the current
//! suggestion's thicker, with longer dashes. Each outline is four rectangles whose texture (the
//! dash pattern) repeats along the edge, and the outlines of a paragraph are built once, in the
//! paragraph's coordinates, and kept while the marks, the current one and the layout's width
//! and metrics stay the same: a scrolling frame only copies them. (Building them every frame,
//! one shape per dash, made the outlines twice the rest of a scrolling frame with a suggestion
//! on every word.) Only paragraphs near the visible ones keep theirs.

use std::collections::HashMap;
use std::ops::Range;

use egui::epaint::Vertex;
use egui::{
    Color32, ColorImage, Mesh, Painter, Rect, Shape, TextureHandle, TextureId, TextureOptions,
    Vec2, pos2, vec2,
};

use super::ArticleView;
use super::suggestion_marks::SuggestionMarks;
use crate::text::paragraph_layout::TextMetrics;

/// At most this many nested outlines are told apart; deeper nesting shares the last inset.
const MAX_LANES: usize = 3;
/// How much each lane is inset from the line's rectangle, in points.
const LANE_INSET: f32 = 2.5;
/// Paragraphs this far from the visible ones keep their outlines (for scrolling back).
const KEEP_AROUND: usize = 40;

/// A dash pattern: `dash` points drawn, then `gap` points left out, repeated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DashPattern {
    dash: usize,
    gap: usize,
}

/// The outline of a suggestion.
const DASHES: DashPattern = DashPattern { dash: 4, gap: 3 };
/// The current suggestion's outline: longer dashes, shorter gaps (and a thicker stroke).
const CURRENT_DASHES: DashPattern = DashPattern { dash: 7, gap: 2 };

impl DashPattern {
    /// The length of one dash and its gap, in points.
    fn period(self) -> f32 {
        (self.dash + self.gap) as f32
    }

    /// One period, one texel a point: white for the dash, transparent for the gap.
    fn image(self) -> ColorImage {
        let pixels = (0..self.dash + self.gap)
            .map(|i| {
                if i < self.dash {
                    Color32::WHITE
                } else {
                    Color32::TRANSPARENT
                }
            })
            .collect();
        ColorImage::new([self.dash + self.gap, 1], pixels)
    }

    /// [`Self::image`] as a texture repeated along the edges (texture coordinates beyond 1
    /// wrap) and tinted by the vertices' colour.
    fn texture(self, ctx: &egui::Context) -> TextureHandle {
        ctx.load_texture(
            format!("suggestion-dashes-{}-{}", self.dash, self.gap),
            self.image(),
            TextureOptions::NEAREST_REPEAT,
        )
    }
}

/// The two dash textures, made once per view.
#[derive(Default)]
struct DashTextures(Option<[TextureHandle; 2]>);

impl std::fmt::Debug for DashTextures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DashTextures")
    }
}

impl DashTextures {
    /// The textures of [`DASHES`] and [`CURRENT_DASHES`].
    fn get(&mut self, ctx: &egui::Context) -> [TextureId; 2] {
        let textures = self
            .0
            .get_or_insert_with(|| [DASHES.texture(ctx), CURRENT_DASHES.texture(ctx)]);
        [textures[0].id(), textures[1].id()]
    }
}

/// Adds the outline of `rect` (a stroke of `width` centred on its edges) to `mesh` as four
/// rectangles, one per edge, whose texture (the dash pattern, see [`DashPattern::texture`])
/// repeats along the edge. Four rectangles whatever the
/// outline's length: drawing every dash as a shape of its own made the dashes most of a
/// scrolling frame's cost with hundreds of suggestions on screen.
fn add_dashed_rect(
    mesh: &mut Mesh,
    rect: Rect,
    (width, colour): (f32, Color32),
    pattern: DashPattern,
) {
    let half = width / 2.0;
    let outer = rect.expand(half);
    let period = pattern.period();
    // The top and bottom edges, left to right, the corners included.
    for y in [rect.top(), rect.bottom()] {
        let edge = Rect::from_min_max(pos2(outer.left(), y - half), pos2(outer.right(), y + half));
        let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(edge.width() / period, 1.0));
        mesh.add_rect_with_uv(edge, uv, colour);
    }
    // The left and right edges, top to bottom, between the corners: the pattern runs along y.
    for x in [rect.left(), rect.right()] {
        let (top, bottom) = (rect.top() + half, rect.bottom() - half);
        if bottom <= top {
            continue;
        }
        let along = (bottom - top) / period;
        let at = mesh.vertices.len() as u32;
        for (pos, u) in [
            (pos2(x - half, top), 0.0),
            (pos2(x + half, top), 0.0),
            (pos2(x - half, bottom), along),
            (pos2(x + half, bottom), along),
        ] {
            mesh.vertices.push(Vertex {
                pos,
                uv: pos2(u, 0.5),
                color: colour,
            });
        }
        mesh.indices
            .extend_from_slice(&[at, at + 1, at + 2, at + 2, at + 1, at + 3]);
    }
}

/// What the kept outlines were built for.
#[derive(Clone, Debug)]
struct OutlineKey {
    marks: SuggestionMarks,
    width: f32,
    metrics: TextMetrics,
}

impl OutlineKey {
    fn matches(&self, other: &OutlineKey) -> bool {
        self.marks.same_marks(&other.marks)
            && self.marks.current == other.marks.current
            && self.width == other.width
            && self.metrics == other.metrics
    }
}

/// The outlines of one paragraph, in its coordinates (its top at y 0).
#[derive(Debug, Default)]
struct ParagraphOutlines {
    /// Every suggestion but the current one (with the [`DASHES`] texture).
    normal: Mesh,
    /// The current suggestion (with the [`CURRENT_DASHES`] texture).
    current: Mesh,
}

/// The outlines kept per paragraph, and what they were built for.
#[derive(Debug, Default)]
pub(super) struct OutlineCache {
    key: Option<OutlineKey>,
    paragraphs: HashMap<usize, ParagraphOutlines>,
    textures: DashTextures,
    /// How many times a paragraph's outlines were built.
    built: usize,
}

/// Appends `from`'s triangles to `to`, moved by `by`.
fn append_moved(to: &mut Mesh, from: &Mesh, by: Vec2) {
    let at = to.vertices.len() as u32;
    to.indices.extend(from.indices.iter().map(|i| i + at));
    to.vertices.extend(from.vertices.iter().map(|v| Vertex {
        pos: v.pos + by,
        ..*v
    }));
}

impl ArticleView {
    /// Paints the suggestions of the visible paragraphs.
    pub(super) fn paint_suggestions(
        &mut self,
        painter: &Painter,
        origin: Vec2,
        visible: Range<usize>,
    ) {
        let key = OutlineKey {
            marks: self.suggestions.clone(),
            width: self.layout.width(),
            metrics: self.layout.metrics(),
        };
        let cache = &mut self.outlines;
        if !cache.key.as_ref().is_some_and(|k| k.matches(&key)) {
            cache.paragraphs.clear();
            cache.key = Some(key);
        }
        let near = visible.start.saturating_sub(KEEP_AROUND)..visible.end + KEEP_AROUND;
        cache.paragraphs.retain(|i, _| near.contains(i));
        if self.suggestions.marks().is_empty() {
            return;
        }
        let [normal_texture, current_texture] = cache.textures.get(painter.ctx());
        let mut normal = Mesh::with_texture(normal_texture);
        let mut current = Mesh::with_texture(current_texture);
        for i in visible {
            if self.layout.paragraph_layout(i).is_none() {
                continue;
            }
            let top = self.layout.paragraph_top(i);
            let outlines = match cache.paragraphs.entry(i) {
                std::collections::hash_map::Entry::Occupied(kept) => kept.into_mut(),
                std::collections::hash_map::Entry::Vacant(slot) => {
                    cache.built += 1;
                    slot.insert(paragraph_outlines(&mut self.layout, &self.suggestions, i))
                }
            };
            let by = origin + vec2(0.0, top);
            append_moved(&mut normal, &outlines.normal, by);
            append_moved(&mut current, &outlines.current, by);
        }
        for mesh in [normal, current] {
            if !mesh.is_empty() {
                painter.add(Shape::mesh(mesh));
            }
        }
    }
}

/// Builds the outlines of the suggestions in paragraph `i`, in its coordinates.
fn paragraph_outlines(
    layout: &mut crate::text::DocumentLayout,
    suggestions: &SuggestionMarks,
    i: usize,
) -> ParagraphOutlines {
    let mut outlines = ParagraphOutlines::default();
    let top = layout.paragraph_top(i);
    let text = layout.paragraph_range(i);
    for m in suggestions.overlapping(&text) {
        let Some(mark) = suggestions.marks().get(m) else {
            break;
        };
        let is_current = suggestions.current == Some(m);
        let (width, pattern, mesh) = if is_current {
            (3.0, CURRENT_DASHES, &mut outlines.current)
        } else {
            (1.5, DASHES, &mut outlines.normal)
        };
        let inset = usize::from(mark.lane).min(MAX_LANES - 1) as f32 * LANE_INSET;
        for rect in layout.range_rects(mark.range.clone(), i..i + 1) {
            let rect = rect.translate(vec2(0.0, -top));
            let rect = if is_current {
                rect.expand(1.5)
            } else {
                rect.shrink2(vec2(0.0, inset))
            };
            add_dashed_rect(mesh, rect, (width, mark.colour), pattern);
        }
    }
    outlines
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{DocId, LabelId};
    use crate::text::TextEngine;

    #[test]
    fn outlines_are_built_once_per_paragraph_and_again_when_the_marks_or_the_current_one_change() {
        let text: Arc<str> = "قال الوزير إن المحصول تراجع.\nوأكدت المنظمة أن الأمطار قليلة.".into();
        let second = text.find('\n').unwrap_or_default() + 1;
        let mut view = ArticleView::new(DocId(1), text.clone());
        let mut engine = TextEngine::new();
        let metrics = view.layout.metrics();
        view.layout.set_geometry(600.0, metrics);
        view.layout
            .ensure_laid_out(&mut engine.font_system, 0.0..1000.0, 0.0);
        let paragraphs = 0..view.layout.paragraph_count();
        assert_eq!(paragraphs.len(), 2);
        let claim = LabelId::new("claim").unwrap_or_else(|e| panic!("{e}"));
        let marks = SuggestionMarks::new([
            (
                0..6,
                claim.clone(),
                Color32::RED,
                crate::lang::suggest::SuggesterKind::Cues,
            ),
            (
                second..second + 10,
                claim.clone(),
                Color32::RED,
                crate::lang::suggest::SuggesterKind::Cues,
            ),
        ]);
        let ctx = egui::Context::default();
        let painter = Painter::new(ctx, egui::LayerId::background(), Rect::EVERYTHING);
        let paint = |view: &mut ArticleView, marks: &SuggestionMarks| {
            view.set_suggestions(marks.clone());
            view.paint_suggestions(&painter, Vec2::ZERO, paragraphs.clone());
            (view.outlines.built, view.outlines.paragraphs.len())
        };
        assert_eq!(paint(&mut view, &marks), (2, 2));
        // The next frames (a scroll moves only the origin) copy them.
        assert_eq!(paint(&mut view, &marks), (2, 2));
        let current_in = |view: &ArticleView, i: usize| {
            view.outlines
                .paragraphs
                .get(&i)
                .is_some_and(|p| !p.current.is_empty())
        };
        assert!(!current_in(&view, 0) && !current_in(&view, 1));
        // Tab makes the second current: both are built again, the second with the thick outline.
        let mut with_current = marks.clone();
        with_current.current = Some(1);
        assert_eq!(paint(&mut view, &with_current), (4, 2));
        assert!(!current_in(&view, 0) && current_in(&view, 1));
        assert_eq!(paint(&mut view, &with_current), (4, 2));
        // New suggestions (a copy with the same content is new too) are drawn anew.
        let recomputed = SuggestionMarks::new(
            marks
                .marks()
                .iter()
                .map(|m| (m.range.clone(), m.label.clone(), m.colour, m.suggester)),
        );
        assert_eq!(paint(&mut view, &recomputed), (6, 2));
        // A narrower window re-wraps the text: the outlines follow.
        view.layout.set_geometry(300.0, metrics);
        view.layout
            .ensure_laid_out(&mut engine.font_system, 0.0..1000.0, 0.0);
        assert_eq!(paint(&mut view, &recomputed), (8, 2));
        // No suggestions: nothing kept.
        assert_eq!(paint(&mut view, &SuggestionMarks::default()), (8, 0));
    }

    #[test]
    fn an_outline_is_four_edges_whose_pattern_repeats_along_them() {
        let rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(70.0, 20.0));
        let mut mesh = Mesh::default();
        add_dashed_rect(&mut mesh, rect, (2.0, Color32::RED), DASHES);
        assert_eq!(mesh.vertices.len(), 4 * 4);
        assert_eq!(mesh.indices.len(), 4 * 6);
        // Every vertex lies within the stroke's half width of an edge, tinted with the colour.
        for v in &mesh.vertices {
            let on_edge = v.pos.x.abs() <= 1.0
                || (v.pos.x - 70.0).abs() <= 1.0
                || v.pos.y.abs() <= 1.0
                || (v.pos.y - 20.0).abs() <= 1.0;
            assert!(on_edge, "{:?} is off the outline", v.pos);
            assert_eq!(v.color, Color32::RED);
        }
        // The top edge runs from -1 to 71: 72 points, 72 / 7 periods of the pattern; the left
        // edge from 1 to 19: 18 / 7 periods.
        let greatest_u = |vertices: &[Vertex]| vertices.iter().map(|v| v.uv.x).fold(0.0, f32::max);
        assert!((greatest_u(&mesh.vertices[..4]) - 72.0 / 7.0).abs() < 1e-4);
        assert!((greatest_u(&mesh.vertices[8..12]) - 18.0 / 7.0).abs() < 1e-4);
    }

    #[test]
    fn a_dash_texture_is_the_dash_in_white_then_the_gap_transparent() {
        let image = DASHES.image();
        assert_eq!(image.size, [7, 1]);
        let w = Color32::WHITE;
        let t = Color32::TRANSPARENT;
        assert_eq!(image.pixels, [w, w, w, w, t, t, t]);
        assert_eq!(CURRENT_DASHES.image().pixels, [w, w, w, w, w, w, w, t, t]);
        assert_eq!(DASHES.period(), 7.0);
        assert_eq!(CURRENT_DASHES.period(), 9.0);
    }
}
