//! Autosave and crash recovery through the real `App`: edits autosaved on focus loss or after the
//! interval, the app dropped without saving, the restore offer on the next start with what
//! differs, Restore as unsaved changes (the project file untouched), Discard, Later, a broken
//! recovery file, the sample's recovery in the data folder, and a real panic in a child process.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::app::{AutosaveSettings, Location, PanicSlot};
use isnad::io::log::LogFile;
use isnad::io::recovery;
use isnad::model::{DocumentStatus, Project};

use common::{drag_offsets, press, text};

/// The bundled sample copied to `dir/news.isnad.ron`.
fn project_copy(dir: &Path) -> PathBuf {
    let path = dir.join("news.isnad.ron");
    std::fs::write(&path, isnad::io::sample::SAMPLE_PROJECT_RON).expect("copy the sample");
    // Saved a minute ago (file times can be coarser than the time a test takes).
    set_mtime(
        &path,
        std::time::SystemTime::now() - Duration::from_secs(60),
    );
    path
}

fn set_mtime(path: &Path, time: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(time)
        .expect("mtime");
}

/// Settings writing the log in `dir` and nothing in the user's folders.
fn settings(dir: &Path) -> AutosaveSettings {
    AutosaveSettings {
        log: LogFile::at(dir.join("isnad.log")),
        ..AutosaveSettings::in_memory()
    }
}

/// The app in a window like the other kittests, with `path` open (or the sample).
fn app(path: Option<&Path>, settings: AutosaveSettings) -> Harness<'static, IsnadApp> {
    let path = path.map(Path::to_path_buf);
    let mut harness = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| IsnadApp::with_autosave(&cc.egui_ctx, path.as_deref(), settings));
    harness.run_steps(3);
    harness
}

/// Byte range of the first `phrase` after `after` in the shown document.
fn find(text: &str, phrase: &str, after: &str) -> std::ops::Range<usize> {
    let from = text.find(after).expect("anchor");
    let start = from + text[from..].find(phrase).expect("phrase");
    start..start + phrase.len()
}

/// Tags `phrase` (after `after`) by dragging across it and pressing `key`.
fn tag(harness: &mut Harness<'static, IsnadApp>, phrase: &str, after: &str, key: Key) {
    let range = find(&text(harness), phrase, after);
    let before = harness.state().project().span_count();
    drag_offsets(harness, range.start, range.end);
    press(harness, Modifiers::NONE, key);
    assert_eq!(
        harness.state().project().span_count(),
        before + 1,
        "tagged {phrase}"
    );
}

/// The window loses focus, as when the user switches to another program.
fn lose_focus(harness: &mut Harness<'static, IsnadApp>) {
    harness.event(egui::Event::WindowFocused(false));
    harness.step();
}

/// Two spans tagged and the document marked done.
fn edit(harness: &mut Harness<'static, IsnadApp>) {
    tag(harness, "مؤتمر صحفي", "وأضاف", Key::Num1);
    tag(harness, "سعر الخبز", "لن نسمح", Key::Num2);
    harness.get_by_label_contains("Status of").click();
    harness.run_steps(2);
    let doc = harness.state().current_document().expect("a document");
    let status = harness
        .state()
        .project()
        .document(doc)
        .expect("doc")
        .status();
    assert_eq!(
        status,
        DocumentStatus::Done,
        "the badge click marked it done"
    );
}

/// Clicks the button `label` of a dialog once the dialog has settled where it is drawn (a modal
/// is re-centred for a few frames after its contents change).
fn click_in_dialog(harness: &mut Harness<'static, IsnadApp>, label: &str) {
    harness.run_steps(5);
    harness.get_by_label(label).click();
    harness.run_steps(2);
}

fn spans_count(project: &Project) -> usize {
    project.span_count()
}

#[test]
fn edits_autosaved_on_focus_loss_are_offered_after_a_crash_and_restored_as_unsaved_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_copy(dir.path());
    let original = std::fs::read(&path).expect("project bytes");
    let saved_spans = spans_count(&isnad::io::project::load(&path).expect("load"));
    let recovery_file = recovery::recovery_path(&path);

    let mut harness = app(Some(&path), settings(dir.path()));
    assert!(harness.state().restore_offer().is_none());
    edit(&mut harness);
    let edited = harness.state().project().clone();
    harness.run_steps(5);
    assert!(
        !recovery_file.exists(),
        "not before the interval or a focus loss"
    );

    lose_focus(&mut harness);
    assert!(harness.state().is_autosaving() || recovery_file.exists());
    let written = harness
        .state_mut()
        .wait_for_autosave()
        .map(Path::to_path_buf);
    assert_eq!(written.as_deref(), Some(recovery_file.as_path()));
    assert_eq!(recovery::read(&recovery_file).expect("loadable"), edited);
    let cost = harness.state().autosave_snapshot_cost().expect("measured");
    assert!(cost < Duration::from_millis(100), "UI thread: {cost:?}");
    // The app goes away without saving (a crash, a killed process).
    drop(harness);
    assert!(
        recovery_file.exists(),
        "dropping the app keeps the recovery"
    );
    assert_eq!(std::fs::read(&path).expect("bytes"), original);

    let mut harness = app(Some(&path), settings(dir.path()));
    let offer = harness
        .state()
        .restore_offer()
        .expect("the recovery is offered");
    assert_eq!(offer.project_file(), Some(path.as_path()));
    let diff = offer.diff().clone();
    assert!(diff.added.is_empty() && diff.removed.is_empty());
    assert_eq!(diff.changed.len(), 1);
    let change = &diff.changed[0];
    assert_eq!(change.file_spans, saved_spans);
    assert_eq!(change.recovered_spans, saved_spans + 2);
    assert_eq!(change.file_status, DocumentStatus::InProgress);
    assert_eq!(change.recovered_status, DocumentStatus::Done);
    assert_eq!(
        (diff.file_spans, diff.recovered_spans),
        (saved_spans, saved_spans + 2)
    );
    // The window says so.
    harness.get_by_label("Recover unsaved work?");
    let relations = harness.state().project().relation_count();
    assert!(relations > 0, "the sample has relations");
    harness.get_by_label(&format!(
        "{saved_spans} spans, {relations} relations, In progress"
    ));
    harness.get_by_label(&format!(
        "{} spans, {relations} relations, Done",
        saved_spans + 2
    ));
    harness.get_by_label(&format!(
        "Spans: {saved_spans} saved, {} recovered. Relations: {relations} saved, {relations} recovered",
        saved_spans + 2
    ));
    // The project under the offer is the saved one.
    assert_eq!(spans_count(harness.state().project()), saved_spans);

    click_in_dialog(&mut harness, "Restore");
    assert!(harness.state().restore_offer().is_none());
    assert_eq!(*harness.state().project(), edited, "every edit is back");
    assert!(harness.state().workspace().is_dirty(), "and still unsaved");
    assert!(harness.state().window_title().starts_with("• "));
    assert_eq!(
        *harness.state().workspace().location(),
        Location::File(path.clone())
    );
    assert_eq!(
        std::fs::read(&path).expect("bytes"),
        original,
        "file untouched"
    );

    // Saving writes the project and removes the recovery.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    assert!(!harness.state().workspace().is_dirty());
    assert!(!recovery_file.exists(), "removed after the save");
    assert_eq!(isnad::io::project::load(&path).expect("saved"), edited);
    let log = std::fs::read_to_string(dir.path().join("isnad.log")).expect("log");
    for event in ["autosave: wrote", "recovery: offered", "recovery: restored"] {
        assert!(log.contains(event), "{event} in {log}");
    }
}

#[test]
fn the_timer_autosaves_after_the_interval_and_later_keeps_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_copy(dir.path());
    let recovery_file = recovery::recovery_path(&path);
    let short = AutosaveSettings {
        interval: Duration::from_millis(500),
        ..settings(dir.path())
    };
    let mut harness = app(Some(&path), short.clone());
    tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num1);
    // 20 frames of 1/60 s: not yet.
    harness.run_steps(20);
    assert!(!harness.state().is_autosaving() && !recovery_file.exists());
    // Past 0.5 s of app time the autosave starts by itself.
    harness.run_steps(20);
    let written = harness
        .state_mut()
        .wait_for_autosave()
        .map(Path::to_path_buf);
    assert_eq!(written.as_deref(), Some(recovery_file.as_path()));
    let autosaved = recovery::read(&recovery_file).expect("loadable");
    assert_eq!(autosaved, *harness.state().project());
    // Nothing new: no further write.
    let modified = std::fs::metadata(&recovery_file)
        .and_then(|m| m.modified())
        .expect("mtime");
    harness.run_steps(60);
    assert!(!harness.state().is_autosaving());
    assert_eq!(
        std::fs::metadata(&recovery_file)
            .and_then(|m| m.modified())
            .expect("mtime"),
        modified
    );
    drop(harness);

    let mut harness = app(Some(&path), short.clone());
    assert!(harness.state().restore_offer().is_some());
    click_in_dialog(&mut harness, "Later");
    assert!(harness.state().restore_offer().is_none());
    assert!(recovery_file.exists(), "kept for later");
    assert!(!harness.state().workspace().is_dirty(), "the saved project");

    // Editing now autosaves, and the kept recovery is moved aside rather than replaced.
    tag(&mut harness, "سعر الخبز", "لن نسمح", Key::Num2);
    lose_focus(&mut harness);
    harness.state_mut().wait_for_autosave();
    let previous = recovery::previous_path(&recovery_file);
    assert_eq!(recovery::read(&previous).expect("kept copy"), autosaved);
    assert_eq!(
        recovery::read(&recovery_file).expect("new autosave"),
        *harness.state().project()
    );
}

#[test]
fn discard_asks_first_then_deletes_and_closing_after_dont_save_removes_the_recovery() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_copy(dir.path());
    let recovery_file = recovery::recovery_path(&path);
    let mut harness = app(Some(&path), settings(dir.path()));
    tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num1);
    lose_focus(&mut harness);
    harness.state_mut().wait_for_autosave();
    drop(harness);

    let mut harness = app(Some(&path), settings(dir.path()));
    click_in_dialog(&mut harness, "Discard…");
    assert!(recovery_file.exists(), "asks first");
    let offer = harness.state().restore_offer().expect("still offered");
    assert!(offer.is_confirming_discard());
    click_in_dialog(&mut harness, "Back");
    let offer = harness.state().restore_offer().expect("still offered");
    assert!(!offer.is_confirming_discard(), "back to the offer");
    assert!(recovery_file.exists());
    click_in_dialog(&mut harness, "Discard…");
    click_in_dialog(&mut harness, "Delete");
    assert!(harness.state().restore_offer().is_none());
    assert!(!recovery_file.exists(), "deleted");

    // Edit, autosave, then close choosing "Don't save": the recovery goes too.
    tag(&mut harness, "سعر الخبز", "لن نسمح", Key::Num2);
    lose_focus(&mut harness);
    harness.state_mut().wait_for_autosave();
    assert!(recovery_file.exists());
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_steps(2);
    assert!(harness.state().pending_confirmation().is_some(), "asks");
    click_in_dialog(&mut harness, "Don't save");
    harness.state_mut().shutdown();
    assert!(!recovery_file.exists(), "closing normally removes it");
}

#[test]
fn a_broken_recovery_is_reported_by_name_and_kept_and_an_older_one_is_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_copy(dir.path());
    let recovery_file = recovery::recovery_path(&path);
    std::fs::write(&recovery_file, "(format_version: 1, labels: [").expect("broken");
    let harness = app(Some(&path), settings(dir.path()));
    assert!(harness.state().restore_offer().is_none());
    let log = std::fs::read_to_string(dir.path().join("isnad.log")).expect("log");
    assert_eq!(
        log.matches("error: Could not read the recovery file")
            .count(),
        1,
        "{log}"
    );
    let error = harness.state().error().expect("reported");
    assert_eq!(error.title, "Could not read the recovery file");
    assert!(
        error.message.contains(".news.isnad.ron.recovery"),
        "{error:?}"
    );
    harness.get_by_label("Could not read the recovery file");
    assert!(recovery_file.exists(), "never deleted");
    assert_eq!(spans_count(harness.state().project()), {
        let saved = isnad::io::project::load(&path).expect("load");
        spans_count(&saved)
    });
    drop(harness);

    // A valid but older recovery (the project was saved since) is not offered.
    let mut older = isnad::io::project::load(&path).expect("load");
    let first = older.documents().next().expect("doc").id();
    older
        .set_document_status(first, DocumentStatus::Done)
        .expect("status");
    recovery::save(&older, &recovery_file).expect("write");
    set_mtime(
        &recovery_file,
        std::time::SystemTime::now() - Duration::from_secs(3600),
    );
    let harness = app(Some(&path), settings(dir.path()));
    assert!(harness.state().restore_offer().is_none());
    assert!(harness.state().error().is_none());
}

#[test]
fn the_samples_unsaved_work_is_recovered_from_the_data_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data").join("recovery");
    let with_data = AutosaveSettings {
        unsaved_dir: Some(data.clone()),
        ..settings(dir.path())
    };
    let mut harness = app(None, with_data.clone());
    assert_eq!(*harness.state().workspace().location(), Location::Sample);
    assert!(harness.state().restore_offer().is_none());
    tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num1);
    lose_focus(&mut harness);
    let written = harness
        .state_mut()
        .wait_for_autosave()
        .map(Path::to_path_buf)
        .expect("written");
    assert_eq!(written.parent(), Some(data.as_path()));
    assert!(
        written
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("sample-") && n.ends_with(".isnad.ron")),
        "{written:?}"
    );
    let edited = harness.state().project().clone();
    drop(harness);

    let mut harness = app(None, with_data);
    let offer = harness.state().restore_offer().expect("offered at start");
    assert_eq!(offer.project_file(), None);
    assert_eq!(offer.diff().changed.len(), 1);
    click_in_dialog(&mut harness, "Restore");
    assert_eq!(*harness.state().project(), edited);
    assert_eq!(*harness.state().workspace().location(), Location::Sample);
    assert!(harness.state().workspace().is_dirty());

    // Saving it somewhere removes the recovery from the data folder.
    let saved = dir.path().join("mine.isnad.ron");
    assert!(harness.state_mut().save_as(&saved));
    assert!(!written.exists());
}

/// The child process of [`a_panic_leaves_a_loadable_recovery_file`]: set up by environment.
const CHILD_MODE: &str = "ISNAD_RECOVERY_CHILD_MODE";
const CHILD_DIR: &str = "ISNAD_RECOVERY_CHILD_DIR";

#[test]
#[ignore = "run by a_panic_leaves_a_loadable_recovery_file in a child process"]
fn panicking_child() {
    let mode = std::env::var(CHILD_MODE).expect("mode");
    let dir = PathBuf::from(std::env::var_os(CHILD_DIR).expect("dir"));
    let slot = PanicSlot::new();
    isnad::app::install_panic_hook(slot.clone());
    let with_hook = AutosaveSettings {
        panic_slot: Some(slot),
        ..settings(&dir)
    };
    let mut harness = app(Some(&dir.join("news.isnad.ron")), with_hook);
    tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num1);
    lose_focus(&mut harness);
    harness.state_mut().wait_for_autosave();
    tag(&mut harness, "سعر الخبز", "لن نسمح", Key::Num2);
    match mode.as_str() {
        // A panic unwinding through the app (as one in the UI code does).
        "unwind" => panic!("deliberate panic with the app alive"),
        // The app never dropped (as when unwinding cannot reach it) and the autosave's file lost:
        // only the hook can write the recovery, from the last autosave's snapshot.
        _ => {
            let recovery_file = recovery::recovery_path(&dir.join("news.isnad.ron"));
            std::fs::remove_file(recovery_file).expect("remove the autosave");
            std::mem::forget(harness);
            panic!("deliberate panic with the app forgotten");
        }
    }
}

/// Runs [`panicking_child`] in `mode` over a fresh copy of the sample; returns the folder.
fn run_child(mode: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    project_copy(dir.path());
    let output = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args(["panicking_child", "--exact", "--ignored", "--nocapture"])
        .env(CHILD_MODE, mode)
        .env(CHILD_DIR, dir.path())
        .output()
        .expect("run the child");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the child panicked: {stderr}");
    assert!(stderr.contains("deliberate panic"), "{stderr}");
    dir
}

/// The phrase's range in the recovered project's document, and whether a span covers it.
fn has_span(project: &Project, phrase: &str, after: &str) -> bool {
    let doc = project.documents().next().expect("doc");
    let range = find(doc.text(), phrase, after);
    project
        .spans_of(doc.id())
        .iter()
        .any(|s| s.range() == range)
}

#[test]
fn a_panic_leaves_a_loadable_recovery_file() {
    let saved = isnad::io::sample::sample_project().expect("sample");
    for mode in ["unwind", "hook"] {
        let dir = run_child(mode);
        let path = dir.path().join("news.isnad.ron");
        let recovered = recovery::read(&recovery::recovery_path(&path)).expect("loadable");
        assert!(has_span(&recovered, "مؤتمر صحفي", "وأضاف"), "{mode}");
        let log = std::fs::read_to_string(dir.path().join("isnad.log")).expect("log");
        assert!(
            log.contains("panic: ") && log.contains("deliberate panic"),
            "{log}"
        );
        assert!(log.contains("wrote the last autosave snapshot"), "{log}");
        // Unwinding through the app writes the live project, with the edit made after the last
        // autosave; the hook alone has only the last autosave's snapshot.
        let edits = if mode == "unwind" { 2 } else { 1 };
        assert_eq!(recovered.span_count(), saved.span_count() + edits, "{mode}");
        assert_eq!(
            has_span(&recovered, "سعر الخبز", "لن نسمح"),
            mode == "unwind"
        );
        if mode == "unwind" {
            assert!(log.contains("wrote the open project"), "{log}");
        }
        let harness = app(Some(&path), settings(dir.path()));
        let offer = harness.state().restore_offer().expect("offered");
        assert_eq!(offer.diff().recovered_spans, saved.span_count() + edits);
    }
}
