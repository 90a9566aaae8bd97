//! What screen readers (and kittest queries) see of the article view.

use std::ops::Range;

use egui::{Response, Role, Ui, WidgetInfo};

use super::ArticleView;

/// Longest selection text reported to screen readers, in characters.
const MAX_ACCESSIBLE_CHARS: usize = 4000;

/// The code-point offsets of the byte range `range` of `text` (`None` if it does not fall on
/// character boundaries). Counts from the start of the text: callers keep the result while the
/// range stays the same.
pub(super) fn code_point_offsets(text: &str, range: Range<usize>) -> Option<(usize, usize)> {
    let start = text.get(..range.start)?.chars().count();
    Some((start, start + text.get(range)?.chars().count()))
}

impl ArticleView {
    /// The selection as code-point offsets (what Python counts), recounted only when the
    /// selection changes.
    pub fn selection_in_code_points(&mut self) -> (usize, usize) {
        let range = self.selection.range();
        if self.accessible_range.0 != range {
            let offsets = code_point_offsets(self.layout.text(), range.clone()).unwrap_or((0, 0));
            self.accessible_range = (range, offsets);
        }
        self.accessible_range.1
    }

    pub(super) fn report_accessibility(&mut self, ui: &Ui, response: &Response, label: &str) {
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
