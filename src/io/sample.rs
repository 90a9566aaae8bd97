//! The bundled sample project (`projects/sample.isnad.ron`), compiled into the binary so that
//! `isnad` with no argument opens it from any directory.
//!
//! The file is generated, never edited by hand: its annotations are written as span markup (see
//! [`crate::model::markup`]) in `projects/sample.markup.txt`, and
//! `cargo run --example build_sample_project` rewrites the project file from them and from the
//! relations, attributes and notes in `projects/sample.links.txt` with [`build_sample_project`].
//! A test checks that the committed file is exactly what it builds.

use std::path::Path;

use crate::io::project::{ProjectError, from_ron_str};
use crate::io::sample_links::{LinksError, apply_links};
use crate::model::markup::{self, MarkupError};
use crate::model::{DocumentStatus, ModelError, Project};

/// The text of the bundled sample project file.
pub const SAMPLE_PROJECT_RON: &str = include_str!("../../projects/sample.isnad.ron");

/// The name the sample is shown under (its path in the repository).
pub const SAMPLE_PROJECT_NAME: &str = "projects/sample.isnad.ron";

/// The sample article (`assets/sample-article.ar.txt`), the text of the sample project's only
/// document.
pub const SAMPLE_ARTICLE_TEXT: &str = include_str!("../../assets/sample-article.ar.txt");

/// The annotations of the sample project: the sample article in span markup
/// (`projects/sample.markup.txt`). Removing the markup gives exactly [`SAMPLE_ARTICLE_TEXT`].
pub const SAMPLE_MARKUP: &str = include_str!("../../projects/sample.markup.txt");

/// The relations, attributes and notes of the sample project, by span text
/// (`projects/sample.links.txt`; see [`crate::io::sample_links`]).
pub const SAMPLE_LINKS: &str = include_str!("../../projects/sample.links.txt");

/// The bundled sample project, decoded and validated like any project file.
pub fn sample_project() -> Result<Project, ProjectError> {
    from_ron_str(SAMPLE_PROJECT_RON, Path::new(SAMPLE_PROJECT_NAME))
}

/// Why the sample project could not be built from its markup.
#[derive(Debug, thiserror::Error)]
pub enum SampleError {
    /// The markup is malformed.
    #[error("the sample markup is malformed: {0}")]
    Markup(#[from] MarkupError),
    /// The markup's text is not the sample article.
    #[error(
        "the sample markup's text differs from assets/sample-article.ar.txt from byte {at} of the text"
    )]
    TextDiffers {
        /// First byte offset (into the article) where they differ.
        at: usize,
    },
    /// The spans break a model rule.
    #[error("the sample spans are invalid: {0}")]
    Model(#[from] ModelError),
    /// A line of the links file is malformed or breaks a model rule.
    #[error("projects/sample.links.txt, {0}")]
    Links(#[from] LinksError),
}

/// Builds the sample project from `markup` and `links` (normally [`SAMPLE_MARKUP`] and
/// [`SAMPLE_LINKS`]): the default schema and one document, titled with the article's first line,
/// with status [`DocumentStatus::InProgress`], the markup's spans (ids allocated in text order),
/// then the relations, attributes and notes of `links` (ids in line order).
///
/// Fails if the markup is malformed, its text is not exactly [`SAMPLE_ARTICLE_TEXT`], or a line
/// of `links` cannot be applied.
pub fn build_sample_project(markup: &str, links: &str) -> Result<Project, SampleError> {
    let parsed = markup::parse(markup)?;
    if parsed.text != SAMPLE_ARTICLE_TEXT {
        let at = parsed
            .text
            .bytes()
            .zip(SAMPLE_ARTICLE_TEXT.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| parsed.text.len().min(SAMPLE_ARTICLE_TEXT.len()));
        return Err(SampleError::TextDiffers { at });
    }
    let mut project = Project::default();
    let title = |_, text: &str| text.lines().next().unwrap_or_default().trim().to_owned();
    let doc = markup::insert_parsed(&mut project, parsed, title, DocumentStatus::InProgress)?;
    apply_links(&mut project, doc, links)?;
    Ok(project)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_sample_loads_and_validates() {
        let project = sample_project().expect("the bundled sample project is valid");
        assert_eq!(project.document_count(), 1);
    }
}
