//! Atomic saving: the previous version is kept as `.bak`, and a failed save changes nothing.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use isnad::io::project::{self, ProjectError, backup_path};
use isnad::model::markup::project_from_markup;
use isnad::model::{ACTOR, LabelId};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn second_save_keeps_the_first_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.isnad.ron");
    let (mut p, doc) = project_from_markup("[الرئيس|actor] قال").unwrap();
    project::save(&p, &path).unwrap();
    assert_eq!(names_in(dir.path()), ["news.isnad.ron"]);
    let first = std::fs::read(&path).unwrap();

    let id = p.spans_of(doc)[0].id;
    p.set_span_note(id, Some("v2".into())).unwrap();
    project::save(&p, &path).unwrap();
    assert_eq!(backup_path(&path), dir.path().join("news.isnad.ron.bak"));
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), first);
    assert_eq!(project::load(&path).unwrap(), p);
    assert_eq!(
        names_in(dir.path()),
        ["news.isnad.ron", "news.isnad.ron.bak"]
    );

    let second = std::fs::read(&path).unwrap();
    p.remove_label(&LabelId::new(ACTOR).unwrap()).unwrap();
    project::save(&p, &path).unwrap();
    assert_eq!(std::fs::read(backup_path(&path)).unwrap(), second);
}

#[test]
fn saving_into_a_missing_folder_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing").join("news.isnad.ron");
    let (p, _) = project_from_markup("[أ|actor]").unwrap();
    let error = project::save(&p, &path).unwrap_err();
    assert!(matches!(error, ProjectError::Write { .. }), "{error:?}");
    assert!(error.to_string().contains(&path.display().to_string()));
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_failed_save_leaves_the_existing_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.isnad.ron");
    let (mut p, doc) = project_from_markup("[أ|actor] ب").unwrap();
    project::save(&p, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A folder where the backup should go makes the save fail after the new text was written.
    std::fs::create_dir(backup_path(&path)).unwrap();
    std::fs::write(backup_path(&path).join("keep"), b"x").unwrap();
    let id = p.spans_of(doc)[0].id;
    p.set_span_note(id, Some("changed".into())).unwrap();
    let error = project::save(&p, &path).unwrap_err();
    assert!(matches!(error, ProjectError::Write { .. }), "{error:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        names_in(dir.path()),
        ["news.isnad.ron", "news.isnad.ron.bak"],
        "no temporary file left"
    );

    // A target that is a folder is refused too.
    let folder = dir.path().join("folder.isnad.ron");
    std::fs::create_dir(&folder).unwrap();
    assert!(matches!(
        project::save(&p, &folder),
        Err(ProjectError::Write { .. })
    ));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.isnad.ron");
    let (p, _) = project_from_markup("[أ|actor] ب").unwrap();
    project::save(&p, &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root ignores permissions: then there is nothing to test here.
    let probe = dir.path().join("probe");
    let writable = std::fs::write(&probe, b"").is_ok();
    if !writable {
        let error = project::save(&p, &path).unwrap_err();
        assert!(matches!(error, ProjectError::Write { .. }), "{error:?}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(names_in(dir.path()), ["news.isnad.ron"]);
    }
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}
