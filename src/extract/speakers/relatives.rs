//! A party that answers the term before it in a relative or appositive
//! clause: "Washington proposed a truce, which Kyiv accepted", "Russia
//! demands a withdrawal from Donetsk, a demand Kyiv rejects", "…, a
//! proposal that Moscow has rejected". The clause's subject takes the
//! stance of its verb on what the comma closes, whoever spoke before it.

use super::subjects::{agent_of, told_by_another};
use super::{Agent, Answer, Memory};
use crate::extract::Party;
use crate::extract::mentions::{IssueHit, SentenceFacts};
use crate::extract::scope::answering_clause;

/// The parties of a relative or appositive clause right after `issue`'s
/// phrase whose stance verb answers it, each with the verb; none when
/// another party tells of it ("Mar said …, which Berg rejects" is Mar's
/// account).
pub fn relative_answerers(
    fact: &SentenceFacts,
    issue: &IssueHit,
    memory: &Memory,
) -> Vec<(Party, Answer)> {
    let Some(clause) = answering_clause(fact, issue) else {
        return Vec::new();
    };
    let Some(Agent::Party(agent)) = agent_of(&[clause.subject], memory) else {
        return Vec::new();
    };
    if told_by_another(fact, issue, &agent, memory) {
        return Vec::new();
    }
    let answer = Answer {
        verb: clause.verb,
        // "…, which Kyiv has not accepted" refuses it.
        refuses: fact.oppose.contains(&clause.verb) != clause.negated,
    };
    agent.parties.into_iter().map(|p| (p, answer)).collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn the_subject_of_a_relative_clause_answers_the_term_before_it() {
        let got = coded("Berg backs the treaty, which Mar rejects.");
        assert_eq!(
            triples(&got),
            [
                ("north", "treaty", Stance::Support),
                ("south", "treaty", Stance::Oppose)
            ]
        );
        let got = coded("Berg wants a tariff cut, which Southland has accepted.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Support),
                ("south", "tariffs", Stance::Support)
            ]
        );
    }

    #[test]
    fn an_appositive_noun_with_a_subject_and_verb_answers_the_term() {
        for text in [
            "Berg demands a tariff cut, a demand Southland rejects.",
            "Berg demands a tariff cut, a demand that Southland has long rejected.",
        ] {
            let got = coded(text);
            assert_eq!(
                triples(&got),
                [
                    ("north", "tariffs", Stance::Support),
                    ("south", "tariffs", Stance::Oppose)
                ],
                "{text}"
            );
        }
    }

    #[test]
    fn a_negated_verb_in_the_clause_refuses() {
        let got = coded("Berg backs the treaty, which Mar has not accepted.");
        assert_eq!(
            triples(&got),
            [
                ("north", "treaty", Stance::Support),
                ("south", "treaty", Stance::Oppose)
            ]
        );
    }

    #[test]
    fn a_clause_another_party_reports_or_tells_is_no_answer() {
        // An analyst tells of both parties: the analyst's account.
        let got = coded("An analyst said Northland wants the treaty, which Southland rejects.");
        assert!(got.is_empty(), "{got:?}");
        // Southland's own Mar may tell of Southland's refusal.
        let got = coded("Mar said Northland wants the treaty, which Southland rejects.");
        assert_eq!(triples(&got), [("south", "treaty", Stance::Oppose)]);
        // "which Mar says is …" reports; it answers nothing by a verb of its own.
        let got = coded("Berg backs the treaty, which Mar says Southland rejects.");
        assert!(!got.iter().any(|(a, _, _)| a == "south"), "{got:?}");
    }
}
