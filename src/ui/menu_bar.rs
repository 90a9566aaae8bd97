//! The menu bar, generated from [`UiCommand`], with the recent projects.

use std::path::PathBuf;

use egui::{Button, Ui};

use crate::command::UiCommand;
use crate::ui::shortcuts::shortcuts;

/// The menus, in order (each command names its own: `UiCommand::menu`).
pub const MENUS: [&str; 5] = ["File", "Edit", "View", "Adjudicate", "Help"];

/// What the user picked in the menus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MenuChoice {
    /// A command.
    Command(UiCommand),
    /// A recent project.
    OpenRecent(PathBuf),
}

/// What the menus show besides the commands.
pub struct MenuInfo<'a> {
    /// Whether the document list is shown (View › Document list is ticked).
    pub documents_shown: bool,
    /// Whether the span panel is shown (View › Span panel is ticked).
    pub spans_shown: bool,
    /// Whether suggestions are shown (View › Suggestions is ticked).
    pub suggestions_shown: bool,
    /// Recent projects, newest first.
    pub recent: &'a [PathBuf],
    /// The name of the change Undo would revert (`None`: nothing to undo).
    pub undo: Option<&'a str>,
    /// The name of the change Redo would make again (`None`: nothing to redo).
    pub redo: Option<&'a str>,
}

/// Shows the menu bar; returns what the user picked, if anything.
pub fn menu_bar_ui(ui: &mut Ui, info: &MenuInfo<'_>) -> Option<MenuChoice> {
    let recent = info.recent;
    let mut picked = None;
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in MENUS {
            ui.menu_button(menu, |ui| {
                for &command in UiCommand::ALL.iter().filter(|c| c.menu() == menu) {
                    let shortcut = shortcuts(command)
                        .first()
                        .map(|s| ui.ctx().format_shortcut(s))
                        .unwrap_or_default();
                    let (enabled, text) = match command {
                        UiCommand::Undo => step_text(command, info.undo),
                        UiCommand::Redo => step_text(command, info.redo),
                        _ => (true, command.label().to_owned()),
                    };
                    let ticked = match command {
                        UiCommand::ToggleDocuments => Some(info.documents_shown),
                        UiCommand::ToggleSpans => Some(info.spans_shown),
                        UiCommand::ToggleSuggestions => Some(info.suggestions_shown),
                        _ => None,
                    };
                    let button = match ticked {
                        Some(on) => Button::selectable(on, text),
                        None => Button::new(text),
                    }
                    .shortcut_text(shortcut);
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

/// "Undo add span" when there is a step, plain "Undo" (disabled) when there is none.
fn step_text(command: UiCommand, name: Option<&str>) -> (bool, String) {
    match name {
        Some(name) => (true, format!("{} {name}", command.label())),
        None => (false, command.label().to_owned()),
    }
}
