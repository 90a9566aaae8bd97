//! Tokens and sentences of Arabic (and mixed) text, for token-based exports (CoNLL, spaCy).
//!
//! Offsets are UTF-8 byte offsets into the text, like the model's.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

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

/// The tokens of `text`, in order, by Unicode word boundaries (whitespace is not a token).
pub fn tokenize(text: &str) -> Vec<Token> {
    text.split_word_bound_indices()
        .filter(|(_, word)| !word.chars().all(char::is_whitespace))
        .map(|(start, word)| Token {
            start,
            end: start + word.len(),
        })
        .collect()
}

/// Splits `tokens` of `text` into sentences: ranges of token indices, in order, covering every
/// token. A sentence ends after `.`, `!`, `?`, `؟` or `…`, and at every line break.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for (i, token) in tokens.iter().enumerate() {
        let word = &text[token.range()];
        let next_start = tokens.get(i + 1).map_or(text.len(), |t| t.start);
        let gap = &text[token.end..next_start];
        let ends = matches!(word, "." | "!" | "?" | "؟" | "…") || gap.contains('\n');
        if ends || i + 1 == tokens.len() {
            out.push(first..i + 1);
            first = i + 1;
        }
    }
    out
}
