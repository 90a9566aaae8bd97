//! No shortcut acts behind a blocking dialog: with each one open, Ctrl+Z (undo) and Ctrl+O (open
//! a project) leave the project, its history and the open questions as they were. The project
//! has an unsaved span first, so that an undo would remove it and Ctrl+O would ask about it:
//! either would be seen.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{harness, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::model::{LabelSchema, Project, RelationType, RelationTypeId};

/// A project file in a fresh folder: one document with a source and a claim that two relation
/// types can link (so linking them asks which).
fn project_file(dir: &Path) -> PathBuf {
    let mut schema = LabelSchema::default();
    schema
        .add_relation_type(RelationType {
            id: RelationTypeId::new("denied_by").expect("id"),
            name: "denied by".into(),
            heads: vec![isnad::model::LabelId::new("claim").expect("id")],
            children: vec![isnad::model::LabelId::new("source").expect("id")],
            description: "The source denies the claim".into(),
        })
        .expect("a new type");
    let mut project = Project::new(schema);
    isnad::model::markup::add_markup_document(
        &mut project,
        "قال [الوزير|source] إن [الأسعار لن ترتفع|claim] هذا العام. وأضاف المتحدث أن الخطة جاهزة.",
    )
    .expect("markup");
    let path = dir.join("news.isnad.ron");
    isnad::io::project::save(&project, &path).expect("save");
    path
}

/// Tags the last sentence's speaker as an actor: an unsaved change that Ctrl+Z would undo.
fn tag_unsaved_span(harness: &mut Harness<'static, IsnadApp>) {
    let text = common::text(harness);
    let start = text.find("المتحدث").expect("phrase");
    common::drag_offsets(harness, start, start + "المتحدث".len());
    press(harness, Modifiers::NONE, Key::Num1);
    assert!(
        harness.state().workspace().is_dirty(),
        "the span is unsaved"
    );
}

/// What Ctrl+Z or Ctrl+O would change.
#[derive(Debug, PartialEq)]
struct Observed {
    spans: usize,
    undo_len: usize,
    revision: u64,
    confirmation: Option<isnad::app::AfterConfirm>,
    blocking: Option<&'static str>,
}

fn observe(harness: &Harness<'static, IsnadApp>) -> Observed {
    let app = harness.state();
    Observed {
        spans: app.project().span_count(),
        undo_len: app.workspace().history().undo_len(),
        revision: app.workspace().revision(),
        confirmation: app.pending_confirmation().cloned(),
        blocking: app.blocking_dialog(),
    }
}

/// Presses Ctrl+Z and Ctrl+O with the dialog `name` open and checks that nothing changed.
fn shortcuts_do_nothing(harness: &mut Harness<'static, IsnadApp>, name: &str) {
    let before = observe(harness);
    assert_eq!(before.blocking, Some(name), "the {name} dialog blocks");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.step();
    harness.step();
    assert_eq!(observe(harness), before, "behind the {name} dialog");
}

fn with_project() -> (tempfile::TempDir, Harness<'static, IsnadApp>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_file(dir.path());
    let mut harness = harness(Some(&path));
    tag_unsaved_span(&mut harness);
    (dir, harness)
}

#[test]
fn the_shortcuts_act_when_no_dialog_is_open() {
    // The control: the same presses do act without a dialog.
    let (_dir, mut harness) = with_project();
    assert_eq!(harness.state().blocking_dialog(), None);
    let spans = harness.state().project().span_count();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.step();
    assert_eq!(harness.state().project().span_count(), spans - 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.step();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.step();
    assert_eq!(
        harness.state().pending_confirmation(),
        Some(&isnad::app::AfterConfirm::OpenDialog),
        "Ctrl+O asks about the unsaved span"
    );
}

#[test]
fn nothing_acts_behind_the_error_window() {
    let (dir, mut harness) = with_project();
    harness
        .state_mut()
        .open(&dir.path().join("missing.isnad.ron"));
    harness.step();
    shortcuts_do_nothing(&mut harness, "error");
}

#[test]
fn nothing_acts_behind_the_unsaved_changes_question() {
    let (_dir, mut harness) = with_project();
    harness
        .state_mut()
        .request(isnad::command::UiCommand::NewProject);
    harness.step();
    shortcuts_do_nothing(&mut harness, "unsaved changes");
    assert_eq!(
        harness.state().pending_confirmation(),
        Some(&isnad::app::AfterConfirm::NewProject)
    );
}

#[test]
fn nothing_acts_behind_the_relation_picker() {
    let (_dir, mut harness) = with_project();
    let text = common::text(&harness);
    let project = harness.state().project();
    let doc = harness.state().current_document().expect("a document");
    let source = project
        .spans_of(doc)
        .iter()
        .find(|s| s.label.as_str() == "source")
        .map(|s| s.id)
        .expect("source");
    let claim_at = text.find("الأسعار").expect("claim") + 4;
    harness.state_mut().reveal_span(source);
    harness.step();
    press(&mut harness, Modifiers::NONE, Key::R);
    let pos = common::screen_pos(&mut harness, claim_at, "claim");
    common::click(&mut harness, pos, Modifiers::NONE);
    harness.step();
    assert!(harness.state().is_relation_picker_open());
    shortcuts_do_nothing(&mut harness, "relation picker");
}

#[test]
fn nothing_acts_behind_the_file_changed_question() {
    let (dir, mut harness) = with_project();
    let path = dir.path().join("news.isnad.ron");
    let mut other = isnad::io::project::load(&path).expect("load");
    isnad::model::markup::add_markup_document(&mut other, "[نص|actor] آخر").expect("markup");
    std::thread::sleep(Duration::from_millis(20));
    isnad::io::project::save(&other, &path).expect("save");
    assert!(harness.state_mut().check_disk());
    harness.step();
    shortcuts_do_nothing(&mut harness, "file changed on disk");
}

#[test]
fn nothing_acts_behind_the_restore_offer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_file(dir.path());
    let old = std::time::SystemTime::now() - Duration::from_secs(60);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(old))
        .expect("mtime");
    let mut recovered = isnad::io::project::load(&path).expect("load");
    isnad::model::markup::add_markup_document(&mut recovered, "[عمل|claim] غير محفوظ")
        .expect("markup");
    let recovery = dir.path().join(".news.isnad.ron.recovery");
    isnad::io::project::save(&recovered, &recovery).expect("recovery");
    let mut harness = harness(Some(&path));
    assert!(harness.state().restore_offer().is_some(), "offered");
    // An unsaved change made behind the offer (through the API: the window blocks the mouse), so
    // that Ctrl+Z would undo it and Ctrl+O would ask about it.
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "مقال جديد").expect("article");
    harness.state_mut().add_articles(&[article]);
    harness.step();
    shortcuts_do_nothing(&mut harness, "restore offer");
    assert!(harness.state().restore_offer().is_some(), "still offered");
}

#[test]
fn nothing_acts_behind_the_remove_label_question() {
    let (_dir, mut harness) = with_project();
    harness
        .state_mut()
        .request(isnad::command::UiCommand::EditLabels);
    // A new window spends its first frames measuring itself.
    harness.run_steps(5);
    harness.get_by_label("Remove Claim").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Remove label Claim");
    shortcuts_do_nothing(&mut harness, "remove label");
}

#[test]
fn nothing_acts_behind_the_progress_window() {
    let (dir, mut harness) = with_project();
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).expect("folder");
    for n in 0..20 {
        std::fs::write(folder.join(format!("{n}.txt")), format!("مقال رقم {n}")).expect("write");
    }
    harness.state_mut().start_adding_articles(vec![folder]);
    // Both presses in the next frame (kittest's queue would give each event a frame of its own,
    // and the work may be done by the second): its keys are read before the finished work is
    // collected, so the progress window is still open when they are.
    let before = observe(&harness);
    assert_eq!(before.blocking, Some("progress"));
    for key in [Key::Z, Key::O] {
        for pressed in [true, false] {
            harness.input_mut().events.push(egui::Event::Key {
                key,
                pressed,
                repeat: false,
                modifiers: Modifiers::COMMAND,
                physical_key: None,
            });
        }
    }
    harness.step();
    let after = harness.state();
    assert_eq!(after.pending_confirmation(), None, "Ctrl+O did not ask");
    assert!(
        after.project().span_count() >= before.spans,
        "Ctrl+Z undid nothing"
    );
}
