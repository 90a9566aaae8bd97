//! Relations benchmark: CPU time per frame while scrolling an article from top to bottom, with
//! the pointer over the text (so hovered spans' relations are highlighted), for the same spans
//! with and without relations, at 100 KB, 1 MB and 4 MB. Spans come in triples (claim, source,
//! actor) joined by `attributed_to`, `about` and `speaks_for`; every tenth claim is also
//! attributed to a source far down the article (an end off screen). If drawing relations did per-frame work
//! growing with the document, the 4 MB frames would cost far more than the 100 KB ones.
//!
//! Run: `cargo run --release --example relations_bench` (needs `../shared/corpus`). Prints one
//! JSON object per line: `{"name":…,"value":…,"unit":…}`.

use std::time::Instant;

use egui::{Context, RawInput, Rect, pos2, vec2};
use isnad::IsnadApp;
use isnad::command::Edit;
use isnad::model::{
    ABOUT, ATTRIBUTED_TO, Document, LabelId, LabelSchema, Project, RelationTypeId, SPEAKS_FOR,
    Span, SpanId,
};

const SCREEN: [f32; 2] = [1100.0, 800.0];
const SCROLL_STEP: f32 = 120.0;

fn main() {
    for (name, bytes) in [
        ("100kb", 100 * 1024),
        ("1mb", 1024 * 1024),
        ("4mb", 4 * 1024 * 1024),
    ] {
        let text = article_of_size(bytes);
        for relations in [false, true] {
            let (project, count) = project(&text, relations);
            let label = if relations {
                "with_relations"
            } else {
                "spans_only"
            };
            let (median, p95) = scroll(project);
            emit(&format!("relations_{name}"), count as f64, "relations");
            emit(&format!("scroll_frame_median_{name}_{label}"), median, "ms");
            emit(&format!("scroll_frame_p95_{name}_{label}"), p95, "ms");
        }
    }
}

fn emit(name: &str, value: f64, unit: &str) {
    println!("{{\"name\":\"{name}\",\"value\":{value:.3},\"unit\":\"{unit}\"}}");
}

fn article_of_size(bytes: usize) -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/niger-article.ar.txt"
    );
    let base = std::fs::read_to_string(path).expect("../shared/corpus/niger-article.ar.txt");
    let mut text = String::with_capacity(bytes + base.len());
    while text.len() < bytes {
        text.push_str(&base);
        text.push('\n');
    }
    text
}

/// Every third word a span of two words, labelled claim, source, actor in turn; with
/// `relations`, each triple linked three ways and every tenth claim linked to a far source.
fn project(text: &str, relations: bool) -> (Project, usize) {
    let mut project = Project::new(LabelSchema::default());
    let doc = project.allocate_doc_id();
    let words: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
        .collect();
    let word_end = |start: usize| {
        text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |n| start + n)
    };
    let labels = ["claim", "source", "actor"].map(|l| LabelId::new(l).expect("label"));
    let mut spans = Vec::new();
    for (n, w) in words.iter().step_by(3).enumerate() {
        let end = word_end(words[(words.partition_point(|x| x < w) + 1).min(words.len() - 1)]);
        spans.push(Span::new(
            project.allocate_span_id(),
            doc,
            *w..end,
            labels[n % 3].clone(),
        ));
    }
    let ids: Vec<SpanId> = spans.iter().map(|s| s.id).collect();
    project
        .insert_document(Document::new(doc, "bench", None, text), spans)
        .expect("valid spans");
    if !relations {
        return (project, 0);
    }
    let kind = |id: &str| RelationTypeId::new(id).expect("type");
    let triples = ids.len() / 3;
    let mut count = 0;
    for t in 0..triples {
        let (claim, source, actor) = (ids[3 * t], ids[3 * t + 1], ids[3 * t + 2]);
        let mut links = vec![
            (kind(ATTRIBUTED_TO), claim, source),
            (kind(ABOUT), claim, actor),
            (kind(SPEAKS_FOR), source, actor),
        ];
        if t % 10 == 0 {
            let far = (t + triples / 2) % triples;
            links.push((kind(ATTRIBUTED_TO), claim, ids[3 * far + 1]));
        }
        for (k, head, child) in links {
            let edit = Edit::add_relation(&mut project, k, head, child);
            if edit.apply(&mut project).is_ok() {
                count += 1;
            }
        }
    }
    (project, count)
}

fn input(t: f64, events: Vec<egui::Event>) -> RawInput {
    RawInput {
        events,
        screen_rect: Some(Rect::from_min_size(
            pos2(0.0, 0.0),
            vec2(SCREEN[0], SCREEN[1]),
        )),
        time: Some(t),
        ..Default::default()
    }
}

fn frame(ctx: &Context, app: &mut IsnadApp, t: f64, events: Vec<egui::Event>) {
    let output = ctx.run_ui(input(t, events), |ui| app.frame_ui(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
}

/// Median and 95th percentile of the frame time scrolling `project`'s article top to bottom.
fn scroll(project: Project) -> (f64, f64) {
    let path = std::env::temp_dir().join(format!(
        "isnad-relations-bench-{}.isnad.ron",
        std::process::id()
    ));
    isnad::io::project::save(&project, &path).expect("write project");
    let ctx = Context::default();
    let mut app = IsnadApp::new(&ctx, Some(&path));
    assert!(app.error().is_none(), "{:?}", app.error());
    // The pointer rests over the middle of the article, so spans pass under it.
    let hover = vec![egui::Event::PointerMoved(pos2(560.0, 400.0))];
    frame(&ctx, &mut app, 0.0, hover);
    let mut times = Vec::new();
    let (mut t, mut y) = (0.0, 0.0);
    loop {
        app.view_mut().expect("a document is shown").scroll_to(y);
        t += 1.0 / 60.0;
        let started = Instant::now();
        frame(&ctx, &mut app, t, Vec::new());
        times.push(started.elapsed().as_secs_f64() * 1e3);
        if y > app.view_mut().expect("view").content_height() {
            break;
        }
        y += SCROLL_STEP;
    }
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(isnad::io::project::backup_path(&path));
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    (pct(0.5), pct(0.95))
}
