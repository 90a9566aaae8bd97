//! What screen readers (and kittest queries) see of the article view.

use egui::{Response, Role, Ui, WidgetInfo};

use super::ArticleView;

/// Longest selection text reported to screen readers, in characters.
const MAX_ACCESSIBLE_CHARS: usize = 4000;

impl ArticleView {
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
