//! Help (F1, the Help menu) and settings (theme, remembered in a file) as a user meets them.

mod common;

use std::path::PathBuf;

use common::{harness, spans_at};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::app::settings::Theme;
use isnad::command::UiCommand;

#[test]
fn f1_opens_the_shortcuts_listing_every_command_and_escape_closes_it() {
    let mut harness = harness(None);
    harness.key_press(Key::F1);
    harness.run_steps(3);
    assert!(
        harness.query_by_label("Commands").is_some(),
        "the help window is open"
    );
    for command in UiCommand::ALL {
        assert!(
            harness.query_all_by_label(command.label()).next().is_some(),
            "{command:?} ({}) is listed",
            command.label()
        );
        assert!(
            harness
                .query_all_by_label(command.tooltip())
                .next()
                .is_some(),
            "{command:?}'s tooltip is listed"
        );
    }
    for (keys, _) in isnad::ui::help::VIEW_KEYS {
        assert!(
            harness.query_all_by_label(keys).next().is_some(),
            "{keys} is listed"
        );
    }
    // The shortcut column: Ctrl+S beside Save.
    assert!(harness.query_by_label("Ctrl+S").is_some());
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Commands").is_none(),
        "Escape closed it"
    );
}

#[test]
fn the_help_menu_opens_getting_started() {
    let mut harness = harness(None);
    harness.get_by_label("Help").click();
    for _ in 0..10 {
        if harness.query_by_label_contains("Getting started").is_some() {
            break;
        }
        harness.step();
    }
    harness.get_by_label_contains("Getting started").click();
    harness.run_steps(3);
    for (step, _) in isnad::ui::help::GETTING_STARTED {
        let title = format!(
            "{}. {step}",
            isnad::ui::help::GETTING_STARTED
                .iter()
                .position(|(s, _)| *s == step)
                .expect("step")
                + 1
        );
        assert!(harness.query_by_label(&title).is_some(), "{title}");
    }
}

fn harness_with_settings(file: PathBuf) -> Harness<'static, IsnadApp> {
    let mut harness = Harness::builder()
        .with_size([1000.0, 700.0])
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| IsnadApp::with_settings_file(&cc.egui_ctx, None, file.clone()));
    harness.run_steps(3);
    harness
}

#[test]
fn choosing_the_light_theme_is_applied_and_remembered_in_the_settings_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("isnad").join("settings.ron");
    let mut harness = harness_with_settings(file.clone());
    harness.state_mut().request(UiCommand::Settings);
    harness.run_steps(3);
    harness.get_by_label("Light").click();
    harness.run_steps(2);
    assert_eq!(harness.state().settings().theme, Theme::Light);
    assert!(
        !(harness.ctx.theme() == egui::Theme::Dark),
        "the light visuals are in use"
    );
    harness.get_by_label("Annotator name").focus();
    harness.get_by_label("Annotator name").type_text("Sara");
    harness.run_steps(2);
    harness.state_mut().request(UiCommand::ZoomIn);
    harness.state_mut().request(UiCommand::ToggleDocuments);
    harness.run_steps(2 * 60 + 5);
    drop(harness);

    let text = std::fs::read_to_string(&file).expect("the settings file was written");
    assert!(text.contains("Light"), "{text}");
    let harness = harness_with_settings(file);
    let settings = harness.state().settings();
    assert_eq!(settings.theme, Theme::Light);
    assert_eq!(settings.annotator, "Sara");
    assert!(!settings.show_documents);
    assert!(
        (harness.state().zoom() - 1.1).abs() < 1e-3,
        "zoom remembered"
    );
    assert!(!(harness.ctx.theme() == egui::Theme::Dark));
}

/// The spans of the shown document tagged with `range`.
fn annotators_at(
    harness: &Harness<'static, IsnadApp>,
    range: std::ops::Range<usize>,
) -> Vec<Option<String>> {
    spans_at(harness, range)
        .into_iter()
        .map(|s| s.annotator.as_deref().map(str::to_owned))
        .collect()
}

#[test]
fn the_annotator_name_from_the_settings_is_recorded_on_new_spans() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_with_settings(dir.path().join("settings.ron"));
    let text = common::text(&harness);
    let first = text.find("مؤتمر صحفي").expect("phrase");
    let range = first..first + "مؤتمر صحفي".len();
    common::drag_offsets(&mut harness, range.start, range.end);
    common::press(&mut harness, egui::Modifiers::NONE, Key::Num1);
    assert_eq!(
        annotators_at(&harness, range.clone()),
        [None],
        "no name set yet"
    );
    harness.state_mut().request(UiCommand::Undo);
    harness.run_steps(2);

    harness.state_mut().request(UiCommand::Settings);
    harness.run_steps(3);
    harness.get_by_label("Annotator name").focus();
    harness.get_by_label("Annotator name").type_text(" سارة ");
    harness.run_steps(2);
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    common::drag_offsets(&mut harness, range.start, range.end);
    common::press(&mut harness, egui::Modifiers::NONE, Key::Num1);
    assert_eq!(
        annotators_at(&harness, range),
        [Some("سارة".to_owned())],
        "the trimmed name is on the new span"
    );
}
