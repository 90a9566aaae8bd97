//! Three-way merge of projects (issue 19, item 1): `base` is the common ancestor, `ours` and
//! `theirs` two copies edited apart (git's merge-driver roles).
//!
//! Documents, spans and relations are matched by id (format 3 gives new ones random ids, so
//! copies never reuse each other's). The merge takes the union of what either side added, applies
//! both sides' removals and edits field by field (a span's edges, label, each attribute and note;
//! a document's title, status and each metadata field; a relation's type and ends), and reports
//! every real conflict — never silently picking one side:
//! - a span changed differently on both sides: ours is kept (with the other side's compatible
//!   changes) and gets the note `merge conflict: …`; when edges or label differ, theirs is added
//!   beside it as a second span (fresh id) with a note saying whose it is;
//! - removed on one side, changed on the other: kept, with a note;
//! - a relation changed differently: ours kept, theirs added beside it when it is valid; noted on
//!   the head span;
//! - a document whose status, title or metadata changed differently: ours kept, the metadata
//!   field `merge_conflict` says what theirs had; a document removed on one side keeps existing
//!   when the other added or changed its spans;
//! - labels and relation types changed differently: ours kept.
//!
//! Also handled: documents added on both sides with the same text become one; ids that collide
//! (two copies of a format 1 or 2 file both counting from the stored counter) are renumbered on
//! theirs' side; spans that end up identical (same document, range and label) become one.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::model::{
    DocId, Document, Label, LabelSchema, ModelError, Project, ProjectParts, RelationId,
    RelationType, SpanId,
};
use crate::team::merge_memory::{merge_guidelines, merge_suggestion_memory};
use crate::team::merge_spans::merge_annotations;
use crate::team::three_way::{Pick, pick, pick_map};

/// The result of [`merge`].
#[derive(Debug)]
pub struct MergeOutcome {
    /// The merged project (valid: every model invariant holds).
    pub project: Project,
    /// Every conflict, one line each, in the user's words (also kept visible in the project).
    pub conflicts: Vec<String>,
}

/// Key of the document metadata field that records a document-level conflict.
pub const CONFLICT_META_KEY: &str = "merge_conflict";
/// Prefix of the notes that record a conflict on a span.
pub const CONFLICT_NOTE_PREFIX: &str = "merge conflict: ";

/// Hands out ids not used by any of the three projects, from random points (as a loaded project
/// does), so that merged conflict copies do not collide with other copies' future ids.
pub(crate) struct FreshIds {
    scratch: Project,
    used_docs: HashSet<DocId>,
    used_spans: HashSet<SpanId>,
    used_relations: HashSet<RelationId>,
}

impl FreshIds {
    fn new(projects: [&Project; 3]) -> Self {
        let scratch = Project::from_parts(ProjectParts::default()).unwrap_or_default();
        let mut fresh = Self {
            scratch,
            used_docs: HashSet::new(),
            used_spans: HashSet::new(),
            used_relations: HashSet::new(),
        };
        for p in projects {
            fresh.used_docs.extend(p.documents().map(Document::id));
            for doc in p.documents() {
                fresh
                    .used_spans
                    .extend(p.spans_of(doc.id()).iter().map(|s| s.id));
                fresh
                    .used_relations
                    .extend(p.relations_of_doc(doc.id()).map(|r| r.id));
            }
        }
        fresh
    }

    pub(crate) fn doc(&mut self) -> DocId {
        loop {
            let id = self.scratch.allocate_doc_id();
            if self.used_docs.insert(id) {
                return id;
            }
        }
    }

    pub(crate) fn span(&mut self) -> SpanId {
        loop {
            let id = self.scratch.allocate_span_id();
            if self.used_spans.insert(id) {
                return id;
            }
        }
    }

    pub(crate) fn relation(&mut self) -> RelationId {
        loop {
            let id = self.scratch.allocate_relation_id();
            if self.used_relations.insert(id) {
                return id;
            }
        }
    }
}

/// The state shared by the steps of one merge.
pub(crate) struct Merger<'p> {
    pub(crate) base: &'p Project,
    pub(crate) ours: &'p Project,
    pub(crate) theirs: &'p Project,
    pub(crate) fresh: FreshIds,
    /// Theirs' document ids that mean another id in the result.
    pub(crate) doc_map: HashMap<DocId, DocId>,
    /// The merged documents.
    pub(crate) documents: BTreeMap<DocId, Document>,
    /// Documents removed by one side (restored if the other side's spans still need them).
    pub(crate) removed_documents: BTreeMap<DocId, Document>,
    pub(crate) conflicts: Vec<String>,
}

impl Merger<'_> {
    /// A document's title for messages, from whichever project has it.
    pub(crate) fn title(&self, doc: DocId) -> String {
        [self.ours, self.theirs, self.base]
            .iter()
            .find_map(|p| p.document(doc))
            .or_else(|| self.documents.get(&doc))
            .map_or_else(
                || format!("document {}", doc.0),
                |d| format!("“{}”", d.title()),
            )
    }
}

/// Merges `ours` and `theirs`, two copies of `base` edited apart.
///
/// Fails only if the result breaks a model invariant the merge did not foresee (every error is
/// returned); the caller then leaves the files as they are.
pub fn merge(
    base: &Project,
    ours: &Project,
    theirs: &Project,
) -> Result<MergeOutcome, Vec<ModelError>> {
    let mut merger = Merger {
        base,
        ours,
        theirs,
        fresh: FreshIds::new([base, ours, theirs]),
        doc_map: HashMap::new(),
        documents: BTreeMap::new(),
        removed_documents: BTreeMap::new(),
        conflicts: Vec::new(),
    };
    let mut schema = merge_schema(&mut merger);
    merge_documents(&mut merger);
    let (spans, relations) = merge_annotations(&mut merger, &mut schema);
    let guidelines = merge_guidelines(&mut merger);
    let documents: Vec<Document> = std::mem::take(&mut merger.documents)
        .into_values()
        .collect();
    let ids: BTreeSet<DocId> = documents.iter().map(Document::id).collect();
    let memory = merge_suggestion_memory(&merger, &ids);
    let mut project = Project::from_parts(ProjectParts {
        schema,
        documents,
        spans,
        relations,
    })?;
    project.set_guidelines(guidelines);
    project.set_suggestion_memory(memory);
    Ok(MergeOutcome {
        project,
        conflicts: merger.conflicts,
    })
}

/// Labels and relation types by id; ours' order, then those only theirs added.
fn merge_schema(m: &mut Merger<'_>) -> LabelSchema {
    let (b, o, t) = (m.base.schema(), m.ours.schema(), m.theirs.schema());
    let labels = merge_by_id(
        b.labels(),
        o.labels(),
        t.labels(),
        |l: &Label| l.id.as_str().to_owned(),
        "label",
        &mut m.conflicts,
    );
    let kinds = merge_by_id(
        b.relation_types(),
        o.relation_types(),
        t.relation_types(),
        |k: &RelationType| k.id.as_str().to_owned(),
        "relation type",
        &mut m.conflicts,
    );
    let mut schema = LabelSchema::empty();
    for mut label in labels {
        if schema.check_insert(schema.len(), &label).is_err() {
            // Two sides gave different labels one hotkey: the later loses its hotkey.
            m.conflicts.push(format!(
                "label “{}”: its hotkey is taken by another label; the hotkey was dropped",
                label.id
            ));
            label.hotkey = None;
        }
        let _ = schema.insert(schema.len(), label);
    }
    for kind in kinds {
        let _ = schema.add_relation_type(kind);
    }
    schema
}

/// Merges lists of schema items by id (whole items: a conflict keeps ours).
fn merge_by_id<T: PartialEq + Clone>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> String,
    what: &str,
    conflicts: &mut Vec<String>,
) -> Vec<T> {
    let find = |list: &[T], key: &str| list.iter().find(|x| id(x) == key).cloned();
    let mut order: Vec<String> = ours.iter().map(&id).collect();
    let mut known: BTreeSet<String> = order.iter().cloned().collect();
    // Then theirs' additions, then what ours removed (kept only on a conflict).
    for key in theirs.iter().chain(base).map(&id) {
        if known.insert(key.clone()) {
            order.push(key);
        }
    }
    let mut out = Vec::new();
    for key in order {
        let (b, o, t) = (find(base, &key), find(ours, &key), find(theirs, &key));
        match pick(&b, &o, &t) {
            Pick::Merged(item) => out.extend(item),
            Pick::Conflict(o, t) => {
                let message = match (&o, &t) {
                    (Some(_), Some(_)) => "changed differently by both sides; ours kept",
                    (Some(_), None) => "changed by ours, removed by theirs; kept",
                    _ => "removed by ours, changed by theirs; kept",
                };
                conflicts.push(format!("{what} “{key}”: {message}"));
                out.extend(o.or(t));
            }
        }
    }
    out
}

/// The fields of a document that may change (the text never does).
fn document_fields(d: &Document) -> (String, Option<String>, crate::model::DocumentStatus) {
    (
        d.title().to_owned(),
        d.source_path().map(str::to_owned),
        d.status(),
    )
}

/// `doc` under another id.
pub(crate) fn renumbered(doc: &Document, id: DocId) -> Document {
    Document::new(
        id,
        doc.title(),
        doc.source_path().map(str::to_owned),
        doc.text(),
    )
    .with_status(doc.status())
    .with_meta(doc.meta().clone())
}

/// Merges the documents; maps theirs' ids that collide or duplicate ours' new documents.
fn merge_documents(m: &mut Merger<'_>) {
    let (base, ours, theirs) = (m.base, m.ours, m.theirs);
    let ours_added: HashMap<&str, DocId> = ours
        .documents()
        .filter(|d| base.document(d.id()).is_none())
        .map(|d| (d.sha256(), d.id()))
        .collect();
    let mut theirs_docs: BTreeMap<DocId, Document> = BTreeMap::new();
    for doc in theirs.documents() {
        let id = doc.id();
        let known = ours.document(id).or_else(|| base.document(id));
        if known.is_some_and(|k| k.sha256() != doc.sha256()) {
            // The same id for another text: two copies counted from one stored counter.
            let fresh = m.fresh.doc();
            m.doc_map.insert(id, fresh);
            theirs_docs.insert(fresh, renumbered(doc, fresh));
        } else if known.is_none()
            && let Some(&same) = ours_added.get(doc.sha256())
        {
            // Both sides added this text: one document.
            m.doc_map.insert(id, same);
        } else {
            theirs_docs.insert(id, doc.clone());
        }
    }
    let ids: BTreeSet<DocId> = base
        .documents()
        .chain(ours.documents())
        .map(Document::id)
        .chain(theirs_docs.keys().copied())
        .collect();
    for id in ids {
        let (b, o, t) = (base.document(id), ours.document(id), theirs_docs.get(&id));
        match (b, o, t) {
            (_, Some(o), Some(t)) => {
                let merged = merge_document(m, b.unwrap_or(o), o, t);
                m.documents.insert(id, merged);
            }
            (None, Some(d), None) | (None, None, Some(d)) => {
                m.documents.insert(id, d.clone());
            }
            (Some(b), Some(d), None) | (Some(b), None, Some(d)) => {
                if document_fields(b) == document_fields(d) && b.meta() == d.meta() {
                    m.removed_documents.insert(id, d.clone());
                } else {
                    let (changed, removed) = if o.is_some() {
                        ("ours", "theirs")
                    } else {
                        ("theirs", "ours")
                    };
                    m.conflicts.push(format!(
                        "{}: removed by {removed}, changed by {changed}; kept",
                        m.title(id)
                    ));
                    let mut meta = d.meta().clone();
                    meta.insert(
                        CONFLICT_META_KEY.to_owned(),
                        format!("removed by {removed}, changed by {changed}"),
                    );
                    m.documents.insert(id, d.clone().with_meta(meta));
                }
            }
            (Some(_), None, None) | (None, None, None) => {}
        }
    }
}

/// Field by field; conflicts keep ours and are written into the `merge_conflict` metadata field.
fn merge_document(m: &mut Merger<'_>, b: &Document, o: &Document, t: &Document) -> Document {
    let (bf, of, tf) = (document_fields(b), document_fields(o), document_fields(t));
    let mut notes = Vec::new();
    let title = pick(&bf.0, &of.0, &tf.0);
    if let Pick::Conflict(_, theirs) = &title {
        notes.push(format!("theirs has the title “{theirs}”"));
    }
    let source = pick(&bf.1, &of.1, &tf.1);
    if let Pick::Conflict(_, theirs) = &source {
        notes.push(format!(
            "theirs has the source {}",
            theirs.as_deref().unwrap_or("(none)")
        ));
    }
    let status = pick(&bf.2, &of.2, &tf.2);
    if let Pick::Conflict(_, theirs) = &status {
        notes.push(format!("theirs has the status {theirs:?}"));
    }
    let (mut meta, keys) = pick_map(b.meta(), o.meta(), t.meta());
    for key in keys {
        let theirs = t.meta().get(&key).map_or("(none)", String::as_str);
        notes.push(format!("theirs has {key} = {theirs}"));
    }
    if !notes.is_empty() {
        let text = notes.join("; ");
        m.conflicts.push(format!(
            "{}: changed differently by both sides, ours kept ({text})",
            m.title(o.id())
        ));
        meta.insert(CONFLICT_META_KEY.to_owned(), text);
    }
    Document::new(
        o.id(),
        title.ours_on_conflict(),
        source.ours_on_conflict(),
        o.text(),
    )
    .with_status(status.ours_on_conflict())
    .with_meta(meta)
}
