//! Stance: support, oppose or conditional, from the cue words in the scope of
//! an issue term — the clause that holds it, and a few words after it.
//!
//! Precedence: a thing sought "in exchange for" is supported; an opposing cue
//! or a negation in front of the term opposes; a condition makes it
//! conditional; otherwise a support cue, or a speech verb, supports. Terms that
//! name the opposite of the issue ("a strong army" for a cap on the army)
//! flip support and opposition.

use super::Matchers;
use super::mentions::{IssueHit, SentenceFacts};
use super::speakers::Speaker;
use crate::model::{Span, Stance};

/// A stance and the cue words that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub stance: Stance,
    pub cues: Vec<Span>,
}

/// How many words after the term still belong to its scope ("… is unacceptable").
const WORDS_AFTER: usize = 6;
/// How many words before the term a negation reaches ("will not send troops").
const NEGATION_REACH: usize = 6;
/// How many words after the term a negation still denies it ("troops will not be sent").
const NEGATION_AFTER: usize = 3;

/// The stance of `speaker` on `issue` in `fact`; `None` when nothing in the
/// sentence takes a position (a meeting took place, talks focused on …).
pub fn decide(
    fact: &SentenceFacts,
    issue: &IssueHit,
    _speaker: &Speaker,
    _m: &Matchers,
) -> Option<Decision> {
    let mut start = fact.clause_start(issue.span.start);
    let before_in_clause = |from: usize, spans: &[Span]| {
        spans
            .iter()
            .any(|s| s.start >= from && s.end <= issue.span.start)
    };
    let has_cue_before = |from: usize| {
        before_in_clause(from, &fact.support)
            || before_in_clause(from, &fact.oppose)
            || before_in_clause(from, &fact.conditional)
    };
    if !has_cue_before(start) && start > fact.span.start {
        // "X ruled out that …": the governing verb sits in the clause before.
        start = fact.clause_start(start - 1);
    }
    let after_limit = nth_word_end(fact.par, issue.span.end, WORDS_AFTER).min(fact.span.end);
    let end = fact
        .clause_end(issue.span.end)
        .min(after_limit)
        .max(issue.span.end);
    let in_scope = |spans: &[Span]| -> Vec<Span> {
        spans
            .iter()
            .filter(|s| s.start >= start && s.end <= end && !overlaps(**s, issue.span))
            .copied()
            .collect()
    };
    let exchange: Vec<Span> = in_scope(&fact.conditional)
        .into_iter()
        .filter(|s| {
            s.end <= issue.span.start
                && fact
                    .text(Span::new(s.end, issue.span.start))
                    .split_whitespace()
                    .count()
                    <= 3
                && fact.text(*s).to_lowercase().starts_with("in ")
        })
        .collect();
    let negation_floor = nth_word_start_back(fact.par, issue.span.start, NEGATION_REACH).max(start);
    let mut negations: Vec<Span> = fact
        .negation
        .iter()
        .filter(|s| s.start >= negation_floor && s.end <= issue.span.start)
        .copied()
        .collect();
    let oppose = in_scope(&fact.oppose);
    let conditional = in_scope(&fact.conditional);
    // "… troops would not be deployed": a negation right after the term.
    let negation_ceiling = nth_word_end(fact.par, issue.span.end, NEGATION_AFTER).min(end);
    negations.extend(
        fact.negation
            .iter()
            .filter(|s| s.start >= issue.span.end && s.end <= negation_ceiling),
    );
    let support = in_scope(&fact.support);

    let (stance, cues) = if !exchange.is_empty() {
        (Stance::Support, exchange)
    } else if !oppose.is_empty() || !negations.is_empty() {
        let mut cues = oppose;
        cues.extend(negations);
        (Stance::Oppose, cues)
    } else if !conditional.is_empty() {
        (Stance::Conditional, conditional)
    } else if !support.is_empty() {
        (Stance::Support, support)
    } else if !fact.speech.is_empty() || fact.is_quoted() {
        (Stance::Support, Vec::new())
    } else {
        return None;
    };
    let stance = match (issue.inverse, stance) {
        (true, Stance::Support) => Stance::Oppose,
        (true, Stance::Oppose) => Stance::Support,
        (_, s) => s,
    };
    let mut cues = cues;
    cues.sort();
    cues.dedup();
    Some(Decision { stance, cues })
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The byte offset after the `n`th word following `at`.
fn nth_word_end(text: &str, at: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[at..].char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return at + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// The byte offset of the `n`th word before `at`.
fn nth_word_start_back(text: &str, at: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text[..at].char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i + 1;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}
