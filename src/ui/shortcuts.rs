//! The keyboard shortcuts of [`UiCommand`]s, and which were pressed this frame. Kept in `ui/`
//! because the keys are egui's; `command/` only names the commands.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::command::UiCommand;

/// The keyboard shortcuts of `command` (the first one is shown in menus and the help). Delete is
/// handled by the article view, which owns the span selection.
pub fn shortcuts(command: UiCommand) -> &'static [KeyboardShortcut] {
    const fn cmd(key: Key) -> KeyboardShortcut {
        KeyboardShortcut::new(Modifiers::COMMAND, key)
    }
    const fn cmd_shift(key: Key) -> KeyboardShortcut {
        KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
    }
    const NEW: [KeyboardShortcut; 1] = [cmd(Key::N)];
    const OPEN: [KeyboardShortcut; 1] = [cmd(Key::O)];
    const SAVE: [KeyboardShortcut; 1] = [cmd(Key::S)];
    const SAVE_AS: [KeyboardShortcut; 1] = [cmd_shift(Key::S)];
    const EXPORT: [KeyboardShortcut; 1] = [cmd(Key::E)];
    const QUIT: [KeyboardShortcut; 1] = [cmd(Key::Q)];
    const UNDO: [KeyboardShortcut; 1] = [cmd(Key::Z)];
    const REDO: [KeyboardShortcut; 2] = [cmd_shift(Key::Z), cmd(Key::Y)];
    const COPY: [KeyboardShortcut; 1] = [cmd(Key::C)];
    const SELECT_ALL: [KeyboardShortcut; 1] = [cmd(Key::A)];
    const LINK: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::R)];
    const ZOOM_IN: [KeyboardShortcut; 2] = [cmd(Key::Equals), cmd(Key::Plus)];
    const ZOOM_OUT: [KeyboardShortcut; 1] = [cmd(Key::Minus)];
    const ZOOM_RESET: [KeyboardShortcut; 1] = [cmd(Key::Num0)];
    const NEXT_DOCUMENT: [KeyboardShortcut; 1] = [cmd(Key::PageDown)];
    const PREVIOUS_DOCUMENT: [KeyboardShortcut; 1] = [cmd(Key::PageUp)];
    const FIND: [KeyboardShortcut; 1] = [cmd(Key::F)];
    const FIND_NEXT: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F3)];
    const FIND_PREVIOUS: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::SHIFT, Key::F3)];
    const FIND_IN_PROJECT: [KeyboardShortcut; 1] = [cmd_shift(Key::F)];
    const HELP: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::NONE, Key::F1)];
    const SETTINGS: [KeyboardShortcut; 1] = [cmd(Key::Comma)];
    const NEXT_SUGGESTION: [KeyboardShortcut; 1] =
        [KeyboardShortcut::new(Modifiers::NONE, Key::Tab)];
    const PREVIOUS_SUGGESTION: [KeyboardShortcut; 1] =
        [KeyboardShortcut::new(Modifiers::SHIFT, Key::Tab)];
    const ACCEPT_SUGGESTION: [KeyboardShortcut; 1] =
        [KeyboardShortcut::new(Modifiers::NONE, Key::Enter)];
    const REJECT_SUGGESTION: [KeyboardShortcut; 1] =
        [KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)];
    // Adjudication: Alt with a letter or digit, so no label key (a plain letter or digit) is taken.
    const fn alt(key: Key) -> KeyboardShortcut {
        KeyboardShortcut::new(Modifiers::ALT, key)
    }
    const TAKE_A: [KeyboardShortcut; 1] = [alt(Key::A)];
    const TAKE_B: [KeyboardShortcut; 1] = [alt(Key::B)];
    const TAKE_BOTH: [KeyboardShortcut; 1] = [alt(Key::T)];
    const TAKE_NEITHER: [KeyboardShortcut; 1] = [alt(Key::N)];
    const TAKE_MAJORITY: [KeyboardShortcut; 1] = [alt(Key::M)];
    const TAKE_1: [KeyboardShortcut; 1] = [alt(Key::Num1)];
    const TAKE_2: [KeyboardShortcut; 1] = [alt(Key::Num2)];
    const TAKE_3: [KeyboardShortcut; 1] = [alt(Key::Num3)];
    const TAKE_4: [KeyboardShortcut; 1] = [alt(Key::Num4)];
    const TAKE_5: [KeyboardShortcut; 1] = [alt(Key::Num5)];
    const TAKE_6: [KeyboardShortcut; 1] = [alt(Key::Num6)];
    const TAKE_7: [KeyboardShortcut; 1] = [alt(Key::Num7)];
    const TAKE_8: [KeyboardShortcut; 1] = [alt(Key::Num8)];
    const TAKE_9: [KeyboardShortcut; 1] = [alt(Key::Num9)];
    const NEXT_DISAGREEMENT: [KeyboardShortcut; 1] =
        [KeyboardShortcut::new(Modifiers::NONE, Key::F8)];
    const PREVIOUS_DISAGREEMENT: [KeyboardShortcut; 1] =
        [KeyboardShortcut::new(Modifiers::SHIFT, Key::F8)];
    match command {
        UiCommand::NewProject => &NEW,
        UiCommand::OpenProject => &OPEN,
        UiCommand::Save => &SAVE,
        UiCommand::SaveAs => &SAVE_AS,
        UiCommand::Export => &EXPORT,
        UiCommand::Quit => &QUIT,
        UiCommand::Undo => &UNDO,
        UiCommand::Redo => &REDO,
        UiCommand::Copy => &COPY,
        UiCommand::SelectAll => &SELECT_ALL,
        UiCommand::LinkSpan => &LINK,
        UiCommand::ZoomIn => &ZOOM_IN,
        UiCommand::ZoomOut => &ZOOM_OUT,
        UiCommand::ZoomReset => &ZOOM_RESET,
        UiCommand::NextDocument => &NEXT_DOCUMENT,
        UiCommand::PreviousDocument => &PREVIOUS_DOCUMENT,
        UiCommand::Find => &FIND,
        UiCommand::FindNext => &FIND_NEXT,
        UiCommand::FindPrevious => &FIND_PREVIOUS,
        UiCommand::FindInProject => &FIND_IN_PROJECT,
        UiCommand::KeyboardShortcuts => &HELP,
        UiCommand::Settings => &SETTINGS,
        UiCommand::NextSuggestion => &NEXT_SUGGESTION,
        UiCommand::PreviousSuggestion => &PREVIOUS_SUGGESTION,
        UiCommand::AcceptSuggestion => &ACCEPT_SUGGESTION,
        UiCommand::RejectSuggestion => &REJECT_SUGGESTION,
        UiCommand::TakeA => &TAKE_A,
        UiCommand::TakeB => &TAKE_B,
        UiCommand::TakeBoth => &TAKE_BOTH,
        UiCommand::TakeNeither => &TAKE_NEITHER,
        UiCommand::TakeMajority => &TAKE_MAJORITY,
        UiCommand::TakeAlternative1 => &TAKE_1,
        UiCommand::TakeAlternative2 => &TAKE_2,
        UiCommand::TakeAlternative3 => &TAKE_3,
        UiCommand::TakeAlternative4 => &TAKE_4,
        UiCommand::TakeAlternative5 => &TAKE_5,
        UiCommand::TakeAlternative6 => &TAKE_6,
        UiCommand::TakeAlternative7 => &TAKE_7,
        UiCommand::TakeAlternative8 => &TAKE_8,
        UiCommand::TakeAlternative9 => &TAKE_9,
        UiCommand::NextDisagreement => &NEXT_DISAGREEMENT,
        UiCommand::PreviousDisagreement => &PREVIOUS_DISAGREEMENT,
        UiCommand::AddArticles
        | UiCommand::AddFolder
        | UiCommand::ImportAnnotations
        | UiCommand::DeleteSpan
        | UiCommand::EditLabels
        | UiCommand::CropToSelection
        | UiCommand::TagAllLikeThis
        | UiCommand::ToggleDocuments
        | UiCommand::ToggleSpans
        | UiCommand::GettingStarted
        | UiCommand::ToggleGuidelines
        | UiCommand::ShowStatistics
        | UiCommand::AcceptAllSuggestions
        | UiCommand::UseGazetteer
        | UiCommand::ToggleSuggestions
        | UiCommand::CompareAnnotators
        | UiCommand::ShowAgreement => &[],
    }
}

/// Commands whose keys act only in a context, read by [`crate::ui::suggestion_keys`] rather than
/// here: Tab, Enter and Backspace keep their other uses (focus, buttons, removing the selected
/// span) when no suggestion is there or current.
pub fn is_contextual(command: UiCommand) -> bool {
    matches!(
        command,
        UiCommand::NextSuggestion
            | UiCommand::PreviousSuggestion
            | UiCommand::AcceptSuggestion
            | UiCommand::RejectSuggestion
    )
}

/// Commands whose shortcut was pressed this frame (the key presses are consumed).
/// A platform copy event (Ctrl+C turned into `Event::Copy` by the window system) counts too.
/// While a text field has the keyboard, editing shortcuts (undo, redo, copy, select all), single
/// keys without a modifier (R) and Alt with a key (the adjudication keys) are left to it.
pub fn pressed_commands(ctx: &egui::Context) -> Vec<UiCommand> {
    // Most frames have no key press: nothing to match against every shortcut.
    let keys = ctx.input(|input| {
        input.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::Key { pressed: true, .. } | egui::Event::Copy
            )
        })
    });
    if !keys {
        return Vec::new();
    }
    let typing = ctx
        .memory(|m| m.focused())
        .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some());
    ctx.input_mut(|input| {
        let mut pressed = Vec::new();
        // egui matches a shortcut even when Shift is also held, so the shortcuts with Shift
        // are consumed first (Ctrl+Shift+Z is Redo, not Undo).
        let mut candidates: Vec<(UiCommand, &KeyboardShortcut)> = UiCommand::ALL
            .iter()
            .copied()
            .filter(|command| !(typing && command.is_text_editing()))
            .filter(|command| !is_contextual(*command))
            .flat_map(|command| shortcuts(command).iter().map(move |s| (command, s)))
            // Alt with a letter or digit too: on some layouts (AltGr) it types a character.
            .filter(|(_, shortcut)| {
                !(typing
                    && (shortcut.modifiers.is_none() || shortcut.modifiers == egui::Modifiers::ALT))
            })
            .collect();
        candidates.sort_by_key(|(_, shortcut)| !shortcut.modifiers.shift);
        for (command, shortcut) in candidates {
            // `Equals` and `Plus` must not both fire: each press is consumed once.
            if input.consume_shortcut(shortcut) && !pressed.contains(&command) {
                pressed.push(command);
            }
        }
        if !typing
            && input.events.iter().any(|e| matches!(e, egui::Event::Copy))
            && !pressed.contains(&UiCommand::Copy)
        {
            pressed.push(UiCommand::Copy);
        }
        pressed
    })
}
