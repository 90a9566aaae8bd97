//! The article view: a scrollable, selectable view of one article, laid out by `text/` and
//! painted as glyph meshes. It owns only view state (layout, selection, zoom, scroll).

use egui::{
    CursorIcon, Key, Mesh, Modifiers, Rect, Response, Role, ScrollArea, Sense, Shape, Ui, Vec2,
    WidgetInfo, pos2, vec2,
};

use crate::model::text_range::prev_grapheme_boundary;
use crate::text::boundaries::{
    next_grapheme, next_word_end, prev_grapheme, prev_word_start, word_at,
};
use crate::text::paragraph_layout::TextMetrics;
use crate::text::{DocumentLayout, Selection, TextEngine};

/// Default article font size in points.
pub const BASE_FONT_SIZE: f32 = 20.0;
/// Smallest zoom factor.
pub const MIN_ZOOM: f32 = 0.5;
/// Largest zoom factor.
pub const MAX_ZOOM: f32 = 3.0;
/// Horizontal margin around the text, in points.
const MARGIN: f32 = 24.0;
/// Space above the first paragraph, in points.
const TOP_PADDING: f32 = 12.0;
/// Longest selection text reported to screen readers, in characters.
const MAX_ACCESSIBLE_CHARS: usize = 4000;

/// State of the article view for one open article.
pub struct ArticleView {
    layout: DocumentLayout,
    /// The selection (document byte offsets on grapheme boundaries).
    pub selection: Selection,
    zoom: f32,
    /// Scroll offset to apply at the next frame.
    pending_scroll: Option<f32>,
    dragging: bool,
    scroll_offset: f32,
    viewport_height: f32,
    /// Scroll so the caret is visible at the next frame.
    reveal_head: bool,
    /// Screen position of the document's top-left corner at the last frame.
    last_origin: Vec2,
    /// The selection in bytes and in code points, for screen readers.
    accessible_range: (std::ops::Range<usize>, (usize, usize)),
}

impl ArticleView {
    /// A view of `text`, scrolled to the top, nothing selected.
    pub fn new(text: String) -> Self {
        Self {
            layout: DocumentLayout::new(text, TextMetrics::for_font_size(BASE_FONT_SIZE)),
            selection: Selection::default(),
            zoom: 1.0,
            pending_scroll: None,
            dragging: false,
            scroll_offset: 0.0,
            viewport_height: 0.0,
            reveal_head: false,
            accessible_range: (0..0, (0, 0)),
            last_origin: Vec2::ZERO,
        }
    }

    /// The article text.
    pub fn text(&self) -> &str {
        self.layout.text()
    }

    /// The layout (for tests and benchmarks).
    pub fn layout(&self) -> &DocumentLayout {
        &self.layout
    }

    /// The selected text.
    pub fn selected_text(&self) -> &str {
        self.selection.text(self.layout.text())
    }

    /// Selects the whole article.
    pub fn select_all(&mut self) {
        self.selection = Selection::of_range(0..self.layout.text().len());
    }

    /// Current zoom factor (1.0 = default size).
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Sets the zoom (clamped). The paragraph at the top of the viewport stays in place.
    pub fn set_zoom(&mut self, zoom: f32) {
        self.zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    }

    /// Where the caret for `offset` was on screen at the last frame (centre of the caret), if its
    /// paragraph is laid out. For tests that drive the view with the pointer.
    pub fn screen_pos(&mut self, offset: usize) -> Option<egui::Pos2> {
        let caret = self.layout.caret_rect(offset)?;
        Some(caret.center() + self.last_origin)
    }

    /// The document offset at height `y` of the scrolled content (for tests of the reading
    /// position), laying out the paragraph there if needed.
    pub fn offset_at_y(&mut self, engine: &mut TextEngine, y: f32) -> usize {
        self.layout
            .hit(&mut engine.font_system, pos2(0.0, y - TOP_PADDING))
    }

    /// The vertical scroll offset in points.
    pub fn scroll_offset(&self) -> f32 {
        self.scroll_offset
    }

    /// Scrolls so that document height `y` is at the top, at the next frame.
    pub fn scroll_to(&mut self, y: f32) {
        self.pending_scroll = Some(y.max(0.0));
    }

    /// Total document height in points (estimated where not yet shaped).
    pub fn content_height(&mut self) -> f32 {
        self.layout.total_height() + TOP_PADDING * 2.0
    }

    fn metrics(&self) -> TextMetrics {
        TextMetrics::for_font_size((BASE_FONT_SIZE * self.zoom).round())
    }

    /// Shows the view filling the available space. `label` names it for screen readers.
    pub fn show(&mut self, ui: &mut Ui, engine: &mut TextEngine, label: &str) -> Response {
        engine.atlas.begin_frame(ui.ctx().pixels_per_point());
        let zoom_delta = ui.input(|i| i.zoom_delta());
        if zoom_delta != 1.0 && ui.ui_contains_pointer() {
            self.set_zoom(self.zoom * zoom_delta);
        }

        // Apply width and zoom before the scroll area, keeping the reading position: the
        // paragraph at the top of the viewport and the fraction of it scrolled past.
        let scroll = ui.spacing().scroll;
        let width =
            ui.available_width() - 2.0 * MARGIN - scroll.bar_width - scroll.bar_outer_margin;
        let metrics = self.metrics();
        let mut offset = self.pending_scroll.take().unwrap_or(self.scroll_offset);
        let mut force_offset = offset != self.scroll_offset;
        if (width.max(50.0) - self.layout.width()).abs() >= 0.5 || metrics != self.layout.metrics()
        {
            let y = (offset - TOP_PADDING).max(0.0);
            let p = self.layout.paragraph_at_y(y);
            let top = self.layout.paragraph_top(p);
            let height = (self.layout.paragraph_top(p + 1) - top).max(1.0);
            let fraction = ((y - top) / height).clamp(0.0, 1.0);
            self.layout.set_geometry(width, metrics);
            self.layout.lay_out_paragraph(&mut engine.font_system, p);
            let top = self.layout.paragraph_top(p);
            let height = self.layout.paragraph_top(p + 1) - top;
            offset = top + fraction * height + if y > 0.0 { TOP_PADDING } else { 0.0 };
            force_offset = true;
        }
        // Shape what is about to be shown; paragraphs above the anchor that change height
        // shift the offset by as much, so the text being read does not jump.
        let view_top = (offset - TOP_PADDING).max(0.0);
        let shift = self.layout.ensure_laid_out(
            &mut engine.font_system,
            view_top..view_top + self.viewport_height.max(200.0),
            view_top,
        );
        if shift != 0.0 {
            offset += shift;
            force_offset = true;
        }

        let mut area = ScrollArea::vertical()
            .id_salt("article-view")
            .auto_shrink([false, false]);
        if force_offset {
            area = area.vertical_scroll_offset(offset.max(0.0));
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            self.contents(ui, engine, viewport, label)
        });
        self.scroll_offset = output.state.clamped_offset().y;
        self.viewport_height = output.inner_rect.height();
        output.inner
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        viewport: Rect,
        label: &str,
    ) -> Response {
        let doc_view = (viewport.min.y - TOP_PADDING)..(viewport.max.y - TOP_PADDING);
        let shift =
            self.layout
                .ensure_laid_out(&mut engine.font_system, doc_view.clone(), doc_view.start);
        if shift != 0.0 {
            self.pending_scroll = Some(viewport.min.y + shift);
            ui.ctx().request_repaint();
        }
        let height = self.content_height();
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
        let origin = rect.min + vec2(MARGIN, TOP_PADDING);
        self.last_origin = origin.to_vec2();
        if response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
        }

        self.handle_pointer(ui, engine, &response, origin.to_vec2());
        if response.has_focus() || ui.memory(|m| m.focused().is_none()) {
            self.handle_keys(ui, engine);
        }
        if self.reveal_head {
            self.reveal_head = false;
            if let Some(caret) = self.layout.caret_rect(self.selection.head) {
                ui.scroll_to_rect(caret.translate(origin.to_vec2()).expand(8.0), None);
            }
        }

        self.paint(ui, engine, doc_view, origin.to_vec2());
        self.report_accessibility(ui, &response, label);
        response
    }

    fn handle_pointer(
        &mut self,
        ui: &Ui,
        engine: &mut TextEngine,
        response: &Response,
        origin: Vec2,
    ) {
        let (pos, pressed, down, shift) = ui.input(|i| {
            (
                i.pointer.interact_pos(),
                i.pointer.primary_pressed(),
                i.pointer.primary_down(),
                i.modifiers.shift,
            )
        });
        let Some(pos) = pos else {
            return;
        };
        let hit = |view: &mut Self, engine: &mut TextEngine| {
            view.layout.hit(&mut engine.font_system, pos - origin)
        };
        if pressed && response.contains_pointer() {
            let offset = hit(self, engine);
            self.selection.move_to(offset, shift);
            self.dragging = true;
            response.request_focus();
        } else if self.dragging && down {
            let offset = hit(self, engine);
            self.selection.move_to(offset, true);
            // Auto-scroll while dragging past the top or bottom edge.
            let clip = ui.clip_rect();
            let overshoot = if pos.y < clip.min.y {
                clip.min.y - pos.y
            } else if pos.y > clip.max.y {
                clip.max.y - pos.y
            } else {
                0.0
            };
            if overshoot != 0.0 {
                ui.scroll_with_delta(vec2(0.0, overshoot.clamp(-40.0, 40.0)));
                ui.ctx().request_repaint();
            }
        } else if !down {
            self.dragging = false;
        }
        let text = self.layout.text();
        if response.triple_clicked() {
            let p = self.layout.paragraph_of_offset(self.selection.head);
            self.selection = Selection::of_range(self.layout.paragraph_range(p));
        } else if response.double_clicked() {
            self.selection = Selection::of_range(word_at(text, self.selection.head));
        }
    }

    fn handle_keys(&mut self, ui: &mut Ui, engine: &mut TextEngine) {
        let pressed =
            |ui: &mut Ui, mods: Modifiers, key: Key| ui.input_mut(|i| i.consume_key(mods, key));
        let keys = [
            Key::ArrowLeft,
            Key::ArrowRight,
            Key::ArrowUp,
            Key::ArrowDown,
            Key::Home,
            Key::End,
        ];
        for key in keys {
            // Most specific first: a shortcut without Shift also matches a press with Shift.
            for (word, extend) in [(true, true), (true, false), (false, true), (false, false)] {
                let mods = Modifiers {
                    shift: extend,
                    ctrl: word && !cfg!(target_os = "macos"),
                    mac_cmd: word && cfg!(target_os = "macos"),
                    command: word,
                    alt: false,
                };
                if pressed(ui, mods, key) {
                    let target = self.key_target(engine, key, word);
                    self.selection.move_to(target, extend);
                    self.reveal_head = true;
                }
            }
        }
        if pressed(ui, Modifiers::NONE, Key::Escape) {
            self.selection = Selection::caret(self.selection.head);
        }
    }

    /// Where the caret goes for a movement key. Left and right follow the paragraph's
    /// direction (in a right-to-left paragraph, Left moves forward in the text).
    fn key_target(&mut self, engine: &mut TextEngine, key: Key, word: bool) -> usize {
        let head = self.selection.head;
        let p = self.layout.paragraph_of_offset(head);
        let rtl = self.layout.paragraph(p).is_some_and(|para| para.rtl);
        let text = self.layout.text();
        let forward = |t: &str| {
            if word {
                next_word_end(t, head)
            } else {
                next_grapheme(t, head)
            }
        };
        let backward = |t: &str| {
            if word {
                prev_word_start(t, head)
            } else {
                prev_grapheme(t, head)
            }
        };
        match key {
            Key::ArrowLeft if rtl => forward(text),
            Key::ArrowLeft => backward(text),
            Key::ArrowRight if rtl => backward(text),
            Key::ArrowRight => forward(text),
            Key::Home if word => 0,
            Key::End if word => text.len(),
            Key::Home => self.layout.paragraph_range(p).start,
            Key::End => self.layout.paragraph_range(p).end,
            Key::ArrowUp | Key::ArrowDown => {
                let line = self.metrics().line_height;
                let Some(caret) = self.layout.caret_rect(head) else {
                    return head;
                };
                let y = if key == Key::ArrowUp {
                    caret.min.y - line * 0.5
                } else {
                    caret.max.y + line * 0.5
                };
                let target = self
                    .layout
                    .hit(&mut engine.font_system, pos2(caret.center().x, y));
                prev_grapheme_boundary(self.layout.text(), target)
            }
            _ => head,
        }
    }

    fn paint(
        &mut self,
        ui: &Ui,
        engine: &mut TextEngine,
        doc_view: std::ops::Range<f32>,
        origin: Vec2,
    ) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        let visible = self.layout.visible_paragraphs(doc_view.clone());

        let range = self.selection.range();
        if !range.is_empty() {
            for rect in self.layout.range_rects(range, visible.clone()) {
                painter.rect_filled(rect.translate(origin), 0.0, visuals.selection.bg_fill);
            }
        }

        let ctx = ui.ctx().clone();
        let color = visuals.strong_text_color();
        let line_height = self.layout.metrics().line_height;
        let mut mesh = Mesh::default();
        let mut complete = true;
        for i in visible {
            let top = self.layout.paragraph_top(i);
            let Some(layout) = self.layout.paragraph_layout(i) else {
                continue;
            };
            for line in layout.lines() {
                let line_top = top + line.top;
                if line_top > doc_view.end || line_top + line_height < doc_view.start {
                    continue;
                }
                let baseline = origin + vec2(0.0, top + line.baseline);
                complete &= engine.atlas.paint_glyphs(
                    &ctx,
                    &mut engine.font_system,
                    &mut mesh,
                    &line.glyphs,
                    baseline.to_pos2(),
                    color,
                );
            }
        }
        if !complete {
            ctx.request_repaint();
        }
        painter.add(Shape::mesh(mesh));

        if self.selection.is_empty()
            && let Some(caret) = self.layout.caret_rect(self.selection.head)
        {
            painter.rect_filled(
                caret.translate(origin),
                0.0,
                visuals.text_cursor.stroke.color,
            );
        }
    }

    /// The selection as code-point offsets (what Python counts), recounted only when the
    /// selection changes.
    pub fn selection_in_code_points(&mut self) -> (usize, usize) {
        let range = self.selection.range();
        if self.accessible_range.0 != range {
            let text = self.layout.text();
            let start = text[..range.start].chars().count();
            let end = start + text[range.clone()].chars().count();
            self.accessible_range = (range, (start, end));
        }
        self.accessible_range.1
    }

    fn report_accessibility(&mut self, ui: &Ui, response: &Response, label: &str) {
        let label = label.to_owned();
        response.widget_info(|| WidgetInfo::labeled(Role::Document, true, &label));
        // The closure runs only while screen-reader support is on; code-point offsets are
        // recounted only when the selection changes.
        ui.ctx()
            .accesskit_node_builder(response.id.with("selection"), |node| {
                let (start, end) = self.selection_in_code_points();
                let selected: String = self
                    .selected_text()
                    .chars()
                    .take(MAX_ACCESSIBLE_CHARS)
                    .collect();
                node.set_role(Role::Group);
                node.set_label("Selection");
                node.set_description(format!("Characters {start} to {end} of the article"));
                node.set_value(selected);
            });
    }
}
