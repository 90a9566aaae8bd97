//! The loss report: exactly what an export left out or changed, span by span.

use std::fmt;

use crate::io::export::{DocView, ExportFormat};
use crate::io::plural;
use crate::model::Span;
use crate::model::offsets::OffsetUnit;

/// Why a span is in the loss report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LossKind {
    /// Left out: it overlaps or nests with a span that was kept (formats with one tag per token).
    Overlapping,
    /// Left out: an edge falls inside a token (and the user chose not to widen spans).
    InsideToken,
    /// Widened to whole tokens: the exported span covers more text than the annotated one.
    WidenedToTokens,
    /// Left out: it crosses a sentence boundary (formats that split sentences).
    CrossesSentence,
    /// Kept, but its note was dropped: the format has no place for notes.
    NoteDropped,
    /// Left out: it covers only whitespace after tokenisation (no token to tag).
    NoToken,
    /// Shortened: line breaks or tabs at its edges were left out (line-based formats such as brat
    /// cannot write them inside a span).
    EdgeBreaksTrimmed,
    /// Left out: it covers only line breaks or tabs (line-based formats such as brat).
    OnlyBreaks,
    /// Kept, but the line breaks and tabs of its note became spaces (the format's notes are one
    /// line).
    NoteFlattened,
}

impl LossKind {
    /// What happened, as a sentence fragment for the report.
    pub fn describe(self) -> &'static str {
        match self {
            LossKind::Overlapping => "left out: overlaps or nests inside another span",
            LossKind::InsideToken => "left out: an edge falls inside a token",
            LossKind::WidenedToTokens => "widened to whole tokens",
            LossKind::CrossesSentence => "left out: crosses a sentence boundary",
            LossKind::NoteDropped => "note dropped: the format has no place for notes",
            LossKind::NoToken => "left out: covers no token",
            LossKind::EdgeBreaksTrimmed => {
                "shortened: line breaks or tabs at its edges left out (the format cannot hold them)"
            }
            LossKind::OnlyBreaks => "left out: covers only line breaks or tabs",
            LossKind::NoteFlattened => "note changed: its line breaks and tabs became spaces",
        }
    }

    /// Whether the span itself is missing from the export (rather than changed).
    pub fn is_dropped(self) -> bool {
        matches!(
            self,
            LossKind::Overlapping
                | LossKind::InsideToken
                | LossKind::CrossesSentence
                | LossKind::NoToken
                | LossKind::OnlyBreaks
        )
    }
}

/// One span concerned by a loss, described so the user can find it (code-point offsets, as in the
/// span list and the project file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LostSpan {
    /// What happened to it.
    pub kind: LossKind,
    /// Its document's title.
    pub document: String,
    /// Its document's id.
    pub doc_id: u64,
    /// The span's id.
    pub span_id: u64,
    /// Its label id.
    pub label: String,
    /// Start in code points.
    pub start: usize,
    /// End in code points (exclusive).
    pub end: usize,
    /// The text it covers.
    pub text: String,
}

/// What an export wrote and what it could not hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LossReport {
    /// The format.
    pub format: ExportFormat,
    /// The unit of the offsets written.
    pub unit: OffsetUnit,
    /// Documents exported.
    pub documents: usize,
    /// Spans in those documents.
    pub spans: usize,
    /// Every span left out or changed, in the order met.
    pub losses: Vec<LostSpan>,
}

impl LossReport {
    /// An empty report for an export of `docs`.
    pub fn new(format: ExportFormat, unit: OffsetUnit, docs: &[DocView<'_>]) -> Self {
        Self {
            format,
            unit,
            documents: docs.len(),
            spans: docs.iter().map(|d| d.spans.len()).sum(),
            losses: Vec::new(),
        }
    }

    /// Records that `span` of `doc` was left out or changed.
    pub fn record(&mut self, kind: LossKind, doc: &DocView<'_>, span: &Span) {
        self.losses.push(LostSpan {
            kind,
            document: doc.doc.title().to_owned(),
            doc_id: doc.doc.id().0,
            span_id: span.id.0,
            label: span.label.as_str().to_owned(),
            start: doc.code_point(span.start),
            end: doc.code_point(span.end),
            text: doc.span_text(span).to_owned(),
        });
    }

    /// Whether everything was exported as annotated.
    pub fn is_complete(&self) -> bool {
        self.losses.is_empty()
    }

    /// Spans missing from the export.
    pub fn dropped(&self) -> usize {
        self.losses.iter().filter(|l| l.kind.is_dropped()).count()
    }

    /// Spans written (possibly changed).
    pub fn written(&self) -> usize {
        self.spans - self.dropped()
    }

    /// How many spans each kind of loss concerns, in [`LossKind`] order.
    pub fn counts(&self) -> Vec<(LossKind, usize)> {
        let mut counts: Vec<(LossKind, usize)> = Vec::new();
        for loss in &self.losses {
            match counts.iter_mut().find(|(kind, _)| *kind == loss.kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((loss.kind, 1)),
            }
        }
        counts.sort();
        counts
    }

    /// The one-line summary: `"3 documents, 120 of 125 spans written (offsets in code_points)"`.
    pub fn summary(&self) -> String {
        let offsets = if self.format.has_offsets() {
            format!(" (offsets in {})", self.unit.as_str())
        } else {
            String::new()
        };
        format!(
            "{}: {} document{}, {} of {} spans written{offsets}",
            self.format.cli_name(),
            self.documents,
            plural(self.documents),
            self.written(),
            self.spans,
        )
    }
}

impl fmt::Display for LossReport {
    /// The summary, then each kind of loss with its count and every span concerned.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary())?;
        for (kind, count) in self.counts() {
            writeln!(f, "{count} span{} {}:", plural(count), kind.describe())?;
            for loss in self.losses.iter().filter(|l| l.kind == kind) {
                writeln!(
                    f,
                    "  span {} ({}) [{}, {}): «{}» in document {} «{}»",
                    loss.span_id,
                    loss.label,
                    loss.start,
                    loss.end,
                    one_line(&loss.text),
                    loss.doc_id,
                    loss.document,
                )?;
            }
        }
        Ok(())
    }
}

/// `text` on one line: line breaks, tabs and other control characters shown as escapes (`\n`),
/// so a report line stays one line.
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_escapes_breaks_and_keeps_arabic() {
        assert_eq!(one_line("قال\nالوزير\t«نعم»"), "قال\\nالوزير\\t«نعم»");
        assert_eq!(one_line("\u{200F}x"), "\u{200F}x");
    }
}
