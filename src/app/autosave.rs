//! Autosave: while the project has unsaved changes, a copy goes to its recovery file (see
//! [`crate::io::recovery`]) every [`DEFAULT_INTERVAL`] (or `$ISNAD_AUTOSAVE_SECS`) and whenever the
//! window loses focus.
//!
//! The UI thread only clones the project (documents share their text, so a 53 MB project with
//! 300,000 spans clones in ~19 ms); a worker thread serialises the clone (~0.7 s for that project)
//! and writes it atomically (~0.14 s with the fsync; `examples/autosave_bench.rs`). The clock is egui's input time, so tests advance it frame by frame.
//! Per frame the cost is a few comparisons, whatever the size of the project.
//!
//! The recovery file this session wrote (or restored from) is removed once the work is saved or
//! the user discards it; a recovery file found and kept for later is moved to `NAME.1` before
//! autosave replaces it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::crash::PanicSlot;
use super::{IsnadApp, Location, Workspace};
use crate::io::log::LogFile;
use crate::io::recovery::{self, Unsaved};

/// How long unsaved changes wait before they are autosaved.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(30);

/// Environment variable setting the interval in seconds (0: only on focus loss).
pub const INTERVAL_ENV: &str = "ISNAD_AUTOSAVE_SECS";

/// Where and how often autosave writes, and where it logs.
#[derive(Clone, Debug)]
pub struct AutosaveSettings {
    /// Unsaved changes are autosaved once they are this old (zero: only on focus loss).
    pub interval: Duration,
    /// Where recovery files of untitled projects and of the sample go (`None`: they are not
    /// autosaved). Recovery files of project files always go beside them.
    pub unsaved_dir: Option<PathBuf>,
    /// Where errors and autosave and recovery events are logged.
    pub log: LogFile,
    /// The slot the panic hook reads, if one is installed.
    pub panic_slot: Option<PanicSlot>,
}

impl AutosaveSettings {
    /// For tests and embedding: recovery files beside project files only, every 30 s, no log, no
    /// panic hook; nothing is written in the user's folders.
    pub fn in_memory() -> Self {
        Self {
            interval: DEFAULT_INTERVAL,
            unsaved_dir: None,
            log: LogFile::none(),
            panic_slot: None,
        }
    }

    /// The user's: the interval from `$ISNAD_AUTOSAVE_SECS`, untitled recoveries in the data
    /// folder, the user's log, and the process's panic slot.
    pub fn for_user() -> Self {
        let env = std::env::var(INTERVAL_ENV).ok();
        Self {
            interval: interval_from(env.as_deref()),
            unsaved_dir: recovery::user_data_dir().map(|dir| recovery::untitled_dir(&dir)),
            log: LogFile::for_user(),
            panic_slot: Some(PanicSlot::global()),
        }
    }
}

/// The interval a `$ISNAD_AUTOSAVE_SECS` value asks for (whole or fractional seconds); missing or
/// invalid values give the default.
pub fn interval_from(value: Option<&str>) -> Duration {
    value
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|secs| secs.is_finite() && *secs >= 0.0)
        .map_or(DEFAULT_INTERVAL, Duration::from_secs_f64)
}

/// What a worker reports: bytes written and how long it took, or why it failed.
type JobResult = Result<(usize, Duration), String>;

/// One autosave being written by a worker thread.
struct Job {
    worker: JoinHandle<JobResult>,
    target: PathBuf,
    revision: u64,
    /// Time spent on the UI thread to start it (cloning the project).
    snapshot_cost: Duration,
}

/// The autosave state of the open workspace.
pub(super) struct Autosave {
    settings: AutosaveSettings,
    /// Revision of the workspace last written to the recovery file (or restored from it).
    written: Option<u64>,
    /// egui time when a change not in the recovery file was first seen.
    pending_since: Option<f64>,
    job: Option<Job>,
    /// The recovery file this session wrote or restored from, for the open workspace.
    owned: Option<PathBuf>,
    /// The recovery file of the open project when it has no file of its own.
    unsaved_target: Option<PathBuf>,
    /// Whether the window had focus at the last frame.
    focused: Option<bool>,
    /// The last failure reported, so a failing disk is reported once, not every tick.
    last_failure: Option<String>,
    /// UI-thread time of the last autosave started.
    last_snapshot_cost: Option<Duration>,
}

impl Autosave {
    pub(super) fn new(settings: AutosaveSettings) -> Self {
        if let Some(slot) = &settings.panic_slot {
            slot.set_log(settings.log.clone());
        }
        Self {
            settings,
            written: None,
            pending_since: None,
            job: None,
            owned: None,
            unsaved_target: None,
            focused: None,
            last_failure: None,
            last_snapshot_cost: None,
        }
    }

    pub(super) fn settings(&self) -> &AutosaveSettings {
        &self.settings
    }

    pub(super) fn log(&self, kind: &str, message: &str) {
        self.settings.log.append(kind, message);
    }

    /// The recovery file this session owns for the open workspace.
    pub(super) fn owned(&self) -> Option<&Path> {
        self.owned.as_deref()
    }

    /// UI-thread time of the last autosave started (the snapshot).
    pub(super) fn last_snapshot_cost(&self) -> Option<Duration> {
        self.last_snapshot_cost
    }

    /// Whether an autosave is being written.
    pub(super) fn is_writing(&self) -> bool {
        self.job.is_some()
    }

    /// Where the open workspace is autosaved, if anywhere.
    fn target(&mut self, workspace: &Workspace) -> Option<PathBuf> {
        let kind = match workspace.location() {
            Location::File(path) => return Some(recovery::recovery_path(path)),
            Location::Sample => Unsaved::Sample,
            Location::Untitled => Unsaved::Untitled,
        };
        let dir = self.settings.unsaved_dir.as_deref()?;
        Some(
            self.unsaved_target
                .get_or_insert_with(|| recovery::unsaved_path(dir, kind))
                .clone(),
        )
    }

    /// Once per frame: collects a finished autosave, and starts one when changes have waited an
    /// interval or the window lost focus. Returns a notice for the status bar (a failure).
    pub(super) fn tick(&mut self, ctx: &egui::Context, workspace: &Workspace) -> Option<String> {
        let (now, focus_event, focused) = ctx.input(|i| {
            let lost = i
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(false)));
            (i.time, lost, i.viewport().focused)
        });
        let lost_focus = focus_event || (self.focused == Some(true) && focused == Some(false));
        self.focused = focused;
        let notice = self.poll();
        let revision = workspace.revision();
        let covered = self.job.as_ref().map(|j| j.revision).or(self.written);
        if !workspace.is_dirty() || covered == Some(revision) {
            self.pending_since = None;
        } else {
            let since = *self.pending_since.get_or_insert(now);
            let interval = self.settings.interval.as_secs_f64();
            let due = lost_focus || (interval > 0.0 && now - since >= interval);
            if due && self.job.is_none() {
                self.start(workspace);
            } else if due {
                // Written as soon as the running autosave is done.
                self.pending_since = Some(f64::NEG_INFINITY);
            } else if interval > 0.0 {
                ctx.request_repaint_after(Duration::from_secs_f64(interval - (now - since)));
            }
        }
        if self.job.is_some() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        notice
    }

    /// Starts writing the workspace's project to its recovery file on a worker thread.
    pub(super) fn start(&mut self, workspace: &Workspace) {
        let Some(target) = self.target(workspace) else {
            return;
        };
        let started = Instant::now();
        let snapshot = Arc::new(workspace.project().clone());
        let snapshot_cost = started.elapsed();
        if let Some(slot) = &self.settings.panic_slot {
            slot.set(snapshot.clone(), target.clone());
        }
        let move_aside = self.owned.as_ref() != Some(&target) && target.exists();
        let log = self.settings.log.clone();
        let path = target.clone();
        let worker = std::thread::spawn(move || -> JobResult {
            let started = Instant::now();
            if move_aside {
                let previous = recovery::previous_path(&path);
                std::fs::rename(&path, &previous).map_err(|error| {
                    format!(
                        "could not move the earlier {} aside: {error}",
                        path.display()
                    )
                })?;
                log.append(
                    "autosave",
                    &format!("kept the earlier recovery as {}", previous.display()),
                );
            }
            let bytes = recovery::save(&snapshot, &path).map_err(|e| e.to_string())?;
            Ok((bytes, started.elapsed()))
        });
        self.last_snapshot_cost = Some(snapshot_cost);
        self.pending_since = None;
        self.job = Some(Job {
            worker,
            target,
            revision: workspace.revision(),
            snapshot_cost,
        });
    }

    /// Collects the running autosave if it has finished.
    fn poll(&mut self) -> Option<String> {
        if self.job.as_ref().is_some_and(|j| j.worker.is_finished()) {
            self.finish()
        } else {
            None
        }
    }

    /// Waits for the running autosave, if any, and records its outcome.
    pub(super) fn finish(&mut self) -> Option<String> {
        let job = self.job.take()?;
        let result = job
            .worker
            .join()
            .unwrap_or_else(|_| Err("the autosave stopped unexpectedly".into()));
        match result {
            Ok((bytes, took)) => {
                self.written = Some(job.revision);
                self.owned = Some(job.target.clone());
                self.last_failure = None;
                self.log(
                    "autosave",
                    &format!(
                        "wrote {} ({:.1} MB: {} ms on the UI thread, {} ms writing)",
                        job.target.display(),
                        bytes as f64 / 1e6,
                        job.snapshot_cost.as_millis(),
                        took.as_millis()
                    ),
                );
                None
            }
            Err(error) => {
                self.log("autosave", &format!("failed: {error}"));
                if self.last_failure.as_deref() == Some(error.as_str()) {
                    return None;
                }
                self.last_failure = Some(error.clone());
                Some(format!("Autosave failed: {error}"))
            }
        }
    }

    /// The work was saved, or discarded, or the workspace is being replaced: waits for a running
    /// autosave, removes the recovery file this session owns and starts afresh.
    pub(super) fn drop_recovery(&mut self) {
        self.finish();
        if let Some(path) = self.owned.take() {
            match recovery::remove(&path) {
                Ok(()) => self.log("recovery", &format!("removed {}", path.display())),
                Err(error) => self.log(
                    "recovery",
                    &format!("could not remove {}: {error}", path.display()),
                ),
            }
        }
        self.written = None;
        self.pending_since = None;
        self.unsaved_target = None;
        if let Some(slot) = &self.settings.panic_slot {
            slot.clear();
        }
    }

    /// The workspace was restored from `path` at `revision`: autosave continues there, and the
    /// file is removed once the work is saved or discarded.
    pub(super) fn adopt(&mut self, path: PathBuf, revision: u64) {
        if Unsaved::of_file(&path).is_some() {
            self.unsaved_target = Some(path.clone());
        }
        self.owned = Some(path);
        self.written = Some(revision);
        self.pending_since = None;
    }

    /// While a panic unwinds through the app: writes the live project (every edit, unlike the
    /// panic hook's snapshot) to the recovery file, on this thread.
    pub(super) fn write_while_panicking(&mut self, workspace: &Workspace) {
        self.finish();
        if !workspace.is_dirty() || self.written == Some(workspace.revision()) {
            return;
        }
        let Some(target) = self.target(workspace) else {
            return;
        };
        if self.owned.as_ref() != Some(&target) && target.exists() {
            let _ = std::fs::rename(&target, recovery::previous_path(&target));
        }
        match recovery::save(workspace.project(), &target) {
            Ok(_) => self.log(
                "panic",
                &format!("wrote the open project to {}", target.display()),
            ),
            Err(error) => self.log("panic", &format!("could not write the recovery: {error}")),
        }
    }
}

impl IsnadApp {
    /// Ends the session after the window closed normally (nothing unsaved, or the user saved or
    /// discarded): waits for a running autosave and removes the recovery file this session wrote.
    pub fn shutdown(&mut self) {
        if self.workspace.is_dirty() && !self.close_confirmed {
            // Not a close the user agreed to: keep the recovery.
            self.autosave.finish();
        } else {
            self.autosave.drop_recovery();
        }
    }

    /// Starts an autosave now, as a focus loss would; `false` when there is nothing unsaved,
    /// nowhere to write it, or an autosave is already being written.
    pub fn autosave_now(&mut self) -> bool {
        if !self.workspace.is_dirty() || self.autosave.is_writing() {
            return false;
        }
        self.autosave.start(&self.workspace);
        self.autosave.is_writing()
    }

    /// Waits for the running autosave, if any; returns the recovery file this session wrote for
    /// the open project, if any.
    pub fn wait_for_autosave(&mut self) -> Option<&Path> {
        if let Some(notice) = self.autosave.finish() {
            self.notices.warn(notice);
        }
        self.autosave.owned()
    }

    /// Whether an autosave is being written on the worker thread.
    pub fn is_autosaving(&self) -> bool {
        self.autosave.is_writing()
    }

    /// Time the last autosave spent on the UI thread (cloning the project).
    pub fn autosave_snapshot_cost(&self) -> Option<Duration> {
        self.autosave.last_snapshot_cost()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_shown_and_logged_once_however_often_it_repeats() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = dir.path().join("isnad.log");
        let settings = AutosaveSettings {
            log: LogFile::at(&log),
            ..AutosaveSettings::in_memory()
        };
        let mut app = IsnadApp::with_autosave(&egui::Context::default(), None, settings);
        for _ in 0..3 {
            app.show_error("Could not export", "the disk is full: /tmp/x");
        }
        app.show_error("Could not export", "another reason");
        let text = std::fs::read_to_string(&log).expect("log");
        assert_eq!(
            text.matches("error: Could not export: the disk is full")
                .count(),
            1
        );
        assert_eq!(text.lines().count(), 2, "{text}");
        assert_eq!(app.error().expect("shown").message, "another reason");
    }

    #[test]
    fn the_interval_comes_from_the_environment_value_or_the_default() {
        assert_eq!(interval_from(None), DEFAULT_INTERVAL);
        assert_eq!(interval_from(Some("5")), Duration::from_secs(5));
        assert_eq!(interval_from(Some(" 0.5 ")), Duration::from_millis(500));
        assert_eq!(interval_from(Some("0")), Duration::ZERO);
        for bad in ["", "-3", "soon", "inf", "NaN"] {
            assert_eq!(interval_from(Some(bad)), DEFAULT_INTERVAL, "{bad}");
        }
    }
}
