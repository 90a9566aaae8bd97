//! CoNLL / IOB2. (Being written.)

use crate::io::export::{DocView, ExportError, ExportFile, ExportOptions, LossReport, Progress};

/// The CoNLL export: `token<TAB>tag`, a blank line between sentences.
pub(crate) fn export(
    _docs: &[DocView<'_>],
    _options: &ExportOptions,
    _report: &mut LossReport,
    _progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    Err(ExportError::Encode {
        format: "conll",
        message: "not available yet".to_owned(),
    })
}
