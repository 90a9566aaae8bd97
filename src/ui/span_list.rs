//! The span list of the open document, in text order, with a filter by label. Only visible rows
//! are built, and their facts (code-point offsets, invisible characters) computed, so an edit
//! costs the same with 100 spans or 100,000 (see [`SpanListState`]).
//!
//! A span whose text holds invisible characters (bidi controls, zero-width spaces, joiners) shows
//! them as markers (`‹RLO›`, see [`crate::text::invisibles`]) behind a warning sign whose tooltip
//! says what they are: an RLO can make a span read differently from what it contains.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use egui::{
    Align2, FontId, Rect, Role, ScrollArea, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2,
};

use crate::model::text_range::prev_grapheme_boundary;
use crate::model::{DocId, LabelId, Project, SpanId};
use crate::text::TextEngine;
use crate::text::invisibles::{describe, has_invisibles, invisibles, reveal};
use crate::text::short_text::ELLIPSIS;
use crate::ui::PanelAction;
use crate::ui::colours::to_color32;
use crate::ui::shaped_label::{paint_shaped, shaped_size};

/// Height of one row in points.
pub const ROW_HEIGHT: f32 = 26.0;
/// Font size of span text and label names in points.
const TEXT_SIZE: f32 = 15.0;
/// Width of the label-name column in points.
const LABEL_WIDTH: f32 = 72.0;
/// Width of the offsets column in points.
const OFFSETS_WIDTH: f32 = 86.0;
/// Longest excerpt of a span handed to the shaper, in characters (the row shows far fewer).
const MAX_EXCERPT_CHARS: usize = 160;
/// Width of the invisible-character warning sign in points.
const WARNING_WIDTH: f32 = 18.0;

/// What a row shows besides the span: computed for the rows on screen only.
#[derive(Clone, Copy, Debug)]
struct Row {
    /// Index into `Project::spans_of(doc)`.
    index: usize,
    /// Start and end in code points (what Python and most exporters count).
    chars: (usize, usize),
    /// Whether the span's text holds invisible characters (bidi controls, zero-width...).
    invisibles: bool,
}

/// What the rows were computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RowsKey {
    doc: DocId,
    revision: u64,
    filter: u64,
}

/// Code points before every [`CharMarks::STRIDE`] bytes of one document text, so a row's
/// code-point offsets are found without counting from the start of the text.
#[derive(Debug)]
struct CharMarks {
    text: Arc<str>,
    /// (byte, code points before it), at character boundaries, ascending.
    marks: Vec<(usize, usize)>,
}

impl CharMarks {
    /// Bytes between marks (at least).
    const STRIDE: usize = 512;

    fn new(text: Arc<str>) -> Self {
        let mut marks = Vec::with_capacity(text.len() / Self::STRIDE + 1);
        let (mut chars, mut next) = (0, 0);
        for (byte, _) in text.char_indices() {
            if byte >= next {
                marks.push((byte, chars));
                next = byte + Self::STRIDE;
            }
            chars += 1;
        }
        Self { text, marks }
    }

    /// Code points before `byte` (a character boundary of the text).
    fn chars_before(&self, byte: usize) -> usize {
        let after = self.marks.partition_point(|&(b, _)| b <= byte);
        let (from, chars) = after
            .checked_sub(1)
            .and_then(|i| self.marks.get(i))
            .copied()
            .unwrap_or((0, 0));
        chars + self.text.get(from..byte).map_or(0, |s| s.chars().count())
    }
}

/// View state of the span list: the label filter and the rows it leaves.
///
/// Nothing here grows with the document on an edit: without a filter row `i` is span `i` of the
/// document (no list is built), and a row's code-point offsets and invisible-character warning
/// are computed only while it is on screen; the label counts of the filter chips are the model's
/// (kept up to date by each edit). A filter that hides labels keeps the list of the rows it
/// leaves, remade with one pass over the spans per edit while it is on.
#[derive(Debug, Default)]
pub struct SpanListState {
    hidden: BTreeSet<LabelId>,
    /// Bumped on every filter change.
    filter: u64,
    key: Option<RowsKey>,
    /// The span indices the filter leaves, when it hides a label (`None`: every span is a row).
    filtered: Option<Vec<usize>>,
    /// Number of rows.
    rows: usize,
    /// Spans per label (schema order) in the document, unfiltered.
    counts: Vec<usize>,
    /// The code-point marks of the document's text.
    marks: Option<CharMarks>,
    /// The selected span at the last frame, to scroll to a newly selected one.
    last_selected: Option<SpanId>,
    /// Scroll offset and height of the list at the last frame.
    viewport: (f32, f32),
    /// The row texts already cut to the rows' width.
    fitted: FittedTexts,
}

/// Row texts cut in the middle to their row's width ([`middle_shortened`]), remembered so that a
/// row drawn again in the next frames looks its cut up instead of finding it again: by text, with
/// the width it was cut to (a new width, after the panel is resized, cuts it again).
#[derive(Debug, Default)]
struct FittedTexts {
    cuts: HashMap<String, (f32, String)>,
}

/// At most this many cuts are remembered (a list shows a few dozen rows at a time).
const MAX_FITTED: usize = 4096;

impl FittedTexts {
    /// `text` as drawn in a row whose text has `width` points.
    fn get<'t>(
        &'t mut self,
        ui: &Ui,
        engine: &mut TextEngine,
        text: &'t str,
        width: f32,
    ) -> &'t str {
        let known = self
            .cuts
            .get(text)
            .is_some_and(|(cut_to, _)| *cut_to == width);
        if !known {
            if self.cuts.len() >= MAX_FITTED {
                self.cuts.clear();
            }
            let fitted = middle_shortened(ui, engine, text, TEXT_SIZE, width).into_owned();
            self.cuts.insert(text.to_owned(), (width, fitted));
        }
        self.cuts
            .get(text)
            .map_or(text, |(_, fitted)| fitted.as_str())
    }
}

impl SpanListState {
    /// A list showing every label.
    pub fn new() -> Self {
        Self::default()
    }

    /// Is `label` hidden by the filter?
    pub fn is_hidden(&self, label: &LabelId) -> bool {
        self.hidden.contains(label)
    }

    /// Hides or shows the spans of `label`.
    pub fn set_hidden(&mut self, label: &LabelId, hidden: bool) {
        let changed = if hidden {
            self.hidden.insert(label.clone())
        } else {
            self.hidden.remove(label)
        };
        if changed {
            self.filter += 1;
        }
    }

    /// Shows every label.
    pub fn show_all(&mut self) {
        if !self.hidden.is_empty() {
            self.hidden.clear();
            self.filter += 1;
        }
    }

    /// Number of rows the filter leaves (as of the last frame).
    pub fn row_count(&self) -> usize {
        self.rows
    }

    /// The span index shown in row `row`.
    fn span_index(&self, row: usize) -> usize {
        self.filtered
            .as_ref()
            .map_or(row, |f| f.get(row).copied().unwrap_or(usize::MAX))
    }

    /// The row showing span `index`, if the filter lets it through.
    fn row_of(&self, index: usize) -> Option<usize> {
        match &self.filtered {
            None => (index < self.rows).then_some(index),
            Some(filtered) => filtered.binary_search(&index).ok(),
        }
    }

    /// Recomputes the counts (and the filtered rows) if the document, revision or filter changed.
    fn refresh(&mut self, project: &Project, doc: DocId, revision: u64) {
        let key = RowsKey {
            doc,
            revision,
            filter: self.filter,
        };
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        let Some(document) = project.document(doc) else {
            (self.counts, self.filtered, self.rows, self.marks) = (Vec::new(), None, 0, None);
            return;
        };
        let text = document.shared_text();
        if !self
            .marks
            .as_ref()
            .is_some_and(|m| Arc::ptr_eq(&m.text, &text))
        {
            self.marks = None;
        }
        let spans = project.spans_of(doc);
        self.counts = project.label_counts(doc).into_iter().map(|c| c.1).collect();
        self.filtered = (!self.hidden.is_empty()).then(|| {
            spans
                .iter()
                .enumerate()
                .filter(|(_, s)| !self.hidden.contains(&s.label))
                .map(|(i, _)| i)
                .collect()
        });
        self.rows = self.filtered.as_ref().map_or(spans.len(), Vec::len);
    }

    /// The row facts of span `index` of `doc`, for a row on screen.
    fn row(&mut self, project: &Project, doc: DocId, index: usize) -> Option<Row> {
        let document = project.document(doc)?;
        let span = project.spans_of(doc).get(index)?;
        let marks = self
            .marks
            .get_or_insert_with(|| CharMarks::new(document.shared_text()));
        let start = marks.chars_before(span.start);
        let covered = document.text().get(span.range()).unwrap_or_default();
        Some(Row {
            index,
            chars: (start, start + covered.chars().count()),
            invisibles: has_invisibles(covered),
        })
    }
}

/// The start of `text` for a list row: at most [`MAX_EXCERPT_CHARS`] characters, cut on a
/// grapheme boundary.
pub(crate) fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_EXCERPT_CHARS) {
        None => Cow::Borrowed(text),
        Some((byte, _)) => {
            let cut = prev_grapheme_boundary(text, byte);
            Cow::Owned(format!("{}…", &text[..cut]))
        }
    }
}

/// Shows the label filter and the spans of `doc` filling the available space. `revision` must
/// change whenever the project does (`History::revision`); `selected` is highlighted and
/// scrolled into view when it changes.
pub fn span_list_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut SpanListState,
    project: &Project,
    doc: DocId,
    revision: u64,
    selected: Option<SpanId>,
) -> Vec<PanelAction> {
    let mut actions = Vec::new();
    state.refresh(project, doc, revision);
    filter_ui(ui, engine, state, project);
    state.refresh(project, doc, revision);
    ui.separator();
    let spans = project.spans_of(doc);
    if state.rows == 0 {
        ui.weak(if spans.is_empty() {
            "No spans yet: select text and press a label's key."
        } else {
            "Every span is hidden by the filter."
        });
        return actions;
    }

    let row_step = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let mut area = ScrollArea::vertical()
        .id_salt("span-list")
        .auto_shrink([false, false]);
    if selected != state.last_selected {
        state.last_selected = selected;
        let position = selected
            .and_then(|id| project.span(id))
            .filter(|span| span.doc == doc)
            .and_then(|span| {
                spans
                    .binary_search_by(|s| s.sort_key().cmp(&span.sort_key()))
                    .ok()
            })
            .and_then(|index| state.row_of(index));
        if let Some(i) = position {
            let (top, height) = state.viewport;
            let y = i as f32 * row_step;
            if y < top || y + row_step > top + height {
                area = area.vertical_scroll_offset((y - height / 2.0).max(0.0));
            }
        }
    }
    let output = area.show_rows(ui, ROW_HEIGHT, state.rows, |ui, range| {
        for row in range {
            let index = state.span_index(row);
            let Some(row) = state.row(project, doc, index) else {
                continue;
            };
            let span = &spans[row.index];
            let is_selected = selected == Some(span.id);
            if span_row(
                ui,
                engine,
                &mut state.fitted,
                project,
                doc,
                &row,
                is_selected,
            ) {
                actions.push(PanelAction::RevealSpan(span.id));
            }
        }
    });
    state.viewport = (output.state.clamped_offset().y, output.inner_rect.height());
    actions
}

/// One row; returns whether it was clicked.
fn span_row(
    ui: &mut Ui,
    engine: &mut TextEngine,
    fitted_texts: &mut FittedTexts,
    project: &Project,
    doc: DocId,
    row: &Row,
    selected: bool,
) -> bool {
    let span = &project.spans_of(doc)[row.index];
    let text = project
        .document(doc)
        .and_then(|d| d.text().get(span.range()))
        .unwrap_or_default();
    let label = project.schema().get(&span.label);
    let name = label.map_or(span.label.as_str(), |l| l.name.as_str());
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
    let (start, end) = row.chars;
    // Invisible characters are shown as markers, never applied (an RLO would reverse the row).
    // A long span keeps its start and its end.
    let excerpt = if text.chars().count() > MAX_EXCERPT_CHARS {
        Cow::Owned(middle_cut(text, MAX_EXCERPT_CHARS))
    } else {
        Cow::Borrowed(text)
    };
    let shown = if row.invisibles {
        reveal(&excerpt)
    } else {
        Cow::Borrowed(&*excerpt)
    };
    response.widget_info(|| {
        WidgetInfo::selected(
            Role::Button,
            true,
            selected,
            format!("{name}: {shown} ({start}–{end})"),
        )
    });
    if !ui.is_rect_visible(rect) {
        return response.clicked();
    }
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    let text_colour = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    let weak = visuals.weak_text_color();
    let colour = label.map_or(weak, |l| to_color32(l.colour));
    let chip = Rect::from_min_size(rect.min + vec2(2.0, 4.0), vec2(5.0, ROW_HEIGHT - 8.0));
    ui.painter().rect_filled(chip, 2.0, colour);

    let mut x = chip.right() + 6.0;
    let label_rect = Rect::from_x_y_ranges(x..=x + LABEL_WIDTH, rect.y_range());
    paint_shaped(ui, engine, name, TEXT_SIZE - 2.0, text_colour, label_rect);
    x = label_rect.right() + 6.0;
    if row.invisibles {
        let sign = Rect::from_x_y_ranges(x..=x + WARNING_WIDTH, rect.y_range());
        invisibles_warning(ui, text, sign, response.id.with("invisibles"));
        x = sign.right() + 2.0;
    }
    let offsets_left = (rect.right() - OFFSETS_WIDTH).max(x);
    let text_rect = Rect::from_x_y_ranges(x..=offsets_left - 6.0, rect.y_range());
    // As much of the span as the row holds: its start and end, the middle shortened.
    let fitted = fitted_texts.get(ui, engine, &shown, text_rect.width());
    paint_shaped(ui, engine, fitted, TEXT_SIZE, text_colour, text_rect);
    if fitted.len() != shown.len() {
        let full = if row.invisibles {
            reveal(text)
        } else {
            Cow::Borrowed(text)
        };
        response
            .clone()
            .on_hover_ui(|ui| hover_text_ui(ui, engine, &full));
    }
    ui.painter().text(
        pos2(rect.right() - 4.0, rect.center().y),
        Align2::RIGHT_CENTER,
        format!("{start}–{end}"),
        FontId::proportional(11.0),
        weak,
    );
    response.clicked()
}

/// `text` shortened in the middle ("start…end", cut on grapheme boundaries) to fit `width`
/// points when shaped at `size`; `text` itself when it fits.
pub(crate) fn middle_shortened<'t>(
    ui: &Ui,
    engine: &mut TextEngine,
    text: &'t str,
    size: f32,
    width: f32,
) -> Cow<'t, str> {
    let full = shaped_size(ui, engine, text, size, f32::INFINITY).x;
    if full <= width || width <= 0.0 {
        return Cow::Borrowed(text);
    }
    let count = text.chars().count();
    // Start from the longest cut whose width, estimated from the advances of the glyphs already
    // shaped, fits: usually the first cut shaped is the one drawn (a list scrolled to a new place
    // shapes each of its rows once or twice, not three times).
    let mut keep = estimated_keep(ui, engine, text, size, width, count);
    for _ in 0..12 {
        let candidate = middle_cut(text, keep);
        if keep <= 2 || shaped_size(ui, engine, &candidate, size, f32::INFINITY).x <= width {
            return Cow::Owned(candidate);
        }
        keep = (keep * 9 / 10).min(keep - 1);
    }
    Cow::Owned(middle_cut(text, keep))
}

/// The most characters [`middle_cut`] can keep of `text` for "head…tail" to be at most `width`
/// wide, by the advances of the glyphs of `text` shaped whole (joining at the cut can change a
/// letter's form, so the cut is still shaped and checked).
fn estimated_keep(
    ui: &Ui,
    engine: &mut TextEngine,
    text: &str,
    size: f32,
    width: f32,
    count: usize,
) -> usize {
    let ellipsis = shaped_size(ui, engine, ELLIPSIS, size, f32::INFINITY).x;
    let frame = ui.ctx().cumulative_frame_nr();
    let line = engine
        .short_text
        .get(&mut engine.font_system, text, size, None, frame);
    // Each glyph's advance by the byte its cluster starts at.
    let advances: Vec<(usize, f32)> = line.glyphs().iter().map(|g| (g.start, g.w)).collect();
    let fits = |keep: usize| {
        let (head_end, tail_start) = middle_cut_points(text, keep).unwrap_or((text.len(), 0));
        let kept: f32 = advances
            .iter()
            .filter(|&&(start, _)| start < head_end || start >= tail_start)
            .map(|&(_, w)| w)
            .sum();
        kept + ellipsis <= width
    };
    // The estimate grows with `keep`: the largest that fits, by bisection.
    let (mut low, mut high) = (2, count.saturating_sub(1).max(2));
    while low < high {
        let mid = (low + high).div_ceil(2);
        if fits(mid) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    low
}

/// The first and last `keep / 2` characters of `text` around "…", cut on grapheme boundaries.
pub(crate) fn middle_cut(text: &str, keep: usize) -> String {
    match middle_cut_points(text, keep) {
        Some((head_end, tail_start)) => format!("{}…{}", &text[..head_end], &text[tail_start..]),
        None => text.to_owned(),
    }
}

/// Where [`middle_cut`] ends the head and starts the tail of `text` (bytes, spaces at the cut
/// trimmed); `None` when `keep` is at least its length (nothing is cut).
fn middle_cut_points(text: &str, keep: usize) -> Option<(usize, usize)> {
    let count = text.chars().count();
    if keep >= count {
        return None;
    }
    let head_chars = keep - keep / 2;
    let tail_chars = keep / 2;
    let head_end = text
        .char_indices()
        .nth(head_chars)
        .map_or(text.len(), |(i, _)| i);
    let head_end = prev_grapheme_boundary(text, head_end);
    let tail_start = text
        .char_indices()
        .nth(count - tail_chars)
        .map_or(text.len(), |(i, _)| i);
    let tail_start = crate::model::text_range::next_grapheme_boundary(text, tail_start);
    let tail_start = tail_start.max(head_end);
    let head_end = text[..head_end].trim_end().len();
    let tail_start = text.len() - text[tail_start..].trim_start().len();
    Some((head_end, tail_start))
}

/// The whole text of a span in a tooltip, a few words a line, each line shaped.
fn hover_text_ui(ui: &mut Ui, engine: &mut TextEngine, text: &str) {
    let colour = ui.visuals().text_color();
    let mut line = String::new();
    let mut lines = Vec::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + word.chars().count() > 60 {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    for line in lines.iter().take(20) {
        crate::ui::shaped_label::shaped_label(ui, engine, line, TEXT_SIZE, colour, 520.0);
    }
}

/// The warning sign of a row whose `text` holds invisible characters, in `rect`: in the warning
/// colour when some are bidi controls, else weak; its tooltip (and accessible label) says which.
fn invisibles_warning(ui: &mut Ui, text: &str, rect: Rect, id: egui::Id) {
    let found = invisibles(text);
    let Some(description) = describe(&found) else {
        return;
    };
    let deceptive = found.iter().any(|i| i.is_deceptive());
    let response = ui.interact(rect, id, Sense::hover());
    let sentence = format!("The span's text {description}; they are shown as ‹name›.");
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &sentence));
    let colour = if deceptive {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    // A warning triangle with "!" (drawn: the bundled fonts have no ⚠).
    let c = rect.center();
    let triangle = vec![c + vec2(0.0, -7.0), c + vec2(7.5, 6.0), c + vec2(-7.5, 6.0)];
    let painter = ui.painter();
    painter.add(egui::Shape::convex_polygon(triangle, colour, Stroke::NONE));
    painter.text(
        c + vec2(0.0, 1.5),
        Align2::CENTER_CENTER,
        "!",
        FontId::proportional(10.0),
        ui.visuals().extreme_bg_color,
    );
    response.on_hover_text(sentence);
}

/// A chip per label: its colour, name and span count; click to show or hide its spans.
fn filter_ui(ui: &mut Ui, engine: &mut TextEngine, state: &mut SpanListState, project: &Project) {
    ui.horizontal_wrapped(|ui| {
        for (i, label) in project.schema().labels().iter().enumerate() {
            let shown = !state.is_hidden(&label.id);
            let count = state.counts.get(i).copied().unwrap_or(0);
            let name_size = shaped_size(ui, engine, &label.name, TEXT_SIZE - 2.0, 160.0);
            let count_text = count.to_string();
            let font = FontId::proportional(11.0);
            let count_width = ui
                .painter()
                .layout_no_wrap(count_text.clone(), font.clone(), ui.visuals().text_color())
                .size()
                .x;
            let size = vec2(
                8.0 + 10.0 + 4.0 + name_size.x + 6.0 + count_width + 8.0,
                24.0,
            );
            let (rect, response) = ui.allocate_exact_size(size, Sense::click());
            response.widget_info(|| WidgetInfo::selected(Role::CheckBox, true, shown, &label.name));
            if response.clicked() {
                state.set_hidden(&label.id, shown);
            }
            let response = response.on_hover_text(if shown {
                "Click to hide these spans"
            } else {
                "Click to show these spans"
            });
            if !ui.is_rect_visible(rect) {
                continue;
            }
            let visuals = ui.visuals();
            let widget = visuals.widgets.style(&response);
            let (fill, text_colour) = if shown {
                (widget.weak_bg_fill, visuals.text_color())
            } else {
                (visuals.extreme_bg_color, visuals.weak_text_color())
            };
            let painter = ui.painter();
            painter.rect(rect, 12.0, fill, widget.bg_stroke, StrokeKind::Inside);
            let colour = to_color32(label.colour);
            let dot = pos2(rect.left() + 13.0, rect.center().y);
            if shown {
                painter.circle_filled(dot, 5.0, colour);
            } else {
                painter.circle_stroke(dot, 4.5, Stroke::new(1.5, colour));
            }
            let name_left = rect.left() + 22.0;
            let name_rect =
                Rect::from_x_y_ranges(name_left..=name_left + name_size.x, rect.y_range());
            paint_shaped(
                ui,
                engine,
                &label.name,
                TEXT_SIZE - 2.0,
                text_colour,
                name_rect,
            );
            ui.painter().text(
                pos2(rect.right() - 8.0, rect.center().y),
                Align2::RIGHT_CENTER,
                count_text,
                font,
                visuals.weak_text_color(),
            );
        }
        if !state.hidden.is_empty() && ui.small_button("Show all").clicked() {
            state.show_all();
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_middle_cut_keeps_the_start_and_the_end() {
        let text = "قال المتحدث باسم الوزارة إن الخطة جاهزة";
        let cut = super::middle_cut(text, 12);
        assert!(cut.starts_with("قال"), "{cut}");
        assert!(cut.ends_with("جاهزة"), "{cut}");
        assert!(cut.contains('…'));
        assert!(cut.chars().count() <= 13);
        assert_eq!(super::middle_cut("short", 10), "short");
    }

    /// A remembered cut is the one for the row's width: after the panel is resized the text is
    /// cut again to the new width, never drawn with the old cut.
    #[test]
    fn a_remembered_cut_follows_the_row_width() {
        use crate::text::TextEngine;
        let text = "وأكد المتحدث باسم وزارة الزراعة أن موسم القمح تراجع بسبب الجفاف هذا العام";
        let ctx = egui::Context::default();
        let mut engine = TextEngine::new();
        let mut fitted = super::FittedTexts::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            for width in [120.0, 240.0, 120.0] {
                let expected =
                    super::middle_shortened(ui, &mut engine, text, super::TEXT_SIZE, width)
                        .into_owned();
                assert_eq!(
                    fitted.get(ui, &mut engine, text, width),
                    expected,
                    "{width}"
                );
            }
            let narrow = fitted.get(ui, &mut engine, text, 120.0).to_owned();
            assert_ne!(narrow, fitted.get(ui, &mut engine, text, 240.0));
        });
        output.textures_delta.clear();
    }

    /// A row's text is cut to fit its width, keeping as much as fits, and the cut is found from
    /// the advances already shaped: once the text is shaped whole, the cut is shaped once (at
    /// most twice).
    #[test]
    fn a_row_text_is_cut_to_fit_keeping_the_most_with_few_shapings() {
        use crate::text::TextEngine;
        let text = "وأكد المتحدث باسم وزارة الزراعة أن موسم القمح تراجع بسبب الجفاف هذا العام";
        let ctx = egui::Context::default();
        let mut engine = TextEngine::new();
        let width_of = |engine: &mut TextEngine, ui: &egui::Ui, s: &str| {
            super::shaped_size(ui, engine, s, 14.0, f32::INFINITY).x
        };
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let full = width_of(&mut engine, ui, text);
            let ellipsis = width_of(&mut engine, ui, super::ELLIPSIS);
            for share in [0.3, 0.5, 0.8] {
                let width = full * share;
                let before = engine.short_text.shape_count();
                let cut = super::middle_shortened(ui, &mut engine, text, 14.0, width);
                let shapings = engine.short_text.shape_count() - before;
                assert!(shapings <= 2, "{shapings} shapings for {share}");
                let kept = cut.chars().count() - 1;
                assert!(cut.contains('…') && width_of(&mut engine, ui, &cut) <= width);
                // Two characters more (one at each end) would not fit, within half an ellipsis:
                // the cut keeps about as much as the width holds.
                let longer = super::middle_cut(text, kept + 2);
                assert!(
                    width_of(&mut engine, ui, &longer) > width - ellipsis * 0.5,
                    "{cut} keeps too little of {width}"
                );
            }
        });
        // No GPU takes the font texture.
        output.textures_delta.clear();
    }
}
