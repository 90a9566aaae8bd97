//! Find in the article (Ctrl+F), driven through the real app: the bar opens, typing a query
//! highlights every hit (Arabic folding: أكّد, أكد and اكد are one word), Enter / Shift+Enter move
//! and select the current hit, a bad regex shows its message, Escape closes and clears the hits.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use isnad::IsnadApp;
use isnad::io::project;
use isnad::model::{Document, Project};

use common::{harness, press};

const TEXT: &str = "قال الوزير إنه أكّد الخبر، ثم أكد الناطق واكد المتحدث.";

fn opened() -> (tempfile::TempDir, Harness<'static, IsnadApp>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = Project::default();
    let id = project.allocate_doc_id();
    project
        .insert_document(Document::new(id, "بيان", None, TEXT), Vec::new())
        .expect("document");
    let path = dir.path().join("find.isnad.ron");
    project::save(&project, &path).expect("save");
    let harness = harness(Some(&path));
    (dir, harness)
}

fn hit_texts(harness: &Harness<'static, IsnadApp>) -> Vec<String> {
    let (hits, _) = harness.state().find().hits();
    hits.iter().map(|h| TEXT[h.clone()].to_owned()).collect()
}

fn current(harness: &Harness<'static, IsnadApp>) -> Option<usize> {
    harness.state().find().hits().1
}

fn selected(harness: &Harness<'static, IsnadApp>) -> String {
    harness
        .state()
        .view()
        .map(|v| v.selected_text().to_owned())
        .unwrap_or_default()
}

#[test]
fn ctrl_f_typing_enter_and_escape() {
    let (_dir, mut harness) = opened();
    assert_eq!(harness.state().document_text(), TEXT);
    assert!(!harness.state().find().is_open());

    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    assert!(harness.state().find().is_open());
    harness.event(egui::Event::Text("اكد".into()));
    harness.run_steps(3);
    assert_eq!(hit_texts(&harness), ["أكّد", "أكد", "اكد"]);
    assert_eq!(current(&harness), Some(0));
    assert!(harness.query_by_label("1 of 3").is_some());
    // The view paints the same hits, the current one emphasised, and the hit is selected.
    let marks = harness.state().view().expect("view").find_marks().clone();
    assert_eq!(marks.hits.len(), 3);
    assert_eq!(marks.current, Some(0));
    assert_eq!(selected(&harness), "أكّد");

    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(2);
    assert_eq!(current(&harness), Some(1));
    assert!(harness.query_by_label("2 of 3").is_some());
    assert_eq!(selected(&harness), "أكد");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(2);
    assert_eq!(current(&harness), Some(0), "wraps around");
    press(&mut harness, Modifiers::SHIFT, Key::Enter);
    harness.run_steps(2);
    assert_eq!(current(&harness), Some(2));
    assert_eq!(selected(&harness), "اكد");

    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.run_steps(2);
    assert!(!harness.state().find().is_open());
    let marks = harness.state().view().expect("view").find_marks().clone();
    assert!(marks.hits.is_empty(), "closing clears the highlights");
    assert_eq!(
        selected(&harness),
        "اكد",
        "the last hit stays selected, ready to tag"
    );
}

#[test]
fn the_find_keys_outside_the_field_and_a_bad_regex() {
    let (_dir, mut harness) = opened();
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.event(egui::Event::Text("ال".into()));
    harness.run_steps(3);
    assert_eq!(hit_texts(&harness).len(), 5, "inside قال too");
    assert_eq!(current(&harness), Some(0));
    // Shift+F3 works while the field has the keyboard.
    press(&mut harness, Modifiers::SHIFT, Key::F3);
    assert_eq!(current(&harness), Some(4));
    assert_eq!(selected(&harness), "ال");
    // Typing on searches from the current hit, wrapping around.
    harness.event(egui::Event::Text("ن".into()));
    harness.run_steps(3);
    assert_eq!(hit_texts(&harness), ["الن"]);
    assert_eq!(current(&harness), Some(0));

    harness.get_by_label("Regex").click();
    harness.run_steps(2);
    // Ctrl+F puts the keyboard back in the query field.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.event(egui::Event::Text("(".into()));
    harness.run_steps(3);
    assert!(hit_texts(&harness).is_empty());
    let error = harness.state().find().error().map(str::to_owned);
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("unclosed group")),
        "{error:?}"
    );
    assert!(
        harness
            .query_all_by_label_contains("invalid regular expression")
            .next()
            .is_some(),
        "the regex library's message is shown"
    );
}
