//! One enum for every app-level action: one name, one shortcut, one menu entry, one tooltip.
//! Menus and shortcut handling are generated from it.

use egui::{Key, KeyboardShortcut, Modifiers};

/// An action the user can ask the app for. UI code records it; the app runs it after the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UiCommand {
    /// Start an empty, untitled project.
    NewProject,
    /// Open a project file with a file dialog.
    OpenProject,
    /// Save the project to its file (asks where for an untitled project or the bundled sample).
    Save,
    /// Save the project under a new name.
    SaveAs,
    /// Add article files (or JSONL corpora) to the project.
    AddArticles,
    /// Add a folder of articles to the project.
    AddFolder,
    /// Export the annotations as training data.
    Export,
    /// Import annotations from another tool or a model.
    ImportAnnotations,
    /// Quit the app (asks first when there are unsaved changes).
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Copy the selected text.
    Copy,
    /// Select the whole article.
    SelectAll,
    /// Remove the selected span.
    DeleteSpan,
    /// Link the selected span to another (then click the other span).
    LinkSpan,
    /// Show the label editor.
    EditLabels,
    /// Make the selected text the whole document (drop a scraped page's chrome).
    CropToSelection,
    /// Show the next document of the (filtered) document list.
    NextDocument,
    /// Show the previous document of the (filtered) document list.
    PreviousDocument,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
}

impl UiCommand {
    /// Every command, in menu order.
    pub const ALL: [UiCommand; 22] = [
        Self::NewProject,
        Self::OpenProject,
        Self::Save,
        Self::SaveAs,
        Self::AddArticles,
        Self::AddFolder,
        Self::ImportAnnotations,
        Self::Export,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Copy,
        Self::SelectAll,
        Self::DeleteSpan,
        Self::LinkSpan,
        Self::EditLabels,
        Self::CropToSelection,
        Self::NextDocument,
        Self::PreviousDocument,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
    ];

    /// The menu text.
    pub fn label(self) -> &'static str {
        match self {
            Self::NewProject => "New project",
            Self::OpenProject => "Open project…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::AddArticles => "Add articles…",
            Self::AddFolder => "Add folder…",
            Self::Export => "Export…",
            Self::ImportAnnotations => "Import annotations…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Copy => "Copy",
            Self::SelectAll => "Select all",
            Self::DeleteSpan => "Delete span",
            Self::LinkSpan => "Link span…",
            Self::EditLabels => "Labels…",
            Self::CropToSelection => "Crop document to selection",
            Self::NextDocument => "Next document",
            Self::PreviousDocument => "Previous document",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Actual size",
        }
    }

    /// The tooltip.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::NewProject => "Start an empty project (asks first if there are unsaved changes)",
            Self::OpenProject => "Open an Isnad project file (NAME.isnad.ron)",
            Self::Save => "Save the project (atomically; the previous version is kept as .bak)",
            Self::SaveAs => "Save the project under a new name",
            Self::AddArticles => {
                "Add articles (.txt, .md, saved web pages .html) or JSONL corpora to the project; texts already in it are skipped"
            }
            Self::AddFolder => {
                "Add every article in a folder and its subfolders (.txt, .md, .html, .jsonl); duplicates, empty and binary files are skipped and reported"
            }
            Self::Export => {
                "Export the annotations as training data (JSONL, spaCy, doccano, Label Studio, brat, CoNLL)"
            }
            Self::ImportAnnotations => {
                "Add annotations from Isnad JSONL, doccano, Label Studio or brat files (one undo step)"
            }
            Self::Quit => "Close Isnad",
            Self::Undo => "Undo the last change to the project",
            Self::Redo => "Redo the last undone change",
            Self::Copy => "Copy the selected text, in logical order",
            Self::SelectAll => "Select the whole article",
            Self::DeleteSpan => "Remove the selected span",
            Self::LinkSpan => {
                "Link the selected span to another with the relation that fits their labels (a claim attributed to its source, about an actor; a source speaking for an actor): press R, then click the other span or pick it with the arrow keys and Enter; Esc cancels. Ctrl+drag from one span to another links them too"
            }
            Self::EditLabels => "Add, rename, recolour, re-key or remove labels",
            Self::CropToSelection => {
                "Keep only the selected text as the document (spans move with it; undo restores the full text)"
            }
            Self::NextDocument => "Show the next document in the document list (as filtered)",
            Self::PreviousDocument => {
                "Show the previous document in the document list (as filtered)"
            }
            Self::ZoomIn => "Make the article text larger",
            Self::ZoomOut => "Make the article text smaller",
            Self::ZoomReset => "Reset the article text size",
        }
    }

    /// The keyboard shortcuts (the first one is shown in menus). Delete is handled by the
    /// article view, which owns the span selection.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
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
        match self {
            Self::NewProject => &NEW,
            Self::OpenProject => &OPEN,
            Self::Save => &SAVE,
            Self::SaveAs => &SAVE_AS,
            Self::Export => &EXPORT,
            Self::Quit => &QUIT,
            Self::Undo => &UNDO,
            Self::Redo => &REDO,
            Self::Copy => &COPY,
            Self::SelectAll => &SELECT_ALL,
            Self::LinkSpan => &LINK,
            Self::ZoomIn => &ZOOM_IN,
            Self::ZoomOut => &ZOOM_OUT,
            Self::ZoomReset => &ZOOM_RESET,
            Self::NextDocument => &NEXT_DOCUMENT,
            Self::PreviousDocument => &PREVIOUS_DOCUMENT,
            Self::AddArticles
            | Self::AddFolder
            | Self::ImportAnnotations
            | Self::DeleteSpan
            | Self::EditLabels
            | Self::CropToSelection => &[],
        }
    }

    /// The menu a command belongs to.
    pub fn menu(self) -> &'static str {
        match self {
            Self::NewProject
            | Self::OpenProject
            | Self::Save
            | Self::SaveAs
            | Self::AddArticles
            | Self::AddFolder
            | Self::ImportAnnotations
            | Self::Export
            | Self::Quit => "File",
            Self::Undo
            | Self::Redo
            | Self::Copy
            | Self::SelectAll
            | Self::DeleteSpan
            | Self::LinkSpan
            | Self::EditLabels
            | Self::CropToSelection => "Edit",
            Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::NextDocument
            | Self::PreviousDocument => "View",
        }
    }

    /// Commands whose shortcut was pressed this frame (the key presses are consumed).
    /// A platform copy event (Ctrl+C turned into `Event::Copy` by the window system) counts too.
    /// While a text field has the keyboard, editing shortcuts (undo, redo, copy, select all) and
    /// single keys without a modifier (R) are left to it.
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some());
        ctx.input_mut(|input| {
            let mut pressed = Vec::new();
            // egui matches a shortcut even when Shift is also held, so the shortcuts with Shift
            // are consumed first (Ctrl+Shift+Z is Redo, not Undo).
            let mut candidates: Vec<(UiCommand, &KeyboardShortcut)> = Self::ALL
                .into_iter()
                .filter(|command| !(typing && command.is_text_editing()))
                .flat_map(|command| command.shortcuts().iter().map(move |s| (command, s)))
                .filter(|(_, shortcut)| !(typing && shortcut.modifiers.is_none()))
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
                && !pressed.contains(&Self::Copy)
            {
                pressed.push(Self::Copy);
            }
            pressed
        })
    }

    /// Commands a focused text field handles itself.
    fn is_text_editing(self) -> bool {
        matches!(self, Self::Undo | Self::Redo | Self::Copy | Self::SelectAll)
    }
}
