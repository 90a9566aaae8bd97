//! What a merge keeps besides the annotations: the guidelines, and the suggestions rejected and
//! the suggesters' tallies (see [`SuggestionMemory`]).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::model::{DocId, LabelId, Project, SuggesterTally, SuggestionMemory};
use crate::team::merge::Merger;
use crate::team::three_way::{Pick, pick};

/// Heading put between the two sides' guidelines when both changed them.
pub const GUIDELINES_CONFLICT_HEADING: &str = "Merge conflict: the other side's guidelines";

/// The guidelines by the three-way rule; when both sides changed them differently, ours followed
/// by a heading and theirs (nothing is dropped), and a conflict reported.
pub(crate) fn merge_guidelines(m: &mut Merger<'_>) -> String {
    let (b, o, t) = (
        m.base.guidelines().to_owned(),
        m.ours.guidelines().to_owned(),
        m.theirs.guidelines().to_owned(),
    );
    match pick(&b, &o, &t) {
        Pick::Merged(text) => text,
        Pick::Conflict(ours, theirs) => {
            m.conflicts.push(
                "the guidelines were changed on both sides: ours are kept, theirs follow them \
                 under a heading"
                    .to_owned(),
            );
            format!("{ours}\n\n## {GUIDELINES_CONFLICT_HEADING}\n\n{theirs}")
        }
    }
}

type RejectionKey = (DocId, usize, usize, LabelId);

fn rejections(project: &Project, doc_of: impl Fn(DocId) -> DocId) -> BTreeSet<RejectionKey> {
    project
        .suggestion_memory()
        .rejections()
        .map(|(doc, (range, label)): (DocId, (Range<usize>, LabelId))| {
            (doc_of(doc), range.start, range.end, label)
        })
        .collect()
}

/// The rejected suggestions and the tallies of the merged project, whose documents are
/// `documents`. A rejection is kept when either side has it, unless one side dropped it from
/// the base (cropping a document drops those outside the new text); theirs are moved to their
/// merged document ids, and those of documents no longer in the result are left out. A tally
/// adds both sides' new verdicts to the base's: verdicts are only ever counted, never undone.
pub(crate) fn merge_suggestion_memory(
    m: &Merger<'_>,
    documents: &BTreeSet<DocId>,
) -> SuggestionMemory {
    let same = |doc: DocId| doc;
    let theirs_doc = |doc: DocId| m.doc_map.get(&doc).copied().unwrap_or(doc);
    let base = rejections(m.base, same);
    let ours = rejections(m.ours, same);
    let theirs = rejections(m.theirs, theirs_doc);
    let mut memory = SuggestionMemory::default();
    for key in ours.union(&theirs) {
        let dropped = base.contains(key) && !(ours.contains(key) && theirs.contains(key));
        let (doc, start, end, label) = key.clone();
        if !dropped && documents.contains(&doc) {
            memory.insert_rejection(doc, start..end, label);
        }
    }
    let tallies = |p: &Project| -> BTreeMap<String, SuggesterTally> {
        p.suggestion_memory().tallies().clone()
    };
    let (b, o, t) = (tallies(m.base), tallies(m.ours), tallies(m.theirs));
    let names: BTreeSet<&String> = b.keys().chain(o.keys()).chain(t.keys()).collect();
    for name in names {
        let get =
            |map: &BTreeMap<String, SuggesterTally>| map.get(name).copied().unwrap_or_default();
        let (b, o, t) = (get(&b), get(&o), get(&t));
        let add = |b: u64, o: u64, t: u64| o.max(b) + t.saturating_sub(b);
        memory.set_tally(
            name,
            SuggesterTally {
                accepted: add(b.accepted, o.accepted, t.accepted),
                relabelled: add(b.relabelled, o.relabelled, t.relabelled),
                rejected: add(b.rejected, o.rejected, t.rejected),
            },
        );
    }
    memory
}
