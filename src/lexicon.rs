//! The lexicon's format: who the parties are, who speaks for them, what the
//! issues are called and which words carry a stance. Read from RON (the
//! default one is embedded) and validated here; extraction compiles it
//! (`extract::Lexicon`).
//!
//! The lexicon is data; no name of a person or place lives in code.

use crate::size::readable;
use serde::Deserialize;
use std::io::Read;
use std::path::Path;
use thiserror::Error;

/// The lexicon that ships with stancegrid.
pub const DEFAULT_LEXICON: &str = include_str!("../assets/lexicon.ron");

/// One negotiating party.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id used in exports (`ukraine`).
    pub id: String,
    /// Display name (`Ukraine`).
    pub name: String,
    /// Names of the party itself, its capital, government bodies and plans that
    /// speak for it ("Kyiv", "the Kremlin", "the White House").
    #[serde(default)]
    pub bodies: Vec<String>,
    /// Office-holders who speak for the party, each with spelling variants
    /// (surname alone included): `["Volodymyr Zelenskyy", "Zelensky", "Zelenskiy"]`.
    #[serde(default)]
    pub people: Vec<Vec<String>>,
    /// Adjectives that make a group speak for the party when followed by an
    /// official noun ("Ukrainian officials", "the Russian side").
    #[serde(default)]
    pub adjectives: Vec<String>,
}

/// One issue of the negotiation: a proposition a party can be for or against.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Issue {
    pub id: String,
    pub name: String,
    /// Words and phrases that name the issue.
    pub terms: Vec<String>,
    /// Terms that name the issue but whose usual verbs invert the proposition:
    /// for `territory` ("Ukraine cedes land"), "territorial integrity" is such a
    /// term: defending it opposes the proposition.
    #[serde(default)]
    pub inverse_terms: Vec<String>,
    /// Terms that name a partial acceptance of the proposition: for
    /// `army_size`, a higher cap than the one demanded; for `territory`, each
    /// side keeping the line it holds. Backing them is conditional.
    #[serde(default)]
    pub partial_terms: Vec<String>,
    /// Terms that name the proposition's full reversal: for `territory`, a
    /// return to the pre-war borders. Backing them opposes the proposition;
    /// dismissing them accepts it in part (conditional).
    #[serde(default)]
    pub reversal_terms: Vec<String>,
    /// Word classes that name the issue where they meet in one phrase:
    /// {member, join, accession …} with {EU, the bloc …} matches "become a
    /// member of the European Union" and "Kyiv's path into the bloc" without
    /// listing each phrase.
    #[serde(default)]
    pub concepts: Vec<Concept>,
}

/// An issue named by words of several classes that meet in one phrase.
///
/// The classes' words meet when only function words ("a", "of", "the",
/// "its", "into"), party names and adjectives ("Ukraine's", "Ukrainian"), or
/// at most `gap` other words stand between them, and no punctuation. A
/// single lower-case word also matches its inflections (join: joins, joined,
/// joining; member: members).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// The classes, each a list of words or phrases; every class must meet.
    pub words: Vec<Vec<String>>,
    /// How many other words may stand between two classes.
    #[serde(default)]
    pub gap: usize,
    /// The classes must come in the order listed ("a member of NATO", but
    /// not "NATO members").
    #[serde(default)]
    pub ordered: bool,
    /// What the phrase names of the proposition, as for terms: `Plain` (the
    /// default), `Inverse`, `Partial` or `Reversal`.
    #[serde(default)]
    pub sense: ConceptSense,
}

/// How a concept's phrase relates to its issue's proposition (see [`Issue`]:
/// `inverse_terms`, `partial_terms`, `reversal_terms`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub enum ConceptSense {
    #[default]
    Plain,
    Inverse,
    Partial,
    Reversal,
}

/// Words that carry a stance.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StanceCues {
    /// For the proposition: "wants", "welcomed", "offer", "demanded".
    #[serde(default)]
    pub support: Vec<String>,
    /// Against it: "rejects", "ruled out", "red line", "unacceptable".
    #[serde(default)]
    pub oppose: Vec<String>,
    /// Only with conditions: "only if", "as long as", "in exchange for", "open to".
    #[serde(default)]
    pub conditional: Vec<String>,
    /// Negations that flip a support cue: "not", "never", "no".
    #[serde(default)]
    pub negation: Vec<String>,
    /// Words that open a condition: what follows is demanded, what comes
    /// before is granted only on it ("a ceasefire unless troops withdraw").
    #[serde(default)]
    pub condition_openers: Vec<String>,
    /// "In exchange for": what follows is sought.
    #[serde(default)]
    pub exchange: Vec<String>,
    /// Time limits ("anytime soon", "fast-track"; a year counts too): a
    /// refusal bound to them leaves the door open later, so it is conditional.
    #[serde(default)]
    pub timing: Vec<String>,
}

/// The whole lexicon as written in RON.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename = "Lexicon")]
pub struct LexiconSource {
    pub actors: Vec<Actor>,
    pub issues: Vec<Issue>,
    /// Nouns for speakers who never speak for a party: "analyst", "professor".
    #[serde(default)]
    pub non_party_speakers: Vec<String>,
    /// News outlets: reporting through them is transparent ("Reuters reported
    /// that Moscow rejected …" is Moscow's position).
    #[serde(default)]
    pub outlets: Vec<String>,
    /// Nouns that, after a party adjective, make a group that speaks for it:
    /// "officials", "side", "delegation", "government".
    #[serde(default)]
    pub official_nouns: Vec<String>,
    /// Words of office that may stand between a party adjective and an
    /// official noun: "Russia's *deputy defence* minister", "a *senior*
    /// Ukrainian diplomat" (a name after the title belongs to it).
    #[serde(default)]
    pub title_words: Vec<String>,
    /// Verbs of saying: "said", "told", "warned", "insisted".
    #[serde(default)]
    pub speech_verbs: Vec<String>,
    /// Pronouns that refer back to the last named speaker: "he", "she".
    #[serde(default)]
    pub pronouns: Vec<String>,
    /// Words that refer back to the last plan or document as the agent of a
    /// speech verb: "it" in "It also says that …".
    #[serde(default)]
    pub document_pronouns: Vec<String>,
    #[serde(default)]
    pub stance: StanceCues,
}

/// The largest lexicon file that is read. A lexicon is lists of words (the
/// built-in one is 44 KB) and parsing takes many times its size in memory,
/// so a limit turns a wrong path (a corpus, a log, `/dev/zero`) into a quick
/// error instead of gigabytes read.
pub const MAX_LEXICON_SIZE: u64 = 4 * 1024 * 1024;

/// Why a lexicon could not be used.
///
/// Each message includes its cause, so no variant also exposes it as a
/// `source`: a printer of the error chain would show it twice.
#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("cannot read lexicon {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    /// A device, FIFO, socket or folder: reading one could block or never end.
    #[error("cannot read lexicon {path}: not a regular file")]
    NotAFile { path: String },
    #[error("cannot read lexicon {path}: too large ({}, limit {})", readable(*.size), readable(*.limit))]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
}

impl LexiconSource {
    /// Read a lexicon file: a regular file of at most [`MAX_LEXICON_SIZE`] bytes.
    pub fn from_file(path: &Path) -> Result<LexiconSource, LexiconError> {
        let shown = path.display().to_string();
        let read_error = |cause| LexiconError::Read {
            path: shown.clone(),
            cause,
        };
        let too_large = |size| LexiconError::TooLarge {
            path: shown.clone(),
            size,
            limit: MAX_LEXICON_SIZE,
        };
        // Asked before opening: opening a FIFO waits for a writer.
        let metadata = std::fs::metadata(path).map_err(read_error)?;
        if !metadata.is_file() {
            return Err(LexiconError::NotAFile { path: shown });
        }
        if metadata.len() > MAX_LEXICON_SIZE {
            return Err(too_large(metadata.len()));
        }
        // Bounded again while reading: the file may grow after the check.
        let mut text = String::new();
        std::fs::File::open(path)
            .and_then(|file| file.take(MAX_LEXICON_SIZE + 1).read_to_string(&mut text))
            .map_err(read_error)?;
        if text.len() as u64 > MAX_LEXICON_SIZE {
            return Err(too_large(text.len() as u64));
        }
        LexiconSource::parse(&text, &shown)
    }

    /// Parse and validate RON text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<LexiconSource, LexiconError> {
        let source: LexiconSource = ron::from_str(text).map_err(|e| LexiconError::Syntax {
            origin: origin.to_string(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: e.code.to_string(),
        })?;
        validate(&source).map_err(|message| LexiconError::Invalid {
            origin: origin.to_string(),
            message,
        })?;
        Ok(source)
    }
}

/// The most classes one concept may have (they are numbered in a hit's value).
pub const MAX_CONCEPT_CLASSES: usize = 8;

fn validate(source: &LexiconSource) -> Result<(), String> {
    if source.actors.is_empty() {
        return Err("the lexicon names no actors".into());
    }
    if source.issues.is_empty() {
        return Err("the lexicon names no issues".into());
    }
    let mut ids = std::collections::HashSet::new();
    for id in source.actors.iter().map(|a| &a.id) {
        if id.trim().is_empty() || !ids.insert(("actor", id)) {
            return Err(format!("actor id {id:?} is empty or repeated"));
        }
    }
    for issue in &source.issues {
        if issue.id.trim().is_empty() || !ids.insert(("issue", &issue.id)) {
            return Err(format!("issue id {:?} is empty or repeated", issue.id));
        }
        if issue.terms.iter().all(|t| t.trim().is_empty()) {
            return Err(format!("issue {:?} has no terms", issue.id));
        }
        for (n, concept) in issue.concepts.iter().enumerate() {
            let empty = concept
                .words
                .iter()
                .any(|class| class.iter().all(|w| w.trim().is_empty()));
            if concept.words.len() < 2 || empty {
                return Err(format!(
                    "issue {:?}, concept {}: a concept needs two or more classes of words, none empty",
                    issue.id,
                    n + 1
                ));
            }
            if concept.words.len() > MAX_CONCEPT_CLASSES {
                return Err(format!(
                    "issue {:?}, concept {}: at most {MAX_CONCEPT_CLASSES} classes",
                    issue.id,
                    n + 1
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lexicon_parses() {
        let source = LexiconSource::parse(DEFAULT_LEXICON, "builtin").unwrap();
        assert_eq!(source.actors.len(), 5);
        assert_eq!(source.issues[5].id, "ceasefire");
    }

    #[test]
    fn a_malformed_lexicon_reports_line_and_column() {
        let err = LexiconSource::parse(
            "Lexicon(\n  actors: [\n    Actor(id: 3)\n  ],\n)",
            "bad.ron",
        )
        .unwrap_err();
        match err {
            LexiconError::Syntax { line, column, .. } => {
                assert_eq!(line, 3);
                assert!(column > 1);
            }
            other => panic!("expected a syntax error, got {other}"),
        }
    }

    #[test]
    fn a_lexicon_without_issues_is_invalid() {
        let err = LexiconSource::parse(
            "Lexicon(actors: [Actor(id: \"a\", name: \"A\")], issues: [])",
            "empty.ron",
        )
        .unwrap_err();
        assert!(err.to_string().contains("no issues"), "{err}");
    }
}
