//! View › Statistics…: a window (not blocking) drawing the project's counts. The counts are
//! computed by `model::statistics` when the window opens and again when the project has changed,
//! at most every [`RECOMPUTE_INTERVAL`] seconds (a drag that changes the project every frame
//! does not recount it every frame; 100,000 spans take a few milliseconds, see
//! `examples/statistics_bench.rs`).

use crate::model::Project;
use crate::model::statistics::{ProjectStatistics, project_statistics};
use crate::text::TextEngine;
use crate::ui::statistics::statistics_ui;

/// Least time between two recounts while the project changes, in seconds.
pub const RECOMPUTE_INTERVAL: f64 = 0.5;

/// The statistics window: open or not, and the counts last computed (with the project revision
/// and the time they were computed at).
#[derive(Default)]
pub struct StatisticsWindow {
    open: bool,
    counted: Option<Counted>,
}

struct Counted {
    stats: ProjectStatistics,
    revision: u64,
    at: f64,
}

impl StatisticsWindow {
    /// Opens the window (counting afresh).
    pub fn open(&mut self) {
        self.open = true;
        self.counted = None;
    }

    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The counts shown (None before the window has been drawn open).
    pub fn statistics(&self) -> Option<&ProjectStatistics> {
        self.counted.as_ref().map(|c| &c.stats)
    }

    /// Shows the window when open, recounting `project` (at `revision`) when it changed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        engine: &mut TextEngine,
        project: &Project,
        revision: u64,
    ) {
        if !self.open {
            self.counted = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let wait = match &self.counted {
            None => 0.0,
            Some(c) if c.revision == revision => f64::INFINITY,
            Some(c) => RECOMPUTE_INTERVAL - (now - c.at),
        };
        if wait <= 0.0 {
            self.counted = Some(Counted {
                stats: project_statistics(project),
                revision,
                at: now,
            });
        } else if wait.is_finite() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
        }
        let Some(counted) = &self.counted else {
            return;
        };
        let mut open = true;
        egui::Window::new("Statistics")
            .open(&mut open)
            .default_width(640.0)
            .default_height(640.0)
            .vscroll(true)
            .show(ctx, |ui| {
                statistics_ui(ui, engine, &counted.stats, project.schema());
            });
        self.open = open;
    }
}
