//! A one-line label for text that may be Arabic (titles, label names, span excerpts): shaped by
//! our cosmic-text engine (egui cannot lay out Arabic), cached, and cut with an ellipsis when it
//! does not fit.

use egui::{Color32, Mesh, Rect, Response, Role, Sense, Shape, Ui, Vec2, WidgetInfo, pos2, vec2};

use crate::text::TextEngine;
use crate::text::short_text::ShortText;

/// What [`paint_shaped`] drew.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ShapedInfo {
    /// Width of the drawn text in points.
    pub width: f32,
    /// Was the text cut with an ellipsis?
    pub truncated: bool,
    /// Is the text right-to-left (drawn against the right edge)?
    pub rtl: bool,
}

/// `text` shaped at `font_size` and cut to `max_width`, from the engine's cache (shaped on the
/// first call only).
fn cached_line<'e>(
    ui: &Ui,
    engine: &'e mut TextEngine,
    text: &str,
    font_size: f32,
    max_width: f32,
) -> &'e ShortText {
    let frame = ui.ctx().cumulative_frame_nr();
    engine.short_text.get(
        &mut engine.font_system,
        text,
        font_size,
        Some(max_width),
        frame,
    )
}

/// Size of `text` shaped at `font_size` and cut to `max_width` points (infinite: never cut).
/// Shapes on the first call only.
pub fn shaped_size(
    ui: &Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
    max_width: f32,
) -> Vec2 {
    let line = cached_line(ui, engine, text, font_size, max_width);
    vec2(line.width(), line.height())
}

/// Paints `text` on one line in `rect`: vertically centred, against the right edge when it is
/// mostly right-to-left (Arabic), against the left edge otherwise, cut with an ellipsis to the
/// width of `rect`. Safe to call before or after the article view starts the atlas's frame.
pub fn paint_shaped(
    ui: &Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
    colour: Color32,
    rect: Rect,
) -> ShapedInfo {
    let ctx = ui.ctx();
    engine.atlas.begin_frame_once(ctx);
    // Borrows the cache and the font system separately: painting needs both at once.
    let line = engine.short_text.get(
        &mut engine.font_system,
        text,
        font_size,
        Some(rect.width()),
        ctx.cumulative_frame_nr(),
    );
    let info = ShapedInfo {
        width: line.width(),
        truncated: line.is_truncated(),
        rtl: line.rtl(),
    };
    if !ui.is_rect_visible(rect) {
        return info;
    }
    let x = if info.rtl {
        rect.right() - info.width
    } else {
        rect.left()
    };
    let y = rect.center().y - line.height() / 2.0 + line.baseline();
    let mut mesh = Mesh::default();
    let complete = engine.atlas.paint_glyphs(
        ctx,
        &mut engine.font_system,
        &mut mesh,
        line.glyphs(),
        pos2(x, y),
        colour,
    );
    if !complete {
        ctx.request_repaint();
    }
    if !mesh.is_empty() {
        // Clip sideways only: harakat may reach above and below the line.
        let clip = Rect::from_x_y_ranges(rect.x_range(), ui.clip_rect().y_range())
            .intersect(ui.clip_rect());
        ui.painter().with_clip_rect(clip).add(Shape::mesh(mesh));
    }
    info
}

/// A label showing `text` shaped at `font_size` points in `colour`, cut with an ellipsis beyond
/// `max_width` points. Right-to-left text takes the whole `max_width` (when finite) and is drawn
/// against its right edge; left-to-right text takes its own width. Screen readers (and kittest)
/// see the full text.
pub fn shaped_label(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
    colour: Color32,
    max_width: f32,
) -> Response {
    let line = cached_line(ui, engine, text, font_size, max_width);
    let width = if line.rtl() && max_width.is_finite() {
        max_width
    } else {
        line.width().min(max_width)
    };
    let (rect, response) = ui.allocate_exact_size(vec2(width, line.height()), Sense::hover());
    paint_shaped(ui, engine, text, font_size, colour, rect);
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, text));
    response
}
