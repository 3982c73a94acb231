//! stancegrid: position statements from a folder of news articles.
//!
//! ```text
//! folder ──corpus──▶ Document ──extract──▶ Statement ──matrix──▶ Cell ──export──▶ file
//!                                 ▲
//!                lexicon (RON: actors, aliases, speakers, issues, cues)
//! ```
//!
//! - [`model`]: the plain data types (documents, statements, spans, stances).
//! - [`lexicon`]: load, validate and compile the RON lexicon.
//! - [`corpus`]: find files, decode them, strip HTML and boilerplate, read metadata.
//! - [`copies`]: statements made more than once, which the matrix counts once.
//! - [`extract`]: sentences, speakers, issues and stances: pure functions on text.
//! - [`review`]: a person's decisions on statements, kept in the project file.
//! - [`matrix`]: statements into actor × issue cells, with filters.
//! - [`agreement`]: parties against each other, issue by issue, from the matrix.
//! - [`days`]: article dates as day numbers, for a timeline and a date window.
//! - [`export`]: the position table and statements in CSV, Markdown, JSON, XLSX, HTML.
//! - [`cli`]: the `stancegrid analyze` command.
//! - [`progress`]: how far an analysis has come: files read, documents analysed.
//! - [`size`]: byte counts as people read them, for messages.
//! - `app` (feature `gui`): the desktop window, a thin layer over the above.
//! - `synth` (feature `synth`, on for tests and benchmarks): seeded synthetic corpora.

pub mod agreement;
pub mod cli;
pub mod copies;
pub mod corpus;
pub mod days;
pub mod export;
pub mod extract;
pub mod lexicon;
pub mod matrix;
pub mod model;
pub mod progress;
pub mod review;
pub mod size;
#[cfg(feature = "synth")]
pub mod synth;

#[cfg(feature = "gui")]
pub mod app;

pub use copies::Copies;
pub use corpus::{CorpusError, LoadOptions};
pub use extract::Lexicon;
pub use lexicon::LexiconError;
pub use model::{
    Coding, Cue, CueKind, Document, Grade, Origin, Reviewed, Skipped, Span, Stance, Statement,
    Summary,
};
pub use progress::{Phase, Progress};

use rayon::prelude::*;
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Extraction allocates many small, short-lived vectors per sentence (the
/// facts and spans of each) on every worker thread; mimalloc serves them
/// faster than the system allocator, for every binary that links the crate.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The program's name where the system keeps its files (data folder).
pub const APP_NAME: &str = "stancegrid";

/// Everything stancegrid knows about one folder.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The folder that was opened.
    pub root: PathBuf,
    pub lexicon: Arc<Lexicon>,
    /// Analysed documents, sorted by `file`.
    pub documents: Vec<Document>,
    /// Statements in document order, then by position.
    pub statements: Vec<Statement>,
    /// Files that were not analysed, with their reasons.
    pub skipped: Vec<Skipped>,
    /// Which statements copy which, found once for every matrix built.
    pub copies: Copies,
}

impl Analysis {
    /// The analysis of these documents and their statements.
    pub fn new(
        root: PathBuf,
        lexicon: Arc<Lexicon>,
        documents: Vec<Document>,
        statements: Vec<Statement>,
        skipped: Vec<Skipped>,
    ) -> Analysis {
        let copies = Copies::find(&documents, &statements);
        Analysis {
            root,
            lexicon,
            documents,
            statements,
            skipped,
            copies,
        }
    }

    /// The text a span of statement `s` covers.
    pub fn text(&self, doc: usize, span: Span) -> &str {
        span.of(&self.documents[doc].text)
    }

    /// Who speaks in statement `s`: the name a person typed, else the
    /// speaker's words in the article.
    pub fn speaker<'a>(&'a self, s: &'a Statement) -> &'a str {
        match s.review.as_deref().and_then(|r| r.speaker.as_deref()) {
            Some(typed) => typed,
            None => self.text(s.doc, s.speaker),
        }
    }

    pub fn actor_id(&self, s: &Statement) -> &str {
        &self.lexicon.actors()[s.actor].id
    }

    pub fn issue_id(&self, s: &Statement) -> &str {
        &self.lexicon.issues()[s.issue].id
    }
}

/// Load every article under `root` and extract its statements, in parallel.
///
/// `progress` is called from worker threads as files are read, then as
/// documents are analysed; setting `cancel` stops the work early with
/// [`CorpusError::Cancelled`].
pub fn analyze(
    root: &Path,
    lexicon: Arc<Lexicon>,
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Analysis, CorpusError> {
    analyze_with_cache(
        root,
        lexicon,
        options,
        progress,
        cancel,
        &mut corpus::Cache::disabled(),
    )
}

/// [`analyze`], re-reading only the files whose size or modification time
/// changed since `cache` was filled (a reload).
pub fn analyze_with_cache(
    root: &Path,
    lexicon: Arc<Lexicon>,
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
    cache: &mut corpus::Cache,
) -> Result<Analysis, CorpusError> {
    let corpus = corpus::load_with_cache(root, options, progress, cancel, cache)?;
    let analysing = Analysing::new(&lexicon, corpus.documents.len(), progress, cancel);
    let statements: Vec<Statement> = corpus
        .documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, doc)| analysing.statements(i, doc))
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return Err(CorpusError::Cancelled);
    }
    Ok(Analysis::new(
        root.to_path_buf(),
        lexicon,
        corpus.documents,
        statements,
        corpus.skipped,
    ))
}

/// Documents being analysed on worker threads, counted as they finish.
struct Analysing<'a> {
    lexicon: &'a Lexicon,
    total: usize,
    done: AtomicUsize,
    progress: &'a (dyn Fn(Progress) + Sync),
    cancel: &'a AtomicBool,
}

impl<'a> Analysing<'a> {
    fn new(
        lexicon: &'a Lexicon,
        total: usize,
        progress: &'a (dyn Fn(Progress) + Sync),
        cancel: &'a AtomicBool,
    ) -> Self {
        Analysing {
            lexicon,
            total,
            done: AtomicUsize::new(0),
            progress,
            cancel,
        }
    }

    /// The statements of document `index`, reported as one more analysed.
    fn statements(&self, index: usize, doc: &Document) -> Vec<Statement> {
        // Once cancelled, the documents left are passed over and the caller
        // drops the result.
        if self.cancel.load(Ordering::Relaxed) {
            return Vec::new();
        }
        let statements = statements_of(index, doc, self.lexicon);
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        (self.progress)(Progress {
            phase: Phase::Analysing,
            done,
            total: self.total,
        });
        statements
    }
}

/// `previous` again after the `touched` files or folders changed on disk:
/// only they, and files new to the folder, are read and analysed; every
/// other document keeps its statements (as extraction found them, without
/// reviews). The result, and the copies found in it, are those of
/// [`analyze`] on the folder now.
pub fn reanalyze(
    previous: &Analysis,
    touched: &[PathBuf],
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<(Analysis, corpus::Changes), CorpusError> {
    let updated = corpus::update(
        &previous.root,
        &previous.documents,
        &previous.skipped,
        touched,
        options,
        progress,
        cancel,
    )?;
    let mut by_doc: Vec<Vec<&Statement>> = vec![Vec::new(); previous.documents.len()];
    for s in &previous.statements {
        by_doc[s.doc].push(s);
    }
    let lexicon = &previous.lexicon;
    let read = updated.kept.iter().filter(|k| k.is_none()).count();
    let analysing = Analysing::new(lexicon, read, progress, cancel);
    let statements: Vec<Statement> = updated
        .corpus
        .documents
        .par_iter()
        .zip(&updated.kept)
        .enumerate()
        .flat_map_iter(|(i, (doc, kept))| match kept {
            Some(before) => {
                let mut statements: Vec<Statement> = by_doc[*before]
                    .iter()
                    .map(|&s| Statement {
                        doc: i,
                        ..s.clone()
                    })
                    .collect();
                review::unreview(&mut statements);
                statements
            }
            None => analysing.statements(i, doc),
        })
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return Err(CorpusError::Cancelled);
    }
    let analysis = Analysis::new(
        previous.root.clone(),
        lexicon.clone(),
        updated.corpus.documents,
        statements,
        updated.corpus.skipped,
    );
    Ok((analysis, updated.changes))
}

/// The statements of `doc` (number `index` of its analysis), every span
/// into its own text.
///
/// Extraction reads the text with plain spaces for the tabs, odd spaces and
/// control characters the article holds ([`corpus::Plain`]), which it splits
/// words at; the spans it finds are then moved back onto the text as
/// written, so each sentence is the article's own.
pub fn statements_of(index: usize, doc: &Document, lexicon: &Lexicon) -> Vec<Statement> {
    let corpus::Plain { text, offsets } = corpus::Plain::of(&doc.text);
    let Cow::Owned(text) = text else {
        return extract::statements(index, doc, lexicon);
    };
    let plain = Document {
        file: doc.file.clone(),
        path: doc.path.clone(),
        title: doc.title.clone(),
        date: doc.date.clone(),
        source: doc.source.clone(),
        content: doc.content.iter().map(|&s| offsets.to_plain(s)).collect(),
        text,
        warnings: Vec::new(),
    };
    let mut statements = extract::statements(index, &plain, lexicon);
    for statement in &mut statements {
        statement.map_spans(|span| offsets.to_tidy(span));
    }
    statements
}
