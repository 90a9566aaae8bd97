//! A compact span markup for tests and debugging, in the spirit of helix's selection markup.
//!
//! # Syntax
//!
//! - `[text|label]` tags `text` with the label whose id is `label`:
//!   `"[وصل مدربون|actor] عسكريون"`.
//! - Brackets nest: `"[[الرئيس|actor] قال|claim]"` is an actor inside a claim. An anonymous `|label]`
//!   always closes the innermost open `[`.
//! - Crossing (non-nested) overlaps use numbered brackets: `{n[` opens span `n` and `|label]n}` closes
//!   it, whatever is open in between: `"[a {1[b|claim] c|actor]1}"` tags `a b` as claim and
//!   `b c` as actor. The numbers only pair the brackets; they are not span ids.
//! - A backslash escapes the next character; `[`, `]`, `{`, `}`, `|` and `\` in the text must be
//!   escaped.
//!
//! [`render`] writes the canonical form: anonymous brackets wherever spans nest, numbered ones
//! (from 1, in order of opening) only for spans that cross an enclosing one, so
//! `render(parse(m))` gives back `m` for canonical markup.

use std::cmp::Reverse;
use std::ops::Range;

use crate::model::{DocId, Document, DocumentStatus, LabelId, ModelError, Project, Span};

/// Why markup could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MarkupError {
    /// The markup is malformed at this byte offset of the markup string.
    #[error("markup error at byte {at}: {message}")]
    Syntax {
        /// Byte offset in the markup.
        at: usize,
        /// What is wrong.
        message: String,
    },
    /// The spans break a model invariant (e.g. an unknown label).
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// The result of [`parse`]: plain text and labelled byte ranges into it, sorted by (start, end,
/// label).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The text without markup.
    pub text: String,
    /// Byte ranges into `text` with their label ids.
    pub spans: Vec<(Range<usize>, LabelId)>,
}

fn syntax(at: usize, message: impl Into<String>) -> MarkupError {
    MarkupError::Syntax {
        at,
        message: message.into(),
    }
}

/// Splits the digits at the start of `s` and parses them.
fn leading_number(s: &str) -> Option<(u64, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    s[..digits].parse().ok().map(|n| (n, digits))
}

/// Parses markup into plain text and spans.
pub fn parse(markup: &str) -> Result<Parsed, MarkupError> {
    let mut text = String::with_capacity(markup.len());
    let mut spans = Vec::new();
    let mut anonymous: Vec<(usize, usize)> = Vec::new(); // (text start, markup position)
    let mut numbered: Vec<(u64, usize, usize)> = Vec::new();
    let mut chars = markup.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, escaped)) => text.push(escaped),
                None => return Err(syntax(at, "a backslash ends the markup")),
            },
            '[' => anonymous.push((text.len(), at)),
            '{' => {
                let rest = &markup[at + 1..];
                let Some((n, digits)) = leading_number(rest) else {
                    return Err(syntax(
                        at,
                        "'{' must be followed by a number and '[' (escape a literal '{')",
                    ));
                };
                if rest.as_bytes().get(digits) != Some(&b'[') {
                    return Err(syntax(at, "'{n' must be followed by '['"));
                }
                if numbered.iter().any(|(m, ..)| *m == n) {
                    return Err(syntax(at, format!("span {{{n}[ is already open")));
                }
                numbered.push((n, text.len(), at));
                for _ in 0..=digits {
                    chars.next();
                }
            }
            '|' => {
                let rest = &markup[at + 1..];
                let Some(close) = rest.find(']') else {
                    return Err(syntax(at, "'|' without a closing ']'"));
                };
                let label = LabelId::new(&rest[..close])
                    .map_err(|_| syntax(at + 1, format!("bad label id \"{}\"", &rest[..close])))?;
                let after = &rest[close + 1..];
                let numbered_close = leading_number(after)
                    .filter(|(_, digits)| after.as_bytes().get(*digits) == Some(&b'}'));
                let (start, skip) = match numbered_close {
                    Some((n, digits)) => {
                        let Some(i) = numbered.iter().position(|(m, ..)| *m == n) else {
                            return Err(syntax(at, format!("]{n}}} closes no open {{{n}[")));
                        };
                        (numbered.remove(i).1, close + 1 + digits + 1)
                    }
                    None => match anonymous.pop() {
                        Some((start, _)) => (start, close + 1),
                        None => return Err(syntax(at, "'|label]' closes no open '['")),
                    },
                };
                if start == text.len() {
                    return Err(syntax(at, "empty span"));
                }
                spans.push((start..text.len(), label));
                for _ in 0..rest[..skip].chars().count() {
                    chars.next();
                }
            }
            ']' | '}' => {
                return Err(syntax(
                    at,
                    format!("unexpected '{c}' (escape it with '\\')"),
                ));
            }
            _ => text.push(c),
        }
    }
    if let Some((_, at)) = anonymous.first() {
        return Err(syntax(*at, "'[' is never closed"));
    }
    if let Some((n, _, at)) = numbered.first() {
        return Err(syntax(*at, format!("'{{{n}[' is never closed")));
    }
    spans.sort_by(|a, b| (a.0.start, a.0.end, &a.1).cmp(&(b.0.start, b.0.end, &b.1)));
    Ok(Parsed { text, spans })
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        if matches!(c, '[' | ']' | '{' | '}' | '|' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Renders text and labelled byte ranges as canonical markup (see the module docs). Ranges must be
/// non-empty and on character boundaries of `text`.
pub fn render<'l>(
    text: &str,
    spans: impl IntoIterator<Item = (Range<usize>, &'l LabelId)>,
) -> String {
    let mut spans: Vec<(Range<usize>, &LabelId)> = spans.into_iter().collect();
    // Outer spans open first; of two equal ranges the alphabetically first label is innermost,
    // so labels read in order: `[[x|actor]|claim]`.
    spans.sort_by(|a, b| {
        let key =
            |s: &(Range<usize>, &LabelId)| (s.0.start, Reverse(s.0.end), Reverse(s.1.clone()));
        key(a).cmp(&key(b))
    });
    // A span is numbered if it crosses an enclosing anonymous span; anonymous spans stay laminar.
    let mut numbered = vec![false; spans.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, (range, _)) in spans.iter().enumerate() {
        while stack.last().is_some_and(|&t| spans[t].0.end <= range.start) {
            stack.pop();
        }
        numbered[i] = stack.last().is_some_and(|&t| spans[t].0.end < range.end);
        if !numbered[i] {
            stack.push(i);
        }
    }
    let mut positions: Vec<usize> = spans.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    positions.sort_unstable();
    positions.dedup();

    let mut out = String::with_capacity(text.len() + spans.len() * 10);
    let (mut written, mut next_open, mut next_number) = (0, 0, 1);
    let mut open_anonymous: Vec<usize> = Vec::new();
    let mut open_numbered: Vec<(usize, u64)> = Vec::new();
    for p in positions {
        push_escaped(&mut out, text.get(written..p).unwrap_or(""));
        written = p;
        while let Some(&top) = open_anonymous.last().filter(|&&t| spans[t].0.end == p) {
            open_anonymous.pop();
            out.push('|');
            out.push_str(spans[top].1.as_str());
            out.push(']');
        }
        while let Some(k) = open_numbered
            .iter()
            .rposition(|(i, _)| spans[*i].0.end == p)
        {
            let (i, n) = open_numbered.remove(k);
            out.push_str(&format!("|{}]{n}}}", spans[i].1));
        }
        while next_open < spans.len() && spans[next_open].0.start == p {
            if numbered[next_open] {
                out.push_str(&format!("{{{next_number}["));
                open_numbered.push((next_open, next_number));
                next_number += 1;
            } else {
                out.push('[');
                open_anonymous.push(next_open);
            }
            next_open += 1;
        }
    }
    push_escaped(&mut out, text.get(written..).unwrap_or(""));
    out
}

/// The markup of a document of `project` (empty if the document does not exist).
pub fn markup_of(project: &Project, doc: DocId) -> String {
    let text = project.document(doc).map_or("", Document::text);
    render(
        text,
        project.spans_of(doc).iter().map(|s| (s.range(), &s.label)),
    )
}

/// Adds one document written in markup to `project`, with its spans (fresh ids, allocated in text
/// order). Returns the new document's id.
pub fn add_markup_document(project: &mut Project, markup: &str) -> Result<DocId, MarkupError> {
    let parsed = parse(markup)?;
    let title = |doc: DocId, _: &str| format!("markup {}", doc.0);
    Ok(insert_parsed(project, parsed, title, DocumentStatus::New)?)
}

/// Adds the parsed document to `project` with `status` and its spans (fresh ids, allocated in
/// text order). `title` makes the title from the new document's id and its text.
pub fn insert_parsed(
    project: &mut Project,
    parsed: Parsed,
    title: impl FnOnce(DocId, &str) -> String,
    status: DocumentStatus,
) -> Result<DocId, ModelError> {
    let doc = project.allocate_doc_id();
    let spans: Vec<Span> = parsed
        .spans
        .into_iter()
        .map(|(range, label)| Span::new(project.allocate_span_id(), doc, range, label))
        .collect();
    let title = title(doc, &parsed.text);
    let document = Document::new(doc, title, None, parsed.text).with_status(status);
    project.insert_document(document, spans)?;
    Ok(doc)
}

/// A project with the default schema holding one document written in markup.
pub fn project_from_markup(markup: &str) -> Result<(Project, DocId), MarkupError> {
    let mut project = Project::default();
    let doc = add_markup_document(&mut project, markup)?;
    Ok((project, doc))
}
