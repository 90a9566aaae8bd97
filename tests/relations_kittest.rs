//! Relations and span attributes through the real `App` (issue 5's acceptance test): tag a claim
//! and a source, link them by keyboard and by Ctrl+drag, undo and redo; set attributes and a note
//! in the span panel; remove a relation from the panel; remove a linked span and undo.

mod common;

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::model::{AttributeValue, LabelId, Relation, RelationType, RelationTypeId, SpanId};

use common::{click, drag_offsets, harness, press, screen_pos, text};

/// Byte range of the first `phrase` after `after` in the shown document.
fn find(harness: &Harness<'static, IsnadApp>, phrase: &str, after: &str) -> std::ops::Range<usize> {
    let text = text(harness);
    let from = text.find(after).expect("anchor");
    let start = from + text[from..].find(phrase).expect("phrase");
    start..start + phrase.len()
}

/// The span of the shown document with exactly `range` and `label`.
fn span_at(
    harness: &Harness<'static, IsnadApp>,
    range: std::ops::Range<usize>,
    label: &str,
) -> SpanId {
    let app = harness.state();
    let doc = app.current_document().expect("a document");
    app.project()
        .spans_of(doc)
        .iter()
        .find(|s| s.range() == range && s.label.as_str() == label)
        .unwrap_or_else(|| panic!("a {label} span at {range:?}"))
        .id
}

/// Selects span `id` as a click in the span list would.
fn select(harness: &mut Harness<'static, IsnadApp>, id: SpanId) {
    harness.state_mut().reveal_span(id);
    harness.run_steps(3);
}

/// The relations `span` is an end of.
fn relations_of(harness: &Harness<'static, IsnadApp>, span: SpanId) -> Vec<Relation> {
    harness
        .state()
        .project()
        .relations_of_span(span)
        .cloned()
        .collect()
}

fn attribute(
    harness: &Harness<'static, IsnadApp>,
    span: SpanId,
    name: &str,
) -> Option<AttributeValue> {
    harness
        .state()
        .project()
        .span(span)
        .expect("span")
        .attributes()
        .get(name)
        .cloned()
}

#[test]
fn the_span_panel_sets_attributes_and_the_note_as_undoable_edits() {
    let mut harness = harness(None);
    let source = span_at(
        &harness,
        find(&harness, "مصدرًا في الوزارة", "غير أن"),
        "source",
    );
    select(&mut harness, source);
    harness.get_by_label("kind: media outlet").click();
    harness.run_steps(2);
    assert_eq!(
        attribute(&harness, source, "kind"),
        Some(AttributeValue::Choice("media_outlet".into()))
    );
    harness.get_by_label("kind: not set").click();
    harness.run_steps(2);
    assert_eq!(attribute(&harness, source, "kind"), None);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(
        attribute(&harness, source, "kind"),
        Some(AttributeValue::Choice("media_outlet".into())),
        "undo puts the choice back"
    );

    // The note is one edit when committed with Ctrl+Enter, however many keystrokes it took.
    let note = |h: &Harness<'static, IsnadApp>| {
        h.state()
            .project()
            .span(source)
            .expect("span")
            .note()
            .clone()
    };
    let original = note(&harness);
    let undo_depth = harness.state().workspace().history().undo_len();
    harness.get_by_role(Role::MultilineTextInput).click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::COMMAND, Key::A);
    for word in ["مصدر ", "مجهول"] {
        harness.event(egui::Event::Text(word.into()));
        harness.run_steps(1);
    }
    assert_eq!(note(&harness), original, "not committed while typing");
    // R types into the field; it does not start linking.
    press(&mut harness, Modifiers::NONE, Key::R);
    assert_eq!(harness.state().view().expect("view").linking_from(), None);
    press(&mut harness, Modifiers::COMMAND, Key::Enter);
    assert_eq!(note(&harness).as_deref(), Some("مصدر مجهول"));
    assert_eq!(
        harness.state().workspace().history().undo_len(),
        undo_depth + 1
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(note(&harness), original);
}

/// Tags `phrase` (first after `after`) with the label on `key`, like a person: drag, then the key.
fn tag(harness: &mut Harness<'static, IsnadApp>, phrase: &str, after: &str, key: Key) -> SpanId {
    let range = find(harness, phrase, after);
    drag_offsets(harness, range.start, range.end);
    press(harness, Modifiers::NONE, key);
    let label = match key {
        Key::Num1 => "actor",
        Key::Num2 => "claim",
        _ => "source",
    };
    span_at(harness, range, label)
}

/// Clicks inside span `id` (a few letters in), with `modifiers`.
fn click_span(harness: &mut Harness<'static, IsnadApp>, id: SpanId, modifiers: Modifiers) {
    let pos = inside(harness, id);
    harness.hover_at(pos);
    harness.step();
    click(harness, pos, modifiers);
    harness.run_steps(2);
}

/// A point inside span `id` (its third character, on screen).
fn inside(harness: &mut Harness<'static, IsnadApp>, id: SpanId) -> egui::Pos2 {
    let start = harness.state().project().span(id).expect("span").start;
    let text = text(harness);
    let offset = start
        + text[start..]
            .chars()
            .take(2)
            .map(char::len_utf8)
            .sum::<usize>();
    screen_pos(harness, offset, "inside the span")
}

fn selected(harness: &Harness<'static, IsnadApp>) -> Option<SpanId> {
    harness.state().view().expect("view").selected_span()
}

#[test]
fn link_a_claim_to_its_source_by_keyboard_then_undo_and_redo() {
    let mut harness = harness(None);
    let claim = tag(&mut harness, "يوم الأحد", "عمّان", Key::Num2);
    let source = tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num3);
    let before = harness.state().project().relation_count();

    click_span(&mut harness, claim, Modifiers::NONE);
    assert_eq!(selected(&harness), Some(claim));
    press(&mut harness, Modifiers::NONE, Key::R);
    assert_eq!(
        harness.state().view().expect("view").linking_from(),
        Some(claim)
    );
    assert!(
        harness
            .query_all_by_label_contains("Linking from the selected Claim: click the other span")
            .next()
            .is_some(),
        "the status bar says how to finish"
    );
    click_span(&mut harness, source, Modifiers::NONE);

    let relations = relations_of(&harness, claim);
    assert_eq!(relations.len(), 1, "exactly one relation");
    assert_eq!(relations[0].kind.as_str(), "attributed_to");
    assert_eq!((relations[0].head, relations[0].child), (claim, source));
    assert_eq!(harness.state().project().relation_count(), before + 1);
    assert_eq!(harness.state().view().expect("view").linking_from(), None);
    assert_eq!(selected(&harness), Some(claim), "the claim stays selected");

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(relations_of(&harness, claim).is_empty(), "undone");
    assert_eq!(harness.state().project().relation_count(), before);
    press(&mut harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(relations_of(&harness, claim).len(), 1, "redone");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    press(&mut harness, Modifiers::COMMAND, Key::Y);
    assert_eq!(
        relations_of(&harness, source),
        relations,
        "redone with Ctrl+Y"
    );
}

#[test]
fn link_mode_cancels_with_esc_and_says_why_when_no_type_fits() {
    let mut harness = harness(None);
    let first = tag(&mut harness, "يوم الأحد", "عمّان", Key::Num1);
    let second = tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num1);
    press(&mut harness, Modifiers::NONE, Key::R);
    assert_eq!(
        harness.state().view().expect("view").linking_from(),
        Some(second)
    );
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert_eq!(harness.state().view().expect("view").linking_from(), None);
    assert_eq!(
        selected(&harness),
        Some(second),
        "Esc only leaves link mode"
    );

    press(&mut harness, Modifiers::NONE, Key::R);
    click_span(&mut harness, first, Modifiers::NONE);
    assert!(relations_of(&harness, first).is_empty());
    assert_eq!(
        harness.state().notice(),
        Some("Not linked: No relation type links an Actor to an Actor")
    );

    // With nothing selected, R says what to do.
    press(&mut harness, Modifiers::NONE, Key::Escape);
    press(&mut harness, Modifiers::NONE, Key::R);
    assert!(
        harness
            .state()
            .notice()
            .expect("notice")
            .contains("Select a span first")
    );
}

#[test]
fn arrows_and_enter_pick_the_other_span_in_link_mode() {
    let mut harness = harness(None);
    let claim = tag(&mut harness, "يوم الأحد", "عمّان", Key::Num2);
    press(&mut harness, Modifiers::NONE, Key::R);
    // Step through the candidates until the minister (a source) comes up.
    let minister = span_at(
        &harness,
        find(&harness, "وزير الزراعة خالد العمري", "قال"),
        "source",
    );
    let mut found = false;
    for _ in 0..40 {
        press(&mut harness, Modifiers::NONE, Key::ArrowDown);
        if harness.state().view().expect("view").link_candidate() == Some(minister) {
            found = true;
            break;
        }
    }
    assert!(found, "the arrows reach the source");
    press(&mut harness, Modifiers::NONE, Key::Enter);
    let relations = relations_of(&harness, claim);
    assert_eq!(relations.len(), 1);
    assert_eq!((relations[0].head, relations[0].child), (claim, minister));
}

#[test]
fn ctrl_drag_from_a_source_to_an_actor_links_them() {
    let mut harness = harness(None);
    let actor = tag(&mut harness, "يوم الأحد", "عمّان", Key::Num1);
    let source = tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num3);
    let from = inside(&mut harness, source);
    let to = inside(&mut harness, actor);
    harness.event(egui::Event::ModifiersChanged(Modifiers::COMMAND));
    harness.hover_at(from);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::COMMAND,
    });
    harness.step();
    harness.hover_at(from.lerp(to, 0.5));
    harness.step();
    harness.hover_at(to);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::COMMAND,
    });
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.run_steps(2);
    let relations = relations_of(&harness, source);
    assert_eq!(relations.len(), 1, "{:?}", harness.state().notice());
    assert_eq!(relations[0].kind.as_str(), "speaks_for");
    assert_eq!((relations[0].head, relations[0].child), (source, actor));
    assert!(
        harness
            .state()
            .view()
            .expect("view")
            .selected_text()
            .is_empty(),
        "no text selected"
    );
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(relations_of(&harness, source).is_empty());
}

#[test]
fn the_panel_removes_a_relation_and_removing_a_linked_span_is_undone_with_its_relation() {
    let mut harness = harness(None);
    let claim = tag(&mut harness, "يوم الأحد", "عمّان", Key::Num2);
    let source = tag(&mut harness, "مؤتمر صحفي", "وأضاف", Key::Num3);
    press(&mut harness, Modifiers::NONE, Key::R);
    click_span(&mut harness, claim, Modifiers::NONE);
    let relation = relations_of(&harness, claim);
    assert_eq!(relation.len(), 1);
    assert_eq!((relation[0].head, relation[0].child), (claim, source));

    // The source's panel lists "← attributed to <the claim>"; clicking it selects the claim.
    harness.get_by_label("← attributed to يوم الأحد").click();
    harness.run_steps(3);
    assert_eq!(selected(&harness), Some(claim));
    harness
        .get_by_label("Remove relation attributed to → مؤتمر صحفي")
        .click();
    harness.run_steps(2);
    assert!(relations_of(&harness, claim).is_empty(), "removed");
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert_eq!(relations_of(&harness, claim), relation, "undo puts it back");

    // Removing the source takes the relation with it; one undo brings back both.
    select(&mut harness, source);
    press(&mut harness, Modifiers::NONE, Key::Delete);
    assert!(harness.state().project().span(source).is_none());
    assert!(relations_of(&harness, claim).is_empty());
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    assert!(harness.state().project().span(source).is_some());
    assert_eq!(relations_of(&harness, claim), relation);
}

#[test]
fn when_several_relation_types_fit_a_window_asks_which_by_number() {
    let mut schema = isnad::model::LabelSchema::default();
    schema
        .add_relation_type(RelationType {
            id: RelationTypeId::new("denied_by").expect("id"),
            name: "denied by".into(),
            heads: vec![LabelId::new("claim").expect("id")],
            children: vec![LabelId::new("source").expect("id")],
            description: "The source denies the claim".into(),
        })
        .expect("a new type");
    let mut project = isnad::model::Project::new(schema);
    isnad::model::markup::add_markup_document(
        &mut project,
        "قال [الوزير|source] إن [الأسعار لن ترتفع|claim] هذا العام.",
    )
    .expect("markup");
    let path = common::temp_file("two-types.isnad.ron", b"");
    isnad::io::project::save(&project, &path).expect("save");
    let mut harness = harness(Some(&path));
    let claim = span_at(&harness, find(&harness, "الأسعار لن ترتفع", "إن"), "claim");
    let source = span_at(&harness, find(&harness, "الوزير", "قال"), "source");

    select(&mut harness, source);
    press(&mut harness, Modifiers::NONE, Key::R);
    click_span(&mut harness, claim, Modifiers::NONE);
    assert!(harness.state().is_relation_picker_open());
    assert!(
        relations_of(&harness, claim).is_empty(),
        "nothing linked yet"
    );
    harness.get_by_label_contains("Claim denied by Source");
    let spans = harness.state().project().span_count();
    press(&mut harness, Modifiers::NONE, Key::Num2);
    assert!(!harness.state().is_relation_picker_open());
    let relations = relations_of(&harness, claim);
    assert_eq!(relations.len(), 1);
    assert_eq!(relations[0].kind.as_str(), "denied_by");
    assert_eq!((relations[0].head, relations[0].child), (claim, source));
    assert_eq!(
        harness
            .state()
            .project()
            .span(source)
            .expect("span")
            .label
            .as_str(),
        "source",
        "2 did not relabel"
    );
    assert_eq!(harness.state().project().span_count(), spans);

    // Esc cancels the question; the other type is still offered next time.
    press(&mut harness, Modifiers::NONE, Key::R);
    click_span(&mut harness, claim, Modifiers::NONE);
    assert!(
        !harness.state().is_relation_picker_open(),
        "only one type is left, so no question"
    );
    assert_eq!(relations_of(&harness, claim).len(), 2);
}
