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
    /// A line of a kind not imported (relation, event, attribute...), with the reason.
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
                _ => not_imported("comment lines other than AnnotatorNotes are not imported"),
            }
        }
        Some('R') => not_imported("relation lines are not imported yet"),
        Some('E') => not_imported("event lines are not imported (Isnad has no events)"),
        Some('A' | 'M') => not_imported("attribute lines are not imported yet"),
        Some('N') => not_imported("normalization lines are not imported"),
        Some('*') => not_imported("equivalence lines are not imported yet"),
        _ => Err(format!(
            "not a brat annotation line: the id «{id}» does not start with T, R, E, A, M, N, # or *"
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
        assert!(reason("R1\tattributed_to Arg1:T2 Arg2:T3\t").starts_with("relation"));
        assert!(reason("E1\tSay:T2 Agent:T1").starts_with("event"));
        assert!(reason("A1\tNegated T1").starts_with("attribute"));
        assert!(reason("*\tEquiv T1 T2").starts_with("equivalence"));
        assert!(reason("#2\tAnnotatorNotes R1\tnote").starts_with("notes on relations"));
    }
}
