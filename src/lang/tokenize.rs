//! Tokens and sentences of Arabic (and mixed) text, for token-based exports (CoNLL, spaCy) and
//! whole-word search.
//!
//! Offsets are UTF-8 byte offsets into the text, like the model's.
//!
//! Tokens follow Unicode word boundaries (UAX #29), with these rules on top:
//! - whitespace (and the zero-width space) separates tokens and is never inside one;
//! - a token boundary is always a grapheme-cluster boundary (harakat, shadda, tatweel, ZWNJ, emoji
//!   modifiers stay with their letter or emoji), except that whitespace always ends a token even
//!   when a stray combining mark follows it;
//! - `.`, `:`, `'` and the like between Arabic letters separate tokens (`انتهى.بدأ` is three tokens;
//!   UAX #29 keeps `U.S` and `e.g` whole only for the sake of Latin abbreviations);
//! - URLs (`https://…`, `www.…`) and e-mail addresses are one token each;
//! - a token made only of invisible format characters (a stray bidi mark) is no token.
//!
//! Arabic punctuation (، ؛ ؟ ٪ « » …) and brackets are tokens of their own; numbers such as `1.2`,
//! `1,000` or `١٫٥` stay whole.

mod links;
mod sentences;

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

pub use sentences::{keep_together, sentences};

/// One token: a byte range of the text with no whitespace in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

impl Token {
    /// The byte range.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// Whether `c` separates tokens and belongs to none: whitespace and the zero-width space.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == '\u{200B}'
}

/// Whether `c` is an invisible format character (bidi marks and controls, joiners, word joiner,
/// byte-order mark, soft hyphen): kept inside a token, but never a token on its own.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// Whether `c` is a letter (or mark) of the Arabic script.
fn is_arabic_letter(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
    ) && c.is_alphabetic()
}

/// Punctuation that UAX #29 keeps inside a word between two letters (`U.S`, `c:a`, `don't`); it
/// separates tokens when an Arabic letter is on either side.
fn is_mid_letter(c: char) -> bool {
    matches!(
        c,
        '.' | ':' | '\'' | '·' | '\u{2018}' | '\u{2019}' | '\u{2024}' | '\u{2027}' | '\u{FE52}'
    )
}

/// The tokens of `text`, in order, not overlapping, none containing whitespace (see the module
/// documentation for the rules).
pub fn tokenize(text: &str) -> Vec<Token> {
    let breaks = break_points(text);
    let mut tokens = Vec::new();
    let mut current: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_separator(c) {
            if let Some(start) = current.take() {
                tokens.push(Token { start, end: i });
            }
        } else if let Some(start) = current {
            if breaks.get(i).copied().unwrap_or(false) {
                tokens.push(Token { start, end: i });
                current = Some(i);
            }
        } else {
            current = Some(i);
        }
    }
    if let Some(start) = current {
        tokens.push(Token {
            start,
            end: text.len(),
        });
    }
    tokens.retain(|t| !text[t.range()].chars().all(is_invisible));
    links::merge_links(text, tokens)
}

/// For every byte offset of `text`, whether a token may end there: a word boundary (UAX #29, or
/// around punctuation between Arabic letters) that is also a grapheme-cluster boundary.
fn break_points(text: &str) -> Vec<bool> {
    let mut word = vec![false; text.len() + 1];
    for (i, _) in text.split_word_bound_indices() {
        word[i] = true;
    }
    let mut before: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after = chars.peek().map(|&(_, a)| a);
        if is_mid_letter(c)
            && (before.is_some_and(is_arabic_letter) || after.is_some_and(is_arabic_letter))
        {
            for edge in [i, i + c.len_utf8()] {
                if let Some(w) = word.get_mut(edge) {
                    *w = true;
                }
            }
        }
        before = Some(c);
    }
    let mut grapheme = vec![false; text.len() + 1];
    for (i, _) in text.grapheme_indices(true) {
        grapheme[i] = true;
    }
    for (w, g) in word.iter_mut().zip(grapheme) {
        *w = *w && g;
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|t| &text[t.range()])
            .collect()
    }

    #[test]
    fn arabic_punctuation_is_separate() {
        assert_eq!(
            words("قال، ثم سأل؛ هل جاء؟ نعم"),
            ["قال", "،", "ثم", "سأل", "؛", "هل", "جاء", "؟", "نعم"]
        );
        assert_eq!(
            words("«الوفد» (في القاهرة) [هنا] \"نص\""),
            [
                "«",
                "الوفد",
                "»",
                "(",
                "في",
                "القاهرة",
                ")",
                "[",
                "هنا",
                "]",
                "\"",
                "نص",
                "\""
            ]
        );
        assert_eq!(words("قال: «لا»."), ["قال", ":", "«", "لا", "»", "."]);
    }

    #[test]
    fn numbers_stay_whole_and_percent_is_separate() {
        assert_eq!(
            words("25٪ من 1.2 مليون و1,000 و١٫٥ و٣٠٪"),
            [
                "25",
                "٪",
                "من",
                "1.2",
                "مليون",
                "و1,000",
                "و١٫٥",
                "و٣٠",
                "٪"
            ]
        );
        assert_eq!(words("(نحو 1.2 مليون)"), ["(", "نحو", "1.2", "مليون", ")"]);
        assert_eq!(words("25%"), ["25", "%"]);
    }

    #[test]
    fn latin_inside_arabic() {
        assert_eq!(
            words("وكالة Reuters أنّ CNSP-RTN"),
            ["وكالة", "Reuters", "أنّ", "CNSP", "-", "RTN"]
        );
    }

    #[test]
    fn harakat_lam_alef_tatweel_and_zwnj_stay_in_the_word() {
        // NFC and NFD forms of a vowelled word, shadda, tanween, dagger alef, tatweel.
        for word in [
            "المتحدثُ",
            "إنّ",
            "\u{0627}\u{0655}\u{0646}\u{0651}",
            "أيضًا",
            "الوفدَ",
            "لا",
            "ﻻ",
            "هٰذا",
            "كـــبير",
            "می\u{200C}خواهم",
            "آمنة",
            "\u{0627}\u{0653}\u{0645}\u{0646}\u{0629}",
        ] {
            assert_eq!(words(word), [word], "{word:?}");
            let sentence = format!("قال {word}، ثم");
            assert_eq!(words(&sentence), ["قال", word, "،", "ثم"], "{word:?}");
        }
    }

    #[test]
    fn punctuation_between_arabic_letters_separates() {
        assert_eq!(words("انتهى.بدأ"), ["انتهى", ".", "بدأ"]);
        assert_eq!(words("قال:نعم"), ["قال", ":", "نعم"]);
        assert_eq!(words("U.S e.g"), ["U.S", "e.g"]);
    }

    #[test]
    fn emoji_are_whole_tokens() {
        assert_eq!(words("👍🏽 وأكّد"), ["👍🏽", "وأكّد"]);
        assert_eq!(words("😀😀قال"), ["😀", "😀", "قال"]);
        assert_eq!(words("👩‍👩‍👧 🇳🇪"), ["👩‍👩‍👧", "🇳🇪"]);
    }

    #[test]
    fn whitespace_is_never_in_a_token() {
        assert!(words(" \t\n\u{00A0}\u{2003}\u{200B} ").is_empty());
        assert_eq!(words("قال\u{00A0}الوزير"), ["قال", "الوزير"]);
        // A stray haraka after a space (one grapheme cluster with it): the space still separates,
        // and the mark, cut off from any letter, is a token of its own.
        assert_eq!(words("قال \u{064E}نعم"), ["قال", "\u{064E}", "نعم"]);
        // A bidi mark alone is no token; inside a word it stays.
        assert_eq!(words("قال \u{200F} نعم\u{200F}"), ["قال", "نعم\u{200F}"]);
        assert!(words("").is_empty());
    }

    #[test]
    fn urls_and_emails_are_one_token() {
        assert_eq!(
            words("انظر https://example.com/a/b?x=1&y=2، ثم"),
            ["انظر", "https://example.com/a/b?x=1&y=2", "،", "ثم"]
        );
        assert_eq!(
            words("(www.aljazeera.net/news)."),
            ["(", "www.aljazeera.net/news", ")", "."]
        );
        assert_eq!(
            words("راسلونا: info.desk@example.org؟"),
            ["راسلونا", ":", "info.desk@example.org", "؟"]
        );
        assert_eq!(
            words("https://ar.wikipedia.org/wiki/النيجر"),
            ["https://ar.wikipedia.org/wiki/النيجر"]
        );
        assert_eq!(words("قال @ الساعة"), ["قال", "@", "الساعة"]);
    }
}
