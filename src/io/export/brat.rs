//! brat standoff folder: per document `doc-<id>.txt` (exactly the text, UTF-8) and `doc-<id>.ann`,
//! plus `annotation.conf` and `visual.conf` (see `brat/conf.rs`).
//!
//! ```text
//! T1<TAB>source 6 27<TAB>المتحدثُ باسم الوزارة
//! #1<TAB>AnnotatorNotes T1<TAB>المتحدث الرسمي
//! A1<TAB>kind T1 institution
//! A2<TAB>verified T1 yes
//! T4<TAB>claim 6 13;14 20<TAB>الوزير: «الوفد
//! #2<TAB>Attribute.comment T4<TAB>نقلاً عن البيان
//! R1<TAB>attributed_to Arg1:T4 Arg2:T1
//! ```
//! Offsets are code points into the `.txt` (what brat and every Python reader count; an `.ann`
//! has no place to state another unit, so a UTF-16 request is not honoured here). `T` ids are the
//! span ids, stable across exports. A span over a line break or tab is written as fragments split
//! there, as brat itself writes it, with the text column joining the fragments' texts by a space;
//! the importer joins fragments separated only by whitespace back into one span. Line breaks or
//! tabs at a span's edges cannot be written (reported), nor a span of nothing else (reported);
//! line breaks and tabs in notes become spaces (reported).
//!
//! Relations are `R` lines with the relation id, the type id, the head as `Arg1` and the child as
//! `Arg2` (a relation whose span could not be written is reported). Choice attributes are `A`
//! lines with the choice id as value; flags too, with the value `yes` or `no` (a brat binary
//! attribute could not tell a flag set to no from an unset one); `annotation.conf` declares both.
//! brat has no free-text attributes: a free-text value is a comment line of the type
//! `Attribute.<name>` on its span, beside the span's `AnnotatorNotes` (line breaks and tabs
//! become spaces, reported).

mod conf;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;

use crate::io::export::{
    DocView, ExportError, ExportFile, FilePlace, LossKind, LossReport, Progress,
};
use crate::model::offsets::OffsetUnit;
use crate::model::{AttributeValue, Project, SpanId};

/// The brat standoff folder export.
pub(crate) fn export(
    project: &Project,
    docs: &[DocView<'_>],
    report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    report.unit = OffsetUnit::CodePoints;
    let mut files = Vec::with_capacity(docs.len() * 2 + 2);
    files.push(ExportFile {
        place: FilePlace::InFolder("annotation.conf".to_owned()),
        bytes: conf::annotation_conf(project.schema()).into_bytes(),
    });
    files.push(ExportFile {
        place: FilePlace::InFolder("visual.conf".to_owned()),
        bytes: conf::visual_conf(project.schema()).into_bytes(),
    });
    for view in docs {
        if progress.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        let view = if view.unit() == OffsetUnit::CodePoints {
            view.clone()
        } else {
            DocView::new(project, view.doc, OffsetUnit::CodePoints)
        };
        let name = view.doc_key();
        files.push(ExportFile {
            place: FilePlace::InFolder(format!("{name}.txt")),
            bytes: view.text().as_bytes().to_vec(),
        });
        files.push(ExportFile {
            place: FilePlace::InFolder(format!("{name}.ann")),
            bytes: ann_text(&view, report).into_bytes(),
        });
        progress.advance();
    }
    Ok(files)
}

/// Whether brat (or a Python reader splitting lines) would end a line at `c`, or brat would split
/// a span at it (tab): such characters cannot appear in a `.ann` text column or note.
pub(crate) fn is_break(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The byte ranges of `range` in `text` between breaks (see [`is_break`]), empty ones left out.
fn fragments(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let covered = text.get(range.clone()).unwrap_or_default();
    for (at, c) in covered.char_indices() {
        if is_break(c) {
            let here = range.start + at;
            if here > start {
                out.push(start..here);
            }
            start = here + c.len_utf8();
        }
    }
    if range.end > start {
        out.push(start..range.end);
    }
    out
}

/// `text` on one line: every break (see [`is_break`]) a space.
fn flatten(text: &str) -> String {
    text.chars()
        .map(|c| if is_break(c) { ' ' } else { c })
        .collect()
}

/// The `.ann` file of one document: a `T` line per span, an `AnnotatorNotes` line after each span
/// with a note, its attribute lines, then an `R` line per relation.
fn ann_text(view: &DocView<'_>, report: &mut LossReport) -> String {
    let text = view.text();
    let mut out = String::new();
    let mut notes = 0;
    let mut attributes = 0;
    let mut left_out: HashSet<SpanId> = HashSet::new();
    for span in view.spans {
        let parts = fragments(text, span.range());
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            report.record(LossKind::OnlyBreaks, view, span);
            left_out.insert(span.id);
            continue;
        };
        if first.start != span.start || last.end != span.end {
            report.record(LossKind::EdgeBreaksTrimmed, view, span);
        }
        let offsets: Vec<String> = parts
            .iter()
            .map(|p| format!("{} {}", view.offset(p.start), view.offset(p.end)))
            .collect();
        let texts: Vec<&str> = parts
            .iter()
            .map(|p| text.get(p.clone()).unwrap_or_default())
            .collect();
        let id = span.id.0;
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "T{id}\t{} {}\t{}",
            span.label.as_str(),
            offsets.join(";"),
            texts.join(" ")
        );
        if let Some(note) = span.note().as_deref().filter(|n| !n.is_empty()) {
            let flat = flatten(note);
            if flat != note {
                report.record(LossKind::NoteFlattened, view, span);
            }
            notes += 1;
            let _ = writeln!(out, "#{notes}\tAnnotatorNotes T{id}\t{flat}");
        }
        for (name, value) in span.attributes() {
            match value {
                AttributeValue::Choice(choice) => {
                    attributes += 1;
                    let _ = writeln!(out, "A{attributes}\t{name} T{id} {choice}");
                }
                AttributeValue::Flag(flag) => {
                    attributes += 1;
                    let value = if *flag { "yes" } else { "no" };
                    let _ = writeln!(out, "A{attributes}\t{name} T{id} {value}");
                }
                AttributeValue::Text(free) => {
                    let flat = flatten(free);
                    if flat != *free {
                        report.record_detail(
                            LossKind::AttributeFlattened,
                            view,
                            span,
                            name.clone(),
                        );
                    }
                    notes += 1;
                    let _ = writeln!(out, "#{notes}\tAttribute.{name} T{id}\t{flat}");
                }
            }
        }
    }
    for relation in &view.relations {
        if left_out.contains(&relation.head) || left_out.contains(&relation.child) {
            report.record_relation(LossKind::RelationEndLeftOut, view, relation);
            continue;
        }
        let _ = writeln!(
            out,
            "R{}\t{} Arg1:T{} Arg2:T{}",
            relation.id.0, relation.kind, relation.head.0, relation.child.0
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_split_at_breaks_and_skip_empty_ones() {
        let text = "ab\ncd\r\n\tef";
        let parts: Vec<&str> = fragments(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(parts, ["ab", "cd", "ef"]);
        assert_eq!(fragments(text, 2..3), Vec::<Range<usize>>::new());
        assert_eq!(fragments(text, 1..4), vec![1..2, 3..4]);
    }

    #[test]
    fn python_line_ends_are_breaks() {
        for c in ['\n', '\r', '\t', '\u{85}', '\u{2028}', '\u{2029}', '\u{0C}'] {
            assert!(is_break(c), "{c:?}");
        }
        for c in [' ', '\u{A0}', 'ا', '\u{200F}'] {
            assert!(!is_break(c), "{c:?}");
        }
    }
}
