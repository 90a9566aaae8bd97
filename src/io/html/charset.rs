//! The encoding a page declares (`<meta charset=...>` or `http-equiv` `content="...; charset=..."`).

use encoding_rs::Encoding;

/// The encoding declared in the first 4 KiB of `bytes`, as browsers read it: a `charset=` label
/// (ASCII, case-insensitive). UTF-16 labels are ignored (a page that decodes as ASCII up to the
/// label is not UTF-16).
pub fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'\n' | b'\r' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || b"-_:.".contains(&lower[i])) {
            i += 1;
        }
        if let Some(encoding) = Encoding::for_label(&lower[start..i]) {
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                return Some(encoding_rs::UTF_8);
            }
            return Some(encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_forms() {
        let w = encoding_rs::WINDOWS_1256;
        assert_eq!(
            declared_encoding(b"<meta charset=\"windows-1256\">"),
            Some(w)
        );
        assert_eq!(
            declared_encoding(
                b"<meta http-equiv=Content-Type content='text/html; charset=Windows-1256'>"
            ),
            Some(w)
        );
        assert_eq!(declared_encoding(b"<META CHARSET = cp1256>"), Some(w));
        assert_eq!(
            declared_encoding(b"<meta charset=utf-16>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(declared_encoding(b"<p>charset</p>"), None);
        assert_eq!(declared_encoding(b"charset="), None);
    }
}
