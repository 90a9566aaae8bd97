//! CoNLL / IOB2: one token per line, `token<TAB>tag`, a blank line after every sentence.
//!
//! ```text (a tab between token and tag)
//! -DOCSTART- -X- O O
//!
//! 😀 O
//! قال O
//! المتحدثُ B-source
//! باسم I-source
//! الوزارة I-source
//! . O
//!
//! ```
//! Tags are `B-<label id>` on the first token of a span, `I-<label id>` on the others and `O`
//! elsewhere (IOB2: every entity starts with `B-`). Every document starts with the CoNLL-2003
//! document line `-DOCSTART- -X- O O` and a blank line, as spaCy's `convert`, Hugging Face's
//! CoNLL-2003 loader and `conlleval` expect; an empty document is that line alone. Tokens come from
//! [`crate::lang::tokenize`], split where a span edge falls inside one ([`TokenEdges::Split`], the
//! default: `والمجلس` with a span on `المجلس` is written `و` `O`, `المجلس` `B-…`); a sentence is never split inside a written span (the sentences around
//! it are joined). What the format cannot hold (overlapping or nested spans, edges inside tokens,
//! spans without tokens, notes, attributes, relations) is recorded in the [`LossReport`], span by
//! span and relation by relation: see `docs/export-conll.md`.

mod select;

use crate::io::export::doc_view::attributes_detail;
use std::ops::Range;

use crate::io::export::token_split::SplitTokens;
use crate::io::export::{
    DocView, ExportError, ExportFile, ExportOptions, FilePlace, LossKind, LossReport, Progress,
    TokenEdges,
};
use crate::lang::tokenize::{Token, keep_together, sentences, tokenize};

/// The line that starts every document (CoNLL-2003's, which spaCy's `convert` splits on exactly).
pub(crate) const DOCSTART: &str = "-DOCSTART- -X- O O";

/// The CoNLL export: one file of every document's tokens and tags.
pub(crate) fn export(
    docs: &[DocView<'_>],
    options: &ExportOptions,
    report: &mut LossReport,
    progress: &Progress,
) -> Result<Vec<ExportFile>, ExportError> {
    let mut out = String::with_capacity(docs.iter().map(|d| d.text().len() * 2 + 32).sum());
    for view in docs {
        if progress.is_cancelled() {
            return Err(ExportError::Cancelled);
        }
        write_document(&mut out, view, options, report);
        progress.advance();
    }
    Ok(vec![ExportFile {
        place: FilePlace::Main,
        bytes: out.into_bytes(),
    }])
}

/// The tokens of `view` (split at the span edges that fall inside them with
/// [`TokenEdges::Split`]) and its sentences as ranges of those tokens.
fn tokens_and_sentences(view: &DocView<'_>, edges: TokenEdges) -> (Vec<Token>, Vec<Range<usize>>) {
    let text = view.text();
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    if edges != TokenEdges::Split {
        return (tokens, sentences);
    }
    let span_edges: Vec<usize> = view.spans.iter().flat_map(|s| [s.start, s.end]).collect();
    let split = SplitTokens::new(text, &tokens, &span_edges);
    let sentences = split.carry(&sentences);
    (split.tokens, sentences)
}

/// Appends the document line, then each sentence's `token<TAB>tag` lines and a blank line.
fn write_document(
    out: &mut String,
    view: &DocView<'_>,
    options: &ExportOptions,
    report: &mut LossReport,
) {
    let text = view.text();
    let (tokens, sentences) = tokens_and_sentences(view, options.token_edges);
    let entities = select::select(view, &tokens, options.token_edges, report);
    for entity in entities.iter().filter(|e| !e.span.attributes().is_empty()) {
        let detail = attributes_detail(entity.span);
        report.record_detail(LossKind::AttributeDropped, view, entity.span, detail);
    }
    for relation in &view.relations {
        report.record_relation(LossKind::RelationDropped, view, relation);
    }
    let mut tags: Vec<Option<(bool, &str)>> = vec![None; tokens.len()];
    for entity in &entities {
        for (k, tag) in tags
            .iter_mut()
            .enumerate()
            .take(entity.tokens.end)
            .skip(entity.tokens.start)
        {
            *tag = Some((k == entity.tokens.start, entity.span.label.as_str()));
        }
    }
    let groups: Vec<_> = entities.iter().map(|e| e.tokens.clone()).collect();
    out.push_str(DOCSTART);
    out.push_str("\n\n");
    for sentence in keep_together(&sentences, &groups) {
        for k in sentence {
            let (Some(token), Some(tag)) = (tokens.get(k), tags.get(k)) else {
                continue;
            };
            out.push_str(text.get(token.range()).unwrap_or_default());
            match tag {
                None => out.push_str("\tO"),
                Some((first, label)) => {
                    out.push_str(if *first { "\tB-" } else { "\tI-" });
                    out.push_str(label);
                }
            }
            out.push('\n');
        }
        out.push('\n');
    }
}
