//! A set of labelled phrases matched word by word through the folding and the clitics: the
//! shared matcher of the learned suggester and the gazetteer.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::words::{Words, clitic_forms};
use crate::model::LabelId;

/// The longest phrase (in words) kept: longer spans (most claims) are not proposed again.
pub const MAX_PHRASE_WORDS: usize = 12;

/// One phrase: its folded words, and its label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Phrase {
    words: Vec<String>,
    label: LabelId,
}

/// Labelled phrases, indexed by every clitic form of their first word.
#[derive(Clone, Debug, Default)]
pub struct PhraseIndex {
    phrases: Vec<Phrase>,
    seen: HashSet<Phrase>,
    by_first: HashMap<String, Vec<usize>>,
}

/// A match of a phrase in a text: the byte range (whole tokens) and the phrase's label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The phrase's label.
    pub label: LabelId,
}

impl PhraseIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of distinct phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether there is no phrase.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Adds `text` with `label`; returns whether it was kept (it has one to
    /// [`MAX_PHRASE_WORDS`] words with a letter or digit, two characters at least, and is new).
    pub fn add(&mut self, text: &str, label: &LabelId) -> bool {
        let words = Words::new(text);
        let folded: Vec<String> = (0..words.len()).map(|i| words.word(i).to_owned()).collect();
        let letters: usize = folded.iter().map(|w| w.chars().count()).sum();
        if folded.is_empty()
            || folded.len() > MAX_PHRASE_WORDS
            || letters < 2
            || !(0..words.len()).any(|i| words.is_word(i))
        {
            return false;
        }
        let phrase = Phrase {
            words: folded,
            label: label.clone(),
        };
        if !self.seen.insert(phrase.clone()) {
            return false;
        }
        let index = self.phrases.len();
        let first = phrase.words.first().cloned().unwrap_or_default();
        for form in clitic_forms(&first) {
            self.by_first
                .entry(form.to_owned())
                .or_default()
                .push(index);
        }
        self.phrases.push(phrase);
        true
    }

    /// The (text, label) pairs of the index, in the order they were added.
    pub fn entries(&self) -> impl Iterator<Item = (String, &LabelId)> + '_ {
        self.phrases.iter().map(|p| (p.words.join(" "), &p.label))
    }

    /// Every occurrence of a phrase in `words` (whole tokens; each word matching when one of its
    /// clitic forms equals one of the phrase word's), longest first at each place, overlapping
    /// matches of different labels kept.
    pub fn find(&self, words: &Words<'_>) -> Vec<PhraseMatch> {
        let mut found = Vec::new();
        self.for_each_match(words, |m| found.push(m));
        found
    }

    /// Calls `visit` with each match of [`PhraseIndex::find`], in the same order, without
    /// collecting them (a learned index can match hundreds of thousands of times in a long text).
    pub fn for_each_match(&self, words: &Words<'_>, mut visit: impl FnMut(PhraseMatch)) {
        if self.phrases.is_empty() {
            return;
        }
        let mut candidates: Vec<usize> = Vec::new();
        for i in 0..words.len() {
            candidates.clear();
            for form in clitic_forms(words.word(i)) {
                if let Some(list) = self.by_first.get(form) {
                    candidates.extend(list);
                }
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &p in &candidates {
                let Some(phrase) = self.phrases.get(p) else {
                    continue;
                };
                let n = phrase.words.len();
                let matches = (1..n).all(|k| same_word(words.word(i + k), &phrase.words[k]));
                let ends = (words.tokens.get(i), words.tokens.get(i + n - 1));
                if let (true, Some(first), Some(last)) =
                    (matches && i + n <= words.len(), ends.0, ends.1)
                {
                    visit(PhraseMatch {
                        range: first.start..last.end,
                        label: phrase.label.clone(),
                    });
                }
            }
        }
    }
}

/// Whether two folded words are the same once clitics are peeled (a form in common).
fn same_word(text_word: &str, phrase_word: &str) -> bool {
    if text_word == phrase_word {
        return true;
    }
    if text_word.is_empty() {
        return false;
    }
    let ours = clitic_forms(phrase_word);
    clitic_forms(text_word).iter().any(|f| ours.contains(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(id: &str) -> LabelId {
        LabelId::new(id).unwrap_or_else(|_| unreachable!())
    }

    #[test]
    fn matches_through_folding_and_clitics() {
        let mut index = PhraseIndex::new();
        assert!(index.add("وزارة الزراعة", &label("source")));
        assert!(!index.add("وزارة الزراعة", &label("source")));
        let text = "قالت لوزارةِ الزراعة و بالوزارة الزراعه ووزارة التعليم";
        let words = Words::new(text);
        let found: Vec<&str> = index
            .find(&words)
            .iter()
            .map(|m| &text[m.range.clone()])
            .collect();
        assert_eq!(found, vec!["لوزارةِ الزراعة", "بالوزارة الزراعه"]);
    }

    #[test]
    fn too_long_or_empty_phrases_are_not_kept() {
        let mut index = PhraseIndex::new();
        assert!(!index.add("، .", &label("claim")));
        assert!(!index.add(&"كلمة ".repeat(MAX_PHRASE_WORDS + 1), &label("claim")));
        assert!(index.is_empty());
    }
}
