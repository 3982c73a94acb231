//! Who speaks: the party behind each issue term of a sentence.
//!
//! In order: the speaker of a quotation the term lies in; the agent of a speech
//! verb ("X said", "…, X warned", "according to X"); the subject of the clause
//! (a party itself as speaker: "the Kremlin ruled out …"). Pronouns ("he said")
//! refer back to the last speaker of the paragraph or the one before. Reporting
//! through an outlet is transparent; a speaker who does not speak for a party
//! (an analyst, an unknown name) silences the sentence, and a party described
//! by another ("Zelensky said Moscow wants …") is nobody's statement.

mod documents;
mod holders;
mod passive;
mod relatives;
mod subjects;

pub use documents::document_holders;
pub use holders::{Answer, holders};
pub use relatives::relative_answerers;

use super::framing::{self, Frame};
use super::mentions::{IssueHit, Mention, MentionKind, SentenceFacts};
use super::scope::NOUN_DETERMINERS;
use super::{Party, is_one_of, scope, words_at, work};
use crate::model::Span;
use documents::{backer, is_document, names_any_document, names_document, under_document};
use subjects::{agent_of, clause_subject, in_subject_position, verb_agent, word_count};

/// The parties that answer the clause or phrase that holds `issue`, each
/// with its stance verb: "Kyiv welcomed signals that …" (`holders`), and the
/// agent of a passive verb, "A ceasefire was rejected by Putin" (`passive`).
pub fn answerers(fact: &SentenceFacts, issue: &IssueHit, memory: &Memory) -> Vec<(Party, Answer)> {
    let mut all = holders::answerers(fact, issue, memory);
    all.extend(passive::passive_answerers(fact, issue, memory));
    all
}

/// The parties that speak in a statement (several for "US and European officials").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    pub parties: Vec<Party>,
}

/// Who governs a stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Agent {
    Party(Speaker),
    /// Someone who does not speak for a party.
    Outsider,
}

impl Agent {
    fn speaker(&self) -> Option<Speaker> {
        match self {
            Agent::Party(s) => Some(s.clone()),
            Agent::Outsider => None,
        }
    }

    fn actors(&self) -> Vec<usize> {
        match self {
            Agent::Party(s) => s.parties.iter().map(|p| p.actor).collect(),
            Agent::Outsider => Vec::new(),
        }
    }
}

/// The last speakers, for pronouns.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    current: Option<Agent>,
    previous: Option<Agent>,
    /// The party that introduced a list ("The plan includes:"), for its bullets.
    list: Option<Agent>,
    /// The last plan, draft or body that spoke, for "it says".
    document: Option<Agent>,
    /// The last person who spoke, for "he" and "she".
    person: Option<Agent>,
}

impl Memory {
    /// Who a pronoun at the start of a clause refers to.
    fn antecedent(&self) -> Option<Agent> {
        self.current.clone().or_else(|| self.previous.clone())
    }

    /// Who "he" or "she" refers to: the last person who spoke, not a body
    /// that spoke since ("Rutte said … NATO says … He added …").
    fn person_antecedent(&self) -> Option<Agent> {
        self.person.clone().or_else(|| self.antecedent())
    }

    /// Note the main speaker of a finished sentence.
    pub fn remember(&mut self, fact: &SentenceFacts) {
        let spoke = fact.speech.iter().find_map(|v| verb_agent(fact, *v, self));
        let said_something = spoke.is_some();
        let agent = spoke.or_else(|| {
            // The main clause's subject, not that of the last clause
            // ("She spoke at a briefing, along with NATO's Rutte").
            let main = fact.clause_end(fact.main_clause);
            clause_subject(fact, fact.span.start, main, self).and_then(|s| s.agent)
        });
        let introduces_list = fact.text(fact.span).trim_end().ends_with(':');
        if introduces_list {
            self.list = agent.clone().filter(|a| matches!(a, Agent::Party(_)));
        } else if let Some(plan) = heading_document(fact) {
            // "Key provisions of the US plan", then its points, one a line.
            self.list = agent_of(&[plan], self);
        }
        // "It says …", "Those included …" refer back to the last plan that
        // spoke, else to the last document named ("Lavrov welcomed the US
        // plan"), else to the last body that spoke.
        let named = fact
            .mentions
            .iter()
            .rev()
            .filter(|m| !m.in_quote && names_document(fact, m.span))
            .find_map(Mention::party);
        // Only a body that said something or put a document forward: the
        // subject of any clause ("Ukraine, Europe and Russia will be part of
        // this mechanism") is no author.
        let body_spoke = matches!(&agent, Some(Agent::Party(speaker))
            if speaker.parties.iter().all(|p| !p.person))
            && (said_something || names_any_document(fact));
        if agent.as_ref().is_some_and(|a| is_document(fact, a)) {
            self.document = agent.clone();
        } else if let Some(party) = named {
            let mut parties = vec![party];
            // "Lavrov welcomed the US plan": what the plan holds, its
            // backer holds too.
            if let Some(Agent::Party(backer)) = backer(fact, party.span, self) {
                parties.extend(backer.parties.iter().filter(|p| p.actor != party.actor));
            }
            self.document = Some(Agent::Party(Speaker { parties }));
        } else if body_spoke {
            self.document = agent.clone();
        }
        if let Some(agent) = agent {
            // Outsiders are people too: "An analyst said … He added …".
            let person = match &agent {
                Agent::Party(s) => s.parties.iter().any(|p| p.person),
                Agent::Outsider => true,
            };
            if person {
                self.person = Some(agent.clone());
            }
            self.current = Some(agent);
        }
    }

    /// Is the current paragraph a bullet of a list a party introduced?
    pub fn in_list(&self) -> bool {
        self.list.is_some()
    }

    /// A new paragraph starts; bullets keep the list's speaker, prose ends it.
    pub fn start_paragraph(&mut self, is_bullet: bool) {
        if !is_bullet {
            self.list = None;
        }
    }

    pub fn end_paragraph(&mut self) {
        if self.current.is_some() {
            self.previous = self.current.take();
        }
    }
}

/// How far before a quotation its speech verb may end (Rutte said: “…).
const VERB_BEFORE_QUOTE: usize = 12;
/// How far after a quotation its speech verb may start (…,” Rutte said).
const VERB_AFTER_QUOTE: usize = 40;

/// The speech verbs of a paragraph in text order, each with the index of its
/// sentence: looked up by position, since a paragraph may hold thousands of
/// quotations and verbs.
pub struct ParagraphVerbs {
    verbs: Vec<(usize, Span)>,
    /// The longest verb, which bounds how early one ending near a quotation starts.
    longest: usize,
}

impl ParagraphVerbs {
    pub fn new(facts: &[SentenceFacts]) -> ParagraphVerbs {
        let verbs: Vec<(usize, Span)> = facts
            .iter()
            .enumerate()
            .flat_map(|(i, f)| f.speech.iter().map(move |v| (i, *v)))
            .collect();
        let longest = verbs.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
        ParagraphVerbs { verbs, longest }
    }

    /// The verbs right before or right after quotation `q`, in text order.
    fn around(&self, q: Span) -> impl Iterator<Item = (usize, Span)> + '_ {
        let lowest = q.start.saturating_sub(VERB_BEFORE_QUOTE + self.longest);
        let from = self.verbs.partition_point(|(_, v)| v.start < lowest);
        let to = self
            .verbs
            .partition_point(|(_, v)| v.start <= q.end + VERB_AFTER_QUOTE);
        work::add(to.max(from) - from + 1);
        self.verbs[from..to.max(from)]
            .iter()
            .copied()
            .filter(move |(_, v)| {
                let after = v.start >= q.end && v.start - q.end <= VERB_AFTER_QUOTE;
                let before = v.end <= q.start && q.start - v.end <= VERB_BEFORE_QUOTE;
                after || before
            })
    }
}

/// The speaker of each of `quotes` (quotations of a paragraph with
/// sentences `facts` and speech verbs `verbs`), from the speech verb right
/// after it ("…,” Rutte said) or right before it (Rutte said: “…).
pub fn quote_agents(
    quotes: &[Span],
    facts: &[SentenceFacts],
    verbs: &ParagraphVerbs,
    memory: &Memory,
    caption: Option<&Agent>,
) -> Vec<(Span, Option<Agent>)> {
    quotes
        .iter()
        .map(|q| {
            // A verb after the quotation speaks it only from the sentence the
            // quotation ends in: "… peace.” He noted …" starts a new report.
            let agent = verbs
                .around(*q)
                .filter(|(i, v)| v.end <= q.start || facts[*i].span.start < q.end)
                .find_map(|(i, v)| verb_agent(&facts[i], v, memory));
            (*q, agent.or_else(|| caption.cloned()))
        })
        .collect()
}

/// The speaker a caption names ("Rutte on the guarantees").
pub fn caption_agent(fact: &SentenceFacts, memory: &Memory) -> Option<Agent> {
    if !fact.is_caption() {
        return None;
    }
    agent_of(&[fact.mentions.first()?], memory)
}

/// The speaker of issue term `issue` of sentence `fact`.
pub fn speaker_for(
    fact: &SentenceFacts,
    issue: &IssueHit,
    quote_agents: &[(Span, Option<Agent>)],
    memory: &Memory,
) -> Option<Speaker> {
    if let Some((quote, agent)) = quote_agents.iter().find(|(q, _)| q.contains(issue.span)) {
        match agent {
            Some(agent) if describes_another(fact, quote.start, issue, agent) => {
                return None;
            }
            Some(agent) => return agent.speaker(),
            // An unattributed quotation inside a sentence is a term; a whole
            // sentence of quotation with no speaker is nobody's statement.
            None if fact.is_quoted() => return None,
            None => {}
        }
    }
    // "Asked if Trump had said …, Macron said, “No …”": the one who answers
    // speaks for a term of the question, not a speaker inside it.
    if let Some(Frame::Answer(answer)) = framing::frame(fact, issue, fact.span.start) {
        return fact
            .speech
            .iter()
            .filter(|v| v.start >= answer.start)
            .find_map(|v| verb_agent(fact, *v, memory))
            .and_then(|a| a.speaker());
    }
    // The points listed under a plan are the plan's, whoever they name.
    if fact.speech.is_empty()
        && let Some(plan) = memory.list.as_ref().filter(|a| is_document(fact, a))
    {
        return plan.speaker();
    }
    let before = fact
        .speech
        .iter()
        .filter(|v| v.end <= issue.span.start)
        .filter(|v| !(takes_a_stance(fact, **v) && fact.clause_start(issue.span.start) > v.end))
        .rev()
        .find_map(|v| verb_agent(fact, *v, memory).map(|a| (*v, a)));
    // "Washington said NATO calls for …", "an analyst argued that Russia
    // insists on …": a report inside another speaker's report describes its
    // subject; it is the outer speaker's words, not the inner one's.
    if let Some((verb, agent)) = &before
        && reported_by_another(fact, *verb, agent, memory)
    {
        return None;
    }
    // "NATO's Article 5 states that …": the term is the subject of the verb
    // right after it; a definition, no party's statement.
    let defines = fact.speech.iter().any(|v| {
        v.start > issue.span.end
            && fact
                .text(Span::new(issue.span.end, v.start))
                .trim()
                .is_empty()
    });
    if defines {
        return None;
    }
    // "A ceasefire was rejected by Putin": the agent after "by" answers the
    // term (`answerers`), and nobody else speaks for it.
    if passive::passive_agent(fact, issue, memory).is_some() {
        return None;
    }
    // "…; Kyiv insists on …" opens a statement of its own.
    let after = fact
        .speech
        .iter()
        .filter(|v| v.start >= issue.span.end)
        .filter(|v| !fact.text(Span::new(issue.span.end, v.start)).contains(';'))
        .find_map(|v| verb_agent(fact, *v, memory).map(|a| (*v, a)));
    let unattributed = before.is_none() && after.is_none();
    if unattributed
        && let Some(agent) =
            headline_attribution(fact, memory).or_else(|| interview_answer(fact, memory))
    {
        // "No ceasefire unless Ukraine withdraws: Russia": the whole line is
        // the source's, whoever else it names.
        return agent.speaker();
    }
    // "Zelensky: Ukraine will never give up Donbas": a source before the
    // colon speaks what follows as a speech verb would, so "Zelensky:
    // Russia wants Donbas" describes Russia.
    let before = before.or_else(|| {
        let (label, colon) = source_label(fact).filter(|_| unattributed)?;
        Some((Span::new(colon, colon + 1), agent_of(&[label], memory)?))
    });
    let floor = before
        .as_ref()
        .map_or(fact.span.start, |(v, _)| attribution_end(fact, *v));
    let subject = clause_subject(fact, floor, issue.span.start, memory);
    // "Zelensky said the EU must open accession talks", "Moscow insists that
    // Ukraine abandon …": what another party must do is the speaker's
    // demand, not a report of that party's view.
    let demanding = before
        .as_ref()
        .is_some_and(|(v, _)| fact.support.iter().any(|s| s.start == v.start));
    let attribution = before
        .or(after)
        .map(|(_, a)| a)
        .or_else(|| viewpoint(fact, memory));
    let under = attribution
        .is_none()
        .then(|| under_document(fact, memory))
        .flatten();
    let attribution = attribution.or_else(|| under.clone());
    // A pronoun in the reported clause ("Trump said that he will not …")
    // refers to the speaker of the sentence.
    let subject = subject.filter(|s| !(s.pronoun && attribution.is_some()));
    let obliged = demanding
        || subject
            .as_ref()
            .is_some_and(|s| is_obliged(fact, s.end) || is_conditioned(fact, s.start));
    // "Von der Leyen said Ukraine could become an EU member": a subject
    // that only carries the proposition is not described.
    let voiced = subject
        .as_ref()
        .is_some_and(|s| acts_in_own_right(fact, s.end, issue.span.start));
    match (attribution, subject.and_then(|s| s.agent)) {
        (Some(agent), Some(subject)) => {
            let speaker_actors = agent.actors();
            // A party described by another speaker is not a first-hand
            // position; a subject that includes the speaker's party is
            // ("US, Russia agreed on …, Witkoff says"), and so is a nested
            // clause of the speaker's own ("Witkoff said Putin agreed that
            // the US could offer guarantees").
            let reported =
                subject_parties(fact, report_start(fact, floor, issue), issue.span.start);
            let described = !subject
                .actors()
                .iter()
                .chain(&reported)
                .any(|a| speaker_actors.contains(a));
            // A plan is the exception: what it says other parties will do is
            // its content ("the US plan says Ukraine will not join NATO").
            let plan = is_document(fact, &agent) || under.is_some();
            let judged = scope::judged_in_relative(fact, issue);
            if described && voiced && subject != agent && !plan && !obliged && !judged {
                None
            } else {
                agent.speaker()
            }
        }
        (Some(agent), None) => agent.speaker(),
        (None, Some(subject)) => subject.speaker(),
        (None, None) => memory.list.as_ref().and_then(Agent::speaker),
    }
}

/// Is speech verb `verb` a stance verb with an object ("called for a
/// ceasefire", "urged a truce", "insisted on no territorial compromise",
/// "called for territorial concessions")? Then it reports nothing: "…,
/// while Putin rejected it" is Putin's own clause.
fn takes_a_stance(fact: &SentenceFacts, verb: Span) -> bool {
    fact.stance_cues()
        .filter(|c| c.start == verb.start)
        .any(|c| {
            // "insists on", "calls for" take an object, never a clause;
            // "urged" takes one when a noun phrase follows.
            let first = words_at(&fact.par[c.end..fact.span.end], c.end).next();
            let object = first.is_some_and(|(at, w)| {
                is_one_of(w, &["on", "for"])
                    || is_one_of(w, NOUN_DETERMINERS)
                    || fact.issues.iter().any(|i| i.span.start == at)
            });
            c.end > verb.end || object
        })
}

/// "“… one of the reasons Ukraine wants to join NATO,” Witkoff said": in
/// the quotation of one party, another party that acts in its own right
/// is described, unless it is told what to do ("Russia must withdraw").
fn describes_another(fact: &SentenceFacts, from: usize, issue: &IssueHit, agent: &Agent) -> bool {
    // The quoted words' own subject: mentions inside quotations speak
    // for no one else, so they are read here, not by `clause_subject`.
    let clause = fact.clause_start(issue.span.start).max(from);
    // A plan's quoted text says what others will do ("The text reads:
    // “Ukraine commits …”"): that is its content.
    if is_document(fact, agent) {
        return false;
    }
    let possessive = |m: &Mention| fact.par[m.span.end..].starts_with(['\'', '\u{2019}']);
    let Some(subject) = fact.mentions.iter().find(|m| {
        m.span.start >= clause
            && m.span.end <= issue.span.start
            && !possessive(m)
            && in_subject_position(fact.par, m.span.start, clause)
    }) else {
        return false;
    };
    let Some(described) = subject.party() else {
        return false;
    };
    !agent.actors().contains(&described.actor)
        && acts_in_own_right(fact, subject.span.end, issue.span.start)
        && !is_obliged(fact, subject.span.end)
        && !is_conditioned(fact, subject.span.start)
}

/// The plan a heading names ("Key provisions of the US plan"): a short line
/// without a closing stop whose party mention is a document.
fn heading_document<'f>(fact: &'f SentenceFacts) -> Option<&'f Mention> {
    let text = fact.text(fact.span).trim_end();
    let heading = !text.ends_with(['.', '!', '?', '"', '\u{201D}'])
        && word_count(text) <= HEADING_WORDS
        && fact.speech.is_empty();
    if !heading {
        return None;
    }
    fact.mentions
        .iter()
        .find(|m| matches!(m.kind, MentionKind::Party { .. }) && names_document(fact, m.span))
}

/// How many words a heading over a plan's points may have.
const HEADING_WORDS: usize = 12;

/// Is the speech verb `verb` (spoken by `agent`) inside the report of an
/// earlier speech verb of the sentence whose speaker is someone else?
fn reported_by_another(fact: &SentenceFacts, verb: Span, agent: &Agent, memory: &Memory) -> bool {
    // "Zelensky said …, and Macron said …": coordinated reports stand side by side.
    let coordinated = |between: &str| {
        between.contains([';', ':'])
            || between
                .split_whitespace()
                .any(|w| is_one_of(w.trim_end_matches(','), COORDINATORS))
    };
    // The outer report is one of the few verbs right before; looking no
    // further keeps a sentence of a thousand verbs linear.
    fact.speech
        .iter()
        .filter(|outer| outer.end <= verb.start && outer.start >= fact.span.start)
        .rev()
        .take(OUTER_REPORTS)
        .filter(|outer| !coordinated(fact.text(Span::new(outer.end, verb.start))))
        .filter_map(|outer| verb_agent(fact, *outer, memory))
        .any(|outer| outer.actors() != agent.actors())
}

/// How many speech verbs before a report may hold it.
const OUTER_REPORTS: usize = 3;

/// Words that join two reports side by side rather than one inside the other.
const COORDINATORS: &[&str] = &["and", "but", "while", "whereas"];

/// Where the attribution of speech verb `verb` ends: after "According to X,"
/// the comma closes it, and what follows is the report (whose subject may
/// be another party); after "X said" the verb itself.
fn attribution_end(fact: &SentenceFacts, verb: Span) -> usize {
    let according = fact
        .text(verb)
        .get(..subjects::ACCORDING.len())
        .is_some_and(|w| w.eq_ignore_ascii_case(subjects::ACCORDING));
    if !according {
        return verb.end;
    }
    let rest = &fact.par[verb.end..fact.span.end];
    rest.find(',')
        .filter(|comma| rest[..*comma].split_whitespace().count() <= ATTRIBUTION_WORDS)
        .map_or(verb.end, |comma| verb.end + comma + 1)
}

/// How many words "According to …" may name before its comma.
const ATTRIBUTION_WORDS: usize = 8;

/// Does the subject ending at `from` act in its own right before the term at
/// `to` ("Moscow wants …", "Russia would use any ceasefire …")? Only a
/// subject joined to the term by auxiliaries, negations and "be" or "become"
/// ("Ukraine will never join NATO", "Ukraine could become an EU member")
/// carries the proposition itself, which is then the speaker's view.
///
/// A possessive is no subject at all: in "Merz said Russia's demand for a
/// withdrawal is unacceptable" the demand is judged, Russia not described.
fn acts_in_own_right(fact: &SentenceFacts, from: usize, to: usize) -> bool {
    let head = &fact.par[..from];
    let possessive = ["'s", "\u{2019}s"]
        .iter()
        .any(|s| head.ends_with(s) || fact.par[from..].starts_with(s));
    !possessive
        && !fact
            .text(Span::new(from, to.max(from)))
            .split_whitespace()
            .all(|w| is_one_of(w, PROPOSITION_LINKS))
}

/// Words that join a subject to the proposition it is the subject of.
const PROPOSITION_LINKS: &[&str] = &[
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "shall",
    "should",
    "not",
    "never",
    "ever",
    "eventually",
    "one",
    "day",
    "soon",
    "be",
    "become",
    "becomes",
    "is",
    "are",
    "was",
    "were",
    "a",
    "an",
    "the",
];

/// Where the report that holds `issue` begins, from `floor`: at a clause
/// set against the one before ("…, while Russia rejected it", "but …") or
/// giving a cause ("as Russia rejects …"),
/// whose subject is not nested in the earlier clause's.
fn report_start(fact: &SentenceFacts, floor: usize, issue: &IssueHit) -> usize {
    let own = fact.clause_start(issue.span.start);
    let opening = fact.text(Span::new(own, issue.span.start));
    let first = opening
        .trim_start_matches([',', ';', ' '])
        .split_whitespace()
        .next()
        .unwrap_or("");
    if own > floor && is_one_of(first, OWN_SUBJECT_OPENERS) {
        own
    } else {
        floor
    }
}

/// Conjunctions that set a clause against the one before, or give its
/// cause ("… as Russia rejects a ceasefire"): the clause has a subject of
/// its own.
const OWN_SUBJECT_OPENERS: &[&str] = &[
    "while", "whereas", "but", "although", "though", "yet", "as", "because", "since",
];

/// The parties in subject position of every clause between `from` and `to`.
fn subject_parties(fact: &SentenceFacts, from: usize, to: usize) -> Vec<usize> {
    fact.mentions
        .iter()
        .filter(|m| !m.in_quote && m.span.start >= from && m.span.end <= to)
        .filter(|m| {
            let clause = fact.clause_start(m.span.start).max(from);
            in_subject_position(fact.par, m.span.start, clause)
        })
        .filter_map(Mention::party)
        .map(|p| p.actor)
        .collect()
}

/// The subject found for a clause.
struct Subject {
    agent: Option<Agent>,
    pronoun: bool,
    /// Where the subject begins and ends.
    start: usize,
    end: usize,
}

/// Modals of obligation: what a subject must do is someone's demand.
const OBLIGATIONS: &[&str] = &[
    "must",
    "should",
    "needs to",
    "need to",
    "has to",
    "have to",
    "is required to",
    "be required to",
    // What must not be done to a party is the speaker's demand too:
    // "Ukraine will not be forced to give up land, Macron said".
    "not be forced to",
    "cannot be forced to",
    "not be pressured into",
];

/// Words a verb group may open with before its obligation: "may have to",
/// "would need to", "will eventually have to".
const BEFORE_OBLIGATION: &[&str] = &[
    "will",
    "would",
    "may",
    "might",
    "could",
    "also",
    "still",
    "eventually",
    "ultimately",
    "probably",
];

/// Does a modal of obligation follow the subject ending at `end` ("the EU
/// must …", "Moscow should also …", "Kyiv may have to …")?
fn is_obliged(fact: &SentenceFacts, end: usize) -> bool {
    let mut rest = fact.par[end..fact.span.end].trim_start();
    loop {
        let obliged = OBLIGATIONS.iter().any(|m| {
            rest.len() > m.len()
                && rest.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
                && rest.as_bytes()[m.len()] == b' '
        });
        if obliged {
            return true;
        }
        match rest.split_once(' ') {
            Some((word, after)) if is_one_of(word, BEFORE_OBLIGATION) => rest = after,
            _ => return false,
        }
    }
}

/// Is the subject starting at `start` the subject of a condition ("… only if
/// Ukraine withdrew", "unless Kyiv agrees")? A condition is set by the speaker.
fn is_conditioned(fact: &SentenceFacts, start: usize) -> bool {
    fact.condition_openers
        .iter()
        .any(|o| o.end <= start && fact.par[o.end..start].trim().is_empty())
}

/// "In his view, …", "According to them, …": the sentence is the view of
/// the last speaker.
fn viewpoint(fact: &SentenceFacts, memory: &Memory) -> Option<Agent> {
    let opening: String = fact
        .text(fact.span)
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let words: Vec<&str> = opening
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let in_view = matches!(words.as_slice(), ["in", "his" | "her" | "their", noun, ..]
        if VIEW_NOUNS.contains(noun));
    let according = matches!(
        words.as_slice(),
        ["according", "to", "him" | "her" | "them", ..]
    );
    if in_view || according {
        return memory.antecedent();
    }
    // "In Moscow's view, …", "In the Kremlin's assessment, …".
    let comma = fact.span.start + fact.text(fact.span).find(',')?;
    let opening = fact.text(Span::new(fact.span.start, comma));
    let noun = opening.rsplit(' ').next().unwrap_or("");
    let first = fact.mentions.first().filter(|m| m.span.end <= comma)?;
    let named_view = opening.starts_with("In ")
        && VIEW_NOUNS.contains(&noun)
        && word_count(opening) <= VIEW_OPENING_WORDS;
    named_view.then(|| agent_of(&[first], memory)).flatten()
}

/// How long an opening "In Moscow's view," may be.
const VIEW_OPENING_WORDS: usize = 5;

/// Nouns of "in his view", "in Moscow's assessment": whose view follows.
const VIEW_NOUNS: &[&str] = &["view", "opinion", "words", "assessment", "eyes"];

/// A headline that names its source after a colon ("No ceasefire unless …:
/// Russia"); one named before it ("Kremlin: …") is a [`source_label`].
fn headline_attribution(fact: &SentenceFacts, memory: &Memory) -> Option<Agent> {
    let text = fact.text(fact.span);
    let colon = text.rfind(':')?;
    let tail_start = fact.span.start + colon + 1;
    let last = fact.mentions.last()?;
    let tail = fact.text(Span::new(tail_start, fact.span.end));
    let named = last.span.start >= tail_start
        && tail.trim().trim_end_matches(['.', '!']) == fact.text(last.span);
    named.then(|| agent_of(&[last], memory)).flatten()
}

/// "Trump envoy: Ukraine will not join NATO", "Kremlin: …": the source
/// named before a colon that opens the line, which speaks what follows as a
/// speech verb would; with where the colon is.
pub fn source_label<'f>(fact: &'f SentenceFacts) -> Option<(&'f Mention, usize)> {
    let text = fact.text(fact.span);
    let colon = fact.span.start + text.find(':')?;
    let first = fact.mentions.first()?;
    let lead = fact.text(Span::new(fact.span.start, first.span.start));
    let label = fact.text(Span::new(first.span.end.min(colon), colon));
    let names_source = first.span.end <= colon
        && word_count(lead) <= 1
        && word_count(label) <= SOURCE_LABEL_WORDS
        && !label.contains(',');
    names_source.then_some((first, colon))
}

/// "A: We are ready for a ceasefire …": in an interview, the answer is
/// the interviewee's, the last person named before it (the questions name
/// no speaker of their own).
fn interview_answer(fact: &SentenceFacts, memory: &Memory) -> Option<Agent> {
    let text = fact.text(fact.span);
    let answers = ["A:", "Answer:"]
        .iter()
        .any(|label| text.starts_with(label));
    answers.then(|| memory.person_antecedent()).flatten()
}

/// How many words may follow the source's name before the colon ("Trump envoy:").
const SOURCE_LABEL_WORDS: usize = 2;

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn what_must_not_be_done_to_another_party_is_the_speakers_demand() {
        let got = coded("Southland should not be forced to sign the treaty, Berg said.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn what_another_party_must_do_after_any_modal_is_the_speakers_demand() {
        for modal in [
            "must",
            "may have to",
            "will eventually need to",
            "could have to",
        ] {
            let got = coded(&format!("Berg said Southland {modal} accept the treaty."));
            assert_eq!(
                triples(&got),
                [("north", "treaty", Stance::Support)],
                "{modal}"
            );
        }
        // Without an obligation it is only a description of Southland.
        assert_eq!(coded("Berg said Southland may accept the treaty."), []);
    }

    #[test]
    fn a_source_before_a_colon_speaks_what_follows() {
        let got = coded("Berg: Northland could accept the treaty");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        // What it says another party wants describes that party.
        assert_eq!(coded("Berg: Southland wants the treaty"), []);
    }

    #[test]
    fn an_interview_answer_is_the_interviewees() {
        let text =
            "Anna Berg spoke to us.\n\nQ: Would you accept the treaty?\n\nA: We accept the treaty.";
        assert_eq!(
            triples(&coded(text)),
            [("north", "treaty", Stance::Support)]
        );
        // Without an interviewee named before, an answer has no speaker.
        assert_eq!(
            coded("Q: Would you accept the treaty?\n\nA: We accept the treaty."),
            []
        );
    }

    #[test]
    fn a_quotation_describing_another_party_is_nobodys_statement() {
        assert_eq!(coded("“Southland wants the treaty,” Berg said."), []);
        assert_eq!(
            coded("Berg said: “Southland does not want the treaty.”"),
            []
        );
        let got = coded("“Southland must accept the treaty,” Berg said.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("“Northland wants the treaty,” Berg said.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_speakers_judgement_of_another_partys_proposal_is_the_speakers() {
        assert_eq!(coded("Southland wants the treaty, Berg said."), []);
        let got = coded("Southland wants the treaty, which would be a threat, Berg said.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn the_press_narrates_a_position_but_a_hedged_report_holds_none() {
        let got = coded("The Courier reported that Northland backs the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        assert_eq!(
            coded("Reports suggest that Northland wants the treaty."),
            []
        );
    }

    #[test]
    fn he_or_she_is_the_last_person_who_spoke_not_a_body() {
        let got = coded(
            "Berg said talks went on. Southland said it wants the treaty. She said she rejects the treaty.",
        );
        assert_eq!(
            triples(&got),
            [
                ("north", "treaty", Stance::Oppose),
                ("south", "treaty", Stance::Support)
            ]
        );
    }

    #[test]
    fn a_verb_after_a_quotation_in_a_new_sentence_does_not_speak_it() {
        let got = coded("Berg spoke at length on it: “We want the treaty.” Mar said nothing more.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_term_that_speaks_defines_itself() {
        assert!(coded("Northland's treaty says that trade is free.").is_empty());
        assert!(!coded("The treaty, Berg says, is what Northland wants.").is_empty());
    }

    #[test]
    fn a_participle_phrase_after_the_speaker_names_no_speaker() {
        let got = coded("Berg, asked by an analyst, said Northland backs the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        // With no party before it, the phrase names the source.
        let got = coded("The statement, published by Nordhavn, says: “We back the treaty.”");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_phrase_between_the_plan_and_its_verb_is_skipped() {
        let got =
            coded("Northland's plan was published.\n\nThe plan, seen by many, backs a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }

    #[test]
    fn the_plan_refers_back_to_the_last_plan_named() {
        let got = coded(
            "Northland's plan was published.\n\nThe plan, which runs to ten pages, backs a tariff cut.",
        );
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }

    #[test]
    fn the_plan_is_not_the_parties_a_sentence_merely_names() {
        let got =
            coded("Northland and Southland will sit on the board.\n\nThe plan backs a tariff cut.");
        assert_eq!(triples(&got), []);
        let got = coded("Northland said talks went on.\n\nThe plan backs a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }

    #[test]
    fn the_points_under_a_heading_that_names_a_plan_are_the_plans() {
        let got = coded(
            "Key points of the Northern plan\nSouthland lowers its duties\nBerg said nothing more.",
        );
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }
}
