//! Isnad: annotate who-said-what in Arabic news.
//!
//! Layers, arrows pointing down only: `app` -> `ui` -> `text` -> `command` / `io` -> model; `cli`
//! (the headless subcommands) uses only `io` and `model`.

pub mod app;
pub mod cli;
pub mod command;
pub mod io;
pub mod model;
pub mod team;
pub mod text;
pub mod ui;

pub use app::IsnadApp;
