//! The status bar: how many spans, where the selection is and what it says, the selected span,
//! the last notice and the zoom.

use std::borrow::Cow;
use std::cell::RefCell;

use egui::Ui;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::TextEngine;
use crate::ui::shaped_label;

/// Graphemes of selected text shown in full; longer text keeps its start and end around " … ".
pub const SHOWN_GRAPHEMES: usize = 40;
/// Font size of the selected text in the status bar, in points.
const TEXT_SIZE: f32 = 15.0;
/// Widest the selected text may be drawn, in points.
const TEXT_WIDTH: f32 = 320.0;

/// What the status bar shows.
pub struct StatusInfo<'a> {
    /// Encoding the article was decoded from, when known.
    pub encoding: Option<&'a str>,
    /// Number of spans in the document.
    pub spans: usize,
    /// Selection as code-point offsets, if not empty.
    pub selection: Option<(usize, usize)>,
    /// A short message (what was saved, why nothing was tagged).
    pub notice: Option<&'a str>,
    /// Whether the message is a warning or an error (drawn in the warning colour).
    pub notice_is_warning: bool,
    /// Zoom factor.
    pub zoom: f32,
    /// The selected text and span, to show themselves (shaped by our engine) beside the offsets.
    pub selected: Option<SelectedText<'a>>,
}

/// The text of the selection and of the selected span, and the engine that shapes them (in a
/// `RefCell` because the status bar reads [`StatusInfo`] through a shared reference).
pub struct SelectedText<'a> {
    /// The engine that shapes Arabic (egui cannot join its letters).
    pub engine: RefCell<&'a mut TextEngine>,
    /// The selected text (empty when nothing is selected).
    pub text: &'a str,
    /// The selected span, if any.
    pub span: Option<SelectedSpan<'a>>,
}

/// The selected span as the status bar shows it.
pub struct SelectedSpan<'a> {
    /// Its label's name.
    pub label: &'a str,
    /// Start and end in code points.
    pub offsets: (usize, usize),
    /// The text it covers.
    pub text: &'a str,
}

/// `text` on one line, shortened in the middle to [`SHOWN_GRAPHEMES`] graphemes if longer (its
/// first and last graphemes around " … "); line breaks and tabs become spaces.
pub fn middle_shortened(text: &str) -> Cow<'_, str> {
    let one_line = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect()
    };
    let count = text.graphemes(true).count();
    if count <= SHOWN_GRAPHEMES {
        return if text.chars().any(|c| c.is_whitespace() && c != ' ') {
            Cow::Owned(one_line(text))
        } else {
            Cow::Borrowed(text)
        };
    }
    let keep = (SHOWN_GRAPHEMES - 1) / 2;
    let head_end = text
        .grapheme_indices(true)
        .nth(keep)
        .map_or(text.len(), |(i, _)| i);
    let tail_start = text
        .grapheme_indices(true)
        .nth(count - keep)
        .map_or(text.len(), |(i, _)| i);
    let head = text.get(..head_end).unwrap_or_default().trim_end();
    let tail = text.get(tail_start..).unwrap_or_default().trim_start();
    Cow::Owned(format!("{} … {}", one_line(head), one_line(tail)))
}

/// Shows the status bar.
pub fn status_bar_ui(ui: &mut Ui, info: &StatusInfo<'_>) {
    ui.horizontal(|ui| {
        ui.label(match info.spans {
            1 => "1 span".to_owned(),
            n => format!("{n} spans"),
        });
        if let Some(encoding) = info.encoding {
            ui.separator();
            ui.label(format!("Encoding: {encoding}"));
        }
        if let Some((start, end)) = info.selection {
            ui.separator();
            ui.label(format!(
                "Selected {start}..{end} ({} character{})",
                end - start,
                crate::io::plural(end - start)
            ));
            if let Some(selected) = info.selected.as_ref().filter(|s| !s.text.is_empty()) {
                shaped_text(ui, selected, selected.text);
            }
        }
        if let Some(selected) = &info.selected
            && let Some(span) = &selected.span
        {
            ui.separator();
            let (start, end) = span.offsets;
            ui.label(format!("Span {} {start}..{end}", span.label));
            shaped_text(ui, selected, span.text);
        }
        if let Some(notice) = info.notice {
            ui.separator();
            if info.notice_is_warning {
                ui.colored_label(ui.visuals().warn_fg_color, notice);
            } else {
                ui.label(notice);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(format!("{:.0}%", info.zoom * 100.0));
        });
    });
}

/// `text`, middle-shortened, shaped by the engine of `selected`.
fn shaped_text(ui: &mut Ui, selected: &SelectedText<'_>, text: &str) {
    let shown = middle_shortened(text);
    let colour = ui.visuals().strong_text_color();
    let mut engine = selected.engine.borrow_mut();
    let width = shaped_label::shaped_size(ui, &mut engine, &shown, TEXT_SIZE, TEXT_WIDTH).x;
    shaped_label(
        ui,
        &mut engine,
        &shown,
        TEXT_SIZE,
        colour,
        width.min(TEXT_WIDTH),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_shown_whole_on_one_line() {
        assert_eq!(middle_shortened("المجلس العسكري"), "المجلس العسكري");
        assert_eq!(middle_shortened("قال\nنعم\t"), "قال نعم ");
    }

    #[test]
    fn long_text_keeps_its_start_and_end() {
        let text = "قال المتحدثُ باسم الوزارة إنّ الوفدَ لا يزال في القاهرة حتى الآن، وأكّد لافروف ذلك";
        let shown = middle_shortened(text);
        assert!(shown.starts_with("قال المتحدثُ باسم"), "{shown}");
        assert!(shown.ends_with("وأكّد لافروف ذلك"), "{shown}");
        assert!(shown.contains(" … "));
        // Harakat stay with their letters: counted in graphemes, not characters.
        assert!(shown.graphemes(true).count() <= SHOWN_GRAPHEMES + 1);
        assert!(shown.graphemes(true).count() >= SHOWN_GRAPHEMES - 3);
    }
}
