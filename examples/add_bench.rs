//! Times adding 1,000 Arabic articles (1 KB to 50 KB, 50 of them duplicates, in 10 subfolders,
//! .txt and .md) to a project: `read_corpus`, `add_entries_edit` and applying the edit, then the
//! same for a 1,000-line JSONL corpus, and saving the project. Prints one JSON object per line;
//! the target is a few seconds at most.
//!
//! Run with `cargo run --release --example add_bench`.

use std::time::Instant;

use isnad::io::corpus::{add_entries_edit, known_hashes, read_corpus};
use isnad::io::progress::Progress;
use isnad::io::project;
use isnad::model::Project;

const ARTICLES: usize = 1000;
const DUPLICATES: usize = 50;
const SENTENCES: [&str; 4] = [
    "قال المتحدث باسم الحكومة إن الانتخابات ستجرى في موعدها المحدد دون تأجيل. ",
    "وأكدت الوزارة في بيان رسمي أن المفاوضات مع الأطراف المعنية ما زالت مستمرة. ",
    "ونقلت وكالة الأنباء عن مصدر مطلع أن الاجتماع المقبل سيعقد في العاصمة.\n",
    "وأضاف المسؤول أن الحكومة ملتزمة بالجدول الزمني الذي أعلنته في وقت سابق. ",
];

/// Article `i`: between 1 KB and 50 KB, unique by its number.
fn article(i: usize) -> String {
    let target = 1024 + (i * 7919) % (49 * 1024);
    let mut text = format!("الخبر رقم {i}\n\n");
    let mut k = i;
    while text.len() < target {
        text.push_str(SENTENCES[k % SENTENCES.len()]);
        k += 1;
    }
    text
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("isnad-add-bench-{}", std::process::id()));
    let folder = dir.join("articles");
    let mut bytes = 0usize;
    for i in 0..ARTICLES {
        // The last DUPLICATES files repeat earlier articles.
        let text = article(if i >= ARTICLES - DUPLICATES {
            i - 500
        } else {
            i
        });
        let sub = folder.join(format!("part{}", i % 10));
        std::fs::create_dir_all(&sub)?;
        let ext = if i % 4 == 0 { "md" } else { "txt" };
        std::fs::write(sub.join(format!("{i:04}.{ext}")), &text)?;
        bytes += text.len();
    }
    let jsonl = dir.join("corpus.jsonl");
    let mut lines = String::new();
    for i in 0..ARTICLES {
        let line = serde_json::json!({
            "text": article(i + ARTICLES),
            "title": format!("خبر {i}"),
            "source": "bench",
            "id": i,
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    let jsonl_bytes = lines.len();
    std::fs::write(&jsonl, lines)?;

    let mut project = Project::default();
    for (name, path, bytes) in [("folder", folder, bytes), ("jsonl", jsonl, jsonl_bytes)] {
        let progress = Progress::new();
        let t = Instant::now();
        let known = known_hashes(&project);
        let read = read_corpus(&[path], &known, &progress);
        let read_ms = ms(t);
        let added = read.entries.len();
        let skipped = read.report.skipped.len();
        let t = Instant::now();
        let edit = add_entries_edit(&mut project, read.entries).ok_or("nothing to add")?;
        let edit_ms = ms(t);
        let t = Instant::now();
        edit.apply(&mut project)?;
        let apply_ms = ms(t);
        println!(
            "{{\"name\":\"add_{name}_1000_articles\",\"read_ms\":{read_ms:.1},\"edit_ms\":{edit_ms:.1},\"apply_ms\":{apply_ms:.1},\"total_ms\":{:.1},\"added\":{added},\"skipped\":{skipped},\"mb\":{:.1}}}",
            read_ms + edit_ms + apply_ms,
            bytes as f64 / 1e6,
        );
    }
    let out = dir.join("bench.isnad.ron");
    let t = Instant::now();
    project::save(&project, &out)?;
    println!(
        "{{\"name\":\"save_project_{}_docs\",\"total_ms\":{:.1},\"mb\":{:.1}}}",
        project.documents().len(),
        ms(t),
        std::fs::metadata(&out)?.len() as f64 / 1e6
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
