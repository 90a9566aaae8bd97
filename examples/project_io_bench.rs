//! Times saving and loading a project of 1,000 documents (~1 KB of Arabic each) with 100,000
//! spans, plus the per-frame span query on a 10,000-span document. Prints one JSON object per line.
//!
//! Run with `cargo run --release --example project_io_bench`.

use std::time::Instant;

use isnad::io::project;
mod bench_data;

use bench_data::{Lcg, add_spans, article, build};
use isnad::model::{Document, Project};

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn print(name: &str, value: f64, unit: &str) {
    println!("{{\"name\":\"{name}\",\"value\":{value:.3},\"unit\":\"{unit}\"}}");
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let project = build(1000, 100);
    assert_eq!(project.span_count(), 100_000);
    let dir = std::env::temp_dir().join(format!("isnad-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("bench.isnad.ron");

    let (mut save, mut load) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        project::save(&project, &path)?;
        save.push(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        let loaded = project::load(&path)?;
        load.push(t.elapsed().as_secs_f64() * 1e3);
        assert!(loaded == project, "round trip changed the project");
    }
    print("project_save_1000docs_100kspans", median(save), "ms");
    print("project_load_1000docs_100kspans", median(load), "ms");
    print(
        "project_file_size_1000docs_100kspans",
        std::fs::metadata(&path)?.len() as f64 / 1e6,
        "MB",
    );
    std::fs::remove_dir_all(&dir)?;

    // What the app's suggestions take on the UI thread after an edit: a snapshot of the
    // documents and their spans (shared, not copied).
    let mut snapshot = Vec::new();
    for _ in 0..21 {
        let t = Instant::now();
        let taken = std::hint::black_box(project.documents_snapshot());
        snapshot.push(t.elapsed().as_secs_f64() * 1e3);
        drop(taken);
    }
    print(
        "documents_snapshot_1000docs_100kspans",
        median(snapshot),
        "ms",
    );

    // The per-frame query: 10,000 spans in one ~100 KB document, a visible window of 3 KB.
    let mut rng = Lcg(7);
    let mut big = Project::default();
    let (text, words) = article(&mut rng, 100_000);
    let doc = big.allocate_doc_id();
    big.insert_document(Document::new(doc, "long", None, text.clone()), Vec::new())?;
    let t = Instant::now();
    add_spans(&mut big, &mut rng, doc, &words, 10_000);
    print(
        "add_10k_spans_one_doc",
        t.elapsed().as_secs_f64() * 1e3,
        "ms",
    );
    let queries = 10_000;
    let t = Instant::now();
    let mut seen = 0;
    for q in 0..queries {
        let start = (q * 97) % text.len();
        seen += big.spans_overlapping(doc, start..start + 3000).count();
    }
    let per_query = t.elapsed().as_secs_f64() * 1e6 / queries as f64;
    print("spans_overlapping_3kb_window_10kspans", per_query, "us");
    assert!(seen > 0);
    Ok(())
}
