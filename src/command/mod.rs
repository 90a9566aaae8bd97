//! What the user can ask for: UI commands (menus and shortcuts).

pub mod ui_command;

pub use ui_command::UiCommand;
