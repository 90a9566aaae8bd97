//! The `isnad` binary: opens the GUI on an article (or the bundled sample), or runs a headless
//! subcommand (`isnad new`, `isnad check`; see [`isnad::cli`]).
//!
//! Exit codes: 0 on success, 1 when a subcommand fails (message on stderr), 2 for bad arguments.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Annotate who-said-what in Arabic news articles.
#[derive(Parser)]
#[command(name = "isnad", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// An article to open (.txt or .md). Without it, the bundled sample opens.
    file: Option<PathBuf>,
    /// A headless command instead of the window.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Create a project file from articles (one document each, default labels, no spans).
    New {
        /// The project file to create (NAME.isnad.ron); an existing file is never overwritten.
        project: PathBuf,
        /// The articles to import (.txt or .md; UTF-8, UTF-16, Windows-1256 or ISO-8859-6).
        #[arg(required = true)]
        articles: Vec<PathBuf>,
    },
    /// Open and validate a project file, and summarise its documents and spans.
    Check {
        /// The project file (NAME.isnad.ron).
        project: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::New { project, articles }) => {
            match isnad::cli::new_project(&project, &articles) {
                Ok(summary) => {
                    print!("{summary}");
                    ExitCode::SUCCESS
                }
                Err(error) => fail(&error.to_string()),
            }
        }
        Some(Command::Check { project }) => match isnad::cli::check_project(&project) {
            Ok(report) => {
                print!("{report}");
                ExitCode::SUCCESS
            }
            Err(error) => fail(&isnad::cli::error_report(&error)),
        },
        None => match run_gui(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => fail(&error.to_string()),
        },
    }
}

/// Prints `message` to stderr and returns the failure exit code.
fn fail(message: &str) -> ExitCode {
    eprintln!("isnad: {message}");
    ExitCode::FAILURE
}

fn run_gui(file: Option<PathBuf>) -> anyhow::Result<()> {
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
                file.as_deref(),
            )))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not start the window: {e}"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn arguments_parse() {
        Cli::command().debug_assert();
        let gui = Cli::try_parse_from(["isnad", "article.txt"]).expect("a file");
        assert_eq!(gui.file, Some(PathBuf::from("article.txt")));
        assert!(gui.command.is_none());
        let none = Cli::try_parse_from(["isnad"]).expect("no argument");
        assert!(none.file.is_none() && none.command.is_none());
        let check = Cli::try_parse_from(["isnad", "check", "p.isnad.ron"]).expect("check");
        assert!(matches!(check.command, Some(Command::Check { .. })) && check.file.is_none());
        let new = Cli::try_parse_from(["isnad", "new", "p.isnad.ron", "a.txt", "b.txt"]);
        assert!(matches!(
            new.expect("new").command,
            Some(Command::New { articles, .. }) if articles.len() == 2
        ));
        assert!(Cli::try_parse_from(["isnad", "new", "p.isnad.ron"]).is_err());
        assert!(Cli::try_parse_from(["isnad", "a.txt", "check", "p"]).is_err());
    }
}
