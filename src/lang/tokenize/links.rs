//! URLs and e-mail addresses, which UAX #29 cuts at `:`, `/` and `@`, made single tokens.

use std::ops::Range;

use super::{Token, is_separator};

/// How URLs start (compared without regard to ASCII case).
const URL_STARTS: [&str; 3] = ["https://", "http://", "www."];

/// Characters that end a URL: separators, and the quotes and angle brackets put around one.
fn ends_url(c: char) -> bool {
    is_separator(c) || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”' | '`')
}

/// Punctuation at the end of a URL or address that belongs to the sentence around it.
fn is_trailing(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' | '…' | '*' | '،' | '؛' | '؟' | '-'
    )
}

/// Whether `c` may be in the local part of an e-mail address.
fn is_local(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// Whether `c` may be in the domain of an e-mail address.
fn is_domain(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

/// The end of the URL starting at `start`: up to the first separator or quote, less trailing
/// punctuation and closing brackets that have no opening one inside the URL.
fn url_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let mut end = start + rest.find(ends_url).unwrap_or(rest.len());
    while let Some(last) = text[start..end].chars().next_back() {
        let url = &text[start..end];
        let unbalanced = |open: char| url.matches(open).count() < url.matches(last).count();
        let strip = is_trailing(last)
            || match last {
                ')' => unbalanced('('),
                ']' => unbalanced('['),
                '}' => unbalanced('{'),
                _ => false,
            };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

/// The URLs of `text` (byte ranges, in order, not overlapping).
fn urls(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut previous: Option<char> = None;
    for (i, c) in text.char_indices() {
        let before = previous.replace(c);
        if i < from || before.is_some_and(|b| b.is_ascii_alphanumeric()) {
            continue;
        }
        let Some(prefix) = URL_STARTS.iter().find(|p| {
            text.get(i..i + p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        }) else {
            continue;
        };
        let end = url_end(text, i);
        if end > i + prefix.len() {
            out.push(i..end);
            from = end;
        }
    }
    out
}

/// The e-mail addresses of `text` (byte ranges, in order, not overlapping).
fn emails(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (at, _) in text.match_indices('@') {
        let local = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_local(c))
            .last()
            .map_or(at, |(i, _)| i);
        let local = local + text[local..at].len() - text[local..at].trim_start_matches('.').len();
        let domain = &text[at + 1..];
        let domain_len = domain.find(|c| !is_domain(c)).unwrap_or(domain.len());
        let domain = domain[..domain_len].trim_end_matches(is_trailing);
        let tld = domain.rsplit('.').next().unwrap_or_default();
        let valid = local < at
            && domain.contains('.')
            && !domain.starts_with('.')
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_alphabetic());
        let range = local..at + 1 + domain.len();
        if valid && out.last().is_none_or(|last| last.end <= range.start) {
            out.push(range);
        }
    }
    out
}

/// Makes every URL and e-mail address of `text` one token: the tokens it touches are joined.
pub(super) fn merge_links(text: &str, tokens: Vec<Token>) -> Vec<Token> {
    let mut links = urls(text);
    links.extend(emails(text));
    if links.is_empty() {
        return tokens;
    }
    links.sort_by_key(|l| (l.start, l.end));
    // The token range each link touches, widened to whole tokens, overlapping ones joined.
    let mut groups: Vec<Range<usize>> = Vec::new();
    for link in links {
        let first = tokens.partition_point(|t| t.end <= link.start);
        let last = tokens.partition_point(|t| t.start < link.end);
        let (Some(a), Some(b)) = (
            tokens.get(first),
            last.checked_sub(1).and_then(|l| tokens.get(l)),
        ) else {
            continue;
        };
        match groups.last_mut() {
            Some(group) if a.start < group.end => group.end = group.end.max(b.end),
            _ => groups.push(a.start..b.end),
        }
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut groups = groups.into_iter().peekable();
    for token in tokens {
        while groups.peek().is_some_and(|g| g.end <= token.start) {
            groups.next();
        }
        match groups.peek() {
            Some(group) if group.start <= token.start => {
                if group.start == token.start {
                    out.push(Token {
                        start: group.start,
                        end: group.end,
                    });
                }
            }
            _ => out.push(token),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slices(text: &str, ranges: Vec<Range<usize>>) -> Vec<&str> {
        ranges.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn urls_lose_trailing_punctuation_but_keep_balanced_brackets() {
        let text = "see https://en.wikipedia.org/wiki/Niger_(country)), and HTTP://X.ORG. and www. alone, \
                    xhttp://no.example http://";
        assert_eq!(
            slices(text, urls(text)),
            [
                "https://en.wikipedia.org/wiki/Niger_(country)",
                "HTTP://X.ORG"
            ]
        );
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        let text = "a@b, .john.doe+x@mail.example.org. @home x@localhost y@z.c1 أ@b.com";
        assert_eq!(slices(text, emails(text)), ["john.doe+x@mail.example.org"]);
    }
}
