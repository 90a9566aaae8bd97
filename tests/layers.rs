//! The layers of `src/` (see `../shared/design/architecture.md`), checked rather than described:
//! arrows point down only, and the layers below the UI name no GUI or text-engine crate.
//!
//! ```text
//! app -> ui -> text -> io -> team -> lang -> command -> model      cli -> io, team, lang, command, model
//! ```

use std::path::{Path, PathBuf};

/// The layers from the bottom up; a layer may use itself and those before it.
const LAYERS: [&str; 8] = [
    "model", "command", "lang", "team", "io", "text", "ui", "app",
];

/// The headless subcommands use only these.
const CLI_USES: [&str; 6] = ["cli", "model", "command", "lang", "team", "io"];

/// Layers that must not name egui, eframe or cosmic-text.
const NO_GUI: [&str; 5] = ["model", "command", "lang", "team", "io"];

const GUI_CRATES: [&str; 4] = ["egui", "eframe", "cosmic_text", "egui_kittest"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without comments (line comments and doc comments; block comments are not
/// used in this code base), so prose may mention any crate.
fn code_of(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            // `//` inside a string literal ("https://") keeps the line: a crude but safe cut,
            // because a path like `crate::ui` never follows `://` in a string.
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::NAME` and `isnad::NAME` the code refers to.
fn layers_used(code: &str) -> Vec<String> {
    let mut used = Vec::new();
    for prefix in ["crate::", "isnad::"] {
        for (at, _) in code.match_indices(prefix) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[at + prefix.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            if !name.is_empty() {
                used.push(name);
            }
        }
    }
    used
}

/// Whether the code names `krate` as a path (`egui::`, `use egui`, `egui::{`).
fn names_crate(code: &str, krate: &str) -> bool {
    code.match_indices(krate).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = &code[at + krate.len()..];
        let starts_word = !before.is_some_and(|c| c.is_alphanumeric() || c == '_');
        starts_word && (after.starts_with("::") || after.starts_with(';'))
    })
}

fn layer_files(layer: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(layer),
        &mut files,
    );
    files
}

fn violations() -> Vec<String> {
    let mut found = Vec::new();
    let mut layers: Vec<&str> = LAYERS.to_vec();
    layers.push("cli");
    for layer in layers {
        let allowed: Vec<&str> = match LAYERS.iter().position(|l| *l == layer) {
            Some(level) => LAYERS[..=level].to_vec(),
            None => CLI_USES.to_vec(),
        };
        for file in layer_files(layer) {
            let Ok(text) = std::fs::read_to_string(&file) else {
                found.push(format!("{}: unreadable", file.display()));
                continue;
            };
            let code = code_of(&text);
            for used in layers_used(&code) {
                let known = LAYERS.contains(&used.as_str()) || used == "cli";
                if known && !allowed.contains(&used.as_str()) {
                    found.push(format!("{}: {layer} uses {used}", file.display()));
                }
            }
            if NO_GUI.contains(&layer) {
                for krate in GUI_CRATES {
                    if names_crate(&code, krate) {
                        found.push(format!("{}: {layer} names {krate}", file.display()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn lower_layers_never_use_higher_ones_nor_name_the_gui() {
    let found = violations();
    assert!(found.is_empty(), "layer violations:\n{}", found.join("\n"));
}

#[test]
fn the_checker_sees_a_violation_when_there_is_one() {
    // The checker itself: these snippets must be caught, and their commented forms not.
    let code = code_of("use crate::ui::Thing;\nlet x = egui::Id::new(1); // crate::app");
    assert_eq!(layers_used(&code), vec!["ui".to_owned()]);
    assert!(names_crate(&code, "egui"));
    assert!(!names_crate(&code_of("// egui::Id"), "egui"));
    assert!(!names_crate("my_egui::x", "egui"));
    assert!(layer_files("model").len() > 5, "the model files are found");
}
