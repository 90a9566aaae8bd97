//! Relations and span attributes through the real `App` (issue 5's acceptance test): tag a claim
//! and a source, link them by keyboard and by Ctrl+drag, undo and redo; set attributes and a note
//! in the span panel; remove a relation from the panel; remove a linked span and undo.

mod common;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::model::{AttributeValue, Relation, SpanId};

use common::{click, drag, drag_offsets, harness, press, screen_pos, text};

/// Byte range of the first `phrase` after `after` in the shown document.
fn find(harness: &Harness<'static, IsnadApp>, phrase: &str, after: &str) -> std::ops::Range<usize> {
    let text = text(harness);
    let from = text.find(after).expect("anchor");
    let start = from + text[from..].find(phrase).expect("phrase");
    start..start + phrase.len()
}

/// The span of the shown document with exactly `range` and `label`.
fn span_at(
    harness: &Harness<'static, IsnadApp>,
    range: std::ops::Range<usize>,
    label: &str,
) -> SpanId {
    let app = harness.state();
    let doc = app.current_document().expect("a document");
    app.project()
        .spans_of(doc)
        .iter()
        .find(|s| s.range() == range && s.label.as_str() == label)
        .unwrap_or_else(|| panic!("a {label} span at {range:?}"))
        .id
}

/// Selects span `id` as a click in the span list would.
fn select(harness: &mut Harness<'static, IsnadApp>, id: SpanId) {
    harness.state_mut().reveal_span(id);
    harness.run_steps(3);
}

/// The relations `span` is an end of.
fn relations_of(harness: &Harness<'static, IsnadApp>, span: SpanId) -> Vec<Relation> {
    harness
        .state()
        .project()
        .relations_of_span(span)
        .cloned()
        .collect()
}

fn attribute(
    harness: &Harness<'static, IsnadApp>,
    span: SpanId,
    name: &str,
) -> Option<AttributeValue> {
    harness
        .state()
        .project()
        .span(span)
        .expect("span")
        .attributes
        .get(name)
        .cloned()
}

#[test]
fn the_span_panel_sets_attributes_and_the_note_as_undoable_edits() {
    let mut harness = harness(None);
    let source = span_at(
        &harness,
        find(&harness, "مصدرًا في الوزارة", "غير أن"),
        "source",
    );
    select(&mut harness, source);
    harness.get_by_label("kind: anonymous").click();
    harness.run_steps(2);
    assert_eq!(
        attribute(&harness, source, "kind"),
        Some(AttributeValue::Choice("anonymous".into()))
    );
    harness.get_by_label("kind: not set").click();
    harness.run_steps(2);
    assert_eq!(attribute(&harness, source, "kind"), None);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        attribute(&harness, source, "kind"),
        Some(AttributeValue::Choice("anonymous".into())),
        "undo puts the choice back"
    );

    // The note is one edit when committed with Ctrl+Enter, however many keystrokes it took.
    let undo_depth = harness.state().workspace().history().undo_len();
    harness.get_by_role(Role::MultilineTextInput).click();
    harness.run_steps(2);
    for word in ["مصدر ", "مجهول"] {
        harness.event(egui::Event::Text(word.into()));
        harness.run_steps(1);
    }
    assert_eq!(
        harness.state().project().span(source).expect("span").note,
        None,
        "not committed while typing"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    assert_eq!(
        harness
            .state()
            .project()
            .span(source)
            .expect("span")
            .note
            .as_deref(),
        Some("مصدر مجهول")
    );
    assert_eq!(
        harness.state().workspace().history().undo_len(),
        undo_depth + 1
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        harness.state().project().span(source).expect("span").note,
        None
    );
}
