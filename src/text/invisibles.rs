//! Invisible characters that make text read differently from what it contains: bidi controls
//! (an RLO can make `سلام abc` display as `سلام cba`), direction marks, zero-width spaces and
//! joiners. Pure functions, no cosmic-text.
//!
//! - [`invisibles`] lists them with their byte offsets and short names (`RLO`, `PDI`, `ZWSP`);
//! - [`reveal`] gives a display form in which each is replaced by a visible marker (`‹RLO›`)
//!   and everything else is unchanged; the markers hold no control, so the revealed text
//!   displays in the order it is stored;
//! - [`describe`] words a warning (`contains 2 bidi controls (RLO, PDF) that change how it reads`).
//!
//! Policy: every character here is shown by [`reveal`], but only the bidi embedding, override and
//! isolate controls are [deceptive](Invisible::is_deceptive): they reorder what follows them. The
//! direction marks (LRM, RLM, ALM) only nudge neutral characters and are common in mixed
//! Arabic-Latin text; ZWNJ is ordinary Persian and Arabic typing and ZWJ builds emoji sequences;
//! the zero-width space, word joiner, BOM and soft hyphen hide a break (or none) inside a word. Those
//! are reported as invisible characters, not as deception.

use std::borrow::Cow;

/// What an invisible character does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InvisibleKind {
    /// An embedding, override or isolate control (or their terminators PDF, PDI): reorders text.
    BidiControl,
    /// A direction mark (LRM, RLM, ALM): a zero-width strong character.
    DirectionMark,
    /// ZWNJ or ZWJ: changes joining of letters or emoji.
    Joiner,
    /// A zero-width space, word joiner, BOM, soft hyphen or invisible operator.
    ZeroWidth,
}

/// One invisible character found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invisible {
    /// Byte offset in the text.
    pub offset: usize,
    /// The character.
    pub ch: char,
    /// Its short name (`"RLO"`, `"ZWJ"`).
    pub name: &'static str,
    /// What it does.
    pub kind: InvisibleKind,
}

impl Invisible {
    /// Whether it changes the order text is displayed in (a bidi control), rather than only
    /// being unseen.
    pub fn is_deceptive(&self) -> bool {
        self.kind == InvisibleKind::BidiControl
    }

    /// The byte range it occupies.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.offset..self.offset + self.ch.len_utf8()
    }
}

/// The short name and kind of `c` if it is one of the invisible characters this module reveals.
pub fn classify(c: char) -> Option<(&'static str, InvisibleKind)> {
    use InvisibleKind::{BidiControl, DirectionMark, Joiner, ZeroWidth};
    Some(match c {
        '\u{202A}' => ("LRE", BidiControl),
        '\u{202B}' => ("RLE", BidiControl),
        '\u{202C}' => ("PDF", BidiControl),
        '\u{202D}' => ("LRO", BidiControl),
        '\u{202E}' => ("RLO", BidiControl),
        '\u{2066}' => ("LRI", BidiControl),
        '\u{2067}' => ("RLI", BidiControl),
        '\u{2068}' => ("FSI", BidiControl),
        '\u{2069}' => ("PDI", BidiControl),
        '\u{200E}' => ("LRM", DirectionMark),
        '\u{200F}' => ("RLM", DirectionMark),
        '\u{061C}' => ("ALM", DirectionMark),
        '\u{200C}' => ("ZWNJ", Joiner),
        '\u{200D}' => ("ZWJ", Joiner),
        '\u{200B}' => ("ZWSP", ZeroWidth),
        '\u{2060}' => ("WJ", ZeroWidth),
        '\u{FEFF}' => ("BOM", ZeroWidth),
        '\u{00AD}' => ("SHY", ZeroWidth),
        '\u{180E}' => ("MVS", ZeroWidth),
        '\u{2061}' => ("FA", ZeroWidth),
        '\u{2062}' => ("IT", ZeroWidth),
        '\u{2063}' => ("IS", ZeroWidth),
        '\u{2064}' => ("IP", ZeroWidth),
        _ => return None,
    })
}

/// Every invisible character of `text`, in order.
pub fn invisibles(text: &str) -> Vec<Invisible> {
    text.char_indices()
        .filter_map(|(offset, ch)| {
            classify(ch).map(|(name, kind)| Invisible {
                offset,
                ch,
                name,
                kind,
            })
        })
        .collect()
}

/// Whether `text` holds any invisible character (cheaper than [`invisibles`]).
pub fn has_invisibles(text: &str) -> bool {
    text.chars().any(|c| classify(c).is_some())
}

/// The visible marker that stands for an invisible character named `name` in [`reveal`].
pub fn marker(name: &str) -> String {
    format!("‹{name}›")
}

/// `text` for display, each invisible character replaced by its [`marker`] (`‹RLO›`);
/// borrowed unchanged when there is none. The result holds no bidi control, so it displays in
/// stored order. For display only: offsets into it are not offsets into `text`.
pub fn reveal(text: &str) -> Cow<'_, str> {
    if !has_invisibles(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match classify(c) {
            Some((name, _)) => out.push_str(&marker(name)),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A warning sentence for the invisible characters `found` (from [`invisibles`]), or `None` if
/// there are none: `"contains 2 bidi controls (RLO, PDF) that change how it reads"`, then the
/// other kinds: `"and 1 invisible character (ZWSP)"`. Names are listed once each, in order.
pub fn describe(found: &[Invisible]) -> Option<String> {
    let groups = [
        ("bidi control", "bidi controls", InvisibleKind::BidiControl),
        (
            "direction mark",
            "direction marks",
            InvisibleKind::DirectionMark,
        ),
        ("joiner", "joiners", InvisibleKind::Joiner),
        (
            "invisible character",
            "invisible characters",
            InvisibleKind::ZeroWidth,
        ),
    ];
    let parts: Vec<String> = groups
        .iter()
        .filter_map(|&(one, many, kind)| {
            let of_kind: Vec<&Invisible> = found.iter().filter(|i| i.kind == kind).collect();
            if of_kind.is_empty() {
                return None;
            }
            let mut names: Vec<&str> = Vec::new();
            for i in &of_kind {
                if !names.contains(&i.name) {
                    names.push(i.name);
                }
            }
            let single = of_kind.len() == 1;
            let noun = if single { one } else { many };
            let effect = match (kind, single) {
                (InvisibleKind::BidiControl, true) => " that changes how it reads",
                (InvisibleKind::BidiControl, false) => " that change how it reads",
                _ => "",
            };
            Some(format!(
                "{} {noun} ({}){effect}",
                of_kind.len(),
                names.join(", ")
            ))
        })
        .collect();
    match parts.as_slice() {
        [] => None,
        [only] => Some(format!("contains {only}")),
        [init @ .., last] => Some(format!("contains {} and {last}", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bidi_controls_with_names_and_offsets() {
        let text = "قال \u{202E}abc\u{202C} ثم";
        let found = invisibles(text);
        let names: Vec<&str> = found.iter().map(|i| i.name).collect();
        assert_eq!(names, ["RLO", "PDF"]);
        assert_eq!(found[0].offset, "قال ".len());
        assert_eq!(&text[found[0].range()], "\u{202E}");
        assert_eq!(found[1].offset, "قال \u{202E}abc".len());
        assert!(found.iter().all(Invisible::is_deceptive));
    }

    #[test]
    fn every_listed_character_is_named_and_ordinary_text_is_not() {
        let all = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\
                   \u{200E}\u{200F}\u{061C}\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}";
        let found = invisibles(all);
        assert_eq!(found.len(), all.chars().count());
        let deceptive = found.iter().filter(|i| i.is_deceptive()).count();
        assert_eq!(deceptive, 9);
        // Arabic with harakat, shadda, tatweel, lam-alef, emoji with a skin tone: nothing.
        assert!(invisibles("إنّ الوفدَ ـــ لا 👍🏽 1.2").is_empty());
    }

    #[test]
    fn reveal_replaces_each_with_a_marker_and_keeps_the_rest() {
        assert_eq!(reveal("قال \u{202E}abc\u{202C} ثم"), "قال ‹RLO›abc‹PDF› ثم");
        assert_eq!(reveal("می\u{200C}خواهم"), "می‹ZWNJ›خواهم");
        assert_eq!(reveal("👨\u{200D}👩"), "👨‹ZWJ›👩");
        let revealed = reveal("a\u{2067}b\u{2069}\u{200F}");
        assert_eq!(revealed, "a‹RLI›b‹PDI›‹RLM›");
        assert!(!has_invisibles(&revealed));
    }

    #[test]
    fn reveal_borrows_clean_text() {
        assert!(matches!(reveal("نص عادي"), Cow::Borrowed("نص عادي")));
        assert!(matches!(reveal(""), Cow::Borrowed("")));
    }

    #[test]
    fn describe_counts_by_kind() {
        assert_eq!(describe(&invisibles("نص")), None);
        assert_eq!(
            describe(&invisibles("\u{202E}x\u{202C}")).as_deref(),
            Some("contains 2 bidi controls (RLO, PDF) that change how it reads")
        );
        assert_eq!(
            describe(&invisibles("\u{202E}\u{202E}x")).as_deref(),
            Some("contains 2 bidi controls (RLO) that change how it reads")
        );
        assert_eq!(
            describe(&invisibles("a\u{200B}b\u{200D}c\u{2066}d")).as_deref(),
            Some(
                "contains 1 bidi control (LRI) that changes how it reads, \
                 1 joiner (ZWJ) and 1 invisible character (ZWSP)"
            )
        );
    }
}
