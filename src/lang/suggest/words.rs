//! The words of a text as the suggesters see them: the project's tokens, each folded (the default
//! Arabic folding), with the sentence and paragraph each belongs to.

use std::ops::Range;

use crate::lang::fold::{FoldOptions, fold};
use crate::lang::tokenize::{Token, sentences, tokenize};

/// The tokens of a text with their folded forms and where their sentence ends.
pub struct Words<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens (byte ranges, on grapheme boundaries).
    pub tokens: Vec<Token>,
    /// Each token folded (harakat and tatweel removed, hamza and ya/ta merged, lower case).
    pub folded: Vec<String>,
    /// For each token, the index one past the last token of its sentence.
    pub sentence_end: Vec<usize>,
    /// For each token, the index of the first token of its sentence.
    pub sentence_start: Vec<usize>,
}

impl<'a> Words<'a> {
    /// Tokenizes, folds and splits `text` into sentences (every line break ends a sentence, so a
    /// sentence never crosses a paragraph break).
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let folded = tokens
            .iter()
            .map(|t| {
                fold(
                    text.get(t.range()).unwrap_or_default(),
                    FoldOptions::default(),
                )
            })
            .collect();
        let mut sentence_end = vec![0; tokens.len()];
        let mut sentence_start = vec![0; tokens.len()];
        for sentence in sentences(text, &tokens) {
            for i in sentence.clone() {
                if let (Some(end), Some(start)) =
                    (sentence_end.get_mut(i), sentence_start.get_mut(i))
                {
                    *end = sentence.end;
                    *start = sentence.start;
                }
            }
        }
        Self {
            text,
            tokens,
            folded,
            sentence_end,
            sentence_start,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there is no token.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The folded form of token `i` (empty past the end).
    pub fn word(&self, i: usize) -> &str {
        self.folded.get(i).map_or("", String::as_str)
    }

    /// Whether token `i` holds a letter or digit (not only punctuation or symbols).
    pub fn is_word(&self, i: usize) -> bool {
        self.word(i).chars().any(char::is_alphanumeric)
    }

    /// The byte range from the start of token `first` to the end of token `last - 1`, with
    /// punctuation tokens (and quotation marks) at both edges left out; `None` when nothing is left.
    pub fn trimmed_range(&self, first: usize, last: usize) -> Option<Range<usize>> {
        let mut first = first;
        let mut last = last.min(self.len());
        while first < last && is_edge_punctuation(self.word(first)) {
            first += 1;
        }
        while last > first && is_edge_punctuation(self.word(last - 1)) {
            last -= 1;
        }
        if first >= last {
            return None;
        }
        let start = self.tokens.get(first)?.start;
        let end = self.tokens.get(last - 1)?.end;
        Some(start..end)
    }
}

/// Whether a token is punctuation left out at the edges of a suggestion: full stops, commas,
/// colons, quotation marks, dashes. Brackets and the percent signs stay (`(JNA)`, `18٪`).
pub fn is_edge_punctuation(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| {
            (c.is_ascii_punctuation() && !matches!(c, '%' | '(' | ')' | '[' | ']'))
                || matches!(
                    c,
                    '،' | '؛'
                        | '؟'
                        | '…'
                        | '“'
                        | '”'
                        | '«'
                        | '»'
                        | '‘'
                        | '’'
                        | '„'
                        | '–'
                        | '—'
                        | '۔'
                )
        })
}

/// The forms of a folded word with its clitic prefixes peeled off, longest first: the word itself,
/// then without و / ف, without ب / ل / ك, and without the article ال (or the لل of ل + ال), in
/// every order-respecting combination; each form keeps at least two letters. All forms are
/// suffixes of `word`, so none is allocated.
pub fn clitic_forms(word: &str) -> Vec<&str> {
    let mut forms: Vec<&str> = vec![word];
    let peel = |forms: &mut Vec<&str>, strip: &dyn Fn(&str) -> Option<usize>| {
        let found: Vec<&str> = forms
            .iter()
            .filter_map(|w| strip(w).and_then(|n| w.get(n..)))
            .filter(|rest| long_enough(rest))
            .collect();
        for rest in found {
            if !forms.contains(&rest) {
                forms.push(rest);
            }
        }
    };
    let prefix_len = |w: &str, prefixes: &[&str]| {
        prefixes
            .iter()
            .find(|p| w.starts_with(**p))
            .map(|p| p.len())
    };
    peel(&mut forms, &|w| prefix_len(w, &["و", "ف"]));
    // لل is ل + ال (the article's alef dropped): peeled whole, before the single prepositions.
    peel(&mut forms, &|w| prefix_len(w, &["لل"]));
    peel(&mut forms, &|w| prefix_len(w, &["ب", "ل", "ك"]));
    peel(&mut forms, &|w| prefix_len(w, &["ال"]));
    forms
}

fn long_enough(rest: &str) -> bool {
    rest.chars().count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_forms_peel_conjunction_preposition_and_article() {
        assert_eq!(clitic_forms("والوزير"), vec!["والوزير", "الوزير", "وزير"]);
        assert!(clitic_forms("للامم").contains(&"امم"));
        assert!(clitic_forms("لوزاره").contains(&"وزاره"));
        assert!(clitic_forms("بالوزاره").contains(&"وزاره"));
        assert_eq!(clitic_forms("في"), vec!["في"]);
    }

    #[test]
    fn trimmed_range_leaves_out_edge_punctuation() {
        let words = Words::new("« قال الوزير، »");
        let range = words.trimmed_range(0, words.len());
        assert_eq!(range.map(|r| &words.text[r]), Some("قال الوزير"));
    }
}
