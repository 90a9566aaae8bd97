//! Suggestions drawn in the article, apart from spans: a dashed outline in the label's colour with
//! no fill (spans are tinted and underlined), the current suggestion's outline thicker with
//! shorter gaps. Drawn as shapes over the shaped text from byte ranges, one rectangle per visible
//! line of a suggestion (like the find hits), so nothing is re-shaped and Arabic letters stay
//! joined. Only the suggestions overlapping the visible paragraphs are looked at (a binary search
//! over the running greatest end), so thousands of suggestions cost nothing off screen.

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, Stroke, vec2};

use super::span_marks::assign_lanes_by;
use super::{ArticleView, ViewAction};
use crate::lang::suggest::SuggesterKind;
use crate::model::{LabelId, Project};

/// One suggestion as drawn: its range, label, colour and lane (0 outermost).
#[derive(Clone, Debug, PartialEq)]
pub struct SuggestionMark {
    /// Byte range in the document's text.
    pub range: Range<usize>,
    /// The label proposed.
    pub label: LabelId,
    /// The label's colour.
    pub colour: Color32,
    /// Who proposed it, for the tooltip.
    pub suggester: SuggesterKind,
    /// Inset level among overlapping suggestions (a document can hold hundreds of thousands of
    /// marks: 40 bytes each).
    pub lane: u16,
}

/// The suggestions shown in the view (shared, cheap to clone each frame) and the current one.
#[derive(Clone, Debug, Default)]
pub struct SuggestionMarks {
    /// In text order (by start).
    marks: Arc<Vec<SuggestionMark>>,
    /// The greatest end among `marks[..=i]`, for finding the visible ones.
    max_end: Arc<Vec<usize>>,
    /// The index of the current suggestion.
    pub current: Option<usize>,
}

impl SuggestionMarks {
    /// Marks for suggestions given in text order as (range, label, colour, suggester).
    pub fn new(
        items: impl IntoIterator<Item = (Range<usize>, LabelId, Color32, SuggesterKind)>,
    ) -> Self {
        // Built in place: a long document can have hundreds of thousands of suggestions, and each
        // copy made on the way was that many marks more at the peak.
        let mut marks: Vec<SuggestionMark> = items
            .into_iter()
            .map(|(range, label, colour, suggester)| SuggestionMark {
                range,
                label,
                colour,
                suggester,
                lane: 0,
            })
            .collect();
        let lanes = assign_lanes_by(marks.len(), |i| marks[i].range.clone());
        for (mark, lane) in marks.iter_mut().zip(lanes) {
            mark.lane = u16::try_from(lane).unwrap_or(u16::MAX);
        }
        Self::of_marks(marks)
    }

    fn of_marks(marks: Vec<SuggestionMark>) -> Self {
        let mut greatest = 0;
        let max_end: Vec<usize> = marks
            .iter()
            .map(|m| {
                greatest = greatest.max(m.range.end);
                greatest
            })
            .collect();
        Self {
            marks: Arc::new(marks),
            max_end: Arc::new(max_end),
            current: None,
        }
    }

    /// The marks whose `keep` is true, each in its lane (a mark taken away never makes two others
    /// overlap, so no lane is assigned again and nothing drawn moves); `None` when `keep` does not
    /// have one entry per mark. For accepting or rejecting suggestions without building every
    /// mark again (no colour looked up, no lane assigned).
    pub fn retained(&self, keep: &[bool]) -> Option<Self> {
        (keep.len() == self.marks.len()).then(|| {
            Self::of_marks(
                self.marks
                    .iter()
                    .zip(keep)
                    .filter(|&(_, &k)| k)
                    .map(|(m, _)| m.clone())
                    .collect(),
            )
        })
    }

    /// The marks, in text order.
    pub fn marks(&self) -> &[SuggestionMark] {
        self.marks.as_slice()
    }

    /// The current mark.
    pub fn current_mark(&self) -> Option<&SuggestionMark> {
        self.marks.get(self.current?)
    }

    /// Whether `other` holds the very same marks (not a copy): the outlines drawn for these
    /// marks can be kept.
    pub(super) fn same_marks(&self, other: &SuggestionMarks) -> bool {
        Arc::ptr_eq(&self.marks, &other.marks)
    }

    /// Indices of the marks overlapping `text` (a byte range).
    pub(super) fn overlapping(&self, text: &Range<usize>) -> Range<usize> {
        let first = self.max_end.partition_point(|&end| end <= text.start);
        let last = self.marks.partition_point(|m| m.range.start < text.end);
        first..last.max(first)
    }

    /// The innermost mark containing `offset` (the shortest), if any.
    pub fn at(&self, offset: usize) -> Option<usize> {
        self.overlapping(&(offset..offset + 1))
            .filter(|&i| {
                self.marks
                    .get(i)
                    .is_some_and(|m| m.range.start <= offset && offset < m.range.end)
            })
            .min_by_key(|&i| self.marks.get(i).map_or(usize::MAX, |m| m.range.len()))
    }
}

impl ArticleView {
    /// Shows these suggestions (an empty set hides them).
    pub fn set_suggestions(&mut self, marks: SuggestionMarks) {
        self.suggestions = marks;
    }

    /// The suggestions shown and the current one.
    pub fn suggestion_marks(&self) -> &SuggestionMarks {
        &self.suggestions
    }

    /// Whether the keyboard is the view's: nothing else has the focus (the suggestion keys act
    /// only then, so Tab still walks a focused panel's fields).
    pub fn has_keyboard(&self, ctx: &egui::Context) -> bool {
        ctx.memory(|m| m.focused())
            .is_none_or(|id| Some(id) == self.response_id)
    }

    /// After a click at `offset` that selected no span: the suggestion there becomes current, or
    /// the current one is let go when the click was elsewhere.
    pub(super) fn click_suggestion(&mut self, offset: usize) {
        match self.suggestions.at(offset) {
            Some(i) => {
                if let Some(mark) = self.suggestions.marks.get(i) {
                    self.actions.push(ViewAction::ChooseSuggestion(Some((
                        mark.range.clone(),
                        mark.label.clone(),
                    ))));
                }
            }
            None if self.suggestions.current.is_some() => {
                self.actions.push(ViewAction::ChooseSuggestion(None));
            }
            None => {}
        }
    }

    /// The tooltip of the suggestion under the pointer (at `offset`), when no span is there.
    pub(super) fn suggestion_tooltip(
        &self,
        project: &Project,
        response: &egui::Response,
        offset: usize,
    ) {
        let Some(mark) = self
            .suggestions
            .at(offset)
            .and_then(|i| self.suggestions.marks.get(i))
        else {
            return;
        };
        let label = project.schema().get(&mark.label);
        let name = label.map_or(mark.label.as_str(), |l| l.name.as_str());
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.horizontal(|ui| {
                let (chip, _) = ui.allocate_exact_size(vec2(10.0, 10.0), egui::Sense::hover());
                ui.painter().rect_stroke(
                    chip,
                    2.0,
                    Stroke::new(1.5, mark.colour),
                    egui::StrokeKind::Inside,
                );
                ui.strong(format!("Suggested {name}"));
                ui.weak(format!("by {}", mark.suggester.name()));
            });
            ui.weak("Click or Tab to choose it; then Enter accepts, Backspace rejects, a label's key accepts it as that label");
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(id: &str) -> LabelId {
        LabelId::new(id).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Taking marks away keeps the others with their colour and lane (nothing drawn moves), and
    /// the visible ones are still found.
    #[test]
    fn retained_marks_keep_their_lanes() {
        let marks = SuggestionMarks::new([
            (0..30, label("claim"), Color32::RED, SuggesterKind::Cues),
            (5..10, label("source"), Color32::BLUE, SuggesterKind::Cues),
            (
                12..20,
                label("source"),
                Color32::BLUE,
                SuggesterKind::Learned,
            ),
            (
                40..50,
                label("source"),
                Color32::BLUE,
                SuggesterKind::Learned,
            ),
        ]);
        let lanes: Vec<u16> = marks.marks().iter().map(|m| m.lane).collect();
        assert_eq!(lanes, [0, 1, 1, 0]);
        let kept = marks
            .retained(&[false, true, true, false])
            .expect("one entry per mark");
        let kept_marks: Vec<(Range<usize>, u16, Color32)> = kept
            .marks()
            .iter()
            .map(|m| (m.range.clone(), m.lane, m.colour))
            .collect();
        assert_eq!(
            kept_marks,
            [(5..10, 1, Color32::BLUE), (12..20, 1, Color32::BLUE)]
        );
        assert_eq!(kept.overlapping(&(11..15)), 1..2);
        assert!(!kept.same_marks(&marks));
        assert!(marks.retained(&[true]).is_none());
    }

    /// The 10,000-span benchmark shows 456,014 suggestions: each mark's bytes count.
    #[test]
    fn a_mark_is_at_most_40_bytes() {
        assert!(std::mem::size_of::<SuggestionMark>() <= 40);
    }

    #[test]
    fn the_innermost_suggestion_is_found_and_only_visible_ones_are_looked_at() {
        let marks = SuggestionMarks::new([
            (0..30, label("claim"), Color32::RED, SuggesterKind::Cues),
            (5..10, label("source"), Color32::BLUE, SuggesterKind::Cues),
            (
                40..50,
                label("source"),
                Color32::BLUE,
                SuggesterKind::Learned,
            ),
        ]);
        assert_eq!(marks.at(6), Some(1));
        assert_eq!(marks.at(20), Some(0));
        assert_eq!(marks.at(35), None);
        assert_eq!(marks.overlapping(&(12..20)), 0..2);
        assert_eq!(marks.overlapping(&(31..39)), 2..2);
        assert_eq!(marks.overlapping(&(45..46)), 2..3);
        // Nested suggestions get different lanes.
        assert_ne!(marks.marks()[0].lane, marks.marks()[1].lane);
    }
}
