//! One enum for every app-level action: one name, one shortcut, one menu entry, one tooltip.
//! Menus, shortcut handling and the help are generated from it. The keys themselves are egui's,
//! so they live in `ui::shortcuts`; this layer knows no egui.

macro_rules! ui_commands {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// An action the user can ask the app for. UI code records it; the app runs it after the
        /// frame.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum UiCommand {
            $($(#[$doc])* $name,)*
        }

        impl UiCommand {
            /// Every command, in declaration (and menu) order: generated from the enum itself, so
            /// it cannot miss one.
            pub const ALL: &[UiCommand] = &[$(UiCommand::$name,)*];
        }
    };
}

ui_commands! {
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
    /// Import annotations from another tool or a model.
    ImportAnnotations,
    /// Compare the open project with another annotator's project of the same documents, and
    /// adjudicate their disagreements into a new gold project.
    CompareAnnotators,
    /// Export the annotations as training data.
    Export,
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
    /// Adjudication: keep what annotator A proposed at the disagreement shown.
    TakeA,
    /// Adjudication: keep what annotator B proposed.
    TakeB,
    /// Adjudication: keep every alternative (both, with two annotators).
    TakeBoth,
    /// Adjudication: keep nothing of it (decided: neither).
    TakeNeither,
    /// Adjudication: keep what more than half of the annotators proposed.
    TakeMajority,
    /// Adjudication: keep alternative 1 of the disagreement shown, only.
    TakeAlternative1,
    /// Adjudication: keep alternative 2 of the disagreement shown, only.
    TakeAlternative2,
    /// Adjudication: keep alternative 3 of the disagreement shown, only.
    TakeAlternative3,
    /// Adjudication: keep alternative 4 of the disagreement shown, only.
    TakeAlternative4,
    /// Adjudication: keep alternative 5 of the disagreement shown, only.
    TakeAlternative5,
    /// Adjudication: keep alternative 6 of the disagreement shown, only.
    TakeAlternative6,
    /// Adjudication: keep alternative 7 of the disagreement shown, only.
    TakeAlternative7,
    /// Adjudication: keep alternative 8 of the disagreement shown, only.
    TakeAlternative8,
    /// Adjudication: keep alternative 9 of the disagreement shown, only.
    TakeAlternative9,
    /// Find in the article: open the find bar (Arabic-aware: harakat, tatweel, alef forms,
    /// ى/ي, ة/ه and digit scripts ignored unless asked for).
    Find,
    /// Go to the next hit of the find bar.
    FindNext,
    /// Go to the previous hit of the find bar.
    FindPrevious,
    /// Make the next suggestion current (and scroll to it).
    NextSuggestion,
    /// Make the previous suggestion current (and scroll to it).
    PreviousSuggestion,
    /// Accept the current suggestion as a span (with its relation when both ends are spans).
    AcceptSuggestion,
    /// Reject the current suggestion: not proposed again in this document.
    RejectSuggestion,
    /// Accept every suggestion of the document shown, as one undo step.
    AcceptAllSuggestions,
    /// Propose the names of a gazetteer file as suggestions too.
    UseGazetteer,
    /// Find in every document of the project: the results panel, where hits can be tagged all
    /// at once.
    FindInProject,
    /// Find every other occurrence of the selected span's text in the project, to tag them all.
    TagAllLikeThis,
    /// Show the settings window (theme, annotator name, dialogs).
    Settings,
    /// Show or hide the document list.
    ToggleDocuments,
    /// Show or hide the span panel.
    ToggleSpans,
    /// Show or hide the suggestions.
    ToggleSuggestions,
    /// Show the next document of the (filtered) document list.
    NextDocument,
    /// Show the previous document of the (filtered) document list.
    PreviousDocument,
    /// Adjudication: show the next disagreement.
    NextDisagreement,
    /// Adjudication: show the previous disagreement.
    PreviousDisagreement,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Show every command with its shortcut, and the article view's keys.
    KeyboardShortcuts,
    /// Show the five steps of a first annotation.
    GettingStarted,
    /// Show or hide the annotation guidelines.
    ToggleGuidelines,
    /// Show the agreement of the annotators compared.
    ShowAgreement,
    /// Show the project's statistics.
    ShowStatistics,
}

impl UiCommand {
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
            Self::CompareAnnotators => "Compare annotators…",
            Self::TakeA => "Take A",
            Self::TakeB => "Take B",
            Self::TakeBoth => "Take all",
            Self::TakeNeither => "Take neither",
            Self::TakeMajority => "Take the majority",
            Self::TakeAlternative1 => "Take alternative 1",
            Self::TakeAlternative2 => "Take alternative 2",
            Self::TakeAlternative3 => "Take alternative 3",
            Self::TakeAlternative4 => "Take alternative 4",
            Self::TakeAlternative5 => "Take alternative 5",
            Self::TakeAlternative6 => "Take alternative 6",
            Self::TakeAlternative7 => "Take alternative 7",
            Self::TakeAlternative8 => "Take alternative 8",
            Self::TakeAlternative9 => "Take alternative 9",
            Self::NextDisagreement => "Next disagreement",
            Self::PreviousDisagreement => "Previous disagreement",
            Self::ShowAgreement => "Agreement…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Copy => "Copy",
            Self::SelectAll => "Select all",
            Self::DeleteSpan => "Delete span",
            Self::LinkSpan => "Link span…",
            Self::EditLabels => "Labels…",
            Self::CropToSelection => "Crop document to selection",
            Self::Find => "Find…",
            Self::FindNext => "Find next",
            Self::FindPrevious => "Find previous",
            Self::NextSuggestion => "Next suggestion",
            Self::PreviousSuggestion => "Previous suggestion",
            Self::AcceptSuggestion => "Accept suggestion",
            Self::RejectSuggestion => "Reject suggestion",
            Self::AcceptAllSuggestions => "Accept all suggestions in this document",
            Self::ToggleSuggestions => "Suggestions",
            Self::UseGazetteer => "Use a gazetteer…",
            Self::FindInProject => "Find in project…",
            Self::TagAllLikeThis => "Tag all like this…",
            Self::NextDocument => "Next document",
            Self::PreviousDocument => "Previous document",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Actual size",
            Self::Settings => "Settings…",
            Self::ToggleDocuments => "Document list",
            Self::ToggleSpans => "Span panel",
            Self::KeyboardShortcuts => "Keyboard shortcuts",
            Self::GettingStarted => "Getting started",
            Self::ToggleGuidelines => "Guidelines",
            Self::ShowStatistics => "Statistics…",
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
            Self::CompareAnnotators => {
                "Compare the open project with another annotator's project of the same documents (matched by their text): agreement figures per label, each annotator's spans in a lane of the article, and a new gold project built from the spans both made plus your decision on each disagreement"
            }
            Self::TakeA => {
                "Adjudication: keep what annotator A proposed at this disagreement (one undo step)"
            }
            Self::TakeB => {
                "Adjudication: keep what annotator B proposed at this disagreement (one undo step)"
            }
            Self::TakeBoth => {
                "Adjudication: keep every alternative of this disagreement (both, with two annotators; one undo step)"
            }
            Self::TakeNeither => {
                "Adjudication: keep nothing of this disagreement; it counts as decided (one undo step)"
            }
            Self::TakeMajority => {
                "Adjudication: keep what more than half of the annotators proposed here (one undo step)"
            }
            Self::TakeAlternative1 => {
                "Adjudication: keep alternative 1 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative2 => {
                "Adjudication: keep alternative 2 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative3 => {
                "Adjudication: keep alternative 3 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative4 => {
                "Adjudication: keep alternative 4 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative5 => {
                "Adjudication: keep alternative 5 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative6 => {
                "Adjudication: keep alternative 6 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative7 => {
                "Adjudication: keep alternative 7 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative8 => {
                "Adjudication: keep alternative 8 of this disagreement and nothing else (one undo step)"
            }
            Self::TakeAlternative9 => {
                "Adjudication: keep alternative 9 of this disagreement and nothing else (one undo step)"
            }
            Self::NextDisagreement => {
                "Adjudication: go to the next disagreement not decided yet (the next one when all are decided)"
            }
            Self::PreviousDisagreement => {
                "Adjudication: go back to the previous disagreement, decided or not"
            }
            Self::ShowAgreement => {
                "The agreement of the annotators compared: exact F1, Cohen's kappa, overlap precision, recall and F1, relation F1 and Krippendorff's alpha, per label, with a chart"
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
            Self::Find => {
                "Find in the article: every hit highlighted; Enter / Shift+Enter go to the next / previous one; Esc closes. Harakat, tatweel, alef forms, ى/ي, ة/ه, digit scripts and case are ignored unless you ask to match them"
            }
            Self::FindNext => "Go to the next hit of the find bar",
            Self::FindPrevious => "Go to the previous hit of the find bar",
            Self::NextSuggestion => {
                "Make the next suggestion (dashed outline) current and scroll to it; Tab acts while the article has the keyboard, no span is selected and there are suggestions"
            }
            Self::PreviousSuggestion => "Make the previous suggestion current and scroll to it",
            Self::AcceptSuggestion => {
                "Accept the current suggestion as a span (with its 'attributed to' relation when the other end is a span); Enter acts only while a suggestion is current (after Tab or a click on it). A label's key accepts it with that label instead"
            }
            Self::RejectSuggestion => {
                "Reject the current suggestion: it is not proposed again in this document (remembered in the project); Backspace acts only while a suggestion is current, otherwise it removes the selected span"
            }
            Self::AcceptAllSuggestions => {
                "Accept every suggestion of this document, with their relations, as one undo step (not counted in the suggesters' tallies: nothing was judged one by one)"
            }
            Self::UseGazetteer => {
                "Propose the names of a gazetteer as suggestions in every document: a text file of name<TAB>label lines (what `isnad suggest --export-gazetteer` writes), matched with Arabic folding. Kept until the app is closed"
            }
            Self::ToggleSuggestions => {
                "Show or hide Isnad's suggestions (dashed outlines, the list in the span panel); hidden, their keys do nothing"
            }
            Self::FindInProject => {
                "Find in every document: the hits with the words around them, grouped by document; click or Enter opens one. Check hits (Ctrl+A checks all) and press a label key to tag them all as one undo step"
            }
            Self::TagAllLikeThis => {
                "Find every other occurrence of the selected span's text in the project (Arabic folding: harakat, hamza forms... ignored), to tag them all with its label"
            }
            Self::NextDocument => "Show the next document in the document list (as filtered)",
            Self::PreviousDocument => {
                "Show the previous document in the document list (as filtered)"
            }
            Self::ZoomIn => "Make the article text larger",
            Self::ZoomOut => "Make the article text smaller",
            Self::ZoomReset => "Reset the article text size",
            Self::Settings => {
                "Theme (light, dark or the system's), your annotator name, the file dialog; remembered between runs"
            }
            Self::ToggleDocuments => "Show or hide the document list on the left",
            Self::ToggleSpans => "Show or hide the span details and list on the right",
            Self::KeyboardShortcuts => {
                "Every command with its shortcut, and the keys of the article view"
            }
            Self::GettingStarted => "The five steps of a first annotation",
            Self::ShowStatistics => {
                "Counts of the project: spans per label, per document and per status, relations per type, documents done, and a chart of spans per label per document"
            }
            Self::ToggleGuidelines => {
                "Show or hide the project's annotation guidelines (what each label means, with examples), to read or edit"
            }
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
            | Self::CompareAnnotators
            | Self::Export
            | Self::Quit => "File",
            Self::Undo
            | Self::Redo
            | Self::Copy
            | Self::SelectAll
            | Self::DeleteSpan
            | Self::LinkSpan
            | Self::EditLabels
            | Self::CropToSelection
            | Self::Find
            | Self::FindNext
            | Self::FindPrevious
            | Self::NextSuggestion
            | Self::PreviousSuggestion
            | Self::AcceptSuggestion
            | Self::RejectSuggestion
            | Self::AcceptAllSuggestions
            | Self::UseGazetteer
            | Self::FindInProject
            | Self::TagAllLikeThis
            | Self::Settings => "Edit",
            Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::ToggleGuidelines
            | Self::ShowStatistics
            | Self::NextDocument
            | Self::PreviousDocument
            | Self::ShowAgreement
            | Self::ToggleDocuments
            | Self::ToggleSpans
            | Self::ToggleSuggestions => "View",
            Self::TakeA
            | Self::TakeB
            | Self::TakeBoth
            | Self::TakeNeither
            | Self::TakeMajority
            | Self::TakeAlternative1
            | Self::TakeAlternative2
            | Self::TakeAlternative3
            | Self::TakeAlternative4
            | Self::TakeAlternative5
            | Self::TakeAlternative6
            | Self::TakeAlternative7
            | Self::TakeAlternative8
            | Self::TakeAlternative9
            | Self::NextDisagreement
            | Self::PreviousDisagreement => "Adjudicate",
            Self::KeyboardShortcuts | Self::GettingStarted => "Help",
        }
    }

    /// Commands a focused text field handles itself.
    pub fn is_text_editing(self) -> bool {
        matches!(self, Self::Undo | Self::Redo | Self::Copy | Self::SelectAll)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once_with_its_menu_and_words() {
        let mut seen = std::collections::HashSet::new();
        for command in UiCommand::ALL {
            assert!(seen.insert(*command), "{command:?} listed twice");
            assert!(["File", "Edit", "View", "Adjudicate", "Help"].contains(&command.menu()));
            assert!(!command.label().is_empty() && !command.tooltip().is_empty());
        }
        // The first and last variants are there (ALL is generated from the enum).
        assert_eq!(UiCommand::ALL.first(), Some(&UiCommand::NewProject));
        assert_eq!(UiCommand::ALL.last(), Some(&UiCommand::ShowStatistics));
    }
}
