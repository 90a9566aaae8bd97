//! The article view through the real `App` (issue 14, item 5): mouse selections snap to whole
//! words across words (letter-exact inside one word, Alt for no snapping), and the status bar
//! shows the selected text and the selected span.

mod common;

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;

use common::{drag_offsets, harness, text};

/// Byte offset of the first `phrase` after `after` in the shown document.
fn at(harness: &Harness<'static, IsnadApp>, phrase: &str, after: &str) -> usize {
    let text = text(harness);
    let from = text.find(after).expect("anchor");
    from + text[from..].find(phrase).expect("phrase")
}

fn selected(harness: &Harness<'static, IsnadApp>) -> String {
    harness
        .state()
        .view()
        .expect("view")
        .selected_text()
        .to_owned()
}

#[test]
fn a_drag_across_words_snaps_to_them_and_alt_keeps_the_letters() {
    let mut harness = harness(None);
    // منظمة الأغذية والزراعة: pressed one letter into منظمة (م is no clitic), released in the
    // middle of الأغذية: both words whole.
    let start = at(&harness, "منظمة الأغذية", "");
    let middle = at(&harness, "ذية", "منظمة الأغ");
    drag_offsets(&mut harness, start + "م".len(), middle);
    assert_eq!(selected(&harness), "منظمة الأغذية");

    // Inside one word: letter-exact.
    drag_offsets(&mut harness, start + "م".len(), start + "منظ".len());
    assert_eq!(selected(&harness), "نظ");

    // Started right after the clitic و of والزراعة: it stays out, the next word is whole.
    let wa = at(&harness, "والزراعة", "منظمة الأغذية");
    let umam = at(&harness, "أمم", "منظمة الأغذية والزراعة");
    drag_offsets(&mut harness, wa + "و".len(), umam);
    assert_eq!(selected(&harness), "الزراعة للأمم");
    // Backwards from inside للأمم (pressed after لل: the press point is kept, so للأمم is cut
    // there) to one letter into الأغذية (its alif, no clitic: the whole word).
    drag_offsets(&mut harness, umam, middle - "الأغ".len() + "ا".len());
    assert_eq!(selected(&harness), "الأغذية والزراعة لل");

    // With Alt held: no snapping at all.
    harness.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    drag_offsets(&mut harness, start + "م".len(), middle);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.step();
    assert_eq!(selected(&harness), "نظمة الأغ");
}

#[test]
fn the_status_bar_shows_the_selected_text_and_the_selected_span() {
    let mut harness = harness(None);
    let start = at(&harness, "منظمة الأغذية", "");
    drag_offsets(&mut harness, start, start + "منظمة الأغذية".len());
    harness.run_steps(2);
    // The selected text, shaped (its accessible label is the text), beside its offsets.
    let _ = harness.get_by_label("منظمة الأغذية");
    // A long selection is shortened in the middle.
    let text = text(&harness);
    let end = text.len().min(start + 600);
    let end = (end..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    harness.state_mut().view_mut().expect("view").selection =
        isnad::text::Selection::of_range(start..end);
    harness.run_steps(2);
    let shown = isnad::ui::status_bar::middle_shortened(&text[start..end]).into_owned();
    assert!(shown.contains(" … "));
    let _ = harness.get_by_label(&shown);

    // A selected span: its label, code-point offsets and text.
    let doc = harness.state().current_document().expect("a document");
    let span = harness.state().project().spans_of(doc)[0].clone();
    harness.state_mut().reveal_span(span.id);
    harness.run_steps(3);
    let label = harness
        .state()
        .project()
        .schema()
        .get(&span.label)
        .expect("label")
        .name
        .clone();
    let cp = |byte: usize| text[..byte].chars().count();
    let _ = harness.get_by_label(&format!(
        "Span {label} {}..{}",
        cp(span.start),
        cp(span.end)
    ));
    let covered = isnad::ui::status_bar::middle_shortened(&text[span.range()]).into_owned();
    assert!(harness.query_all_by_label(&covered).count() >= 1);
}
