//! Label colours: conversion between the model's [`Rgb`] and egui, and the palette new labels
//! take their colour from.

use egui::Color32;

use crate::model::{LabelSchema, Rgb};

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

/// The model colour as an egui colour.
pub fn to_color32(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.r, rgb.g, rgb.b)
}

/// The first palette colour no label of `schema` uses (cycling through the palette when all
/// are taken).
pub fn next_colour(schema: &LabelSchema) -> Rgb {
    let used = |c: &Rgb| schema.labels().iter().any(|l| l.colour == *c);
    PALETTE
        .iter()
        .find(|c| !used(c))
        .copied()
        .unwrap_or(PALETTE[schema.len() % PALETTE.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_colour_skips_the_colours_in_use() {
        let schema = LabelSchema::default();
        let colour = next_colour(&schema);
        assert!(schema.labels().iter().all(|l| l.colour != colour));
        assert_eq!(colour, PALETTE[3]);
        assert_eq!(next_colour(&LabelSchema::empty()), PALETTE[0]);
    }
}
