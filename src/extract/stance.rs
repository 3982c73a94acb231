//! Stance: support, oppose or conditional, from the cue words in the scope of
//! an issue term — the clause that holds it, and a few words after it.
//!
//! Precedence: a thing sought "in exchange for", and a condition demanded
//! ("… unless Ukraine withdraws"), are supported; a condition on the term
//! ("only if", "open to", a trade against another issue) makes it conditional,
//! even in a refusal; an opposing cue or a negation in front of or just after
//! the term opposes; otherwise a support cue, or a speech verb, supports. Terms that
//! name the opposite of the issue ("a strong army" for a cap on the army)
//! flip support and opposition; backing a term that names a partial acceptance
//! ("the line of contact", a higher cap than demanded) is conditional, and so
//! is dismissing one that names the full reversal ("the pre-war borders").

use super::ends_with_ignoring_case;
use super::mentions::{IssueHit, SentenceFacts, TermSense};
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
/// How many words may stand between a negation and the support verb it
/// negates ("will not agree", "did not ever accept").
const NEGATED_CUE_REACH: usize = 2;

/// How far a condition opener reaches to the term it demands ("unless Kyiv pulls its forces back").
const CONDITION_REACH: usize = 8;

/// Verbs of wishing: in a condition they state its premise ("if they want to
/// join …"), not a demand.
const WISHES: &[&str] = &[
    "want", "wants", "wish", "wishes", "hope", "hopes", "seek", "seeks", "aspire", "aspires",
];

/// The stance taken on `issue` in `fact`, from cues at or after `floor`;
/// `None` when nothing in the sentence takes a position (a meeting took
/// place, talks focused on …).
pub fn decide(fact: &SentenceFacts, issue: &IssueHit, floor: usize) -> Option<Decision> {
    let mut start = fact.clause_start(issue.span.start).max(floor);
    let cues = || {
        [&fact.support, &fact.oppose, &fact.conditional]
            .into_iter()
            .flat_map(|spans| spans.iter())
    };
    let cue_between = |from: usize, to: usize| cues().any(|s| s.start >= from && s.end <= to);
    // "… barring Ukraine from NATO, limiting its army to 600,000,
    // transferring Donbas …": in a list, an item's own cue governs its term;
    // an item without one shares the list's head verb (the first cue), not
    // the cues of the other items.
    let own_verb: Vec<Span> = fact
        .support
        .iter()
        .filter(|s| s.start == issue.span.start && s.end < issue.span.end)
        .copied()
        .collect();
    // Items are separated by commas and by "and" ("wants Ukraine to
    // renounce NATO and cede the Donbas").
    let list = |from: usize, to: usize| -> Option<(usize, Span)> {
        let text = fact.text(Span::new(from, to));
        let comma = text.rfind(',').map(|i| i + 1);
        let and = text.rfind(" and ").map(|i| i + " and".len());
        let item = from + comma.into_iter().chain(and).max()?;
        if cue_between(item, to) || !own_verb.is_empty() {
            return Some((item, Span::new(from, from)));
        }
        let head = cues()
            .filter(|c| c.start >= from && c.end <= item)
            .map(|c| c.end)
            .min()?;
        Some((from, Span::new(head, item)))
    };
    let mut other_items = Span::new(start, start);
    let mut in_list = !own_verb.is_empty() || is_series(fact.text(fact.span));
    if !cue_between(start, issue.span.start)
        && start > fact.span.start.max(floor)
        && start != fact.main_clause
    {
        // "X ruled out that …": the governing verb sits in the clause before;
        // the nearest cue there governs (or its list's head), not every cue
        // of that clause.
        let previous = fact.clause_start(start - 1).max(floor);
        match list(previous, start) {
            Some((from, skip)) if skip.start < skip.end => {
                start = from;
                other_items = skip;
                in_list = true;
            }
            _ => {
                start = cues()
                    .filter(|c| c.start >= previous && c.end <= start)
                    .map(|c| c.start)
                    .max()
                    .unwrap_or(previous);
            }
        }
    } else if let Some((from, skip)) = list(start, issue.span.start) {
        start = from;
        other_items = skip;
        in_list = true;
    }
    // A term that is only talked about ("developments regarding guarantees
    // will be unveiled") takes no stance from what follows it, nor from a
    // negation of the talking ("did not understand how the guarantees work").
    let topic = topic_word(fact, issue);
    let after_limit = nth_word_end(fact.par, issue.span.end, WORDS_AFTER).min(fact.span.end);
    // In a list, what follows the term belongs to it up to the next comma,
    // where the next item starts (not so the commas of "January 1, 2027").
    let after = &fact.par[issue.span.end..fact.span.end];
    let next_comma = after
        .match_indices(", ")
        .find(|(i, _)| in_list && !after[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
        .map_or(fact.span.end, |(i, _)| issue.span.end + i);
    // Cues must start within the words after the term and end in its clause
    // ("… was not on the table").
    let bound = if topic.is_some() {
        issue.span.end
    } else {
        fact.clause_end(issue.span.end)
            .min(next_comma)
            .max(issue.span.end)
    };
    let end = after_limit.min(bound).max(issue.span.end);
    let in_scope = |spans: &[Span]| -> Vec<Span> {
        spans
            .iter()
            .filter(|s| s.start >= start && s.start < end && s.end <= bound)
            // "cap its army at 600,000 and renounce its NATO bid": a verb
            // coordinated after the term governs the term after it.
            .filter(|s| {
                s.start < issue.span.end || {
                    let before = fact.par[issue.span.end..s.start].trim_end();
                    let coordinated = before.ends_with(" and") || before.ends_with(" or");
                    let reach = nth_word_end(fact.par, s.end, WORDS_AFTER);
                    let governs_next = fact
                        .issues
                        .iter()
                        .any(|i| i.span.start >= s.end && i.span.start < reach);
                    !(coordinated && governs_next)
                }
            })
            .filter(|s| !overlaps(**s, issue.span))
            .filter(|s| !other_items.contains(**s))
            .copied()
            .collect()
    };
    let words_between = |a: usize, b: usize| fact.text(Span::new(a, b)).split_whitespace().count();

    // "… in exchange for security guarantees": what is sought is supported.
    let exchange: Vec<Span> = fact
        .exchange
        .iter()
        .filter(|s| s.end <= issue.span.start && words_between(s.end, issue.span.start) <= 3)
        .copied()
        .collect();
    // "… unless Ukraine withdraws from Donetsk": the condition is demanded.
    let demanded: Vec<Span> = fact
        .condition_openers
        .iter()
        .filter(|o| {
            // "If they want to join the EU, they must …": a wish in the
            // condition is its premise, not what is demanded.
            let wished = fact
                .text(Span::new(o.end, issue.span.start.max(o.end)))
                .split_whitespace()
                .any(|w| WISHES.contains(&w.to_lowercase().as_str()));
            o.end <= issue.span.start
                && words_between(o.end, issue.span.start) <= CONDITION_REACH
                && !fact.text(Span::new(o.end, issue.span.start)).contains(';')
                && !wished
        })
        .copied()
        .collect();
    // "a ceasefire only if troops withdraw": a term traded against another issue.
    let traded: Vec<Span> = fact
        .condition_openers
        .iter()
        .filter(|o| {
            o.start >= issue.span.end
                && fact.issues.iter().any(|other| {
                    other.span.start >= o.end && other.span.start < fact.clause_end(o.end)
                })
        })
        .copied()
        .collect();
    let negation_floor = nth_word_start_back(fact.par, issue.span.start, NEGATION_REACH)
        .max(start)
        .max(topic.unwrap_or(0));
    let negation_ceiling = nth_word_end(fact.par, issue.span.end, NEGATION_AFTER).min(end);
    let mut negations: Vec<Span> = fact
        .negation
        .iter()
        .filter(|s| {
            // After the term, a negation with a new subject before it
            // ("the parts of Donetsk Russia didn't occupy") is that subject's.
            let new_subject = || {
                fact.mentions
                    .iter()
                    .any(|m| m.span.start >= issue.span.end && m.span.end <= s.start)
            };
            (s.start >= negation_floor && s.end <= issue.span.start)
                || (s.start >= issue.span.end && s.end <= negation_ceiling && !new_subject())
        })
        // "… or not" asks; it does not deny.
        .filter(|s| !ends_with_ignoring_case(fact.par[..s.start].trim_end(), " or"))
        .copied()
        .collect();
    let mut oppose = in_scope(&fact.oppose);
    let mut conditional = in_scope(&fact.conditional);
    conditional.extend(traded);
    let mut support = in_scope(&fact.support);
    let negation_of = |cue: &Span| {
        fact.negation
            .iter()
            .copied()
            .find(|n| n.end <= cue.start && words_between(n.end, cue.start) <= NEGATED_CUE_REACH)
    };
    // "would not agree to any cap …": a negated support verb refuses what
    // it governs, however far the term; "will not give up its ambition to
    // join NATO": a negated refusal keeps it.
    let (negated_support, kept): (Vec<Span>, Vec<Span>) =
        support.iter().partition(|cue| negation_of(cue).is_some());
    let (negated_oppose, still_oppose): (Vec<Span>, Vec<Span>) =
        oppose.iter().partition(|cue| negation_of(cue).is_some());
    let flipping: Vec<Span> = negated_support
        .iter()
        .chain(&negated_oppose)
        .filter_map(negation_of)
        .collect();
    negations.retain(|n| !flipping.contains(n));
    support = kept;
    // "never" is a refusal and a negation: negating, it refuses no more.
    oppose = still_oppose
        .into_iter()
        .filter(|o| !flipping.contains(o))
        .collect();
    oppose.extend(negated_support.iter().filter_map(negation_of));
    support.extend(negated_oppose);
    if support.is_empty() {
        support = own_verb;
    }

    let (stance, cues) = if !exchange.is_empty() {
        (Stance::Support, exchange)
    } else if !demanded.is_empty() {
        // Only a negation inside the condition denies it: "No ceasefire
        // unless Ukraine withdraws" demands the withdrawal.
        let opener = demanded
            .iter()
            .map(|o| o.end)
            .max()
            .unwrap_or(issue.span.start);
        let denied: Vec<Span> = negations
            .iter()
            .filter(|n| n.start >= opener)
            .copied()
            .collect();
        if denied.is_empty() {
            (Stance::Support, demanded)
        } else {
            (Stance::Oppose, denied)
        }
    } else if !conditional.is_empty() {
        // A refusal with a way out ("rejected … until it meets the criteria")
        // is conditional too.
        (Stance::Conditional, conditional)
    } else if !oppose.is_empty() || !negations.is_empty() {
        let mut cues = oppose;
        cues.extend(negations);
        // "Joining on January 1, 2027 is impossible": not now, maybe later.
        let timing = in_scope(&fact.timing);
        if timing.is_empty() {
            (Stance::Oppose, cues)
        } else {
            cues.extend(timing);
            (Stance::Conditional, cues)
        }
    } else if !support.is_empty() {
        (Stance::Support, support)
    } else if (!fact.speech.is_empty() || fact.is_quoted()) && topic.is_none() {
        (Stance::Support, Vec::new())
    } else {
        return None;
    };
    let stance = in_sense(issue.sense, stance);
    let mut cues = cues;
    cues.sort();
    cues.dedup();
    Some(Decision { stance, cues })
}

/// Words that make the term what is talked about rather than what is
/// wanted: "a discussion regarding security guarantees", "asked about a
/// ceasefire", "how the guarantees would work", "discussing formats of …";
/// "as part of" frames a term the same way.
const TOPIC_WORDS: &[&str] = &[
    "regarding",
    "about",
    "concerning",
    "around",
    "surrounding",
    "how",
    "whether",
    "discuss",
    "discusses",
    "discussed",
    "discussing",
    "discussion",
    "discussions",
    "debate",
    "debating",
];

/// How many words before the term a topic word reaches.
const TOPIC_REACH: usize = 4;

/// The end of the topic word that makes the issue term only the topic of
/// what is said, if there is one: then speaking is not yet a stance.
fn topic_word(fact: &SentenceFacts, issue: &IssueHit) -> Option<usize> {
    // "On NATO expansion: the plan …" labels what follows.
    let label = fact
        .text(Span::new(fact.span.start, issue.span.start))
        .trim()
        == "On"
        && fact.par[issue.span.end..fact.span.end].starts_with(':');
    if label {
        return Some(fact.span.start + 2);
    }
    let clause = fact.clause_start(issue.span.start);
    let before = fact.text(Span::new(clause, issue.span.start));
    let mut end = issue.span.start;
    for word in before.split_whitespace().rev().take(TOPIC_REACH) {
        let at = clause + fact.par[clause..end].rfind(word)?;
        let bare = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // "troops as part of the guarantees": the guarantees frame the point.
        let frame =
            bare == "of" && ends_with_ignoring_case(fact.par[clause..at].trim_end(), "as part");
        if TOPIC_WORDS.contains(&bare.as_str()) || frame {
            return Some(at + word.len());
        }
        end = at;
    }
    None
}

/// Does `sentence` hold a series of three or more ("A, B, and C", "A, B, or C")?
fn is_series(sentence: &str) -> bool {
    let separators: Vec<usize> = sentence
        .match_indices(", ")
        .filter(|(i, _)| !sentence[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
        .map(|(i, _)| i)
        .collect();
    let closing = |i: &usize| {
        let rest = &sentence[i + 2..];
        rest.starts_with("and ") || rest.starts_with("or ")
    };
    separators.len() >= 2 && separators.iter().skip(1).any(closing)
}

/// The stance of a plan that only contains the term: support, read through
/// the term's sense.
pub fn proposed(issue: &IssueHit) -> Decision {
    Decision {
        stance: in_sense(issue.sense, Stance::Support),
        cues: Vec::new(),
    }
}

/// A stance on the term's words, as a stance on the issue's proposition.
fn in_sense(sense: TermSense, stance: Stance) -> Stance {
    match (sense, stance) {
        (TermSense::Inverse, Stance::Support) => Stance::Oppose,
        (TermSense::Inverse, Stance::Oppose) => Stance::Support,
        (TermSense::Partial, Stance::Support) => Stance::Conditional,
        (TermSense::Reversal, Stance::Support) => Stance::Oppose,
        (TermSense::Reversal, Stance::Oppose) => Stance::Conditional,
        (_, s) => s,
    }
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
        } else if c.is_alphanumeric() {
            // A dash or a comma standing alone is not a word.
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
        } else if c.is_alphanumeric() {
            // A dash or a comma standing alone is not a word.
            in_word = true;
        }
    }
    0
}
