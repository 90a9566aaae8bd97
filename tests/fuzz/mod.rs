//! A small seeded fuzzer for the parser tests (no extra crate, stable Rust): structure-aware
//! mutations of valid seed files, run for a bounded time per parser with every case under
//! `catch_unwind`, a watchdog for hangs, and failing inputs saved to disk.
//!
//! Run length: `ISNAD_FUZZ_SECONDS` (default 1.5 per parser) and `ISNAD_FUZZ_CASES` (no cap by
//! default) bound each parser's run, whichever comes first; `ISNAD_FUZZ_SEED` picks the seed
//! (default fixed, so a plain `cargo test` is reproducible). The 100 MB single-line cases run
//! only when the budget is at least [`HUGE_CASE_MIN_SECONDS`].
#![allow(dead_code)] // Each fuzz test file uses its own subset.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The 100 MB single-line cases run only with a budget of at least this many seconds per parser.
pub const HUGE_CASE_MIN_SECONDS: f64 = 10.0;
/// A case slower than this fails the run (debug build, shared machine: generous).
pub const CASE_TIME_LIMIT: Duration = Duration::from_secs(20);
/// A run that does not finish this long after its budget is a hang.
const HANG_GRACE: Duration = Duration::from_secs(120);
/// Mutated inputs larger than this start over from a seed.
const MAX_MUTANT_BYTES: usize = 1 << 20;

/// A deterministic pseudo-random generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `1/n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// A random element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How long and how many cases each parser runs.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// Wall-clock seconds per parser.
    pub seconds: f64,
    /// Most cases per parser.
    pub cases: u64,
    /// The generator seed.
    pub seed: u64,
}

impl Budget {
    /// The budget from `ISNAD_FUZZ_SECONDS`, `ISNAD_FUZZ_CASES` and `ISNAD_FUZZ_SEED`.
    pub fn from_env() -> Self {
        let var = |name: &str| std::env::var(name).ok();
        Self {
            seconds: var("ISNAD_FUZZ_SECONDS")
                .and_then(|s| s.parse().ok())
                .filter(|s: &f64| s.is_finite() && *s >= 0.0)
                .unwrap_or(1.5),
            cases: var("ISNAD_FUZZ_CASES")
                .and_then(|s| s.parse().ok())
                .unwrap_or(u64::MAX),
            seed: var("ISNAD_FUZZ_SEED")
                .and_then(|s| s.parse().ok())
                .unwrap_or(0x15AD),
        }
    }

    /// Whether the 100 MB cases run.
    pub fn huge_cases(&self) -> bool {
        self.seconds >= HUGE_CASE_MIN_SECONDS
    }
}

/// One input to try once, before the mutants (a hand-made hostile case).
pub struct Fixed {
    /// What it is, for the log.
    pub name: String,
    /// Builds the input (lazily: some are 100 MB).
    pub make: Box<dyn Fn() -> Vec<u8> + Send>,
}

impl Fixed {
    /// A fixed case.
    pub fn new(name: impl Into<String>, make: impl Fn() -> Vec<u8> + Send + 'static) -> Self {
        Self {
            name: name.into(),
            make: Box::new(make),
        }
    }
}

/// Text tokens that break parsers: huge and negative numbers, escapes, controls, brackets.
pub const COMMON_TOKENS: &[&str] = &[
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775808",
    "-1",
    "-0",
    "0",
    "1e999",
    "1.5",
    "NaN",
    "4294967296",
    "\\ud800",
    "\\udfff",
    "\\u0000",
    "\\",
    "\"",
    "\u{feff}",
    "\u{202e}",
    "\u{2066}",
    "\u{200d}",
    "\u{200c}",
    "\u{200b}",
    "\u{0651}",
    "\u{064e}",
    "👍🏽",
    "👨‍👩‍👧",
    "\r\n",
    "\r",
    "\0",
    "\t",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "|",
    "<",
    ">",
    "&",
    "&#x10FFFF;",
    "&#xD800;",
    "&#99999999999;",
    "&amp",
];

/// Bytes worth writing over others.
const INTERESTING_BYTES: &[u8] = &[
    0, 0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0x80, 0xC0, 0xD8, 0xED, b'"', b'(', b')', b'[', b']', b'{',
    b'}', b',', b':', b'\\', b'\n', b'<', b'>', b'|', b'0', b'9', b'-',
];

/// The mutator: byte-level and structure-aware changes drawn from seeds and a dictionary.
pub struct Mutator {
    /// Valid inputs the mutants start from.
    pub seeds: Vec<Vec<u8>>,
    /// Format-specific tokens (field names, tags) besides [`COMMON_TOKENS`].
    pub tokens: Vec<String>,
    /// Text for an unknown field or element, inserted after an opening bracket.
    pub unknown_fields: Vec<String>,
}

impl Mutator {
    /// A mutator over `seeds` (at least one).
    pub fn new(seeds: Vec<Vec<u8>>) -> Self {
        assert!(!seeds.is_empty(), "the fuzzer needs at least one seed");
        Self {
            seeds,
            tokens: Vec::new(),
            unknown_fields: Vec::new(),
        }
    }

    /// With format-specific dictionary tokens.
    pub fn tokens(mut self, tokens: &[&str]) -> Self {
        self.tokens.extend(tokens.iter().map(|t| (*t).to_owned()));
        self
    }

    /// With unknown-field snippets.
    pub fn unknown_fields(mut self, fields: &[&str]) -> Self {
        self.unknown_fields
            .extend(fields.iter().map(|t| (*t).to_owned()));
        self
    }

    /// A new input: a seed with one to four mutations stacked.
    pub fn generate(&self, rng: &mut Rng) -> Vec<u8> {
        let mut data = rng.pick(&self.seeds).clone();
        for _ in 0..1 + rng.below(4) {
            self.mutate(rng, &mut data);
            if data.len() > MAX_MUTANT_BYTES {
                data = rng.pick(&self.seeds).clone();
            }
        }
        data
    }

    fn token<'a>(&'a self, rng: &mut Rng) -> &'a [u8] {
        let n = COMMON_TOKENS.len() + self.tokens.len();
        let i = rng.below(n);
        match COMMON_TOKENS.get(i) {
            Some(t) => t.as_bytes(),
            None => self.tokens[i - COMMON_TOKENS.len()].as_bytes(),
        }
    }

    /// Applies one random mutation.
    pub fn mutate(&self, rng: &mut Rng, data: &mut Vec<u8>) {
        let len = data.len();
        match rng.below(16) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = *rng.pick(INTERESTING_BYTES);
            }
            2 | 3 => {
                let at = rng.below(len + 1);
                let token = self.token(rng).to_vec();
                data.splice(at..at, token);
            }
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                data.drain(start..end);
            }
            5 => data.truncate(rng.below(len + 1)),
            6 => edit_lines(rng, data, LineEdit::Duplicate),
            7 => edit_lines(rng, data, LineEdit::Delete),
            8 => edit_lines(rng, data, LineEdit::Swap),
            9 => {
                // Splice: a prefix of this input and a suffix of another seed.
                let other = rng.pick(&self.seeds);
                let cut = rng.below(len + 1);
                let from = rng.below(other.len() + 1);
                data.truncate(cut);
                data.extend_from_slice(&other[from..]);
            }
            10 | 11 => replace_number(rng, data),
            12 => reverse_numbers(rng, data),
            13 if !self.unknown_fields.is_empty() => {
                let field = rng.pick(&self.unknown_fields).clone();
                insert_after_opening(rng, data, field.as_bytes());
            }
            14 if len > 0 => {
                // Repeat a chunk many times (long runs, duplicated records).
                let start = rng.below(len);
                let end = (start + 1 + rng.below(32)).min(len);
                let chunk = data[start..end].to_vec();
                let most = if rng.one_in(8) { 5000 } else { 20 };
                let times = 1 + rng.below(most);
                let repeated: Vec<u8> = chunk.repeat(times);
                data.splice(end..end, repeated);
            }
            _ => {
                // Insert a random (possibly invalid) byte run.
                let at = rng.below(len + 1);
                let run: Vec<u8> = (0..1 + rng.below(8))
                    .map(|_| rng.next_u64() as u8)
                    .collect();
                data.splice(at..at, run);
            }
        }
    }
}

enum LineEdit {
    Duplicate,
    Delete,
    Swap,
}

fn edit_lines(rng: &mut Rng, data: &mut Vec<u8>, edit: LineEdit) {
    let mut lines: Vec<Vec<u8>> = data.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    let i = rng.below(n);
    match edit {
        LineEdit::Duplicate => {
            let line = lines[i].clone();
            let at = rng.below(n + 1);
            lines.insert(at, line);
        }
        LineEdit::Delete if n > 1 => {
            lines.remove(i);
        }
        LineEdit::Swap => lines.swap(i, rng.below(n)),
        LineEdit::Delete => {}
    }
    *data = lines.join(&b'\n');
}

/// Byte ranges of the runs of ASCII digits (with a leading `-`).
fn number_runs(data: &[u8]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < data.len() {
        if data[i].is_ascii_digit() {
            let start = if i > 0 && data[i - 1] == b'-' {
                i - 1
            } else {
                i
            };
            let mut end = i;
            while end < data.len() && data[end].is_ascii_digit() {
                end += 1;
            }
            runs.push((start, end));
            i = end;
        } else {
            i += 1;
        }
    }
    runs
}

/// Replaces a number with a hostile one (huge, negative, off by one, past any text).
fn replace_number(rng: &mut Rng, data: &mut Vec<u8>) {
    let runs = number_runs(data);
    if runs.is_empty() {
        return;
    }
    let (start, end) = *rng.pick(&runs);
    let old: i128 = std::str::from_utf8(&data[start..end])
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let new = match rng.below(9) {
        0 => "18446744073709551615".to_owned(),
        1 => "-1".to_owned(),
        2 => "0".to_owned(),
        3 => (old + 1).to_string(),
        4 => (old - 1).to_string(),
        5 => (old + 100_000).to_string(),
        6 => "4294967295".to_owned(),
        7 => "99999999999999999999999999".to_owned(),
        _ => rng.below(400).to_string(),
    };
    data.splice(start..end, new.into_bytes());
}

/// Swaps two numbers of one line (a start and an end become a reversed range).
fn reverse_numbers(rng: &mut Rng, data: &mut Vec<u8>) {
    let runs = number_runs(data);
    if runs.len() < 2 {
        return;
    }
    let i = rng.below(runs.len() - 1);
    let (a, b) = (runs[i], runs[i + 1]);
    let first = data[a.0..a.1].to_vec();
    let second = data[b.0..b.1].to_vec();
    let mut out = data[..a.0].to_vec();
    out.extend_from_slice(&second);
    out.extend_from_slice(&data[a.1..b.0]);
    out.extend_from_slice(&first);
    out.extend_from_slice(&data[b.1..]);
    *data = out;
}

/// Inserts `field` right after a random `(`, `{` or `[`.
fn insert_after_opening(rng: &mut Rng, data: &mut Vec<u8>, field: &[u8]) {
    let openings: Vec<usize> = data
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, b'(' | b'{' | b'['))
        .map(|(i, _)| i + 1)
        .collect();
    if openings.is_empty() {
        return;
    }
    let at = *rng.pick(&openings);
    data.splice(at..at, field.iter().copied());
}

/// Cases every parser gets: empty, BOMs, NULs, invalid UTF-8, deep nesting of every bracket.
pub fn common_fixed() -> Vec<Fixed> {
    let mut cases = vec![
        Fixed::new("empty", Vec::new),
        Fixed::new("UTF-8 BOM only", || b"\xEF\xBB\xBF".to_vec()),
        Fixed::new("UTF-16 BOM only", || b"\xFF\xFE".to_vec()),
        Fixed::new("NUL bytes", || vec![0; 4096]),
        Fixed::new("invalid UTF-8", || {
            b"\xC0\x80\xED\xA0\x80\xFF\xFE\x80".repeat(100)
        }),
        Fixed::new("lone surrogate escapes", || {
            br#"{"text":"\ud800\udfff\ud800","spans":[]}"#.to_vec()
        }),
    ];
    for open in [
        "(",
        "[",
        "{",
        "{\"a\":",
        "[{\"text\":",
        "<div>",
        "<p><b>",
        "{1[",
    ] {
        let open = open.to_owned();
        cases.push(Fixed::new(
            format!("{open:?} nested 100,000 deep"),
            move || open.repeat(100_000).into_bytes(),
        ));
    }
    cases
}

/// A 100 MB line of `unit` repeated between `prefix` and `suffix`, built only when run.
pub fn huge_line(
    name: &str,
    prefix: &'static str,
    unit: &'static str,
    suffix: &'static str,
) -> Fixed {
    Fixed::new(format!("{name}: a 100 MB single line"), move || {
        let target = 100 * 1024 * 1024;
        let mut out = Vec::with_capacity(target + prefix.len() + suffix.len());
        out.extend_from_slice(prefix.as_bytes());
        while out.len() < target {
            out.extend_from_slice(unit.as_bytes());
        }
        out.extend_from_slice(suffix.as_bytes());
        out
    })
}

/// Reads a seed file relative to the crate root; `None` if missing (the shared corpus may be).
pub fn seed_file(relative: &str) -> Option<Vec<u8>> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).ok()
}

/// The checked property of one case: `Err` describes a violation (a panic is one too).
pub type Check = dyn Fn(&[u8]) -> Result<(), String> + Send + Sync;

/// What a run did.
#[derive(Debug)]
pub struct Summary {
    /// Cases run (fixed and mutants).
    pub executions: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// The slowest case: its time, name and input length.
    pub slowest: (Duration, String, usize),
}

struct Shared {
    current: Mutex<(String, Arc<Vec<u8>>)>,
}

/// Runs `check` on the fixed cases then on mutants of `mutator` until the budget is spent.
/// Panics (with the failing inputs saved and their paths printed) if any case panics, breaks the
/// property, takes longer than [`CASE_TIME_LIMIT`], or the run hangs.
pub fn run(
    name: &str,
    budget: Budget,
    mutator: Mutator,
    fixed: Vec<Fixed>,
    check: Arc<Check>,
) -> Summary {
    let shared = Arc::new(Shared {
        current: Mutex::new((String::new(), Arc::new(Vec::new()))),
    });
    let (done_tx, done_rx) = mpsc::channel();
    let worker_shared = Arc::clone(&shared);
    let worker_name = name.to_owned();
    std::thread::Builder::new()
        .name(format!("fuzz-{name}"))
        .stack_size(2 * 1024 * 1024) // what a std thread gets by default: the GUI loads on such threads
        .spawn(move || {
            let result = fuzz_loop(
                &worker_name,
                budget,
                &mutator,
                fixed,
                &*check,
                &worker_shared,
            );
            let _ = done_tx.send(result);
        })
        .expect("spawn the fuzz worker");
    let wait = Duration::from_secs_f64(budget.seconds) + CASE_TIME_LIMIT + HANG_GRACE;
    let (summary, failures) = match done_rx.recv_timeout(wait) {
        Ok(result) => result,
        Err(_) => {
            let (case, input) = shared
                .current
                .lock()
                .map(|g| g.clone())
                .unwrap_or_else(|e| e.into_inner().clone());
            let saved = save(name, "hang", &input);
            panic!("fuzz {name}: case {case} did not finish in {wait:?} (input saved to {saved})");
        }
    };
    println!(
        "fuzz {name}: {} executions in {:.1} s (seed {}); slowest case {:.0} ms ({}, {} bytes)",
        summary.executions,
        summary.elapsed.as_secs_f64(),
        budget.seed,
        summary.slowest.0.as_secs_f64() * 1000.0,
        summary.slowest.1,
        summary.slowest.2,
    );
    assert!(
        failures.is_empty(),
        "fuzz {name}: {} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    summary
}

fn fuzz_loop(
    name: &str,
    budget: Budget,
    mutator: &Mutator,
    fixed: Vec<Fixed>,
    check: &Check,
    shared: &Shared,
) -> (Summary, Vec<String>) {
    let start = Instant::now();
    let deadline = Duration::from_secs_f64(budget.seconds);
    let mut rng = Rng::new(budget.seed ^ hash_name(name));
    let mut summary = Summary {
        executions: 0,
        elapsed: Duration::ZERO,
        slowest: (Duration::ZERO, String::new(), 0),
    };
    let mut failures = Vec::new();
    let mut fixed = fixed.into_iter();
    let mut seeds = mutator.seeds.iter().enumerate();
    while failures.len() < 5 && summary.executions < budget.cases {
        let (case, input) = if let Some(f) = fixed.next() {
            (f.name, (f.make)())
        } else if let Some((i, seed)) = seeds.next() {
            (format!("seed {i}"), seed.clone())
        } else if start.elapsed() >= deadline {
            break;
        } else {
            (
                format!("mutant {}", summary.executions),
                mutator.generate(&mut rng),
            )
        };
        let input = Arc::new(input);
        if let Ok(mut current) = shared.current.lock() {
            *current = (case.clone(), Arc::clone(&input));
        }
        let case_start = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input)));
        let took = case_start.elapsed();
        summary.executions += 1;
        if took > summary.slowest.0 {
            summary.slowest = (took, case.clone(), input.len());
        }
        let problem = match outcome {
            Ok(Ok(())) if took <= CASE_TIME_LIMIT => None,
            Ok(Ok(())) => Some(format!("took {took:?}")),
            Ok(Err(violation)) => Some(format!("property broken: {violation}")),
            Err(panic) => Some(format!("panicked: {}", panic_message(&*panic))),
        };
        if let Some(problem) = problem {
            let saved = save(name, &summary.executions.to_string(), &input);
            failures.push(format!(
                "  {case}: {problem}\n    input ({} bytes) saved to {saved}: {}",
                input.len(),
                preview(&input)
            ));
        }
    }
    summary.elapsed = start.elapsed();
    (summary, failures)
}

fn hash_name(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "(no message)".to_owned())
}

/// The start of an input, escaped, for the failure message.
fn preview(input: &[u8]) -> String {
    let shown = &input[..input.len().min(300)];
    let mut text = format!("{:?}", String::from_utf8_lossy(shown));
    if input.len() > shown.len() {
        text.push('…');
    }
    text
}

/// Saves a failing input under the test target's temporary folder; returns its path.
fn save(name: &str, case: &str, input: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-failures");
    let path = dir.join(format!("{name}-{case}.bin"));
    match std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, input)) {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    }
}
