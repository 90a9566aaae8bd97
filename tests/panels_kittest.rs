//! The side panels driven like a person uses them: each returns `PanelAction`s, which these
//! tests collect (and, where it matters, apply through a `History` like the app does).

use egui::{Key, Modifiers, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::command::{Edit, History};
use isnad::model::PALETTE;
use isnad::model::markup::project_from_markup;
use isnad::model::{CLAIM, DocId, DocumentStatus, LabelField, LabelId, Project, SpanId};
use isnad::text::TextEngine;
use isnad::ui::{
    DocumentListState, LabelEditorState, PanelAction, SpanListState, document_list_ui,
    label_editor_ui, span_list_ui,
};

/// What the panels read and what they returned.
struct Panels {
    project: Project,
    history: History,
    engine: TextEngine,
    documents: DocumentListState,
    spans: SpanListState,
    labels: LabelEditorState,
    doc: DocId,
    selected: Option<SpanId>,
    actions: Vec<PanelAction>,
}

impl Panels {
    fn new(project: Project, doc: DocId) -> Self {
        Self {
            project,
            history: History::new(),
            engine: TextEngine::new(),
            documents: DocumentListState::new(),
            spans: SpanListState::new(),
            labels: LabelEditorState::new(),
            doc,
            selected: None,
            actions: Vec::new(),
        }
    }

    /// The edits returned so far.
    fn edits(&self) -> Vec<Edit> {
        self.actions
            .iter()
            .filter_map(|a| a.edit().cloned())
            .collect()
    }

    /// Applies the edits returned so far, as the app does after a frame.
    fn apply_edits(&mut self) {
        for action in std::mem::take(&mut self.actions) {
            match action {
                PanelAction::Edit(edit) => self.history.apply(edit, &mut self.project),
                PanelAction::EditMerging(edit, key) => {
                    self.history.apply_merging(edit, key, &mut self.project)
                }
                _ => Ok(()),
            }
            .expect("the panels only return valid edits");
        }
    }
}

fn harness(panels: Panels, show: fn(&mut egui::Ui, &mut Panels)) -> Harness<'static, Panels> {
    let mut harness = Harness::builder()
        .with_size([700.0, 500.0])
        .build_ui_state(show, panels);
    harness.run();
    harness
}

fn show_documents(ui: &mut egui::Ui, s: &mut Panels) {
    let revision = s.history.revision();
    let actions = document_list_ui(
        ui,
        &mut s.engine,
        &mut s.documents,
        &s.project,
        revision,
        Some(s.doc),
    );
    s.actions.extend(actions);
}

fn show_spans(ui: &mut egui::Ui, s: &mut Panels) {
    let revision = s.history.revision();
    let actions = span_list_ui(
        ui,
        &mut s.engine,
        &mut s.spans,
        &s.project,
        s.doc,
        revision,
        s.selected,
    );
    s.actions.extend(actions);
}

fn show_labels(ui: &mut egui::Ui, s: &mut Panels) {
    let actions = label_editor_ui(ui, &mut s.labels, &s.project);
    s.actions.extend(actions);
}

/// A project of `n` documents titled "Article 1", "Article 2", ... plus an Arabic one first.
fn project_with_documents(n: usize) -> (Project, DocId) {
    let (mut project, doc) =
        project_from_markup("[وصل مدربون|actor] عسكريون روس إلى [النيجر|actor]").expect("markup");
    let mut history = History::new();
    for i in 1..=n {
        let edit = Edit::add_document(&mut project, format!("Article {i}"), None, "نص المقال");
        history.apply(edit, &mut project).expect("add document");
    }
    (project, doc)
}

const SPANS: &str =
    "[قال المتحدث|source] إن [المدربين|actor] [وصلوا أمس|claim] و[الجيش|actor] [رحّب بهم|claim]";

#[test]
fn clicking_a_document_row_opens_it() {
    let (project, first) = project_with_documents(3);
    let second = DocId(first.0 + 2);
    let mut harness = harness(Panels::new(project, first), show_documents);
    harness
        .get_by_role_and_label(Role::Button, "Article 2")
        .click();
    harness.run();
    assert_eq!(harness.state().actions, [PanelAction::OpenDocument(second)]);
    assert!(harness.state().edits().is_empty());

    harness.get_by_label("Add articles…").click();
    harness.run();
    assert_eq!(
        harness.state().actions.last(),
        Some(&PanelAction::AddArticles)
    );
}

#[test]
fn clicking_the_status_badge_sets_the_next_status() {
    let (project, first) = project_with_documents(2);
    let doc = DocId(first.0 + 1);
    let mut harness = harness(Panels::new(project, first), show_documents);
    harness.get_by_label("Status of Article 1: New").click();
    harness.run();
    let expected = Edit::SetDocumentStatus {
        doc,
        status: DocumentStatus::InProgress,
    };
    assert_eq!(harness.state().actions, [PanelAction::Edit(expected)]);

    harness.state_mut().apply_edits();
    harness.run();
    harness
        .get_by_label("Status of Article 1: In progress")
        .click();
    harness.run();
    assert_eq!(
        harness.state().edits(),
        [Edit::SetDocumentStatus {
            doc,
            status: DocumentStatus::Done
        }]
    );
}

#[test]
fn a_thousand_documents_build_only_the_visible_rows() {
    let (project, first) = project_with_documents(1000);
    let harness = harness(Panels::new(project, first), show_documents);
    assert!(harness.query_by_label("Article 1").is_some());
    assert!(harness.query_by_label("Article 500").is_none());
    let shaped = harness.state().engine.short_text.shape_count();
    assert!(shaped < 40, "shaped {shaped} titles for one screen");
}

#[test]
fn the_label_filter_hides_rows_and_a_click_reveals_the_span() {
    let (project, doc) = project_from_markup(SPANS).expect("markup");
    let claim_rows = |h: &Harness<'_, Panels>| h.query_all_by_label_contains("Claim: ").count();
    let actor = project
        .spans_of(doc)
        .iter()
        .find(|s| &project.document(doc).expect("doc").text()[s.range()] == "الجيش")
        .expect("actor span")
        .id;
    let mut harness = harness(Panels::new(project, doc), show_spans);
    assert_eq!(claim_rows(&harness), 2);
    assert_eq!(harness.state().spans.row_count(), 5);

    harness
        .get_by_role_and_label(Role::CheckBox, "Claim")
        .click();
    harness.run();
    assert_eq!(claim_rows(&harness), 0, "claims hidden");
    assert_eq!(harness.state().spans.row_count(), 3);
    assert!(harness.state().actions.is_empty());

    harness.get_by_label_contains("Actor: الجيش").click();
    harness.run();
    assert_eq!(harness.state().actions, [PanelAction::RevealSpan(actor)]);

    harness
        .get_by_role_and_label(Role::CheckBox, "Claim")
        .click();
    harness.run();
    assert_eq!(claim_rows(&harness), 2, "claims shown again");
}

#[test]
fn span_rows_show_code_point_offsets() {
    let (project, doc) = project_from_markup(SPANS).expect("markup");
    let harness = harness(Panels::new(project, doc), show_spans);
    // "قال المتحدث" is 11 code points (21 bytes) at the start.
    harness.get_by_label("Source: قال المتحدث (0–11)");
}

#[test]
fn ten_thousand_spans_build_only_the_visible_rows() {
    let words = vec!["كلمة"; 10_000].join(" ");
    let (mut project, doc) = project_from_markup(&words).expect("markup");
    let mut history = History::new();
    let step = "كلمة ".len();
    let edits: Vec<Edit> = (0..10_000)
        .map(|i| {
            let start = i * step;
            let label = LabelId::new(if i % 2 == 0 { "actor" } else { "claim" }).expect("id");
            Edit::add_span(&mut project, doc, start..start + "كلمة".len(), label)
        })
        .collect();
    history
        .apply(Edit::Batch(edits), &mut project)
        .expect("spans");
    let mut panels = Panels::new(project, doc);
    panels.history = history;
    let mut harness = harness(panels, show_spans);
    assert_eq!(harness.state().spans.row_count(), 10_000);
    let rows = harness.query_all_by_label_contains("Actor: كلمة").count();
    assert!((1..60).contains(&rows), "{rows} rows built");
    assert!(harness.state().engine.short_text.shape_count() < 20);

    // Selecting a span far down scrolls the list to it.
    let far = harness.state().project.spans_of(doc)[9_000].id;
    harness.state_mut().selected = Some(far);
    harness.run();
    let label = format!("Actor: كلمة ({}–{})", 9_000 * 5, 9_000 * 5 + 4);
    harness.get_by_label(&label);
}

#[test]
fn renaming_a_label_commits_one_edit_on_enter() {
    let (project, doc) = project_from_markup(SPANS).expect("markup");
    let mut harness = harness(Panels::new(project, doc), show_labels);
    harness.get_by_label("Name of Claim").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Name of Claim").type_text("Assertion");
    harness.run();
    assert!(harness.state().actions.is_empty(), "nothing per keystroke");
    harness.key_press(Key::Enter);
    harness.run();
    let claim = LabelId::new(CLAIM).expect("id");
    assert_eq!(
        harness.state().edits(),
        [Edit::UpdateLabel {
            id: claim.clone(),
            field: LabelField::Name("Assertion".to_owned()),
        }]
    );
    harness.state_mut().apply_edits();
    harness.run();
    let project = &harness.state().project;
    assert_eq!(
        project.schema().get(&claim).expect("claim").name,
        "Assertion"
    );
    harness.get_by_label("Name of Assertion");
}

#[test]
fn removing_a_used_label_asks_first() {
    let (project, doc) = project_from_markup(SPANS).expect("markup");
    let mut harness = harness(Panels::new(project, doc), show_labels);

    harness.get_by_label("Remove Claim").click();
    harness.run();
    assert!(harness.state().actions.is_empty(), "asks before removing");
    harness.get_by_label("Remove label Claim and its 2 spans?");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().actions.is_empty(), "cancelled");
    assert!(!harness.state().labels.is_confirming_removal());

    harness.get_by_label("Remove Claim").click();
    harness.run();
    harness.get_by_label("Remove").click();
    harness.run();
    let claim = LabelId::new(CLAIM).expect("id");
    assert_eq!(harness.state().edits(), [Edit::RemoveLabel(claim.clone())]);
    harness.state_mut().apply_edits();
    harness.run();
    assert!(!harness.state().project.schema().contains(&claim));
    assert!(harness.query_by_label("Remove Claim").is_none());
}

#[test]
fn adding_a_label_takes_a_fresh_id_the_next_colour_and_a_free_key() {
    let (project, doc) = project_from_markup(SPANS).expect("markup");
    let mut harness = harness(Panels::new(project, doc), show_labels);
    harness.get_by_label("New label name").focus();
    harness.run();
    harness
        .get_by_label("New label name")
        .type_text("Named entity");
    harness.run();
    harness.get_by_label("Add label").click();
    harness.run();
    let edits = harness.state().edits();
    let [
        Edit::AddLabel {
            index,
            label,
            spans,
        },
    ] = edits.as_slice()
    else {
        panic!("expected one AddLabel, got {:?}", harness.state().actions);
    };
    assert_eq!((*index, spans.len()), (3, 0));
    assert_eq!(label.id.as_str(), "named-entity");
    assert_eq!(label.name, "Named entity");
    assert_eq!(label.colour, PALETTE[3]);
    assert_eq!(label.hotkey, Some('4'));
}
