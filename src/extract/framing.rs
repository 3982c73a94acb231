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

/// Words that make a "whether" or "how" after them an open question ("was
/// asked whether", "it is unclear whether", "explained how"), unlike a
/// speaker's framing ("the only question is whether they want a ceasefire").
const ASKING: &[&str] = &[
    "asked",
    "ask",
    "asks",
    "asking",
    "unclear",
    "uncertain",
    "unknown",
    "wondered",
    "wonder",
    "wonders",
    "know",
    "knows",
    "sure",
    "decide",
    "decided",
    "deciding",
    "considering",
    "weighing",
    "debating",
    "explained",
    "explains",
    "described",
    "describes",
];

/// Is `issue` inside an indirect question ("was asked whether Moscow wants
/// …", "it is unclear whether …") that opens after `floor` in its sentence?
pub(super) fn in_indirect_question(fact: &SentenceFacts, issue: &IssueHit, floor: usize) -> bool {
    let from = floor.max(fact.span.start);
    let before = fact.text(Span::new(from, issue.span.start.max(from)));
    let mut words = words_at(before, from)
        .rev()
        .take_while(|(_, w)| !w.ends_with([';', ':']));
    while let Some((_, word)) = words.next() {
        // "asked whether …", "explained how … will work".
        if word.eq_ignore_ascii_case("whether") || word.eq_ignore_ascii_case("how") {
            return words.next().is_some_and(|(_, w)| is_one_of(w, ASKING));
        }
    }
    false
}

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
    // "Asked whether …," and "When asked whether …," open the same way.
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let asked = if first.eq_ignore_ascii_case("when") {
        words.next()?
    } else {
        first
    };
    if !asked.eq_ignore_ascii_case("asked") {
        return None;
    }
    // The question runs up to the comma before the answer's speech verb
    // ("When asked whether Germany, Italy and Poland …, Macron replied").
    let verb = fact
        .speech
        .iter()
        .find(|v| v.start >= issue.span.end)
        .map_or(fact.span.end, |v| v.start);
    let comma = fact.span.start + fact.text(Span::new(fact.span.start, verb)).rfind(',')?;
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
