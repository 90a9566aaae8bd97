//! Regenerates `projects/sample.isnad.ron` from the sample annotations in
//! `projects/sample.markup.txt` and their relations, attributes and notes from
//! `projects/sample.links.txt` (see `isnad::io::sample`).
//!
//! ```sh
//! cargo run --example build_sample_project [-- OUT.isnad.ron]
//! ```

use std::path::PathBuf;

use anyhow::Context as _;
use isnad::io::project::to_ron_string;
use isnad::io::sample::{SAMPLE_LINKS, SAMPLE_MARKUP, build_sample_project};

fn main() -> anyhow::Result<()> {
    let out = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("projects/sample.isnad.ron"),
        PathBuf::from,
    );
    let project = build_sample_project(SAMPLE_MARKUP, SAMPLE_LINKS)?;
    let text = to_ron_string(&project, &out)?;
    std::fs::write(&out, text).with_context(|| format!("could not write {}", out.display()))?;
    let doc = project.documents().next().map(|d| d.id());
    let counts = doc.map(|d| project.label_counts(d)).unwrap_or_default();
    let counts: Vec<String> = counts.iter().map(|(l, n)| format!("{l} {n}")).collect();
    println!(
        "wrote {} ({} spans: {}; {} relations)",
        out.display(),
        project.span_count(),
        counts.join(", "),
        project.relation_count()
    );
    Ok(())
}
