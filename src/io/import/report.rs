//! The import report: what was read, added, skipped and rejected, and why.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::io::import::ImportFormat;
use crate::io::plural;

/// A span (or a whole document or line) the import refused, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    /// The file.
    pub file: PathBuf,
    /// Where in the file (`"line 3, span 2"`, `"T4"`).
    pub place: String,
    /// Why, as a sentence fragment (`"end 40 is past the end of the text (32 code points)"`).
    pub reason: String,
}

/// How an import went, for the exit code and the window's report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Everything read was added (or was already there).
    Complete,
    /// Some things were added and some rejected.
    Partial,
    /// Nothing could be added and something was wrong.
    Failed,
}

/// What an import read and did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// The format read.
    pub format: ImportFormat,
    /// The files read.
    pub files: Vec<PathBuf>,
    /// Documents found in the files.
    pub documents_read: usize,
    /// New documents added to the project.
    pub documents_added: usize,
    /// Documents whose text was already in the project (their spans were added to it).
    pub documents_matched: usize,
    /// Candidate spans the files held (before validation).
    pub spans_read: usize,
    /// Spans added.
    pub spans_added: usize,
    /// Spans skipped because the project already has them (same text, range and label).
    pub spans_already_present: usize,
    /// Relations added.
    pub relations_added: usize,
    /// Relations skipped because the project already has them (same type and ends).
    pub relations_already_present: usize,
    /// Attribute values set (on new spans, and on spans already present that had none).
    pub attributes_added: usize,
    /// Labels added to the schema.
    pub labels_added: Vec<String>,
    /// Spans added, per annotator (spans without one are not counted here).
    pub spans_by_annotator: BTreeMap<String, usize>,
    /// Spans several annotators made alike (same text, range and label): a project holds each
    /// once, under the first one's name.
    pub spans_made_by_several: usize,
    /// Files that could not be read at all, with the reason.
    pub file_errors: Vec<(PathBuf, String)>,
    /// Everything rejected, in file order.
    pub rejected: Vec<Rejection>,
}

impl ImportReport {
    /// An empty report.
    pub fn new(format: ImportFormat) -> Self {
        Self {
            format,
            files: Vec::new(),
            documents_read: 0,
            documents_added: 0,
            documents_matched: 0,
            spans_read: 0,
            spans_added: 0,
            spans_already_present: 0,
            relations_added: 0,
            relations_already_present: 0,
            attributes_added: 0,
            labels_added: Vec::new(),
            spans_by_annotator: BTreeMap::new(),
            spans_made_by_several: 0,
            file_errors: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// Records that `file` could not be read.
    pub fn file_error(&mut self, file: &Path, message: impl Into<String>) {
        self.file_errors.push((file.to_owned(), message.into()));
    }

    /// Records a rejection.
    pub fn reject(&mut self, file: &Path, place: impl Into<String>, reason: impl Into<String>) {
        self.rejected.push(Rejection {
            file: file.to_owned(),
            place: place.into(),
            reason: reason.into(),
        });
    }

    /// Whether anything was added.
    pub fn added_anything(&self) -> bool {
        self.documents_added > 0
            || self.spans_added > 0
            || self.relations_added > 0
            || self.attributes_added > 0
            || !self.labels_added.is_empty()
    }

    /// Whether the files held spans and none was added or found already present: an import that
    /// must not read as a success.
    pub fn spans_read_but_none_kept(&self) -> bool {
        self.spans_read > 0 && self.spans_added == 0 && self.spans_already_present == 0
    }

    /// Complete, partial or failed.
    pub fn outcome(&self) -> ImportOutcome {
        let problems = !self.rejected.is_empty() || !self.file_errors.is_empty();
        if !problems && self.documents_read > 0 {
            ImportOutcome::Complete
        } else if problems && self.added_anything() {
            ImportOutcome::Partial
        } else {
            ImportOutcome::Failed
        }
    }

    /// The one-line summary (relations and attributes are mentioned when there were any).
    pub fn summary(&self) -> String {
        let relations = if self.relations_added + self.relations_already_present > 0 {
            format!(
                ", {} relation{} added, {} already present",
                self.relations_added,
                plural(self.relations_added),
                self.relations_already_present
            )
        } else {
            String::new()
        };
        let attributes = if self.attributes_added > 0 {
            format!(
                ", {} attribute value{} set",
                self.attributes_added,
                plural(self.attributes_added)
            )
        } else {
            String::new()
        };
        format!(
            "{}: {} file{} read, {} document{} ({} new, {} already in the project), {} span{} added, {} already present{relations}{attributes}, {} rejected",
            self.format.cli_name(),
            self.files.len(),
            plural(self.files.len()),
            self.documents_read,
            plural(self.documents_read),
            self.documents_added,
            self.documents_matched,
            self.spans_added,
            plural(self.spans_added),
            self.spans_already_present,
            self.rejected.len(),
        )
    }
}

impl fmt::Display for ImportReport {
    /// The summary, added labels, unreadable files and every rejection.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.summary())?;
        if self.documents_read == 0 && self.file_errors.is_empty() {
            writeln!(f, "no document found in the files given")?;
        }
        if !self.labels_added.is_empty() {
            writeln!(f, "labels added: {}", self.labels_added.join(", "))?;
        }
        if self.spans_by_annotator.len() > 1 || self.spans_made_by_several > 0 {
            let counts: Vec<String> = self
                .spans_by_annotator
                .iter()
                .map(|(name, n)| format!("{name} {n}"))
                .collect();
            writeln!(f, "spans added by annotator: {}", counts.join(", "))?;
        }
        if self.spans_made_by_several > 0 {
            writeln!(
                f,
                "{} span{} made alike by more than one annotator {} kept once, under the first one's name \
                 (for one project per annotator, as isnad agree compares them: isnad import --split-annotators DIR)",
                self.spans_made_by_several,
                plural(self.spans_made_by_several),
                if self.spans_made_by_several == 1 {
                    "is"
                } else {
                    "are"
                }
            )?;
        }
        if self.spans_read_but_none_kept() {
            writeln!(
                f,
                "every span in the files was left out: see the rejections below"
            )?;
        }
        for (file, message) in &self.file_errors {
            writeln!(f, "{}: not read: {message}", file.display())?;
        }
        for r in &self.rejected {
            writeln!(
                f,
                "{}: {}: rejected: {}",
                r.file.display(),
                r.place,
                r.reason
            )?;
        }
        Ok(())
    }
}
