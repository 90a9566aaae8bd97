//! Settings that persist between runs: theme, zoom, window size and position, panel widths and
//! visibility, the last folder of a file dialog, recent projects and the annotator's name, in one
//! RON file in the user's configuration folder (`settings.ron` in
//! [`crate::io::user_dirs::config_dir`]). A missing or unreadable file means the defaults; the
//! file is written atomically (a temporary file renamed over it) whenever the settings change.
//! `IsnadApp::new` keeps them in memory only, so tests never touch the user's folders.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The settings file's name in the configuration folder.
pub const SETTINGS_FILE: &str = "settings.ron";

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the system's setting.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl Theme {
    /// Every theme, in the order the settings window offers them.
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    /// What the settings window calls it.
    pub fn name(self) -> &'static str {
        match self {
            Theme::System => "Follow the system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }

    /// egui's preference for it.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Theme::System => egui::ThemePreference::System,
            Theme::Light => egui::ThemePreference::Light,
            Theme::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Where the window was: outer position and inner size, in points.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WindowGeometry {
    /// Left edge of the window frame.
    pub x: f32,
    /// Top edge of the window frame.
    pub y: f32,
    /// Width of the content.
    pub width: f32,
    /// Height of the content.
    pub height: f32,
}

/// Everything remembered between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light, dark, or the system's.
    pub theme: Theme,
    /// The article's zoom.
    pub zoom: f32,
    /// The window's place and size (`None`: the default).
    pub window: Option<WindowGeometry>,
    /// Width of the document list, in points.
    pub documents_width: f32,
    /// Width of the span panel, in points.
    pub spans_width: f32,
    /// Whether the document list is shown.
    pub show_documents: bool,
    /// Whether the span panel is shown.
    pub show_spans: bool,
    /// The folder the last file dialog ended in.
    pub last_folder: Option<PathBuf>,
    /// Recent projects, newest first.
    pub recent: Vec<PathBuf>,
    /// The annotator's name (recorded on the spans and relations they make).
    pub annotator: String,
    /// Whether Isnad's suggestions are shown (View › Suggestions).
    pub show_suggestions: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::System,
            zoom: 1.0,
            window: None,
            documents_width: 260.0,
            spans_width: 300.0,
            show_documents: true,
            show_spans: true,
            last_folder: None,
            recent: Vec::new(),
            annotator: String::new(),
            show_suggestions: true,
        }
    }
}

/// Where the settings live, and what was last written there.
#[derive(Debug, Default)]
pub struct SettingsStore {
    /// The file; `None` keeps the settings in memory only.
    file: Option<PathBuf>,
    written: Option<Settings>,
}

impl SettingsStore {
    /// Settings kept in memory only.
    pub fn in_memory() -> Self {
        Self::default()
    }

    /// Settings in `file`.
    pub fn in_file(file: PathBuf) -> Self {
        Self {
            file: Some(file),
            written: None,
        }
    }

    /// The settings file in the user's configuration folder (memory only when there is none).
    pub fn for_user() -> Self {
        match crate::io::user_dirs::config_dir() {
            Some(dir) => Self::in_file(dir.join(SETTINGS_FILE)),
            None => Self::in_memory(),
        }
    }

    /// The file, if any.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The stored settings; the defaults when there is no file or it cannot be read (a setting
    /// missing from the file keeps its default).
    pub fn load(&mut self) -> Settings {
        let settings = self
            .file
            .as_ref()
            .and_then(|file| std::fs::read_to_string(file).ok())
            .and_then(|text| ron::from_str::<Settings>(&text).ok())
            .unwrap_or_default();
        self.written = Some(settings.clone());
        settings
    }

    /// Writes `settings` when they differ from what was last written. Failing to write is not
    /// worth interrupting the user for: the settings are a convenience.
    pub fn store(&mut self, settings: &Settings) {
        if self.written.as_ref() == Some(settings) {
            return;
        }
        self.written = Some(settings.clone());
        let Some(file) = &self.file else {
            return;
        };
        let Ok(text) = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
        else {
            return;
        };
        if let Some(dir) = file.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let temporary = file.with_extension("ron.tmp");
        if std::fs::write(&temporary, text).is_ok() {
            let _ = std::fs::rename(&temporary, file);
        }
    }
}

/// Seconds between two writes of settings that change by themselves (window, panels).
const WRITE_EVERY: f64 = 2.0;

impl super::IsnadApp {
    /// Applies the loaded settings: theme, zoom, window place and size.
    pub(super) fn apply_settings(&mut self, ctx: &egui::Context) {
        ctx.set_theme(self.settings.theme.preference());
        self.reader.set_zoom(self.settings.zoom);
        if let Some(window) = self.settings.window
            && window.width >= 300.0
            && window.height >= 200.0
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(egui::vec2(
                window.width,
                window.height,
            )));
            ctx.send_viewport_cmd(egui::ViewportCommand::OuterPosition(egui::pos2(
                window.x, window.y,
            )));
        }
    }

    /// Applies a change asked for in the settings window (stored at once).
    pub(super) fn answer_settings(
        &mut self,
        ctx: &egui::Context,
        answer: super::dialogs::SettingsAnswer,
    ) {
        match answer {
            super::dialogs::SettingsAnswer::Theme(theme) => {
                self.settings.theme = theme;
                ctx.set_theme(theme.preference());
            }
            super::dialogs::SettingsAnswer::Annotator(name) => {
                self.workspace.set_annotator(&name);
                self.settings.annotator = name;
            }
        }
        self.store_settings(None);
    }

    /// Gathers what changed by itself (zoom, window, last folder, recent projects) and writes the
    /// settings when they changed: at once with `now` `None`, else at most every two seconds.
    pub(super) fn store_settings(&mut self, now: Option<(&egui::Context, f64)>) {
        self.settings.zoom = self.reader.zoom();
        self.settings.last_folder = self.files.last_folder().map(Path::to_owned);
        self.settings.recent = self.recent.paths().to_vec();
        if let Some((ctx, _)) = now {
            let (outer, inner) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().inner_rect));
            if let (Some(outer), Some(inner)) = (outer, inner) {
                self.settings.window = Some(WindowGeometry {
                    x: outer.min.x,
                    y: outer.min.y,
                    width: inner.width(),
                    height: inner.height(),
                });
            }
        }
        if let Some((_, time)) = now
            && time - self.settings_written_at < WRITE_EVERY
        {
            return;
        }
        self.settings_store.store(&self.settings);
        if let Some((_, time)) = now {
            self.settings_written_at = time;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_survive_a_round_trip_through_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("config").join(SETTINGS_FILE);
        let mut store = SettingsStore::in_file(file.clone());
        assert_eq!(store.load(), Settings::default(), "no file: the defaults");
        let settings = Settings {
            theme: Theme::Light,
            zoom: 1.3,
            window: Some(WindowGeometry {
                x: 10.0,
                y: 20.0,
                width: 700.0,
                height: 500.0,
            }),
            documents_width: 200.0,
            spans_width: 350.0,
            show_documents: false,
            show_spans: true,
            last_folder: Some(dir.path().to_owned()),
            recent: vec![dir.path().join("a.isnad.ron")],
            annotator: "سارة".to_owned(),
            show_suggestions: false,
        };
        store.store(&settings);
        assert!(file.exists());
        assert_eq!(SettingsStore::in_file(file.clone()).load(), settings);
        std::fs::write(&file, "(theme: Dark)").expect("write");
        let partial = SettingsStore::in_file(file.clone()).load();
        assert_eq!(partial.theme, Theme::Dark);
        assert_eq!(partial.zoom, 1.0, "a missing setting keeps its default");
        std::fs::write(&file, "not ron at all").expect("write");
        assert_eq!(SettingsStore::in_file(file).load(), Settings::default());
    }

    #[test]
    fn memory_only_settings_write_nothing() {
        let mut store = SettingsStore::in_memory();
        store.store(&Settings::default());
        assert!(store.file().is_none());
    }
}
