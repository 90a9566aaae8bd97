//! `isnad suggest`: JSON lines in code points with the JSONL export's document ids, relation lines,
//! `--doc`, `--gazetteer` with bad lines, `--accept-all -o` through the save path, `--evaluate`
//! (and the learned suggester scored leave-one-document-out).

use std::path::{Path, PathBuf};
use std::process::Command;

use isnad::cli::{SuggestError, SuggestOptions, export_project, new_project, suggest_project};
use isnad::io::export::{ExportFormat, ExportOptions};
use isnad::io::project;
use isnad::lang::suggest::SuggesterKind;
use isnad::lang::suggest::evaluate::evaluate;
use isnad::model::{DocId, LabelId, Span};

const ARTICLE: &str = "قال وزير الزراعة خالد العمري يوم الأحد إن إنتاج القمح تراجع هذا الموسم.\n\n\
وأضاف الوزير في مؤتمر صحفي: «لن نسمح بارتفاع سعر الخبز».\n\n\
وبحسب بيانات البنك الدولي، ارتفعت أسعار الحبوب بنسبة 18٪.\n";

const SECOND: &str = "زار خالد العمري المزارعين في الشمال.\n";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/sample.isnad.ron")
}

/// A project of [`ARTICLE`] and [`SECOND`], without spans.
fn project_of_articles(dir: &Path) -> PathBuf {
    let first = dir.join("first.txt");
    let second = dir.join("second.txt");
    std::fs::write(&first, ARTICLE).expect("write article");
    std::fs::write(&second, SECOND).expect("write article");
    let path = dir.join("news.isnad.ron");
    new_project(&path, &[first, second]).expect("new project");
    path
}

fn json_lines(path: &Path, options: &SuggestOptions) -> Vec<serde_json::Value> {
    let output = suggest_project(path, options).expect("suggest");
    output
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect()
}

fn json_options() -> SuggestOptions {
    SuggestOptions {
        json: true,
        ..SuggestOptions::default()
    }
}

#[test]
fn json_lines_use_code_points_and_the_jsonl_export_document_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_of_articles(dir.path());
    let lines = json_lines(&path, &json_options());
    let chars: Vec<char> = ARTICLE.chars().collect();
    let spans: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l.get("label").is_some()).collect();
    assert!(spans.len() >= 6, "{lines:?}");
    for span in &spans {
        let start = span["start"].as_u64().expect("start") as usize;
        let end = span["end"].as_u64().expect("end") as usize;
        let text: String = chars[start..end].iter().collect();
        assert_eq!(span["doc"], "doc-1");
        assert_eq!(span["text"].as_str(), Some(text.as_str()));
        assert_eq!(span["suggester"], "cues");
    }
    let texts: Vec<(&str, &str)> = spans
        .iter()
        .map(|s| {
            (
                s["label"].as_str().unwrap_or(""),
                s["text"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert!(
        texts.contains(&("source", "وزير الزراعة خالد العمري")),
        "{texts:?}"
    );
    assert!(
        texts.contains(&("claim", "لن نسمح بارتفاع سعر الخبز")),
        "{texts:?}"
    );
    assert!(
        texts.contains(&("source", "بيانات البنك الدولي")),
        "{texts:?}"
    );
    // Relation lines name two suggested spans.
    let relations: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l.get("relation").is_some())
        .collect();
    assert_eq!(relations.len(), 3);
    for relation in relations {
        assert_eq!(relation["relation"], "attributed_to");
        for end in ["head", "child"] {
            let [doc, start, stop] = [0, 1, 2].map(|i| relation[end][i].clone());
            assert!(
                spans
                    .iter()
                    .any(|s| s["doc"] == doc && s["start"] == start && s["end"] == stop)
            );
        }
    }
    // The document id is the native JSONL export's.
    let exported = dir.path().join("out.jsonl");
    export_project(&path, &ExportOptions::new(ExportFormat::Jsonl), &exported).expect("export");
    let first_line = std::fs::read_to_string(&exported).expect("read export");
    let first: serde_json::Value =
        serde_json::from_str(first_line.lines().next().expect("a line")).expect("json");
    assert_eq!(first["id"], "doc-1");
}

#[test]
fn doc_selects_one_document_and_an_unknown_one_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_of_articles(dir.path());
    let options = SuggestOptions {
        doc: Some("doc-2".to_owned()),
        ..json_options()
    };
    assert!(
        json_lines(&path, &options).is_empty(),
        "the second article has no cue"
    );
    let options = SuggestOptions {
        doc: Some("doc-9".to_owned()),
        ..json_options()
    };
    let error = suggest_project(&path, &options).expect_err("no document 9");
    assert!(matches!(error, SuggestError::NoSuchDocument { .. }));
    assert!(error.to_string().contains("doc-9"));
}

#[test]
fn gazetteer_bad_lines_are_listed_and_good_names_proposed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_of_articles(dir.path());
    let gazetteer = dir.path().join("names.tsv");
    std::fs::write(&gazetteer, b"\xd8\xae\xd8\xa7\xd9\x84\xd8\xaf \xd8\xa7\xd9\x84\xd8\xb9\xd9\x85\xd8\xb1\xd9\x8a\tactor\nno tab\nx\tnolabel\n\xff\xff\tactor\n")
        .expect("write gazetteer");
    let options = SuggestOptions {
        gazetteer: Some(gazetteer.clone()),
        doc: Some("2".to_owned()),
        ..json_options()
    };
    let output = suggest_project(&path, &options).expect("suggest");
    assert!(
        output.stderr.contains("names.tsv:2: left out: no tab"),
        "{}",
        output.stderr
    );
    assert!(
        output
            .stderr
            .contains("names.tsv:3: left out: unknown label \"nolabel\"")
    );
    assert!(
        output
            .stderr
            .contains("names.tsv:4: left out: not UTF-8 text")
    );
    let line: serde_json::Value =
        serde_json::from_str(output.stdout.lines().next().expect("a line")).expect("json");
    assert_eq!(
        (line["text"].as_str(), line["suggester"].as_str()),
        (Some("خالد العمري"), Some("gazetteer"))
    );
    let options = SuggestOptions {
        gazetteer: Some(dir.path().join("missing.tsv")),
        ..json_options()
    };
    let error = suggest_project(&path, &options).expect_err("missing gazetteer");
    assert!(error.to_string().contains("missing.tsv"));
}

#[test]
fn accept_all_writes_a_new_pre_annotated_project_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_of_articles(dir.path());
    let out = dir.path().join("pre.isnad.ron");
    let options = SuggestOptions {
        accept_all: Some(out.clone()),
        ..SuggestOptions::default()
    };
    let output = suggest_project(&path, &options).expect("accept all");
    assert!(
        output.stdout.contains("3 relations accepted"),
        "{}",
        output.stdout
    );
    let accepted = project::load(&out).expect("load the copy");
    assert!(accepted.spans_of(DocId(1)).len() >= 6);
    assert_eq!(accepted.relation_count(), 3);
    // The original is untouched, and a second run refuses to overwrite.
    assert_eq!(project::load(&path).expect("load").span_count(), 0);
    let error = suggest_project(&path, &options).expect_err("exists");
    assert!(matches!(error, SuggestError::OutputExists { .. }));
    // Everything accepted: nothing is proposed again.
    assert!(json_lines(&out, &json_options()).is_empty());
}

#[test]
fn learned_names_are_proposed_in_other_documents_and_scored_leave_one_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_of_articles(dir.path());
    let mut project = project::load(&path).expect("load");
    let start = ARTICLE.find("خالد العمري").expect("name");
    let id = project.allocate_span_id();
    let actor = LabelId::new("actor").expect("label");
    let span = Span::new(
        id,
        DocId(1),
        start..start + "خالد العمري".len(),
        actor.clone(),
    );
    project.insert_span(span).expect("span");
    project::save(&project, &path).expect("save");
    let lines = json_lines(&path, &json_options());
    let learned: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["suggester"] == "learned")
        .collect();
    assert_eq!(learned.len(), 1, "{lines:?}");
    assert_eq!(
        (learned[0]["doc"].as_str(), learned[0]["text"].as_str()),
        (Some("doc-2"), Some("خالد العمري"))
    );
    // Leave-one-document-out: the name of document 1 is only learned from it, so it is never
    // found on document 1 itself, and document 2 has no gold.
    let evaluation = evaluate(&project, None);
    let row = evaluation
        .rows
        .iter()
        .find(|(kind, label, _)| *kind == SuggesterKind::Learned && *label == actor)
        .expect("learned actor row");
    assert_eq!((row.2.suggested, row.2.gold, row.2.overlap_gold), (1, 1, 0));
}

/// The figures README states for the sample project (overlap matching): if the cue rules get
/// worse on it, this fails.
#[test]
fn cue_suggester_scores_on_the_sample_project() {
    let project = project::load(&sample()).expect("sample");
    let evaluation = evaluate(&project, None);
    let overlap = |label: &str| {
        let row = evaluation
            .rows
            .iter()
            .find(|(kind, l, _)| *kind == SuggesterKind::Cues && l.as_str() == label)
            .expect("row");
        row.2.overlap()
    };
    let (claim, source) = (overlap("claim"), overlap("source"));
    assert!(claim.precision >= 0.99 && claim.recall >= 0.99, "{claim:?}");
    assert!(
        source.precision >= 0.99 && source.recall >= 0.85,
        "{source:?}"
    );
}

#[test]
fn the_binary_prints_json_lines_and_the_evaluation() {
    let bin = env!("CARGO_BIN_EXE_isnad");
    let out = Command::new(bin)
        .args(["suggest", "--evaluate"])
        .arg(sample())
        .output()
        .expect("run isnad");
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("cues       claim"), "{table}");
    assert!(table.contains("leave-one-document-out"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = project_of_articles(dir.path());
    let out = Command::new(bin)
        .args(["suggest", "--json"])
        .arg(&path)
        .output()
        .expect("run isnad");
    assert!(out.status.success());
    let first = String::from_utf8_lossy(&out.stdout);
    let line: serde_json::Value =
        serde_json::from_str(first.lines().next().expect("a line")).expect("json");
    assert_eq!(line["doc"], "doc-1");
    let out = Command::new(bin)
        .args(["suggest", "--accept-all"])
        .arg(&path)
        .output()
        .expect("run isnad");
    assert_eq!(out.status.code(), Some(2), "--accept-all needs --output");
}

/// `--export-gazetteer FILE` writes what the learned suggester knows as `name<TAB>label` lines,
/// which `--gazetteer` reads back into suggestions on another project; an existing file is never
/// overwritten.
#[test]
fn the_learned_names_export_as_a_gazetteer_that_suggests_in_another_project() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("learned.tsv");
    let export = SuggestOptions {
        export_gazetteer: Some(file.clone()),
        ..SuggestOptions::default()
    };
    let output = suggest_project(&sample(), &export).expect("export");
    assert!(output.stdout.contains("Wrote "), "{}", output.stdout);
    let lines = std::fs::read_to_string(&file).expect("the gazetteer was written");
    // One line per distinct span text and label, in the folded form the suggesters match on
    // (ة as ه, harakat dropped), which --gazetteer folds alike.
    let tagged = project::load(&sample()).expect("sample");
    assert!(lines.lines().count() >= 10, "{lines}");
    assert!(lines.lines().count() <= tagged.span_count(), "{lines}");
    assert!(lines.lines().any(|l| l == "خالد العمري\tactor"), "{lines}");
    assert!(
        lines.lines().any(|l| l == "وزاره الزراعه\tsource"),
        "{lines}"
    );
    assert!(lines.lines().all(|l| l.split('\t').count() == 2), "{lines}");

    // Read back into another project's suggestions: خالد العمري was tagged in the sample.
    let news = project_of_articles(dir.path());
    let gazetteer = SuggestOptions {
        gazetteer: Some(file.clone()),
        doc: Some("2".to_owned()),
        ..json_options()
    };
    let suggested = json_lines(&news, &gazetteer);
    assert!(
        suggested
            .iter()
            .any(|l| l["text"] == "خالد العمري" && l["suggester"] == "gazetteer"),
        "{suggested:?}"
    );

    let again = suggest_project(&sample(), &export).expect_err("the file exists");
    assert!(
        matches!(again, SuggestError::OutputExists { .. }),
        "{again}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), lines);
}
