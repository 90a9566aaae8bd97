//! The optional Cue label: one click in the label editor adds it (with a free key), once.

mod common;

use common::harness;
use egui_kittest::kittest::Queryable;
use isnad::command::UiCommand;

#[test]
fn the_label_editor_adds_the_cue_label_with_one_click() {
    let mut harness = harness(None);
    assert!(harness.state().project().schema().get_str("cue").is_none());
    harness.state_mut().request(UiCommand::EditLabels);
    // A new window spends its first frames measuring itself.
    harness.run_steps(5);
    assert!(harness.state().is_label_editor_open());
    harness.get_by_label("Add Cue label").click();
    harness.run_steps(2);
    let schema = harness.state().project().schema();
    let cue = schema.get_str("cue").expect("the cue label was added");
    assert_eq!(cue.name, "Cue");
    assert!(cue.hotkey.is_some());
    // Once it is there, the button is gone.
    assert!(harness.query_by_label("Add Cue label").is_none());
}
