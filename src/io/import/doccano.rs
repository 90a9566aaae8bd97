//! Reading doccano JSONL (`label` and `entities` forms). (Being written.)

use std::path::Path;

use crate::io::import::{ImportReport, SourceDocument};

/// Reads `contents` (from `path`) into `docs`.
pub(crate) fn read(
    path: &Path,
    _contents: &str,
    _docs: &mut Vec<SourceDocument>,
    report: &mut ImportReport,
) {
    report.file_error(path, "doccano import is not available yet");
}
