//! The menu bar, generated from [`UiCommand`], with the recent projects.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::command::UiCommand;

/// What the user picked in the menus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MenuChoice {
    /// A command.
    Command(UiCommand),
    /// A recent project.
    OpenRecent(PathBuf),
}

/// Shows the menu bar; returns what the user picked, if anything.
pub fn menu_bar_ui(
    ui: &mut Ui,
    recent: &[PathBuf],
    can_undo: bool,
    can_redo: bool,
) -> Option<MenuChoice> {
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
                    let enabled = match command {
                        UiCommand::Undo => can_undo,
                        UiCommand::Redo => can_redo,
                        _ => true,
                    };
                    let button = Button::new(command.label()).shortcut_text(shortcut);
                    let response = ui
                        .add_enabled(enabled, button)
                        .on_hover_text(command.tooltip());
                    if response.clicked() {
                        picked = Some(MenuChoice::Command(command));
                        ui.close();
                    }
                    if command == UiCommand::OpenProject {
                        ui.add_enabled_ui(!recent.is_empty(), |ui| {
                            ui.menu_button("Open recent", |ui| {
                                for path in recent {
                                    if ui.button(path.display().to_string()).clicked() {
                                        picked = Some(MenuChoice::OpenRecent(path.clone()));
                                        ui.close();
                                    }
                                }
                            });
                        });
                    }
                }
            });
        }
    });
    picked
}
