//! The in-app file dialog, driven as a user would (the harness's app uses it, as the real app
//! does where the desktop shows no dialog): open a project, add articles, save as.

mod common;

use std::path::Path;

use common::{go_to, harness, save_in_dialog};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn write_project(path: &Path, markup: &str) {
    let mut project = isnad::model::Project::new(isnad::model::LabelSchema::default());
    isnad::model::markup::add_markup_document(&mut project, markup).expect("markup");
    isnad::io::project::save(&project, path).expect("save");
}

#[test]
fn ctrl_o_opens_the_in_app_dialog_which_opens_the_picked_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("news.isnad.ron");
    write_project(&path, "قال [الوزير|source] إن الأسعار لن ترتفع.");
    std::fs::write(dir.path().join("notes.txt"), "not a project").expect("write");
    std::fs::create_dir(dir.path().join("older")).expect("dir");
    let mut harness = harness(None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    assert_eq!(harness.state().blocking_dialog(), Some("file dialog"));
    go_to(&mut harness, dir.path());
    let listing = harness.state().file_dialog().map(|d| d.listing());
    assert_eq!(
        listing,
        Some(vec!["older/".to_owned(), "news.isnad.ron".to_owned()]),
        "folders first, then only project files"
    );
    harness.get_by_label("news.isnad.ron").click();
    harness.step();
    harness.get_by_label("Open").click();
    harness.run_steps(3);
    assert!(harness.state().file_dialog().is_none(), "the dialog closed");
    assert_eq!(harness.state().workspace().path(), Some(path.as_path()));
    assert_eq!(harness.state().project().span_count(), 1);
}

#[test]
fn the_keyboard_walks_folders_and_escape_cancels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inner = dir.path().join("inner");
    std::fs::create_dir(&inner).expect("dir");
    write_project(&inner.join("deep.isnad.ron"), "قال [الوزير|source] شيئا.");
    let mut harness = harness(None);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    go_to(&mut harness, dir.path());
    // Leave the folder field, then: Enter on "inner/" goes in, Backspace comes back out.
    harness.get_by_label("inner/").click();
    harness.step();
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    let folder = harness.state().file_dialog().and_then(|d| d.folder());
    assert_eq!(folder, Some(inner.as_path()));
    harness.key_press(Key::Backspace);
    harness.run_steps(2);
    let folder = harness.state().file_dialog().and_then(|d| d.folder());
    assert_eq!(folder, Some(dir.path()));
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness.state().workspace().path(),
        Some(inner.join("deep.isnad.ron").as_path()),
        "Enter on the file under the cursor opens it"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run_steps(2);
    assert!(harness.state().file_dialog().is_some());
    assert_eq!(
        harness.state().file_dialog().and_then(|d| d.folder()),
        Some(inner.as_path()),
        "the next dialog starts in the folder of the last pick"
    );
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(harness.state().file_dialog().is_none(), "Escape cancels");
}

#[test]
fn add_articles_then_save_as_through_the_in_app_dialog() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("one.txt"),
        "قال المتحدث باسم الوزارة إن الخطة جاهزة.",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("two.txt"),
        "وأضاف الوزير أن الأسعار لن ترتفع.",
    )
    .expect("write");
    let mut harness = harness(None);
    harness
        .state_mut()
        .request(isnad::command::UiCommand::NewProject);
    harness.run_steps(2);
    harness
        .state_mut()
        .request(isnad::command::UiCommand::AddArticles);
    harness.run_steps(2);
    go_to(&mut harness, dir.path());
    harness.get_by_label("one.txt").click();
    harness.step();
    harness
        .get_by_label("two.txt")
        .click_modifiers(Modifiers::COMMAND);
    harness.step();
    harness.get_by_label("Add").click();
    for _ in 0..200 {
        harness.step();
        if !harness.state().is_transfer_running() && harness.state().file_dialog().is_none() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    harness.run_steps(3);
    assert_eq!(
        harness.state().project().document_count(),
        2,
        "both picked articles were added"
    );

    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    harness.run_steps(2);
    assert_eq!(
        harness.state().blocking_dialog(),
        Some("file dialog"),
        "Ctrl+Shift+S asks where"
    );
    save_in_dialog(&mut harness, dir.path(), "saved");
    let saved = dir.path().join("saved.isnad.ron");
    assert_eq!(harness.state().workspace().path(), Some(saved.as_path()));
    let reloaded = isnad::io::project::load(&saved).expect("the saved project loads");
    assert_eq!(reloaded.document_count(), 2);
}
