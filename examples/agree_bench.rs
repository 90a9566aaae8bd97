//! Agreement benchmark: two annotators' projects of 1,000 documents and 100,000 spans each (B is
//! A with edges moved, labels changed, spans dropped and added, and relations), timed in memory
//! (`agreement`) and end to end as `isnad agree --json` runs it (load both files, measure, encode
//! the JSON).
//!
//! Run: `cargo run --release --example agree_bench [-- --keep DIR]` (`--keep` leaves `a.isnad.ron`
//! and `b.isnad.ron` in DIR, e.g. for a cross-check with another implementation). Prints one JSON
//! object per line: `{"name":…,"value":…,"unit":…}`.

mod bench_data;

use std::path::PathBuf;
use std::time::Instant;

use bench_data::{Lcg, build, cpu_ms, ms};
use isnad::model::{ATTRIBUTED_TO, CLAIM, LabelId, Project, Relation, RelationTypeId, SOURCE};

fn main() {
    let keep = std::env::args()
        .skip_while(|a| a != "--keep")
        .nth(1)
        .map(PathBuf::from);
    let (a, b) = annotators(1000, 100);
    emit("spans_a", a.span_count() as f64, "spans");
    emit("spans_b", b.span_count() as f64, "spans");
    emit("relations_a", a.relation_count() as f64, "relations");

    let started = Instant::now();
    let report = isnad::team::agreement(&[&a, &b]);
    emit("agree_in_memory", ms(started), "ms");
    let pair = &report.pairs[0];
    emit("exact_f1", pair.exact_f1.unwrap_or(f64::NAN), "ratio");
    emit("disagreements", pair.disagreements.len() as f64, "items");

    let dir = tempfile::tempdir().expect("temporary folder");
    let folder = keep.unwrap_or_else(|| dir.path().to_owned());
    std::fs::create_dir_all(&folder).expect("folder");
    let paths = [folder.join("a.isnad.ron"), folder.join("b.isnad.ron")];
    isnad::io::project::save(&a, &paths[0]).expect("save a");
    isnad::io::project::save(&b, &paths[1]).expect("save b");
    let started = Instant::now();
    let (report, names) = isnad::cli::agree_projects(&paths).expect("agree");
    let json = json_text(&report, &names);
    emit("agree_cli_load_measure_json", ms(started), "ms");
    emit("json_bytes", json.len() as f64, "bytes");

    // The same three steps one by one, wall clock and this thread's CPU time (on a loaded
    // machine the CPU time is what an idle one would take).
    let (wall, cpu) = (Instant::now(), cpu_ms());
    let loaded: Vec<Project> = paths
        .iter()
        .map(|p| isnad::io::project::load(p).expect("load"))
        .collect();
    emit("step_load_two_files_wall", ms(wall), "ms");
    emit("step_load_two_files_cpu", cpu_ms() - cpu, "ms");
    let (wall, cpu) = (Instant::now(), cpu_ms());
    let report = isnad::team::agreement(&[&loaded[0], &loaded[1]]);
    emit("step_measure_wall", ms(wall), "ms");
    emit("step_measure_cpu", cpu_ms() - cpu, "ms");
    let (wall, cpu) = (Instant::now(), cpu_ms());
    let json = json_text(&report, &names);
    emit("step_json_wall", ms(wall), "ms");
    emit("step_json_cpu", cpu_ms() - cpu, "ms");
    std::hint::black_box(json);
}

/// The JSON `isnad agree --json` prints (written as it writes it, without a tree).
fn json_text(report: &isnad::team::AgreementReport, names: &[String]) -> String {
    let whole = isnad::cli::AgreementJson {
        report,
        names,
        extra: Vec::new(),
    };
    serde_json::to_string(&whole).expect("json")
}

fn emit(name: &str, value: f64, unit: &str) {
    println!("{{\"name\":\"agree_bench_{name}\",\"value\":{value:.3},\"unit\":\"{unit}\"}}");
}

/// A with `spans_per_doc` random spans per document and claims attributed to sources; B a copy
/// with a tenth of the spans each moved, relabelled, dropped, and as many new ones.
pub fn annotators(docs: usize, spans_per_doc: usize) -> (Project, Project) {
    let mut a = build(docs, spans_per_doc);
    link_claims_to_sources(&mut a);
    let mut b = a.clone();
    let mut rng = Lcg(7);
    let ids: Vec<_> = b
        .documents()
        .flat_map(|d| b.spans_of(d.id()).iter().map(|s| (s.id, s.doc, s.range())))
        .collect::<Vec<_>>();
    let labels = [CLAIM, SOURCE, "actor"].map(|l| LabelId::new(l).expect("label"));
    for (id, doc, range) in ids {
        match rng.next(10) {
            0 => {
                let text = b.document(doc).expect("doc").text().to_owned();
                let end = text[range.end..]
                    .char_indices()
                    .nth(3)
                    .map_or(text.len(), |(i, _)| range.end + i);
                let _ = b.set_span_range(id, range.start..end);
            }
            1 => {
                let label = labels[rng.next(3)].clone();
                for r in b.relations_broken_by_label(id, &label) {
                    let _ = b.remove_relation(r.id);
                }
                let _ = b.set_span_label(id, label);
            }
            2 => {
                let relations: Vec<_> = b.relations_of_span(id).map(|r| r.id).collect();
                for r in relations {
                    let _ = b.remove_relation(r);
                }
                let _ = b.remove_span(id);
            }
            _ => {}
        }
    }
    let doc_ids: Vec<_> = b.documents().map(|d| d.id()).collect();
    for doc in doc_ids {
        let text = b.document(doc).expect("doc").text().to_owned();
        let words: Vec<(usize, usize)> = word_ranges(&text);
        bench_data::add_spans(&mut b, &mut rng, doc, &words, spans_per_doc / 10);
    }
    (a, b)
}

fn word_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c == ' ', start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Attributes each claim to the nearest following source of its document.
fn link_claims_to_sources(project: &mut Project) {
    let kind = RelationTypeId::new(ATTRIBUTED_TO).expect("type");
    let doc_ids: Vec<_> = project.documents().map(|d| d.id()).collect();
    for doc in doc_ids {
        let spans = project.spans_of(doc).to_vec();
        for (i, claim) in spans
            .iter()
            .enumerate()
            .filter(|(_, s)| s.label.as_str() == CLAIM)
        {
            if let Some(source) = spans[i..].iter().find(|s| s.label.as_str() == SOURCE) {
                let id = project.allocate_relation_id();
                let _ =
                    project.insert_relation(Relation::new(id, kind.clone(), claim.id, source.id));
            }
        }
    }
}
