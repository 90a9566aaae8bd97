//! doccano JSONL, in its `label` form and its `entities` form. (Being written.)

use crate::io::export::{DocView, ExportError, ExportFile, LossReport, Progress};

fn not_yet() -> ExportError {
    ExportError::Encode {
        format: "doccano",
        message: "not available yet".to_owned(),
    }
}

/// `{"id":1,"text":"…","label":[[start,end,"label"]],"Comments":[…]}` per line.
pub(crate) fn export_label(
    _docs: &[DocView<'_>],
    _report: &mut LossReport,
    _progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    Err(not_yet())
}

/// `{"id":1,"text":"…","entities":[{"id","label","start_offset","end_offset"}],"relations":[]}`.
pub(crate) fn export_entities(
    _docs: &[DocView<'_>],
    _report: &mut LossReport,
    _progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    Err(not_yet())
}
