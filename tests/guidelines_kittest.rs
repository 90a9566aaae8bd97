//! The guidelines panel as a user meets it: View › Guidelines, write them, save (one undo
//! step), read them back rendered, undo.

mod common;

use common::{harness, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn open_guidelines(harness: &mut egui_kittest::Harness<'static, isnad::IsnadApp>) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Guidelines").click();
    harness.run_steps(3);
}

#[test]
fn guidelines_are_edited_saved_as_one_step_rendered_and_undone() {
    let mut harness = harness(None);
    assert_eq!(harness.state().project().guidelines(), "");
    open_guidelines(&mut harness);
    harness.get_by_label_contains("This project has no guidelines yet");

    harness.get_by_label("Edit guidelines").click();
    harness.run_steps(2);
    harness.get_by_label("Start from the labels").click();
    harness.run_steps(2);
    harness.get_by_label("Guidelines text").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Guidelines text")
        .type_text("# إرشادات\n\n- الفاعل: من يتكلم\n");
    harness.run();
    assert_eq!(
        harness.state().project().guidelines(),
        "",
        "nothing saved per keystroke"
    );
    let undo_steps = harness.state().workspace().history().undo_len();
    harness.get_by_label("Save guidelines").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().project().guidelines(),
        "# إرشادات\n\n- الفاعل: من يتكلم\n"
    );
    assert_eq!(
        harness.state().workspace().history().undo_len(),
        undo_steps + 1,
        "one undo step"
    );
    // Read mode: the heading and the list item, each one shaped label.
    harness.get_by_label("إرشادات");
    harness.get_by_label("• الفاعل: من يتكلم");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(harness.state().project().guidelines(), "");
    harness.get_by_label_contains("This project has no guidelines yet");
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    harness.get_by_label("إرشادات");
}
