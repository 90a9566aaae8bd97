//! Language without I/O: the tokenizer and sentences, and one Arabic folding with its offset map.
//! No egui, cosmic-text or files here: everything is testable on plain strings.

pub mod fold;
pub mod suggest;
pub mod tokenize;

pub use fold::{FoldOptions, FoldedText, fold};
