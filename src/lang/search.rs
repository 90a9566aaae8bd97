//! Finding a query in a text: on the folded text ([`crate::lang::fold`]), mapped back to the
//! original's byte ranges.
//!
//! A [`Query`] is built once from what the user typed and [`SearchOptions`]:
//! - **plain** (the default): the folded query is found as a substring of the folded text, so
//!   المجلس is found inside والمجلس;
//! - **regex**: the pattern (folded like the text, except that its case is kept and matched
//!   case-insensitively instead, so `\D` stays `\D`) runs over the folded text with the `regex`
//!   crate, whose matching is linear in the text on every pattern (no exponential backtracking);
//! - **whole word** (with either): a hit counts only when it starts where a token of
//!   [`crate::lang::tokenize`] starts and ends where one ends. A word boundary is thus a token edge
//!   of the tokenizer the CoNLL and spaCy exports use: whitespace, punctuation (also `.` or `:`
//!   between Arabic letters), and the edges of numbers, URLs and emoji; a clitic prefix is not one
//!   (المجلس is not a whole word inside والمجلس).
//!
//! Hits are original byte ranges, in text order, not overlapping; each starts at its first matched
//! character and is extended over the harakat and tatweel after its last one
//! ([`FoldedText::original_range`]). Empty matches of a regex are skipped.

use std::ops::Range;

use regex::{Regex, RegexBuilder};
use thiserror::Error;

use crate::lang::fold::{FoldOptions, FoldedText, fold};
use crate::lang::tokenize::{is_separator, tokenize};

/// How a query matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SearchOptions {
    /// Which differences between query and text matter.
    pub fold: FoldOptions,
    /// Only hits whose both edges are token edges.
    pub whole_word: bool,
    /// The query is a regular expression (`regex` crate syntax).
    pub regex: bool,
}

/// Why a query cannot be searched for.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum QueryError {
    /// Nothing was typed.
    #[error("the query is empty: type what to search for")]
    Empty,
    /// Only harakat or tatweel were typed, and folding removes them.
    #[error(
        "the query has only harakat or tatweel, which are ignored when searching; turn on \
         'match diacritics' to search for them"
    )]
    FoldsToNothing,
    /// The regular expression does not compile; the `regex` crate's message.
    #[error("invalid regular expression: {0}")]
    InvalidRegex(String),
}

/// A query ready to run on any number of texts (cheap to share between threads).
#[derive(Clone, Debug)]
pub struct Query {
    options: SearchOptions,
    matcher: Regex,
}

impl Query {
    /// Prepares `query` under `options`.
    ///
    /// # Errors
    /// [`QueryError`] for an empty query, one that folds to nothing, or an invalid regex.
    pub fn new(query: &str, options: SearchOptions) -> Result<Self, QueryError> {
        if query.is_empty() {
            return Err(QueryError::Empty);
        }
        let pattern = if options.regex {
            // Keep the pattern's case (`\D`, `\P{Lu}`) and let the regex ignore it instead.
            fold(
                query,
                FoldOptions {
                    match_case: true,
                    ..options.fold
                },
            )
        } else {
            regex::escape(&fold(query, options.fold))
        };
        if pattern.is_empty() {
            return Err(QueryError::FoldsToNothing);
        }
        let matcher = RegexBuilder::new(&pattern)
            .case_insensitive(options.regex && !options.fold.match_case)
            .build()
            .map_err(|e| QueryError::InvalidRegex(e.to_string()))?;
        Ok(Self { options, matcher })
    }

    /// The options the query was made with (the text must be folded with `options().fold`).
    pub fn options(&self) -> SearchOptions {
        self.options
    }

    /// Every hit in `text`, as original byte ranges in text order.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        self.find_folded(&FoldedText::new(text, self.options.fold), text)
    }

    /// Every hit in `original`, already folded as `folded` with `options().fold` (an app keeps
    /// the folded text of the open document, so typing a query does not fold it again).
    pub fn find_folded(&self, folded: &FoldedText, original: &str) -> Vec<Range<usize>> {
        let mut words = WordEdges::default();
        let mut hits: Vec<Range<usize>> = Vec::new();
        for m in self.matcher.find_iter(folded.as_str()) {
            if m.is_empty() {
                continue;
            }
            let hit = folded.original_range(m.range());
            if hits.last().is_some_and(|last| hit.start < last.end) {
                continue;
            }
            if self.options.whole_word && !words.is_whole(original, &hit) {
                continue;
            }
            hits.push(hit);
        }
        hits
    }
}

/// The token edges of the whitespace-delimited chunk last looked at, so hits in the same chunk do
/// not tokenize it again (tokens never cross whitespace, so a chunk tokenizes as in the text).
#[derive(Debug, Default)]
struct WordEdges {
    chunk: Range<usize>,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl WordEdges {
    /// Whether `hit` of `text` starts at a token start and ends at a token end.
    fn is_whole(&mut self, text: &str, hit: &Range<usize>) -> bool {
        if !(self.chunk.start <= hit.start && hit.end <= self.chunk.end && !self.chunk.is_empty()) {
            self.load(text, hit);
        }
        self.starts.binary_search(&hit.start).is_ok() && self.ends.binary_search(&hit.end).is_ok()
    }

    /// Tokenizes the chunk of `text` around `hit`: from the separator before it to the one after.
    fn load(&mut self, text: &str, hit: &Range<usize>) {
        let before = text.get(..hit.start).unwrap_or_default();
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_separator(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let after = text.get(hit.end..).unwrap_or_default();
        let end = hit.end + after.find(is_separator).unwrap_or(after.len());
        let chunk = text.get(start..end).unwrap_or_default();
        let tokens = tokenize(chunk);
        self.starts = tokens.iter().map(|t| start + t.start).collect();
        self.ends = tokens.iter().map(|t| start + t.end).collect();
        self.chunk = start..end;
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
