//! The optional "Cue" label (PARC 3.0's source / cue / content): not in the default schema, added
//! with one click from the label editor; when a project has it, cues are proposed as its spans.

use crate::model::{Label, LabelId, LabelSchema, ModelError};

/// Id of the optional cue label.
pub const CUE: &str = "cue";

/// The cue label for `schema`: id `cue`, a colour the schema does not use yet, the first free
/// digit key. `None` when the schema already has a label with that id.
pub fn cue_label(schema: &LabelSchema) -> Option<Label> {
    if schema.get_str(CUE).is_some() {
        return None;
    }
    let id = LabelId::new(CUE).ok()?;
    let hotkey = ('1'..='9').find(|&k| schema.by_hotkey(k).is_none());
    Some(Label {
        id,
        name: "Cue".to_owned(),
        colour: schema.unused_colour(),
        hotkey,
        description:
            "The reporting expression that links a claim to its source (قال، بحسب، according to)"
                .to_owned(),
        attributes: Vec::new(),
    })
}

/// `schema` with the cue label added at the end (unchanged when it already has one).
pub fn with_cue_label(mut schema: LabelSchema) -> Result<LabelSchema, ModelError> {
    if let Some(label) = cue_label(&schema) {
        let at = schema.len();
        schema.insert(at, label)?;
    }
    Ok(schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_the_cue_label_once_with_a_free_key() {
        let schema = with_cue_label(LabelSchema::default()).unwrap_or_else(|_| unreachable!());
        let cue = schema.get_str(CUE).map(|l| (l.name.clone(), l.hotkey));
        assert_eq!(cue, Some(("Cue".to_owned(), Some('4'))));
        let again = with_cue_label(schema.clone()).unwrap_or_else(|_| unreachable!());
        assert_eq!(again.len(), schema.len());
        assert!(cue_label(&again).is_none());
    }
}
