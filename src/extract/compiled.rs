//! The lexicon compiled for extraction: its validated source with the
//! matchers built once from it, shared by every document analysed.

use super::Matchers;
use crate::lexicon::{Actor, DEFAULT_LEXICON, Issue, LexiconError, LexiconSource};
use std::path::Path;

/// A validated lexicon with its matchers compiled.
#[derive(Debug)]
pub struct Lexicon {
    pub source: LexiconSource,
    pub(crate) matchers: Matchers,
}

impl Lexicon {
    /// The embedded default lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(DEFAULT_LEXICON, "assets/lexicon.ron")
            .expect("the embedded lexicon is valid (checked by tests)")
    }

    /// Read and compile a lexicon file.
    pub fn from_file(path: &Path) -> Result<Lexicon, LexiconError> {
        LexiconSource::from_file(path).map(Lexicon::compile)
    }

    /// Parse and compile RON text; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Lexicon, LexiconError> {
        LexiconSource::parse(text, origin).map(Lexicon::compile)
    }

    fn compile(source: LexiconSource) -> Lexicon {
        let matchers = Matchers::compile(&source);
        Lexicon { source, matchers }
    }

    pub fn actors(&self) -> &[Actor] {
        &self.source.actors
    }

    pub fn issues(&self) -> &[Issue] {
        &self.source.issues
    }

    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.source.actors.iter().position(|a| a.id == id)
    }

    pub fn issue_index(&self, id: &str) -> Option<usize> {
        self.source.issues.iter().position(|i| i.id == id)
    }
}
