//! Gazetteers: `name<TAB>label` lines (UTF-8) read into a [`PhraseIndex`]; bad lines are listed
//! with their numbers and the good ones used.

use std::fmt;

use super::phrases::PhraseIndex;
use crate::model::{LabelId, LabelSchema};

/// Why a gazetteer line was left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadLine {
    /// No tab between name and label.
    NoTab,
    /// The name is empty (or only punctuation).
    EmptyName,
    /// The label is not one of the project's.
    UnknownLabel(String),
    /// The line is not UTF-8 text (or holds control characters: a binary file).
    NotText,
}

impl fmt::Display for BadLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoTab => f.write_str("no tab between the name and the label"),
            Self::EmptyName => f.write_str("the name is empty"),
            Self::UnknownLabel(label) => write!(f, "unknown label \"{label}\""),
            Self::NotText => f.write_str("not UTF-8 text"),
        }
    }
}

/// A gazetteer read from bytes: the names kept and the lines left out (1-based numbers).
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// The names, ready for matching.
    pub index: PhraseIndex,
    /// Number of names kept.
    pub names: usize,
    /// The lines left out: line number (from 1) and why.
    pub bad_lines: Vec<(usize, BadLine)>,
}

/// Reads `bytes` (`name<TAB>label` lines; blank lines and lines starting with `#` are skipped) with
/// the labels of `schema`. A UTF-8 byte-order mark and `\r\n` line ends are accepted.
pub fn read_gazetteer(bytes: &[u8], schema: &LabelSchema) -> Gazetteer {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut gazetteer = Gazetteer::default();
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = n + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let Ok(line) = std::str::from_utf8(line) else {
            gazetteer.bad_lines.push((number, BadLine::NotText));
            continue;
        };
        if line.chars().any(|c| c.is_control() && c != '\t') {
            gazetteer.bad_lines.push((number, BadLine::NotText));
            continue;
        }
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, label)) = line.rsplit_once('\t') else {
            gazetteer.bad_lines.push((number, BadLine::NoTab));
            continue;
        };
        let label = label.trim();
        let Some(label) = schema.get_str(label).map(|l| l.id.clone()) else {
            gazetteer
                .bad_lines
                .push((number, BadLine::UnknownLabel(label.to_owned())));
            continue;
        };
        if add_name(&mut gazetteer.index, name.trim(), &label) {
            gazetteer.names += 1;
        } else if name.trim().is_empty() || !name.chars().any(char::is_alphanumeric) {
            gazetteer.bad_lines.push((number, BadLine::EmptyName));
        }
    }
    gazetteer
}

fn add_name(index: &mut PhraseIndex, name: &str, label: &LabelId) -> bool {
    !name.is_empty() && index.add(name, label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::suggest::words::Words;

    #[test]
    fn good_lines_are_used_and_bad_ones_listed() {
        let schema = LabelSchema::default();
        let bytes = "وزارة الزراعة\tsource\r\nno tab here\n\tactor\nخالد العمري\tnobody\n\n# note\nالبنك الدولي\tactor\n\u{1}\u{2}\tactor\n"
            .as_bytes()
            .to_vec();
        let mut bytes = bytes;
        bytes.extend_from_slice(b"\xff\xfe\tactor\n");
        let gazetteer = read_gazetteer(&bytes, &schema);
        assert_eq!(gazetteer.names, 2);
        assert_eq!(
            gazetteer.bad_lines,
            vec![
                (2, BadLine::NoTab),
                (3, BadLine::EmptyName),
                (4, BadLine::UnknownLabel("nobody".to_owned())),
                (8, BadLine::NotText),
                (9, BadLine::NotText),
            ]
        );
        let text = "وقال البنك الدولي إن";
        let found = gazetteer.index.find(&Words::new(text));
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].range.clone()], "البنك الدولي");
    }
}
