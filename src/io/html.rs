//! The main text of a saved web page: title, article paragraphs and metadata, without the page's
//! chrome. (Being written: for now every element's text, paragraphs by block.)

use std::collections::BTreeMap;

/// An article extracted from an HTML page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HtmlArticle {
    /// The page's title (its headline), if it has one.
    pub title: Option<String>,
    /// The article's paragraphs joined by blank lines.
    pub text: String,
    /// `url` (canonical or og:url) and `published` (the publication date), where the page has them.
    pub meta: BTreeMap<String, String>,
}

/// Extracts the article from `html`. Never fetches anything and never runs scripts.
pub fn extract(html: &str) -> HtmlArticle {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    HtmlArticle {
        title: None,
        text: text.trim().to_owned(),
        meta: BTreeMap::new(),
    }
}
