//! The label schema: which labels exist, how they look and which key applies them.

use crate::model::attribute::{default_claim_attributes, default_source_attributes};
use crate::model::relation::default_relation_types;
use crate::model::{AttributeDef, LabelId, ModelError, RelationType, RelationTypeId};

/// A colour in sRGB, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Rgb {
    /// Makes a colour from its three channels.
    pub const fn new(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }

    /// The colour as `#RRGGBB`.
    pub fn to_hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

/// One label of the schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Stable id referenced by spans (never changes).
    pub id: LabelId,
    /// Name shown to the user (may be renamed freely).
    pub name: String,
    /// Highlight colour.
    pub colour: Rgb,
    /// Key that applies this label to the selection, if any.
    pub hotkey: Option<char>,
    /// One-line definition shown in tooltips and the guidelines panel.
    pub description: String,
    /// The attributes spans with this label may hold, in display order.
    pub attributes: Vec<AttributeDef>,
}

/// One editable field of a label, with its new value (used by [`LabelSchema::update`] and by
/// `Edit::UpdateLabel`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LabelField {
    /// The display name.
    Name(String),
    /// The highlight colour.
    Colour(Rgb),
    /// The hotkey (or none).
    Hotkey(Option<char>),
    /// The one-line description.
    Description(String),
}

/// The ordered list of labels of a project (ids and hotkeys unique), with the relation types
/// that may link their spans (ids unique).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelSchema {
    labels: Vec<Label>,
    relation_types: Vec<RelationType>,
}

/// Id of the default "Actor" label.
pub const ACTOR: &str = "actor";
/// Id of the default "Claim" label.
pub const CLAIM: &str = "claim";
/// Id of the default "Source" label.
pub const SOURCE: &str = "source";

impl Default for LabelSchema {
    /// Actor, Claim and Source, coloured from the Okabe-Ito palette (distinguishable with the common
    /// colour-vision deficiencies, on light and dark backgrounds), on keys 1, 2 and 3; Source with
    /// the attribute `kind`, Claim with `form` and `certainty`; and the relation types
    /// `attributed_to`, `about` and `speaks_for`.
    fn default() -> Self {
        let label = |id: &str, name: &str, colour: Rgb, key: char, description: &str| Label {
            id: LabelId(id.into()),
            name: name.to_owned(),
            colour,
            hotkey: Some(key),
            description: description.to_owned(),
            attributes: match id {
                CLAIM => default_claim_attributes(),
                SOURCE => default_source_attributes(),
                _ => Vec::new(),
            },
        };
        Self {
            labels: vec![
                label(
                    ACTOR,
                    "Actor",
                    Rgb::new(0x00, 0x72, 0xB2),
                    '1',
                    "A person, group, institution or state that acts or is acted upon in the article",
                ),
                label(
                    CLAIM,
                    "Claim",
                    Rgb::new(0xE6, 0x9F, 0x00),
                    '2',
                    "A statement presented as fact or opinion that someone asserts",
                ),
                label(
                    SOURCE,
                    "Source",
                    Rgb::new(0x00, 0x9E, 0x73),
                    '3',
                    "Who or what the information is attributed to: a person, an anonymous source, a report, a media outlet",
                ),
            ],
            relation_types: default_relation_types(),
        }
    }
}

/// The Okabe-Ito palette without black (distinguishable with the common colour-vision
/// deficiencies), then a few of Paul Tol's muted colours for schemas with many labels.
pub const PALETTE: [Rgb; 12] = [
    Rgb::new(0x00, 0x72, 0xB2), // blue
    Rgb::new(0xE6, 0x9F, 0x00), // orange
    Rgb::new(0x00, 0x9E, 0x73), // bluish green
    Rgb::new(0xCC, 0x79, 0xA7), // reddish purple
    Rgb::new(0x56, 0xB4, 0xE9), // sky blue
    Rgb::new(0xD5, 0x5E, 0x00), // vermillion
    Rgb::new(0xF0, 0xE4, 0x42), // yellow
    Rgb::new(0x88, 0x22, 0x55), // wine
    Rgb::new(0x44, 0xAA, 0x99), // teal
    Rgb::new(0x99, 0x99, 0x33), // olive
    Rgb::new(0x33, 0x22, 0x88), // indigo
    Rgb::new(0xDD, 0xCC, 0x77), // sand
];

impl LabelSchema {
    /// The first [`PALETTE`] colour no label uses (cycling through the palette when all are
    /// taken): the colour of a new label.
    pub fn unused_colour(&self) -> Rgb {
        let used = |c: &Rgb| self.labels.iter().any(|l| l.colour == *c);
        PALETTE
            .iter()
            .find(|c| !used(c))
            .copied()
            .unwrap_or(PALETTE[self.labels.len() % PALETTE.len()])
    }

    /// A schema without labels or relation types.
    pub fn empty() -> Self {
        Self {
            labels: Vec::new(),
            relation_types: Vec::new(),
        }
    }

    /// The relation types, in display order.
    pub fn relation_types(&self) -> &[RelationType] {
        &self.relation_types
    }

    /// The relation type with this id.
    pub fn relation_type(&self, id: &RelationTypeId) -> Option<&RelationType> {
        self.relation_types.iter().find(|t| &t.id == id)
    }

    /// The relation type with this id, looked up by string.
    pub fn relation_type_str(&self, id: &str) -> Option<&RelationType> {
        self.relation_types.iter().find(|t| t.id.as_str() == id)
    }

    /// The relation types that may go from a span labelled `head` to one labelled `child`.
    pub fn fitting_relation_types(&self, head: &LabelId, child: &LabelId) -> Vec<&RelationType> {
        self.relation_types
            .iter()
            .filter(|t| t.fits(head, child))
            .collect()
    }

    /// Appends a relation type, refusing an invalid or duplicate id.
    pub fn add_relation_type(&mut self, kind: RelationType) -> Result<(), ModelError> {
        if !crate::model::ids::is_valid_id(kind.id.as_str()) {
            return Err(ModelError::InvalidRelationType(kind.id.0));
        }
        if self.relation_type(&kind.id).is_some() {
            return Err(ModelError::DuplicateRelationType(kind.id));
        }
        self.relation_types.push(kind);
        Ok(())
    }

    /// The attribute `name` declared by label `label`.
    pub fn attribute(&self, label: &LabelId, name: &str) -> Option<&AttributeDef> {
        self.get(label)?.attributes.iter().find(|a| a.name == name)
    }

    /// Builds a schema from labels, refusing duplicate ids or hotkeys.
    pub fn from_labels(labels: Vec<Label>) -> Result<Self, ModelError> {
        let mut schema = Self::empty();
        for label in labels {
            let at = schema.len();
            schema.insert(at, label)?;
        }
        Ok(schema)
    }

    /// The labels in display order.
    pub fn labels(&self) -> &[Label] {
        &self.labels
    }

    /// Number of labels.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether the schema has no label.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The label with this id.
    pub fn get(&self, id: &LabelId) -> Option<&Label> {
        self.labels.iter().find(|l| &l.id == id)
    }

    /// The label with this id, looked up by string.
    pub fn get_str(&self, id: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.id.as_str() == id)
    }

    /// Position of the label in display order.
    pub fn index_of(&self, id: &LabelId) -> Option<usize> {
        self.labels.iter().position(|l| &l.id == id)
    }

    /// Whether a label with this id exists.
    pub fn contains(&self, id: &LabelId) -> bool {
        self.index_of(id).is_some()
    }

    /// The label applied by this hotkey.
    pub fn by_hotkey(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.hotkey == Some(key))
    }

    fn check_hotkey(&self, key: Option<char>, except: &LabelId) -> Result<(), ModelError> {
        match key.and_then(|k| self.by_hotkey(k)) {
            Some(other) if &other.id != except => Err(ModelError::DuplicateHotkey {
                hotkey: key.unwrap_or_default(),
                label: other.id.clone(),
            }),
            _ => Ok(()),
        }
    }

    /// Checks that `label` could be inserted at `index` (unique id and hotkey, index in range).
    pub fn check_insert(&self, index: usize, label: &Label) -> Result<(), ModelError> {
        if index > self.labels.len() {
            return Err(ModelError::LabelIndexOutOfRange {
                index,
                len: self.labels.len(),
            });
        }
        if !LabelId::is_valid(label.id.as_str()) {
            return Err(ModelError::InvalidLabelId(label.id.as_str().to_owned()));
        }
        if self.contains(&label.id) {
            return Err(ModelError::DuplicateLabel(label.id.clone()));
        }
        for (i, attribute) in label.attributes.iter().enumerate() {
            attribute.check()?;
            if label.attributes[..i]
                .iter()
                .any(|a| a.name == attribute.name)
            {
                return Err(ModelError::InvalidAttribute(format!(
                    "label “{}” declares the attribute “{}” twice",
                    label.id, attribute.name
                )));
            }
        }
        self.check_hotkey(label.hotkey, &label.id)
    }

    /// Inserts a label at `index` in display order.
    pub fn insert(&mut self, index: usize, label: Label) -> Result<(), ModelError> {
        self.check_insert(index, &label)?;
        self.labels.insert(index, label);
        Ok(())
    }

    /// Removes a label, returning its position and the label. Spans are not touched here: use
    /// [`crate::model::Project::remove_label`] to remove the label's spans too.
    pub(crate) fn remove(&mut self, id: &LabelId) -> Result<(usize, Label), ModelError> {
        let index = self
            .index_of(id)
            .ok_or_else(|| ModelError::UnknownLabel(id.clone()))?;
        Ok((index, self.labels.remove(index)))
    }

    /// Sets one field of a label and returns the field with its previous value.
    pub fn update(&mut self, id: &LabelId, field: LabelField) -> Result<LabelField, ModelError> {
        let index = self
            .index_of(id)
            .ok_or_else(|| ModelError::UnknownLabel(id.clone()))?;
        if let LabelField::Hotkey(key) = field {
            self.check_hotkey(key, id)?;
        }
        let label = &mut self.labels[index];
        Ok(match field {
            LabelField::Name(v) => LabelField::Name(std::mem::replace(&mut label.name, v)),
            LabelField::Colour(v) => LabelField::Colour(std::mem::replace(&mut label.colour, v)),
            LabelField::Hotkey(v) => LabelField::Hotkey(std::mem::replace(&mut label.hotkey, v)),
            LabelField::Description(v) => {
                LabelField::Description(std::mem::replace(&mut label.description, v))
            }
        })
    }
}
