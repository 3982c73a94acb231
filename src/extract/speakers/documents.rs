//! Plans and drafts that speak: the nouns that make a party mention a
//! document, the party that backs one, and what a document holds.

use super::holders::lists_after_noun;
use super::subjects::{agent_of, clause_subject, coordinated_before, interruption, word_count};
use super::{Agent, Memory, Speaker};
use crate::extract::mentions::{IssueHit, Mention, MentionKind, SentenceFacts};
use crate::extract::{AGREEMENT_NOUNS, Party, is_one_of};
use crate::model::Span;

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
pub(super) fn backer(fact: &SentenceFacts, span: Span, memory: &Memory) -> Option<Agent> {
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
pub(super) fn is_document(fact: &SentenceFacts, agent: &Agent) -> bool {
    let Agent::Party(speaker) = agent else {
        return false;
    };
    speaker.is_document(fact)
}

/// Does the sentence name a document at all ("Nordhavn presented the plan")?
pub(super) fn names_any_document(fact: &SentenceFacts) -> bool {
    fact.text(fact.span)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| is_one_of(w, DOCUMENT_NOUNS))
}

/// Participles that name who wrote a document ("drafted by", "drawn up by").
const AUTHORED: &[&str] = &[
    "drafted",
    "drawn",
    "written",
    "authored",
    "prepared",
    "proposed",
    "presented",
    "tabled",
    "submitted",
    "put",
    "crafted",
    "devised",
    "negotiated",
    "brokered",
];

/// "The proposal, drafted by US envoy Steve Witkoff, calls for …": the
/// party that a phrase interrupting a document subject names as its author
/// speaks through the document.
pub(super) fn author<'a>(fact: &'a SentenceFacts, verb: Span) -> Option<Vec<&'a Mention>> {
    let open = interruption(fact, verb)?;
    let subject = fact.par[fact.span.start..open].trim_end();
    let noun = subject.rsplit(' ').next()?;
    if !is_one_of(noun, AGREEMENT_NOUNS) {
        return None;
    }
    let phrase = &fact.par[open + 1..verb.start];
    let mut words = phrase.split_whitespace();
    let participle = words.next()?;
    let by = words.find(|w| !is_one_of(w, &["up", "forward", "jointly"]))?;
    if !is_one_of(participle, AUTHORED) || !by.eq_ignore_ascii_case("by") {
        return None;
    }
    // "drawn up by Washington and Moscow": every author of the list.
    let last = fact.mentions.iter().rfind(|m| {
        !m.in_quote
            && m.span.start > open
            && m.span.end <= verb.start
            && matches!(m.kind, MentionKind::Party { .. })
    })?;
    Some(coordinated_before(fact, last))
}

/// Does the party mention at `span` name a document ("the US proposal")?
pub(super) fn names_document(fact: &SentenceFacts, span: Span) -> bool {
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
        .filter(|m| !m.in_quote && (names_document(fact, m.span) || names_demands(fact, m.span)))
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
                // "Russia's demands, such as handing over …, limiting …":
                // every item of the list it opens.
                lists_after_noun(gap)
                    || matches!(words.first(), Some(&("to" | "for" | "on")))
                        && words.len() <= DOCUMENT_REACH
            }
        })
        .filter_map(Mention::party)
        .map(move |p| (p, fact.clause_start(issue.span.start).max(p.span.start)))
}

/// Does `span` name a party's demands ("Russia's demands", "Russian
/// terms")? What they contain, the party wants, as a plan proposes.
fn names_demands(fact: &SentenceFacts, span: Span) -> bool {
    let text = fact.text(span);
    text.contains(' ') && is_one_of(text.rsplit(' ').next().unwrap_or(""), DEMAND_NOUNS)
}

/// Office nouns that name what a party demands.
const DEMAND_NOUNS: &[&str] = &["demands", "terms", "conditions"];

/// How many words may stand between a document and the term it proposes.
const DOCUMENT_REACH: usize = 4;

/// "Under the US proposal, Ukraine would …", "Under the plan, …": the
/// document named in the opening phrase (or the last one, for a bare noun)
/// says what follows, not the parties it names.
pub(super) fn under_document(fact: &SentenceFacts, memory: &Memory) -> Option<Agent> {
    let opening = fact.text(fact.span).split_whitespace().next()?;
    if !opening.eq_ignore_ascii_case("under") {
        return None;
    }
    let comma = fact.span.start + fact.text(fact.span).find(',')?;
    let phrase = fact.text(Span::new(fact.span.start, comma));
    if word_count(phrase) > UNDER_PHRASE_WORDS {
        return None;
    }
    let named = fact.mentions.iter().find(|m| {
        m.span.end <= comma
            && matches!(m.kind, MentionKind::Party { .. })
            && names_document(fact, m.span)
    });
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

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn the_author_an_interrupting_phrase_names_speaks_through_the_document() {
        let got = coded("The plan, drafted by Nordhavn, says Southland must accept the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        // A reader of the plan is no author.
        let got = coded("The plan, seen by Nordhavn, says Southland must accept the treaty.");
        assert!(!got.iter().any(|(actor, _, _)| actor == "north"), "{got:?}");
    }
}
