//! Issues named by concepts that meet in one phrase: {member, join,
//! accession …} with {EU, the bloc …} names EU accession in "become a member
//! of the European Union" and "Kyiv's integration with the bloc", without a
//! lexicon entry for each phrase.
//!
//! The classes' words are found by the paragraph's one scan (each word with
//! its inflections); here, hits of one concept that stand close together —
//! only function words, party names or at most `gap` other words between,
//! and no punctuation — are joined into one issue term spanning them. The
//! work is linear in the number of hits: each hit is compared with the one
//! before it only.

use std::collections::HashSet;

use super::inflect;
use super::mentions::{IssueHit, MentionKind, TermSense};
use super::terms::Hit;
use super::{AUXILIARIES, ends_with_ignoring_case, is_one_of};
use crate::lexicon::{ConceptSense, LexiconSource, MAX_CONCEPT_CLASSES};

/// Words that may stand inside a phrase without ending it: determiners,
/// possessives, prepositions and particles ("a member of the EU", "pull its
/// troops out of", "an end to the fighting", "NATO and EU membership").
/// Sorted, for a binary search.
const FUNCTION_WORDS: &[&str] = &[
    "a", "across", "all", "along", "an", "and", "any", "at", "away", "back", "by", "down", "each",
    "every", "for", "from", "her", "his", "in", "inside", "into", "its", "of", "on", "onto", "or",
    "our", "out", "over", "some", "such", "the", "their", "these", "this", "those", "to", "toward",
    "towards", "under", "up", "with", "within", "your",
];

/// How far apart two words of a concept may stand, in bytes: a phrase, not a clause.
const MAX_GAP_BYTES: usize = 64;

/// Characters that end a phrase: punctuation between two words parts them.
const BOUNDARIES: &[char] = &[
    ',', ';', ':', '.', '!', '?', '(', ')', '[', ']', '"', '\u{201C}', '\u{201D}', '\u{2014}',
    '\u{2013}', '\u{2026}', '\n',
];

/// One concept, compiled.
#[derive(Debug, Clone, Copy)]
struct Rule {
    /// What it makes: an issue term, or a party's speaker known by title.
    target: Target,
    /// The term it makes, as the matcher of its target encodes it.
    value: u32,
    classes: usize,
    gap: usize,
    ordered: bool,
}

/// What the words of a concept name where they meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Issue,
    /// A party adjective and an office noun, with the title words between
    /// ("Russia's deputy defence minister") and a name after ("… Ivan Petrov").
    Title {
        actor: usize,
    },
}

/// Every concept of a lexicon, with the words that may stand inside one.
#[derive(Debug, Default)]
pub(crate) struct Concepts {
    rules: Vec<Rule>,
    /// The rule number the office nouns of every title are scanned under.
    title_nouns: usize,
    /// Party names and adjectives, lower-case, without "'s": "Ukraine's
    /// army" and "Ukrainian forces" stay one phrase.
    party_words: HashSet<String>,
    /// Words of office that may stand inside a title ("deputy", "senior").
    title_words: HashSet<String>,
}

impl Concepts {
    /// The concepts of `source`, and the terms to scan for: each class word
    /// (with its inflections) valued by [`Concepts::encode`].
    pub(crate) fn compile(source: &LexiconSource) -> (Concepts, Vec<(String, u32)>) {
        let mut rules = Vec::new();
        let mut terms = Vec::new();
        for (issue, entry) in source.issues.iter().enumerate() {
            for concept in &entry.concepts {
                let rule = rules.len();
                for (class, words) in concept.words.iter().enumerate() {
                    let value = Concepts::encode(rule, class);
                    for word in words {
                        terms.extend(inflect::forms(word.trim()).into_iter().map(|f| (f, value)));
                    }
                }
                rules.push(Rule {
                    target: Target::Issue,
                    value: IssueHit::encode(issue, term_sense(concept.sense)),
                    classes: concept.words.len(),
                    gap: concept.gap,
                    ordered: concept.ordered,
                });
            }
        }
        // Titles: each party's adjectives are a class of their own; the
        // office nouns, shared by all parties, are scanned once.
        let title_nouns = rules.len() + source.actors.len();
        let value = Concepts::encode(title_nouns, 1);
        for word in &source.official_nouns {
            terms.extend(inflect::forms(word.trim()).into_iter().map(|f| (f, value)));
        }
        for (actor, entry) in source.actors.iter().enumerate() {
            let rule = rules.len();
            // "the United States proposal", "a European Union official": a
            // party's proper name of several words works as its adjective.
            let value = Concepts::encode(rule, 0);
            let names = entry
                .adjectives
                .iter()
                .chain(entry.bodies.iter().filter(|b| is_proper_name(b)));
            terms.extend(names.map(|n| (n.trim().to_string(), value)));
            rules.push(Rule {
                target: Target::Title { actor },
                value: MentionKind::Party {
                    actor,
                    person: false,
                }
                .encode(),
                classes: 2,
                gap: 0,
                ordered: true,
            });
        }
        let title_words = source
            .title_words
            .iter()
            .map(|w| w.to_lowercase())
            .collect();
        let party_words = source
            .actors
            .iter()
            .flat_map(|a| a.adjectives.iter().chain(&a.bodies))
            .filter(|w| !w.contains(' '))
            .map(|w| without_possessive(&w.to_lowercase()).to_string())
            .collect();
        let concepts = Concepts {
            rules,
            title_nouns,
            party_words,
            title_words,
        };
        (concepts, terms)
    }

    fn encode(rule: usize, class: usize) -> u32 {
        ((rule * MAX_CONCEPT_CLASSES) + class) as u32
    }

    fn decode(value: u32) -> (usize, usize) {
        let value = value as usize;
        (value / MAX_CONCEPT_CLASSES, value % MAX_CONCEPT_CLASSES)
    }

    /// The terms that `hits` (the concept words of `text`, in text order)
    /// make where the words of a concept meet, each with its target.
    /// `verbs` are where the stance and speech verbs of `text` begin, in
    /// order: a phrase does not run across one ("NATO backs a military
    /// presence" is no phrase "NATO … military presence").
    pub(crate) fn meet(&self, text: &str, hits: &[Hit], verbs: &[usize]) -> Vec<(Target, Hit)> {
        let mut out = Vec::new();
        if self.rules.is_empty() || hits.is_empty() {
            return out;
        }
        // Hits grouped by concept, in text order; the titles of every party
        // form one group, since their office nouns are shared.
        let mut grouped: Vec<(usize, Word)> = hits
            .iter()
            .map(|h| {
                let (rule, class) = Concepts::decode(h.value);
                let titles = rule == self.title_nouns
                    || matches!(self.rules[rule].target, Target::Title { .. });
                let group = if titles { self.title_nouns } else { rule };
                (
                    group,
                    Word {
                        rule,
                        class,
                        hit: *h,
                    },
                )
            })
            .collect();
        grouped.sort_by_key(|(group, w)| (*group, w.hit.start));
        for group in grouped.chunk_by(|a, b| a.0 == b.0) {
            let titles = group[0].0 == self.title_nouns;
            let mut run = 0;
            for i in 1..=group.len() {
                let joined = i < group.len() && {
                    let (a, b) = (group[i - 1].1, group[i].1);
                    // Two words of one class join only through function
                    // words: the gap is for a modifier between classes, and
                    // "NATO supports foreign troops" is no phrase "NATO …
                    // troops".
                    let (gap, ordered) = if titles {
                        (0, true)
                    } else {
                        let rule = self.rules[a.rule];
                        let gap = if a.class == b.class { 0 } else { rule.gap };
                        (gap, rule.ordered)
                    };
                    (!ordered || b.class >= a.class)
                        && self.joins(text, a.hit.end, b.hit.start, gap, titles)
                        && (titles || !verbs_between(text, verbs, a.hit.end, b.hit.start))
                };
                if !joined {
                    if let Some((rule, hit)) = self.covering(&group[run..i]) {
                        out.push((rule.target, named(text, rule.target, hit)));
                    }
                    run = i;
                }
            }
        }
        out.sort_by_key(|(_, h)| h.start);
        out
    }

    /// The term a run of joined words makes, when it holds every class of
    /// its concept; a title takes its party from its last adjective.
    fn covering(&self, run: &[(usize, Word)]) -> Option<(Rule, Hit)> {
        let rule = run
            .iter()
            .rev()
            .find(|(_, w)| w.rule != self.title_nouns)
            .map(|(_, w)| self.rules[w.rule])?;
        let seen = run.iter().fold(0u32, |seen, (_, w)| seen | 1 << w.class);
        (seen.count_ones() as usize == rule.classes).then(|| {
            let end = run
                .iter()
                .map(|(_, w)| w.hit.end)
                .max()
                .unwrap_or(run[0].1.hit.end);
            let hit = Hit {
                start: run[0].1.hit.start,
                end,
                value: rule.value,
            };
            (rule, hit)
        })
    }

    /// Do the words between `from` and `to` keep two concept words in one
    /// phrase?
    fn joins(&self, text: &str, from: usize, to: usize, gap: usize, titles: bool) -> bool {
        if to <= from {
            return true;
        }
        let between = &text[from..to];
        if between.len() > MAX_GAP_BYTES || between.contains(BOUNDARIES) {
            return false;
        }
        let others = between
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| c == '-' || c == '\''))
            // "the alliance's door": the possessive ending stays in the phrase.
            .map(without_possessive)
            .filter(|w| !w.is_empty() && !matches!(*w, "s" | "\u{2019}s"))
            .filter(|w| {
                let mut buf = [0u8; 32];
                let lower = lower_case(w, &mut buf);
                let glue = if titles {
                    // A word of office, or a count ("the 28-point plan").
                    w.starts_with(|c: char| c.is_ascii_digit())
                        || self.title_words.contains(&*lower)
                } else {
                    FUNCTION_WORDS.binary_search(&&*lower).is_ok()
                        || self.party_words.contains(without_possessive(&lower))
                };
                !glue
            })
            .count();
        others <= gap
    }
}

/// Does a verb of `verbs` begin between `from` and `to`, as a word of its
/// own that is neither a function word ("pull its forces back": "back"
/// glues the phrase) nor an auxiliary ("security must be guaranteed": the
/// verb group is the phrase's own)? "U.S.-backed" is part of one word.
fn verbs_between(text: &str, verbs: &[usize], from: usize, to: usize) -> bool {
    let first = verbs.partition_point(|&v| v < from);
    verbs[first..].iter().take_while(|&&v| v < to).any(|&v| {
        let word = text[v..].split([' ', ',']).next().unwrap_or("");
        let mut buf = [0u8; 32];
        let own_word = text[..v].ends_with(' ');
        own_word
            && !is_one_of(word, AUXILIARIES)
            && FUNCTION_WORDS
                .binary_search(&&*lower_case(word, &mut buf))
                .is_err()
    })
}

/// A concept word found in a text: its rule, its class and where it is.
#[derive(Debug, Clone, Copy)]
struct Word {
    rule: usize,
    class: usize,
    hit: Hit,
}

/// A title's hit runs on over the name after it ("Russia's deputy defence
/// minister Ivan Petrov"), and then names a person.
fn named(text: &str, target: Target, hit: Hit) -> Hit {
    let Target::Title { actor } = target else {
        return hit;
    };
    let mut end = hit.end;
    for (at, word) in super::words_at(&text[hit.end..], hit.end).take(MAX_NAME_WORDS) {
        let bare = word.trim_end_matches([',', '.', ';', ':', '"', '\u{201D}']);
        // "… Ivan Petrov's plan": the possessive is the name's, not part of it.
        let name = without_possessive(bare);
        if at != end + 1 || !is_name_word(name) {
            break;
        }
        end = at + name.len();
        if name.len() < word.len() {
            break;
        }
    }
    let person = MentionKind::Party {
        actor,
        person: true,
    }
    .encode();
    if end == hit.end {
        // "A senior Russian diplomat, Igor Volkov, said": the name in
        // apposition makes the title a person's, for "he" and "she" later;
        // the title stays the mention.
        return if names_in_apposition(&text[hit.end..]) {
            Hit {
                value: person,
                ..hit
            }
        } else {
            hit
        };
    }
    Hit {
        end,
        value: person,
        ..hit
    }
}

/// Does `rest` (the text after a title) open with a name between commas
/// (", Igor Volkov,")?
fn names_in_apposition(rest: &str) -> bool {
    let Some(inside) = rest.strip_prefix(", ") else {
        return false;
    };
    let Some((name, _)) = inside.split_once(',') else {
        return false;
    };
    let words = name.split(' ').count();
    (1..=MAX_NAME_WORDS).contains(&words) && name.split(' ').all(is_name_word)
}

/// How many words a name after a title may have ("Jean-Luc de la Croix").
const MAX_NAME_WORDS: usize = 3;

/// Capitalised words that follow a title without being a name.
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "on",
    "in",
    "at",
    "said",
    "says",
    "told",
];

/// A capitalised word of a name ("Petrov", "Jean-Luc", "J.D.").
fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
        && !is_one_of(word, NOT_NAMES)
}

/// A name of several capitalised words ("United States", "White House").
fn is_proper_name(body: &str) -> bool {
    body.contains(' ')
        && body
            .split(' ')
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// `word` in lower case: in `buf` when it is short ASCII, without allocating.
fn lower_case<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> std::borrow::Cow<'a, str> {
    if word.len() > buf.len() || !word.is_ascii() {
        return std::borrow::Cow::Owned(word.to_lowercase());
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::borrow::Cow::Borrowed(std::str::from_utf8(lower).unwrap_or_default())
}

fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word)
}

fn term_sense(sense: ConceptSense) -> TermSense {
    match sense {
        ConceptSense::Plain => TermSense::Plain,
        ConceptSense::Inverse => TermSense::Inverse,
        ConceptSense::Partial => TermSense::Partial,
        ConceptSense::Reversal => TermSense::Reversal,
    }
}

/// Where "former" or "ex-" stands right before a title at `start`, if it does.
pub(crate) fn held_formerly(text: &str, start: usize) -> Option<usize> {
    let before = &text[..start];
    ["former ", "Former ", "ex-", "Ex-"]
        .iter()
        .find(|w| before.ends_with(*w))
        .map(|w| start - w.len())
}

/// Prepositions that tie an office to the party it serves ("a spokeswoman
/// for the European Commission", "an official in Kyiv").
const OF_PARTY: &[&str] = &["for ", "of ", "in ", "at "];

/// Offices that serve whom they are "to" ("an aide to the president"); an
/// envoy or ambassador "to" a party is sent to it, not its own.
const SERVING: &[&str] = &[
    "aide", "aides", "adviser", "advisers", "advisor", "advisors",
];

/// "An aide to the French president", "an official in Zelensky's office":
/// an office noun tied by a preposition to a party mention speaks for that
/// party; the mention grows back over the noun. "Ukraine's ambassador to
/// Washington": the party an envoy is sent to is where the office is, not
/// who speaks, so that mention is dropped. `offices` and `actors` are the
/// hits of one text, in text order.
pub(crate) fn offices_of_parties(text: &str, offices: &[Hit], actors: &mut Vec<Hit>) {
    members_of_parties(text, actors);
    let mut posted = Vec::new();
    for office in offices {
        let rest = &text[office.end..];
        let Some(rest) = rest.strip_prefix(' ') else {
            continue;
        };
        let serving = is_one_of(&text[office.start..office.end], SERVING);
        let tied = OF_PARTY.iter().find_map(|p| rest.strip_prefix(p));
        let to = rest.strip_prefix("to ");
        let sent = to.filter(|_| !serving);
        let Some(rest) = tied.or(to) else {
            continue;
        };
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let at = text.len() - rest.len();
        let i = actors.partition_point(|a| a.start < at);
        let inside = i > 0 && actors[i - 1].end > office.start;
        // A posting is dropped whoever holds the office; an office already
        // inside a party's title is that party's, not the one after it.
        let Some(party) = actors
            .get_mut(i)
            .filter(|a| a.start == at && (sent.is_some() || !inside))
        else {
            continue;
        };
        if sent.is_some() {
            posted.push(i);
        } else {
            party.start = office.start;
        }
    }
    // "special envoy" and "envoy" may both be offices of one posting.
    posted.dedup();
    for i in posted.into_iter().rev() {
        actors.remove(i);
    }
}

/// "A member of the Ukrainian delegation": a member of a party's own group
/// speaks for the party (a member of a bloc does not: "a member of the EU"
/// names no group of people). The mention grows back over "member of the".
fn members_of_parties(text: &str, actors: &mut [Hit]) {
    for party in actors.iter_mut() {
        let last = text[party.start..party.end]
            .rsplit(' ')
            .next()
            .unwrap_or("");
        if !is_one_of(last, GROUPS) {
            continue;
        }
        let before = &text[..party.start];
        // A byte comparison: the text before may end inside a character.
        let Some(member) = MEMBERSHIP
            .iter()
            .find(|m| ends_with_ignoring_case(before, m))
        else {
            continue;
        };
        let start = party.start - member.len();
        let at_word = start == 0 || text[..start].ends_with(|c: char| !c.is_alphanumeric());
        if at_word {
            party.start = start;
        }
    }
}

/// Groups of a party's people.
const GROUPS: &[&str] = &[
    "delegation",
    "team",
    "government",
    "cabinet",
    "administration",
];
/// What a member of a group is called, with the words before the group.
const MEMBERSHIP: &[&str] = &[
    "member of the ",
    "members of the ",
    "member of its ",
    "head of the ",
];

/// Merge the terms that concepts make into the terms of the flat lexicon
/// (both in text order): a concept term takes the place of the flat terms
/// of its issue or party (`owner`) that it contains, and gives way to any
/// other flat term it overlaps (the flat lexicon is the more specific).
pub(crate) fn merge(flat: &mut Vec<Hit>, made: Vec<Hit>, owner: impl Fn(u32) -> usize) {
    if made.is_empty() {
        return;
    }
    let issue_of = |h: &Hit| owner(h.value);
    let mut absorbed = vec![false; flat.len()];
    let mut kept = Vec::new();
    for hit in made {
        // "deployment of multinational forces" holds "multinational forces":
        // one term, not two votes.
        let nested = kept.iter().any(|k: &Hit| {
            k.start <= hit.start && hit.end <= k.end && issue_of(k) == issue_of(&hit)
        });
        if nested {
            continue;
        }
        let from = flat.partition_point(|f| f.end <= hit.start);
        let overlapping = (from..flat.len()).take_while(|&i| flat[i].start < hit.end);
        let mut inside = Vec::new();
        let mut blocked = false;
        for i in overlapping {
            let f = flat[i];
            let contained = hit.start <= f.start && f.end <= hit.end;
            if contained
                && issue_of(&f) == issue_of(&hit)
                && (f.start, f.end) != (hit.start, hit.end)
            {
                inside.push(i);
            } else {
                blocked = true;
            }
        }
        if !blocked {
            for i in inside {
                absorbed[i] = true;
            }
            kept.push(hit);
        }
    }
    let mut i = 0;
    flat.retain(|_| {
        i += 1;
        !absorbed[i - 1]
    });
    flat.extend(kept);
    flat.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.value));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Lexicon;
    use crate::extract::terms::TermSet;

    /// A lexicon with one party and one issue named by one concept.
    fn lexicon(concept: &str) -> Lexicon {
        let ron = format!(
            r#"Lexicon(
                actors: [Actor(id: "u", name: "U", bodies: ["Ukraine"], adjectives: ["Ukraine's", "Ukrainian"])],
                issues: [Issue(id: "eu", name: "EU", terms: ["EU membership"], concepts: [{concept}])],
            )"#
        );
        Lexicon::parse(&ron, "test.ron").unwrap()
    }

    /// The phrases the concepts of `lexicon` make in `text`.
    fn phrases(lexicon: &Lexicon, text: &str) -> Vec<String> {
        phrases_around(lexicon, text, "")
    }

    /// The phrases the concepts of `lexicon` make in `text`, with `verb` (if
    /// the text holds it) as a stance verb.
    fn phrases_around(lexicon: &Lexicon, text: &str, verb: &str) -> Vec<String> {
        let (concepts, terms) = Concepts::compile(&lexicon.source);
        let hits = TermSet::new(terms).find(text);
        let verbs: Vec<usize> = text
            .find(verb)
            .filter(|_| !verb.is_empty())
            .into_iter()
            .collect();
        concepts
            .meet(text, &hits, &verbs)
            .iter()
            .map(|(_, h)| text[h.start..h.end].to_string())
            .collect()
    }

    const JOIN_EU: &str = r#"Concept(words: [["join", "member", "integration", "path"], ["EU", "the bloc"]], ordered: true)"#;

    #[test]
    fn classes_meet_across_function_words_and_party_names() {
        let lexicon = lexicon(JOIN_EU);
        assert_eq!(
            phrases(&lexicon, "Kyiv wants to become a member of the EU soon."),
            ["member of the EU"]
        );
        assert_eq!(
            phrases(&lexicon, "It backs Ukraine's path into the bloc."),
            ["path into the bloc"]
        );
    }

    #[test]
    fn a_concept_phrase_inside_another_of_its_issue_is_one_term() {
        let hit = |start, end| Hit {
            start,
            end,
            value: 0,
        };
        let mut flat = Vec::new();
        // "deployment of multinational forces" holds "multinational forces".
        merge(&mut flat, vec![hit(0, 34), hit(14, 34)], |_| 0);
        assert_eq!(flat, [hit(0, 34)]);
        // Phrases of two issues both stay.
        let other = Hit {
            value: 1,
            ..hit(14, 34)
        };
        let mut flat = Vec::new();
        merge(&mut flat, vec![hit(0, 34), other], |v| v as usize);
        assert_eq!(flat, [hit(0, 34), other]);
    }

    #[test]
    fn a_member_of_a_partys_group_speaks_for_it() {
        let text = "A member of the Northern delegation said no; a member of the Union said yes.";
        let at = |phrase: &str| text.find(phrase).unwrap();
        let group = Hit {
            start: at("Northern"),
            end: at(" said no"),
            value: 0,
        };
        let bloc = Hit {
            start: at("Union"),
            end: at(" said yes"),
            value: 0,
        };
        let mut actors = [group, bloc];
        members_of_parties(text, &mut actors);
        assert_eq!(
            &text[actors[0].start..actors[0].end],
            "member of the Northern delegation"
        );
        assert_eq!(&text[actors[1].start..actors[1].end], "Union");
    }

    #[test]
    fn two_words_of_one_class_join_only_through_function_words() {
        let lexicon = lexicon(
            r#"Concept(words: [["allied", "foreign"], ["troops"]], gap: 1, ordered: true)"#,
        );
        assert_eq!(
            phrases(&lexicon, "allied and foreign troops"),
            ["allied and foreign troops"]
        );
        assert_eq!(
            phrases(&lexicon, "allied eager troops"),
            ["allied eager troops"]
        );
        assert_eq!(
            phrases(&lexicon, "allied wants foreign troops"),
            ["foreign troops"]
        );
    }

    #[test]
    fn a_phrase_does_not_run_across_a_verb() {
        let lexicon = lexicon(r#"Concept(words: [["allied"], ["troops"]], gap: 1, ordered: true)"#);
        let made = |text: &str, verb: &str| phrases_around(&lexicon, text, verb);
        assert_eq!(made("allied eager troops", "none"), ["allied eager troops"]);
        assert!(made("the allied backs troops", "backs").is_empty());
        // An auxiliary is the phrase's own verb group; a hyphenated word is
        // one word.
        assert_eq!(made("allied must troops", "must"), ["allied must troops"]);
        assert_eq!(
            made("allied pro-backs troops", "backs"),
            ["allied pro-backs troops"]
        );
    }

    #[test]
    fn a_name_between_commas_after_a_title_is_an_apposition() {
        assert!(names_in_apposition(", Igor Volkov, said"));
        assert!(names_in_apposition(", Healey, said"));
        assert!(!names_in_apposition(", speaking in Geneva, said"));
        assert!(!names_in_apposition(" Igor Volkov said"));
        assert!(!names_in_apposition(", Igor Volkov said"));
    }

    #[test]
    fn inflections_of_a_class_word_match() {
        let lexicon = lexicon(JOIN_EU);
        assert_eq!(
            phrases(&lexicon, "Ukraine joined the EU, then joining the bloc."),
            ["joined the EU", "joining the bloc"]
        );
    }

    #[test]
    fn punctuation_or_other_words_part_the_classes() {
        let lexicon = lexicon(JOIN_EU);
        assert!(phrases(&lexicon, "Members met; the EU said nothing.").is_empty());
        assert!(phrases(&lexicon, "a member of staff told the EU").is_empty());
    }

    #[test]
    fn a_possessive_ending_stays_inside_the_phrase() {
        let lexicon = lexicon(r#"Concept(words: [["the bloc"], ["door"]], ordered: true)"#);
        assert_eq!(
            phrases(&lexicon, "the bloc's door is open"),
            ["the bloc's door"]
        );
        assert_eq!(
            phrases(&lexicon, "the bloc\u{2019}s door"),
            ["the bloc\u{2019}s door"]
        );
    }

    #[test]
    fn a_concept_names_its_sense_of_the_proposition() {
        let lexicon =
            lexicon(r#"Concept(words: [["keep"], ["the bloc"]], ordered: true, sense: Inverse)"#);
        let (concepts, terms) = Concepts::compile(&lexicon.source);
        let text = "to keep out of the bloc";
        let made = concepts.meet(text, &TermSet::new(terms).find(text), &[]);
        let senses: Vec<TermSense> = made
            .iter()
            .map(|(_, h)| IssueHit::decode(h.value).1)
            .collect();
        assert_eq!(senses, [TermSense::Inverse]);
    }

    #[test]
    fn an_ordered_concept_needs_its_order() {
        let lexicon = lexicon(JOIN_EU);
        assert!(phrases(&lexicon, "EU members disagree.").is_empty());
    }

    #[test]
    fn a_gap_lets_other_words_stand_between() {
        let lexicon = lexicon(r#"Concept(words: [["pull"], ["regions"]], gap: 2, ordered: true)"#);
        assert_eq!(
            phrases(
                &lexicon,
                "It refuses to pull its troops out of the eastern regions."
            ),
            ["pull its troops out of the eastern regions"]
        );
        assert!(phrases(&lexicon, "pull the many tired troops from the regions").is_empty());
    }

    #[test]
    fn an_office_tied_to_a_party_speaks_for_it() {
        use crate::extract::testkit::{coded, triples};
        use crate::model::Stance;
        for text in [
            "An official in Nordhavn rejects the treaty.",
            "A minister of Northland said it rejects the treaty.",
        ] {
            assert_eq!(
                triples(&coded(text)),
                [("north", "treaty", Stance::Oppose)],
                "{text}"
            );
        }
        // An envoy to a party is sent to it: the party that sends one speaks.
        assert!(coded("An envoy to Northland rejects the treaty.").is_empty());
        assert_eq!(
            triples(&coded(
                "Southland's envoy to Northland said Port Sol rejects the treaty."
            )),
            [("south", "treaty", Stance::Oppose)]
        );
        // A former minister holds no office now.
        assert!(coded("A former Northern minister said Northland rejects the treaty.").is_empty());
    }

    #[test]
    fn a_concept_term_replaces_the_flat_terms_of_its_issue_inside_it() {
        let hit = |start, end, issue| Hit {
            start,
            end,
            value: IssueHit::encode(issue, TermSense::Plain),
        };
        let mut flat = vec![hit(10, 17, 0), hit(30, 40, 1)];
        merge(&mut flat, vec![hit(0, 17, 0), hit(25, 35, 0)], |v| {
            IssueHit::decode(v).0
        });
        assert_eq!(flat, vec![hit(0, 17, 0), hit(30, 40, 1)]);
    }
}
