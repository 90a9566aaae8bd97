//! An import split by annotator: one project per person who annotated, each holding the
//! documents that person annotated with that person's spans and relations only, so that
//! `isnad agree` compares them (a single project holds a span several people made alike once).
//!
//! Who made a span: the span's own annotator (native JSONL), else its document's (a Label Studio
//! annotation's `completed_by`, a JSON_MIN record's `annotator`), else the import's
//! [`ImportOptions::annotator`], else, for doccano, the file's name (doccano exports one
//! `USERNAME.jsonl` per member). A span with none of these is rejected.
//!
//! Every project starts from the same one (its labels, documents and spans) with the labels the
//! import adds, and a document has the same id in every project it is in, so the projects can
//! later be merged (`isnad merge`) as well as compared.

use std::collections::{BTreeMap, HashMap};

use crate::command::Edit;
use crate::io::import::{
    ImportFormat, ImportOptions, ImportReport, SourceDocument, SourceSpan, plan_import,
};
use crate::model::{Document, ModelError, Project, sha256_hex};

/// One annotator's project.
#[derive(Clone, Debug)]
pub struct AnnotatorProject {
    /// The annotator's name, as the files give it.
    pub annotator: String,
    /// The starting project with this annotator's documents, spans and relations.
    pub project: Project,
    /// What went into it (its rejections are also in [`SplitImport::report`]).
    pub report: ImportReport,
}

/// The outcome of [`split_by_annotator`].
#[derive(Clone, Debug)]
pub struct SplitImport {
    /// One project per annotator, by name.
    pub projects: Vec<AnnotatorProject>,
    /// The reading report with every rejection (reading, annotator-less spans, and each
    /// annotator's import).
    pub report: ImportReport,
    /// Documents nobody annotated (no annotator, no span): in no project.
    pub unannotated_documents: usize,
}

/// Splits `docs` by annotator and imports each share into its own copy of `project`. `report`
/// is the reading report of `docs` (see [`crate::io::import::read_files`]).
pub fn split_by_annotator(
    project: &Project,
    docs: Vec<SourceDocument>,
    options: &ImportOptions,
    mut report: ImportReport,
) -> Result<SplitImport, ModelError> {
    let mut shares: BTreeMap<String, Vec<SourceDocument>> = BTreeMap::new();
    let mut unannotated = std::collections::HashSet::new();
    for doc in docs {
        let fallback = fallback_annotator(&doc, options);
        let mut by_name: BTreeMap<String, SourceDocument> = BTreeMap::new();
        if let Some(name) = &fallback {
            share_of(&mut by_name, &doc, name);
        }
        for span in &doc.spans {
            match span.annotator.as_ref().or(fallback.as_ref()) {
                Some(name) => share_of(&mut by_name, &doc, name).spans.push(span.clone()),
                None => report.reject(&doc.file, span_place(&doc, span), NO_ANNOTATOR),
            }
        }
        for relation in &doc.relations {
            match relation.annotator.as_ref().or(fallback.as_ref()) {
                Some(name) => share_of(&mut by_name, &doc, name)
                    .relations
                    .push(relation.clone()),
                None => report.reject(
                    &doc.file,
                    format!("{}, {}", doc.place, relation.place),
                    NO_ANNOTATOR,
                ),
            }
        }
        if by_name.is_empty() {
            unannotated.insert(doc.text.clone());
        }
        for (name, share) in by_name {
            unannotated.remove(&share.text);
            shares.entry(name).or_default().push(share);
        }
    }

    // Labels and documents are planned once over every share, so that every project gets the
    // same labels and a document the same id in each.
    let mut scratch = project.clone();
    let mut scratch_report = ImportReport::new(options.format);
    let everything: Vec<SourceDocument> = shares.values().flatten().cloned().collect();
    let mut base = project.clone();
    let mut documents: HashMap<String, Document> = HashMap::new();
    if let Some(Edit::Batch(edits)) =
        plan_import(&mut scratch, everything, options, &mut scratch_report)
    {
        for edit in edits {
            match edit {
                Edit::AddLabel { .. } => {
                    edit.apply(&mut base)?;
                }
                Edit::AddDocument { document, .. } => {
                    documents.insert(document.sha256().to_owned(), *document);
                }
                _ => {}
            }
        }
    }
    report.labels_added = scratch_report.labels_added;

    let mut projects = Vec::with_capacity(shares.len());
    for (annotator, share) in shares {
        let mut copy = base.clone();
        let mut added = std::collections::HashSet::new();
        for doc in &share {
            let hash = sha256_hex(&doc.text);
            if let Some(document) = documents.get(&hash).filter(|_| added.insert(hash.clone())) {
                Edit::AddDocument {
                    document: Box::new(document.clone()),
                    spans: Vec::new(),
                }
                .apply(&mut copy)?;
            }
        }
        let mut own = ImportReport::new(options.format);
        own.files.clone_from(&report.files);
        own.documents_read = share.len();
        own.spans_read = share.iter().map(|d| d.spans.len()).sum();
        // The labels are in the copy already: nothing is added to the schema here.
        let own_options = ImportOptions {
            add_unknown_labels: false,
            ..options.clone()
        };
        if let Some(edit) = plan_import(&mut copy, share, &own_options, &mut own) {
            edit.apply(&mut copy)?;
        }
        own.documents_added = added.len();
        own.documents_matched = own.documents_read.saturating_sub(added.len());
        report.rejected.extend(own.rejected.iter().cloned());
        report.spans_added += own.spans_added;
        report.spans_already_present += own.spans_already_present;
        report.relations_added += own.relations_added;
        report.relations_already_present += own.relations_already_present;
        report.attributes_added += own.attributes_added;
        projects.push(AnnotatorProject {
            annotator,
            project: copy,
            report: own,
        });
    }
    report.documents_added = documents.len();
    report.documents_matched = report.documents_read.saturating_sub(documents.len());
    for p in &projects {
        report
            .spans_by_annotator
            .insert(p.annotator.clone(), p.report.spans_added);
    }
    Ok(SplitImport {
        projects,
        report,
        unannotated_documents: unannotated.len(),
    })
}

/// `name`'s copy of `doc` (without spans or relations until they are added).
fn share_of<'a>(
    by_name: &'a mut BTreeMap<String, SourceDocument>,
    doc: &SourceDocument,
    name: &str,
) -> &'a mut SourceDocument {
    by_name
        .entry(name.to_owned())
        .or_insert_with(|| SourceDocument {
            file: doc.file.clone(),
            place: doc.place.clone(),
            title: doc.title.clone(),
            text: doc.text.clone(),
            status: doc.status,
            unit: doc.unit,
            spans: Vec::new(),
            relations: Vec::new(),
            annotator: Some(name.to_owned()),
        })
}

const NO_ANNOTATOR: &str =
    "whose span this is is unknown (the file names no annotator): give one with --annotator NAME";

/// Who made what in `doc` when neither the span nor the document says.
fn fallback_annotator(doc: &SourceDocument, options: &ImportOptions) -> Option<String> {
    doc.annotator
        .clone()
        .or_else(|| options.annotator.clone())
        .or_else(|| {
            (options.format == ImportFormat::Doccano)
                .then(|| doc.file.file_stem())
                .flatten()
                .map(|stem| stem.to_string_lossy().into_owned())
        })
}

/// `"line 3, span 2"`.
fn span_place(doc: &SourceDocument, span: &SourceSpan) -> String {
    match (doc.place.is_empty(), span.place.is_empty()) {
        (true, _) => span.place.clone(),
        (_, true) => doc.place.clone(),
        _ => format!("{}, {}", doc.place, span.place),
    }
}

/// A file name for an annotator's project: `NAME.isnad.ron`, with characters that do not belong
/// in a file name (path separators, spaces, controls, a leading dot) replaced by `_`.
pub fn annotator_file_name(annotator: &str) -> String {
    let mut name: String = annotator
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '@' | '+') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with('.') || name.is_empty() {
        name.insert(0, '_');
    }
    format!("{name}.isnad.ron")
}
