//! Merge benchmark: a base project of 1,000 documents and 100,000 spans, and two copies edited
//! apart (each: notes on a tenth of the spans, labels changed on a twentieth, a twentieth removed,
//! ten spans added per document; the copies change some of the same spans differently, so conflicts are
//! handled too), merged in memory (`team::merge`) and end to end as `isnad merge` runs it (load
//! three files, merge, write the result).
//!
//! Run: `cargo run --release --example merge_bench [-- --keep DIR]` (`--keep` leaves the three
//! files in DIR, e.g. to time `isnad merge` itself). Prints one JSON object per line:
//! `{"name":…,"value":…,"unit":…}`, then the end-to-end run step by step (wall clock and this
//! thread's CPU time: on a loaded machine the CPU time is what an idle one would take).

mod bench_data;

use std::time::Instant;

use bench_data::{Lcg, build, cpu_ms, ms};
use isnad::model::{ACTOR, CLAIM, LabelId, Project, SOURCE};

fn main() {
    let keep = std::env::args()
        .skip_while(|a| a != "--keep")
        .nth(1)
        .map(std::path::PathBuf::from);
    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = keep.unwrap_or_else(|| dir.path().to_owned());
    std::fs::create_dir_all(&folder).expect("folder");
    let [base_path, ours_path, theirs_path] =
        ["base", "ours", "theirs"].map(|n| folder.join(format!("{n}.isnad.ron")));
    isnad::io::project::save(&build(1000, 100), &base_path).expect("save base");
    // Each copy loaded from the file, as an annotator's Isnad does (new ids from random points).
    let base = isnad::io::project::load(&base_path).expect("load base");
    let ours = edited(&base_path, 1);
    let theirs = edited(&base_path, 2);
    emit("spans_base", base.span_count() as f64, "spans");
    emit("spans_ours", ours.span_count() as f64, "spans");
    emit("spans_theirs", theirs.span_count() as f64, "spans");

    let started = Instant::now();
    let outcome = isnad::team::merge(&base, &ours, &theirs).expect("merge");
    emit("merge_in_memory", ms(started), "ms");
    emit("spans_merged", outcome.project.span_count() as f64, "spans");
    emit("conflicts", outcome.conflicts.len() as f64, "conflicts");

    isnad::io::project::save(&ours, &ours_path).expect("save ours");
    isnad::io::project::save(&theirs, &theirs_path).expect("save theirs");
    let started = Instant::now();
    let (outcome, _) =
        isnad::cli::merge_files(&base_path, &ours_path, &theirs_path, None).expect("merge files");
    emit("merge_cli_load_merge_write", ms(started), "ms");
    emit("conflicts_cli", outcome.conflicts.len() as f64, "conflicts");

    let out = folder.join("merged.isnad.ron");
    let (wall, cpu) = (Instant::now(), cpu_ms());
    let [b, o, t] =
        [&base_path, &ours_path, &theirs_path].map(|p| isnad::io::project::load(p).expect("load"));
    emit("step_load_three_files_wall", ms(wall), "ms");
    emit("step_load_three_files_cpu", cpu_ms() - cpu, "ms");
    let (wall, cpu) = (Instant::now(), cpu_ms());
    let outcome = isnad::team::merge(&b, &o, &t).expect("merge");
    emit("step_merge_wall", ms(wall), "ms");
    emit("step_merge_cpu", cpu_ms() - cpu, "ms");
    let (wall, cpu) = (Instant::now(), cpu_ms());
    let text = isnad::io::project::to_ron_string(&outcome.project, &out).expect("encode");
    // `isnad merge` also syncs the file and renames it into place (not public: a plain write).
    std::fs::write(&out, text.as_bytes()).expect("write");
    emit("step_encode_write_wall", ms(wall), "ms");
    emit("step_encode_write_cpu", cpu_ms() - cpu, "ms");
}

fn emit(name: &str, value: f64, unit: &str) {
    println!("{{\"name\":\"merge_bench_{name}\",\"value\":{value:.3},\"unit\":\"{unit}\"}}");
}

/// A copy of the project at `path` edited with seed `seed`.
fn edited(path: &std::path::Path, seed: u64) -> Project {
    let mut p = isnad::io::project::load(path).expect("load");
    let mut rng = Lcg(seed);
    let labels = [ACTOR, CLAIM, SOURCE].map(|l| LabelId::new(l).expect("label"));
    let spans: Vec<_> = p
        .documents()
        .flat_map(|d| p.spans_of(d.id()).iter().map(|s| s.id))
        .collect();
    for id in spans {
        match rng.next(20) {
            0 | 1 => {
                let _ = p.set_span_note(id, Some(format!("note {seed}")));
            }
            2 => {
                let _ = p.set_span_label(id, labels[rng.next(3)].clone());
            }
            3 => {
                let _ = p.remove_span(id);
            }
            _ => {}
        }
    }
    let docs: Vec<_> = p.documents().map(|d| d.id()).collect();
    for doc in docs {
        let text = p.document(doc).expect("doc").text().to_owned();
        let words: Vec<(usize, usize)> = text
            .split(' ')
            .scan(0, |at, w| {
                let range = (*at, *at + w.len());
                *at += w.len() + 1;
                Some(range)
            })
            .filter(|(s, e)| s < e)
            .collect();
        bench_data::add_spans(&mut p, &mut rng, doc, &words, 10);
    }
    p
}
