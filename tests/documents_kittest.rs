//! Working through a big project: next / previous document keys, filtering the document list by
//! status and title, and cropping a scraped page to its article; driven through the real app.

mod common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use isnad::IsnadApp;
use isnad::io::project;
use isnad::model::{DocId, Document, DocumentStatus, LabelId, Project, Span, SpanId};
use isnad::text::selection::Selection;

use common::{harness, press, wait_for_report};

const PAGE: &str = "الرئيسية | أخبار | رياضة\nبحث\n\nقال وزير الخارجية إن الوفد وصل إلى العاصمة.\n\nأضف تعليقا\nاقرأ أيضا: أسعار الذهب";

/// A saved project: three news documents (the second done, with a harakat-carrying title) and a
/// scraped page with chrome around its article.
fn project_file(dir: &std::path::Path) -> std::path::PathBuf {
    let mut project = Project::default();
    let docs = [
        ("خبر الاقتصاد", "ارتفعت الأسعار.", DocumentStatus::New),
        ("بيان الوِزارة", "قال المتحدث.", DocumentStatus::Done),
        ("تقرير الطقس", "أمطار غزيرة.", DocumentStatus::InProgress),
        ("صفحة منسوخة", PAGE, DocumentStatus::New),
    ];
    for (title, text, status) in docs {
        let id = project.allocate_doc_id();
        let doc = Document::new(id, title, None, text).with_status(status);
        project.insert_document(doc, Vec::new()).expect("document");
    }
    let start = PAGE.find("وزير").expect("in the page");
    let span = Span::new(
        SpanId(1),
        DocId(4),
        start..start + "وزير الخارجية".len(),
        LabelId::new("source").expect("label"),
    );
    project.insert_span(span).expect("span");
    let path = dir.join("big.isnad.ron");
    project::save(&project, &path).expect("save");
    path
}

fn shown_title(harness: &Harness<'static, IsnadApp>) -> String {
    let app = harness.state();
    let doc = app.current_document().expect("a document is shown");
    app.project()
        .document(doc)
        .expect("document")
        .title()
        .to_owned()
}

#[test]
fn ctrl_page_down_and_up_step_through_the_filtered_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Some(&project_file(dir.path())));
    assert_eq!(shown_title(&harness), "خبر الاقتصاد");
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    harness.run_steps(2);
    assert_eq!(shown_title(&harness), "بيان الوِزارة");
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    harness.run_steps(2);
    assert_eq!(
        shown_title(&harness),
        "صفحة منسوخة",
        "the last document stays"
    );
    press(&mut harness, Modifiers::COMMAND, Key::PageUp);
    harness.run_steps(2);
    assert_eq!(shown_title(&harness), "تقرير الطقس");

    // Only the documents marked done.
    harness.get_by_label("Done").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_all_by_value("Documents (1 of 4)")
            .next()
            .is_some()
    );
    press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    harness.run_steps(2);
    assert_eq!(
        shown_title(&harness),
        "بيان الوِزارة",
        "the filtered list is stepped through"
    );

    // The title filter ignores harakat: "الوزارة" finds "الوِزارة".
    harness.get_by_label("All").click();
    harness.run_steps(2);
    harness.get_by_role(Role::TextInput).click();
    harness.run_steps(2);
    harness.event(egui::Event::Text("الوزارة".into()));
    harness.run_steps(3);
    assert!(
        harness
            .query_all_by_value("Documents (1 of 4)")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label("بيان الوِزارة").is_some());
    assert!(harness.query_by_label("خبر الاقتصاد").is_none());
}

#[test]
fn cropping_a_scraped_page_keeps_the_article_and_its_spans_and_undoes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Some(&project_file(dir.path())));
    for _ in 0..3 {
        press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    }
    harness.run_steps(2);
    assert_eq!(shown_title(&harness), "صفحة منسوخة");

    // A sloppy selection: the article line with the blank lines around it (trimmed by the crop).
    let start = PAGE.find("\n\nقال").expect("blank line");
    let end = PAGE.find("أضف").expect("comment form");
    harness.state_mut().view_mut().expect("view").selection = Selection::of_range(start..end);
    harness.get_by_label("Edit").click();
    harness.run();
    harness
        .get_by_label_contains("Crop document to selection")
        .click();
    harness.run_steps(3);

    let article = "قال وزير الخارجية إن الوفد وصل إلى العاصمة.";
    assert_eq!(
        harness.state().document_text(),
        article,
        "the view shows the cropped text"
    );
    let project = harness.state().project();
    let span = &project.spans_of(DocId(4))[0];
    assert_eq!(&article[span.range()], "وزير الخارجية");
    assert_eq!(
        project.document(DocId(4)).expect("doc").title(),
        "صفحة منسوخة"
    );

    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness.state().document_text(),
        PAGE,
        "undo brings the page back"
    );
}

#[test]
fn cropping_refuses_to_lose_a_span() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness(Some(&project_file(dir.path())));
    for _ in 0..3 {
        press(&mut harness, Modifiers::COMMAND, Key::PageDown);
    }
    harness.run_steps(2);
    let end = PAGE.find("قال").expect("before the article");
    harness.state_mut().view_mut().expect("view").selection = Selection::of_range(0..end);
    harness
        .state_mut()
        .request(isnad::command::UiCommand::CropToSelection);
    harness.run_steps(2);
    assert_eq!(harness.state().document_text(), PAGE);
    let notice = harness.state().notice().expect("a notice").to_owned();
    assert!(
        notice.contains("1 span lies outside the selection"),
        "{notice}"
    );
}

#[test]
fn adding_a_folder_reports_what_was_skipped_and_is_one_undo_step() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project_path = project_file(dir.path());
    let folder = dir.path().join("articles");
    std::fs::create_dir_all(folder.join("more")).expect("folders");
    std::fs::write(folder.join("one.txt"), "قال المتحدث إن الاجتماع انتهى.").expect("write");
    std::fs::write(folder.join("more/two.md"), "أعلنت الوزارة نتائج الامتحانات.").expect("write");
    std::fs::write(folder.join("copy.txt"), "قال المتحدث إن الاجتماع انتهى.").expect("write");
    std::fs::write(folder.join("again.txt"), "ارتفعت الأسعار.").expect("write");
    std::fs::write(folder.join("empty.txt"), "").expect("write");
    let mut harness = harness(Some(&project_path));
    harness.state_mut().start_adding_articles(vec![folder]);
    wait_for_report(&mut harness);

    assert_eq!(
        harness.state().project().document_count(),
        6,
        "two new articles"
    );
    let report = harness.state().transfer_report().expect("report").clone();
    assert!(
        !report.complete,
        "an empty file is a problem worth reporting"
    );
    let text = report.full_text;
    assert!(text.contains("copy.txt"), "{text}");
    assert!(text.contains("again.txt"), "{text}");
    assert!(text.contains("empty.txt"), "{text}");
    // Folders are read in name order: copy.txt comes before one.txt, which is its duplicate.
    assert!(text.contains("one.txt"), "{text}");
    assert_eq!(
        shown_title(&harness),
        "copy",
        "the first article added is shown"
    );

    harness.get_by_label("Close").click();
    harness.run_steps(2);
    press(&mut harness, Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness.state().project().document_count(),
        4,
        "one undo removes them all"
    );
}
