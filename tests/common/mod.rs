//! Helpers shared by the kittest tests that drive the real `IsnadApp`.
#![allow(dead_code)] // Each test file uses its own subset.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;

/// A file of the shared corpus.
pub fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus")
        .join(name)
}

/// The app in a 1000×700 window, with `path` open (or the bundled sample), after a few frames.
/// Recent projects are kept in memory only, so tests never touch the user's configuration.
pub fn harness(path: Option<&Path>) -> Harness<'static, IsnadApp> {
    let path = path.map(Path::to_path_buf);
    // Each queued event is its own step: a short step keeps two clicks a double click.
    let mut harness = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| IsnadApp::new(&cc.egui_ctx, path.as_deref()));
    harness.run_steps(3);
    harness
}

/// A file with `bytes` in a folder of this test process.
pub fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isnad-kittest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

/// The text of the document shown.
pub fn text(harness: &Harness<'static, IsnadApp>) -> String {
    harness.state().document_text().to_owned()
}

/// Where the caret for `offset` was drawn at the last frame; `what` names it in a failure.
pub fn screen_pos(
    harness: &mut Harness<'static, IsnadApp>,
    offset: usize,
    what: &str,
) -> egui::Pos2 {
    harness
        .state_mut()
        .view_mut()
        .expect("a document is shown")
        .screen_pos(offset)
        .unwrap_or_else(|| panic!("{what}: offset {offset} is not on screen"))
}

/// Presses at `from`, moves through the middle to `to`, releases.
pub fn drag(harness: &mut Harness<'static, IsnadApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    harness.hover_at(from.lerp(to, 0.5));
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.drop_at(to);
    harness.step();
}

/// Drags from the caret position of byte offset `from` to that of `to`.
pub fn drag_offsets(harness: &mut Harness<'static, IsnadApp>, from: usize, to: usize) {
    let a = screen_pos(harness, from, "drag start");
    let b = screen_pos(harness, to, "drag end");
    drag(harness, a, b);
}

/// A press and release at `pos` in one step.
pub fn click(harness: &mut Harness<'static, IsnadApp>, pos: egui::Pos2, modifiers: Modifiers) {
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    harness.step();
}

/// Presses `key` with `modifiers` (down and up), then lets the app run the command.
pub fn press(harness: &mut Harness<'static, IsnadApp>, modifiers: Modifiers, key: egui::Key) {
    if modifiers != Modifiers::NONE {
        harness.event(egui::Event::ModifiersChanged(modifiers));
    }
    for pressed in [true, false] {
        harness.event(egui::Event::Key {
            key,
            pressed,
            modifiers,
            repeat: false,
            physical_key: None,
        });
    }
    if modifiers != Modifiers::NONE {
        harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    }
    harness.run_steps(2);
}

/// File › Import annotations… with `file` in the window's path field, then Import; returns once
/// the report is up.
pub fn import_through_window(harness: &mut Harness<'static, IsnadApp>, file: &Path) {
    harness.get_by_label("File").click();
    harness.run();
    // Menu entries are labelled with their shortcut after the name.
    harness.get_by_label_contains("Import annotations…").click();
    harness.run_steps(5);
    harness
        .state_mut()
        .import_dialog_mut()
        .expect("the import window is open")
        .paths = file.display().to_string();
    harness.run_steps(2);
    harness.get_by_label("Import").click();
    harness.run_steps(2);
    wait_for_report(harness);
}

/// The spans of the shown document with exactly `range`.
pub fn spans_at(
    harness: &Harness<'static, IsnadApp>,
    range: std::ops::Range<usize>,
) -> Vec<isnad::model::Span> {
    let app = harness.state();
    let doc = app.current_document().expect("a document");
    app.project()
        .spans_of(doc)
        .iter()
        .filter(|s| s.range() == range)
        .cloned()
        .collect()
}

/// Runs frames until the background work (export, import, adding articles) has finished and its
/// report window is up.
pub fn wait_for_report(harness: &mut Harness<'static, IsnadApp>) {
    let started = std::time::Instant::now();
    while harness.state().is_transfer_running() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the background work never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(5);
    assert!(
        harness.state().transfer_report().is_some(),
        "a report is shown"
    );
}

/// Types `folder` into the dialog's folder field and presses Enter.
pub fn go_to(harness: &mut Harness<'static, IsnadApp>, folder: &Path) {
    // A modal's first frame only measures it: wait until it is drawn.
    for _ in 0..10 {
        if harness.query_by_label("Folder").is_some() {
            break;
        }
        harness.step();
    }
    harness.get_by_label("Folder").focus();
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Folder")
        .type_text(&folder.display().to_string());
    harness.step();
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert_eq!(
        harness.state().file_dialog().and_then(|d| d.folder()),
        Some(folder),
        "the dialog shows the typed folder"
    );
}

/// In the in-app dialog of Save As: goes to `folder`, replaces the file name with `name` and
/// presses Save.
pub fn save_in_dialog(harness: &mut Harness<'static, IsnadApp>, folder: &Path, name: &str) {
    go_to(harness, folder);
    harness.get_by_label("File name").focus();
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("File name").type_text(name);
    harness.step();
    harness.get_by_label("Save").click();
    harness.run_steps(3);
}
