//! A save killed at any moment (SIGKILL: no destructor, no cleanup) never leaves a project that
//! does not open: the file is always one whole version or the other, and so is its `.bak`.
//!
//! The child is this test executable run again on the ignored test `child_saves_in_a_loop`
//! (with an environment variable naming the folder): it needs no binary of its own, no hidden
//! subcommand in the shipped CLI, and calls the library's `project::save` directly. The child
//! saves two known states A and B of a project of a few MB in turn, forever; the parent kills it
//! at random moments (a seeded xorshift) and checks what it left.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use isnad::io::project::{self, backup_path};
use isnad::model::Project;
use isnad::model::markup::add_markup_document;
use isnad::model::{LabelSchema, SpanId};

/// Names the folder the child saves in; the child test does nothing without it.
const CHILD_DIR: &str = "ISNAD_KILL_TEST_DIR";
/// Which state the child saves first ("A" or "B"), so kills in either land as often.
const CHILD_FIRST: &str = "ISNAD_KILL_TEST_FIRST";
const KILLS: usize = 200;
const DOCUMENTS: usize = 24;
const WORDS_PER_DOCUMENT: usize = 2500;
const FILE_NAME: &str = "big.isnad.ron";
/// What the child prints once its states are built (libtest prints the test's name before it on
/// the same line).
const READY: &str = "ISNAD-CHILD-READY";

/// A tiny seeded random number generator (xorshift64*), so a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// State A: documents of Arabic words with an actor, claim or source span every few words.
/// State B: the same documents with every third span removed and notes on others.
fn states() -> (Project, Project) {
    const WORDS: [&str; 8] = [
        "قال",
        "المتحدث",
        "باسم",
        "الحكومة",
        "إن",
        "القوات",
        "انسحبت",
        "أمس",
    ];
    const LABELS: [&str; 3] = ["actor", "claim", "source"];
    let mut a = Project::new(LabelSchema::default());
    for d in 0..DOCUMENTS {
        let mut markup = String::new();
        for w in 0..WORDS_PER_DOCUMENT {
            let word = WORDS[(w * 7 + d) % WORDS.len()];
            if w % 6 == 0 {
                markup.push_str(&format!("[{word}|{}] ", LABELS[(w / 6 + d) % 3]));
            } else {
                markup.push_str(word);
                markup.push(if w % 40 == 39 { '\n' } else { ' ' });
            }
        }
        add_markup_document(&mut a, &markup).expect("markup");
    }
    let mut b = a.clone();
    let ids: Vec<SpanId> = (1..b.next_span_id()).map(SpanId).collect();
    for (i, id) in ids.into_iter().enumerate() {
        if i % 3 == 0 {
            b.remove_span(id).expect("remove");
        } else if i % 3 == 1 {
            b.set_span_note(id, Some(format!("B {i}"))).expect("note");
        }
    }
    assert_ne!(a, b);
    (a, b)
}

/// The child: saves A and B in turn until killed, writing `S` before and `E` after each save.
#[test]
#[ignore = "run by kill_during_save as a child process"]
fn child_saves_in_a_loop() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let path = Path::new(&dir).join(FILE_NAME);
    let (a, b) = states();
    let first = usize::from(std::env::var(CHILD_FIRST).is_ok_and(|s| s == "B"));
    let mut out = std::io::stdout().lock();
    writeln!(out, "{READY}").expect("stdout");
    out.flush().expect("stdout");
    for i in first.. {
        out.write_all(b"S\n").expect("stdout");
        out.flush().expect("stdout");
        if let Err(error) = project::save(if i % 2 == 0 { &a } else { &b }, &path) {
            writeln!(out, "ERROR {error}").expect("stdout");
            return;
        }
        out.write_all(b"E\n").expect("stdout");
        out.flush().expect("stdout");
    }
}

/// Which state `project` is, or a panic naming what was found.
fn which(project: &Project, a: &Project, b: &Project, what: &str) -> char {
    if project == a {
        'A'
    } else if project == b {
        'B'
    } else {
        panic!("{what} is neither state A nor state B")
    }
}

/// Temporary files in `dir` (everything but the project and its backup), checked to be hidden.
fn temp_files(dir: &Path) -> Vec<String> {
    let names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != FILE_NAME && *n != format!("{FILE_NAME}.bak"))
        .collect();
    for name in &names {
        assert!(
            name.starts_with('.') && name.ends_with(".tmp"),
            "unexpected file {name}: temporary files must be hidden and not look like projects"
        );
    }
    names
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_project_that_opens() {
    let started = Instant::now();
    let (a, b) = states();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(FILE_NAME);
    let size = project::to_ron_string(&a, &path).expect("encode").len();

    // How long one save takes (both states, a few times), to spread the kills over saves.
    let timing = Instant::now();
    for i in 0..6 {
        project::save(if i % 2 == 0 { &a } else { &b }, &path).expect("save");
    }
    let save_time = timing.elapsed() / 6;

    let seed = std::env::var("ISNAD_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x1d5a_d0f0_2026_u64);
    let mut random = XorShift(seed);
    let exe = std::env::current_exe().expect("test executable");
    let (mut mid_save, mut between, mut max_temps) = (0, 0, 0);
    let (mut startup, mut checking) = (Duration::ZERO, Duration::ZERO);
    // Children killed since the last one that completed a save.
    let mut unfinished = 0;
    let mut seen = std::collections::BTreeMap::new();
    for kill in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "child_saves_in_a_loop",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR, dir.path())
            .env(CHILD_FIRST, if kill % 2 == 0 { "A" } else { "B" })
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the child");
        let pid = child.id();
        let spawned = Instant::now();
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        while !line.trim_end().ends_with(READY) {
            line.clear();
            assert_ne!(
                out.read_line(&mut line).expect("read"),
                0,
                "the child ended early"
            );
        }
        startup += spawned.elapsed();
        // Anywhere within the next two saves.
        let window = u64::try_from(save_time.as_micros() * 2).unwrap_or(u64::MAX);
        std::thread::sleep(Duration::from_micros(random.below(window)));
        child.kill().expect("SIGKILL");
        child.wait().expect("reap");
        let mut rest = String::new();
        out.read_to_string(&mut rest).expect("read");
        assert!(
            !rest.contains("ERROR"),
            "kill {kill}: the child failed: {rest}"
        );
        match rest.lines().rev().find(|l| *l == "S" || *l == "E") {
            Some("S") => mid_save += 1,
            _ => between += 1,
        }

        let check = Instant::now();
        let loaded = project::load(&path).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
        let state = which(&loaded, &a, &b, &format!("kill {kill}: the project"));
        *seen.entry(state).or_insert(0) += 1;
        let backup = backup_path(&path);
        if backup.exists() {
            let loaded = project::load(&backup).unwrap_or_else(|e| panic!("kill {kill}: {e}"));
            which(&loaded, &a, &b, &format!("kill {kill}: the backup"));
        }
        // Each completed save removes the temporary files of processes that are gone: only
        // those of the children killed since the last completed save remain, two at most each
        // (the new version and the backup copy).
        let temps = temp_files(dir.path());
        if rest.lines().any(|l| l == "E") {
            let own = format!("-{pid}-");
            assert!(
                temps.len() <= 2 && temps.iter().all(|t| t.contains(&own)),
                "kill {kill}: {temps:?}"
            );
            unfinished = 1;
        } else {
            unfinished += 1;
            assert!(temps.len() <= 2 * unfinished, "kill {kill}: {temps:?}");
        }
        max_temps = max_temps.max(temps.len());
        checking += check.elapsed();
    }
    // A save in this process removes whatever the killed children left.
    project::save(&a, &path).expect("save");
    assert_eq!(temp_files(dir.path()), Vec::<String>::new());
    assert!(mid_save > KILLS / 2, "most kills should land mid-save");
    assert_eq!(seen.len(), 2, "both states were seen on disk: {seen:?}");
    eprintln!(
        "kill_during_save: project {size} bytes, one save {save_time:?}; {KILLS} kills \
         (seed {seed:#x}): {mid_save} mid-save, {between} between saves; states on disk \
         {seen:?}; at most {max_temps} temporary files left; child start-up {:?} and checks \
         {:?} per kill; {:?} in all",
        startup / KILLS as u32,
        checking / KILLS as u32,
        started.elapsed()
    );
}
