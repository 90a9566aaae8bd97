//! The eframe application: owns the open article, the text engine and the view state; runs the
//! commands the UI recorded once the frame is built.

use std::path::{Path, PathBuf};

use crate::command::UiCommand;
use crate::io::article::{Article, article_from_bytes, load_article};
use crate::text::TextEngine;
use crate::ui::ArticleView;
use crate::ui::menu_bar::menu_bar_ui;
use crate::ui::status_bar::{StatusInfo, status_bar_ui};

/// The bundled sample article, opened when no file is given.
pub const SAMPLE_ARTICLE: &str = include_str!("../assets/sample-article.ar.txt");

/// Zoom step of Ctrl+= and Ctrl+-.
const ZOOM_STEP: f32 = 1.1;

/// The Isnad app.
pub struct IsnadApp {
    engine: TextEngine,
    article: Article,
    view: ArticleView,
    /// An error to show the user (one at a time; the newest wins).
    error: Option<String>,
    /// Commands recorded during the frame, run after it.
    pending: Vec<UiCommand>,
    /// Files to open after the frame (from the dialog or a drop).
    pending_open: Option<PathBuf>,
    /// The window title last sent, so it is sent only when it changes.
    window_title: String,
}

impl IsnadApp {
    /// The app with `path` open, or the bundled sample when `path` is `None`. A file that
    /// cannot be opened leaves the sample open and shows why.
    pub fn new(ctx: &egui::Context, path: Option<&Path>) -> Self {
        configure_context(ctx);
        let mut app = Self::with_article(sample_article());
        if let Some(path) = path {
            app.open(path);
        }
        app
    }

    /// For eframe: the app created from its creation context.
    pub fn from_creation_context(cc: &eframe::CreationContext<'_>, path: Option<&Path>) -> Self {
        Self::new(&cc.egui_ctx, path)
    }

    fn with_article(article: Article) -> Self {
        Self {
            engine: TextEngine::new(),
            view: ArticleView::new(article.text.clone()),
            article,
            error: None,
            pending: Vec::new(),
            pending_open: None,
            window_title: String::new(),
        }
    }

    /// The open article.
    pub fn article(&self) -> &Article {
        &self.article
    }

    /// The article view (selection, zoom, layout).
    pub fn view(&self) -> &ArticleView {
        &self.view
    }

    /// The article view, mutable (for tests and benchmarks).
    pub fn view_mut(&mut self) -> &mut ArticleView {
        &mut self.view
    }

    /// The text offset at the top of the article viewport: the reading position.
    pub fn reading_offset(&mut self) -> usize {
        let y = self.view.scroll_offset() + 20.0;
        self.view.offset_at_y(&mut self.engine, y)
    }

    /// The error being shown, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Opens the article at `path`; on failure the current article stays and the error is shown.
    pub fn open(&mut self, path: &Path) {
        match load_article(path) {
            Ok(article) => {
                self.view = ArticleView::new(article.text.clone());
                self.article = article;
                self.error = None;
            }
            Err(err) => self.error = Some(err.to_string()),
        }
    }

    /// Records a command, run after the current frame.
    pub fn request(&mut self, command: UiCommand) {
        self.pending.push(command);
    }

    fn run(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
            UiCommand::Open => {
                let picked = rfd::FileDialog::new()
                    .set_title("Open article")
                    .add_filter("Articles", &["txt", "md"])
                    .add_filter("All files", &["*"])
                    .pick_file();
                if let Some(path) = picked {
                    self.open(&path);
                }
            }
            UiCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            UiCommand::Copy => {
                let text = self.view.selected_text();
                if !text.is_empty() {
                    ctx.copy_text(text.to_owned());
                }
            }
            UiCommand::SelectAll => self.view.select_all(),
            UiCommand::ZoomIn => self.view.set_zoom(self.view.zoom() * ZOOM_STEP),
            UiCommand::ZoomOut => self.view.set_zoom(self.view.zoom() / ZOOM_STEP),
            UiCommand::ZoomReset => self.view.set_zoom(1.0),
        }
    }

    fn error_ui(&mut self, ctx: &egui::Context) {
        let Some(message) = self.error.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("error")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading("Could not open the file");
            ui.label(message);
            ui.add_space(8.0);
            ui.button("OK").clicked()
        });
        if modal.inner || modal.should_close() {
            self.error = None;
        }
    }

    /// One frame of the whole UI (also what tests and benchmarks drive).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.error.is_none() {
            self.pending.extend(UiCommand::pressed(&ctx));
        }
        if let Some(path) =
            ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()))
        {
            self.pending_open = Some(path);
        }

        egui::Panel::top("menu").show(ui, |ui| {
            if let Some(command) = menu_bar_ui(ui) {
                self.pending.push(command);
            }
        });
        let selection =
            (!self.view.selection.is_empty()).then(|| self.view.selection_in_code_points());
        egui::Panel::bottom("status").show(ui, |ui| {
            status_bar_ui(
                ui,
                &StatusInfo {
                    title: &self.article.title,
                    encoding: &self.article.encoding,
                    paragraphs: self.view.layout().paragraph_count(),
                    selection,
                    zoom: self.view.zoom(),
                },
            );
        });
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(0.0))
            .show(ui, |ui| {
                let label = format!("Article: {}", self.article.title);
                self.view.show(ui, &mut self.engine, &label);
            });
        self.error_ui(&ctx);

        for command in std::mem::take(&mut self.pending) {
            self.run(&ctx, command);
        }
        if let Some(path) = self.pending_open.take() {
            self.open(&path);
        }
        let title = format!("{} — Isnad", self.article.title);
        if self.window_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}

impl eframe::App for IsnadApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }
}

/// Context settings the app relies on: Ctrl+= and Ctrl+- zoom the article, not the whole UI.
pub fn configure_context(ctx: &egui::Context) {
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
}

/// The bundled sample article.
pub fn sample_article() -> Article {
    // The sample is UTF-8 text compiled into the binary: decoding cannot fail, but never panic.
    article_from_bytes(SAMPLE_ARTICLE.as_bytes(), None).unwrap_or_else(|_| Article {
        path: None,
        title: "Sample article".to_owned(),
        text: SAMPLE_ARTICLE.to_owned(),
        encoding: "UTF-8".to_owned(),
    })
}
