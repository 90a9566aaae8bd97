//! Carets and hit-testing agree: for every grapheme boundary `b` of the corpus, of hand-made
//! mixed lines and of every Arabic line of BidiCharacterTest, on the article path (wrapped) and
//! the short-text path (unwrapped), a click where the caret of `b` is drawn gives an offset whose
//! caret is drawn at that same place; a grapheme drawn as several glyphs (a flag, an emoji ZWJ
//! sequence) has carets only at its outer edges.

mod bidi_common;

use cosmic_text::FontSystem;
use egui::pos2;
use isnad::text::boundaries::grapheme_boundaries;
use isnad::text::fonts::bundled_font_system;
use isnad::text::paragraph_layout::{ParagraphLayout, TextMetrics};
use isnad::text::paragraphs::{direction, split_paragraphs};

use bidi_common::{both_paths, cases, in_parallel, round_trip};

/// Hand-made lines: bidi runs at both ends, digits, emoji, lam-alef, marks and isolates.
const LINES: &[&str] = &[
    "قالت قناة RTN أيضًا إن 38٪ في عام 2023 (AES)",
    "لا لأن الإسلام والسلام لا يُختصران",
    "المادة 12",
    "2023: عام الانقلاب في النيجر",
    "\u{200F}قال المجلس",
    "\u{200F}2023 عام",
    "\u{2066}CNSP\u{2069} أعلن المجلس",
    "علم النيجر 🇳🇪 وإعجاب 👍🏽 ونار 🔥 وأسرة 👨\u{200D}👩\u{200D}👧 هنا",
    "🇳🇪 في البداية",
    "The flag 🇳🇪 of Niger, النيجر",
    // Not a sequence the font knows: drawn as cat, joiner and fire, one grapheme.
    "قطة 🐈\u{200D}🔥 هنا",
];

fn corpus(name: &str) -> String {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// No caret is drawn strictly inside a grapheme drawn with several glyphs, and its first and last
/// boundaries are at its outer edges.
fn multi_glyph_graphemes_have_carets_at_their_edges(
    text: &str,
    layout: &ParagraphLayout,
) -> Result<usize, String> {
    let boundaries = grapheme_boundaries(text);
    let mut checked = 0;
    for line in layout.lines() {
        for pair in boundaries.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            let glyphs: Vec<_> = line
                .glyphs
                .iter()
                .filter(|g| start <= g.start && g.end <= end && g.w > 0.0)
                .collect();
            if glyphs.len() < 2 {
                continue;
            }
            let x0 = glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
            let x1 = glyphs.iter().map(|g| g.x + g.w).fold(f32::MIN, f32::max);
            for s in &line.stops {
                if x0 + 0.01 < s.x && s.x < x1 - 0.01 {
                    return Err(format!(
                        "stop of {} at x={} inside the grapheme {:?} ({x0}..{x1}) in {text:?}",
                        s.offset,
                        s.x,
                        &text[start..end]
                    ));
                }
            }
            for b in [start, end] {
                let (x, _) = layout.caret(b).ok_or("no caret")?;
                let at_edge = (x - x0).abs() < 0.01 || (x - x1).abs() < 0.01;
                let elsewhere = x <= x0 - 0.01 || x >= x1 + 0.01;
                if !at_edge && !elsewhere {
                    return Err(format!(
                        "caret of {b} at x={x} inside {:?} ({x0}..{x1}) in {text:?}",
                        &text[start..end]
                    ));
                }
            }
            checked += 1;
        }
    }
    Ok(checked)
}

fn lay_out_wrapped(fs: &mut FontSystem, text: &str, width: f32) -> ParagraphLayout {
    let mut layout = ParagraphLayout::new(fs, text, direction(text).unwrap_or(true));
    layout.layout(text, width, TextMetrics::for_font_size(20.0));
    layout
}

#[test]
fn every_caret_of_the_corpus_and_mixed_lines_is_where_a_click_puts_it() {
    let mut fs = bundled_font_system();
    let mut paragraphs: Vec<String> = LINES.iter().map(|l| (*l).to_owned()).collect();
    for name in ["niger-article.ar.txt", "udhr.ar.txt"] {
        let text = corpus(name);
        paragraphs.extend(
            split_paragraphs(&text)
                .into_iter()
                .map(|p| text[p.range].to_owned())
                .filter(|p| !p.is_empty()),
        );
    }
    let mut checked = 0;
    for text in &paragraphs {
        for width in [420.0, 1.0e6] {
            let layout = lay_out_wrapped(&mut fs, text, width);
            checked += round_trip(text, &layout).unwrap_or_else(|e| panic!("{e}"));
        }
        let mut short = ParagraphLayout::new(&mut fs, text, direction(text).unwrap_or(true));
        short.layout_unwrapped(text, TextMetrics::for_font_size(13.0));
        checked += round_trip(text, &short).unwrap_or_else(|e| panic!("{e}"));
    }
    assert!(checked > 20_000, "only {checked} boundaries checked");
}

#[test]
fn every_caret_of_the_arabic_lines_of_bidi_character_test_is_where_a_click_puts_it() {
    let arabic: Vec<_> = cases().into_iter().filter(|c| c.has_arabic()).collect();
    assert_eq!(arabic.len(), 85, "Arabic lines of BidiCharacterTest");
    let failures: Vec<String> = in_parallel(&arabic, |fs, case| {
        both_paths(fs, case, |path, layout| {
            round_trip(&case.text, layout)
                .err()
                .map(|e| format!("line {} ({path} path): {e}", case.line_number))
        })
    })
    .into_iter()
    .flatten()
    .flatten()
    .collect();
    for failure in failures.iter().take(20) {
        eprintln!("{failure}");
    }
    assert!(failures.is_empty(), "{} failures", failures.len());
}

#[test]
fn flags_and_emoji_sequences_have_carets_only_at_their_edges() {
    let mut fs = bundled_font_system();
    let mut checked = 0;
    for text in LINES {
        for width in [1.0e6, 120.0] {
            let layout = lay_out_wrapped(&mut fs, text, width);
            checked += multi_glyph_graphemes_have_carets_at_their_edges(text, &layout)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    // The cat-and-fire sequence, on both widths.
    assert!(checked >= 2, "no grapheme drawn with several glyphs");
}

#[test]
fn a_paragraph_starting_with_a_direction_mark_has_a_caret_at_offset_0() {
    let mut fs = bundled_font_system();
    for text in [
        "\u{200F}قال المجلس",
        "\u{200F}2023 عام",
        "\u{200E}\u{200F}abc",
    ] {
        let layout = lay_out_wrapped(&mut fs, text, 1.0e6);
        let (x, line) = layout.caret(0).expect("a caret at 0");
        let stop = layout.lines()[line]
            .stops
            .iter()
            .find(|s| s.offset == 0)
            .unwrap_or_else(|| panic!("no stop at 0 in {text:?}"));
        assert!((stop.x - x).abs() < 0.01 && stop.drawn_here);
        // The caret at 0 is at the start edge of the line: the right edge for Arabic.
        let right = layout.lines()[line]
            .glyphs
            .iter()
            .map(|g| g.x + g.w)
            .fold(0.0, f32::max);
        if layout.rtl() {
            assert!(
                (x - right).abs() < 0.5,
                "caret at {x}, line ends at {right}"
            );
        }
    }
}

#[test]
fn a_click_inside_a_letter_of_an_embedded_run_gets_that_letter_edge() {
    // Dragging from inside the last letter of "RTN" (or "2023") to inside its first selects it,
    // although each of its outer edges is also the edge of an Arabic space.
    let mut fs = bundled_font_system();
    let text = "قالت قناة RTN أيضًا إن 38٪ في عام 2023 هنا";
    for width in [1.0e6, 200.0] {
        let layout = lay_out_wrapped(&mut fs, text, width);
        for word in ["RTN", "2023", "38"] {
            let start = text.find(word).expect("word");
            let end = start + word.len();
            let line = layout
                .lines()
                .iter()
                .find(|l| l.glyphs.iter().any(|g| g.start == start))
                .expect("line");
            let y = line.top + layout.line_height() / 2.0;
            let glyph = |offset: usize| {
                line.glyphs
                    .iter()
                    .find(|g| g.start == offset)
                    .expect("glyph")
            };
            let (first, last) = (glyph(start), glyph(end - 1));
            assert_eq!(
                layout.hit(pos2(first.x + first.w * 0.25, y)),
                start,
                "{word}"
            );
            assert_eq!(layout.hit(pos2(last.x + last.w * 0.75, y)), end, "{word}");
        }
    }
}
