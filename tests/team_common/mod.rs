//! Helpers shared by the team tests (agreement, adjudication): projects written in markup and
//! relations between their spans.
#![allow(dead_code)] // Each test file uses its own subset.

use isnad::model::markup::add_markup_document;
use isnad::model::{DocId, Project, Relation, RelationTypeId};

/// A project of one document per markup text (`[text|label]` spans).
pub fn project(docs: &[&str]) -> Project {
    let mut project = Project::default();
    for markup in docs {
        add_markup_document(&mut project, markup).expect("markup");
    }
    project
}

/// Links the spans of `doc` found by their (byte) start with a relation of `kind`.
pub fn relate(
    project: &mut Project,
    doc: DocId,
    kind: &str,
    head_start: usize,
    child_start: usize,
) {
    let find = |start: usize| {
        project
            .spans_of(doc)
            .iter()
            .find(|s| s.start == start)
            .expect("span at start")
            .id
    };
    let (head, child) = (find(head_start), find(child_start));
    let id = project.allocate_relation_id();
    let kind = RelationTypeId::new(kind).expect("kind");
    project
        .insert_relation(Relation::new(id, kind, head, child))
        .expect("relation");
}
