//! `isnad agree A.isnad.ron B.isnad.ron [C.isnad.ron …] [--json]`: inter-annotator agreement of
//! projects of the same documents (see [`crate::team::agreement`] for the definitions). Offsets
//! in the output are code points; an undefined figure (0/0) is `null` in JSON and `–` in the
//! table.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Value, json};

use crate::io::project::{self, ProjectError};
use crate::model::Project;
use crate::team::{AgreementReport, Disagreement, DisagreementKind, Item, UnitSpan, agreement};

/// The agreement of the projects at `paths`, with the paths for the output. A file that fails to
/// load is an error naming it.
pub fn agree_projects(paths: &[PathBuf]) -> Result<(AgreementReport, Vec<String>), ProjectError> {
    agree_projects_with_makers(paths).map(|(report, names, _)| (report, names))
}

/// Spans per annotator of one project (spans nobody is named for are not counted).
pub type SpanMakers = BTreeMap<String, usize>;

/// Like [`agree_projects`], with each project's spans counted per annotator.
pub fn agree_projects_with_makers(
    paths: &[PathBuf],
) -> Result<(AgreementReport, Vec<String>, Vec<SpanMakers>), ProjectError> {
    let projects = paths
        .iter()
        .map(|path| project::load(path))
        .collect::<Result<Vec<Project>, _>>()?;
    let refs: Vec<&Project> = projects.iter().collect();
    let names = paths.iter().map(|p| p.display().to_string()).collect();
    let makers = projects.iter().map(span_makers).collect();
    Ok((agreement(&refs), names, makers))
}

fn span_makers(project: &Project) -> SpanMakers {
    let mut makers = SpanMakers::new();
    for doc in project.documents() {
        for span in project.spans_of(doc.id()) {
            if let Some(name) = &span.annotator {
                *makers.entry(name.to_string()).or_default() += 1;
            }
        }
    }
    makers
}

/// `"annotators"` for the JSON output: per file, its spans per annotator.
pub fn makers_json(names: &[String], makers: &[SpanMakers]) -> Value {
    Value::Object(
        names
            .iter()
            .zip(makers)
            .map(|(name, m)| (name.clone(), json!(m)))
            .collect(),
    )
}

/// One line per file that names annotators: `A.isnad.ron: spans by layla 120, omar 3`; empty
/// when no span names one.
pub fn makers_table(names: &[String], makers: &[SpanMakers]) -> String {
    let mut out = String::new();
    for (name, m) in names.iter().zip(makers).filter(|(_, m)| !m.is_empty()) {
        let counts: Vec<String> = m.iter().map(|(who, n)| format!("{who} {n}")).collect();
        let _ = writeln!(out, "{name}: spans by {}", counts.join(", "));
    }
    out
}

/// A span of a disagreement, as JSON writes it.
#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: Option<&'a str>,
}

impl<'a> SpanOut<'a> {
    fn of(report: &'a AgreementReport, span: &UnitSpan) -> Self {
        Self {
            start: span.start,
            end: span.end,
            label: report.corpus.labels.get(span.label).map(|l| l.as_str()),
        }
    }
}

/// One side of a disagreement: a span, a relation (`type`, `head`, `child`) or `null`.
#[derive(Serialize)]
#[serde(untagged)]
enum ItemOut<'a> {
    Span(SpanOut<'a>),
    Relation {
        #[serde(rename = "type")]
        kind: &'a str,
        head: SpanOut<'a>,
        child: SpanOut<'a>,
    },
}

impl<'a> ItemOut<'a> {
    fn of(report: &'a AgreementReport, item: Option<&'a Item>) -> Option<Self> {
        match item? {
            Item::Span(span) => Some(ItemOut::Span(SpanOut::of(report, span))),
            Item::Relation(relation) => Some(ItemOut::Relation {
                kind: relation.kind.as_str(),
                head: SpanOut::of(report, &relation.head),
                child: SpanOut::of(report, &relation.child),
            }),
        }
    }
}

/// One disagreement, as JSON writes it.
#[derive(Serialize)]
struct DisagreementOut<'a> {
    kind: &'static str,
    document: Option<&'a str>,
    sha256: Option<&'a str>,
    a: Option<ItemOut<'a>>,
    b: Option<ItemOut<'a>>,
}

/// A pair's disagreements, written one by one (they are most of the output: no tree is built).
struct DisagreementsOut<'a>(&'a AgreementReport, &'a [Disagreement]);

impl Serialize for DisagreementsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let DisagreementsOut(report, list) = *self;
        serializer.collect_seq(list.iter().map(|d| {
            let doc = report.corpus.documents.get(d.document);
            DisagreementOut {
                kind: d.kind.name(),
                document: doc.map(|doc| doc.title.as_str()),
                sha256: doc.map(|doc| doc.sha256.as_str()),
                a: ItemOut::of(report, d.a.as_ref()),
                b: ItemOut::of(report, d.b.as_ref()),
            }
        }))
    }
}

/// A pair's figures (a JSON object) with its `disagreement_list` added.
struct PairOut<'a>(&'a Value, DisagreementsOut<'a>);

impl Serialize for PairOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Value::Object(figures) = self.0 {
            for (key, value) in figures {
                map.serialize_entry(key, value)?;
            }
        }
        map.serialize_entry("disagreement_list", &self.1)?;
        map.end()
    }
}

/// The JSON output of `isnad agree --json`, written without building it as a tree (see
/// [`agreement_json`] for its keys), with `extra` keys at the end (e.g. `annotators`).
pub struct AgreementJson<'a> {
    /// The report.
    pub report: &'a AgreementReport,
    /// The files, in the report's order.
    pub names: &'a [String],
    /// Keys added at the end.
    pub extra: Vec<(&'static str, Value)>,
}

impl Serialize for AgreementJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let summary = summary_json(self.report, self.names);
        let mut map = serializer.serialize_map(None)?;
        if let Value::Object(summary) = &summary {
            for (key, value) in summary {
                match (key.as_str(), value) {
                    ("pairs", Value::Array(pairs)) => {
                        let pairs: Vec<PairOut<'_>> = pairs
                            .iter()
                            .zip(&self.report.pairs)
                            .map(|(figures, pair)| {
                                PairOut(figures, DisagreementsOut(self.report, &pair.disagreements))
                            })
                            .collect();
                        map.serialize_entry(key, &pairs)?;
                    }
                    _ => map.serialize_entry(key, value)?,
                }
            }
        }
        for (key, value) in &self.extra {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

fn counts_by_kind(disagreements: &[Disagreement]) -> BTreeMap<DisagreementKind, usize> {
    let mut counts: BTreeMap<DisagreementKind, usize> =
        DisagreementKind::ALL.iter().map(|&k| (k, 0)).collect();
    for d in disagreements {
        *counts.entry(d.kind).or_default() += 1;
    }
    counts
}

/// The report as JSON: the keys of issue 19 (`documents`, `pairs` with `a`, `b`, `exact_f1`,
/// `overlap`, `relation_f1`, `labels`; `alpha`) plus counts, disagreements (`disagreement_list`
/// of each pair) and what was left out. To print it, [`AgreementJson`] writes the same without
/// building the tree.
pub fn agreement_json(report: &AgreementReport, names: &[String]) -> Value {
    let whole = AgreementJson {
        report,
        names,
        extra: Vec::new(),
    };
    serde_json::to_value(whole).unwrap_or(Value::Null)
}

/// Everything but the disagreement lists.
fn summary_json(report: &AgreementReport, names: &[String]) -> Value {
    let name = |i: usize| names.get(i).cloned().unwrap_or_default();
    let pairs: Vec<Value> = report
        .pairs
        .iter()
        .map(|pair| {
            let labels: serde_json::Map<String, Value> = pair
                .labels
                .iter()
                .map(|(id, l)| {
                    let figures = json!({
                        "exact_f1": l.exact_f1,
                        "kappa": l.kappa,
                        "spans_a": l.spans_a,
                        "spans_b": l.spans_b,
                        "exact_matches": l.exact_matches,
                    });
                    (id.as_str().to_owned(), figures)
                })
                .collect();
            let counts: serde_json::Map<String, Value> = counts_by_kind(&pair.disagreements)
                .into_iter()
                .map(|(k, n)| (k.name().to_owned(), json!(n)))
                .collect();
            json!({
                "a": name(pair.a),
                "b": name(pair.b),
                "exact_f1": pair.exact_f1,
                "overlap": {
                    "precision": pair.overlap.precision,
                    "recall": pair.overlap.recall,
                    "f1": pair.overlap.f1,
                },
                "relation_f1": pair.relation_f1,
                "labels": labels,
                "spans_a": pair.spans_a,
                "spans_b": pair.spans_b,
                "exact_matches": pair.exact_matches,
                "relations_a": pair.relations_a,
                "relations_b": pair.relations_b,
                "relation_matches": pair.relation_matches,
                "disagreements": counts,
            })
        })
        .collect();
    let alpha: serde_json::Map<String, Value> = report
        .alpha
        .iter()
        .map(|(id, a)| (id.as_str().to_owned(), json!(a)))
        .collect();
    let names_of = |indexes: &[usize]| indexes.iter().map(|&i| name(i)).collect::<Vec<_>>();
    json!({
        "documents": report.corpus.documents.len(),
        "pairs": pairs,
        "alpha": alpha,
        "files": names,
        "left_out": report.corpus.left_out.iter()
            .filter(|d| d.present_in.len() < names.len())
            .map(|d| json!({
                "title": d.title,
                "sha256": d.sha256,
                "present_in": names_of(&d.present_in),
            })).collect::<Vec<_>>(),
        "held_twice": report.corpus.left_out.iter()
            .filter(|d| !d.duplicated_in.is_empty())
            .map(|d| json!({
                "title": d.title,
                "sha256": d.sha256,
                "in": names_of(&d.duplicated_in),
            })).collect::<Vec<_>>(),
        "unmatched_labels": report.corpus.unmatched_labels.iter().map(|l| json!({
            "label": l.label.as_str(),
            "missing_from": names_of(&l.missing_from),
        })).collect::<Vec<_>>(),
    })
}

fn figure(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{x:.3}"))
}

fn describe(report: &AgreementReport, item: Option<&Item>) -> String {
    let span = |s: &UnitSpan| {
        let label = report
            .corpus
            .labels
            .get(s.label)
            .map_or("?", |l| l.as_str());
        format!("{label} {}..{}", s.start, s.end)
    };
    match item {
        Some(Item::Span(s)) => span(s),
        Some(Item::Relation(r)) => format!("{} {} → {}", r.kind, span(&r.head), span(&r.child)),
        None => "(nothing)".to_owned(),
    }
}

/// How many disagreements of each pair the table lists (JSON lists them all).
pub const LISTED_DISAGREEMENTS: usize = 20;

/// The report as a table for the terminal.
pub fn agreement_table(report: &AgreementReport, names: &[String]) -> String {
    let name = |i: usize| names.get(i).map_or("?", String::as_str);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} compared (matched by text); offsets in code points; – = undefined (0/0)",
        crate::cli::count(report.corpus.documents.len(), "document")
    );
    for d in &report.corpus.left_out {
        let present: Vec<&str> = d.present_in.iter().map(|&i| name(i)).collect();
        if d.present_in.len() < names.len() {
            let _ = writeln!(
                out,
                "left out: “{}” (only in {})",
                d.title,
                present.join(", ")
            );
        } else {
            let twice: Vec<&str> = d.duplicated_in.iter().map(|&i| name(i)).collect();
            let _ = writeln!(
                out,
                "note: “{}” is held twice in {} (the first compared)",
                d.title,
                twice.join(", ")
            );
        }
    }
    for l in &report.corpus.unmatched_labels {
        let missing: Vec<&str> = l.missing_from.iter().map(|&i| name(i)).collect();
        let _ = writeln!(
            out,
            "label “{}” is not in {} (its spans can only disagree)",
            l.label,
            missing.join(", ")
        );
    }
    for pair in &report.pairs {
        let _ = writeln!(out, "\n{}  vs  {}", name(pair.a), name(pair.b));
        let _ = writeln!(
            out,
            "  spans {} / {}, exact matches {}: exact F1 {}",
            pair.spans_a,
            pair.spans_b,
            pair.exact_matches,
            figure(pair.exact_f1)
        );
        let _ = writeln!(
            out,
            "  overlap: precision {}  recall {}  F1 {}",
            figure(pair.overlap.precision),
            figure(pair.overlap.recall),
            figure(pair.overlap.f1)
        );
        let _ = writeln!(
            out,
            "  relations {} / {}, matches {}: relation F1 {}",
            pair.relations_a,
            pair.relations_b,
            pair.relation_matches,
            figure(pair.relation_f1)
        );
        let _ = writeln!(
            out,
            "  {:<16} {:>7} {:>7} {:>9} {:>7}",
            "label", "spans A", "spans B", "exact F1", "kappa"
        );
        for (id, l) in &pair.labels {
            let _ = writeln!(
                out,
                "  {:<16} {:>7} {:>7} {:>9} {:>7}",
                id.as_str(),
                l.spans_a,
                l.spans_b,
                figure(l.exact_f1),
                figure(l.kappa)
            );
        }
        let counts: Vec<String> = counts_by_kind(&pair.disagreements)
            .into_iter()
            .map(|(k, n)| format!("{} {n}", k.name()))
            .collect();
        let _ = writeln!(out, "  disagreements: {}", counts.join(", "));
        for d in pair.disagreements.iter().take(LISTED_DISAGREEMENTS) {
            let title = report
                .corpus
                .documents
                .get(d.document)
                .map_or("?", |doc| doc.title.as_str());
            let _ = writeln!(
                out,
                "    {:<8} “{}”: A {} | B {}",
                d.kind.name(),
                title,
                describe(report, d.a.as_ref()),
                describe(report, d.b.as_ref())
            );
        }
        if pair.disagreements.len() > LISTED_DISAGREEMENTS {
            let _ = writeln!(
                out,
                "    … {} more (all in --json)",
                pair.disagreements.len() - LISTED_DISAGREEMENTS
            );
        }
    }
    let _ = writeln!(
        out,
        "\nKrippendorff's alpha (nominal, code points, all {} files):",
        names.len()
    );
    for (id, a) in &report.alpha {
        let _ = writeln!(out, "  {:<16} {:>7}", id.as_str(), figure(*a));
    }
    out
}
