//! Short texts (titles, span names, tooltips) are laid out unwrapped; a bidi run at the start
//! whose direction differs from the paragraph's (digits opening an Arabic title) must be drawn,
//! with every glyph and the full width. cosmic-text 0.19's `Wrap::None` drops that run.

use isnad::text::ShortTextCache;
use isnad::text::fonts::bundled_font_system;
use isnad::text::paragraph_layout::{ParagraphLayout, TextMetrics};

const TITLES: &[&str] = &[
    "2023 عام الانقلاب في النيجر",
    "2023: وصول مدربين عسكريين روس إلى النيجر",
    "CNSP يعلن تعليق الدستور",
    "38٪ من الأصوات",
    "Niger: المجلس العسكري says 2023",
];

/// (glyph ids in visual order, bytes covered by a glyph, sum of advances, laid-out width)
fn summary(layout: &ParagraphLayout, text: &str) -> (Vec<u16>, Vec<bool>, f32, f32) {
    let mut covered = vec![false; text.len()];
    let mut ids = Vec::new();
    let mut advance = 0.0;
    for line in layout.lines() {
        for g in &line.glyphs {
            ids.push(g.glyph_id);
            advance += g.w;
            for byte in covered.iter_mut().take(g.end).skip(g.start) {
                *byte = true;
            }
        }
    }
    (ids, covered, advance, layout.width())
}

#[test]
fn an_unwrapped_title_keeps_every_glyph_of_a_leading_run_in_the_other_direction() {
    let mut fs = bundled_font_system();
    let metrics = TextMetrics::for_font_size(16.0);
    for &title in TITLES {
        let rtl = isnad::text::paragraphs::direction(title).unwrap_or(true);
        let mut layout = ParagraphLayout::new(&mut fs, title, rtl);
        // The reference: one wrapped line far wider than the text.
        layout.layout(title, 1.0e6, metrics);
        let (wrapped_ids, _, wrapped_advance, _) = summary(&layout, title);
        assert_eq!(layout.lines().len(), 1);
        layout.layout_unwrapped(title, metrics);
        let (ids, covered, advance, width) = summary(&layout, title);
        assert_eq!(layout.lines().len(), 1, "{title:?} is on one line");
        assert_eq!(ids, wrapped_ids, "glyphs of {title:?} unwrapped");
        assert!(
            covered.iter().all(|&c| c),
            "some characters of {title:?} have no glyph: {covered:?}"
        );
        assert!(
            (advance - wrapped_advance).abs() < 0.01 && (width - advance).abs() < 0.01,
            "{title:?}: width {width}, advances {advance}, wrapped {wrapped_advance}"
        );
        // The glyphs start at x = 0 and end at the width.
        let line = &layout.lines()[0];
        let left = line.glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
        assert!(left.abs() < 0.01, "{title:?} starts at {left}");
    }
}

#[test]
fn the_short_text_cache_draws_the_year_of_an_arabic_title() {
    let mut fs = bundled_font_system();
    let mut cache = ShortTextCache::new();
    let title = TITLES[0];
    let line = cache.get(&mut fs, title, 15.0, None, 1);
    assert!(line.rtl());
    let year = title.find("2023").expect("year");
    for digit in year..year + 4 {
        assert!(
            line.glyphs().iter().any(|g| g.start == digit),
            "the digit at {digit} of {title:?} is not drawn"
        );
    }
    let advance: f32 = line.glyphs().iter().map(|g| g.w).sum();
    assert!((line.width() - advance).abs() < 0.01);
    // "2023" is drawn left to right, at the start (the right end) of the right-to-left title.
    let x_of = |offset: usize| {
        line.glyphs()
            .iter()
            .find(|g| g.start == offset)
            .map(|g| g.x)
            .expect("glyph")
    };
    assert!(x_of(year) < x_of(year + 3));
    assert!(x_of(year) > x_of(title.find('ع').expect("ain")));
}

/// Text laid out only for painting (list rows, titles) has the same glyphs, places and width as
/// the full layout; it only skips the caret stops, which nothing painted needs.
#[test]
fn a_layout_for_painting_draws_what_the_full_layout_draws() {
    let mut fs = bundled_font_system();
    let metrics = TextMetrics::for_font_size(15.0);
    for &title in TITLES {
        let rtl = isnad::text::paragraphs::direction(title).unwrap_or(true);
        let mut full = ParagraphLayout::new(&mut fs, title, rtl);
        full.layout_unwrapped(title, metrics);
        let mut painted = ParagraphLayout::new(&mut fs, title, rtl);
        painted.layout_unwrapped_for_painting(title, metrics);
        let places = |layout: &ParagraphLayout| -> Vec<(u16, usize, usize, u32, u32)> {
            layout
                .lines()
                .iter()
                .flat_map(|l| &l.glyphs)
                .map(|g| (g.glyph_id, g.start, g.end, g.x.to_bits(), g.y.to_bits()))
                .collect()
        };
        assert_eq!(places(&painted), places(&full), "{title:?}");
        assert_eq!(painted.width(), full.width(), "{title:?}");
        assert_eq!(painted.lines()[0].baseline, full.lines()[0].baseline);
        assert!(
            full.caret(title.len()).is_some(),
            "the full layout has carets"
        );
        assert!(
            painted.lines()[0].stops.is_empty(),
            "no caret stops for painting"
        );
    }
}
