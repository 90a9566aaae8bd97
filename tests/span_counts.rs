//! The per-document label counts and the furthest span end are kept by the model as spans come
//! and go (so panels read them without scanning the spans): they always equal a recount.

use isnad::command::Edit;
use isnad::model::{Document, LabelId, LabelSchema, Project, Span};

/// A tiny seeded random number generator (xorshift64*), so a failure can be replayed.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

fn recount(project: &Project, doc: isnad::model::DocId) -> Vec<(LabelId, usize)> {
    project
        .schema()
        .labels()
        .iter()
        .map(|l| {
            let n = project
                .spans_of(doc)
                .iter()
                .filter(|s| s.label == l.id)
                .count();
            (l.id.clone(), n)
        })
        .collect()
}

#[test]
fn counts_and_furthest_end_match_a_recount_through_random_edits() {
    let mut project = Project::new(LabelSchema::default());
    let doc = project.allocate_doc_id();
    let text = "abcdefghij".repeat(40);
    project
        .insert_document(Document::new(doc, "t", None, text.clone()), Vec::new())
        .expect("document");
    let labels = ["actor", "claim", "source"].map(|l| LabelId::new(l).expect("label"));
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for step in 0..2000 {
        let spans = project.spans_of(doc).to_vec();
        let edit = match rng.below(4) {
            0 | 1 => {
                let start = rng.below(text.len() - 1);
                let end = start + 1 + rng.below((text.len() - start).min(60));
                let id = project.allocate_span_id();
                Edit::AddSpan(Span::new(id, doc, start..end, labels[rng.below(3)].clone()))
            }
            2 if !spans.is_empty() => Edit::RemoveSpan(spans[rng.below(spans.len())].id),
            _ if !spans.is_empty() => Edit::RelabelSpan {
                id: spans[rng.below(spans.len())].id,
                label: labels[rng.below(3)].clone(),
            },
            _ => continue,
        };
        // Duplicates are refused; the counts must still match.
        let _ = edit.apply(&mut project);
        assert_eq!(
            project.label_counts(doc),
            recount(&project, doc),
            "step {step}"
        );
        let furthest = project
            .spans_of(doc)
            .iter()
            .map(|s| s.end)
            .max()
            .unwrap_or(0);
        assert_eq!(project.furthest_span_end(doc), furthest, "step {step}");
    }
    assert!(project.spans_of(doc).len() > 100, "the test built a crowd");
}
