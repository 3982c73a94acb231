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

use super::framing::{self, Frame};
use super::mentions::{IssueHit, SentenceFacts, TermSense};
use super::scope::{Scope, TALKING, dates_another, nth_word_end, nth_word_start_back};
use super::speakers::{self, Answer};
use super::{AUXILIARIES, JUDGING_VERBS, ends_with_ignoring_case, is_one_of, words_at};
use crate::model::{Span, Stance};

/// A stance and the cue words that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub stance: Stance,
    pub cues: Vec<Span>,
}

/// How many words before the term a negation reaches ("will not send troops").
const NEGATION_REACH: usize = 6;
/// How many words after the term a negation still denies it ("troops will not be sent").
const NEGATION_AFTER: usize = 3;
/// How many words may stand between a negation and the support verb it
/// negates ("will not agree", "did not ever accept").
const NEGATED_CUE_REACH: usize = 2;

/// How far a condition opener reaches to the term it demands ("unless Kyiv pulls its forces back").
const CONDITION_REACH: usize = 8;

/// How many words after the term an "only" and its condition may follow
/// ("a ceasefire would only be possible if").
const RESTRICTION_REACH: usize = 5;

/// Verbs of wishing: in a condition they state its premise ("if they want to
/// join …"), not a demand.
const WISHES: &[&str] = &[
    "want", "wants", "wish", "wishes", "hope", "hopes", "seek", "seeks", "aspire", "aspires",
];

/// The stance taken on `issue` in `fact`, from cues at or after `floor` and
/// outside `held` (another party's words); `None` when nothing in the
/// sentence takes a position (a meeting took place, talks focused on …).
pub fn decide(
    fact: &SentenceFacts,
    issue: &IssueHit,
    floor: usize,
    held: Span,
) -> Option<Decision> {
    match framing::frame(fact, issue, floor) {
        Some(Frame::Answer(answer)) => return answered(fact, issue, answer),
        Some(Frame::Charge(charge)) => return charged(fact, issue, charge, held),
        // "was asked whether Moscow wants …", "it is unclear whether …": a
        // question asks; it takes no stance.
        Some(Frame::Question) => return None,
        None => {}
    }
    if dates_another(fact, issue) {
        return None;
    }
    let mut scope = Scope::of(fact, issue, floor);
    scope.held = held;
    let topic = scope.topic;
    let in_scope = |spans: &[Span]| -> Vec<Span> {
        spans
            .iter()
            .filter(|s| scope.holds(fact, issue, **s))
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
            let inside = fact.text(Span::new(o.end, issue.span.start.max(o.end)));
            let wished = inside.split_whitespace().any(|w| is_one_of(w, WISHES));
            // "Only if allies agree will Rubio accept …": after a fronted
            // "only if" the inverted auxiliary ends the condition.
            let fronted_only = fact
                .text(Span::new(fact.span.start, o.end))
                .trim_start_matches(['"', '\u{201C}', ' '])
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("only"));
            let inverted = fronted_only
                && inside
                    .split_whitespace()
                    .skip(1)
                    .any(|w| is_one_of(w, AUXILIARIES));
            o.end <= issue.span.start
                && words_between(o.end, issue.span.start) <= CONDITION_REACH
                && !inside.contains([';', ','])
                && !wished
                && !inverted
        })
        .copied()
        .collect();
    // "a ceasefire only if troops withdraw": a term traded against another issue.
    let traded: Vec<Span> = fact
        .condition_openers
        .iter()
        .filter(|o| {
            // "… concerned about a cap because Ukraine must defend itself if
            // there is a ceasefire": a condition of a later clause trades nothing.
            o.start >= issue.span.end
                && o.start <= fact.clause_end(issue.span.end)
                && fact.issues.iter().any(|other| {
                    other.span.start >= o.end && other.span.start < fact.clause_end(o.end)
                })
        })
        .copied()
        .collect();
    // "a ceasefire is only possible if …", "will only agree to a truce
    // if …", "no ceasefire without a withdrawal": the term is granted on a
    // condition, whatever it is.
    let clause = fact.clause_start(issue.span.start);
    let lead = fact.text(Span::new(
        nth_word_start_back(fact.par, issue.span.start, NEGATION_REACH).max(clause),
        issue.span.start,
    ));
    let mut negations = negations(fact, issue, &scope);
    // "Russia has not received any proposal for a ceasefire": a term that is
    // the object of another, denied verb is only named; a speech verb alone
    // makes it no position.
    let object_of_denied_verb = fact.negation.iter().any(|n| {
        n.end <= issue.span.start
            && n.start >= clause
            && nth_word_start_back(fact.par, issue.span.start, NEGATION_REACH) <= n.start
            && negates_other_verb(fact, *n, issue)
    });
    let restricted = fact.condition_openers.iter().copied().filter(|o| {
        let between = fact.text(Span::new(issue.span.end, o.start.max(issue.span.end)));
        // "no ceasefire without a withdrawal", "will not sign until it has
        // guarantees": a negated term granted past an exception.
        let excepted = is_one_of(fact.text(*o), EXCEPTIONS) && !negations.is_empty();
        o.start >= issue.span.end
            && words_between(issue.span.end, o.start) <= RESTRICTION_REACH
            && !between.contains([',', ';', ':'])
            && (has_only(between) || has_only(lead) || excepted)
    });
    let mut oppose = in_scope(&fact.oppose);
    let mut conditional = in_scope(&fact.conditional);
    conditional.extend(traded);
    conditional.extend(restricted);
    conditional.extend(restricted_in_time(fact, issue, lead));
    let mut support = in_scope(&fact.support);
    // "The plan, seen but not published, proposes …": a negation does not
    // reach past the comma that closes its phrase.
    // "will not abandon plans to join": a negation denies the first cue
    // after it, which governs the rest.
    let cue_within =
        |from: usize, to: usize| fact.stance_cues().any(|c| c.start >= from && c.end <= to);
    let negation_of = |cue: &Span| {
        fact.negation.iter().copied().find(|n| {
            let between = fact.text(Span::new(n.end, cue.start));
            n.end <= cue.start
                && !between.contains(',')
                && !cue_within(n.end, cue.start)
                && words_outside_judging_frame(between) <= NEGATED_CUE_REACH
                && !corrects_an_adjunct(fact, *n)
                && !denies_a_purpose(fact, *n)
        })
    };
    // "would not agree to any cap …": a negated support verb refuses what
    // it governs, however far the term; "will not give up its ambition to
    // join NATO": a negated refusal keeps it.
    let (negated_support, kept): (Vec<Span>, Vec<Span>) =
        support.iter().partition(|cue| negation_of(cue).is_some());
    let (negated_oppose, still_oppose): (Vec<Span>, Vec<Span>) =
        oppose.iter().partition(|cue| negation_of(cue).is_some());
    // "not ready to discuss", "not open to": openness a verb denies is a
    // refusal; "no consensus on …", "No truce unless …" still name a
    // condition.
    let verbal = |n: Span| {
        let word = fact.text(n);
        is_one_of(word, &["not", "never"]) || is_verb_negation(word)
    };
    // A conjunction ("will not accept … unless") is no verb to deny.
    let (negated_conditional, open): (Vec<Span>, Vec<Span>) = conditional.iter().partition(|cue| {
        !fact.condition_openers.contains(cue) && negation_of(cue).is_some_and(verbal)
    });
    conditional = open;
    let flipping: Vec<Span> = negated_support
        .iter()
        .chain(&negated_oppose)
        .chain(&negated_conditional)
        .filter_map(negation_of)
        .collect();
    negations.retain(|n| !flipping.contains(n));
    support = kept;
    // "never" is a refusal and a negation: negating, it refuses no more.
    oppose = still_oppose
        .into_iter()
        .filter(|o| !flipping.contains(o))
        .collect();
    oppose.extend(
        negated_support
            .iter()
            .chain(&negated_conditional)
            .filter_map(negation_of),
    );
    support.extend(negated_oppose);
    if support.is_empty() {
        support = scope.own_verb.clone();
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
        // A time limit in the term itself counts too ("an accession date").
        let mut timing = in_scope(&fact.timing);
        timing.extend(
            fact.timing
                .iter()
                .filter(|t| issue.span.start <= t.start && t.end <= issue.span.end),
        );
        if timing.is_empty() {
            (Stance::Oppose, cues)
        } else {
            cues.extend(timing);
            (Stance::Conditional, cues)
        }
    } else if !support.is_empty()
        || ((!fact.speech.is_empty() || fact.is_quoted() || speakers::source_label(fact).is_some())
            && topic.is_none()
            && !object_of_denied_verb)
        || commits(fact, issue, &scope)
    {
        // "would support peacekeepers if allies agree", "If the vote
        // passes, Kyiv will accept …": backing under a condition.
        match condition_on(fact, issue) {
            Some(opener) => {
                support.push(opener);
                (Stance::Conditional, support)
            }
            None => (Stance::Support, support),
        }
    } else {
        return None;
    };
    let mut stance = in_sense(issue.sense, stance);
    let mut cues = cues;
    // "wants guarantees instead of NATO membership": what a choice is set
    // against is refused, whatever backs the choice.
    if let Some(alternative) = set_against(fact, issue) {
        stance = in_sense(issue.sense, Stance::Oppose);
        cues.push(alternative);
    }
    cues.sort();
    cues.dedup();
    Some(Decision { stance, cues })
}

/// How many words of `between` (from a negation to a cue) are not a frame
/// of judging ("does not see it as workable", "does not consider it
/// realistic") or of compulsion ("will not be forced to give up"): the
/// frame passes the negation on to the judgement or to what is compelled.
fn words_outside_judging_frame(between: &str) -> usize {
    // Asked once per cue and negation: no allocation.
    let mut words = between.split_whitespace();
    let mut before = 0;
    while let Some(word) = words.next() {
        let mut after = words.clone();
        if is_one_of(word, &["be", "been", "being", "get"])
            && after.next().is_some_and(|w| is_one_of(w, PARTICIPLE_LINKS))
            && after.next().is_some_and(|w| is_one_of(w, &["to", "into"]))
        {
            words = after;
            continue;
        }
        let mut after = words.clone();
        if is_one_of(word, JUDGING_VERBS)
            && after
                .next()
                .is_some_and(|object| is_one_of(object, &["it", "this", "that", "them"]))
        {
            let mut rest = after.peekable();
            rest.next_if(|w| w.eq_ignore_ascii_case("as"));
            return before + rest.count();
        }
        before += 1;
    }
    before
}

/// "The US will monitor the ceasefire": a future of the term's clause,
/// before the term, commits its subject to what the term names, unless
/// the verb only talks about it ("will discuss troops").
fn commits(fact: &SentenceFacts, issue: &IssueHit, scope: &Scope) -> bool {
    if scope.topic.is_some() {
        return false;
    }
    let before = fact.text(Span::new(
        scope.start.min(issue.span.start),
        issue.span.start,
    ));
    let mut words = before
        .split_whitespace()
        .skip_while(|w| !is_one_of(w, FUTURES));
    words.next().is_some()
        && words
            .find(|w| !is_one_of(w, &["also", "then", "now", "soon", "jointly"]))
            .is_none_or(|verb| !is_one_of(verb, TALKING))
}

/// Auxiliaries of a future that commits.
const FUTURES: &[&str] = &["will", "shall"];

/// Words that set what follows them against a choice.
const ALTERNATIVES: &[&str] = &["instead of", "rather than", "in place of", "in lieu of"];

/// How many words may stand between "instead of" and the term it sets
/// aside ("rather than pursuing a temporary truce").
const ALTERNATIVE_REACH: usize = 3;

/// The "instead of" before `issue`, with at most a few words between and no
/// punctuation or clause word: an article, a modifier or the gerund that
/// governs the term ("instead of sending troops").
fn set_against(fact: &SentenceFacts, issue: &IssueHit) -> Option<Span> {
    let before = fact.par[fact.span.start..issue.span.start].trim_end();
    let mut cut = before.len();
    for _ in 0..=ALTERNATIVE_REACH {
        let head = before[..cut].trim_end();
        if let Some(alt) = ALTERNATIVES
            .iter()
            .find(|alt| ends_with_ignoring_case(head, alt))
        {
            let start = fact.span.start + head.len() - alt.len();
            return Some(Span::new(start, start + alt.len()));
        }
        let (rest, word) = head.rsplit_once(' ')?;
        let plain = word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-'));
        if !plain || is_one_of(word, CLAUSE_WORDS_AFTER_ALTERNATIVE) {
            return None;
        }
        cut = rest.len();
    }
    None
}

/// Words that end what "instead of" sets aside: a new clause or a second
/// object begins ("rather than talks, and a ceasefire …").
const CLAUSE_WORDS_AFTER_ALTERNATIVE: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "if", "while", "because", "as",
];

/// How many words after the term a condition may begin and still be its
/// condition ("would accept a truce along the line if …").
const CONDITION_AFTER: usize = 10;

/// Prepositions that follow "provided" as a verb ("provided by", "provided to").
const PREPOSITIONS_AFTER_VERB: &[&str] = &[
    "by", "to", "for", "with", "in", "under", "on", "at", "through", "from",
];

/// Words after which "if" asks rather than conditions ("asked if", "unclear if").
const WHETHER_IF: &[&str] = &[
    "asked", "ask", "asks", "asking", "wondered", "unclear", "know", "knows", "see", "decide",
    "sure", "clear", "even", "as",
];

/// The opener of a condition the clause holding `issue` is granted on: one
/// after the term in its clause with no comma or other issue between (not one of a
/// relative or reported clause after it: "guarantees that would compel …
/// if"), or one that
/// opens the sentence before the term's clause ("If allies agree, Kyiv could
/// accept …"). Not a condition the term is itself inside (that one is
/// demanded), nor a time limit ("until").
fn condition_on(fact: &SentenceFacts, issue: &IssueHit) -> Option<Span> {
    let openers = fact
        .condition_openers
        .iter()
        .filter(|o| !fact.text(**o).eq_ignore_ascii_case("until"))
        // "provided by allies", "provided to Kyiv": the verb, not "if".
        .filter(|o| {
            !fact.text(**o).eq_ignore_ascii_case("provided")
                || fact.par[o.end..fact.span.end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| !is_one_of(w, PREPOSITIONS_AFTER_VERB))
        })
        .filter(|o| {
            let before = fact.par[..o.start].split_whitespace().next_back();
            !before.is_some_and(|w| is_one_of(w, WHETHER_IF))
        });
    // "…, but only if allies agree": a restriction reaches past its comma.
    let restrictive = |o: &Span| {
        fact.text(*o)
            .get(..4)
            .is_some_and(|w| w.eq_ignore_ascii_case("only"))
    };
    let after_term = |o: &&Span| {
        let between = fact.text(Span::new(issue.span.end, o.start.max(issue.span.end)));
        let clause_end = fact.clause_end(o.start.min(fact.span.end).max(issue.span.end));
        let comma_ok = restrictive(o) && matches!(between.trim(), "," | ", but");
        o.start >= issue.span.end
            && (o.start <= fact.clause_end(issue.span.end) || comma_ok && o.start <= clause_end)
            && between.split_whitespace().count() <= CONDITION_AFTER
            && (comma_ok || !between.contains([',', ';', ':', '\u{2014}']))
            && !fact
                .issues
                .iter()
                .any(|i| i.span.start >= issue.span.end && i.span.end <= o.start)
    };
    let fronted = |o: &&Span| {
        let opening = fact.text(Span::new(fact.span.start, o.start));
        let comma = fact.par[o.end..issue.span.start.max(o.end)].rfind(',');
        // "Only if allies agree will Rubio accept …" needs no comma.
        o.end <= issue.span.start
            && opening
                .trim_start_matches(['"', '\u{201C}', ' '])
                .is_empty()
            && (comma.is_some() || restrictive(o))
    };
    openers
        .clone()
        .find(after_term)
        .or_else(|| openers.clone().find(fronted))
        .copied()
}

/// The negations that deny `issue`: a few words before it (not before a topic
/// word), or just after it with no new subject between.
fn negations(fact: &SentenceFacts, issue: &IssueHit, scope: &Scope) -> Vec<Span> {
    let negation_floor = nth_word_start_back(fact.par, issue.span.start, NEGATION_REACH)
        .max(scope.start)
        .max(scope.topic.unwrap_or(0));
    let negation_ceiling = nth_word_end(fact.par, scope.after_from, NEGATION_AFTER).min(scope.end);
    fact.negation
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
                || (s.start >= issue.span.end
                    && s.end <= negation_ceiling
                    && !new_subject()
                    && negates_a_verb(fact, issue, **s))
        })
        // "… or not" asks; it does not deny.
        .filter(|s| !ends_with_ignoring_case(fact.par[..s.start].trim_end(), " or"))
        // "has not received a binding pledge": the negation denies the verb
        // between, which is no stance verb, not the term.
        .filter(|s| s.start >= issue.span.end || !negates_other_verb(fact, **s, issue))
        .filter(|s| !corrects_an_adjunct(fact, **s) && !denies_a_purpose(fact, **s))
        // "there is no alternative to EU membership": a negation inside a
        // cue is the cue's own word.
        .filter(|s| !fact.support.iter().any(|c| c.contains(**s)))
        .copied()
        .collect()
}

/// Does `text` hold the word "only"?
fn has_only(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("only"))
}

/// Condition openers that, after a negated term, name what would lift the
/// negation.
const EXCEPTIONS: &[&str] = &["without", "until"];

/// Words of time that an "only" earlier in the clause makes a condition.
const RESTRICTED_TIMES: &[&str] = &["once", "when", "after"];

/// "Would only agree to a truce once Kyiv withdraws", "will only send
/// troops after a deal": an "only" before the term, or between, turns a
/// time after it into the condition the term is granted on.
fn restricted_in_time(fact: &SentenceFacts, issue: &IssueHit, lead: &str) -> Option<Span> {
    let rest = Span::new(issue.span.end, fact.span.end);
    for (at, word) in words_at(fact.text(rest), rest.start).take(RESTRICTION_REACH + 1) {
        if is_one_of(word, RESTRICTED_TIMES) {
            let restricted = has_only(lead) || has_only(fact.text(Span::new(rest.start, at)));
            return restricted.then_some(Span::new(at, at + word.len()));
        }
        if word.ends_with([',', ';', ':']) {
            return None;
        }
    }
    None
}

/// Participles of purpose: "not intended to", "not meant to", "not aimed at".
const PURPOSES: &[&str] = &["intended", "meant", "designed", "aimed"];

/// Does the negation deny what something is for, not the thing? "The force
/// is not intended to wage war" deploys a force; "troops are not meant to
/// be sent" still denies sending them.
fn denies_a_purpose(fact: &SentenceFacts, negation: Span) -> bool {
    let rest = Span::new(negation.end, fact.span.end);
    let mut words = words_at(fact.text(rest), rest.start).map(|(_, w)| w);
    let (Some(purpose), Some(link), next) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    is_one_of(purpose, PURPOSES)
        && is_one_of(link, &["to", "at"])
        && !next.is_some_and(|w| is_one_of(w, &["be"]))
}

/// How many words after a negation a "but" may correct what it denies.
const CONTRAST_REACH: usize = 10;

/// Prepositions that open the adjunct a contrast corrects (where, when, what for).
const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "into", "from", "for", "as", "near", "along", "behind", "within",
    "inside", "outside", "around", "after", "before", "until",
];

/// Does "not … but …" correct an adjunct rather than deny the verb? "Troops
/// would not be deployed on the front line, but in areas far from it" and
/// "will not hold talks in March but in April" deploy and hold; "will not
/// send troops, but will help" still refuses.
fn corrects_an_adjunct(fact: &SentenceFacts, negation: Span) -> bool {
    let rest = Span::new(negation.end, fact.span.end);
    let words: Vec<&str> = words_at(fact.text(rest), rest.start)
        .take(CONTRAST_REACH + 2)
        .map(|(_, w)| w)
        .collect();
    let Some(but) = words
        .iter()
        .position(|w| plain(w).eq_ignore_ascii_case("but"))
    else {
        return false;
    };
    let corrected = words
        .iter()
        .skip(but + 1)
        .find(|w| !plain(w).eq_ignore_ascii_case("rather"));
    let denied_adjunct = words[..but]
        .iter()
        .any(|w| is_one_of(plain(w), ADJUNCT_PREPOSITIONS));
    let clause_goes_on = words[..but].iter().any(|w| w.ends_with(';'));
    denied_adjunct
        && !clause_goes_on
        && corrected.is_some_and(|w| is_one_of(plain(w), ADJUNCT_PREPOSITIONS))
}

/// `word` without the punctuation around it.
fn plain(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Is `word` a negation fused with its verb ("isn't", "won’t", "cannot")?
fn is_verb_negation(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n\u{2019}t") || word.eq_ignore_ascii_case("cannot")
}

/// Does the negation `negation` after the term deny a verb ("troops will
/// not be sent", "a ceasefire isn't possible") rather than a phrase ("the
/// part of Donetsk not in Russian hands")? A contracted negation is a verb;
/// a bare one needs an auxiliary between the term and it.
fn negates_a_verb(fact: &SentenceFacts, issue: &IssueHit, negation: Span) -> bool {
    if is_verb_negation(fact.text(negation)) {
        return true;
    }
    // From the term's start: a left-out predicate's term is its auxiliary
    // ("Moscow does not").
    fact.text(Span::new(issue.span.start, negation.start))
        .split_whitespace()
        .any(|w| is_one_of(w.trim_matches(|c: char| !c.is_alphabetic()), AUXILIARIES))
}

/// Does a past participle that is no stance cue stand between the negation
/// `negation` and the term ("not received", "not discussed")?
fn negates_other_verb(fact: &SentenceFacts, negation: Span, issue: &IssueHit) -> bool {
    let between = Span::new(negation.end, issue.span.start.max(negation.end));
    let is_cue = |at: usize| fact.stance_cues().any(|c| c.start <= at && at < c.end);
    words_at(fact.text(between), between.start).any(|(at, word)| {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        word.len() > 4 && word.ends_with("ed") && !is_cue(at) && !is_one_of(word, PARTICIPLE_LINKS)
    })
}

/// Participles that join a negation to what it denies ("not supposed to",
/// "will not be forced to give up land", "will not be pressured into").
const PARTICIPLE_LINKS: &[&str] = &[
    "supposed",
    "allowed",
    "permitted",
    "prepared",
    "expected",
    "forced",
    "pressured",
    "pressed",
    "pushed",
    "made",
    "compelled",
    "coerced",
    "obliged",
];

/// The stance of a party answering the clause that holds `issue`: what the
/// clause says, taken up by a backing verb and turned round by a refusal
/// ("denied reports that Moscow had agreed to a ceasefire" opposes it); the
/// verb's own stance when the clause takes none.
pub fn answering(fact: &SentenceFacts, issue: &IssueHit, answer: Answer) -> Decision {
    let verb_stance = if answer.refuses {
        Stance::Oppose
    } else {
        Stance::Support
    };
    let said = decide(fact, issue, answer.verb.end, Span::default());
    let (stance, mut cues) = match said {
        Some(d) if answer.refuses => (d.stance.reversed(), d.cues),
        Some(d) => (d.stance, d.cues),
        None => (in_sense(issue.sense, verb_stance), Vec::new()),
    };
    cues.push(answer.verb);
    cues.sort();
    Decision { stance, cues }
}

/// The stance of a party whose stance noun names its position before the
/// term ("Russia's demand for a withdrawal", "Kyiv's refusal to cede
/// land"): the noun's own cue, nearest the term, read through the term's
/// sense. What the sentence then says of that position ("… is
/// unacceptable", "… was rejected by Zelensky") is another party's verdict.
/// Without a cue of its own there, the sentence's cues from `cues_from` on.
pub fn held(fact: &SentenceFacts, issue: &IssueHit, cues_from: usize) -> Option<Decision> {
    let noun_phrase = Span::new(cues_from, issue.span.start);
    let nearest = [
        (&fact.support, Stance::Support),
        (&fact.oppose, Stance::Oppose),
        (&fact.conditional, Stance::Conditional),
    ]
    .into_iter()
    .flat_map(|(cues, stance)| cues.iter().map(move |c| (*c, stance)))
    .filter(|(cue, _)| noun_phrase.contains(*cue))
    .max_by_key(|(cue, _)| cue.start);
    match nearest {
        Some((cue, stance)) => Some(Decision {
            stance: in_sense(issue.sense, stance),
            cues: vec![cue],
        }),
        None => decide(fact, issue, cues_from, Span::default()),
    }
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

/// What a party is charged with, the accuser stands against: an explicit
/// cue of the charge, reversed ("accused Europe of preparing to send
/// troops" opposes them); a charge without one says nothing of a stance.
fn charged(fact: &SentenceFacts, issue: &IssueHit, charge: Span, held: Span) -> Option<Decision> {
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

/// The stance an answer takes: any condition makes it conditional, any
/// refusal or negation opposes, a support cue supports; an answer without
/// one takes none.
fn answered(fact: &SentenceFacts, issue: &IssueHit, answer: Span) -> Option<Decision> {
    if let Some(decision) = bare_answer(fact, issue, answer) {
        return Some(decision);
    }
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

/// "Asked whether Kyiv would accept troops, Zelensky said yes": an answer
/// of one word after its speech verb agrees to the question or denies it,
/// and a question of refusal ("whether Moscow rejects …") turns it round.
fn bare_answer(fact: &SentenceFacts, issue: &IssueHit, answer: Span) -> Option<Decision> {
    let (at, word) = words_at(fact.text(answer), answer.start).next_back()?;
    let word_start = at + word.len()
        - word
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let word = plain(word);
    let said = fact.speech.iter().any(|v| {
        v.start >= answer.start && fact.text(Span::new(v.end, word_start)).trim().is_empty()
    });
    let agrees = match word.to_ascii_lowercase().as_str() {
        "yes" => true,
        "no" | "never" => false,
        _ => return None,
    };
    if !said {
        return None;
    }
    let question = Span::new(fact.span.start, answer.start);
    let refusing = fact
        .oppose
        .iter()
        .chain(&fact.negation)
        .any(|c| question.contains(*c));
    let stance = if agrees != refusing {
        Stance::Support
    } else {
        Stance::Oppose
    };
    Some(Decision {
        stance: in_sense(issue.sense, stance),
        cues: vec![Span::new(word_start, word_start + word.len())],
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn a_negation_denies_the_first_cue_after_it() {
        let got = coded("Berg said Northland will not reject demands for a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }

    #[test]
    fn a_compulsion_passes_the_negation_on() {
        let got = coded("Berg said Northland will not be forced to reject the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg said Northland would never be pressured into accepting the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_negation_stays_inside_its_phrase() {
        let got = coded("Berg said the plan, seen but not published, backs the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg said the plan does not back the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_negation_after_the_term_denies_it_only_through_a_verb() {
        let got = coded("Berg says the treaty will not be signed.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
        let got = coded("Berg backs a tariff cut not seen since the war.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }

    #[test]
    fn a_contrast_that_corrects_an_adjunct_denies_nothing() {
        let got = coded("Berg said the treaty would not be signed in May, but in June.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg will not back the treaty in its present form but rather as amended.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg will not back the treaty, but will talk to Mar.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
        let got = coded("Berg will not back the treaty, but in June she may talk to Mar.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn an_only_before_the_term_makes_a_later_time_its_condition() {
        let got = coded("Berg would only sign the treaty once Mar agrees.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Conditional)]);
        let got = coded("Berg will sign the treaty once Mar agrees.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Only Berg backs the treaty, when asked.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_negated_term_until_an_event_is_granted_on_it() {
        let got = coded("Berg will not sign the treaty until Southland cuts tariffs.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Support),
                ("north", "treaty", Stance::Conditional)
            ]
        );
        // Without a negation "until" only says how long.
        let got = coded("Berg will back the treaty until May.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_negated_purpose_denies_the_purpose_not_the_term() {
        let got = coded("Berg said the treaty is not intended to punish Mar.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg said the treaty is not meant to be signed.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn after_a_fronted_only_if_the_inverted_auxiliary_ends_the_condition() {
        let got = coded("Only if the vote passes will Berg back the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Conditional)]);
    }

    #[test]
    fn openness_a_verb_denies_is_a_refusal() {
        let got = coded("Berg is open to the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Conditional)]);
        let got = coded("Berg is not open to the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_party_that_will_act_on_the_term_commits_to_it() {
        let got = coded("Northland will sign the treaty in May.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        assert!(coded("Northland will discuss the treaty in May.").is_empty());
        assert!(coded("Northland signed the treaty in May.").is_empty());
    }

    #[test]
    fn backing_under_a_condition_is_conditional() {
        for text in [
            "Berg would accept the treaty if Southland signs first.",
            "Berg backs a tariff cut as long as Southland does the same.",
            "Berg could accept the treaty provided the vote passes.",
            "If the vote passes, Berg will accept the treaty.",
            "Berg backs the treaty, but only if Southland signs first.",
        ] {
            let got = coded(text);
            assert_eq!(
                triples(&got),
                [("north", "treaty", Stance::Conditional)]
                    .into_iter()
                    .map(|(a, _, s)| (
                        a,
                        if text.contains("tariff") {
                            "tariffs"
                        } else {
                            "treaty"
                        },
                        s
                    ))
                    .collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    #[test]
    fn a_condition_of_another_clause_is_not_the_terms() {
        let got = coded("Berg backs the treaty that would bind Southland if it attacks.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg was asked if Northland backs the treaty, and said it does.");
        assert!(
            !triples(&got).contains(&("north", "treaty", Stance::Conditional)),
            "{got:?}"
        );
    }

    #[test]
    fn what_a_choice_is_set_against_is_refused() {
        let got = coded("Berg wants a tariff cut instead of the treaty.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Support),
                ("north", "treaty", Stance::Oppose)
            ]
        );
        let got = coded("Berg wants a tariff cut rather than pursuing the treaty.");
        assert!(
            triples(&got).contains(&("north", "treaty", Stance::Oppose)),
            "{got:?}"
        );
        // A new clause after the alternative is not what it sets aside.
        let got = coded("Berg wants talks instead of threats, and backs the treaty.");
        assert!(
            triples(&got).contains(&("north", "treaty", Stance::Support)),
            "{got:?}"
        );
    }

    #[test]
    fn a_negated_judging_frame_denies_its_judgement() {
        let got = coded("Berg did not see it as acceptable to sign the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_term_not_talked_about_is_not_denied() {
        assert_eq!(coded("The treaty was not discussed, Berg said."), []);
        assert_eq!(
            coded("Berg said the treaty will be discussed next week."),
            []
        );
        let got = coded("The treaty will not be accepted, Berg said.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_condition_of_a_later_clause_trades_nothing() {
        let got = coded(
            "Berg rejects tariff cuts because Northland must stay strong if the treaty lapses.",
        );
        assert!(
            triples(&got).contains(&("north", "tariffs", Stance::Oppose)),
            "{got:?}"
        );
    }

    #[test]
    fn the_object_of_another_denied_verb_is_only_named() {
        assert_eq!(
            coded("Berg said Northland has not received the treaty."),
            []
        );
        let got = coded("Berg said Northland has not accepted the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_negation_of_another_verb_does_not_deny_the_term() {
        let got =
            coded("Berg said Northland has not received the treaty text but wants the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg has not accepted the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn open_questions_and_topics_take_no_stance() {
        for text in [
            "Berg explained how the treaty will work.",
            "Berg was asked whether Northland wants the treaty.",
            "Mar said the issue of the treaty came up.",
        ] {
            assert!(coded(text).is_empty(), "{text}: {:?}", coded(text));
        }
    }

    #[test]
    fn provided_as_a_verb_is_no_condition() {
        let got = coded("Berg wants the treaty provided by Southland.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }
}
