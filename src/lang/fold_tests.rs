use super::*;

const ALL: FoldOptions = FoldOptions {
    match_diacritics: false,
    match_hamza: false,
    match_ya_ta: false,
    match_digits: false,
    match_case: false,
};

/// The original text of the hit where `query` (folded) first occurs in `text` (folded).
fn hit<'a>(text: &'a str, query: &str, options: FoldOptions) -> &'a str {
    let folded = FoldedText::new(text, options);
    let needle = fold(query, options);
    let at = folded.as_str().find(&needle).expect("query found");
    &text[folded.original_range(at..at + needle.len())]
}

#[test]
fn every_haraka_and_tatweel_is_folded_away_unless_diacritics_match() {
    let marks = ('\u{064B}'..='\u{0652}').chain(['\u{0670}', '\u{0640}']);
    for mark in marks {
        let text = format!("ق{mark}ال");
        assert_eq!(fold(&text, ALL), "قال", "{:04X}", mark as u32);
        let keep = FoldOptions {
            match_diacritics: true,
            ..ALL
        };
        assert_eq!(fold(&text, keep), text, "{:04X}", mark as u32);
        assert_eq!(FoldedText::new(&text, ALL).as_str(), "قال");
    }
    // Marks outside the list stay (the combining hamza above, U+0654).
    assert_eq!(fold("ا\u{0654}", ALL), "ا\u{0654}");
}

#[test]
fn alef_forms_ya_ta_and_digits_fold_unless_switched_off() {
    assert_eq!(fold("أإآٱا", ALL), "ااااا");
    let hamza = FoldOptions {
        match_hamza: true,
        ..ALL
    };
    assert_eq!(fold("أإآٱا", hamza), "أإآٱا");

    assert_eq!(fold("مستشفى المدينة", ALL), "مستشفي المدينه");
    let ya_ta = FoldOptions {
        match_ya_ta: true,
        ..ALL
    };
    assert_eq!(fold("مستشفى المدينة", ya_ta), "مستشفى المدينة");

    assert_eq!(fold("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", ALL), "0123456789 0123456789");
    let digits = FoldOptions {
        match_digits: true,
        ..ALL
    };
    assert_eq!(fold("١٩٤٨ ۱۹۴۸", digits), "١٩٤٨ ۱۹۴۸");

    assert_eq!(fold("Reuters CNSP", ALL), "reuters cnsp");
    let case = FoldOptions {
        match_case: true,
        ..ALL
    };
    assert_eq!(fold("Reuters", case), "Reuters");
    // Other switches do not leak into each other.
    assert_eq!(fold("أَكَّدَ ١٩٤٨ Reuters", case), "اكد 1948 Reuters");
}

#[test]
fn a_hit_is_extended_over_the_marks_after_it_but_not_before_it() {
    // أكّد: the shadda after the kaf belongs to the hit ending on the kaf.
    assert_eq!(hit("أكّد", "اك", ALL), "أكّ");
    assert_eq!(hit("أكّد", "كد", ALL), "كّد");
    assert_eq!(hit("وأكّدَ الوزير", "اكد", ALL), "أكّدَ");
    // Tatweel and several marks in a row.
    assert_eq!(hit("الحكـــومة", "الحك", ALL), "الحكـــ");
    assert_eq!(hit("أيضًا", "يض", ALL), "يضً");
    // With match_diacritics the marks are in the folded text and still extend the hit.
    let keep = FoldOptions {
        match_diacritics: true,
        ..ALL
    };
    assert_eq!(hit("أكّد", "أك", keep), "أكّ");
    assert_eq!(hit("قالَ", "قال", keep), "قالَ");
    // Marks at the very end and the very start of the text.
    assert_eq!(hit("قالَ", "قال", ALL), "قالَ");
    assert_eq!(hit("\u{064E}قال", "قال", ALL), "قال");
}

#[test]
fn emoji_and_astral_text_before_a_hit_keep_offsets_exact() {
    let text = "😀👍🏽 𝕏 👩‍👩‍👧 🇳🇪 قالَ الوزير";
    assert_eq!(hit(text, "قال", ALL), "قالَ");
    assert_eq!(hit(text, "الوزير", ALL), "الوزير");
    // Astral letters with case (Deseret) lower-case to astral letters.
    let text = "𐐀𐐀 قال";
    assert_eq!(fold(text, ALL), "𐐨𐐨 قال");
    assert_eq!(hit(text, "قال", ALL), "قال");
    assert_eq!(hit(text, "𐐨", ALL), "𐐀");
}

#[test]
fn latin_case_with_letters_that_change_length() {
    // İ (U+0130, two bytes) folds to a plain i (one byte); the Kelvin sign (three bytes) to k;
    // Ⱥ (two bytes) to ⱥ (three bytes). Offsets after them stay exact.
    let text = "İstanbul \u{212A}elvin Ⱥb قال";
    assert_eq!(fold(text, ALL), "istanbul kelvin ⱥb قال");
    assert_eq!(hit(text, "istanbul", ALL), "İstanbul");
    assert_eq!(hit(text, "i", ALL), "İ");
    assert_eq!(hit(text, "kelvin", ALL), "\u{212A}elvin");
    assert_eq!(hit(text, "ⱥb", ALL), "Ⱥb");
    assert_eq!(hit(text, "قال", ALL), "قال");
}

#[test]
fn folded_offset_inverts_original_range() {
    let text = "وأكّدَ ١٩٤٨ الحكـــومة İ";
    let folded = FoldedText::new(text, ALL);
    assert_eq!(folded.as_str(), "واكد 1948 الحكومه i");
    for (i, _) in text.char_indices() {
        let f = folded.folded_offset(i);
        assert!(folded.as_str().is_char_boundary(f));
    }
    // A span over a word maps to that word in the folded text.
    let start = text.find("الحك").expect("word");
    let end = text.find(" İ").expect("end");
    let range = folded.folded_offset(start)..folded.folded_offset(end);
    assert_eq!(&folded.as_str()[range.clone()], "الحكومه");
    assert_eq!(&text[folded.original_range(range)], "الحكـــومة");
    // Offsets inside removed marks go to the next kept character; past the end to the end.
    let shadda = text.find('\u{0651}').expect("shadda");
    assert_eq!(folded.folded_offset(shadda), "واك".len());
    assert_eq!(folded.folded_offset(text.len() + 10), folded.as_str().len());
}

#[test]
fn empty_and_mark_only_texts() {
    let empty = FoldedText::new("", ALL);
    assert_eq!(empty.as_str(), "");
    assert_eq!(empty.original_range(0..0), 0..0);
    assert_eq!(empty.folded_offset(0), 0);
    let marks = FoldedText::new("\u{064E}\u{0640}\u{0651}", ALL);
    assert_eq!(marks.as_str(), "");
    assert_eq!(marks.original_range(0..0), 6..6);
    assert_eq!(marks.folded_offset(2), 0);
    assert_eq!(fold("\u{064E}\u{0640}", ALL), "");
}

#[test]
fn the_map_is_compact_for_unvowelled_text() {
    let text = "قال المتحدث باسم المجلس العسكري إن الوفد وصل ".repeat(1000);
    let folded = FoldedText::new(&text, ALL);
    assert_eq!(folded.anchor_count(), 1);
    let vowelled = "قالَ ".repeat(1000);
    // One anchor per removed mark run.
    assert_eq!(FoldedText::new(&vowelled, ALL).anchor_count(), 1001);
}

/// A small deterministic generator for the comparison with a naive map.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn the_map_agrees_with_a_naive_one_on_random_text() {
    let alphabet: Vec<char> =
        "قالأإآٱىة٠٩۵0Aİ\u{212A}Ⱥ😀 \u{064E}\u{0651}\u{0670}\u{0640}\u{0654}\u{06D6}"
            .chars()
            .collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for round in 0..400 {
        let options = FoldOptions {
            match_diacritics: round % 2 == 1,
            match_hamza: round % 3 == 1,
            match_ya_ta: round % 5 == 1,
            match_digits: round % 7 == 1,
            match_case: round % 11 == 1,
        };
        let len = rng.next(30);
        let text: String = (0..len)
            .map(|_| alphabet[rng.next(alphabet.len())])
            .collect();
        let folded = FoldedText::new(&text, options);
        // Naive: every kept character with its folded start and original range.
        let mut kept = Vec::new();
        let mut f = 0;
        for (i, c) in text.char_indices() {
            if let Some(fc) = fold_char(c, options) {
                kept.push((f, i, i + c.len_utf8()));
                f += fc.len_utf8();
            }
        }
        assert_eq!(f, folded.as_str().len());
        for a in 0..kept.len() {
            for b in a..kept.len() {
                let (fa, oa, _) = kept[a];
                let (fb, _, ob_end) = kept[b];
                let fb_end = fb
                    + folded.as_str()[fb..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                let mut end = ob_end;
                while let Some(c) = text[end..].chars().next().filter(|&c| extends_letter(c)) {
                    end += c.len_utf8();
                }
                assert_eq!(
                    folded.original_range(fa..fb_end),
                    oa..end,
                    "{text:?} {options:?} {fa}..{fb_end}"
                );
                assert_eq!(folded.folded_offset(oa), fa, "{text:?} {options:?} {oa}");
            }
        }
    }
}
