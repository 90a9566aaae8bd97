//! Headless subcommands of the `isnad` binary: `isnad new`, `isnad check`, `isnad export`,
//! `isnad import`, `isnad add` and `isnad suggest`.
//!
//! Each subcommand is a plain function returning a report (with a [`std::fmt::Display`] meant for
//! the terminal) or an error, so it can be tested without spawning the binary; `main.rs` only
//! parses the arguments, prints and turns the result into an exit code.

mod add;
mod check;
mod new;
mod suggest;
mod transfer;

pub use add::add_to_project;
pub use check::{CheckReport, DocumentReport, check_project, error_report};
pub use new::{CliError, NewDocument, NewSummary, new_project};
pub use suggest::{SuggestError, SuggestOptions, SuggestOutput, suggest_project};
pub use transfer::{ExportSummary, Outcome, TransferError, export_project, import_into_project};

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
