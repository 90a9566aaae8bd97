//! Grapheme and word boundaries for caret movement: selection edges never split a letter from
//! its harakat. Snapping an arbitrary offset to a boundary is the model's
//! [`crate::model::text_range`] (spans and selections share it).

use std::ops::Range;

use unicode_properties::{EmojiStatus, UnicodeEmoji};
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// The grapheme boundary before `offset` (0 at the start).
pub fn prev_grapheme(text: &str, offset: usize) -> usize {
    let mut cursor = GraphemeCursor::new(offset.min(text.len()), text.len(), true);
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

/// The grapheme boundary after `offset` (`text.len()` at the end).
pub fn next_grapheme(text: &str, offset: usize) -> usize {
    let mut cursor = GraphemeCursor::new(offset.min(text.len()), text.len(), true);
    cursor
        .next_boundary(text, 0)
        .ok()
        .flatten()
        .unwrap_or(text.len())
}

/// All grapheme boundaries of `text`, including 0 and `text.len()`.
pub fn grapheme_boundaries(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.grapheme_indices(true).map(|(i, _)| i).collect();
    out.push(text.len());
    out
}

/// The word (Unicode word boundaries) containing `offset`; a run of spaces or a punctuation mark
/// is its own "word". An offset at the very end selects the last word.
pub fn word_at(text: &str, offset: usize) -> Range<usize> {
    let offset = offset.min(text.len());
    let mut last = 0..0;
    for (start, word) in text.split_word_bound_indices() {
        let range = start..start + word.len();
        if range.contains(&offset) {
            return range;
        }
        last = range;
    }
    last
}

/// Is this piece of text (one segment of Unicode word boundaries) a word the caret stops at: it
/// holds a letter or digit, or it is an emoji (a flag, a skin-toned or ZWJ sequence, a pictograph
/// drawn as emoji). Word boundaries already make each emoji a segment of its own.
pub fn is_word(segment: &str) -> bool {
    segment.chars().any(char::is_alphanumeric) || is_emoji(segment)
}

/// Is `segment` drawn as an emoji: a character with emoji presentation (including regional
/// indicators and skin-tone modifiers), or any character asked for as emoji with U+FE0F.
pub fn is_emoji(segment: &str) -> bool {
    segment.chars().any(|c| {
        c == '\u{FE0F}'
            || matches!(
                c.emoji_status(),
                EmojiStatus::EmojiPresentation
                    | EmojiStatus::EmojiPresentationAndModifierBase
                    | EmojiStatus::EmojiPresentationAndEmojiComponent
                    | EmojiStatus::EmojiPresentationAndModifierAndEmojiComponent
            )
    })
}

/// The start of the word before `offset`, skipping spaces and punctuation first (Ctrl+Left). An
/// emoji is a word of its own.
pub fn prev_word_start(text: &str, offset: usize) -> usize {
    let mut result = 0;
    for (start, word) in text.split_word_bound_indices() {
        if start >= offset {
            break;
        }
        if is_word(word) {
            result = start;
        }
    }
    result
}

/// The end of the word after `offset`, skipping spaces and punctuation first (Ctrl+Right). An
/// emoji is a word of its own.
pub fn next_word_end(text: &str, offset: usize) -> usize {
    for (start, word) in text.split_word_bound_indices() {
        let end = start + word.len();
        if end > offset && is_word(word) {
            return end;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text_range::{is_grapheme_boundary, prev_grapheme_boundary};

    #[test]
    fn harakat_stay_with_their_letter() {
        let text = "أيضًا";
        let boundaries = grapheme_boundaries(text);
        // أ ي ضً ا : four graphemes, the tanween is not a boundary.
        assert_eq!(boundaries.len(), 5);
        let dad = text.find('ض').expect("dad");
        let tanween = dad + 'ض'.len_utf8();
        assert!(!is_grapheme_boundary(text, tanween));
        assert_eq!(prev_grapheme_boundary(text, tanween), dad);
        assert_eq!(next_grapheme(text, dad), tanween + 'ً'.len_utf8());
    }

    #[test]
    fn word_at_finds_the_arabic_word() {
        let text = "وقال المجلس العسكري";
        let inside = text.find("المجلس").expect("word") + 4;
        assert_eq!(&text[word_at(text, inside)], "المجلس");
        assert_eq!(&text[word_at(text, text.len())], "العسكري");
    }

    #[test]
    fn word_motion_skips_spaces() {
        let text = "قال المجلس، أمس";
        let after_council = text.find('،').expect("comma");
        assert_eq!(next_word_end(text, 0), "قال".len());
        assert_eq!(
            prev_word_start(text, after_council),
            text.find("المجلس").expect("w")
        );
    }

    #[test]
    fn an_emoji_is_a_word_of_its_own() {
        // A flag, a skin-toned thumb, fire glued to a word, a family (ZWJ sequence), a heart
        // asked for as emoji.
        let text = "قال 🇳🇪 المجلس 👍🏽 نار🔥 و👨\u{200D}👩\u{200D}👧 ❤\u{FE0F} أمس";
        let mut stops = vec![0];
        while let Some(&at) = stops.last().filter(|&&at| at < text.len()) {
            stops.push(next_word_end(text, at));
        }
        let words: Vec<&str> = stops.windows(2).map(|w| text[w[0]..w[1]].trim()).collect();
        assert_eq!(
            words,
            [
                "قال",
                "🇳🇪",
                "المجلس",
                "👍🏽",
                "نار",
                "🔥",
                "و",
                "👨\u{200D}👩\u{200D}👧",
                "❤\u{FE0F}",
                "أمس"
            ]
        );
        // Ctrl+Shift+Left from the end of المجلس's neighbour stops at the emoji, not past it.
        let thumb = text.find('👍').expect("thumb");
        let after_thumb = thumb + "👍🏽".len();
        assert_eq!(
            next_word_end(text, text.find("المجلس").expect("w") + 2),
            thumb - 1
        );
        assert_eq!(prev_word_start(text, after_thumb), thumb);
        assert_eq!(
            prev_word_start(text, text.find("نار").expect("fire")),
            thumb
        );
        assert_eq!(&text[word_at(text, thumb + 1)], "👍🏽");
        // Keycap bases and symbols that are only emoji when asked are not words by themselves.
        assert!(!is_word("#") && !is_word("©") && !is_word(" "));
        assert!(is_word("2023") && is_word("🇳🇪"));
    }
}
