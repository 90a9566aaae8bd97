//! Adjudication layout: the bar under the article, the agreement and label confusion windows,
//! and each annotator's lane handed to the article view. Nothing is drawn when not adjudicating.

use std::collections::HashMap;
use std::ops::Range;

use super::IsnadApp;
use super::adjudication::Session;
use crate::model::{DocId, LabelId, Project};
use crate::team::{Adjudication, SideItem};
use crate::ui::adjudication::{
    AlternativeView, DisagreementView, adjudication_bar_ui, annotator_colour, annotator_letter,
};
use crate::ui::adjudication_agreement::agreement_ui;
use crate::ui::adjudication_confusion::confusion_ui;
use crate::ui::article_view::AnnotatorLane;
use crate::ui::colours::to_color32;

impl IsnadApp {
    /// Layout: the adjudication bar under the article and the agreement window; hands the
    /// annotators' lanes to the article view.
    pub(super) fn adjudication_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let Some(session) = &mut self.adjudicating.session else {
            if let Some(view) = self.reader.view_mut()
                && !view.annotator_lanes().lanes.is_empty()
            {
                view.set_annotator_lanes(Vec::new(), None);
            }
            return;
        };
        let project = self.workspace.project();
        let adjudication = &session.adjudication;
        let focus = adjudication.focus(session.current);
        if let Some(view) = self.reader.view_mut() {
            let doc = view.doc();
            // The lanes change only with the document shown (the annotators' files do not).
            let count = adjudication.annotators().len();
            if session.lanes_of != Some(doc) || view.annotator_lanes().lanes.len() != count {
                session.lanes_of = Some(doc);
                view.set_annotator_lanes(lanes_of(adjudication, project, doc), None);
            }
            view.set_annotator_focus(focus.clone().filter(|(d, _)| *d == doc).map(|(_, r)| r));
        }
        let names: Vec<String> = adjudication
            .annotators()
            .iter()
            .map(|a| a.name.clone())
            .collect();
        let view = disagreement_view(session, project, &names);
        let mut clicked = None;
        egui::Panel::bottom("adjudication").show(ui, |ui| {
            clicked = adjudication_bar_ui(ui, &mut self.engine, view.as_ref());
        });
        let schema = project.schema();
        if self.adjudicating.agreement_open {
            let mut open = true;
            let mut confusion = false;
            egui::Window::new("Agreement")
                .open(&mut open)
                .default_pos(ctx.content_rect().right_top() + egui::vec2(-580.0, 40.0))
                .default_width(560.0)
                .default_height(520.0)
                .vscroll(true)
                .show(&ctx, |ui| {
                    confusion = agreement_ui(
                        ui,
                        &mut self.engine,
                        adjudication.report(),
                        &names,
                        &session.files,
                        schema,
                    );
                });
            self.adjudicating.agreement_open = open;
            self.adjudicating.confusion_open |= confusion;
        }
        if self.adjudicating.confusion_open {
            let mut open = true;
            let mut chosen = None;
            let (pair, matrix) = &session.confusion;
            egui::Window::new("Label confusion")
                .open(&mut open)
                .default_pos(ctx.content_rect().left_top() + egui::vec2(60.0, 80.0))
                .show(&ctx, |ui| {
                    chosen = confusion_ui(ui, &mut self.engine, matrix, *pair, &names, schema);
                });
            self.adjudicating.confusion_open = open;
            if let Some(pair) = chosen {
                let matrix = crate::team::confusion(&adjudication.report().corpus, pair.0, pair.1);
                session.confusion = (pair, matrix);
            }
        }
        if let Some(command) = clicked {
            self.request(command);
        }
    }
}

/// The disagreement shown, in words (`None`: there is none).
fn disagreement_view<'a>(
    session: &Session,
    project: &'a Project,
    names: &'a [String],
) -> Option<DisagreementView<'a>> {
    let adjudication = &session.adjudication;
    let index = session.current;
    let dispute = adjudication.disagreements().get(index)?;
    let annotators = names.len();
    let kept = adjudication.kept(project, index);
    let alternatives = (0..dispute.alternatives.len())
        .filter_map(|j| {
            let mut view = alternative_view(adjudication, project, index, j)?;
            view.by = dispute.alternatives[j].by.clone();
            view.kept = kept.get(j).copied().unwrap_or(false);
            Some(view)
        })
        .collect();
    let decision = session.decisions.get(index).map(|d| d.name(annotators));
    Some(DisagreementView {
        index,
        total: adjudication.disagreements().len(),
        decided: session.decisions.decided(),
        decision,
        kind: dispute.kind.name(),
        title: adjudication
            .focus(index)
            .and_then(|(doc, _)| project.document(doc))
            .map_or("", |d| d.title()),
        names,
        alternatives,
        has_majority: !dispute.majority(annotators).is_empty(),
    })
}

/// Each annotator's lane for gold document `doc`, coloured by the gold's labels; spans not
/// made alike by every annotator are marked.
fn lanes_of(adjudication: &Adjudication, gold: &Project, doc: DocId) -> Vec<AnnotatorLane> {
    let schema = gold.schema();
    let count = adjudication.annotators().len();
    let mut made_by: HashMap<(Range<usize>, &LabelId), usize> = HashMap::new();
    for k in 0..count {
        for s in adjudication.spans_of(k, doc) {
            *made_by.entry((s.range(), &s.label)).or_default() += 1;
        }
    }
    (0..count)
        .map(|k| AnnotatorLane {
            letter: annotator_letter(k),
            colour: annotator_colour(k),
            spans: adjudication
                .spans_of(k, doc)
                .iter()
                .map(|s| {
                    let colour = schema
                        .get(&s.label)
                        .map_or(egui::Color32::GRAY, |l| to_color32(l.colour));
                    let alone = made_by.get(&(s.range(), &s.label)) != Some(&count);
                    (s.range(), colour, alone)
                })
                .collect(),
        })
        .collect()
}

/// Alternative `j` of disagreement `index`, in words.
fn alternative_view(
    adjudication: &Adjudication,
    gold: &Project,
    index: usize,
    j: usize,
) -> Option<AlternativeView> {
    let item = adjudication.alternative(index, j)?;
    let doc = adjudication.focus(index)?.0;
    let text = gold.document(doc).map_or("", |d| d.text());
    let schema = gold.schema();
    let excerpt = |range: &std::ops::Range<usize>| text.get(range.clone()).unwrap_or("").to_owned();
    let colour_of = |label: &LabelId| {
        schema
            .get(label)
            .map_or(egui::Color32::GRAY, |l| to_color32(l.colour))
    };
    let name_of = |label: &LabelId| {
        schema
            .get(label)
            .map_or_else(|| label.as_str().to_owned(), |l| l.name.clone())
    };
    Some(match item {
        SideItem::Span(range, label) => AlternativeView {
            label: name_of(&label),
            colour: colour_of(&label),
            text: excerpt(&range),
            ..AlternativeView::default()
        },
        SideItem::Relation { kind, head, child } => AlternativeView {
            label: schema
                .relation_type(&kind)
                .map_or_else(|| kind.as_str().to_owned(), |t| t.name.clone()),
            colour: colour_of(&head.1),
            text: format!("{} → {}", excerpt(&head.0), excerpt(&child.0)),
            ..AlternativeView::default()
        },
    })
}
