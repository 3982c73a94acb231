//! Extraction: from a document's text to position statements.
//!
//! Pure functions over text and a compiled lexicon; no I/O.

use crate::lexicon::{Lexicon, LexiconSource};
use crate::model::{Document, Statement};

/// The lexicon's matchers, compiled once.
#[derive(Debug, Default)]
pub struct Matchers {}

impl Matchers {
    pub fn compile(_source: &LexiconSource) -> Matchers {
        Matchers {}
    }
}

/// Every position statement of `doc` (document index `doc_index`).
pub fn statements(_doc_index: usize, _doc: &Document, _lexicon: &Lexicon) -> Vec<Statement> {
    Vec::new()
}
