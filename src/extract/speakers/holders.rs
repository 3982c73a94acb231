//! Parties that hold a position someone else names: "Kyiv's refusal to …",
//! "a red line for Moscow", "Zelensky welcomed Trump's signal that …".

use super::subjects::{clause_subject, verb_agent, word_count};
use super::{Agent, Memory};
use crate::extract::mentions::{IssueHit, Mention, SentenceFacts};
use crate::extract::{Party, words_at};
use crate::model::Span;

/// "Zelensky welcomed Trump's signal that the U.S. would join the guarantees",
/// "Moscow dismissed reports that European troops could deploy": a party whose
/// stance verb governs the clause the term is in answers it, whoever that
/// clause's subject is. Each such party comes with its verb.
pub fn answerers(fact: &SentenceFacts, issue: &IssueHit, memory: &Memory) -> Vec<(Party, Answer)> {
    let clause = fact.clause_start(issue.span.start);
    if clause <= fact.span.start {
        return Vec::new();
    }
    // Only a "that" clause is governed ("welcomed signals that …"); one
    // joined by "but" or "while" stands beside the verb's clause.
    let governed = fact.par[clause..fact.span.end]
        .trim_start_matches([',', ' '])
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("that"));
    if !governed {
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
    // "Kyiv will not accept a deal that …": a negation before the verb
    // turns it round.
    let negated = fact
        .negation
        .iter()
        .any(|n| n.start >= subject.end && n.end <= verb.start);
    let answer = Answer {
        verb: *verb,
        refuses: fact.oppose.contains(verb) != negated,
    };
    speaker.parties.into_iter().map(|p| (p, answer)).collect()
}

/// The stance verb by which a party answers a clause.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub verb: Span,
    /// A refusal ("denied reports that …") stands against what the clause says.
    pub refuses: bool,
}

/// How many words may stand between the answering verb and the clause it governs.
const ANSWER_REACH: usize = 4;
/// How many words (auxiliaries, adverbs) may stand between a subject and its verb.
const VERB_AFTER_SUBJECT: usize = 2;

/// Parties whose own position on `issue` the sentence names with a possessive
/// and a stance noun before the term: "Zelensky's request for Ukraine to join
/// the EU", "Kyiv's refusal to join NATO", "Russia's call for guarantees".
///
/// Each holder comes with where its stance cues begin: the possessive itself,
/// or the "red line" that names the refusal.
pub fn holders(fact: &SentenceFacts, issue: &IssueHit) -> Vec<(Party, usize)> {
    let cue_starts: Vec<usize> = fact.stance_cues().map(|s| s.start).collect();
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
            // A party adjective may carry its possessive ("Russia's").
            let text = fact.text(m.span);
            let possessive = text.ends_with("'s") || text.ends_with("\u{2019}s");
            let Some(rest) = after
                .strip_prefix("'s ")
                .or_else(|| after.strip_prefix("\u{2019}s "))
                .or_else(|| after.strip_prefix(' ').filter(|_| possessive))
                .or_else(|| own_pronoun(after))
            else {
                return false;
            };
            // The stance noun may follow an adjective ("its longstanding
            // goal"), and governs what its preposition introduces.
            let rest_at = issue.span.start - rest.len();
            let words: Vec<usize> = words_at(rest, 0).map(|(at, _)| at).take(3).collect();
            let noun = words
                .iter()
                .take(2)
                .position(|at| cue_starts.contains(&(rest_at + at)));
            let mut listed = false;
            let governs = noun.is_some_and(|n| {
                // "Ukraine's territory, including …" is no stance noun's.
                let adjective = &rest[..words[n]];
                let noun_end = rest[words[n]..]
                    .find(|c: char| !c.is_alphanumeric() && c != '-')
                    .map_or(rest.len(), |i| words[n] + i);
                let after_noun = &rest[noun_end..];
                listed = lists_after_noun(after_noun);
                !adjective.contains([',', ';', ':']) && (listed || governs_after_noun(after_noun))
            });
            governs && (listed || word_count(rest) <= HOLDER_REACH)
        })
        .filter_map(Mention::party)
        .map(|p| (p, p.span.start))
        .chain(red_line_holders(fact, issue))
        .collect()
}

/// What follows a party's own possessive pronoun a few words on: "allowing
/// Ukraine to achieve its goal of …", "Kyiv and its bid for …".
fn own_pronoun(after: &str) -> Option<&str> {
    // Only the first words can hold it: searching all of `after` for every
    // mention and term costs a sentence's length each time.
    let reach = &after[..pronoun_search_end(after)];
    let at = OWN_PRONOUNS
        .iter()
        .filter_map(|p| reach.find(p).map(|i| (i, p.len())))
        .min()?;
    (word_count(&after[..at.0]) <= PRONOUN_REACH).then(|| &after[at.0 + at.1..])
}

/// The possessive pronouns of [`own_pronoun`], with the spaces around them.
const OWN_PRONOUNS: [&str; 2] = [" its ", " their "];

/// Where in `after` a pronoun of [`OWN_PRONOUNS`] that starts within
/// [`PRONOUN_REACH`] words ends at the latest: past the first letter or digit
/// of the word after those, by the longest pronoun.
fn pronoun_search_end(after: &str) -> usize {
    let Some(first_alnum_beyond) = words_at(after, 0)
        .filter_map(|(at, w)| w.find(char::is_alphanumeric).map(|i| at + i))
        .nth(PRONOUN_REACH)
    else {
        return after.len();
    };
    let longest = OWN_PRONOUNS.iter().map(|p| p.len()).max().unwrap_or(0);
    let mut end = (first_alnum_beyond + longest).min(after.len());
    while !after.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// Words by which a stance noun governs its object: "request to join",
/// "goal of membership", "bid for", "insistence on", "demand that".
const NOUN_LINKS: &[&str] = &["to", "of", "for", "on", "that"];

/// Does the stance noun that `after` follows govern what comes next
/// ("request to join", "goal of membership"), or end where it stands?
fn governs_after_noun(after: &str) -> bool {
    after
        .split_whitespace()
        .next()
        .is_none_or(|next| NOUN_LINKS.contains(&next))
}

/// Does `after` open a list of what the stance noun before it holds:
/// "Russia's demands, such as handing over …, limiting …"?
pub(super) fn lists_after_noun(after: &str) -> bool {
    after
        .trim_start()
        .strip_prefix([',', '\u{2014}', '\u{2013}', '('])
        .is_some_and(|rest| {
            LIST_OPENERS
                .iter()
                .any(|l| rest.trim_start().starts_with(l))
        })
}

/// Words after a stance noun and its comma that list what it holds.
const LIST_OPENERS: &[&str] = &["such as ", "including ", "among them "];

/// How many words may stand between a party and its own "its".
const PRONOUN_REACH: usize = 3;

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

/// Nouns after a party name (without a possessive) that make it the holder of
/// what follows: "U.S. pressure to …", "Russian insistence on …".
const HOLDER_NOUNS: &[&str] = &["pressure ", "insistence ", "refusal ", "rejection "];

/// How many words may stand between a holder's stance noun and the issue term.
const HOLDER_REACH: usize = 8;
#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn a_negated_answering_verb_refuses_the_clause() {
        let got = coded("Northland did not accept reports that Southland wants a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
        let got = coded("Northland accepted reports that Southland wants a tariff cut.");
        assert!(triples(&got).contains(&("north", "tariffs", Stance::Support)));
    }

    #[test]
    fn a_verdict_on_a_held_position_is_the_judges_not_the_holders() {
        for text in [
            "Mar said Northland's demand for a tariff cut is a threat.",
            "Northland's demand for a tariff cut was rejected by Mar.",
        ] {
            let got = coded(text);
            assert_eq!(
                triples(&got),
                [
                    ("north", "tariffs", Stance::Support),
                    ("south", "tariffs", Stance::Oppose)
                ],
                "{text}"
            );
        }
    }

    #[test]
    fn the_speakers_own_position_is_what_its_verb_makes_of_it() {
        let got = coded("Northland has rejected its demand for a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Oppose)]);
        let got = coded("Northland backs its demand for a tariff cut.");
        assert_eq!(triples(&got), [("north", "tariffs", Stance::Support)]);
    }

    #[test]
    fn a_term_inside_anothers_position_needs_a_cue_of_the_speakers_own() {
        let got = coded("Mar said the talks go on, despite Berg's demand for the treaty.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
    }

    #[test]
    fn a_partys_demands_hold_the_list_they_introduce() {
        let got =
            coded("Mar rejected Northland's demands \u{2014}such as a tariff cut and the treaty.");
        let got = triples(&got);
        assert!(
            got.contains(&("north", "tariffs", Stance::Support)),
            "{got:?}"
        );
        assert!(
            got.contains(&("north", "treaty", Stance::Support)),
            "{got:?}"
        );
    }

    #[test]
    fn a_possessive_stance_noun_holds_the_list_it_introduces() {
        let got = coded("Mar backed Northland's key demands, such as a tariff cut and the treaty.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Support),
                ("north", "treaty", Stance::Support),
                ("south", "tariffs", Stance::Support),
                ("south", "treaty", Stance::Support)
            ]
        );
    }
}
