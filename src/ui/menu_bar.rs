//! The menu bar, generated from [`UiCommand`].

use egui::{Button, Ui};

use crate::command::UiCommand;

/// Shows the menu bar; returns the command the user picked, if any.
pub fn menu_bar_ui(ui: &mut Ui) -> Option<UiCommand> {
    let mut picked = None;
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in ["File", "Edit", "View"] {
            ui.menu_button(menu, |ui| {
                for command in UiCommand::ALL.into_iter().filter(|c| c.menu() == menu) {
                    let shortcut = command
                        .shortcuts()
                        .first()
                        .map(|s| ui.ctx().format_shortcut(s))
                        .unwrap_or_default();
                    let button = Button::new(command.label()).shortcut_text(shortcut);
                    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
                        picked = Some(command);
                        ui.close();
                    }
                }
            });
        }
    });
    picked
}
