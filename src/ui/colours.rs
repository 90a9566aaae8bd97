//! Label colours: conversion between the model's [`Rgb`] and egui, and the colour of a new label
//! (from [`crate::model::PALETTE`]).

use egui::Color32;

use crate::model::{LabelSchema, Rgb};

/// The model colour as an egui colour.
pub fn to_color32(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.r, rgb.g, rgb.b)
}

/// The first palette colour no label of `schema` uses (see [`LabelSchema::unused_colour`]).
pub fn next_colour(schema: &LabelSchema) -> Rgb {
    schema.unused_colour()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PALETTE;

    #[test]
    fn next_colour_skips_the_colours_in_use() {
        let schema = LabelSchema::default();
        let colour = next_colour(&schema);
        assert!(schema.labels().iter().all(|l| l.colour != colour));
        assert_eq!(colour, PALETTE[3]);
        assert_eq!(next_colour(&LabelSchema::empty()), PALETTE[0]);
    }
}
