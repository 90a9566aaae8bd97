//! The report of a corpus read: what will be added, what was skipped and why.

use crate::io::plural;
use std::fmt;

/// What a skipped item duplicates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuplicateOf {
    /// A document already in the project (same text).
    Project,
    /// An entry read earlier in the same add (its source: a path or `"file.jsonl line 3"`).
    Earlier(String),
}

/// Why a file or a JSONL line was not added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Its text (same SHA-256) is already in the project or was read earlier.
    Duplicate(DuplicateOf),
    /// No text (empty, or only white space).
    Empty,
    /// Binary data, not text.
    Binary,
    /// Not valid text in any supported encoding (JSONL lines must be UTF-8).
    Undecodable {
        /// The encoding tried last.
        guess: String,
    },
    /// Over the size limit.
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file or folder could not be read (the operating system's reason).
    Unreadable(String),
    /// Not a file type that holds articles (the extension, possibly empty).
    Unsupported(String),
    /// A JSONL line that is not a JSON object (the parser's message).
    BrokenJsonLine(String),
    /// A JSONL object without a `"text"` string.
    NoText,
    /// A link to a folder already read (not walked twice, so links cannot loop).
    FolderAlreadyRead,
    /// Not read: the add was cancelled first.
    Cancelled,
}

impl SkipReason {
    /// Whether this is a problem worth a partial outcome. Duplicates (already there) and files of
    /// other types found beside the articles are not.
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            SkipReason::Duplicate(_) | SkipReason::Unsupported(_) | SkipReason::FolderAlreadyRead
        )
    }

    /// A short name for the summary's counts (`"duplicate"`, `"binary"`...).
    pub fn kind(&self) -> &'static str {
        match self {
            SkipReason::Duplicate(_) => "duplicate",
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::Undecodable { .. } => "undecodable",
            SkipReason::TooLarge { .. } => "too large",
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::Unsupported(_) => "unsupported type",
            SkipReason::BrokenJsonLine(_) => "broken JSONL line",
            SkipReason::NoText => "no text field",
            SkipReason::FolderAlreadyRead => "folder already read",
            SkipReason::Cancelled => "cancelled",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Duplicate(DuplicateOf::Project) => {
                write!(f, "duplicate: the same text is already in the project")
            }
            SkipReason::Duplicate(DuplicateOf::Earlier(source)) => {
                write!(f, "duplicate: the same text as {source}")
            }
            SkipReason::Empty => write!(f, "empty: there is no text"),
            SkipReason::Binary => write!(f, "binary: not a text file"),
            SkipReason::Undecodable { guess } => write!(
                f,
                "undecodable: not valid UTF-8, UTF-16 (with BOM), Windows-1256 or ISO-8859-6 (best guess {guess} failed)"
            ),
            SkipReason::TooLarge { size, limit } => {
                write!(f, "too large: {size} bytes (the limit is {limit})")
            }
            SkipReason::Unreadable(why) => write!(f, "unreadable: {why}"),
            SkipReason::Unsupported(ext) if ext.is_empty() => write!(
                f,
                "unsupported file type (no extension; articles are .txt, .md, .html, .htm, corpora .jsonl)"
            ),
            SkipReason::Unsupported(ext) => write!(
                f,
                "unsupported file type .{ext} (articles are .txt, .md, .html, .htm, corpora .jsonl)"
            ),
            SkipReason::BrokenJsonLine(why) => write!(f, "broken JSONL line: {why}"),
            SkipReason::NoText => write!(f, "no \"text\" string in this JSONL line"),
            SkipReason::FolderAlreadyRead => {
                write!(f, "a link to a folder already read (not walked twice)")
            }
            SkipReason::Cancelled => write!(f, "not read: the add was cancelled"),
        }
    }
}

/// A file or line that was skipped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The file path, or `"file.jsonl line 3"`.
    pub source: String,
    /// Why.
    pub reason: SkipReason,
}

/// An entry that is added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Added {
    /// Its title.
    pub title: String,
    /// The file path, or `"file.jsonl line 3"`.
    pub source: String,
}

/// How an add went (mapped to exit codes 0, 3 and 1 by the command line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorpusOutcome {
    /// Every article found was added or was already there (files of other types may be listed).
    Complete,
    /// Some articles were added, others skipped for a problem (empty, binary...) or a cancel.
    Partial,
    /// Nothing was added (and not because everything was already there).
    Failed,
}

/// What a corpus read found: entries to add and everything skipped, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusReport {
    /// Files listed (after walking the folders).
    pub files_listed: usize,
    /// Files opened and read.
    pub files_read: usize,
    /// Hidden files and folders left out of the walk.
    pub hidden_ignored: usize,
    /// The entries read, each added once the edit is applied.
    pub added: Vec<Added>,
    /// Everything skipped, with the reason.
    pub skipped: Vec<Skipped>,
    /// Whether the read was cancelled (the files not read are skipped as [`SkipReason::Cancelled`]).
    pub cancelled: bool,
}

impl CorpusReport {
    /// Records a skipped item.
    pub fn skip(&mut self, source: impl Into<String>, reason: SkipReason) {
        self.skipped.push(Skipped {
            source: source.into(),
            reason,
        });
    }

    /// Complete, partial or failed.
    pub fn outcome(&self) -> CorpusOutcome {
        let problems = self.cancelled || self.skipped.iter().any(|s| s.reason.is_problem());
        let duplicates = self
            .skipped
            .iter()
            .any(|s| matches!(s.reason, SkipReason::Duplicate(_)));
        if !problems && (!self.added.is_empty() || duplicates) {
            CorpusOutcome::Complete
        } else if !self.added.is_empty() {
            CorpusOutcome::Partial
        } else {
            CorpusOutcome::Failed
        }
    }

    /// The one-line summary: `"add: 9 files read, 5 articles added, 4 skipped (2 duplicate, 1 empty, 1 binary)"`.
    pub fn summary(&self) -> String {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for s in &self.skipped {
            let kind = s.reason.kind();
            match counts.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => counts.push((kind, 1)),
            }
        }
        let mut line = format!(
            "add: {} file{} read of {}, {} article{} added, {} skipped",
            self.files_read,
            plural(self.files_read),
            self.files_listed,
            self.added.len(),
            plural(self.added.len()),
            self.skipped.len(),
        );
        if !counts.is_empty() {
            let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
            line.push_str(&format!(" ({})", parts.join(", ")));
        }
        if self.hidden_ignored > 0 {
            line.push_str(&format!(
                ", {} hidden file{} or folder{} ignored",
                self.hidden_ignored,
                plural(self.hidden_ignored),
                plural(self.hidden_ignored)
            ));
        }
        if self.cancelled {
            line.push_str(", cancelled");
        }
        line
    }
}

impl fmt::Display for CorpusReport {
    /// The summary, then one line per added entry and one per skipped item.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary())?;
        if self.files_listed == 0 && self.skipped.is_empty() {
            writeln!(f, "no file found in the paths given")?;
        }
        for a in &self.added {
            writeln!(f, "{}: added as “{}”", a.source, one_line(&a.title))?;
        }
        for s in &self.skipped {
            writeln!(f, "{}: skipped: {}", s.source, s.reason)?;
        }
        Ok(())
    }
}

/// The title with line breaks escaped, so each entry stays one line.
fn one_line(title: &str) -> String {
    title.replace('\r', "\\r").replace('\n', "\\n")
}
