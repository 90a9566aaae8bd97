//! The find capability (Ctrl+F): the find bar's query and options, the folded text of the
//! article shown (kept per document, text and folding, so typing a query does not fold the
//! article again), the hits and the current one. The hits are handed to the article view, which
//! paints them; going to a hit selects it, so a label key tags it once the bar is closed.

use std::ops::Range;

use super::{IsnadApp, Reader};
use crate::lang::{FoldOptions, FoldedText, Query, SearchOptions};
use crate::model::DocId;
use crate::text::Selection;
use crate::ui::ArticleView;
use crate::ui::find_bar::{FindBarAction, FindBarInfo, find_bar_ui};

/// The folded article and what it was folded from.
struct FoldedArticle {
    doc: DocId,
    /// Address and length of the shared text (a crop makes a new text).
    text: (usize, usize),
    options: FoldOptions,
    folded: FoldedText,
}

/// What the hits were found for.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SearchKey {
    doc: DocId,
    text: (usize, usize),
    query: String,
    options: SearchOptions,
}

/// State of the find bar.
#[derive(Default)]
pub struct FindState {
    open: bool,
    /// Put the keyboard in the query field at the next frame.
    focus: bool,
    query: String,
    options: SearchOptions,
    folded: Option<FoldedArticle>,
    searched: Option<SearchKey>,
    hits: Vec<Range<usize>>,
    current: Option<usize>,
    error: Option<String>,
}

impl FindState {
    /// Whether the bar is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The hits in the article shown (byte ranges) and the current one.
    pub fn hits(&self) -> (&[Range<usize>], Option<usize>) {
        (&self.hits, self.current)
    }

    /// Why the query cannot be searched (an invalid regex, a query of harakat only).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Opens the bar (or puts the keyboard back in it).
    fn open(&mut self) {
        self.open = true;
        self.focus = true;
    }

    /// Searches again when the article, the query or the options changed; the current hit is the
    /// first at or after the selection's start. Returns the hit to scroll to, if it moved.
    fn refresh(&mut self, view: &ArticleView) -> Option<Range<usize>> {
        let text = view.text();
        let key = SearchKey {
            doc: view.doc(),
            text: (text.as_ptr() as usize, text.len()),
            query: self.query.clone(),
            options: self.options,
        };
        if self.searched.as_ref() == Some(&key) {
            return None;
        }
        self.hits.clear();
        self.current = None;
        self.error = None;
        let query = match Query::new(&self.query, self.options) {
            Ok(query) => query,
            Err(crate::lang::QueryError::Empty) => {
                self.searched = Some(key);
                return None;
            }
            Err(error) => {
                self.error = Some(error.to_string());
                self.searched = Some(key);
                return None;
            }
        };
        let fresh = self.folded.as_ref().is_some_and(|f| {
            f.doc == key.doc && f.text == key.text && f.options == self.options.fold
        });
        if !fresh {
            self.folded = Some(FoldedArticle {
                doc: key.doc,
                text: key.text,
                options: self.options.fold,
                folded: FoldedText::new(text, self.options.fold),
            });
        }
        if let Some(article) = &self.folded {
            self.hits = query.find_folded(&article.folded, text);
        }
        let from = view.selection.range().start;
        self.current = match self.hits.iter().position(|h| h.start >= from) {
            Some(i) => Some(i),
            None if self.hits.is_empty() => None,
            None => Some(0),
        };
        self.searched = Some(key);
        self.current.and_then(|i| self.hits.get(i).cloned())
    }

    /// Moves to the next (or previous) hit, wrapping around; returns it.
    fn step(&mut self, forward: bool) -> Option<Range<usize>> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        let i = match (self.current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, true) => 0,
            (None, false) => n - 1,
        };
        self.current = Some(i);
        self.hits.get(i).cloned()
    }
}

impl IsnadApp {
    /// The find bar's state.
    pub fn find(&self) -> &FindState {
        &self.find
    }

    /// Ctrl+F (`None`), F3 (`Some(true)`), Shift+F3 (`Some(false)`).
    pub(super) fn find_command(&mut self, next: Option<bool>) {
        match next {
            Some(forward) if self.find.open => {
                if let Some(hit) = self.find.step(forward) {
                    go_to_hit(&mut self.reader, hit);
                }
            }
            _ => self.find.open(),
        }
    }
}

/// Selects `hit` in the view shown and scrolls it into view.
pub(super) fn go_to_hit(reader: &mut Reader, hit: Range<usize>) {
    if let Some(view) = reader.view_mut() {
        view.select_span(None);
        view.selection = Selection::of_range(hit.clone());
        view.scroll_into_view(hit);
    }
}

impl FindState {
    /// The find bar (when open) above the article, and the hits handed to the view of `reader`.
    pub(super) fn show(&mut self, ui: &mut egui::Ui, reader: &mut Reader) {
        if !self.open {
            if let Some(view) = reader.view_mut()
                && !view.find_marks().hits.is_empty()
            {
                view.set_find_hits(Vec::new(), None);
            }
            return;
        }
        let focus = std::mem::take(&mut self.focus);
        let info = FindBarInfo {
            hits: self.hits.len(),
            current: self.current,
            error: self.error.as_deref(),
            focus,
        };
        let mut query = std::mem::take(&mut self.query);
        let mut options = self.options;
        let action = egui::Panel::top("find")
            .show(ui, |ui| find_bar_ui(ui, &mut query, &mut options, &info))
            .inner;
        self.query = query;
        self.options = options;
        let moved = match action {
            Some(FindBarAction::Close) => {
                self.open = false;
                if let Some(view) = reader.view_mut() {
                    view.set_find_hits(Vec::new(), None);
                }
                return;
            }
            Some(FindBarAction::Next) => self.step(true),
            Some(FindBarAction::Previous) => self.step(false),
            None => None,
        };
        if let Some(hit) = moved {
            go_to_hit(reader, hit);
        }
        if let Some(hit) = reader.view().and_then(|view| self.refresh(view)) {
            go_to_hit(reader, hit);
        }
        if let Some(view) = reader.view_mut() {
            let marks = view.find_marks();
            if marks.current != self.current || marks.hits.len() != self.hits.len() {
                view.set_find_hits(self.hits.clone(), self.current);
            }
        }
    }
}
