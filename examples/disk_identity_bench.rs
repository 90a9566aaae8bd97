//! Times what noticing a change on disk costs on a big project (~50 MB): the `stat` done every
//! few seconds, reading and hashing the file (done at open and only when its metadata changed),
//! and what remembering the identity adds to a save. Prints one JSON object per line.
//!
//! Run with `cargo run --release --example disk_identity_bench [DOCUMENTS]`.

use std::time::Instant;

use isnad::io::project::{self, DiskCheck, FileIdentity};
mod bench_data;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn print(name: &str, value: f64, unit: &str) {
    println!("{{\"name\":\"{name}\",\"value\":{value:.3},\"unit\":\"{unit}\"}}");
}

/// Milliseconds of `f`, median of `n` runs.
fn time(n: usize, mut f: impl FnMut()) -> f64 {
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let docs = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(6_000);
    let project = bench_data::build(docs, 100);
    let dir = std::env::temp_dir().join(format!("isnad-identity-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("bench.isnad.ron");
    project::save(&project, &path)?;
    let bytes = std::fs::read(&path)?;
    print("file_size", bytes.len() as f64 / 1e6, "MB");

    let save = time(3, || {
        project::save(&project, &path).expect("save");
    });
    let save_identified = time(3, || {
        project::save_identified(&project, &path).expect("save");
    });
    let known = FileIdentity::read(&path)?;
    let read_and_hash = time(5, || {
        FileIdentity::read(&path).expect("read");
    });
    let check = time(101, || {
        assert_eq!(known.check(&path), DiskCheck::Unchanged);
    });
    print("save_ms", save, "ms");
    print("save_identified_ms", save_identified, "ms");
    print("identity_read_and_sha256_ms", read_and_hash, "ms");
    print("check_unchanged_stat_us", check * 1e3, "us");
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
