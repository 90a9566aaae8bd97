//! The status bar's message: one at a time, with a level (information, warning, error) and a
//! lifetime, so "Saved" fades while "Not linked: …" stays long enough to be read.

/// How much a notice matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoticeLevel {
    /// Something was done ("Saved …", "Linked …").
    Info,
    /// Something was not done, and why ("Not linked: …").
    Warning,
    /// Something failed (the error window says more).
    Error,
}

impl NoticeLevel {
    /// Seconds the notice stays in the status bar.
    pub fn lifetime(self) -> f64 {
        match self {
            NoticeLevel::Info => 8.0,
            NoticeLevel::Warning => 15.0,
            NoticeLevel::Error => 30.0,
        }
    }
}

/// A message for the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// How much it matters.
    pub level: NoticeLevel,
    /// The words.
    pub text: String,
    /// When it was posted (egui time, seconds); `None` until the first frame sees it.
    posted: Option<f64>,
}

/// The current notice, if any, and its expiry.
#[derive(Default)]
pub struct Notices {
    current: Option<Notice>,
}

impl Notices {
    /// Posts a notice, replacing the current one.
    pub fn post(&mut self, level: NoticeLevel, text: impl Into<String>) {
        self.current = Some(Notice {
            level,
            text: text.into(),
            posted: None,
        });
    }

    /// Posts an information notice.
    pub fn info(&mut self, text: impl Into<String>) {
        self.post(NoticeLevel::Info, text);
    }

    /// Posts a warning.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.post(NoticeLevel::Warning, text);
    }

    /// Removes the current notice.
    pub fn clear(&mut self) {
        self.current = None;
    }

    /// The current notice.
    pub fn current(&self) -> Option<&Notice> {
        self.current.as_ref()
    }

    /// The current notice's words.
    pub fn text(&self) -> Option<&str> {
        self.current.as_ref().map(|n| n.text.as_str())
    }

    /// Starts the clock of a new notice and drops an expired one; asks for a repaint when the
    /// current one will expire, so it fades without input.
    pub fn tick(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        if let Some(left) = self.tick_at(now) {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        }
    }

    /// [`Notices::tick`] at time `now` (seconds); returns how long the notice has left.
    fn tick_at(&mut self, now: f64) -> Option<f64> {
        let notice = self.current.as_mut()?;
        let posted = *notice.posted.get_or_insert(now);
        let left = posted + notice.level.lifetime() - now;
        if left <= 0.0 {
            self.current = None;
            None
        } else {
            Some(left)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_expires_after_its_lifetime_and_a_new_one_replaces_it() {
        let mut notices = Notices::default();
        notices.info("Saved");
        let frame = |time: f64, notices: &mut Notices| {
            notices.tick_at(time);
        };
        frame(100.0, &mut notices);
        assert_eq!(notices.text(), Some("Saved"));
        frame(107.0, &mut notices);
        assert_eq!(notices.text(), Some("Saved"));
        frame(108.5, &mut notices);
        assert_eq!(notices.text(), None);
        notices.warn("Not linked");
        frame(110.0, &mut notices);
        frame(120.0, &mut notices);
        assert_eq!(
            notices.current().map(|n| n.level),
            Some(NoticeLevel::Warning)
        );
        frame(125.5, &mut notices);
        assert!(notices.current().is_none());
    }
}
