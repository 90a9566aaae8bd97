//! Headless subcommands of the `isnad` binary: `isnad new`, `isnad check`, `isnad export`,
//! `isnad import`, `isnad add`, `isnad search`, `isnad suggest`, `isnad agree` and `isnad merge`.
//!
//! Each subcommand is a plain function returning a report (with a [`std::fmt::Display`] meant for
//! the terminal) or an error, so it can be tested without spawning the binary; `main.rs` only
//! parses the arguments, prints and turns the result into an exit code.

mod add;
mod agree;
mod annotator;
mod check;
mod merge;
mod new;
mod search;
mod split;
mod suggest;
mod transfer;
mod writing;

pub use add::{add_to_project, add_to_project_with};
pub use agree::{
    AgreementJson, LISTED_DISAGREEMENTS, SpanMakers, agree_projects, agree_projects_with_makers,
    agreement_json, agreement_table, makers_json, makers_table,
};
pub use annotator::{ANNOTATOR_ENV, annotator_from};
pub use check::{CheckReport, DocumentReport, check_project, error_report};
pub use merge::{MERGE_FAILED, MergeFailure, merge_exit_code, merge_files};
pub use new::{CliError, NewDocument, NewSummary, new_project, new_project_with};
pub use search::{HitFormat, SearchArgs, SearchError, SearchSummary, search_project_file};
pub use split::{SplitSummary, WrittenProject, import_split_by_annotator};
pub use suggest::{SuggestError, SuggestOptions, SuggestOutput, suggest_project};
pub use transfer::{
    ExportSummary, Outcome, TransferError, export_project, import_into_project,
    import_into_project_with,
};
pub use writing::lock_for_writing;

use crate::model::DocumentStatus;

/// The status as a user reads it (`new`, `in progress`, `done`).
pub fn status_name(status: DocumentStatus) -> &'static str {
    match status {
        DocumentStatus::New => "new",
        DocumentStatus::InProgress => "in progress",
        DocumentStatus::Done => "done",
    }
}

/// `"1 span"`, `"2 spans"`.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", crate::io::plural(n))
}
