//! The loss report: exactly what an export left out or changed, span by span.

use std::fmt;

use crate::io::export::{DocView, ExportFormat};
use crate::io::plural;
use crate::model::offsets::OffsetUnit;
use crate::model::{Relation, Span};

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
    /// Kept, but its attribute values were dropped: the format has no place for them (the detail
    /// lists them).
    AttributeDropped,
    /// Kept, but the line breaks and tabs of a free-text attribute became spaces (the detail
    /// names it).
    AttributeFlattened,
    /// A relation left out: the format cannot hold relations (recorded on its head span; the
    /// detail names the relation and its child).
    RelationDropped,
    /// A relation left out because one of its two spans was left out.
    RelationEndLeftOut,
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
            LossKind::AttributeDropped => {
                "attributes dropped: the format has no place for span attributes"
            }
            LossKind::AttributeFlattened => {
                "attribute changed: its line breaks and tabs became spaces"
            }
            LossKind::RelationDropped => "left out: the format cannot hold relations",
            LossKind::RelationEndLeftOut => "left out: one of its spans was left out",
        }
    }

    /// Whether the loss concerns a relation (counted as relations, not spans).
    pub fn is_relation(self) -> bool {
        matches!(
            self,
            LossKind::RelationDropped | LossKind::RelationEndLeftOut
        )
    }

    /// What one loss of this kind counts: `"relation"` or `"span"`.
    pub fn noun(self) -> &'static str {
        if self.is_relation() {
            "relation"
        } else {
            "span"
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
    /// What of it was lost, for attribute and relation losses (`"kind = anonymous"`,
    /// `"relation 3 attributed_to → span 6 (source) [10, 16): «…»"`); empty otherwise.
    pub detail: String,
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
    /// Relations in those documents.
    pub relations: usize,
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
            relations: docs.iter().map(|d| d.relations.len()).sum(),
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
            detail: String::new(),
        });
    }

    /// Records that `span` of `doc` lost something described by `detail` (attributes).
    pub fn record_detail(
        &mut self,
        kind: LossKind,
        doc: &DocView<'_>,
        span: &Span,
        detail: String,
    ) {
        self.record(kind, doc, span);
        if let Some(loss) = self.losses.last_mut() {
            loss.detail = detail;
        }
    }

    /// Records that `relation` of `doc` was left out (on its head span; the detail names the
    /// relation, its type and its child span).
    pub fn record_relation(&mut self, kind: LossKind, doc: &DocView<'_>, relation: &Relation) {
        let (Some(head), child) = (
            doc.span_by_id(relation.head),
            doc.span_by_id(relation.child),
        ) else {
            return;
        };
        let child = match child {
            Some(child) => format!(
                "span {} ({}) [{}, {}): «{}»",
                child.id.0,
                child.label.as_str(),
                doc.code_point(child.start),
                doc.code_point(child.end),
                one_line(doc.span_text(child))
            ),
            None => format!("span {}", relation.child.0),
        };
        let detail = format!("relation {} {} → {child}", relation.id.0, relation.kind);
        self.record_detail(kind, doc, head, detail);
    }

    /// Relations missing from the export.
    pub fn relations_dropped(&self) -> usize {
        self.losses.iter().filter(|l| l.kind.is_relation()).count()
    }

    /// Span attribute values dropped, one per span (see [`LossKind::AttributeDropped`]).
    pub fn spans_losing_attributes(&self) -> usize {
        self.losses
            .iter()
            .filter(|l| l.kind == LossKind::AttributeDropped)
            .count()
    }

    /// Whether everything was exported as annotated.
    pub fn is_complete(&self) -> bool {
        self.losses.is_empty()
    }

    /// Spans missing from the export (relations left out are not counted here: see
    /// [`LossReport::relations_dropped`]).
    pub fn dropped(&self) -> usize {
        self.losses.iter().filter(|l| l.kind.is_dropped()).count()
    }

    /// Spans written (possibly changed).
    pub fn written(&self) -> usize {
        self.spans - self.dropped()
    }

    /// How many spans (or relations, for relation kinds) each kind of loss concerns, in
    /// [`LossKind`] order.
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

    /// The one-line summary: `"3 documents, 120 of 125 spans written (offsets in code_points)"`,
    /// with `", 4 of 7 relations written"` before the offsets when the documents have relations.
    pub fn summary(&self) -> String {
        let offsets = if self.format.has_offsets() {
            format!(" (offsets in {})", self.unit.as_str())
        } else {
            String::new()
        };
        let relations = if self.relations > 0 {
            format!(
                ", {} of {} relation{} written",
                self.relations - self.relations_dropped().min(self.relations),
                self.relations,
                plural(self.relations)
            )
        } else {
            String::new()
        };
        format!(
            "{}: {} document{}, {} of {} spans written{relations}{offsets}",
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
            writeln!(
                f,
                "{count} {}{} {}:",
                kind.noun(),
                plural(count),
                kind.describe()
            )?;
            for loss in self.losses.iter().filter(|l| l.kind == kind) {
                let place = format!(
                    "span {} ({}) [{}, {}): «{}» in document {} «{}»",
                    loss.span_id,
                    loss.label,
                    loss.start,
                    loss.end,
                    one_line(&loss.text),
                    loss.doc_id,
                    loss.document,
                );
                if loss.detail.is_empty() {
                    writeln!(f, "  {place}")?;
                } else if kind.is_relation() {
                    writeln!(f, "  {} from {place}", loss.detail)?;
                } else {
                    writeln!(f, "  {place}: {}", loss.detail)?;
                }
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
