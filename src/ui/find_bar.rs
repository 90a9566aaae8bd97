//! The find bar above the article (Ctrl+F): the query field, the matching switches, "3 of 27",
//! previous / next and close. It only edits the query and options it is given and reports what
//! the user asked for; the app searches ([`crate::lang::search`]).

use egui::{Key, Ui};

use crate::lang::SearchOptions;

/// What the find bar shows besides the query.
#[derive(Clone, Copy, Debug, Default)]
pub struct FindBarInfo<'a> {
    /// The number of hits in the article.
    pub hits: usize,
    /// The index of the current hit.
    pub current: Option<usize>,
    /// Why the query cannot be searched (an invalid regex), shown instead of the count.
    pub error: Option<&'a str>,
    /// Put the keyboard in the query field (just opened).
    pub focus: bool,
}

/// What the user asked the find bar for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FindBarAction {
    /// Go to the next hit (Enter, the Next button).
    Next,
    /// Go to the previous hit (Shift+Enter, the Previous button).
    Previous,
    /// Close the bar (Escape, the Close button).
    Close,
}

/// "3 of 27", "No hits", or the error.
pub fn count_text(info: &FindBarInfo<'_>, query_empty: bool) -> String {
    match (info.error, info.current) {
        (Some(error), _) => error.to_owned(),
        _ if query_empty => String::new(),
        (None, _) if info.hits == 0 => "No hits".to_owned(),
        (None, Some(i)) => format!("{} of {}", i + 1, info.hits),
        (None, None) => format!("{} hits", info.hits),
    }
}

/// The find bar. Edits `query` and `options` in place (the app notices the change).
pub fn find_bar_ui(
    ui: &mut Ui,
    query: &mut String,
    options: &mut SearchOptions,
    info: &FindBarInfo<'_>,
) -> Option<FindBarAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Find:");
        let field = ui.add(
            egui::TextEdit::singleline(query)
                .hint_text("word or phrase")
                .desired_width(220.0),
        );
        if info.focus {
            field.request_focus();
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            let back = ui.input(|i| i.modifiers.shift);
            action = Some(if back {
                FindBarAction::Previous
            } else {
                FindBarAction::Next
            });
            field.request_focus();
        }
        // Escape is consumed, so the article view behind does not also clear its selection.
        if (field.has_focus() || field.lost_focus())
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape))
        {
            action = Some(FindBarAction::Close);
        }
        let count = count_text(info, query.is_empty());
        if info.error.is_some() {
            ui.colored_label(ui.visuals().error_fg_color, count);
        } else {
            ui.label(count);
        }
        if ui
            .button("Previous")
            .on_hover_text("Previous hit (Shift+Enter, Shift+F3)")
            .clicked()
        {
            action = Some(FindBarAction::Previous);
        }
        if ui
            .button("Next")
            .on_hover_text("Next hit (Enter, F3)")
            .clicked()
        {
            action = Some(FindBarAction::Next);
        }
        search_options_ui(ui, options);
        if ui.button("Close").on_hover_text("Close (Esc)").clicked() {
            action = Some(FindBarAction::Close);
        }
    });
    action
}

/// The matching switches (diacritics, hamza, ya/ta, digits, case, whole word, regex), shared by
/// the find bar and the project search panel.
pub fn search_options_ui(ui: &mut Ui, options: &mut SearchOptions) {
    let fold = &mut options.fold;
    ui.checkbox(&mut fold.match_diacritics, "Diacritics")
        .on_hover_text("Harakat and tatweel must match");
    ui.checkbox(&mut fold.match_hamza, "Hamza")
        .on_hover_text("أ إ آ ٱ and ا must match");
    ui.checkbox(&mut fold.match_ya_ta, "Ya/ta")
        .on_hover_text("ى and ي, ة and ه must match");
    ui.checkbox(&mut fold.match_digits, "Digits")
        .on_hover_text("Arabic-Indic and ASCII digits must match");
    ui.checkbox(&mut fold.match_case, "Case")
        .on_hover_text("Upper and lower case must match");
    ui.checkbox(&mut options.whole_word, "Whole word")
        .on_hover_text("Only hits that are whole words (not المجلس inside والمجلس)");
    ui.checkbox(&mut options.regex, "Regex")
        .on_hover_text("The query is a regular expression (matched on the folded text)");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_says_where_we_are() {
        let info = FindBarInfo {
            hits: 27,
            current: Some(2),
            ..FindBarInfo::default()
        };
        assert_eq!(count_text(&info, false), "3 of 27");
        assert_eq!(count_text(&FindBarInfo::default(), false), "No hits");
        assert_eq!(count_text(&FindBarInfo::default(), true), "");
        let error = FindBarInfo {
            error: Some("invalid regular expression: …"),
            ..info
        };
        assert_eq!(count_text(&error, false), "invalid regular expression: …");
    }
}
