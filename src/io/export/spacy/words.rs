//! spaCy's view of a text: words with a trailing-space flag that rebuild the text exactly, and
//! spans as word ranges.
//!
//! A single `' '` after a word is that word's trailing space; any other whitespace (line breaks,
//! runs of spaces, leading whitespace) becomes a whitespace word, as spaCy's own tokenizer makes
//! it. A span edge that falls inside such whitespace splits it, so every span edge that is not
//! inside a word of the tokenizer lands exactly on a word edge; with `split`, an edge inside a
//! word of the tokenizer splits that word too (`و` + `المجلس`, the first without a trailing
//! space), so every span edge lands on a word edge.

use std::ops::Range;

use crate::io::export::token_split::SplitTokens;
use crate::lang::tokenize::{Token, sentences, tokenize};

/// One spaCy word: a byte range of the text (never empty) and whether one space follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// Start byte offset.
    pub(crate) start: usize,
    /// End byte offset (exclusive).
    pub(crate) end: usize,
    /// Whether the byte after the word is a space that belongs to it (spaCy's `whitespace_`).
    pub(crate) space: bool,
}

/// The words of a text and which of them start a sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Words {
    /// The words, in order; with their trailing spaces they cover the text exactly.
    pub(crate) words: Vec<Word>,
    /// For each word, whether it starts a sentence (the first word always does).
    pub(crate) sent_starts: Vec<bool>,
}

/// Where a span lands among the words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    /// Words `range` cover exactly the span.
    Exact(Range<usize>),
    /// Words `range` cover the span and more: an edge fell inside a word.
    Widened(Range<usize>),
    /// No word lies inside the span.
    NoWord,
}

impl Words {
    /// The words of `text`: the tokenizer's tokens plus whitespace words, with whitespace split
    /// at the span `starts` and `ends` (byte offsets, any order) that fall inside it.
    /// With `split`, a span edge inside a token splits it too (see
    /// [`crate::io::export::TokenEdges::Split`]), so every span is whole words.
    pub(crate) fn new(text: &str, starts: &[usize], ends: &[usize], split: bool) -> Self {
        let original = valid_tokens(text, tokenize(text));
        let original_sentences = sentences(text, &original);
        let (tokens, sentence_ranges) = if split {
            let pieces = SplitTokens::new(text, &original, &[starts, ends].concat());
            let carried = pieces.carry(&original_sentences);
            (pieces.tokens, carried)
        } else {
            (original, original_sentences)
        };
        let sorted = |edges: &[usize]| {
            let mut edges = edges.to_vec();
            edges.sort_unstable();
            edges.dedup();
            edges
        };
        let mut builder = Builder {
            text,
            starts: sorted(starts),
            ends: sorted(ends),
            edges: sorted(&[starts, ends].concat()),
            words: Vec::with_capacity(tokens.len() + 8),
        };
        let mut token_word = Vec::with_capacity(tokens.len());
        let mut cursor = 0;
        for token in &tokens {
            builder.gap(cursor, token.start);
            token_word.push(builder.words.len());
            builder.words.push(Word {
                start: token.start,
                end: token.end,
                space: false,
            });
            cursor = token.end;
        }
        builder.gap(cursor, text.len());

        let words = builder.words;
        let mut sent_starts = vec![false; words.len()];
        if let Some(first) = sent_starts.first_mut() {
            *first = true;
        }
        for sentence in sentence_ranges.iter().skip(1) {
            let word = token_word.get(sentence.start).copied();
            if let Some(flag) = word.and_then(|w| sent_starts.get_mut(w)) {
                *flag = true;
            }
        }
        Self { words, sent_starts }
    }

    /// Where the byte range `span` lands among the words.
    pub(crate) fn place(&self, span: Range<usize>) -> Placement {
        let first = self.words.partition_point(|w| w.end <= span.start);
        let end = self.words.partition_point(|w| w.start < span.end);
        if first >= end {
            return Placement::NoWord;
        }
        let covered = self.words.get(first).map_or(0, |w| w.start)
            ..self.words.get(end - 1).map_or(0, |w| w.end);
        if covered == span {
            Placement::Exact(first..end)
        } else {
            Placement::Widened(first..end)
        }
    }
}

/// The tokens that are usable as words: non-empty, in order, not overlapping, on character
/// boundaries inside the text (the tokenizer promises this; a bad token is skipped, not trusted).
fn valid_tokens(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut cursor = 0;
    tokens
        .into_iter()
        .filter(|t| {
            let ok = cursor <= t.start
                && t.start < t.end
                && t.end <= text.len()
                && text.is_char_boundary(t.start)
                && text.is_char_boundary(t.end);
            if ok {
                cursor = t.end;
            }
            ok
        })
        .collect()
}

/// Builds the words between tokens.
struct Builder<'a> {
    text: &'a str,
    /// Span starts, sorted, without repeats.
    starts: Vec<usize>,
    /// Span ends, sorted, without repeats.
    ends: Vec<usize>,
    /// Both, sorted, without repeats.
    edges: Vec<usize>,
    words: Vec<Word>,
}

impl Builder<'_> {
    /// Turns the text between the words so far and the next token, `from..to`, into a trailing
    /// space and whitespace words.
    fn gap(&mut self, mut from: usize, to: usize) {
        if from >= to {
            return;
        }
        // A single space after a word is its trailing space, unless a span starts on that space
        // or ends right after it (then the space must be a word of its own).
        let space_edge = self.starts.binary_search(&from).is_ok()
            || self.ends.binary_search(&(from + 1)).is_ok();
        if let Some(last) = self.words.last_mut()
            && last.end == from
            && self.text.as_bytes().get(from) == Some(&b' ')
            && !space_edge
        {
            last.space = true;
            from += 1;
        }
        let inside =
            self.edges.partition_point(|&at| at <= from)..self.edges.partition_point(|&at| at < to);
        let cuts = self.edges.get(inside).unwrap_or_default().iter().copied();
        for cut in cuts
            .filter(|&at| self.text.is_char_boundary(at))
            .chain([to])
        {
            if from < cut {
                self.words.push(Word {
                    start: from,
                    end: cut,
                    space: false,
                });
                from = cut;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(word, trailing space)` of every word.
    fn words_of(text: &str, starts: &[usize], ends: &[usize]) -> Vec<(String, bool)> {
        Words::new(text, starts, ends, false)
            .words
            .iter()
            .map(|w| (text[w.start..w.end].to_owned(), w.space))
            .collect()
    }

    fn rebuilt(words: &[(String, bool)]) -> String {
        words
            .iter()
            .map(|(w, space)| if *space { format!("{w} ") } else { w.clone() })
            .collect()
    }

    fn owned(words: &[(&str, bool)]) -> Vec<(String, bool)> {
        words.iter().map(|(w, s)| ((*w).to_owned(), *s)).collect()
    }

    #[test]
    fn whitespace_other_than_one_space_becomes_words() {
        // As spaCy 3.8.18's own tokenizer splits it (checked with `spacy.blank("ar")(text)`).
        let text = "  قال  الوزير\nذلك \t";
        let words = words_of(text, &[], &[]);
        assert_eq!(
            words,
            owned(&[
                ("  ", false),
                ("قال", true),
                (" ", false),
                ("الوزير", false),
                ("\n", false),
                ("ذلك", true),
                ("\t", false),
            ])
        );
        assert_eq!(rebuilt(&words), text);
    }

    #[test]
    fn split_cuts_words_at_span_edges_and_keeps_the_text() {
        let text = "قال والمجلس لمجموعة";
        let at = |s: &str| text.find(s).expect("in text");
        let majlis = at("المجلس")..at(" لمجموعة");
        let majmu = at("مجموعة")..text.len();
        let starts = [majlis.start, majmu.start];
        let ends = [majlis.end, majmu.end];
        let words = words_of_split(text, &starts, &ends);
        assert_eq!(
            words,
            owned(&[
                ("قال", true),
                ("و", false),
                ("المجلس", true),
                ("ل", false),
                ("مجموعة", false),
            ])
        );
        assert_eq!(rebuilt(&words), text);
        let split = Words::new(text, &starts, &ends, true);
        assert_eq!(split.place(majlis), Placement::Exact(2..3));
        assert_eq!(split.place(majmu), Placement::Exact(4..5));
        // Without splitting, the same spans are widened to the whole words.
        let whole = Words::new(text, &starts, &ends, false);
        assert_eq!(
            whole.place(at("المجلس")..at(" لمجموعة")),
            Placement::Widened(1..2)
        );
    }

    fn words_of_split(text: &str, starts: &[usize], ends: &[usize]) -> Vec<(String, bool)> {
        Words::new(text, starts, ends, true)
            .words
            .iter()
            .map(|w| (text[w.start..w.end].to_owned(), w.space))
            .collect()
    }

    #[test]
    fn an_empty_text_has_no_words() {
        assert_eq!(Words::new("", &[], &[], false), Words::default());
    }

    #[test]
    fn span_edges_on_whitespace_split_it() {
        let text = "قال  الوزير";
        let gap = "قال".len();
        // A span starting on the space after قال: the space is not a trailing space.
        let words = words_of(text, &[gap], &[text.len()]);
        assert_eq!(
            words,
            owned(&[("قال", false), ("  ", false), ("الوزير", false)])
        );
        // A span starting on the second space: the first one stays قال's.
        let words = words_of(text, &[gap + 1], &[text.len()]);
        assert_eq!(
            words,
            owned(&[("قال", true), (" ", false), ("الوزير", false)])
        );
        assert_eq!(rebuilt(&words), text);
        // A span ending after that space.
        let words = words_of(text, &[0], &[gap + 1]);
        assert_eq!(
            words,
            owned(&[
                ("قال", false),
                (" ", false),
                (" ", false),
                ("الوزير", false)
            ])
        );
        // A span ending at قال or starting at الوزير changes nothing.
        let words = words_of(text, &[gap + 2], &[gap]);
        assert_eq!(
            words,
            owned(&[("قال", true), (" ", false), ("الوزير", false)])
        );
    }

    #[test]
    fn spans_are_placed_exactly_or_widened() {
        let text = "قال الوزير: نعم";
        let words = Words::new(text, &[], &[], false);
        let at = |s: &str| text.find(s).expect("in text");
        let wazir = at("الوزير");
        assert_eq!(
            words.place(wazir..wazir + "الوزير".len()),
            Placement::Exact(1..2)
        );
        // "الوزير:" is two words, whole.
        assert_eq!(words.place(wazir..at(" نعم")), Placement::Exact(1..3));
        // "وزير" starts inside الوزير.
        let inner = at("وزير");
        assert_eq!(words.place(inner..at(":")), Placement::Widened(1..2));
        // The text from the middle of قال to the middle of الوزير.
        assert_eq!(words.place(2..inner), Placement::Widened(0..2));
    }

    #[test]
    fn a_span_of_whitespace_alone_has_a_word() {
        let text = "قال\n\nنعم";
        let start = "قال".len();
        let words = Words::new(text, &[start], &[start + 1], false);
        assert_eq!(words.place(start..start + 1), Placement::Exact(1..2));
        assert_eq!(words.words.len(), 4);
        assert_eq!(
            Words::new("قال", &[], &[], false).place(0..0),
            Placement::NoWord
        );
    }

    #[test]
    fn sentences_start_after_full_stops_and_line_breaks() {
        let text = "\nقال. نعم\nلا";
        let words = Words::new(text, &[], &[], false);
        let starts: Vec<&str> = words
            .words
            .iter()
            .zip(&words.sent_starts)
            .filter(|(_, start)| **start)
            .map(|(w, _)| &text[w.start..w.end])
            .collect();
        assert_eq!(starts, ["\n", "نعم", "لا"]);
    }
}
