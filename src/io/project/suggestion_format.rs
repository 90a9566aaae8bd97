//! The verdicts on suggestions in the project file (format 3, optional fields, absent when
//! nothing was judged): the rejected suggestions, one per line in a block per document opened by
//! its `// document ID` line (as spans are, so two annotators rejecting in different documents
//! merge in git without a conflict), and one line per suggester with its tally.
//!
//! ```text
//!     rejected_suggestions: [
//!         // document 1
//!         (doc: 1, start: 4, end: 10, label: "source"),
//!     ],
//!     suggester_tallies: [
//!         (suggester: "cues", accepted: 12, relabelled: 1, rejected: 3),
//!     ],
//! ```
//!
//! Offsets are code points, like spans. On reading, a rejection of a document or label the
//! project does not have, or with a range outside its text, is dropped: it could never match a
//! suggestion again.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::model::offsets::OffsetIndex;
use crate::model::{DocId, LabelId, Project, SuggesterTally, SuggestionMemory};

/// A rejected suggestion as written in the file (code-point offsets).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileRejection {
    pub(crate) doc: u64,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) label: String,
}

/// A suggester's tally as written in the file.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct FileTally {
    pub(crate) suggester: String,
    #[serde(default)]
    pub(crate) accepted: u64,
    #[serde(default)]
    pub(crate) relabelled: u64,
    #[serde(default)]
    pub(crate) rejected: u64,
}

/// Appends the `rejected_suggestions` and `suggester_tallies` fields (nothing when nothing was
/// judged). Rejections of documents no longer in the project, or no longer inside their text
/// (the document was cropped), are left out.
pub(crate) fn write_suggestion_memory(out: &mut String, project: &Project) -> Result<(), String> {
    let memory = project.suggestion_memory();
    let rejected_docs: Vec<DocId> = project
        .documents()
        .map(|d| d.id())
        .filter(|&doc| memory.rejected_in(doc).next().is_some())
        .collect();
    if !rejected_docs.is_empty() {
        out.push_str("    rejected_suggestions: [\n");
        for doc in project.documents() {
            let _ = writeln!(out, "        // document {}", doc.id().0);
            if !rejected_docs.contains(&doc.id()) {
                continue;
            }
            let index = OffsetIndex::new(doc.text());
            for (range, label) in memory.rejected_in(doc.id()) {
                // A document cropped since may have rejections that no longer fit its text:
                // those are left out (they could never match a suggestion again).
                let (Some(start), Some(end)) = (
                    index.byte_to_char(range.start),
                    index.byte_to_char(range.end),
                ) else {
                    continue;
                };
                let label = ron::to_string(label.as_str()).map_err(|e| e.to_string())?;
                let _ = writeln!(
                    out,
                    "        (doc: {}, start: {start}, end: {end}, label: {label}),",
                    doc.id().0
                );
            }
        }
        out.push_str("    ],\n");
    }
    if !memory.tallies().is_empty() {
        out.push_str("    suggester_tallies: [\n");
        for (name, tally) in memory.tallies() {
            let name = ron::to_string(name).map_err(|e| e.to_string())?;
            let _ = writeln!(
                out,
                "        (suggester: {name}, accepted: {}, relabelled: {}, rejected: {}),",
                tally.accepted, tally.relabelled, tally.rejected
            );
        }
        out.push_str("    ],\n");
    }
    Ok(())
}

/// The verdicts read from the file, checked against `project` (see the module's notes).
pub(crate) fn read_suggestion_memory(
    project: &Project,
    rejections: Vec<FileRejection>,
    tallies: Vec<FileTally>,
) -> SuggestionMemory {
    let mut memory = SuggestionMemory::default();
    let mut index: Option<(u64, OffsetIndex)> = None;
    for rejection in rejections {
        let Some(document) = project.document(DocId(rejection.doc)) else {
            continue;
        };
        let Ok(label) = LabelId::new(rejection.label) else {
            continue;
        };
        if !project.schema().contains(&label) || rejection.start >= rejection.end {
            continue;
        }
        if index.as_ref().is_none_or(|(doc, _)| *doc != rejection.doc) {
            index = Some((rejection.doc, OffsetIndex::new(document.text())));
        }
        let Some((_, offsets)) = &index else {
            continue;
        };
        if let (Some(start), Some(end)) = (
            offsets.char_to_byte(rejection.start),
            offsets.char_to_byte(rejection.end),
        ) {
            memory.insert_rejection(DocId(rejection.doc), start..end, label);
        }
    }
    for tally in tallies {
        let counts = SuggesterTally {
            accepted: tally.accepted,
            relabelled: tally.relabelled,
            rejected: tally.rejected,
        };
        memory.set_tally(&tally.suggester, counts);
    }
    memory
}
