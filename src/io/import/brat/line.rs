//! One line of a brat `.ann` file, parsed but not yet checked against the text.

/// What a line holds.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// A text-bound annotation: `T1<TAB>label 4 22;24 35<TAB>text`.
    Span {
        /// Its id (`T1`).
        id: &'a str,
        /// Its type.
        label: &'a str,
        /// Its fragments as written, `(start, end)` in code points.
        fragments: Vec<(usize, usize)>,
        /// The text column, if the line has one.
        text: Option<&'a str>,
    },
    /// `#1<TAB>AnnotatorNotes T1<TAB>note`.
    Note {
        /// The id of the annotation the note is on.
        target: &'a str,
        /// The note.
        note: &'a str,
    },
    /// `R1<TAB>attributed_to Arg1:T4 Arg2:T1`: a relation from the first argument to the second.
    Relation {
        /// Its id (`R1`).
        id: &'a str,
        /// Its type.
        kind: &'a str,
        /// The id of the first argument (the head).
        head: &'a str,
        /// The id of the second argument (the child).
        child: &'a str,
    },
    /// `A1<TAB>kind T5 named_person` (multi-valued) or `A2<TAB>verified T5` (binary: `true`).
    Attribute {
        /// Its id (`A1`).
        id: &'a str,
        /// The attribute name.
        name: &'a str,
        /// The id of the annotation it is on.
        target: &'a str,
        /// The value (`"true"` for a binary attribute).
        value: &'a str,
    },
    /// `#2<TAB>Attribute.comment T4<TAB>free text`: a free-text attribute value (Isnad's export).
    TextAttribute {
        /// The attribute name.
        name: &'a str,
        /// The id of the annotation it is on.
        target: &'a str,
        /// The value.
        value: &'a str,
    },
    /// A line of a kind not imported (event, normalization...), with the reason.
    NotImported {
        /// Its id.
        id: &'a str,
        /// Why it is not imported.
        reason: &'static str,
    },
}

/// Parses `line`; the error is a sentence fragment for the report.
pub(super) fn parse(line: &str) -> Result<Line<'_>, String> {
    let (id, rest) = line
        .split_once('\t')
        .ok_or("not a brat annotation line: no tab after the id")?;
    let (data, tail) = match rest.split_once('\t') {
        Some((data, tail)) => (data, Some(tail)),
        None => (rest, None),
    };
    let not_imported = |reason| Ok(Line::NotImported { id, reason });
    match id.chars().next() {
        Some('T') => parse_span(id, data, tail),
        Some('#') => {
            let mut words = data.split_whitespace();
            match (words.next(), words.next()) {
                (Some("AnnotatorNotes"), Some(target)) if target.starts_with('T') => {
                    Ok(Line::Note {
                        target,
                        note: tail.unwrap_or_default(),
                    })
                }
                (Some("AnnotatorNotes"), Some(_)) => not_imported(
                    "notes on relations, events and other non-span lines are not imported yet",
                ),
                (Some("AnnotatorNotes"), None) => Err("the note names no annotation".to_owned()),
                (Some(kind), Some(target)) if kind.starts_with("Attribute.") => {
                    Ok(Line::TextAttribute {
                        name: &kind["Attribute.".len()..],
                        target,
                        value: tail.unwrap_or_default(),
                    })
                }
                _ => not_imported("comment lines other than AnnotatorNotes are not imported"),
            }
        }
        Some('R') => parse_relation(id, data),
        Some('E') => not_imported("event lines are not imported (Isnad has no events)"),
        Some('A' | 'M') => parse_attribute(id, data),
        Some('N') => not_imported("normalization lines are not imported"),
        Some('*') => not_imported("equivalence lines are not imported yet"),
        _ => Err(format!(
            "not a brat annotation line: the id «{id}» does not start with T, R, E, A, M, N, # or *"
        )),
    }
}

/// `attributed_to Arg1:T4 Arg2:T1`: the type and the ids of the two arguments, in order.
fn parse_relation<'a>(id: &'a str, data: &'a str) -> Result<Line<'a>, String> {
    let mut words = data.split_whitespace();
    let kind = words.next().ok_or("the relation has no type")?;
    let args: Vec<&str> = words
        .map(|arg| arg.split_once(':').map_or(arg, |(_, id)| id))
        .collect();
    match args[..] {
        [head, child] if !head.is_empty() && !child.is_empty() => Ok(Line::Relation {
            id,
            kind,
            head,
            child,
        }),
        _ => Err(format!(
            "a relation needs two arguments «Arg1:T1 Arg2:T2», not «{}»",
            data.trim()
        )),
    }
}

/// `kind T5 named_person` or `verified T5` (binary, read as `true`).
fn parse_attribute<'a>(id: &'a str, data: &'a str) -> Result<Line<'a>, String> {
    let words: Vec<&str> = data.split_whitespace().collect();
    match words[..] {
        [name, target] => Ok(Line::Attribute {
            id,
            name,
            target,
            value: "true",
        }),
        [name, target, value] => Ok(Line::Attribute {
            id,
            name,
            target,
            value,
        }),
        _ => Err(format!(
            "an attribute line is «name T1» or «name T1 value», not «{}»",
            data.trim()
        )),
    }
}

/// `label 4 22;24 35` and the text column of a `T` line.
fn parse_span<'a>(id: &'a str, data: &'a str, text: Option<&'a str>) -> Result<Line<'a>, String> {
    let (label, offsets) = data
        .trim()
        .split_once(' ')
        .ok_or_else(|| format!("no offsets after the label «{}»", data.trim()))?;
    let fragments = offsets
        .split(';')
        .map(|pair| {
            let numbers: Vec<usize> = pair
                .split_whitespace()
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| ())?;
            match numbers[..] {
                [start, end] => Ok((start, end)),
                _ => Err(()),
            }
        })
        .collect::<Result<Vec<_>, ()>>()
        .map_err(|()| {
            format!(
                "the offsets «{}» are not whole-number «start end» pairs separated by «;»",
                offsets.trim()
            )
        })?;
    Ok(Line::Span {
        id,
        label,
        fragments,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spans_with_fragments_and_notes() {
        assert_eq!(
            parse("T3\tactor 4 22;24 35\tab cd"),
            Ok(Line::Span {
                id: "T3",
                label: "actor",
                fragments: vec![(4, 22), (24, 35)],
                text: Some("ab cd"),
            })
        );
        assert_eq!(
            parse("T3\tactor 4 22"),
            Ok(Line::Span {
                id: "T3",
                label: "actor",
                fragments: vec![(4, 22)],
                text: None,
            })
        );
        assert_eq!(
            parse("#1\tAnnotatorNotes T3\tfree\ttext"),
            Ok(Line::Note {
                target: "T3",
                note: "free\ttext"
            })
        );
    }

    #[test]
    fn reads_relations_and_attributes() {
        assert_eq!(
            parse("R1\tattributed_to Arg1:T2 Arg2:T3\t"),
            Ok(Line::Relation {
                id: "R1",
                kind: "attributed_to",
                head: "T2",
                child: "T3"
            })
        );
        assert_eq!(
            parse("A1\tNegated T1"),
            Ok(Line::Attribute {
                id: "A1",
                name: "Negated",
                target: "T1",
                value: "true"
            })
        );
        assert_eq!(
            parse("A2\tkind T1 anonymous"),
            Ok(Line::Attribute {
                id: "A2",
                name: "kind",
                target: "T1",
                value: "anonymous"
            })
        );
        assert_eq!(
            parse("#3\tAttribute.comment T4\tقال: نعم"),
            Ok(Line::TextAttribute {
                name: "comment",
                target: "T4",
                value: "قال: نعم"
            })
        );
        assert!(parse("R1\tattributed_to Arg1:T2").is_err());
        assert!(parse("R1\tattributed_to Arg1:T2 Arg2:T3 Arg3:T4").is_err());
        assert!(parse("A1\tkind").is_err());
        assert!(parse("A1\tkind T1 a b").is_err());
    }

    #[test]
    fn refuses_broken_lines() {
        assert!(parse("T1 actor 0 4 text").is_err());
        assert!(parse("T1\tactor\ttext").is_err());
        assert!(parse("T1\tactor 0 x\ttext").is_err());
        assert!(parse("T1\tactor 0 4 5\ttext").is_err());
        assert!(parse("T1\tactor -1 4\ttext").is_err());
        assert!(parse("X1\tactor 0 4\ttext").is_err());
        assert!(parse("#1\tAnnotatorNotes\ttext").is_err());
    }

    #[test]
    fn names_what_it_does_not_import() {
        let reason = |line| match parse(line) {
            Ok(Line::NotImported { reason, .. }) => reason,
            _ => "",
        };
        assert!(reason("E1\tSay:T2 Agent:T1").starts_with("event"));
        assert!(reason("*\tEquiv T1 T2").starts_with("equivalence"));
        assert!(reason("#2\tAnnotatorNotes R1\tnote").starts_with("notes on relations"));
    }
}
