//! Span attributes: typed properties declared per label in the schema (a source's kind, a claim's
//! form and certainty), and the values a span holds for them.

use std::fmt;

use crate::model::ModelError;

/// What values an attribute takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttributeKind {
    /// One of a fixed list of values (each an id: letters, digits, `_` or `-`, so that every
    /// format, brat included, can write it without quoting).
    Choice(Vec<String>),
    /// Yes or no.
    Flag,
    /// Free text.
    Text,
}

/// One attribute a label declares: spans with that label may hold a value for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttributeDef {
    /// Name, unique within the label (an id: letters, digits, `_` or `-`).
    pub name: String,
    /// The values it takes.
    pub kind: AttributeKind,
}

/// A span's value for one attribute.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttributeValue {
    /// One of the declared choices.
    Choice(String),
    /// Yes or no.
    Flag(bool),
    /// Free text.
    Text(String),
}

impl AttributeValue {
    /// The value as text, the way exports write it (`true`/`false` for flags).
    pub fn as_text(&self) -> String {
        match self {
            AttributeValue::Choice(s) | AttributeValue::Text(s) => s.clone(),
            AttributeValue::Flag(b) => b.to_string(),
        }
    }
}

impl fmt::Display for AttributeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttributeValue::Choice(s) => f.write_str(&s.replace('_', " ")),
            AttributeValue::Flag(true) => f.write_str("yes"),
            AttributeValue::Flag(false) => f.write_str("no"),
            AttributeValue::Text(s) => f.write_str(s),
        }
    }
}

impl AttributeDef {
    /// A one-of-a-list attribute.
    pub fn choice(name: &str, values: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            kind: AttributeKind::Choice(values.iter().map(|v| (*v).to_owned()).collect()),
        }
    }

    /// A yes/no attribute.
    pub fn flag(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            kind: AttributeKind::Flag,
        }
    }

    /// A free-text attribute.
    pub fn text(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            kind: AttributeKind::Text,
        }
    }

    /// Whether `value` is one this attribute takes.
    pub fn accepts(&self, value: &AttributeValue) -> bool {
        match (&self.kind, value) {
            (AttributeKind::Choice(values), AttributeValue::Choice(v)) => values.contains(v),
            (AttributeKind::Flag, AttributeValue::Flag(_))
            | (AttributeKind::Text, AttributeValue::Text(_)) => true,
            _ => false,
        }
    }

    /// Reads a value written as text (`parse(v.as_text()) == v`): a choice by its id, a flag from
    /// `true`/`false` (also `yes`/`no`, `1`/`0`), free text as is. `None` when the text is not a
    /// value of this attribute.
    pub fn parse(&self, text: &str) -> Option<AttributeValue> {
        match &self.kind {
            AttributeKind::Choice(values) => values
                .iter()
                .find(|v| v.as_str() == text)
                .map(|v| AttributeValue::Choice(v.clone())),
            AttributeKind::Flag => match text.to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => Some(AttributeValue::Flag(true)),
                "false" | "no" | "0" => Some(AttributeValue::Flag(false)),
                _ => None,
            },
            AttributeKind::Text => Some(AttributeValue::Text(text.to_owned())),
        }
    }

    /// Checks the name and the choices: ids, choices non-empty and distinct.
    pub fn check(&self) -> Result<(), ModelError> {
        let invalid = |what: String| Err(ModelError::InvalidAttribute(what));
        if !crate::model::ids::is_valid_id(&self.name) {
            return invalid(format!(
                "“{}” is not a valid attribute name (use letters, digits, '_' or '-')",
                self.name
            ));
        }
        if let AttributeKind::Choice(values) = &self.kind {
            if values.is_empty() {
                return invalid(format!("attribute “{}” has no choices", self.name));
            }
            for (i, v) in values.iter().enumerate() {
                if !crate::model::ids::is_valid_id(v) {
                    return invalid(format!(
                        "choice “{v}” of attribute “{}” is not valid (use letters, digits, '_' or '-')",
                        self.name
                    ));
                }
                if values[..i].contains(v) {
                    return invalid(format!(
                        "attribute “{}” lists the choice “{v}” twice",
                        self.name
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The attributes the default Source label declares: `kind`.
pub fn default_source_attributes() -> Vec<AttributeDef> {
    vec![AttributeDef::choice(
        "kind",
        &[
            "named_person",
            "anonymous",
            "institution",
            "media_outlet",
            "document",
        ],
    )]
}

/// The attributes the default Claim label declares: `form` and `certainty`.
pub fn default_claim_attributes() -> Vec<AttributeDef> {
    vec![
        AttributeDef::choice("form", &["direct_quote", "indirect_speech", "paraphrase"]),
        AttributeDef::choice("certainty", &["asserted", "hedged", "denied"]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_back_from_their_text() {
        let defs = [
            AttributeDef::choice("kind", &["a", "b_c"]),
            AttributeDef::flag("verified"),
            AttributeDef::text("comment"),
        ];
        let values = [
            AttributeValue::Choice("b_c".into()),
            AttributeValue::Flag(false),
            AttributeValue::Text("قال ذلك".into()),
        ];
        for (def, value) in defs.iter().zip(&values) {
            assert!(def.accepts(value));
            assert_eq!(def.parse(&value.as_text()).as_ref(), Some(value));
        }
        assert_eq!(defs[0].parse("z"), None);
        assert_eq!(defs[1].parse("maybe"), None);
        assert!(!defs[0].accepts(&AttributeValue::Choice("z".into())));
        assert!(!defs[1].accepts(&AttributeValue::Text("true".into())));
    }

    #[test]
    fn declarations_are_checked() {
        assert!(AttributeDef::choice("kind", &["a", "b"]).check().is_ok());
        assert!(AttributeDef::choice("kind", &[]).check().is_err());
        assert!(AttributeDef::choice("kind", &["a", "a"]).check().is_err());
        assert!(AttributeDef::choice("kind", &["a b"]).check().is_err());
        assert!(AttributeDef::flag("two words").check().is_err());
        for def in default_claim_attributes()
            .iter()
            .chain(&default_source_attributes())
        {
            assert!(def.check().is_ok(), "{def:?}");
        }
    }
}
