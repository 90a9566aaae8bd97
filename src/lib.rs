//! Isnad: annotate who-said-what in Arabic news.
//!
//! Layers, arrows pointing down only (checked by `tests/layers.rs`):
//! `app` -> `ui` -> `text` -> `io` -> `team` -> `lang` -> `command` -> `model`. `cli` (the
//! headless subcommands) uses `io`, `team`, `lang`, `command` and `model`. `io` builds the edits
//! of imports and additions (`command::Edit`), an arrow that points down. Below `text`, nothing
//! names egui, eframe or cosmic-text.

pub mod app;
pub mod cli;
pub mod command;
pub mod io;
pub mod lang;
pub mod model;
pub mod team;
pub mod text;
pub mod ui;

pub use app::IsnadApp;
