//! Project files in real git: a plain `git merge` of two branches that added spans (and relations,
//! and a status) to different documents and to different places of one document gives a valid
//! project; with the merge driver (`isnad merge %O %A %B`) git also merges additions at the same
//! place and reports a real conflict, kept visible in the file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use isnad::io::project;
use isnad::model::markup::add_markup_document;
use isnad::model::{
    DocId, DocumentStatus, LabelId, Project, Relation, RelationTypeId, Span, SpanId,
};
use isnad::team::CONFLICT_NOTE_PREFIX;

const FILE: &str = "team.isnad.ron";

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A repository on branch `main` holding a three-document project with spans and a relation.
fn repository() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git_ok(root, &["init", "-q", "-b", "main"]);
    git_ok(root, &["config", "user.name", "Isnad Test"]);
    git_ok(root, &["config", "user.email", "test@example.com"]);
    git_ok(root, &["config", "commit.gpgsign", "false"]);
    let mut p = Project::default();
    for markup in [
        "[الرئيس|actor] قال إن [الوضع مستقر|claim] وفق [مصدر|source] رسمي في العاصمة أمس",
        "أعلن [الجيش|actor] أن [القوات تقدمت|claim] نحو المدينة وفق [بيان|source] صدر ليلا",
        "قال [مسؤول|source] إن [المفاوضات|actor] [ستستأنف|claim] الأسبوع المقبل في [جنيف|actor] بعد توقف",
    ] {
        add_markup_document(&mut p, markup).expect("markup");
    }
    let path = root.join(FILE);
    project::save(&p, &path).expect("save");
    commit(root, "base");
    (dir, path)
}

fn commit(root: &Path, message: &str) {
    git_ok(root, &["add", FILE]);
    git_ok(root, &["commit", "-q", "-m", message]);
}

/// Loads the file, changes it, saves it (as an annotator's Isnad does).
fn edit(path: &Path, change: impl FnOnce(&mut Project)) {
    let mut p = project::load(path).expect("load");
    change(&mut p);
    project::save(&p, path).expect("save");
}

fn doc(n: u64) -> DocId {
    DocId(n)
}

fn tag(p: &mut Project, doc: DocId, phrase: &str, label: &str) -> SpanId {
    let text = p.document(doc).expect("doc").text().to_owned();
    let start = text.find(phrase).expect("phrase");
    let id = p.allocate_span_id();
    let label = LabelId::new(label).expect("label");
    p.insert_span(Span::new(id, doc, start..start + phrase.len(), label))
        .expect("span");
    id
}

fn relate(p: &mut Project, kind: &str, head: SpanId, child: SpanId) {
    let id = p.allocate_relation_id();
    let kind = RelationTypeId::new(kind).expect("kind");
    p.insert_relation(Relation::new(id, kind, head, child))
        .expect("relation");
}

fn span_at(p: &Project, doc: DocId, phrase: &str) -> SpanId {
    let start = p
        .document(doc)
        .expect("doc")
        .text()
        .find(phrase)
        .expect("phrase");
    p.spans_of(doc)
        .iter()
        .find(|s| s.start == start)
        .expect("span")
        .id
}

fn has_span(p: &Project, doc: DocId, phrase: &str, label: &str) -> bool {
    let start = p
        .document(doc)
        .expect("doc")
        .text()
        .find(phrase)
        .expect("phrase");
    p.spans_of(doc)
        .iter()
        .any(|s| s.start == start && s.end == start + phrase.len() && s.label.as_str() == label)
}

#[test]
fn plain_git_merges_additions_to_different_documents_and_places() {
    let (dir, path) = repository();
    let root = dir.path();
    git_ok(root, &["checkout", "-q", "-b", "annotator-a"]);
    edit(&path, |p| {
        // The end of document 1 (after its last span) and the middle of document 3.
        let last = tag(p, doc(1), "العاصمة", "actor");
        let claim = span_at(p, doc(1), "الوضع");
        relate(p, "about", claim, last);
        tag(p, doc(3), "الأسبوع المقبل", "claim");
        p.set_document_status(doc(1), DocumentStatus::Done)
            .expect("status");
    });
    commit(root, "a");
    git_ok(root, &["checkout", "-q", "main"]);
    git_ok(root, &["checkout", "-q", "-b", "annotator-b"]);
    edit(&path, |p| {
        // The start of document 2 (right after document 1's spans in the file) and the start of
        // document 3.
        tag(p, doc(2), "أعلن", "claim");
        let claim = span_at(p, doc(2), "القوات");
        let source = span_at(p, doc(2), "بيان");
        relate(p, "attributed_to", claim, source);
        tag(p, doc(3), "قال", "claim");
        p.set_document_status(doc(2), DocumentStatus::InProgress)
            .expect("status");
    });
    commit(root, "b");
    let base_spans = 10;
    git_ok(root, &["merge", "-q", "--no-edit", "annotator-a"]);
    let merged = project::load(&path).expect("the merged file is a valid project");
    assert_eq!(merged.span_count(), base_spans + 4);
    assert_eq!(merged.relation_count(), 2);
    assert!(has_span(&merged, doc(1), "العاصمة", "actor"));
    assert!(has_span(&merged, doc(2), "أعلن", "claim"));
    assert!(has_span(&merged, doc(3), "الأسبوع المقبل", "claim"));
    assert!(has_span(&merged, doc(3), "قال", "claim"));
    assert_eq!(
        merged.document(doc(1)).map(|d| d.status()),
        Some(DocumentStatus::Done)
    );
    assert_eq!(
        merged.document(doc(2)).map(|d| d.status()),
        Some(DocumentStatus::InProgress)
    );
}

/// Both branches add a span at the same place of document 2 (between the same two lines of the
/// file); `conflicting` also has them relabel the same span differently.
fn same_place(root: &Path, path: &Path, conflicting: bool) {
    git_ok(root, &["checkout", "-q", "-b", "annotator-a"]);
    edit(path, |p| {
        tag(p, doc(2), "نحو", "claim");
        if conflicting {
            let source = span_at(p, doc(1), "مصدر");
            p.set_span_label(source, LabelId::new("actor").expect("label"))
                .expect("relabel");
        }
    });
    commit(root, "a");
    git_ok(root, &["checkout", "-q", "main"]);
    git_ok(root, &["checkout", "-q", "-b", "annotator-b"]);
    edit(path, |p| {
        tag(p, doc(2), "المدينة", "actor");
        if conflicting {
            let source = span_at(p, doc(1), "مصدر");
            p.set_span_label(source, LabelId::new("claim").expect("label"))
                .expect("relabel");
        }
    });
    commit(root, "b");
}

fn set_up_driver(root: &Path) {
    std::fs::write(root.join(".gitattributes"), "*.isnad.ron merge=isnad\n").expect("attributes");
    git_ok(root, &["add", ".gitattributes"]);
    git_ok(root, &["commit", "-q", "-m", "driver"]);
    let driver = format!("'{}' merge %O %A %B", env!("CARGO_BIN_EXE_isnad"));
    git_ok(root, &["config", "merge.isnad.driver", &driver]);
}

#[test]
fn plain_git_conflicts_on_additions_at_the_same_place_and_the_driver_merges_them() {
    let (dir, path) = repository();
    let root = dir.path();
    same_place(root, &path, false);
    let plain = git(root, &["merge", "--no-edit", "annotator-a"]);
    assert!(
        !plain.status.success(),
        "plain git sees one insertion point changed twice"
    );
    git_ok(root, &["merge", "--abort"]);

    set_up_driver(root);
    git_ok(root, &["merge", "-q", "--no-edit", "annotator-a"]);
    let merged = project::load(&path).expect("valid");
    assert!(has_span(&merged, doc(2), "نحو", "claim"));
    assert!(has_span(&merged, doc(2), "المدينة", "actor"));
    assert_eq!(merged.span_count(), 12);
}

#[test]
fn the_driver_reports_a_real_conflict_and_keeps_both_versions_in_the_file() {
    let (dir, path) = repository();
    let root = dir.path();
    set_up_driver(root);
    same_place(root, &path, true);
    let out = git(root, &["merge", "--no-edit", "annotator-a"]);
    assert!(!out.status.success(), "a real conflict stops the merge");
    let merged = project::load(&path).expect("the file holds the merged project, valid");
    assert!(has_span(&merged, doc(2), "نحو", "claim"));
    assert!(has_span(&merged, doc(2), "المدينة", "actor"));
    // Ours (annotator-b, the branch merged into) kept, theirs beside it, both noted.
    assert!(has_span(&merged, doc(1), "مصدر", "claim"));
    assert!(has_span(&merged, doc(1), "مصدر", "actor"));
    let noted = merged
        .spans_of(doc(1))
        .iter()
        .filter(|s| {
            s.note()
                .as_deref()
                .is_some_and(|n| n.contains(CONFLICT_NOTE_PREFIX))
        })
        .count();
    assert_eq!(noted, 2);
    let status = git(root, &["status", "--porcelain"]);
    assert!(String::from_utf8_lossy(&status.stdout).contains(&format!("UU {FILE}")));
}
