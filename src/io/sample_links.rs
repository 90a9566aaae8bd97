//! The relations, attributes and notes of the bundled sample project, written by span text in
//! `projects/sample.links.txt` (so the sample's spans keep their ids from the markup).
//!
//! ```text
//! # A span is LABEL «TEXT», or LABEL «TEXT»#N for the N-th span (from 1) with that label and text.
//! claim «لن نسمح بارتفاع سعر الخبز» attributed_to source «الوزير»
//! source «مصدرًا في الوزارة» kind=anonymous
//! source «مصدرًا في الوزارة» note: طلب عدم الكشف عن اسمه
//! ```
//!
//! A line is a relation (`HEAD TYPE CHILD`), attribute values (`SPAN name=value…`) or a note
//! (`SPAN note: TEXT`). Blank lines and lines starting with `#` are skipped.

use crate::command::Edit;
use crate::model::{DocId, ModelError, Project, RelationTypeId, SpanId};

/// Why a line of the links file could not be applied.
#[derive(Debug, thiserror::Error)]
pub enum LinksError {
    /// The line is malformed.
    #[error("line {line}: {message}")]
    Syntax {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The line breaks a model rule (e.g. a relation type that does not fit the labels).
    #[error("line {line}: {source}")]
    Model {
        /// 1-based line number.
        line: usize,
        /// The model's reason.
        source: ModelError,
    },
}

/// Splits `LABEL «TEXT»` or `LABEL «TEXT»#N` off the start of `s`; returns the label, the text,
/// the occurrence (from 1) and the rest.
fn span_ref(s: &str) -> Option<(&str, &str, usize, &str)> {
    let s = s.trim_start();
    let open = s.find('«')?;
    let label = s[..open].trim();
    let after = &s[open + '«'.len_utf8()..];
    let close = after.find('»')?;
    let text = &after[..close];
    let mut rest = &after[close + '»'.len_utf8()..];
    let mut nth = 1;
    if let Some(number) = rest.strip_prefix('#') {
        let digits = number.bytes().take_while(u8::is_ascii_digit).count();
        nth = number[..digits].parse().ok()?;
        rest = &number[digits..];
    }
    Some((label, text, nth, rest))
}

/// The id of the `nth` span of `doc` with this label and text.
fn find_span(project: &Project, doc: DocId, label: &str, text: &str, nth: usize) -> Option<SpanId> {
    let full = project.document(doc)?.text();
    project
        .spans_of(doc)
        .iter()
        .filter(|s| s.label.as_str() == label && full.get(s.range()) == Some(text))
        .nth(nth.checked_sub(1)?)
        .map(|s| s.id)
}

/// Applies the links file to document `doc` of `project`: one edit per line, in order.
pub fn apply_links(project: &mut Project, doc: DocId, links: &str) -> Result<(), LinksError> {
    for (n, raw) in links.lines().enumerate() {
        let line = n + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let syntax = |message: String| LinksError::Syntax { line, message };
        let (label, text, nth, rest) =
            span_ref(trimmed).ok_or_else(|| syntax("expected LABEL «TEXT»".into()))?;
        let span = find_span(project, doc, label, text, nth)
            .ok_or_else(|| syntax(format!("no span {label} «{text}»#{nth}")))?;
        let rest = rest.trim();
        let edits = if let Some(note) = rest.strip_prefix("note:") {
            vec![Edit::SetNote {
                id: span,
                note: Some(note.trim().to_owned()),
            }]
        } else if let Some((kind, other)) = rest.split_once(char::is_whitespace)
            && other.contains('«')
        {
            let (label, text, nth, tail) = span_ref(other)
                .ok_or_else(|| syntax("expected TYPE LABEL «TEXT» after the head".into()))?;
            if !tail.trim().is_empty() {
                return Err(syntax(format!("unexpected “{}”", tail.trim())));
            }
            let child = find_span(project, doc, label, text, nth)
                .ok_or_else(|| syntax(format!("no span {label} «{text}»#{nth}")))?;
            let kind =
                RelationTypeId::new(kind).map_err(|source| LinksError::Model { line, source })?;
            vec![Edit::add_relation(project, kind, span, child)]
        } else {
            let mut edits = Vec::new();
            for pair in rest.split_whitespace() {
                let (name, value) = pair
                    .split_once('=')
                    .ok_or_else(|| syntax(format!("expected name=value, found “{pair}”")))?;
                let label = project.span(span).map(|s| s.label.clone());
                let def = label
                    .and_then(|l| project.schema().attribute(&l, name).cloned())
                    .ok_or_else(|| syntax(format!("the span's label has no attribute “{name}”")))?;
                let value = def
                    .parse(value)
                    .ok_or_else(|| syntax(format!("“{value}” is not a value of “{name}”")))?;
                edits.push(Edit::SetAttribute {
                    span,
                    name: name.to_owned(),
                    value: Some(value),
                });
            }
            edits
        };
        for edit in edits {
            edit.apply(project)
                .map_err(|source| LinksError::Model { line, source })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::project_from_markup;
    use crate::model::{ATTRIBUTED_TO, AttributeValue};

    #[test]
    fn relations_attributes_and_notes_by_span_text() {
        let (mut project, doc) = project_from_markup(
            "قال [الوزير|source] إن [الخبز|claim] متوفر، وقال [الوزير|source] إن [الخبز|claim] رخيص",
        )
        .expect("markup");
        let links = "# comment\n\nclaim «الخبز»#2 attributed_to source «الوزير»#2\nsource «الوزير» kind=named_person\nclaim «الخبز» note: تصريح  \n";
        apply_links(&mut project, doc, links).expect("applies");
        let spans = project.spans_of(doc).to_vec();
        let relation = project
            .relations_of_doc(doc)
            .next()
            .expect("one relation")
            .clone();
        assert_eq!(relation.kind.as_str(), ATTRIBUTED_TO);
        assert_eq!((relation.head, relation.child), (spans[3].id, spans[2].id));
        assert_eq!(
            spans[0].attributes().get("kind"),
            Some(&AttributeValue::Choice("named_person".into()))
        );
        assert_eq!(spans[1].note().as_deref(), Some("تصريح"));
    }

    #[test]
    fn mistakes_name_their_line() {
        let (mut project, doc) =
            project_from_markup("[الوزير|source] [الخبز|claim]").expect("markup");
        for (links, expected) in [
            (
                "claim «غير موجود» attributed_to source «الوزير»",
                "line 1: no span",
            ),
            ("\nsource «الوزير» about claim «الخبز»", "line 2:"),
            ("source «الوزير» kind=alien", "not a value"),
            ("source «الوزير» colour=red", "no attribute"),
            ("source الوزير", "expected LABEL"),
        ] {
            let error = apply_links(&mut project, doc, links)
                .expect_err(links)
                .to_string();
            assert!(error.contains(expected), "{links}: {error}");
        }
        assert_eq!(project.relation_count(), 0);
    }
}
