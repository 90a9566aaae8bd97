//! The real `App` driven like a person uses it: open a file, drag across Arabic text, press keys.

use std::path::Path;

use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;

mod common;

use common::{click, corpus, drag, harness, screen_pos, temp_file, text};

#[test]
fn opens_the_article_and_drags_across_part_of_an_arabic_line() {
    let path = corpus("niger-article.ar.txt");
    let mut harness = harness(Some(&path));
    let expected = std::fs::read_to_string(&path).expect("corpus");
    assert_eq!(text(&harness), expected);
    assert_eq!(harness.state().encoding(), Some("UTF-8"));
    assert!(harness.state().error().is_none());

    // Drag from the start of "مدربين عسكريين" in the headline to the end of it.
    let phrase = "مدربين عسكريين";
    let start = expected.find(phrase).expect("phrase");
    let end = start + phrase.len();
    let from = screen_pos(&mut harness, start, "start on screen");
    let to = screen_pos(&mut harness, end, "end on screen");
    assert!(
        from.x > to.x,
        "Arabic runs right to left: start {from:?} should be right of end {to:?}"
    );
    drag(&mut harness, from, to);

    let view = harness.state().view().expect("view");
    assert_eq!(view.selection.range(), start..end);
    assert_eq!(view.selected_text(), phrase);
    // Screen readers (and kittest) see the selection.
    let node = harness.get_by_label("Selection");
    assert_eq!(node.value().as_deref(), Some(phrase));
}

#[test]
fn drag_across_paragraphs_selects_the_logical_range_between() {
    let mut harness = harness(None);
    let text = text(&harness);
    let from_offset = text.find("عمّان").expect("dateline");
    let to_offset = text.find("لن نسمح").expect("quote");
    let from = screen_pos(&mut harness, from_offset, "from");
    let to = screen_pos(&mut harness, to_offset, "to");
    drag(&mut harness, from, to);
    assert_eq!(
        harness.state().view().expect("view").selection.range(),
        from_offset..to_offset
    );
}

#[test]
fn double_click_selects_a_word_and_shift_arrow_extends() {
    let mut harness = harness(None);
    let text = text(&harness);
    let word = "الزراعة";
    let start = text.find(word).expect("word");
    let inside = start + "الز".len();
    let pos = screen_pos(&mut harness, inside, "on screen");
    harness.get_by_role(egui::accesskit::Role::Document).hover();
    for _ in 0..2 {
        click(&mut harness, pos, Modifiers::NONE);
    }
    harness.run_steps(2);
    assert_eq!(harness.state().view().expect("view").selected_text(), word);

    // Shift+Left in a right-to-left paragraph extends forward in the text by one letter.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
    harness.run_steps(2);
    let range = harness.state().view().expect("view").selection.range();
    assert_eq!(range.start, start);
    assert_eq!(
        range.end,
        start + word.len() + 1,
        "extended over the following space"
    );
}

#[test]
fn select_all_and_copy_returns_the_text() {
    let path = corpus("udhr.ar.txt");
    let mut harness = harness(Some(&path));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.step();
    // One event per step: the copy command is in the output of the key-down step.
    harness.event(egui::Event::Key {
        key: Key::C,
        pressed: true,
        modifiers: Modifiers::COMMAND,
        repeat: false,
        physical_key: None,
    });
    harness.step();
    let copied: Vec<&String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyText(text) => Some(text),
            _ => None,
        })
        .collect();
    let expected = std::fs::read_to_string(&path).expect("corpus");
    assert_eq!(copied, [&expected]);
}

#[test]
fn a_binary_file_is_refused_with_its_name_and_the_article_stays() {
    let mut harness = harness(None);
    let before = text(&harness);
    let path = temp_file(
        "photo.txt",
        &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xd8],
    );
    harness.state_mut().open(&path);
    harness.run_steps(2);
    let error = harness
        .state()
        .error()
        .expect("an error is shown")
        .message
        .clone();
    assert!(error.contains("photo.txt"), "{error}");
    assert!(error.contains("binary"), "{error}");
    assert_eq!(text(&harness), before);
    // The message is on screen, and OK dismisses it.
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    assert!(harness.state().error().is_none());
}

#[test]
fn empty_missing_and_legacy_encoded_files() {
    let mut harness = harness(None);
    let empty = temp_file("empty.txt", b"");
    harness.state_mut().open(&empty);
    assert!(
        harness
            .state()
            .error()
            .expect("error")
            .message
            .contains("empty.txt is empty")
    );

    let missing = Path::new("/nonexistent/article.txt");
    harness.state_mut().open(missing);
    assert!(
        harness
            .state()
            .error()
            .expect("error")
            .message
            .contains("/nonexistent/article.txt")
    );

    // Over the size limit: refused from the file's size, before reading it (a sparse file).
    let huge = temp_file("huge.txt", b"");
    std::fs::File::options()
        .write(true)
        .open(&huge)
        .and_then(|f| f.set_len(isnad::io::MAX_ARTICLE_BYTES + 1))
        .expect("sparse file");
    harness.state_mut().open(&huge);
    let error = harness.state().error().expect("error").message.clone();
    assert!(error.contains("huge.txt is too large"), "{error}");

    let legacy_text =
        "قال وزير الخارجية إن المحادثات مع الوفد الروسي كانت مثمرة وستستمر الأسبوع المقبل.";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(legacy_text);
    let legacy = temp_file("legacy.txt", &bytes);
    harness.state_mut().open(&legacy);
    harness.run_steps(2);
    assert!(harness.state().error().is_none());
    assert_eq!(text(&harness), legacy_text);
    assert_eq!(harness.state().encoding(), Some("windows-1256"));
}

#[test]
fn zoom_keeps_the_reading_position() {
    let path = corpus("udhr.ar.txt");
    let mut harness = harness(Some(&path));
    harness
        .state_mut()
        .view_mut()
        .expect("view")
        .scroll_to(3000.0);
    harness.run_steps(3);
    let text = text(&harness);
    let top_offset = |h: &mut Harness<'static, IsnadApp>| h.state_mut().reading_offset();
    let before = top_offset(&mut harness);
    let paragraph_before = text[..before].matches('\n').count();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run_steps(4);
    assert!(harness.state().view().expect("view").zoom() > 1.05);
    let after = top_offset(&mut harness);
    let paragraph_after = text[..after].matches('\n').count();
    assert!(
        paragraph_after.abs_diff(paragraph_before) <= 1,
        "reading position moved from paragraph {paragraph_before} to {paragraph_after}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run_steps(2);
    assert_eq!(harness.state().view().expect("view").zoom(), 1.0);
}

#[test]
fn shift_click_extends_and_triple_click_selects_the_paragraph() {
    let mut harness = harness(None);
    let text = text(&harness);
    let quote = text.find("وأضاف الوزير").expect("paragraph");
    let later = text.find("مؤتمر صحفي").expect("later in it");
    let p0 = screen_pos(&mut harness, quote, "on screen");
    let p1 = screen_pos(&mut harness, later, "on screen");
    harness.hover_at(p0);
    harness.step();
    click(&mut harness, p0, Modifiers::NONE);
    harness.hover_at(p1);
    harness.step();
    harness.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    click(&mut harness, p1, Modifiers::SHIFT);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run_steps(2);
    assert_eq!(
        harness.state().view().expect("view").selection.range(),
        quote..later
    );

    // Three quick clicks select the whole paragraph (without its line break).
    let end = quote + text[quote..].find('\n').expect("paragraph end");
    for _ in 0..3 {
        click(&mut harness, p1, Modifiers::NONE);
    }
    harness.run_steps(2);
    assert_eq!(
        harness.state().view().expect("view").selection.range(),
        quote..end
    );
}
