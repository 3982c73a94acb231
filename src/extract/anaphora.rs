//! Issues named only by a pronoun: "Any recognition of Russian sovereignty
//! over Crimea would be void. We will never recognize this."
//!
//! A sentence without an issue term whose stance verb takes "this", "it" or
//! "such a plan" as its object speaks about the one issue the sentence before
//! it named. A pronoun that no stance verb governs is left alone: a passing
//! mention is not a position.

use super::mentions::{IssueHit, SentenceFacts};
use crate::model::Span;

/// Pronouns that stand for a whole proposal.
const PRONOUNS: &[&str] = &["this", "that", "it", "these", "those", "them"];

/// Determiners that, with a proposal noun, refer back ("this proposal").
const DETERMINERS: &[&str] = &["this", "that", "these", "those", "such", "such a"];

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
    let previous = previous?;
    if !fact.issues.is_empty() {
        return None;
    }
    let pronoun = [&fact.support, &fact.oppose, &fact.conditional]
        .iter()
        .flat_map(|cues| cues.iter())
        .find_map(|cue| object_pronoun(fact, *cue))?;
    let mut resolved = fact.clone();
    resolved.issues.push(IssueHit {
        span: pronoun,
        ..previous
    });
    Some(resolved)
}

/// The pronoun right after the stance verb `cue` that ends its clause ("never
/// recognize this."), or a determiner with a proposal noun ("rejected this plan").
fn object_pronoun(fact: &SentenceFacts, cue: Span) -> Option<Span> {
    let rest = &fact.par[cue.end..fact.span.end];
    let skipped = rest.len() - rest.trim_start().len();
    let start = cue.end + skipped;
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    let bare = |w: &str| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let first = words.first()?;
    let ends_clause = |w: &str| w.ends_with(['.', ',', ';', '!', '?', '"', '\u{201d}']);
    if PRONOUNS.contains(&bare(first).as_str()) && (ends_clause(first) || words.len() == 1) {
        let len = first.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        return Some(Span::new(start, start + len));
    }
    let (determiner, noun) = match words.as_slice() {
        [d, n, ..] if DETERMINERS.contains(&bare(d).as_str()) => (bare(d), *n),
        _ => return None,
    };
    let noun = match words.as_slice() {
        [_, a, n, ..] if determiner == "such" && bare(a) == "a" => *n,
        _ => noun,
    };
    PROPOSALS.contains(&bare(noun).as_str()).then(|| {
        let end = fact.par[start..fact.span.end]
            .find(noun)
            .map_or(start, |i| start + i + bare(noun).len());
        Span::new(start, end)
    })
}
