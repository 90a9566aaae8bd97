//! Label Studio tasks JSON and its labelling config. (Being written.)

use crate::io::export::{DocView, ExportError, ExportFile, LossReport, Progress};
use crate::model::Project;

/// The Label Studio tasks JSON and its labelling config export.
pub(crate) fn export(
    _project: &Project,
    _docs: &[DocView<'_>],
    _report: &mut LossReport,
    _progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    Err(ExportError::Encode {
        format: "label-studio",
        message: "not available yet".to_owned(),
    })
}
