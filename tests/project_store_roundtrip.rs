//! Saving and loading a project: equality after a round trip, and the shape of the file.
#![allow(clippy::unwrap_used)]

use isnad::io::project;
use isnad::model::markup::{add_markup_document, markup_of};
use isnad::model::offsets::{OffsetIndex, OffsetUnit};
use isnad::model::{ACTOR, DocumentStatus, Label, LabelField, LabelId, Project, Rgb};

fn sample_project() -> Project {
    let mut p = Project::default();
    p.insert_label(
        3,
        Label {
            id: LabelId::new("event").unwrap(),
            name: "حدث \"Event\"".into(),
            colour: Rgb::new(0xCC, 0x79, 0xA7),
            hotkey: None,
            description: "Something that happened, with a \\ backslash".into(),
            attributes: Vec::new(),
        },
    )
    .unwrap();
    p.update_label(
        &LabelId::new(ACTOR).unwrap(),
        LabelField::Name("فاعل".into()),
    )
    .unwrap();
    let a = add_markup_document(
        &mut p,
        "😀🇵🇸 [[المتحدث|actor] باسم [الوزارة|actor]|source] قال إن [[الوفد|actor] {1[وصل|claim] «أمس»\nإلى العاصمة|event]1}.",
    )
    .unwrap();
    let b = add_markup_document(&mut p, "𝕏 نشر: [\"نص\" \\\\ مقتبس|claim]\tو\r\nسطر").unwrap();
    let _empty = add_markup_document(&mut p, "").unwrap();
    p.set_document_status(a, DocumentStatus::InProgress)
        .unwrap();
    p.set_document_status(b, DocumentStatus::Done).unwrap();
    let first = p.spans_of(a)[0].id;
    p.set_span_note(first, Some("ملاحظة \"مع\" علامات\nوسطر ثان".into()))
        .unwrap();
    // A removed span leaves a gap in the ids, and the counter must survive the round trip.
    let gap = p.spans_of(b)[0].id;
    p.remove_span(gap).unwrap();
    let id = p.allocate_span_id();
    let text = p.document(b).unwrap().text().to_owned();
    let start = text.find("نص").unwrap();
    // Who made it (an Arabic name with a quote) and the suggester it was accepted from.
    let mut made = isnad::model::Span::new(
        id,
        b,
        start..start + "نص".len(),
        LabelId::new("claim").unwrap(),
    )
    .made_by(Some("ليلى \"L\""));
    made.set_suggested_by(Some("cues".into()));
    p.insert_span(made).unwrap();
    let spans = p.spans_of(a).to_vec();
    let claim = spans.iter().find(|s| s.label.as_str() == "claim").unwrap();
    let source = spans.iter().find(|s| s.label.as_str() == "source").unwrap();
    let relation_id = p.allocate_relation_id();
    p.insert_relation(
        isnad::model::Relation::new(
            relation_id,
            isnad::model::RelationTypeId::new(isnad::model::ATTRIBUTED_TO).unwrap(),
            claim.id,
            source.id,
        )
        .made_by(Some("omar")),
    )
    .unwrap();
    p.allocate_doc_id();
    p
}

#[test]
fn round_trip_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.isnad.ron");
    let original = sample_project();
    project::save(&original, &path).unwrap();
    let loaded = project::load(&path).unwrap();
    assert_eq!(loaded, original);
    let file = std::fs::read_to_string(&path).unwrap();
    assert!(file.contains(r#"annotator: Some("omar")),"#), "{file}");
    assert!(file.contains(r#"suggested_by: Some("cues")),"#), "{file}");
    for doc in original.documents() {
        assert_eq!(markup_of(&loaded, doc.id()), markup_of(&original, doc.id()));
    }
    // Saving the loaded project gives the same bytes (stable order, stable ids).
    let again = dir.path().join("again.isnad.ron");
    project::save(&loaded, &again).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

/// Reads `key: number` from a span line.
fn field(line: &str, key: &str) -> usize {
    let rest = &line[line.find(&format!("{key}: ")).unwrap() + key.len() + 2..];
    rest[..rest.find([',', ')']).unwrap()].parse().unwrap()
}

#[test]
fn file_has_one_span_per_line_in_code_points() {
    let original = sample_project();
    let text = project::to_ron_string(&original, "x.isnad.ron".as_ref()).unwrap();
    assert!(text.contains(&format!(
        "    format_version: {},\n",
        project::FORMAT_VERSION
    )));
    assert!(text.contains("    offset_unit: \"code_points\",\n"));
    let span_lines: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("spans:"))
        .take_while(|l| !l.trim_start().starts_with("relations:"))
        .filter(|l| l.trim_start().starts_with("(id:"))
        .collect();
    assert_eq!(span_lines.len(), original.span_count());
    let mut previous = (0, 0, 0);
    for line in span_lines {
        let (id, doc, start, end) = (
            field(line, "id"),
            field(line, "doc"),
            field(line, "start"),
            field(line, "end"),
        );
        assert!(
            (doc, start, end) >= previous,
            "spans sorted by document then offsets"
        );
        previous = (doc, start, end);
        let document = original.document(isnad::model::DocId(doc as u64)).unwrap();
        let span = original.span(isnad::model::SpanId(id as u64)).unwrap();
        let sliced: String = document
            .text()
            .chars()
            .skip(start)
            .take(end - start)
            .collect();
        assert_eq!(sliced, &document.text()[span.range()]);
        assert!(line.contains(&format!("label: \"{}\"", span.label)));
    }
    // The emoji and flag before the spans make bytes, code points and UTF-16 all differ.
    let doc = original.documents().next().unwrap();
    let span = &original.spans_of(doc.id())[0];
    let index = OffsetIndex::new(doc.text());
    let cp = index.from_byte(span.start, OffsetUnit::CodePoints).unwrap();
    let utf16 = index.from_byte(span.start, OffsetUnit::Utf16).unwrap();
    assert!(
        span.start != cp && cp != utf16,
        "{} {cp} {utf16}",
        span.start
    );
    assert_eq!(cp, 4);
    assert_eq!(utf16, 7);
    // The stored hash is the SHA-256 of the text.
    assert!(text.contains(&format!("sha256: \"{}\"", doc.sha256())));
    assert_eq!(
        isnad::model::sha256_hex(""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}

#[test]
#[ignore = "prints the sample file for a human to look at"]
fn print_sample_file() {
    println!(
        "{}",
        project::to_ron_string(&sample_project(), "x".as_ref()).unwrap()
    );
    for doc in sample_project().documents() {
        println!("{}", markup_of(&sample_project(), doc.id()));
    }
}
