//! Terms a sentence frames rather than states: the question an answer
//! takes a stance on ("Asked whether …, X said …"), the charge an accuser
//! stands against ("accused Moscow of blocking a ceasefire"), and an open
//! question that takes no stance ("was asked whether …"). This module only
//! finds the frame; `stance` reads what it means.

use super::mentions::{IssueHit, SentenceFacts};
use super::{is_one_of, words_at};
use crate::model::Span;

/// How a sentence frames an issue term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    /// The term is in a question; the span is the answer to it.
    Answer(Span),
    /// The term is what another party is charged with; the span is the
    /// accusation verb and its "of".
    Charge(Span),
    /// The term is in an open question.
    Question,
}

/// The frame around `issue`, looking at cues at or after `floor`.
pub(super) fn frame(fact: &SentenceFacts, issue: &IssueHit, floor: usize) -> Option<Frame> {
    if let Some(answer) = answer_to_question(fact, issue) {
        // "Asked if Trump had said that …": a question about what someone
        // said is answered about the saying, not the term.
        let about_saying = fact.speech.iter().any(|v| v.end <= issue.span.start);
        return Some(if about_saying {
            Frame::Question
        } else {
            Frame::Answer(answer)
        });
    }
    if let Some(charge) = accusation(fact, issue, floor) {
        return Some(Frame::Charge(charge));
    }
    in_indirect_question(fact, issue, floor).then_some(Frame::Question)
}

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
    "divided",
    "split",
    "undecided",
    "explained",
    "explains",
    "described",
    "describes",
];

/// Prepositions between an asking word and its question ("divided over whether").
const QUESTION_PREPOSITIONS: &[&str] = &["over", "about", "on", "as", "to"];

/// How many such prepositions may stand there ("as to").
const QUESTION_PREPOSITIONS_AT_MOST: usize = 2;

/// Is `issue` inside an indirect question ("was asked whether Moscow wants
/// …", "it is unclear whether …") that opens after `floor` in its sentence?
fn in_indirect_question(fact: &SentenceFacts, issue: &IssueHit, floor: usize) -> bool {
    let from = floor.max(fact.span.start);
    let before = fact.text(Span::new(from, issue.span.start.max(from)));
    let mut words = words_at(before, from)
        .rev()
        .take_while(|(_, w)| !w.ends_with([';', ':']));
    while let Some((_, word)) = words.next() {
        // "asked whether …", "explained how … will work".
        if word.eq_ignore_ascii_case("whether") || word.eq_ignore_ascii_case("how") {
            // "divided over whether", "unclear as to whether".
            return words
                .take(QUESTION_PREPOSITIONS_AT_MOST + 1)
                .find(|(_, w)| !is_one_of(w, QUESTION_PREPOSITIONS))
                .is_some_and(|(_, w)| is_one_of(w, ASKING));
        }
    }
    false
}

/// "Sybiha accused Moscow of blocking a ceasefire": the accusation verb and
/// its "of"/"for" before `issue`, in its clause and at or after `floor`.
fn accusation(fact: &SentenceFacts, issue: &IssueHit, floor: usize) -> Option<Span> {
    let from = fact.clause_start(issue.span.start).max(floor);
    let before = fact.text(Span::new(from, issue.span.start.max(from)));
    let mut words = words_at(before, from);
    let (start, _) = words
        .find(|(_, w)| is_one_of(w.trim_matches(|c: char| !c.is_alphabetic()), ACCUSATIONS))?;
    let (link, word) = words.find(|(_, w)| *w == "of" || *w == "for")?;
    Some(Span::new(start, link + word.len()))
}

/// "Asked whether the US would send troops, Rubio said: “That's not on the
/// table.”": a term in the question is what the answer takes a stance on.
/// The answer, if `issue` is in such a question.
fn answer_to_question(fact: &SentenceFacts, issue: &IssueHit) -> Option<Span> {
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

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn an_open_question_takes_no_stance() {
        for text in [
            "Berg was asked whether Northland backs the treaty.",
            "Berg said it is unclear whether Southland wants a tariff cut.",
            "Northland is divided over whether to back the treaty.",
            "Berg said it is unclear as to whether Southland wants a tariff cut.",
        ] {
            assert_eq!(coded(text), [], "{text}");
        }
    }

    #[test]
    fn an_answer_takes_its_stance_on_the_question() {
        let got = coded("Asked whether Northland would accept the treaty, Berg said never.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_bare_answer_agrees_to_the_question_or_denies_it() {
        for (text, stance) in [
            (
                "Asked whether Northland would accept the treaty, Berg said yes.",
                Stance::Support,
            ),
            (
                "Asked whether Northland would accept the treaty, Berg said no.",
                Stance::Oppose,
            ),
            (
                "Asked whether Northland rejects the treaty, Berg said yes.",
                Stance::Oppose,
            ),
            (
                "Asked whether Northland rejects the treaty, Berg said no.",
                Stance::Support,
            ),
        ] {
            assert_eq!(
                triples(&coded(text)),
                [("north", "treaty", stance)],
                "{text}"
            );
        }
    }

    #[test]
    fn a_question_about_what_was_said_is_answered_about_the_saying() {
        let text =
            "Asked whether Mar had said that Southland would accept the treaty, Berg said never.";
        assert_eq!(coded(text), []);
    }

    #[test]
    fn an_accuser_stands_against_a_charge_with_a_cue() {
        let got = coded("Berg accused Southland of wanting a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
    }
}
