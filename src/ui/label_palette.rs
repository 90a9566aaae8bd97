//! The label palette above the article: one button per label, with its colour, key and
//! definition. Clicking one tags the selected text (or relabels the selected span).

use egui::{Sense, Ui, vec2};

use crate::model::{LabelId, LabelSchema};
use crate::ui::colours::to_color32;

/// Shows the palette; returns the label clicked, if any.
pub fn label_palette_ui(ui: &mut Ui, schema: &LabelSchema) -> Option<LabelId> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Tag as:");
        for label in schema.labels() {
            let colour = to_color32(label.colour);
            let text = match label.hotkey {
                Some(key) => format!("{key}  {}", label.name),
                None => label.name.clone(),
            };
            let response = ui
                .horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    let (chip, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
                    ui.painter().rect_filled(chip, 3.0, colour);
                    ui.button(text)
                })
                .inner;
            let tooltip = match label.hotkey {
                Some(key) => format!("{}\n\nKey {key}", label.description),
                None => label.description.clone(),
            };
            if response.on_hover_text(tooltip).clicked() {
                picked = Some(label.id.clone());
            }
        }
    });
    picked
}
