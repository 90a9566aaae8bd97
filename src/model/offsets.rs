//! Converting offsets between UTF-8 bytes (the model's unit), Unicode code points (Python, the
//! project file) and UTF-16 code units (JavaScript and Java tools).
//!
//! [`OffsetIndex`] samples the text once (a checkpoint every [`OffsetIndex::STRIDE`] bytes), after
//! which each conversion costs a binary search plus a scan of at most one stride: converting
//! 100,000 span offsets is O(n log n) instead of O(n · text length).

/// A unit in which a consumer counts text offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OffsetUnit {
    /// UTF-8 bytes (Rust, HarfBuzz, the in-memory model).
    Bytes,
    /// Unicode scalar values (Python's `str`, spaCy, brat, the project file).
    CodePoints,
    /// UTF-16 code units (JavaScript, Java, browsers).
    Utf16,
}

impl OffsetUnit {
    /// The name written in files (`"bytes"`, `"code_points"`, `"utf16"`).
    pub fn as_str(self) -> &'static str {
        match self {
            OffsetUnit::Bytes => "bytes",
            OffsetUnit::CodePoints => "code_points",
            OffsetUnit::Utf16 => "utf16",
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Checkpoint {
    byte: usize,
    chars: usize,
    utf16: usize,
}

/// Precomputed index over one text for fast offset conversion. Borrows the text.
#[derive(Clone, Debug)]
pub struct OffsetIndex<'a> {
    text: &'a str,
    checkpoints: Vec<Checkpoint>,
    chars: usize,
    utf16: usize,
}

impl<'a> OffsetIndex<'a> {
    /// Bytes between checkpoints (at least; checkpoints sit on character boundaries).
    pub const STRIDE: usize = 64;

    /// Indexes `text` in one pass.
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STRIDE + 1);
        let (mut chars, mut utf16, mut next) = (0, 0, 0);
        for (byte, c) in text.char_indices() {
            if byte >= next {
                checkpoints.push(Checkpoint { byte, chars, utf16 });
                next = byte + Self::STRIDE;
            }
            chars += 1;
            utf16 += c.len_utf16();
        }
        if checkpoints.is_empty() {
            checkpoints.push(Checkpoint {
                byte: 0,
                chars: 0,
                utf16: 0,
            });
        }
        Self {
            text,
            checkpoints,
            chars,
            utf16,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Length of the text in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16
    }

    /// Length of the text in `unit`.
    pub fn len_in(&self, unit: OffsetUnit) -> usize {
        match unit {
            OffsetUnit::Bytes => self.text.len(),
            OffsetUnit::CodePoints => self.chars,
            OffsetUnit::Utf16 => self.utf16,
        }
    }

    fn checkpoint_by(&self, key: impl Fn(&Checkpoint) -> usize, value: usize) -> Checkpoint {
        let after = self.checkpoints.partition_point(|c| key(c) <= value);
        self.checkpoints[after.saturating_sub(1)]
    }

    /// Code-point offset of a byte offset; `None` if past the end or inside a character.
    pub fn byte_to_char(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let cp = self.checkpoint_by(|c| c.byte, byte);
        Some(cp.chars + self.text.get(cp.byte..byte)?.chars().count())
    }

    /// UTF-16 offset of a byte offset; `None` if past the end or inside a character.
    pub fn byte_to_utf16(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let cp = self.checkpoint_by(|c| c.byte, byte);
        let tail = self.text.get(cp.byte..byte)?;
        Some(cp.utf16 + tail.chars().map(char::len_utf16).sum::<usize>())
    }

    /// Byte offset of a code-point offset; `None` if past the end.
    pub fn char_to_byte(&self, chars: usize) -> Option<usize> {
        if chars > self.chars {
            return None;
        }
        let cp = self.checkpoint_by(|c| c.chars, chars);
        let skip = chars - cp.chars;
        let tail = self.text.get(cp.byte..)?;
        Some(cp.byte + tail.char_indices().nth(skip).map_or(tail.len(), |(b, _)| b))
    }

    /// [`Self::char_to_byte`], counting forward from `known`, a code-point offset of the text
    /// and its byte offset, when `chars` is at most [`Self::STRIDE`] code points after it.
    /// Converting offsets in ascending order (each from the one before), or a short span's end
    /// from its start, then costs a short scan instead of a binary search; anything else is
    /// looked up as usual. `known` must be a true pair (e.g. from an earlier conversion).
    pub fn char_to_byte_after(&self, known: (usize, usize), chars: usize) -> Option<usize> {
        let (known_chars, known_byte) = known;
        match chars.checked_sub(known_chars) {
            Some(skip) if skip <= Self::STRIDE && chars <= self.chars => {
                let tail = self.text.get(known_byte..)?;
                Some(known_byte + tail.char_indices().nth(skip).map_or(tail.len(), |(b, _)| b))
            }
            _ => self.char_to_byte(chars),
        }
    }

    /// Byte offset of a UTF-16 offset; `None` if past the end or between the two halves of a
    /// surrogate pair.
    pub fn utf16_to_byte(&self, utf16: usize) -> Option<usize> {
        if utf16 > self.utf16 {
            return None;
        }
        let cp = self.checkpoint_by(|c| c.utf16, utf16);
        let mut at = cp.utf16;
        for (b, c) in self.text.get(cp.byte..)?.char_indices() {
            if at == utf16 {
                return Some(cp.byte + b);
            }
            if at > utf16 {
                return None;
            }
            at += c.len_utf16();
        }
        (at == utf16).then_some(self.text.len())
    }

    /// Converts a byte offset to `unit`.
    pub fn from_byte(&self, byte: usize, unit: OffsetUnit) -> Option<usize> {
        match unit {
            OffsetUnit::Bytes => self.text.is_char_boundary(byte).then_some(byte),
            OffsetUnit::CodePoints => self.byte_to_char(byte),
            OffsetUnit::Utf16 => self.byte_to_utf16(byte),
        }
    }

    /// Converts an offset in `unit` to a byte offset.
    pub fn to_byte(&self, offset: usize, unit: OffsetUnit) -> Option<usize> {
        match unit {
            OffsetUnit::Bytes => self.text.is_char_boundary(offset).then_some(offset),
            OffsetUnit::CodePoints => self.char_to_byte(offset),
            OffsetUnit::Utf16 => self.utf16_to_byte(offset),
        }
    }

    /// Converts a byte range to `unit` (both ends); `None` if either end is invalid.
    pub fn range_from_bytes(
        &self,
        range: std::ops::Range<usize>,
        unit: OffsetUnit,
    ) -> Option<std::ops::Range<usize>> {
        Some(self.from_byte(range.start, unit)?..self.from_byte(range.end, unit)?)
    }

    /// Converts a range in `unit` to bytes (both ends); `None` if either end is invalid.
    pub fn range_to_bytes(
        &self,
        range: std::ops::Range<usize>,
        unit: OffsetUnit,
    ) -> Option<std::ops::Range<usize>> {
        Some(self.to_byte(range.start, unit)?..self.to_byte(range.end, unit)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counting_on_from_a_known_offset_agrees_with_the_lookup() {
        let text = "😀 قال المتحدث باسم الوزارة 🇵🇸 إنّ «الوفد» وصل. abc ".repeat(4);
        let index = OffsetIndex::new(&text);
        let chars = index.char_len();
        for from in 0..=chars {
            let Some(byte) = index.char_to_byte(from) else {
                panic!("{from} is inside the text");
            };
            for to in from.saturating_sub(3)..=(from + OffsetIndex::STRIDE + 3).min(chars + 2) {
                assert_eq!(
                    index.char_to_byte_after((from, byte), to),
                    index.char_to_byte(to),
                    "from {from} to {to}"
                );
            }
        }
    }

    #[test]
    fn agrees_with_naive_counting_everywhere() {
        let text = "😀 قال المتحدث باسم الوزارة 🇵🇸 إنّ «الوفد» وصل. abc ".repeat(5);
        let index = OffsetIndex::new(&text);
        let mut utf16 = 0;
        for (chars, (byte, c)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
            assert_eq!(index.byte_to_char(byte), Some(chars));
            assert_eq!(index.byte_to_utf16(byte), Some(utf16));
            assert_eq!(index.char_to_byte(chars), Some(byte));
            assert_eq!(index.utf16_to_byte(utf16), Some(byte));
            if c.len_utf16() == 2 && byte < text.len() {
                assert_eq!(index.utf16_to_byte(utf16 + 1), None);
            }
            if c.len_utf8() > 1 && byte < text.len() {
                assert_eq!(index.byte_to_char(byte + 1), None);
            }
            utf16 += c.len_utf16();
        }
        assert_eq!(index.char_to_byte(index.char_len() + 1), None);
        assert_eq!(index.byte_to_char(text.len() + 1), None);
    }

    #[test]
    fn empty_text() {
        let index = OffsetIndex::new("");
        assert_eq!(index.byte_to_char(0), Some(0));
        assert_eq!(index.char_to_byte(0), Some(0));
        assert_eq!(index.utf16_to_byte(0), Some(0));
        assert_eq!(index.char_to_byte(1), None);
    }
}
