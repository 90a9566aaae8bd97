//! The adjudication bar under the article: the disagreement shown (its kind, what each annotator
//! proposes, which sides the gold holds now) and one button per decision and step, each sending
//! its [`UiCommand`] (the same as its key). Names, label names and span text are shaped by our
//! engine (they may be Arabic).

use egui::{Color32, RichText, Ui};

use super::shaped_label::shaped_label;
use crate::command::UiCommand;
use crate::text::TextEngine;
use crate::ui::shortcuts::shortcuts;

/// The colours of annotators A, B, … (Okabe–Ito: reddish purple, sky blue, then more).
pub const ANNOTATOR_COLOURS: [Color32; 4] = [
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(240, 228, 66),
    Color32::from_rgb(0, 158, 115),
];

/// The letter of annotator `k` ('A', 'B', …).
pub fn annotator_letter(k: usize) -> char {
    char::from(b'A' + (k % 26) as u8)
}

/// The colour of annotator `k`.
pub fn annotator_colour(k: usize) -> Color32 {
    ANNOTATOR_COLOURS[k % ANNOTATOR_COLOURS.len()]
}

/// What one annotator proposes at the disagreement shown, in words.
#[derive(Clone, Debug, Default)]
pub struct SideView {
    /// The label name (or, for a relation, its type name), as the schema names it.
    pub label: String,
    /// The label colour.
    pub colour: Color32,
    /// The text covered (for a relation: both ends' text joined with an arrow).
    pub text: String,
}

/// The disagreement shown.
pub struct DisagreementView<'a> {
    /// Its index (0-based) and the number of disagreements.
    pub index: usize,
    /// How many there are.
    pub total: usize,
    /// Its kind ("boundary", "label", "missing", "relation").
    pub kind: &'static str,
    /// The title of its document.
    pub title: &'a str,
    /// The annotators' names.
    pub names: [&'a str; 2],
    /// What each proposes (`None`: nothing there).
    pub sides: [Option<SideView>; 2],
    /// Which sides the gold holds now.
    pub kept: [bool; 2],
}

/// The bar; returns the command of the button clicked.
pub fn adjudication_bar_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    view: Option<&DisagreementView<'_>>,
) -> Option<UiCommand> {
    let mut clicked = None;
    let Some(view) = view else {
        ui.horizontal(|ui| {
            ui.label("Adjudication: no disagreement left — every span was made alike by both.");
            if ui.button(UiCommand::ShowAgreement.label()).clicked() {
                clicked = Some(UiCommand::ShowAgreement);
            }
        });
        return clicked;
    };
    let text = ui.visuals().text_color();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "Disagreement {} of {} · {}",
            view.index + 1,
            view.total,
            view.kind
        ));
        shaped_label(ui, engine, view.title, 14.0, text, 240.0);
        let kept = match view.kept {
            [true, true] => "both",
            [true, false] => "A's",
            [false, true] => "B's",
            [false, false] => "neither (yet)",
        };
        ui.label(format!("In the gold: {kept}"));
        ui.separator();
        for command in [
            UiCommand::PreviousDisagreement,
            UiCommand::NextDisagreement,
            UiCommand::TakeA,
            UiCommand::TakeB,
            UiCommand::TakeBoth,
            UiCommand::TakeNeither,
            UiCommand::ShowAgreement,
        ] {
            let key = shortcuts(command)
                .first()
                .map(|s| format!(" ({})", ui.ctx().format_shortcut(s)))
                .unwrap_or_default();
            if ui
                .button(format!("{}{key}", command.label()))
                .on_hover_text(command.tooltip())
                .clicked()
            {
                clicked = Some(command);
            }
        }
    });
    for (k, side) in view.sides.iter().enumerate() {
        ui.horizontal(|ui| {
            let letter = crate::ui::adjudication::annotator_letter(k);
            let mut badge = RichText::new(letter.to_string())
                .strong()
                .color(annotator_colour(k));
            if view.kept[k] {
                badge = badge.underline();
            }
            ui.label(badge);
            shaped_label(ui, engine, view.names[k], 14.0, text, 140.0);
            match side {
                Some(side) => {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter().rect_filled(rect, 2.0, side.colour);
                    shaped_label(ui, engine, &side.label, 14.0, text, 120.0);
                    shaped_label(ui, engine, &side.text, 16.0, text, 420.0);
                }
                None => {
                    ui.weak("nothing here");
                }
            }
            if view.kept[k] {
                ui.label("(in the gold)");
            }
        });
    }
    clicked
}
