//! A tiny lexicon of two invented parties and two issues, for unit tests of
//! the extraction rules: each rule is checked on words written for it, not
//! on the built-in lexicon.

use crate::extract::Lexicon;
use crate::model::{Document, Stance};

/// Two parties (Northland, Southland) and two issues (tariffs, a treaty).
pub(crate) const TINY_LEXICON: &str = r#"Lexicon(
    actors: [
        Actor(id: "north", name: "Northland", bodies: ["Northland", "Nordhavn"],
              people: [["Anna Berg", "Berg"]], adjectives: ["Northern", "Northland's"]),
        Actor(id: "south", name: "Southland", bodies: ["Southland", "Port Sol"],
              people: [["Luis Mar", "Mar"]], adjectives: ["Southern", "Southland's"]),
    ],
    issues: [
        Issue(id: "tariffs", name: "Tariffs", terms: ["tariff cut*"],
              concepts: [Concept(words: [["cut", "lower"], ["tariff", "duties"]], gap: 1, ordered: true)]),
        Issue(id: "treaty", name: "Treaty", terms: ["the treaty", "a treaty", "Westmark"],
              partial_terms: ["the old border"]),
    ],
    non_party_speakers: ["analyst*", "opposition"],
    official_nouns: ["minister", "official*", "envoy", "plan", "demands"],
    document_pronouns: ["the plan"],
    title_words: ["deputy", "trade", "senior"],
    speech_verbs: ["said", "says", "continued", "according to", "suggest", "reported"],
    outlets: ["reports", "the Courier"],
    pronouns: ["he", "she"],
    stance: StanceCues(
        support: ["back*", "want*", "accept*", "demand*", "includes"],
        oppose: ["reject*", "oppos*", "a threat"],
        negation: ["not", "never"],
        conditional: ["only if", "open to", "condition*"],
        condition_openers: ["if", "only if", "provided", "as long as", "without", "until"],
    ),
)"#;

/// The tiny lexicon, compiled.
pub(crate) fn lexicon() -> Lexicon {
    Lexicon::parse(TINY_LEXICON, "tiny.ron").expect("the tiny lexicon is valid")
}

/// (actor id, issue id, stance) of every statement in `text`, sorted.
pub(crate) fn coded(text: &str) -> Vec<(String, String, Stance)> {
    let lexicon = lexicon();
    let doc = Document::from_text("t.txt", text);
    let mut out: Vec<_> = super::statements(0, &doc, &lexicon)
        .into_iter()
        .map(|s| {
            (
                lexicon.actors()[s.actor].id.clone(),
                lexicon.issues()[s.issue].id.clone(),
                s.stance,
            )
        })
        .collect();
    out.sort();
    out
}

/// `coded` with string literals, for comparing.
pub(crate) fn triples(coded: &[(String, String, Stance)]) -> Vec<(&str, &str, Stance)> {
    coded
        .iter()
        .map(|(a, i, s)| (a.as_str(), i.as_str(), *s))
        .collect()
}
