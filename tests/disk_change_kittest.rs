//! The project file changed on disk while open (a `git pull`), and a save that fails: the real
//! app notices, asks, and never writes over the other version or loses the work in memory.

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::io::project::{self, backup_path};
use isnad::io::sample::sample_project;
use isnad::model::Project;

mod common;

use common::{harness, press};

/// A folder with the sample saved as a project, an article to add, and the project's path.
fn project_folder() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("news.isnad.ron");
    project::save(&sample_project().expect("sample"), &path).expect("save");
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "قال المتحدث إن الاجتماع انتهى.\n").expect("article");
    (dir, path, article)
}

/// Opens `path`, adds `article` (an unsaved change), and returns the harness.
fn open_and_edit(path: &Path, article: &Path) -> Harness<'static, IsnadApp> {
    let mut harness = harness(Some(path));
    assert_eq!(harness.state().workspace().path(), Some(path));
    assert!(harness.state().error().is_none());
    harness.state_mut().add_articles(&[article.to_owned()]);
    harness.run_steps(2);
    assert!(harness.state().workspace().is_dirty());
    harness
}

/// Another program (`git pull`) replaces the file: the sample without its first document's
/// spans, written beside it and renamed over it. Returns that version and its bytes.
fn replace_on_disk(path: &Path) -> (Project, Vec<u8>) {
    let mut other = sample_project().expect("sample");
    let doc = other.documents().next().expect("a document").id();
    for id in other.spans_of(doc).iter().map(|s| s.id).collect::<Vec<_>>() {
        // As the app removes one: its relations go with it.
        isnad::command::Edit::RemoveSpan(id)
            .apply(&mut other)
            .expect("remove span");
    }
    let text = project::to_ron_string(&other, path).expect("encode");
    let beside = path.with_file_name("pulled.tmp");
    std::fs::write(&beside, &text).expect("write");
    std::fs::rename(&beside, path).expect("rename");
    (other, text.into_bytes())
}

fn regain_focus(harness: &mut Harness<'static, IsnadApp>) {
    harness.event(egui::Event::WindowFocused(false));
    harness.run_steps(1);
    harness.event(egui::Event::WindowFocused(true));
    harness.run_steps(2);
}

/// Clicks a button once the window has settled (a modal that changed size moves for a few
/// frames), then lets the app run the answer.
fn click_button(harness: &mut Harness<'static, IsnadApp>, label: &str) {
    harness.run_steps(10);
    harness.get_by_label(label).click();
    harness.run_steps(2);
}

fn shows(harness: &Harness<'static, IsnadApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

#[test]
fn a_file_replaced_on_disk_asks_before_saving_and_keep_mine_keeps_theirs_as_bak() {
    let (_dir, path, article) = project_folder();
    let mut harness = open_and_edit(&path, &article);
    let mine = harness.state().project().clone();
    let (other, other_bytes) = replace_on_disk(&path);

    // Save first checks the disk: the question shows instead of a write.
    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(harness.state().disk_conflict().is_some());
    assert!(shows(&harness, "Project changed on disk"));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        other_bytes,
        "not written"
    );
    assert!(harness.state().workspace().is_dirty());

    // Compare lists the article only I added and the spans only I have.
    click_button(&mut harness, "Compare");
    let comparison = harness
        .state()
        .disk_conflict()
        .and_then(|c| c.comparison())
        .expect("a comparison")
        .to_owned();
    assert!(
        comparison.contains("Documents only in your version (1)"),
        "{comparison}"
    );
    assert!(comparison.contains("0 on disk"), "{comparison}");
    assert!(shows(&harness, "Yours compared with the version on disk"));

    click_button(&mut harness, "Keep mine");
    assert!(harness.state().disk_conflict().is_none());
    assert!(!shows(&harness, "Project changed on disk"));
    // The answer holds: a focus change does not ask again about the same version.
    regain_focus(&mut harness);
    assert!(harness.state().disk_conflict().is_none());

    press(&mut harness, Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(!harness.state().workspace().is_dirty(), "saved");
    assert_eq!(project::load(&path).expect("load"), mine);
    assert_eq!(
        std::fs::read(backup_path(&path)).expect("bak"),
        other_bytes,
        "their version is kept as .bak"
    );
    assert_ne!(other, mine);

    // After the save, a new change on disk asks again.
    replace_on_disk(&path);
    regain_focus(&mut harness);
    assert!(harness.state().disk_conflict().is_some());
}

#[test]
fn focus_regained_notices_the_change_and_reload_asks_before_dropping_my_work() {
    let (_dir, path, article) = project_folder();
    let mut harness = open_and_edit(&path, &article);
    // The same bytes written again (a checkout of the same version) are not a change.
    let same = std::fs::read(&path).expect("read");
    let beside = path.with_file_name("same.tmp");
    std::fs::write(&beside, &same).expect("write");
    std::fs::rename(&beside, &path).expect("rename");
    regain_focus(&mut harness);
    assert!(harness.state().disk_conflict().is_none());

    let (other, _) = replace_on_disk(&path);
    regain_focus(&mut harness);
    assert!(shows(&harness, "Project changed on disk"));

    click_button(&mut harness, "Reload from disk");
    assert!(shows(&harness, "Back"), "asks before dropping unsaved work");
    click_button(&mut harness, "Back");
    assert!(harness.state().workspace().is_dirty(), "nothing dropped");
    click_button(&mut harness, "Reload from disk");
    click_button(&mut harness, "Discard my changes and reload");
    assert!(harness.state().disk_conflict().is_none());
    assert_eq!(harness.state().project(), &other);
    assert!(!harness.state().workspace().is_dirty());
    assert_eq!(harness.state().workspace().path(), Some(path.as_path()));
}

#[test]
fn a_deleted_file_asks_too_and_keep_mine_saves_it_again() {
    let (_dir, path, article) = project_folder();
    let mut harness = open_and_edit(&path, &article);
    std::fs::remove_file(&path).expect("delete");
    assert!(!harness.state_mut().save(), "asks first");
    harness.run_steps(2);
    assert!(
        harness
            .state()
            .disk_conflict()
            .is_some_and(|c| c.is_missing())
    );
    click_button(&mut harness, "Keep mine");
    assert!(harness.state_mut().save());
    assert_eq!(
        &project::load(&path).expect("load"),
        harness.state().project()
    );
}

#[test]
fn a_failed_save_names_the_cause_offers_save_as_and_keeps_the_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("usb-stick");
    std::fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("news.isnad.ron");
    project::save(&sample_project().expect("sample"), &path).expect("save");
    let article = dir.path().join("article.txt");
    std::fs::write(&article, "خبر قصير.\n").expect("article");
    let mut harness = open_and_edit(&path, &article);
    let mine = harness.state().project().clone();

    std::fs::remove_dir_all(&folder).expect("the stick is pulled out");
    // The file went with its folder: that is asked about first; keeping mine, the save fails.
    assert!(!harness.state_mut().save());
    harness
        .state_mut()
        .answer_disk_change(isnad::ui::disk_change::DiskChoice::KeepMine);
    assert!(!harness.state_mut().save());
    harness.run_steps(2);
    let error = harness.state().error().expect("an error").clone();
    assert!(
        error
            .message
            .contains(&format!("The folder {} no longer exists", folder.display())),
        "{}",
        error.message
    );
    assert!(error.message.contains(&path.display().to_string()));
    assert!(error.message.contains("use Save As"), "{}", error.message);
    assert!(error.offer_save_as);
    assert!(shows(&harness, "Save As…"));
    assert!(harness.state().workspace().is_dirty(), "still unsaved");
    assert_eq!(harness.state().project(), &mine, "the work is intact");
    assert!(!folder.exists());
}

#[test]
fn keeping_my_unchanged_version_counts_as_unsaved_so_closing_asks() {
    let (_dir, path, _article) = project_folder();
    let mut harness = harness(Some(&path));
    let mine = harness.state().project().clone();
    assert!(!harness.state().workspace().is_dirty());
    replace_on_disk(&path);
    regain_focus(&mut harness);
    click_button(&mut harness, "Keep mine");
    // The disk holds their version now; mine exists only in memory until saved.
    assert!(harness.state().workspace().is_dirty());
    assert!(harness.state_mut().save());
    assert_eq!(project::load(&path).expect("load"), mine);
    assert!(!harness.state().workspace().is_dirty());
}
