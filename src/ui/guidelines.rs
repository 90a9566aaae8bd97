//! The guidelines panel: the project's annotation guidelines (Markdown) read with every line
//! shaped by our engine (Arabic joined and ordered right to left), or edited as plain text.
//!
//! Markdown is parsed by `pulldown-cmark` into blocks (headings, paragraphs, list items, code,
//! rules); their text is wrapped by words and each line drawn with [`paint_shaped`]. Inline
//! emphasis and links are shown as their text (egui's own Markdown viewers draw with egui's text,
//! which cannot shape Arabic).

use egui::{Color32, Role, Sense, Ui, WidgetInfo, vec2};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::shaped_label::{paint_shaped, shaped_size};
use crate::text::TextEngine;
use crate::text::paragraphs::first_strong_rtl;

/// One block of rendered Markdown, with its inline markup reduced to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading of level 1 to 6.
    Heading(u8, String),
    /// A paragraph (hard line breaks kept as `\n`).
    Paragraph(String),
    /// A list item: nesting depth (0 for the outer list), its marker (`•` or `3.`) and text.
    Item {
        /// Nesting depth.
        depth: usize,
        /// `•` or the item's number with a dot.
        marker: String,
        /// The item's text.
        text: String,
    },
    /// A code block, line by line as written.
    Code(String),
    /// A thematic break.
    Rule,
}

/// The blocks of `markdown`, in order.
pub fn markdown_blocks(markdown: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    // Open lists: the next number of each (None: bulleted).
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut text = String::new();
    let mut code = false;
    let flush = |text: &mut String, blocks: &mut Vec<Block>| {
        let content = text.trim().to_owned();
        text.clear();
        if !content.is_empty() {
            blocks.push(Block::Paragraph(content));
        }
    };
    let mut item_marker: Option<(usize, String)> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::List(start)) => {
                if let Some((depth, marker)) = item_marker.take() {
                    push_item(&mut blocks, depth, marker, &mut text);
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                let depth = lists.len().saturating_sub(1);
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let marker = format!("{n}.");
                        *n += 1;
                        marker
                    }
                    _ => "•".to_owned(),
                };
                item_marker = Some((depth, marker));
                text.clear();
            }
            Event::End(TagEnd::Item) => {
                if let Some((depth, marker)) = item_marker.take() {
                    push_item(&mut blocks, depth, marker, &mut text);
                }
            }
            Event::Start(Tag::CodeBlock(_)) => code = true,
            Event::End(TagEnd::CodeBlock) => {
                code = false;
                let content = text.trim_end().to_owned();
                text.clear();
                blocks.push(Block::Code(content));
            }
            Event::End(TagEnd::Heading(level)) => {
                let content = text.trim().to_owned();
                text.clear();
                blocks.push(Block::Heading(heading_level(level), content));
            }
            Event::End(TagEnd::Paragraph) if item_marker.is_none() => {
                flush(&mut text, &mut blocks);
            }
            Event::End(TagEnd::Paragraph) => text.push('\n'),
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                text.push_str(&t);
            }
            Event::SoftBreak => text.push(if code { '\n' } else { ' ' }),
            Event::HardBreak => text.push('\n'),
            Event::Rule => blocks.push(Block::Rule),
            _ => {}
        }
    }
    flush(&mut text, &mut blocks);
    blocks
}

fn push_item(blocks: &mut Vec<Block>, depth: usize, marker: String, text: &mut String) {
    let content = text.trim().to_owned();
    text.clear();
    blocks.push(Block::Item {
        depth,
        marker,
        text: content,
    });
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `text` cut into lines no wider than `width` points at word boundaries (a word wider than the
/// line gets a line of its own and is cut with an ellipsis when drawn). `\n` starts a new line.
fn wrap(ui: &Ui, engine: &mut TextEngine, text: &str, font_size: f32, width: f32) -> Vec<String> {
    let space = shaped_size(ui, engine, " ", font_size, f32::INFINITY).x;
    let mut lines = Vec::new();
    for source_line in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in source_line.split_whitespace() {
            let word_width = shaped_size(ui, engine, word, font_size, f32::INFINITY).x;
            if !line.is_empty() && line_width + space + word_width > width {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if !line.is_empty() {
                line.push(' ');
                line_width += space;
            }
            line.push_str(word);
            line_width += word_width;
        }
        lines.push(line);
    }
    lines
}

/// Draws `text` wrapped to the available width at `font_size`, each line shaped (right-aligned
/// when right-to-left), indented by `indent` points on the side the text starts from, with
/// `marker` (a list bullet or number) in the indent of the first line. Screen readers (and
/// kittest) see the marker and the whole text as one label.
pub fn shaped_paragraph(
    ui: &mut Ui,
    engine: &mut TextEngine,
    text: &str,
    font_size: f32,
    colour: Color32,
    indent: f32,
    marker: Option<&str>,
) {
    let rtl = first_strong_rtl(text).unwrap_or(false);
    let full = ui.available_width();
    let width = (full - indent).max(40.0);
    let lines = wrap(ui, engine, text, font_size, width);
    let line_height = shaped_size(ui, engine, "اب", font_size, f32::INFINITY).y;
    let height = line_height * lines.len() as f32;
    let (rect, response) = ui.allocate_exact_size(vec2(full, height), Sense::hover());
    let left = if rtl {
        rect.left()
    } else {
        rect.left() + indent
    };
    for (i, line) in lines.iter().enumerate() {
        let top = rect.top() + line_height * i as f32;
        let line_rect = egui::Rect::from_min_size(egui::pos2(left, top), vec2(width, line_height));
        paint_shaped(ui, engine, line, font_size, colour, line_rect);
    }
    if let Some(marker) = marker {
        let size = shaped_size(ui, engine, marker, font_size, f32::INFINITY).x;
        let x = if rtl {
            rect.right() - indent + font_size * 0.3
        } else {
            rect.left() + indent - size - font_size * 0.3
        };
        let marker_rect =
            egui::Rect::from_min_size(egui::pos2(x, rect.top()), vec2(size + 1.0, line_height));
        paint_shaped(ui, engine, marker, font_size, colour, marker_rect);
    }
    let name = match marker {
        Some(marker) => format!("{marker} {text}"),
        None => text.to_owned(),
    };
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &name));
}

/// Draws `blocks` (from [`markdown_blocks`]) at `font_size` for body text.
pub fn markdown_ui(ui: &mut Ui, engine: &mut TextEngine, blocks: &[Block], font_size: f32) {
    let colour = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    for block in blocks {
        match block {
            Block::Heading(level, text) => {
                let scale = match level {
                    1 => 1.6,
                    2 => 1.35,
                    3 => 1.15,
                    _ => 1.0,
                };
                ui.add_space(font_size * 0.4);
                shaped_paragraph(ui, engine, text, font_size * scale, strong, 0.0, None);
            }
            Block::Paragraph(text) => {
                shaped_paragraph(ui, engine, text, font_size, colour, 0.0, None);
            }
            Block::Item {
                depth,
                marker,
                text,
            } => {
                let indent = font_size * 1.5 * (*depth as f32 + 1.0);
                shaped_paragraph(ui, engine, text, font_size, colour, indent, Some(marker));
            }
            Block::Code(text) => {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    shaped_paragraph(ui, engine, text, font_size * 0.9, colour, 0.0, None);
                });
            }
            Block::Rule => {
                ui.separator();
            }
        }
        ui.add_space(font_size * 0.3);
    }
}

/// What the user did in the guidelines panel this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuidelinesAnswer {
    /// Save this text as the project's guidelines (one undo step).
    Save(String),
    /// Close the panel.
    Close,
}

/// The guidelines panel's own state: reading or editing, the draft, and the parsed blocks of the
/// text last shown.
#[derive(Default)]
pub struct GuidelinesState {
    /// The text being edited (`None`: reading).
    draft: Option<String>,
    /// The guidelines text the blocks were parsed from, and the blocks.
    parsed: Option<(String, Vec<Block>)>,
}

impl GuidelinesState {
    /// Is the editor open?
    pub fn is_editing(&self) -> bool {
        self.draft.is_some()
    }

    fn blocks(&mut self, text: &str) -> &[Block] {
        if self
            .parsed
            .as_ref()
            .is_none_or(|(source, _)| source != text)
        {
            self.parsed = Some((text.to_owned(), markdown_blocks(text)));
        }
        self.parsed
            .as_ref()
            .map_or(&[], |(_, blocks)| blocks.as_slice())
    }
}

/// The panel's content: read mode (rendered Markdown, Edit button) or edit mode (a multiline
/// text field, Save and Cancel). `template` is offered when the guidelines are empty.
pub fn guidelines_ui(
    ui: &mut Ui,
    engine: &mut TextEngine,
    state: &mut GuidelinesState,
    guidelines: &str,
    template: impl FnOnce() -> String,
) -> Option<GuidelinesAnswer> {
    let mut answer = None;
    ui.horizontal(|ui| {
        ui.heading("Guidelines");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Hide the guidelines")
                .clicked()
            {
                answer = Some(GuidelinesAnswer::Close);
            }
        });
    });
    ui.separator();
    // Naskh reads small beside Latin text of the same size.
    let body = ui.style().text_styles[&egui::TextStyle::Body].size + 4.0;
    if let Some(draft) = &mut state.draft {
        ui.horizontal(|ui| {
            if ui
                .button("Save guidelines")
                .on_hover_text("Keep these guidelines in the project (Ctrl+Z undoes)")
                .clicked()
            {
                answer = Some(GuidelinesAnswer::Save(draft.clone()));
            }
            let cancel = ui
                .button("Cancel")
                .on_hover_text("Leave the guidelines as they were");
            if cancel.clicked() {
                answer = Some(GuidelinesAnswer::Close);
            }
            if draft.trim().is_empty() && ui.button("Start from the labels").clicked() {
                *draft = template();
            }
        });
        egui::ScrollArea::vertical().show(ui, |ui| {
            let response = ui.add(
                egui::TextEdit::multiline(draft)
                    .desired_width(f32::INFINITY)
                    .desired_rows(24)
                    .hint_text("Markdown: # headings, - lists, a section per label with examples"),
            );
            ui.ctx().accesskit_node_builder(response.id, |node| {
                node.set_label("Guidelines text");
            });
        });
        if matches!(
            answer,
            Some(GuidelinesAnswer::Save(_) | GuidelinesAnswer::Close)
        ) {
            state.draft = None;
            // Cancel in edit mode goes back to reading, not closed.
            if answer == Some(GuidelinesAnswer::Close) {
                answer = None;
            }
        }
        return answer;
    }
    if ui
        .button("Edit guidelines")
        .on_hover_text("Write the guidelines in Markdown")
        .clicked()
    {
        state.draft = Some(guidelines.to_owned());
    }
    ui.add_space(4.0);
    if guidelines.trim().is_empty() {
        ui.label("This project has no guidelines yet: Edit guidelines to write them (what each label means, with examples).");
        return answer;
    }
    let blocks = state.blocks(guidelines).to_vec();
    egui::ScrollArea::vertical().show(ui, |ui| {
        markdown_ui(ui, engine, &blocks, body);
    });
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_of_headings_paragraphs_and_lists() {
        let blocks = markdown_blocks(
            "# إرشادات\n\nفقرة **أولى**\nتكمل هنا.\n\n- مثال `أ`\n- مثال ب\n  1. فرعي\n\n---\n\n```\nكود\n```\n",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Heading(1, "إرشادات".into()),
                Block::Paragraph("فقرة أولى تكمل هنا.".into()),
                Block::Item {
                    depth: 0,
                    marker: "•".into(),
                    text: "مثال أ".into()
                },
                Block::Item {
                    depth: 0,
                    marker: "•".into(),
                    text: "مثال ب".into()
                },
                Block::Item {
                    depth: 1,
                    marker: "1.".into(),
                    text: "فرعي".into()
                },
                Block::Rule,
                Block::Code("كود".into()),
            ]
        );
    }

    #[test]
    fn numbered_lists_count_from_their_start() {
        let blocks = markdown_blocks("3. a\n4. b\n");
        let markers: Vec<&str> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Item { marker, .. } => Some(marker.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(markers, ["3.", "4."]);
    }
}
