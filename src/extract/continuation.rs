//! A speaker who goes on about the same matter: "Healey said British troops
//! would deploy once a deal is signed. He stressed that they would stay far
//! from the front line."
//!
//! A sentence that names no issue, whose main clause opens with "he", "she"
//! or "the minister" and a speech verb, reports more of what the person of
//! the sentence before said: its main point is the same position, so it
//! carries that sentence's statements (same party, issue and stance). Only
//! a person's statements go on this way; a sentence whose subject is anyone
//! else, or that names an issue of its own, is read for itself.

use super::mentions::{Mention, MentionKind, SentenceFacts};
use super::{is_one_of, words_at};
use crate::model::{Cue, CueKind, Grade, Span, Statement};

/// Words that may stand between the pronoun and its speech verb ("he also
/// said", "she nevertheless assured").
const ADVERB_REACH: usize = 1;

/// The statements of the sentence before (`previous`) that `fact` goes on
/// with, moved to `fact`.
pub fn carried(fact: &SentenceFacts, previous: &[Statement]) -> Vec<Statement> {
    if !fact.issues.is_empty() || fact.is_caption() || fact.imagined {
        return Vec::new();
    }
    let Some((subject, report)) = opening_report(fact).or_else(|| quoted_report(fact)) else {
        return Vec::new();
    };
    previous
        .iter()
        .filter(|s| s.grade.is_some_and(|g| g != Grade::Narration))
        .filter(|s| !names_another_party(fact, s.actor) && refers_back(fact, report))
        .map(|s| Statement {
            sentence: fact.span,
            quote: fact.quote_in_sentence(),
            cues: vec![Cue {
                kind: CueKind::Actor,
                span: subject,
            }],
            grade: Some(Grade::Reference),
            review: None,
            ..s.clone()
        })
        .collect()
}

/// The person the main clause's speech verb reports, when that is a pronoun
/// or "the" with an office noun ("He stressed that …", "Thus, she said …",
/// "The minister emphasized …"), and what follows: the report.
fn opening_report(fact: &SentenceFacts) -> Option<(Span, Span)> {
    let start = fact.main_clause;
    let clause = fact.text(Span::new(start, fact.clause_end(start)));
    let mut words = words_at(clause, start).skip_while(|(_, w)| w.ends_with(','));
    let (at, first) = words.next()?;
    let subject = if fact
        .mentions
        .iter()
        .any(|m| m.span.start == at && m.kind == MentionKind::PersonPronoun)
    {
        Span::new(at, at + first.len())
    } else {
        let (noun_at, noun) = words.next()?;
        let office = fact.offices.iter().any(|o| o.start == noun_at);
        if !(is_one_of(first, &["the"]) && office) {
            return None;
        }
        Span::new(at, noun_at + noun.len())
    };
    let after = Span::new(subject.end, start + clause.len());
    let reports = words_at(fact.text(after), after.start)
        .take(ADVERB_REACH + 1)
        .any(|(at, _)| fact.speech.iter().any(|v| v.start == at));
    reports.then_some((subject, Span::new(subject.end, fact.span.end)))
}

/// A quotation that opens the sentence and the person who speaks it, named
/// or "he"/"she" beside the speech verb after it ("“I would describe it as
/// groundbreaking,” Witkoff told the channel."), and the quotation: the
/// report.
fn quoted_report(fact: &SentenceFacts) -> Option<(Span, Span)> {
    let quote = *fact.quotes.first()?;
    if quote.start < fact.span.start
        || !fact
            .text(Span::new(fact.span.start, quote.start))
            .trim()
            .is_empty()
    {
        return None;
    }
    let verb = fact.speech.iter().find(|v| v.start >= quote.end)?;
    let person = |m: &&Mention| {
        matches!(
            m.kind,
            MentionKind::PersonPronoun | MentionKind::Party { person: true, .. }
        )
    };
    let speaker = fact.mentions.iter().filter(person).find(|m| {
        let between = if m.span.end <= verb.start {
            Span::new(m.span.end, verb.start)
        } else {
            Span::new(verb.end, m.span.start)
        };
        m.span.start >= quote.end && fact.text(between).trim().is_empty()
    })?;
    Some((speaker.span, Span::new(fact.span.start, quote.end)))
}

/// Words that point back to what was said before ("they would not be
/// deployed", "this step", "discussing them").
const BACK_REFERENCES: &[&str] = &["this", "these", "those", "they", "them", "it", "such"];

/// Does the `report` point back to the matter before, or take a stance of
/// its own? "He also said a meeting would take place" does neither.
fn refers_back(fact: &SentenceFacts, rest: Span) -> bool {
    let stance = fact.stance_cues().any(|c| rest.contains(*c));
    stance
        || words_at(fact.text(rest), rest.start).any(|(_, w)| {
            is_one_of(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                BACK_REFERENCES,
            )
        })
}

/// Does `fact` name a party other than `actor`, even in a quotation? Then it
/// reports on that party ("He said the UK and France had committed forces",
/// "“Southland has to move first,” she said"), not more of the
/// speaker's own position.
fn names_another_party(fact: &SentenceFacts, actor: usize) -> bool {
    fact.mentions
        .iter()
        .any(|m| matches!(m.kind, MentionKind::Party { actor: a, .. } if a != actor))
}

#[cfg(test)]
mod tests {
    use crate::extract::testkit::{coded, triples};
    use crate::model::Stance;

    #[test]
    fn a_pronoun_speaker_goes_on_with_the_sentence_before() {
        let got = coded("Berg said Northland wants the treaty. She said it would be signed soon.");
        assert_eq!(
            triples(&got),
            [
                ("north", "treaty", Stance::Support),
                ("north", "treaty", Stance::Support)
            ]
        );
    }

    #[test]
    fn the_office_noun_and_an_adverb_may_open_the_report() {
        let got = coded(
            "Berg said Northland wants the treaty.\n\nThe minister also said it would be signed soon.",
        );
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn another_subject_or_a_sentence_without_a_statement_before_carries_nothing() {
        let got = coded("Berg said Northland wants the treaty. Mar said work would start soon.");
        assert_eq!(triples(&got), [("north", "treaty", Stance::Support)]);
        let got = coded("Berg arrived on Monday. She said work would start soon.");
        assert!(got.is_empty());
        let got = coded("Berg said Northland wants the treaty. The weather was fine. She said so.");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn a_quotation_the_same_person_speaks_goes_on_too() {
        let got = coded(
            "Berg said Northland wants the treaty. \u{201c}We will sign it soon,\u{201d} Berg said.",
        );
        assert_eq!(got.len(), 2);
        let got =
            coded("Berg said Northland wants the treaty. \u{201c}It is done,\u{201d} she said.");
        assert_eq!(got.len(), 2);
        // Another party named, even inside the quotation: a report on it, not more of hers.
        let got = coded(
            "Berg said Northland wants the treaty. \u{201c}Southland has seen this too,\u{201d} Berg said.",
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn a_sentence_with_its_own_issue_is_read_for_itself() {
        let got = coded("Berg said Northland wants the treaty. She said she rejects a tariff cut.");
        assert_eq!(
            triples(&got),
            [
                ("north", "tariffs", Stance::Oppose),
                ("north", "treaty", Stance::Support)
            ]
        );
    }
}
