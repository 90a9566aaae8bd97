//! A cheap look at the start of a file, before the real parse: is it RON-like at all, and which
//! format version does it declare? This lets a file from a newer Isnad be refused with a clear
//! message even if the rest of it would not parse.

/// What the start of the file looks like.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Header {
    /// Starts like a project and declares this format version first.
    Version(u64),
    /// Starts like a RON struct but the version is not the first field (parse to find out).
    Unknown,
    /// Does not start like a RON struct at all (plain text, HTML, …).
    NotRon,
}

/// Skips whitespace and `//` / `/* */` comments.
fn skip_trivia(mut s: &str) -> &str {
    loop {
        let trimmed = s.trim_start();
        if let Some(rest) = trimmed.strip_prefix("//") {
            s = rest.find('\n').map_or("", |i| &rest[i..]);
        } else if let Some(rest) = trimmed.strip_prefix("/*") {
            s = rest.find("*/").map_or("", |i| &rest[i + 2..]);
        } else {
            return trimmed;
        }
    }
}

/// Reads the header of `text`.
pub(crate) fn read_header(text: &str) -> Header {
    let s = skip_trivia(text.strip_prefix('\u{feff}').unwrap_or(text));
    // An optional struct name, then '('.
    let name_len = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    let Some(s) = skip_trivia(&s[name_len..]).strip_prefix('(') else {
        return Header::NotRon;
    };
    let s = skip_trivia(s);
    let Some(s) = s.strip_prefix("format_version") else {
        return Header::Unknown;
    };
    let Some(s) = skip_trivia(s).strip_prefix(':') else {
        return Header::Unknown;
    };
    let s = skip_trivia(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    s[..digits].parse().map_or(Header::Unknown, Header::Version)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        assert_eq!(
            read_header("// c\n(\n  format_version: 7,"),
            Header::Version(7)
        );
        assert_eq!(
            read_header("Project(/* x */format_version:1)"),
            Header::Version(1)
        );
        assert_eq!(read_header("(labels: [])"), Header::Unknown);
        assert_eq!(read_header("قال الرئيس"), Header::NotRon);
        assert_eq!(read_header("Hello world (again)"), Header::NotRon);
        assert_eq!(read_header(""), Header::NotRon);
    }
}
