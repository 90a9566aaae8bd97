//! The article view through the real `App` (issue 14, items 5 and 6): mouse selections snap to
//! whole words across words (letter-exact inside one word, Alt for no snapping), the status bar
//! shows the selected text and the selected span, and relation connectors and names never cover
//! a glyph, on the sample and on a dense generated article.

mod common;

use egui::{Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use isnad::IsnadApp;
use isnad::model::{
    DocId, Document, LabelId, Project, Relation, RelationId, RelationTypeId, Span, SpanId,
};

use common::{drag_offsets, harness, temp_file, text};
use unicode_segmentation::UnicodeSegmentation;

/// Byte offset of the first `phrase` after `after` in the shown document.
fn at(harness: &Harness<'static, IsnadApp>, phrase: &str, after: &str) -> usize {
    let text = text(harness);
    let from = text.find(after).expect("anchor");
    from + text[from..].find(phrase).expect("phrase")
}

fn selected(harness: &Harness<'static, IsnadApp>) -> String {
    harness
        .state()
        .view()
        .expect("view")
        .selected_text()
        .to_owned()
}

#[test]
fn a_drag_across_words_snaps_to_them_and_alt_keeps_the_letters() {
    let mut harness = harness(None);
    // منظمة الأغذية والزراعة: pressed one letter into منظمة (م is no clitic), released in the
    // middle of الأغذية: both words whole.
    let start = at(&harness, "منظمة الأغذية", "");
    let middle = at(&harness, "ذية", "منظمة الأغ");
    drag_offsets(&mut harness, start + "م".len(), middle);
    assert_eq!(selected(&harness), "منظمة الأغذية");

    // Inside one word: letter-exact.
    drag_offsets(&mut harness, start + "م".len(), start + "منظ".len());
    assert_eq!(selected(&harness), "نظ");

    // Started right after the clitic و of والزراعة: it stays out, the next word is whole.
    let wa = at(&harness, "والزراعة", "منظمة الأغذية");
    let umam = at(&harness, "أمم", "منظمة الأغذية والزراعة");
    drag_offsets(&mut harness, wa + "و".len(), umam);
    assert_eq!(selected(&harness), "الزراعة للأمم");
    // Backwards from inside للأمم (pressed after لل: the press point is kept, so للأمم is cut
    // there) to one letter into الأغذية (its alif, no clitic: the whole word).
    drag_offsets(&mut harness, umam, middle - "الأغ".len() + "ا".len());
    assert_eq!(selected(&harness), "الأغذية والزراعة لل");

    // With Alt held: no snapping at all.
    harness.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    drag_offsets(&mut harness, start + "م".len(), middle);
    harness.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    harness.step();
    assert_eq!(selected(&harness), "نظمة الأغ");
}

#[test]
fn the_status_bar_shows_the_selected_text_and_the_selected_span() {
    let mut harness = harness(None);
    let start = at(&harness, "منظمة الأغذية", "");
    drag_offsets(&mut harness, start, start + "منظمة الأغذية".len());
    harness.run_steps(2);
    // The selected text, shaped (its accessible label is the text), beside its offsets.
    let _ = harness.get_by_label("منظمة الأغذية");
    // A long selection is shortened in the middle.
    let text = text(&harness);
    let end = text.len().min(start + 600);
    let end = (end..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    harness.state_mut().view_mut().expect("view").selection =
        isnad::text::Selection::of_range(start..end);
    harness.run_steps(2);
    let shown = isnad::ui::status_bar::middle_shortened(&text[start..end]).into_owned();
    assert!(shown.contains(" … "));
    let _ = harness.get_by_label(&shown);

    // A selected span: its label, code-point offsets and text.
    let doc = harness.state().current_document().expect("a document");
    let span = harness.state().project().spans_of(doc)[0].clone();
    harness.state_mut().reveal_span(span.id);
    harness.run_steps(3);
    let label = harness
        .state()
        .project()
        .schema()
        .get(&span.label)
        .expect("label")
        .name
        .clone();
    let cp = |byte: usize| text[..byte].chars().count();
    let _ = harness.get_by_label(&format!(
        "Span {label} {}..{}",
        cp(span.start),
        cp(span.end)
    ));
    let covered = isnad::ui::status_bar::middle_shortened(&text[span.range()]).into_owned();
    assert!(harness.query_all_by_label(&covered).count() >= 1);

    // The offsets are counted once per selected span (kept between frames), and another span
    // selected shows its own, not the kept ones.
    let last = harness
        .state()
        .project()
        .spans_of(doc)
        .last()
        .expect("spans")
        .clone();
    assert_ne!(last.start, span.start);
    harness.state_mut().reveal_span(last.id);
    harness.run_steps(3);
    let label = &harness
        .state()
        .project()
        .schema()
        .get(&last.label)
        .expect("label")
        .name
        .clone();
    let _ = harness.get_by_label(&format!(
        "Span {label} {}..{}",
        cp(last.start),
        cp(last.end)
    ));
}

/// Checks the last frame: no connector piece, arrowhead or relation name intersects a glyph's
/// rectangle. Returns how many connector pieces and names were drawn.
fn check_nothing_over_letters(harness: &Harness<'static, IsnadApp>, what: &str) -> (usize, usize) {
    let drawn = harness.state().view().expect("view").drawn_relations();
    let glyphs = drawn.glyphs.rects();
    assert!(glyphs.len() > 50, "{what}: glyphs were drawn");
    let check = |kind: &str, rect: &Rect| {
        for glyph in glyphs {
            assert!(
                !rect.intersects(*glyph),
                "{what}: a {kind} at {rect:?} covers the glyph at {glyph:?}"
            );
        }
    };
    for rect in &drawn.segments {
        check("connector", rect);
    }
    for rect in &drawn.names {
        check("relation name", rect);
    }
    (drawn.segments.len(), drawn.names.len())
}

/// Scrolls through the whole document, checking every screen; then again with each relation's
/// head selected (strong relations), for the first `selected` relations. Returns the totals drawn.
fn check_whole_document(
    harness: &mut Harness<'static, IsnadApp>,
    what: &str,
    selected: usize,
) -> (usize, usize) {
    let mut totals = (0, 0);
    let mut y = 0.0;
    loop {
        harness.state_mut().view_mut().expect("view").scroll_to(y);
        harness.run_steps(3);
        let (segments, names) = check_nothing_over_letters(harness, what);
        totals = (totals.0 + segments, totals.1 + names);
        let view = harness.state_mut().view_mut().expect("view");
        if view.content_height() <= y + 400.0 {
            break;
        }
        y += 400.0;
    }
    let doc = harness.state().current_document().expect("a document");
    let relations: Vec<Relation> = harness
        .state()
        .project()
        .relations_of_doc(doc)
        .take(selected)
        .cloned()
        .collect();
    for relation in relations {
        harness.state_mut().reveal_span(relation.head);
        harness.run_steps(3);
        let (segments, names) = check_nothing_over_letters(harness, what);
        totals = (totals.0 + segments, totals.1 + names);
    }
    totals
}

#[test]
fn relations_never_cover_a_glyph_on_the_sample() {
    let mut harness = harness(None);
    let doc = harness.state().current_document().expect("a document");
    assert!(harness.state().project().relations_of_doc(doc).count() > 0);
    let (segments, names) = check_whole_document(&mut harness, "sample", 8);
    assert!(segments > 20, "connectors were drawn ({segments})");
    assert!(names > 3, "names were drawn ({names})");
}

/// A project of the shared news article with a span every few words (claim, source, actor in
/// turn) and, from every claim, `attributed_to` the next source and `about` the actor before it:
/// relations on one line, across lines and across paragraphs.
fn dense_project() -> Project {
    let article = std::fs::read_to_string(common::corpus("niger-article.ar.txt")).expect("corpus");
    let mut project = Project::default();
    project
        .insert_document(Document::new(DocId(1), "كثيف", None, &article), Vec::new())
        .expect("document");
    let words: Vec<(usize, &str)> = article
        .split_word_bound_indices()
        .filter(|(_, w)| w.chars().count() > 2 && w.chars().all(char::is_alphabetic))
        .collect();
    let labels = ["claim", "source", "actor"];
    let mut spans: Vec<(SpanId, &str)> = Vec::new();
    for (n, (start, word)) in words.iter().step_by(3).enumerate() {
        let id = SpanId(n as u64 + 1);
        let label = labels[n % 3];
        let span = Span::new(
            id,
            DocId(1),
            *start..start + word.len(),
            LabelId::new(label).expect("label"),
        );
        project.insert_span(span).expect("span");
        spans.push((id, label));
    }
    let mut next = 1;
    for (i, (id, label)) in spans.iter().enumerate() {
        if *label != "claim" {
            continue;
        }
        let source = spans.get(i + 1).map(|s| s.0);
        let actor = i.checked_sub(1).and_then(|j| spans.get(j)).map(|s| s.0);
        for (kind, child) in [("attributed_to", source), ("about", actor)] {
            if let Some(child) = child {
                let relation = Relation::new(
                    RelationId(next),
                    RelationTypeId::new(kind).expect("type"),
                    *id,
                    child,
                );
                project.insert_relation(relation).expect("relation");
                next += 1;
            }
        }
    }
    project
}

#[test]
fn relations_never_cover_a_glyph_on_a_dense_article() {
    let project = dense_project();
    assert!(project.relations_of_doc(DocId(1)).count() > 100);
    let path = temp_file("dense.isnad.ron", b"");
    isnad::io::project::save(&project, &path).expect("save");
    let mut harness = harness(Some(&path));
    assert_eq!(harness.state().current_document(), Some(DocId(1)));
    let (segments, names) = check_whole_document(&mut harness, "dense article", 12);
    assert!(segments > 200, "connectors were drawn ({segments})");
    assert!(names > 10, "names were drawn ({names})");
}

#[test]
fn a_run_of_blank_lines_is_one_paragraph_gap() {
    use isnad::text::TextEngine;
    use isnad::text::document_layout::DocumentLayout;
    use isnad::text::paragraph_layout::TextMetrics;

    let mut engine = TextEngine::new();
    let metrics = TextMetrics::for_font_size(20.0);
    let mut second_top = |text: &str| {
        let mut layout = DocumentLayout::new(text.into(), metrics);
        layout.set_geometry(500.0, metrics);
        layout.ensure_laid_out(&mut engine.font_system, 0.0..1000.0, 0.0);
        let second = text.rfind("نعم").expect("second paragraph");
        let p = layout.paragraph_of_offset(second);
        (layout.paragraph_top(p), layout.total_height())
    };
    let (one, total) = second_top("قال الوزير\nنعم");
    // Blank lines (empty, spaces, a carriage return) between the paragraphs add nothing …
    for text in [
        "قال الوزير\n\nنعم",
        "قال الوزير\n\n \n\t\n\nنعم",
        "قال الوزير\r\n\r\n\r\nنعم",
    ] {
        assert_eq!(second_top(text), (one, total), "{text:?}");
    }
    // … but the paragraphs keep their gap, and the text and offsets are the document's.
    assert!(one > metrics.line_height);
    let text = "قال الوزير\n\n\nنعم";
    let layout = DocumentLayout::new(text.into(), metrics);
    assert_eq!(layout.text(), text);
    assert_eq!(layout.paragraph_count(), 4);
}

/// A project of the two corpus texts (news article, then the declaration), saved in `dir`.
fn two_documents(dir: &std::path::Path) -> std::path::PathBuf {
    let mut project = Project::default();
    for (i, name) in ["niger-article.ar.txt", "udhr.ar.txt"].iter().enumerate() {
        let text = std::fs::read_to_string(common::corpus(name)).expect("corpus");
        let doc = Document::new(DocId(i as u64 + 1), *name, None, &text);
        project.insert_document(doc, Vec::new()).expect("document");
    }
    let path = dir.join("two.isnad.ron");
    isnad::io::project::save(&project, &path).expect("save");
    path
}

/// Scrolls the view to `y` and selects `range` of the shown document.
fn read_at(harness: &mut Harness<'static, IsnadApp>, y: f32, range: std::ops::Range<usize>) {
    harness.state_mut().view_mut().expect("view").scroll_to(y);
    harness.run_steps(3);
    let text = text(harness);
    let boundary = |i: usize| (i..).find(|&j| text.is_char_boundary(j)).unwrap_or(i);
    let range = boundary(range.start)..boundary(range.end);
    harness.state_mut().view_mut().expect("view").selection =
        isnad::text::Selection::of_range(range);
    harness.run_steps(2);
}

/// The scroll offset and the selected range of the view shown.
fn position(harness: &Harness<'static, IsnadApp>) -> (f32, std::ops::Range<usize>) {
    let view = harness.state().view().expect("view");
    (view.scroll_offset(), view.selection.range())
}

#[test]
fn each_document_keeps_its_reading_place_and_a_reload_keeps_it_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = two_documents(dir.path());
    let mut harness = harness(Some(&path));
    let line = 35.0;
    read_at(&mut harness, 1200.0, 3000..3040);
    let (first_y, first_selection) = position(&harness);
    assert!(first_y > 1000.0, "scrolled ({first_y})");

    harness.state_mut().show_document(DocId(2));
    harness.run_steps(3);
    assert_eq!(
        position(&harness),
        (0.0, 0..0),
        "the other document starts at its top"
    );
    read_at(&mut harness, 600.0, 100..120);
    let second = position(&harness);

    // Back and forth: each document where it was left.
    harness.state_mut().show_document(DocId(1));
    harness.run_steps(4);
    let (y, selection) = position(&harness);
    assert!((y - first_y).abs() < line, "{y} vs {first_y}");
    assert_eq!(selection, first_selection);
    harness.state_mut().show_document(DocId(2));
    harness.run_steps(4);
    let (y, selection) = position(&harness);
    assert!((y - second.0).abs() < line, "{y} vs {}", second.0);
    assert_eq!(selection, second.1);

    // Another program rewrites the file (a span added); reloading keeps the document shown
    // and its reading place.
    let mut changed = isnad::io::project::load(&path).expect("load");
    let first_word = changed
        .document(DocId(1))
        .expect("document")
        .text()
        .find(' ')
        .expect("word");
    let span = Span::new(
        SpanId(1),
        DocId(1),
        0..first_word,
        LabelId::new("actor").expect("label"),
    );
    changed.insert_span(span).expect("span");
    let beside = path.with_file_name("pulled.tmp");
    std::fs::write(
        &beside,
        isnad::io::project::to_ron_string(&changed, &path).expect("encode"),
    )
    .expect("write");
    std::fs::rename(&beside, &path).expect("rename");
    harness.event(egui::Event::WindowFocused(false));
    harness.run_steps(1);
    harness.event(egui::Event::WindowFocused(true));
    harness.run_steps(12);
    harness.get_by_label("Reload from disk").click();
    harness.run_steps(4);
    assert_eq!(harness.state().project(), &changed, "reloaded");
    assert_eq!(harness.state().current_document(), Some(DocId(2)));
    let (y, selection) = position(&harness);
    assert!((y - second.0).abs() < line, "{y} vs {}", second.0);
    assert_eq!(selection, second.1);
    harness.state_mut().show_document(DocId(1));
    harness.run_steps(4);
    let (y, _) = position(&harness);
    assert!((y - first_y).abs() < line, "{y} vs {first_y}");
}
