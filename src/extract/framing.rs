//! Terms a sentence frames rather than states: the question an answer
//! takes a stance on ("Asked whether …, X said …"), and the charge an
//! accuser stands against ("accused Moscow of blocking a ceasefire").

use super::mentions::{IssueHit, SentenceFacts};
use super::stance::{Decision, decide, in_sense};
use super::{is_one_of, words_at};
use crate::model::{Span, Stance};

/// Verbs that charge another party with what follows "of" or "for".
const ACCUSATIONS: &[&str] = &[
    "accused", "accuses", "accusing", "accuse", "blamed", "blames", "blaming", "blame",
];

/// "Sybiha accused Moscow of blocking a ceasefire": the accusation verb and
/// its "of"/"for" before `issue`, in its clause and at or after `floor`.
pub(super) fn accusation(fact: &SentenceFacts, issue: &IssueHit, floor: usize) -> Option<Span> {
    let from = fact.clause_start(issue.span.start).max(floor);
    let before = fact.text(Span::new(from, issue.span.start.max(from)));
    let mut words = words_at(before, from);
    let (start, _) = words
        .find(|(_, w)| is_one_of(w.trim_matches(|c: char| !c.is_alphabetic()), ACCUSATIONS))?;
    let (link, word) = words.find(|(_, w)| *w == "of" || *w == "for")?;
    Some(Span::new(start, link + word.len()))
}

/// What a party is charged with, the accuser stands against: an explicit
/// cue of the charge, reversed ("accused Europe of preparing to send
/// troops" opposes them); a charge without one says nothing of a stance.
pub(super) fn charged(
    fact: &SentenceFacts,
    issue: &IssueHit,
    charge: Span,
    held: Span,
) -> Option<Decision> {
    let described = decide(fact, issue, charge.end, held)?;
    if described.cues.is_empty() {
        return None;
    }
    let mut cues = described.cues;
    cues.push(charge);
    cues.sort();
    Some(Decision {
        stance: described.stance.reversed(),
        cues,
    })
}

/// "Asked whether the US would send troops, Rubio said: “That's not on the
/// table.”": a term in the question is what the answer takes a stance on.
/// The answer, if `issue` is in such a question.
pub(super) fn answer_to_question(fact: &SentenceFacts, issue: &IssueHit) -> Option<Span> {
    let text = fact.text(fact.span);
    let asked = text.split_whitespace().next()?;
    if !asked.eq_ignore_ascii_case("asked") {
        return None;
    }
    let comma = fact.span.start + text.find(',')?;
    (issue.span.end <= comma).then(|| Span::new(comma + 1, fact.span.end))
}

/// The stance an answer takes: any condition makes it conditional, any
/// refusal or negation opposes, a support cue supports; an answer without
/// one takes none.
pub(super) fn answered(fact: &SentenceFacts, issue: &IssueHit, answer: Span) -> Option<Decision> {
    let within = |spans: &[Span]| -> Vec<Span> {
        spans
            .iter()
            .filter(|s| answer.contains(**s))
            .copied()
            .collect()
    };
    let oppose: Vec<Span> = within(&fact.oppose)
        .into_iter()
        .chain(within(&fact.negation))
        .collect();
    let (stance, cues) = [
        (Stance::Conditional, within(&fact.conditional)),
        (Stance::Oppose, oppose),
        (Stance::Support, within(&fact.support)),
    ]
    .into_iter()
    .find(|(_, cues)| !cues.is_empty())?;
    Some(Decision {
        stance: in_sense(issue.sense, stance),
        cues,
    })
}
