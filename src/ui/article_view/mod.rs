//! The article view: a scrollable, selectable view of one document, laid out by `text/` and
//! painted as glyph meshes, with its spans painted from the project's offsets. It owns only view
//! state (layout, selection, selected span, zoom, scroll) and reports what the user asked for as
//! [`ViewAction`]s.

mod accessibility;
mod action;
mod annotator_lanes;
mod clearance;
mod find_marks;
mod keys;
mod linking;
mod paint;
mod place;
mod pointer;
pub mod relation_arcs;
mod relation_paint;
pub mod span_marks;
mod status;
pub mod suggestion_marks;
mod suggestion_outlines;
mod word_snap;

use std::ops::Range;
use std::sync::Arc;

use egui::{CursorIcon, Rect, Response, ScrollArea, Sense, Ui, Vec2, pos2, vec2};

pub use action::{Edge, ViewAction, moved_range};
pub use annotator_lanes::{AnnotatorLane, AnnotatorLanes};
pub use clearance::GlyphRects;
pub use find_marks::FindMarks;
pub use place::ReadingPlace;
pub use relation_paint::DrawnRelations;
pub use suggestion_marks::{SuggestionMark, SuggestionMarks};

use crate::model::{DocId, LabelId, Project, SpanId, text_range};
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
/// Space above the first paragraph, in points (room for relation connectors and their names).
const TOP_PADDING: f32 = 24.0;
/// How long a revealed span flashes, in seconds.
const FLASH_SECONDS: f64 = 1.2;

/// A span edge being dragged.
#[derive(Clone, Copy, Debug)]
struct EdgeDrag {
    span: SpanId,
    edge: Edge,
}

/// State of the article view for one open document.
pub struct ArticleView {
    doc: DocId,
    layout: DocumentLayout,
    /// The text selection (document byte offsets on grapheme boundaries).
    pub selection: Selection,
    /// The selected span, if any (label keys relabel it, Delete removes it).
    selected_span: Option<SpanId>,
    zoom: f32,
    /// Scroll offset to apply at the next frame.
    pending_scroll: Option<f32>,
    dragging: bool,
    /// Where the current text drag was pressed (its selection's anchor before word snapping).
    drag_press: usize,
    edge_drag: Option<EdgeDrag>,
    /// Link mode (after R): waiting for the other span.
    linking: Option<linking::Linking>,
    /// A Ctrl+drag from one span to another.
    link_drag: Option<linking::LinkDrag>,
    /// The span under the pointer at the last frame.
    hovered_span: Option<SpanId>,
    scroll_offset: f32,
    viewport_height: f32,
    /// Scroll so the caret is visible at the next frame.
    reveal_head: bool,
    /// A range to scroll to and flash at the next frame.
    pending_reveal: Option<Range<usize>>,
    /// The range flashing and when it started.
    flash: Option<(Range<usize>, f64)>,
    /// Whether the pending reveal scrolls without flashing (going to a find hit).
    quiet_reveal: bool,
    /// The find bar's hits.
    find: FindMarks,
    /// Adjudication: each annotator's spans in a lane.
    annotators: AnnotatorLanes,
    /// Screen position of the document's top-left corner at the last frame.
    last_origin: Vec2,
    /// The selection in bytes and in code points, for screen readers.
    accessible_range: (Range<usize>, (usize, usize)),
    /// The selected span's range in bytes and in code points, for the status bar (counted when
    /// the span changes, not each frame: the text before a span can be a megabyte).
    status_span_range: std::cell::Cell<((usize, usize), (usize, usize))>,
    /// What the user asked for during this frame.
    actions: Vec<ViewAction>,
    /// What the relations drew at the last frame (for tests: nothing over the letters).
    drawn_relations: DrawnRelations,
    /// The document offset at the top of the viewport at the last frame.
    top_offset: usize,
    /// An offset to bring to the top of the viewport at the next frame.
    pending_top: Option<usize>,
    /// Whether the view reads the keyboard (not while a blocking dialog is open).
    accepts_keys: bool,
    /// The suggestions shown (see `suggestion_marks.rs`).
    suggestions: SuggestionMarks,
    /// The suggestions' outlines, kept per paragraph.
    outlines: suggestion_outlines::OutlineCache,
    /// The id of the view's text area at the last frame (which may hold the keyboard focus).
    response_id: Option<egui::Id>,
}

impl ArticleView {
    /// A view of document `doc` with text `text` (shared with the project, not copied), scrolled
    /// to the top, nothing selected.
    pub fn new(doc: DocId, text: Arc<str>) -> Self {
        Self {
            doc,
            layout: DocumentLayout::new(text, TextMetrics::for_font_size(BASE_FONT_SIZE)),
            selection: Selection::default(),
            selected_span: None,
            zoom: 1.0,
            pending_scroll: None,
            dragging: false,
            drag_press: 0,
            edge_drag: None,
            linking: None,
            link_drag: None,
            hovered_span: None,
            scroll_offset: 0.0,
            viewport_height: 0.0,
            reveal_head: false,
            pending_reveal: None,
            flash: None,
            quiet_reveal: false,
            find: FindMarks::default(),
            annotators: AnnotatorLanes::default(),
            accessible_range: (0..0, (0, 0)),
            status_span_range: Default::default(),
            last_origin: Vec2::ZERO,
            actions: Vec::new(),
            drawn_relations: DrawnRelations::default(),
            top_offset: 0,
            pending_top: None,
            accepts_keys: true,
            suggestions: SuggestionMarks::default(),
            outlines: Default::default(),
            response_id: None,
        }
    }

    /// What the relations drew at the last frame, with the glyph rectangles they keep off
    /// (document coordinates).
    pub fn drawn_relations(&self) -> &DrawnRelations {
        &self.drawn_relations
    }

    /// The document shown.
    pub fn doc(&self) -> DocId {
        self.doc
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
        self.selected_span = None;
    }

    /// The selected span.
    pub fn selected_span(&self) -> Option<SpanId> {
        self.selected_span
    }

    /// The span under the pointer at the last frame.
    pub fn hovered_span(&self) -> Option<SpanId> {
        self.hovered_span
    }

    /// Selects a span (or none) and clears the text selection.
    pub fn select_span(&mut self, span: Option<SpanId>) {
        self.selected_span = span;
        if span.is_some() {
            self.selection = Selection::caret(self.selection.head);
        }
    }

    /// Scrolls `range` into view at the next frame and flashes it.
    pub fn reveal(&mut self, range: Range<usize>) {
        self.pending_reveal = Some(range);
        self.quiet_reveal = false;
    }

    /// Lets the view read the keyboard, or not (while a blocking dialog is open, its keys must
    /// not tag, move or delete anything behind it).
    pub fn accept_keys(&mut self, accept: bool) {
        self.accepts_keys = accept;
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

    /// What a label key or a click on the label palette does: tag the selected text (snapped to
    /// graphemes, whitespace trimmed) or, with no text selected, relabel the selected span, or
    /// accept the current suggestion with that label.
    pub fn label_action(&self, label: &LabelId) -> ViewAction {
        let range = self.selection.range();
        if !range.is_empty() {
            return match text_range::clean_selection(self.layout.text(), range) {
                Some(range) => ViewAction::AddSpan {
                    range,
                    label: label.clone(),
                },
                None => ViewAction::Notice("Only spaces are selected: nothing to tag".into()),
            };
        }
        if let (None, Some(mark)) = (self.selected_span, self.suggestions.current_mark()) {
            return ViewAction::AcceptSuggestion {
                range: mark.range.clone(),
                proposed: mark.label.clone(),
                label: label.clone(),
            };
        }
        match self.selected_span {
            Some(span) => ViewAction::Relabel {
                span,
                label: label.clone(),
            },
            None => ViewAction::Notice(
                "Select some text (or click a span) before choosing a label".into(),
            ),
        }
    }

    /// Shows the view filling the available space and returns what the user asked for.
    /// `label` names it for screen readers; spans are read from `project`.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        project: &Project,
        label: &str,
    ) -> Vec<ViewAction> {
        engine.atlas.begin_frame_once(ui.ctx());
        if self
            .selected_span
            .is_some_and(|id| project.span(id).is_none_or(|s| s.doc != self.doc))
        {
            self.selected_span = None;
        }
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
        if let Some(top) = self.pending_top.take()
            && let Some(y) = self.top_scroll(engine, top)
        {
            offset = y;
            force_offset = true;
        }
        if let Some(range) = self.pending_reveal.take() {
            offset = self.reveal_offset(engine, &range, offset);
            force_offset = true;
            if !std::mem::take(&mut self.quiet_reveal) {
                self.flash = Some((range, ui.input(|i| i.time)));
            }
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
            self.contents(ui, engine, project, viewport, label)
        });
        self.scroll_offset = output.state.clamped_offset().y;
        self.viewport_height = output.inner_rect.height();
        std::mem::take(&mut self.actions)
    }

    /// The scroll offset that shows `range` a third of the way down the viewport, unless it is
    /// already in view.
    fn reveal_offset(&mut self, engine: &mut TextEngine, range: &Range<usize>, offset: f32) -> f32 {
        let p = self.layout.paragraph_of_offset(range.start);
        self.layout.lay_out_paragraph(&mut engine.font_system, p);
        let Some(caret) = self.layout.caret_rect(range.start) else {
            return offset;
        };
        let y = caret.min.y + TOP_PADDING;
        let visible = offset..offset + self.viewport_height.max(200.0) - caret.height();
        if visible.contains(&y) {
            offset
        } else {
            (y - self.viewport_height / 3.0).max(0.0)
        }
    }

    fn contents(
        &mut self,
        ui: &mut Ui,
        engine: &mut TextEngine,
        project: &Project,
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
        self.top_offset = self.layout.hit(
            &mut engine.font_system,
            pos2(0.0, doc_view.start.max(0.0) + 1.0),
        );
        let height = self.content_height();
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
        let origin = rect.min + vec2(MARGIN, TOP_PADDING);
        self.last_origin = origin.to_vec2();
        self.response_id = Some(response.id);
        if response.hovered() {
            ui.ctx().set_cursor_icon(CursorIcon::Text);
        }

        let visible = self.layout.visible_paragraphs(doc_view.clone());
        let visible_text = match visible.end.checked_sub(1) {
            Some(last) if !visible.is_empty() => {
                self.layout.paragraph_range(visible.start).start
                    ..self.layout.paragraph_range(last).end
            }
            _ => 0..0,
        };
        let marks = span_marks::marks(project.spans_overlapping(self.doc, visible_text), |span| {
            project
                .schema()
                .get(&span.label)
                .map_or(crate::model::Rgb::new(128, 128, 128), |l| l.colour)
        });

        // Each visible span's rectangles, once per frame: painting, hovering and linking use them.
        let rects: Vec<Vec<Rect>> = marks
            .iter()
            .map(|m| self.layout.range_rects(m.range.clone(), visible.clone()))
            .collect();
        self.hovered_span = ui
            .input(|i| i.pointer.hover_pos())
            .filter(|_| response.contains_pointer())
            .and_then(|pos| linking::span_under(&marks, &rects, pos - origin.to_vec2()));

        self.handle_link_keys(ui, project, &marks);
        self.handle_pointer(
            ui,
            engine,
            project,
            &response,
            origin.to_vec2(),
            &marks,
            &rects,
        );
        if self.accepts_keys && (response.has_focus() || ui.memory(|m| m.focused().is_none())) {
            self.handle_keys(ui, engine, project);
        }
        if self.reveal_head {
            self.reveal_head = false;
            if let Some(caret) = self.layout.caret_rect(self.selection.head) {
                ui.scroll_to_rect(caret.translate(origin.to_vec2()).expand(8.0), None);
            }
        }

        self.paint(
            ui,
            engine,
            project,
            doc_view,
            origin.to_vec2(),
            &marks,
            &rects,
        );
        self.report_accessibility(ui, &response, label);
        response
    }
}
