//! spaCy's string ids: a symbol's fixed id, or else MurmurHash64A (seed 1) of the UTF-8 bytes,
//! as `spacy.strings.StringStore.add` computes them (through the `murmurhash` package).

use crate::io::export::spacy::symbols::SYMBOLS;

/// The id spaCy gives `string`: 0 for the empty string, the symbol id for the strings of
/// `spacy.symbols.IDS` (`"X"` is 101), otherwise [`murmurhash64a`] of its UTF-8 bytes with seed 1.
pub fn string_id(string: &str) -> u64 {
    if string.is_empty() {
        return 0;
    }
    match SYMBOLS.binary_search_by(|(symbol, _)| (*symbol).cmp(string)) {
        Ok(at) => SYMBOLS.get(at).map_or(0, |(_, id)| *id),
        Err(_) => murmurhash64a(string.as_bytes(), 1),
    }
}

/// Austin Appleby's MurmurHash64A (64-bit, for 64-bit platforms), reading 8-byte blocks little
/// endian as the C code does on x86-64 and ARM.
pub fn murmurhash64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (key.len() as u64).wrapping_mul(M);
    let mut blocks = key.chunks_exact(8);
    for block in &mut blocks {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(block);
        let mut k = u64::from_le_bytes(bytes);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = blocks.remainder();
    if !tail.is_empty() {
        for (i, byte) in tail.iter().enumerate() {
            h ^= u64::from(*byte) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_sorted_for_binary_search() {
        assert!(SYMBOLS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    // Computed with spaCy 3.8.18: `spacy.strings.hash_string(s)` (that is
    // `murmurhash.mrmr.hash64(s.encode(), len, 1)`); lengths 1 to 16 cover every tail length and
    // one or two whole blocks.
    #[test]
    fn hashes_match_spacy() {
        let expected: [(&str, u64); 13] = [
            ("a", 11901859001352538922),
            ("ab", 6606101647874324205),
            ("abc", 13021918864714763345),
            ("abcdefg", 18200195881963043692),
            ("abcdefghijklmnop", 12213882378445362951),
            ("لافروف", 14840006341618716702),
            ("actor", 6917656656232907963),
            ("abcdefgh", 17751780907874141760),
            ("abcdefghi", 13885881106499164936),
            ("قال", 3271224664869921545),
            ("😀", 13900606239988879105),
            ("hello world!", 2250993713583282316),
            ("\n", 962983613142996970),
        ];
        for (string, id) in expected {
            assert_eq!(string_id(string), id, "{string:?}");
        }
    }

    // `nlp.vocab.strings["X"]` and `["number"]` in spaCy 3.8.18: symbols, not hashes.
    #[test]
    fn symbols_keep_their_fixed_ids() {
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id("number"), 432);
        assert_eq!(string_id(""), 0);
    }
}
