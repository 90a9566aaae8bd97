//! The results list of a project search: one header row per document (its title and number of
//! hits) followed by one row per hit, a keyword-in-context line ([`super::kwic_line`]) with a
//! check box and the labels of spans already on exactly that text.
//!
//! Only the rows on screen are built (`ScrollArea::show_rows`), so the list costs the same with
//! ten hits or a hundred thousand. The keyboard, while the list has it (after a click in it or a
//! finished search): Up/Down move the cursor, Enter opens the hit, Space checks it, a label key
//! tags the checked hits (the app routes Ctrl+A here: check all), Escape gives the keyboard back.

use std::ops::Range;
use std::sync::Arc;

use egui::{
    Align2, Color32, EventFilter, FontId, Id, Key, Modifiers, Rect, Role, ScrollArea, Sense,
    Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2,
};

use crate::model::{DocId, LabelId, Project};
use crate::text::TextEngine;
use crate::ui::colours::to_color32;
use crate::ui::kwic_line::{KwicCache, paint_kwic};
use crate::ui::shaped_label::paint_shaped;

/// Height of a row in points.
pub const ROW_HEIGHT: f32 = 28.0;
/// Width of the check box column.
const CHECK_WIDTH: f32 = 24.0;
/// Width of the column naming the labels already on a hit.
const TAGGED_WIDTH: f32 = 96.0;

/// The egui id of the list: whoever has the keyboard focus on it gets the list's keys.
pub fn results_list_id() -> Id {
    Id::unique("isnad-project-search-results")
}

/// The hits of one document.
#[derive(Clone, Debug)]
pub struct ResultGroup {
    /// The document.
    pub doc: DocId,
    /// Its text as searched (to cut the context, and to check it has not changed since).
    pub text: Arc<str>,
    /// Its hits, byte ranges in text order.
    pub hits: Vec<Range<usize>>,
    /// The index (over all groups) of its first hit.
    first: usize,
}

/// One row of the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    /// The header of group `g`.
    Header(usize),
    /// Hit `i` of group `g`, hit `k` over all groups.
    Hit { g: usize, i: usize, k: usize },
}

/// What the user asked for in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResultsAction {
    /// Show the document at the hit (selected, scrolled into view).
    Open(DocId, Range<usize>),
    /// Tag the checked hits (or the one under the cursor when none is) with the label.
    Tag(LabelId),
}

/// The results of one search and how they are shown: check boxes, cursor, shaped lines.
#[derive(Default)]
pub struct ResultsList {
    groups: Vec<ResultGroup>,
    total: usize,
    checked: Vec<bool>,
    checked_count: usize,
    cursor: Option<usize>,
    /// Scroll the cursor's row into view at the next frame.
    reveal_cursor: bool,
    /// Put the keyboard in the list at the next frame.
    focus: bool,
    lines: KwicCache,
    /// Scroll offset and height of the list at the last frame.
    viewport: (f32, f32),
}

impl ResultsList {
    /// A list of `groups` (document, text searched, hits), nothing checked, the cursor on the
    /// first hit.
    pub fn new(groups: impl IntoIterator<Item = (DocId, Arc<str>, Vec<Range<usize>>)>) -> Self {
        let mut total = 0;
        let groups: Vec<ResultGroup> = groups
            .into_iter()
            .filter(|(_, _, hits)| !hits.is_empty())
            .map(|(doc, text, hits)| {
                let first = total;
                total += hits.len();
                ResultGroup {
                    doc,
                    text,
                    hits,
                    first,
                }
            })
            .collect();
        Self {
            groups,
            total,
            checked: vec![false; total],
            cursor: (total > 0).then_some(0),
            ..Self::default()
        }
    }

    /// The groups, in project order.
    pub fn groups(&self) -> &[ResultGroup] {
        &self.groups
    }

    /// The number of hits.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Hit `k` (over all groups): its document and range.
    pub fn hit(&self, k: usize) -> Option<(DocId, Range<usize>)> {
        let g = self.group_of(k)?;
        let group = self.groups.get(g)?;
        let hit = group.hits.get(k - group.first)?;
        Some((group.doc, hit.clone()))
    }

    /// The index of the cursor's hit.
    pub fn cursor(&self) -> Option<usize> {
        self.cursor
    }

    /// The number of checked hits.
    pub fn checked_count(&self) -> usize {
        self.checked_count
    }

    /// Whether hit `k` is checked.
    pub fn is_checked(&self, k: usize) -> bool {
        self.checked.get(k).copied().unwrap_or(false)
    }

    /// Checks (or unchecks) every hit.
    pub fn check_all(&mut self, on: bool) {
        self.checked.fill(on);
        self.checked_count = if on { self.total } else { 0 };
    }

    /// Checks or unchecks hit `k`.
    pub fn set_checked(&mut self, k: usize, on: bool) {
        if let Some(c) = self.checked.get_mut(k)
            && *c != on
        {
            *c = on;
            if on {
                self.checked_count += 1;
            } else {
                self.checked_count -= 1;
            }
        }
    }

    /// The hits to tag: the checked ones, or the cursor's when none is checked.
    pub fn chosen(&self) -> Vec<(DocId, Range<usize>)> {
        if self.checked_count == 0 {
            return self.cursor.and_then(|k| self.hit(k)).into_iter().collect();
        }
        let mut chosen = Vec::with_capacity(self.checked_count);
        for group in &self.groups {
            for (i, hit) in group.hits.iter().enumerate() {
                if self.is_checked(group.first + i) {
                    chosen.push((group.doc, hit.clone()));
                }
            }
        }
        chosen
    }

    /// Puts the keyboard in the list at the next frame.
    pub fn request_focus(&mut self) {
        self.focus = true;
    }

    /// How many lines are shaped and cached (only rows that were on screen are).
    pub fn shaped_lines(&self) -> usize {
        self.lines.len()
    }

    fn rows(&self) -> usize {
        self.groups.len() + self.total
    }

    /// The group holding hit `k`.
    fn group_of(&self, k: usize) -> Option<usize> {
        if k >= self.total {
            return None;
        }
        self.groups.partition_point(|g| g.first <= k).checked_sub(1)
    }

    /// The row of group `g`'s header.
    fn header_row(&self, g: usize) -> usize {
        g + self.groups.get(g).map_or(self.total, |group| group.first)
    }

    fn row(&self, row: usize) -> Option<Row> {
        // The last group whose header is at or before `row` (headers ascend with the group).
        let (mut low, mut high) = (0, self.groups.len());
        while low < high {
            let middle = (low + high) / 2;
            if self.header_row(middle) <= row {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let g = low.checked_sub(1)?;
        let header = self.header_row(g);
        if row == header {
            return Some(Row::Header(g));
        }
        let i = row - header - 1;
        let group = self.groups.get(g)?;
        (i < group.hits.len()).then_some(Row::Hit {
            g,
            i,
            k: group.first + i,
        })
    }

    /// The row of hit `k`.
    fn hit_row(&self, k: usize) -> Option<usize> {
        self.group_of(k).map(|g| g + 1 + k)
    }

    /// Moves the cursor by `delta` hits (clamped) and scrolls to it.
    fn move_cursor(&mut self, delta: isize) {
        if self.total == 0 {
            return;
        }
        let k = self.cursor.unwrap_or(0) as isize + delta;
        self.cursor = Some(k.clamp(0, self.total as isize - 1) as usize);
        self.reveal_cursor = true;
    }

    /// Checks every hit of group `g` (or unchecks them when all are checked).
    fn toggle_group(&mut self, g: usize) {
        let Some(group) = self.groups.get(g) else {
            return;
        };
        let range = group.first..group.first + group.hits.len();
        let all = range.clone().all(|k| self.is_checked(k));
        for k in range {
            self.set_checked(k, !all);
        }
    }
}

/// The list filling the space left; returns what the user asked for.
pub fn results_list_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    list: &mut ResultsList,
    project: &Project,
) -> Vec<ResultsAction> {
    let id = results_list_id();
    let mut actions = Vec::new();
    let area = ui.available_rect_before_wrap();
    // Behind the rows: a click on the list's empty part still gives it the keyboard.
    let background = ui.interact(area, id, Sense::click());
    if std::mem::take(&mut list.focus) || background.clicked() {
        ui.memory_mut(|m| m.request_focus(id));
    }
    let focused = ui.memory(|m| m.has_focus(id));
    if focused {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    tab: false,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            )
        });
        list_keys(ui, list, project, &mut actions);
    }

    let spacing = ui.spacing().item_spacing.y;
    let row_step = ROW_HEIGHT + spacing;
    let mut scroll = ScrollArea::vertical()
        .id_salt("project-search-results")
        .auto_shrink([false, false]);
    if std::mem::take(&mut list.reveal_cursor)
        && let Some(row) = list.cursor.and_then(|k| list.hit_row(k))
    {
        let (offset, height) = list.viewport;
        let y = row as f32 * row_step;
        // The header of the first hit's group comes along when going to the top.
        let y = if list.cursor == Some(0) { 0.0 } else { y };
        if y < offset {
            scroll = scroll.vertical_scroll_offset(y);
        } else if y + row_step > offset + height {
            scroll = scroll.vertical_scroll_offset(y + row_step - height);
        }
    }
    let output = scroll.show_rows(ui, ROW_HEIGHT, list.rows(), |ui, rows| {
        for row in rows {
            match list.row(row) {
                Some(Row::Header(g)) => header_row(ui, engine, list, project, g),
                Some(Row::Hit { g, i, k }) => {
                    if let Some(action) = hit_row(ui, engine, list, project, (g, i, k), focused) {
                        actions.push(action);
                    }
                }
                None => {
                    ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::hover());
                }
            }
        }
    });
    list.viewport = (output.state.clamped_offset().y, output.inner_rect.height());
    if focused {
        ui.painter().rect_stroke(
            output.inner_rect,
            2.0,
            Stroke::new(1.0, ui.visuals().selection.stroke.color),
            StrokeKind::Inside,
        );
    }
    actions
}

/// The list's keys, read while it has the keyboard.
fn list_keys(
    ui: &mut Ui,
    list: &mut ResultsList,
    project: &Project,
    actions: &mut Vec<ResultsAction>,
) {
    let page = ((list.viewport.1 / ROW_HEIGHT) as isize - 1).max(1);
    let moves = [
        (Key::ArrowDown, 1),
        (Key::ArrowUp, -1),
        (Key::PageDown, page),
        (Key::PageUp, -page),
        (Key::Home, isize::MIN / 2),
        (Key::End, isize::MAX / 2),
    ];
    for (key, delta) in moves {
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
            list.move_cursor(delta);
        }
    }
    let cursor_hit = list.cursor.and_then(|k| list.hit(k));
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Space))
        && let Some(k) = list.cursor
    {
        let on = !list.is_checked(k);
        list.set_checked(k, on);
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
        && let Some((doc, hit)) = cursor_hit
    {
        actions.push(ResultsAction::Open(doc, hit));
    }
    for label in project.schema().labels() {
        let Some(key) = label
            .hotkey
            .and_then(|c| Key::from_name(&c.to_ascii_uppercase().to_string()))
        else {
            continue;
        };
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, key)) {
            actions.push(ResultsAction::Tag(label.id.clone()));
        }
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
        ui.memory_mut(|m| m.surrender_focus(results_list_id()));
    }
}

/// A check box painted in `rect`.
fn paint_check(ui: &Ui, rect: Rect, checked: bool) {
    let visuals = ui.visuals();
    let r = Rect::from_center_size(rect.center(), vec2(14.0, 14.0));
    let stroke = visuals.widgets.inactive.fg_stroke;
    if checked {
        ui.painter().rect_filled(r, 3.0, visuals.selection.bg_fill);
        ui.painter().line_segment(
            [
                r.left_center() + vec2(3.0, 0.0),
                r.center_bottom() + vec2(0.0, -3.0),
            ],
            Stroke::new(2.0, visuals.selection.stroke.color),
        );
        ui.painter().line_segment(
            [
                r.center_bottom() + vec2(0.0, -3.0),
                r.right_top() + vec2(-3.0, 3.0),
            ],
            Stroke::new(2.0, visuals.selection.stroke.color),
        );
    }
    ui.painter().rect_stroke(r, 3.0, stroke, StrokeKind::Inside);
}

fn header_row(
    ui: &mut Ui,
    engine: &mut TextEngine,
    list: &mut ResultsList,
    project: &Project,
    g: usize,
) {
    let Some(group) = list.groups.get(g) else {
        return;
    };
    let (doc, count, first) = (group.doc, group.hits.len(), group.first);
    let title = project
        .document(doc)
        .map_or_else(|| "(removed document)".to_owned(), |d| d.title().to_owned());
    let all = (first..first + count).all(|k| list.is_checked(k));
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
    let hits = if count == 1 {
        "1 hit".to_owned()
    } else {
        format!("{count} hits")
    };
    response
        .widget_info(|| WidgetInfo::selected(Role::Button, true, all, format!("{title}: {hits}")));
    if response.clicked() {
        list.toggle_group(g);
        ui.memory_mut(|m| m.request_focus(results_list_id()));
    }
    if !ui.is_rect_visible(rect) {
        return;
    }
    let visuals = ui.visuals();
    ui.painter().rect_filled(rect, 2.0, visuals.faint_bg_color);
    let check = Rect::from_min_size(rect.min, vec2(CHECK_WIDTH, ROW_HEIGHT));
    paint_check(ui, check, all);
    let colour = visuals.strong_text_color();
    let count_rect =
        Rect::from_x_y_ranges(check.right() + 4.0..=check.right() + 70.0, rect.y_range());
    ui.painter().text(
        count_rect.left_center(),
        Align2::LEFT_CENTER,
        &hits,
        FontId::proportional(13.0),
        colour,
    );
    let title_rect = Rect::from_x_y_ranges(
        count_rect.right() + 6.0..=rect.right() - 4.0,
        rect.y_range(),
    );
    paint_shaped(ui, engine, &title, 15.0, colour, title_rect);
}

fn hit_row(
    ui: &mut Ui,
    engine: &mut TextEngine,
    list: &mut ResultsList,
    project: &Project,
    (g, i, k): (usize, usize, usize),
    focused: bool,
) -> Option<ResultsAction> {
    let group = list.groups.get(g)?;
    let (doc, hit) = (group.doc, group.hits.get(i)?.clone());
    let text = Arc::clone(&group.text);
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::click());
    let check = Rect::from_min_size(rect.min, vec2(CHECK_WIDTH, ROW_HEIGHT));
    let check_response = ui.interact(check, response.id.with("check"), Sense::click());
    let frame = ui.ctx().cumulative_frame_nr();
    let line = list.lines.get(engine, frame, doc, &text, &hit);
    let line_text = line.text().to_owned();
    // The labels of spans on exactly this text (the current project, not the search's).
    let tagged: Vec<(String, Color32)> = project
        .spans_overlapping(doc, hit.clone())
        .filter(|s| s.range() == hit)
        .filter_map(|s| project.schema().get(&s.label))
        .map(|l| (l.name.clone(), to_color32(l.colour)))
        .collect();
    let checked = list.is_checked(k);
    let name = if tagged.is_empty() {
        line_text.clone()
    } else {
        let names: Vec<&str> = tagged.iter().map(|(n, _)| n.as_str()).collect();
        format!("{line_text} (tagged {})", names.join(", "))
    };
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, checked, &name));
    check_response.widget_info(|| {
        WidgetInfo::selected(Role::CheckBox, true, checked, format!("Check {line_text}"))
    });
    let mut action = None;
    if check_response.clicked() || (response.clicked() && ui.input(|i| i.modifiers.command)) {
        list.set_checked(k, !checked);
        list.cursor = Some(k);
        ui.memory_mut(|m| m.request_focus(results_list_id()));
    } else if response.clicked() {
        list.cursor = Some(k);
        ui.memory_mut(|m| m.request_focus(results_list_id()));
        action = Some(ResultsAction::Open(doc, hit.clone()));
    }
    if !ui.is_rect_visible(rect) {
        return action;
    }
    let visuals = ui.visuals();
    let is_cursor = list.cursor == Some(k);
    if is_cursor && focused {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.selection.bg_fill.gamma_multiply(0.5));
    } else if is_cursor || response.hovered() {
        ui.painter()
            .rect_filled(rect, 2.0, visuals.widgets.hovered.weak_bg_fill);
    }
    paint_check(ui, check, list.is_checked(k));
    let tagged_rect = Rect::from_x_y_ranges(
        (rect.right() - TAGGED_WIDTH).max(check.right())..=rect.right() - 2.0,
        rect.y_range(),
    );
    let line_rect = Rect::from_x_y_ranges(
        check.right() + 4.0..=tagged_rect.left() - 6.0,
        rect.y_range(),
    );
    let (colour, strong) = (visuals.text_color(), visuals.strong_text_color());
    let line = list.lines.get(engine, frame, doc, &text, &hit);
    paint_kwic(ui, engine, line, line_rect, colour, strong);
    let mut x = tagged_rect.left();
    for (name, colour) in tagged {
        let chip = Rect::from_min_size(pos2(x, rect.center().y - 5.0), vec2(4.0, 10.0));
        ui.painter().rect_filled(chip, 1.0, colour);
        let name_rect =
            Rect::from_x_y_ranges(chip.right() + 3.0..=tagged_rect.right(), rect.y_range());
        let drawn = paint_shaped(
            ui,
            engine,
            &name,
            12.0,
            visuals.weak_text_color(),
            name_rect,
        );
        x = chip.right() + 3.0 + drawn.width + 6.0;
        if x >= tagged_rect.right() {
            break;
        }
    }
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> ResultsList {
        let text: Arc<str> = Arc::from("قال قال قال");
        ResultsList::new([
            (DocId(1), Arc::clone(&text), vec![0..6, 7..13]),
            (DocId(2), Arc::clone(&text), Vec::new()),
            (DocId(3), text, std::iter::once(14..20).collect()),
        ])
    }

    #[test]
    fn rows_are_headers_then_hits() {
        let list = list();
        assert_eq!(
            list.groups().len(),
            2,
            "a document without hits has no group"
        );
        assert_eq!(list.total(), 3);
        assert_eq!(list.rows(), 5);
        let rows: Vec<Option<Row>> = (0..6).map(|r| list.row(r)).collect();
        assert_eq!(
            rows,
            [
                Some(Row::Header(0)),
                Some(Row::Hit { g: 0, i: 0, k: 0 }),
                Some(Row::Hit { g: 0, i: 1, k: 1 }),
                Some(Row::Header(1)),
                Some(Row::Hit { g: 1, i: 0, k: 2 }),
                None,
            ]
        );
        assert_eq!(list.hit_row(2), Some(4));
        assert_eq!(list.hit(2), Some((DocId(3), 14..20)));
        assert_eq!(list.hit(3), None);
    }

    #[test]
    fn checking_and_choosing() {
        let mut list = list();
        assert_eq!(list.cursor(), Some(0));
        assert_eq!(
            list.chosen(),
            [(DocId(1), 0..6)],
            "the cursor when nothing is checked"
        );
        list.set_checked(2, true);
        list.set_checked(2, true);
        assert_eq!(list.checked_count(), 1);
        assert_eq!(list.chosen(), [(DocId(3), 14..20)]);
        list.toggle_group(0);
        assert_eq!(list.checked_count(), 3);
        list.toggle_group(0);
        assert_eq!(list.checked_count(), 1, "a group all checked is unchecked");
        list.check_all(true);
        assert_eq!(list.chosen().len(), 3);
        list.move_cursor(10);
        assert_eq!(list.cursor(), Some(2));
        list.move_cursor(-10);
        assert_eq!(list.cursor(), Some(0));
    }
}
