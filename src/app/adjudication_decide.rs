//! Adjudication commands: a decision on the disagreement shown (one undo step, recorded in the
//! session's decisions with the gold's revisions on either side), stepping through the
//! disagreements, and keeping the decisions in step when undo or redo moves the gold.

use super::IsnadApp;
use crate::command::UiCommand;
use crate::team::Decision;

/// The decision a command asks for, if it is one.
fn decision_of(command: UiCommand) -> Option<Decision> {
    Some(match command {
        UiCommand::TakeA => Decision::TAKE_A,
        UiCommand::TakeB => Decision::TAKE_B,
        UiCommand::TakeBoth => Decision::All,
        UiCommand::TakeNeither => Decision::Neither,
        UiCommand::TakeMajority => Decision::Majority,
        UiCommand::TakeAlternative1 => Decision::Alternative(0),
        UiCommand::TakeAlternative2 => Decision::Alternative(1),
        UiCommand::TakeAlternative3 => Decision::Alternative(2),
        UiCommand::TakeAlternative4 => Decision::Alternative(3),
        UiCommand::TakeAlternative5 => Decision::Alternative(4),
        UiCommand::TakeAlternative6 => Decision::Alternative(5),
        UiCommand::TakeAlternative7 => Decision::Alternative(6),
        UiCommand::TakeAlternative8 => Decision::Alternative(7),
        UiCommand::TakeAlternative9 => Decision::Alternative(8),
        _ => return None,
    })
}

impl IsnadApp {
    /// Runs an adjudication command (a decision, a step, the agreement window).
    pub(super) fn run_adjudication_command(&mut self, command: UiCommand) {
        if command == UiCommand::CompareAnnotators {
            self.compare_annotators_dialog();
            return;
        }
        let Some(session) = &self.adjudicating.session else {
            self.notices
                .info("Nothing to adjudicate: File › Compare annotators… first");
            return;
        };
        let (current, total) = (session.current, session.adjudication.disagreements().len());
        match command {
            UiCommand::NextDisagreement => {
                // The next one not decided yet; once all are decided, simply the next one.
                match session.decisions.next_undecided(current) {
                    Some(next) if next != current => self.show_disagreement(next),
                    _ if current + 1 < total => self.show_disagreement(current + 1),
                    _ if total > 0 && session.decisions.get(current).is_none() => {
                        self.notices
                            .info("This is the only disagreement not decided yet");
                    }
                    _ => self.notices.info("That is the last disagreement"),
                }
                return;
            }
            UiCommand::PreviousDisagreement => {
                if current > 0 {
                    self.show_disagreement(current - 1);
                } else {
                    self.notices.info("That is the first disagreement");
                }
                return;
            }
            UiCommand::ShowAgreement => {
                self.adjudicating.agreement_open = true;
                return;
            }
            _ => {}
        }
        let Some(decision) = decision_of(command) else {
            return;
        };
        if total == 0 {
            self.notices.info("No disagreement to decide");
            return;
        }
        self.decide(current, decision);
    }

    /// Applies `decision` to disagreement `index` as one undo step and records it; then shows
    /// the next disagreement not decided yet.
    fn decide(&mut self, index: usize, decision: Decision) {
        let Some(session) = &self.adjudicating.session else {
            return;
        };
        let annotators = session.adjudication.annotators().len();
        let edit = session
            .adjudication
            .decision_edit(self.workspace.project(), index, decision);
        let from = self.workspace.revision();
        let result = match edit {
            Ok(edit) => self
                .workspace
                .apply_named(edit, decision.name(annotators))
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        self.reader.keep_valid(self.workspace.project());
        if let Err(error) = result {
            self.notices.warn(format!("Not done: {error}"));
            return;
        }
        let to = self.workspace.revision();
        let Some(session) = &mut self.adjudicating.session else {
            return;
        };
        session.decisions.record(index, decision, from, to);
        let (decided, total) = (session.decisions.decided(), session.decisions.len());
        match session.decisions.next_undecided(index) {
            Some(next) => self.show_disagreement(next),
            None => self.notices.info(format!(
                "All {decided} of {total} disagreements are decided: save the gold project with \
                 File › Save as…"
            )),
        }
    }

    /// Undo or redo moved the gold from revision `from` to `to`: a decision made between the
    /// two is undone or redone in the session too, and its disagreement shown.
    pub(super) fn adjudication_history_moved(&mut self, from: u64, to: u64) {
        let Some(session) = &mut self.adjudicating.session else {
            return;
        };
        if let Some(index) = session.decisions.moved(from, to) {
            self.show_disagreement(index);
        }
    }
}
