//! Extraction: from a document's text to position statements.
//!
//! Pure functions over text and a compiled lexicon; no I/O. The steps:
//! [`sentences`] splits paragraphs into sentences, [`quotes`] finds quotations,
//! [`mentions`] finds who and what a sentence names, [`speakers`] decides who
//! speaks for each issue term, and [`stance`] reads the cues around it.

pub mod mentions;
pub mod quotes;
pub mod sentences;
pub mod speakers;
pub mod stance;
pub mod terms;

use crate::lexicon::{Lexicon, LexiconSource};
use crate::model::{Cue, CueKind, Document, Span, Stance, Statement};
use mentions::{IssueHit, Mention, MentionKind, SentenceFacts};
use speakers::Agent;
use terms::TermSet;

/// The lexicon's matchers, compiled once per lexicon.
#[derive(Debug, Default)]
pub struct Matchers {
    pub(crate) actors: TermSet,
    pub(crate) non_party: TermSet,
    pub(crate) outlets: TermSet,
    pub(crate) issues: TermSet,
    pub(crate) speech: TermSet,
    pub(crate) pronouns: TermSet,
    pub(crate) document_pronouns: TermSet,
    pub(crate) support: TermSet,
    pub(crate) oppose: TermSet,
    pub(crate) conditional: TermSet,
    pub(crate) negation: TermSet,
    pub(crate) condition_openers: TermSet,
    pub(crate) exchange: TermSet,
    pub(crate) offices: TermSet,
}

impl Matchers {
    pub fn compile(source: &LexiconSource) -> Matchers {
        let mut actor_terms: Vec<(String, u32)> = Vec::new();
        for (i, actor) in source.actors.iter().enumerate() {
            let body = MentionKind::Party {
                actor: i,
                person: false,
            }
            .encode();
            let person = MentionKind::Party {
                actor: i,
                person: true,
            }
            .encode();
            actor_terms.extend(actor.bodies.iter().map(|b| (b.clone(), body)));
            for names in &actor.people {
                actor_terms.extend(names.iter().map(|n| (n.clone(), person)));
            }
            for adjective in &actor.adjectives {
                for noun in &source.official_nouns {
                    actor_terms.push((format!("{adjective} {noun}"), body));
                }
            }
        }
        let single = |terms: &[String]| TermSet::new(terms.iter().map(|t| (t.as_str(), 0)));
        Matchers {
            actors: TermSet::new(actor_terms),
            non_party: single(&source.non_party_speakers),
            outlets: single(&source.outlets),
            issues: TermSet::new(source.issues.iter().enumerate().flat_map(|(i, issue)| {
                let direct = issue
                    .terms
                    .iter()
                    .map(move |t| (t.as_str(), (i as u32) << 1));
                let inverse = issue
                    .inverse_terms
                    .iter()
                    .map(move |t| (t.as_str(), ((i as u32) << 1) | 1));
                direct.chain(inverse)
            })),
            speech: single(&source.speech_verbs),
            pronouns: single(&source.pronouns),
            document_pronouns: single(&source.document_pronouns),
            support: single(&source.stance.support),
            oppose: single(&source.stance.oppose),
            conditional: single(&source.stance.conditional),
            negation: single(&source.stance.negation),
            condition_openers: single(&source.stance.condition_openers),
            exchange: single(&source.stance.exchange),
            offices: single(&source.official_nouns),
        }
    }
}

/// Every position statement of `doc` (document index `doc_index`), in text order.
pub fn statements(doc_index: usize, doc: &Document, lexicon: &Lexicon) -> Vec<Statement> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut memory = speakers::Memory::default();
    for par in sentences::paragraphs(text, &doc.content) {
        memory.start_paragraph(sentences::is_bullet(text, par));
        let par_text = par.of(text);
        let regions: Vec<Span> = quotes::regions(par_text)
            .iter()
            .map(|q| q.shifted(par.start))
            .collect();
        let facts: Vec<SentenceFacts> = sentences::sentences(par_text)
            .iter()
            .map(|s| SentenceFacts::find(text, s.shifted(par.start), &regions, &lexicon.matchers))
            .collect();
        let quote_agents = speakers::quote_agents(&regions, &facts, &memory);
        for fact in &facts {
            for mut s in sentence_statements(fact, &quote_agents, &memory) {
                s.doc = doc_index;
                out.push(s);
            }
            memory.remember(fact);
        }
        memory.end_paragraph();
    }
    out
}

/// The statements of one sentence.
fn sentence_statements(
    fact: &SentenceFacts,
    quote_agents: &[(Span, Option<Agent>)],
    memory: &speakers::Memory,
) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for issue in &fact.issues {
        if let Some(speaker) = speakers::speaker_for(fact, issue, quote_agents, memory)
            && let Some(decision) = stance::decide(fact, issue, fact.span.start)
        {
            for party in &speaker.parties {
                add(&mut out, fact, *party, issue, &decision);
            }
        }
        // "Merz rejected Zelensky's request to join the EU": the request is
        // Zelensky's position, whoever answers it.
        for holder in speakers::holders(fact, issue) {
            if let Some(decision) = stance::decide(fact, issue, holder.span.start) {
                add(&mut out, fact, holder, issue, &decision);
            }
        }
    }
    out
}

/// Add a statement of `party` on `issue`, or fold it into the one the
/// sentence already has: one sentence, one statement per party and issue, and
/// backing allies' troops while refusing one's own is conditional.
fn add(
    out: &mut Vec<Statement>,
    fact: &SentenceFacts,
    party: Party,
    issue: &IssueHit,
    decision: &stance::Decision,
) {
    let stance_cues = decision.cues.iter().map(|span| Cue {
        kind: CueKind::Stance,
        span: *span,
    });
    if let Some(earlier) = out
        .iter_mut()
        .find(|s| s.actor == party.actor && s.issue == issue.issue)
    {
        if earlier.stance != decision.stance {
            earlier.stance = Stance::Conditional;
            earlier.cues.extend(stance_cues);
        }
        return;
    }
    let mut cues = vec![
        Cue {
            kind: CueKind::Actor,
            span: party.span,
        },
        Cue {
            kind: CueKind::Issue,
            span: issue.span,
        },
    ];
    cues.extend(stance_cues);
    out.push(Statement {
        doc: 0,
        actor: party.actor,
        issue: issue.issue,
        stance: decision.stance,
        speaker: party.span,
        sentence: fact.span,
        quote: fact.quote_in_sentence(),
        cues,
    });
}

/// A party mention that speaks in a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Party {
    pub actor: usize,
    /// The speaker as written.
    pub span: Span,
    /// A person rather than a body, a plan or a group.
    pub person: bool,
}

impl Mention {
    fn party(&self) -> Option<Party> {
        match self.kind {
            MentionKind::Party { actor, person } => Some(Party {
                actor,
                span: self.span,
                person,
            }),
            _ => None,
        }
    }
}
