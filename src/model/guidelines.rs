//! A project's annotation guidelines: Markdown text written by the team (what each label means,
//! with examples), saved in the project file and exported beside the data.

use crate::model::{LabelSchema, Project};

impl Project {
    /// The annotation guidelines (Markdown; empty when the project has none).
    pub fn guidelines(&self) -> &str {
        &self.guidelines
    }

    /// Replaces the guidelines and returns the previous text (for the inverse edit).
    pub fn set_guidelines(&mut self, text: String) -> String {
        std::mem::replace(&mut self.guidelines, text)
    }
}

/// A starting point for guidelines: a title, then one section per label (its description as the
/// definition, and a place for examples) and a list of the relation types.
pub fn guidelines_template(schema: &LabelSchema) -> String {
    let mut text = String::from("# Annotation guidelines\n\n");
    for label in schema.labels() {
        text.push_str(&format!("## {}\n\n", label.name));
        if label.description.is_empty() {
            text.push_str("Definition: …\n\n");
        } else {
            text.push_str(&format!("{}\n\n", label.description));
        }
        text.push_str("Examples:\n\n- …\n\n");
    }
    let kinds = schema.relation_types();
    if !kinds.is_empty() {
        text.push_str("## Relations\n\n");
        for kind in kinds {
            text.push_str(&format!("- **{}**: {}\n", kind.name, kind.description));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_returns_the_previous_text() {
        let mut project = Project::default();
        assert_eq!(project.guidelines(), "");
        assert_eq!(project.set_guidelines("# أ".to_owned()), "");
        assert_eq!(project.set_guidelines(String::new()), "# أ");
        assert_eq!(project.guidelines(), "");
    }

    #[test]
    fn the_template_has_a_section_per_label() {
        let schema = LabelSchema::default();
        let text = guidelines_template(&schema);
        for label in schema.labels() {
            assert!(text.contains(&format!("## {}\n", label.name)), "{text}");
            assert!(text.contains(&label.description), "{text}");
        }
        assert!(text.contains("## Relations"), "{text}");
    }
}
