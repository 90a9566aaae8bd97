//! What differs between the project open in Isnad ("mine") and the version another program left
//! on disk: documents added or removed, documents whose text, title, spans or relations changed
//! (with counts on both sides), labels added, removed or changed, relation types changed, and
//! the annotation guidelines changed.

use std::collections::BTreeMap;
use std::fmt;

use crate::io::plural;
use crate::model::{DocId, Document, DocumentStatus, Label, Project};

/// A document named in a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSummary {
    /// Its id.
    pub id: DocId,
    /// Its title.
    pub title: String,
    /// How many spans it has.
    pub spans: usize,
}

/// A document present on both sides whose contents differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedDocument {
    /// Its id.
    pub id: DocId,
    /// Its title in my version.
    pub title: String,
    /// Whether its text differs.
    pub text_changed: bool,
    /// Whether its title, status or metadata differ.
    pub details_changed: bool,
    /// Its status in my version.
    pub status_mine: DocumentStatus,
    /// Its status on disk.
    pub status_disk: DocumentStatus,
    /// Its span count in my version.
    pub spans_mine: usize,
    /// Its span count on disk.
    pub spans_disk: usize,
    /// Whether the spans differ (even with equal counts: moved, relabelled, noted, attributes).
    pub spans_changed: bool,
    /// Its relation count in my version.
    pub relations_mine: usize,
    /// Its relation count on disk.
    pub relations_disk: usize,
    /// Whether the relations differ (even with equal counts: retyped, relinked).
    pub relations_changed: bool,
}

/// Every difference between two versions of a project (empty when they are equal).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProjectComparison {
    /// Documents only in my version.
    pub only_mine: Vec<DocSummary>,
    /// Documents only on disk.
    pub only_on_disk: Vec<DocSummary>,
    /// Documents on both sides that differ.
    pub changed: Vec<ChangedDocument>,
    /// Label ids only in my version.
    pub labels_only_mine: Vec<String>,
    /// Label ids only on disk.
    pub labels_only_on_disk: Vec<String>,
    /// Label ids on both sides whose name, colour, key or description differ.
    pub labels_changed: Vec<String>,
    /// Whether the relation types (ids, names, allowed labels, descriptions) differ.
    pub relation_types_changed: bool,
    /// Whether the annotation guidelines differ.
    pub guidelines_changed: bool,
    /// Whether the verdicts on suggestions (rejections, the suggesters' tallies) differ.
    pub suggestion_verdicts_changed: bool,
}

impl ProjectComparison {
    /// Compares my version of a project with the one on disk.
    pub fn new(mine: &Project, disk: &Project) -> Self {
        let mine_docs: BTreeMap<DocId, &Document> = mine.documents().map(|d| (d.id(), d)).collect();
        let disk_docs: BTreeMap<DocId, &Document> = disk.documents().map(|d| (d.id(), d)).collect();
        let summary = |project: &Project, d: &Document| DocSummary {
            id: d.id(),
            title: d.title().to_owned(),
            spans: project.spans_of(d.id()).len(),
        };
        let mut comparison = Self::default();
        for (id, doc) in &mine_docs {
            match disk_docs.get(id) {
                None => comparison.only_mine.push(summary(mine, doc)),
                Some(theirs) => {
                    let spans_mine = mine.spans_of(*id);
                    let spans_disk = disk.spans_of(*id);
                    let relations_mine: Vec<_> = mine.relations_of_doc(*id).collect();
                    let relations_disk: Vec<_> = disk.relations_of_doc(*id).collect();
                    let change = ChangedDocument {
                        id: *id,
                        title: doc.title().to_owned(),
                        text_changed: doc.sha256() != theirs.sha256(),
                        details_changed: doc.title() != theirs.title()
                            || doc.status() != theirs.status()
                            || doc.meta() != theirs.meta()
                            || doc.source_path() != theirs.source_path(),
                        status_mine: doc.status(),
                        status_disk: theirs.status(),
                        spans_mine: spans_mine.len(),
                        spans_disk: spans_disk.len(),
                        spans_changed: spans_mine != spans_disk,
                        relations_mine: relations_mine.len(),
                        relations_disk: relations_disk.len(),
                        relations_changed: relations_mine != relations_disk,
                    };
                    if change.text_changed
                        || change.details_changed
                        || change.spans_changed
                        || change.relations_changed
                    {
                        comparison.changed.push(change);
                    }
                }
            }
        }
        comparison.only_on_disk = disk_docs
            .iter()
            .filter(|(id, _)| !mine_docs.contains_key(id))
            .map(|(_, d)| summary(disk, d))
            .collect();
        let labels = |p: &Project| -> BTreeMap<String, Label> {
            p.schema()
                .labels()
                .iter()
                .map(|l| (l.id.as_str().to_owned(), l.clone()))
                .collect()
        };
        let (mine_labels, disk_labels) = (labels(mine), labels(disk));
        for (id, label) in &mine_labels {
            match disk_labels.get(id) {
                None => comparison.labels_only_mine.push(id.clone()),
                Some(theirs) if theirs != label => comparison.labels_changed.push(id.clone()),
                Some(_) => {}
            }
        }
        comparison.labels_only_on_disk = disk_labels
            .keys()
            .filter(|id| !mine_labels.contains_key(*id))
            .cloned()
            .collect();
        comparison.relation_types_changed =
            mine.schema().relation_types() != disk.schema().relation_types();
        comparison.guidelines_changed = mine.guidelines() != disk.guidelines();
        comparison.suggestion_verdicts_changed =
            mine.suggestion_memory() != disk.suggestion_memory();
        comparison
    }

    /// Whether the two versions have the same documents, spans, labels, relation types and
    /// guidelines.
    pub fn is_empty(&self) -> bool {
        self.only_mine.is_empty()
            && self.only_on_disk.is_empty()
            && self.changed.is_empty()
            && self.labels_only_mine.is_empty()
            && self.labels_only_on_disk.is_empty()
            && self.labels_changed.is_empty()
            && !self.relation_types_changed
            && !self.guidelines_changed
            && !self.suggestion_verdicts_changed
    }
}

impl fmt::Display for DocSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.spans;
        write!(f, "{} “{}” ({n} span{})", self.id, self.title, plural(n))
    }
}

impl fmt::Display for ChangedDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut what = Vec::new();
        if self.text_changed {
            what.push("text changed".to_owned());
        }
        if self.details_changed {
            what.push("title, status or source changed".to_owned());
        }
        if self.spans_changed {
            what.push(format!(
                "spans: {} mine, {} on disk",
                self.spans_mine, self.spans_disk
            ));
        }
        if self.relations_changed {
            what.push(format!(
                "relations: {} mine, {} on disk",
                self.relations_mine, self.relations_disk
            ));
        }
        write!(f, "{} “{}”: {}", self.id, self.title, what.join("; "))
    }
}

impl fmt::Display for ProjectComparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(
                f,
                "The two versions have the same documents, spans, labels and guidelines."
            );
        }
        let section = |f: &mut fmt::Formatter<'_>, heading: &str, lines: Vec<String>| {
            if lines.is_empty() {
                return Ok(());
            }
            writeln!(f, "{heading} ({}):", lines.len())?;
            lines.iter().try_for_each(|line| writeln!(f, "  - {line}"))
        };
        let strings = |items: &[DocSummary]| items.iter().map(ToString::to_string).collect();
        section(
            f,
            "Documents only in your version",
            strings(&self.only_mine),
        )?;
        section(f, "Documents only on disk", strings(&self.only_on_disk))?;
        let changed = self.changed.iter().map(ToString::to_string).collect();
        section(f, "Documents that differ", changed)?;
        section(
            f,
            "Labels only in your version",
            self.labels_only_mine.clone(),
        )?;
        section(f, "Labels only on disk", self.labels_only_on_disk.clone())?;
        section(f, "Labels that differ", self.labels_changed.clone())?;
        if self.relation_types_changed {
            writeln!(f, "The relation types differ.")?;
        }
        if self.guidelines_changed {
            writeln!(f, "The annotation guidelines differ.")?;
        }
        if self.suggestion_verdicts_changed {
            writeln!(
                f,
                "The verdicts on suggestions (rejected ones, the tallies) differ."
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::{add_markup_document, project_from_markup};
    use crate::model::{LabelId, SpanId};

    #[test]
    fn equal_projects_have_no_differences() {
        let (p, _) = project_from_markup("[أ|actor] قال [ب|claim]").expect("markup");
        let comparison = ProjectComparison::new(&p, &p.clone());
        assert!(comparison.is_empty());
        assert!(comparison.to_string().contains("the same"));
    }

    #[test]
    fn documents_spans_and_labels_that_differ_are_listed() {
        let (base, doc) = project_from_markup("[أ|actor] قال [ب|claim]").expect("markup");
        let mut mine = base.clone();
        let mut disk = base;
        add_markup_document(&mut mine, "[ج|source] وثيقتي").expect("mine");
        add_markup_document(&mut disk, "وثيقتهم").expect("disk");
        let span = mine.spans_of(doc)[0].id;
        mine.set_span_note(span, Some("note".into())).expect("note");
        disk.remove_label(&LabelId::new("source").expect("id"))
            .expect("remove label");
        assert!(mine.span(SpanId(span.0)).is_some());

        let comparison = ProjectComparison::new(&mine, &disk);
        // Both added a second document with the same id: it counts as changed, not added.
        assert!(comparison.only_mine.is_empty(), "{comparison}");
        assert_eq!(comparison.changed.len(), 2, "{comparison}");
        let first = &comparison.changed[0];
        assert_eq!(first.id, doc);
        assert!(first.spans_changed && !first.text_changed);
        assert_eq!((first.spans_mine, first.spans_disk), (2, 2));
        let second = &comparison.changed[1];
        assert!(second.text_changed);
        assert_eq!((second.spans_mine, second.spans_disk), (1, 0));
        assert_eq!(comparison.labels_only_mine, ["source"]);

        let text = comparison.to_string();
        assert!(text.contains("Documents that differ (2)"), "{text}");
        assert!(text.contains("spans: 1 mine, 0 on disk"), "{text}");
        assert!(
            text.contains("Labels only in your version (1):\n  - source"),
            "{text}"
        );

        // A document only on one side.
        let (empty_doc_project, _) = project_from_markup("x").expect("markup");
        let mut only = empty_doc_project.clone();
        add_markup_document(&mut only, "[y|actor]").expect("add");
        let comparison = ProjectComparison::new(&empty_doc_project, &only);
        assert_eq!(comparison.only_on_disk.len(), 1);
        assert_eq!(comparison.only_on_disk[0].spans, 1);
        assert!(
            comparison
                .to_string()
                .contains("Documents only on disk (1)")
        );
        let reverse = ProjectComparison::new(&only, &empty_doc_project);
        assert_eq!(reverse.only_mine.len(), 1);
    }

    #[test]
    fn a_relation_alone_is_a_difference() {
        let (base, doc) = project_from_markup("[أ|actor] قال [ب|claim]").expect("markup");
        let mut mine = base.clone();
        let spans = mine.spans_of(doc).to_vec();
        let id = mine.allocate_relation_id();
        let about = crate::model::RelationTypeId::new("about").expect("id");
        mine.insert_relation(crate::model::Relation::new(
            id,
            about,
            spans[1].id,
            spans[0].id,
        ))
        .expect("claim about actor");
        let comparison = ProjectComparison::new(&mine, &base);
        assert_eq!(comparison.changed.len(), 1);
        let change = &comparison.changed[0];
        assert!(change.relations_changed && !change.spans_changed);
        assert_eq!((change.relations_mine, change.relations_disk), (1, 0));
        assert!(
            comparison
                .to_string()
                .contains("relations: 1 mine, 0 on disk")
        );
    }

    #[test]
    fn guidelines_that_differ_are_a_difference() {
        let (base, _) = project_from_markup("[أ|actor] قال").expect("markup");
        let mut mine = base.clone();
        mine.set_guidelines("# المصدر\nمن قال".into());
        let comparison = ProjectComparison::new(&mine, &base);
        assert!(comparison.guidelines_changed && !comparison.is_empty());
        assert!(comparison.to_string().contains("guidelines differ"));
    }
}
