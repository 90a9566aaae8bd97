//! Reading brat standoff: an `.ann` file and the `.txt` beside it (see `io/export/brat.rs`).
//!
//! `T` lines become spans (offsets in code points into the `.txt`, as brat counts; a `.txt`
//! starting with a byte-order mark counts it as one character, as brat does, and the mark is not
//! part of the imported text). A span of several fragments (`4 22;24 35`) is read as one span when
//! only whitespace lies between its fragments (brat splits spans at line breaks that way);
//! otherwise it is rejected, since an Isnad span is one range. `AnnotatorNotes` lines become the
//! note of their span (several notes on one span are joined by line breaks). `R` lines become
//! relations from their first argument to their second; `A` (and old `M`) lines attribute values
//! (a binary attribute reads as `true`), and `Attribute.<name>` comment lines free-text attribute
//! values (see the export). Event, normalization and equivalence lines are listed as not imported.
//! The document's title is the file name without `.ann`.

mod line;

use std::collections::HashMap;
use std::io::Read as _;
use std::path::Path;

use line::Line;

use crate::io::export::one_line;
use crate::io::import::plan::shorten;
use crate::io::import::{
    ImportFormat, ImportReport, SourceDocument, SourceRelation, SourceSpan, read_text_file,
};
use crate::model::offsets::OffsetIndex;

/// Reads the `.ann` at `path` and its `.txt` into `docs`.
pub(crate) fn read(path: &Path, docs: &mut Vec<SourceDocument>, report: &mut ImportReport) {
    let ann = match read_text_file(path) {
        Ok(ann) => ann,
        Err(message) => return report.file_error(path, message),
    };
    let txt_path = path.with_extension("txt");
    let text = match read_text_file(&txt_path) {
        Ok(text) => text,
        Err(message) => {
            return report.file_error(
                path,
                format!(
                    "its text file {} cannot be read: {message}",
                    txt_path.display()
                ),
            );
        }
    };
    let shift = usize::from(starts_with_bom(&txt_path));
    let index = OffsetIndex::new(&text);
    let mut spans: Vec<SourceSpan> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut notes: Vec<(String, &str, &str)> = Vec::new();
    let mut attributes: Vec<(String, &str, &str, &str)> = Vec::new();
    let mut relations: Vec<SourceRelation> = Vec::new();
    for (n, raw) in ann.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let line_place = format!("line {}", n + 1);
        match line::parse(raw) {
            Err(reason) => match raw.split_once('\t') {
                Some((id, _)) => report.reject(path, format!("{line_place}, {id}"), reason),
                None => report.reject(path, line_place, reason),
            },
            Ok(Line::NotImported { id, reason }) => {
                report.reject(path, format!("{line_place}, {id}"), reason);
            }
            Ok(Line::Note { target, note }) => notes.push((line_place, target, note)),
            Ok(Line::TextAttribute {
                name,
                target,
                value,
            }) => attributes.push((
                format!("{line_place}, {name} on {target}"),
                target,
                name,
                value,
            )),
            Ok(Line::Attribute {
                id,
                name,
                target,
                value,
            }) => attributes.push((format!("{line_place}, {id}"), target, name, value)),
            Ok(Line::Relation {
                id,
                kind,
                head,
                child,
            }) => relations.push(SourceRelation {
                place: format!("{line_place}, {id}"),
                kind: kind.to_owned(),
                head: head.to_owned(),
                child: child.to_owned(),
                annotator: None,
            }),
            Ok(Line::Span {
                id,
                label,
                fragments,
                text: column,
            }) => {
                let place = format!("{line_place}, {id}");
                if let Some(first) = seen.get(id) {
                    report.reject(
                        path,
                        place,
                        format!("{id} is already defined on line {first}"),
                    );
                    continue;
                }
                seen.insert(id.to_owned(), n + 1);
                match one_range(&index, &fragments, shift, column) {
                    Ok((start, end, text)) => {
                        let mut span = SourceSpan::new(place, start, end, label.to_owned());
                        span.text = text;
                        span.key = Some(id.to_owned());
                        by_id.insert(id, spans.len());
                        spans.push(span);
                    }
                    Err(reason) => report.reject(path, place, reason),
                }
            }
        }
    }
    for (place, target, name, value) in attributes {
        match by_id.get(target).and_then(|&i| spans.get_mut(i)) {
            Some(span) => span.attributes.push((name.to_owned(), value.to_owned())),
            None if seen.contains_key(target) => report.reject(
                path,
                place,
                format!("{target} was rejected, so its attribute is not imported"),
            ),
            None => report.reject(path, place, format!("no span {target} in this file")),
        }
    }
    for (place, target, note) in notes {
        match by_id.get(target).and_then(|&i| spans.get_mut(i)) {
            Some(span) => match &mut span.note {
                Some(existing) => {
                    existing.push('\n');
                    existing.push_str(note);
                }
                None => span.note = Some(note.to_owned()),
            },
            None if seen.contains_key(target) => report.reject(
                path,
                format!("{place}, note on {target}"),
                format!("{target} was rejected, so its note is not imported"),
            ),
            None => report.reject(
                path,
                format!("{place}, note on {target}"),
                format!("no span {target} in this file"),
            ),
        }
    }
    docs.push(SourceDocument {
        file: path.to_owned(),
        place: String::new(),
        title: path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned()),
        text,
        status: None,
        unit: ImportFormat::Brat.default_unit(),
        spans,
        relations,
        annotator: None,
    });
}

/// Whether the file at `path` starts with a UTF-8 byte-order mark.
fn starts_with_bom(path: &Path) -> bool {
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == *b"\xEF\xBB\xBF")
}

/// The one range `(start, end)` of a span's `fragments` (code points, before removing a
/// byte-order mark of `shift` characters) and the text to check it against; an error when the
/// fragments are not one range up to whitespace.
fn one_range(
    index: &OffsetIndex<'_>,
    fragments: &[(usize, usize)],
    shift: usize,
    column: Option<&str>,
) -> Result<(usize, usize, Option<String>), String> {
    let mut parts = Vec::with_capacity(fragments.len());
    for &(start, end) in fragments {
        match (start.checked_sub(shift), end.checked_sub(shift)) {
            (Some(start), Some(end)) => parts.push((start, end)),
            _ => return Err("it covers the byte-order mark at the start of the .txt".to_owned()),
        }
    }
    let [first, .., last] = parts[..] else {
        // One fragment (the parser never gives none): the plan checks it and its text.
        let (start, end) = parts.first().copied().unwrap_or_default();
        return Ok((start, end, column.map(str::to_owned)));
    };
    let text = index.text();
    let mut bytes = Vec::with_capacity(parts.len());
    for &(start, end) in &parts {
        if start > end {
            return Err(format!("the fragment {start} {end} is reversed"));
        }
        match (index.char_to_byte(start), index.char_to_byte(end)) {
            (Some(s), Some(e)) => bytes.push(s..e),
            _ => {
                return Err(format!(
                    "the fragment {start} {end} ends past the end of the text ({} code points)",
                    index.char_len()
                ));
            }
        }
    }
    let written: Vec<&str> = bytes.iter().map(|r| &text[r.clone()]).collect();
    let written = written.join(" ");
    if let Some(column) = column.filter(|c| *c != written) {
        return Err(format!(
            "the file says the span is «{column}» but its fragments' text is «{written}»"
        ));
    }
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i]);
    for pair in order.windows(2) {
        let (before, after) = (&bytes[pair[0]], &bytes[pair[1]]);
        if before.end > after.start {
            return Err("its fragments overlap".to_owned());
        }
        let between = &text[before.end..after.start];
        if !between.chars().all(char::is_whitespace) {
            return Err(format!(
                "discontinuous: «{}» lies between two of its fragments, and an Isnad span is one range",
                visible(between)
            ));
        }
    }
    let start = parts.iter().map(|p| p.0).min().unwrap_or(first.0);
    let end = parts.iter().map(|p| p.1).max().unwrap_or(last.1);
    let (Some(s), Some(e)) = (index.char_to_byte(start), index.char_to_byte(end)) else {
        return Err("its fragments fall outside the text".to_owned());
    };
    Ok((start, end, Some(text[s..e].to_owned())))
}

/// `text` for a one-line report: at most 40 characters, control characters escaped (`\n`).
fn visible(text: &str) -> String {
    one_line(&shorten(text))
}
