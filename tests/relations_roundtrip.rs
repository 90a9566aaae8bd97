//! Relations, span attributes and notes through every format (issue 5, "Attribution"): native
//! JSONL, Label Studio and brat keep every one of them; doccano's entities form keeps relations;
//! what a format cannot hold is listed in the export report, relation by relation and span by
//! span; imports check types, ends and values and say why they refuse one.

mod fixture;

use std::path::{Path, PathBuf};

use isnad::io::export::{self, ExportFormat, ExportOptions, LossKind, LossReport, Progress};
use isnad::io::import::{ImportFormat, ImportOptions, ImportOutcome, ImportReport, import_files};
use isnad::model::offsets::OffsetUnit;
use isnad::model::{AttributeValue, Project, SpanId};

/// Exports the attributed fixture in `format` into `dir`; returns the path to import and the
/// export report.
fn export_to(format: ExportFormat, unit: Option<OffsetUnit>, dir: &Path) -> (PathBuf, LossReport) {
    export_project(&fixture::attributed_project(), format, unit, dir)
}

fn export_project(
    project: &Project,
    format: ExportFormat,
    unit: Option<OffsetUnit>,
    dir: &Path,
) -> (PathBuf, LossReport) {
    let mut options = ExportOptions::new(format);
    options.unit = unit;
    let export = export::export(project, &options, &Progress::new()).expect("export");
    let out = if format.writes_folder() {
        dir.join("out")
    } else {
        dir.join(format!("out.{}", format.extension()))
    };
    export::write_export(&export, &out).expect("write");
    (out, export.report)
}

/// Imports `path` into a fresh project with the attributed schema and applies the plan.
fn import_fresh(path: PathBuf, format: ImportFormat) -> (Project, ImportReport) {
    let mut project = Project::new(fixture::attributed_schema());
    let plan = import_files(&mut project, &[path], &ImportOptions::new(format));
    plan.edit
        .expect("something to add")
        .apply(&mut project)
        .expect("the import applies");
    (project, plan.report)
}

/// Exports the attributed fixture and imports it back: every text, span, note, attribute value
/// and relation must come back.
fn lossless_round_trip(format: ExportFormat, unit: Option<OffsetUnit>, import: ImportFormat) {
    let original = fixture::attributed_project();
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, export_report) = export_to(format, unit, dir.path());
    assert!(export_report.is_complete(), "{export_report}");
    assert!(
        export_report.summary().contains(&format!(
            "7 of {} relations written",
            fixture::RELATIONS.len()
        )),
        "{}",
        export_report.summary()
    );
    let (project, report) = import_fresh(path, import);
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(report.relations_added, fixture::RELATIONS.len(), "{report}");
    assert_eq!(
        report.attributes_added,
        fixture::ATTRIBUTES.len(),
        "{report}"
    );
    assert_eq!(fixture::texts(&project), fixture::texts(&original));
    assert_eq!(
        fixture::span_facts(&project),
        fixture::span_facts(&original)
    );
    assert_eq!(
        fixture::relation_facts(&project),
        fixture::relation_facts(&original)
    );
    assert_eq!(
        fixture::attribute_facts(&project),
        fixture::attribute_facts(&original)
    );
}

#[test]
fn the_fixture_has_relations_and_all_three_kinds_of_attribute() {
    let project = fixture::attributed_project();
    assert_eq!(project.relation_count(), fixture::RELATIONS.len());
    let values: Vec<AttributeValue> = fixture::attribute_facts(&project)
        .into_iter()
        .map(|(_, _, v)| v)
        .collect();
    assert!(
        values
            .iter()
            .any(|v| matches!(v, AttributeValue::Flag(false)))
    );
    assert!(
        values
            .iter()
            .any(|v| matches!(v, AttributeValue::Flag(true)))
    );
    assert!(values.iter().any(|v| matches!(v, AttributeValue::Text(_))));
    assert!(
        values
            .iter()
            .any(|v| matches!(v, AttributeValue::Choice(_)))
    );
    assert_eq!(project.relations_of_span(SpanId(1)).count(), 3);
}

#[test]
fn jsonl_keeps_every_relation_attribute_and_note() {
    lossless_round_trip(ExportFormat::Jsonl, None, ImportFormat::Jsonl);
    lossless_round_trip(
        ExportFormat::Jsonl,
        Some(OffsetUnit::Utf16),
        ImportFormat::Jsonl,
    );
}

#[test]
fn label_studio_keeps_every_relation_attribute_and_note() {
    lossless_round_trip(ExportFormat::LabelStudio, None, ImportFormat::LabelStudio);
}

#[test]
fn brat_keeps_every_relation_attribute_and_note() {
    lossless_round_trip(ExportFormat::Brat, None, ImportFormat::Brat);
}

#[test]
fn the_spacy_jsonl_keeps_them_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, report) = export_to(ExportFormat::Spacy, None, dir.path());
    assert!(report.is_complete(), "{report}");
    let (project, report) = import_fresh(path, ImportFormat::Jsonl);
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    let original = fixture::attributed_project();
    assert_eq!(
        fixture::relation_facts(&project),
        fixture::relation_facts(&original)
    );
    assert_eq!(
        fixture::attribute_facts(&project),
        fixture::attribute_facts(&original)
    );
}

#[test]
fn doccano_entities_keep_relations_and_report_attributes_and_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, export_report) = export_to(ExportFormat::DoccanoEntities, None, dir.path());
    let kinds: Vec<(LossKind, u64)> = export_report
        .losses
        .iter()
        .map(|l| (l.kind, l.span_id))
        .collect();
    assert_eq!(
        kinds,
        [
            (LossKind::NoteDropped, 1),
            (LossKind::AttributeDropped, 1),
            (LossKind::AttributeDropped, 3),
            (LossKind::NoteDropped, 4),
            (LossKind::AttributeDropped, 4),
            (LossKind::AttributeDropped, 7),
            (LossKind::AttributeDropped, 8),
            (LossKind::AttributeDropped, 9),
            (LossKind::AttributeDropped, 10),
        ]
    );
    assert_eq!(export_report.relations_dropped(), 0);
    let shown = export_report.to_string();
    assert!(
        shown.contains("7 spans attributes dropped: the format has no place for span attributes:"),
        "{shown}"
    );
    assert!(
        shown.contains("span 3 (source) [28, 39): «إنّ «الوفدَ» in document 1 «بيان الوزارة»: kind = anonymous, verified = false"),
        "{shown}"
    );
    let (project, report) = import_fresh(path, ImportFormat::Doccano);
    assert_eq!(report.outcome(), ImportOutcome::Complete, "{report}");
    assert_eq!(
        fixture::relation_facts(&project),
        fixture::relation_facts(&fixture::attributed_project())
    );
}

#[test]
fn doccano_label_form_lists_every_relation_it_leaves_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, report) = export_to(ExportFormat::Doccano, None, dir.path());
    let relations: Vec<(u64, &str)> = report
        .losses
        .iter()
        .filter(|l| l.kind == LossKind::RelationDropped)
        .map(|l| (l.span_id, l.detail.as_str()))
        .collect();
    assert_eq!(relations.len(), fixture::RELATIONS.len());
    // Recorded on the head span, naming the relation, its type and its child.
    assert_eq!(relations[0].0, 4);
    assert!(
        relations[0].1.starts_with(
            "relation 1 attributed_to → span 1 (source) [6, 27): «المتحدثُ باسم الوزارة»"
        ),
        "{:?}",
        relations[0]
    );
    assert_eq!(report.relations_dropped(), 7);
    assert_eq!(report.dropped(), 0, "relations do not count as spans");
    let shown = report.to_string();
    assert!(
        shown.contains(", 0 of 7 relations written"),
        "{}",
        report.summary()
    );
    assert!(
        shown.contains("7 relations left out: the format cannot hold relations:\n  relation 1 attributed_to → span 1 (source) [6, 27): «المتحدثُ باسم الوزارة» from span 4 (claim)"),
        "{shown}"
    );
}

#[test]
fn conll_lists_every_relation_and_attribute_it_drops() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, report) = export_to(ExportFormat::Conll, None, dir.path());
    let relations: Vec<u64> = report
        .losses
        .iter()
        .filter(|l| l.kind == LossKind::RelationDropped)
        .map(|l| l.span_id)
        .collect();
    let heads: Vec<u64> = fixture::RELATIONS.iter().map(|r| r.1).collect();
    assert_eq!(relations, heads);
    // Spans 3 and 5 are left out (overlap, nesting): their attributes go with them, and only
    // the written spans' attributes are listed.
    let attributes: Vec<u64> = report
        .losses
        .iter()
        .filter(|l| l.kind == LossKind::AttributeDropped)
        .map(|l| l.span_id)
        .collect();
    assert_eq!(attributes, [1, 4, 7, 8, 9, 10]);
}

/// A relation whose span brat cannot write (only a line break) is reported, and a free-text
/// value's line breaks become spaces (reported).
#[test]
fn brat_reports_relations_to_spans_it_cannot_write_and_flattened_text() {
    let text = "قال الوزير\nإن الوفد وصل";
    let mut project = Project::new(fixture::attributed_schema());
    let doc = isnad::model::Document::new(isnad::model::DocId(1), "خبر", None, text);
    let source = text.find("الوزير").expect("source");
    let claim = text.find("إن").expect("claim");
    let brk = text.find('\n').expect("break");
    let label = |id: &str| isnad::model::LabelId::new(id).expect("label");
    let mut spans = vec![
        isnad::model::Span::new(SpanId(1), doc.id(), source..brk, label("source")),
        isnad::model::Span::new(SpanId(2), doc.id(), claim..text.len(), label("claim")),
        isnad::model::Span::new(SpanId(3), doc.id(), brk..brk + 1, label("claim")),
    ];
    spans[1]
        .edit_attributes(|a| a.insert("comment".into(), AttributeValue::Text("سطر\nسطر".into())));
    project.insert_document(doc, spans).expect("document");
    for (id, head) in [(1, 2), (2, 3)] {
        project
            .insert_relation(isnad::model::Relation::new(
                isnad::model::RelationId(id),
                isnad::model::RelationTypeId::new("attributed_to").expect("type"),
                SpanId(head),
                SpanId(1),
            ))
            .expect("relation");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, report) = export_project(&project, ExportFormat::Brat, None, dir.path());
    let kinds: Vec<(LossKind, u64)> = report.losses.iter().map(|l| (l.kind, l.span_id)).collect();
    assert_eq!(
        kinds,
        [
            (LossKind::OnlyBreaks, 3),
            (LossKind::AttributeFlattened, 2),
            (LossKind::RelationEndLeftOut, 3),
        ]
    );
    assert!(report.summary().contains("1 of 2 relations written"));
    let ann = std::fs::read_to_string(out.join("doc-1.ann")).expect("ann");
    assert!(ann.contains("R1\tattributed_to Arg1:T2 Arg2:T1\n"), "{ann}");
    assert!(!ann.contains("R2"), "{ann}");
    assert!(ann.contains("\tAttribute.comment T2\tسطر سطر\n"), "{ann}");
}

/// Writes `lines` as a JSONL file and imports it into `project`.
fn import_jsonl(project: &mut Project, lines: &[&str]) -> isnad::io::import::ImportPlan {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("in.jsonl");
    std::fs::write(&path, lines.join("\n")).expect("write");
    import_files(project, &[path], &ImportOptions::new(ImportFormat::Jsonl))
}

#[test]
fn bad_relations_and_attributes_are_rejected_with_the_reason() {
    let line = r#"{"text":"قال المتحدث إن الوفد وصل","spans":[
        {"id":"a","start":4,"end":11,"label":"source","attributes":{"kind":"anonymous","verified":"maybe","colour":"red"}},
        {"id":"b","start":15,"end":24,"label":"claim","attributes":{"form":"shout","comment":"نعم"}},
        {"id":"c","start":0,"end":3,"label":"actor"},
        {"id":"d","start":99,"end":100,"label":"claim"}],
      "relations":[
        {"head":"b","child":"a","label":"attributed_to"},
        {"head":"b","child":"a","label":"attributed to"},
        {"head":"a","child":"b","label":"attributed_to"},
        {"head":"b","child":"c","label":"quotes"},
        {"head":"b","child":"b","label":"about"},
        {"head":"b","child":"d","label":"about"},
        {"head":"b","child":"zz","label":"about"},
        {"head":"b","label":"about"}]}"#
        .replace('\n', " ");
    let mut project = Project::new(fixture::attributed_schema());
    let plan = import_jsonl(&mut project, &[&line]);
    let report = plan.report;
    assert_eq!(report.outcome(), ImportOutcome::Partial, "{report}");
    assert_eq!(report.spans_added, 3, "{report}");
    assert_eq!(report.relations_added, 1, "{report}");
    assert_eq!(
        report.relations_already_present, 1,
        "by name, the same relation"
    );
    assert_eq!(report.attributes_added, 2, "kind and comment");
    let mut reasons: Vec<String> = report
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.place, r.reason))
        .collect();
    reasons.sort();
    let expect = [
        "line 1, relation 3: «attributed_to» goes from claim to source, not from source to claim",
        "line 1, relation 4: unknown relation type «quotes»",
        "line 1, relation 5: it goes from a span to itself",
        "line 1, relation 6: its child «d» was not imported (see that span's rejection)",
        "line 1, relation 7: its child «zz» is not among the spans read from this document",
        "line 1, relation 8: \"child\" is missing or not a span id",
        "line 1, span 1, attribute colour: the label «source» has no attribute «colour»",
        "line 1, span 1, attribute verified: «maybe» is not a value of the attribute «verified» (expected true or false, yes or no)",
        "line 1, span 2, attribute form: «shout» is not a value of the attribute «form» (expected one of direct_quote, indirect_speech, paraphrase)",
        "line 1, span 4: end 100 is past the end of the text",
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:#?}");
    for (reason, expected) in reasons.iter().zip(expect) {
        assert!(
            reason.starts_with(expected),
            "{reason:?} should start with {expected:?}"
        );
    }
    plan.edit.expect("edit").apply(&mut project).expect("apply");
    assert_eq!(project.relation_count(), 1);
}

/// Importing into a project that already has the spans sets the attributes they lack and adds
/// the relations, in one step; a second import adds nothing; a clashing value is refused.
#[test]
fn importing_onto_existing_spans_adds_attributes_and_relations_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = export_to(ExportFormat::Jsonl, None, dir.path());
    let plain = fixture::arabic_project();
    let mut project = Project::new(fixture::attributed_schema());
    for doc in plain.documents() {
        project
            .insert_document(doc.clone(), plain.spans_of(doc.id()).to_vec())
            .expect("document");
    }
    project
        .set_span_attribute(
            SpanId(10),
            "kind",
            Some(AttributeValue::Choice("document".into())),
        )
        .expect("a clashing value");
    let options = ImportOptions::new(ImportFormat::Jsonl);
    let plan = import_files(&mut project, std::slice::from_ref(&path), &options);
    let report = plan.report;
    assert_eq!(report.spans_added, 0);
    assert_eq!(report.spans_already_present, fixture::SPANS.len());
    assert_eq!(report.relations_added, fixture::RELATIONS.len());
    assert_eq!(report.attributes_added, fixture::ATTRIBUTES.len() - 1);
    assert_eq!(report.rejected.len(), 1, "{report}");
    assert!(
        report.rejected[0]
            .reason
            .contains("already has kind = «document»; «anonymous» is not imported"),
        "{report}"
    );
    let edit = plan.edit.expect("edit");
    let before = project.clone();
    let undo = edit.apply(&mut project).expect("apply");
    assert_eq!(project.relation_count(), fixture::RELATIONS.len());
    let again = import_files(&mut project, &[path], &options);
    assert!(again.edit.is_none(), "{}", again.report);
    assert_eq!(
        again.report.relations_already_present,
        fixture::RELATIONS.len()
    );
    undo.apply(&mut project).expect("undo");
    assert_eq!(project.relation_count(), 0);
    assert_eq!(
        fixture::attribute_facts(&project),
        fixture::attribute_facts(&before)
    );
}

#[test]
fn label_studio_relations_the_other_way_and_two_way_ones() {
    let task = r#"[{"data":{"text":"قال المتحدث إن الوفد وصل"},"annotations":[{"result":[
        {"id":"a","from_name":"label","to_name":"text","type":"labels","value":{"start":4,"end":11,"labels":["source"]}},
        {"id":"b","from_name":"label","to_name":"text","type":"labels","value":{"start":15,"end":24,"labels":["claim"]}},
        {"id":"a","from_name":"kind","to_name":"text","type":"choices","value":{"start":4,"end":11,"choices":["anonymous","institution"]}},
        {"id":"a","from_name":"verified","to_name":"text","type":"choices","value":{"start":4,"end":11,"choices":["no"]}},
        {"from_id":"a","to_id":"b","type":"relation","direction":"left","labels":["attributed_to"]},
        {"from_id":"a","to_id":"b","type":"relation","direction":"bi","labels":["about"]},
        {"from_id":"a","to_id":"b","type":"relation","labels":[]}]}]}]"#;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tasks.json");
    std::fs::write(&path, task).expect("write");
    let mut project = Project::new(fixture::attributed_schema());
    let plan = import_files(
        &mut project,
        &[path],
        &ImportOptions::new(ImportFormat::LabelStudio),
    );
    let report = plan.report;
    assert_eq!(report.relations_added, 1, "{report}");
    assert_eq!(report.attributes_added, 1, "{report}");
    let reasons: Vec<&str> = report.rejected.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "2 choices made, but an attribute holds one value",
            "a two-way relation: Isnad relations go one way",
            "a relation without a label: every Isnad relation has a type",
        ]
    );
    plan.edit.expect("edit").apply(&mut project).expect("apply");
    let facts = fixture::relation_facts(&project);
    assert_eq!(facts[0].0, "attributed_to");
    assert_eq!(
        facts[0].1.3, "claim",
        "direction left: from to_id to from_id"
    );
    let values: Vec<AttributeValue> = fixture::attribute_facts(&project)
        .into_iter()
        .map(|(_, _, v)| v)
        .collect();
    assert_eq!(values, [AttributeValue::Flag(false)]);
}

#[test]
fn the_label_studio_config_declares_relations_and_per_region_attributes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _) = export_to(ExportFormat::LabelStudio, None, dir.path());
    let config =
        std::fs::read_to_string(path.with_file_name("out.label-config.xml")).expect("config");
    for expected in [
        "<Relations>\n    <Relation value=\"attributed_to\"/>\n    <Relation value=\"about\"/>\n    <Relation value=\"speaks_for\"/>\n  </Relations>",
        "<View visibleWhen=\"region-selected\" whenLabelValue=\"source\">\n    <Header value=\"kind\"/>\n    <Choices name=\"kind\" toName=\"text\" perRegion=\"true\" choice=\"single\" showInline=\"true\">\n      <Choice value=\"named_person\"/>",
        "<Choices name=\"verified\" toName=\"text\" perRegion=\"true\" choice=\"single\" showInline=\"true\">\n      <Choice value=\"yes\"/>\n      <Choice value=\"no\"/>\n    </Choices>",
        "<TextArea name=\"comment\" toName=\"text\" perRegion=\"true\" editable=\"true\" maxSubmissions=\"1\"/>",
    ] {
        assert!(config.contains(expected), "{expected}\nnot in\n{config}");
    }
}

#[test]
fn brat_conf_declares_relations_and_attributes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (out, _) = export_to(ExportFormat::Brat, None, dir.path());
    let conf = std::fs::read_to_string(out.join("annotation.conf")).expect("conf");
    for expected in [
        "attributed_to\tArg1:claim, Arg2:source\n",
        "about\tArg1:claim, Arg2:actor\n",
        "speaks_for\tArg1:source, Arg2:actor\n",
        "kind\tArg:source, Value:named_person|anonymous|institution|media_outlet|document\n",
        "verified\tArg:source, Value:yes|no\n",
        "form\tArg:claim, Value:direct_quote|indirect_speech|paraphrase\n",
        "# Free-text attributes, written as comments of type Attribute.<name>: comment (claim)\n",
    ] {
        assert!(conf.contains(expected), "{expected:?} not in\n{conf}");
    }
    let visual = std::fs::read_to_string(out.join("visual.conf")).expect("visual");
    assert!(
        visual.contains("attributed_to | attributed to\n"),
        "{visual}"
    );
}
