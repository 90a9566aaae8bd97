//! A fast path for the largest part of a project file: the `spans: [` section, one span per line.
//!
//! Deserializing 100,000 span lines through `ron` and serde dominates opening a large project (it
//! made the first frame of a 1 MB article with 100,000 spans 4.5 times that of the bare article).
//! The lines Isnad writes have one canonical shape, `(id: 7, doc: 1, start: 4, end: 22, label:
//! "actor"),`, which this module reads directly; a line with anything more (attributes, a note,
//! an annotator, an escaped label) is handed to `ron` on its own, so `ron` stays the one definition
//! of the syntax. Anything unexpected (a line that is not one whole span, a section that does not
//! end where it should) gives up the fast path, and the caller parses the whole file with `ron`
//! as before, so error messages and their places are unchanged.

use crate::io::project::format::FileSpan;

/// The spans read from the section, and the file's text with the section's lines emptied (each
/// span line becomes an empty line, so the other lines keep their numbers and columns), for `ron`
/// to read the rest.
pub(crate) struct SpanSection {
    /// The spans, in file order.
    pub(crate) spans: Vec<FileSpan>,
    /// The text with the span lines emptied.
    pub(crate) rest: String,
}

/// The line that opens the section, as the writer puts it.
const OPEN: &str = "\n    spans: [\n";
/// The line that closes it.
const CLOSE: &str = "    ],";

/// Reads the span section of `text` if it has the shape the writer gives it; `None` otherwise.
pub(crate) fn read_span_section(text: &str) -> Option<SpanSection> {
    let start = text.find(OPEN)? + OPEN.len();
    let mut spans = Vec::with_capacity(text[start..].len() / 64);
    let mut at = start;
    let end = loop {
        let line_end = text[at..].find('\n').map(|i| at + i)?;
        let line = &text[at..line_end];
        if line.trim_end() == CLOSE {
            break at;
        }
        let item = line.trim();
        if !(item.is_empty() || item.starts_with("//")) {
            spans.push(canonical_span(item).or_else(|| ron_span(item))?);
        }
        at = line_end + 1;
    };
    let lines = text[start..end].bytes().filter(|&b| b == b'\n').count();
    let mut rest = String::with_capacity(text.len() - (end - start) + lines);
    rest.push_str(&text[..start]);
    rest.extend(std::iter::repeat_n('\n', lines));
    rest.push_str(&text[end..]);
    Some(SpanSection { spans, rest })
}

/// One line through `ron` (a span with more than the five plain fields).
fn ron_span(item: &str) -> Option<FileSpan> {
    let item = item.strip_suffix(',').unwrap_or(item);
    ron::Options::default().from_str(item).ok()
}

/// `(id: 7, doc: 1, start: 4, end: 22, label: "actor"),` exactly, or `None`.
fn canonical_span(item: &str) -> Option<FileSpan> {
    let rest = item.strip_prefix("(id: ")?;
    let (id, rest) = number(rest)?;
    let (doc, rest) = number(rest.strip_prefix(", doc: ")?)?;
    let (start, rest) = number(rest.strip_prefix(", start: ")?)?;
    let (end, rest) = number(rest.strip_prefix(", end: ")?)?;
    let rest = rest.strip_prefix(", label: \"")?;
    let quote = rest.find('"')?;
    let label = &rest[..quote];
    if label.contains('\\') || !matches!(&rest[quote + 1..], ")," | ")") {
        return None;
    }
    Some(FileSpan {
        id,
        doc,
        start: usize::try_from(start).ok()?,
        end: usize::try_from(end).ok()?,
        label: label.to_owned(),
        attributes: Default::default(),
        note: None,
        annotator: None,
        suggested_by: None,
    })
}

/// A decimal number without sign or leading zeros (as `ron` writes it), and what follows.
fn number(s: &str) -> Option<(u64, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || (digits > 1 && s.starts_with('0')) {
        return None;
    }
    Some((s[..digits].parse().ok()?, &s[digits..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "(\n    format_version: 3,\n    spans: [\n        // document 1\n        (id: 12, doc: 1, start: 0, end: 4, label: \"actor\"),\n        (id: 13, doc: 1, start: 5, end: 9, label: \"claim\", note: Some(\"قال \\\"نعم\\\"\")),\n    ],\n    relations: [],\n)\n";

    #[test]
    fn reads_plain_lines_directly_and_the_others_through_ron() {
        let section = read_span_section(FILE).expect("the writer's shape");
        type Row<'a> = (u64, u64, usize, usize, &'a str, Option<&'a str>);
        let spans: Vec<Row> = section
            .spans
            .iter()
            .map(|s| {
                let note = s.note.as_deref();
                (s.id, s.doc, s.start, s.end, s.label.as_str(), note)
            })
            .collect();
        assert_eq!(
            spans,
            [
                (12, 1, 0, 4, "actor", None),
                (13, 1, 5, 9, "claim", Some("قال \"نعم\"")),
            ]
        );
        // The same lines, the span lines empty.
        assert_eq!(section.rest.lines().count(), FILE.lines().count());
        assert!(section.rest.lines().nth(4).expect("line").trim().is_empty());
        assert!(section.rest.contains("    ],\n    relations: []"));
    }

    #[test]
    fn anything_unexpected_gives_up_the_fast_path() {
        for broken in [
            FILE.replace("end: 4,", "end: -4,"),
            FILE.replace("(id: 12", "(id 12"),
            FILE.replace("    ],\n    relations", "    ]\n    relations"),
            FILE.replace("label: \"claim\"", "label: 5"),
            "(\n    spans: [\n        (id: 1, doc: 1, start: 0, end: 1, label: \"a\"),".to_owned(),
        ] {
            assert!(read_span_section(&broken).is_none(), "{broken}");
        }
    }

    #[test]
    fn numbers_are_plain_decimals() {
        assert_eq!(number("42, x"), Some((42, ", x")));
        assert_eq!(number("0)"), Some((0, ")")));
        assert_eq!(number("007"), None, "ron would read it, so leave it to ron");
        assert_eq!(number("99999999999999999999"), None, "overflow");
        assert_eq!(number("x"), None);
    }
}
