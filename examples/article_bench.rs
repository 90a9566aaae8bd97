//! Article-view benchmark: time to the first frame, CPU time per frame while scrolling from top to
//! bottom, and peak memory, for a 10 KB and a 1 MB article (the corpus news article repeated).
//!
//! Run: `cargo run --release --example article_bench` (needs `../shared/corpus`). Prints one JSON
//! object per line: `{"name":…,"value":…,"unit":…}`. Each size runs in its own process so the
//! peak memory is that size's own.

use std::time::Instant;

use egui::{Context, RawInput, Rect, pos2, vec2};
use isnad::IsnadApp;

const SIZES: [(&str, usize); 2] = [("10kb", 10 * 1024), ("1mb", 1024 * 1024)];
const SCREEN: [f32; 2] = [1100.0, 800.0];
/// Scroll distance per frame, in points (a brisk mouse-wheel scroll).
const SCROLL_STEP: f32 = 120.0;

fn main() {
    let arg = std::env::args().nth(1);
    match arg.as_deref() {
        Some(size) => run_one(size),
        None => {
            let exe = std::env::current_exe().expect("current exe");
            for (name, _) in SIZES {
                let status = std::process::Command::new(&exe)
                    .arg(name)
                    .status()
                    .expect("run");
                assert!(status.success(), "benchmark {name} failed");
            }
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

fn input(t: f64) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(
            pos2(0.0, 0.0),
            vec2(SCREEN[0], SCREEN[1]),
        )),
        time: Some(t),
        ..Default::default()
    }
}

/// One frame as the window runs it: the UI pass and tessellation into meshes.
fn frame(ctx: &Context, app: &mut IsnadApp, t: f64) {
    let output = ctx.run_ui(input(t), |ui| app.frame_ui(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
}

fn run_one(size: &str) {
    let bytes = SIZES
        .iter()
        .find(|(n, _)| *n == size)
        .map(|(_, b)| *b)
        .expect("size");
    let text = article_of_size(bytes);
    let path = std::env::temp_dir().join(format!("isnad-bench-{size}-{}.txt", std::process::id()));
    std::fs::write(&path, &text).expect("write article");

    let ctx = Context::default();
    let start = Instant::now();
    let mut app = IsnadApp::new(&ctx, Some(&path));
    assert!(app.error().is_none(), "{:?}", app.error());
    frame(&ctx, &mut app, 0.0);
    let first_frame = start.elapsed();
    emit(
        &format!("first_frame_{size}"),
        first_frame.as_secs_f64() * 1e3,
        "ms",
    );

    // Scroll from top to bottom, a fixed step per frame, timing each frame.
    let mut times = Vec::new();
    let mut t = 0.0;
    let mut y = 0.0;
    loop {
        app.view_mut().expect("a document is shown").scroll_to(y);
        t += 1.0 / 60.0;
        let frame_start = Instant::now();
        frame(&ctx, &mut app, t);
        times.push(frame_start.elapsed().as_secs_f64() * 1e3);
        let height = app
            .view_mut()
            .expect("a document is shown")
            .content_height();
        if y > height {
            break;
        }
        y += SCROLL_STEP;
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    emit(&format!("scroll_frame_median_{size}"), pct(0.5), "ms");
    emit(&format!("scroll_frame_p95_{size}"), pct(0.95), "ms");
    emit(
        &format!("scroll_frames_{size}"),
        times.len() as f64,
        "frames",
    );
    emit(&format!("peak_memory_{size}"), peak_memory_mb(), "MB");
    let _ = std::fs::remove_file(&path);
}

/// Peak resident memory of this process (VmHWM), in MB.
fn peak_memory_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}
