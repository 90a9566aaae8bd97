//! What a save refuses, and what it follows: a file changed on disk since it was loaded (the lost
//! update), a file larger than the loader opens (one limit for both), a symbolic link (followed),
//! a `.bak` that is a folder, an over-long name; and what the messages say about the file left on
//! disk.

use std::path::Path;

use isnad::cli::{CliError, add_to_project, new_project};
use isnad::io::project::{
    self, OnDisk, ProjectError, WriteFault, backup_path, inject_size_limit, inject_write_fault,
};
use isnad::model::Project;
use isnad::model::markup::project_from_markup;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn project(markup: &str) -> Project {
    project_from_markup(markup).expect("markup").0
}

#[test]
fn a_save_refuses_to_replace_a_file_changed_since_it_was_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("news.isnad.ron");
    project::save(&project("[الرئيس|actor] قال"), &path).expect("save");
    let (mine, loaded) = project::load_identified(&path).expect("load");

    // Another program saves its version meanwhile.
    project::save(&project("[الوزير|actor] أكد"), &path).expect("theirs");
    let theirs = std::fs::read(&path).expect("read");
    let their_backup = std::fs::read(backup_path(&path)).expect("read bak");

    let error = project::save_checked(&mine, &path, OnDisk::Version(&loaded))
        .expect_err("their work would be lost");
    assert!(
        matches!(error, ProjectError::ChangedOnDisk { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("another program changed or removed"),
        "{message}"
    );
    assert!(
        message.contains("The file on disk is unchanged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), theirs);
    assert_eq!(
        std::fs::read(backup_path(&path)).expect("read bak"),
        their_backup
    );
    assert_eq!(
        names_in(dir.path()),
        ["news.isnad.ron", "news.isnad.ron.bak"]
    );

    // The same bytes written again (a touch, a checkout of the same version) are not a change.
    let (mine, loaded) = project::load_identified(&path).expect("load");
    let copy = dir.path().join("copy");
    std::fs::write(&copy, &theirs).expect("write");
    std::fs::rename(&copy, &path).expect("rename");
    project::save_checked(&mine, &path, OnDisk::Version(&loaded)).expect("a touch is no change");

    // Removed meanwhile: not recreated behind the remover's back.
    let (mine, loaded) = project::load_identified(&path).expect("load");
    std::fs::remove_file(&path).expect("remove");
    let error = project::save_checked(&mine, &path, OnDisk::Version(&loaded)).expect_err("gone");
    assert!(
        matches!(error, ProjectError::ChangedOnDisk { .. }),
        "{error:?}"
    );
    assert!(!path.exists());
    // And a new file is never saved over one that appeared.
    std::fs::write(&path, b"someone else's").expect("write");
    let error = project::save_checked(&mine, &path, OnDisk::Nothing).expect_err("appeared");
    assert!(
        matches!(error, ProjectError::ChangedOnDisk { .. }),
        "{error:?}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), b"someone else's");
}

#[test]
fn a_project_larger_than_the_loader_opens_is_refused_before_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("news.isnad.ron");
    let small = project("[الرئيس|actor] قال");
    project::save(&small, &path).expect("save");
    let before = std::fs::read(&path).expect("read");
    let limit = before.len() as u64 + 100;
    let _limit = inject_size_limit(limit);

    let big = project(&format!(
        "[الرئيس|actor] قال {}",
        "كلام طويل جدا ".repeat(40)
    ));
    let size = project::to_ron_string(&big, &path).expect("encode").len() as u64;
    assert!(size > limit);
    let error = project::save(&big, &path).expect_err("too large to open again");
    match &error {
        ProjectError::TooLargeToSave {
            size: s, limit: l, ..
        } => assert_eq!((*s, *l), (size, limit)),
        other => panic!("{other:?}"),
    }
    let message = error.to_string();
    assert!(message.contains(&format!("({size} bytes)")), "{message}");
    assert!(message.contains(&format!("({limit} bytes)")), "{message}");
    assert!(message.contains("Split the articles"), "{message}");
    assert!(
        message.contains("The file on disk is unchanged"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(names_in(dir.path()), ["news.isnad.ron"]);

    // The same limit is the reader's: what fits is written and opens, what does not is refused.
    project::save(&small, &path).expect("fits");
    assert_eq!(project::load(&path).expect("opens"), small);
    std::fs::write(&path, vec![b' '; limit as usize + 1]).expect("write");
    assert!(matches!(
        project::load(&path),
        Err(ProjectError::TooLarge { limit: l, .. }) if l == limit
    ));
}

#[test]
fn isnad_add_refuses_to_grow_a_project_past_the_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("corpus.isnad.ron");
    let article = dir.path().join("first.txt");
    std::fs::write(&article, "خبر قصير عن الطقس.").expect("write");
    new_project(&path, &[article]).expect("new");
    let before = std::fs::read(&path).expect("read");
    let _limit = inject_size_limit(before.len() as u64 + 200);

    let long = dir.path().join("long.txt");
    std::fs::write(&long, "خبر طويل عن الاقتصاد والسياسة. ".repeat(50)).expect("write");
    let error = add_to_project(&path, &[long]).expect_err("too large");
    let message = error.to_string();
    assert!(
        message.starts_with("Not saved: the project would be"),
        "{message}"
    );
    assert!(message.contains("Split the articles"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[cfg(unix)]
#[test]
fn saving_through_a_symbolic_link_replaces_the_file_it_leads_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real_dir = dir.path().join("shared");
    std::fs::create_dir(&real_dir).expect("mkdir");
    let real = real_dir.join("news.isnad.ron");
    let first = project("[الرئيس|actor] قال");
    project::save(&first, &real).expect("save");
    let link = dir.path().join("mine.isnad.ron");
    std::os::unix::fs::symlink("shared/news.isnad.ron", &link).expect("symlink");
    // A link to the link, too.
    let link2 = dir.path().join("again.isnad.ron");
    std::os::unix::fs::symlink(&link, &link2).expect("symlink");

    let second = project("[الوزير|actor] أكد");
    let (_, loaded) = project::load_identified(&link2).expect("load through links");
    project::save_checked(&second, &link2, OnDisk::Version(&loaded)).expect("save through link");
    for path in [&link, &link2] {
        let meta = std::fs::symlink_metadata(path).expect("meta");
        assert!(
            meta.file_type().is_symlink(),
            "{} is no longer a link",
            path.display()
        );
    }
    assert_eq!(project::load(&real).expect("load"), second);
    assert_eq!(project::load(&backup_path(&real)).expect("bak"), first);
    assert_eq!(
        names_in(dir.path()),
        ["again.isnad.ron", "mine.isnad.ron", "shared"]
    );
    // The lock of a link is the lock of the file it leads to.
    assert_eq!(project::lock_path(&link2), project::lock_path(&real));
}

#[test]
fn a_backup_that_is_a_folder_is_named_in_the_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("news.isnad.ron");
    project::save(&project("[الرئيس|actor] قال"), &path).expect("save");
    let before = std::fs::read(&path).expect("read");
    std::fs::create_dir(backup_path(&path)).expect("mkdir .bak");

    let error = project::save(&project("[الوزير|actor] أكد"), &path).expect_err("no backup");
    match &error {
        ProjectError::Write { fault, .. } => {
            assert_eq!(fault, &WriteFault::BackupIsAFolder(backup_path(&path)));
        }
        other => panic!("{other:?}"),
    }
    let message = error.to_string();
    assert!(
        message.contains(&backup_path(&path).display().to_string()),
        "{message}"
    );
    assert!(message.contains("folder"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(
        names_in(dir.path()),
        ["news.isnad.ron", "news.isnad.ron.bak"]
    );
}

#[test]
fn an_over_long_name_is_explained_in_words() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "خبر قصير.").expect("write");
    // 300 bytes: longer than any name the disk allows.
    let long = dir.path().join(format!("{}.isnad.ron", "خ".repeat(145)));
    let error = new_project(&long, std::slice::from_ref(&article)).expect_err("too long");
    let message = error.to_string();
    assert!(message.contains("The file name is too long"), "{message}");
    assert!(!message.contains("os error"), "{message}");
    assert!(!message.contains("unchanged"), "{message}");

    // 245 bytes: the name fits, the temporary file beside it does not.
    let fits = dir.path().join(format!("{}.isnad.ron", "a".repeat(235)));
    let error = project::save(&project("[أ|actor]"), &fits).expect_err("temp too long");
    assert!(
        matches!(
            &error,
            ProjectError::Write {
                fault: WriteFault::NameTooLong,
                ..
            }
        ),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("The file name is too long"), "{message}");
    assert!(message.contains("No file was created"), "{message}");
    assert_eq!(names_in(dir.path()), ["a.txt"]);
}

#[test]
fn a_failed_first_save_does_not_claim_an_unchanged_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "خبر قصير.").expect("write");
    let path = dir.path().join("new.isnad.ron");
    let error = {
        let _full = inject_write_fault(10, 28);
        new_project(&path, std::slice::from_ref(&article)).expect_err("disk full")
    };
    assert!(matches!(error, CliError::Project(_)), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("The disk is full"), "{message}");
    assert!(message.contains("No file was created"), "{message}");
    assert!(!message.contains("unchanged"), "{message}");
    assert!(!path.exists());

    // With a file there, the same failure says it is unchanged.
    new_project(&path, std::slice::from_ref(&article)).expect("new");
    let error = {
        let _full = inject_write_fault(10, 28);
        project::save(&project("[أ|actor]"), &path).expect_err("disk full")
    };
    assert!(
        error.to_string().contains("The file on disk is unchanged"),
        "{error}"
    );
}
