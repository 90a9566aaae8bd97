use std::time::{Duration, SystemTime};

use super::*;
use crate::model::markup::{add_markup_document, project_from_markup};
use crate::model::{DocId, DocumentStatus};

fn set_mtime(path: &Path, time: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open")
        .set_modified(time)
        .expect("set mtime");
}

fn two_documents() -> Project {
    let (mut project, _) = project_from_markup("[وصل مدربون|actor] عسكريون روس").expect("markup");
    add_markup_document(&mut project, "قال [المتحدث|actor] إن [الوفد وصل|claim]")
        .expect("second document");
    project
}

#[test]
fn the_recovery_file_is_hidden_beside_the_project() {
    assert_eq!(
        recovery_path(Path::new("/work/news/gaza.isnad.ron")),
        Path::new("/work/news/.gaza.isnad.ron.recovery")
    );
    assert_eq!(
        recovery_path(Path::new("p.isnad.ron")),
        Path::new(".p.isnad.ron.recovery")
    );
    assert_eq!(
        previous_path(Path::new("/a/.p.isnad.ron.recovery")),
        Path::new("/a/.p.isnad.ron.recovery.1")
    );
}

#[test]
fn unsaved_recoveries_are_named_by_kind_and_the_newest_is_found() {
    let dir = tempfile::tempdir().expect("temp dir");
    let untitled = unsaved_path(dir.path(), Unsaved::Untitled);
    let sample = unsaved_path(dir.path(), Unsaved::Sample);
    assert_eq!(Unsaved::of_file(&untitled), Some(Unsaved::Untitled));
    assert_eq!(Unsaved::of_file(&sample), Some(Unsaved::Sample));
    assert_eq!(Unsaved::of_file(Path::new("notes.txt")), None);
    assert_eq!(newest_unsaved(dir.path()), None);

    let project = two_documents();
    save(&project, &untitled).expect("write untitled");
    save(&project, &sample).expect("write sample");
    std::fs::write(dir.path().join("other.txt"), "x").expect("other file");
    let now = SystemTime::now();
    set_mtime(&untitled, now - Duration::from_secs(60));
    set_mtime(&sample, now);
    assert_eq!(newest_unsaved(dir.path()), Some(sample.clone()));
    set_mtime(&sample, now - Duration::from_secs(120));
    assert_eq!(newest_unsaved(dir.path()), Some(untitled));
}

#[test]
fn a_written_recovery_reads_back_as_the_same_project_and_is_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deep").join("folder").join("x.isnad.ron");
    let project = two_documents();
    let bytes = save(&project, &path).expect("save");
    assert_eq!(
        std::fs::metadata(&path).expect("file").len() as usize,
        bytes
    );
    assert_eq!(read(&path).expect("read"), project);
    // Same content as a real save.
    let text = project::to_ron_string(&project, &path).expect("ron");
    assert_eq!(std::fs::read_to_string(&path).expect("text"), text);
    // Nothing but the file itself is left in the folder (no temporary, no .bak).
    let names: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("x.isnad.ron")]);
    remove(&path).expect("remove");
    assert!(!path.exists());
    remove(&path).expect("removing twice is fine");
}

#[test]
fn a_broken_recovery_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(".p.isnad.ron.recovery");
    std::fs::write(&path, "(format_version: 1, labels: [").expect("write");
    let error = read(&path).expect_err("broken");
    assert!(
        error.to_string().contains(".p.isnad.ron.recovery"),
        "{error}"
    );
    assert!(path.exists(), "never deleted");
}

#[test]
fn only_a_newer_and_different_recovery_is_offered() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("p.isnad.ron");
    let project = two_documents();
    project::save(&project, &file).expect("save project");
    assert_eq!(find_for_project(&file).expect("find"), Found::Nothing);

    let recovery = recovery_path(&file);
    let mut edited = project.clone();
    edited
        .set_document_status(DocId(1), DocumentStatus::Done)
        .expect("status");
    save(&edited, &recovery).expect("save recovery");
    let now = SystemTime::now();
    set_mtime(&file, now - Duration::from_secs(30));
    set_mtime(&recovery, now);
    assert_eq!(
        find_for_project(&file).expect("find"),
        Found::Newer(recovery.clone())
    );

    // Saved after the autosave: the recovery is stale and ignored.
    set_mtime(&recovery, now - Duration::from_secs(60));
    assert_eq!(
        find_for_project(&file).expect("find"),
        Found::Stale(recovery.clone())
    );

    // Newer but byte for byte the project file: nothing to recover.
    save(&project, &recovery).expect("same content");
    set_mtime(&recovery, now);
    assert_eq!(
        find_for_project(&file).expect("find"),
        Found::Same(recovery)
    );
}

#[test]
fn the_diff_lists_added_removed_and_changed_documents_with_span_counts() {
    let file = two_documents();
    assert!(diff(&file, &file).is_empty());
    assert_eq!(diff(&file, &file).unchanged, 2);

    let mut recovered = file.clone();
    // Document 1: one span removed and marked done; document 2 removed; a third added.
    let first = recovered.spans_of(DocId(1))[0].id;
    recovered.remove_span(first).expect("remove span");
    recovered
        .set_document_status(DocId(1), DocumentStatus::Done)
        .expect("status");
    recovered.remove_document(DocId(2)).expect("remove doc");
    add_markup_document(&mut recovered, "[أمس|claim] والمجلس").expect("third");

    let summary = diff(&file, &recovered);
    assert_eq!(
        summary.removed,
        [file.document(DocId(2)).expect("2").title()]
    );
    assert_eq!(
        summary.added,
        [recovered.document(DocId(3)).expect("3").title()]
    );
    assert_eq!(summary.changed.len(), 1);
    let change = &summary.changed[0];
    assert_eq!((change.file_spans, change.recovered_spans), (1, 0));
    assert_eq!(
        (change.file_status, change.recovered_status),
        (DocumentStatus::New, DocumentStatus::Done)
    );
    assert!(!change.text_changed);
    assert_eq!(summary.unchanged, 0);
    assert_eq!((summary.file_spans, summary.recovered_spans), (3, 1));
    assert!(!summary.labels_changed);
}

#[test]
fn a_relation_alone_makes_a_document_changed() {
    let file = two_documents();
    let mut recovered = file.clone();
    let spans = recovered.spans_of(DocId(2)).to_vec();
    let (claim, actor) = (spans[1].id, spans[0].id);
    assert_eq!(
        recovered.span(claim).map(|s| s.label.as_str()),
        Some("claim")
    );
    let id = recovered.allocate_relation_id();
    let about = crate::model::RelationTypeId::new("about").expect("id");
    recovered
        .insert_relation(crate::model::Relation::new(id, about, claim, actor))
        .expect("claim about actor");
    let summary = diff(&file, &recovered);
    assert_eq!(summary.changed.len(), 1, "{summary:?}");
    let change = &summary.changed[0];
    assert_eq!((change.file_relations, change.recovered_relations), (0, 1));
    assert_eq!(
        (summary.file_relations, summary.recovered_relations),
        (0, 1)
    );
    assert_eq!((change.file_spans, change.recovered_spans), (2, 2));
}
