//! The suggestions of the document shown, in the span panel: counts per label and per
//! suggester, the suggesters' tallies so far (accepted, accepted with another label, rejected),
//! "Accept all in this document", and one row per suggestion (label, text shaped by our engine,
//! suggester) that makes it current when clicked. Only the rows on screen are built.

use std::borrow::Cow;
use std::collections::BTreeMap;

use egui::{
    Align2, FontId, Rect, Role, ScrollArea, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2,
};

use crate::lang::suggest::{DocumentSuggestions, SuggesterKind, SuggestionCounts};
use crate::model::{DocId, LabelSchema, SuggesterTally};
use crate::text::TextEngine;
use crate::text::invisibles::{has_invisibles, reveal};
use crate::ui::colours::to_color32;
use crate::ui::shaped_label::{paint_shaped, shaped_label};
use crate::ui::span_list::excerpt;

/// Height of one row in points.
const ROW_HEIGHT: f32 = 24.0;
/// Font size of the text in points.
const TEXT_SIZE: f32 = 14.0;
/// Width of the label-name column in points.
const LABEL_WIDTH: f32 = 62.0;
/// Width of the suggester column in points.
const SUGGESTER_WIDTH: f32 = 58.0;
/// The list's greatest height in points (the spans below keep the rest of the panel).
const MAX_LIST_HEIGHT: f32 = 180.0;

/// What the list shows.
pub struct SuggestionListInfo<'a> {
    /// The document shown.
    pub doc: Option<DocId>,
    /// The document's text.
    pub text: &'a str,
    /// The suggestions and their counts (`None` until the first ones are computed).
    pub found: Option<(&'a DocumentSuggestions, &'a SuggestionCounts)>,
    /// Whether newer suggestions are being computed.
    pub computing: bool,
    /// Whether suggestions are shown (View › Suggestions).
    pub shown: bool,
    /// The current suggestion.
    pub current: Option<usize>,
    /// Labels (names and colours).
    pub schema: &'a LabelSchema,
    /// The suggesters' tallies, by name.
    pub tallies: &'a BTreeMap<String, SuggesterTally>,
}

/// What the user asked for in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestionListAction {
    /// Make suggestion `i` current and scroll to it.
    Go(usize),
    /// Accept every suggestion of the document.
    AcceptAll,
    /// Show the suggestions again.
    Show,
}

/// The list's view state: the current suggestion at the last frame, to scroll to a new one.
#[derive(Debug, Default)]
pub struct SuggestionListState {
    last_current: Option<usize>,
    /// Scroll offset and height of the rows at the last frame.
    viewport: (f32, f32),
    /// The document shown and the tallest the section's body has been for it: the body never
    /// shrinks while the same document is shown, so the span list below stays where it is when
    /// suggestions are accepted or rejected (it moves only when they first arrive).
    tallest: (Option<DocId>, f32),
}

/// Shows the suggestions section; returns what the user asked for.
pub fn suggestion_list_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut SuggestionListState,
    info: &SuggestionListInfo<'_>,
) -> Option<SuggestionListAction> {
    let mut action = None;
    let count = info.found.map_or(0, |(f, _)| f.spans.len());
    let title = if info.shown {
        format!("Suggestions ({count})")
    } else {
        "Suggestions (hidden)".to_owned()
    };
    egui::CollapsingHeader::new(title)
        .id_salt("suggestions")
        .default_open(true)
        .show(ui, |ui| {
            if !info.shown {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new("Hidden: View › Suggestions shows them.").weak(),
                    )
                    .wrap(),
                );
                if ui.button("Show suggestions").clicked() {
                    action = Some(SuggestionListAction::Show);
                }
                return;
            }
            if state.tallest.0 != info.doc {
                state.tallest = (info.doc, 0.0);
            }
            let body = ui.scope(|ui| {
                ui.set_min_height(state.tallest.1);
                body_ui(ui, engine, state, info)
            });
            action = body.inner;
            state.tallest.1 = state.tallest.1.max(body.response.rect.height());
        });
    action
}

/// The section's body: counts, tallies, "Accept all" and the rows, or a message.
fn body_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut SuggestionListState,
    info: &SuggestionListInfo<'_>,
) -> Option<SuggestionListAction> {
    let Some((found, counts)) = info.found else {
        ui.weak("Looking for suggestions…");
        return None;
    };
    counts_ui(ui, engine, info, counts);
    tallies_ui(ui, info.tallies);
    if found.spans.is_empty() {
        ui.weak(if info.computing {
            "Looking for suggestions…"
        } else {
            "No suggestions in this document."
        });
        return None;
    }
    let mut action = None;
    let button = ui
        .button("Accept all in this document")
        .on_hover_text("Every suggestion becomes a span, as one undo step (Ctrl+Z)");
    if button.clicked() {
        action = Some(SuggestionListAction::AcceptAll);
    }
    if let Some(i) = rows_ui(ui, engine, state, info, found) {
        action = Some(SuggestionListAction::Go(i));
    }
    action
}

/// "Source 5 · Claim 4" (label names shaped: they may be Arabic) and "cues 8 · learned 1".
fn counts_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    info: &SuggestionListInfo<'_>,
    counts: &SuggestionCounts,
) {
    ui.horizontal_wrapped(|ui| {
        for label in info.schema.labels() {
            let n = counts.of_label(&label.id);
            if n == 0 {
                continue;
            }
            let (chip, _) = ui.allocate_exact_size(vec2(8.0, 8.0), Sense::hover());
            ui.painter()
                .rect_filled(chip, 2.0, to_color32(label.colour));
            shaped_label(
                ui,
                engine,
                &label.name,
                TEXT_SIZE - 1.0,
                ui.visuals().text_color(),
                f32::INFINITY,
            );
            ui.label(n.to_string());
        }
    });
    let by_suggester: Vec<String> = SuggesterKind::ALL
        .iter()
        .zip(counts.by_suggester)
        .filter(|&(_, n)| n > 0)
        .map(|(&kind, n)| format!("{} {n}", kind.name()))
        .collect();
    if !by_suggester.is_empty() {
        let text = format!("By suggester: {}", by_suggester.join(" · "));
        ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
    }
}

/// The suggesters' verdicts so far in the project.
fn tallies_ui(ui: &mut Ui, tallies: &BTreeMap<String, SuggesterTally>) {
    for (name, tally) in tallies {
        let text = format!(
            "{name}: {} accepted, {} with another label, {} rejected",
            tally.accepted, tally.relabelled, tally.rejected
        );
        ui.add(egui::Label::new(egui::RichText::new(text).weak()).wrap());
    }
}

/// The rows; returns the one clicked.
fn rows_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut SuggestionListState,
    info: &SuggestionListInfo<'_>,
    found: &DocumentSuggestions,
) -> Option<usize> {
    let row_step = ROW_HEIGHT + ui.spacing().item_spacing.y;
    let mut area = ScrollArea::vertical()
        .id_salt("suggestion-list")
        .max_height(MAX_LIST_HEIGHT)
        .auto_shrink([false, true]);
    if info.current != state.last_current {
        state.last_current = info.current;
        if let Some(i) = info.current {
            let (top, height) = state.viewport;
            let y = i as f32 * row_step;
            if y < top || y + row_step > top + height {
                area = area.vertical_scroll_offset((y - height / 2.0).max(0.0));
            }
        }
    }
    let mut clicked = None;
    let output = area.show_rows(ui, ROW_HEIGHT, found.spans.len(), |ui, rows| {
        for i in rows {
            if row_ui(ui, engine, info, found, i) {
                clicked = Some(i);
            }
        }
    });
    state.viewport = (output.state.clamped_offset().y, output.inner_rect.height());
    clicked
}

/// One row; returns whether it was clicked.
fn row_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    info: &SuggestionListInfo<'_>,
    found: &DocumentSuggestions,
    i: usize,
) -> bool {
    let Some(suggestion) = found.spans.get(i) else {
        return false;
    };
    let label = info.schema.get(&suggestion.label);
    let name = label.map_or(suggestion.label.as_str(), |l| l.name.as_str());
    let text = info.text.get(suggestion.range.clone()).unwrap_or_default();
    let text = excerpt(text);
    // Invisible characters are shown as markers, never applied (an RLO would reverse the row).
    let shown = if has_invisibles(&text) {
        reveal(&text)
    } else {
        Cow::Borrowed(&*text)
    };
    let current = info.current == Some(i);
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), ROW_HEIGHT), Sense::CLICK);
    let suggester = suggestion.suggester.name();
    response.widget_info(|| {
        WidgetInfo::selected(
            Role::Button,
            true,
            current,
            format!("Suggested {name}: {shown} ({suggester})"),
        )
    });
    if !ui.is_rect_visible(rect) {
        return response.clicked();
    }
    let visuals = ui.visuals();
    let weak = visuals.weak_text_color();
    let colour = label.map_or(weak, |l| to_color32(l.colour));
    if current {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.selection.bg_fill);
    } else if response.hovered() {
        ui.painter()
            .rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    // The chip is an outline, like the suggestion in the article.
    let chip = Rect::from_min_size(rect.min + vec2(2.0, 5.0), vec2(6.0, ROW_HEIGHT - 10.0));
    ui.painter()
        .rect_stroke(chip, 1.0, Stroke::new(1.5, colour), StrokeKind::Inside);
    let text_colour = if current {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    let mut x = chip.right() + 6.0;
    let label_rect = Rect::from_x_y_ranges(x..=x + LABEL_WIDTH, rect.y_range());
    paint_shaped(ui, engine, name, TEXT_SIZE - 2.0, text_colour, label_rect);
    x = label_rect.right() + 6.0;
    let text_right = (rect.right() - SUGGESTER_WIDTH).max(x);
    let text_rect = Rect::from_x_y_ranges(x..=text_right - 4.0, rect.y_range());
    paint_shaped(ui, engine, &shown, TEXT_SIZE, text_colour, text_rect);
    ui.painter().text(
        pos2(rect.right() - 4.0, rect.center().y),
        Align2::RIGHT_CENTER,
        suggester,
        FontId::proportional(11.0),
        weak,
    );
    response.clicked()
}
