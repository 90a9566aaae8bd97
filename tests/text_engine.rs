//! Text-engine tests on real Arabic inputs and hand-made mixed lines: caret positions hit-test
//! back to their boundary, range rectangles cover exactly the glyphs of the range, and painting
//! a highlight never changes the glyphs.

use std::ops::Range;

use cosmic_text::FontSystem;
use egui::pos2;
use isnad::text::boundaries::grapheme_boundaries;
use isnad::text::fonts::bundled_font_system;
use isnad::text::paragraph_layout::{ParagraphLayout, TextMetrics};
use isnad::text::paragraphs::split_paragraphs;

const MIXED: &str = "قالت قناة RTN أيضًا إن 38٪ في عام 2023 (AES)";
const LAM_ALEF: &str = "لا لأن الإسلام والسلام لا يُختصران";

fn corpus(name: &str) -> String {
    let path = format!("{}/../shared/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn lay_out(fs: &mut FontSystem, text: &str, width: f32) -> ParagraphLayout {
    let rtl = isnad::text::paragraphs::direction(text).unwrap_or(true);
    let mut layout = ParagraphLayout::new(fs, text, rtl);
    layout.layout(text, width, TextMetrics::for_font_size(20.0));
    layout
}

/// Every paragraph of the inputs (the corpus files and the hand-made lines), non-empty ones.
fn inputs() -> Vec<String> {
    let mut out = vec![MIXED.to_owned(), LAM_ALEF.to_owned()];
    for name in ["niger-article.ar.txt", "udhr.ar.txt"] {
        let text = corpus(name);
        out.extend(
            split_paragraphs(&text)
                .into_iter()
                .map(|p| text[p.range].to_owned())
                .filter(|p| !p.trim().is_empty()),
        );
    }
    out
}

#[test]
fn every_caret_position_hits_back_to_its_boundary() {
    let mut fs = bundled_font_system();
    let mut checked = 0;
    for text in inputs() {
        let layout = lay_out(&mut fs, &text, 420.0);
        let boundaries = grapheme_boundaries(&text);
        for line in layout.lines() {
            let y = line.top + layout.line_height() / 2.0;
            for stop in &line.stops {
                assert!(
                    boundaries.contains(&stop.offset),
                    "stop {} is not a grapheme boundary in {text:?}",
                    stop.offset
                );
                let hit = layout.hit(pos2(stop.x, y));
                // At a bidi run boundary two logical positions are drawn at the same place;
                // the hit must be one of the boundaries drawn exactly there.
                let same_place = line
                    .stops
                    .iter()
                    .any(|s| s.offset == hit && (s.x - stop.x).abs() < 0.01);
                assert!(
                    same_place,
                    "caret of {} at x={} hit {hit} in {text:?}",
                    stop.offset, stop.x
                );
                checked += 1;
            }
        }
        // Every grapheme boundary that is not just after a line-breaking space has a caret stop.
        let with_stop = |b: usize| {
            layout
                .lines()
                .iter()
                .any(|l| l.stops.iter().any(|s| s.offset == b))
        };
        for &b in &boundaries {
            let after_space = text[..b].ends_with(char::is_whitespace);
            assert!(
                with_stop(b) || after_space,
                "boundary {b} has no caret position in {text:?}"
            );
        }
    }
    assert!(checked > 5_000, "only {checked} caret positions checked");
}

fn ranges_to_check(text: &str) -> Vec<Range<usize>> {
    let b = grapheme_boundaries(text);
    let mut out = Vec::new();
    let step = (b.len() / 40).max(1);
    for i in (0..b.len()).step_by(step) {
        for j in (i + 1..b.len()).step_by(step.max(1)) {
            out.push(b[i]..b[j]);
        }
    }
    out
}

fn check_rects_cover_exactly(fs: &mut FontSystem, text: &str, width: f32) -> usize {
    let layout = lay_out(fs, text, width);
    let mut checked = 0;
    for range in ranges_to_check(text) {
        let rects = layout.range_rects(text, range.clone());
        for line in layout.lines() {
            let line_rects: Vec<_> = rects
                .iter()
                .filter(|r| (r.min.y - line.top).abs() < 0.01)
                .collect();
            for g in line.glyphs.iter().filter(|g| g.w > 0.0) {
                let center = g.x + g.w / 2.0;
                let covered = line_rects
                    .iter()
                    .any(|r| r.min.x - 0.01 <= g.x && g.x + g.w <= r.max.x + 0.01);
                let touched = line_rects
                    .iter()
                    .any(|r| r.min.x < center && center < r.max.x);
                if range.start <= g.start && g.end <= range.end {
                    assert!(
                        covered,
                        "glyph {}..{} inside {range:?} not covered in {text:?}",
                        g.start, g.end
                    );
                } else if g.end <= range.start || g.start >= range.end {
                    let overlaps = line_rects
                        .iter()
                        .any(|r| r.min.x < g.x + g.w - 0.01 && g.x + 0.01 < r.max.x);
                    assert!(
                        !overlaps,
                        "glyph {}..{} outside {range:?} is highlighted in {text:?}",
                        g.start, g.end
                    );
                } else {
                    // A ligature holding both selected and unselected graphemes: partly covered.
                    assert!(
                        touched || covered || g.end - g.start > 1,
                        "partial glyph ignored"
                    );
                }
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn range_rects_cover_exactly_the_glyphs_of_the_range() {
    let mut fs = bundled_font_system();
    // Crossing bidi runs (Latin acronyms and digits inside Arabic) and lam-alef, one line and wrapped.
    for width in [2000.0, 180.0] {
        assert!(check_rects_cover_exactly(&mut fs, MIXED, width) > 1000);
        assert!(check_rects_cover_exactly(&mut fs, LAM_ALEF, width) > 1000);
    }
    let news = corpus("niger-article.ar.txt");
    let paragraph = news
        .lines()
        .find(|l| l.contains("RTN"))
        .expect("the article quotes RTN");
    assert!(check_rects_cover_exactly(&mut fs, paragraph, 500.0) > 1000);
}

#[test]
fn digits_and_latin_keep_their_order_inside_arabic() {
    let mut fs = bundled_font_system();
    let layout = lay_out(&mut fs, MIXED, 2000.0);
    let line = &layout.lines()[0];
    // Visually, "2023" reads left to right: the glyph of '2' is left of the glyph of '3'.
    let year = MIXED.find("2023").expect("year");
    let x_of = |offset: usize| {
        line.glyphs
            .iter()
            .find(|g| g.start == offset)
            .map(|g| g.x)
            .expect("glyph")
    };
    assert!(x_of(year) < x_of(year + 3), "2023 is drawn reversed");
    let rtn = MIXED.find("RTN").expect("RTN");
    assert!(x_of(rtn) < x_of(rtn + 2), "RTN is drawn reversed");
    // And the Arabic reads right to left: the first word is at the right end of the line.
    assert!(x_of(0) > x_of(year), "the paragraph is not right-to-left");
}

#[test]
fn arabic_paragraph_starting_with_latin_is_right_aligned() {
    let mut fs = bundled_font_system();
    let text = "CNSP أعلن المجلس الوطني لحماية الوطن تعليق الدستور";
    let layout = lay_out(&mut fs, text, 900.0);
    assert!(layout.rtl());
    let line = &layout.lines()[0];
    let right = line.glyphs.iter().map(|g| g.x + g.w).fold(0.0, f32::max);
    assert!(
        (right - 900.0).abs() < 1.0,
        "right edge at {right}, not aligned right"
    );
    // The acronym comes first in reading order, so it is at the right end.
    let c = line.glyphs.iter().find(|g| g.start == 0).expect("C");
    assert!(
        c.x > 600.0,
        "CNSP is not at the start (right) of the line: x={}",
        c.x
    );
    let latin = lay_out(&mut fs, "The council (CNSP) said المجلس would rule", 900.0);
    assert!(!latin.rtl());
    assert!(
        latin.lines()[0]
            .glyphs
            .iter()
            .map(|g| g.x)
            .fold(f32::MAX, f32::min)
            < 1.0
    );
}

#[test]
fn highlighting_never_changes_the_glyphs() {
    let mut fs = bundled_font_system();
    let text = "والمجلس العسكري أيضًا قال إن RTN لا تمثّل 38٪";
    let mut layout = lay_out(&mut fs, text, 2000.0);
    let glyphs = |l: &ParagraphLayout| -> Vec<(u16, i32)> {
        l.lines()[0]
            .glyphs
            .iter()
            .map(|g| (g.glyph_id, (g.x * 100.0) as i32))
            .collect()
    };
    let before = glyphs(&layout);
    // A partial word (only المجلس of والمجلس) and a range across a bidi run.
    let council = text.find("المجلس").expect("word");
    for range in [
        council..council + "المجلس".len(),
        text.find("إن").expect("in")..text.len(),
    ] {
        let rects = layout.range_rects(text, range);
        assert!(!rects.is_empty());
        assert_eq!(glyphs(&layout), before);
    }
    // Re-wrapping to another width and back does not re-shape: same glyphs again.
    layout.layout(text, 200.0, TextMetrics::for_font_size(20.0));
    layout.layout(text, 2000.0, TextMetrics::for_font_size(20.0));
    assert_eq!(glyphs(&layout), before);
    // The joined letters of والمجلس are the same glyphs as when the word stands alone with a
    // prefix: the partial highlight cannot have split the word into separately shaped pieces.
    let alone = lay_out(&mut fs, "والمجلس", 2000.0);
    let word_ids = |l: &ParagraphLayout, range: Range<usize>| -> Vec<u16> {
        l.lines()[0]
            .glyphs
            .iter()
            .filter(|g| range.contains(&g.start))
            .map(|g| g.glyph_id)
            .collect()
    };
    assert_eq!(
        word_ids(&layout, 0.."والمجلس".len()),
        word_ids(&alone, 0.."والمجلس".len())
    );
}

fn big_article() -> String {
    let base = corpus("udhr.ar.txt");
    let mut text = String::new();
    while text.len() < 1024 * 1024 {
        text.push_str(&base);
    }
    text
}

#[test]
fn only_paragraphs_near_the_viewport_are_shaped() {
    use isnad::text::DocumentLayout;
    let mut fs = bundled_font_system();
    let mut layout = DocumentLayout::new(big_article().into(), TextMetrics::for_font_size(20.0));
    layout.set_geometry(900.0, TextMetrics::for_font_size(20.0));
    assert_eq!(
        layout.shaped_count(),
        0,
        "nothing is shaped before it is shown"
    );
    layout.ensure_laid_out(&mut fs, 0.0..800.0, 0.0);
    let first_screen = layout.shaped_count();
    assert!(
        first_screen > 0 && first_screen < 80,
        "{first_screen} paragraphs shaped for one screen"
    );
    for p in 0..layout.paragraph_count() {
        let shaped = layout.paragraph_layout(p).is_some();
        let top = layout.paragraph_top(p);
        assert!(
            !shaped || top < 800.0 + isnad::text::document_layout::SHAPE_MARGIN,
            "paragraph {p} at {top} shaped"
        );
    }
    // Re-wrapping to a new width re-lays out, never re-shapes.
    layout.set_geometry(600.0, TextMetrics::for_font_size(20.0));
    layout.ensure_laid_out(&mut fs, 0.0..800.0, 0.0);
    // Narrower text shows fewer paragraphs per screen: nothing new to shape.
    assert_eq!(
        layout.shaped_count(),
        first_screen,
        "a width change re-shaped paragraphs"
    );
    let wrapped = (0..layout.paragraph_count())
        .filter_map(|p| layout.paragraph_layout(p))
        .any(|p| p.lines().len() > 1);
    assert!(wrapped, "no paragraph wraps at the narrower width");
    layout.set_geometry(900.0, TextMetrics::for_font_size(24.0));
    layout.ensure_laid_out(&mut fs, 0.0..800.0, 0.0);
    assert_eq!(
        layout.shaped_count(),
        first_screen,
        "a zoom re-shaped paragraphs"
    );
}

#[test]
fn scrolling_a_megabyte_keeps_the_shaped_text_bounded() {
    use isnad::text::DocumentLayout;
    use isnad::text::document_layout::SHAPED_TEXT_BUDGET;
    let mut fs = bundled_font_system();
    let mut layout = DocumentLayout::new(big_article().into(), TextMetrics::for_font_size(20.0));
    layout.set_geometry(900.0, TextMetrics::for_font_size(20.0));
    let mut y = 0.0;
    let mut max_resident = 0;
    while y < layout.total_height() {
        layout.ensure_laid_out(&mut fs, y..y + 800.0, y);
        max_resident = max_resident.max(layout.resident_count());
        // What is on screen is always shaped.
        for p in layout.visible_paragraphs(y..y + 800.0) {
            assert!(
                layout.paragraph_layout(p).is_some(),
                "visible paragraph {p} not laid out"
            );
        }
        y += 2000.0;
    }
    let paragraphs = layout.paragraph_count();
    assert!(
        layout.shaped_count() > paragraphs / 2,
        "the scroll did not reach the end"
    );
    let average = 1024 * 1024 / paragraphs;
    assert!(
        max_resident * average < SHAPED_TEXT_BUDGET * 3,
        "{max_resident} paragraphs of {paragraphs} held shaped at once"
    );
}

/// The face ids of the bundled fonts by family name.
fn face_id(fs: &FontSystem, family: &str) -> cosmic_text::fontdb::ID {
    fs.db()
        .faces()
        .find(|f| f.families.iter().any(|(name, _)| name == family))
        .map(|f| f.id)
        .unwrap_or_else(|| panic!("no bundled font {family}"))
}

#[test]
fn flags_skin_tones_and_zwj_sequences_are_one_emoji_glyph_each() {
    let mut fs = bundled_font_system();
    let emoji_font = face_id(&fs, isnad::text::fonts::EMOJI_FAMILY);
    let text = "علم النيجر 🇳🇪 وإعجاب 👍🏽 ونار 🔥 وأسرة 👨\u{200D}👩\u{200D}👧 هنا";
    for width in [2000.0, 150.0] {
        let layout = lay_out(&mut fs, text, width);
        for emoji in ["🇳🇪", "👍🏽", "🔥", "👨\u{200D}👩\u{200D}👧"] {
            let start = text.find(emoji).expect("emoji");
            let glyphs: Vec<_> = layout
                .lines()
                .iter()
                .flat_map(|l| &l.glyphs)
                .filter(|g| g.start >= start && g.end <= start + emoji.len())
                .collect();
            assert_eq!(
                glyphs.len(),
                1,
                "{emoji:?} drawn as {} glyphs",
                glyphs.len()
            );
            let g = glyphs[0];
            assert_eq!((g.start, g.end), (start, start + emoji.len()), "{emoji:?}");
            assert_eq!(g.font_id, emoji_font, "{emoji:?} not from the emoji font");
            assert!(g.glyph_id != 0 && g.w > 10.0, "{emoji:?} is a box");
        }
    }
}

#[test]
fn arabic_stays_in_naskh_and_latin_in_noto_sans_with_the_emoji_font_bundled() {
    let mut fs = bundled_font_system();
    let naskh = face_id(&fs, isnad::text::fonts::ARTICLE_FAMILY);
    let sans = face_id(&fs, "Noto Sans");
    let mut checked = 0;
    let mut paragraphs = inputs();
    paragraphs.push("علم النيجر 🇳🇪 وإعجاب 👍🏽 (AES) 2023".to_owned());
    for text in paragraphs {
        let layout = lay_out(&mut fs, &text, 1.0e6);
        for g in layout.lines().iter().flat_map(|l| &l.glyphs) {
            let Some(c) = text[g.start..].chars().next() else {
                continue;
            };
            let expected = match c {
                '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' => naskh,
                'A'..='Z' | 'a'..='z' => sans,
                _ => continue,
            };
            assert_eq!(
                g.font_id, expected,
                "{c:?} at {} of {text:?} in the wrong font",
                g.start
            );
            assert!(g.glyph_id != 0, "{c:?} has no glyph in {text:?}");
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked} glyphs checked");
}
