//! The `isnad` binary: opens the GUI on an article (or the bundled sample).

use std::path::PathBuf;

use clap::Parser;

/// Annotate who-said-what in Arabic news articles.
#[derive(Parser)]
#[command(name = "isnad", version, about)]
struct Cli {
    /// An article to open (.txt or .md). Without it, the bundled sample opens.
    file: Option<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Isnad")
            .with_inner_size([1100.0, 800.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Isnad",
        options,
        Box::new(move |cc| {
            Ok(Box::new(isnad::IsnadApp::from_creation_context(
                cc,
                cli.file.as_deref(),
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not start the window: {e}"))
}
