//! Tagging through the real `App`: select Arabic text with the mouse, press a label key, and the
//! project holds exactly that span; undo, relabel, delete, move edges, save and reopen.

mod common;

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::model::LabelId;

use common::{click, drag, drag_offsets, harness, press, screen_pos, spans_at, temp_file, text};

/// Byte range of the first `phrase` after `after` in the shown document.
fn find(harness: &Harness<'static, IsnadApp>, phrase: &str, after: &str) -> std::ops::Range<usize> {
    let text = text(harness);
    let from = text.find(after).expect("anchor");
    let start = from + text[from..].find(phrase).expect("phrase");
    start..start + phrase.len()
}

fn label(id: &str) -> LabelId {
    LabelId::new(id).expect("label id")
}

fn selected_span(harness: &Harness<'static, IsnadApp>) -> Option<isnad::model::SpanId> {
    harness.state().view().expect("view").selected_span()
}

#[test]
fn drag_across_an_arabic_phrase_press_1_then_undo_and_redo() {
    let mut harness = harness(None);
    let range = find(&harness, "مؤتمر صحفي", "وأضاف");
    let before = harness.state().project().span_count();
    drag_offsets(&mut harness, range.start, range.end);
    press(&mut harness, Modifiers::NONE, Key::Num1);

    let spans = spans_at(&harness, range.clone());
    assert_eq!(spans.len(), 1, "one new span");
    assert_eq!(spans[0].label, label("actor"));
    // In code points (what Python's text[start:end] counts), the offsets are exactly the phrase.
    let text = text(&harness);
    let cp_start = text[..range.start].chars().count();
    let cp_len = "مؤتمر صحفي".chars().count();
    let chars: Vec<char> = text.chars().collect();
    let sliced: String = chars[cp_start..cp_start + cp_len].iter().collect();
    assert_eq!(sliced, "مؤتمر صحفي");
    assert_eq!(&text[spans[0].range()], "مؤتمر صحفي");
    assert_eq!(harness.state().project().span_count(), before + 1);
    assert!(harness.state().window_title().starts_with("• "));

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(spans_at(&harness, range.clone()).is_empty(), "undone");
    assert!(
        !harness.state().window_title().starts_with("• "),
        "back to saved"
    );
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(spans_at(&harness, range.clone()).len(), 1, "redone");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(spans_at(&harness, range).len(), 1, "redone with Ctrl+Y");
}

#[test]
fn a_partial_word_is_tagged_and_edge_whitespace_trimmed() {
    let mut harness = harness(None);
    // الزراعة inside والزراعة, dragged together with the space after it.
    let word = find(&harness, "الزراعة", "منظمة الأغذية و");
    drag_offsets(&mut harness, word.start, word.end + 1);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    let spans = spans_at(&harness, word.clone());
    assert_eq!(spans.len(), 1, "the span is the word without the space");
    assert_eq!(spans[0].label, label("claim"));
    assert_eq!(&text(&harness)[spans[0].range()], "الزراعة");

    // Only spaces selected: nothing is tagged, and the status bar says why.
    let count = harness.state().project().span_count();
    let space = find(&harness, " ", "منظمة");
    drag_offsets(&mut harness, space.start, space.end);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_eq!(harness.state().project().span_count(), count);
    assert!(harness.state().notice().expect("notice").contains("spaces"));
}

#[test]
fn the_palette_tags_the_selection() {
    let mut harness = harness(None);
    let range = find(&harness, "سعر الخبز", "لن نسمح");
    drag_offsets(&mut harness, range.start, range.end);
    harness.get_by_label("3  Source").click();
    harness.run_steps(2);
    let spans = spans_at(&harness, range);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].label, label("source"));
}

#[test]
fn click_selects_a_span_keys_relabel_and_delete_removes() {
    let mut harness = harness(None);
    let range = find(&harness, "مؤتمر صحفي", "وأضاف");
    drag_offsets(&mut harness, range.start, range.end);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let id = spans_at(&harness, range.clone())[0].id;
    assert_eq!(selected_span(&harness), Some(id), "a new span is selected");

    // A label key on the selected span relabels it.
    press(&mut harness, Modifiers::NONE, Key::Num3);
    assert_eq!(spans_at(&harness, range.clone())[0].label, label("source"));

    // Escape deselects; a click inside the span selects it again.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(selected_span(&harness), None);
    let inside = range.start + "مؤت".len();
    let pos = screen_pos(&mut harness, inside, "inside the span");
    harness.hover_at(pos);
    harness.step();
    click(&mut harness, pos, Modifiers::NONE);
    harness.run_steps(2);
    assert_eq!(selected_span(&harness), Some(id));

    // A click outside every span deselects.
    let outside = find(&harness, "يوم الأحد", "عمّان");
    let pos = screen_pos(&mut harness, outside.start + 2, "outside");
    harness.hover_at(pos);
    harness.step();
    click(&mut harness, pos, Modifiers::NONE);
    harness.run_steps(2);
    assert_eq!(selected_span(&harness), None);

    harness
        .state_mut()
        .view_mut()
        .expect("view")
        .select_span(Some(id));
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert!(spans_at(&harness, range.clone()).is_empty(), "deleted");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(spans_at(&harness, range)[0].id, id, "undo brings it back");
}

#[test]
fn edges_move_by_keyboard_and_by_dragging_a_handle_as_one_undo_step() {
    let mut harness = harness(None);
    let range = find(&harness, "مؤتمر صحفي", "وأضاف");
    drag_offsets(&mut harness, range.start, range.end);
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let id = spans_at(&harness, range.clone())[0].id;
    let span_range =
        |h: &Harness<'static, IsnadApp>| h.state().project().span(id).expect("span").range();

    // In a right-to-left paragraph, Shift+Alt+Left moves the end forward by one letter, and
    // Ctrl+Shift+Alt+Left moves the start forward.
    press(
        &mut harness,
        Modifiers::SHIFT | Modifiers::ALT,
        Key::ArrowLeft,
    );
    assert_eq!(span_range(&harness), range.start..range.end + ":".len());
    press(
        &mut harness,
        Modifiers::SHIFT | Modifiers::ALT,
        Key::ArrowRight,
    );
    assert_eq!(span_range(&harness), range.clone());
    let first_letter = "م".len();
    press(
        &mut harness,
        Modifiers::COMMAND | Modifiers::SHIFT | Modifiers::ALT,
        Key::ArrowLeft,
    );
    assert_eq!(span_range(&harness), range.start + first_letter..range.end);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(span_range(&harness), range.clone());

    // Drag the end handle (under the end caret) back to the end of the first word.
    let first_word_end = range.start + "مؤتمر".len();
    let handle = screen_pos(&mut harness, range.end, "end handle") + vec2(0.0, 14.0);
    let target = screen_pos(&mut harness, first_word_end, "target") + vec2(0.0, 14.0);
    drag(&mut harness, handle, target);
    harness.run_steps(2);
    assert_eq!(span_range(&harness), range.start..first_word_end);
    // The whole drag is one undo step.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(span_range(&harness), range);
}

#[test]
fn ctrl_s_writes_a_file_that_check_accepts_and_that_reopens_with_the_same_spans() {
    let mut harness = harness(None);
    // The bundled sample has no file of its own: its first save asks where.
    assert_eq!(
        *harness.state().workspace().location(),
        isnad::app::Location::Sample
    );
    assert!(harness.state().workspace().path().is_none());
    let path = temp_file("tagged.isnad.ron", b"");
    assert!(harness.state_mut().save_as(&path));

    let range = find(&harness, "مخزون استراتيجي", "ولدينا");
    drag_offsets(&mut harness, range.start, range.end);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert!(harness.state().workspace().is_dirty());
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().workspace().is_dirty(), "saved");
    assert!(!harness.state().window_title().starts_with("• "));

    let report = isnad::cli::check_project(&path).expect("check accepts the file");
    assert_eq!(report.span_count(), harness.state().project().span_count());

    let doc = harness.state().current_document().expect("doc");
    let spans = harness.state().project().spans_of(doc).to_vec();
    let reopened = common::harness(Some(&path));
    assert_eq!(reopened.state().project().spans_of(doc), spans.as_slice());
    assert_eq!(reopened.state().workspace().path(), Some(path.as_path()));
}

#[test]
fn a_new_project_with_unsaved_changes_asks_first() {
    let mut harness = harness(None);
    let range = find(&harness, "سعر الخبز", "لن نسمح");
    drag_offsets(&mut harness, range.start, range.end);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    let count = harness.state().project().span_count();

    harness
        .state_mut()
        .request(isnad::command::UiCommand::NewProject);
    harness.run_steps(2);
    assert!(harness.state().pending_confirmation().is_some());
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.state().pending_confirmation().is_none());
    assert_eq!(harness.state().project().span_count(), count, "kept");

    harness
        .state_mut()
        .request(isnad::command::UiCommand::NewProject);
    harness.run_steps(2);
    harness.run();
    harness.get_by_label("Don't save").click();
    harness.run_steps(2);
    assert_eq!(harness.state().project().document_count(), 0);
    assert!(harness.state().view().is_none());
    harness.get_by_label_contains("no articles yet");
}

#[test]
fn a_click_in_the_span_list_selects_and_reveals_the_span() {
    let mut harness = harness(None);
    let range = find(&harness, "مصدرًا في الوزارة", "غير أن");
    let id = spans_at(&harness, range)
        .iter()
        .find(|s| s.label == label("source"))
        .expect("the sample tags the anonymous source")
        .id;
    harness
        .get_by_label_contains("Source: مصدرًا في الوزارة")
        .click();
    harness.run_steps(3);
    assert_eq!(selected_span(&harness), Some(id));
}

#[test]
fn removing_a_label_in_the_editor_asks_first_and_undo_restores_its_spans() {
    let mut harness = harness(None);
    let claim = label("claim");
    let claims = |h: &Harness<'static, IsnadApp>| {
        h.state()
            .project()
            .spans_with_label(&LabelId::new("claim").expect("id"))
            .len()
    };
    let before = claims(&harness);
    assert!(before > 0);
    harness
        .state_mut()
        .request(isnad::command::UiCommand::EditLabels);
    // A new window spends its first frames measuring itself.
    harness.run_steps(5);
    assert!(harness.state().is_label_editor_open());
    harness.get_by_label("Remove Claim").click();
    harness.run();
    assert_eq!(claims(&harness), before, "asks first");
    harness.get_by_label("Remove").click();
    harness.run();
    assert!(!harness.state().project().schema().contains(&claim));
    assert_eq!(claims(&harness), 0);

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(harness.state().project().schema().contains(&claim));
    assert_eq!(
        claims(&harness),
        before,
        "undo restores the label and its spans"
    );
}
