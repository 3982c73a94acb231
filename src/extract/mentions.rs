//! What one sentence names: parties and other speakers, issue terms, speech
//! verbs, stance cues and clause boundaries — all as spans of the document.

use super::{
    JUDGING_VERBS, Kind, Scan, TYPOGRAPHIC, chars_led_by, ends_with_ignoring_case, is_one_of,
};
use super::{quotes, terms};
use crate::model::Span;

/// Who a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A party, through a person (`person`) or a body or group.
    Party { actor: usize, person: bool },
    /// Someone who never speaks for a party (an analyst, an opposition MP).
    NonParty,
    /// A news outlet; reporting through it is transparent.
    Outlet,
    /// They: refers back to an earlier speaker.
    Pronoun,
    /// He, she: refers back to an earlier speaker who is a person.
    PersonPronoun,
    /// "It" as the agent of a speech verb: refers back to a plan or document.
    DocumentPronoun,
}

impl MentionKind {
    /// The value a party term is registered with in the actor matcher.
    pub(crate) fn encode(self) -> u32 {
        match self {
            MentionKind::Party { actor, person } => ((actor as u32) << 1) | person as u32,
            _ => u32::MAX,
        }
    }

    pub(crate) fn decode(value: u32) -> MentionKind {
        MentionKind::Party {
            actor: (value >> 1) as usize,
            person: value & 1 == 1,
        }
    }
}

/// A speaker named in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    /// Inside a quotation: the quoted person's words, never an attribution.
    pub in_quote: bool,
}

/// An issue term in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueHit {
    pub span: Span,
    pub issue: usize,
    pub sense: TermSense,
}

/// How an issue term relates to the issue's proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermSense {
    /// It names the proposition ("cede territory").
    Plain,
    /// It names its opposite ("territorial integrity").
    Inverse,
    /// It names a partial acceptance ("the line of contact", a higher cap).
    Partial,
    /// It names the full reversal ("a return to the pre-war borders").
    Reversal,
}

impl IssueHit {
    /// The value an issue term is registered with in the matcher.
    pub(crate) fn encode(issue: usize, sense: TermSense) -> u32 {
        ((issue as u32) << 2) | sense as u32
    }

    pub(crate) fn decode(value: u32) -> (usize, TermSense) {
        let sense = match value & 3 {
            1 => TermSense::Inverse,
            2 => TermSense::Partial,
            3 => TermSense::Reversal,
            _ => TermSense::Plain,
        };
        ((value >> 2) as usize, sense)
    }
}

/// Everything extraction needs to know about one sentence.
#[derive(Debug, Clone)]
pub struct SentenceFacts<'a> {
    /// The document text all spans point into.
    pub par: &'a str,
    pub span: Span,
    pub mentions: Vec<Mention>,
    pub issues: Vec<IssueHit>,
    /// Speech verbs outside quotations.
    pub speech: Vec<Span>,
    /// Quotations of the paragraph that overlap this sentence.
    pub quotes: Vec<Span>,
    pub support: Vec<Span>,
    pub oppose: Vec<Span>,
    pub conditional: Vec<Span>,
    pub negation: Vec<Span>,
    /// Words that open a condition ("unless", "only if").
    pub condition_openers: Vec<Span>,
    /// "In exchange for", "in return for".
    pub exchange: Vec<Span>,
    /// Time limits: "anytime soon", "by 2027".
    pub timing: Vec<Span>,
    /// Office and position nouns ("government", "plan", "position").
    pub offices: Vec<Span>,
    /// Where clauses begin, in order (the sentence start first).
    pub clauses: Vec<usize>,
    /// Where the main clause begins: after a fronted subordinate clause ("As
    /// talks resumed, …"), else at the sentence start.
    pub main_clause: usize,
    /// The sentence holds a series ("A, B, and C"), whose items keep their cues.
    pub series: bool,
    /// The sentence only imagines what someone may say ("Kyiv could argue
    /// that …"): speculation, not a statement.
    pub imagined: bool,
}

impl<'a> SentenceFacts<'a> {
    pub(crate) fn find(
        par: &'a str,
        span: Span,
        regions: &[Span],
        scan: &Scan,
    ) -> SentenceFacts<'a> {
        let hits = |kind: Kind| scan.within(kind, span);
        let each_span = |kind: Kind| hits(kind).iter().map(|h| Span::new(h.start, h.end));
        let spans = |kind: Kind| -> Vec<Span> { each_span(kind).collect() };
        let quotes_here = quotes::overlapping(regions, span).to_vec();
        let mut mentions: Vec<Mention> = Vec::new();
        for h in hits(Kind::Actor) {
            mentions.push(Mention {
                span: Span::new(h.start, h.end),
                kind: MentionKind::decode(h.value),
                in_quote: false,
            });
        }
        for (set, kind) in [
            (Kind::NonParty, MentionKind::NonParty),
            (Kind::Outlet, MentionKind::Outlet),
            (Kind::Pronoun, MentionKind::Pronoun),
            (Kind::DocumentPronoun, MentionKind::DocumentPronoun),
        ] {
            for s in spans(set) {
                let kind = match kind {
                    MentionKind::Pronoun if is_one_of(s.of(par), PERSON_PRONOUNS) => {
                        MentionKind::PersonPronoun
                    }
                    other => other,
                };
                mentions.push(Mention {
                    span: s,
                    kind,
                    in_quote: false,
                });
            }
        }
        // "The new plan states …", "the 28-point draft plan proposes …": a
        // document noun after a determiner and a few modifiers refers back
        // to the last document, as "the plan" does.
        // From the last noun back, so that "the draft plan" ends at "plan".
        for noun in hits(Kind::DocumentNoun).iter().rev() {
            let Some(start) = document_reference_start(par, span.start, noun.start) else {
                continue;
            };
            let reference = Span::new(start, noun.end);
            let taken = mentions
                .iter()
                .any(|m| m.span.start < reference.end && reference.start < m.span.end);
            if !taken {
                mentions.push(Mention {
                    span: reference,
                    kind: MentionKind::DocumentPronoun,
                    in_quote: false,
                });
            }
        }
        for mention in &mut mentions {
            mention.in_quote = quotes::inside(&quotes_here, mention.span);
        }
        let mut issues: Vec<IssueHit> = hits(Kind::Issue)
            .iter()
            // "post-ceasefire security", "troops after a ceasefire": the term
            // dates something, it is not what is at stake.
            .filter(|h| !is_after_prefix(&par[..h.start]) && !is_after_time(&par[..h.start]))
            .map(|h| {
                let (issue, sense) = IssueHit::decode(h.value);
                IssueHit {
                    span: Span::new(h.start, h.end),
                    issue,
                    sense,
                }
            })
            // "deployed on the front line", "kept far from the contact line":
            // the line a side holds, named as a place, is where, not what.
            .filter(|h| {
                h.sense != TermSense::Partial || !after_place_preposition(&par[..h.span.start])
            })
            // "advances in Kherson", "fighting near Donetsk": a region named
            // as where something happens is no claim to it.
            .filter(|h| !is_place_name(h.span.of(par)) || !after_locative(&par[..h.span.start]))
            .collect();
        // "a halt to the fighting along the front line": a line right after
        // another issue's term is where that term holds, not a claim.
        let placed: Vec<bool> = issues
            .iter()
            .map(|h| {
                h.sense == TermSense::Partial
                    && issues.iter().any(|other| {
                        other.issue != h.issue
                            && other.span.end <= h.span.start
                            && is_one_of(
                                par[other.span.end..h.span.start].trim(),
                                &["along the", "at the", "along"],
                            )
                    })
            })
            .collect();
        let mut placed = placed.into_iter();
        issues.retain(|_| !placed.next().unwrap_or(false));
        // "NATO" in "NATO membership" names the issue, not a speaker, and
        // "US" in "a US-led mission" is a modifier, as is "Budapest" in "the
        // Budapest Memorandum".
        mentions.retain(|x| {
            let compound = par[x.span.end..].starts_with('-')
                && par[x.span.end + 1..].starts_with(char::is_alphabetic);
            // Title case is asked last: it reads the whole sentence.
            let names_a_thing = matches!(x.kind, MentionKind::Party { person: false, .. })
                && par[x.span.end..].strip_prefix(' ').is_some_and(|rest| {
                    let word = rest.split(|c: char| !c.is_alphabetic()).next();
                    word.is_some_and(|w| NAMED_AFTER_PLACES.contains(&w))
                })
                && !is_title_case(span.of(par));
            let glossed = par[..x.span.start].ends_with('(') && is_gloss(&par[x.span.start - 1..]);
            let dateline = x.span.start == span.start && is_dateline(&par[x.span.start..span.end]);
            // "the ambassador in Berlin", "speaking at the Kremlin": a place
            // after a locative preposition is where, not who ("in Moscow's
            // view" is who).
            let place = matches!(x.kind, MentionKind::Party { person: false, .. })
                && par[..x.span.start]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| is_one_of(w, LOCATIVES))
                && !par[x.span.end..].starts_with(['\'', '\u{2019}']);
            // "Moscow's opposition to …": after a possessive a non-party
            // noun is the party's stance, not a person.
            let owned = x.kind == MentionKind::NonParty
                && (par[..x.span.start].ends_with("'s ")
                    || par[..x.span.start].ends_with("\u{2019}s ")
                    || ends_with_ignoring_case(&par[..x.span.start], " its ")
                    || ends_with_ignoring_case(&par[..x.span.start], " their "));
            !compound
                && !glossed
                && !dateline
                && !place
                && !owned
                && !names_a_thing
                && !issues
                    .iter()
                    .any(|i| i.span.start <= x.span.start && x.span.end <= i.span.end)
        });
        let mentions = tidy_mentions(par, mentions);
        // "States" in "the United States" is not a speech verb, nor "willing"
        // in "the coalition of the willing" a stance.
        let party_spans: Vec<Span> = mentions
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Party { .. }))
            .map(|m| m.span)
            .collect();
        let in_name = |s: &Span| party_spans.iter().any(|p| p.contains(*s));
        let outside_names =
            |kind: Kind| -> Vec<Span> { each_span(kind).filter(|s| !in_name(s)).collect() };
        let cue_ends: Vec<usize> = [Kind::Support, Kind::Oppose, Kind::Conditional]
            .iter()
            .flat_map(|k| hits(*k).iter().map(|h| h.end))
            .collect();
        let mut cue_starts: Vec<usize> = [Kind::Support, Kind::Oppose, Kind::Conditional]
            .iter()
            .flat_map(|k| hits(*k).iter().map(|h| h.start))
            .collect();
        cue_starts.sort_unstable();
        let (imagined, speech): (Vec<Span>, Vec<Span>) = each_span(Kind::Speech)
            .filter(|s| !quotes::inside(&quotes_here, *s))
            .filter(|s| !in_name(s))
            .filter(|s| !is_noun(par, *s))
            // "dismissed reports that …", "denied claims": the object of a
            // stance verb is a noun.
            .filter(|s| !cue_ends.iter().any(|end| end + 1 == s.start))
            .filter(|s| speaks_here(par, *s, &quotes_here))
            .partition(|s| is_hypothetical(par, *s));
        let text = span.of(par);
        let mut clauses = vec![span.start];
        // "As talks are sought, European nations suggested …": a fronted
        // subordinate clause ends at its comma, and the main clause begins.
        let first_word = text
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let mut main_clause = span.start;
        // The sentence proper starts after a dateline's dash.
        if is_dateline(text)
            && let Some(dash) = text.find([' ']).and_then(|_| {
                ["- ", "\u{2014} ", "\u{2013} "]
                    .iter()
                    .filter_map(|d| text.find(d).map(|i| i + d.len()))
                    .min()
            })
        {
            main_clause = span.start + dash;
            clauses.push(main_clause);
        }
        if is_one_of(first_word, SUBORDINATORS)
            && let Some(comma) = text.find(',')
        {
            main_clause = span.start + comma + 1;
            clauses.push(main_clause);
        }
        let marks = chars_led_by(text, |b| matches!(b, b';' | b':' | b'(' | TYPOGRAPHIC));
        for (i, c) in marks {
            // "(EU)" glosses a name; "(he declined to name them)" is an aside.
            let gloss = c == '(' && is_gloss(&text[i..]);
            if matches!(c, ';' | ':' | '\u{2014}' | '(') && !gloss {
                clauses.push(span.start + i + c.len_utf8());
            }
        }
        for word in hits(Kind::ClauseWord) {
            // A clause starts at its word, or after the comma before it.
            let at = word.start + usize::from(par[word.start..].starts_with(','));
            // "demanded that Ukraine cut its army": what follows a stance
            // verb is the content of the demand, still the demander's clause.
            let governed = par[word.start..word.end].eq_ignore_ascii_case("that")
                && cue_ends
                    .iter()
                    .any(|end| *end + 1 == word.start || *end == word.start);
            if !governed
                && !is_comparing_as(par, *word)
                && !is_preposition_of_time(par, *word)
                && !ends_party_list(par, span, &mentions, word.start)
            {
                clauses.push(at);
            }
            // ", who has ruled out …, proposed …": a relative clause ends at
            // its closing comma, where the main clause resumes.
            if par[word.start..].starts_with(", wh")
                && let Some(comma) = par[word.end..span.end].find(',')
            {
                clauses.push(word.end + comma + 1);
            }
        }
        clauses.extend(coordinated_predicates(text, span.start, &cue_starts));
        clauses.sort_unstable();
        clauses.dedup();
        let support = each_span(Kind::Support)
            .filter(|s| !in_name(s) && !is_predicted(par, *s))
            .filter(|s| !is_attributive(par, *s, &issues))
            .collect();
        SentenceFacts {
            par,
            span,
            mentions,
            issues,
            speech,
            quotes: quotes_here,
            support,
            oppose: outside_names(Kind::Oppose),
            // "said on condition of anonymity" names no condition, and
            // "without preconditions" waives them.
            conditional: outside_names(Kind::Conditional)
                .into_iter()
                .filter(|c| !par[c.end..].trim_start().starts_with("of anonymity"))
                .filter(|c| !is_waived(&par[..c.start]))
                .collect(),
            negation: spans(Kind::Negation),
            condition_openers: spans(Kind::ConditionOpener)
                .into_iter()
                .filter(|o| !sets_no_condition(par, *o))
                .collect(),
            exchange: spans(Kind::Exchange),
            timing: spans(Kind::Timing)
                .into_iter()
                .chain(years(par, span))
                .collect(),
            offices: spans(Kind::Office),
            clauses,
            main_clause,
            series: is_series(text),
            imagined: !imagined.is_empty(),
        }
    }

    /// The text of a paragraph-relative span.
    pub fn text(&self, span: Span) -> &'a str {
        span.of(self.par)
    }

    /// Every stance cue of the sentence: backing, refusing and conditional.
    pub fn stance_cues(&self) -> impl Iterator<Item = &Span> {
        [&self.support, &self.oppose, &self.conditional]
            .into_iter()
            .flatten()
    }

    /// The start of the clause that contains byte `at`.
    pub fn clause_start(&self, at: usize) -> usize {
        self.clauses
            .iter()
            .rev()
            .find(|c| **c <= at)
            .copied()
            .unwrap_or(self.span.start)
    }

    /// The start of the clause after the one that contains `at`, or the sentence end.
    pub fn clause_end(&self, at: usize) -> usize {
        self.clauses
            .iter()
            .find(|c| **c > at)
            .copied()
            .unwrap_or(self.span.end)
    }

    /// The quotation this sentence lies in or holds, clipped to the sentence.
    pub fn quote_in_sentence(&self) -> Option<Span> {
        self.quotes.iter().find_map(|q| {
            let start = q.start.max(self.span.start);
            let end = q.end.min(self.span.end);
            // A few quoted words are a term, not a quotation.
            (end > start && self.text(Span::new(start, end)).split_whitespace().count() >= 4)
                .then_some(Span::new(start, end))
        })
    }

    /// Is this a caption naming who a nearby quotation is from ("Rutte on
    /// the guarantees", "Rubio summarizing US priorities"), rather than a
    /// statement?
    pub fn is_caption(&self) -> bool {
        let text = self.text(self.span);
        let finished = text.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']);
        !finished
            && self.mentions.first().is_some_and(|m| {
                let next = self.par[m.span.end..self.span.end]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                m.span.start == self.span.start && (next == "on" || next.ends_with("ing"))
            })
    }

    /// Is this whole sentence inside a quotation?
    pub fn is_quoted(&self) -> bool {
        self.quotes.iter().any(|q| {
            q.start <= self.span.start + 1 && self.span.end <= q.end + 1 || q.contains(self.span)
        })
    }
}

/// Does `text`, starting at "(", hold one short gloss ("(EU)", "(UK)")?
fn is_gloss(text: &str) -> bool {
    text.find(')')
        .is_some_and(|close| text[1..close].split_whitespace().count() == 1 && close <= 12)
}

/// Does `sentence` hold a series of three or more ("A, B, and C", "A, B, or C")?
fn is_series(sentence: &str) -> bool {
    // A comma found as a character, then its space: a substring search
    // would set up a searcher for every sentence.
    let mut separators = sentence
        .match_indices(',')
        .filter_map(|(i, _)| sentence[i + 1..].strip_prefix(' '))
        .filter(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()));
    // After the first separator, one that closes the series.
    separators.next().is_some()
        && separators.any(|rest| rest.starts_with("and ") || rest.starts_with("or "))
}

/// Does `text` open with a wire dateline ("WASHINGTON, Nov 20 (Reuters) -",
/// "KYIV, Ukraine (AP) —")? The place there is where, not who.
fn is_dateline(text: &str) -> bool {
    let place: &str = text.split([',', ' ', '(']).next().unwrap_or("");
    let capitals = place.len() >= 4 && place.chars().all(|c| c.is_uppercase() || c == '.');
    if !capitals {
        return false;
    }
    let head = text
        .char_indices()
        .nth(50)
        .map_or(text, |(i, _)| &text[..i]);
    let dash = head.contains(" - ") || head.contains(" \u{2014}") || head.contains(" \u{2013} ");
    dash && head.contains('(')
}

/// Words that open a subordinate clause at the start of a sentence.
/// Is the word at `word` a noun after a determiner ("the reports of a
/// ceasefire", "these claims") rather than a verb?
fn is_noun(par: &str, word: Span) -> bool {
    let before = par[..word.start].trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    // "Russia's claims": after a possessive, too.
    let possessive = last.len() > 2 && (last.ends_with("'s") || last.ends_with("\u{2019}s"));
    possessive || DETERMINERS.iter().any(|d| last.eq_ignore_ascii_case(d))
}

/// Adjectives that back what they are said of ("guarantees are key") but
/// only qualify the noun they stand before ("the key issue of territory").
const EVALUATIVE_ADJECTIVES: &[&str] = &["key", "crucial", "essential", "necessary", "vital"];

/// Is the support cue at `cue` an adjective right before an issue term?
fn is_attributive(par: &str, cue: Span, issues: &[IssueHit]) -> bool {
    is_one_of(cue.of(par), EVALUATIVE_ADJECTIVES)
        && issues
            .iter()
            .any(|i| i.span.start == cue.end + 1 && par[cue.end..].starts_with(' '))
}

/// Words that make the next word a noun.
const DETERMINERS: &[&str] = &["the", "a", "an", "these", "those", "such", "media", "news"];

/// Is the cue at `cue` a prediction about a party ("Putin is expected to
/// meet …") rather than its wish?
fn is_predicted(par: &str, cue: Span) -> bool {
    let word = &par[cue.start..cue.end];
    let before = par[..cue.start].trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    word.eq_ignore_ascii_case("expected")
        && ["is", "are", "was", "were", "be", "been", "widely"]
            .iter()
            .any(|b| last.eq_ignore_ascii_case(b))
}

/// Is the speech verb at `verb` only imagined ("the authorities could also
/// say that …", "Moscow might argue …")? What someone may say is not said.
fn is_hypothetical(par: &str, verb: Span) -> bool {
    let before = par[..verb.start].trim_end();
    let before = HYPOTHETICAL_FILLERS
        .iter()
        .find(|f| ends_with_ignoring_case(before, f))
        .map_or(before, |f| &before[..before.len() - f.len()]);
    HYPOTHETICAL_MODALS
        .iter()
        .any(|m| ends_with_ignoring_case(before, m))
}

/// Modals that make a speech verb hypothetical.
const HYPOTHETICAL_MODALS: &[&str] = &[" could", " might", " may", " would"];
/// Words that may stand between such a modal and its verb.
const HYPOTHETICAL_FILLERS: &[&str] = &[" also", " then", " well", " still"];

const SUBORDINATORS: &[&str] = &[
    "as", "while", "although", "though", "after", "when", "because", "since", "before", "whereas",
    "once", "until", "amid",
];

/// Speech verbs that also mean something else ("talks continued"): they
/// speak only beside a quotation or before a colon or "that".
const SPEECH_BESIDE_QUOTES: &[&str] = &["continued", "continues", "went on", "goes on"];

/// Is the speech verb at `verb` one of speaking here?
fn speaks_here(par: &str, verb: Span, quotes: &[Span]) -> bool {
    if !is_one_of(verb.of(par), SPEECH_BESIDE_QUOTES) {
        return true;
    }
    let after = par[verb.end..].trim_start();
    let quote_before = quotes
        .iter()
        .any(|q| q.end <= verb.start && par[q.end..verb.start].split_whitespace().count() <= 2);
    quote_before
        || after.starts_with([':', '"', '\u{201C}', ','])
        || after
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("that "))
}

/// Pronouns that stand for a person, never for a body or a capital.
const PERSON_PRONOUNS: &[&str] = &["he", "she", "him", "her"];

/// Where a reference to a document that ends with the noun at `noun`
/// starts: at "the", "this" or "that" up to [`DOCUMENT_MODIFIERS`] words
/// before it, all of them lower-case words or numbers ("the latest 20-point
/// plan"), within the sentence starting at `floor`.
fn document_reference_start(par: &str, floor: usize, noun: usize) -> Option<usize> {
    let before = &par[floor..noun];
    for (n, (at, word)) in super::words_at(before, floor).rev().enumerate() {
        if is_one_of(word, &["the", "this", "that"]) {
            return (n > 0).then_some(at);
        }
        let modifier = n < DOCUMENT_MODIFIERS
            && word
                .chars()
                .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-');
        if !modifier {
            return None;
        }
    }
    None
}

/// How many modifiers may stand between a determiner and a document noun.
const DOCUMENT_MODIFIERS: usize = 3;

/// Is the ", and" at `at` the last joint of a list of parties that opens
/// the sentence ("Ukraine, France, and the United Kingdom have signed …")?
/// Then it joins subjects, not clauses.
fn ends_party_list(par: &str, span: Span, mentions: &[Mention], at: usize) -> bool {
    if !par[at..].starts_with(", and") {
        return false;
    }
    let mut end = at;
    let mut named = 0;
    for m in mentions.iter().rev().filter(|m| m.span.end <= at) {
        let gap = &par[m.span.end..end];
        if !(gap.is_empty() || gap == ", ") || m.party().is_none() {
            break;
        }
        named += 1;
        end = m.span.start;
    }
    let lead = par[span.start..end].trim();
    named >= 2 && (lead.is_empty() || is_one_of(lead, &["the", "The", "Both", "both"]))
}

/// Is the condition opener `opener` a "without" that waives a condition
/// ("a ceasefire without preconditions", "without waiting for talks")
/// rather than sets one ("no ceasefire without a withdrawal")?
fn sets_no_condition(par: &str, opener: Span) -> bool {
    opener.of(par).eq_ignore_ascii_case("without")
        && par[opener.end..]
            .split_whitespace()
            .find(|w| !is_one_of(w, WAIVING_DETERMINERS))
            .is_some_and(|w| {
                let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                is_one_of(w, WAIVED) || w.ends_with("ing")
            })
}

/// Does `before` end in a "without" that waives what follows ("without
/// any preconditions")?
fn is_waived(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let last = words.next().unwrap_or("");
    let opener = if is_one_of(last, WAIVING_DETERMINERS) {
        words.next().unwrap_or("")
    } else {
        last
    };
    opener.eq_ignore_ascii_case("without")
}

/// Words between "without" and what it waives ("without any delay").
const WAIVING_DETERMINERS: &[&str] = &["any", "further", "prior"];

/// What "without" waives rather than demands.
const WAIVED: &[&str] = &[
    "preconditions",
    "precondition",
    "conditions",
    "condition",
    "delay",
    "exception",
    "doubt",
];

/// Is the clause word `word` an "after" or "before" that governs a noun
/// phrase ("troops stationed after a settlement would be …") rather than
/// a clause with its own subject ("after Russia withdrew")?
fn is_preposition_of_time(par: &str, word: terms::Hit) -> bool {
    is_one_of(&par[word.start..word.end], &["after", "before"])
        && par[word.end..]
            .split_whitespace()
            .next()
            .is_some_and(|next| is_one_of(next, TIME_DETERMINERS))
}

/// Determiners that open the noun phrase of a preposition of time.
const TIME_DETERMINERS: &[&str] = &["a", "an", "the", "any", "its", "their", "this", "that"];

/// Is the clause word `word` an "as" that introduces how something is
/// seen ("regarded as targets", "such as", "known as") or compares ("as
/// soon as possible"), not a clause ("as talks went on")?
fn is_comparing_as(par: &str, word: terms::Hit) -> bool {
    if !par[word.start..word.end].eq_ignore_ascii_case("as") {
        return false;
    }
    let before = par[..word.start].trim_end();
    let previous = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let participle = previous.len() > 3
        && (ends_with_ignoring_case(previous, "ed") || ends_with_ignoring_case(previous, "en"));
    // "would view any deployment of troops as a threat": a verb of seeing
    // a few words before, with its object between.
    let seeing = before
        .split_whitespace()
        .rev()
        .take(SEEING_REACH)
        .any(|w| is_one_of(w, JUDGING_VERBS));
    // "as soon as possible", "as well as": either "as" of a comparison.
    let mut after = par[word.end..].split_whitespace();
    let compares = after.nth(1).is_some_and(|w| w.eq_ignore_ascii_case("as"))
        || before
            .split_whitespace()
            .nth_back(1)
            .is_some_and(|w| w.eq_ignore_ascii_case("as"));
    participle || seeing || compares || is_one_of(previous, &["such", "known", "seen", "same"])
}

/// How many words before "as" a verb of seeing may stand.
const SEEING_REACH: usize = 8;

/// Is `term` one capitalised word, the name of a place ("Kherson")?
fn is_place_name(term: &str) -> bool {
    !term.contains(' ') && term.starts_with(|c: char| c.is_uppercase())
}

/// Does `before` end in a preposition that says where ("in", "near"),
/// perhaps with other places between ("in Kherson and")?
fn after_locative(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(PLACES_IN_A_ROW)
        .find(|w| !is_one_of(w, &["and", "or"]) && !is_place_name(w.trim_end_matches(',')))
        .is_some_and(|w| is_one_of(w, WHERE_PREPOSITIONS))
}

/// How many words of a list of places may stand between a locative and a place.
const PLACES_IN_A_ROW: usize = 5;

/// Prepositions after which a region is where, not what is claimed.
const WHERE_PREPOSITIONS: &[&str] = &["in", "near", "around", "across", "at", "outside"];

/// Does `before` end in a preposition of place and an article ("on the",
/// "far from the")?
fn after_place_preposition(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let first = words.next().unwrap_or("");
    let preposition = if is_one_of(first, &["the", "a", "its", "their"]) {
        words.next().unwrap_or("")
    } else {
        first
    };
    // "far from the front line" is a place; "start from the line of
    // contact" a starting point.
    if preposition.eq_ignore_ascii_case("from") {
        return words.next().is_some_and(|w| is_one_of(w, &["far", "away"]));
    }
    is_one_of(preposition, PLACE_PREPOSITIONS)
}

/// Prepositions that name where something is or goes, not what is agreed:
/// "along" and "at" stay out ("freeze the war at the current line").
const PLACE_PREPOSITIONS: &[&str] = &[
    "on", "near", "behind", "beyond", "across", "toward", "towards", "off",
];

/// Prepositions of place: a place named after them is a location.
const LOCATIVES: &[&str] = &["in", "at", "inside", "near"];

/// Words that open a verb group: auxiliaries, modals and negations.
const VERB_GROUP_OPENERS: &[&str] = &[
    "does",
    "do",
    "did",
    "doesn't",
    "don't",
    "didn't",
    "will",
    "won't",
    "would",
    "wouldn't",
    "is",
    "isn't",
    "are",
    "aren't",
    "was",
    "wasn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "had",
    "can",
    "cannot",
    "can't",
    "could",
    "couldn't",
    "should",
    "shouldn't",
    "must",
    "may",
    "might",
    "also",
    "not",
    "never",
    "still",
];

/// Where a predicate coordinated by "and" or "or" begins: "will push for
/// guarantees and does not support limits", "backs a truce and rejects
/// troops". The second verb group is a clause of its own, so that its
/// negation and cues stay its own. `text` starts at document offset `base`;
/// `cue_starts` are where stance cues begin, in order.
fn coordinated_predicates(text: &str, base: usize, cue_starts: &[usize]) -> Vec<usize> {
    // A byte search for the joints: most sentences have none.
    let joints = text
        .match_indices(" and ")
        .chain(text.match_indices(" or "))
        .map(|(i, joint)| (i + 1, i + joint.len()));
    joints
        .filter(|&(at, next_at)| {
            let next = text[next_at..].split_whitespace().next().unwrap_or("");
            let opens = is_one_of(next, VERB_GROUP_OPENERS)
                || cue_starts.binary_search(&(base + next_at)).is_ok();
            // "troops, depots, or supporting infrastructure": the last item
            // of a series of nouns, not a second predicate.
            opens && !ends_short_series(&text[..at])
        })
        .map(|(at, _)| base + at)
        .collect()
}

/// How many words an item of a series may have ("depots", "air defence
/// systems").
const SERIES_ITEM_WORDS: usize = 3;

/// Does `before` end with a comma that closes two or more short items of a
/// series ("troops, facilities, depots," before "or")?
fn ends_short_series(before: &str) -> bool {
    let Some(items) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    items
        .rsplit(',')
        .take(2)
        .filter(|item| {
            let words = item.split_whitespace().count();
            (1..=SERIES_ITEM_WORDS).contains(&words)
        })
        .count()
        == 2
}

/// Capitalised nouns that make a place name part of the name of a treaty,
/// an event or an institution ("the Budapest Memorandum", "the Washington
/// Treaty", "the Kyiv School of Economics"): the place does not speak.
const NAMED_AFTER_PLACES: &[&str] = &[
    "Treaty",
    "Memorandum",
    "Accord",
    "Accords",
    "Agreement",
    "Agreements",
    "Protocol",
    "Protocols",
    "Charter",
    "Format",
    "Process",
    "Summit",
    "Conference",
    "Forum",
    "School",
    "University",
    "Institute",
    "Centre",
    "Center",
    "Times",
    "Post",
    "Independent",
];

/// Does `before` end in "post-" (any hyphen), making the next word a time?
fn is_after_prefix(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(['-', '\u{2010}', '\u{2011}']) else {
        return false;
    };
    rest.len() >= 4 && rest[rest.len() - 4..].eq_ignore_ascii_case("post")
}

/// Does `before` end in "after a", "after any", "following the", "once a"
/// (and not "only after", a condition)?
fn is_after_time(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let mut next_is = |options: &[&str]| words.next().is_some_and(|w| is_one_of(w, options));
    next_is(&["a", "an", "any", "the"])
        && next_is(&["after", "following", "once"])
        && !next_is(&["only"])
}

/// The years named in `span` ("2027"): time limits.
fn years(par: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    let text = span.of(par);
    text.match_indices(|c: char| c.is_ascii_digit())
        .map(|(i, _)| i)
        .filter(move |&i| {
            let bytes = text.as_bytes();
            let starts = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
            let year = text.get(i..i + 4).is_some_and(|y| {
                y.bytes().all(|b| b.is_ascii_digit())
                    && (y.starts_with("20") || y.starts_with("19"))
            });
            let ends = bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
            starts && year && ends
        })
        .map(move |i| Span::new(span.start + i, span.start + i + 4))
}

/// Is `text` a headline in title case ("Russia Rejects Western Plan"), where
/// a capitalised word after a name does not make them one name?
fn is_title_case(text: &str) -> bool {
    let (words, capitalised) = text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_alphabetic))
        .fold((0, 0), |(all, caps), w| {
            (
                all + 1,
                caps + usize::from(w.starts_with(char::is_uppercase)),
            )
        });
    words >= 4 && capitalised * 5 >= words * 3
}

/// Sort mentions, drop overlaps, let a non-party noun take over the party word
/// that qualifies it ("a Ukrainian lawyer"), and join a title to its name
/// ("NATO Secretary General Mark Rutte" is one mention of Rutte).
fn tidy_mentions(par: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by_key(|x| (x.span.start, std::cmp::Reverse(x.span.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for mention in mentions {
        if kept.last().is_some_and(|l| mention.span.start < l.span.end) {
            continue;
        }
        if let Some(last) = kept.last_mut() {
            let gap = &par[last.span.end..mention.span.start];
            if joins_noun_phrase(gap) && last.in_quote == mention.in_quote {
                let takes_over = matches!(
                    (last.kind, mention.kind),
                    (
                        MentionKind::Party { .. },
                        MentionKind::NonParty | MentionKind::Outlet | MentionKind::Party { .. }
                    )
                );
                if takes_over {
                    *last = Mention {
                        span: Span::new(last.span.start, mention.span.end),
                        ..mention
                    };
                    continue;
                }
            }
        }
        kept.push(mention);
    }
    kept
}

/// Is `gap`, the text between two mentions, part of one noun phrase: titles,
/// a possessive, capitalised words or office nouns — and no verb, conjunction
/// or punctuation?
fn joins_noun_phrase(gap: &str) -> bool {
    let gap = gap
        .trim_start_matches(['\'', '\u{2019}'])
        .trim_start_matches('s');
    if gap.contains([',', ';', ':', '.', '(', ')', '"', '\u{201c}', '\u{201d}']) {
        return false;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 5
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || is_one_of(w, OFFICE_WORDS))
}

/// Lower-case words that can sit between a party and its office-holder's name.
const OFFICE_WORDS: &[&str] = &[
    "envoy",
    "special",
    "president",
    "minister",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "negotiator",
    "adviser",
    "advisor",
    "ambassador",
    "chancellor",
    "prime",
    "deputy",
    "head",
    "commissioner",
    "vice",
    "security",
    "national",
    "top",
    "senior",
    "former",
    "the",
    "of",
    "s",
];

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn a_predicate_coordinated_by_and_keeps_its_own_negation() {
        let got = coded("Berg will back a tariff cut and does not accept the treaty.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Support),
                ("north", "treaty", Stance::Oppose)
            ]
        );
    }

    #[test]
    fn a_cue_word_that_ends_a_series_of_nouns_is_no_predicate() {
        // "backing" as the last item's modifier: the subject keeps its verb.
        let got = coded(
            "According to Berg, any tariff cut, quotas, levies, or backing funds would be rejected.",
        );
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
    }

    #[test]
    fn without_sets_a_condition_unless_it_waives_one() {
        let got = coded("Berg said there can be no tariff cut without the treaty.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Conditional),
                ("north", "treaty", Stance::Support)
            ]
        );
        for text in [
            "Berg backs the treaty without any conditions.",
            "Berg backs the treaty without waiting for talks.",
        ] {
            assert_eq!(
                triples(&coded(text)),
                [("north", "treaty", Stance::Support)],
                "{text}"
            );
        }
    }

    #[test]
    fn a_region_named_as_where_something_happens_is_no_claim() {
        let got = coded("Berg wants Westmark.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        for text in [
            "Berg said fighting went on near Westmark.",
            "Berg said the advances in Sorby and Westmark went on.",
        ] {
            assert_eq!(coded(text), [], "{text}");
        }
    }

    #[test]
    fn after_a_noun_phrase_is_no_clause() {
        let got = coded("Berg said any tariff cut made after a long war would be a threat.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
        // A clause after "after" is still its own: its verb is not the term's.
        let got = coded("Berg backs a tariff cut after Southland rejected the treaty.");
        assert!(
            triples(&got).contains(&("north", "tariffs", Stance::Support)),
            "{got:?}"
        );
    }

    #[test]
    fn a_place_after_in_is_where_not_who() {
        let got = coded("The Southern envoy in Nordhavn, Ana Sol, said: “We reject the treaty.”");
        assert_eq!(triples(&got), [("south", "treaty", Stance::Oppose)]);
    }

    #[test]
    fn a_line_named_as_a_place_is_where_not_what() {
        let got = coded("Berg accepts the old border.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Conditional)]);
        for text in [
            "Berg said the troops stay on the old border.",
            "Berg said the troops stay far from the old border.",
        ] {
            assert!(coded(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_line_right_after_another_issues_term_is_where_it_holds() {
        let got = coded("Berg backs a tariff cut along the old border.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
        let got = coded("Berg backs a tariff cut and the old border.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Support),
                ("north", "treaty", Stance::Conditional)
            ]
        );
    }

    #[test]
    fn a_document_noun_with_modifiers_refers_back_to_the_document() {
        let got = coded("Nordhavn presented the plan. The revised 12-point plan backs the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        // A party named in the phrase keeps it: "the Southern plan" is Southland's.
        let got = coded("Nordhavn presented the plan. The Southern plan backs the treaty.");
        assert_eq!(triples(&got), [("south", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_list_of_parties_with_a_serial_comma_is_one_subject() {
        let got = coded("Nordhavn, Port Sol, and Berg back the treaty.");
        let parties: Vec<_> = triples(&got).iter().map(|(a, _, _)| *a).collect();
        assert_eq!(parties, ["north", "south"]);
        // Between clauses ", and" still opens a new one.
        let got = coded("Berg backs the treaty, and Mar rejects it.");
        assert_eq!(
            triples(&got),
            [
                ("north", "treaty", Stance::Support),
                ("south", "treaty", Stance::Oppose)
            ]
        );
    }

    #[test]
    fn a_non_party_noun_after_a_possessive_is_the_partys_stance() {
        let got = coded("Berg restated Nordhavn's opposition to the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Oppose)]);
        assert!(coded("An opposition leader said Northland backs the treaty.").is_empty());
    }

    #[test]
    fn how_a_thing_is_seen_is_no_clause_of_its_own() {
        let got = coded("Berg views any tariff cut for the southern ports as a threat.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
    }

    #[test]
    fn the_as_of_a_comparison_is_no_clause_of_its_own() {
        let got = coded("Mar rejects the treaty as well as a tariff cut.");
        assert_eq!(
            triples(&got),
            [
                ("south", "tariffs", Stance::Oppose),
                ("south", "treaty", Stance::Oppose)
            ]
        );
    }

    #[test]
    fn talks_that_continued_say_nothing() {
        assert!(coded("Talks with Berg on the treaty continued on Tuesday.").is_empty());
        let got = coded("“We want the treaty,” Berg continued.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn two_objects_of_one_verb_share_it() {
        let got = coded("Mar rejects the treaty and a tariff cut.");
        assert_eq!(
            triples(&got),
            [
                ("south", "tariffs", Stance::Oppose),
                ("south", "treaty", Stance::Oppose)
            ]
        );
    }
}
