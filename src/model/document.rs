//! Documents: the article text, its hash and its annotation status.

use std::collections::BTreeMap;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::model::DocId;

/// How far the annotation of a document has got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DocumentStatus {
    /// Not started.
    #[default]
    New,
    /// Started, not finished.
    InProgress,
    /// Finished.
    Done,
}

/// One article. Its text never changes once created (spans point into it), so the hash is computed
/// once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    id: DocId,
    title: String,
    source_path: Option<String>,
    /// Shared with the views that display it: the project is the one owner of the bytes.
    text: Arc<str>,
    sha256: String,
    status: DocumentStatus,
    /// Metadata from the source (a web page's canonical URL and publication date, a corpus
    /// line's other fields), by name.
    meta: BTreeMap<String, String>,
}

/// SHA-256 of `text` (its UTF-8 bytes) as 64 lowercase hex digits.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        hex.push(char::from(DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    hex
}

impl Document {
    /// Makes a document with status [`DocumentStatus::New`]. The id usually comes from
    /// [`crate::model::Project::allocate_doc_id`].
    pub fn new(
        id: DocId,
        title: impl Into<String>,
        source_path: Option<String>,
        text: impl Into<String>,
    ) -> Self {
        let text: Arc<str> = Arc::from(text.into());
        Self {
            id,
            title: title.into(),
            source_path,
            sha256: sha256_hex(&text),
            text,
            status: DocumentStatus::New,
            meta: BTreeMap::new(),
        }
    }

    /// The same document with another status.
    pub fn with_status(mut self, status: DocumentStatus) -> Self {
        self.status = status;
        self
    }

    /// The same document with this metadata.
    pub fn with_meta(mut self, meta: BTreeMap<String, String>) -> Self {
        self.meta = meta;
        self
    }

    /// Metadata from the source (`url`, `published`, a corpus line's other fields), by name.
    pub fn meta(&self) -> &BTreeMap<String, String> {
        &self.meta
    }

    /// Stable id.
    pub fn id(&self) -> DocId {
        self.id
    }

    /// Title shown in the document list.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Where the text was imported from, if known.
    pub fn source_path(&self) -> Option<&str> {
        self.source_path.as_deref()
    }

    /// The text that spans point into (UTF-8; span offsets are byte offsets into it).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text as a shared handle, for views that keep it without copying it.
    pub fn shared_text(&self) -> Arc<str> {
        Arc::clone(&self.text)
    }

    /// SHA-256 of the text as lowercase hex.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// Annotation status.
    pub fn status(&self) -> DocumentStatus {
        self.status
    }

    pub(crate) fn set_status(&mut self, status: DocumentStatus) -> DocumentStatus {
        std::mem::replace(&mut self.status, status)
    }
}
