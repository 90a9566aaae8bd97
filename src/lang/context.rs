//! Keyword in context: the few words around a hit that a results list shows with it.

use std::ops::Range;

use crate::lang::tokenize::is_separator;

/// How many words are shown on each side of a hit by default.
pub const CONTEXT_WORDS: usize = 5;

/// The most characters (code points) of context on one side, so text without spaces (a URL, a
/// table flattened to one line) does not make a line of results as long as the article.
pub const MAX_CONTEXT_CHARS: usize = 80;

/// The text around a hit, as byte ranges of the original text: `before` ends where the hit
/// starts, `after` starts where it ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    /// Up to the chosen number of words before the hit (with the part of its word before it).
    pub before: Range<usize>,
    /// Up to the chosen number of words after the hit (with the rest of its word).
    pub after: Range<usize>,
}

impl Context {
    /// The pieces `(before, hit, after)` of `text` (empty strings for ranges outside it).
    pub fn pieces<'a>(&self, text: &'a str, hit: &Range<usize>) -> [&'a str; 3] {
        [&self.before, hit, &self.after].map(|r| text.get(r.clone()).unwrap_or_default())
    }
}

/// Whether `c` breaks a paragraph or line: context never crosses one.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{000B}' | '\u{000C}' | '\u{0085}' | '\u{2028}' | '\u{2029}'
    )
}

/// The context of `hit` in `text`: up to `words` whitespace-separated words on each side (the
/// rest of a word the hit is cut from does not count as one), cut at line and paragraph breaks and
/// after [`MAX_CONTEXT_CHARS`] characters, without the whitespace at its outer ends.
pub fn context(text: &str, hit: &Range<usize>, words: usize) -> Context {
    let before_text = text.get(..hit.start).unwrap_or_default();
    let start = reach(before_text.char_indices().rev(), words).unwrap_or(hit.start);
    let skipped = text
        .get(start..hit.start)
        .unwrap_or_default()
        .find(|c| !is_separator(c))
        .unwrap_or(hit.start - start);
    let before = start + skipped..hit.start;

    let after_text = text.get(hit.end..).unwrap_or_default();
    let end = reach(
        after_text
            .char_indices()
            .map(|(i, c)| (hit.end + i + c.len_utf8(), c)),
        words,
    )
    .unwrap_or(hit.end);
    let kept = text
        .get(hit.end..end)
        .unwrap_or_default()
        .trim_end_matches(is_separator)
        .len();
    Context {
        before,
        after: hit.end..hit.end + kept,
    }
}

/// Walks `chars` away from a hit (each with the offset the context reaches once it is taken),
/// over at most `words` words: stops at a line break, after [`MAX_CONTEXT_CHARS`] characters, or
/// at the separator gap after the last word. Returns the furthest offset taken (`None`: nothing).
fn reach(chars: impl Iterator<Item = (usize, char)>, words: usize) -> Option<usize> {
    let mut reached = None;
    let mut gaps = 0;
    let mut in_gap = false;
    for (taken, (offset, c)) in chars.enumerate() {
        if is_line_break(c) || taken == MAX_CONTEXT_CHARS {
            break;
        }
        if is_separator(c) {
            if !in_gap {
                gaps += 1;
            }
            in_gap = true;
            if gaps > words {
                break;
            }
        } else {
            in_gap = false;
        }
        reached = Some(offset);
    }
    reached
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, hit: &str, words: usize) -> [String; 3] {
        let start = text.find(hit).expect("hit");
        let range = start..start + hit.len();
        context(text, &range, words)
            .pieces(text, &range)
            .map(str::to_owned)
    }

    #[test]
    fn words_around_a_hit() {
        let text = "أ ب ت ث قال الوزير إن الوفد وصل إلى العاصمة";
        assert_eq!(
            pieces(text, "الوزير", 3),
            ["ت ث قال ", "الوزير", " إن الوفد وصل"]
        );
        assert_eq!(pieces(text, "أ", 2), ["", "أ", " ب ت"]);
        assert_eq!(pieces(text, "العاصمة", 1), ["إلى ", "العاصمة", ""]);
    }

    #[test]
    fn the_rest_of_the_hit_word_is_shown_and_not_counted() {
        let text = "قال رئيس والمجلسُ العسكري أمس";
        assert_eq!(pieces(text, "المجلس", 1), ["رئيس و", "المجلس", "ُ العسكري"]);
    }

    #[test]
    fn context_stops_at_paragraph_breaks() {
        let text = "الفقرة الأولى.\n\nقال الوزير\nثم";
        assert_eq!(pieces(text, "قال", 5), ["", "قال", " الوزير"]);
        let text = "سطر\u{2029}قال";
        assert_eq!(pieces(text, "قال", 5), ["", "قال", ""]);
    }

    #[test]
    fn text_without_spaces_is_cut() {
        let long = "ب".repeat(500);
        let text = format!("{long}قال{long}");
        let [before, _, after] = pieces(&text, "قال", 5);
        assert_eq!(before.chars().count(), MAX_CONTEXT_CHARS);
        assert_eq!(after.chars().count(), MAX_CONTEXT_CHARS);
    }
}
