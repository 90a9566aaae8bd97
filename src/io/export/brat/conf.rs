//! The configuration files of a brat collection: `annotation.conf` (the label types, and that
//! spans may overlap) and `visual.conf` (the labels' display names and colours).

use std::fmt::Write as _;

use crate::io::export::brat::is_break;
use crate::model::{LabelSchema, Rgb};

/// `annotation.conf`: every label as an entity type. Isnad spans may nest, cross and share
/// offsets; brat marks any of that as an error unless an `<OVERLAP>` rule allows it, so the
/// relations section holds that rule (and the relations themselves later).
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
        "\n[events]\n",
        "\n[attributes]\n",
    ));
    out
}

/// `visual.conf`: each label's display name and colour (text in white on dark colours).
pub(crate) fn visual_conf(schema: &LabelSchema) -> String {
    let mut out = String::from("[labels]\n");
    for label in schema.labels() {
        let name: String = label
            .name
            .chars()
            .map(|c| if c == '|' || is_break(c) { ' ' } else { c })
            .collect();
        let name = name.trim();
        let name = if name.is_empty() {
            label.id.as_str()
        } else {
            name
        };
        // Writing to a String cannot fail.
        let _ = writeln!(out, "{} | {name}", label.id.as_str());
    }
    out.push_str(concat!(
        "\n[drawing]\n",
        "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken\n",
        "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5\n",
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
