//! The reading capability: the article view of the document shown, the zoom (the view's own,
//! carried to the next view), and the encoding each article added in this session was decoded
//! from.

use std::collections::HashMap;

use crate::command::SavedSelection;
use crate::model::{DocId, Project};
use crate::text::Selection;
use crate::ui::ArticleView;
use crate::ui::article_view::ReadingPlace;

/// The document shown and how.
#[derive(Default)]
pub struct Reader {
    /// The view of the current document (none when the project has no documents).
    view: Option<ArticleView>,
    /// The zoom of the last view, for the next one when there is no view in between.
    zoom: Option<f32>,
    /// The encoding each article added in this session was decoded from.
    encodings: HashMap<DocId, String>,
    /// Where the reader was in each document shown before (scroll position, selection).
    places: HashMap<DocId, ReadingPlace>,
}

/// The reading places of a project, kept across a reload: the document shown and every place.
pub struct KeptPlaces(Option<DocId>, HashMap<DocId, ReadingPlace>);

impl Reader {
    /// The view shown.
    pub fn view(&self) -> Option<&ArticleView> {
        self.view.as_ref()
    }

    /// The view shown, mutable.
    pub fn view_mut(&mut self) -> Option<&mut ArticleView> {
        self.view.as_mut()
    }

    /// The document shown.
    pub fn doc(&self) -> Option<DocId> {
        self.view.as_ref().map(ArticleView::doc)
    }

    /// The zoom of the article text (1.0 when nothing is shown yet).
    pub fn zoom(&self) -> f32 {
        self.view
            .as_ref()
            .map(ArticleView::zoom)
            .or(self.zoom)
            .unwrap_or(1.0)
    }

    /// Sets the zoom of the view shown (and of the next one, when none is shown).
    pub fn set_zoom(&mut self, zoom: f32) {
        self.zoom = Some(zoom);
        if let Some(view) = &mut self.view {
            view.set_zoom(zoom);
        }
    }

    /// Shows document `doc` of `project` (keeping the zoom); nothing when it is already shown.
    pub fn show(&mut self, project: &Project, doc: DocId) {
        if self.doc() == Some(doc) {
            return;
        }
        if let Some(document) = project.document(doc) {
            let zoom = self.zoom();
            self.close();
            let mut view = ArticleView::new(doc, document.shared_text());
            view.set_zoom(zoom);
            if let Some(place) = self.places.get(&doc) {
                view.restore_place(place);
            }
            self.view = Some(view);
        }
    }

    /// Shows `doc` anew (its text may have changed: a crop, a reload).
    pub fn show_fresh(&mut self, project: &Project, doc: DocId) {
        self.close();
        self.show(project, doc);
    }

    /// Shows the first document of `project`, or nothing when it has none.
    pub fn show_first(&mut self, project: &Project) {
        self.close();
        if let Some(doc) = project.documents().next().map(|d| d.id()) {
            self.show(project, doc);
        }
    }

    /// Closes the view (its zoom is kept for the next).
    fn close(&mut self) {
        if let Some(view) = self.view.take() {
            self.zoom = Some(view.zoom());
            self.places.insert(view.doc(), view.reading_place());
        }
    }

    /// The document shown and the reading places, before the project is reloaded.
    pub fn keep_places(&mut self) -> KeptPlaces {
        let doc = self.doc();
        self.close();
        KeptPlaces(doc, std::mem::take(&mut self.places))
    }

    /// After a reload: the places back, and the document that was shown at its place (if the
    /// reloaded project still has it).
    pub fn restore_places(&mut self, project: &Project, KeptPlaces(doc, places): KeptPlaces) {
        self.places = places;
        self.places
            .retain(|doc, _| project.document(*doc).is_some());
        if let Some(doc) = doc.filter(|d| project.document(*d).is_some()) {
            if let Some(view) = self.view.take() {
                self.zoom = Some(view.zoom());
            }
            self.show(project, doc);
        }
    }

    /// After an undo, redo or crop the shown document may be gone or have another text.
    pub fn keep_valid(&mut self, project: &Project) {
        let Some(view) = &self.view else {
            self.show_first(project);
            return;
        };
        let doc = view.doc();
        match project.document(doc) {
            None => self.show_first(project),
            Some(document) if !std::ptr::eq(document.text(), view.text()) => {
                self.show_fresh(project, doc)
            }
            Some(_) => {}
        }
    }

    /// The selection as the undo history remembers it.
    pub fn saved_selection(&self) -> Option<SavedSelection> {
        let view = self.view.as_ref()?;
        Some(SavedSelection {
            doc: view.doc(),
            range: view.selection.range(),
            span: view.selected_span(),
        })
    }

    /// Puts back a selection the history restored: its document, text range and span.
    pub fn restore_selection(&mut self, project: &Project, saved: &SavedSelection) {
        self.show(project, saved.doc);
        let Some(view) = &mut self.view else {
            return;
        };
        if view.doc() != saved.doc {
            return;
        }
        let len = view.text().len();
        if saved.range.end <= len
            && view.text().is_char_boundary(saved.range.start)
            && view.text().is_char_boundary(saved.range.end)
        {
            view.selection = Selection::of_range(saved.range.clone());
        }
        let span = saved.span.filter(|id| project.span(*id).is_some());
        view.select_span(span);
        if span.is_none() && !view.selection.is_empty() {
            view.reveal(saved.range.clone());
        }
    }

    /// Remembers the encoding `doc` was decoded from.
    pub fn set_encoding(&mut self, doc: DocId, encoding: String) {
        self.encodings.insert(doc, encoding);
    }

    /// The encoding `doc` was decoded from, when it was added in this session.
    pub fn encoding(&self, doc: DocId) -> Option<&str> {
        self.encodings.get(&doc).map(String::as_str)
    }

    /// Forgets the view and the encodings (another project is open).
    pub fn reset(&mut self, project: &Project) {
        self.encodings.clear();
        self.places.clear();
        self.show_first(project);
    }
}
