//! Statistics benchmark: time of `project_statistics` (the counts behind View › Statistics…) on
//! a project of 1,000 documents with 100 spans each (100,000 spans) and 30,000 relations; the
//! median and worst of 21 runs. The window recomputes at most twice a second while open and the
//! project changes, so this is the most a frame can spend on it.
//!
//! Run: `cargo run --release --example statistics_bench`. Prints one JSON object per line:
//! `{"name":…,"value":…,"unit":…}`.

use std::time::Instant;

use isnad::command::Edit;
use isnad::model::statistics::project_statistics;
use isnad::model::{
    ABOUT, ACTOR, ATTRIBUTED_TO, CLAIM, Document, DocumentStatus, LabelId, Project, RelationTypeId,
    SOURCE, SPEAKS_FOR, Span,
};

const DOCUMENTS: usize = 1_000;
const TRIPLES_PER_DOCUMENT: usize = 33;

fn main() {
    let project = project();
    let runs = 21;
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let stats = project_statistics(&project);
            let elapsed = start.elapsed().as_secs_f64() * 1000.0;
            assert_eq!(stats.spans(), project.span_count());
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    emit("statistics_documents", DOCUMENTS as f64, "documents");
    emit("statistics_spans", project.span_count() as f64, "spans");
    emit(
        "statistics_relations",
        project.relation_count() as f64,
        "relations",
    );
    emit("statistics_median", times[runs / 2], "ms");
    emit("statistics_max", times[runs - 1], "ms");
}

fn emit(name: &str, value: f64, unit: &str) {
    println!("{{\"name\":\"{name}\",\"value\":{value:.3},\"unit\":\"{unit}\"}}");
}

/// 1,000 documents of 100 words; per document 33 (claim, source, actor) triples joined by the
/// three default relations for the first ten triples (30 relations), and one more actor: 100
/// spans.
fn project() -> Project {
    let mut project = Project::default();
    let word = "كلمة ";
    let text = word.repeat(100);
    let kinds = [ATTRIBUTED_TO, ABOUT, SPEAKS_FOR].map(|k| RelationTypeId::new(k).expect("kind"));
    for d in 0..DOCUMENTS {
        let id = project.allocate_doc_id();
        let status = [
            DocumentStatus::New,
            DocumentStatus::InProgress,
            DocumentStatus::Done,
        ][d % 3];
        let doc = Document::new(id, format!("وثيقة {d}"), None, text.clone()).with_status(status);
        let mut spans = Vec::new();
        for w in 0..100 {
            let label = match (w % 3, w == 99) {
                (_, true) | (2, _) => ACTOR,
                (0, _) => CLAIM,
                _ => SOURCE,
            };
            let start = w * word.len();
            let range = start..start + word.len() - 1;
            let label = LabelId::new(label).expect("label");
            spans.push(Span::new(project.allocate_span_id(), id, range, label));
        }
        let ids: Vec<_> = spans.iter().map(|s| s.id).collect();
        project.insert_document(doc, spans).expect("document");
        // Ten triples per document get their three relations: 30 per document.
        for t in 0..10.min(TRIPLES_PER_DOCUMENT) {
            let (claim, source, actor) = (ids[3 * t], ids[3 * t + 1], ids[3 * t + 2]);
            for (kind, head, child) in [
                (&kinds[0], claim, source),
                (&kinds[1], claim, actor),
                (&kinds[2], source, actor),
            ] {
                Edit::add_relation(&mut project, kind.clone(), head, child)
                    .apply(&mut project)
                    .expect("relation");
            }
        }
    }
    project
}
