//! The synthetic project the benchmarks share: ~1 KB Arabic articles (with emoji, so code points
//! and UTF-16 differ) and random spans over whole words, some overlapping, some with notes; and
//! the wall and CPU clocks the step-by-step benchmarks read.
#![allow(dead_code)]

use isnad::model::{ACTOR, CLAIM, DocId, Document, LabelId, Project, SOURCE, Span};
use std::time::Instant;

pub const WORDS: &[&str] = &[
    "قال",
    "المتحدث",
    "باسم",
    "وزارة",
    "الخارجية",
    "إن",
    "الوفد",
    "وصل",
    "إلى",
    "العاصمة",
    "أمس",
    "وأضاف",
    "مصدر",
    "مطلع",
    "أنّ",
    "المفاوضات",
    "ستستأنف",
    "الأسبوع",
    "المقبل",
    "والمجلس",
    "أيضًا",
    "الرئيس",
    "الحكومة",
    "😀",
    "«بيان»",
    "رسمي",
    "،",
    "عسكريون",
    "روس",
    "مدربون",
];

/// A small deterministic generator (no dependency needed).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

/// A text of about `bytes` bytes and the byte offsets where its words start and end.
pub fn article(rng: &mut Lcg, bytes: usize) -> (String, Vec<(usize, usize)>) {
    let mut text = String::with_capacity(bytes + 32);
    let mut words = Vec::new();
    while text.len() < bytes {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(WORDS[rng.next(WORDS.len())]);
        words.push((start, text.len()));
    }
    (text, words)
}

pub fn add_spans(
    project: &mut Project,
    rng: &mut Lcg,
    doc: DocId,
    words: &[(usize, usize)],
    count: usize,
) {
    let labels = [ACTOR, CLAIM, SOURCE].map(|l| LabelId::new(l).expect("valid label id"));
    let mut added = 0;
    while added < count {
        let first = rng.next(words.len());
        let last = (first + rng.next(6)).min(words.len() - 1);
        let range = words[first].0..words[last].1;
        let id = project.allocate_span_id();
        let mut span = Span::new(id, doc, range, labels[rng.next(3)].clone());
        if rng.next(10) == 0 {
            span.set_note(Some("ملاحظة المراجع".to_owned()));
        }
        if project.insert_span(span).is_ok() {
            added += 1;
        }
    }
}

pub fn build(docs: usize, spans_per_doc: usize) -> Project {
    let mut rng = Lcg(42);
    let mut project = Project::default();
    for n in 0..docs {
        let (text, words) = article(&mut rng, 1024);
        let doc = project.allocate_doc_id();
        let document = Document::new(doc, format!("خبر {n}"), Some(format!("news/{n}.txt")), text);
        project
            .insert_document(document, Vec::new())
            .expect("fresh document");
        add_spans(&mut project, &mut rng, doc, &words, spans_per_doc);
    }
    project
}

/// Milliseconds since `started`.
pub fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// CPU time of this thread so far (Linux: `/proc/thread-self/stat`, 10 ms ticks); NaN elsewhere.
pub fn cpu_ms() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return f64::NAN;
    };
    // Fields after the command name (which ends at the last ')'): utime and stime are 14 and 15.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    match (tick(11), tick(12)) {
        (Some(user), Some(system)) => (user + system) * 10.0,
        _ => f64::NAN,
    }
}
