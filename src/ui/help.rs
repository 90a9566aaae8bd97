//! The help windows' contents: every command with its shortcut and tooltip (generated from
//! [`UiCommand::ALL`] and [`shortcuts`], so a new command cannot be missing), the article view's
//! own keys ([`VIEW_KEYS`]), and the five steps of a first annotation.

use egui::Ui;

use crate::command::UiCommand;
use crate::ui::menu_bar::MENUS;
use crate::ui::shortcuts::shortcuts;

/// The keys of the article view, which acts on them itself (`ui::article_view::keys` and the
/// linking gestures): what to press, and what it does.
pub const VIEW_KEYS: &[(&str, &str)] = &[
    (
        "A label's key (1, 2, 3…)",
        "Tag the selected text with that label (or relabel the selected span)",
    ),
    ("Delete / Backspace", "Remove the selected span"),
    (
        "Arrows, Home, End",
        "Move the caret (Left and Right follow the paragraph's direction)",
    ),
    ("Ctrl+Left / Ctrl+Right", "Move the caret a word"),
    ("Shift+arrows", "Extend the selection"),
    (
        "Shift+Alt+Left / Right",
        "Move the selected span's end by a letter",
    ),
    (
        "Ctrl+Shift+Alt+Left / Right",
        "Move the selected span's start by a letter",
    ),
    (
        "R",
        "Link the selected span to another: click it, or pick it with the arrows and Enter",
    ),
    (
        "Ctrl+drag",
        "Link the span under the pointer to the one you drop on",
    ),
    ("Escape", "Unselect the span, then the text; cancel linking"),
    (
        "Tab / Shift+Tab",
        "Go to the next / previous suggestion (dashed outline; the article must have the keyboard and no span be selected)",
    ),
    (
        "Enter, Backspace (a suggestion current)",
        "Accept it (with its relation when the other end is a span), or reject it (not proposed again in this document)",
    ),
    (
        "A label's key (a suggestion current)",
        "Accept the suggestion with that label instead",
    ),
    ("Escape (a suggestion current)", "Let go of the suggestion"),
];

/// A row of the command table: menu, name, shortcut (as the platform writes it), tooltip.
pub struct CommandRow {
    /// The menu it is in.
    pub menu: &'static str,
    /// The command's name.
    pub label: &'static str,
    /// Its shortcuts, joined ("" when it has none).
    pub shortcut: String,
    /// What it does.
    pub tooltip: &'static str,
}

/// Every command, menu by menu, with its shortcuts.
pub fn command_rows(ctx: &egui::Context) -> Vec<CommandRow> {
    MENUS
        .iter()
        .flat_map(|menu| UiCommand::ALL.iter().filter(move |c| c.menu() == *menu))
        .map(|&command| CommandRow {
            menu: command.menu(),
            label: command.label(),
            shortcut: shortcuts(command)
                .iter()
                .map(|s| ctx.format_shortcut(s))
                .collect::<Vec<_>>()
                .join(", "),
            tooltip: command.tooltip(),
        })
        .collect()
}

/// The keyboard-shortcut page.
pub fn shortcuts_ui(ui: &mut Ui) {
    let rows = command_rows(ui.ctx());
    egui::ScrollArea::vertical()
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.heading("Commands");
            egui::Grid::new("help-commands")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    let mut menu = "";
                    for row in &rows {
                        if row.menu != menu {
                            menu = row.menu;
                            ui.strong(menu);
                            ui.end_row();
                        }
                        ui.label(row.label);
                        ui.monospace(&row.shortcut);
                        ui.add(egui::Label::new(row.tooltip).wrap());
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            ui.heading("In the article");
            egui::Grid::new("help-view-keys")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for (keys, what) in VIEW_KEYS {
                        ui.monospace(*keys);
                        ui.add(egui::Label::new(*what).wrap());
                        ui.end_row();
                    }
                });
        });
}

/// The five steps of a first annotation.
pub const GETTING_STARTED: [(&str, &str); 5] = [
    (
        "Add an article",
        "File › Add articles… (or drop .txt, .md or saved .html files on the window). File › New project starts empty; the sample project opens when Isnad starts with no file.",
    ),
    (
        "Select who or what speaks",
        "Drag over the words in the article (Shift+arrows with the keyboard).",
    ),
    (
        "Tag it",
        "Press the label's key shown above the article: 1 Actor, 2 Claim, 3 Source. Click a span to select it; Delete removes it.",
    ),
    (
        "Link a claim to its source",
        "Select the claim, press R, click the source (or Ctrl+drag from one to the other).",
    ),
    (
        "Save and export",
        "Ctrl+S saves the project (NAME.isnad.ron); File › Export… writes JSONL, spaCy, doccano, Label Studio, brat or CoNLL.",
    ),
];

/// The getting-started page.
pub fn getting_started_ui(ui: &mut Ui) {
    for (i, (step, how)) in GETTING_STARTED.iter().enumerate() {
        ui.strong(format!("{}. {step}", i + 1));
        ui.add(egui::Label::new(*how).wrap());
        ui.add_space(6.0);
    }
    ui.label("Help › Keyboard shortcuts (F1) lists every command and key.");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_row_in_menu_order() {
        let ctx = egui::Context::default();
        let rows = command_rows(&ctx);
        assert_eq!(rows.len(), UiCommand::ALL.len());
        let save = rows.iter().find(|r| r.label == "Save").expect("Save row");
        assert!(save.shortcut.contains('S'), "{}", save.shortcut);
        let menus: Vec<&str> = rows.iter().map(|r| r.menu).collect();
        let mut sorted = menus.clone();
        sorted.sort_by_key(|m| MENUS.iter().position(|x| x == m));
        assert_eq!(menus, sorted);
    }
}
