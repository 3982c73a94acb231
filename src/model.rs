//! Plain data types shared by every stage: documents, statements, spans, stances.
//!
//! Nothing here does I/O or analysis; these are the values that flow from the
//! corpus loader through extraction into the matrix and the exports.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::PathBuf;

/// A byte range into a [`Document`]'s `text`; always on char boundaries.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers; empty if the span does not fit `text`.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// This span moved by `offset` bytes (from sentence- to document-relative).
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
}

/// Where one actor stands on one issue in one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Support,
    Oppose,
    Conditional,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Support, Stance::Oppose, Stance::Conditional];

    /// The stance of one who stands against a party taking this one
    /// (denying it, accusing it): support and opposition swap.
    pub fn reversed(self) -> Stance {
        match self {
            Stance::Support => Stance::Oppose,
            Stance::Oppose => Stance::Support,
            Stance::Conditional => Stance::Conditional,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Conditional => "conditional",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The summary of a matrix cell: one stance, or `Mixed` when support and
/// opposition both occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Summary {
    Support,
    Oppose,
    Conditional,
    Mixed,
}

impl Summary {
    pub fn as_str(self) -> &'static str {
        match self {
            Summary::Support => "support",
            Summary::Oppose => "oppose",
            Summary::Conditional => "conditional",
            Summary::Mixed => "mixed",
        }
    }
}

/// A single stance as a cell summary, so that it shares glyph and colour.
impl From<Stance> for Summary {
    fn from(stance: Stance) -> Summary {
        match stance {
            Stance::Support => Summary::Support,
            Stance::Oppose => Summary::Oppose,
            Stance::Conditional => Summary::Conditional,
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One article as loaded: cleaned text plus metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the opened folder, with `/` separators.
    pub file: String,
    /// Absolute (or as-given) path on disk; not exported.
    #[serde(skip)]
    pub path: PathBuf,
    pub title: String,
    /// ISO date `YYYY-MM-DD` when the article states one; never invented.
    pub date: Option<String>,
    /// A URL from the article, else the file name.
    pub source: String,
    /// The article text every span points into: LF line endings, lines
    /// trimmed, otherwise as written (tabs, odd spaces and control
    /// characters included), so a sentence cut from it is the article's own.
    /// Page furniture stays in it, so the reader view shows the page as
    /// saved; `content` says which lines are the article.
    #[serde(skip)]
    pub text: String,
    /// Byte ranges of `text` that are article content (lines that are not
    /// boilerplate); extraction only looks inside these.
    #[serde(skip)]
    pub content: Vec<Span>,
    /// What loading had to change to read the file (markup nested too deep
    /// to parse in good time, bytes invalid in its encoding), or whose copy
    /// it is, for the user to see beside the skipped files; empty for most
    /// files.
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl Document {
    /// A document of `text` alone, all of it content, with no metadata: for
    /// analysing a sentence or a pasted text without a file.
    pub fn from_text(file: &str, text: &str) -> Document {
        Document {
            file: file.to_string(),
            path: PathBuf::from(file),
            title: String::new(),
            date: None,
            source: String::new(),
            content: vec![Span::new(0, text.len())],
            text: text.to_string(),
            warnings: Vec::new(),
        }
    }
}

/// A file of the folder that was not analysed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// What a cue word decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueKind {
    Actor,
    Issue,
    Stance,
}

/// A word or phrase of the document that decided part of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cue {
    pub kind: CueKind,
    pub span: Span,
}

/// One position statement: an actor's stance on an issue, with its evidence.
/// Holds spans into the document, never copies of its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Index into [`crate::Analysis::documents`].
    pub doc: usize,
    /// Index into the lexicon's actors.
    pub actor: usize,
    /// Index into the lexicon's issues.
    pub issue: usize,
    pub stance: Stance,
    /// The speaker as written (for a pronoun, the name it refers back to).
    pub speaker: Span,
    pub sentence: Span,
    pub quote: Option<Span>,
    pub cues: Vec<Cue>,
    /// How extraction found it; `None` for a statement a person added.
    #[serde(default)]
    pub grade: Option<Grade>,
    /// What a person decided about it; `None` while nobody has.
    #[serde(default)]
    pub review: Option<Box<Reviewed>>,
}

impl Statement {
    /// A statement with no quote, no cues, no grade and no review: what a
    /// test or a benchmark builds by hand.
    pub fn new(
        doc: usize,
        actor: usize,
        issue: usize,
        stance: Stance,
        speaker: Span,
        sentence: Span,
    ) -> Statement {
        Statement {
            doc,
            actor,
            issue,
            stance,
            speaker,
            sentence,
            quote: None,
            cues: Vec::new(),
            grade: None,
            review: None,
        }
    }

    pub fn origin(&self) -> Origin {
        self.review.as_ref().map_or(Origin::Automatic, |r| r.origin)
    }

    /// Rejected by a person: listed, struck through, never counted.
    pub fn is_rejected(&self) -> bool {
        self.review.as_ref().is_some_and(|r| r.rejected)
    }

    /// Decided by a person: accepted, rejected, re-coded or added (a note
    /// alone decides nothing).
    pub fn is_reviewed(&self) -> bool {
        self.is_rejected() || self.origin() != Origin::Automatic
    }

    pub fn note(&self) -> &str {
        self.review.as_ref().map_or("", |r| r.note.as_str())
    }

    /// Pass every span of the statement through `to`: for moving it from
    /// the offsets of one copy of its document's text to another's.
    pub fn map_spans(&mut self, to: impl Fn(Span) -> Span) {
        self.speaker = to(self.speaker);
        self.sentence = to(self.sentence);
        self.quote = self.quote.map(&to);
        for cue in &mut self.cues {
            cue.span = to(cue.span);
        }
    }
}

/// How a statement was found, strongest evidence first: the order in which
/// a reviewer can trust it without reading around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// A direct quotation, its speaker named in the sentence.
    Quote,
    /// Reported speech of a person named in the sentence.
    Reported,
    /// The article says where a party stands, no person speaking.
    Narration,
    /// The speaker was found in another sentence (a pronoun, "the plan").
    Reference,
}

impl Grade {
    pub const ALL: [Grade; 4] = [
        Grade::Quote,
        Grade::Reported,
        Grade::Narration,
        Grade::Reference,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Quote => "quote",
            Grade::Reported => "reported",
            Grade::Narration => "narration",
            Grade::Reference => "reference",
        }
    }

    /// What the grade means, for a tooltip.
    pub fn explain(self) -> &'static str {
        match self {
            Grade::Quote => "A direct quotation; the speaker is named in the sentence.",
            Grade::Reported => "Reported speech; the person speaking is named in the sentence.",
            Grade::Narration => "The article states the party's position; no person speaks.",
            Grade::Reference => {
                "The speaker was found in another sentence (a pronoun, \"the plan\"): check it."
            }
        }
    }
}

/// Who decided a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Found by extraction, not reviewed.
    Automatic,
    /// Found by extraction and confirmed by a person.
    Accepted,
    /// Found by extraction, coded otherwise by a person.
    Recoded,
    /// Added by a person.
    Added,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Automatic => "automatic",
            Origin::Accepted => "accepted",
            Origin::Recoded => "recoded",
            Origin::Added => "added",
        }
    }
}

/// A person's decision on a statement, as the analysis applies it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviewed {
    /// The review's index in the project it was applied from.
    pub review: usize,
    pub origin: Origin,
    pub rejected: bool,
    pub note: String,
    /// The speaker a person typed, when it is not the span's text.
    pub speaker: Option<String>,
    /// Extraction's coding before a person changed it (`recoded` only).
    pub original: Option<Coding>,
}

/// A coding of a statement by lexicon indices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coding {
    pub actor: usize,
    pub issue: usize,
    pub stance: Stance,
    pub speaker: String,
}
