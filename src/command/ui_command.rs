//! One enum for every app-level action: one name, one shortcut, one menu entry, one tooltip.
//! Menus and shortcut handling are generated from it.

use egui::{Key, KeyboardShortcut, Modifiers};

/// An action the user can ask the app for. UI code records it; the app runs it after the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Open an article with a file dialog.
    Open,
    /// Quit the app.
    Quit,
    /// Copy the selected text.
    Copy,
    /// Select the whole article.
    SelectAll,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
}

impl UiCommand {
    /// Every command, in menu order.
    pub const ALL: [UiCommand; 7] = [
        Self::Open,
        Self::Quit,
        Self::Copy,
        Self::SelectAll,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
    ];

    /// The menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::Open => "Open article…",
            Self::Quit => "Quit",
            Self::Copy => "Copy",
            Self::SelectAll => "Select all",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Actual size",
        }
    }

    /// The tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::Open => "Open a .txt or .md article (UTF-8, UTF-16, Windows-1256, ISO-8859-6)",
            Self::Quit => "Close Isnad",
            Self::Copy => "Copy the selected text, in logical order",
            Self::SelectAll => "Select the whole article",
            Self::ZoomIn => "Make the article text larger",
            Self::ZoomOut => "Make the article text smaller",
            Self::ZoomReset => "Reset the article text size",
        }
    }

    /// The keyboard shortcuts (the first one is shown in menus).
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const fn cmd(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
        const QUIT: [KeyboardShortcut; 1] = [cmd(Key::Q)];
        const COPY: [KeyboardShortcut; 1] = [cmd(Key::C)];
        const SELECT_ALL: [KeyboardShortcut; 1] = [cmd(Key::A)];
        const ZOOM_IN: [KeyboardShortcut; 2] = [cmd(Key::Equals), cmd(Key::Plus)];
        const ZOOM_OUT: [KeyboardShortcut; 1] = [cmd(Key::Minus)];
        const ZOOM_RESET: [KeyboardShortcut; 1] = [cmd(Key::Num0)];
        match self {
            Self::Open => &OPEN,
            Self::Quit => &QUIT,
            Self::Copy => &COPY,
            Self::SelectAll => &SELECT_ALL,
            Self::ZoomIn => &ZOOM_IN,
            Self::ZoomOut => &ZOOM_OUT,
            Self::ZoomReset => &ZOOM_RESET,
        }
    }

    /// The menu a command belongs to.
    pub fn menu(self) -> &'static str {
        match self {
            Self::Open | Self::Quit => "File",
            Self::Copy | Self::SelectAll => "Edit",
            Self::ZoomIn | Self::ZoomOut | Self::ZoomReset => "View",
        }
    }

    /// Commands whose shortcut was pressed this frame (the key presses are consumed).
    /// A platform copy event (Ctrl+C turned into `Event::Copy` by the window system) counts too.
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        ctx.input_mut(|input| {
            let mut pressed = Vec::new();
            for command in Self::ALL {
                // `Equals` and `Plus` must not both fire: consume them in order.
                let hit = command
                    .shortcuts()
                    .iter()
                    .any(|shortcut| input.consume_shortcut(shortcut));
                if hit {
                    pressed.push(command);
                }
            }
            if input.events.iter().any(|e| matches!(e, egui::Event::Copy))
                && !pressed.contains(&Self::Copy)
            {
                pressed.push(Self::Copy);
            }
            pressed
        })
    }
}
