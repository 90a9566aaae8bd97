//! The app's logic outside drawing: before the layout, shortcuts and dropped files become
//! commands, a close request is held while work is unsaved, the project file is watched, and
//! background work is polled; after the commands ran, autosave ticks and the window title follows
//! the project.

use std::path::PathBuf;

use super::{AppCommand, IsnadApp};
use crate::ui::shortcuts::pressed_commands;

impl IsnadApp {
    /// Everything a frame does before drawing.
    pub(super) fn before_frame(&mut self, ctx: &egui::Context) {
        // No shortcut acts behind a blocking dialog (the one place that knows: Dialogs::blocking).
        // The presses are consumed either way, so no later pass or widget of this frame sees them.
        // The settings decide the theme (nothing else sets it behind their back).
        let theme = self.settings.theme.preference();
        if ctx.options(|o| o.theme_preference) != theme {
            ctx.set_theme(theme);
        }
        self.dialogs.close_window_on_escape(ctx);
        let pressed = pressed_commands(ctx);
        if self.dialogs.blocking().is_none() {
            self.commands
                .extend(pressed.into_iter().map(AppCommand::Ui));
        }
        self.tick_suggestions(ctx);
        self.suggestion_keys(ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.commands.send(AppCommand::Dropped(dropped));
        }
        self.handle_close_request(ctx);
        self.watch_disk(ctx);
        self.poll_transfer(ctx);
        self.poll_adjudication(ctx);
        self.notices.tick(ctx);
    }

    /// Everything a frame does after its commands ran.
    pub(super) fn after_frame(&mut self, ctx: &egui::Context) {
        let time = ctx.input(|i| i.time);
        self.store_settings(Some((ctx, time)));
        if let Some(notice) = self.autosave.tick(ctx, &self.workspace) {
            self.notices.warn(notice);
        }
        let dirty = if self.workspace.is_dirty() {
            "• "
        } else {
            ""
        };
        let title = format!("{dirty}{} — Isnad", self.workspace.display_name());
        if self.window_title != title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }
}
