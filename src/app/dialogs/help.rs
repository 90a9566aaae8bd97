//! The help window (F1, Help menu): keyboard shortcuts, or the getting-started steps. Not
//! blocking; Escape or the close button closes it.

use crate::ui::help::{getting_started_ui, shortcuts_ui};

/// Which help page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpPage {
    /// Every command and key.
    Shortcuts,
    /// The five steps of a first annotation.
    GettingStarted,
}

/// The help window (closed when `None`).
#[derive(Default)]
pub struct HelpWindow {
    page: Option<HelpPage>,
}

impl HelpWindow {
    /// Shows `page`.
    pub fn open(&mut self, page: HelpPage) {
        self.page = Some(page);
    }

    /// Closes it.
    pub fn close(&mut self) {
        self.page = None;
    }

    /// The page shown.
    pub fn page(&self) -> Option<HelpPage> {
        self.page
    }

    /// Shows the window.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let Some(page) = self.page else {
            return;
        };
        let title = match page {
            HelpPage::Shortcuts => "Keyboard shortcuts",
            HelpPage::GettingStarted => "Getting started",
        };
        let mut open = true;
        let size = ctx.content_rect().size();
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .default_width(640.0_f32.min(size.x - 40.0))
            .max_height(size.y - 80.0)
            .show(ctx, |ui| match page {
                HelpPage::Shortcuts => shortcuts_ui(ui),
                HelpPage::GettingStarted => getting_started_ui(ui),
            });
        if !open {
            self.page = None;
        }
    }
}
