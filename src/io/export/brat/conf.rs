//! The configuration files of a brat collection: `annotation.conf` (the label types, that spans
//! may overlap, the relation types and the attributes) and `visual.conf` (the labels' and
//! relation types' display names, the labels' colours).

use std::fmt::Write as _;

use crate::io::export::brat::is_break;
use crate::model::{AttributeKind, LabelSchema, Rgb};

/// `annotation.conf`: every label as an entity type. Isnad spans may nest, cross and share
/// offsets; brat marks any of that as an error unless an `<OVERLAP>` rule allows it, so the
/// relations section holds that rule, then each relation type with the labels of its head
/// (`Arg1`) and child (`Arg2`). Choice and flag attributes are multi-valued brat attributes (a
/// flag's values are `yes` and `no`), one declaration per name listing every label declaring it;
/// free-text attributes, which brat cannot declare, are listed in a comment.
pub(crate) fn annotation_conf(schema: &LabelSchema) -> String {
    let mut out = String::from(
        "# Labels exported by Isnad (label ids; display names in visual.conf).\n[entities]\n",
    );
    for label in schema.labels() {
        out.push_str(label.id.as_str());
        out.push('\n');
    }
    out.push_str(concat!(
        "\n[relations]\n",
        "# Spans may nest, cross and share offsets.\n",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n",
    ));
    for kind in schema.relation_types() {
        let known = |ids: &[crate::model::LabelId]| {
            ids.iter()
                .filter(|id| schema.contains(id))
                .map(|id| id.as_str())
                .collect::<Vec<_>>()
                .join("|")
        };
        let (heads, children) = (known(&kind.heads), known(&kind.children));
        if !heads.is_empty() && !children.is_empty() {
            // Writing to a String cannot fail.
            let _ = writeln!(out, "{}\tArg1:{heads}, Arg2:{children}", kind.id);
        }
    }
    out.push_str("\n[events]\n\n[attributes]\n");
    let mut declared: Vec<(&str, Vec<&str>, Vec<&str>)> = Vec::new();
    let mut free_text: Vec<String> = Vec::new();
    for label in schema.labels() {
        for def in &label.attributes {
            let values: Vec<&str> = match &def.kind {
                AttributeKind::Choice(values) => values.iter().map(String::as_str).collect(),
                AttributeKind::Flag => vec!["yes", "no"],
                AttributeKind::Text => {
                    free_text.push(format!("{} ({})", def.name, label.id));
                    continue;
                }
            };
            match declared.iter_mut().find(|(name, _, _)| *name == def.name) {
                Some((_, labels, all)) => {
                    labels.push(label.id.as_str());
                    for value in values {
                        if !all.contains(&value) {
                            all.push(value);
                        }
                    }
                }
                None => declared.push((&def.name, vec![label.id.as_str()], values)),
            }
        }
    }
    for (name, labels, values) in declared {
        let _ = writeln!(
            out,
            "{name}\tArg:{}, Value:{}",
            labels.join("|"),
            values.join("|")
        );
    }
    if !free_text.is_empty() {
        let _ = writeln!(
            out,
            "# Free-text attributes, written as comments of type Attribute.<name>: {}",
            free_text.join(", ")
        );
    }
    out
}

/// `name` for a `visual.conf` label line: `|` and breaks as spaces, trimmed, `fallback` if empty.
fn display_name<'a>(name: &str, fallback: &'a str) -> std::borrow::Cow<'a, str> {
    let name: String = name
        .chars()
        .map(|c| if c == '|' || is_break(c) { ' ' } else { c })
        .collect();
    let name = name.trim();
    if name.is_empty() {
        fallback.into()
    } else {
        name.to_owned().into()
    }
}

/// `visual.conf`: each label's display name and colour (text in white on dark colours), each
/// relation type's display name.
pub(crate) fn visual_conf(schema: &LabelSchema) -> String {
    let mut out = String::from("[labels]\n");
    for label in schema.labels() {
        let name = display_name(&label.name, label.id.as_str());
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{} | {name}", label.id.as_str());
    }
    for kind in schema.relation_types() {
        let name = display_name(&kind.name, kind.id.as_str());
        let _ = writeln!(out, "{} | {name}", kind.id.as_str());
    }
    out.push_str(concat!(
        "\n[drawing]\n",
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n",
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n",
        "ATTRIBUTE_DEFAULT\tglyph:*\n",
    ));
    for label in schema.labels() {
        let _ = writeln!(
            out,
            "{}\tbgColor:{}, fgColor:{}, borderColor:darken",
            label.id.as_str(),
            label.colour.to_hex(),
            if is_dark(label.colour) {
                "white"
            } else {
                "black"
            }
        );
    }
    out
}

/// Whether black text would be hard to read on `colour` (perceived brightness below half).
fn is_dark(colour: Rgb) -> bool {
    let brightness =
        299 * u32::from(colour.r) + 587 * u32::from(colour.g) + 114 * u32::from(colour.b);
    brightness < 128_000
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_colours_get_white_text() {
        assert!(is_dark(Rgb::new(0x00, 0x72, 0xB2)));
        assert!(!is_dark(Rgb::new(0xE6, 0x9F, 0x00)));
        assert!(!is_dark(Rgb::new(0xFF, 0xFF, 0xFF)));
    }
}
