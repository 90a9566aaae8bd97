//! The bundled fonts and the font system built from them (and nothing else), so every machine and
//! every test lays out the same glyphs.

use std::sync::Arc;

use cosmic_text::{Attrs, Family, FontSystem, fontdb};

use super::GlyphAtlas;
use super::short_text::ShortTextCache;

/// Noto Naskh Arabic Regular (SIL OFL 1.1, see `fonts/OFL.txt`).
pub const NASKH_REGULAR: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Naskh Arabic Bold (SIL OFL 1.1).
pub const NASKH_BOLD: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf");
/// Noto Sans Regular, for Latin letters and symbols (SIL OFL 1.1).
pub const SANS_REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
/// Noto Emoji, monochrome (SIL OFL 1.1, see `fonts/NotoEmoji-OFL.txt`): emoji, flags and
/// skin-toned or ZWJ sequences as one glyph each, drawn in the text colour. The colour font
/// (Noto Color Emoji, CBDT bitmaps) is 11 MB against 0.9 MB for this one.
pub const EMOJI_REGULAR: &[u8] = include_bytes!("../../fonts/NotoEmoji-Regular.ttf");

/// The family of [`EMOJI_REGULAR`].
pub const EMOJI_FAMILY: &str = "Noto Emoji";

/// The family article text is shaped with; Latin falls back to Noto Sans.
pub const ARTICLE_FAMILY: &str = "Noto Naskh Arabic";

/// A font system holding only the bundled fonts. A character is drawn with the first of these
/// that has it: Noto Naskh Arabic (the family asked for), then cosmic-text's common fallback
/// (Noto Sans), then the other fonts of the database (Noto Emoji): so Arabic letters and digits
/// stay in Naskh, Latin in Noto Sans, and only what neither has (emoji) reaches Noto Emoji.
pub fn bundled_font_system() -> FontSystem {
    let mut db = fontdb::Database::new();
    for data in [NASKH_REGULAR, NASKH_BOLD, SANS_REGULAR, EMOJI_REGULAR] {
        db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
    }
    db.set_serif_family(ARTICLE_FAMILY);
    db.set_sans_serif_family("Noto Sans");
    FontSystem::new_with_locale_and_db("ar".to_owned(), db)
}

/// The one set of attributes article text is shaped with. Highlights never change it: they are
/// painted from byte ranges, so shaping (and Arabic joining) is never touched by tagging.
pub fn article_attrs() -> Attrs<'static> {
    Attrs::new().family(Family::Name(ARTICLE_FAMILY))
}

/// The font system and glyph atlas shared by every text view of the app.
pub struct TextEngine {
    /// cosmic-text's font system over the bundled fonts.
    pub font_system: FontSystem,
    /// Rasterised glyphs in an egui texture.
    pub atlas: GlyphAtlas,
    /// Shaped single-line strings of lists and labels (see [`crate::ui::shaped_label`]).
    pub short_text: ShortTextCache,
}

impl TextEngine {
    /// A text engine over the bundled fonts with an empty atlas.
    pub fn new() -> Self {
        Self {
            font_system: bundled_font_system(),
            atlas: GlyphAtlas::new(),
            short_text: ShortTextCache::new(),
        }
    }
}

impl Default for TextEngine {
    fn default() -> Self {
        Self::new()
    }
}
