//! The `isnad` binary: opens the GUI on an article (or the bundled sample), or runs a headless
//! subcommand (`isnad new`, `isnad check`, `isnad export`, `isnad import`, `isnad add`; see
//! [`isnad::cli`]).
//!
//! Exit codes: 0 on success, 1 when a subcommand fails (message on stderr), 2 for bad arguments,
//! 3 when an export, import or add was partial (what was left out, rejected or skipped is listed
//! on stderr).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand};
use isnad::cli::Outcome;
use isnad::io::export::{DocumentSelection, ExportFormat, ExportOptions, TokenEdges};
use isnad::io::import::{ImportFormat, ImportOptions};
use isnad::io::project::LockWait;
use isnad::model::DocumentStatus;
use isnad::model::offsets::OffsetUnit;

/// Annotate who-said-what in Arabic news articles.
#[derive(Parser)]
#[command(name = "isnad", version, about, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A project (NAME.isnad.ron) or an article (.txt, .md, .html) to open. Without it, the bundled
    /// sample opens.
    file: Option<PathBuf>,
    /// A headless command instead of the window.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Create a project file from articles (one document each, default labels, no spans); with no
    /// article, an empty project to fill with `isnad import` or `isnad add`.
    New {
        /// The project file to create (NAME.isnad.ron); an existing file is never overwritten.
        project: PathBuf,
        /// The articles to import (.txt, .md or .html; UTF-8, UTF-16, Windows-1256 or ISO-8859-6).
        articles: Vec<PathBuf>,
        /// Do not wait for another program writing the project: exit at once, writing nothing.
        #[arg(long)]
        no_wait: bool,
    },
    /// Open and validate a project file, and summarise its documents and spans.
    Check {
        /// The project file (NAME.isnad.ron).
        project: PathBuf,
    },
    /// Export the annotations as training data (the loss report goes to stderr).
    Export(ExportArgs),
    /// Import annotations (pre-annotations or another tool's work) into a project file.
    Import(ImportArgs),
    /// Add articles to a project file: .txt, .md, .html files, folders of them (walked
    /// recursively) and .jsonl corpora (one {"text": ...} object per line). The report goes to
    /// stderr; texts already in the project are skipped.
    Add {
        /// The project file to add to (NAME.isnad.ron); saved with the previous version as .bak.
        project: PathBuf,
        /// Article files, folders and .jsonl corpora.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Do not wait for another program writing the project: exit at once, writing nothing.
        #[arg(long)]
        no_wait: bool,
    },
    /// Find a word or pattern in every document of a project, Arabic-aware (hits on stdout, one
    /// per line; exit 0 whether or not anything was found, 2 for a bad query).
    Search(isnad::cli::SearchArgs),
    /// Inter-annotator agreement of projects of the same documents (matched by text): exact and
    /// overlap F1, per-label Cohen's kappa and Krippendorff's alpha over code points, relation F1,
    /// and each disagreement classified.
    Agree {
        /// Two or more project files (NAME.isnad.ron), one per annotator.
        #[arg(required = true, num_args = 2..)]
        projects: Vec<PathBuf>,
        /// Print JSON (undefined figures as null) instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Three-way merge of project files (git's merge-driver convention: the result replaces OURS;
    /// exit 0 clean, 1 with conflicts, each on stderr and noted in the file, 2 nothing written).
    Merge {
        /// The common ancestor (git's %O).
        base: PathBuf,
        /// Our version (git's %A), replaced by the result unless -o is given.
        ours: PathBuf,
        /// Their version (git's %B).
        theirs: PathBuf,
        /// Write the result here instead of OURS.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Attribution suggestions (sources, claims, cues) for a project's documents; their scores
    /// against the project's own spans (--evaluate); or a pre-annotated copy (--accept-all -o).
    Suggest(SuggestArgs),
}

#[derive(Args)]
struct SuggestArgs {
    /// The project file (NAME.isnad.ron).
    project: PathBuf,
    /// One JSON object per line (code points, end exclusive), then the relation lines.
    #[arg(long)]
    json: bool,
    /// Only this document (`doc-3` as the JSONL export writes it, or `3`).
    #[arg(long)]
    doc: Option<String>,
    /// A gazetteer: `name<TAB>label` lines (UTF-8).
    #[arg(long)]
    gazetteer: Option<PathBuf>,
    /// Score every suggester against the project's own spans instead.
    #[arg(long)]
    evaluate: bool,
    /// Write a copy with every suggestion accepted (with --output; never overwrites a file).
    #[arg(long, requires = "output")]
    accept_all: bool,
    /// The file --accept-all writes (NAME.isnad.ron).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Write every span text of the project with its label as a gazetteer (`name<TAB>label`
    /// lines, UTF-8) to this file, which must not exist, instead of listing suggestions.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["evaluate", "accept_all", "json"])]
    export_gazetteer: Option<PathBuf>,
}

#[derive(Args)]
struct ExportArgs {
    /// The project file (NAME.isnad.ron).
    project: PathBuf,
    /// The format to write.
    #[arg(long, short, value_parser = PossibleValuesParser::new(ExportFormat::ALL.map(ExportFormat::cli_name)))]
    format: String,
    /// The output file (a folder for brat; created if missing).
    #[arg(long, short)]
    output: PathBuf,
    /// Offset unit, instead of the format's own (code points; UTF-16 for doccano). brat always
    /// writes code points (its files cannot state a unit); CoNLL writes tokens.
    #[arg(long, value_parser = PossibleValuesParser::new(UNITS))]
    unit: Option<String>,
    /// Export only documents with these statuses (repeat or separate with commas).
    #[arg(long, value_delimiter = ',', value_parser = PossibleValuesParser::new(["new", "in-progress", "done"]))]
    status: Vec<String>,
    /// CoNLL and spaCy: split a token where a span edge falls inside it (exact spans), widen the
    /// span to whole tokens, or leave it out.
    #[arg(long, default_value = "split", value_parser = PossibleValuesParser::new(["split", "expand", "report"]))]
    token_edges: String,
}

#[derive(Args)]
struct ImportArgs {
    /// The project file to add to (NAME.isnad.ron); saved with the previous version as .bak.
    project: PathBuf,
    /// The format of the files.
    #[arg(long, short, value_parser = PossibleValuesParser::new(ImportFormat::ALL.map(ImportFormat::cli_name)))]
    format: String,
    /// The files to import (folders: every file of the format inside).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Offset unit of the files, instead of what they state or the format's own.
    #[arg(long, value_parser = PossibleValuesParser::new(UNITS))]
    unit: Option<String>,
    /// Add labels the project does not have (otherwise their spans are rejected).
    #[arg(long)]
    add_labels: bool,
    /// Who made the spans and relations the files do not say who made (default: the
    /// ISNAD_ANNOTATOR environment variable).
    #[arg(long, value_name = "NAME")]
    annotator: Option<String>,
    /// Write one project per annotator of the files, DIR/NAME.isnad.ron (each starting from
    /// PROJECT, which is left unchanged), for `isnad agree`.
    #[arg(long, value_name = "DIR")]
    split_annotators: Option<PathBuf>,
    /// Do not wait for another program writing the project: exit at once, writing nothing.
    #[arg(long)]
    no_wait: bool,
}

const UNITS: [&str; 3] = ["code-points", "utf16", "bytes"];

fn parse_unit(name: &str) -> OffsetUnit {
    match name {
        "utf16" => OffsetUnit::Utf16,
        "bytes" => OffsetUnit::Bytes,
        _ => OffsetUnit::CodePoints,
    }
}

impl ExportArgs {
    fn options(&self) -> Option<ExportOptions> {
        let mut options = ExportOptions::new(ExportFormat::from_cli_name(&self.format)?);
        options.unit = self.unit.as_deref().map(parse_unit);
        if !self.status.is_empty() {
            let statuses = self.status.iter().map(|s| match s.as_str() {
                "done" => DocumentStatus::Done,
                "in-progress" => DocumentStatus::InProgress,
                _ => DocumentStatus::New,
            });
            options.documents = DocumentSelection::WithStatus(statuses.collect());
        }
        options.token_edges = match self.token_edges.as_str() {
            "report" => TokenEdges::Report,
            "expand" => TokenEdges::Expand,
            _ => TokenEdges::Split,
        };
        Some(options)
    }
}

impl ImportArgs {
    fn options(&self) -> Option<ImportOptions> {
        let mut options = ImportOptions::new(ImportFormat::from_cli_name(&self.format)?);
        options.unit = self.unit.as_deref().map(parse_unit);
        options.add_unknown_labels = self.add_labels;
        options.annotator = isnad::cli::annotator_from(self.annotator.as_deref());
        Some(options)
    }
}

fn run_export(args: &ExportArgs) -> ExitCode {
    let Some(options) = args.options() else {
        return fail(&format!("unknown format {}", args.format));
    };
    match isnad::cli::export_project(&args.project, &options, &args.output) {
        Ok(summary) => {
            for path in &summary.written {
                println!("wrote {}", path.display());
            }
            eprint!("{}", summary.report);
            exit(summary.outcome())
        }
        Err(error) => fail(&error.to_string()),
    }
}

fn run_import(args: &ImportArgs) -> ExitCode {
    let Some(options) = args.options() else {
        return fail(&format!("unknown format {}", args.format));
    };
    if let Some(dir) = &args.split_annotators {
        return match isnad::cli::import_split_by_annotator(
            &args.project,
            &options,
            &args.files,
            dir,
        ) {
            Ok(summary) => {
                eprint!("{summary}");
                for written in &summary.written {
                    println!("wrote {}", written.path.display());
                }
                exit(summary.outcome())
            }
            Err(error) => fail(&error.to_string()),
        };
    }
    match isnad::cli::import_into_project_with(
        &args.project,
        &options,
        &args.files,
        lock_wait(args.no_wait),
    ) {
        Ok((report, outcome)) => {
            eprint!("{report}");
            if outcome == Outcome::Failed {
                eprintln!(
                    "isnad: nothing imported; {} left unchanged",
                    args.project.display()
                );
            } else if report.added_anything() {
                println!("saved {}", args.project.display());
            }
            exit(outcome)
        }
        Err(error) => fail(&error.to_string()),
    }
}

/// What a writing subcommand does when another program writes the project.
fn lock_wait(no_wait: bool) -> LockWait {
    if no_wait {
        LockWait::NoWait
    } else {
        LockWait::Wait
    }
}

fn run_add(project: &Path, paths: &[PathBuf], no_wait: bool) -> ExitCode {
    match isnad::cli::add_to_project_with(project, paths, lock_wait(no_wait)) {
        Ok((report, outcome)) => {
            eprint!("{report}");
            if report.added.is_empty() {
                eprintln!("isnad: nothing added; {} left unchanged", project.display());
            } else {
                println!(
                    "saved {} ({} added)",
                    project.display(),
                    isnad::cli::count(report.added.len(), "document")
                );
            }
            exit(outcome)
        }
        Err(error) => fail(&error.to_string()),
    }
}

fn run_suggest(args: &SuggestArgs) -> ExitCode {
    let options = isnad::cli::SuggestOptions {
        json: args.json,
        doc: args.doc.clone(),
        gazetteer: args.gazetteer.clone(),
        evaluate: args.evaluate,
        accept_all: args.output.clone().filter(|_| args.accept_all),
        export_gazetteer: args.export_gazetteer.clone(),
    };
    match isnad::cli::suggest_project(&args.project, &options) {
        Ok(output) => {
            eprint!("{}", output.stderr);
            print!("{}", output.stdout);
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error.to_string()),
    }
}

fn run_agree(projects: &[PathBuf], json: bool) -> ExitCode {
    match isnad::cli::agree_projects_with_makers(projects) {
        Ok((report, names, makers)) if json => {
            let whole = isnad::cli::AgreementJson {
                report: &report,
                names: &names,
                extra: vec![("annotators", isnad::cli::makers_json(&names, &makers))],
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written = serde_json::to_writer(&mut out, &whole)
                .map_err(std::io::Error::from)
                .and_then(|()| {
                    use std::io::Write as _;
                    writeln!(out)?;
                    out.flush()
                });
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => fail(&format!("could not write the JSON: {error}")),
            }
        }
        Ok((report, names, makers)) => {
            print!("{}", isnad::cli::agreement_table(&report, &names));
            print!("{}", isnad::cli::makers_table(&names, &makers));
            ExitCode::SUCCESS
        }
        Err(error) => fail(&isnad::cli::error_report(&error)),
    }
}

fn run_merge(base: &Path, ours: &Path, theirs: &Path, output: Option<&Path>) -> ExitCode {
    match isnad::cli::merge_files(base, ours, theirs, output) {
        Ok((outcome, written)) => {
            for conflict in &outcome.conflicts {
                eprintln!("isnad merge: conflict: {conflict}");
            }
            eprintln!(
                "isnad merge: wrote {} ({})",
                written.display(),
                isnad::cli::count(outcome.conflicts.len(), "conflict")
            );
            ExitCode::from(isnad::cli::merge_exit_code(&outcome))
        }
        Err(failure) => {
            eprintln!("isnad merge: {failure}");
            ExitCode::from(isnad::cli::MERGE_FAILED)
        }
    }
}

fn exit(outcome: Outcome) -> ExitCode {
    ExitCode::from(outcome.exit_code())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::New {
            project,
            articles,
            no_wait,
        }) => match isnad::cli::new_project_with(&project, &articles, lock_wait(no_wait)) {
            Ok(summary) => {
                print!("{summary}");
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error.to_string()),
        },
        Some(Command::Check { project }) => match isnad::cli::check_project(&project) {
            Ok(report) => {
                print!("{report}");
                ExitCode::SUCCESS
            }
            Err(error) => fail(&isnad::cli::error_report(&error)),
        },
        Some(Command::Export(args)) => run_export(&args),
        Some(Command::Import(args)) => run_import(&args),
        Some(Command::Add {
            project,
            paths,
            no_wait,
        }) => run_add(&project, &paths, no_wait),
        Some(Command::Search(args)) => ExitCode::from(args.run()),
        Some(Command::Agree { projects, json }) => run_agree(&projects, json),
        Some(Command::Merge {
            base,
            ours,
            theirs,
            output,
        }) => run_merge(&base, &ours, &theirs, output.as_deref()),
        Some(Command::Suggest(args)) => run_suggest(&args),
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
    // A panic writes the last autosave snapshot to its recovery file before the process ends.
    isnad::app::install_panic_hook(isnad::app::PanicSlot::global());
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
        let empty = Cli::try_parse_from(["isnad", "new", "p.isnad.ron"]).expect("new, no article");
        assert!(matches!(
            empty.command,
            Some(Command::New { articles, .. }) if articles.is_empty()
        ));
        assert!(Cli::try_parse_from(["isnad", "new"]).is_err());
        assert!(Cli::try_parse_from(["isnad", "a.txt", "check", "p"]).is_err());
        let export = Cli::try_parse_from([
            "isnad",
            "export",
            "p.isnad.ron",
            "--format",
            "conll",
            "-o",
            "out.conll",
            "--status",
            "done,in-progress",
            "--token-edges",
            "report",
        ]);
        let Some(Command::Export(args)) = export.expect("export").command else {
            panic!("not an export");
        };
        let options = args.options().expect("options");
        assert_eq!(options.format, ExportFormat::Conll);
        assert_eq!(options.token_edges, TokenEdges::Report);
        assert_eq!(
            options.documents,
            DocumentSelection::WithStatus(vec![DocumentStatus::Done, DocumentStatus::InProgress])
        );
        assert!(
            Cli::try_parse_from(["isnad", "export", "p", "--format", "csv", "-o", "x"]).is_err()
        );
        let import = Cli::try_parse_from([
            "isnad",
            "import",
            "p.isnad.ron",
            "--format",
            "doccano",
            "a.jsonl",
            "--unit",
            "code-points",
            "--add-labels",
        ]);
        let Some(Command::Import(args)) = import.expect("import").command else {
            panic!("not an import");
        };
        let options = args.options().expect("options");
        assert_eq!(options.unit, Some(OffsetUnit::CodePoints));
        assert!(options.add_unknown_labels);
        assert!(Cli::try_parse_from(["isnad", "import", "p", "--format", "brat"]).is_err());
        let add = Cli::try_parse_from(["isnad", "add", "p.isnad.ron", "folder", "c.jsonl"]);
        assert!(matches!(
            add.expect("add").command,
            Some(Command::Add { project, paths, .. }) if project == Path::new("p.isnad.ron") && paths.len() == 2
        ));
        assert!(Cli::try_parse_from(["isnad", "add", "p.isnad.ron"]).is_err());
    }
}
