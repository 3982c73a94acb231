//! Who speaks: the party behind each issue term of a sentence.
//!
//! In order: the speaker of a quotation the term lies in; the agent of a speech
//! verb ("X said", "…, X warned", "according to X"); the subject of the clause
//! (a party itself as speaker: "the Kremlin ruled out …"). Pronouns ("he said")
//! refer back to the last speaker of the paragraph or the one before. Reporting
//! through an outlet is transparent; a speaker who does not speak for a party
//! (an analyst, an unknown name) silences the sentence, and a party described
//! by another ("Zelensky said Moscow wants …") is nobody's statement.

use super::mentions::{IssueHit, Mention, MentionKind, SentenceFacts};
use super::{Party, ends_with_ignoring_case, is_one_of};
use crate::model::Span;

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
}

impl Memory {
    /// Who a pronoun at the start of a clause refers to.
    fn antecedent(&self) -> Option<Agent> {
        self.current.clone().or_else(|| self.previous.clone())
    }

    /// Note the main speaker of a finished sentence.
    pub fn remember(&mut self, fact: &SentenceFacts) {
        let agent = fact
            .speech
            .iter()
            .find_map(|v| verb_agent(fact, *v, self))
            .or_else(|| {
                clause_subject(fact, fact.span.start, fact.span.end, self).and_then(|s| s.agent)
            });
        let introduces_list = fact.text(fact.span).trim_end().ends_with(':');
        if introduces_list {
            self.list = agent.clone().filter(|a| matches!(a, Agent::Party(_)));
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
        let body_spoke = matches!(&agent, Some(Agent::Party(speaker))
            if speaker.parties.iter().all(|p| !p.person));
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

/// The speaker of each quotation of a paragraph, from the speech verb right
/// after it ("…,” Rutte said) or right before it (Rutte said: “…).
pub fn quote_agents(
    regions: &[Span],
    facts: &[SentenceFacts],
    memory: &Memory,
    caption: Option<&Agent>,
) -> Vec<(Span, Option<Agent>)> {
    regions
        .iter()
        .map(|q| {
            let agent = facts.iter().find_map(|f| {
                f.speech.iter().find_map(|v| {
                    let after = v.start >= q.end && v.start - q.end <= 40;
                    let before = v.end <= q.start && q.start - v.end <= 12;
                    (after || before)
                        .then(|| verb_agent(f, *v, memory))
                        .flatten()
                })
            });
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
    if let Some((_, agent)) = quote_agents.iter().find(|(q, _)| q.contains(issue.span)) {
        match agent {
            Some(agent) => return agent.speaker(),
            // An unattributed quotation inside a sentence is a term; a whole
            // sentence of quotation with no speaker is nobody's statement.
            None if fact.is_quoted() => return None,
            None => {}
        }
    }
    let before = fact
        .speech
        .iter()
        .filter(|v| v.end <= issue.span.start)
        .rev()
        .find_map(|v| verb_agent(fact, *v, memory).map(|a| (*v, a)));
    // "…; Kyiv insists on …" opens a statement of its own.
    let after = fact
        .speech
        .iter()
        .filter(|v| v.start >= issue.span.end)
        .filter(|v| !fact.text(Span::new(issue.span.end, v.start)).contains(';'))
        .find_map(|v| verb_agent(fact, *v, memory).map(|a| (*v, a)));
    if before.is_none()
        && after.is_none()
        && let Some(agent) = headline_attribution(fact, memory)
    {
        // "No ceasefire unless Ukraine withdraws: Russia": the whole line is
        // the source's, whoever else it names.
        return agent.speaker();
    }
    let floor = before.as_ref().map_or(fact.span.start, |(v, _)| v.end);
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
    // without a verb of its own stance only carries the proposition.
    let voiced = subject
        .as_ref()
        .is_some_and(|s| voices_stance(fact, s.end, issue.span.start));
    match (attribution, subject.and_then(|s| s.agent)) {
        (Some(agent), Some(subject)) => {
            let speaker_actors = agent.actors();
            // A party described by another speaker is not a first-hand
            // position; a subject that includes the speaker's party is
            // ("US, Russia agreed on …, Witkoff says"), and so is a nested
            // clause of the speaker's own ("Witkoff said Putin agreed that
            // the US could offer guarantees").
            let reported = subject_parties(fact, floor, issue.span.start);
            let described = !subject
                .actors()
                .iter()
                .chain(&reported)
                .any(|a| speaker_actors.contains(a));
            // A plan is the exception: what it says other parties will do is
            // its content ("the US plan says Ukraine will not join NATO").
            let plan = is_document(fact, &agent) || under.is_some();
            if described && voiced && subject != agent && !plan && !obliged {
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

/// "Zelensky welcomed Trump's signal that the U.S. would join the guarantees",
/// "Moscow dismissed reports that European troops could deploy": a party whose
/// stance verb governs the clause the term is in answers it, whoever that
/// clause's subject is. Each such party comes with where its cues begin.
pub fn answerers(fact: &SentenceFacts, issue: &IssueHit, memory: &Memory) -> Vec<(Party, usize)> {
    let clause = fact.clause_start(issue.span.start);
    if clause <= fact.span.start {
        return Vec::new();
    }
    let verb = [&fact.support, &fact.oppose]
        .iter()
        .flat_map(|spans| spans.iter())
        .filter(|cue| cue.end <= clause && fact.clause_start(cue.start) < clause)
        .filter(|cue| {
            // The verb's object runs up to the clause ("signal that",
            // "reports that"), with no other verb of its own.
            let between = fact.text(Span::new(cue.end, clause));
            word_count(between) <= ANSWER_REACH
                && !between.contains([',', ';', ':', '\u{2014}', '('])
        })
        .min_by_key(|cue| cue.start);
    let Some(verb) = verb else {
        return Vec::new();
    };
    // "An analyst said Kyiv welcomed …" is the analyst's account.
    let told_by_outsider = fact
        .speech
        .iter()
        .filter(|v| v.end <= verb.start)
        .any(|v| verb_agent(fact, *v, memory) == Some(Agent::Outsider));
    if told_by_outsider {
        return Vec::new();
    }
    // The verb is the subject's own ("Moscow has dismissed"), not a noun of
    // someone else's ("Kyiv faces U.S. pressure to …").
    let Some(subject) = clause_subject(fact, fact.span.start, verb.start, memory)
        .filter(|s| word_count(fact.text(Span::new(s.end, verb.start))) <= VERB_AFTER_SUBJECT)
    else {
        return Vec::new();
    };
    let Some(Agent::Party(speaker)) = subject.agent else {
        return Vec::new();
    };
    speaker
        .parties
        .into_iter()
        .map(|p| (p, verb.start))
        .collect()
}

/// How many words may stand between the answering verb and the clause it governs.
const ANSWER_REACH: usize = 4;
/// How many words (auxiliaries, adverbs) may stand between a subject and its verb.
const VERB_AFTER_SUBJECT: usize = 2;

/// Does a verb of stance or speech stand between a subject ending at `from`
/// and the term at `to` ("Moscow wants …", "Kyiv rejected …")? A negation
/// alone ("Ukraine will never join NATO") is no stance of the subject's.
fn voices_stance(fact: &SentenceFacts, from: usize, to: usize) -> bool {
    let between = |s: &&Span| s.start >= from && s.end <= to;
    let cue = [&fact.support, &fact.oppose, &fact.conditional]
        .iter()
        .flat_map(|spans| spans.iter())
        .filter(between)
        .any(|c| !fact.negation.contains(c));
    cue || fact.speech.iter().any(|v| between(&v))
}

/// Nouns that make a party mention a document rather than a person or body.
const DOCUMENT_NOUNS: &[&str] = &[
    "plan",
    "proposal",
    "counterproposal",
    "draft",
    "framework",
    "memorandum",
    "document",
    "text",
    "declaration",
    "roadmap",
];

/// Who backs the document named at `span` with a support cue right before
/// it ("Lavrov welcomed the original US plan", "Kyiv backs the European
/// draft"): the subject of the cue's clause.
fn backer(fact: &SentenceFacts, span: Span, memory: &Memory) -> Option<Agent> {
    let cue = fact.support.iter().find(|cue| {
        let negated = fact
            .negation
            .iter()
            .any(|n| n.end <= cue.start && word_count(fact.text(Span::new(n.end, cue.start))) <= 1);
        cue.end <= span.start
            && word_count(fact.text(Span::new(cue.end, span.start))) <= ENDORSE_REACH
            && !negated
    })?;
    clause_subject(fact, fact.span.start, cue.start, memory)?.agent
}

/// How many words may stand between a backing verb and the document it backs.
const ENDORSE_REACH: usize = 2;

impl Speaker {
    /// Does the speaker speak through a plan or draft ("the European
    /// counterproposal would …")?
    pub fn is_document(&self, fact: &SentenceFacts) -> bool {
        self.parties.iter().any(|p| names_document(fact, p.span))
    }

    /// Is `issue` named after the plan that speaks ("the European
    /// counterproposal would allow an army of 800,000")? What a plan goes on
    /// to name, it proposes; a label before it ("On NATO expansion: the plan
    /// …") is only the topic.
    pub fn plan_names(&self, fact: &SentenceFacts, issue: &IssueHit) -> bool {
        self.is_document(fact) && self.parties.iter().all(|p| p.span.end <= issue.span.start)
    }
}

/// Does `agent` speak through a document ("the US plan", "the European draft")?
fn is_document(fact: &SentenceFacts, agent: &Agent) -> bool {
    let Agent::Party(speaker) = agent else {
        return false;
    };
    speaker.is_document(fact)
}

/// Does the party mention at `span` name a document ("the US proposal")?
fn names_document(fact: &SentenceFacts, span: Span) -> bool {
    let last = fact.text(span).rsplit(' ').next().unwrap_or("");
    DOCUMENT_NOUNS.iter().any(|n| last.eq_ignore_ascii_case(n))
}

/// "600,000 in the US proposal", "the cap under the Russian draft", "the US
/// proposal to freeze the front line": a document right after the term, or
/// right before it, holds it; what a document contains it proposes.
pub fn document_holders<'a>(
    fact: &'a SentenceFacts,
    issue: &'a IssueHit,
) -> impl Iterator<Item = (Party, usize)> + 'a {
    fact.mentions
        .iter()
        .filter(|m| !m.in_quote && names_document(fact, m.span))
        .filter(move |m| {
            if m.span.start >= issue.span.end {
                let gap = fact.text(Span::new(issue.span.end, m.span.start)).trim();
                return matches!(
                    gap,
                    "in" | "in the" | "under" | "under the" | "of" | "of the" | "from" | "from the"
                );
            }
            m.span.end <= issue.span.start && {
                let gap = fact.text(Span::new(m.span.end, issue.span.start));
                let words: Vec<&str> = gap.split_whitespace().collect();
                matches!(words.first(), Some(&("to" | "for" | "on")))
                    && words.len() <= DOCUMENT_REACH
            }
        })
        .filter_map(Mention::party)
        .map(move |p| (p, fact.clause_start(issue.span.start).max(p.span.start)))
}

/// How many words may stand between a document and the term it proposes.
const DOCUMENT_REACH: usize = 4;

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

/// Parties whose own position on `issue` the sentence names with a possessive
/// and a stance noun before the term: "Zelensky's request for Ukraine to join
/// the EU", "Kyiv's refusal to join NATO", "Russia's call for guarantees".
///
/// Each holder comes with where its stance cues begin: the possessive itself,
/// or the "red line" that names the refusal.
pub fn holders(fact: &SentenceFacts, issue: &IssueHit) -> Vec<(Party, usize)> {
    let cue_starts: Vec<usize> = [&fact.support, &fact.oppose, &fact.conditional]
        .iter()
        .flat_map(|spans| spans.iter().map(|s| s.start))
        .collect();
    fact.mentions
        .iter()
        .filter(|m| !m.in_quote && m.span.end <= issue.span.start)
        .filter(|m| {
            let after = &fact.par[m.span.end..issue.span.start];
            if let Some(rest) = after.strip_prefix(' ')
                && HOLDER_NOUNS.iter().any(|n| rest.starts_with(n))
            {
                // "growing U.S. pressure to agree to a deal that involves
                // giving up territory": the noun holds all it governs, up
                // to the next punctuation.
                return !rest.contains([',', ';', ':', '\u{2014}', '(']);
            }
            let Some(rest) = after
                .strip_prefix("'s ")
                .or_else(|| after.strip_prefix("\u{2019}s "))
                .or_else(|| own_pronoun(after))
            else {
                return false;
            };
            // The stance noun may follow an adjective ("its longstanding
            // goal"), and governs what its preposition introduces.
            let rest_at = issue.span.start - rest.len();
            let words: Vec<usize> = word_starts(rest).take(3).collect();
            let noun = words
                .iter()
                .take(2)
                .position(|at| cue_starts.contains(&(rest_at + at)));
            let governs = noun.is_some_and(|n| {
                // "Ukraine's territory, including …" is no stance noun's.
                let adjective = &rest[..words[n]];
                !adjective.contains([',', ';', ':'])
                    && words.get(n + 1).is_none_or(|next| {
                        let next = rest[*next..].split_whitespace().next().unwrap_or("");
                        NOUN_LINKS.contains(&next)
                    })
            });
            governs && word_count(rest) <= HOLDER_REACH
        })
        .filter_map(Mention::party)
        .map(|p| (p, p.span.start))
        .chain(red_line_holders(fact, issue))
        .collect()
}

/// What follows a party's own possessive pronoun a few words on: "allowing
/// Ukraine to achieve its goal of …", "Kyiv and its bid for …".
fn own_pronoun(after: &str) -> Option<&str> {
    let at = [" its ", " their "]
        .iter()
        .filter_map(|p| after.find(p).map(|i| (i, p.len())))
        .min()?;
    (word_count(&after[..at.0]) <= PRONOUN_REACH).then(|| &after[at.0 + at.1..])
}

/// Words by which a stance noun governs its object: "request to join",
/// "goal of membership", "bid for", "insistence on", "demand that".
const NOUN_LINKS: &[&str] = &["to", "of", "for", "on", "that"];

/// How many words may stand between a party and its own "its".
const PRONOUN_REACH: usize = 3;

/// Where the words of `text` begin.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace() && (i == 0 || text[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
}

/// "Another red line for Moscow is …", "unacceptable for Russia": an opposing
/// cue followed by "for" and a party, near the term, names that party's refusal.
fn red_line_holders<'a>(
    fact: &'a SentenceFacts,
    issue: &'a IssueHit,
) -> impl Iterator<Item = (Party, usize)> + 'a {
    fact.mentions
        .iter()
        .filter(|m| !m.in_quote)
        .filter_map(move |m| {
            let before = fact
                .text(Span::new(fact.span.start, m.span.start))
                .trim_end();
            let head = before.strip_suffix("for")?;
            let cue_end = fact.span.start + head.trim_end().len();
            let cue = fact.oppose.iter().find(|o| {
                o.end <= cue_end
                    && fact.par[o.end..cue_end]
                        .trim_matches(['"', '\u{201d}', ' '])
                        .is_empty()
            })?;
            let (from, to) = if m.span.end <= issue.span.start {
                (m.span.end, issue.span.start)
            } else {
                (issue.span.end, m.span.start)
            };
            let near = word_count(fact.text(Span::new(from, to.max(from)))) <= HOLDER_REACH;
            // The cue is the refusal, so the stance is read from it on.
            near.then(|| m.party().map(|p| (p, cue.start))).flatten()
        })
}

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

/// Nouns after a party name (without a possessive) that make it the holder of
/// what follows: "U.S. pressure to …", "Russian insistence on …".
const HOLDER_NOUNS: &[&str] = &["pressure ", "insistence ", "refusal ", "rejection "];

/// How many words may stand between a holder's stance noun and the issue term.
const HOLDER_REACH: usize = 8;

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
    "would have to",
    "will have to",
    "would need to",
    "will need to",
    "is required to",
    "would be required to",
];

/// Does a modal of obligation follow the subject ending at `end` ("the EU
/// must …", "Moscow should also …")?
fn is_obliged(fact: &SentenceFacts, end: usize) -> bool {
    let rest = fact.par[end..fact.span.end].trim_start().as_bytes();
    OBLIGATIONS.iter().any(|m| {
        rest.len() > m.len()
            && rest[..m.len()].eq_ignore_ascii_case(m.as_bytes())
            && rest[m.len()] == b' '
    })
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

/// "Under the US proposal, Ukraine would …", "Under the plan, …": the
/// document named in the opening phrase (or the last one, for a bare noun)
/// says what follows, not the parties it names.
fn under_document(fact: &SentenceFacts, memory: &Memory) -> Option<Agent> {
    let opening = fact.text(fact.span).split_whitespace().next()?;
    if !opening.eq_ignore_ascii_case("under") {
        return None;
    }
    let comma = fact.span.start + fact.text(fact.span).find(',')?;
    let phrase = fact.text(Span::new(fact.span.start, comma));
    if word_count(phrase) > UNDER_PHRASE_WORDS {
        return None;
    }
    let named = fact
        .mentions
        .iter()
        .find(|m| m.span.end <= comma && names_document(fact, m.span));
    if let Some(m) = named {
        return agent_of(&[m], memory);
    }
    // A plan of unknown origin speaks for no party.
    let noun = phrase.rsplit(' ').next().unwrap_or("");
    DOCUMENT_NOUNS
        .iter()
        .any(|n| noun.eq_ignore_ascii_case(n))
        .then(|| memory.document.clone().unwrap_or(Agent::Outsider))
}

/// How long an opening "Under the …," phrase may be.
const UNDER_PHRASE_WORDS: usize = 6;

/// A headline that names its source after a colon ("No ceasefire unless …:
/// Russia") or before one ("Kremlin: …").
fn headline_attribution(fact: &SentenceFacts, memory: &Memory) -> Option<Agent> {
    let text = fact.text(fact.span);
    let colon = text.rfind(':')?;
    let tail_start = fact.span.start + colon + 1;
    let last = fact.mentions.last()?;
    let tail = fact.text(Span::new(tail_start, fact.span.end));
    let named = last.span.start >= tail_start
        && tail.trim().trim_end_matches(['.', '!']) == fact.text(last.span);
    if named {
        return agent_of(&[last], memory);
    }
    // "Trump envoy: Ukraine will not join NATO", "Kremlin: …": the source
    // is named before the colon.
    let colon = fact.span.start + text.find(':')?;
    let first = fact.mentions.first()?;
    let lead = fact.text(Span::new(fact.span.start, first.span.start));
    let label = fact.text(Span::new(first.span.end.min(colon), colon));
    let names_source = first.span.end <= colon
        && word_count(lead) <= 1
        && word_count(label) <= SOURCE_LABEL_WORDS
        && !label.contains(',');
    names_source.then(|| agent_of(&[first], memory)).flatten()
}

/// How many words may follow the source's name before the colon ("Trump envoy:").
const SOURCE_LABEL_WORDS: usize = 2;

/// The subject of the clause that holds `at`: its first mention that is not the
/// object of a preposition, with the mentions coordinated with it ("the US and
/// European officials"). Clauses without one borrow from the clause before,
/// back to `floor`.
fn clause_subject(
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
                if is_coordination(gap) {
                    group.push(next);
                } else {
                    break;
                }
            }
            return Some(Subject {
                agent: agent_of(&group, memory),
                pronoun: group[0].kind == MentionKind::Pronoun,
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
    let skipped: usize = rest
        .split_inclusive(char::is_whitespace)
        .take_while(|w| w.trim().is_empty() || is_adverb(w.trim()))
        .map(str::len)
        .sum();
    let at = m.span.end + skipped;
    [&fact.speech, &fact.support, &fact.oppose, &fact.conditional]
        .iter()
        .any(|spans| spans.iter().any(|s| s.start == at))
}

/// The agent a group of mentions stands for.
fn agent_of(group: &[&Mention], memory: &Memory) -> Option<Agent> {
    let first = group.first()?;
    match first.kind {
        MentionKind::NonParty => Some(Agent::Outsider),
        MentionKind::Outlet => None,
        MentionKind::Pronoun => memory.antecedent(),
        MentionKind::DocumentPronoun => memory.document.clone(),
        MentionKind::Party { .. } => {
            let parties: Vec<Party> = group.iter().filter_map(|m| m.party()).collect();
            Some(Agent::Party(Speaker { parties }))
        }
    }
}

/// The agent of speech verb `verb`: the mention just before it ("Rutte said",
/// "Mark Rutte, NATO's chief, said"), else just after it ("said Rutte",
/// "according to officials"). An unknown name right before the verb is an
/// outsider; an outlet is transparent (no agent).
fn verb_agent(fact: &SentenceFacts, verb: Span, memory: &Memory) -> Option<Agent> {
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
    let before = fact
        .mentions
        .iter()
        .filter(usable_before)
        .rfind(|m| m.span.end <= verb.start && m.span.start >= fact.span.start);
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
    if let Some(m) = before {
        let gap = fact.text(Span::new(m.span.end, verb.start));
        let coordinated = [", and ", ", but "].iter().any(|joint| {
            gap.rsplit_once(joint)
                .is_some_and(|(_, rest)| rest.split_whitespace().all(is_adverb))
        });
        if coordinated {
            // "The plan bars NATO expansion, and stipulates that …": a verb
            // coordinated with the main one shares its subject.
            return clause_subject(fact, fact.span.start, m.span.start, memory)
                .and_then(|s| s.agent)
                .or_else(|| agent_of(&[m], memory));
        }
        let appositive = gap.trim_start().starts_with(',') && gap.trim_end().ends_with(',');
        if word_count(gap) <= 4 || (appositive && word_count(gap) <= 25) {
            return agent_of(&[m], memory);
        }
    }
    if unknown_name_before(fact, verb) {
        return Some(Agent::Outsider);
    }
    let after_comma = fact
        .text(Span::new(fact.span.start, verb.start))
        .trim_end()
        .ends_with(',');
    if after_comma && ends_with_ignoring_case(word, "ing") {
        // "Merz rejected the request, saying …": the participle is the
        // main subject's.
        return clause_subject(fact, fact.span.start, verb.start, memory).and_then(|s| s.agent);
    }
    let inverted = fact
        .text(Span::new(fact.span.start, verb.start))
        .trim_end()
        .ends_with([',', '\u{201d}', '"']);
    after
        .filter(|_| inverted)
        .and_then(|m| agent_of(&[m], memory))
}

const ACCORDING: &str = "according";

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
                "also", "has", "have", "had", "then", "later", "again", "once",
            ],
        )
}

fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// "A and B", "A, B and C", "A or B": coordinated subjects.
fn is_coordination(gap: &str) -> bool {
    let words: Vec<&str> = gap
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words.is_empty() && gap.contains(',')
        || (words.len() == 1 && matches!(words[0], "and" | "or" | "&"))
        || (words.len() == 2 && words[0] == "and" && words[1] == "the")
}

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
    "even",
    "both",
    "said",
    "says",
    "only",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
];

const ARTICLES: &[&str] = &["the", "a", "an"];

/// Prepositions: the mention after one is its object, even at a sentence start.
const PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "with",
    "from",
    "by",
    "to",
    "of",
    "about",
    "against",
    "during",
    "under",
    "over",
    "into",
    "through",
    "between",
    "among",
    "within",
    "without",
    "toward",
    "towards",
    "regarding",
    "despite",
    "unlike",
    "via",
    "per",
];

/// Can the mention at `at` be the subject of the clause starting at `floor`?
/// Yes at the clause start, after punctuation, a capitalised word (a title:
/// "President", "Secretary"), an adverb or a conjunction; articles are skipped.
fn in_subject_position(par: &str, at: usize, floor: usize) -> bool {
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
        if is_one_of(word, ARTICLES) {
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
        return word.chars().next().is_some_and(char::is_uppercase)
            || ends_with_ignoring_case(word, "ly")
            || is_one_of(word, BEFORE_SUBJECT);
    }
}
