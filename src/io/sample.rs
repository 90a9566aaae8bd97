//! The bundled sample project (`projects/sample.isnad.ron`), compiled into the binary so that
//! `isnad` with no argument opens it from any directory.

use std::path::Path;

use crate::io::project::{ProjectError, from_ron_str};
use crate::model::Project;

/// The text of the bundled sample project file.
pub const SAMPLE_PROJECT_RON: &str = include_str!("../../projects/sample.isnad.ron");

/// The name the sample is shown under (its path in the repository).
pub const SAMPLE_PROJECT_NAME: &str = "projects/sample.isnad.ron";

/// The bundled sample project, decoded and validated like any project file.
pub fn sample_project() -> Result<Project, ProjectError> {
    from_ron_str(SAMPLE_PROJECT_RON, Path::new(SAMPLE_PROJECT_NAME))
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
