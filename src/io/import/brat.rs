//! Reading brat standoff: an `.ann` file and the `.txt` beside it. (Being written.)

use std::path::Path;

use crate::io::import::{ImportReport, SourceDocument};

/// Reads the `.ann` at `path` and its `.txt` into `docs`.
pub(crate) fn read(path: &Path, _docs: &mut Vec<SourceDocument>, report: &mut ImportReport) {
    report.file_error(path, "brat import is not available yet");
}
