//! Detecting and decoding the encodings Arabic articles come in: UTF-8 (with or without BOM),
//! UTF-16 with a BOM, and the legacy Windows-1256 and ISO-8859-6.

use encoding_rs::{Encoding, UTF_8};

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeProblem {
    /// NUL bytes or control characters: not a text file.
    Binary,
    /// No encoding decodes the bytes cleanly.
    Undecodable {
        /// The encoding that was tried last.
        guess: &'static str,
    },
}

/// Decoded text and the encoding it was read with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text without any byte order mark.
    pub text: String,
    /// A human name of the encoding, e.g. "UTF-8", "UTF-8 (BOM)", "windows-1256".
    pub encoding: String,
}

/// Decodes `bytes`: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise the bytes are
/// checked for binary content and the legacy encoding is guessed with chardetng.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeProblem> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(DecodeProblem::Undecodable {
                guess: encoding.name(),
            });
        }
        if looks_binary_text(&text) {
            return Err(DecodeProblem::Binary);
        }
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: format!("{} (BOM)", encoding.name()),
        });
    }
    if looks_binary_bytes(bytes) {
        return Err(DecodeProblem::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name().to_owned(),
        });
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(DecodeProblem::Undecodable {
            guess: encoding.name(),
        });
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name().to_owned(),
    })
}

/// A NUL byte, or many control bytes other than tab, newline and carriage return, in the first
/// 8 KB: a binary file (UTF-16 without a BOM is not supported and lands here too).
fn looks_binary_bytes(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    head.contains(&0) || controls * 100 > head.len().max(1)
}

fn looks_binary_text(text: &str) -> bool {
    let head: Vec<char> = text.chars().take(8192).collect();
    let controls = head
        .iter()
        .filter(|&&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    head.contains(&'\0') || controls * 100 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "قالت قناة RTN أيضًا إن 38٪ في عام 2023 (AES)\nوقال المتحدث باسم المجلس العسكري إن الانتخابات ستجرى في موعدها.";

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(ARABIC.as_bytes()).expect("utf-8");
        assert_eq!(plain.text, ARABIC);
        assert_eq!(plain.encoding, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(ARABIC.as_bytes());
        let with_bom = decode(&bom).expect("utf-8 bom");
        assert_eq!(with_bom.text, ARABIC);
        assert_eq!(with_bom.encoding, "UTF-8 (BOM)");
    }

    #[test]
    fn utf16_with_bom() {
        for (bom, big_endian) in [([0xFF, 0xFE], false), ([0xFE, 0xFF], true)] {
            let mut bytes = bom.to_vec();
            for unit in ARABIC.encode_utf16() {
                let pair = if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                };
                bytes.extend_from_slice(&pair);
            }
            let decoded = decode(&bytes).expect("utf-16");
            assert_eq!(decoded.text, ARABIC);
            assert!(
                decoded.encoding.starts_with("UTF-16"),
                "{}",
                decoded.encoding
            );
        }
    }

    #[test]
    fn legacy_arabic_encodings() {
        let text = "وقال المتحدث باسم المجلس العسكري إن الانتخابات ستجرى في موعدها، وإن الحكومة ملتزمة بالجدول الزمني.";
        for encoding in [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6] {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable);
            let decoded = decode(&bytes).expect("legacy");
            assert_eq!(decoded.text, text, "read as {}", decoded.encoding);
        }
    }

    #[test]
    fn binary_is_refused() {
        let bytes = [
            0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I', b'H',
        ];
        assert_eq!(decode(&bytes), Err(DecodeProblem::Binary));
    }
}
