//! Times exporting a project of 1,000 documents (~1 KB of Arabic each) with 100,000 spans to
//! every format (in memory, then written to a temporary folder), and importing the formats that
//! can be imported. Prints one JSON object per line; the target is under 1 s per format.
//!
//! Run with `cargo run --release --example export_bench`.

mod bench_data;

use std::time::Instant;

use isnad::io::export::{self, ExportFormat, ExportOptions, Progress};
use isnad::io::import::{ImportFormat, ImportOptions, import_files};
use isnad::model::Project;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let project = bench_data::build(1000, 100);
    assert_eq!(project.span_count(), 100_000);
    let dir = std::env::temp_dir().join(format!("isnad-export-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    for format in ExportFormat::ALL {
        let out = if format.writes_folder() {
            dir.join(format.cli_name())
        } else {
            dir.join(format!("{}.{}", format.cli_name(), format.extension()))
        };
        let t = Instant::now();
        let result = export::export(&project, &ExportOptions::new(format), &Progress::new());
        let built = t.elapsed().as_secs_f64() * 1e3;
        let export = match result {
            Ok(export) => export,
            Err(error) => {
                println!(
                    "{{\"name\":\"export_{}\",\"error\":\"{error}\"}}",
                    format.cli_name()
                );
                continue;
            }
        };
        let t = Instant::now();
        export::write_export(&export, &out)?;
        let written = t.elapsed().as_secs_f64() * 1e3;
        let bytes: usize = export.files.iter().map(|f| f.bytes.len()).sum();
        println!(
            "{{\"name\":\"export_{}_1000docs_100kspans\",\"build_ms\":{built:.1},\"write_ms\":{written:.1},\"total_ms\":{:.1},\"files\":{},\"mb\":{:.1},\"spans_left_out\":{},\"spans_changed\":{}}}",
            format.cli_name(),
            built + written,
            export.files.len(),
            bytes as f64 / 1e6,
            export.report.dropped(),
            export.report.losses.len() - export.report.dropped(),
        );
        let import_format = match format {
            ExportFormat::Jsonl => Some(ImportFormat::Jsonl),
            ExportFormat::Doccano => Some(ImportFormat::Doccano),
            ExportFormat::LabelStudio => Some(ImportFormat::LabelStudio),
            ExportFormat::Brat => Some(ImportFormat::Brat),
            _ => None,
        };
        if let Some(import_format) = import_format {
            let mut target = Project::default();
            let t = Instant::now();
            let plan = import_files(
                &mut target,
                std::slice::from_ref(&out),
                &ImportOptions::new(import_format),
            );
            if let Some(edit) = plan.edit {
                edit.apply(&mut target)?;
            }
            println!(
                "{{\"name\":\"import_{}_1000docs_100kspans\",\"total_ms\":{:.1},\"spans_added\":{},\"rejected\":{}}}",
                import_format.cli_name(),
                t.elapsed().as_secs_f64() * 1e3,
                plan.report.spans_added,
                plan.report.rejected.len(),
            );
        }
    }
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
