//! Who made each span and relation survives a three-way merge (issue 19, item 2), and a span
//! that differs only in who made it is not a conflict: the three-way rule applies to the maker
//! like to any field, ours kept when both sides changed it, silently.

use std::path::Path;

use isnad::io::project::{self, from_ron_str, to_ron_string};
use isnad::model::markup::add_markup_document;
use isnad::model::{DocId, LabelId, Project, Relation, RelationTypeId, Span, SpanId};
use isnad::team::merge;

/// Saves and loads `project`, as an annotator's copy is (new ids then start at random points).
fn copy_of(project: &Project) -> Project {
    let text = to_ron_string(project, Path::new("m.isnad.ron")).expect("encode");
    from_ron_str(&text, Path::new("m.isnad.ron")).expect("decode")
}

/// One document, «الرئيس» an actor made by layla.
fn base() -> Project {
    let mut p = Project::default();
    add_markup_document(&mut p, "[الرئيس|actor] قال إن الوضع مستقر وفق مصدر رسمي").expect("markup");
    let doc = p.documents().next().expect("doc").id();
    let id = p.spans_of(doc)[0].id;
    restamp(&mut p, id, Some("layla"));
    copy_of(&p)
}

fn doc_of(p: &Project) -> DocId {
    p.documents().next().expect("doc").id()
}

/// Sets who made span `id`.
fn restamp(p: &mut Project, id: SpanId, name: Option<&str>) {
    let mut span = p.remove_span(id).expect("span");
    span.annotator = name.map(Into::into);
    p.insert_span(span).expect("span back");
}

/// Adds a span over `phrase` made by `name`.
fn tag(p: &mut Project, phrase: &str, label: &str, name: &str) -> SpanId {
    let doc = doc_of(p);
    let start = p
        .document(doc)
        .expect("doc")
        .text()
        .find(phrase)
        .expect("phrase");
    let id = p.allocate_span_id();
    let mut span = Span::new(
        id,
        doc,
        start..start + phrase.len(),
        LabelId::new(label).expect("label"),
    );
    span.annotator = Some(name.into());
    p.insert_span(span).expect("span");
    id
}

/// `(text, label, maker)` of every span, sorted.
fn makers(p: &Project) -> Vec<(String, String, Option<String>)> {
    let doc = doc_of(p);
    let text = p.document(doc).expect("doc").text();
    let mut out: Vec<_> = p
        .spans_of(doc)
        .iter()
        .map(|s| {
            (
                text[s.range()].to_owned(),
                s.label.as_str().to_owned(),
                s.annotator.as_deref().map(str::to_owned),
            )
        })
        .collect();
    out.sort();
    out
}

fn some(name: &str) -> Option<String> {
    Some(name.to_owned())
}

#[test]
fn spans_and_relations_keep_their_makers_through_a_merge_and_its_file() {
    let base = base();
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    tag(&mut ours, "الوضع مستقر", "claim", "layla");
    let claim = tag(&mut theirs, "قال", "claim", "omar");
    let source = tag(&mut theirs, "مصدر", "source", "omar");
    let mut relation = Relation::new(
        theirs.allocate_relation_id(),
        RelationTypeId::new("attributed_to").expect("kind"),
        claim,
        source,
    );
    relation.annotator = some("omar");
    theirs.insert_relation(relation).expect("relation");

    // Through the files, as `isnad merge` runs under git.
    let dir = tempfile::tempdir().expect("temp dir");
    let [b, o, t] = ["base", "ours", "theirs"].map(|n| dir.path().join(format!("{n}.isnad.ron")));
    project::save(&base, &b).expect("save");
    project::save(&ours, &o).expect("save");
    project::save(&theirs, &t).expect("save");
    let (outcome, written) = isnad::cli::merge_files(&b, &o, &t, None).expect("merge");
    assert!(outcome.conflicts.is_empty(), "{:?}", outcome.conflicts);
    let merged = project::load(&written).expect("load merged");
    assert_eq!(
        makers(&merged),
        [
            ("الرئيس".to_owned(), "actor".to_owned(), some("layla")),
            ("الوضع مستقر".to_owned(), "claim".to_owned(), some("layla")),
            ("قال".to_owned(), "claim".to_owned(), some("omar")),
            ("مصدر".to_owned(), "source".to_owned(), some("omar")),
        ]
    );
    let relations: Vec<Option<String>> = merged
        .relations_of_doc(doc_of(&merged))
        .map(|r| r.annotator.clone())
        .collect();
    assert_eq!(relations, [some("omar")]);
}

#[test]
fn a_span_made_alike_on_both_sides_is_one_span_and_no_conflict() {
    let base = base();
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    tag(&mut ours, "مصدر", "source", "layla");
    tag(&mut theirs, "مصدر", "source", "omar");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let spans = makers(&merged.project);
    assert_eq!(
        spans
            .iter()
            .filter(|s| s.0 == "مصدر")
            .cloned()
            .collect::<Vec<_>>(),
        [("مصدر".to_owned(), "source".to_owned(), some("layla"))]
    );

    // Ours made it without a name (an older Isnad, a script): it takes theirs' maker.
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    let id = tag(&mut ours, "مصدر", "source", "layla");
    restamp(&mut ours, id, None);
    tag(&mut theirs, "مصدر", "source", "omar");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert!(
        makers(&merged.project).contains(&("مصدر".to_owned(), "source".to_owned(), some("omar"))),
        "{:?}",
        makers(&merged.project)
    );
}

#[test]
fn a_relation_both_sides_kept_keeps_its_maker() {
    let mut base = base();
    let claim = tag(&mut base, "الوضع مستقر", "claim", "layla");
    let source = tag(&mut base, "مصدر", "source", "layla");
    let mut relation = Relation::new(
        base.allocate_relation_id(),
        RelationTypeId::new("attributed_to").expect("kind"),
        claim,
        source,
    );
    relation.annotator = some("layla");
    base.insert_relation(relation).expect("relation");
    let base = copy_of(&base);
    let (mut ours, theirs) = (copy_of(&base), copy_of(&base));
    tag(&mut ours, "قال", "claim", "omar");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    let makers: Vec<Option<String>> = merged
        .project
        .relations_of_doc(doc_of(&merged.project))
        .map(|r| r.annotator.clone())
        .collect();
    assert_eq!(makers, [some("layla")]);
}

#[test]
fn a_change_of_maker_only_is_merged_by_the_three_way_rule_never_a_conflict() {
    let base = base();
    let actor = |p: &Project| p.spans_of(doc_of(p))[0].id;
    // Only theirs changes it: theirs' maker.
    let (ours, mut theirs) = (copy_of(&base), copy_of(&base));
    restamp(&mut theirs, actor(&base), Some("huda"));
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(makers(&merged.project)[0].2, some("huda"));

    // Both change it differently: ours, and no conflict (nor a note).
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    restamp(&mut ours, actor(&base), Some("omar"));
    restamp(&mut theirs, actor(&base), Some("huda"));
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let span = &merged.project.spans_of(doc_of(&merged.project))[0];
    assert_eq!(span.annotator.as_deref(), Some("omar"));
    assert_eq!(span.note(), &None);

    // Ours relabels it, theirs only changes its maker: both changes kept, no conflict.
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    ours.set_span_label(actor(&base), LabelId::new("source").expect("label"))
        .expect("relabel");
    restamp(&mut theirs, actor(&base), Some("huda"));
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let span = &merged.project.spans_of(doc_of(&merged.project))[0];
    assert_eq!(
        (span.label.as_str(), span.annotator.as_deref()),
        ("source", Some("huda"))
    );

    // Theirs relabels it, ours only changes its maker: both changes kept, no conflict.
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    restamp(&mut ours, actor(&base), Some("omar"));
    theirs
        .set_span_label(actor(&base), LabelId::new("source").expect("label"))
        .expect("relabel");
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let span = &merged.project.spans_of(doc_of(&merged.project))[0];
    assert_eq!(
        (span.label.as_str(), span.annotator.as_deref()),
        ("source", Some("omar"))
    );
}

#[test]
fn a_real_conflict_keeps_each_sides_maker() {
    let base = base();
    let actor = base.spans_of(doc_of(&base))[0].id;
    let (mut ours, mut theirs) = (copy_of(&base), copy_of(&base));
    ours.set_span_label(actor, LabelId::new("source").expect("label"))
        .expect("relabel");
    restamp(&mut ours, actor, Some("omar"));
    theirs
        .set_span_label(actor, LabelId::new("claim").expect("label"))
        .expect("relabel");
    restamp(&mut theirs, actor, Some("huda"));
    let merged = merge(&base, &ours, &theirs).expect("merge");
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    let spans = makers(&merged.project);
    assert_eq!(
        spans,
        [
            ("الرئيس".to_owned(), "claim".to_owned(), some("huda")),
            ("الرئيس".to_owned(), "source".to_owned(), some("omar")),
        ]
    );
}
