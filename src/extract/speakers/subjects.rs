//! The grammar of subjects and speech verbs: which mention is a clause's
//! subject, and who is the agent of "said", "according to" and the like.

use super::{Agent, Memory, Speaker, Subject, documents};
use crate::extract::mentions::{IssueHit, Mention, MentionKind, SentenceFacts};
use crate::extract::{
    PREPOSITIONS, Party, ends_with_ignoring_case, interruption_len, is_one_of, is_participle,
};
use crate::model::Span;

/// Is `m` a possessive that qualifies something other than the party's
/// position ("Russia's invasion has claimed …")? Possessives followed by a
/// stance word ("Kyiv's refusal") or an office ("Ukraine's government") speak.
fn possessive_of_other(fact: &SentenceFacts, m: &Mention) -> bool {
    let after = &fact.par[m.span.end..fact.span.end];
    let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    else {
        return false;
    };
    let noun_at = fact.span.end - rest.len();
    let speaks = [
        &fact.support,
        &fact.oppose,
        &fact.conditional,
        &fact.offices,
    ]
    .iter()
    .any(|spans| spans.iter().any(|s| s.start == noun_at));
    !speaks
}

/// The subject of the clause that holds `at`: its first mention that is not the
/// object of a preposition, with the mentions coordinated with it ("the US and
/// European officials"). Clauses without one borrow from the clause before,
/// back to `floor`.
pub(super) fn clause_subject(
    fact: &SentenceFacts,
    floor: usize,
    at: usize,
    memory: &Memory,
) -> Option<Subject> {
    let mut end = at;
    loop {
        let start = fact.clause_start(end.saturating_sub(1)).max(floor);
        let candidates: Vec<&Mention> = fact
            .mentions
            .iter()
            .filter(|m| m.span.start >= start && m.span.end <= end.max(start) && !m.in_quote)
            // "It" speaks only through a speech or stance verb ("It also
            // says …", "It leaves open …").
            .filter(|m| m.kind != MentionKind::DocumentPronoun || verb_follows(fact, m))
            .collect();
        if let Some(first) = candidates.iter().position(|m| {
            in_subject_position(fact.par, m.span.start, start)
                && !possessive_of_other(fact, m)
                && !object_before_that(fact, m, start)
        }) {
            let mut group = vec![candidates[first]];
            for next in &candidates[first + 1..] {
                let gap = fact.text(Span::new(group[group.len() - 1].span.end, next.span.start));
                if is_coordination(gap) || is_accompaniment(gap) {
                    group.push(next);
                } else {
                    break;
                }
            }
            return Some(Subject {
                agent: agent_of(&group, memory),
                // "It" of a document is a pronoun too: "the Kremlin said in
                // a statement that it rejects …" is the Kremlin's own view.
                pronoun: match group[0].kind {
                    MentionKind::Pronoun | MentionKind::PersonPronoun => true,
                    MentionKind::DocumentPronoun => !fact.text(group[0].span).contains(' '),
                    _ => false,
                },
                start: group[0].span.start,
                end: group[group.len() - 1].span.end,
            });
        }
        if start <= floor || start <= fact.span.start {
            return None;
        }
        end = start;
    }
}

/// Is `m` an object that a "that" clause follows: the addressee of a speech
/// verb ("told reporters that …") or the object of a preposition ("declared
/// before NATO that …")? A subject is followed by its verb, never by "that".
fn object_before_that(fact: &SentenceFacts, m: &Mention, clause: usize) -> bool {
    let after = fact.par[m.span.end..fact.span.end].trim_start();
    let before = fact.par[clause.min(m.span.start)..m.span.start].trim_end();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let before_end = clause.min(m.span.start) + before.len();
    let verb = fact.speech.iter().find(|v| v.end == before_end);
    let addressee = verb.is_some();
    // "told reporters a ceasefire …": who is told is never the one who
    // holds what follows, "that" or not.
    let told = verb.is_some_and(|v| {
        TELLING
            .iter()
            .any(|t| fact.text(*v).eq_ignore_ascii_case(t))
    });
    told || after.starts_with("that ")
        && (addressee || word_before.chars().next().is_some_and(char::is_lowercase))
}

/// Speech verbs whose object is the one spoken to.
const TELLING: &[&str] = &["told", "tells", "tell", "telling"];

/// Does a speech verb or a stance cue follow mention `m` (an adverb between)?
fn verb_follows(fact: &SentenceFacts, m: &Mention) -> bool {
    let rest = &fact.par[m.span.end..fact.span.end];
    // "The plan, which remains a draft, includes …", "The plan, seen by
    // Reuters, proposes …": the phrase between subject and verb is skipped.
    let relative = interruption_len(rest).unwrap_or(0);
    let rest = &rest[relative..];
    let skipped: usize = rest
        .split_inclusive(char::is_whitespace)
        .take_while(|w| w.trim().is_empty() || is_adverb(w.trim()))
        .map(str::len)
        .sum();
    let at = m.span.end + relative + skipped;
    [&fact.speech, &fact.support, &fact.oppose, &fact.conditional]
        .iter()
        .any(|spans| spans.iter().any(|s| s.start == at))
}

/// The agent a group of mentions stands for.
pub(super) fn agent_of(group: &[&Mention], memory: &Memory) -> Option<Agent> {
    let first = group.first()?;
    match first.kind {
        MentionKind::NonParty => Some(Agent::Outsider),
        MentionKind::Outlet => None,
        MentionKind::Pronoun => memory.antecedent(),
        MentionKind::PersonPronoun => memory.person_antecedent(),
        MentionKind::DocumentPronoun => memory.document.clone(),
        MentionKind::Party { .. } => {
            let parties: Vec<Party> = group.iter().filter_map(|m| m.party()).collect();
            Some(Agent::Party(Speaker { parties }))
        }
    }
}

/// Words that open a phrase interrupting a subject and its verb: relative
/// pronouns and prepositions ("who met …", "in a statement").
const INTERRUPTERS: &[&str] = &[
    "who",
    "which",
    "whose",
    "whom",
    "in",
    "at",
    "after",
    "during",
    "on",
    "while",
    "from",
    "before",
    "when",
    "following",
    "with",
    "alongside",
    "addressing",
];

/// Where a phrase between commas that interrupts the subject before `verb`
/// begins ("Merz, speaking in Paris, said"): a participle or a relative or
/// prepositional phrase, closed by the comma right before the verb.
pub(super) fn interruption(fact: &SentenceFacts, verb: Span) -> Option<usize> {
    let head = fact.par[fact.span.start..verb.start].trim_end();
    let inner = head.strip_suffix(',')?;
    let open = inner.rfind(',')?;
    let first = inner[open + 1..].split_whitespace().next()?;
    let bare = first.trim_matches(|c: char| !c.is_alphanumeric());
    let interrupts = is_one_of(bare, INTERRUPTERS) || is_participle(bare);
    interrupts.then_some(fact.span.start + open)
}

/// The agent of speech verb `verb`: the mention just before it ("Rutte said",
/// "Mark Rutte, NATO's chief, said"), else just after it ("said Rutte",
/// "according to officials"). An unknown name right before the verb is an
/// outsider; an outlet is transparent (no agent).
pub(super) fn verb_agent(fact: &SentenceFacts, verb: Span, memory: &Memory) -> Option<Agent> {
    let word = fact.text(verb);
    // "those provisions, saying …": a demonstrative speaks only as a subject.
    let usable = |m: &&Mention| !m.in_quote;
    // "those provisions, saying …": before the verb, a demonstrative speaks
    // only as a subject.
    let usable_before = |m: &&Mention| {
        usable(m) && (m.kind != MentionKind::DocumentPronoun || verb_follows(fact, m))
    };
    let after = fact
        .mentions
        .iter()
        .filter(usable)
        .find(|m| m.span.start >= verb.end)
        .filter(|m| word_count(fact.text(Span::new(verb.end, m.span.start))) <= 3);
    if word
        .get(..ACCORDING.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(ACCORDING))
    {
        return after.and_then(|m| agent_of(&[m], memory));
    }
    // "Merz, speaking in Paris, said …", "Rubio, who met Peskov, said …":
    // the subject stands before the phrase that interrupts it.
    // Without a party before the phrase ("the statement, published on the
    // British government's website, notes …") the phrase names the source.
    let last_before = |end: usize| {
        fact.mentions
            .iter()
            .filter(usable_before)
            .rfind(|m| m.span.end <= end && m.span.start >= fact.span.start)
    };
    if let Some(authors) = documents::author(fact, verb) {
        return agent_of(&authors, memory);
    }
    let before = interruption(fact, verb)
        .and_then(last_before)
        .or_else(|| last_before(verb.start));
    // "Ivan P., an associate professor at … University, notes that …": an
    // outsider described before the verb silences it, however long the
    // description and whatever place it names.
    let clause = fact.clause_start(verb.start);
    let described_outsider = fact.mentions.iter().filter(usable).any(|m| {
        m.kind == MentionKind::NonParty
            && m.span.start >= clause
            && m.span.end <= verb.start
            && in_subject_position(fact.par, m.span.start, clause)
    });
    if described_outsider {
        return Some(Agent::Outsider);
    }
    // "…, said Putin." and "…, said Putin on Friday": a speaker after the
    // verb that closes the attribution, not a subject of what follows it
    // ("Macron, who met Zelensky, said Ukraine wants …").
    let closes = |m: &Mention| {
        let rest = fact.par[m.span.end..fact.span.end].trim_start();
        rest.is_empty()
            || rest.starts_with([',', '.', ';', '\u{2014}'])
            || rest
                .split_whitespace()
                .next()
                .is_some_and(|w| is_one_of(w, PREPOSITIONS))
    };
    // "The plan, seen by Reuters, calls for Ukraine to …": a comma that
    // closes a phrase interrupting the subject inverts nothing.
    let inverted = fact
        .text(Span::new(fact.span.start, verb.start))
        .trim_end()
        .ends_with([',', '\u{201d}', '"'])
        && interruption(fact, verb).is_none();
    // Who is told is never the teller: "…, told reporters on Friday".
    let telling = is_one_of(word, TELLING);
    if let Some(m) = after.filter(|m| inverted && !telling && closes(m)) {
        return agent_of(&[m], memory);
    }
    let after_comma = fact
        .text(Span::new(fact.span.start, verb.start))
        .trim_end()
        .ends_with(',');
    if after_comma && ends_with_ignoring_case(word, "ing") {
        // "Merz rejected the request, saying …", "Lavrov addressed shifts
        // in Trump's rhetoric, noting …": the participle is the main
        // subject's, not the last name's before it.
        let main = clause_subject(fact, fact.span.start, verb.start, memory).and_then(|s| s.agent);
        if main.is_some() {
            return main;
        }
    }
    // "Reports suggest …", "media indicated …": a hedged report of the
    // press is no one's first-hand position.
    if before.is_some_and(|m| m.kind == MentionKind::Outlet) && is_one_of(word, HEDGES) {
        return Some(Agent::Outsider);
    }
    if let Some(m) = before {
        let gap = fact.text(Span::new(m.span.end, verb.start));
        if let Some(agent) = joined_to_earlier_report(fact, m, gap, memory) {
            return Some(agent);
        }
        let coordinated = [", and ", ", but "].iter().any(|joint| {
            gap.rsplit_once(joint)
                .is_some_and(|(_, rest)| rest.split_whitespace().all(is_adverb))
        });
        if coordinated {
            // "The plan bars NATO expansion, and stipulates that …": a verb
            // coordinated with the main one shares its subject.
            // "… handed over to Ukraine, and confirmed …": an object is no
            // subject to share.
            let subject =
                in_subject_position(fact.par, m.span.start, fact.clause_start(m.span.start));
            return clause_subject(fact, fact.span.start, m.span.start, memory)
                .and_then(|s| s.agent)
                .or_else(|| subject.then(|| agent_of(&[m], memory)).flatten());
        }
        let appositive = gap.trim_start().starts_with(',') && gap.trim_end().ends_with(',');
        if word_count(gap) <= 4 || (appositive && word_count(gap) <= 25) {
            return agent_of(&coordinated_before(fact, m), memory);
        }
    }
    if unknown_name_before(fact, verb) {
        return Some(Agent::Outsider);
    }
    after
        .filter(|_| inverted)
        .and_then(|m| agent_of(&[m], memory))
}

/// Speech verbs that only hedge what they report.
const HEDGES: &[&str] = &[
    "suggest",
    "suggests",
    "suggested",
    "indicate",
    "indicates",
    "indicated",
    "speculate",
    "speculated",
];

/// `last` with the party mentions coordinated before it, in order: "Zelensky
/// and Macron said" speak together.
pub(super) fn coordinated_before<'f>(
    fact: &'f SentenceFacts,
    last: &'f Mention,
) -> Vec<&'f Mention> {
    let at = fact
        .mentions
        .iter()
        .position(|m| std::ptr::eq(m, last))
        .unwrap_or(0);
    let mut group = vec![last];
    for m in fact.mentions[..at].iter().rev() {
        let next = group[group.len() - 1];
        let joined = m.span.start >= fact.span.start
            && !m.in_quote
            && m.party().is_some()
            && next.party().is_some()
            && is_coordination(fact.text(Span::new(m.span.end, next.span.start)));
        if !joined {
            break;
        }
        group.push(m);
    }
    group.reverse();
    // "guarantees for both Russia and Ukraine, Putin said": a group that
    // is a preposition's object is not the subject; the speaker stands alone.
    let first = group[0].span.start;
    if group.len() > 1 && !in_subject_position(fact.par, first, fact.clause_start(first)) {
        return vec![last];
    }
    group
}

/// "Kyiv has warned that ceding ground will embolden Moscow and says it …",
/// "Zelensky met Macron and said …": a speech verb joined by "and" or "but"
/// to an object, not a subject, shares the speaker of the speech verb
/// before that object, else the subject of the sentence. Only the nearest
/// earlier verb is read, with its speaker right before it.
fn joined_to_earlier_report(
    fact: &SentenceFacts,
    object: &Mention,
    gap: &str,
    memory: &Memory,
) -> Option<Agent> {
    // "met Macron and said", "met Macron in Geneva and then said".
    let joined = !gap.contains([',', ';', ':'])
        && gap
            .split_whitespace()
            .rev()
            .find(|w| !is_adverb(w))
            .is_some_and(|w| is_one_of(w, &["and", "but"]));
    let clause = fact.clause_start(object.span.start);
    if !joined || in_subject_position(fact.par, object.span.start, clause) {
        return None;
    }
    let earlier = fact
        .speech
        .iter()
        .rfind(|v| v.end <= object.span.start && v.start >= fact.span.start);
    let Some(earlier) = earlier else {
        return clause_subject(fact, fact.span.start, object.span.start, memory)
            .and_then(|s| s.agent);
    };
    let speaker = fact
        .mentions
        .iter()
        .filter(|m| !m.in_quote && m.span.start >= fact.span.start)
        .rfind(|m| m.span.end <= earlier.start)
        .filter(|m| word_count(fact.text(Span::new(m.span.end, earlier.start))) <= 2)?;
    agent_of(&[speaker], memory)
}

pub(super) const ACCORDING: &str = "according";

/// Is the verb preceded by a capitalised name the lexicon does not know
/// ("Ihor Petrenko also thinks")? Such speakers do not speak for a party.
fn unknown_name_before(fact: &SentenceFacts, verb: Span) -> bool {
    let before = fact.text(Span::new(fact.span.start, verb.start));
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .skip_while(|w| is_adverb(w))
        .take(2)
        .collect();
    words.len() == 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

fn is_adverb(word: &str) -> bool {
    ends_with_ignoring_case(word, "ly")
        || is_one_of(
            word,
            &[
                "also", "has", "have", "had", "then", "later", "again", "once", "further", "still",
                "now", "already", "even", "indeed",
            ],
        )
}

pub(super) fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// "A and B", "A, B and C", "A or B", "Kyiv and its allies": coordinated
/// subjects.
fn is_coordination(gap: &str) -> bool {
    let mut words = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    match (words.next(), words.next(), words.next()) {
        (None, ..) => gap.contains(','),
        (Some(conj), det, None) => {
            matches!(conj, "and" | "or" | "nor" | "&")
                && det.is_none_or(|d| {
                    conj == "and" && matches!(d, "the" | "its" | "their" | "his" | "her")
                })
        }
        _ => false,
    }
}

/// Does `gap` open a phrase between commas that adds parties to a subject
/// ("The United States, supported by European nations, will lead …",
/// "Kyiv, together with its allies, rejects …")?
fn is_accompaniment(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix(", ") else {
        return false;
    };
    let rest = ["the ", "its ", "their "]
        .iter()
        .find_map(|a| rest.strip_suffix(a))
        .unwrap_or(rest);
    ACCOMPANIMENTS.iter().any(|a| rest.eq_ignore_ascii_case(a))
}

/// Phrases by which an appositive joins parties to a subject.
const ACCOMPANIMENTS: &[&str] = &[
    "supported by ",
    "backed by ",
    "joined by ",
    "together with ",
    "along with ",
    "alongside ",
];

/// Words that may stand right before a clause's subject: conjunctions,
/// subordinators and sentence adverbs. After any other lower-case word
/// (a verb, a preposition) a mention is an object.
const BEFORE_SUBJECT: &[&str] = &[
    "and",
    "but",
    "or",
    "that",
    "while",
    "whereas",
    "although",
    "though",
    "as",
    "when",
    "because",
    "since",
    "after",
    "before",
    "also",
    "meanwhile",
    "however",
    "instead",
    "now",
    "then",
    "still",
    "yet",
    "so",
    "which",
    "who",
    "where",
    "if",
    "unless",
    "said",
    "says",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
];

const ARTICLES: &[&str] = &["the", "a", "an"];

/// Words that single out the phrase after them, whatever its role.
const FOCUS_WORDS: &[&str] = &["both", "only", "even", "either", "neither"];

/// Can the mention at `at` be the subject of the clause starting at `floor`?
/// Yes at the clause start, after punctuation, a capitalised word (a title:
/// "President", "Secretary"), an adverb or a conjunction; articles are skipped.
pub(super) fn in_subject_position(par: &str, at: usize, floor: usize) -> bool {
    let before = &par[floor.min(at)..at];
    let is_word_char = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}' | '-');
    let mut rest = before.trim_end();
    loop {
        let word_start = rest
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word_char(*c))
            .last()
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[word_start..];
        if word.is_empty() {
            // The clause start, or punctuation right before the mention.
            return true;
        }
        // "Both Russia and Ukraine", "for both Russia and Ukraine": a focus
        // word stands before a subject and an object alike.
        if is_one_of(word, ARTICLES) || is_one_of(word, FOCUS_WORDS) {
            rest = rest[..word_start].trim_end();
            continue;
        }
        let earlier = rest[..word_start].trim_end();
        let article_before = earlier
            .rsplit(|c: char| !is_word_char(c))
            .next()
            .is_some_and(|w| is_one_of(w, ARTICLES));
        if article_before {
            // "the leaked US plan": a modifier between article and mention.
            rest = earlier;
            continue;
        }
        if is_one_of(word, PREPOSITIONS) {
            // "On NATO expansion: …", "In Kyiv, …": capitalised, yet an object.
            return false;
        }
        if is_one_of(word, INVERTING_AUXILIARIES) {
            // "Only if allies agree will Rubio accept …": after a fronted
            // "only" or "never" the auxiliary comes before its subject.
            let first = before.split_whitespace().next().unwrap_or("");
            return is_one_of(first, INVERTING_OPENERS);
        }
        return word.chars().next().is_some_and(char::is_uppercase)
            || ends_with_ignoring_case(word, "ly")
            || is_one_of(word, BEFORE_SUBJECT);
    }
}

/// Fronted words after which subject and auxiliary change places.
const INVERTING_OPENERS: &[&str] = &["only", "never", "nor", "rarely", "seldom"];

/// Auxiliaries that stand before the subject in such an inversion.
const INVERTING_AUXILIARIES: &[&str] = &[
    "will", "would", "could", "can", "does", "did", "do", "is", "are", "was", "has", "have",
    "should", "must", "might", "may",
];

/// Does a speech verb before `issue` give the sentence to a teller other
/// than `agent` ("Zelensky said the truce was rejected by Moscow", "an
/// analyst said …, which Kyiv rejects")? Then what `agent` does there is
/// the teller's account.
pub(super) fn told_by_another(
    fact: &SentenceFacts,
    issue: &IssueHit,
    agent: &Speaker,
    memory: &Memory,
) -> bool {
    let actors: Vec<usize> = agent.parties.iter().map(|p| p.actor).collect();
    fact.speech
        .iter()
        .filter(|v| v.end <= issue.span.start)
        .rev()
        .find_map(|v| verb_agent(fact, *v, memory))
        .is_some_and(|teller| teller.actors() != actors)
}

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn a_comma_that_closes_an_interrupting_phrase_inverts_nothing() {
        // The party after the verb is its object, not who speaks.
        let got =
            coded("The plan, seen by the Courier, says Southland in turn must back the treaty.");
        assert!(!got.iter().any(|(actor, _, _)| actor == "south"), "{got:?}");
        let got = coded("Northland must back the treaty, says Southland in a statement.");
        assert_eq!(triples(&got), [("south", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_phrase_between_commas_does_not_take_the_subjects_place() {
        for text in [
            "Berg, speaking in Port Sol, said Northland rejects the treaty.",
            "Berg, who met Mar on Friday, said Northland rejects the treaty.",
            "Berg, after talks in Port Sol, said Northland rejects the treaty.",
        ] {
            let got = coded(text);
            assert_eq!(
                triples(&got),
                [("north", "treaty", Stance::Oppose)],
                "{text}"
            );
        }
    }

    #[test]
    fn one_party_reporting_another_gives_neither_a_statement() {
        for text in [
            "Berg said Southland says it wants the treaty.",
            "According to Berg, Southland wants the treaty.",
            "An analyst said Southland says it wants the treaty.",
        ] {
            assert!(coded(text).is_empty(), "{text}: {:?}", coded(text));
        }
        let got = coded("According to Berg, Northland wants the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_speech_verb_joined_to_an_object_keeps_the_first_speaker() {
        for text in [
            "Berg met Mar and said Northland rejects the treaty.",
            "Berg warned that the delay would embolden Mar and said Northland rejects the treaty.",
        ] {
            let got = coded(text);
            assert_eq!(
                triples(&got),
                [("north", "treaty", Stance::Oppose)],
                "{text}"
            );
        }
        // A subject joined by "and" speaks with the first: no object here.
        let got = coded("Berg and Mar said they reject the treaty.");
        let parties: Vec<_> = triples(&got).iter().map(|(a, _, _)| *a).collect();
        assert_eq!(parties, ["north", "south"]);
    }

    #[test]
    fn a_pronoun_refers_to_the_main_subject_of_the_sentence_before() {
        let got = coded(
            "Berg made the remarks at a briefing, along with Mar. She said Northland backs the treaty.",
        );
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn an_appositive_of_accompaniment_adds_its_parties_to_the_subject() {
        let got = coded("Nordhavn, backed by Port Sol, rejects the treaty.");
        let parties: Vec<_> = triples(&got).iter().map(|(a, _, _)| *a).collect();
        assert_eq!(parties, ["north", "south"]);
    }

    #[test]
    fn a_participle_after_a_comma_is_the_main_subjects() {
        let got = coded("Berg addressed shifts in Mar's tone, saying Northland backs the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_clause_joined_by_but_is_not_governed_by_the_verb_before() {
        let got = coded("Berg wants talks but Southland rejects the treaty.");
        assert_eq!(triples(&got), [("south", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn after_a_fronted_only_the_subject_follows_its_auxiliary() {
        let got = coded("Only if the vote passes will Berg accept the treaty.");
        let parties: Vec<_> = triples(&got).iter().map(|(a, i, _)| (*a, *i)).collect();
        assert_eq!(parties, [("north", "treaty")]);
    }

    #[test]
    fn a_title_with_an_unknown_name_speaks_for_its_party() {
        let got =
            coded("Southland's deputy trade minister Ola Nordmann said Southland wants a treaty.");
        assert_eq!(triples(&got), [("south", "treaty", Stance::Support)]);
    }
}
