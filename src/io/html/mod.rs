//! The main text of a saved web page: title, article paragraphs and metadata, without the page's
//! chrome (navigation, search, share buttons, comments, related articles, footers, scripts).
//! Nothing is fetched and no script runs: the page is only tokenized.

mod charset;
mod hints;
mod meta;
mod select;
mod tree;

use std::collections::BTreeMap;

pub use charset::declared_encoding;

/// Pages longer than this (in bytes) are read only up to it.
pub const MAX_HTML_BYTES: usize = 64 * 1024 * 1024;

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

/// Extracts the article from `html`. Never fetches anything and never runs scripts; linear in
/// the page's length whatever its nesting, and never panics.
pub fn extract(html: &str) -> HtmlArticle {
    let mut end = html.len().min(MAX_HTML_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let outline = tree::outline(&html[..end]);
    let selection = select::select(&outline);
    let (title, title_paragraph) = title(&outline, selection.container);
    let mut title_seen = false;
    let paragraphs: Vec<&str> = selection
        .paragraphs
        .iter()
        .filter(|&&index| Some(index) != title_paragraph)
        .filter_map(|&index| {
            let text = outline.paragraphs[index].text.as_str();
            // The headline as a paragraph of its own, or as the first line of one (a `<br>`
            // after a bold headline on old pages), is the title, not body text.
            let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
            if !title_seen && title.as_deref() == Some(first.trim()) {
                title_seen = true;
                let rest = rest.trim();
                return (!rest.is_empty()).then_some(rest);
            }
            Some(text)
        })
        .collect();
    let mut meta = BTreeMap::new();
    if let Some(url) = meta::url(&outline) {
        meta.insert("url".to_owned(), url);
    }
    if let Some(published) = meta::published(&outline, selection.container) {
        meta.insert("published".to_owned(), published);
    }
    HtmlArticle {
        title,
        text: paragraphs.join("\n\n"),
        meta,
    }
}

/// The headline: the `<h1>` nearest the article, else `og:title`, else `<title>` without the
/// site's name, else any `<h1>` of two words or more. Also the headline's paragraph, if any.
fn title(outline: &tree::Outline, container: usize) -> (Option<String>, Option<usize>) {
    let elements = &outline.elements;
    let h1s: Vec<usize> = (0..outline.paragraphs.len())
        .filter(|&i| {
            let owner = &elements[outline.paragraphs[i].owner];
            &*owner.tag == "h1" && !owner.hard
        })
        .collect();
    let mut around = container;
    for _ in 0..4 {
        let Some(element) = elements.get(around) else {
            break;
        };
        let near = h1s.iter().copied().find(|&i| {
            let owner = outline.paragraphs[i].owner;
            around <= owner && owner < element.end
        });
        if let Some(i) = near {
            return (Some(one_line(&outline.paragraphs[i].text)), Some(i));
        }
        around = element.parent;
    }
    let og = outline
        .metas
        .iter()
        .find(|(key, value)| (key == "og:title" || key == "twitter:title") && !value.is_empty())
        .map(|(_, value)| one_line(value));
    if og.is_some() {
        return (og, None);
    }
    let page_title = strip_site_name(&one_line(&outline.title));
    if !page_title.is_empty() {
        return (Some(page_title), None);
    }
    let any = h1s
        .into_iter()
        .find(|&i| elements[outline.paragraphs[i].owner].chrome_at == tree::NONE);
    (any.map(|i| one_line(&outline.paragraphs[i].text)), any)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Site" or "Site - Headline": the longest part.
fn strip_site_name(title: &str) -> String {
    [" | ", " - ", " – ", " — ", " :: ", " « ", " » "]
        .iter()
        .find(|separator| title.contains(*separator))
        .and_then(|separator| {
            title
                .split(separator)
                .max_by_key(|part| part.chars().count())
        })
        .unwrap_or(title)
        .trim()
        .to_owned()
}
