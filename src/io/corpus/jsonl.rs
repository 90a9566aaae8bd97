//! JSONL corpora: one JSON object per line, `"text"` required, `"title"` used as the title when
//! it is a string, every other field kept as metadata.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use serde_json::Value;

use super::{Collector, CorpusEntry, SkipReason};
use crate::io::article::{MAX_ARTICLE_BYTES, cut_chars};
use crate::io::progress::Progress;

/// The longest JSONL line read (bytes, newline excluded); longer lines are skipped as too large.
pub const MAX_JSONL_LINE_BYTES: u64 = MAX_ARTICLE_BYTES;
/// At most this many metadata fields are kept per line (the first in name order).
pub const MAX_META_FIELDS: usize = 64;
/// Metadata values longer than this (bytes) are cut at a character boundary and end with `…`.
pub const MAX_META_VALUE_BYTES: usize = 16 * 1024;
pub use crate::io::article::MAX_TITLE_CHARS;

/// How often (in lines) a cancel request is checked inside a JSONL file.
const CANCEL_CHECK_LINES: usize = 1000;

/// Reads the JSONL file at `path` line by line into the collector.
pub(super) fn read(path: &Path, collector: &mut Collector<'_>, progress: &Progress) {
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) => {
            collector.skip(
                path.display().to_string(),
                SkipReason::Unreadable(e.to_string()),
            );
            return;
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut reader = BufReader::new(file);
    let mut buf = Vec::new();
    let mut number = 0usize;
    loop {
        number += 1;
        let source = format!("{} line {number}", path.display());
        if number.is_multiple_of(CANCEL_CHECK_LINES) && progress.is_cancelled() {
            collector.read.report.cancelled = true;
            let rest = format!("{} from line {number}", path.display());
            collector.skip(rest, SkipReason::Cancelled);
            return;
        }
        let line = match read_line(&mut reader, &mut buf) {
            Ok(Line::End) => return,
            Ok(Line::Read) => &buf[..],
            Ok(Line::TooLong(size)) => {
                let limit = MAX_JSONL_LINE_BYTES;
                collector.skip(source, SkipReason::TooLarge { size, limit });
                continue;
            }
            Err(e) => {
                collector.skip(source, SkipReason::Unreadable(e.to_string()));
                return;
            }
        };
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let line = if number == 1 {
            line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
        } else {
            line
        };
        if line.iter().all(u8::is_ascii_whitespace) {
            continue; // Blank lines separate nothing and are not reported.
        }
        match parse_line(line, &stem, number) {
            Ok((title, text, meta)) => {
                let entry = CorpusEntry {
                    title,
                    source_path: source,
                    text,
                    meta,
                    encoding: "UTF-8".to_owned(),
                };
                collector.offer(entry);
            }
            Err(reason) => collector.skip(source, reason),
        }
    }
}

enum Line {
    End,
    Read,
    TooLong(u64),
}

/// Reads one line (newline included) into `buf`, without ever holding more than the limit.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<Line> {
    buf.clear();
    let cap = MAX_JSONL_LINE_BYTES + 2; // Room for "\r\n".
    let n = reader.by_ref().take(cap).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Line::End);
    }
    if buf.ends_with(b"\n") || (n as u64) < cap {
        return Ok(Line::Read);
    }
    // Too long: skip the rest of the line, counting its bytes.
    let mut size = n as u64;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            break;
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(i) => {
                size += i as u64;
                reader.consume(i + 1);
                break;
            }
            None => {
                let len = available.len();
                size += len as u64;
                reader.consume(len);
            }
        }
    }
    buf.clear();
    Ok(Line::TooLong(size))
}

type Parsed = (String, String, BTreeMap<String, String>);

/// The title, text and metadata of one non-blank line.
fn parse_line(line: &[u8], stem: &str, number: usize) -> Result<Parsed, SkipReason> {
    let line = std::str::from_utf8(line).map_err(|_| SkipReason::Undecodable {
        guess: "UTF-8 (JSONL is always UTF-8)".to_owned(),
    })?;
    let value: Value =
        serde_json::from_str(line).map_err(|e| SkipReason::BrokenJsonLine(e.to_string()))?;
    let Value::Object(mut object) = value else {
        return Err(SkipReason::BrokenJsonLine("not a JSON object".to_owned()));
    };
    let Some(Value::String(text)) = object.remove("text") else {
        return Err(SkipReason::NoText);
    };
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    if looks_binary(&text) {
        return Err(SkipReason::Binary);
    }
    let title = match object.remove("title") {
        Some(Value::String(t)) if !t.trim().is_empty() => cut_chars(t.trim(), MAX_TITLE_CHARS),
        Some(Value::String(_)) | None => format!("{stem} line {number}"),
        Some(other) => {
            object.insert("title".to_owned(), other);
            format!("{stem} line {number}")
        }
    };
    let meta = object
        .into_iter()
        .take(MAX_META_FIELDS)
        .map(|(key, value)| {
            let value = match value {
                Value::String(s) => s,
                other => other.to_string(), // Numbers, booleans, null, compact JSON.
            };
            (
                cut_bytes(&key, MAX_META_VALUE_BYTES),
                cut_bytes(&value, MAX_META_VALUE_BYTES),
            )
        })
        .collect();
    Ok((title, text, meta))
}

/// NUL, or more than 1% control characters other than tab, newlines and form feed, in the first
/// 8,192 characters (as for article files).
fn looks_binary(text: &str) -> bool {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(8192) {
        if c == '\0' {
            return true;
        }
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    controls * 100 > chars.max(1)
}

fn cut_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_owned();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_metadata() {
        let line = r#"{"text":"نص","title":"  عنوان ","id":7,"ok":true,"tags":["a","b"],"src":{"x":1},"none":null,"url":"u"}"#;
        let (title, text, meta) = parse_line(line.as_bytes(), "c", 1).expect("parsed");
        assert_eq!((title.as_str(), text.as_str()), ("عنوان", "نص"));
        assert_eq!(meta["id"], "7");
        assert_eq!(meta["ok"], "true");
        assert_eq!(meta["tags"], r#"["a","b"]"#);
        assert_eq!(meta["src"], r#"{"x":1}"#);
        assert_eq!(meta["none"], "null");
        assert_eq!(meta["url"], "u");
        assert!(!meta.contains_key("title") && !meta.contains_key("text"));
    }

    #[test]
    fn non_string_title_is_metadata_and_bad_lines_are_reasons() {
        let (title, _, meta) = parse_line(br#"{"text":"x","title":3}"#, "c", 4).expect("parsed");
        assert_eq!(title, "c line 4");
        assert_eq!(meta["title"], "3");
        assert!(matches!(
            parse_line(b"{", "c", 1),
            Err(SkipReason::BrokenJsonLine(_))
        ));
        assert!(matches!(
            parse_line(b"[1]", "c", 1),
            Err(SkipReason::BrokenJsonLine(_))
        ));
        assert_eq!(
            parse_line(br#"{"text":5}"#, "c", 1),
            Err(SkipReason::NoText)
        );
        assert_eq!(
            parse_line(br#"{"text":" "}"#, "c", 1),
            Err(SkipReason::Empty)
        );
        assert_eq!(
            parse_line(br#"{"text":"a\u0000b"}"#, "c", 1),
            Err(SkipReason::Binary)
        );
        assert!(matches!(
            parse_line(b"\xff", "c", 1),
            Err(SkipReason::Undecodable { .. })
        ));
    }

    #[test]
    fn long_values_are_cut_on_character_boundaries() {
        let long = "ب".repeat(MAX_META_VALUE_BYTES);
        let cut = cut_bytes(&long, MAX_META_VALUE_BYTES);
        assert!(cut.len() <= MAX_META_VALUE_BYTES + '…'.len_utf8() && cut.ends_with('…'));
        assert_eq!(cut_chars("abc", 2), "ab…");
        assert_eq!(cut_chars("ab", 2), "ab");
    }

    #[test]
    fn lines_are_read_with_and_without_final_newline() {
        let mut reader = BufReader::new(&b"a\nb"[..]);
        let mut buf = Vec::new();
        assert!(matches!(read_line(&mut reader, &mut buf), Ok(Line::Read)));
        assert_eq!(buf, b"a\n");
        assert!(matches!(read_line(&mut reader, &mut buf), Ok(Line::Read)));
        assert_eq!(buf, b"b");
        assert!(matches!(read_line(&mut reader, &mut buf), Ok(Line::End)));
    }
}
