//! The hits of the find bar, painted in the article: every hit in view with a faint amber tint,
//! the current one stronger and outlined (distinct from span tints and the selection). Painted
//! from byte ranges over the existing layout; only the hits inside the visible paragraphs are
//! looked at (a binary search), so thousands of hits cost nothing off screen.

use std::ops::Range;

use egui::{Color32, Painter, Stroke, StrokeKind, Vec2};

use super::ArticleView;

/// Tint of every hit.
const HIT_FILL: Color32 = Color32::from_rgba_premultiplied(90, 70, 0, 90);
/// Tint and outline of the current hit.
const CURRENT_FILL: Color32 = Color32::from_rgba_premultiplied(200, 140, 0, 170);
const CURRENT_STROKE: Color32 = Color32::from_rgb(230, 150, 0);

/// The find bar's hits shown in the view.
#[derive(Clone, Debug, Default)]
pub struct FindMarks {
    /// Hits as byte ranges, in text order, not overlapping.
    pub hits: Vec<Range<usize>>,
    /// The index of the current hit.
    pub current: Option<usize>,
}

impl ArticleView {
    /// Shows these find hits (byte ranges in text order) with `current` emphasised; an empty list
    /// clears them.
    pub fn set_find_hits(&mut self, hits: Vec<Range<usize>>, current: Option<usize>) {
        self.find = FindMarks { hits, current };
    }

    /// The find hits shown and the current one.
    pub fn find_marks(&self) -> &FindMarks {
        &self.find
    }

    /// Scrolls `range` into view at the next frame, without the flash of [`Self::reveal`].
    pub fn scroll_into_view(&mut self, range: Range<usize>) {
        self.pending_reveal = Some(range);
        self.quiet_reveal = true;
    }

    /// Paints the hits inside `visible_text` (byte range of the visible paragraphs).
    pub(super) fn paint_find_hits(
        &mut self,
        painter: &Painter,
        origin: Vec2,
        visible_text: Range<usize>,
        visible: Range<usize>,
    ) {
        let hits = &self.find.hits;
        let first = hits.partition_point(|h| h.end <= visible_text.start);
        let last = first + hits[first..].partition_point(|h| h.start < visible_text.end);
        for i in first..last {
            let Some(hit) = self.find.hits.get(i).cloned() else {
                break;
            };
            let current = self.find.current == Some(i);
            for rect in self.layout.range_rects(hit, visible.clone()) {
                let rect = rect.translate(origin);
                if current {
                    painter.rect_filled(rect, 2.0, CURRENT_FILL);
                    painter.rect_stroke(
                        rect,
                        2.0,
                        Stroke::new(2.0, CURRENT_STROKE),
                        StrokeKind::Outside,
                    );
                } else {
                    painter.rect_filled(rect, 2.0, HIT_FILL);
                }
            }
        }
    }
}
