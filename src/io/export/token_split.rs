//! Tokens split at span edges ([`crate::io::export::TokenEdges::Split`]): a span edge that falls
//! inside a token cuts it in two, so `والمجلس` with a span on `المجلس` becomes the tokens `و` and
//! `المجلس`, and every span is whole tokens with exactly its characters.
//!
//! Sentences are still found on the tokenizer's own tokens (splitting never moves a sentence
//! boundary) and then carried over to the pieces.

use std::ops::Range;

use crate::lang::tokenize::Token;

/// Tokens after splitting, and where each of the tokenizer's tokens went.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SplitTokens {
    /// The pieces, in order; together they cover exactly the characters of the original tokens.
    pub(crate) tokens: Vec<Token>,
    /// For each original token `k`, the index of its first piece; one more entry at the end
    /// (the number of pieces), so the pieces of token `k` are `first_piece[k]..first_piece[k + 1]`.
    first_piece: Vec<usize>,
    /// Whether any token was split.
    pub(crate) any_split: bool,
}

impl SplitTokens {
    /// Splits each of `tokens` of `text` at every offset of `edges` (byte offsets, any order) that
    /// falls strictly inside it on a character boundary.
    pub(crate) fn new(text: &str, tokens: &[Token], edges: &[usize]) -> Self {
        let mut edges = edges.to_vec();
        edges.sort_unstable();
        edges.dedup();
        let mut pieces = Vec::with_capacity(tokens.len() + edges.len());
        let mut first_piece = Vec::with_capacity(tokens.len() + 1);
        let mut any_split = false;
        for token in tokens {
            first_piece.push(pieces.len());
            let inside = edges.partition_point(|&at| at <= token.start)
                ..edges.partition_point(|&at| at < token.end);
            let mut start = token.start;
            for &cut in edges.get(inside).unwrap_or_default() {
                if text.is_char_boundary(cut) && start < cut {
                    pieces.push(Token { start, end: cut });
                    start = cut;
                    any_split = true;
                }
            }
            pieces.push(Token {
                start,
                end: token.end,
            });
        }
        first_piece.push(pieces.len());
        Self {
            tokens: pieces,
            first_piece,
            any_split,
        }
    }

    /// Ranges of original tokens (sentences) as ranges of pieces.
    pub(crate) fn carry(&self, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
        let piece = |k: usize| {
            self.first_piece
                .get(k)
                .copied()
                .unwrap_or(self.tokens.len())
        };
        ranges
            .iter()
            .map(|r| piece(r.start)..piece(r.end))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tokenize::{sentences, tokenize};

    fn pieces(text: &str, edges: &[usize]) -> Vec<String> {
        SplitTokens::new(text, &tokenize(text), edges)
            .tokens
            .iter()
            .map(|t| text[t.range()].to_owned())
            .collect()
    }

    #[test]
    fn an_edge_inside_a_token_splits_it_and_others_change_nothing() {
        let text = "قال والمجلس لمجموعة.";
        let wa = text.find("والمجلس").expect("in text");
        // After the clitic و, and the end of the text (a token edge: nothing to split).
        assert_eq!(
            pieces(text, &[wa + "و".len(), text.len()]),
            ["قال", "و", "المجلس", "لمجموعة", "."]
        );
        // Two edges inside one token, in any order, repeated.
        let lam = text.find("لمجموعة").expect("in text");
        let cut = lam + "ل".len();
        let end = lam + "لمجموع".len();
        assert_eq!(
            pieces(text, &[end, cut, cut]),
            ["قال", "والمجلس", "ل", "مجموع", "ة", "."]
        );
        let none = SplitTokens::new(text, &tokenize(text), &[0, 3, wa]);
        assert!(!none.any_split);
        assert_eq!(none.tokens, tokenize(text));
    }

    #[test]
    fn sentences_are_carried_to_the_pieces() {
        let text = "قال والمجلس. نعم";
        let tokens = tokenize(text);
        let sents = sentences(text, &tokens);
        assert_eq!(sents, [0..3, 3..4]);
        let split = SplitTokens::new(text, &tokens, &[text.find("المجلس").expect("in text")]);
        assert_eq!(split.carry(&sents), [0..4, 4..5]);
    }
}
