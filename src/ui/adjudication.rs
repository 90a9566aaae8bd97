//! The adjudication bar under the article: the disagreement shown (its kind, how many are
//! decided, what was decided on this one or that it is not decided yet), the annotators, and one
//! row per alternative (who proposed it, its label and text, whether the gold holds it) with its
//! button; every button sends its [`UiCommand`] (the same as its key). Names, label names and
//! span text are shaped by our engine (they may be Arabic).

use egui::{Color32, RichText, Ui};

use super::shaped_label::shaped_label;
use crate::command::UiCommand;
use crate::text::TextEngine;
use crate::ui::shortcuts::shortcuts;

/// The colours of annotators A, B, … (Okabe–Ito: reddish purple, sky blue, yellow, bluish
/// green, orange, blue; the vermillion is the focus outline's).
pub const ANNOTATOR_COLOURS: [Color32; 6] = [
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(240, 228, 66),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(0, 114, 178),
];

/// The letter of annotator `k` ('A', 'B', …).
pub fn annotator_letter(k: usize) -> char {
    crate::team::letter(k)
}

/// The colour of annotator `k`.
pub fn annotator_colour(k: usize) -> Color32 {
    ANNOTATOR_COLOURS[k % ANNOTATOR_COLOURS.len()]
}

/// The commands taking alternative 1 … 9, in order.
pub const TAKE_ALTERNATIVE: [UiCommand; 9] = [
    UiCommand::TakeAlternative1,
    UiCommand::TakeAlternative2,
    UiCommand::TakeAlternative3,
    UiCommand::TakeAlternative4,
    UiCommand::TakeAlternative5,
    UiCommand::TakeAlternative6,
    UiCommand::TakeAlternative7,
    UiCommand::TakeAlternative8,
    UiCommand::TakeAlternative9,
];

/// One alternative of the disagreement shown, in words.
#[derive(Clone, Debug, Default)]
pub struct AlternativeView {
    /// The label name (or, for a relation, its type name), as the schema names it.
    pub label: String,
    /// The label colour.
    pub colour: Color32,
    /// The text covered (for a relation: both ends' text joined with an arrow).
    pub text: String,
    /// The annotators (indexes) who proposed it.
    pub by: Vec<usize>,
    /// Whether the gold holds it now.
    pub kept: bool,
}

/// The disagreement shown.
pub struct DisagreementView<'a> {
    /// Its index (0-based).
    pub index: usize,
    /// How many there are.
    pub total: usize,
    /// How many are decided.
    pub decided: usize,
    /// What was decided on this one ("take A"), `None`: not decided yet.
    pub decision: Option<String>,
    /// Its kind ("boundary", "label", "missing", "relation").
    pub kind: &'static str,
    /// The title of its document.
    pub title: &'a str,
    /// The annotators' names.
    pub names: &'a [String],
    /// Its alternatives.
    pub alternatives: Vec<AlternativeView>,
    /// Whether an alternative has a majority (more than half of the annotators).
    pub has_majority: bool,
}

/// A button for `command` with its first shortcut; true when clicked.
fn command_button(ui: &mut Ui, command: UiCommand, text: &str) -> bool {
    let key = shortcuts(command)
        .first()
        .map(|s| format!(" ({})", ui.ctx().format_shortcut(s)))
        .unwrap_or_default();
    ui.button(format!("{text}{key}"))
        .on_hover_text(command.tooltip())
        .clicked()
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
            ui.label("Adjudication: no disagreement left — every span was made alike by all.");
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
        ui.label(format!("{} of {} decided", view.decided, view.total));
        match &view.decision {
            Some(decision) => ui.label(format!("This one: decided, {decision}")),
            None => ui.label(RichText::new("This one: not decided yet").italics()),
        };
        ui.separator();
        let mut commands = vec![
            UiCommand::PreviousDisagreement,
            UiCommand::NextDisagreement,
            UiCommand::TakeBoth,
        ];
        if view.names.len() > 2 && view.has_majority {
            commands.push(UiCommand::TakeMajority);
        }
        commands.extend([UiCommand::TakeNeither, UiCommand::ShowAgreement]);
        for command in commands {
            if command_button(ui, command, command.label()) {
                clicked = Some(command);
            }
        }
    });
    // The annotators: letter, name, and for A and B their side's key.
    ui.horizontal_wrapped(|ui| {
        for (k, name) in view.names.iter().enumerate() {
            ui.label(
                RichText::new(annotator_letter(k).to_string())
                    .strong()
                    .color(annotator_colour(k)),
            );
            shaped_label(ui, engine, name, 14.0, text, 140.0);
            let side = [UiCommand::TakeA, UiCommand::TakeB].get(k).copied();
            if let Some(command) = side
                && command_button(ui, command, command.label())
            {
                clicked = Some(command);
            }
            ui.add_space(12.0);
        }
    });
    for (j, alternative) in view.alternatives.iter().enumerate() {
        ui.horizontal(|ui| {
            match TAKE_ALTERNATIVE.get(j) {
                Some(&command) => {
                    if command_button(ui, command, &format!("Take {}", j + 1)) {
                        clicked = Some(command);
                    }
                }
                None => {
                    ui.label(format!("{}", j + 1));
                }
            }
            for &k in &alternative.by {
                let mut badge = RichText::new(annotator_letter(k).to_string())
                    .strong()
                    .color(annotator_colour(k));
                if alternative.kept {
                    badge = badge.underline();
                }
                ui.label(badge);
            }
            let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, alternative.colour);
            shaped_label(ui, engine, &alternative.label, 14.0, text, 120.0);
            shaped_label(ui, engine, &alternative.text, 16.0, text, 420.0);
            if alternative.kept {
                ui.label("(in the gold)");
            }
        });
    }
    clicked
}
