//! `isnad import PROJECT --split-annotators DIR ...`: one project per annotator of the files
//! (see [`crate::io::import::split_by_annotator`]), written as `DIR/NAME.isnad.ron`, so that
//! `isnad agree DIR/*.isnad.ron` runs straight from a Label Studio or doccano export. PROJECT is
//! read (its labels, documents and spans start every file), never written.

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};

use super::{Outcome, TransferError};
use crate::io::import::{
    ImportOptions, ImportOutcome, ImportReport, annotator_file_name, read_files, split_by_annotator,
};
use crate::io::progress::Progress;
use crate::io::project;

/// What a split import wrote.
#[derive(Clone, Debug)]
pub struct SplitSummary {
    /// The reading report with every rejection.
    pub report: ImportReport,
    /// Each file written, with its annotator and what it holds.
    pub written: Vec<WrittenProject>,
    /// Documents nobody annotated (in no file).
    pub unannotated_documents: usize,
}

/// One annotator's file.
#[derive(Clone, Debug)]
pub struct WrittenProject {
    /// The annotator.
    pub annotator: String,
    /// The file.
    pub path: PathBuf,
    /// Its documents.
    pub documents: usize,
    /// Its spans.
    pub spans: usize,
    /// Its relations.
    pub relations: usize,
}

impl SplitSummary {
    /// Failed when no file was written, partial when something was rejected, else complete.
    pub fn outcome(&self) -> Outcome {
        if self.written.is_empty() {
            Outcome::Failed
        } else if self.report.outcome() == ImportOutcome::Complete {
            Outcome::Complete
        } else {
            Outcome::Partial
        }
    }
}

impl fmt::Display for SplitSummary {
    /// The reading report, then one line per file written (for stderr).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.report)?;
        if self.written.is_empty() {
            writeln!(f, "no annotator found in the files: no project written")?;
        }
        for w in &self.written {
            writeln!(
                f,
                "{}: {}, {}, {} in {}",
                w.annotator,
                super::count(w.documents, "document"),
                super::count(w.spans, "span"),
                super::count(w.relations, "relation"),
                w.path.display()
            )?;
        }
        if self.unannotated_documents > 0 {
            writeln!(
                f,
                "{} nobody annotated {} in no file",
                super::count(self.unannotated_documents, "document"),
                if self.unannotated_documents == 1 {
                    "is"
                } else {
                    "are"
                }
            )?;
        }
        Ok(())
    }
}

/// Reads `files`, splits their annotations by annotator and writes one project per annotator
/// into `dir` (created if missing), each starting from the project at `project_path`. Nothing
/// is written when a file to write already exists.
pub fn import_split_by_annotator(
    project_path: &Path,
    options: &ImportOptions,
    files: &[PathBuf],
    dir: &Path,
) -> Result<SplitSummary, TransferError> {
    let start = project::load(project_path)?;
    let (docs, report) = read_files(files, options, &Progress::new());
    let split = split_by_annotator(&start, docs, options, report)
        .map_err(|e| TransferError::Apply(e.to_string()))?;
    let mut taken = HashSet::new();
    let mut targets = Vec::with_capacity(split.projects.len());
    for p in &split.projects {
        let file = annotator_file_name(&p.annotator);
        let mut path = dir.join(&file);
        let mut n = 2;
        while !taken.insert(path.clone()) {
            let stem = file.trim_end_matches(".isnad.ron");
            path = dir.join(format!("{stem}-{n}.isnad.ron"));
            n += 1;
        }
        if path.exists() {
            return Err(TransferError::Exists(path));
        }
        targets.push(path);
    }
    if !targets.is_empty() {
        std::fs::create_dir_all(dir).map_err(|error| TransferError::Folder {
            path: dir.to_owned(),
            error,
        })?;
    }
    let mut written = Vec::with_capacity(targets.len());
    for (p, path) in split.projects.iter().zip(targets) {
        project::save(&p.project, &path)?;
        written.push(WrittenProject {
            annotator: p.annotator.clone(),
            documents: p.project.documents().count(),
            spans: p.project.span_count(),
            relations: p.project.relation_count(),
            path,
        });
    }
    Ok(SplitSummary {
        report: split.report,
        written,
        unannotated_documents: split.unannotated_documents,
    })
}
