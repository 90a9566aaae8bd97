//! What to keep of a disagreement ([`Decision`]), and the decisions taken so far
//! ([`Decisions`]), kept in step with the gold project's undo history.

use std::collections::HashMap;

use super::AdjudicationError;
use super::dispute::Dispute;

/// What to keep of a disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Decision {
    /// Every alternative annotator `k` proposed (Alt+A: A, Alt+B: B).
    Side(usize),
    /// Alternative `j` only (0-based; Alt+1 … Alt+9 are 0 … 8).
    Alternative(usize),
    /// Every alternative (Alt+T).
    All,
    /// The alternatives proposed by more than half of the annotators.
    Majority,
    /// Nothing (Alt+N): decided, and nothing of it is kept.
    Neither,
}

impl Decision {
    /// Annotator A's side (kept for the two-annotator names).
    pub const TAKE_A: Decision = Decision::Side(0);
    /// Annotator B's side.
    pub const TAKE_B: Decision = Decision::Side(1);

    /// The name of the undo step ("Undo take A"), for `annotators` compared: "take both" with
    /// two, "take all" with more.
    pub fn name(self, annotators: usize) -> String {
        match self {
            Decision::Side(k) => format!("take {}", letter(k)),
            Decision::Alternative(j) => format!("take alternative {}", j + 1),
            Decision::All if annotators == 2 => "take both".to_owned(),
            Decision::All => "take all".to_owned(),
            Decision::Majority => "take the majority".to_owned(),
            Decision::Neither => "take neither".to_owned(),
        }
    }

    /// Which alternatives of `dispute` this decision keeps, with `annotators` compared. An
    /// alternative that does not exist, or a majority where no alternative has one, is refused.
    pub fn keeps(
        self,
        dispute: &Dispute,
        annotators: usize,
    ) -> Result<Vec<bool>, AdjudicationError> {
        let count = dispute.alternatives.len();
        Ok(match self {
            Decision::Side(k) => dispute
                .alternatives
                .iter()
                .map(|a| a.by.contains(&k))
                .collect(),
            Decision::Alternative(j) if j < count => (0..count).map(|i| i == j).collect(),
            Decision::Alternative(j) => return Err(AdjudicationError::NoAlternative(j + 1)),
            Decision::All => vec![true; count],
            Decision::Neither => vec![false; count],
            Decision::Majority => {
                let majority = dispute.majority(annotators);
                if majority.is_empty() {
                    return Err(AdjudicationError::NoMajority);
                }
                (0..count).map(|i| majority.contains(&i)).collect()
            }
        })
    }
}

/// The letter of annotator `k` ('A', 'B', …, 'Z', then 'A' again).
pub fn letter(k: usize) -> char {
    char::from(b'A' + (k % 26) as u8)
}

/// A decision recorded between two states of the gold project.
#[derive(Clone, Copy, Debug)]
struct Step {
    index: usize,
    before: Option<Decision>,
    after: Decision,
}

/// The decision taken on each disagreement (`None`: not decided yet), kept apart from what the
/// gold holds, so "decided: neither" and "not decided" differ. Each decision is recorded with
/// the gold's revisions before and after it (the undo history's revision numbers, unique per
/// state); when the history moves between two such revisions (undo, redo), the decision moves
/// with it.
#[derive(Clone, Debug, Default)]
pub struct Decisions {
    decided: Vec<Option<Decision>>,
    steps: HashMap<(u64, u64), Step>,
}

impl Decisions {
    /// `count` disagreements, none decided.
    pub fn new(count: usize) -> Self {
        Self {
            decided: vec![None; count],
            steps: HashMap::new(),
        }
    }

    /// The decision on disagreement `index`.
    pub fn get(&self, index: usize) -> Option<Decision> {
        self.decided.get(index).copied().flatten()
    }

    /// How many are decided.
    pub fn decided(&self) -> usize {
        self.decided.iter().filter(|d| d.is_some()).count()
    }

    /// How many disagreements there are.
    pub fn len(&self) -> usize {
        self.decided.len()
    }

    /// Whether there is no disagreement at all.
    pub fn is_empty(&self) -> bool {
        self.decided.is_empty()
    }

    /// Records `decision` on `index`, made by the step from revision `from` to `to`.
    pub fn record(&mut self, index: usize, decision: Decision, from: u64, to: u64) {
        let Some(slot) = self.decided.get_mut(index) else {
            return;
        };
        let before = slot.replace(decision);
        self.steps.insert(
            (from, to),
            Step {
                index,
                before,
                after: decision,
            },
        );
    }

    /// The gold moved from revision `from` to `to` (one undo or redo step): a recorded decision
    /// made between the two is redone or undone. Returns the disagreement whose decision
    /// changed.
    pub fn moved(&mut self, from: u64, to: u64) -> Option<usize> {
        let (index, now) = if let Some(step) = self.steps.get(&(from, to)) {
            (step.index, Some(step.after))
        } else {
            let step = self.steps.get(&(to, from))?;
            (step.index, step.before)
        };
        self.decided[index] = now;
        Some(index)
    }

    /// The first undecided disagreement after `index`, going round to the start (`index`
    /// itself last); `None` when every one is decided.
    pub fn next_undecided(&self, index: usize) -> Option<usize> {
        let n = self.decided.len();
        (1..=n)
            .map(|step| (index + step) % n)
            .find(|&i| self.decided[i].is_none())
    }
}
