//! Issues named only by a pronoun: "Any recognition of Russian sovereignty
//! over Crimea would be void. We will never recognize this."
//!
//! A sentence without an issue term whose stance verb takes "this", "it" or
//! "such a plan" as its object speaks about the one issue the sentence before
//! it named. A pronoun that no stance verb governs is left alone: a passing
//! mention is not a position.

use super::mentions::{IssueHit, SentenceFacts};
use super::{AUXILIARIES, is_one_of, words_at};
use crate::model::Span;

/// Pronouns that stand for a whole proposal.
const PRONOUNS: &[&str] = &["this", "that", "it", "these", "those", "them"];

/// Determiners that, with a proposal noun, refer back ("this proposal").
const DETERMINERS: &[&str] = &["this", "that", "these", "those", "such"];

/// Nouns for a matter under discussion ("this issue").
const TOPICS: &[&str] = &["matter", "issue", "question"];

/// Nouns for what a party proposes or demands.
const PROPOSALS: &[&str] = &[
    "proposal",
    "proposals",
    "plan",
    "idea",
    "demand",
    "demands",
    "offer",
    "option",
    "scenario",
    "condition",
    "conditions",
    "terms",
    "step",
    "deployment",
    "arrangement",
];

/// The one issue `fact` names, for the sentence after it.
pub fn single_issue(fact: &SentenceFacts) -> Option<IssueHit> {
    let first = *fact.issues.first()?;
    fact.issues
        .iter()
        .all(|i| i.issue == first.issue)
        .then_some(first)
}

/// `fact` with the issue of the sentence before (`previous`) at the pronoun a
/// stance verb governs, if it names no issue itself.
pub fn resolve<'a>(
    fact: &SentenceFacts<'a>,
    previous: Option<IssueHit>,
) -> Option<SentenceFacts<'a>> {
    if !fact.issues.is_empty() {
        return within_sentence(fact);
    }
    let previous = previous?;
    let pronoun = fact
        .stance_cues()
        .find_map(|cue| object_pronoun(fact, *cue))
        .or_else(|| subject_phrase(fact))?;
    let mut resolved = fact.clone();
    resolved.issues.push(IssueHit {
        span: pronoun,
        ..previous
    });
    Some(resolved)
}

/// `fact` with its one issue also at the pronoun that a stance verb of a
/// later clause governs: "Macron backs NATO membership, while Peskov rejects
/// it" gives Peskov's clause the issue of Macron's.
fn within_sentence<'a>(fact: &SentenceFacts<'a>) -> Option<SentenceFacts<'a>> {
    let named = single_issue(fact)?;
    let last = fact.issues.iter().map(|i| i.span.end).max()?;
    let later = fact.clause_end(last);
    let pronoun = fact
        .stance_cues()
        .filter(|cue| cue.start >= later)
        .find_map(|cue| inner_pronoun(fact, *cue).or_else(|| object_pronoun(fact, *cue)))
        .or_else(|| elided_predicate(fact, later))?;
    let mut resolved = fact.clone();
    resolved.issues.push(IssueHit {
        span: pronoun,
        ..named
    });
    Some(resolved)
}

/// The pronoun inside a stance verb of two parts ("has ruled it out").
fn inner_pronoun(fact: &SentenceFacts, cue: Span) -> Option<Span> {
    let text = fact.text(cue);
    let at = text.find(" it ")? + 1;
    Some(Span::new(cue.start + at, cue.start + at + 2))
}

/// The auxiliary of a predicate left out after a party ("Washington wants a
/// truce; Moscow does not."): it stands for what the earlier clause said,
/// and the negation after it turns it round.
fn elided_predicate(fact: &SentenceFacts, from: usize) -> Option<Span> {
    fact.negation
        .iter()
        .filter(|n| n.start >= from)
        .find_map(|n| {
            let after = fact.par[n.end..fact.span.end].trim_start();
            let ends = after.is_empty() || after.starts_with(['.', ',', ';', '!']);
            let before = fact.par[from..n.start].trim_end();
            let (rest, auxiliary) = before.rsplit_once(' ')?;
            let subject = fact
                .mentions
                .iter()
                .any(|m| m.span.end == from + rest.trim_end().len());
            (ends && subject && is_one_of(auxiliary, AUXILIARIES)).then(|| {
                let start = from + rest.len() + 1;
                Span::new(start, start + auxiliary.len())
            })
        })
}

/// A referring phrase that opens the main clause and a stance cue of that
/// clause takes a position on: "Such a plan is unacceptable", "In their
/// view, this deployment has become the key red line".
fn subject_phrase(fact: &SentenceFacts) -> Option<Span> {
    let start = fact
        .main_clause
        .max(viewpoint_end(fact).unwrap_or(fact.span.start));
    let clause = fact.text(Span::new(start, fact.clause_end(start)));
    let mut words = words_at(clause, start).filter(|(_, w)| !matches!(*w, "a" | "an"));
    let (at, determiner) = words.next()?;
    let (noun_at, noun) = words.next()?;
    let noun = noun.trim_end_matches(|c: char| !c.is_alphanumeric());
    let refers = DETERMINERS
        .iter()
        .any(|d| determiner.eq_ignore_ascii_case(d))
        && PROPOSALS.contains(&noun.to_lowercase().as_str());
    let phrase = Span::new(at, noun_at + noun.len());
    let end = fact.clause_end(start);
    let judged = fact
        .stance_cues()
        .any(|c| c.start >= phrase.end && c.end <= end);
    (refers && judged).then_some(phrase)
}

/// The end of an opening "In their view," or "According to him,".
fn viewpoint_end(fact: &SentenceFacts) -> Option<usize> {
    let text = fact.text(fact.span);
    let comma = text.find(',')?;
    let opening = &text[..comma];
    let views = opening.starts_with("In ") || opening.starts_with("According to ");
    (views && opening.split_whitespace().count() <= 4).then(|| fact.span.start + comma + 1)
}

/// How many words after its stance verb a referring phrase may stand
/// ("expressed readiness to work on this matter").
const PHRASE_REACH: usize = 5;

/// The pronoun right after the stance verb `cue` that ends its clause ("never
/// recognize this."), or a determiner with a proposal noun near after it
/// ("rejected this plan", "readiness to work on this matter").
fn object_pronoun(fact: &SentenceFacts, cue: Span) -> Option<Span> {
    let rest = &fact.par[cue.end..fact.span.end];
    // Words after the cue with their offsets in the document.
    let words: Vec<(usize, &str)> = words_at(rest, cue.end)
        .take(PHRASE_REACH + 1)
        // "such a plan": the article stands between determiner and noun.
        .filter(|(_, w)| !matches!(*w, "a" | "an"))
        .collect();
    let ends_clause = |w: &str| w.ends_with(['.', ',', ';', '!', '?', '"', '\u{201d}']);
    let (first_at, first) = *words.first()?;
    if is_one_of(bare(first), PRONOUNS) && (ends_clause(first) || words.len() == 1) {
        let len = first.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        return Some(Span::new(first_at, first_at + len));
    }
    words.iter().enumerate().find_map(|(i, &(at, determiner))| {
        let refers = is_one_of(bare(determiner), DETERMINERS);
        // "comply with Putin's cynical demand", "rejected the plan": a
        // possessive or "the" refers back too, across one adjective.
        let owned = is_possessive(determiner) || is_one_of(determiner, &["the", "its", "their"]);
        let reach = if owned { 2 } else { 1 };
        words[i + 1..]
            .iter()
            .take(reach)
            .find_map(|&(noun_at, noun)| {
                let noun_bare = bare(noun);
                let proposal = is_one_of(noun_bare, PROPOSALS);
                let topic = is_one_of(noun_bare, TOPICS);
                ((refers && (proposal || topic)) || (owned && proposal))
                    .then(|| Span::new(at, noun_at + noun_bare.len()))
            })
    })
}

/// `word` without the punctuation after it; compared with [`is_one_of`],
/// not lower-cased into a copy: this runs for every stance cue.
fn bare(word: &str) -> &str {
    word.trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// Does `word` end in a possessive "'s"?
fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("\u{2019}s")
}

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn a_later_clause_pronoun_takes_the_sentences_issue() {
        let got = coded("Berg backs the treaty, while Mar rejects it.");
        assert_eq!(
            triples(&got),
            [
                ("north", "treaty", Stance::Support),
                ("south", "treaty", Stance::Oppose)
            ]
        );
    }

    #[test]
    fn a_possessive_or_the_with_a_proposal_noun_refers_back() {
        let expected = [
            ("north", "tariffs", Stance::Oppose),
            ("south", "tariffs", Stance::Support),
        ];
        let got = coded(
            "Southland demands a tariff cut, but Berg will not accept Southland's new demand.",
        );
        assert_eq!(triples(&got), expected);
        let got = coded("Southland demands a tariff cut. Berg rejected the demand.");
        assert_eq!(triples(&got), expected);
    }

    #[test]
    fn a_left_out_predicate_takes_the_earlier_clauses_issue() {
        let got = coded("Berg wants the treaty; Mar does not.");
        assert_eq!(
            triples(&got),
            [
                ("north", "treaty", Stance::Support),
                ("south", "treaty", Stance::Oppose)
            ]
        );
    }

    #[test]
    fn a_pronoun_of_the_same_clause_is_left_alone() {
        let got = coded("Berg backs the treaty and wants it.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }
}
