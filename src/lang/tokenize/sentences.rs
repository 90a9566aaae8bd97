//! Sentences: consecutive runs of tokens, as ranges of token indices.

use std::ops::Range;

use super::Token;

/// Whether a token ends a sentence: `.`, `!`, `?`, the Arabic question mark `؟`, the ellipsis, the
/// Urdu full stop `۔` and the double marks `‼ ⁇ ⁈ ⁉`.
fn is_terminator(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔' | '‼' | '⁇' | '⁈' | '⁉'))
}

/// Whether a token closes a quotation or bracket (and so belongs to the sentence before it when
/// it follows the full stop directly: `«نعم.»`).
fn is_closer(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| {
            matches!(
                c,
                '»' | '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '›' | '﴿' | '」'
            )
        })
}

/// Whether `gap` (the text between two tokens) holds a line break.
fn has_line_break(gap: &str) -> bool {
    gap.contains([
        '\n', '\r', '\u{000B}', '\u{000C}', '\u{0085}', '\u{2028}', '\u{2029}',
    ])
}

/// Splits `tokens` of `text` into sentences: ranges of token indices, in order, covering every
/// token, none empty. A sentence ends at every line break, and after a sentence-ending mark (`.`,
/// `!`, `?`, `؟`, `…`, `۔`) together with the marks and closing quotes or brackets written right
/// after it (`؟!`, `.»`); but not after a `.` followed by a lower-case Latin word (`e.g. this`).
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let word = |t: &Token| text.get(t.range()).unwrap_or_default();
    let mut out = Vec::new();
    let mut first = 0;
    let mut ending = false;
    for (i, token) in tokens.iter().enumerate() {
        let this = word(token);
        let next = tokens.get(i + 1);
        let gap = text
            .get(token.end..next.map_or(text.len(), |t| t.start))
            .unwrap_or_default();
        if is_terminator(this) {
            ending = true;
        }
        let next_word = next.map(word).unwrap_or_default();
        let glued = gap.is_empty() && (is_terminator(next_word) || is_closer(next_word));
        let lower_next = this == "." && next_word.starts_with(|c: char| c.is_lowercase());
        if lower_next {
            ending = false;
        }
        if next.is_none() || has_line_break(gap) || (ending && !glued) {
            out.push(first..i + 1);
            first = i + 1;
            ending = false;
        }
    }
    out
}

/// Joins consecutive `sentences` (as made by [`sentences`]) so that no group of tokens in
/// `groups` (token index ranges, e.g. the tokens of a span) is split between two sentences.
pub fn keep_together(sentences: &[Range<usize>], groups: &[Range<usize>]) -> Vec<Range<usize>> {
    let tokens = sentences.last().map_or(0, |s| s.end);
    // joined[k]: token k must stay in the sentence of token k - 1.
    let mut joined = vec![false; tokens + 1];
    for group in groups {
        let inner = group.start.saturating_add(1)..group.end.min(tokens + 1);
        if let Some(slots) = joined.get_mut(inner) {
            slots.fill(true);
        }
    }
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        match out.last_mut() {
            Some(last) if joined.get(sentence.start).copied().unwrap_or(false) => {
                last.end = sentence.end;
            }
            _ => out.push(sentence.clone()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::tokenize::tokenize;

    fn split(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        sentences(text, &tokens)
            .into_iter()
            .map(|s| {
                let (a, b) = (tokens[s.start].start, tokens[s.end - 1].end);
                text[a..b].to_owned()
            })
            .collect()
    }

    #[test]
    fn ends_at_marks_and_line_breaks() {
        assert_eq!(
            split("قال الوزير إنّ الوفد وصل. هل سيبقى؟ لا أعرف!\nعنوان بلا نقطة\nوآخر"),
            [
                "قال الوزير إنّ الوفد وصل.",
                "هل سيبقى؟",
                "لا أعرف!",
                "عنوان بلا نقطة",
                "وآخر"
            ]
        );
    }

    #[test]
    fn marks_and_closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("قال: «نعم.» ثم سأل: حقًا؟! نعم... ربما"),
            ["قال: «نعم.»", "ثم سأل: حقًا؟!", "نعم...", "ربما"]
        );
        assert_eq!(split("وقال: «لا»."), ["وقال: «لا»."]);
    }

    #[test]
    fn numbers_and_abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("نحو 1.2 مليون. وقال e.g. this one."),
            ["نحو 1.2 مليون.", "وقال e.g. this one."]
        );
        assert_eq!(split("انتهى.بدأ"), ["انتهى.", "بدأ"]);
    }

    #[test]
    fn no_tokens_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n ").is_empty());
    }

    #[test]
    fn keep_together_joins_only_across_groups() {
        let sentences = [0..2, 2..5, 5..6, 6..9];
        assert_eq!(keep_together(&sentences, &[]), sentences);
        assert_eq!(
            keep_together(&sentences, &[1..3, 5..6, 7..9]),
            [0..5, 5..6, 6..9]
        );
        let everything = [Range { start: 0, end: 9 }];
        assert_eq!(keep_together(&sentences, &everything), everything);
        assert_eq!(keep_together(&[], &everything), Vec::<Range<usize>>::new());
    }
}
