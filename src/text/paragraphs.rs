//! Splitting a document into paragraphs and deciding each paragraph's direction.

use std::ops::Range;

use unicode_bidi::{BidiClass, bidi_class};

/// One paragraph of a document: its byte range (without the line break) and its direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range of the paragraph's text in the document, excluding the paragraph separator.
    pub range: Range<usize>,
    /// Right-to-left paragraph (right-aligned, runs ordered from the right).
    pub rtl: bool,
}

/// Is `c` a paragraph separator for the bidi algorithm (class B)? cosmic-text shapes one
/// paragraph per line, so every such character must end a paragraph.
pub fn is_paragraph_separator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{1C}' | '\u{1D}' | '\u{1E}' | '\u{85}' | '\u{2029}'
    )
}

/// Splits `text` into paragraphs at every paragraph separator (`\r\n` counts as one). An empty
/// line is an empty paragraph; the result is never empty (an empty text is one empty paragraph).
pub fn split_paragraphs(text: &str) -> Vec<Paragraph> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_paragraph_separator(c) {
            ranges.push(start..i);
            let mut end = i + c.len_utf8();
            if c == '\r' && chars.peek().map(|&(_, n)| n) == Some('\n') {
                chars.next();
                end += 1;
            }
            start = end;
        }
    }
    ranges.push(start..text.len());

    let directions: Vec<Option<bool>> =
        ranges.iter().map(|r| direction(&text[r.clone()])).collect();
    let document_rtl = direction(text).unwrap_or(true);
    ranges
        .into_iter()
        .zip(directions)
        .map(|(range, rtl)| Paragraph {
            range,
            rtl: rtl.unwrap_or(document_rtl),
        })
        .collect()
}

/// The direction of a paragraph: right-to-left when it has at least as many right-to-left letters
/// (Arabic, Hebrew) as left-to-right ones. Unlike the bidi algorithm's first-strong rule, an
/// Arabic paragraph that starts with a Latin acronym or a number stays right-to-left.
/// `None` when the text has no strong letter at all.
pub fn direction(text: &str) -> Option<bool> {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    match (rtl, ltr) {
        (0, 0) => None,
        _ => Some(rtl >= ltr),
    }
}

/// The first strong direction of `text` as the bidi algorithm sees it (`Some(true)` for R/AL):
/// UAX #9 rules P2 and P3, so characters between an isolate initiator (LRI, RLI, FSI) and its
/// matching PDI (or the end of the paragraph) are skipped, and the search stops at a paragraph
/// separator. cosmic-text chooses a paragraph's direction by the same rule.
pub fn first_strong_rtl(text: &str) -> Option<bool> {
    let mut isolates = 0usize;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => isolates += 1,
            BidiClass::PDI if isolates > 0 => isolates -= 1,
            BidiClass::B => return None,
            BidiClass::R | BidiClass::AL if isolates == 0 => return Some(true),
            BidiClass::L if isolates == 0 => return Some(false),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_separator() {
        let text = "أ\nب\r\nج\rد\u{2029}ه";
        let paragraphs = split_paragraphs(text);
        let texts: Vec<&str> = paragraphs.iter().map(|p| &text[p.range.clone()]).collect();
        assert_eq!(texts, ["أ", "ب", "ج", "د", "ه"]);
    }

    #[test]
    fn empty_lines_are_empty_paragraphs() {
        let text = "a\n\nb\n";
        let texts: Vec<&str> = split_paragraphs(text)
            .iter()
            .map(|p| &text[p.range.clone()])
            .collect();
        assert_eq!(texts, ["a", "", "b", ""]);
    }

    #[test]
    fn arabic_starting_with_acronym_or_digit_is_rtl() {
        assert_eq!(direction("RTN قالت القناة إن الجيش وصل"), Some(true));
        assert_eq!(direction("2023 عام الانقلاب في النيجر"), Some(true));
        assert_eq!(
            direction("The council said النيجر is sovereign"),
            Some(false)
        );
        assert_eq!(direction("2023 - 38%"), None);
    }

    #[test]
    fn first_strong_skips_isolates_as_rule_p2_says() {
        // LRI abc PDI, then Arabic: the paragraph is right-to-left.
        assert_eq!(first_strong_rtl("\u{2066}abc\u{2069} قال"), Some(true));
        // Nested isolates, and an unclosed one hides everything after it.
        assert_eq!(
            first_strong_rtl("\u{2067}\u{2066}a\u{2069}ب\u{2069}x"),
            Some(false)
        );
        assert_eq!(first_strong_rtl("\u{2068}abc قال"), None);
        // A stray PDI closes nothing.
        assert_eq!(first_strong_rtl("\u{2069}abc"), Some(false));
        assert_eq!(first_strong_rtl("12 \u{200F}"), Some(true));
    }

    #[test]
    fn neutral_paragraph_takes_the_document_direction() {
        let text = "قال المتحدث\n2023\nend";
        let p = split_paragraphs(text);
        assert!(p[0].rtl);
        assert!(
            p[1].rtl,
            "a paragraph of digits follows the Arabic document"
        );
        assert!(!p[2].rtl);
    }
}
