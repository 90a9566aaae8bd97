//! Reading Unicode's BidiCharacterTest.txt and reading the visual order back out of our layout.
#![allow(dead_code)] // Each test file uses its own subset.

use cosmic_text::FontSystem;
use egui::pos2;
use isnad::text::boundaries::grapheme_boundaries;
use isnad::text::carets::cluster_boxes;
use isnad::text::paragraph_layout::{ParagraphLayout, TextMetrics};
use isnad::text::paragraphs::first_strong_rtl;
use unicode_bidi::{BidiClass, bidi_class};

/// One test case of BidiCharacterTest.txt.
pub struct BidiCase {
    /// 1-based line number in the file.
    pub line_number: usize,
    /// The paragraph.
    pub text: String,
    /// The byte offset of each code point of `text`.
    pub char_offsets: Vec<usize>,
    /// 0 left-to-right, 1 right-to-left, 2 auto (rules P2 and P3).
    pub direction: u8,
    /// The resolved paragraph level (0 or 1).
    pub paragraph_level: u8,
    /// The expected visual order: code point indices, left to right, without the characters
    /// rule X9 removes.
    pub visual_order: Vec<usize>,
}

impl BidiCase {
    /// The paragraph direction to lay the case out with: the test's own, or for "auto" the first
    /// strong character outside isolates (left-to-right when there is none).
    pub fn rtl(&self) -> bool {
        match self.direction {
            0 => false,
            1 => true,
            _ => first_strong_rtl(&self.text).unwrap_or(false),
        }
    }

    /// Does the paragraph hold an Arabic letter or digit?
    pub fn has_arabic(&self) -> bool {
        self.text
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }
}

/// The path of the shared copy of BidiCharacterTest.txt.
pub fn test_file() -> String {
    format!(
        "{}/../shared/unicode/BidiCharacterTest.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Every case of the file, in order.
pub fn cases() -> Vec<BidiCase> {
    let path = test_file();
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| parse_case(i + 1, l))
        .collect()
}

fn parse_case(line_number: usize, line: &str) -> BidiCase {
    let fields: Vec<&str> = line.split(';').collect();
    assert_eq!(fields.len(), 5, "line {line_number}: {line}");
    let mut text = String::new();
    let mut char_offsets = Vec::new();
    for hex in fields[0].split_whitespace() {
        let c = u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or_else(|| panic!("line {line_number}: bad code point {hex}"));
        char_offsets.push(text.len());
        text.push(c);
    }
    let number = |s: &str| -> usize {
        s.trim()
            .parse()
            .unwrap_or_else(|_| panic!("line {line_number}: bad number {s:?}"))
    };
    BidiCase {
        line_number,
        text,
        char_offsets,
        direction: number(fields[1]) as u8,
        paragraph_level: number(fields[2]) as u8,
        visual_order: fields[4].split_whitespace().map(number).collect(),
    }
}

/// Characters rule X9 removes (embedding and override controls, boundary neutrals): they have no
/// place in the expected visual order.
pub fn removed_by_x9(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::RLE
            | BidiClass::LRE
            | BidiClass::RLO
            | BidiClass::LRO
            | BidiClass::PDF
            | BidiClass::BN
    )
}

/// The visual order of the first line of `layout`: code point indices from left to right, each
/// cluster's characters reversed when it is drawn right to left, without the characters X9
/// removes.
pub fn visual_order(layout: &ParagraphLayout, case: &BidiCase) -> Vec<usize> {
    let Some(line) = layout.lines().first() else {
        return Vec::new();
    };
    // cosmic-text lays glyphs out in visual order from the paragraph's start edge: left to
    // right, or right to left in a right-to-left paragraph. (Not sorted by x: zero-width glyphs,
    // the bidi controls, share an x with their neighbours.)
    let mut glyphs = line.glyphs.clone();
    if layout.rtl() {
        glyphs.reverse();
    }
    let mut order = Vec::new();
    for cluster in cluster_boxes(&glyphs) {
        let first = case.char_offsets.partition_point(|&o| o < cluster.start);
        let last = case.char_offsets.partition_point(|&o| o < cluster.end);
        let mut chars: Vec<usize> = (first..last).collect();
        if cluster.rtl {
            chars.reverse();
        }
        order.extend(chars);
    }
    let chars: Vec<char> = case.text.chars().collect();
    order.retain(|&i| !removed_by_x9(chars[i]));
    order
}

/// Are the glyphs of the first line, in the order [`visual_order`] reads them, drawn from left
/// to right (each glyph with a width starts at or after the end of the one before)?
pub fn drawn_left_to_right(layout: &ParagraphLayout) -> bool {
    let Some(line) = layout.lines().first() else {
        return true;
    };
    let mut glyphs: Vec<_> = line.glyphs.iter().filter(|g| g.w > 0.0).collect();
    if layout.rtl() {
        glyphs.reverse();
    }
    glyphs.windows(2).all(|p| p[1].x >= p[0].x + p[0].w - 0.01)
}

/// Lays `case` out on the article path (wrapped to a width it never reaches) and on the short-text
/// path (unwrapped), shaped once; returns the layout after each.
pub fn both_paths<R>(
    fs: &mut FontSystem,
    case: &BidiCase,
    mut check: impl FnMut(&str, &ParagraphLayout) -> R,
) -> [R; 2] {
    let metrics = TextMetrics::for_font_size(16.0);
    let mut layout = ParagraphLayout::new(fs, &case.text, case.rtl());
    layout.layout(&case.text, 1.0e6, metrics);
    let article = check("article", &layout);
    layout.layout_unwrapped(&case.text, metrics);
    let short = check("short text", &layout);
    [article, short]
}

/// Runs `work` over `items` split across threads, each with its own font system; returns the
/// results in order.
pub fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&mut FontSystem, &T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let work = &work;
                scope.spawn(move || {
                    let mut fs = isnad::text::fonts::bundled_font_system();
                    part.iter()
                        .map(|item| work(&mut fs, item))
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|_| panic!("a worker panicked")))
            .collect()
    })
}

/// Checks the round trip for every grapheme boundary of `text` in `layout`; returns the number of
/// boundaries checked or the first problem.
pub fn round_trip(text: &str, layout: &ParagraphLayout) -> Result<usize, String> {
    let boundaries = grapheme_boundaries(text);
    for &b in &boundaries {
        let (x, line) = layout
            .caret(b)
            .ok_or_else(|| format!("no caret for {b} in {text:?}"))?;
        let y = layout.lines()[line].top + layout.line_height() / 2.0;
        let hit = layout.hit(pos2(x, y));
        let (hx, hline) = layout
            .caret(hit)
            .ok_or_else(|| format!("no caret for hit {hit} in {text:?}"))?;
        if (hx - x).abs() > 0.01 || hline != line {
            return Err(format!(
                "caret of {b} at x={x} line {line}; a click there gives {hit}, drawn at x={hx} \
                 line {hline}, in {text:?}"
            ));
        }
        let stop_here = layout.lines()[line]
            .stops
            .iter()
            .any(|s| s.offset == b && s.drawn_here && (s.x - x).abs() < 0.01);
        if !stop_here {
            return Err(format!(
                "caret of {b} at x={x} is not one of its stops in {text:?}"
            ));
        }
    }
    Ok(boundaries.len())
}
