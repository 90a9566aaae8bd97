//! Find in the project (Ctrl+Shift+F) and Tag all, driven through the real app: the results
//! panel lists the hits grouped by document with counts, a click or Enter opens the document at
//! the hit, Ctrl+A and a label key tag every hit as one undo step (saying how many were added and
//! how many were already tagged), hits are checked against the current texts before tagging, and
//! "Tag all like this" offers the other occurrences of a span's text.

mod common;

use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use isnad::IsnadApp;
use isnad::app::AppCommand;
use isnad::command::UiCommand;
use isnad::io::project;
use isnad::model::{DocId, Document, LabelId, Project, Span, SpanId};
use isnad::text::Selection;
use isnad::ui::search_panel::SearchPanelAction;

use common::{harness, press};

const BAYAN: &str = "قال الوزير إن الوفد وصل أمس.\nثم قالَ الناطق إن الاجتماع انتهى.";
const KHABAR: &str = "لا شيء هنا عن الموضوع.";
const TAQRIR: &str = "وقال المتحدث إن المجلس اجتمع.\nقال الرئيس كلمته.";

/// Three documents (بيان, خبر, تقرير); the first قال of بيان is already an Actor span.
fn opened() -> (
    tempfile::TempDir,
    Harness<'static, IsnadApp>,
    [DocId; 3],
    SpanId,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut project = Project::default();
    let mut ids = Vec::new();
    for (title, text) in [("بيان", BAYAN), ("خبر", KHABAR), ("تقرير", TAQRIR)] {
        let id = project.allocate_doc_id();
        project
            .insert_document(Document::new(id, title, None, text), Vec::new())
            .expect("document");
        ids.push(id);
    }
    let span = project.allocate_span_id();
    project
        .insert_span(Span::new(span, ids[0], 0..6, actor()))
        .expect("span");
    let path = dir.path().join("search.isnad.ron");
    project::save(&project, &path).expect("save");
    let harness = harness(Some(&path));
    (dir, harness, [ids[0], ids[1], ids[2]], span)
}

fn actor() -> LabelId {
    LabelId::new("actor").expect("label")
}

/// Runs frames until the search running in the background has finished.
fn wait_for_search(harness: &mut Harness<'static, IsnadApp>) {
    let started = Instant::now();
    harness.step();
    while harness.state().project_search().is_running() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the search never finished"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run_steps(3);
}

/// Ctrl+Shift+F, the query typed, Enter, and the search waited for.
fn search(harness: &mut Harness<'static, IsnadApp>, query: &str) {
    press(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    assert!(harness.state().project_search().is_open());
    harness.event(egui::Event::Text(query.into()));
    harness.run_steps(2);
    press(harness, Modifiers::NONE, Key::Enter);
    wait_for_search(harness);
}

fn group_counts(harness: &Harness<'static, IsnadApp>) -> Vec<(DocId, usize)> {
    harness
        .state()
        .project_search()
        .results()
        .expect("results")
        .groups()
        .iter()
        .map(|g| (g.doc, g.hits.len()))
        .collect()
}

fn spans(harness: &Harness<'static, IsnadApp>, doc: DocId) -> Vec<(String, LabelId)> {
    let project = harness.state().project();
    let text = project.document(doc).expect("doc").text();
    project
        .spans_of(doc)
        .iter()
        .map(|s| (text[s.range()].to_owned(), s.label.clone()))
        .collect()
}

fn selected(harness: &Harness<'static, IsnadApp>) -> (Option<DocId>, String) {
    let view = harness.state().view().expect("view");
    (Some(view.doc()), view.selected_text().to_owned())
}

#[test]
fn ctrl_shift_f_lists_hits_by_document_and_opens_them() {
    let (_dir, mut harness, [bayan, _, taqrir], _) = opened();
    assert!(!harness.state().project_search().is_open());
    search(&mut harness, "قال");
    let state = harness.state().project_search();
    assert_eq!(state.error(), None);
    assert_eq!(state.summary(), Some("4 hits in 2 documents"));
    // قالَ (with its fatha) and the قال inside وقال are hits too; خبر has none.
    assert_eq!(group_counts(&harness), [(bayan, 2), (taqrir, 2)]);
    assert!(harness.query_by_label("بيان: 2 hits").is_some());
    assert!(harness.query_by_label("تقرير: 2 hits").is_some());
    // Keyword in context: each line is the hit with the words around it, within its line.
    let list = harness.state().project_search().results().expect("results");
    assert!(list.shaped_lines() >= 3, "the rows shown are shaped");
    assert!(
        harness
            .query_by_label("قال الوزير إن الوفد وصل أمس. (tagged Actor)")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("ثم قالَ الناطق إن الاجتماع انتهى.")
            .is_some()
    );

    // A click opens the document at the hit, selected.
    assert_eq!(harness.state().current_document(), Some(bayan));
    harness
        .get_by_label("وقال المتحدث إن المجلس اجتمع.")
        .click();
    harness.run_steps(3);
    assert_eq!(selected(&harness), (Some(taqrir), "قال".to_owned()));
    let view = harness.state().view().expect("view");
    assert_eq!(view.selection.range(), 2..8);
    // The keyboard stays in the list: Down and Enter open the next hit.
    press(&mut harness, Modifiers::NONE, Key::ArrowDown);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(2);
    let start = TAQRIR.find("قال الرئيس").expect("hit");
    let view = harness.state().view().expect("view");
    assert_eq!(view.selection.range(), start..start + "قال".len());
    // Up twice crosses the header into the other document.
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    press(&mut harness, Modifiers::NONE, Key::ArrowUp);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(2);
    assert_eq!(selected(&harness), (Some(bayan), "قالَ".to_owned()));

    // Checking hits: a document's header checks all of its hits, Space the cursor's, a box its own.
    let checked = |harness: &Harness<'static, IsnadApp>| {
        let list = harness.state().project_search().results().expect("results");
        (0..list.total())
            .filter(|&k| list.is_checked(k))
            .collect::<Vec<_>>()
    };
    harness.get_by_label("تقرير: 2 hits").click();
    harness.run_steps(2);
    assert_eq!(checked(&harness), [2, 3]);
    press(&mut harness, Modifiers::NONE, Key::Space);
    assert_eq!(checked(&harness), [1, 2, 3]);
    harness
        .get_by_label("Check قال الوزير إن الوفد وصل أمس.")
        .click();
    harness.run_steps(2);
    assert_eq!(checked(&harness), [0, 1, 2, 3]);
    harness.get_by_label("تقرير: 2 hits").click();
    harness.run_steps(2);
    assert_eq!(
        checked(&harness),
        [0, 1],
        "a header with all checked unchecks them"
    );
}

/// A project file in `dir` of `docs` documents, each the same sentence repeated `repeats` times.
fn many_documents(dir: &std::path::Path, docs: usize, repeats: usize) -> std::path::PathBuf {
    let mut project = Project::default();
    for i in 0..docs {
        let id = project.allocate_doc_id();
        let text = "قال الوزير إن الوفد وصل.\n".repeat(repeats);
        project
            .insert_document(
                Document::new(id, format!("مقال {i}"), None, text),
                Vec::new(),
            )
            .expect("document");
    }
    let path = dir.join("many.isnad.ron");
    project::save(&project, &path).expect("save");
    path
}

#[test]
fn cancel_stops_the_search_and_shows_what_it_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = many_documents(dir.path(), 300, 200);
    let mut harness = harness(Some(&path));
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.event(egui::Event::Text("الوفد".into()));
    harness.run_steps(2);
    // Search, then Cancel right away (one frame): the worker stops after the document it is in.
    harness
        .state_mut()
        .send(AppCommand::ProjectSearch(SearchPanelAction::Search));
    harness
        .state_mut()
        .send(AppCommand::ProjectSearch(SearchPanelAction::Cancel));
    wait_for_search(&mut harness);
    let summary = harness
        .state()
        .project_search()
        .summary()
        .unwrap_or_default()
        .to_owned();
    assert!(
        summary.contains("(cancelled after ") && summary.ends_with(" of 300 documents)"),
        "{summary}"
    );
    let found = harness
        .state()
        .project_search()
        .results()
        .expect("results")
        .groups()
        .len();
    assert!((1..300).contains(&found), "{found} documents listed");
}

#[test]
fn ctrl_a_and_a_label_key_tag_every_hit_as_one_undo_step() {
    let (_dir, mut harness, [bayan, khabar, taqrir], _) = opened();
    search(&mut harness, "قال");
    // The list has the keyboard once the results are in: Ctrl+A checks every hit (it does not
    // select the article's text).
    press(&mut harness, Modifiers::COMMAND, Key::A);
    let list = harness.state().project_search().results().expect("results");
    assert_eq!(list.checked_count(), 4);
    assert_eq!(harness.state().view().expect("view").selected_text(), "");

    // Key 1 is Actor: three new spans, the one already there left alone.
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert!(
        notice.contains("3 spans added, 1 already tagged"),
        "{notice}"
    );
    let a = actor();
    assert_eq!(
        spans(&harness, bayan),
        [("قال".to_owned(), a.clone()), ("قالَ".to_owned(), a.clone())]
    );
    assert_eq!(
        spans(&harness, taqrir),
        [("قال".to_owned(), a.clone()), ("قال".to_owned(), a.clone())]
    );
    assert!(spans(&harness, khabar).is_empty());
    assert_eq!(
        harness.state().workspace().history().undo_name(),
        Some("tag all (3 spans)")
    );
    assert!(
        harness
            .query_by_label("وقال المتحدث إن المجلس اجتمع. (tagged Actor)")
            .is_some(),
        "the rows say which hits are tagged now"
    );

    // One Ctrl+Z removes them all.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(spans(&harness, bayan), [("قال".to_owned(), a.clone())]);
    assert!(spans(&harness, taqrir).is_empty());

    // Tagging again with nothing checked tags the hit under the cursor only.
    press(&mut harness, Modifiers::NONE, Key::End);
    press(&mut harness, Modifiers::NONE, Key::Num2);
    let claim = LabelId::new("claim").expect("label");
    assert_eq!(spans(&harness, taqrir), [("قال".to_owned(), claim)]);
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert!(
        notice.contains("1 span added, 0 already tagged"),
        "{notice}"
    );
}

#[test]
fn hits_are_checked_against_the_current_text_before_tagging() {
    let (_dir, mut harness, [bayan, _, taqrir], _) = opened();
    search(&mut harness, "قال");
    press(&mut harness, Modifiers::COMMAND, Key::A);
    // Crop تقرير to its second line behind the results' back: its hits no longer fit its text.
    harness.state_mut().show_document(taqrir);
    harness.run_steps(2);
    let line = TAQRIR.find("قال الرئيس").expect("line");
    harness.state_mut().view_mut().expect("view").selection =
        Selection::of_range(line..TAQRIR.len());
    harness.state_mut().request(UiCommand::CropToSelection);
    harness.run_steps(2);
    assert_eq!(common::text(&harness), "قال الرئيس كلمته.");

    let before = harness.state().project().span_count();
    press(&mut harness, Modifiers::NONE, Key::Num1);
    assert_eq!(
        harness.state().project().span_count(),
        before,
        "nothing tagged"
    );
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert!(
        notice.contains("The project changed since this search"),
        "{notice}"
    );
    // The search ran again on the current texts.
    wait_for_search(&mut harness);
    assert_eq!(
        harness.state().project_search().summary(),
        Some("3 hits in 2 documents")
    );

    // A hit whose document changed is not opened either.
    harness.state_mut().show_document(bayan);
    harness.run_steps(2);
    harness.state_mut().view_mut().expect("view").selection = Selection::of_range(0..6);
    harness.state_mut().request(UiCommand::CropToSelection);
    harness.run_steps(2);
    harness.state_mut().show_document(taqrir);
    harness.run_steps(2);
    harness
        .get_by_label("ثم قالَ الناطق إن الاجتماع انتهى.")
        .click();
    harness.run_steps(2);
    assert_eq!(harness.state().current_document(), Some(taqrir));
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert!(
        notice.contains("The project changed since this search"),
        "{notice}"
    );
    wait_for_search(&mut harness);
    assert_eq!(
        harness.state().project_search().summary(),
        Some("2 hits in 2 documents")
    );
}

#[test]
fn tag_all_like_this_offers_the_other_occurrences_of_a_span() {
    let (_dir, mut harness, [bayan, _, taqrir], span) = opened();
    // Without a selected span the command says what to do.
    harness.state_mut().request(UiCommand::TagAllLikeThis);
    harness.run_steps(2);
    assert!(!harness.state().project_search().is_running());
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.contains("Select a span first"))
    );

    harness.state_mut().reveal_span(span);
    harness.run_steps(2);
    // Edit › Tag all like this…
    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    // (Menu labels end with their shortcut text, none here.)
    harness.get_by_label("Tag all like this… ").click();
    wait_for_search(&mut harness);
    let state = harness.state().project_search();
    assert!(state.is_open());
    assert_eq!(state.query(), "قال");
    assert_eq!(
        state.summary(),
        Some("3 hits in 2 documents"),
        "the span itself is not one of the other occurrences"
    );
    assert_eq!(group_counts(&harness), [(bayan, 1), (taqrir, 2)]);

    harness.get_by_label("Tag all as Actor").click();
    harness.run_steps(2);
    let notice = harness.state().notice().unwrap_or_default().to_owned();
    assert!(
        notice.contains("3 spans added, 0 already tagged"),
        "{notice}"
    );
    assert_eq!(spans(&harness, bayan).len(), 2);
    assert_eq!(spans(&harness, taqrir).len(), 2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(spans(&harness, bayan).len(), 1);
    assert!(spans(&harness, taqrir).is_empty());
}

#[test]
fn thousands_of_hits_shape_only_the_rows_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = many_documents(dir.path(), 20, 250);
    let mut harness = harness(Some(&path));
    search(&mut harness, "الوفد");
    assert_eq!(
        harness.state().project_search().summary(),
        Some("5000 hits in 20 documents")
    );
    let shaped = harness
        .state()
        .project_search()
        .results()
        .expect("results")
        .shaped_lines();
    assert!(shaped > 0 && shaped < 40, "{shaped} lines shaped");
    // Going to the last hit shapes the rows around it, not the ones in between.
    press(&mut harness, Modifiers::NONE, Key::End);
    harness.run_steps(2);
    let list = harness.state().project_search().results().expect("results");
    assert_eq!(list.cursor(), Some(4999));
    assert!(
        list.shaped_lines() < 80,
        "{} lines shaped",
        list.shaped_lines()
    );
}
