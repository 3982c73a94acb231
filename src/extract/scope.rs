//! The scope of an issue term: where the cue words that decide its stance may
//! stand — its clause (or the governing verb of the clause before), its item
//! of a list, and a few words after it.

use super::mentions::{IssueHit, Mention, SentenceFacts};
use super::{
    AGREEMENT_NOUNS, AUXILIARIES, PREPOSITIONS, ends_with_ignoring_case, interruption_len,
    is_one_of, words_at,
};
use crate::model::Span;

/// How many words after the term still belong to its scope ("… is unacceptable").
pub(super) const WORDS_AFTER: usize = 6;

/// How many words of the predicate of a subject the term heads are its scope.
const PREDICATE_WORDS: usize = 14;

/// Where the cues of one issue term may stand.
#[derive(Debug, Clone)]
pub(super) struct Scope {
    /// Cues start at or after this offset…
    pub start: usize,
    /// …and, after the term, start before `end` and end by `bound`.
    pub end: usize,
    pub bound: usize,
    /// The other items of a list the term is in, whose cues are not its own.
    pub other_items: Span,
    /// A relative clause that says what an agreement holds, before the term:
    /// its verbs are the agreement's content, not a stance.
    content: Span,
    /// Another party's stance noun and the words it governs ("U.S. pressure
    /// to …"), whose cues are that party's.
    pub held: Span,
    /// Where the topic word ends, when the term is only talked about.
    pub topic: Option<usize>,
    /// The term's own verb ("limiting its military"), a support cue.
    pub own_verb: Vec<Span>,
    /// Where the words after the term are counted from: its end, or the
    /// verb group of the clause whose subject it heads.
    pub after_from: usize,
    /// A phrase between the term and its predicate ("…, intended to help
    /// …, would be …"), whose cues are its own.
    aside: Span,
}

impl Scope {
    /// The scope of `issue` in `fact`, for cues at or after `floor`.
    pub fn of(fact: &SentenceFacts, issue: &IssueHit, floor: usize) -> Scope {
        let mut start = fact.clause_start(issue.span.start).max(floor);
        let cues = || fact.stance_cues();
        let cue_between = |from: usize, to: usize| cues().any(|s| s.start >= from && s.end <= to);
        // "… barring Ukraine from NATO, limiting its army to 600,000,
        // transferring Donbas …": in a list, an item's own cue governs its term;
        // an item without one shares the list's head verb (the first cue), not
        // the cues of the other items.
        let own_verb: Vec<Span> = fact
            .support
            .iter()
            .filter(|s| s.start == issue.span.start && s.end < issue.span.end)
            // "rejects a cap on the army": after a determiner the word is a
            // noun, not the term's own verb.
            .filter(|_| !after_determiner(fact.par, issue.span.start))
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
        let clause = start;
        let mut in_list = !own_verb.is_empty() || fact.series;
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
        // "would not accept any deal that requires it to give up land": the
        // verb of a relative clause after an agreement noun says what the
        // agreement holds; the verb that governs the agreement decides.
        let content = match content_clause(fact, clause, floor) {
            Some(governing) => {
                start = start.min(governing);
                Span::new(clause, issue.span.start)
            }
            None => Span::new(clause, clause),
        };
        // A term that is only talked about ("developments regarding guarantees
        // will be unveiled") takes no stance from what follows it, nor from a
        // negation of the talking ("did not understand how the guarantees work").
        let topic = topic_word(fact, issue);
        // "Any foreign personnel, depots or infrastructure on Ukrainian soil
        // would be regarded as targets": a term that heads its clause's
        // subject takes the predicate's words, however long the subject.
        let relative = evaluating_relative(fact, issue);
        let subject = predicate_of_subject(fact, issue);
        let predicate = subject.map(|(_, at)| at).or(relative.map(|r| r.start));
        let after_from = predicate.unwrap_or(issue.span.end);
        // The predicate of a subject the term heads is all the term's: "would
        // be viewed in Moscow as foreign intervention and a direct threat".
        let words_after = if subject.is_some() {
            PREDICATE_WORDS
        } else {
            WORDS_AFTER
        };
        let after_limit = nth_word_end(fact.par, after_from, words_after).min(fact.span.end);
        // In a list, what follows the term belongs to it up to the next comma,
        // where the next item starts (not so the commas of "January 1, 2027").
        let after = &fact.par[issue.span.end..fact.span.end];
        let next_comma = (in_list && predicate.is_none())
            .then(|| {
                after
                    .match_indices(", ")
                    .find(|(i, _)| !after[i + 2..].starts_with(|c: char| c.is_ascii_digit()))
            })
            .flatten()
            .map_or(fact.span.end, |(i, _)| issue.span.end + i);
        // Cues must start within the words after the term and end in its clause
        // ("… was not on the table").
        // "real guarantees, not paper ones": what follows ", not" is what
        // the term is set against.
        let contrast = after
            .find(", not ")
            .map_or(fact.span.end, |i| issue.span.end + i);
        let aside = subject.map_or(Span::new(issue.span.end, issue.span.end), |(end, at)| {
            Span::new(end, at)
        });
        let bound = if topic.is_some() {
            issue.span.end
        } else {
            relative
                .map_or_else(|| fact.clause_end(aside.end), |r| r.end)
                .min(next_comma)
                .min(contrast)
                .min(answering_clause(fact, issue).map_or(fact.span.end, |c| c.comma))
                .max(issue.span.end)
        };
        let end = after_limit.min(bound).max(issue.span.end);
        Scope {
            start,
            end,
            bound,
            other_items,
            content,
            held: Span::new(start, start),
            topic,
            own_verb,
            after_from,
            aside,
        }
    }

    /// Does the cue at `cue` speak to `issue`?
    pub fn holds(&self, fact: &SentenceFacts, issue: &IssueHit, cue: Span) -> bool {
        let after_term = cue.start >= issue.span.end;
        // "cap its army at 600,000 and renounce its NATO bid": a verb
        // coordinated after the term governs the term after it.
        let governs_next = || {
            let before = fact.par[issue.span.end..cue.start].trim_end();
            let coordinated = before.ends_with(" and") || before.ends_with(" or");
            coordinated && {
                let reach = nth_word_end(fact.par, cue.end, WORDS_AFTER);
                fact.issues
                    .iter()
                    .any(|i| i.span.start >= cue.end && i.span.start < reach)
            }
        };
        // "withdraw from Donbas as a condition for a ceasefire": a cue
        // after the term that names its own object is that object's.
        let has_object = || {
            let rest = fact.par[cue.end..fact.span.end].trim_start();
            let rest = ["for ", "of ", "to "]
                .iter()
                .find_map(|p| rest.strip_prefix(p))
                .unwrap_or(rest);
            let rest = ["a ", "an ", "the ", "any "]
                .iter()
                .find_map(|a| rest.strip_prefix(a))
                .unwrap_or(rest);
            let at = fact.span.end - rest.len();
            fact.issues.iter().any(|i| i.span.start == at)
        };
        // "not decided whether to support the bid": an action only weighed
        // is no stance; "the agenda includes a ceasefire": the verb right
        // after the topic word is the topic's.
        let weighed = self.topic.is_some_and(|t| {
            cue.start >= t
                && cue.end <= issue.span.start
                && matches!(fact.par[t..cue.start].trim(), "to" | "")
        });
        cue.start >= self.start
            && cue.start < self.end
            && cue.end <= self.bound
            && !weighed
                        // A cue that wraps the term ("ruled it out") is its verb.
            && (!overlaps(cue, issue.span) || wraps(cue, issue.span))
            && !self.other_items.contains(cue)
            && !self.content.contains(cue)
            && !self.held.contains(cue)
            && !self.aside.contains(cue)
            && !(after_term && (governs_next() || has_object()))
    }
}

/// Where the verb group of the clause starts when `issue` opens its
/// subject: the term stands at the clause start or after a comma with at
/// most a determiner or an adjective before it, and an auxiliary follows
/// later in the clause with no other party or term before it.
fn predicate_of_subject(fact: &SentenceFacts, issue: &IssueHit) -> Option<(usize, usize)> {
    // The subject starts at its clause, after a comma, or after the speech
    // verb that reports it ("said that any troops …").
    let clause = fact
        .speech
        .iter()
        .filter(|v| v.end <= issue.span.start)
        .map(|v| v.end)
        .fold(fact.clause_start(issue.span.start), usize::max);
    let lead = fact.text(Span::new(clause, issue.span.start));
    let lead = lead.rsplit(',').next().unwrap_or(lead);
    // "any move to send troops", "the prospect of a deployment": a head
    // noun linked to the term leads it as far as a determiner would.
    let link = [" to ", " of "]
        .iter()
        .filter_map(|l| lead.rfind(l).map(|at| (at, l.len())))
        .max();
    let (head, tail) = link.map_or(("", lead), |(at, len)| (&lead[..at], &lead[at + len..]));
    let words = |text: &str| text.split_whitespace().filter(|w| *w != "that").count();
    if words(head) > SUBJECT_LEAD || words(tail) > SUBJECT_LEAD {
        return None;
    }
    let end = fact.clause_end(issue.span.end);
    let rest = fact.text(Span::new(issue.span.end, end));
    let auxiliary = words_at(rest, issue.span.end).find(|(_, w)| is_one_of(w, AUXILIARIES));
    // "the deployment …, intended to deter Russia, would be …": the words
    // of the phrase between are not the subject's.
    let comma = fact
        .text(Span::new(issue.span.end, fact.span.end))
        .find(',');
    let interrupted = comma
        .map(|c| issue.span.end + c)
        .filter(|c| auxiliary.is_none_or(|(at, _)| at > *c))
        .and_then(|c| Some((c, after_interruption(fact, c)?)));
    let (subject_end, at) = match (interrupted, auxiliary) {
        (Some((comma, at)), _) => (comma, at),
        (None, Some((at, _))) => (at, at),
        (None, None) => return None,
    };
    // Another term between is a subject of its own, and so is a party
    // right before the auxiliary ("the troops Russia would accept");
    // "on Ukrainian territory" only describes the subject.
    let another_term = fact
        .issues
        .iter()
        .any(|i| i.span.start >= issue.span.end && i.span.end <= subject_end);
    // "sending troops to Ukraine would be …": a party after a preposition
    // is the subject's object.
    let governed = |m: &Mention| {
        fact.par[..m.span.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| is_one_of(w, PREPOSITIONS))
    };
    let own_subject = fact.mentions.iter().any(|m| {
        m.span.start >= issue.span.end
            && m.span.end <= subject_end
            && !governed(m)
            && fact
                .text(Span::new(m.span.end, at))
                .split_whitespace()
                .count()
                <= 1
    });
    (!another_term && !own_subject).then_some((subject_end, at))
}

/// The auxiliary right after a phrase that interrupts a subject between
/// commas ("the deployment, intended to deter Russia, would be …", "the
/// cap, which Paris proposed, is …"), if the comma at `comma` opens one.
fn after_interruption(fact: &SentenceFacts, comma: usize) -> Option<usize> {
    let rest = fact.par.get(comma..fact.span.end)?;
    let skip = interruption_len(rest)?;
    let (after, word) = words_at(&rest[skip..], comma + skip).next()?;
    is_one_of(word, AUXILIARIES).then_some(after)
}

/// The verb group of a relative clause that comments on the term, to the
/// end of that clause: "foreign intervention on Ukrainian territory, which
/// is absolutely unacceptable". The clause must follow the term's phrase
/// closely, and its verb group must come first: in "…, which Moscow
/// rejects" the clause has a subject of its own.
fn evaluating_relative(fact: &SentenceFacts, issue: &IssueHit) -> Option<Span> {
    let at = fact.clause_end(issue.span.end);
    let between = fact.text(Span::new(issue.span.end, at.max(issue.span.end)));
    let rest = fact.par.get(at..fact.span.end)?;
    let relative = rest.trim_start().strip_prefix("which ")?;
    let verb = fact.span.end - relative.len();
    let first = relative.split_whitespace().next()?;
    let close = between.split_whitespace().count() <= RELATIVE_REACH;
    (close && is_one_of(first, AUXILIARIES)).then(|| Span::new(verb, fact.clause_end(verb)))
}

/// Does a relative clause after the term judge it ("…, which is
/// unacceptable")? Its judgement is the speaker's own, even of a term
/// another party proposes.
pub(super) fn judged_in_relative(fact: &SentenceFacts, issue: &IssueHit) -> bool {
    evaluating_relative(fact, issue).is_some_and(|r| {
        fact.stance_cues()
            .any(|c| r.start <= c.start && c.end <= r.end)
    })
}

/// How many words may stand between a term and the relative clause that
/// comments on it ("… on part of Ukrainian territory, which").
const RELATIVE_REACH: usize = 5;

/// How many words may stand before a term that heads a subject ("any
/// foreign troops", "the planned deployment").
const SUBJECT_LEAD: usize = 2;

/// Determiners that make the word after them a noun.
pub(super) const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "the", "any", "this", "that", "such", "no", "its", "their",
];

/// A relative or appositive clause after a term whose subject answers it
/// with a stance verb: "…, which Kyiv accepted", "…, a demand Kyiv
/// rejects". The term's own cues end at its comma.
pub(super) struct AnsweringClause<'f> {
    pub comma: usize,
    pub subject: &'f Mention,
    pub verb: Span,
    /// A negation between the subject and its verb ("which Kyiv has not accepted").
    pub negated: bool,
}

/// How many words may stand between the term and the comma that opens the
/// clause ("a 30-day truce along the front, which …").
const TERM_TO_COMMA: usize = 4;

/// How many words the noun of an appositive may have ("a demand", "a
/// long-standing demand").
const NOUN_WORDS: usize = 2;

/// How many words (auxiliaries, adverbs, "not") may stand between the
/// clause's subject and its verb ("Moscow has repeatedly rejected").
const SUBJECT_TO_VERB: usize = 3;

/// Determiners that open an appositive noun phrase.
const APPOSITIVE_DETERMINERS: &[&str] = &["a", "an", "one"];

/// The answering clause after the comma that closes `issue`'s phrase.
pub(super) fn answering_clause<'f>(
    fact: &'f SentenceFacts,
    issue: &IssueHit,
) -> Option<AnsweringClause<'f>> {
    // Only the first words after the term are read: this is asked of every
    // term, once for each stance decision on it.
    let rest = Span::new(issue.span.end, fact.span.end);
    let comma = words_at(fact.text(rest), rest.start)
        .take(TERM_TO_COMMA + 1)
        .take_while(|(_, w)| !w.contains([';', ':', '(', '\u{2014}']))
        .find(|(_, w)| w.ends_with(','))
        .map(|(at, w)| at + w.len() - 1)?;
    let subject_at = clause_subject_start(fact, comma + 1)?;
    let subject = fact
        .mentions
        .iter()
        .find(|m| !m.in_quote && m.span.start == subject_at && m.party().is_some())?;
    let verb = [&fact.support, &fact.oppose]
        .iter()
        .flat_map(|cues| cues.iter())
        .filter(|cue| cue.start >= subject.span.end)
        .min_by_key(|cue| cue.start)?;
    let between = Span::new(subject.span.end, verb.start);
    let gap = fact.text(between);
    let reported = fact.speech.iter().any(|v| between.contains(*v));
    if gap.split_whitespace().count() > SUBJECT_TO_VERB || gap.contains([',', ';', ':']) || reported
    {
        return None;
    }
    Some(AnsweringClause {
        comma,
        subject,
        verb: *verb,
        negated: fact.negation.iter().any(|n| between.contains(*n)),
    })
}

/// Where the subject of the clause after a comma at `from` starts: after
/// "which", or after an appositive noun ("a demand", "a proposal that").
fn clause_subject_start(fact: &SentenceFacts, from: usize) -> Option<usize> {
    let rest = Span::new(from, fact.span.end);
    let mut words = words_at(fact.text(rest), from);
    let (_, first) = words.next()?;
    if first.eq_ignore_ascii_case("which") {
        return words.next().map(|(at, _)| at);
    }
    if !is_one_of(first, APPOSITIVE_DETERMINERS) {
        return None;
    }
    // The noun, then the subject: the first mention within reach.
    for (at, word) in words.take(NOUN_WORDS + 2) {
        if is_one_of(word, &["that", "which"]) {
            continue;
        }
        if word.ends_with([',', ';', ':', '.']) {
            return None;
        }
        if fact.mentions.iter().any(|m| m.span.start == at) {
            return Some(at);
        }
    }
    None
}

/// Does a determiner stand right before `at`?
/// Where the verb that governs an agreement stands, when `clause` is a
/// relative clause right after the agreement noun ("rejects any deal that
/// …", "would sign a plan which …") and the clause before has a cue.
fn content_clause(fact: &SentenceFacts, clause: usize, floor: usize) -> Option<usize> {
    if clause <= fact.span.start.max(floor) {
        return None;
    }
    let opener = fact.par[clause..].split_whitespace().next()?;
    if !is_one_of(opener, &["that", "which"]) {
        return None;
    }
    let noun = fact.par[..clause]
        .split_whitespace()
        .next_back()?
        .trim_end_matches(',');
    if !is_one_of(noun, AGREEMENT_NOUNS) {
        return None;
    }
    let previous = fact.clause_start(clause - 1).max(floor);
    fact.stance_cues()
        .filter(|c| c.start >= previous && c.end <= clause)
        .map(|c| c.start)
        .max()
}

fn after_determiner(text: &str, at: usize) -> bool {
    text[..at]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| is_one_of(w, NOUN_DETERMINERS))
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
    "issue",
    "question",
    "topic",
    // "travel to Oslo for talks on a ceasefire".
    "talks",
    "negotiations",
    // "the agenda includes a ceasefire": what is on it is only raised.
    "agenda",
];

/// How many words before the term a topic word reaches.
const TOPIC_REACH: usize = 4;

/// Verbs that only talk about a matter.
pub(super) const TALKING: &[&str] = &[
    "discuss", "talk", "debate", "consider", "raise", "address", "examine", "review", "meet",
    "hold", "ask", "decide", "weigh", "study", "explore", "mention", "comment", "look",
];

/// The colon that ends a short label opening the sentence ("Security
/// concerns: Zelenskyy emphasized …"), when a clause follows it: in "No
/// truce unless Kyiv withdraws: Russia" the words after name the source.
fn label_end(fact: &SentenceFacts) -> Option<usize> {
    let text = fact.text(fact.span);
    let colon = text.find(':')?;
    let label_words = text[..colon].split_whitespace().count();
    let clause_words = text[colon + 1..].split_whitespace().count();
    let speech = fact
        .speech
        .iter()
        .any(|v| v.start < fact.span.start + colon);
    (label_words <= LABEL_WORDS && clause_words > LABEL_WORDS && !speech)
        .then_some(fact.span.start + colon)
}

/// How many words a label before a colon may have.
const LABEL_WORDS: usize = 4;

/// The end of a talking verb in the passive after the term ("the question
/// of territory was not raised", "troops will be discussed"): the term is
/// only what is talked about.
fn talked_about_after(fact: &SentenceFacts, issue: &IssueHit) -> Option<usize> {
    let end = fact.clause_end(issue.span.end);
    let after = fact.text(Span::new(issue.span.end, end));
    let (at, word) = words_at(after, issue.span.end)
        .take(TOPIC_REACH)
        .find(|(_, w)| !is_one_of(w, AUXILIARIES) && !is_one_of(w, PASSIVE_FILLERS))?;
    let bare = word.trim_end_matches(|c: char| !c.is_alphabetic());
    let talked = [bare.strip_suffix("ed"), bare.strip_suffix('d')]
        .into_iter()
        .flatten()
        .any(|stem| is_one_of(stem, TALKING));
    let passive = words_at(after, issue.span.end)
        .take_while(|(w_at, _)| *w_at < at)
        .any(|(_, w)| is_one_of(w, AUXILIARIES));
    (talked && passive).then_some(at + bare.len())
}

/// Words between the auxiliary of a passive and its participle.
const PASSIVE_FILLERS: &[&str] = &["not", "never", "yet", "also", "even", "being", "been", "be"];

/// The end of the topic word that makes the issue term only the topic of
/// what is said, if there is one: then speaking is not yet a stance.
fn topic_word(fact: &SentenceFacts, issue: &IssueHit) -> Option<usize> {
    // "End to NATO expansion: Putin reiterated his demand to block Ukraine's
    // NATO membership": a short label before a colon names what the clause
    // after it states; when that clause names the issue again, the label
    // is only its topic.
    if let Some(colon) = label_end(fact)
        && issue.span.end <= colon
        && fact
            .issues
            .iter()
            .any(|i| i.issue == issue.issue && i.span.start > colon)
    {
        return Some(colon);
    }
    if let Some(end) = talked_about_after(fact, issue) {
        return Some(end);
    }
    let clause = fact.clause_start(issue.span.start);
    let before = fact.text(Span::new(clause, issue.span.start));
    for (at, word) in words_at(before, clause).rev().take(TOPIC_REACH) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        // "troops as part of the guarantees": the guarantees frame the point.
        let frame = bare.eq_ignore_ascii_case("of")
            && ends_with_ignoring_case(fact.par[clause..at].trim_end(), "as part");
        if TOPIC_WORDS.iter().any(|t| bare.eq_ignore_ascii_case(t)) || frame {
            return Some(at + word.len());
        }
    }
    None
}

/// Does `issue` only date something else ("troops … once a ceasefire is
/// reached", "training its army in the event of a cessation of
/// hostilities")? A noun phrase after a word of time says when another
/// point applies; it is no position on the term. "only after" sets a
/// condition instead, and a clause with a party for subject ("after Kyiv
/// withdraws …") is an event, not a date.
pub(super) fn dates_another(fact: &SentenceFacts, issue: &IssueHit) -> bool {
    let before = fact.text(Span::new(fact.span.start, issue.span.start));
    // The last words before the term, nearest first, without allocating:
    // this is asked of every issue term.
    let mut words = [(0, ""); TIME_FRAME_GAP + TIME_FRAME_WORDS + 1];
    let mut len = 0;
    for (slot, word) in words
        .iter_mut()
        .zip(words_at(before, fact.span.start).rev())
    {
        *slot = word;
        len += 1;
    }
    let back = &words[..len];
    for gap in 0..=TIME_FRAME_GAP.min(back.len()) {
        // `back[..gap]`: the words between a word of time and the term.
        if gap > 0 {
            let word = back[gap - 1].1;
            if word.contains([',', ';', ':']) || is_one_of(word, AUXILIARIES) {
                return false;
            }
        }
        let rest = &back[gap..];
        let Some(len) = TIME_FRAMES.iter().find_map(|frame| {
            let len = frame.split(' ').count();
            let matches = rest.len() >= len
                && frame
                    .split(' ')
                    .rev()
                    .zip(rest)
                    .all(|(f, (_, w))| w.eq_ignore_ascii_case(f));
            matches.then_some(len)
        }) else {
            continue;
        };
        let marker_at = rest[len - 1].0;
        let only = rest
            .get(len)
            .is_some_and(|(_, w)| w.eq_ignore_ascii_case("only"));
        let event = fact
            .mentions
            .iter()
            .any(|m| m.span.start >= marker_at && m.span.end <= issue.span.start);
        return !only && !event;
    }
    false
}

/// Is `issue` what an earlier term of the same issue is called ("the
/// deployment … would be viewed as foreign intervention", "peacekeepers
/// are a military presence")? The name describes the first term; its
/// stance is the first term's, not a second vote.
pub(super) fn names_earlier_term(fact: &SentenceFacts, issue: &IssueHit) -> bool {
    fact.issues
        .iter()
        .take_while(|earlier| earlier.span.end <= issue.span.start)
        .filter(|earlier| earlier.issue == issue.issue)
        .any(|earlier| {
            let between = fact.text(Span::new(earlier.span.end, issue.span.start));
            let mut back = between.split_whitespace().rev();
            let last = back.next().unwrap_or("");
            let link = if is_one_of(last, &["a", "an", "the"]) {
                back.next().unwrap_or("")
            } else {
                last
            };
            !between.contains([';', ':'])
                && between.split_whitespace().nth(NAMING_REACH).is_none()
                && (link == "as" || is_one_of(link, COPULAS))
        })
}

/// How far after a term the name it is given may stand.
const NAMING_REACH: usize = 30;
/// Verbs that link a subject to what it is.
const COPULAS: &[&str] = &["is", "are", "was", "were", "be", "remains", "remain"];

/// Words of time that open a noun phrase naming when something applies.
const TIME_FRAMES: &[&str] = &[
    "when",
    "once",
    "after",
    "following",
    "upon",
    "in the event of",
    "as soon as",
];

/// How many words may stand between a word of time and the term ("after a
/// peace deal or prolonged ceasefire").
const TIME_FRAME_GAP: usize = 5;
/// The longest word of time, in words.
const TIME_FRAME_WORDS: usize = 4;

fn wraps(outer: Span, inner: Span) -> bool {
    outer.start < inner.start && inner.end < outer.end
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The byte offset after the `n`th word following `at`.
pub(super) fn nth_word_end(text: &str, at: usize, n: usize) -> usize {
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
pub(super) fn nth_word_start_back(text: &str, at: usize, n: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn a_subject_term_keeps_its_predicate_past_a_party_it_governs_and_a_head_noun() {
        let got = coded("Berg said a tariff cut to Southland would in the end surely be a threat.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
        let got =
            coded("Berg said the prospect of a tariff cut would in the end surely be a threat.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
    }

    #[test]
    fn what_an_agreement_holds_takes_the_verb_that_governs_the_agreement() {
        let got = coded("Berg said Northland rejects the plan, which demands a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
        let got = coded("Berg said Northland backs the plan, which demands a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
        // With no verb governing the agreement, its own verb speaks.
        let got = coded("Berg said Northland has drafted a deal that demands a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }

    #[test]
    fn a_term_after_a_word_of_time_only_dates_another_point() {
        let got = coded("Berg said Northland backs a tariff cut once the treaty is signed.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
        let got = coded("Berg said Northland will back a tariff cut in the event of a treaty.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
        // A party acting is an event, and "only after" a condition.
        let got =
            coded("Berg said Northland backs a tariff cut after Southland rejects the treaty.");
        assert!(got.iter().any(|(_, issue, _)| issue == "treaty"));
        let got = coded("Berg said Northland backs a tariff cut only after the treaty.");
        assert!(got.iter().any(|(_, issue, _)| issue == "treaty"));
    }

    #[test]
    fn a_phrase_that_interrupts_the_subject_keeps_its_cues() {
        let got =
            coded("Berg said the tariff cut, backed by Southland, would in time be a threat.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
    }

    #[test]
    fn the_whole_predicate_of_a_subject_term_is_its_scope() {
        let got = coded("Berg said the treaty would by the end of the coming year be a threat.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_second_name_of_the_term_is_no_second_vote() {
        let got = coded("Berg said the treaty, seen by many as Westmark, would be a threat.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn the_verb_right_after_a_topic_word_is_the_topics() {
        assert_eq!(coded("The agenda includes the treaty, Berg said."), []);
        let got = coded("The plan includes the treaty, Berg said.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_label_before_a_colon_is_the_topic_of_the_clause_that_names_it_again() {
        let got = coded("Tariff cuts for grain: Berg said Northland rejects any tariff cut now.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
    }

    #[test]
    fn a_relative_clause_after_the_term_comments_on_it() {
        let got = coded(
            "Berg said the deal brings a tariff cut on grain, which would be a threat to farmers.",
        );
        assert!(
            triples(&got).contains(&("north", "tariffs", Stance::Oppose)),
            "{got:?}"
        );
        // A relative clause with its own subject is not a comment of the speaker's.
        let got = coded("Berg backs a tariff cut on grain, which Southland rejects.");
        assert!(
            triples(&got).contains(&("north", "tariffs", Stance::Support)),
            "{got:?}"
        );
    }

    #[test]
    fn a_term_heading_its_subject_takes_the_predicates_cues() {
        for text in [
            "Berg said a tariff cut on steel, grain and timber from the southern ports would be rejected.",
            "Berg said a tariff cut for the ports of the south and the east would never be accepted.",
        ] {
            let got = coded(text);
            assert_eq!(
                triples(&got),
                [("north", "tariffs", Stance::Oppose)],
                "{text}"
            );
        }
    }

    #[test]
    fn a_word_after_a_determiner_is_a_noun_not_the_terms_own_verb() {
        // "cut" is both a concept word and, as a verb, the term's own action.
        let got = coded("Berg rejects the treaty and a cut in tariffs.");
        assert!(
            triples(&got).contains(&("north", "treaty", Stance::Oppose)),
            "{got:?}"
        );
        assert!(
            !triples(&got).contains(&("north", "tariffs", Stance::Support)),
            "{got:?}"
        );
    }
}
