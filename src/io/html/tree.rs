//! Tokenizes a page (html5ever's tokenizer) into a flat outline: elements in document order with
//! what their tags and names say, and the paragraphs of text they hold. Our own tree building
//! caps nesting and element count, so hostile pages stay linear in time and bounded in memory.

use std::cell::RefCell;
use std::collections::HashMap;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, TokenizerResult};

use super::hints::{Hint, hint_of, is_block, is_chrome_tag, is_hard_dropped, is_void};

/// Open elements deeper than this are not tracked (their text goes to the deepest tracked one).
const MAX_DEPTH: usize = 256;
/// Elements past this many are not tracked either.
const MAX_ELEMENTS: usize = 1 << 20;
/// At most this many `<meta>`, `<link>` and `<time>` values are kept, each cut to `MAX_VALUE`.
const MAX_VALUES: usize = 2000;
const MAX_VALUE: usize = 4096;
/// JSON-LD kept, in bytes over all scripts.
const MAX_JSON_LD: usize = 1 << 20;

/// No element (the parent of the root).
pub(super) const NONE: usize = usize::MAX;

/// An element, by its index in document order; its descendants are the indexes `id + 1 .. end`.
#[derive(Debug)]
pub(super) struct Element {
    /// Tag name, lower case.
    pub tag: LocalName,
    /// Parent index, [`NONE`] for the root.
    pub parent: usize,
    /// One past the last descendant.
    pub end: usize,
    /// What its names say.
    pub hint: Hint,
    /// Chrome by its tag or names (before the content exception).
    pub chrome: bool,
    /// Inside a script, style, form control, hidden element...
    pub hard: bool,
    /// Inside a link.
    pub link: bool,
    /// Nearest chrome ancestor or self, or [`NONE`].
    pub chrome_at: usize,
    /// Nearest block ancestor or self.
    block_at: usize,
}

/// A paragraph of text.
#[derive(Debug)]
pub(super) struct Paragraph {
    /// Whitespace collapsed, `\n` for a single `<br>`.
    pub text: String,
    /// The innermost block element holding it.
    pub owner: usize,
    /// Characters of text, and of those inside links.
    pub chars: usize,
    /// Characters inside links.
    pub link_chars: usize,
}

/// What the tokenizer saw.
#[derive(Debug, Default)]
pub(super) struct Outline {
    /// Elements in document order; index 0 is a root holding the page.
    pub elements: Vec<Element>,
    /// Paragraphs in document order, outside scripts, styles and the like.
    pub paragraphs: Vec<Paragraph>,
    /// The `<title>` text.
    pub title: String,
    /// `<meta>` values by lower-case `property`, `name` or `itemprop`, in order.
    pub metas: Vec<(String, String)>,
    /// `<link>` hrefs by lower-case `rel`, in order.
    pub links: Vec<(String, String)>,
    /// `datetime` of `<time>` elements (and `itemprop=datePublished` ones), with the element.
    pub times: Vec<(String, usize, bool)>,
    /// Text of `application/ld+json` scripts.
    pub json_ld: Vec<String>,
}

#[derive(Default)]
struct Builder {
    out: Outline,
    /// Open tracked elements (indexes), root first.
    stack: Vec<usize>,
    /// How many of each tag are on the stack.
    open: HashMap<LocalName, usize>,
    /// The paragraph being read, and its state.
    paragraph: String,
    space: bool,
    br: bool,
    chars: usize,
    link_chars: usize,
    json_ld: Option<String>,
    json_ld_bytes: usize,
    in_title: bool,
}

/// Tokenizes `html` into an [`Outline`].
pub(super) fn outline(html: &str) -> Outline {
    let mut builder = Builder::default();
    builder.push_element(LocalName::from("#root"), Hint::default(), false);
    let tokenizer = Tokenizer::new(Sink(RefCell::new(builder)), TokenizerOpts::default());
    let input = BufferQueue::default();
    // Fed in pieces so that no single buffer is large; splits fall on character boundaries.
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(1 << 16);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        input.push_back(rest[..cut].into());
        rest = &rest[cut..];
        while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    }
    tokenizer.end();
    let mut builder = tokenizer.sink.0.into_inner();
    builder.flush();
    let count = builder.out.elements.len();
    for &id in &builder.stack {
        builder.out.elements[id].end = count;
    }
    builder.out
}

struct Sink(RefCell<Builder>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut builder = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => return builder.tag(tag),
            Token::CharacterTokens(text) => builder.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

fn cut(value: &str) -> String {
    let mut end = value.len().min(MAX_VALUE);
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    value[..end].trim().to_owned()
}

impl Builder {
    fn top(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn push_element(&mut self, tag: LocalName, hint: Hint, hidden: bool) {
        let id = self.out.elements.len();
        let parent = self.stack.last().copied();
        let name = &*tag;
        let chrome = hint.chrome || (is_chrome_tag(name) && !hint.content);
        let (hard, link, chrome_at, block_at) = match parent.map(|p| &self.out.elements[p]) {
            Some(p) => (p.hard, p.link, p.chrome_at, p.block_at),
            None => (false, false, NONE, id),
        };
        self.out.elements.push(Element {
            hard: hard || hidden || is_hard_dropped(name),
            link: link || name == "a",
            chrome_at: if chrome { id } else { chrome_at },
            block_at: if is_block(name) { id } else { block_at },
            tag,
            parent: parent.unwrap_or(NONE),
            end: id + 1,
            hint,
            chrome,
        });
        *self
            .open
            .entry(self.out.elements[id].tag.clone())
            .or_default() += 1;
        self.stack.push(id);
    }

    /// Closes the innermost open `name`, if any is open within `reach` of the top.
    fn close(&mut self, name: &LocalName, reach: usize) {
        if self.open.get(name).copied().unwrap_or(0) == 0 {
            return;
        }
        let Some(depth) = self
            .stack
            .iter()
            .rev()
            .take(reach)
            .position(|&id| self.out.elements[id].tag == *name)
        else {
            return;
        };
        let count = self.out.elements.len();
        for _ in 0..=depth {
            if let Some(id) = self.stack.pop() {
                self.out.elements[id].end = count;
                if let Some(n) = self.open.get_mut(&self.out.elements[id].tag) {
                    *n -= 1;
                }
            }
        }
        if self.stack.is_empty() {
            // The root is never closed.
            self.stack.push(0);
            *self
                .open
                .entry(self.out.elements[0].tag.clone())
                .or_default() += 1;
        }
    }

    fn tag(&mut self, tag: Tag) -> TokenSinkResult<()> {
        let name = tag.name.clone();
        let s: &str = &name;
        if tag.kind == TagKind::EndTag {
            if is_block(s) || s == "title" {
                self.flush();
            }
            if s == "title" {
                self.in_title = false;
            }
            if s == "script" {
                self.end_json_ld();
            }
            self.close(&name, usize::MAX);
            return TokenSinkResult::Continue;
        }
        match s {
            "meta" => self.meta(&tag),
            "link" => {
                if let (Some(rel), Some(href)) = (attr(&tag, "rel"), attr(&tag, "href")) {
                    self.value_list(true, rel.to_lowercase(), href);
                }
            }
            "br" => {
                if self.br {
                    self.flush();
                } else {
                    self.br = true;
                }
            }
            _ => {}
        }
        if is_block(s) {
            self.flush();
            // Implied end tags: a new block closes an open paragraph; items close items.
            match s {
                "li" => self.close(&name, 4),
                "dt" | "dd" => {
                    self.close(&LocalName::from("dt"), 4);
                    self.close(&LocalName::from("dd"), 4);
                }
                "tr" => self.close(&name, 6),
                "td" | "th" => {
                    self.close(&LocalName::from("td"), 4);
                    self.close(&LocalName::from("th"), 4);
                }
                _ => {}
            }
            self.close(&LocalName::from("p"), 2);
        }
        self.time(&tag);
        let result = match s {
            "script" => {
                if attr(&tag, "type").is_some_and(|t| t.to_lowercase().contains("ld+json")) {
                    self.json_ld = Some(String::new());
                }
                TokenSinkResult::RawData(RawKind::ScriptData)
            }
            "style" | "noscript" | "iframe" | "xmp" | "noembed" | "noframes" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "textarea" => TokenSinkResult::RawData(RawKind::Rcdata),
            "title" => {
                self.flush();
                self.in_title = self.out.title.is_empty()
                    && !self
                        .stack
                        .iter()
                        .any(|&id| &*self.out.elements[id].tag == "svg");
                TokenSinkResult::RawData(RawKind::Rcdata)
            }
            "plaintext" => TokenSinkResult::Plaintext,
            _ => TokenSinkResult::Continue,
        };
        if is_void(s) || tag.self_closing && !is_block(s) && s != "a" {
            return result;
        }
        if self.stack.len() >= MAX_DEPTH || self.out.elements.len() >= MAX_ELEMENTS {
            return result;
        }
        let names = ["class", "id", "role", "itemprop", "aria-label"]
            .into_iter()
            .filter_map(|n| attr(&tag, n));
        let hint = hint_of(names);
        let hidden = attr(&tag, "hidden").is_some()
            || attr(&tag, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || attr(&tag, "style").is_some_and(|v| {
                let v: String = v.chars().filter(|c| !c.is_whitespace()).collect();
                v.to_lowercase().contains("display:none")
            });
        self.push_element(name, hint, hidden);
        result
    }

    /// Records the `datetime` of a `<time>` (or the date of an `itemprop=datePublished`).
    fn time(&mut self, tag: &Tag) {
        let itemprop_published =
            attr(tag, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
        if &*tag.name != "time" && !itemprop_published || self.out.times.len() >= MAX_VALUES {
            return;
        }
        if let Some(when) = attr(tag, "datetime").or_else(|| attr(tag, "content")) {
            let published = itemprop_published
                || attr(tag, "class").is_some_and(|c| c.to_lowercase().contains("publish"));
            let id = self.out.elements.len().min(MAX_ELEMENTS);
            self.out.times.push((cut(when), id, published));
        }
    }

    fn meta(&mut self, tag: &Tag) {
        let key = attr(tag, "property")
            .or_else(|| attr(tag, "name"))
            .or_else(|| attr(tag, "itemprop"));
        if let (Some(key), Some(content)) = (key, attr(tag, "content")) {
            self.value_list(false, key.to_lowercase(), content);
        }
    }

    fn value_list(&mut self, link: bool, key: String, value: &str) {
        let list = if link {
            &mut self.out.links
        } else {
            &mut self.out.metas
        };
        if list.len() < MAX_VALUES {
            list.push((cut(&key), cut(value)));
        }
    }

    fn end_json_ld(&mut self) {
        if let Some(json) = self.json_ld.take() {
            self.json_ld_bytes += json.len();
            if self.json_ld_bytes <= MAX_JSON_LD {
                self.out.json_ld.push(json);
            }
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(json) = &mut self.json_ld {
            if json.len() + text.len() <= MAX_JSON_LD {
                json.push_str(text);
            }
            return;
        }
        if self.in_title {
            if self.out.title.len() < MAX_VALUE {
                self.out.title.push_str(text);
            }
            return;
        }
        let top = &self.out.elements[self.top()];
        if top.hard {
            return;
        }
        // Inline chrome (a share count in a span) inside a paragraph is left out.
        if top.chrome_at != NONE && top.chrome_at > top.block_at {
            return;
        }
        let link = top.link;
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.paragraph.is_empty();
                continue;
            }
            if c == '\0' {
                continue;
            }
            if self.br && !self.paragraph.is_empty() {
                self.paragraph.push('\n');
            } else if self.space {
                self.paragraph.push(' ');
            }
            self.br = false;
            self.space = false;
            self.paragraph.push(c);
            self.chars += 1;
            if link {
                self.link_chars += 1;
            }
        }
    }

    /// Ends the current paragraph.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.paragraph);
        let (chars, link_chars) = (self.chars, self.link_chars);
        (self.space, self.br, self.chars, self.link_chars) = (false, false, 0, 0);
        let visible = text
            .chars()
            .any(|c| !c.is_whitespace() && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}' | '\u{feff}'));
        if visible {
            let owner = self.out.elements[self.top()].block_at;
            self.out.paragraphs.push(Paragraph {
                text,
                owner,
                chars,
                link_chars,
            });
        }
    }
}
