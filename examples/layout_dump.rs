//! Dumps how our text engine lays out each line of a file, for cross-checks with reference engines
//! (HarfBuzz for glyphs and advances, FriBidi for the visual order): one JSON object per line of
//! input with the paragraph direction and, for the article path (wrapped, never reached) and the
//! short-text path (unwrapped), the glyphs from left to right (byte range, glyph id, font file,
//! advance in points at 16 pt, bidi level) and the caret x of every grapheme boundary.
//!
//! Run with `cargo run --release --example layout_dump -- FILE [rtl|ltr|auto]`.

use std::fmt::Write as _;

use isnad::text::boundaries::grapheme_boundaries;
use isnad::text::fonts::bundled_font_system;
use isnad::text::paragraph_layout::{ParagraphLayout, TextMetrics};
use isnad::text::paragraphs::direction;

const FONT_SIZE: f32 = 16.0;

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

fn glyphs_json(fs: &cosmic_text::FontSystem, layout: &ParagraphLayout) -> String {
    let mut glyphs: Vec<_> = layout
        .lines()
        .iter()
        .flat_map(|l| l.glyphs.iter())
        .collect();
    if layout.rtl() {
        glyphs.reverse();
    }
    let mut out = String::from("[");
    for (i, g) in glyphs.iter().enumerate() {
        let family = fs
            .db()
            .face(g.font_id)
            .and_then(|f| f.families.first().map(|(n, _)| n.clone()))
            .unwrap_or_default();
        if i > 0 {
            out.push(',');
        }
        let _ = write!(
            out,
            "{{\"start\":{},\"end\":{},\"id\":{},\"font\":{},\"w\":{},\"level\":{}}}",
            g.start,
            g.end,
            g.glyph_id,
            json_string(&family),
            g.w,
            g.level.number()
        );
    }
    out.push(']');
    out
}

fn carets_json(text: &str, layout: &ParagraphLayout) -> String {
    let carets: Vec<String> = grapheme_boundaries(text)
        .into_iter()
        .map(|b| {
            layout
                .caret(b)
                .map_or_else(|| "null".to_owned(), |(x, _)| format!("[{b},{x}]"))
        })
        .collect();
    format!("[{}]", carets.join(","))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: layout_dump FILE [rtl|ltr|auto]");
        std::process::exit(2);
    };
    let mode = args.next().unwrap_or_else(|| "auto".to_owned());
    let input = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let mut fs = bundled_font_system();
    let metrics = TextMetrics::for_font_size(FONT_SIZE);
    for line in input.lines().filter(|l| !l.is_empty()) {
        let rtl = match mode.as_str() {
            "rtl" => true,
            "ltr" => false,
            _ => direction(line).unwrap_or(true),
        };
        let mut layout = ParagraphLayout::new(&mut fs, line, rtl);
        layout.layout(line, 1.0e6, metrics);
        let article = glyphs_json(&fs, &layout);
        let article_carets = carets_json(line, &layout);
        layout.layout_unwrapped(line, metrics);
        let short = glyphs_json(&fs, &layout);
        let short_carets = carets_json(line, &layout);
        println!(
            "{{\"text\":{},\"rtl\":{rtl},\"article\":{article},\"short\":{short},\"article_carets\":{article_carets},\"short_carets\":{short_carets}}}",
            json_string(line)
        );
    }
}
