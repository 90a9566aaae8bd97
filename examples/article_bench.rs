//! Article-view benchmark: time to the first frame, CPU time per frame while scrolling from top to
//! bottom (median, 95th percentile, and the whole scroll's sum), the suggestions shown, and peak
//! memory, for a 10 KB and a 1 MB article (the corpus news article repeated), and for the 1 MB
//! article in a project with 10,000 and with 100,000 spans (some nested), where it also times
//! adding a span: the frame in which the label key is pressed (the edit is applied after it) plus
//! the next frame, which paints the new span.
//!
//! Run: `cargo run --release --example article_bench` (needs `../shared/corpus`), or with one case
//! name (`article_bench 1mb_100k_spans`) for that case alone; `--hide-suggestions` (after the
//! case name, if any) measures with View › Suggestions off. Prints one JSON object per line:
//! `{"name":…,"value":…,"unit":…}`. Each size runs in its own process so the peak memory is that
//! size's own. `PERF_CTL` (see [`perf_ctl`]) limits a `perf record` to the timed adds. With
//! suggestions shown it also times accepting a suggestion (Tab, then Enter) 20 times down the
//! document.

use std::time::Instant;

use egui::{Context, RawInput, Rect, pos2, vec2};
use isnad::IsnadApp;
use isnad::model::{Document, LabelId, LabelSchema, Project, Span};
use isnad::text::Selection;

/// The cases: name, article size in bytes, spans in the project (0: the bare article is opened).
const SIZES: [(&str, usize, usize); 4] = [
    ("10kb", 10 * 1024, 0),
    ("1mb", 1024 * 1024, 0),
    ("1mb_10k_spans", 1024 * 1024, 10_000),
    ("1mb_100k_spans", 1024 * 1024, 100_000),
];
const SCREEN: [f32; 2] = [1100.0, 800.0];
/// Scroll distance per frame, in points (a brisk mouse-wheel scroll).
const SCROLL_STEP: f32 = 120.0;

/// The flag that turns the suggestions off.
const HIDE_SUGGESTIONS: &str = "--hide-suggestions";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hide = args.iter().any(|a| a == HIDE_SUGGESTIONS);
    let case = args.iter().find(|a| *a != HIDE_SUGGESTIONS);
    match case {
        Some(size) => run_one(size, hide),
        None => {
            let exe = std::env::current_exe().expect("current exe");
            for (name, _, _) in SIZES {
                let mut command = std::process::Command::new(&exe);
                command.arg(name);
                if hide {
                    command.arg(HIDE_SUGGESTIONS);
                }
                let status = command.status().expect("run");
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

/// One frame as the window runs it: the UI pass and tessellation into meshes.
fn frame(ctx: &Context, app: &mut IsnadApp, t: f64, events: Vec<egui::Event>) {
    let mut output = ctx.run_ui(input(t, events), |ui| app.frame_ui(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
    // No GPU takes the texture changes (epaint asserts this in builds with debug assertions).
    output.textures_delta.clear();
}

fn run_one(size: &str, hide_suggestions: bool) {
    let (bytes, spans) = SIZES
        .iter()
        .find(|(n, _, _)| *n == size)
        .map(|(_, b, s)| (*b, *s))
        .expect("a case name: 10kb, 1mb, 1mb_10k_spans or 1mb_100k_spans");
    let text = article_of_size(bytes);
    let annotated = spans > 0;
    let path = if annotated {
        let path = std::env::temp_dir().join(format!(
            "isnad-bench-{size}-{}.isnad.ron",
            std::process::id()
        ));
        let project = project_with_spans(&text, spans);
        isnad::io::project::save(&project, &path).expect("write project");
        path
    } else {
        let path =
            std::env::temp_dir().join(format!("isnad-bench-{size}-{}.txt", std::process::id()));
        std::fs::write(&path, &text).expect("write article");
        path
    };

    let ctx = Context::default();
    // With suggestions hidden from the start (View › Suggestions off, as remembered in the
    // settings), so none is ever computed.
    let settings =
        std::env::temp_dir().join(format!("isnad-bench-settings-{}.ron", std::process::id()));
    if hide_suggestions {
        std::fs::write(&settings, "(show_suggestions: false)").expect("write settings");
    }
    let start = Instant::now();
    let mut app = if hide_suggestions {
        IsnadApp::with_settings_file(&ctx, Some(&path), settings.clone())
    } else {
        IsnadApp::new(&ctx, Some(&path))
    };
    assert!(app.error().is_none(), "{:?}", app.error());
    frame(&ctx, &mut app, 0.0, Vec::new());
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
        frame(&ctx, &mut app, t, Vec::new());
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
    // The whole scroll: how much text a frame brings into view depends on the layout's
    // geometry, so the sum compares two layouts where the median per frame cannot.
    let total: f64 = times.iter().sum();
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    emit(&format!("scroll_frame_median_{size}"), pct(0.5), "ms");
    emit(&format!("scroll_frame_p95_{size}"), pct(0.95), "ms");
    emit(
        &format!("scroll_frames_{size}"),
        times.len() as f64,
        "frames",
    );
    emit(&format!("scroll_total_{size}"), total, "ms");
    // How many suggestions the view shows (the suggesters' load on this case).
    let suggestions = app.document_suggestions().map_or(0, |s| s.spans.len());
    emit(
        &format!("suggestions_{size}"),
        suggestions as f64,
        "suggestions",
    );
    if annotated {
        time_adding_spans(&ctx, &mut app, size, &mut t);
    }
    // Before the accepts, which hold two lists of suggestions at once while the worker computes
    // the next after them.
    emit(&format!("peak_memory_{size}"), peak_memory_mb(), "MB");
    if annotated && !hide_suggestions {
        time_accepting_suggestions(&ctx, &mut app, size, &mut t);
        emit(
            &format!("peak_memory_with_accepts_{size}"),
            peak_memory_mb(),
            "MB",
        );
    }
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(isnad::io::project::backup_path(&path));
    let _ = std::fs::remove_file(&settings);
}

/// A project holding `text` with `count` spans: every word-start step of the text gets a span of
/// one to four words, and every fifth one a second, enclosing span (nesting and overlaps).
fn project_with_spans(text: &str, count: usize) -> Project {
    let mut project = Project::new(LabelSchema::default());
    let doc = project.allocate_doc_id();
    let document = Document::new(doc, "bench", None, text);
    let labels = ["actor", "claim", "source"].map(|l| LabelId::new(l).expect("label"));
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
    let outer = count / 5;
    let step = (words.len() / (count - outer)).max(1);
    let mut spans = Vec::new();
    for (n, w) in words.iter().step_by(step).take(count - outer).enumerate() {
        let end = word_end(words[(words.partition_point(|x| x < w) + n % 4).min(words.len() - 1)]);
        let label = labels[n % 3].clone();
        spans.push(Span::new(project.allocate_span_id(), doc, *w..end, label));
        if n % 4 == 0 && spans.len() < count {
            let outer_end =
                word_end(words[(words.partition_point(|x| x < w) + 6).min(words.len() - 1)]);
            spans.push(Span::new(
                project.allocate_span_id(),
                doc,
                *w..outer_end,
                labels[(n + 1) % 3].clone(),
            ));
        }
    }
    spans.sort_by_key(|s| (s.start, s.end, s.id));
    spans.dedup_by(|a, b| a.range() == b.range() && a.label == b.label);
    project
        .insert_document(document, spans)
        .expect("valid spans");
    project
}

/// At 50 places down the document: scrolls there (two frames), selects a phrase in view (one
/// frame), and presses 1; times the frame of the key press plus the next one.
fn time_adding_spans(ctx: &Context, app: &mut IsnadApp, size: &str, t: &mut f64) {
    let (mut times, mut key_frames, mut next_frames) = (Vec::new(), Vec::new(), Vec::new());
    let before = app.project().span_count();
    for i in 0..50 {
        let height = app.view_mut().expect("view").content_height();
        app.view_mut()
            .expect("view")
            .scroll_to(height * f32::from(i as u8) / 50.0);
        // The jump's frame lays out the paragraphs now in view; the next settles the heights
        // measured (a person reads before selecting). Neither is the edit's cost.
        for _ in 0..2 {
            *t += 1.0 / 60.0;
            frame(ctx, app, *t, Vec::new());
        }
        let at = app.reading_offset();
        let text = app.document_text();
        let start = at + text[at..].find(' ').map_or(0, |n| n + 1);
        let end = start + text[start..].find(' ').unwrap_or(0);
        app.view_mut().expect("view").selection = Selection::of_range(start..end);
        // As a person does it: the selection is on screen (a drag takes frames) before the key.
        *t += 1.0 / 60.0;
        frame(ctx, app, *t, Vec::new());
        let key = |pressed| egui::Event::Key {
            key: egui::Key::Num1,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        perf_ctl("adds", "enable");
        let started = Instant::now();
        *t += 1.0 / 60.0;
        frame(ctx, app, *t, vec![key(true), key(false)]);
        let key_frame = started.elapsed().as_secs_f64() * 1e3;
        *t += 1.0 / 60.0;
        frame(ctx, app, *t, Vec::new());
        let both = started.elapsed().as_secs_f64() * 1e3;
        times.push(both);
        key_frames.push(key_frame);
        next_frames.push(both - key_frame);
        perf_ctl("adds", "disable");
    }
    let added = app.project().span_count() - before;
    assert!(added >= 45, "only {added} of 50 spans were added");
    emit_median_and_max(&format!("add_span_{{}}_{size}"), times);
    // The two frames apart: the key press frame (the edit is applied after it) and the next,
    // which paints the new span and scrolls the span list to it.
    for (name, mut frames) in [("key_frame", key_frames), ("next_frame", next_frames)] {
        frames.sort_by(f64::total_cmp);
        emit(
            &format!("add_span_{name}_median_{size}"),
            frames[frames.len() / 2],
            "ms",
        );
    }
}

/// Accepting a suggestion, 20 times down the document: with nothing selected, Tab makes the next
/// suggestion current (one frame, not timed), then Enter accepts it; times the Enter frame plus
/// the next frame, as for adding a span.
fn time_accepting_suggestions(ctx: &Context, app: &mut IsnadApp, size: &str, t: &mut f64) {
    // The suggestions of the last edits are computed first (the worker runs off the UI thread).
    for _ in 0..200 {
        *t += 1.0 / 60.0;
        frame(ctx, app, *t, Vec::new());
        if app
            .document_suggestions()
            .is_some_and(|s| !s.spans.is_empty())
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let press = |key: egui::Key| {
        [true, false].map(|pressed| egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        })
    };
    let mut times = Vec::new();
    let before = app.project().span_count();
    for i in 0..20 {
        let view = app.view_mut().expect("view");
        view.select_span(None);
        view.selection = Selection::default();
        let height = view.content_height();
        view.scroll_to(height * f32::from(i as u8) / 20.0);
        for _ in 0..2 {
            *t += 1.0 / 60.0;
            frame(ctx, app, *t, Vec::new());
        }
        *t += 1.0 / 60.0;
        frame(ctx, app, *t, press(egui::Key::Tab).to_vec());
        if app.current_suggestion().is_none() {
            continue;
        }
        perf_ctl("accepts", "enable");
        let started = Instant::now();
        *t += 1.0 / 60.0;
        frame(ctx, app, *t, press(egui::Key::Enter).to_vec());
        *t += 1.0 / 60.0;
        frame(ctx, app, *t, Vec::new());
        times.push(started.elapsed().as_secs_f64() * 1e3);
        perf_ctl("accepts", "disable");
    }
    let accepted = app.project().span_count() - before;
    assert!(
        accepted >= 10 && times.len() >= 10,
        "only {accepted} of 20 suggestions were accepted"
    );
    emit_median_and_max(&format!("accept_suggestion_{{}}_{size}"), times);
    // The suggestions are computed again after the last accept: the frame that takes them in
    // (the worker built their marks too, so it should be an ordinary frame).
    let shown = |app: &IsnadApp| app.document_suggestions().map(|s| s.spans.as_ptr());
    let before = shown(app);
    let mut arrival = None;
    for _ in 0..1000 {
        *t += 1.0 / 60.0;
        let started = Instant::now();
        frame(ctx, app, *t, Vec::new());
        if shown(app) != before {
            arrival = Some(started.elapsed().as_secs_f64() * 1e3);
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    emit(
        &format!("suggestions_arrival_frame_{size}"),
        arrival.expect("the suggestions are computed again after the accepts"),
        "ms",
    );
}

/// The median and the maximum of `times` (ms), named by `name` with `{}` replaced by `median`
/// and `max`.
fn emit_median_and_max(name: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    emit(&name.replace("{}", "median"), times[times.len() / 2], "ms");
    emit(&name.replace("{}", "max"), times[times.len() - 1], "ms");
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

/// For profiling the adds alone (or, with `PERF_PHASE=accepts`, the accepted suggestions): with
/// `PERF_CTL` naming the control fifo of `perf record -D -1 --control=fifo:PATH`, sampling is
/// enabled around each timed add and disabled after it (the 5 ms pause lets perf act on the
/// command before the frames run).
fn perf_ctl(phase: &str, what: &str) {
    use std::io::Write as _;
    let Ok(path) = std::env::var("PERF_CTL") else {
        return;
    };
    if std::env::var("PERF_PHASE").as_deref().unwrap_or("adds") != phase {
        return;
    }
    let mut fifo = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("PERF_CTL names perf's control fifo");
    writeln!(fifo, "{what}").expect("perf reads its control fifo");
    std::thread::sleep(std::time::Duration::from_millis(5));
}
