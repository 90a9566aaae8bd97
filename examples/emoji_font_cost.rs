//! What the bundled emoji font costs: its bytes in the binary, and the resident memory a font
//! system over the bundled fonts holds without it and with it, before and after shaping and
//! rasterising a page of Arabic text with emoji. Prints one JSON object per line.
//!
//! Run with `cargo run --example emoji_font_cost` (memory, not time: any profile).

use std::sync::Arc;

use cosmic_text::{FontSystem, SwashCache, fontdb};
use isnad::text::fonts::{EMOJI_REGULAR, NASKH_BOLD, NASKH_REGULAR, SANS_REGULAR};
use isnad::text::paragraph_layout::{ParagraphLayout, TextMetrics};

const LINE: &str = "علم النيجر 🇳🇪 وإعجاب 👍🏽 ونار 🔥 وأسرة 👨\u{200D}👩\u{200D}👧 وقال المجلس 2023 (CNSP) 😀 🎉 ✅ 🌍";

/// Resident memory of this process in bytes (Linux), 0 elsewhere.
fn resident_bytes() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

fn font_system(fonts: &[&'static [u8]]) -> FontSystem {
    let mut db = fontdb::Database::new();
    for &data in fonts {
        db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
    }
    db.set_serif_family("Noto Naskh Arabic");
    db.set_sans_serif_family("Noto Sans");
    FontSystem::new_with_locale_and_db("ar".to_owned(), db)
}

/// Shapes and rasterises 40 lines of `LINE` (every glyph once per size) and returns the number of
/// glyph images made.
fn shape_and_raster(fs: &mut FontSystem) -> usize {
    let mut swash = SwashCache::new();
    let mut images = 0;
    for size in [14.0, 16.0, 20.0, 24.0] {
        for _ in 0..10 {
            let mut layout = ParagraphLayout::new(fs, LINE, true);
            layout.layout(LINE, 900.0, TextMetrics::for_font_size(size));
            for g in layout.lines().iter().flat_map(|l| &l.glyphs) {
                let physical = g.physical((0.0, 0.0), 1.0);
                if swash.get_image_uncached(fs, physical.cache_key).is_some() {
                    images += 1;
                }
            }
        }
    }
    images
}

fn measure(name: &str, fonts: &[&'static [u8]]) {
    let before = resident_bytes();
    let mut fs = font_system(fonts);
    let loaded = resident_bytes();
    let images = shape_and_raster(&mut fs);
    let used = resident_bytes();
    let font_bytes: usize = fonts.iter().map(|f| f.len()).sum();
    println!(
        "{{\"fonts\":\"{name}\",\"font_bytes_in_binary\":{font_bytes},\"rss_font_system_bytes\":{},\"rss_after_shaping_bytes\":{},\"glyph_images\":{images}}}",
        loaded.saturating_sub(before),
        used.saturating_sub(before)
    );
    drop(fs);
}

/// Each measurement runs in a fresh process (pages of the binary already touched by one would
/// make the next look cheaper): without an argument, this program runs itself twice.
fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("without") => measure("naskh+sans", &[NASKH_REGULAR, NASKH_BOLD, SANS_REGULAR]),
        Some("with") => measure(
            "naskh+sans+emoji",
            &[NASKH_REGULAR, NASKH_BOLD, SANS_REGULAR, EMOJI_REGULAR],
        ),
        _ => {
            let exe = std::env::current_exe().unwrap_or_default();
            for arg in ["without", "with"] {
                let status = std::process::Command::new(&exe).arg(arg).status();
                if !status.is_ok_and(|s| s.success()) {
                    eprintln!("the {arg} measurement failed");
                }
            }
            println!("{{\"emoji_font_bytes_in_binary\":{}}}", EMOJI_REGULAR.len());
        }
    }
}
