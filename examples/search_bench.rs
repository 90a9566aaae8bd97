//! Times search (issue 15). Prints one JSON object per line:
//! - `project_*`: one query over a project of 1,000 documents (~10 MB of Arabic built from the
//!   corpus articles' paragraphs), all hits returned, folding included; target under 100 ms;
//! - `article_fold_1mb`: folding a 1 MB article with its offset map (and the map's size);
//! - `type_*`: find-as-you-type in that article, the query typed one character at a time: each
//!   keystroke folding the article again and searching (`refold`) or searching the folded text the
//!   app keeps per document and options (`cached`); target well under 8 ms a keystroke.
//!
//! Run with `cargo run --release --example search_bench`.

mod bench_data;

use std::path::Path;
use std::time::Instant;

use isnad::lang::project_search::search_project;
use isnad::lang::{FoldOptions, FoldedText, Query, SearchOptions};
use isnad::model::{Document, Project};

use bench_data::Lcg;

/// The corpus paragraphs (non-empty lines) of both articles.
fn corpus_paragraphs() -> Result<Vec<String>, std::io::Error> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut paragraphs = Vec::new();
    for name in ["niger-article.ar.txt", "udhr.ar.txt"] {
        let text = std::fs::read_to_string(dir.join(name))?;
        paragraphs.extend(
            text.lines()
                .map(|l| l.trim_start_matches('\u{feff}').trim())
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    Ok(paragraphs)
}

/// About `bytes` bytes of corpus paragraphs in a random order, separated by blank lines.
fn article(rng: &mut Lcg, paragraphs: &[String], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + 4096);
    while text.len() < bytes {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&paragraphs[rng.next(paragraphs.len())]);
    }
    text
}

fn median_ms(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples.get(samples.len() / 2).copied().unwrap_or(0.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paragraphs = corpus_paragraphs()?;
    let mut rng = Lcg(42);
    let mut project = Project::default();
    let mut total_bytes = 0;
    for i in 0..1000 {
        let text = format!("{i}\n\n{}", article(&mut rng, &paragraphs, 10_000));
        total_bytes += text.len();
        let id = project.allocate_doc_id();
        project.insert_document(
            Document::new(id, format!("doc {i}"), None, text),
            Vec::new(),
        )?;
    }

    let plain = SearchOptions::default();
    let whole = SearchOptions {
        whole_word: true,
        ..plain
    };
    let regex = SearchOptions {
        regex: true,
        ..plain
    };
    let cases = [
        ("project_plain_word", "النيجر", plain),
        ("project_plain_common", "ال", plain),
        ("project_plain_rare", "فاغنر", plain),
        ("project_whole_word", "حق", whole),
        ("project_regex", r"ال\w+ية", regex),
        ("project_regex_digits", r"\d{4}", regex),
    ];
    for (name, query_text, options) in cases {
        let query = Query::new(query_text, options)?;
        let mut samples = Vec::new();
        let mut hits = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let found = search_project(&project, &query, &|_, _| true);
            samples.push(t.elapsed().as_secs_f64() * 1e3);
            hits = found.total();
        }
        println!(
            "{{\"name\":\"{name}\",\"query\":{},\"documents\":1000,\"mb\":{:.1},\"hits\":{hits},\"median_ms\":{:.1},\"max_ms\":{:.1},\"target_ms\":100}}",
            serde_json::to_string(query_text)?,
            total_bytes as f64 / 1e6,
            median_ms(samples.clone()),
            samples.iter().copied().fold(0.0, f64::max),
        );
    }

    let big = article(&mut rng, &paragraphs, 1_000_000);
    let options = FoldOptions::default();
    let mut samples = Vec::new();
    let mut folded = FoldedText::new(&big, options);
    for _ in 0..10 {
        let t = Instant::now();
        folded = FoldedText::new(&big, options);
        samples.push(t.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "{{\"name\":\"article_fold_1mb\",\"mb\":{:.2},\"median_ms\":{:.2},\"map_anchors\":{},\"map_bytes\":{}}}",
        big.len() as f64 / 1e6,
        median_ms(samples),
        folded.anchor_count(),
        folded.anchor_count() * 8,
    );

    for typed in ["النيجر", "المجلس العسكري", "قال"] {
        let prefixes: Vec<String> = typed
            .char_indices()
            .map(|(i, c)| typed[..i + c.len_utf8()].to_owned())
            .collect();
        for cached in [false, true] {
            let mut samples = Vec::new();
            let mut hits = 0;
            for prefix in &prefixes {
                let t = Instant::now();
                let query = Query::new(prefix, plain)?;
                let found = if cached {
                    query.find_folded(&folded, &big)
                } else {
                    query.find(&big)
                };
                samples.push(t.elapsed().as_secs_f64() * 1e3);
                hits = found.len();
            }
            println!(
                "{{\"name\":\"type_{}_1mb\",\"query\":{},\"keystrokes\":{},\"hits_last\":{hits},\"median_ms\":{:.2},\"max_ms\":{:.2},\"target_ms\":8}}",
                if cached { "cached" } else { "refold" },
                serde_json::to_string(typed)?,
                prefixes.len(),
                median_ms(samples.clone()),
                samples.iter().copied().fold(0.0, f64::max),
            );
        }
    }
    Ok(())
}
