//! What a person decided about the statements of a folder: accepted,
//! rejected, re-coded or added by hand, each with an optional note.
//!
//! Reviews are kept apart from the analysis, in a [`Project`], and applied to
//! a fresh analysis each time ([`apply`]), so they survive re-analysis and a
//! new lexicon. A review names its statement by what does not change when
//! extraction does: the document's content hash, the sentence's text and
//! span, and (for a statement the machine found) the party and issue it was
//! found for, by lexicon id.

mod apply;
mod file;
pub mod location;

pub(crate) use apply::unreview;
pub use apply::{Unmatched, apply};
pub use file::{PROJECT_FILE, ProjectError, load, save};

use crate::Analysis;
use crate::model::{Span, Stance, Statement};
use serde::{Deserialize, Serialize};

/// The format line of a project file.
pub const PROJECT_FORMAT: &str = "stancegrid/project@1";

/// Every review of one folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Project {
    pub format: String,
    pub reviews: Vec<Review>,
}

impl Default for Project {
    fn default() -> Project {
        Project {
            format: PROJECT_FORMAT.to_string(),
            reviews: Vec::new(),
        }
    }
}

/// One person's decision on one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// The document's file, relative to the folder: for messages, and to
    /// find the sentence again when the rest of the article changed.
    pub file: String,
    /// The hash of the document's text ([`content_hash`]).
    pub document: String,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    /// The statement extraction found, by party and issue id; `None` for
    /// one a person added.
    #[serde(default)]
    pub found: Option<(String, String)>,
    pub decision: Decision,
    #[serde(default)]
    pub note: String,
}

/// What a person decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Only a note; the statement stays as found.
    Note,
    Accept,
    Reject,
    Recode(Code),
    /// A statement the machine did not find.
    Add(Code),
}

/// A coding by lexicon ids, as the project file keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Code {
    pub actor: String,
    pub issue: String,
    pub stance: Stance,
    pub speaker: String,
}

/// A stable hash of a document's text (64-bit FNV-1a, in hex): the same on
/// every machine and every build, unlike the standard library's hasher.
pub fn content_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// What the user reads about reviews that name no statement any more.
pub fn unmatched_message(n: usize) -> String {
    match n {
        1 => "1 review no longer matches its article".to_string(),
        n => format!("{n} reviews no longer match their article"),
    }
}

impl Project {
    /// The review of statement `s` of `analysis`, if it has one: the one
    /// applied to it, else one written for what it was found as.
    pub fn find(&self, analysis: &Analysis, s: &Statement) -> Option<usize> {
        if let Some(r) = s.review.as_deref() {
            return Some(r.review);
        }
        let key = Key::of(analysis, s);
        self.reviews.iter().position(|r| key.names(r))
    }

    /// Record `decision` for statement `s` of `analysis`, replacing its
    /// earlier decision and keeping its note; returns the review's index.
    pub fn decide(&mut self, analysis: &Analysis, s: &Statement, decision: Decision) -> usize {
        match self.find(analysis, s) {
            Some(i) => {
                let review = &mut self.reviews[i];
                // An added statement stays added when its coding changes.
                review.decision = match (&review.decision, decision) {
                    (Decision::Add(_), Decision::Recode(code)) => Decision::Add(code),
                    (_, decision) => decision,
                };
                i
            }
            None => {
                self.reviews.push(Review {
                    decision,
                    note: String::new(),
                    ..Key::of(analysis, s).review()
                });
                self.reviews.len() - 1
            }
        }
    }

    /// Set the note of statement `s`.
    pub fn annotate(&mut self, analysis: &Analysis, s: &Statement, note: &str) {
        let i = match self.find(analysis, s) {
            Some(i) => i,
            None => self.decide(analysis, s, Decision::Note),
        };
        self.reviews[i].note = note.trim().to_string();
    }

    /// Forget what was decided about statement `s`: an added statement is
    /// removed, a found one is automatic again.
    pub fn forget(&mut self, analysis: &Analysis, s: &Statement) {
        if let Some(i) = self.find(analysis, s) {
            self.reviews.remove(i);
        }
    }

    /// Add a statement by hand on the sentence at `sentence` of document
    /// `doc`.
    pub fn add(&mut self, analysis: &Analysis, doc: usize, sentence: Span, code: Code) {
        let document = &analysis.documents[doc];
        self.reviews.push(Review {
            file: document.file.clone(),
            document: content_hash(&document.text),
            sentence: sentence.of(&document.text).to_string(),
            start: sentence.start,
            end: sentence.end,
            found: None,
            decision: Decision::Add(code),
            note: String::new(),
        });
    }
}

/// What names a statement in the project file.
struct Key<'a> {
    file: &'a str,
    document: String,
    sentence: &'a str,
    span: Span,
    found: Option<(&'a str, &'a str)>,
}

impl<'a> Key<'a> {
    /// The key of a statement as extraction found it.
    fn of(analysis: &'a Analysis, s: &Statement) -> Key<'a> {
        let document = &analysis.documents[s.doc];
        Key {
            file: &document.file,
            document: content_hash(&document.text),
            sentence: s.sentence.of(&document.text),
            span: s.sentence,
            found: Some((analysis.actor_id(s), analysis.issue_id(s))),
        }
    }

    fn names(&self, r: &Review) -> bool {
        r.document == self.document
            && r.start == self.span.start
            && r.end == self.span.end
            && r.sentence == self.sentence
            && r.found.as_ref().map(|(a, i)| (a.as_str(), i.as_str())) == self.found
    }

    fn review(&self) -> Review {
        Review {
            file: self.file.to_string(),
            document: self.document.clone(),
            sentence: self.sentence.to_string(),
            start: self.span.start,
            end: self.span.end,
            found: self.found.map(|(a, i)| (a.to_string(), i.to_string())),
            decision: Decision::Note,
            note: String::new(),
        }
    }
}

/// The sentence of `doc` holding byte `at`, as extraction cuts sentences;
/// `None` outside the article's content (page furniture, blank lines).
pub fn sentence_at(doc: &crate::Document, at: usize) -> Option<Span> {
    use crate::extract::sentences::{paragraphs, sentences};
    let par = paragraphs(&doc.text, &doc.content)
        .into_iter()
        .find(|p| p.start <= at && at < p.end)?;
    sentences(par.of(&doc.text))
        .into_iter()
        .map(|s| s.shifted(par.start))
        .find(|s| at < s.end)
}

/// A coding to start from for a statement added by hand on `sentence` of
/// document `doc`: what extraction found there, else what it finds in the
/// sentence read alone, else the lexicon's first party and issue.
pub fn suggest(analysis: &Analysis, doc: usize, sentence: Span) -> Code {
    let lexicon = &analysis.lexicon;
    let text = sentence.of(&analysis.documents[doc].text);
    let code = |s: &Statement, speaker: &str| Code {
        actor: lexicon.actors()[s.actor].id.clone(),
        issue: lexicon.issues()[s.issue].id.clone(),
        stance: s.stance,
        speaker: speaker.to_string(),
    };
    if let Some(s) = analysis
        .statements
        .iter()
        .find(|s| s.doc == doc && s.sentence == sentence)
    {
        return code(s, analysis.speaker(s));
    }
    let alone = crate::Document::from_text("", text);
    if let Some(s) = crate::statements_of(doc, &alone, lexicon).first() {
        return code(s, s.speaker.of(text));
    }
    Code {
        actor: lexicon
            .actors()
            .first()
            .map_or_else(String::new, |a| a.id.clone()),
        issue: lexicon
            .issues()
            .first()
            .map_or_else(String::new, |i| i.id.clone()),
        stance: Stance::Support,
        speaker: String::new(),
    }
}
