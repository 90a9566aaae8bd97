//! `isnad check PROJECT`: open and validate a project file, and summarise it.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::io::project::{self, FORMAT_VERSION, OFFSET_UNIT, ProjectError};
use crate::model::{DocId, DocumentStatus};

/// One document in a [`CheckReport`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentReport {
    /// Its id.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// Its annotation status.
    pub status: DocumentStatus,
    /// Number of spans of each label, in schema order (label id, count; zeros included).
    pub spans: Vec<(String, usize)>,
}

/// The summary of a valid project printed by `isnad check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckReport {
    /// The file checked.
    pub path: PathBuf,
    /// Its format version.
    pub format_version: u64,
    /// The unit of its offsets (`code_points`).
    pub offset_unit: String,
    /// Its documents, by id.
    pub documents: Vec<DocumentReport>,
    /// Number of spans of each label in the whole project, in schema order (zeros included).
    pub totals: Vec<(String, usize)>,
    /// Number of relations of each type in the whole project, in schema order (zeros included).
    pub relations: Vec<(String, usize)>,
}

impl CheckReport {
    /// Number of spans in the project.
    pub fn span_count(&self) -> usize {
        self.totals.iter().map(|(_, n)| n).sum()
    }
}

fn write_counts(f: &mut fmt::Formatter<'_>, counts: &[(String, usize)]) -> fmt::Result {
    let parts: Vec<String> = counts.iter().map(|(l, n)| format!("{l} {n}")).collect();
    f.write_str(&parts.join(", "))
}

impl fmt::Display for CheckReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}: valid Isnad project", self.path.display())?;
        writeln!(f, "format version: {}", self.format_version)?;
        writeln!(f, "offset unit: {}", self.offset_unit)?;
        writeln!(f, "documents: {}", self.documents.len())?;
        for doc in &self.documents {
            let spans: usize = doc.spans.iter().map(|(_, n)| n).sum();
            write!(
                f,
                "  {}. “{}” [{}] {}: ",
                doc.id.0,
                doc.title,
                super::status_name(doc.status),
                super::count(spans, "span"),
            )?;
            write_counts(f, &doc.spans)?;
            writeln!(f)?;
        }
        write!(f, "spans: {} (", self.span_count())?;
        write_counts(f, &self.totals)?;
        writeln!(f, ")")?;
        let relations: usize = self.relations.iter().map(|(_, n)| n).sum();
        write!(f, "relations: {relations} (")?;
        write_counts(f, &self.relations)?;
        writeln!(f, ")")
    }
}

/// Opens the project at `path` with [`project::load`] (read-only) and summarises it.
///
/// Any error is the loader's: unreadable, too large, not a project, damaged, newer format, or
/// [`ProjectError::Invalid`] with every broken rule (see [`error_report`] to print them all).
pub fn check_project(path: &Path) -> Result<CheckReport, ProjectError> {
    let project = project::load(path)?;
    let label_ids = |counts: Vec<(crate::model::LabelId, usize)>| {
        counts
            .into_iter()
            .map(|(id, n)| (id.as_str().to_owned(), n))
            .collect::<Vec<_>>()
    };
    let documents = project
        .documents()
        .map(|doc| DocumentReport {
            id: doc.id(),
            title: doc.title().to_owned(),
            status: doc.status(),
            spans: label_ids(project.label_counts(doc.id())),
        })
        .collect();
    let totals = project
        .schema()
        .labels()
        .iter()
        .map(|l| (l.id.as_str().to_owned(), project.label_usage(&l.id)))
        .collect();
    let mut relations: Vec<(String, usize)> = project
        .schema()
        .relation_types()
        .iter()
        .map(|t| (t.id.as_str().to_owned(), 0))
        .collect();
    for doc in project.documents() {
        for relation in project.relations_of_doc(doc.id()) {
            if let Some(entry) = relations
                .iter_mut()
                .find(|(id, _)| id == relation.kind.as_str())
            {
                entry.1 += 1;
            }
        }
    }
    Ok(CheckReport {
        path: path.to_owned(),
        // `load` accepts nothing else: other versions and units are refused with their own error.
        format_version: FORMAT_VERSION,
        offset_unit: OFFSET_UNIT.to_owned(),
        documents,
        totals,
        relations,
    })
}

/// The message `isnad check` prints for an error: its [`Display`](fmt::Display), except that for
/// [`ProjectError::Invalid`] every problem is listed (the `Display` stops after ten).
pub fn error_report(error: &ProjectError) -> String {
    match error {
        ProjectError::Invalid { path, problems } if problems.len() > 10 => {
            let mut out = format!("The project file has {} problems:\n", problems.len());
            for problem in problems {
                out.push_str(&format!("  - {problem}\n"));
            }
            out.push_str(&format!("in {}", path.display()));
            out
        }
        other => other.to_string(),
    }
}
