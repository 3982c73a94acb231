//! Finding, reading and cleaning the articles of a folder.
//!
//! Owns all file reading of the analysis. It never extracts statements.

use crate::model::{Document, Skipped, Span};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use thiserror::Error;

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

/// How far a load has come: `done` of `total` files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
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
pub fn load(
    root: &Path,
    _options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Corpus, CorpusError> {
    if !root.exists() {
        return Err(CorpusError::NotFound(root.to_path_buf()));
    }
    if !root.is_dir() {
        return Err(CorpusError::NotADirectory(root.to_path_buf()));
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(root)
        .map_err(|e| CorpusError::Unreadable {
            path: root.to_path_buf(),
            message: e.to_string(),
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let total = files.len();
    let done = AtomicUsize::new(0);
    let results: Vec<Result<Document, Skipped>> = files
        .par_iter()
        .map(|path| {
            let file = path
                .strip_prefix(root)
                .unwrap_or(path)
                .to_string_lossy()
                .into_owned();
            let r = std::fs::read_to_string(path)
                .map(|text| Document {
                    title: text.lines().next().unwrap_or("").to_string(),
                    date: None,
                    source: file.clone(),
                    content: vec![Span::new(0, text.len())],
                    text,
                    path: path.clone(),
                    file: file.clone(),
                })
                .map_err(|e| Skipped {
                    file,
                    reason: e.to_string(),
                });
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress(Progress { done: n, total });
            r
        })
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return Err(CorpusError::Cancelled);
    }
    let mut corpus = Corpus::default();
    for r in results {
        match r {
            Ok(d) => corpus.documents.push(d),
            Err(s) => corpus.skipped.push(s),
        }
    }
    Ok(corpus)
}
