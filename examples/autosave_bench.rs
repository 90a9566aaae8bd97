//! Times one autosave of a ~52 MB project (1,000 documents of ~28 KB of Arabic, 300,000 spans): the
//! part on the UI thread (cloning the project into a snapshot) and the part on the worker thread
//! (serialising it to RON and writing the recovery file atomically, flushed to disk), plus
//! reading the recovery back and the diff shown in the restore offer. Prints one JSON object per
//! line.
//!
//! Run with `cargo run --release --example autosave_bench`.

use std::time::Instant;

mod bench_data;

use bench_data::{Lcg, add_spans, article};
use isnad::io::{project, recovery};
use isnad::model::{Document, Project};

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn print(name: &str, value: f64, unit: &str) {
    println!("{{\"name\":\"{name}\",\"value\":{value:.3},\"unit\":\"{unit}\"}}");
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn build() -> Project {
    let mut rng = Lcg(42);
    let mut project = Project::default();
    for n in 0..1000 {
        let (text, words) = article(&mut rng, 28 * 1024);
        let doc = project.allocate_doc_id();
        let document = Document::new(doc, format!("خبر {n}"), Some(format!("news/{n}.txt")), text);
        project
            .insert_document(document, Vec::new())
            .expect("fresh document");
        add_spans(&mut project, &mut rng, doc, &words, 300);
    }
    project
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let project = build();
    let dir = std::env::temp_dir().join(format!("isnad-autosave-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("big.isnad.ron");
    project::save(&project, &file)?;
    let target = recovery::recovery_path(&file);

    let (mut clone, mut serialise, mut write, mut read, mut diff) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut size = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let snapshot = std::sync::Arc::new(project.clone());
        clone.push(ms(t));
        let t = Instant::now();
        let text = project::to_ron_string(&snapshot, &target)?;
        serialise.push(ms(t));
        size = text.len();
        let t = Instant::now();
        recovery::write(&target, text.as_bytes())?;
        write.push(ms(t));
        let t = Instant::now();
        let recovered = recovery::read(&target)?;
        read.push(ms(t));
        let t = Instant::now();
        let summary = recovery::diff(&project, &recovered);
        diff.push(ms(t));
        assert!(summary.is_empty() && summary.unchanged == 1000);
    }
    print("autosave_project_size", size as f64 / 1e6, "MB");
    print("autosave_spans", project.span_count() as f64, "spans");
    print("autosave_ui_thread_snapshot_clone", median(clone), "ms");
    print("autosave_worker_serialise", median(serialise), "ms");
    print("autosave_worker_write_fsync_rename", median(write), "ms");
    print("recovery_read_and_validate", median(read), "ms");
    print("recovery_diff", median(diff), "ms");
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
