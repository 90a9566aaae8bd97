//! Everything that touches cosmic-text: the bundled fonts, the paragraph table of a document,
//! shaping and wrapping, hit-testing, logical range -> rectangles, and the glyph atlas that turns
//! laid-out glyphs into egui meshes.
//!
//! Offsets in this module are UTF-8 byte offsets into the document text, always on grapheme
//! cluster boundaries when they come out of a hit test or a selection movement.

pub mod atlas;
pub mod boundaries;
pub mod carets;
pub mod document_layout;
pub mod fonts;
pub mod invisibles;
pub mod paragraph_layout;
pub mod paragraphs;
pub mod selection;
pub mod short_text;

pub use atlas::GlyphAtlas;
pub use document_layout::DocumentLayout;
pub use fonts::TextEngine;
pub use paragraph_layout::ParagraphLayout;
pub use paragraphs::{Paragraph, split_paragraphs};
pub use selection::Selection;
pub use short_text::{ShortText, ShortTextCache};
