//! Adjudication driven as a user would: two annotators' copies of the sample project (B removed
//! one span, relabelled another and added a third), File › Compare annotators… through the
//! in-app file dialog, the gold project holding every span both made alike, the disagreements
//! stepped through and decided with one key each (one undo step each), each annotator's spans
//! in a lane of the article, the agreement window, and the gold saved with who proposed each
//! span. Then three annotators (a third copy sharing one span with each of the others): three
//! lanes, alternatives taken with Alt+1 / Alt+M / Alt+N, "N of 3 decided" kept through undo and
//! redo, every pair and the label confusion window. Expected values are read from the files,
//! not from the adjudication code.

mod common;

use std::path::{Path, PathBuf};

use common::{go_to, harness, press, save_in_dialog};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::command::Edit;
use isnad::model::{DocId, LabelId, Project, Span, text_range};

/// What B changed, in document `doc` (byte ranges and labels).
struct Changes {
    doc: DocId,
    /// A's span B removed.
    removed: (std::ops::Range<usize>, LabelId),
    /// A's span B relabelled, and B's label for it.
    relabelled: (std::ops::Range<usize>, LabelId, LabelId),
    /// The span only B made.
    added: (std::ops::Range<usize>, LabelId),
    /// Spans of A (every document).
    spans_a: usize,
}

/// Writes layla.isnad.ron (the sample) and omar.isnad.ron (the sample with B's changes).
fn two_annotators(dir: &Path) -> (PathBuf, PathBuf, Changes) {
    let a = isnad::io::sample::sample_project().expect("sample");
    let mut b = a.clone();
    // The first document with three spans without relations.
    let (doc, free): (DocId, Vec<Span>) = a
        .documents()
        .map(|d| {
            let free: Vec<Span> = a
                .spans_of(d.id())
                .iter()
                .filter(|s| a.relations_of_span(s.id).next().is_none())
                .cloned()
                .collect();
            (d.id(), free)
        })
        .find(|(_, free)| free.len() >= 2)
        .expect("a document with spans free of relations");
    let (gone, other) = (&free[0], &free[1]);
    Edit::RemoveSpan(gone.id).apply(&mut b).expect("remove");
    let new_label = a
        .schema()
        .labels()
        .iter()
        .map(|l| l.id.clone())
        .find(|l| *l != other.label)
        .expect("another label");
    Edit::RelabelSpan {
        id: other.id,
        label: new_label.clone(),
    }
    .apply(&mut b)
    .expect("relabel");
    // A few letters in the middle of the longest stretch without spans.
    let text = a.document(doc).expect("doc").text().to_owned();
    let mut covered = vec![false; text.len()];
    for s in a.spans_of(doc) {
        covered[s.range()].fill(true);
    }
    let (mut best, mut run) = (0..0, 0);
    for (i, &c) in covered.iter().enumerate() {
        run = if c { 0 } else { run + 1 };
        if run > best.len() {
            best = i + 1 - run..i + 1;
        }
    }
    assert!(best.len() > 20, "a stretch of text without spans");
    let mid = best.start + best.len() / 2;
    let start = (best.start..=mid)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .expect("boundary");
    let end = (mid + 8..best.end)
        .find(|&i| text.is_char_boundary(i))
        .expect("boundary");
    let added = text_range::clean_selection(&text, start..end).expect("letters");
    assert!(
        !covered[added.clone()].contains(&true),
        "the added span overlaps no span of A"
    );
    let label = a.schema().labels()[0].id.clone();
    Edit::add_span(&mut b, doc, added.clone(), label.clone())
        .apply(&mut b)
        .expect("add");
    let (pa, pb) = (dir.join("layla.isnad.ron"), dir.join("omar.isnad.ron"));
    isnad::io::project::save(&a, &pa).expect("save A");
    isnad::io::project::save(&b, &pb).expect("save B");
    let changes = Changes {
        doc,
        removed: (gone.range(), gone.label.clone()),
        relabelled: (other.range(), other.label.clone(), new_label),
        added: (added, label),
        spans_a: a.span_count(),
    };
    (pa, pb, changes)
}

/// File › Compare annotators…, then `file` picked in the in-app dialog.
fn compare_with(harness: &mut Harness<'static, IsnadApp>, file: &Path) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Compare annotators").click();
    harness.run_steps(2);
    assert_eq!(harness.state().blocking_dialog(), Some("file dialog"));
    go_to(harness, file.parent().expect("folder"));
    let name = file
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    harness.get_by_label(&name).click();
    harness.step();
    harness.get_by_label("Open").click();
    harness.run_steps(4);
}

/// The gold span with this range and label, and its annotator.
fn gold_span(
    harness: &Harness<'static, IsnadApp>,
    doc: DocId,
    range: &std::ops::Range<usize>,
    label: &LabelId,
) -> Option<String> {
    let project = harness.state().project();
    let id = project.find_duplicate(doc, range.clone(), label)?;
    Some(
        project
            .span(id)?
            .annotator
            .as_deref()
            .unwrap_or_default()
            .to_owned(),
    )
}

fn undo_name<'h>(harness: &'h Harness<'static, IsnadApp>) -> Option<&'h str> {
    harness.state().workspace().history().undo_name()
}

/// Opens A, compares with B: the gold project is open with the agreed spans.
fn adjudicating(dir: &Path) -> (Harness<'static, IsnadApp>, Changes) {
    let (pa, pb, changes) = two_annotators(dir);
    let mut harness = harness(Some(&pa));
    compare_with(&mut harness, &pb);
    assert!(
        harness.state().error().is_none(),
        "{:?}",
        harness.state().error()
    );
    assert!(harness.state().adjudication().is_some(), "adjudicating");
    (harness, changes)
}

#[test]
fn agreed_spans_are_taken_and_each_annotator_has_a_lane() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, c) = adjudicating(dir.path());
    let state = harness.state();
    assert_eq!(
        state.workspace().path(),
        None,
        "the gold project is new and untitled"
    );
    assert!(state.workspace().history().undo_name().is_none());
    // Every span of A but the removed and the relabelled one, credited to both.
    let gold = state.project();
    assert_eq!(gold.span_count(), c.spans_a - 2);
    for doc in gold.documents() {
        for span in gold.spans_of(doc.id()) {
            assert_eq!(span.annotator.as_deref(), Some("layla, omar"));
        }
    }
    assert_eq!(gold_span(&harness, c.doc, &c.removed.0, &c.removed.1), None);
    assert_eq!(
        gold_span(&harness, c.doc, &c.relabelled.0, &c.relabelled.1),
        None
    );

    // The first disagreement is shown: its document, with both annotators' lanes drawn.
    assert_eq!(harness.state().current_disagreement(), Some(0));
    assert_eq!(harness.state().current_document(), Some(c.doc));
    harness.run_steps(3);
    let state = harness.state();
    let lanes = state.view().expect("view").annotator_lanes();
    assert_eq!(lanes.lanes.len(), 2);
    let a = isnad::io::project::load(&dir.path().join("layla.isnad.ron")).expect("A");
    let b = isnad::io::project::load(&dir.path().join("omar.isnad.ron")).expect("B");
    assert_eq!(lanes.lanes[0].spans.len(), a.spans_of(c.doc).len());
    assert_eq!(lanes.lanes[1].spans.len(), b.spans_of(c.doc).len());
    assert!(
        lanes.drawn.iter().all(|&n| n > 0),
        "both lanes are painted: {:?}",
        lanes.drawn
    );
    assert!(lanes.focus.is_some(), "the disagreement is outlined");

    // The agreement window (the bar's button): figures per label and overall.
    assert!(!harness.state().is_agreement_open());
    harness.get_by_label("Agreement…").click();
    harness.run_steps(3);
    assert!(harness.state().is_agreement_open());
    // B removed one span of A's and added one: exact F1 = 2·(n−2) / (n + n).
    let n = c.spans_a as f64;
    harness.get_by_label(&format!("exact F1: {:.3}", (n - 2.0) / n));
    harness.get_by_label_contains("overlap F1:");
    harness.get_by_label_contains("relation F1:");
    for label in a.schema().labels() {
        harness.get_by_label_contains(&format!("{} kappa:", label.id.as_str()));
        harness.get_by_label_contains(&format!("{} alpha:", label.id.as_str()));
    }
    // The annotators' names, shaped by our engine.
    for name in ["layla", "omar"] {
        assert_eq!(
            harness.get_all_by_label(name).count(),
            2,
            "{name}: bar and window"
        );
    }
}

#[test]
fn take_a_b_both_and_neither_each_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, c) = adjudicating(dir.path());
    let start = harness.state().project().clone();
    let (range, label_a, label_b) = c.relabelled.clone();

    // 0: the relabelled span (label). Take A.
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_eq!(
        gold_span(&harness, c.doc, &range, &label_a).as_deref(),
        Some("layla")
    );
    assert_eq!(gold_span(&harness, c.doc, &range, &label_b), None);
    assert_eq!(undo_name(&harness), Some("take A"));
    assert_eq!(
        harness.state().current_disagreement(),
        Some(1),
        "on to the next"
    );

    // Back (Shift+F8), change of mind: take B.
    press(&mut harness, Modifiers::SHIFT, Key::F8);
    assert_eq!(harness.state().current_disagreement(), Some(0));
    press(&mut harness, Modifiers::ALT, Key::B);
    assert_eq!(gold_span(&harness, c.doc, &range, &label_a), None);
    assert_eq!(
        gold_span(&harness, c.doc, &range, &label_b).as_deref(),
        Some("omar")
    );
    assert_eq!(undo_name(&harness), Some("take B"));

    // 1: the span B removed (A only). Take both: A's is kept.
    assert_eq!(harness.state().current_disagreement(), Some(1));
    press(&mut harness, Modifiers::ALT, Key::T);
    assert_eq!(
        gold_span(&harness, c.doc, &c.removed.0, &c.removed.1).as_deref(),
        Some("layla")
    );
    assert_eq!(undo_name(&harness), Some("take both"));

    // 2: the span only B made. Take neither: one undo step that changes nothing.
    assert_eq!(harness.state().current_disagreement(), Some(2));
    let before = harness.state().project().span_count();
    press(&mut harness, Modifiers::ALT, Key::N);
    assert_eq!(gold_span(&harness, c.doc, &c.added.0, &c.added.1), None);
    assert_eq!(harness.state().project().span_count(), before);
    assert_eq!(undo_name(&harness), Some("take neither"));
    // F8 past the last one stays there; Shift+F8 then F8 steps back and forth.
    press(&mut harness, Modifiers::NONE, Key::F8);
    assert_eq!(harness.state().current_disagreement(), Some(2));
    press(&mut harness, Modifiers::SHIFT, Key::F8);
    assert_eq!(harness.state().current_disagreement(), Some(1));
    // The bar's buttons do what the keys do.
    harness.get_by_label("Next disagreement (F8)").click();
    harness.run_steps(2);
    assert_eq!(harness.state().current_disagreement(), Some(2));
    // Take B there now adds B's span.
    press(&mut harness, Modifiers::ALT, Key::B);
    assert_eq!(
        gold_span(&harness, c.doc, &c.added.0, &c.added.1).as_deref(),
        Some("omar")
    );

    // Each decision is one undo step, undone in turn back to the gold as it started.
    let steps = ["take B", "take neither", "take both", "take B", "take A"];
    for step in steps {
        assert_eq!(undo_name(&harness), Some(step));
        press(&mut harness, Modifiers::COMMAND, Key::Z);
    }
    assert_eq!(undo_name(&harness), None);
    assert_eq!(*harness.state().project(), start);
}

#[test]
fn the_gold_project_is_saved_with_who_proposed_each_span() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, c) = adjudicating(dir.path());
    press(&mut harness, Modifiers::ALT, Key::B); // relabelled: B's label
    press(&mut harness, Modifiers::ALT, Key::A); // removed by B: A's span
    press(&mut harness, Modifiers::ALT, Key::B); // added by B: B's span

    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
    harness.run_steps(2);
    assert_eq!(
        harness.state().blocking_dialog(),
        Some("file dialog"),
        "Save As asks where"
    );
    save_in_dialog(&mut harness, dir.path(), "gold");
    let path = dir.path().join("gold.isnad.ron");
    assert_eq!(harness.state().workspace().path(), Some(path.as_path()));

    let gold: Project = isnad::io::project::load(&path).expect("the gold loads");
    assert_eq!(gold.span_count(), c.spans_a - 2 + 3);
    let who = |range: &std::ops::Range<usize>, label: &LabelId| {
        let id = gold
            .find_duplicate(c.doc, range.clone(), label)
            .expect("in the gold");
        gold.span(id).and_then(|s| s.annotator.clone())
    };
    assert_eq!(
        who(&c.relabelled.0, &c.relabelled.2).as_deref(),
        Some("omar")
    );
    assert_eq!(who(&c.removed.0, &c.removed.1).as_deref(), Some("layla"));
    assert_eq!(who(&c.added.0, &c.added.1).as_deref(), Some("omar"));
    let agreed = gold
        .documents()
        .flat_map(|d| gold.spans_of(d.id()))
        .filter(|s| s.annotator.as_deref() == Some("layla, omar"))
        .count();
    assert_eq!(agreed, c.spans_a - 2);
}

#[test]
fn a_bad_file_is_named_and_a_large_one_is_compared_in_the_background() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (pa, pb, _) = two_annotators(dir.path());
    let junk = dir.path().join("junk.isnad.ron");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 1, 2]).expect("write");
    let mut harness = harness(Some(&pa));
    compare_with(&mut harness, &junk);
    let error = harness.state().error().expect("an error is shown").clone();
    assert_eq!(error.title, "Could not compare the annotators");
    assert!(
        error.message.contains("junk.isnad.ron"),
        "{}",
        error.message
    );
    assert!(harness.state().adjudication().is_none());
    assert_eq!(
        harness.state().workspace().path(),
        Some(pa.as_path()),
        "A stays open"
    );
    harness.get_by_label("OK").click();
    harness.run_steps(2);

    // Another project of other documents: nothing in common, said so.
    let other = dir.path().join("other.isnad.ron");
    let mut project = Project::default();
    isnad::model::markup::add_markup_document(&mut project, "[نص|actor] آخر").expect("markup");
    isnad::io::project::save(&project, &other).expect("save");
    compare_with(&mut harness, &other);
    let error = harness.state().error().expect("an error is shown").clone();
    assert!(
        error.message.contains("matched by their text"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("other.isnad.ron"),
        "{}",
        error.message
    );
    harness.get_by_label("OK").click();
    harness.run_steps(2);

    // Every file compared on a worker thread: the app keeps drawing until it is done.
    harness.state_mut().set_compare_background_bytes(0);
    compare_with(&mut harness, &pb);
    let started = std::time::Instant::now();
    while harness.state().is_comparing() {
        assert!(
            started.elapsed().as_secs() < 30,
            "the comparison never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(2);
    assert!(harness.state().adjudication().is_some());
    assert_eq!(harness.state().current_disagreement(), Some(0));
}

/// Three annotators: layla (the sample), omar (two_annotators' B) and sara (the sample plus
/// omar's added span). So: the relabelled span is layla's and sara's label against omar's; the
/// span omar removed is layla's and sara's; the added span is omar's and sara's.
fn three_annotators(dir: &Path) -> (PathBuf, [PathBuf; 2], Changes) {
    let (pa, pb, c) = two_annotators(dir);
    let mut sara = isnad::io::project::load(&pa).expect("A");
    Edit::add_span(&mut sara, c.doc, c.added.0.clone(), c.added.1.clone())
        .apply(&mut sara)
        .expect("add");
    let pc = dir.join("sara.isnad.ron");
    isnad::io::project::save(&sara, &pc).expect("save C");
    (pa, [pb, pc], c)
}

fn decided_label(harness: &Harness<'static, IsnadApp>, decided: usize) {
    harness.get_by_label(&format!("{decided} of 3 decided"));
}

#[test]
fn three_annotators_lanes_alternatives_majority_and_confusion() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (pa, others, c) = three_annotators(dir.path());
    let mut harness = harness(Some(&pa));
    // File › Compare annotators…: the in-app dialog starts in the open project's folder, and
    // both other files are picked (the second with Ctrl held).
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Compare annotators").click();
    harness.run_steps(4);
    assert_eq!(harness.state().blocking_dialog(), Some("file dialog"));
    assert_eq!(
        harness.state().file_dialog().and_then(|d| d.folder()),
        Some(dir.path()),
        "starts in the project's folder"
    );
    harness.get_by_label("omar.isnad.ron").click();
    harness.step();
    harness
        .get_by_label("sara.isnad.ron")
        .click_modifiers(Modifiers::COMMAND);
    harness.step();
    harness.get_by_label("Open").click();
    harness.run_steps(4);
    assert!(
        harness.state().error().is_none(),
        "{:?}",
        harness.state().error()
    );
    let names: Vec<String> = harness
        .state()
        .adjudication()
        .expect("adjudicating")
        .annotators()
        .iter()
        .map(|a| a.name.clone())
        .collect();
    assert_eq!(names, ["layla", "omar", "sara"]);
    assert_eq!(others.len(), 2);

    // Every span but the two disputed ones is in the gold, credited to all three.
    let gold = harness.state().project();
    assert_eq!(gold.span_count(), c.spans_a - 2);
    assert!(
        gold.documents()
            .flat_map(|d| gold.spans_of(d.id()))
            .all(|s| s.annotator.as_deref() == Some("layla, omar, sara"))
    );

    // Three lanes, each painted, each with that annotator's spans.
    harness.run_steps(3);
    let lanes = harness
        .state()
        .view()
        .expect("view")
        .annotator_lanes()
        .clone();
    assert_eq!(lanes.lanes.len(), 3);
    assert_eq!(
        lanes.lanes.iter().map(|l| l.letter).collect::<String>(),
        "ABC"
    );
    assert!(lanes.drawn.iter().all(|&n| n > 0), "{:?}", lanes.drawn);
    let a_spans = lanes.lanes[0].spans.len();
    assert_eq!(
        lanes.lanes[2].spans.len(),
        a_spans + 1,
        "sara: A's and one more"
    );
    for name in ["layla", "omar", "sara"] {
        harness.get_by_label(name);
    }

    // 0: the relabelled span: alternative 1 is layla's and sara's label, 2 omar's.
    decided_label(&harness, 0);
    harness.get_by_label("This one: not decided yet");
    let (range, label_a, label_b) = c.relabelled.clone();
    press(&mut harness, Modifiers::ALT, Key::Num1);
    assert_eq!(
        gold_span(&harness, c.doc, &range, &label_a).as_deref(),
        Some("layla, sara")
    );
    assert_eq!(undo_name(&harness), Some("take alternative 1"));
    decided_label(&harness, 1);
    // 1: the span omar removed (layla and sara have it): neither. Decided, nothing kept.
    assert_eq!(harness.state().current_disagreement(), Some(1));
    press(&mut harness, Modifiers::ALT, Key::N);
    assert_eq!(gold_span(&harness, c.doc, &c.removed.0, &c.removed.1), None);
    decided_label(&harness, 2);
    // 2: the span omar and sara added: one alternative only, so Alt+2 is refused.
    assert_eq!(harness.state().current_disagreement(), Some(2));
    press(&mut harness, Modifiers::ALT, Key::Num2);
    assert_eq!(gold_span(&harness, c.doc, &c.added.0, &c.added.1), None);
    decided_label(&harness, 2);
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.contains("no alternative 2")),
        "{:?}",
        harness.state().notice()
    );
    press(&mut harness, Modifiers::ALT, Key::Num1);
    assert_eq!(
        gold_span(&harness, c.doc, &c.added.0, &c.added.1).as_deref(),
        Some("omar, sara")
    );
    decided_label(&harness, 3);
    // Back to 1: decided as neither, which the bar says (not "not decided").
    press(&mut harness, Modifiers::SHIFT, Key::F8);
    assert_eq!(harness.state().current_disagreement(), Some(1));
    harness.get_by_label("This one: decided, take neither");

    // Undo the last two decisions: 1 and 2 are not decided again; F8 goes to the first of
    // them after the one shown.
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    decided_label(&harness, 2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    decided_label(&harness, 1);
    assert_eq!(harness.state().current_disagreement(), Some(1));
    harness.get_by_label("This one: not decided yet");
    let decisions = harness.state().decisions().expect("decisions");
    assert_eq!((decisions.get(1), decisions.get(2)), (None, None));
    // Redo decides 1 again (neither), undo takes it back.
    press(
        &mut harness,
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
    );
    decided_label(&harness, 2);
    harness.get_by_label("This one: decided, take neither");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    decided_label(&harness, 1);
    // F8 goes to the next one not decided, round past the end: 2, then 1 again (0 is decided).
    press(&mut harness, Modifiers::NONE, Key::F8);
    assert_eq!(harness.state().current_disagreement(), Some(2));
    press(&mut harness, Modifiers::NONE, Key::F8);
    assert_eq!(
        harness.state().current_disagreement(),
        Some(1),
        "round to the start"
    );
    // The majority (layla and sara, 2 of 3) for the removed span, with Alt+M.
    press(&mut harness, Modifiers::ALT, Key::M);
    assert_eq!(
        gold_span(&harness, c.doc, &c.removed.0, &c.removed.1).as_deref(),
        Some("layla, sara")
    );
    assert_eq!(
        harness.state().current_disagreement(),
        Some(2),
        "the next undecided"
    );
    // Redo is gone (a new decision was made); F8 from 2 stays on the only undecided one.
    press(&mut harness, Modifiers::NONE, Key::F8);
    assert_eq!(harness.state().current_disagreement(), Some(2));
    decided_label(&harness, 2);
    assert_ne!(label_a, label_b);

    // The agreement window: every pair, alpha over all three, and the label confusion window.
    harness.get_by_label("Agreement…").click();
    harness.run_steps(3);
    for pair in ["A–B", "A–C", "B–C"] {
        harness.get_by_label_contains(&format!("{pair}: all labels"));
    }
    harness.get_by_label("Krippendorff's alpha per label, over all 3 annotators");
    harness.get_by_label("Label confusion…").click();
    harness.run_steps(4);
    assert!(harness.state().is_confusion_open());
    assert_eq!(harness.state().confusion().map(|c| c.0), Some((0, 1)));
    // layla (rows) against omar (columns): the relabelled span is a confusion, the added span
    // is omar's alone, the removed one layla's alone.
    let cell =
        |row: &LabelId, column: &LabelId| format!("{} → {}: 1", row.as_str(), column.as_str());
    harness.get_by_label(&cell(&label_a, &label_b));
    harness.get_by_label(&format!("none → {}: 1", c.added.1.as_str()));
    harness.get_by_label(&format!("{} → none: 1", c.removed.1.as_str()));
}

#[test]
fn comparing_again_with_unsaved_decisions_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, _) = adjudicating(dir.path());
    press(&mut harness, Modifiers::ALT, Key::A);
    assert!(harness.state().workspace().is_dirty());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Compare annotators").click();
    harness.run_steps(3);
    assert!(
        harness.state().pending_confirmation().is_some(),
        "asks first"
    );
    harness.get_by_label_contains("before comparing annotators");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.state().pending_confirmation().is_none());
    assert!(harness.state().workspace().is_dirty(), "nothing changed");
    assert_eq!(harness.state().blocking_dialog(), None);

    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Compare annotators").click();
    harness.run_steps(3);
    harness.get_by_label("Don't save").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().blocking_dialog(),
        Some("file dialog"),
        "then asks which files"
    );
}

#[test]
fn alt_keys_are_left_to_a_text_field_being_typed_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, _) = adjudicating(dir.path());
    let start = harness.state().project().clone();
    // Typing in the title filter: Alt+A (an AltGr letter on some layouts) decides nothing.
    harness
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .expect("the title filter")
        .click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::ALT, Key::A);
    assert!(harness.state().project() == &start, "nothing decided");
    assert_eq!(undo_name(&harness), None);
    // Out of the field, the key decides.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    harness.run_steps(2);
    press(&mut harness, Modifiers::ALT, Key::A);
    assert_eq!(undo_name(&harness), Some("take A"));
}
