//! Finding, reading and cleaning the articles of a folder.
//!
//! Owns all file reading of the analysis. It never extracts statements.
//!
//! [`load`] walks the folder recursively in sorted order and reads `.txt`,
//! `.md` and `.html`/`.htm` files in parallel:
//!
//! 1. `walk`: list files, follow symlinks without looping, set aside what is
//!    not an article;
//! 2. `decode`: bytes to text (UTF-8, UTF-16, legacy code pages), refusing
//!    binary and empty files;
//! 3. `html`: pages to text and meta tags, once `nesting` has flattened
//!    elements nested too deep for the parser;
//! 4. `clean`: trimmed lines, LF line endings, and the plain-spaced copy
//!    of them that the rules (furniture, metadata, extraction) read;
//! 5. `meta`: title, date and source the text states (dates are read by
//!    `dates`, which `boilerplate` shares to tell a dateline);
//! 6. `boilerplate`: which lines are article content ([`Document::content`]);
//! 7. `duplicates`: documents with the same text as another are marked so.
//!
//! Page furniture (bylines, notices, prompts, lists of other headlines, a
//! long line the page repeats) stays in [`Document::text`] so the reader view
//! can show it, and is only left out of [`Document::content`]. A `.txt` file
//! that holds an HTML page is read as HTML.
//!
//! Every file that cannot be used ends up in [`Corpus::skipped`] with a reason;
//! the rest of the folder still loads. Only a folder that cannot be opened at
//! all, or a cancelled load, is an error.
//!
//! Reloading: [`load_with_cache`] takes a [`Cache`] from an earlier load of the
//! same folder and re-reads only files whose relative path, size or
//! modification time changed; the others are taken from the cache. [`load`]
//! is the same without a cache. [`update`] takes the documents of an earlier
//! load instead and re-reads only the files it is told have changed.

mod boilerplate;
mod cache;
mod clean;
mod dates;
mod decode;
mod duplicates;
mod html;
mod meta;
mod nesting;
mod update;
mod walk;

pub use cache::Cache;
pub use clean::{OffsetMap, Plain};
pub use update::{Changes, Updated, update};
pub use walk::left_out;

use crate::model::{Document, Skipped};
use crate::progress::{Phase, Progress};
use crate::size::readable;
use cache::{Outcome, Stamp};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use thiserror::Error;
use walk::{Format, Found};

/// Settings for loading a folder.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Files larger than this are skipped with a reason.
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: 20 * 1024 * 1024,
        }
    }
}

/// A load that could not happen at all (one bad file is never this).
#[derive(Debug, Error)]
pub enum CorpusError {
    #[error("folder not found: {0}")]
    NotFound(PathBuf),
    #[error("not a folder: {0}")]
    NotADirectory(PathBuf),
    #[error("cannot read folder {path}: {message}")]
    Unreadable { path: PathBuf, message: String },
    #[error("cancelled")]
    Cancelled,
}

/// The loaded folder: documents sorted by file, and what was skipped.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
}

/// Load every readable article under `root`.
///
/// `progress` is called from worker threads as files finish; setting
/// `cancel` stops the load with [`CorpusError::Cancelled`].
pub fn load(
    root: &Path,
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Corpus, CorpusError> {
    load_with_cache(root, options, progress, cancel, &mut Cache::disabled())
}

/// [`load`], re-reading only the files that changed since `cache` was filled.
/// On success the cache describes this load; on error it is left as it was.
pub fn load_with_cache(
    root: &Path,
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
    cache: &mut Cache,
) -> Result<Corpus, CorpusError> {
    let found = walk_folder(root)?;
    if cancel.load(Ordering::Relaxed) {
        return Err(CorpusError::Cancelled);
    }
    cache.prepare(root);
    let total = found.len();
    let done = AtomicUsize::new(0);
    let cached: &Cache = cache;
    let results: Vec<Option<(Outcome, Option<Stamp>, bool)>> = found
        .into_par_iter()
        .map(|item| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let result = match item {
                Found::Skipped(skipped) => (Err(skipped), None, false),
                Found::Article { file, path, format } => {
                    load_file(file, path, format, options, cached)
                }
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress {
                phase: Phase::Reading,
                done: n,
                total,
            });
            Some(result)
        })
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return Err(CorpusError::Cancelled);
    }
    let mut corpus = Corpus::default();
    let mut entries = HashMap::new();
    let mut reused = 0;
    let remember = cache.remembers();
    for (outcome, stamp, from_cache) in results.into_iter().flatten() {
        reused += usize::from(from_cache);
        if let Some(stamp) = stamp.filter(|_| remember) {
            let file = match &outcome {
                Ok(doc) => doc.file.clone(),
                Err(skipped) => skipped.file.clone(),
            };
            entries.insert(file, (stamp, outcome.clone()));
        }
        match outcome {
            Ok(doc) => corpus.documents.push(doc),
            Err(skipped) => corpus.skipped.push(skipped),
        }
    }
    cache.replace(entries, reused);
    corpus.documents.sort_by(|a, b| a.file.cmp(&b.file));
    corpus.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    // After caching: whose copy a file is depends on the other files.
    duplicates::mark(&mut corpus.documents);
    Ok(corpus)
}

/// The entries of the folder `root`, or why it cannot be opened at all.
fn walk_folder(root: &Path) -> Result<Vec<Found>, CorpusError> {
    match std::fs::metadata(root) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CorpusError::NotFound(root.to_path_buf()));
        }
        Err(e) => {
            return Err(CorpusError::Unreadable {
                path: root.to_path_buf(),
                message: e.to_string(),
            });
        }
        Ok(m) if !m.is_dir() => return Err(CorpusError::NotADirectory(root.to_path_buf())),
        Ok(_) => {}
    }
    walk::walk(root).map_err(|e| CorpusError::Unreadable {
        path: root.to_path_buf(),
        message: e.0,
    })
}

fn skip(file: String, reason: impl Into<String>) -> Outcome {
    Err(Skipped {
        file,
        reason: reason.into(),
    })
}

/// Read one article. Returns its outcome, the stamp under which the outcome
/// may be cached (none when the file could not be read, since that can pass)
/// and whether the outcome came from the cache.
fn load_file(
    file: String,
    path: PathBuf,
    format: Format,
    options: &LoadOptions,
    cache: &Cache,
) -> (Outcome, Option<Stamp>, bool) {
    let metadata = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) => return (skip(file, unreadable(&e)), None, false),
    };
    let size = metadata.len();
    if size > options.max_file_size {
        let reason = format!(
            "too large ({}, limit {})",
            readable(size),
            readable(options.max_file_size)
        );
        return (skip(file, reason), None, false);
    }
    let stamp = metadata
        .modified()
        .ok()
        .map(|modified| Stamp { size, modified });
    if let Some(outcome) = stamp.and_then(|s| cache.get(&file, s)) {
        return (outcome.clone(), stamp, true);
    }
    let bytes = match read_limited(&path, options.max_file_size) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            let reason = format!(
                "too large (grew past the limit of {} while loading)",
                readable(options.max_file_size)
            );
            return (skip(file, reason), None, false);
        }
        Err(e) => return (skip(file, unreadable(&e)), None, false),
    };
    let outcome = match decode::decode(&bytes) {
        Ok(decoded) => document(file, path, format, decoded),
        Err(unusable) => skip(file, unusable.to_string()),
    };
    (outcome, stamp, false)
}

fn unreadable(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::NotFound {
        "cannot read: missing (removed during loading)".to_owned()
    } else {
        format!("cannot read: {e}")
    }
}

/// The file's bytes, or `None` when it holds more than `limit` bytes: the
/// size checked before reading can be stale if the file is being written.
fn read_limited(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// A decoded file as a document: text, metadata, content spans and warnings.
fn document(file: String, path: PathBuf, format: Format, decoded: decode::Decoded) -> Outcome {
    let mut warnings: Vec<String> = decoded.warning().into_iter().collect();
    let (raw, page_meta) = if format == Format::Html || html::looks_like_html(&decoded.text) {
        let page = html::parse(&decoded.text);
        warnings.extend(page.warning);
        (page.text, Some(page.meta))
    } else {
        (decoded.text, None)
    };
    let text = clean::tidy(&raw);
    if text.is_empty() {
        return skip(file, "no text");
    }
    let plain = Plain::of(&text);
    let stated = meta::from_text(&plain.text);
    let page_meta = page_meta.unwrap_or_default();
    let content = boilerplate::content_spans(&plain.text)
        .into_iter()
        .map(|span| plain.offsets.to_tidy(span))
        .collect();
    Ok(Document {
        title: page_meta
            .title
            .or(stated.title)
            .unwrap_or_else(|| file.clone()),
        date: page_meta.date.or(stated.date),
        source: page_meta
            .source
            .or(stated.source)
            .unwrap_or_else(|| file.clone()),
        text,
        content,
        path,
        file,
        warnings,
    })
}
