//! The Label Studio labelling config written beside the tasks: the labels, the text, the
//! per-region note box, a per-region control for each span attribute (shown when a region with a
//! label declaring it is selected) and the relation types.

use crate::io::export::label_studio::{LABELS_NAME, NOTE_NAME, TEXT_NAME};
use crate::model::{AttributeKind, Project};

/// Control names the config already uses: an attribute with one of these names gets the control
/// `attribute_<name>` instead.
const RESERVED: [&str; 3] = [LABELS_NAME, TEXT_NAME, NOTE_NAME];

/// The name of the per-region control (and `from_name` of results) holding attribute `name`: the
/// attribute's own name, or `attribute_<name>` for the names the config already uses.
pub(crate) fn attribute_control(name: &str) -> String {
    if RESERVED.contains(&name) {
        format!("attribute_{name}")
    } else {
        name.to_owned()
    }
}

/// The attribute a per-region control holds (the inverse of [`attribute_control`]).
pub(crate) fn attribute_of_control(control: &str) -> &str {
    match control.strip_prefix("attribute_") {
        Some(name) if RESERVED.contains(&name) => name,
        _ => control,
    }
}

/// One attribute control: the labels declaring the attribute and the values offered.
struct Control<'a> {
    name: &'a str,
    labels: Vec<&'a str>,
    /// `None` for free text, else the choices (`yes`/`no` for a flag).
    choices: Option<Vec<&'a str>>,
}

/// The attribute controls, one per attribute name, in schema order. An attribute declared by
/// several labels gets one control listing all of them (and, for choices, every value any of
/// them offers); its kind is the first declaration's.
fn controls(project: &Project) -> Vec<Control<'_>> {
    let mut out: Vec<Control<'_>> = Vec::new();
    for label in project.schema().labels() {
        for def in &label.attributes {
            let values: Option<Vec<&str>> = match &def.kind {
                AttributeKind::Choice(values) => Some(values.iter().map(String::as_str).collect()),
                AttributeKind::Flag => Some(vec!["yes", "no"]),
                AttributeKind::Text => None,
            };
            match out.iter_mut().find(|c| c.name == def.name) {
                Some(control) => {
                    control.labels.push(label.id.as_str());
                    if let (Some(choices), Some(values)) = (&mut control.choices, values) {
                        for value in values {
                            if !choices.contains(&value) {
                                choices.push(value);
                            }
                        }
                    }
                }
                None => out.push(Control {
                    name: &def.name,
                    labels: vec![label.id.as_str()],
                    choices: values,
                }),
            }
        }
    }
    out
}

/// The labelling config: one `Label` per label of the schema (value = label id, colour, name and
/// description as the hover hint), the text shown right to left where it is Arabic and with its
/// spaces kept, the per-region note box, one per-region `Choices` (choices and flags) or
/// `TextArea` (free text) per attribute, and one `Relation` per relation type.
pub(crate) fn label_config(project: &Project) -> String {
    let mut xml = String::from("<View>\n");
    xml.push_str(
        "  <Style>.htx-text { white-space: pre-wrap; unicode-bidi: plaintext; text-align: start; }</Style>\n",
    );
    xml.push_str(&format!(
        "  <Labels name=\"{LABELS_NAME}\" toName=\"{TEXT_NAME}\">\n"
    ));
    for label in project.schema().labels() {
        let mut hint = label.name.clone();
        if !label.description.is_empty() {
            hint.push_str(": ");
            hint.push_str(&label.description);
        }
        xml.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\" hint=\"{}\"/>\n",
            xml_escape(label.id.as_str()),
            label.colour.to_hex(),
            xml_escape(&hint)
        ));
    }
    xml.push_str("  </Labels>\n");
    xml.push_str(&format!("  <Text name=\"{TEXT_NAME}\" value=\"$text\"/>\n"));
    let types = project.schema().relation_types();
    if !types.is_empty() {
        xml.push_str("  <Relations>\n");
        for kind in types {
            xml.push_str(&format!(
                "    <Relation value=\"{}\"/>\n",
                xml_escape(kind.id.as_str())
            ));
        }
        xml.push_str("  </Relations>\n");
    }
    xml.push_str("  <View visibleWhen=\"region-selected\">\n");
    xml.push_str("    <Header value=\"Note\"/>\n");
    xml.push_str(&format!(
        "    <TextArea name=\"{NOTE_NAME}\" toName=\"{TEXT_NAME}\" perRegion=\"true\" editable=\"true\" placeholder=\"Note on this span\"/>\n"
    ));
    xml.push_str("  </View>\n");
    for control in controls(project) {
        let name = xml_escape(&attribute_control(control.name));
        xml.push_str(&format!(
            "  <View visibleWhen=\"region-selected\" whenLabelValue=\"{}\">\n",
            xml_escape(&control.labels.join(","))
        ));
        xml.push_str(&format!(
            "    <Header value=\"{}\"/>\n",
            xml_escape(control.name)
        ));
        match control.choices {
            Some(choices) => {
                xml.push_str(&format!(
                    "    <Choices name=\"{name}\" toName=\"{TEXT_NAME}\" perRegion=\"true\" choice=\"single\" showInline=\"true\">\n"
                ));
                for choice in choices {
                    xml.push_str(&format!(
                        "      <Choice value=\"{}\"/>\n",
                        xml_escape(choice)
                    ));
                }
                xml.push_str("    </Choices>\n");
            }
            None => xml.push_str(&format!(
                "    <TextArea name=\"{name}\" toName=\"{TEXT_NAME}\" perRegion=\"true\" editable=\"true\" maxSubmissions=\"1\"/>\n"
            )),
        }
        xml.push_str("  </View>\n");
    }
    xml.push_str("</View>\n");
    xml
}

/// `text` with the five XML special characters escaped (safe in attributes and content).
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_attributes() {
        assert_eq!(
            xml_escape(r#"a<b & "c" 'd'>"#),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(xml_escape("فاعل"), "فاعل");
    }

    #[test]
    fn attribute_controls_avoid_the_reserved_names_and_read_back() {
        for name in ["kind", "note", "label", "text", "attribute_x", "verified"] {
            let control = attribute_control(name);
            assert!(!RESERVED.contains(&control.as_str()), "{control}");
            assert_eq!(attribute_of_control(&control), name);
        }
        assert_eq!(attribute_control("kind"), "kind");
        assert_eq!(attribute_control("note"), "attribute_note");
    }
}
