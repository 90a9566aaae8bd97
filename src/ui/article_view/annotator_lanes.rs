//! Adjudication in the article: every annotator's spans in a lane of their own along the top of
//! each line (lane 0 for annotator A, then B, …), each bar in the span's label colour; a span not
//! every annotator made alike is marked at its start with the annotator's letter in the
//! annotator's colour (the letters of the lanes side by side, so they never cover each other;
//! spans all made alike need no letter: every lane has the same bar); the disagreement being
//! decided is outlined. Shapes painted from byte ranges over the laid-out text, under the
//! glyphs (so no bar hides a dot or a haraka): the text itself is never split or reshaped, so
//! Arabic letters stay joined.

use std::ops::Range;

use egui::{Align2, Color32, FontId, Painter, Rect, Stroke, StrokeKind, Vec2, pos2};

use super::ArticleView;

/// Height of one annotator's bar (at most) and the gap between lanes, in points.
const LANE_HEIGHT: f32 = 3.0;
const LANE_GAP: f32 = 1.0;
/// The height all lanes together may take: with more than three annotators the bars get
/// thinner, so that five still leave most of the line to the text.
const LANES_BUDGET: f32 = 14.0;

/// The height of one bar with `lanes` lanes.
fn lane_height(lanes: usize) -> f32 {
    let gaps = lanes.saturating_sub(1) as f32 * LANE_GAP;
    ((LANES_BUDGET - gaps) / lanes.max(1) as f32).clamp(1.0, LANE_HEIGHT)
}
/// Size of the annotator's letter at a span's start, and the room each lane's letter takes.
const LETTER_SIZE: f32 = 10.0;
const LETTER_STEP: f32 = 8.0;
/// Outline of the disagreement being decided.
const FOCUS_STROKE: Color32 = Color32::from_rgb(213, 94, 0);

/// One annotator's spans in the document shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotatorLane {
    /// The annotator's letter ('A', 'B', …).
    pub letter: char,
    /// The annotator's colour (the letter's).
    pub colour: Color32,
    /// Their spans: byte range, label colour, and whether it is not made alike by every
    /// annotator (its letter is drawn), sorted by start.
    pub spans: Vec<(Range<usize>, Color32, bool)>,
}

/// Every annotator's lane, and the disagreement being decided.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AnnotatorLanes {
    /// One lane per annotator (empty: not adjudicating, nothing drawn).
    pub lanes: Vec<AnnotatorLane>,
    /// The byte range of the disagreement being decided, outlined.
    pub focus: Option<Range<usize>>,
    /// Bars painted per lane at the last frame (for tests: the lanes are really drawn).
    pub drawn: Vec<usize>,
}

impl ArticleView {
    /// Shows these annotators' lanes (an empty list hides them). The count of bars drawn is kept.
    pub fn set_annotator_lanes(&mut self, lanes: Vec<AnnotatorLane>, focus: Option<Range<usize>>) {
        if self.annotators.lanes != lanes {
            self.annotators.drawn = vec![0; lanes.len()];
            self.annotators.lanes = lanes;
        }
        self.annotators.focus = focus;
    }

    /// Outlines this byte range as the disagreement being decided (`None`: none in this document).
    pub fn set_annotator_focus(&mut self, focus: Option<Range<usize>>) {
        self.annotators.focus = focus;
    }

    /// The annotators' lanes shown.
    pub fn annotator_lanes(&self) -> &AnnotatorLanes {
        &self.annotators
    }

    /// Paints the lanes' bars and letters inside `visible_text` (bytes of the visible
    /// paragraphs), and the focus outline.
    pub(super) fn paint_annotator_lanes(
        &mut self,
        painter: &Painter,
        origin: Vec2,
        visible_text: Range<usize>,
        visible: Range<usize>,
    ) {
        if self.annotators.lanes.is_empty() {
            return;
        }
        let mut drawn = vec![0; self.annotators.lanes.len()];
        let height = lane_height(self.annotators.lanes.len());
        for (k, lane) in self.annotators.lanes.iter().enumerate() {
            let offset = k as f32 * (height + LANE_GAP) + 1.0;
            // Sorted by start: a linear pass up to the end of the visible text.
            for (range, colour, alone) in &lane.spans {
                if range.start >= visible_text.end {
                    break;
                }
                if range.end <= visible_text.start {
                    continue;
                }
                let rects = self.layout.range_rects(range.clone(), visible.clone());
                for rect in &rects {
                    let rect = rect.translate(origin);
                    let bar = Rect::from_min_max(
                        pos2(rect.min.x, rect.min.y + offset),
                        pos2(rect.max.x, rect.min.y + offset + height),
                    );
                    painter.rect_filled(bar, 1.0, *colour);
                    drawn[k] += 1;
                }
                // The letter at the span's start (its caret: right of the bar in Arabic), each
                // lane's a letter further into the span, on its own bar.
                if !*alone {
                    continue;
                }
                if let Some(caret) = self.layout.caret_rect(range.start) {
                    let at = caret.translate(origin);
                    let p = self.layout.paragraph_of_offset(range.start);
                    let rtl = self.layout.paragraph(p).is_some_and(|para| para.rtl);
                    let step = (k as f32 + 0.5) * LETTER_STEP;
                    let x = if rtl {
                        at.min.x - step
                    } else {
                        at.min.x + step
                    };
                    painter.text(
                        pos2(x, at.min.y + offset + height / 2.0),
                        Align2::CENTER_CENTER,
                        lane.letter,
                        FontId::proportional(LETTER_SIZE),
                        lane.colour,
                    );
                }
            }
        }
        self.annotators.drawn = drawn;
        if let Some(focus) = self.annotators.focus.clone() {
            for rect in self.layout.range_rects(focus, visible) {
                painter.rect_stroke(
                    rect.translate(origin).expand(1.5),
                    2.0,
                    Stroke::new(2.0, FOCUS_STROKE),
                    StrokeKind::Outside,
                );
            }
        }
    }
}
