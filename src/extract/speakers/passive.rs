//! The agent of a passive stance verb: "A ceasefire was rejected by
//! Putin", "The proposal, which includes freezing the front line, has been
//! firmly rejected by Zelensky". The party after "by" takes the stance on
//! the term before the verb, whatever the sentence's subject.

use super::subjects::{agent_of, told_by_another};
use super::{Agent, Answer, Memory};
use crate::extract::mentions::{IssueHit, SentenceFacts};
use crate::extract::{Party, is_one_of, words_at};
use crate::model::Span;

/// Forms of "be" that make a participle after them passive.
const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// How many words (adverbs, "not") may stand between "be" and the participle
/// ("was firmly rejected", "has been flatly and publicly rejected").
const BE_REACH: usize = 3;

/// How many words may stand between the participle and "by" ("rejected
/// outright by").
const BY_REACH: usize = 1;

/// The parties of the first passive stance verb after `issue` in its
/// sentence, with the verb; none when another party tells of it ("Zelensky
/// said the truce was rejected by Moscow" is his description).
pub(super) fn passive_answerers(
    fact: &SentenceFacts,
    issue: &IssueHit,
    memory: &Memory,
) -> Vec<(Party, Answer)> {
    let Some((verb, Agent::Party(agent))) = passive_agent(fact, issue, memory) else {
        return Vec::new();
    };
    if told_by_another(fact, issue, &agent, memory) {
        return Vec::new();
    }
    let answer = Answer {
        verb,
        refuses: fact.oppose.contains(&verb),
    };
    agent.parties.into_iter().map(|p| (p, answer)).collect()
}

/// The agent of the first stance verb after `issue` that is passive and
/// names its agent with "by", with the verb.
pub(super) fn passive_agent(
    fact: &SentenceFacts,
    issue: &IssueHit,
    memory: &Memory,
) -> Option<(Span, Agent)> {
    let verb = [&fact.support, &fact.oppose]
        .iter()
        .flat_map(|cues| cues.iter())
        .filter(|cue| cue.start >= issue.span.end)
        .min_by_key(|cue| cue.start)?;
    let before = fact.text(Span::new(issue.span.end, verb.start));
    let passive = before
        .split_whitespace()
        .rev()
        .take(BE_REACH + 1)
        .any(|w| is_one_of(w, BE));
    if !passive {
        return None;
    }
    let after = &fact.par[verb.end..fact.span.end];
    let by_end = words_at(after, verb.end)
        .take(BY_REACH + 1)
        .find(|(_, w)| *w == "by")
        .map(|(at, w)| at + w.len())?;
    let agent = fact
        .mentions
        .iter()
        .filter(|m| !m.in_quote && m.span.start >= by_end)
        .find(|m| fact.text(Span::new(by_end, m.span.start)).trim().is_empty())?;
    agent_of(&[agent], memory).map(|a| (*verb, a))
}

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn the_agent_of_a_passive_stance_verb_takes_the_stance() {
        for (text, stance) in [
            ("The treaty was rejected by Berg.", Stance::Oppose),
            (
                "A tariff cut has been firmly rejected by Nordhavn.",
                Stance::Oppose,
            ),
            (
                "The plan, which includes a tariff cut, was backed by Berg.",
                Stance::Support,
            ),
        ] {
            let got = coded(text);
            let issue = if text.contains("tariff") {
                "tariffs"
            } else {
                "treaty"
            };
            assert_eq!(triples(&got), [("north", issue, stance)], "{text}");
        }
    }

    #[test]
    fn an_active_verb_or_a_place_after_by_is_no_agent() {
        assert_eq!(coded("The treaty was signed by the river."), []);
        let got = coded("Mar said the treaty was rejected by Berg.");
        assert_eq!(
            triples(&got),
            [],
            "another party's rejection, as Mar tells it"
        );
    }
}
