//! Reading an article file (`.txt`, `.md`, or a saved web page `.html`/`.htm`) into text, with
//! clear errors for everything that is not a readable article.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::encoding::{DecodeProblem, Decoded, decode};
use super::html;

/// Articles larger than this are refused (64 MiB).
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

/// Titles longer than this (characters) are cut and end with `…`: a page's `<h1>` or `<title>`
/// can hold a whole article, which would then fill the document list and the project file.
pub const MAX_TITLE_CHARS: usize = 300;

/// An article read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Where it was read from (`None` for the bundled sample).
    pub path: Option<PathBuf>,
    /// A title: the page's title for HTML, else the file name without its extension.
    pub title: String,
    /// The decoded text, without BOM, line endings untouched (offsets are into exactly this).
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: String,
    /// Metadata from the source (`url`, `published` for web pages), by name.
    pub meta: BTreeMap<String, String>,
}

/// Why an article could not be opened. Every message names the file.
#[derive(Debug, Error)]
pub enum ArticleError {
    /// The file could not be read (missing, a folder, no permission...).
    #[error("Cannot read {path}: {source}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{path} is empty: there is no text to annotate")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is over [`MAX_ARTICLE_BYTES`].
    #[error("{path} is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file holds binary data.
    #[error("{path} is not a text file (it contains binary data)")]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// No supported encoding decodes the file.
    #[error(
        "{path} is not valid text in UTF-8, UTF-16 (with BOM), Windows-1256 or ISO-8859-6 (best guess {guess} failed)"
    )]
    Undecodable {
        /// The file.
        path: PathBuf,
        /// The encoding tried last.
        guess: &'static str,
    },
}

/// Reads and decodes the article at `path`.
pub fn load_article(path: &Path) -> Result<Article, ArticleError> {
    let unreadable = |source| ArticleError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err(unreadable(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            path: path.to_owned(),
            size: metadata.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    article_from_bytes(&bytes, Some(path))
}

/// Decodes article bytes; `path` names the source in errors and gives the title.
pub fn article_from_bytes(bytes: &[u8], path: Option<&Path>) -> Result<Article, ArticleError> {
    let shown = path.map_or_else(|| PathBuf::from("(bundled sample)"), Path::to_path_buf);
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(ArticleError::TooLarge {
            path: shown,
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let web_page = path.is_some_and(has_html_extension) || starts_like_html(bytes);
    let decoded = decode(bytes);
    let decoded = if web_page {
        redecode_as_declared(bytes, decoded)
    } else {
        decoded
    };
    let decoded = decoded.map_err(|problem| match problem {
        DecodeProblem::Binary => ArticleError::Binary {
            path: shown.clone(),
        },
        DecodeProblem::Undecodable { guess } => ArticleError::Undecodable {
            path: shown.clone(),
            guess,
        },
    })?;
    let stem = path
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Sample article".to_owned());
    let (title, text, meta) = if web_page || starts_like_html(decoded.text.as_bytes()) {
        let page = html::extract(&decoded.text);
        (page.title.unwrap_or(stem), page.text, page.meta)
    } else {
        (stem, decoded.text, BTreeMap::new())
    };
    if text.trim().is_empty() {
        return Err(ArticleError::Empty { path: shown });
    }
    Ok(Article {
        path: path.map(Path::to_path_buf),
        title: cut_chars(&title, MAX_TITLE_CHARS),
        text,
        encoding: decoded.encoding,
        meta,
    })
}

/// `s` cut after `max` characters, with `…` added when it was cut.
pub(crate) fn cut_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_owned(),
    }
}

/// `.html`, `.htm`, `.xhtml` (any case).
fn has_html_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Text that clearly is a web page whatever its name: it begins (after a UTF-8 BOM, whitespace
/// and comments aside) with `<!DOCTYPE html` or `<html`.
fn starts_like_html(bytes: &[u8]) -> bool {
    let mut rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<!--") {
            match rest.windows(3).position(|w| w == b"-->") {
                Some(end) if end < 4096 => rest = &rest[end + 3..],
                _ => return false,
            }
            continue;
        }
        let head = rest[..rest.len().min(14)].to_ascii_lowercase();
        return head.starts_with(b"<!doctype html") || head.starts_with(b"<html");
    }
}

/// A page without a BOM that is not UTF-8 is read in the encoding its `<meta charset>` declares
/// (Windows-1256 and ISO-8859-6 pages are often told apart only by it), where that decodes
/// cleanly; otherwise the guess stands. Valid UTF-8 stays UTF-8 whatever the page says (pages
/// saved by a browser keep their old declaration).
fn redecode_as_declared(
    bytes: &[u8],
    decoded: Result<Decoded, DecodeProblem>,
) -> Result<Decoded, DecodeProblem> {
    let guessed = match &decoded {
        Ok(d) => d.encoding != "UTF-8" && !d.encoding.ends_with("(BOM)"),
        Err(problem) => matches!(problem, DecodeProblem::Undecodable { .. }),
    };
    let Some(declared) = html::declared_encoding(bytes).filter(|_| guessed) else {
        return decoded;
    };
    match declared.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: declared.name().to_owned(),
        }),
        None => decoded,
    }
}
