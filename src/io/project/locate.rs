//! Best-effort line numbers for problems, found by scanning the file's lines for the `id:` fields
//! of the layout this crate writes (labels, relation types, documents, then one span and one
//! relation per line).

use std::collections::HashMap;

/// Maps label, document, span and relation ids to the 1-based line where they are declared.
pub(crate) struct LineLocator<'t> {
    text: &'t str,
    index: Option<Index>,
}

#[derive(Default)]
struct Index {
    labels: HashMap<String, Vec<usize>>,
    documents: HashMap<u64, Vec<usize>>,
    spans: HashMap<u64, Vec<usize>>,
    relations: HashMap<u64, Vec<usize>>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Header,
    Labels,
    Documents,
    RelationTypes,
    Spans,
    Relations,
}

/// What follows `id:` at the start of `s` (after an optional `(`), trimmed.
fn after_id_key(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('(').unwrap_or(s).trim_start();
    Some(
        rest.strip_prefix("id")?
            .trim_start()
            .strip_prefix(':')?
            .trim_start(),
    )
}

/// The number after `id:` at the start of `s` (after an optional `(`).
fn id_number(s: &str) -> Option<u64> {
    let rest = after_id_key(s)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest[..digits].parse().ok()
}

/// The string after `id:` at the start of `s` (after an optional `(`).
fn id_string(s: &str) -> Option<String> {
    let rest = after_id_key(s)?.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

impl<'t> LineLocator<'t> {
    /// A locator over `text`; the scan happens on the first query (only when there are problems).
    pub(crate) fn new(text: &'t str) -> Self {
        Self { text, index: None }
    }

    fn index(&mut self) -> &Index {
        let text = self.text;
        self.index.get_or_insert_with(|| {
            let mut index = Index::default();
            let mut section = Section::Header;
            for (n, line) in text.lines().enumerate() {
                let line_no = n + 1;
                let trimmed = line.trim_start();
                for (prefix, next) in [
                    ("labels:", Section::Labels),
                    ("documents:", Section::Documents),
                    ("relation_types:", Section::RelationTypes),
                    ("spans:", Section::Spans),
                    ("relations:", Section::Relations),
                ] {
                    if trimmed.starts_with(prefix) {
                        section = next;
                    }
                }
                match section {
                    Section::Labels => {
                        if let Some(id) = id_string(trimmed) {
                            index.labels.entry(id).or_default().push(line_no);
                        }
                    }
                    Section::Documents => {
                        if let Some(id) = id_number(trimmed) {
                            index.documents.entry(id).or_default().push(line_no);
                        }
                    }
                    Section::Spans => {
                        if let Some(id) = id_number(trimmed) {
                            index.spans.entry(id).or_default().push(line_no);
                        }
                    }
                    Section::Relations => {
                        if let Some(id) = id_number(trimmed) {
                            index.relations.entry(id).or_default().push(line_no);
                        }
                    }
                    Section::Header | Section::RelationTypes => {}
                }
            }
            index
        })
    }

    /// Line of the label with this id (of its `nth` occurrence, counting from 0).
    pub(crate) fn label_line(&mut self, id: &str, nth: usize) -> Option<usize> {
        self.index().labels.get(id)?.get(nth).copied()
    }

    /// Line of the `id:` field of the document with this id (`nth` occurrence).
    pub(crate) fn document_line(&mut self, id: u64, nth: usize) -> Option<usize> {
        self.index().documents.get(&id)?.get(nth).copied()
    }

    /// Line of the relation with this id (`nth` occurrence).
    pub(crate) fn relation_line(&mut self, id: u64, nth: usize) -> Option<usize> {
        self.index().relations.get(&id)?.get(nth).copied()
    }

    /// Line of the span with this id (`nth` occurrence).
    pub(crate) fn span_line(&mut self, id: u64, nth: usize) -> Option<usize> {
        self.index().spans.get(&id)?.get(nth).copied()
    }
}
