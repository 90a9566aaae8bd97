//! Language without I/O: the tokenizer and sentences, one Arabic folding with its offset map, and
//! search (in one text and over a project, with keyword-in-context pieces). No egui, cosmic-text
//! or files here: everything is testable on plain strings.

pub mod context;
pub mod fold;
pub mod project_search;
pub mod search;
pub mod suggest;
pub mod tokenize;

pub use fold::{FoldOptions, FoldedText, fold};
pub use search::{Query, QueryError, SearchOptions};
