//! Attribution suggestions (issue 16): cues, the project's own spans, a gazetteer.
pub mod cues;
pub mod words;
