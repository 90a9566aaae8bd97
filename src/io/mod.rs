//! Everything that reads or writes files. Never touches egui.

pub mod article;
pub mod corpus;
pub mod encoding;
pub mod export;
pub mod html;
pub mod import;
pub mod log;
pub mod progress;
pub mod project;
pub mod recovery;
pub mod sample;
pub mod sample_links;
pub mod user_dirs;

pub use article::{Article, ArticleError, MAX_ARTICLE_BYTES, MAX_TITLE_CHARS, load_article};

/// The ending of a regular English noun counted `n` times: `""` for one, `"s"` otherwise (for the
/// messages and reports every reader and writer prints).
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
