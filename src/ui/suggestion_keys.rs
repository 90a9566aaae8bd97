//! The keys of the suggestions, which act only in their context so that they never take a key
//! from its other use:
//! - Tab / Shift+Tab go to the next / previous suggestion while there are suggestions, the
//!   article (or nothing) has the keyboard focus, no span is selected and no text field is being
//!   typed in; otherwise Tab walks the focused panel's fields as before;
//! - Enter accepts, Backspace rejects and Escape lets go of the current suggestion only while one
//!   is current (after Tab or a click on it); otherwise Backspace removes the selected span.
//!
//! The keys themselves are those [`shortcuts`] gives the commands (shown in menus and the help).

use egui::{FocusDirection, Key, Modifiers};

use crate::command::UiCommand;
use crate::ui::shortcuts::shortcuts;

/// What the suggestion keys may act on this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct SuggestionKeyContext {
    /// There are suggestions and the article has the keyboard, with no span selected.
    pub can_step: bool,
    /// A suggestion is current.
    pub has_current: bool,
}

/// What a suggestion key asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestionKey {
    /// A command (next, previous, accept, reject).
    Command(UiCommand),
    /// Let go of the current suggestion (Escape).
    Release,
}

/// The suggestion key pressed this frame, if any (consumed; a consumed Tab does not move the
/// keyboard focus).
pub fn pressed_suggestion_key(
    ctx: &egui::Context,
    context: SuggestionKeyContext,
) -> Option<SuggestionKey> {
    let typing = ctx
        .memory(|m| m.focused())
        .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some());
    if typing {
        return None;
    }
    let mut candidates = Vec::new();
    if context.can_step {
        // Shift+Tab first: a shortcut without Shift also matches a press with Shift.
        candidates.extend([UiCommand::PreviousSuggestion, UiCommand::NextSuggestion]);
    }
    if context.has_current {
        candidates.extend([UiCommand::AcceptSuggestion, UiCommand::RejectSuggestion]);
    }
    let pressed = ctx.input_mut(|input| {
        for command in candidates {
            if shortcuts(command)
                .iter()
                .any(|shortcut| input.consume_shortcut(shortcut))
            {
                return Some(SuggestionKey::Command(command));
            }
        }
        (context.has_current && input.consume_key(Modifiers::NONE, Key::Escape))
            .then_some(SuggestionKey::Release)
    });
    if matches!(
        pressed,
        Some(SuggestionKey::Command(
            UiCommand::NextSuggestion | UiCommand::PreviousSuggestion
        ))
    ) {
        // egui read the Tab before this frame's widgets: keep the focus where it is.
        ctx.memory_mut(|m| m.move_focus(FocusDirection::None));
    }
    pressed
}
