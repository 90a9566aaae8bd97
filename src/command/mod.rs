//! What the user can ask for: invertible edits of a project with their undo history, and UI
//! commands (menus and shortcuts).

mod crop;
mod edit;
mod history;
pub mod ui_command;

pub use crop::{CropError, crop_edit};
pub use edit::Edit;
pub use history::{History, MergeKey, SavedSelection};
pub use ui_command::UiCommand;
