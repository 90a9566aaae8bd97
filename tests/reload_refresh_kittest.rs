//! After "Reload from disk" the panels show the project read, not the one replaced: the document
//! list counted "Documents (1 of 2)" with the All filter on, because the new project's revisions
//! repeated the old one's and the list's cache took it for the same project.

use egui_kittest::kittest::Queryable;
use isnad::io::project;
use isnad::model::{Document, LabelSchema, Project};

mod common;

use common::harness;

fn project_with(titles: &[&str]) -> Project {
    let mut project = Project::new(LabelSchema::default());
    for (n, title) in titles.iter().enumerate() {
        let id = project.allocate_doc_id();
        let text = format!("قال المتحدث في الخبر رقم {n} إن الاجتماع انتهى.");
        project
            .insert_document(Document::new(id, *title, None, text), Vec::new())
            .expect("document");
    }
    project
}

#[test]
fn the_document_list_shows_the_reloaded_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("news.isnad.ron");
    project::save(&project_with(&["الأول"]), &path).expect("save");
    let mut harness = harness(Some(&path));
    assert!(harness.query_by_label("Documents (1)").is_some());

    // Another program adds a document (renamed over the file, as git does).
    let other = project_with(&["الأول", "الثاني"]);
    let beside = dir.path().join("pulled.tmp");
    std::fs::write(
        &beside,
        project::to_ron_string(&other, &path).expect("encode"),
    )
    .expect("write");
    std::fs::rename(&beside, &path).expect("rename");
    harness.event(egui::Event::WindowFocused(false));
    harness.run_steps(1);
    harness.event(egui::Event::WindowFocused(true));
    harness.run_steps(10);
    assert!(harness.state().disk_conflict().is_some());
    harness.get_by_label("Reload from disk").click();
    harness.run_steps(3);

    assert_eq!(harness.state().project(), &other);
    assert!(
        harness.query_by_label("Documents (2)").is_some(),
        "the list still counts the old project"
    );
    assert!(harness.query_by_label("Documents (1 of 2)").is_none());
}
