//! One Arabic folding for every kind of matching (the document list's title filter, search,
//! suggestions), with a map from the folded text back to the original.
//!
//! The default [`FoldOptions`] (every switch off) folds everything:
//! - harakat U+064B–U+0652, the dagger alef U+0670 and tatweel U+0640 are removed
//!   (`match_diacritics` keeps them);
//! - the alef forms أ إ آ ٱ become ا (`match_hamza` keeps them);
//! - ى becomes ي and ة becomes ه (`match_ya_ta` keeps them);
//! - Arabic-Indic (U+0660–U+0669) and Eastern Arabic-Indic (U+06F0–U+06F9) digits become ASCII
//!   digits (`match_digits` keeps them);
//! - letters are lower-cased (`match_case` keeps case). Lower-casing is Unicode's, one character
//!   to one character: the only letter whose lower case is two characters, İ (U+0130, "i" plus a
//!   combining dot), folds to a plain `i`, so every folded character comes from exactly one
//!   original character and offsets stay exact.
//!
//! Nothing else changes; in particular a hamza written as a combining mark (U+0654, U+0655) after
//! a bare alef is not folded, and nothing is normalised (NFC/NFD).
//!
//! [`FoldedText`] keeps the folded string and a run-length map: one anchor (two `u32`) wherever the
//! distance between folded and original offsets changes (a removed mark, a digit that became one
//! byte), so unvowelled news text needs only a handful of anchors and a lookup is a binary search.

use std::ops::Range;

/// Which differences matching keeps; every switch off (the default) folds them all away.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct FoldOptions {
    /// Keep harakat (U+064B–U+0652), the dagger alef (U+0670) and tatweel (U+0640).
    pub match_diacritics: bool,
    /// Keep أ إ آ ٱ apart from ا.
    pub match_hamza: bool,
    /// Keep ى apart from ي and ة apart from ه.
    pub match_ya_ta: bool,
    /// Keep Arabic-Indic and Eastern Arabic-Indic digits apart from ASCII digits.
    pub match_digits: bool,
    /// Keep upper and lower case apart.
    pub match_case: bool,
}

/// Whether `c` is a haraka folded away by default: U+064B–U+0652 and the dagger alef U+0670.
pub fn is_haraka(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}')
}

/// The tatweel (kashida), U+0640.
pub const TATWEEL: char = '\u{0640}';

/// Whether `c` belongs to the letter before it, so a hit ending on that letter is extended over it:
/// harakat, tatweel and the other Arabic combining marks (U+0610–U+061A, U+0653–U+065F,
/// U+06D6–U+06DC, U+06DF–U+06E4, U+06E7–U+06E8, U+06EA–U+06ED).
pub fn extends_letter(c: char) -> bool {
    is_haraka(c)
        || c == TATWEEL
        || matches!(
            c,
            '\u{0610}'..='\u{061A}'
                | '\u{0653}'..='\u{065F}'
                | '\u{06D6}'..='\u{06DC}'
                | '\u{06DF}'..='\u{06E4}'
                | '\u{06E7}'..='\u{06E8}'
                | '\u{06EA}'..='\u{06ED}'
        )
}

/// `c` folded under `options`, or `None` when it is removed.
pub fn fold_char(c: char, options: FoldOptions) -> Option<char> {
    if c.is_ascii() {
        return Some(if options.match_case {
            c
        } else {
            c.to_ascii_lowercase()
        });
    }
    match c {
        '\u{064B}'..='\u{0652}' | '\u{0670}' | TATWEEL if !options.match_diacritics => None,
        'أ' | 'إ' | 'آ' | 'ٱ' if !options.match_hamza => Some('ا'),
        'ى' if !options.match_ya_ta => Some('ي'),
        'ة' if !options.match_ya_ta => Some('ه'),
        '\u{0660}'..='\u{0669}' if !options.match_digits => digit(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' if !options.match_digits => digit(c as u32 - 0x06F0),
        // The Arabic blocks have no case: skip the case tables for them.
        '\u{0600}'..='\u{06FF}' => Some(c),
        _ if !options.match_case => Some(c.to_lowercase().next().unwrap_or(c)),
        _ => Some(c),
    }
}

/// The ASCII digit of value `value` (0–9).
fn digit(value: u32) -> Option<char> {
    char::from_digit(value, 10)
}

/// `text` folded under `options` (for queries, which need no map back).
pub fn fold(text: &str, options: FoldOptions) -> String {
    let mut folded = String::with_capacity(text.len());
    folded.extend(text.chars().filter_map(|c| fold_char(c, options)));
    folded
}

/// A point where the distance between folded and original offsets changes: from `folded` on
/// (until the next anchor), original offset = `original + (f - folded)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Anchor {
    folded: u32,
    original: u32,
}

/// A text folded under some [`FoldOptions`], with the map back to the original's byte offsets.
///
/// Texts are at most 4 GiB (offsets are kept as `u32`; the model's articles are far smaller).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldedText {
    folded: String,
    anchors: Vec<Anchor>,
    original_len: usize,
}

impl FoldedText {
    /// Folds `text` under `options`. Runs of characters that folding leaves as they are (most of
    /// an unvowelled article) are copied as slices; only a changed character is handled on its
    /// own, and the map gets an anchor only where the offsets' distance changes.
    pub fn new(text: &str, options: FoldOptions) -> Self {
        let mut out = MapBuilder {
            folded: String::with_capacity(text.len()),
            anchors: vec![Anchor {
                folded: 0,
                original: 0,
            }],
            shift: 0,
        };
        // Where the run of unchanged characters not yet copied starts.
        let mut run = 0;
        for (i, c) in text.char_indices() {
            let folded = fold_char(c, options);
            if folded == Some(c) {
                continue;
            }
            out.copy(text, run..i);
            if let Some(f) = folded {
                out.push(i, f);
            }
            run = i + c.len_utf8();
        }
        out.copy(text, run..text.len());
        out.sync(text.len());
        let MapBuilder {
            folded,
            mut anchors,
            ..
        } = out;
        anchors.shrink_to_fit();
        Self {
            folded,
            anchors,
            original_len: text.len(),
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// How many anchors the map holds (8 bytes each), for memory figures.
    pub fn anchor_count(&self) -> usize {
        self.anchors.len()
    }

    /// The original byte range of a folded byte range (end exclusive), extended over the
    /// harakat/tatweel that follow its last character in the original, so a hit never splits a
    /// letter from its marks (see [`extends_letter`]). The start is where the first folded
    /// character's original starts. An empty range maps to an empty range at that place.
    /// Offsets past the end are clamped; offsets inside a folded character are taken as that
    /// character's end.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.original_at(self.char_boundary(folded.start));
        if folded.end <= folded.start {
            return start..start;
        }
        let mut end = self.char_boundary(folded.end);
        // Marks kept in the folded text (match_diacritics) are skipped here; the ones folded away
        // lie between two anchors and are covered by `original_at`.
        let rest = &self.folded[end..];
        end += rest
            .char_indices()
            .find(|&(_, c)| !extends_letter(c))
            .map_or(rest.len(), |(i, _)| i);
        start..self.original_at(end)
    }

    /// The folded byte offset of an original byte offset (for turning a span into a folded range).
    /// An offset inside removed marks maps to where the next kept character starts in the folded
    /// text; past the end, to the folded length.
    pub fn folded_offset(&self, original: usize) -> usize {
        let original = original.min(self.original_len);
        let at = self
            .anchors
            .partition_point(|a| a.original as usize <= original);
        let Some(anchor) = at.checked_sub(1).and_then(|i| self.anchors.get(i)) else {
            return 0;
        };
        let next_folded = self
            .anchors
            .get(at)
            .map_or(self.folded.len(), |a| a.folded as usize);
        let folded = anchor.folded as usize + (original - anchor.original as usize);
        self.char_boundary(folded.min(next_folded))
    }

    /// The original offset of a folded character boundary: where the folded character starting
    /// there came from (or the end of the original at the end of the folded text).
    fn original_at(&self, folded: usize) -> usize {
        let at = self
            .anchors
            .partition_point(|a| a.folded as usize <= folded);
        let Some(anchor) = at.checked_sub(1).and_then(|i| self.anchors.get(i)) else {
            return 0;
        };
        (anchor.original as usize + (folded - anchor.folded as usize)).min(self.original_len)
    }

    /// `offset` clamped to the folded text and moved forward to a character boundary.
    fn char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.folded.len());
        while !self.folded.is_char_boundary(offset) {
            offset += 1;
        }
        offset
    }
}

/// The folded text and its map while they are built.
struct MapBuilder {
    folded: String,
    anchors: Vec<Anchor>,
    /// Original minus folded offset since the last anchor (a lower-cased letter may grow).
    shift: i64,
}

impl MapBuilder {
    /// Adds an anchor when the distance between `original` and the folded end has changed
    /// (called before each piece is appended, with the piece's original offset).
    fn sync(&mut self, original: usize) {
        let shift = original as i64 - self.folded.len() as i64;
        if shift != self.shift {
            self.shift = shift;
            push_anchor(&mut self.anchors, self.folded.len(), original);
        }
    }

    /// Appends the unchanged characters of `text[run]`.
    fn copy(&mut self, text: &str, run: Range<usize>) {
        if let Some(piece) = text.get(run.clone()).filter(|p| !p.is_empty()) {
            self.sync(run.start);
            self.folded.push_str(piece);
        }
    }

    /// Appends `folded`, the folded form of the character at `original`.
    fn push(&mut self, original: usize, folded: char) {
        self.sync(original);
        self.folded.push(folded);
    }
}

/// Adds an anchor, replacing the last one when it is at the same folded offset (marks folded away
/// before the first kept character, or at the very end).
fn push_anchor(anchors: &mut Vec<Anchor>, folded: usize, original: usize) {
    let anchor = Anchor {
        folded: u32::try_from(folded).unwrap_or(u32::MAX),
        original: u32::try_from(original).unwrap_or(u32::MAX),
    };
    match anchors.last_mut() {
        Some(last) if last.folded == anchor.folded => *last = anchor,
        _ => anchors.push(anchor),
    }
}

#[cfg(test)]
#[path = "fold_tests.rs"]
mod tests;
