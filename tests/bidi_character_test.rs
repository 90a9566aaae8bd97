//! Unicode's bidi conformance test (BidiCharacterTest.txt, Unicode 15.0, all 91,707 cases) laid
//! out through our own layout: on the article path (wrapped) and on the short-text path
//! (unwrapped), with the test's paragraph direction, the glyphs must come out in the test's
//! visual order, and every caret is drawn where a click on it puts the caret. A failure names the
//! line of the file.

mod bidi_common;

use bidi_common::{
    BidiCase, both_paths, cases, drawn_left_to_right, in_parallel, round_trip, visual_order,
};

/// At most this many failures are printed in full.
const SHOWN: usize = 20;

fn failures_of(fs: &mut cosmic_text::FontSystem, case: &BidiCase) -> Vec<String> {
    let mut failures = Vec::new();
    if u8::from(case.rtl()) != case.paragraph_level {
        failures.push(format!(
            "line {}: paragraph direction {} resolved as level {}, the test says {}",
            case.line_number,
            case.direction,
            u8::from(case.rtl()),
            case.paragraph_level
        ));
    }
    let results = both_paths(fs, case, |path, layout| {
        let got = visual_order(layout, case);
        if let Err(e) = round_trip(&case.text, layout) {
            return Some(format!("line {} ({path} path): {e}", case.line_number));
        }
        if !drawn_left_to_right(layout) {
            return Some(format!(
                "line {} ({path} path): glyphs overlap or go back; text {:?}",
                case.line_number, case.text
            ));
        }
        (got != case.visual_order).then(|| {
            format!(
                "line {} ({path} path): visual order {:?}, the test says {:?}; text {:?}",
                case.line_number, got, case.visual_order, case.text
            )
        })
    });
    failures.extend(results.into_iter().flatten());
    failures
}

#[test]
fn every_line_of_bidi_character_test_is_drawn_in_the_test_visual_order() {
    let cases = cases();
    assert_eq!(cases.len(), 91_707, "the file has 91,707 cases");
    let failures: Vec<String> = in_parallel(&cases, failures_of)
        .into_iter()
        .flatten()
        .collect();
    for failure in failures.iter().take(SHOWN) {
        eprintln!("{failure}");
    }
    assert!(
        failures.is_empty(),
        "{} failures over {} cases (first {SHOWN} printed above)",
        failures.len(),
        cases.len()
    );
}
