//! A page's canonical URL and publication date, from `<link rel=canonical>`, Open Graph and other
//! `<meta>` tags, JSON-LD and `<time datetime>`.

use serde_json::Value;

use super::tree::Outline;

/// The canonical URL: `<link rel="canonical">`, else `og:url`, else `twitter:url`.
pub(super) fn url(outline: &Outline) -> Option<String> {
    let canonical = outline
        .links
        .iter()
        .find(|(rel, href)| rel.split_whitespace().any(|r| r == "canonical") && !href.is_empty())
        .map(|(_, href)| href.clone());
    canonical.or_else(|| meta(outline, &["og:url", "twitter:url"]))
}

/// The publication date: `article:published_time`, else JSON-LD `datePublished`, else other
/// `<meta>` names, else a `<time datetime>` (one marked as the publication date first, then one in
/// the article, then the first).
pub(super) fn published(outline: &Outline, container: usize) -> Option<String> {
    meta(outline, &["article:published_time"])
        .or_else(|| outline.json_ld.iter().find_map(|json| json_ld_date(json)))
        .or_else(|| {
            meta(
                outline,
                &[
                    "datepublished",
                    "og:published_time",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "publication_date",
                    "date",
                    "dc.date.issued",
                    "dc.date",
                    "dcterms.created",
                    "sailthru.date",
                    "parsely-pub-date",
                ],
            )
        })
        .or_else(|| {
            let end = outline
                .elements
                .get(container)
                .map_or(0, |element| element.end);
            let times = || outline.times.iter().filter(|(when, ..)| !when.is_empty());
            times()
                .find(|(_, _, published)| *published)
                .or_else(|| times().find(|(_, id, _)| container <= *id && *id < end))
                .or_else(|| times().next())
                .map(|(when, ..)| when.clone())
        })
}

fn meta(outline: &Outline, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        outline
            .metas
            .iter()
            .find(|(name, content)| name == key && !content.is_empty())
            .map(|(_, content)| content.clone())
    })
}

/// The first `datePublished` in a JSON-LD script (objects, arrays and `@graph`s, searched
/// breadth-first); serde_json's recursion limit bounds hostile nesting.
fn json_ld_date(json: &str) -> Option<String> {
    let value: Value = serde_json::from_str(json.trim()).ok()?;
    let mut queue = std::collections::VecDeque::from([&value]);
    while let Some(value) = queue.pop_front() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(date)) = map.get("datePublished")
                    && !date.trim().is_empty()
                {
                    return Some(date.trim().to_owned());
                }
                queue.extend(map.values());
            }
            Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    None
}
