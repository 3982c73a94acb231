//! Extraction: from a document's text to position statements.
//!
//! Pure functions over text and a compiled lexicon; no I/O. The steps:
//! [`sentences`] splits paragraphs into sentences, [`quotes`] finds quotations,
//! [`mentions`] finds who and what a sentence names, [`anaphora`] resolves
//! "we will not accept that" to the issue before, [`speakers`] decides
//! who speaks for each issue term, and [`stance`] reads the cues around it.

pub mod anaphora;
mod compiled;
mod concepts;
mod continuation;
mod framing;
mod inflect;
pub mod mentions;
pub mod quotes;
mod scope;
pub mod sentences;
pub mod speakers;
pub mod stance;
pub mod terms;
#[cfg(test)]
mod testkit;
pub mod work;

use crate::lexicon::LexiconSource;
use crate::model::{Cue, CueKind, Document, Grade, Span, Stance, Statement};
pub use compiled::Lexicon;
use mentions::{IssueHit, Mention, MentionKind, SentenceFacts, TermSense};
use speakers::Agent;
use terms::TermSet;

/// The kinds of terms a text is scanned for, in one pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Actor,
    NonParty,
    Outlet,
    Pronoun,
    DocumentPronoun,
    DocumentNoun,
    Issue,
    Speech,
    Support,
    Oppose,
    Conditional,
    Negation,
    ConditionOpener,
    Exchange,
    Timing,
    Office,
    Concept,
    ClauseWord,
}

impl Kind {
    const COUNT: usize = Kind::ClauseWord as usize + 1;
}

/// Words that start a new clause with its own subject.
const CLAUSE_WORDS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "that", ", and", ", who", ", which",
    "because", "after", "as",
];

/// The lexicon's terms, compiled once per lexicon into one matcher.
#[derive(Debug, Default)]
pub struct Matchers {
    terms: TermSet,
    concepts: concepts::Concepts,
}

/// The nouns of the lexicon's document pronouns ("plan" of "the draft
/// plan"), which refer back with any modifiers ("the new plan").
fn document_nouns(source: &LexiconSource) -> Vec<String> {
    let mut nouns: Vec<String> = source
        .document_pronouns
        .iter()
        .filter_map(|p| p.strip_prefix("the "))
        .filter_map(|p| p.split_whitespace().last())
        .map(str::to_string)
        .collect();
    nouns.sort();
    nouns.dedup();
    nouns
}

/// The terms found in one paragraph, per [`Kind`], as spans of the document.
#[derive(Debug, Clone)]
pub(crate) struct Scan {
    hits: Vec<Vec<terms::Hit>>,
}

impl Scan {
    /// The hits of `kind` inside `span`.
    pub(crate) fn within(&self, kind: Kind, span: Span) -> &[terms::Hit] {
        let hits = &self.hits[kind as usize];
        let from = hits.partition_point(|h| h.start < span.start);
        let to = hits.partition_point(|h| h.start < span.end);
        let to = from
            + hits[from..to]
                .iter()
                .take_while(|h| h.end <= span.end)
                .count();
        &hits[from..to]
    }
}

impl Matchers {
    pub fn compile(source: &LexiconSource) -> Matchers {
        let mut sets: Vec<Vec<(String, u32)>> = vec![Vec::new(); Kind::COUNT];
        let mut add = |kind: Kind, terms: &[String], value: u32| {
            sets[kind as usize].extend(terms.iter().map(|t| (t.clone(), value)));
        };
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
            add(Kind::Actor, &actor.bodies, body);
            for names in &actor.people {
                add(Kind::Actor, names, person);
            }
            // A party adjective with an office noun ("Ukrainian officials")
            // is found by the title concepts, not by a term for each pair.
        }
        for (i, issue) in source.issues.iter().enumerate() {
            for (terms, sense) in [
                (&issue.terms, TermSense::Plain),
                (&issue.inverse_terms, TermSense::Inverse),
                (&issue.partial_terms, TermSense::Partial),
                (&issue.reversal_terms, TermSense::Reversal),
            ] {
                add(Kind::Issue, terms, IssueHit::encode(i, sense));
            }
        }
        add(Kind::NonParty, &source.non_party_speakers, 0);
        add(Kind::Outlet, &source.outlets, 0);
        add(Kind::Pronoun, &source.pronouns, 0);
        add(Kind::DocumentPronoun, &source.document_pronouns, 0);
        add(Kind::DocumentNoun, &document_nouns(source), 0);
        add(Kind::Speech, &source.speech_verbs, 0);
        add(Kind::Support, &source.stance.support, 0);
        add(Kind::Oppose, &source.stance.oppose, 0);
        add(Kind::Conditional, &source.stance.conditional, 0);
        add(Kind::Negation, &source.stance.negation, 0);
        add(Kind::ConditionOpener, &source.stance.condition_openers, 0);
        add(Kind::Exchange, &source.stance.exchange, 0);
        add(Kind::Timing, &source.stance.timing, 0);
        add(Kind::Office, &source.official_nouns, 0);
        let clause_words: Vec<String> = CLAUSE_WORDS.iter().map(|w| w.to_string()).collect();
        add(Kind::ClauseWord, &clause_words, 0);
        let (concepts, concept_terms) = concepts::Concepts::compile(source);
        sets[Kind::Concept as usize] = concept_terms;
        Matchers {
            terms: TermSet::with_sets(sets),
            concepts,
        }
    }

    /// Every term in `text` (a paragraph starting at document offset `offset`).
    pub(crate) fn scan(&self, text: &str, offset: usize) -> Scan {
        let mut hits = self.terms.find_sets(text);
        let mut verbs: Vec<usize> = [Kind::Support, Kind::Oppose, Kind::Speech]
            .iter()
            .flat_map(|k| hits[*k as usize].iter().map(|h| h.start))
            .collect();
        verbs.sort_unstable();
        let (issues, titles): (Vec<_>, Vec<_>) = self
            .concepts
            .meet(text, &hits[Kind::Concept as usize], &verbs)
            .into_iter()
            .partition(|(target, _)| *target == concepts::Target::Issue);
        let issues = issues.into_iter().map(|(_, h)| h).collect();
        // "A former US ambassador" held the office once: no party speaks,
        // unless the lexicon names the person ("former adviser Jared …").
        let people = &hits[Kind::Actor as usize];
        let names_person = |h: &terms::Hit| {
            let from = people.partition_point(|p| p.start < h.start);
            people[from..]
                .iter()
                .take_while(|p| p.start < h.end)
                .any(|p| {
                    p.end <= h.end
                        && matches!(
                            MentionKind::decode(p.value),
                            MentionKind::Party { person: true, .. }
                        )
                })
        };
        let (former, titles): (Vec<terms::Hit>, Vec<terms::Hit>) = titles
            .into_iter()
            .map(|(_, h)| h)
            .filter(|h| !ends_in_verb(text, h, &hits[Kind::Issue as usize]))
            .partition(|h| concepts::held_formerly(text, h.start).is_some() && !names_person(h));
        let outsiders = &mut hits[Kind::NonParty as usize];
        outsiders.extend(former.iter().filter_map(|h| {
            let start = concepts::held_formerly(text, h.start)?;
            Some(terms::Hit { start, ..*h })
        }));
        outsiders.sort_by_key(|h| h.start);
        concepts::merge(&mut hits[Kind::Issue as usize], issues, |v| {
            IssueHit::decode(v).0
        });
        concepts::merge(&mut hits[Kind::Actor as usize], titles, |v| {
            (v >> 1) as usize
        });
        let (offices, actors) = two_sets(&mut hits, Kind::Office, Kind::Actor);
        concepts::offices_of_parties(text, offices, actors);
        for hit in hits.iter_mut().flatten() {
            hit.start += offset;
            hit.end += offset;
        }
        Scan { hits }
    }
}

/// The hits of two kinds, the first to read and the second to change.
fn two_sets(
    hits: &mut [Vec<terms::Hit>],
    read: Kind,
    write: Kind,
) -> (&[terms::Hit], &mut Vec<terms::Hit>) {
    let (read, write) = (read as usize, write as usize);
    if read < write {
        let (low, high) = hits.split_at_mut(write);
        (&low[read], &mut high[0])
    } else {
        let (low, high) = hits.split_at_mut(read);
        (&high[0], &mut low[write])
    }
}

/// Every position statement of `doc` (document index `doc_index`), in text order.
pub fn statements(doc_index: usize, doc: &Document, lexicon: &Lexicon) -> Vec<Statement> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut memory = speakers::Memory::default();
    let now = current_year(doc);
    let paragraphs = sentences::paragraphs(text, &doc.content);
    let mut continued: Option<Agent> = None;
    // The statements of the sentence before, which a report of the same
    // person may go on with.
    let mut before: Vec<Statement> = Vec::new();
    for (i, &par) in paragraphs.iter().enumerate() {
        memory.start_paragraph(
            sentences::is_bullet(text, par) || sentences::is_list_line(par.of(text)),
        );
        let par_text = par.of(text);
        let local_regions = quotes::regions(par_text);
        let regions: Vec<Span> = local_regions.iter().map(|q| q.shifted(par.start)).collect();
        let scan = lexicon.matchers.scan(par_text, par.start);
        let facts: Vec<SentenceFacts> = sentences::sentences(par_text)
            .iter()
            .map(|s| SentenceFacts::find(text, s.shifted(par.start), &regions, &scan))
            .collect();
        // A pull quote is attributed by the caption under it; a quotation
        // that runs on from the paragraph before keeps its speaker.
        let caption = paragraphs
            .get(i + 1)
            .filter(|_| quotes::is_whole_quotation(par_text, &local_regions))
            .and_then(|next| caption_speaker(text, *next, lexicon, &memory));
        let opens_quoted = regions
            .first()
            .is_some_and(|q| par_text[..q.start - par.start].trim().is_empty());
        let fallback = caption.or_else(|| continued.take().filter(|_| opens_quoted));
        let verbs = speakers::ParagraphVerbs::new(&facts);
        let mut previous_issue = None;
        let mut quote_agents = Vec::new();
        for (k, fact) in facts.iter().enumerate() {
            work::add(sentence_work(fact));
            let resolved = anaphora::resolve(fact, previous_issue);
            let fact = resolved.as_ref().unwrap_or(fact);
            previous_issue = anaphora::single_issue(fact);
            // Who speaks each quotation depends on what the paragraph said
            // so far ("The draft reads: “…”" refers back to the last draft).
            // Only a sentence with issue terms asks, for the quotations it
            // overlaps (those that can hold its terms), and the paragraph's
            // last sentence, for the quotation that runs on.
            if !fact.issues.is_empty() || k + 1 == facts.len() {
                quote_agents = speakers::quote_agents(
                    &fact.quotes,
                    &facts,
                    &verbs,
                    &memory,
                    fallback.as_ref(),
                );
            }
            let mut statements = if is_background(fact, now) {
                Vec::new()
            } else {
                sentence_statements(fact, &quote_agents, &memory)
            };
            if statements.is_empty() {
                statements = continuation::carried(fact, &before);
            }
            for s in &mut statements {
                s.doc = doc_index;
            }
            out.extend(statements.iter().cloned());
            before = statements;
            memory.remember(fact);
        }
        // A quotation left open at the paragraph's end continues in the next.
        continued = quote_agents
            .last()
            .filter(|(q, _)| q.end == par.end && !quotes::is_closed(par_text, &local_regions))
            .and_then(|(_, agent)| agent.clone());
        memory.end_paragraph();
    }
    out
}

/// What reading one sentence may cost: its length for each term found in it,
/// as the per-sentence readings scan it at most once per mention, issue term
/// or speech verb.
fn sentence_work(fact: &SentenceFacts) -> usize {
    let terms = fact.mentions.len() + fact.issues.len() + fact.speech.len();
    fact.span.len() * (1 + terms)
}

/// Is the last word of title `hit` the clause's verb ("NATO demands a
/// ceasefire", "NATO demands binding guarantees")? An office noun that is
/// also a verb, followed by an object (an issue term, in `issues` in text
/// order, or a word that opens a noun phrase) is read as one; "Russia's
/// demands", "NATO demands are …" and "Russian demands for …" stay titles.
fn ends_in_verb(text: &str, hit: &terms::Hit, issues: &[terms::Hit]) -> bool {
    let title = &text[hit.start..hit.end];
    let last = title.rsplit(' ').next().unwrap_or("");
    let rest = &text[hit.end..];
    let next = rest.split_whitespace().next().unwrap_or("");
    let next_at = hit.end + (rest.len() - rest.trim_start().len());
    let possessive = title.contains("'s ") || title.contains("\u{2019}s ");
    let issue_next = issues
        .get(issues.partition_point(|i| i.start < next_at))
        .is_some_and(|i| i.start == next_at);
    let opens_object = !next.is_empty()
        && next.starts_with(|c: char| c.is_alphanumeric())
        && !next.ends_with(|c: char| !c.is_alphanumeric())
        && !is_one_of(next, AUXILIARIES)
        && !is_one_of(next, NOT_AN_OBJECT);
    is_one_of(last, OFFICES_THAT_ARE_VERBS) && !possessive && (issue_next || opens_object)
}

/// Words after an office noun that keep it a noun: prepositions,
/// conjunctions, relative words and the verbs it is the subject of
/// ("demands for …", "demands that …", "demands include …").
const NOT_AN_OBJECT: &[&str] = &[
    "of", "for", "on", "from", "to", "in", "at", "by", "with", "over", "and", "or", "but", "that",
    "which", "who", "remain", "remained", "include", "included", "made", "put",
];

/// Office nouns that read as a verb too.
const OFFICES_THAT_ARE_VERBS: &[&str] = &["demands"];

/// Does `text` end with `suffix`, ignoring ASCII case? (Without lower-casing
/// a copy: the text may be a whole paragraph.)
pub(crate) fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    let (text, suffix) = (text.as_bytes(), suffix.as_bytes());
    text.len() >= suffix.len() && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The characters of `text` whose first byte passes `lead`, with their
/// offsets. A byte search, without decoding every character, for the marks
/// looked for in every paragraph and sentence: ASCII punctuation, and the
/// typographic marks (— … “ ” ‘ ’), which all start with [`TYPOGRAPHIC`].
/// `lead` must pass only ASCII bytes and bytes that start a character.
pub(crate) fn chars_led_by(
    text: &str,
    lead: impl Fn(u8) -> bool,
) -> impl Iterator<Item = (usize, char)> {
    text.bytes()
        .enumerate()
        .filter(move |&(_, b)| lead(b))
        .filter_map(|(i, _)| Some((i, text[i..].chars().next()?)))
}

/// The first byte of the typographic marks, in UTF-8 (U+2000–U+2FFF).
pub(crate) const TYPOGRAPHIC: u8 = 0xE2;

/// Nouns of what negotiators agree on, whose relative clause ("a deal that
/// requires …") spells out what they hold.
pub(crate) const AGREEMENT_NOUNS: &[&str] = &[
    "deal",
    "deals",
    "agreement",
    "agreements",
    "plan",
    "plans",
    "proposal",
    "proposals",
    "settlement",
    "accord",
    "treaty",
    "arrangement",
    "framework",
    "document",
    "draft",
    "text",
    "compromise",
    "solution",
    "formula",
    "initiative",
    "counterproposal",
    "memorandum",
    "declaration",
    "roadmap",
];

/// Prepositions: the mention after one is its object, even at a sentence start.
pub(crate) const PREPOSITIONS: &[&str] = &[
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

/// Auxiliaries, modals and forms of "be", "do" and "have": the words that
/// open a verb group and carry its negation.
pub(crate) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "will", "would", "shall", "should", "can", "could",
    "may", "might", "must", "do", "does", "did", "has", "have", "had",
];

/// Verbs that judge their object, in all their forms: "see it as a threat",
/// "described the troops as targets", "does not consider it realistic".
pub(crate) const JUDGING_VERBS: &[&str] = &[
    "see",
    "sees",
    "saw",
    "seen",
    "seeing",
    "view",
    "views",
    "viewed",
    "viewing",
    "regard",
    "regards",
    "regarded",
    "consider",
    "considers",
    "considered",
    "considering",
    "treat",
    "treats",
    "treated",
    "treating",
    "describe",
    "describes",
    "described",
    "describing",
    "brand",
    "brands",
    "branded",
    "branding",
    "label",
    "labels",
    "labelled",
    "labeled",
    "labelling",
    "deem",
    "deems",
    "deemed",
    "find",
    "finds",
    "found",
    "refer",
    "refers",
    "referred",
    "referring",
];

/// The length of a phrase that interrupts a clause between commas, with
/// both commas, when `rest` opens with one: a relative clause (", which
/// remains a draft,") or a participle phrase (", seen by Reuters but not
/// published,", ", intended to deter Russia,").
pub(crate) fn interruption_len(rest: &str) -> Option<usize> {
    let phrase = rest.strip_prefix(',')?;
    let first = phrase.split_whitespace().next()?;
    if !is_participle(first) && !is_one_of(first, &["which", "who", "whose", "that"]) {
        return None;
    }
    Some(1 + phrase.find(", ")? + ", ".len())
}

/// Does `word` look like a participle ("seen", "asked", "speaking")? Enough
/// to tell a phrase that interrupts a clause from one that continues it.
pub(crate) fn is_participle(word: &str) -> bool {
    word.len() > 3 && ["ed", "en", "ing"].iter().any(|e| word.ends_with(e))
}

/// Does `word` lower-case to one of `words` (lower-case ASCII)? Without
/// lower-casing a copy: this is asked of most words of every sentence.
pub(crate) fn is_one_of(word: &str, words: &[&str]) -> bool {
    if word.is_ascii() {
        return words.iter().any(|w| word.eq_ignore_ascii_case(w));
    }
    // A few other letters lower-case to ASCII ones (the Kelvin sign to "k").
    // Compared lazily, without allocating: a word with curly quotes or an
    // apostrophe (“We, Ukraine’s) is asked of long lists, and most entries
    // differ in the first letter.
    words
        .iter()
        .any(|w| word.chars().flat_map(char::to_lowercase).eq(w.chars()))
}

/// The words of `text` with their offsets, `text` starting at offset `base`.
pub(crate) fn words_at(text: &str, base: usize) -> impl DoubleEndedIterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (base + (w.as_ptr() as usize - text.as_ptr() as usize), w))
}

/// The speaker a caption paragraph names ("Rubio on concessions"), if it is one.
fn caption_speaker(
    text: &str,
    par: Span,
    lexicon: &Lexicon,
    memory: &speakers::Memory,
) -> Option<Agent> {
    let par_text = par.of(text);
    let first = *sentences::sentences(par_text).first()?;
    let scan = lexicon.matchers.scan(par_text, par.start);
    let fact = SentenceFacts::find(text, first.shifted(par.start), &[], &scan);
    speakers::caption_agent(&fact, memory)
}

/// The year the article is written in: its date's, else the latest year it
/// names (an article on talks names the current year, its history earlier ones).
fn current_year(doc: &Document) -> Option<u32> {
    let dated = doc.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    dated.or_else(|| {
        doc.text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|w| w.len() == 4)
            .filter_map(|w| w.parse::<u32>().ok())
            .filter(|y| (1900..2100).contains(y))
            .max()
    })
}

/// Is the sentence background history ("In 2019, Ukraine amended its
/// constitution …")? Only current positions are statements.
fn is_background(fact: &SentenceFacts, now: Option<u32>) -> bool {
    let Some(now) = now else {
        return false;
    };
    let words: Vec<&str> = fact.text(fact.span).split_whitespace().take(3).collect();
    let year = match words.as_slice() {
        ["In", year, ..] | ["Back", "in", year, ..] => year.trim_end_matches(','),
        _ => return false,
    };
    year.len() == 4 && year.parse::<u32>().is_ok_and(|y| y < now)
}

/// The statements of one sentence.
fn sentence_statements(
    fact: &SentenceFacts,
    quote_agents: &[(Span, Option<Agent>)],
    memory: &speakers::Memory,
) -> Vec<Statement> {
    let mut found = Found::default();
    if fact.is_caption() || fact.imagined {
        return Vec::new();
    }
    for issue in &fact.issues {
        // A second name of the same term ("… would be viewed as foreign
        // intervention") is no second vote; alone, it still speaks.
        let named = found.statements.iter().any(|s| s.issue == issue.issue);
        if named && scope::names_earlier_term(fact, issue) {
            continue;
        }
        let holders = speakers::holders(fact, issue);
        let mut answers = speakers::answerers(fact, issue, memory);
        // "Peskov denied reports that Washington had agreed to …": a denied
        // clause is no statement of its subject.
        let denied = answers.iter().any(|(_, answer)| answer.refuses);
        // "Washington proposed a truce, which Kyiv rejected": a clause after
        // the term answers it and denies nobody's statement.
        answers.extend(speakers::relative_answerers(fact, issue, memory));
        let speaker = (!denied)
            .then(|| speakers::speaker_for(fact, issue, quote_agents, memory))
            .flatten();
        if let Some(speaker) = &speaker
            && let held = held_from(&holders, speaker, issue)
            && let Some(decision) = stance::decide(fact, issue, fact.span.start, held)
                // "Kallas said …, despite Zelensky's insistence on
                // guarantees": a term inside another's position is the
                // speaker's only through a cue of the speaker's own.
                .filter(|d| held.is_empty() || !d.cues.is_empty())
                .or_else(|| {
                    // A bullet of a party's list ("The plan includes: • …"), and
                    // what a plan names, is what the party puts forward.
                    (memory.in_list() || speaker.plan_names(fact, issue))
                        .then(|| stance::proposed(issue))
                })
        {
            for party in &speaker.parties {
                found.add(fact, *party, issue, &decision);
            }
        }
        // "Merz rejected Zelensky's request to join the EU": the request is
        // Zelensky's position, whoever answers it. The speaker's own
        // ("The US dropped its demand for a ceasefire") is what the
        // speaker's verb makes of it, decided above.
        let own = |holder: &Party| {
            speaker
                .as_ref()
                .is_some_and(|s| s.parties.iter().any(|p| p.actor == holder.actor))
        };
        for (holder, cues_from) in holders.into_iter().filter(|(h, _)| !own(h)) {
            if let Some(decision) = stance::held(fact, issue, cues_from) {
                found.add(fact, holder, issue, &decision);
            }
        }
        // "Kyiv welcomed signals that Washington would …": the answer is a
        // position too.
        for (party, answer) in answers {
            found.add(fact, party, issue, &stance::answering(fact, issue, answer));
        }
        // What a plan contains, it proposes.
        for (holder, cues_from) in speakers::document_holders(fact, issue) {
            let decision = stance::decide(fact, issue, cues_from, Span::default())
                .unwrap_or_else(|| stance::proposed(issue));
            found.add(fact, holder, issue, &decision);
        }
    }
    found.statements
}

/// The words a later holder governs before the term ("Merz rejected
/// Zelensky's request to join …", "Kyiv faces U.S. pressure to cede …"):
/// their cues are the holder's, not the speaker's.
fn held_from(holders: &[(Party, usize)], speaker: &speakers::Speaker, issue: &IssueHit) -> Span {
    holders
        .iter()
        .map(|(holder, _)| holder)
        .filter(|h| h.span.end <= issue.span.start)
        .filter(|h| {
            speaker
                .parties
                .iter()
                .all(|p| p.actor != h.actor && p.span.start < h.span.start)
        })
        .map(|h| Span::new(h.span.start, issue.span.start))
        .min_by_key(|s| s.start)
        .unwrap_or_default()
}

/// The statements of a sentence so far, with the stances each one's terms
/// voted for: one sentence, one statement per party and issue.
#[derive(Default)]
struct Found {
    statements: Vec<Statement>,
    votes: Vec<[usize; 3]>,
}

impl Found {
    /// Add a statement of `party` on `issue`, or fold the decision into the
    /// one the sentence already has.
    fn add(
        &mut self,
        fact: &SentenceFacts,
        party: Party,
        issue: &IssueHit,
        decision: &stance::Decision,
    ) {
        let stance_cues = decision.cues.iter().map(|span| Cue {
            kind: CueKind::Stance,
            span: *span,
        });
        let vote = Stance::ALL
            .iter()
            .position(|s| *s == decision.stance)
            .unwrap_or(0);
        if let Some(i) = self
            .statements
            .iter()
            .position(|s| s.actor == party.actor && s.issue == issue.issue)
        {
            self.votes[i][vote] += 1;
            let earlier = &mut self.statements[i];
            if earlier.stance != decision.stance {
                earlier.cues.extend(stance_cues);
            }
            earlier.stance = tally(self.votes[i]);
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
        let mut votes = [0; 3];
        votes[vote] = 1;
        self.votes.push(votes);
        let quote = fact.quote_in_sentence();
        self.statements.push(Statement {
            doc: 0,
            actor: party.actor,
            issue: issue.issue,
            stance: decision.stance,
            speaker: party.span,
            sentence: fact.span,
            quote,
            cues,
            grade: Some(grade(fact.span, quote, party)),
            review: None,
        });
    }
}

/// How strong the evidence of a statement is: a speaker outside the sentence
/// was resolved from another one; a quotation with its speaker beside it is
/// the speaker's own words; a person named is reported speech; a body named
/// is the article's account of where the party stands.
fn grade(sentence: Span, quote: Option<Span>, party: Party) -> Grade {
    if !sentence.contains(party.span) {
        Grade::Reference
    } else if quote.is_some_and(|q| !q.contains(party.span)) {
        Grade::Quote
    } else if party.person {
        Grade::Reported
    } else {
        Grade::Narration
    }
}

/// The stance of several terms of one sentence: conditional when any term is
/// ("Kherson and Zaporizhzhia frozen along the line of contact"), or when
/// backing and refusing are as many ("allies' troops, but not our own");
/// else the majority.
fn tally([support, oppose, conditional]: [usize; 3]) -> Stance {
    if conditional > 0 || support == oppose {
        Stance::Conditional
    } else if support > oppose {
        Stance::Support
    } else {
        Stance::Oppose
    }
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
