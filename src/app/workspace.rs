//! The open project with its undo history and where it is saved. Every change to the project
//! goes through here, so the history and the "unsaved changes" mark never miss one.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::command::{Edit, History, MergeKey};
use crate::io::import::{ImportOptions, ImportReport, SourceDocument, plan_import};
use crate::io::project::{self, FileIdentity, ProjectError};
use crate::model::{DocId, Document, DocumentStatus, LabelId, ModelError, Project, Span, SpanId};

/// Where the open project lives on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The bundled sample: its first save asks where, so the copy in the repository is never
    /// overwritten by accident.
    Sample,
    /// A new project never saved.
    Untitled,
    /// A project file.
    File(PathBuf),
}

/// The open project, its history and its location.
pub struct Workspace {
    project: Project,
    history: History,
    location: Location,
    /// The name recorded on the spans and relations made here (`None`: no name set).
    annotator: Option<String>,
}

impl Workspace {
    /// A workspace for `project`, with an empty history, counted as saved.
    pub fn new(project: Project, location: Location) -> Self {
        Self {
            project,
            history: History::new(),
            location,
            annotator: None,
        }
    }

    /// Records `name` (trimmed; empty means none) as who makes the spans and relations added
    /// from now on.
    pub fn set_annotator(&mut self, name: &str) {
        let name = name.trim();
        self.annotator = (!name.is_empty()).then(|| name.to_owned());
    }

    /// The name recorded on new spans and relations, if one is set.
    pub fn annotator(&self) -> Option<&str> {
        self.annotator.as_deref()
    }

    /// A workspace for a project restored from a recovery file: its changes count as unsaved
    /// until it is saved.
    pub fn restored(project: Project, location: Location) -> Self {
        let mut workspace = Self::new(project, location);
        workspace.history.mark_unsaved();
        workspace
    }

    /// Counts the project as unsaved until the next save (e.g. the user kept their version over
    /// one another program wrote: closing must not lose it silently).
    pub fn mark_unsaved(&mut self) {
        self.history.mark_unsaved();
    }

    /// The project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The undo history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Where the project is saved.
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// The file the project is saved in, if it has one of its own.
    pub fn path(&self) -> Option<&Path> {
        match &self.location {
            Location::File(path) => Some(path),
            Location::Sample | Location::Untitled => None,
        }
    }

    /// The folder of the project's file (where file dialogs start), if it has one.
    pub fn folder(&self) -> Option<PathBuf> {
        self.path().and_then(Path::parent).map(Path::to_owned)
    }

    /// The name shown in the title bar.
    pub fn display_name(&self) -> String {
        match &self.location {
            Location::Sample => crate::io::sample::SAMPLE_PROJECT_NAME.to_owned(),
            Location::Untitled => "Untitled project".to_owned(),
            Location::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
        }
    }

    /// Whether the project differs from what is on disk. An untitled project with documents
    /// counts as unsaved even before its first edit.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
            || (self.location == Location::Untitled && self.project.document_count() > 0)
    }

    /// Changes with every edit, undo and redo (for caches of derived data).
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    /// Applies `edit` as one undo step.
    pub fn apply(&mut self, edit: Edit) -> Result<(), ModelError> {
        self.history.apply(edit, &mut self.project)
    }

    /// Applies `edit` as one undo step named `name` ("Undo add span", "Undo tag all (27 spans)").
    pub fn apply_named(
        &mut self,
        edit: Edit,
        name: impl Into<std::borrow::Cow<'static, str>>,
    ) -> Result<(), ModelError> {
        self.history.apply_named(edit, name, &mut self.project)
    }

    /// Takes a fresh span id, for an edit adding several spans at once (see
    /// [`Project::allocate_span_id`]).
    pub fn allocate_span_id(&mut self) -> SpanId {
        self.project.allocate_span_id()
    }

    /// Applies `edit`, merged with the previous step of the same gesture.
    pub fn apply_merging(&mut self, edit: Edit, gesture: MergeKey) -> Result<(), ModelError> {
        self.history.apply_merging(edit, gesture, &mut self.project)
    }

    /// Ends the current gesture: the next edit is a new undo step.
    pub fn end_gesture(&mut self) {
        self.history.end_merge();
    }

    /// Tags `range` of `doc` with `label` as one undo step. The first span of a new document
    /// also marks it in progress, in the same step.
    pub fn add_span(
        &mut self,
        doc: DocId,
        range: Range<usize>,
        label: LabelId,
    ) -> Result<SpanId, ModelError> {
        let id = self.project.allocate_span_id();
        let span = Span::new(id, doc, range, label).made_by(self.annotator.as_deref());
        let edit = Edit::AddSpan(span);
        let is_new = self
            .project
            .document(doc)
            .is_some_and(|d| d.status() == DocumentStatus::New);
        let edit = if is_new {
            Edit::Batch(vec![
                edit,
                Edit::SetDocumentStatus {
                    doc,
                    status: DocumentStatus::InProgress,
                },
            ])
        } else {
            edit
        };
        self.apply_named(edit, "add span")?;
        Ok(id)
    }

    /// A fresh span id (for an edit built outside, e.g. accepting suggestions).
    pub fn new_span_id(&mut self) -> SpanId {
        self.project.allocate_span_id()
    }

    /// A fresh relation id (for an edit built outside).
    pub fn new_relation_id(&mut self) -> crate::model::RelationId {
        self.project.allocate_relation_id()
    }

    /// Links `head` to `child` with a relation of type `kind` as one undo step.
    pub fn add_relation(
        &mut self,
        kind: crate::model::RelationTypeId,
        head: SpanId,
        child: SpanId,
    ) -> Result<crate::model::RelationId, ModelError> {
        let id = self.project.allocate_relation_id();
        let relation =
            crate::model::Relation::new(id, kind, head, child).made_by(self.annotator.as_deref());
        self.apply(Edit::AddRelation(relation))?;
        Ok(id)
    }

    /// Adds a document with its source metadata (one undo step) and returns its id.
    pub fn add_document(
        &mut self,
        title: String,
        source_path: Option<String>,
        text: String,
        meta: BTreeMap<String, String>,
    ) -> Result<DocId, ModelError> {
        let id = self.project.allocate_doc_id();
        self.apply(Edit::AddDocument {
            document: Box::new(Document::new(id, title, source_path, text).with_meta(meta)),
            spans: Vec::new(),
        })?;
        Ok(id)
    }

    /// Adds articles read from files or a corpus as one undo step; returns the id of the first
    /// one added (`None` when there was nothing to add).
    pub fn add_corpus(
        &mut self,
        entries: Vec<crate::io::corpus::CorpusEntry>,
    ) -> Result<Option<DocId>, ModelError> {
        let first = DocId(self.project.next_doc_id());
        match crate::io::corpus::add_entries_edit(&mut self.project, entries) {
            Some(edit) => self.apply_named(edit, "add articles").map(|()| Some(first)),
            None => Ok(None),
        }
    }

    /// Validates imported documents against the project and applies what is valid (new labels,
    /// documents and spans) as one undo step; the report gets the counts and the rejections.
    /// Spans and relations the files do not say who made are stamped with [`Self::annotator`].
    pub fn import(
        &mut self,
        docs: Vec<SourceDocument>,
        options: &ImportOptions,
        report: &mut ImportReport,
    ) -> Result<(), ModelError> {
        let mut options = options.clone();
        if options.annotator.is_none() {
            options.annotator = self.annotator().map(str::to_owned);
        }
        match plan_import(&mut self.project, docs, &options, report) {
            Some(edit) => self.apply_named(edit, "import annotations"),
            None => Ok(()),
        }
    }

    /// Tells the history the user's selection, recorded with the next change (see
    /// [`History::set_selection`]).
    pub fn set_selection(&mut self, selection: Option<crate::command::SavedSelection>) {
        self.history.set_selection(selection);
    }

    /// Undoes the last step; `Ok(false)` when there is none.
    pub fn undo(&mut self) -> Result<bool, ModelError> {
        self.history.undo(&mut self.project)
    }

    /// Redoes the last undone step; `Ok(false)` when there is none.
    pub fn redo(&mut self) -> Result<bool, ModelError> {
        self.history.redo(&mut self.project)
    }

    /// Saves to `path` (atomically, keeping the previous file as `.bak`); from then on the
    /// project lives there. On failure nothing changes, in memory or on disk. Returns the
    /// identity of the file written.
    pub fn save_to(&mut self, path: &Path) -> Result<FileIdentity, ProjectError> {
        self.save_checked(path, project::OnDisk::Anything)
    }

    /// Like [`Workspace::save_to`], refusing ([`ProjectError::ChangedOnDisk`], nothing written)
    /// when the file at `path` is not what `expected` says right before it would be replaced.
    pub fn save_checked(
        &mut self,
        path: &Path,
        expected: project::OnDisk<'_>,
    ) -> Result<FileIdentity, ProjectError> {
        let identity = project::save_checked(&self.project, path, expected)?;
        self.history.mark_saved();
        self.location = Location::File(path.to_owned());
        Ok(identity)
    }
}
