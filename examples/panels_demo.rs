//! The side panels in a window of their own, over a small generated project, applying what they
//! return through a `History` as the app will: `cargo run --example panels_demo`.

use isnad::command::{Edit, History};
use isnad::model::markup::project_from_markup;
use isnad::model::{DocId, Project, SpanId};
use isnad::text::TextEngine;
use isnad::ui::{
    DocumentListState, LabelEditorState, PanelAction, SpanListState, document_list_ui,
    label_editor_ui, span_list_ui,
};

const MARKUP: &str = "[قال المتحدث باسم المجلس العسكري|source] إن [المدربين الروس|actor] \
[وصلوا إلى نيامي أمس لتدريب الجيش على أنظمة الدفاع الجوي الجديدة التي اشترتها الحكومة|claim] \
وإن [الجيش|actor] [رحّب بهم|claim] في [بيان RTN|source] صدر عام 2023.";

struct Demo {
    project: Project,
    history: History,
    engine: TextEngine,
    documents: DocumentListState,
    spans: SpanListState,
    labels: LabelEditorState,
    doc: DocId,
    selected: Option<SpanId>,
}

impl Demo {
    fn new() -> Self {
        let (mut project, doc) = project_from_markup(MARKUP).expect("the demo markup is valid");
        let mut history = History::new();
        let titles = [
            "وصول مدربين عسكريين روس إلى النيجر لتدريب الجيش على الدفاع الجوي",
            "RTN: المجلس العسكري يرحب بالشركاء الجدد",
            "Niger junta welcomes Russian instructors",
        ];
        for i in 0..200 {
            let title = format!("{} {}", titles[i % titles.len()], i + 1);
            let edit = Edit::add_document(&mut project, title, None, "نص");
            let _ = history.apply(edit, &mut project);
        }
        history.clear();
        Self {
            project,
            history,
            engine: TextEngine::new(),
            documents: DocumentListState::new(),
            spans: SpanListState::new(),
            labels: LabelEditorState::new(),
            doc,
            selected: None,
        }
    }

    fn apply(&mut self, actions: Vec<PanelAction>) {
        for action in actions {
            let result = match action {
                PanelAction::OpenDocument(doc) => {
                    self.doc = doc;
                    Ok(())
                }
                PanelAction::RevealSpan(id) => {
                    self.selected = Some(id);
                    Ok(())
                }
                PanelAction::Edit(edit) => self.history.apply(edit, &mut self.project),
                PanelAction::EditMerging(edit, key) => {
                    self.history.apply_merging(edit, key, &mut self.project)
                }
                PanelAction::AddArticles => Ok(()),
            };
            if let Err(error) = result {
                eprintln!("refused: {error}");
            }
        }
    }
}

impl eframe::App for Demo {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let revision = self.history.revision();
        let mut actions = Vec::new();
        egui::Panel::left("documents")
            .default_size(320.0)
            .show(ui, |ui| {
                actions.extend(document_list_ui(
                    ui,
                    &mut self.engine,
                    &mut self.documents,
                    &self.project,
                    revision,
                    Some(self.doc),
                ));
            });
        egui::Panel::bottom("labels").show(ui, |ui| {
            actions.extend(label_editor_ui(ui, &mut self.labels, &self.project));
        });
        egui::CentralPanel::default().show(ui, |ui| {
            actions.extend(span_list_ui(
                ui,
                &mut self.engine,
                &mut self.spans,
                &self.project,
                self.doc,
                revision,
                self.selected,
            ));
        });
        self.apply(actions);
    }
}

fn main() -> eframe::Result {
    eframe::run_native(
        "Isnad panels",
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default().with_inner_size([1000.0, 640.0]),
            ..Default::default()
        },
        Box::new(|_| Ok(Box::new(Demo::new()))),
    )
}
