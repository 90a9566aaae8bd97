//! The app's side of issue 13: a relabelling that removes relations says which in the status bar
//! and asks first when several would go; the app does not save while another program holds the
//! project's lock, and saves once it is free.

mod common;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::io::project::{self, LockWait, ProjectLock};
use isnad::model::markup::project_from_markup;
use isnad::model::{Relation, RelationTypeId, SpanId};

use common::{harness, press};

/// A project with a claim about two actors, saved in a temporary folder.
fn linked_project(dir: &Path) -> PathBuf {
    let (mut p, doc) =
        project_from_markup("[قال الوزير إن|claim] [الولايات|actor] و[روسيا|actor] اتفقتا")
            .expect("markup");
    let spans: Vec<SpanId> = p.spans_of(doc).iter().map(|s| s.id).collect();
    let about = RelationTypeId::new("about").expect("type id");
    for child in &spans[1..] {
        let id = p.allocate_relation_id();
        p.insert_relation(Relation::new(id, about.clone(), spans[0], *child))
            .expect("relation");
    }
    let path = dir.join("linked.isnad.ron");
    project::save(&p, &path).expect("save");
    path
}

fn span_with_text(harness: &Harness<'static, IsnadApp>, text: &str) -> SpanId {
    let app = harness.state();
    let doc = app.current_document().expect("a document");
    let document = app.project().document(doc).expect("document");
    app.project()
        .spans_of(doc)
        .iter()
        .find(|s| &document.text()[s.range()] == text)
        .expect("span")
        .id
}

fn relabel(harness: &mut Harness<'static, IsnadApp>, span: SpanId, key: Key) {
    harness.state_mut().reveal_span(span);
    harness.run_steps(3);
    press(harness, Modifiers::NONE, key);
    harness.run_steps(3);
}

#[test]
fn relabelling_that_removes_one_relation_says_which() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Some(&linked_project(dir.path())));
    let usa = span_with_text(&harness, "الولايات");
    relabel(&mut harness, usa, Key::Num3);
    let app = harness.state();
    assert_eq!(
        app.project().span(usa).expect("span").label.as_str(),
        "source"
    );
    assert_eq!(app.project().relations_of_span(usa).count(), 0);
    assert_eq!(
        app.notice(),
        Some("Relabelled; 1 relation removed: about -> الولايات")
    );
    assert!(app.pending_relabel().is_none(), "one relation: no question");
}

#[test]
fn relabelling_that_removes_several_relations_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Some(&linked_project(dir.path())));
    let claim = span_with_text(&harness, "قال الوزير إن");
    let before = harness.state().project().clone();

    relabel(&mut harness, claim, Key::Num1);
    assert!(harness.state().pending_relabel().is_some(), "not asked");
    assert_eq!(
        harness.state().project(),
        &before,
        "changed before the answer"
    );
    harness.run_steps(5);
    assert!(harness.query_by_label("• about -> روسيا").is_some());
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(harness.state().pending_relabel().is_none());
    assert_eq!(
        harness.state().project(),
        &before,
        "cancel changed the project"
    );

    relabel(&mut harness, claim, Key::Num1);
    harness.run_steps(5);
    harness.get_by_label("Relabel and remove them").click();
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.project().span(claim).expect("span").label.as_str(),
        "actor"
    );
    assert_eq!(app.project().relation_count(), 0);
    assert_eq!(
        app.notice(),
        Some("Relabelled; 2 relations removed: about -> الولايات, about -> روسيا")
    );
}

#[test]
fn the_app_does_not_save_while_another_program_writes_the_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = linked_project(dir.path());
    let mut harness = harness(Some(&path));
    let usa = span_with_text(&harness, "الولايات");
    relabel(&mut harness, usa, Key::Num3);
    assert!(harness.state().workspace().is_dirty());
    let before = std::fs::read(&path).expect("read");

    let held = ProjectLock::acquire(&path, LockWait::NoWait, |_| {}).expect("lock");
    assert!(
        !harness.state_mut().save(),
        "saved under another writer's lock"
    );
    let error = harness.state().error().expect("an error is shown");
    assert!(
        error
            .message
            .contains("Another program is writing this project"),
        "{error:?}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert!(harness.state().workspace().is_dirty());

    drop(held);
    assert!(harness.state_mut().save(), "{:?}", harness.state().error());
    assert_eq!(
        &project::load(&path).expect("load"),
        harness.state().project()
    );
}
