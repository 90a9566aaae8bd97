//! What tags, class names and headings say about a block: content, page chrome, or neither.

/// Elements whose content is never article text (scripts, styles, forms' controls, embeds).
pub(super) fn is_hard_dropped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "button"
            | "select"
            | "textarea"
            | "label"
            | "iframe"
            | "object"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
            | "head"
            | "title"
    )
}

/// Elements that are chrome unless their class says otherwise.
pub(super) fn is_chrome_tag(tag: &str) -> bool {
    matches!(
        tag,
        "nav" | "footer" | "aside" | "header" | "form" | "figure" | "figcaption" | "menu"
    )
}

/// Elements that start and end a paragraph.
pub(super) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "legend"
            | "address"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "hr"
            | "menu"
    )
}

/// Elements that contain no content and have no end tag.
pub(super) fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "frame"
            | "basefont"
            | "bgsound"
            | "image"
    )
}

/// Class or id words of page chrome, matched inside longer names (`comments-area`, `sharedaddy`).
const CHROME_PARTS: &[&str] = &[
    "comment",
    "respond",
    "reply",
    "share",
    "sharing",
    "social",
    "related",
    "relative",
    "breadcrumb",
    "sidebar",
    "footer",
    "header",
    "masthead",
    "navbar",
    "navigation",
    "newsletter",
    "subscribe",
    "signup",
    "widget",
    "advert",
    "adsby",
    "stream-item",
    "dfp-",
    "gpt-ad",
    "sponsor",
    "promo",
    "banner",
    "popup",
    "modal",
    "cookie",
    "login",
    "search",
    "trending",
    "most-read",
    "mostread",
    "popular",
    "more-news",
    "morenews",
    "read-more",
    "readmore",
    "read-also",
    "readalso",
    "also-read",
    "pagination",
    "pager",
    "skip",
    "topbar",
    "ticker",
    "breaking",
    "author-box",
    "byline",
    "keywords",
    "caption",
    "print",
    "follow",
    "whatsapp",
    "facebook",
    "twitter",
    "telegram",
    "disqus",
    "outbrain",
    "taboola",
    "logo",
];

/// Class or id words of page chrome matched only as whole words (`ad`, `nav`, `tags`).
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "nav",
    "menu",
    "tag",
    "tags",
    "meta",
    "date",
    "time",
    "tools",
    "toolbar",
    "links",
    "more",
    "rss",
    "top",
    "bottom",
    "aside",
    "extra",
    "foot",
    "shoutbox",
    "combx",
    "credit",
    "credits",
    "copyright",
    "lang",
    "language",
    "mnu",
    "btn",
    "icon",
    "icons",
];

/// Class or id words of article content.
const CONTENT_PARTS: &[&str] = &[
    "article",
    "content",
    "entry",
    "story",
    "post-body",
    "postbody",
    "news-body",
    "newsbody",
    "body",
    "text",
    "main",
    "detail",
    "blog",
    "post",
    "single",
    "page-content",
    "td-post",
];

/// What an element's class, id, role and itemprop say about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Hint {
    /// Names of chrome (comments, share, related, navigation...).
    pub chrome: bool,
    /// Names of article content.
    pub content: bool,
}

/// Reads the hint from an element's `class`, `id`, `role`, `itemprop` and `aria-label` values.
/// A name that is both (`post-share`) is chrome, unless it names a body or text; an element with
/// any content name (`single-post has-share`) is never chrome, so the article is not lost.
pub(super) fn hint_of<'a>(values: impl IntoIterator<Item = &'a str>) -> Hint {
    let mut chrome = false;
    let mut content = false;
    for value in values {
        let lower = value.to_lowercase();
        if value.contains("تعليق") || value.contains("مشارك") || value.contains("ذات صلة")
        {
            chrome = true;
        }
        for part in lower.split(char::is_whitespace) {
            let chrome_part = (CHROME_PARTS.iter().any(|p| part.contains(p))
                || part
                    .split(['-', '_'])
                    .any(|word| CHROME_WORDS.contains(&word)))
                && !["content", "body", "text"].iter().any(|w| part.contains(w));
            if chrome_part {
                chrome = true;
            } else if CONTENT_PARTS.iter().any(|p| part.contains(p)) {
                content = true;
            }
        }
    }
    Hint {
        chrome: chrome && !content,
        content,
    }
}

/// Headings and lines that open page chrome (normalised, see [`normalise`]), in Arabic and English.
const CHROME_HEADINGS: &[&str] = &[
    "اقرا ايضا",
    "اقرا المزيد",
    "اقرا كذلك",
    "مواضيع ذات صله",
    "مواضيع متعلقه",
    "مقالات ذات صله",
    "اخبار ذات صله",
    "موضوعات ذات صله",
    "ذات صله",
    "مقالات مشابهه",
    "اخبار متعلقه",
    "قد يهمك",
    "قد يعجبك",
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "الاكثر تداولا",
    "اخر الاخبار",
    "اخبار اخري",
    "المزيد من الاخبار",
    "التعليقات",
    "تعليقات",
    "اضف تعليق",
    "اضف تعليقك",
    "اترك تعليق",
    "اترك تعليقا",
    "اترك تعليقك",
    "اترك ردا",
    "لن يتم نشر عنوان بريدك",
    "شارك",
    "شارك المقال",
    "شارك الخبر",
    "شارك هذا",
    "شاركها",
    "انشر",
    "تابعنا",
    "تابعونا",
    "الوسوم",
    "وسوم",
    "كلمات مفتاحيه",
    "كلمات دلاليه",
    "مواضيع",
    "اعلان",
    "مساحه اعلانيه",
    "related",
    "related articles",
    "related posts",
    "read more",
    "read also",
    "see also",
    "comments",
    "leave a reply",
    "leave a comment",
    "share",
    "share this",
    "tags",
    "follow us",
    "connect with us",
    "most read",
    "trending",
    "you may also like",
    "advertisement",
];

/// Whether a short line is a chrome heading ("اقرأ أيضا", "مقالات ذات صلة", "Comments"...).
pub(super) fn is_chrome_heading(text: &str) -> bool {
    if text.chars().count() > 40 {
        return false;
    }
    let line = normalise(text);
    CHROME_HEADINGS.iter().any(|heading| {
        line == *heading
            || (heading.contains(' ')
                && line.starts_with(heading)
                && line[heading.len()..].starts_with([' ', ':']))
    })
}

/// Lower case, Arabic letters folded (hamza forms of alef, alef maqsura, ta marbuta), harakat,
/// tatweel and punctuation removed, spaces collapsed.
pub(super) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '\u{64b}'..='\u{65f}' | '\u{670}' | 'ـ' => continue,
            c if c.is_alphanumeric() => c,
            ':' => ':',
            _ => ' ',
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let trimmed = out.trim_end_matches([' ', ':']).len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_headings_in_arabic_and_english() {
        for heading in [
            "اقرأ أيضاً:",
            "مواضيع ذات صلة",
            "مقالات ذات صلة",
            "اترك تعليقك",
            "شارك",
            "Related articles",
            "اقرأ أيضا: الحكومة تعلن",
        ] {
            assert!(is_chrome_heading(heading), "{heading}");
        }
        for line in [
            "شارك الرئيس في القمة",
            "نيامي",
            "وقال المتحدث إن التعليقات مرفوضة",
        ] {
            assert!(!is_chrome_heading(line), "{line}");
        }
    }

    #[test]
    fn class_hints() {
        assert!(hint_of(["comments-area"]).chrome);
        assert!(hint_of(["sharedaddy sd-sharing-enabled"]).chrome);
        assert!(hint_of(["main-nav"]).chrome);
        assert!(!hint_of(["shadow"]).chrome);
        assert!(!hint_of(["headline"]).chrome);
        assert!(hint_of(["entry-content"]).content);
        assert!(hint_of(["articleBody"]).content);
    }
}
