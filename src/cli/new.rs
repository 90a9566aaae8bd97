//! `isnad new PROJECT [ARTICLE...]`: a new project file made from article files (none: an empty
//! project, ready for `isnad import` or `isnad add`).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::io::article::{ArticleError, load_article};
use crate::io::project::{self, LockWait, OnDisk, ProjectError};
use crate::model::{DocId, Document, ModelError, Project};

/// Why `isnad new` wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The project file (or something else at its path) already exists.
    #[error("{} already exists; not overwriting it (choose another name or remove it first)", path.display())]
    ProjectExists {
        /// The path given for the new project.
        path: PathBuf,
    },
    /// An article could not be read or decoded (the message names the file).
    #[error("could not import an article, nothing was written: {0}")]
    Article(#[from] ArticleError),
    /// The project could not be built (should not happen for fresh documents).
    #[error("could not build the project: {0}")]
    Model(#[from] ModelError),
    /// The project file could not be written (the message names the file).
    #[error(transparent)]
    Project(#[from] ProjectError),
}

/// One document of a project made by [`new_project`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewDocument {
    /// Its id in the project.
    pub id: DocId,
    /// Its title (the article's file name without extension).
    pub title: String,
    /// The article path, as given.
    pub source_path: PathBuf,
    /// The encoding the article was decoded from.
    pub encoding: String,
    /// Length of the text in Unicode code points.
    pub chars: usize,
}

/// What [`new_project`] created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSummary {
    /// The project file written.
    pub path: PathBuf,
    /// Its documents, in id order.
    pub documents: Vec<NewDocument>,
}

impl fmt::Display for NewSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Created {} with {} (labels: actor, claim, source):",
            self.path.display(),
            super::count(self.documents.len(), "document"),
        )?;
        for doc in &self.documents {
            writeln!(
                f,
                "  {}. “{}” from {} ({}, {})",
                doc.id.0,
                doc.title,
                doc.source_path.display(),
                doc.encoding,
                super::count(doc.chars, "character"),
            )?;
        }
        Ok(())
    }
}

/// Creates the project file `project` with the default label schema and one document per article
/// (in the order given; title as [`load_article`] derives it, source path as given, no spans).
///
/// With no article, the project has no document (ready for `isnad import` or `isnad add`).
/// Refuses, writing nothing, when something already exists at `project` or when any article
/// cannot be loaded. The file is written atomically, holding the project's lock (waiting for
/// another writer, see [`new_project_with`]), and only if still no file is there right before the
/// final rename: a file made meanwhile by another program is never replaced.
pub fn new_project(project: &Path, articles: &[PathBuf]) -> Result<NewSummary, CliError> {
    new_project_with(project, articles, LockWait::Wait)
}

/// Like [`new_project`]; `wait` says whether to wait for another program writing the project or
/// give up at once.
pub fn new_project_with(
    project: &Path,
    articles: &[PathBuf],
    wait: LockWait,
) -> Result<NewSummary, CliError> {
    let exists = || project.symlink_metadata().is_ok();
    if exists() {
        return Err(CliError::ProjectExists {
            path: project.to_owned(),
        });
    }
    let loaded = articles
        .iter()
        .map(|path| load_article(path))
        .collect::<Result<Vec<_>, _>>()?;

    let mut built = Project::default();
    let mut documents = Vec::with_capacity(loaded.len());
    for (article, path) in loaded.into_iter().zip(articles) {
        let id = built.allocate_doc_id();
        documents.push(NewDocument {
            id,
            title: article.title.clone(),
            source_path: path.clone(),
            encoding: article.encoding.clone(),
            chars: article.text.chars().count(),
        });
        let source = Some(path.to_string_lossy().into_owned());
        built.insert_document(
            Document::new(id, article.title, source, article.text),
            Vec::new(),
        )?;
    }
    let _lock = super::writing::lock_for_writing(project, wait)?;
    if exists() {
        return Err(CliError::ProjectExists {
            path: project.to_owned(),
        });
    }
    match project::save_checked(&built, project, OnDisk::Nothing) {
        Ok(_) => {}
        Err(ProjectError::ChangedOnDisk { path }) => return Err(CliError::ProjectExists { path }),
        Err(error) => return Err(error.into()),
    }
    Ok(NewSummary {
        path: project.to_owned(),
        documents,
    })
}
