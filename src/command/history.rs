//! Undo and redo as two stacks of inverse edits, gesture coalescing and the "unsaved changes" flag.
//! Each step remembers the edit's name (for "Undo add span") and the selection the user had when
//! it was made, so undo and redo put the selection back (as helix's history does).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::command::Edit;
use crate::model::{DocId, ModelError, Project, SpanId};

/// A selection in the app, as the history remembers it: the document, the selected text range
/// (bytes) and the selected span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedSelection {
    /// The document shown.
    pub doc: DocId,
    /// The selected byte range (empty: a caret).
    pub range: Range<usize>,
    /// The selected span, if any.
    pub span: Option<SpanId>,
}

/// The source of revision numbers, shared by every history of the process: a project reopened
/// from disk gets a new history whose revisions were never used before, so a cache keyed by
/// revision (the document list's, the span list's) never mistakes it for the old project.
static NEXT_REVISION: AtomicU64 = AtomicU64::new(0);

/// A revision number never handed out before in this process.
fn new_revision() -> u64 {
    NEXT_REVISION.fetch_add(1, Ordering::Relaxed)
}

/// Identifies a continuous gesture (e.g. "dragging the end of span 12"). Consecutive edits
/// recorded with the same key, with no undo, redo or [`History::end_merge`] in between, form one
/// undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MergeKey(pub u64);

/// One undo (or redo) step: the edit that reverts it and the revisions on either side.
#[derive(Clone, Debug)]
struct Entry {
    edit: Edit,
    /// Revision of the project once this entry is applied.
    target: u64,
    /// Revision of the project before this entry is applied.
    source: u64,
    /// The name of the change the user made ("add span"), for "Undo add span".
    name: Cow<'static, str>,
    /// The selection to restore when this entry is applied.
    selection: Option<SavedSelection>,
}

/// Undo/redo history of one project.
///
/// Every project state reached gets a revision number; undoing back to a saved state gives back
/// the saved revision, so [`History::is_dirty`] is false again there.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    revision: u64,
    saved: Option<u64>,
    merging: Option<MergeKey>,
    /// The selection the app reports as current (recorded with the next step).
    selection: Option<SavedSelection>,
    /// The selection the last undo or redo put back.
    restored: Option<SavedSelection>,
}

impl Default for History {
    /// An empty history whose current state counts as saved.
    fn default() -> Self {
        let revision = new_revision();
        Self {
            undo: Vec::new(),
            redo: Vec::new(),
            revision,
            saved: Some(revision),
            merging: None,
            selection: None,
            restored: None,
        }
    }
}

impl History {
    /// An empty history whose current state counts as saved (as after opening a file).
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `edit` to `project` and records it as a new undo step (clearing redo).
    pub fn apply(&mut self, edit: Edit, project: &mut Project) -> Result<(), ModelError> {
        let name = edit.name();
        let inverse = edit.apply(project)?;
        self.push(inverse, name);
        Ok(())
    }

    /// Applies `edit` as one undo step named `name` (a batch that is one change to the user:
    /// "add span" with its document's new status, "import annotations").
    pub fn apply_named(
        &mut self,
        edit: Edit,
        name: impl Into<Cow<'static, str>>,
        project: &mut Project,
    ) -> Result<(), ModelError> {
        let inverse = edit.apply(project)?;
        self.push(inverse, name);
        Ok(())
    }

    /// Applies `edit` and records it, merged into the previous step if that step has the same key
    /// and the gesture has not ended. The merged step undoes the whole gesture at once.
    pub fn apply_merging(
        &mut self,
        edit: Edit,
        key: MergeKey,
        project: &mut Project,
    ) -> Result<(), ModelError> {
        let name = edit.name();
        let inverse = edit.apply(project)?;
        self.push_merging(inverse, key, name);
        Ok(())
    }

    /// Records the inverse of an edit named `name` that the caller already applied, as a new undo
    /// step.
    pub fn push(&mut self, inverse: Edit, name: impl Into<Cow<'static, str>>) {
        self.merging = None;
        self.record(inverse, name.into());
    }

    /// Like [`History::push`], merging with the previous step when it has the same key.
    pub fn push_merging(&mut self, inverse: Edit, key: MergeKey, name: &'static str) {
        let revision = self.fresh_revision();
        match self.undo.last_mut() {
            Some(top) if self.merging == Some(key) => {
                if !inverse.is_subsumed_by(&top.edit) {
                    let older = std::mem::replace(&mut top.edit, Edit::Batch(Vec::new()));
                    top.edit = Edit::Batch(vec![inverse, older]);
                }
                top.source = revision;
                self.revision = revision;
            }
            _ => {
                self.record(inverse, name.into());
                self.merging = Some(key);
            }
        }
    }

    /// Ends the current gesture: the next edit starts a new undo step even with the same key.
    pub fn end_merge(&mut self) {
        self.merging = None;
    }

    fn fresh_revision(&mut self) -> u64 {
        new_revision()
    }

    fn record(&mut self, inverse: Edit, name: Cow<'static, str>) {
        let revision = self.fresh_revision();
        self.undo.push(Entry {
            edit: inverse,
            target: self.revision,
            source: revision,
            name,
            selection: self.selection.clone(),
        });
        self.redo.clear();
        self.revision = revision;
    }

    /// Moves one entry from `from` to `to` by applying it. `Ok(false)` if `from` is empty; on
    /// error the entry stays where it was and the project is unchanged.
    fn step(&mut self, project: &mut Project, undo: bool) -> Result<bool, ModelError> {
        self.merging = None;
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(entry) = from.pop() else {
            return Ok(false);
        };
        match entry.edit.clone().apply(project) {
            Ok(inverse) => {
                self.revision = entry.target;
                to.push(Entry {
                    edit: inverse,
                    target: entry.source,
                    source: entry.target,
                    name: entry.name,
                    // Stepping back over this entry later restores the selection of now.
                    selection: self.selection.clone(),
                });
                self.restored = entry.selection;
                Ok(true)
            }
            Err(error) => {
                from.push(entry);
                Err(error)
            }
        }
    }

    /// Undoes the last step. `Ok(false)` if there was nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<bool, ModelError> {
        self.step(project, true)
    }

    /// Redoes the last undone step. `Ok(false)` if there was nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Result<bool, ModelError> {
        self.step(project, false)
    }

    /// Tells the history the user's current selection: the next step records it (undoing that
    /// step restores it), and an undo or redo records it on the step it moves.
    pub fn set_selection(&mut self, selection: Option<SavedSelection>) {
        self.selection = selection;
    }

    /// The selection the last undo or redo restored (the one the user had when that change was
    /// made, or when it was undone); `None` when none was recorded.
    pub fn restored_selection(&self) -> Option<&SavedSelection> {
        self.restored.as_ref()
    }

    /// The name of the change Undo would revert ("add span").
    pub fn undo_name(&self) -> Option<&str> {
        self.undo.last().map(|e| e.name.as_ref())
    }

    /// The name of the change Redo would make again.
    pub fn redo_name(&self) -> Option<&str> {
        self.redo.last().map(|e| e.name.as_ref())
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of undo steps.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of redo steps.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// The current revision (changes with every edit, undo and redo; equal revisions mean equal
    /// projects, even across histories: no two histories of the process share a revision).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Marks the current state as saved (call after a successful save). Also ends any gesture, so
    /// later edits do not merge into the saved step.
    pub fn mark_saved(&mut self) {
        self.saved = Some(self.revision);
        self.merging = None;
    }

    /// Counts every state as unsaved until the next [`History::mark_saved`] (a project restored
    /// from a recovery file differs from its file).
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
    }

    /// Whether the project differs from the last saved state.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.revision)
    }

    /// Forgets every step and counts the current state as saved (e.g. after opening a project).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}
