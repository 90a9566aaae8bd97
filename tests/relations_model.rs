//! Relations and span attributes: creating, retyping and deleting relations, the cascades of span,
//! label and document removal and of relabelling, undo and redo of all of it, and how the project
//! file stores and validates them.

use std::path::Path;

use isnad::command::{Edit, History};
use isnad::io::project::{self, ProjectError};
use isnad::model::markup::project_from_markup;
use isnad::model::{
    ABOUT, ACTOR, ATTRIBUTED_TO, AttributeDef, AttributeValue, CLAIM, DocId, LabelId, ModelError,
    Project, RelationType, RelationTypeId, SOURCE, SPEAKS_FOR, SpanId,
};

/// A claim, its source (a spokesman, inside which an actor) and the actor it is about.
const MARKUP: &str =
    "قال [الناطق باسم [الجيش|actor]|source] إن [[القوات|actor] انسحبت من المدينة|claim]";

fn setup() -> (Project, DocId) {
    project_from_markup(MARKUP).expect("markup")
}

fn kind(id: &str) -> RelationTypeId {
    RelationTypeId::new(id).expect("relation type id")
}

/// The span of `doc` with this label and text.
fn span(project: &Project, doc: DocId, label: &str, text: &str) -> SpanId {
    let full = project.document(doc).expect("doc").text();
    project
        .spans_of(doc)
        .iter()
        .find(|s| s.label.as_str() == label && &full[s.range()] == text)
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("no {label} «{text}»"))
}

struct Spans {
    claim: SpanId,
    source: SpanId,
    army: SpanId,
    forces: SpanId,
}

fn spans(project: &Project, doc: DocId) -> Spans {
    Spans {
        claim: span(project, doc, CLAIM, "القوات انسحبت من المدينة"),
        source: span(project, doc, SOURCE, "الناطق باسم الجيش"),
        army: span(project, doc, ACTOR, "الجيش"),
        forces: span(project, doc, ACTOR, "القوات"),
    }
}

/// Applies an edit through the history, panicking with the model's reason on failure.
fn apply(history: &mut History, project: &mut Project, edit: Edit) {
    history.apply(edit, project).expect("the edit applies");
}

#[test]
fn create_retype_delete_and_undo_relations() {
    let (mut project, doc) = setup();
    let s = spans(&project, doc);
    let original = project.clone();
    let mut history = History::new();

    let add = Edit::add_relation(&mut project, kind(ATTRIBUTED_TO), s.claim, s.source);
    apply(&mut history, &mut project, add);
    let add = Edit::add_relation(&mut project, kind(SPEAKS_FOR), s.source, s.army);
    apply(&mut history, &mut project, add);
    assert_eq!(project.relation_count(), 2);
    assert_eq!(project.relations_of_span(s.source).count(), 2);
    assert_eq!(project.relations_of_doc(doc).count(), 2);
    let attributed = project
        .find_relation(&kind(ATTRIBUTED_TO), s.claim, s.source)
        .expect("claim -> source");

    // The same link twice, a type that does not fit, a span to itself: refused, nothing changes.
    let before = project.clone();
    for (edit, check) in [
        (
            Edit::add_relation(&mut project, kind(ATTRIBUTED_TO), s.claim, s.source),
            "duplicate",
        ),
        (
            Edit::add_relation(&mut project, kind(ATTRIBUTED_TO), s.source, s.claim),
            "not allowed",
        ),
        (
            Edit::add_relation(&mut project, kind(ABOUT), s.claim, s.claim),
            "itself",
        ),
        (
            Edit::add_relation(&mut project, kind("rumour"), s.claim, s.source),
            "unknown type",
        ),
    ] {
        let error = history.apply(edit, &mut project).expect_err(check);
        let expected = match check {
            "duplicate" => {
                matches!(error, ModelError::DuplicateRelation { existing, .. } if existing == attributed)
            }
            "not allowed" => matches!(error, ModelError::RelationNotAllowed { .. }),
            "itself" => matches!(error, ModelError::RelationToItself { .. }),
            _ => matches!(error, ModelError::UnknownRelationType(_)),
        };
        assert!(expected, "{check}: {error:?}");
        assert_eq!(project, before.clone().with_counters_of(&project));
    }

    // Retype: claim -> forces as "about", then a retype that does not fit is refused.
    let about = Edit::add_relation(&mut project, kind(ABOUT), s.claim, s.forces);
    let Edit::AddRelation(ref relation) = about else {
        unreachable!("add_relation makes an AddRelation")
    };
    let about_id = relation.id;
    apply(&mut history, &mut project, about);
    assert!(
        history
            .apply(
                Edit::RetypeRelation {
                    id: about_id,
                    kind: kind(ATTRIBUTED_TO)
                },
                &mut project
            )
            .is_err(),
        "attributed_to cannot point at an actor"
    );

    // Retype attributed_to into a second Claim -> Source type, and back by undo.
    project
        .add_relation_type(RelationType {
            id: kind("quoted_from"),
            name: "quoted from".into(),
            heads: vec![LabelId::new(CLAIM).expect("id")],
            children: vec![LabelId::new(SOURCE).expect("id")],
            description: String::new(),
        })
        .expect("a new type");
    let retype = Edit::RetypeRelation {
        id: attributed,
        kind: kind("quoted_from"),
    };
    apply(&mut history, &mut project, retype);
    assert_eq!(
        project.relation(attributed).map(|r| r.kind.as_str()),
        Some("quoted_from")
    );
    history.undo(&mut project).expect("undo");
    assert_eq!(
        project.relation(attributed).map(|r| r.kind.as_str()),
        Some(ATTRIBUTED_TO)
    );

    // Delete a relation, undo, redo.
    apply(&mut history, &mut project, Edit::RemoveRelation(attributed));
    assert!(project.relation(attributed).is_none());
    history.undo(&mut project).expect("undo");
    assert_eq!(
        project.relation(attributed).map(|r| (r.head, r.child)),
        Some((s.claim, s.source))
    );
    history.redo(&mut project).expect("redo");
    assert_eq!(project.relation_count(), 2);

    while history.undo(&mut project).expect("undo") {}
    assert_eq!(project.relation_count(), 0);
    assert_eq!(project.spans_of(doc), original.spans_of(doc));
}

/// Test helper: equality up to the id counters (a refused edit may have taken an id).
trait WithCounters {
    fn with_counters_of(self, other: &Project) -> Project;
}

impl WithCounters for Project {
    fn with_counters_of(mut self, other: &Project) -> Project {
        while self.next_relation_id() < other.next_relation_id() {
            self.allocate_relation_id();
        }
        self
    }
}

fn linked() -> (Project, DocId, Spans, History) {
    let (mut project, doc) = setup();
    let s = spans(&project, doc);
    let mut history = History::new();
    for (k, head, child) in [
        (ATTRIBUTED_TO, s.claim, s.source),
        (ABOUT, s.claim, s.forces),
        (SPEAKS_FOR, s.source, s.army),
    ] {
        let edit = Edit::add_relation(&mut project, kind(k), head, child);
        apply(&mut history, &mut project, edit);
    }
    let edit = Edit::SetAttribute {
        span: s.source,
        name: "kind".into(),
        value: Some(AttributeValue::Choice("named_person".into())),
    };
    apply(&mut history, &mut project, edit);
    (project, doc, s, history)
}

#[test]
fn deleting_a_span_deletes_its_relations_and_undo_restores_both() {
    let (mut project, _doc, s, mut history) = linked();
    let before = project.clone();
    assert!(matches!(
        project.clone().remove_span(s.source),
        Err(ModelError::SpanHasRelations { count: 2, .. })
    ));
    apply(&mut history, &mut project, Edit::RemoveSpan(s.source));
    assert!(project.span(s.source).is_none());
    assert_eq!(project.relation_count(), 1, "only claim -> forces is left");
    assert_eq!(project.relations_of_span(s.claim).count(), 1);
    assert_eq!(project.relations_of_span(s.army).count(), 0);
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);
    history.redo(&mut project).expect("redo");
    assert_eq!(project.relation_count(), 1);
}

#[test]
fn removing_a_label_or_a_document_takes_the_relations_along_undoably() {
    let (mut project, doc, _s, mut history) = linked();
    let before = project.clone();
    apply(
        &mut history,
        &mut project,
        Edit::RemoveLabel(LabelId::new(ACTOR).expect("id")),
    );
    assert_eq!(project.relation_count(), 1, "attributed_to stays");
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);

    apply(&mut history, &mut project, Edit::RemoveDocument(doc));
    assert_eq!((project.relation_count(), project.span_count()), (0, 0));
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);
}

#[test]
fn relabelling_drops_what_the_new_label_cannot_hold_and_undo_brings_it_back() {
    let (mut project, _doc, s, mut history) = linked();
    let before = project.clone();
    // The source becomes an actor: it can no longer be attributed to, speak for anyone, or
    // have a `kind`.
    let relabel = Edit::RelabelSpan {
        id: s.source,
        label: LabelId::new(ACTOR).expect("id"),
    };
    apply(&mut history, &mut project, relabel);
    let relabelled = project.span(s.source).expect("still there");
    assert!(relabelled.attributes().is_empty());
    assert_eq!(project.relations_of_span(s.source).count(), 0);
    assert_eq!(project.relation_count(), 1);
    history.undo(&mut project).expect("undo");
    assert_eq!(project, before);
}

#[test]
fn attributes_must_be_declared_and_take_declared_values() {
    let (mut project, doc, s, mut history) = linked();
    let set = |span, name: &str, value| Edit::SetAttribute {
        span,
        name: name.into(),
        value,
    };
    let choice = |v: &str| Some(AttributeValue::Choice(v.into()));
    for (edit, what) in [
        (set(s.source, "kind", choice("rumour")), "undeclared value"),
        (
            set(s.source, "form", choice("paraphrase")),
            "claim's attribute on a source",
        ),
        (
            set(s.army, "kind", choice("anonymous")),
            "actors declare none",
        ),
        (
            set(s.claim, "form", Some(AttributeValue::Flag(true))),
            "wrong kind",
        ),
    ] {
        assert!(history.apply(edit, &mut project).is_err(), "{what}");
    }
    apply(
        &mut history,
        &mut project,
        set(s.claim, "form", choice("indirect_speech")),
    );
    apply(
        &mut history,
        &mut project,
        set(s.claim, "certainty", choice("denied")),
    );
    apply(&mut history, &mut project, set(s.claim, "certainty", None));
    let claim = project.span(s.claim).expect("claim");
    assert_eq!(claim.attributes().len(), 1);
    history.undo(&mut project).expect("undo");
    assert_eq!(
        project
            .span(s.claim)
            .expect("claim")
            .attributes()
            .get("certainty"),
        choice("denied").as_ref()
    );
    assert_eq!(project.spans_of(doc).len(), 4);
}

#[test]
fn relations_and_attributes_survive_the_project_file() {
    let (mut project, doc, s, mut history) = linked();
    // A schema with a yes/no and a free-text attribute too.
    let mut schema_label = project
        .schema()
        .get(&LabelId::new(ACTOR).expect("id"))
        .cloned()
        .expect("actor");
    schema_label.id = LabelId::new("event").expect("id");
    schema_label.name = "Event".into();
    schema_label.hotkey = Some('4');
    schema_label.attributes = vec![
        AttributeDef::flag("verified"),
        AttributeDef::text("comment"),
    ];
    let append = Edit::append_label(&project, schema_label);
    apply(&mut history, &mut project, append);
    let range = project.span(s.forces).expect("forces").range();
    let add = Edit::add_span(&mut project, doc, range, LabelId::new("event").expect("id"));
    let Edit::AddSpan(ref event) = add else {
        unreachable!()
    };
    let event = event.id;
    apply(&mut history, &mut project, add);
    for (name, value) in [
        ("verified", AttributeValue::Flag(false)),
        ("comment", AttributeValue::Text("قال \"ذلك\" أمس\n".into())),
    ] {
        let edit = Edit::SetAttribute {
            span: event,
            name: name.into(),
            value: Some(value),
        };
        apply(&mut history, &mut project, edit);
    }

    let path = Path::new("x.isnad.ron");
    let text = project::to_ron_string(&project, path).expect("encodes");
    let relation_lines: Vec<&str> = text
        .lines()
        .skip_while(|l| l.trim() != "relations: [")
        .filter(|l| l.trim_start().starts_with("(id:"))
        .collect();
    assert_eq!(relation_lines.len(), 3, "one relation per line:\n{text}");
    assert!(
        text.contains("attributes: {\"kind\": \"named_person\"}"),
        "{text}"
    );
    let loaded = project::from_ron_str(&text, path).expect("loads");
    assert_eq!(loaded, project);
    assert_eq!(
        project::to_ron_string(&loaded, path).expect("encodes"),
        text
    );
}

#[test]
fn version_1_files_get_the_default_types_and_attributes() {
    let (project, _doc) = setup();
    let text = project::to_ron_string(&project, Path::new("x")).expect("encodes");
    // What format 1 looked like: no relation fields, no attribute declarations.
    let v1: String = text
        .replacen("format_version: 3", "format_version: 1", 1)
        .lines()
        .filter(|l| !l.contains("next_relation_id") && !l.trim_start().starts_with("// document"))
        .map(|l| match l.find(", attributes: [") {
            Some(at) => format!("{}),", &l[..at]),
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let v1 = v1
        .split("    relation_types: [")
        .next()
        .map(str::to_owned)
        .zip(
            v1.split_once("    documents: [")
                .map(|(_, rest)| rest.to_owned()),
        )
        .map(|(head, rest)| format!("{head}    documents: [{rest}"))
        .expect("sections");
    let v1 = v1.replace("    ],\n    relations: [\n    ],\n)", "    ],\n)");
    assert!(
        !v1.contains("relation") && !v1.contains("attributes"),
        "{v1}"
    );
    let loaded =
        project::from_ron_str(&v1, Path::new("old.isnad.ron")).expect("a version 1 file loads");
    assert_eq!(
        loaded, project,
        "same labels, types and attributes as a new project"
    );
}

#[test]
fn broken_relations_and_attributes_are_reported_with_their_lines() {
    let (project, _doc, s, _history) = linked();
    let path = Path::new("broken.isnad.ron");
    let text = project::to_ron_string(&project, path).expect("encodes");
    let broken = text
        .replacen(
            &format!("head: {}, child: {}", s.claim.0, s.source.0),
            &format!("head: {}, child: 999", s.claim.0),
            1,
        )
        .replacen("kind: \"about\"", "kind: \"rumour\"", 1)
        .replacen(
            &format!(
                "kind: \"speaks_for\", head: {}, child: {}",
                s.source.0, s.army.0
            ),
            &format!(
                "kind: \"speaks_for\", head: {}, child: {}",
                s.army.0, s.source.0
            ),
            1,
        );
    let problems = |text: &str| match project::from_ron_str(text, path) {
        Err(ProjectError::Invalid { problems, .. }) => problems,
        other => panic!("{other:?}\n{text}"),
    };
    let found = problems(&broken);
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 3, "{shown:#?}");
    for (relation, expected) in [
        (1, "its end span 999 does not exist"),
        (2, "relation type “rumour” is not in the schema"),
        (
            3,
            "a \"speaks_for\" relation cannot go from a \"actor\" to a \"source\"",
        ),
    ] {
        let problem = found
            .iter()
            .find(|p| p.place.relation == Some(relation))
            .unwrap_or_else(|| panic!("relation {relation}: {shown:#?}"));
        assert_eq!(problem.message, expected);
        let line = problem.place.line.expect("a line");
        let line_text = broken.lines().nth(line - 1).expect("the line");
        assert!(
            line_text.contains(&format!("(id: {relation}, kind:")),
            "{line_text}"
        );
    }

    // An attribute value the label does not declare refuses the span; its relations are not
    // reported a second time.
    let found = problems(&text.replacen("\"named_person\"}", "\"alien\"}", 1));
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 1, "{shown:#?}");
    assert_eq!(found[0].place.span, Some(s.source.0));
    assert!(shown[0].contains("attribute “kind”"), "{shown:#?}");
}
