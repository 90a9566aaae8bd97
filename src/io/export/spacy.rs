//! spaCy: the native JSONL (see `jsonl.rs`) plus, later, a `.spacy` DocBin.

use crate::io::export::{
    DocView, ExportError, ExportFile, ExportOptions, LossReport, Progress, jsonl,
};
use crate::model::Project;

/// The spaCy export: for now the native JSONL, which spaCy's `Doc.char_span` reads.
pub(crate) fn export(
    _project: &Project,
    docs: &[DocView<'_>],
    _options: &ExportOptions,
    _report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    jsonl::export(docs, progress)
}
