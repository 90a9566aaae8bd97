//! Edits, undo/redo, gesture coalescing and dirty tracking.
#![allow(clippy::unwrap_used)]

use isnad::command::{Edit, History, MergeKey};
use isnad::model::markup::{markup_of, project_from_markup};
use isnad::model::{
    ACTOR, CLAIM, DocumentStatus, Label, LabelField, LabelId, ModelError, Project, Rgb, SOURCE,
};

fn label(id: &str) -> LabelId {
    LabelId::new(id).unwrap()
}

fn range_of(project: &Project, doc: isnad::model::DocId, needle: &str) -> std::ops::Range<usize> {
    let text = project.document(doc).unwrap().text();
    let start = text.find(needle).unwrap();
    start..start + needle.len()
}

#[test]
fn add_relabel_move_remove_undo_redo() {
    let (mut project, doc) = project_from_markup("قال الوزير إن الوفد وصل").unwrap();
    let mut history = History::new();
    let original = project.clone();

    let range = range_of(&project, doc, "الوزير");
    let add = Edit::add_span(&mut project, doc, range, label(ACTOR));
    let Edit::AddSpan(ref span) = add else {
        unreachable!()
    };
    let id = span.id;
    history.apply(add, &mut project).unwrap();
    assert_eq!(markup_of(&project, doc), "قال [الوزير|actor] إن الوفد وصل");

    history
        .apply(
            Edit::RelabelSpan {
                id,
                label: label(SOURCE),
            },
            &mut project,
        )
        .unwrap();
    assert_eq!(markup_of(&project, doc), "قال [الوزير|source] إن الوفد وصل");

    let wider = range_of(&project, doc, "الوزير إن");
    history
        .apply(Edit::SetSpanRange { id, range: wider }, &mut project)
        .unwrap();
    assert_eq!(markup_of(&project, doc), "قال [الوزير إن|source] الوفد وصل");

    history
        .apply(
            Edit::SetNote {
                id,
                note: Some("مصدر رسمي".into()),
            },
            &mut project,
        )
        .unwrap();
    assert_eq!(
        project.span(id).unwrap().note().as_deref(),
        Some("مصدر رسمي")
    );
    history.apply(Edit::RemoveSpan(id), &mut project).unwrap();
    assert_eq!(markup_of(&project, doc), "قال الوزير إن الوفد وصل");

    let expected = [
        "قال [الوزير إن|source] الوفد وصل",
        "قال [الوزير إن|source] الوفد وصل",
        "قال [الوزير|source] إن الوفد وصل",
        "قال [الوزير|actor] إن الوفد وصل",
        "قال الوزير إن الوفد وصل",
    ];
    for markup in expected {
        assert!(history.undo(&mut project).unwrap());
        assert_eq!(markup_of(&project, doc), markup);
    }
    assert_eq!(project, original_with_counters(&original, &project));
    assert!(!history.undo(&mut project).unwrap());
    for markup in expected.iter().rev().skip(1) {
        assert!(history.redo(&mut project).unwrap());
        assert_eq!(markup_of(&project, doc), *markup);
    }
    assert_eq!(
        project.span(id).unwrap().note().as_deref(),
        Some("مصدر رسمي")
    );
    assert!(history.redo(&mut project).unwrap());
    assert!(!history.redo(&mut project).unwrap());
}

/// The original project, with the id counters the edited one has (ids are never given back).
fn original_with_counters(original: &Project, edited: &Project) -> Project {
    let mut p = original.clone();
    while p.next_span_id() < edited.next_span_id() {
        p.allocate_span_id();
    }
    p
}

#[test]
fn a_new_edit_clears_redo() {
    let (mut project, doc) = project_from_markup("[أ|actor] ب ت").unwrap();
    let mut history = History::new();
    let id = project.spans_of(doc)[0].id;
    history
        .apply(
            Edit::RelabelSpan {
                id,
                label: label(CLAIM),
            },
            &mut project,
        )
        .unwrap();
    history.undo(&mut project).unwrap();
    assert!(history.can_redo());
    history
        .apply(
            Edit::SetNote {
                id,
                note: Some("x".into()),
            },
            &mut project,
        )
        .unwrap();
    assert!(!history.can_redo());
}

#[test]
fn removing_a_label_removes_its_spans_and_undo_restores_both() {
    let (mut project, doc) =
        project_from_markup("[[المتحدث|actor] قال|claim] إن [الجيش|actor] [انسحب|claim]").unwrap();
    let mut history = History::new();
    let before = project.clone();
    history
        .apply(Edit::RemoveLabel(label(ACTOR)), &mut project)
        .unwrap();
    assert_eq!(
        markup_of(&project, doc),
        "[المتحدث قال|claim] إن الجيش [انسحب|claim]"
    );
    assert!(project.schema().get(&label(ACTOR)).is_none());
    history.undo(&mut project).unwrap();
    assert_eq!(project, before);
    assert_eq!(project.schema().labels()[0].id, label(ACTOR));
    history.redo(&mut project).unwrap();
    assert_eq!(project.label_usage(&label(ACTOR)), 0);
}

#[test]
fn label_edits_never_touch_spans() {
    let (mut project, doc) = project_from_markup("[أ|actor]").unwrap();
    let mut history = History::new();
    let spans = project.spans_of(doc).to_vec();
    history
        .apply(
            Edit::UpdateLabel {
                id: label(ACTOR),
                field: LabelField::Name("فاعل".into()),
            },
            &mut project,
        )
        .unwrap();
    history
        .apply(
            Edit::UpdateLabel {
                id: label(ACTOR),
                field: LabelField::Colour(Rgb::new(1, 2, 3)),
            },
            &mut project,
        )
        .unwrap();
    assert_eq!(project.spans_of(doc), spans.as_slice());
    let clash = Edit::UpdateLabel {
        id: label(ACTOR),
        field: LabelField::Hotkey(Some('2')),
    };
    assert!(matches!(
        history.apply(clash, &mut project),
        Err(ModelError::DuplicateHotkey { .. })
    ));
    let new_label = Label {
        id: label("event"),
        name: "Event".into(),
        colour: Rgb::new(0xCC, 0x79, 0xA7),
        hotkey: Some('4'),
        description: "Something that happened".into(),
        attributes: Vec::new(),
    };
    history
        .apply(Edit::append_label(&project, new_label), &mut project)
        .unwrap();
    assert_eq!(project.schema().len(), 4);
    history.undo(&mut project).unwrap();
    history.undo(&mut project).unwrap();
    history.undo(&mut project).unwrap();
    assert_eq!(project.schema().get(&label(ACTOR)).unwrap().name, "Actor");
    assert_eq!(project.schema().len(), 3);
}

#[test]
fn documents_add_remove_and_status() {
    let (mut project, doc) = project_from_markup("[أ|actor] ب").unwrap();
    let mut history = History::new();
    let before = project.clone();
    history
        .apply(
            Edit::SetDocumentStatus {
                doc,
                status: DocumentStatus::Done,
            },
            &mut project,
        )
        .unwrap();
    history
        .apply(Edit::RemoveDocument(doc), &mut project)
        .unwrap();
    assert_eq!(project.document_count(), 0);
    assert_eq!(project.span_count(), 0);
    let add = Edit::add_document(&mut project, "خبر", Some("a.txt".into()), "نص جديد");
    history.apply(add, &mut project).unwrap();
    assert_eq!(project.document_count(), 1);
    for _ in 0..3 {
        history.undo(&mut project).unwrap();
    }
    assert_eq!(project.spans_of(doc), before.spans_of(doc));
    assert_eq!(project.document(doc), before.document(doc));
}

#[test]
fn a_failed_batch_changes_nothing() {
    let (mut project, doc) = project_from_markup("[أ|actor] ب ت").unwrap();
    let id = project.spans_of(doc)[0].id;
    let before = project.clone();
    let batch = Edit::Batch(vec![
        Edit::RelabelSpan {
            id,
            label: label(CLAIM),
        },
        Edit::SetNote {
            id,
            note: Some("n".into()),
        },
        Edit::RelabelSpan {
            id,
            label: label("missing"),
        },
    ]);
    assert!(matches!(
        batch.apply(&mut project),
        Err(ModelError::UnknownLabel(_))
    ));
    assert_eq!(project, before);
    let good = Edit::Batch(vec![
        Edit::RelabelSpan {
            id,
            label: label(CLAIM),
        },
        Edit::SetNote {
            id,
            note: Some("n".into()),
        },
    ]);
    let inverse = good.apply(&mut project).unwrap();
    inverse.apply(&mut project).unwrap();
    assert_eq!(project, before);
}

#[test]
fn a_drag_gesture_is_one_undo_step() {
    let (mut project, doc) = project_from_markup("[أ|actor]بتثجحخ").unwrap();
    let id = project.spans_of(doc)[0].id;
    let mut history = History::new();
    let key = MergeKey(id.0);
    let text_len = project.document(doc).unwrap().text().len();
    for end in (4..=text_len).step_by(2) {
        history
            .apply_merging(Edit::SetSpanRange { id, range: 0..end }, key, &mut project)
            .unwrap();
    }
    assert_eq!(markup_of(&project, doc), "[أبتثجحخ|actor]");
    assert_eq!(history.undo_len(), 1);
    history.undo(&mut project).unwrap();
    assert_eq!(markup_of(&project, doc), "[أ|actor]بتثجحخ");
    history.redo(&mut project).unwrap();
    assert_eq!(markup_of(&project, doc), "[أبتثجحخ|actor]");

    // A second drag after end_merge is a separate step, and mixed edits merge correctly too.
    history.end_merge();
    history
        .apply_merging(Edit::SetSpanRange { id, range: 0..4 }, key, &mut project)
        .unwrap();
    history
        .apply_merging(
            Edit::RelabelSpan {
                id,
                label: label(CLAIM),
            },
            key,
            &mut project,
        )
        .unwrap();
    history
        .apply_merging(Edit::SetSpanRange { id, range: 2..6 }, key, &mut project)
        .unwrap();
    assert_eq!(markup_of(&project, doc), "أ[بت|claim]ثجحخ");
    assert_eq!(history.undo_len(), 2);
    history.undo(&mut project).unwrap();
    assert_eq!(markup_of(&project, doc), "[أبتثجحخ|actor]");
    history.undo(&mut project).unwrap();
    assert_eq!(markup_of(&project, doc), "[أ|actor]بتثجحخ");
}

#[test]
fn dirty_tracking_survives_undo_back_to_the_saved_state() {
    let (mut project, doc) = project_from_markup("[أ|actor] ب").unwrap();
    let id = project.spans_of(doc)[0].id;
    let mut history = History::new();
    assert!(!history.is_dirty());
    history
        .apply(
            Edit::RelabelSpan {
                id,
                label: label(CLAIM),
            },
            &mut project,
        )
        .unwrap();
    assert!(history.is_dirty());
    history.mark_saved();
    assert!(!history.is_dirty());
    history
        .apply(
            Edit::RelabelSpan {
                id,
                label: label(SOURCE),
            },
            &mut project,
        )
        .unwrap();
    assert!(history.is_dirty());
    history.undo(&mut project).unwrap();
    assert!(!history.is_dirty(), "back at the saved state");
    history.undo(&mut project).unwrap();
    assert!(history.is_dirty(), "before the saved state");
    history.redo(&mut project).unwrap();
    assert!(!history.is_dirty());
    // Saving ends the gesture; a later edit with the same key is dirty again.
    history
        .apply_merging(
            Edit::SetNote {
                id,
                note: Some("a".into()),
            },
            MergeKey(1),
            &mut project,
        )
        .unwrap();
    history.mark_saved();
    history
        .apply_merging(
            Edit::SetNote {
                id,
                note: Some("b".into()),
            },
            MergeKey(1),
            &mut project,
        )
        .unwrap();
    assert!(history.is_dirty());
    // A new edit after undoing past the save point can never come back to it.
    history.undo(&mut project).unwrap();
    history
        .apply(
            Edit::SetNote {
                id,
                note: Some("c".into()),
            },
            &mut project,
        )
        .unwrap();
    assert!(history.is_dirty());
}

#[test]
fn undo_and_redo_restore_the_selection_each_change_was_made_with_and_name_it() {
    use isnad::command::SavedSelection;
    let (mut project, doc) = project_from_markup("قال الوزير إن الوفد وصل").unwrap();
    let mut history = History::new();
    let range = range_of(&project, doc, "الوزير");
    let typed = SavedSelection {
        doc,
        range: range.clone(),
        span: None,
    };
    history.set_selection(Some(typed.clone()));
    let add = Edit::add_span(&mut project, doc, range.clone(), label(ACTOR));
    let Edit::AddSpan(ref span) = add else {
        unreachable!()
    };
    let id = span.id;
    history.apply(add, &mut project).unwrap();
    assert_eq!(history.undo_name(), Some("add span"));
    assert_eq!(history.redo_name(), None);

    // After the edit the app selects the new span; undo goes back to the selected text.
    let after = SavedSelection {
        doc,
        range: range.start..range.start,
        span: Some(id),
    };
    history.set_selection(Some(after.clone()));
    assert!(history.undo(&mut project).unwrap());
    assert_eq!(history.restored_selection(), Some(&typed));
    assert_eq!(history.redo_name(), Some("add span"));
    assert_eq!(history.undo_name(), None);

    // Redo restores the selection the user had when undoing (the new span).
    history.set_selection(Some(typed.clone()));
    assert!(history.redo(&mut project).unwrap());
    assert_eq!(history.restored_selection(), Some(&after));
}

#[test]
fn no_two_histories_share_a_revision() {
    // A project reopened from disk gets a new history: caches keyed by revision must not take it
    // for the old project.
    let (mut p, doc) = project_from_markup("[الرئيس|actor] قال").expect("markup");
    let mut first = History::new();
    let opened = first.revision();
    let id = p.spans_of(doc)[0].id;
    first
        .apply(isnad::command::Edit::RemoveSpan(id), &mut p)
        .expect("remove");
    let edited = first.revision();
    let second = History::new();
    assert_ne!(second.revision(), opened);
    assert_ne!(second.revision(), edited);
    assert!(!second.is_dirty());
}

#[test]
fn guidelines_edit_is_one_undo_step_with_its_inverse() {
    let (mut project, _) = project_from_markup("[أ|actor] ب ت").unwrap();
    let mut history = History::new();
    let first = "# إرشادات\n\n## Actor\n\nمن يتكلم".to_owned();
    history
        .apply(Edit::SetGuidelines(first.clone()), &mut project)
        .unwrap();
    assert_eq!(project.guidelines(), first);
    history
        .apply(Edit::SetGuidelines("أخرى".into()), &mut project)
        .unwrap();
    history.undo(&mut project).unwrap();
    assert_eq!(project.guidelines(), first);
    history.undo(&mut project).unwrap();
    assert_eq!(project.guidelines(), "");
    history.redo(&mut project).unwrap();
    assert_eq!(project.guidelines(), first);
    // The inverse of an edit is the edit that restores the text it replaced.
    let inverse = Edit::SetGuidelines("x".into()).apply(&mut project).unwrap();
    assert_eq!(inverse, Edit::SetGuidelines(first));
}
