//! Cropping a document to the part the annotator selected (a scraped page keeps only its article).

use std::ops::Range;

use crate::command::Edit;
use crate::model::text_range::clean_selection;
use crate::model::{DocId, Document, Project, Span};

/// Why a document cannot be cropped to a selection.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CropError {
    /// The document does not exist.
    #[error("the document is not in the project")]
    NoDocument,
    /// Nothing but whitespace is selected.
    #[error("select the part of the text to keep first")]
    EmptySelection,
    /// The selection is already the whole text.
    #[error("the selection is already the whole text")]
    WholeText,
    /// Spans lie outside the selection or cross its edges: cropping would lose them.
    #[error(
        "{count} {} outside the selection or {} its edges; remove {} or select more text",
        if *count == 1 { "span lies" } else { "spans lie" },
        if *count == 1 { "crosses" } else { "cross" },
        if *count == 1 { "it" } else { "them" }
    )]
    SpansOutside {
        /// How many.
        count: usize,
    },
}

/// The edit that makes `selection` (byte offsets, snapped to graphemes and trimmed of whitespace)
/// the whole text of `doc`, shifting its spans with it. The document keeps its id, title, status
/// and metadata; undo brings the full text back. Refused when a span would be lost.
pub fn crop_edit(
    project: &Project,
    doc: DocId,
    selection: Range<usize>,
) -> Result<Edit, CropError> {
    let document = project.document(doc).ok_or(CropError::NoDocument)?;
    let text = document.text();
    let range = clean_selection(text, selection).ok_or(CropError::EmptySelection)?;
    if range == (0..text.len()) {
        return Err(CropError::WholeText);
    }
    let spans = project.spans_of(doc);
    let outside = spans
        .iter()
        .filter(|s| s.start < range.start || s.end > range.end)
        .count();
    if outside > 0 {
        return Err(CropError::SpansOutside { count: outside });
    }
    let shifted: Vec<Span> = spans
        .iter()
        .map(|s| {
            let mut span = s.clone();
            span.start -= range.start;
            span.end -= range.start;
            span
        })
        .collect();
    let cropped = Document::new(
        doc,
        document.title(),
        document.source_path().map(str::to_owned),
        &text[range.clone()],
    )
    .with_status(document.status())
    .with_meta(document.meta().clone());
    // The relations go with the document and come back with the shifted spans (same ids).
    let relations = project
        .relations_of_doc(doc)
        .cloned()
        .map(Edit::AddRelation);
    // Rejected suggestions move with the text; those outside the selection go (undo brings
    // them back with the full text).
    let rejections = project
        .suggestion_memory()
        .rejected_in(doc)
        .filter(|(r, _)| range.start <= r.start && r.end <= range.end)
        .map(|(r, label)| (r.start - range.start..r.end - range.start, label))
        .collect();
    let mut edits = vec![
        Edit::RemoveDocument(doc),
        Edit::AddDocument {
            document: Box::new(cropped),
            spans: shifted,
        },
    ];
    edits.extend(relations);
    edits.push(Edit::ReplaceRejections { doc, rejections });
    Ok(Edit::Batch(edits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LabelId, SpanId};

    const PAGE: &str = "بحث\nتسجيل الدخول\n\nقال الوزير إن الوفد وصل.\n\nأضف تعليقا";

    fn project_with(spans: &[&str]) -> (Project, DocId) {
        let mut project = Project::default();
        let doc = project.allocate_doc_id();
        let document = Document::new(doc, "صفحة", None, PAGE);
        project
            .insert_document(document, Vec::new())
            .expect("document");
        for (n, covered) in spans.iter().enumerate() {
            let start = PAGE.find(covered).expect("in the page");
            let span = Span::new(
                SpanId(n as u64 + 1),
                doc,
                start..start + covered.len(),
                LabelId::new("actor").expect("label"),
            );
            project.insert_span(span).expect("span");
        }
        (project, doc)
    }

    fn article_range() -> Range<usize> {
        let start = PAGE.find("قال").expect("start");
        // A sloppy selection: from the blank line before to the blank line after.
        (start - 2)..(PAGE.find("أضف").expect("end") - 1)
    }

    #[test]
    fn crops_to_the_trimmed_selection_shifting_spans_and_undoes() {
        let (mut project, doc) = project_with(&["الوزير", "الوفد"]);
        let before = project.clone();
        let edit = crop_edit(&project, doc, article_range()).expect("crop");
        let undo = edit.apply(&mut project).expect("apply");
        let cropped = project.document(doc).expect("same id");
        assert_eq!(cropped.text(), "قال الوزير إن الوفد وصل.");
        assert_eq!(cropped.title(), "صفحة");
        let texts: Vec<&str> = project
            .spans_of(doc)
            .iter()
            .map(|s| &cropped.text()[s.range()])
            .collect();
        assert_eq!(texts, ["الوزير", "الوفد"]);
        undo.apply(&mut project).expect("undo");
        assert_eq!(project, before);
    }

    #[test]
    fn rejected_suggestions_move_with_the_text_and_come_back_on_undo() {
        let (mut project, doc) = project_with(&[]);
        let reject = |project: &mut Project, phrase: &str| {
            let start = PAGE.find(phrase).expect("in the page");
            let verdict = crate::model::SuggestionVerdict {
                doc,
                range: start..start + phrase.len(),
                label: LabelId::new("source").expect("label"),
                suggester: "cues".to_owned(),
                verdict: crate::model::Verdict::Rejected,
            };
            project.judge_suggestion(&verdict).expect("judge");
        };
        reject(&mut project, "الوفد");
        reject(&mut project, "تسجيل");
        let before = project.clone();
        let edit = crop_edit(&project, doc, article_range()).expect("crop");
        let undo = edit.apply(&mut project).expect("apply");
        let text = project.document(doc).expect("doc").text().to_owned();
        let rejected: Vec<Option<&str>> = project
            .suggestion_memory()
            .rejected_in(doc)
            .map(|(range, _)| text.get(range))
            .collect();
        // The one inside moved with the text; the one in the page chrome went with it.
        assert_eq!(rejected, [Some("الوفد")]);
        undo.apply(&mut project).expect("undo");
        assert_eq!(project, before);
        assert_eq!(project.suggestion_memory().rejection_count(), 2);
    }

    #[test]
    fn refuses_to_lose_spans_or_do_nothing() {
        let (project, doc) = project_with(&["بحث", "الوزير"]);
        assert_eq!(
            crop_edit(&project, doc, article_range()),
            Err(CropError::SpansOutside { count: 1 })
        );
        let blank = PAGE.find("\n\n").expect("a blank line");
        assert_eq!(
            crop_edit(&project, doc, blank..blank + 2),
            Err(CropError::EmptySelection)
        );
        assert_eq!(
            crop_edit(&project, doc, 0..PAGE.len()),
            Err(CropError::WholeText)
        );
    }

    #[test]
    fn relations_survive_the_crop_and_its_undo() {
        let (mut project, doc) = project_with(&["الوزير"]);
        let start = PAGE.find("الوفد وصل").expect("claim");
        let claim = Span::new(
            SpanId(9),
            doc,
            start..start + "الوفد وصل".len(),
            LabelId::new("claim").expect("label"),
        );
        project.insert_span(claim).expect("claim");
        let source = SpanId(1);
        project
            .set_span_label(source, LabelId::new("source").expect("label"))
            .expect("a source");
        let id = project.allocate_relation_id();
        let kind = crate::model::RelationTypeId::new("attributed_to").expect("type");
        let relation = crate::model::Relation::new(id, kind, SpanId(9), source);
        project.insert_relation(relation.clone()).expect("relation");
        let before = project.clone();

        let undo = crop_edit(&project, doc, article_range())
            .expect("crop")
            .apply(&mut project)
            .expect("apply");
        assert_eq!(project.relation(id), Some(&relation));
        assert_eq!(project.relations_of_span(source).count(), 1);
        undo.apply(&mut project).expect("undo");
        assert_eq!(project, before);
    }
}
