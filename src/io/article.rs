//! Reading an article file (`.txt`, `.md`) into text, with clear errors for everything that is
//! not a readable article.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::encoding::{DecodeProblem, decode};

/// Articles larger than this are refused (64 MiB).
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

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
    let decoded = decode(bytes).map_err(|problem| match problem {
        DecodeProblem::Binary => ArticleError::Binary {
            path: shown.clone(),
        },
        DecodeProblem::Undecodable { guess } => ArticleError::Undecodable {
            path: shown.clone(),
            guess,
        },
    })?;
    if decoded.text.trim().is_empty() {
        return Err(ArticleError::Empty { path: shown });
    }
    let title = path
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Sample article".to_owned());
    Ok(Article {
        path: path.map(Path::to_path_buf),
        title,
        text: decoded.text,
        encoding: decoded.encoding,
        meta: BTreeMap::new(),
    })
}
