//! Widgets and panels. They read state and record what the user asked for; they never touch
//! files and never call cosmic-text directly (that is `text/`).

pub mod article_view;
pub mod label_palette;
pub mod menu_bar;
pub mod status_bar;

pub use article_view::ArticleView;
