//! Finding the article among a page's blocks: paragraphs score by length and punctuation (Arabic
//! and Latin), less their share of link text, into their ancestors; the best element, with its
//! strong siblings, is the article; chrome inside it (by names, headings and links) is left out.

use super::hints::is_chrome_heading;
use super::tree::{NONE, Outline, Paragraph};

/// Paragraphs shorter than this (in characters) do not score.
const MIN_SCORED: usize = 25;

/// The chosen element and the indexes of the article's paragraphs, in order.
pub(super) struct Selection {
    /// The element holding the article ([`NONE`] if there is no text at all).
    pub container: usize,
    /// Paragraph indexes.
    pub paragraphs: Vec<usize>,
}

fn is_text_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "pre" | "dt" | "dd"
    )
}

fn paragraph_score(p: &Paragraph) -> f64 {
    if p.chars < MIN_SCORED {
        return 0.0;
    }
    let punctuation = p
        .text
        .chars()
        .filter(|c| matches!(c, ',' | '،' | '.' | '؛' | ';' | '؟' | '?' | '!'))
        .count()
        .min(10);
    let links = p.link_chars as f64 / p.chars as f64;
    (1.0 + punctuation as f64 + (p.chars as f64 / 100.0).min(3.0)) * (1.0 - links)
}

/// Chooses the article's paragraphs.
pub(super) fn select(outline: &Outline) -> Selection {
    let elements = &outline.elements;
    let n = elements.len();
    // Chrome that holds an article or main content (a layout wrapper "has-sidebar", an ASP.NET
    // page-wide form) is not chrome.
    let mut holds_content = vec![false; n];
    for id in (1..n).rev() {
        let e = &elements[id];
        let own = e.hint.content || matches!(&*e.tag, "article" | "main");
        holds_content[id] |= own;
        if e.parent != NONE {
            holds_content[e.parent] |= holds_content[id];
        }
    }
    let mut chrome_near = vec![NONE; n];
    for id in 0..n {
        let e = &elements[id];
        let inherited = if e.parent == NONE {
            NONE
        } else {
            chrome_near[e.parent]
        };
        chrome_near[id] = if e.chrome && !holds_content[id] {
            id
        } else {
            inherited
        };
    }
    let scores = score(outline, &chrome_near, false);
    let scores = if scores.iter().all(|&s| s <= 0.0) {
        score(outline, &chrome_near, true)
    } else {
        scores
    };
    let Some(best) = (0..n)
        .filter(|&id| scores[id] > 0.0)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
    else {
        return Selection {
            container: NONE,
            paragraphs: Vec::new(),
        };
    };
    // The best element and its siblings that score well or hold a long plain paragraph.
    let mut roots = vec![best];
    let parent = elements[best].parent;
    if parent != NONE {
        let threshold = (scores[best] * 0.2).max(10.0);
        roots = (parent + 1..elements[parent].end)
            .filter(|&id| elements[id].parent == parent)
            .filter(|&id| id == best || chrome_near[id] == NONE && scores[id] >= threshold)
            .collect();
    }
    let inside = |owner: usize| {
        roots
            .iter()
            .find(|&&root| root <= owner && owner < elements[root].end)
            .copied()
    };
    let mut paragraphs = Vec::new();
    let mut skip_scope: Option<usize> = None;
    let mut skip_links = false;
    for (index, p) in outline.paragraphs.iter().enumerate() {
        let Some(root) = inside(p.owner) else {
            continue;
        };
        let owner = &elements[p.owner];
        if owner.hard || (chrome_near[p.owner] != NONE && chrome_near[p.owner] >= root) {
            continue;
        }
        if let Some(scope) = skip_scope {
            if scope < p.owner && p.owner < elements[scope].end {
                continue;
            }
            skip_scope = None;
        }
        if skip_links {
            if p.link_chars > 0 || &*owner.tag == "li" {
                continue;
            }
            skip_links = false;
        }
        if is_chrome_heading(&p.text) {
            let scope = if is_text_block(&owner.tag) || p.owner == root {
                owner.parent
            } else {
                p.owner
            };
            if scope != NONE && scope > root {
                skip_scope = Some(scope);
            } else {
                skip_links = true;
            }
            continue;
        }
        if p.link_chars * 2 > p.chars {
            continue;
        }
        paragraphs.push(index);
    }
    Selection {
        container: best,
        paragraphs,
    }
}

/// Element scores: paragraph scores added to the paragraph's block (its parent for `<p>`, `<li>`
/// and headings), half to the next ancestor, a third to the one after; times one less the element's
/// link density, plus a bonus for content names and `<article>`. Chrome paragraphs count only with
/// `with_chrome`.
fn score(outline: &Outline, chrome_near: &[usize], with_chrome: bool) -> Vec<f64> {
    let elements = &outline.elements;
    let n = elements.len();
    let mut acc = vec![0.0f64; n];
    let mut chars = vec![0usize; n];
    let mut link_chars = vec![0usize; n];
    for p in &outline.paragraphs {
        let owner = &elements[p.owner];
        chars[p.owner] += p.chars;
        link_chars[p.owner] += p.link_chars;
        if owner.hard || (!with_chrome && chrome_near[p.owner] != NONE) {
            continue;
        }
        let s = paragraph_score(p);
        let mut at = if is_text_block(&owner.tag) {
            owner.parent
        } else {
            p.owner
        };
        for share in [1.0, 0.5, 1.0 / 3.0] {
            if at == NONE {
                break;
            }
            acc[at] += s * share;
            at = elements[at].parent;
        }
    }
    for id in (1..n).rev() {
        let parent = elements[id].parent;
        if parent != NONE {
            chars[parent] += chars[id];
            link_chars[parent] += link_chars[id];
        }
    }
    (0..n)
        .map(|id| {
            let e = &elements[id];
            if acc[id] <= 0.0 || e.hard || (!with_chrome && chrome_near[id] != NONE) {
                return 0.0;
            }
            let bonus = if e.hint.content || &*e.tag == "article" {
                1.25
            } else {
                1.0
            };
            let density = link_chars[id] as f64 / chars[id].max(1) as f64;
            acc[id] * bonus * (1.0 - density)
        })
        .collect()
}
