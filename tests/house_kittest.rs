//! The app's house rules as a user meets them: undo puts back the selection, the Edit menu names
//! the change it would undo, and status messages fade.

mod common;

use common::{harness, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn undo_restores_the_selected_text_and_the_menu_names_the_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = isnad::model::Project::new(isnad::model::LabelSchema::default());
    isnad::model::markup::add_markup_document(
        &mut project,
        "قال [الوزير|source] إن الأسعار لن ترتفع. وأضاف المتحدث أن الخطة جاهزة.",
    )
    .expect("markup");
    let path = dir.path().join("news.isnad.ron");
    isnad::io::project::save(&project, &path).expect("save");
    let mut harness = harness(Some(&path));
    let text = common::text(&harness);
    let start = text.find("المتحدث").expect("phrase");
    let range = start..start + "المتحدث".len();
    common::drag_offsets(&mut harness, range.start, range.end);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let view = harness.state().view().expect("view");
    assert!(view.selected_span().is_some(), "the new span is selected");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    let view = harness.state().view().expect("view");
    assert_eq!(view.selected_span(), None, "the span is gone");
    assert_eq!(
        view.selection.range(),
        range,
        "the text it was made from is selected again"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    let view = harness.state().view().expect("view");
    assert!(
        view.selected_span().is_some(),
        "redo selects the span again"
    );

    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Undo add span");
}

#[test]
fn a_notice_fades_after_its_lifetime() {
    let mut harness = harness(None);
    // R with nothing selected: a warning in the status bar.
    press(&mut harness, Modifiers::NONE, Key::R);
    let notice = harness.state().notice().map(str::to_owned);
    assert!(
        notice
            .as_deref()
            .is_some_and(|n| n.contains("Select a span first")),
        "{notice:?}"
    );
    assert_eq!(
        harness.state().notice_with_level().map(|n| n.level),
        Some(isnad::app::NoticeLevel::Warning)
    );
    // 60 frames a second: 14 s later it is still there, 16 s later it is gone.
    harness.run_steps(14 * 60);
    assert!(harness.state().notice().is_some());
    harness.run_steps(2 * 60);
    assert!(harness.state().notice().is_none());
}
