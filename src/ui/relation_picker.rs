//! Linking two spans: which relations may join them (in either direction), and the small window
//! that asks which one when several fit. The window is keyboard-first: 1–9 pick an option,
//! the up and down arrows move the highlight, Enter picks it, Esc cancels.

use egui::{Key, Modifiers};

use crate::model::{LabelId, Project, RelationTypeId, SpanId};

/// One relation that could join two spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOption {
    /// The relation type.
    pub kind: RelationTypeId,
    /// Its name, for the user.
    pub name: String,
    /// The span it starts from.
    pub head: SpanId,
    /// The span it points to.
    pub child: SpanId,
}

/// The label's name with "a" or "an" ("an Actor", "a Claim").
fn with_article(project: &Project, label: &LabelId) -> String {
    let name = project
        .schema()
        .get(label)
        .map_or(label.as_str(), |l| l.name.as_str());
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUaeiou".contains(c));
    format!("{} {name}", if vowel { "an" } else { "a" })
}

/// The relations that may join spans `a` and `b`, trying `a` as the head and then `b` as the
/// head (types already joining them that way are left out), or why there is none, in words for
/// the status bar ("No relation type links an Actor to an Actor").
pub fn link_options(project: &Project, a: SpanId, b: SpanId) -> Result<Vec<LinkOption>, String> {
    let (Some(span_a), Some(span_b)) = (project.span(a), project.span(b)) else {
        return Err("That span no longer exists".into());
    };
    if a == b {
        return Err("A span cannot be linked to itself".into());
    }
    if span_a.doc != span_b.doc {
        return Err("Only spans of the same document can be linked".into());
    }
    let mut options = Vec::new();
    let mut existing = Vec::new();
    for (head, child) in [(a, b), (b, a)] {
        for kind in project.fitting_relation_types(head, child) {
            if project.find_relation(&kind.id, head, child).is_some() {
                existing.push(kind.name.clone());
            } else {
                options.push(LinkOption {
                    kind: kind.id.clone(),
                    name: kind.name.clone(),
                    head,
                    child,
                });
            }
        }
    }
    if !options.is_empty() {
        return Ok(options);
    }
    if existing.is_empty() {
        Err(format!(
            "No relation type links {} to {}",
            with_article(project, &span_a.label),
            with_article(project, &span_b.label)
        ))
    } else {
        Err(format!("Already linked ({})", existing.join(", ")))
    }
}

/// How an option reads: "Claim attributed to Source" (head label, type, child label).
pub fn option_text(project: &Project, option: &LinkOption) -> String {
    let label = |span: SpanId| {
        project
            .span(span)
            .and_then(|s| project.schema().get(&s.label))
            .map_or_else(|| "?".to_owned(), |l| l.name.clone())
    };
    format!(
        "{} {} {}",
        label(option.head),
        option.name,
        label(option.child)
    )
}

/// The question "which relation?" for two spans joined by several types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationPicker {
    /// The relations to choose from (at least two).
    pub options: Vec<LinkOption>,
    /// The option Enter picks.
    pub highlighted: usize,
}

/// What the user did with the picker this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PickerOutcome {
    /// Nothing yet.
    Open,
    /// This option was picked.
    Picked(LinkOption),
    /// The user cancelled.
    Cancelled,
}

impl RelationPicker {
    /// A picker over `options`, the first highlighted.
    pub fn new(options: Vec<LinkOption>) -> Self {
        Self {
            options,
            highlighted: 0,
        }
    }

    /// Reads the picker's keys (consuming them, so that 1–3 do not also tag text).
    fn keys(&mut self, ctx: &egui::Context) -> PickerOutcome {
        const DIGITS: [Key; 9] = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        let count = self.options.len();
        ctx.input_mut(|i| {
            for (n, key) in DIGITS.iter().enumerate().take(count) {
                if i.consume_key(Modifiers::NONE, *key) {
                    return PickerOutcome::Picked(self.options[n].clone());
                }
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
                self.highlighted = (self.highlighted + 1) % count.max(1);
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
                self.highlighted = (self.highlighted + count.max(1) - 1) % count.max(1);
            }
            if i.consume_key(Modifiers::NONE, Key::Enter)
                && let Some(option) = self.options.get(self.highlighted)
            {
                return PickerOutcome::Picked(option.clone());
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                return PickerOutcome::Cancelled;
            }
            PickerOutcome::Open
        })
    }
}

/// Shows the picker as a modal window (call it before the rest of the frame so its keys win).
pub fn relation_picker_ui(
    ctx: &egui::Context,
    picker: &mut RelationPicker,
    project: &Project,
) -> PickerOutcome {
    let from_keys = picker.keys(ctx);
    if from_keys != PickerOutcome::Open {
        return from_keys;
    }
    let modal = egui::Modal::new(egui::Id::unique("relation-picker")).show(ctx, |ui| {
        ui.heading("Which relation?");
        ui.weak("Press 1–9, or the arrow keys and Enter; Esc cancels");
        ui.add_space(4.0);
        let mut picked = None;
        for (n, option) in picker.options.iter().enumerate() {
            let text = format!("{}  {}", n + 1, option_text(project, option));
            if ui.selectable_label(n == picker.highlighted, text).clicked() {
                picked = Some(option.clone());
            }
        }
        ui.add_space(4.0);
        if ui.button("Cancel").clicked() {
            return PickerOutcome::Cancelled;
        }
        picked.map_or(PickerOutcome::Open, PickerOutcome::Picked)
    });
    match modal.inner {
        PickerOutcome::Open if modal.should_close() => PickerOutcome::Cancelled,
        outcome => outcome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::markup::project_from_markup;
    use crate::model::{ATTRIBUTED_TO, RelationType};

    fn spans(markup: &str) -> (Project, Vec<SpanId>) {
        let (project, doc) = project_from_markup(markup).expect("markup");
        let ids = project.spans_of(doc).iter().map(|s| s.id).collect();
        (project, ids)
    }

    #[test]
    fn either_span_may_be_the_head() {
        let (project, ids) = spans("[قال|source] [المتحدث|claim]");
        let (source, claim) = (ids[0], ids[1]);
        for (a, b) in [(source, claim), (claim, source)] {
            let options = link_options(&project, a, b).expect("attributed_to fits");
            assert_eq!(options.len(), 1);
            assert_eq!(options[0].kind.as_str(), ATTRIBUTED_TO);
            assert_eq!((options[0].head, options[0].child), (claim, source));
        }
    }

    #[test]
    fn no_fitting_type_or_an_existing_relation_says_why() {
        let (mut project, ids) = spans("[قال|actor] [المتحدث|actor] [أمس|claim] [مصدر|source]");
        assert_eq!(
            link_options(&project, ids[0], ids[1]),
            Err("No relation type links an Actor to an Actor".into())
        );
        assert!(link_options(&project, ids[0], ids[0]).is_err());
        let kind = RelationTypeId::new(ATTRIBUTED_TO).expect("id");
        let edit = crate::command::Edit::add_relation(&mut project, kind, ids[2], ids[3]);
        edit.apply(&mut project).expect("relation");
        assert_eq!(
            link_options(&project, ids[3], ids[2]),
            Err("Already linked (attributed to)".into())
        );
    }

    #[test]
    fn several_fitting_types_are_all_offered() {
        let mut schema = crate::model::LabelSchema::default();
        schema
            .add_relation_type(RelationType {
                id: RelationTypeId::new("denied_by").expect("id"),
                name: "denied by".into(),
                heads: vec![LabelId::new("claim").expect("id")],
                children: vec![LabelId::new("source").expect("id")],
                description: String::new(),
            })
            .expect("new type");
        let mut project = Project::new(schema);
        let doc =
            crate::model::markup::add_markup_document(&mut project, "[قال|claim] [مصدر|source]")
                .expect("markup");
        let ids: Vec<SpanId> = project.spans_of(doc).iter().map(|s| s.id).collect();
        let options = link_options(&project, ids[1], ids[0]).expect("two fit");
        assert_eq!(options.len(), 2);
        assert_eq!(option_text(&project, &options[1]), "Claim denied by Source");
    }
}
