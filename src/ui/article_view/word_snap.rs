//! Word snapping of mouse selections, as word processors do it: while the pointer stays inside
//! the word where the drag started, the selection is letter-exact; once it crosses into another
//! word, the moving end snaps to that word's far edge. The pressed end stays where it was pressed,
//! so a clitic can be left out by starting the drag right after it (`المجلس` of `والمجلس`), except
//! that a press one letter inside a word counts as the word's edge when that letter cannot be a
//! clitic on its own (the alif of `المجلس` is ~3 px wide: pressing just past it is a slip, not a
//! choice). Alt while dragging turns snapping off.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::Selection;

/// Letters that are a clitic on their own at the start of an Arabic word (conjunctions و ف,
/// prepositions ب ل ك, the future prefix س).
const PROCLITICS: [char; 6] = ['و', 'ف', 'ب', 'ل', 'ك', 'س'];
/// Letters that are a clitic on their own at the end of an Arabic word (the pronouns ه ك ي).
const ENCLITICS: [char; 3] = ['ه', 'ك', 'ي'];

/// The selection of a drag pressed at byte offset `press` and now at `head` in `text`, snapped to
/// whole words when it crosses words (see the module documentation). Offsets are grapheme
/// boundaries (the hit test gives nothing else); the result's anchor is on the press side.
pub(super) fn snapped(text: &str, press: usize, head: usize) -> Selection {
    let exact = Selection {
        anchor: press,
        head,
    };
    let (low, high) = (press.min(head), press.max(head));
    // Both ends in one word (its edges included): letter-exact.
    if low == high || word_at(text, low).is_some_and(|w| high <= w.end) {
        return exact;
    }
    if head > press {
        let anchor = word_strictly_around(text, press)
            .filter(|w| slip(text.get(w.start..press), &PROCLITICS))
            .map_or(press, |w| w.start);
        let head = word_strictly_around(text, head).map_or(head, |w| w.end);
        Selection { anchor, head }
    } else {
        let anchor = word_strictly_around(text, press)
            .filter(|w| slip(text.get(press..w.end), &ENCLITICS))
            .map_or(press, |w| w.end);
        let head = word_strictly_around(text, head).map_or(head, |w| w.start);
        Selection { anchor, head }
    }
}

/// Whether the `cut` part of a word (between its edge and the press point) is a slip of the
/// mouse: one grapheme whose letter is not one of `clitics`.
fn slip(cut: Option<&str>, clitics: &[char]) -> bool {
    let Some(cut) = cut else {
        return false;
    };
    let mut graphemes = cut.graphemes(true);
    match (graphemes.next(), graphemes.next()) {
        (Some(one), None) => one.chars().next().is_some_and(|c| !clitics.contains(&c)),
        _ => false,
    }
}

/// The word of letters or digits (Unicode word boundaries) that contains `offset` strictly
/// inside (not at its edges).
fn word_strictly_around(text: &str, offset: usize) -> Option<Range<usize>> {
    word_at(text, offset).filter(|w| w.start < offset && offset < w.end)
}

/// The word of letters or digits (Unicode word boundaries) that starts at or contains `offset`.
fn word_at(text: &str, offset: usize) -> Option<Range<usize>> {
    text.split_word_bound_indices()
        .map(|(start, word)| (start..start + word.len(), word))
        .find(|(range, _)| range.start <= offset && offset < range.end)
        .filter(|(_, word)| word.chars().any(char::is_alphanumeric))
        .map(|(range, _)| range)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "قال رئيس والمجلس العسكري لمجموعة الصحفيين";

    fn at(needle: &str) -> usize {
        TEXT.find(needle).expect("in text")
    }

    fn selected(press: usize, head: usize) -> &'static str {
        let selection = snapped(TEXT, press, head);
        &TEXT[selection.range()]
    }

    #[test]
    fn inside_one_word_the_selection_is_letter_exact() {
        let wa = at("والمجلس");
        assert_eq!(selected(wa + "و".len(), at(" العسكري")), "المجلس");
        assert_eq!(selected(at(" العسكري"), wa + "و".len()), "المجلس");
        assert_eq!(selected(wa + "وا".len(), wa + "والمج".len()), "لمج");
        assert_eq!(selected(wa, wa), "");
    }

    #[test]
    fn across_words_the_moving_end_snaps_to_whole_words() {
        let qal = at("قال");
        // From the start of قال to the middle of رئيس: the whole of رئيس.
        assert_eq!(selected(qal, at("ئيس")), "قال رئيس");
        // Backwards, from the end of رئيس to the middle of قال.
        assert_eq!(selected(at(" والمجلس"), at("ال ")), "قال رئيس");
        // From a space to the middle of a word.
        assert_eq!(selected(at(" والمجلس"), at("لمجلس")), " والمجلس");
    }

    #[test]
    fn a_drag_started_after_a_clitic_leaves_it_out() {
        let start = at("والمجلس") + "و".len();
        assert_eq!(selected(start, at("سكري")), "المجلس العسكري");
        let lam = at("لمجموعة") + "ل".len();
        assert_eq!(selected(lam, at("صحفيين")), "مجموعة الصحفيين");
        // Two letters in (the article's alif and lam): the press is kept.
        let two = at("والمجلس") + "وا".len();
        assert_eq!(selected(two, at("سكري")), "لمجلس العسكري");
    }

    #[test]
    fn a_press_one_non_clitic_letter_inside_a_word_counts_as_its_edge() {
        // One letter past the start of رئيس (ر is not a clitic): the whole word.
        let ra = at("رئيس") + "ر".len();
        assert_eq!(selected(ra, at("جلس")), "رئيس والمجلس");
        let start = at("العسكري") + "ا".len();
        assert_eq!(selected(start, at("موعة")), "العسكري لمجموعة");
        // Backwards, one letter before the end of العسكري (ي can be a pronoun: kept) and of
        // رئيس (س cannot: snapped to the end).
        let before_ya = at("ي لمجموعة");
        assert_eq!(selected(before_ya, at("جلس")), "والمجلس العسكر");
        let before_sin = at("س والمجلس");
        assert_eq!(selected(before_sin, at("ال ")), "قال رئيس");
    }
}
