//! Isnad: annotate who-said-what in Arabic news.
//!
//! Layers, arrows pointing down only: `app` -> `ui` -> `text` -> `io` -> `lang` -> `command` ->
//! `model`; `cli` (the headless subcommands) uses only `io`, `lang` and `model`.

pub mod app;
pub mod cli;
pub mod command;
pub mod io;
pub mod lang;
pub mod model;
pub mod text;
pub mod ui;

pub use app::IsnadApp;
