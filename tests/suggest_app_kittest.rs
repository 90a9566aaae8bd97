//! Suggestions in the real app (issue 16): computed off the UI thread for the document shown,
//! drawn as dashed outlines, judged with the keyboard (Tab, Enter, Backspace, a label's key),
//! "Accept all" as one undo step, rejections remembered in the project file, and a toggle.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::press;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::command::{Edit, UiCommand};
use isnad::model::{ATTRIBUTED_TO, DocId, Span};

/// A news paragraph with no spans: reporting verbs (cues) and names tagged in the sample
/// article (learned).
const NEW_ARTICLE: &str = "قال وزير الزراعة خالد العمري إن المحصول تراجع كثيرا هذا العام.\n\nوأكدت منظمة الأغذية والزراعة للأمم المتحدة أن الأمطار جاءت قليلة.\n\nوذكر البنك الدولي أن الأسعار ارتفعت.";

/// The sample project with [`NEW_ARTICLE`] added, saved in a folder of its own; returns the file
/// and the new document's id.
fn project_file(name: &str) -> (PathBuf, DocId) {
    let dir = std::env::temp_dir().join(format!(
        "isnad-suggest-kittest-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut project = isnad::io::sample::sample_project().expect("sample");
    let add = Edit::add_document(&mut project, "جديد", None, NEW_ARTICLE);
    add.apply(&mut project).expect("add the article");
    let doc = project.documents().last().map(|d| d.id()).expect("a doc");
    let path = dir.join("suggest.isnad.ron");
    isnad::io::project::save(&project, &path).expect("save");
    (path, doc)
}

/// The app with `path` open, showing `doc`, its suggestions computed.
fn app_showing(path: &Path, doc: DocId) -> Harness<'static, IsnadApp> {
    let mut harness = common::harness(Some(path));
    harness.state_mut().show_document(doc);
    settle(&mut harness);
    harness
}

/// Presses Tab (no suggestion current yet) until the first suggestion matching `wanted` is the
/// current one, and returns it.
fn tab_to_first(
    harness: &mut Harness<'static, IsnadApp>,
    wanted: impl Fn(&isnad::lang::suggest::Suggestion) -> bool,
) -> isnad::lang::suggest::Suggestion {
    let at = harness
        .state()
        .suggestions()
        .iter()
        .position(wanted)
        .expect("a suggestion of that kind");
    for _ in 0..=at {
        press(harness, Modifiers::NONE, Key::Tab);
    }
    harness
        .state()
        .current_suggestion()
        .cloned()
        .expect("current")
}

/// Runs frames until the suggestions shown are those of the project as it is.
fn settle(harness: &mut Harness<'static, IsnadApp>) {
    let started = Instant::now();
    harness.step();
    while !harness.state().suggestions_settled() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the suggestions were never computed"
        );
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
    }
    harness.run_steps(2);
}

fn spans_of(harness: &Harness<'static, IsnadApp>, doc: DocId) -> Vec<Span> {
    harness.state().project().spans_of(doc).to_vec()
}

fn key_of(s: &isnad::lang::suggest::Suggestion) -> (std::ops::Range<usize>, String) {
    (s.range.clone(), s.label.as_str().to_owned())
}

#[test]
fn suggestions_appear_off_the_ui_thread_drawn_and_listed() {
    let (path, doc) = project_file("appear");
    let mut harness = common::harness(Some(&path));
    harness.state_mut().show_document(doc);
    // The frame that asks for them does not wait for them.
    harness.step();
    assert!(harness.state().suggestions().is_empty());
    settle(&mut harness);
    let app = harness.state();
    let suggestions = app.suggestions();
    let text = app.document_text();
    let texts: Vec<(&str, &str, &str)> = suggestions
        .iter()
        .map(|s| (&text[s.range.clone()], s.label.as_str(), s.suggester.name()))
        .collect();
    // Cues propose the source and the claim; the names tagged in the sample are learned.
    assert!(
        texts.contains(&("وزير الزراعة خالد العمري", "source", "cues")),
        "{texts:?}"
    );
    assert!(texts.contains(&("المحصول تراجع كثيرا هذا العام", "claim", "cues")));
    assert!(
        texts.contains(&("البنك الدولي", "actor", "learned")),
        "{texts:?}"
    );
    // Every one is drawn in the article, and none is a span.
    let view = app.view().expect("view");
    assert_eq!(view.suggestion_marks().marks().len(), suggestions.len());
    assert!(app.project().spans_of(doc).is_empty());
    // The list in the span panel has a row per suggestion.
    let title = format!("Suggestions ({})", suggestions.len());
    assert!(harness.query_by_label_contains(&title).is_some(), "{title}");
    assert!(
        harness
            .query_by_label("Suggested Actor: البنك الدولي (learned)")
            .is_some()
    );
}

/// The article outlines the listed suggestions, one for one and in the same order (after an
/// accept or a reject the marks are taken out of those drawn, not built again).
fn marks_follow_the_list(harness: &Harness<'static, IsnadApp>) {
    let marks = harness.state().view().expect("view").suggestion_marks();
    let drawn: Vec<_> = marks
        .marks()
        .iter()
        .map(|m| (m.range.clone(), m.label.as_str().to_owned()))
        .collect();
    let listed: Vec<_> = harness
        .state()
        .suggestions()
        .iter()
        .map(|s| (s.range.clone(), s.label.as_str().to_owned()))
        .collect();
    assert!(!listed.is_empty());
    assert_eq!(drawn, listed);
}

#[test]
fn tab_moves_enter_accepts_with_provenance_and_the_relation() {
    let (path, doc) = project_file("enter");
    let mut harness = app_showing(&path, doc);
    harness.state_mut().send(isnad::app::AppCommand::Settings(
        isnad::app::dialogs::SettingsAnswer::Annotator("layla".into()),
    ));
    harness.run_steps(2);
    assert!(harness.state().current_suggestion().is_none());
    press(&mut harness, Modifiers::NONE, Key::Tab);
    let first = harness.state().current_suggestion().cloned().expect("Tab");
    assert_eq!(first, harness.state().suggestions()[0]);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert_eq!(
        harness.state().current_suggestion(),
        harness.state().suggestions().get(1)
    );
    press(&mut harness, Modifiers::SHIFT, Key::Tab);
    assert_eq!(harness.state().current_suggestion(), Some(&first));
    // The current one is drawn stronger.
    let marks = harness.state().view().expect("view").suggestion_marks();
    assert_eq!(marks.current, Some(0));

    // Accept the source, then the claim: both spans, then their relation.
    let text = harness.state().document_text().to_owned();
    let source = harness
        .state()
        .suggestions()
        .iter()
        .position(|s| s.label.as_str() == "source" && s.suggester.name() == "cues")
        .expect("a source");
    for _ in 0..source {
        press(&mut harness, Modifiers::NONE, Key::Tab);
    }
    let wanted = harness
        .state()
        .current_suggestion()
        .cloned()
        .expect("source");
    assert_eq!(&text[wanted.range.clone()], "وزير الزراعة خالد العمري");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let spans = spans_of(&harness, doc);
    let span = spans
        .iter()
        .find(|s| s.range() == wanted.range && s.label == wanted.label)
        .expect("the accepted span");
    assert_eq!(span.suggested_by().as_deref(), Some("cues"));
    assert_eq!(span.annotator.as_deref(), Some("layla"));
    assert!(
        harness
            .state()
            .suggestions()
            .iter()
            .all(|s| key_of(s) != key_of(&wanted)),
        "an accepted suggestion is no longer proposed"
    );
    marks_follow_the_list(&harness);
    settle(&mut harness);
    let claim = harness
        .state()
        .suggestions()
        .iter()
        .position(|s| &text[s.range.clone()] == "المحصول تراجع كثيرا هذا العام")
        .expect("the claim");
    let claim = harness.state().suggestions()[claim].clone();
    harness.state_mut().send(isnad::app::AppCommand::View(
        isnad::ui::article_view::ViewAction::ChooseSuggestion(Some((claim.range, claim.label))),
    ));
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let project = harness.state().project();
    let relations: Vec<_> = project.relations_of_doc(doc).collect();
    assert_eq!(relations.len(), 1, "the claim is attributed to its source");
    let relation = relations[0];
    assert_eq!(relation.kind.as_str(), ATTRIBUTED_TO);
    let head = project.span(relation.head).expect("head");
    let child = project.span(relation.child).expect("child");
    assert_eq!(&text[head.range()], "المحصول تراجع كثيرا هذا العام");
    assert_eq!(child.range(), wanted.range);
    assert_eq!(relation.annotator.as_deref(), Some("layla"));
    assert_eq!(project.suggestion_memory().tally("cues").accepted, 2);
}

#[test]
fn backspace_rejects_and_the_rejection_survives_save_and_reopen() {
    let (path, doc) = project_file("reject");
    let mut harness = app_showing(&path, doc);
    press(&mut harness, Modifiers::NONE, Key::Tab);
    let rejected = harness.state().current_suggestion().cloned().expect("Tab");
    let count = harness.state().suggestions().len();
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(harness.state().suggestions().len(), count - 1);
    assert!(spans_of(&harness, doc).is_empty(), "nothing was tagged");
    marks_follow_the_list(&harness);
    settle(&mut harness);
    let keys: Vec<_> = harness.state().suggestions().iter().map(key_of).collect();
    assert!(!keys.contains(&key_of(&rejected)), "not proposed again");
    let memory = harness.state().project().suggestion_memory();
    assert_eq!(memory.rejection_count(), 1);
    assert_eq!(memory.tally(rejected.suggester.name()).rejected, 1);

    harness.state_mut().request(UiCommand::Save);
    harness.run_steps(3);
    assert!(!harness.state().workspace().is_dirty(), "saved");
    drop(harness);
    let mut reopened = app_showing(&path, doc);
    let keys: Vec<_> = reopened.state().suggestions().iter().map(key_of).collect();
    assert_eq!(keys.len(), count - 1);
    assert!(!keys.contains(&key_of(&rejected)), "still not proposed");
    let memory = reopened.state().project().suggestion_memory();
    assert_eq!(memory.tally(rejected.suggester.name()).rejected, 1);

    // Ctrl+Z takes a rejection back: the suggestion returns.
    press(&mut reopened, Modifiers::NONE, Key::Tab);
    press(&mut reopened, Modifiers::NONE, Key::Backspace);
    settle(&mut reopened);
    assert_eq!(reopened.state().suggestions().len(), count - 2);
    press(&mut reopened, Modifiers::COMMAND, Key::Z);
    settle(&mut reopened);
    assert_eq!(reopened.state().suggestions().len(), count - 1);
}

#[test]
fn backspace_still_removes_the_selected_span_when_no_suggestion_is_current() {
    let mut harness = common::harness(None);
    settle(&mut harness);
    let doc = harness.state().current_document().expect("doc");
    let before = spans_of(&harness, doc).len();
    let first = spans_of(&harness, doc)[0].id;
    harness
        .state_mut()
        .view_mut()
        .expect("view")
        .select_span(Some(first));
    harness.run_steps(2);
    assert!(harness.state().current_suggestion().is_none());
    press(&mut harness, Modifiers::NONE, Key::Backspace);
    assert_eq!(spans_of(&harness, doc).len(), before - 1);
    assert!(harness.state().project().suggestion_memory().is_empty());
}

#[test]
fn a_label_key_accepts_the_suggestion_as_that_label() {
    let (path, doc) = project_file("label");
    let mut harness = app_showing(&path, doc);
    let chosen = tab_to_first(&mut harness, |s| s.label.as_str() == "source");
    assert_eq!(chosen.label.as_str(), "source");
    // 1 is Actor's key.
    press(&mut harness, Modifiers::NONE, Key::Num1);
    let spans = spans_of(&harness, doc);
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0].range(), chosen.range);
    assert_eq!(spans[0].label.as_str(), "actor");
    assert_eq!(
        spans[0].suggested_by().as_deref(),
        Some(chosen.suggester.name())
    );
    let tally = harness
        .state()
        .project()
        .suggestion_memory()
        .tally(chosen.suggester.name());
    assert_eq!((tally.accepted, tally.relabelled), (0, 1));
}

#[test]
fn accept_all_is_one_undo_step() {
    let (path, doc) = project_file("all");
    let mut harness = app_showing(&path, doc);
    let count = harness.state().suggestions().len();
    assert!(count >= 4, "{count}");
    harness.state_mut().request(UiCommand::AcceptAllSuggestions);
    harness.run_steps(2);
    let spans = spans_of(&harness, doc);
    assert!(spans.len() >= 3 && spans.len() <= count, "{}", spans.len());
    assert!(spans.iter().all(|s| s.suggested_by().is_some()));
    assert!(harness.state().project().relations_of_doc(doc).count() >= 1);
    assert!(harness.state().suggestions().len() < count);
    // Not judged one by one: the tallies are untouched.
    assert!(harness.state().project().suggestion_memory().is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(
        spans_of(&harness, doc).is_empty(),
        "one Ctrl+Z undoes it all"
    );
    assert_eq!(harness.state().project().relations_of_doc(doc).count(), 0);
    settle(&mut harness);
    assert_eq!(harness.state().suggestions().len(), count);
}

#[test]
fn suggestions_can_be_hidden_and_their_keys_then_do_nothing() {
    let (path, doc) = project_file("hide");
    let mut harness = app_showing(&path, doc);
    let count = harness.state().suggestions().len();
    assert!(count > 0);
    // View › Suggestions hides them.
    harness.get_by_label("View").click();
    for _ in 0..10 {
        if harness.query_by_label("Suggestions ").is_some() {
            break;
        }
        harness.step();
    }
    // The menu entry's label ends with its (empty) shortcut text.
    harness.get_by_label("Suggestions ").click();
    harness.run_steps(2);
    assert!(!harness.state().settings().show_suggestions);
    assert!(harness.state().suggestions().is_empty());
    let view = harness.state().view().expect("view");
    assert!(view.suggestion_marks().marks().is_empty(), "nothing drawn");
    press(&mut harness, Modifiers::NONE, Key::Tab);
    assert!(harness.state().current_suggestion().is_none());
    press(&mut harness, Modifiers::NONE, Key::Enter);
    assert!(spans_of(&harness, doc).is_empty());
    // The list's button shows them again.
    harness.get_by_label("Show suggestions").click();
    settle(&mut harness);
    assert!(harness.state().settings().show_suggestions);
    assert_eq!(harness.state().suggestions().len(), count);
}

#[test]
fn help_lists_the_suggestion_keys() {
    let ctx = egui::Context::default();
    let rows = isnad::ui::help::command_rows(&ctx);
    for name in ["Next suggestion", "Accept suggestion", "Reject suggestion"] {
        let row = rows.iter().find(|r| r.label == name).expect(name);
        assert!(!row.shortcut.is_empty(), "{name} has its key");
    }
    // Enter and Backspace are not taken by the generic shortcuts (they keep their other uses).
    assert!(isnad::ui::shortcuts::is_contextual(
        UiCommand::RejectSuggestion
    ));
    assert!(!isnad::ui::shortcuts::is_contextual(UiCommand::Save));
}

/// The suggestions shown as (text, label, suggester).
fn shown(harness: &Harness<'static, IsnadApp>) -> Vec<(String, String, String)> {
    let app = harness.state();
    let text = app.document_text();
    app.suggestions()
        .iter()
        .map(|s| {
            (
                text[s.range.clone()].to_owned(),
                s.label.as_str().to_owned(),
                s.suggester.name().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_gazetteer_picked_in_the_app_proposes_its_names() {
    let (path, doc) = project_file("gazetteer");
    let folder = path.parent().expect("folder").to_owned();
    // Folded as the suggester matches: "الامطار" finds "الأمطار". One line has no known label.
    std::fs::write(
        folder.join("names.txt"),
        "# names\nالامطار\tactor\nوزارة ما\tnot_a_label\n",
    )
    .expect("write the gazetteer");
    let mut harness = app_showing(&path, doc);
    let gazetteer = |h: &Harness<'static, IsnadApp>| {
        shown(h)
            .into_iter()
            .filter(|(_, _, by)| by == "gazetteer")
            .collect::<Vec<_>>()
    };
    assert!(gazetteer(&harness).is_empty());

    harness.get_by_label("Edit").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Use a gazetteer").click();
    harness.run_steps(2);
    assert_eq!(harness.state().blocking_dialog(), Some("file dialog"));
    common::go_to(&mut harness, &folder);
    harness.get_by_label("names.txt").click();
    harness.step();
    harness.get_by_label("Open").click();
    harness.run_steps(2);
    harness.get_by_label_contains(
        "Gazetteer names.txt: 1 name proposed as suggestions (1 line left out",
    );
    settle(&mut harness);
    assert_eq!(
        gazetteer(&harness),
        [(
            "الأمطار".to_owned(),
            "actor".to_owned(),
            "gazetteer".to_owned()
        )]
    );
    // Accepting it makes a span that says where it came from.
    let chosen = tab_to_first(&mut harness, |s| s.suggester.name() == "gazetteer");
    assert_eq!(chosen.suggester.name(), "gazetteer");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let span = spans_of(&harness, doc)
        .into_iter()
        .find(|s| s.range() == chosen.range)
        .expect("accepted");
    assert_eq!(span.suggested_by().as_deref(), Some("gazetteer"));
}

#[test]
fn a_file_that_is_no_gazetteer_is_named_and_changes_nothing() {
    let (path, doc) = project_file("not-gazetteer");
    let folder = path.parent().expect("folder").to_owned();
    let bad = folder.join("bad.txt");
    std::fs::write(&bad, "just a sentence without a tab\n").expect("write");
    let mut harness = app_showing(&path, doc);
    harness.state_mut().use_gazetteer(&bad);
    harness.run_steps(2);
    harness.get_by_label_contains("bad.txt: no name to propose (1 line left out");
    harness
        .state_mut()
        .use_gazetteer(&folder.join("missing.txt"));
    harness.run_steps(2);
    harness.get_by_label_contains("missing.txt could not be read");
    settle(&mut harness);
    assert!(shown(&harness).iter().all(|(_, _, by)| by != "gazetteer"));
}

#[test]
fn the_span_list_stays_put_when_suggestions_come_and_go() {
    let (path, doc) = project_file("steady");
    let mut harness = app_showing(&path, doc);
    harness.run_steps(2);
    let heading = |h: &Harness<'static, IsnadApp>| h.get_by_label("Spans").rect();
    let before = heading(&harness);
    assert!(!harness.state().suggestions().is_empty());
    // Accepting them all leaves none (or few) in the list, and spans in the list below.
    harness.state_mut().request(UiCommand::AcceptAllSuggestions);
    harness.run_steps(2);
    settle(&mut harness);
    harness.run_steps(2);
    assert!(!spans_of(&harness, doc).is_empty());
    assert_eq!(heading(&harness), before, "the span list did not move");
    // And back: the suggestions return with the undo.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    settle(&mut harness);
    harness.run_steps(2);
    assert_eq!(heading(&harness), before);
}
