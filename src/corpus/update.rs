//! The corpus after some of its files changed on disk: the folder is walked
//! again (directory entries only), the files said to have changed and those
//! that are new are read, and every other document is taken from the load
//! before. What comes out is what [`super::load`] would give for the folder
//! now, as long as the files not named are as they were.
//!
//! It reads only the files it must; it never extracts statements.

use super::walk::{self, Format, Found};
use super::{Cache, Corpus, CorpusError, LoadOptions, Outcome, duplicates, load_file};
use crate::model::{Document, Skipped};
use crate::progress::{Phase, Progress};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Which files of the folder an update found changed, added or removed, by
/// their paths relative to the folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Articles there before and now, read again.
    pub changed: Vec<String>,
    /// Files there now and not before (articles or not).
    pub added: Vec<String>,
    /// Files there before and not now.
    pub removed: Vec<String>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }

    /// The changes in words: "2 files changed, 1 added", "1 file removed".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [
            (self.changed.len(), "changed"),
            (self.added.len(), "added"),
            (self.removed.len(), "removed"),
        ]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .enumerate()
        .map(|(i, (n, what))| match (i, n) {
            (0, 1) => format!("1 file {what}"),
            (0, n) => format!("{n} files {what}"),
            (_, n) => format!("{n} {what}"),
        })
        .collect();
        parts.join(", ")
    }
}

/// The corpus of an update, and where each of its documents came from.
#[derive(Debug, Clone, Default)]
pub struct Updated {
    pub corpus: Corpus,
    /// Per document of `corpus`, its index among the previous documents when
    /// it was taken from them; `None` when it was read now.
    pub kept: Vec<Option<usize>>,
    pub changes: Changes,
}

/// What becomes of one entry of the walk.
enum Entry {
    /// The previous document of this index.
    Kept(usize),
    /// Known without reading: set aside by the walk, or skipped before.
    Known(Outcome),
    Read {
        file: String,
        path: PathBuf,
        format: Format,
    },
}

/// The corpus of `root` now, from the `documents` and `skipped` files of an
/// earlier load of it and the `touched` paths (files or folders, under
/// `root` or relative to it) that changed since. `progress` counts the files read.
pub fn update(
    root: &Path,
    documents: &[Document],
    skipped: &[Skipped],
    touched: &[PathBuf],
    options: &LoadOptions,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Updated, CorpusError> {
    let found = super::walk_folder(root)?;
    let touched = Touched::new(root, touched);
    let kept: HashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file.as_str(), i))
        .collect();
    let skipped_before: HashMap<&str, &Skipped> =
        skipped.iter().map(|s| (s.file.as_str(), s)).collect();
    let plan: Vec<Entry> = found
        .into_iter()
        .map(|item| match item {
            Found::Skipped(skipped) => Entry::Known(Err(skipped)),
            Found::Article { file, path, format } => {
                if !touched.covers(&file) {
                    if let Some(&i) = kept.get(file.as_str()) {
                        return Entry::Kept(i);
                    }
                    if let Some(&skipped) = skipped_before.get(file.as_str()) {
                        return Entry::Known(Err(skipped.clone()));
                    }
                }
                Entry::Read { file, path, format }
            }
        })
        .collect();
    let total = plan
        .iter()
        .filter(|e| matches!(e, Entry::Read { .. }))
        .count();
    let done = AtomicUsize::new(0);
    // Nothing is cached: the files to read are those that changed.
    let no_cache = Cache::disabled();
    // Per entry: the previous document it is, what it loaded into, and
    // whether it was read now; `None` once cancelled.
    let outcomes: Option<Vec<(Option<usize>, Outcome, bool)>> = plan
        .into_par_iter()
        .map(|entry| match entry {
            Entry::Kept(i) => Some((Some(i), Ok(documents[i].clone()), false)),
            Entry::Known(outcome) => Some((None, outcome, false)),
            Entry::Read { .. } if cancel.load(Ordering::Relaxed) => None,
            Entry::Read { file, path, format } => {
                let (outcome, _, _) = load_file(file, path, format, options, &no_cache);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(Progress {
                    phase: Phase::Reading,
                    done: n,
                    total,
                });
                Some((None, outcome, true))
            }
        })
        .collect();
    let Some(outcomes) = outcomes.filter(|_| !cancel.load(Ordering::Relaxed)) else {
        return Err(CorpusError::Cancelled);
    };
    let before: HashSet<&str> = documents
        .iter()
        .map(|d| d.file.as_str())
        .chain(skipped.iter().map(|s| s.file.as_str()))
        .collect();
    let mut changes = Changes::default();
    let mut now = HashSet::new();
    let mut read: Vec<(Document, Option<usize>)> = Vec::new();
    let mut corpus = Corpus::default();
    for (from, outcome, was_read) in outcomes {
        let file = match &outcome {
            Ok(doc) => doc.file.clone(),
            Err(skipped) => skipped.file.clone(),
        };
        if !before.contains(file.as_str()) {
            changes.added.push(file.clone());
        } else if was_read {
            changes.changed.push(file.clone());
        }
        now.insert(file);
        match outcome {
            Ok(doc) => read.push((doc, from)),
            Err(skipped) => corpus.skipped.push(skipped),
        }
    }
    changes.removed = before
        .iter()
        .filter(|file| !now.contains(**file))
        .map(|file| file.to_string())
        .collect();
    changes.removed.sort();
    read.sort_by(|(a, _), (b, _)| a.file.cmp(&b.file));
    corpus.skipped.sort_by(|a, b| a.file.cmp(&b.file));
    let (mut docs, kept): (Vec<Document>, Vec<Option<usize>>) = read.into_iter().unzip();
    // A kept document may have been the copy of one that changed or went.
    duplicates::unmark(&mut docs);
    duplicates::mark(&mut docs);
    corpus.documents = docs;
    Ok(Updated {
        corpus,
        kept,
        changes,
    })
}

/// The changed paths as the walk names files: relative, with `/`.
struct Touched {
    files: Vec<String>,
    /// The folder itself changed (an event that asks for a rescan).
    all: bool,
}

impl Touched {
    fn new(root: &Path, paths: &[PathBuf]) -> Touched {
        // A watcher may report paths under the folder's canonical form.
        let canonical = root.canonicalize().ok();
        let mut files = Vec::new();
        let mut all = false;
        for path in paths {
            let rel = path
                .strip_prefix(root)
                .ok()
                .or_else(|| path.strip_prefix(canonical.as_deref()?).ok())
                .or_else(|| path.is_relative().then_some(path.as_path()));
            match rel {
                Some(rel) if rel.as_os_str().is_empty() => all = true,
                Some(rel) => files.push(walk::relative(Path::new(""), rel)),
                None => {}
            }
        }
        Touched { files, all }
    }

    /// Whether `file` is a changed path or lies in a changed folder.
    fn covers(&self, file: &str) -> bool {
        self.all
            || self.files.iter().any(|t| {
                file.strip_prefix(t.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_counted_in_words() {
        let files = |n: usize| vec![String::new(); n];
        let changes = Changes {
            changed: files(2),
            added: files(1),
            removed: Vec::new(),
        };
        assert_eq!(changes.summary(), "2 files changed, 1 added");
        let changes = Changes {
            removed: files(1),
            ..Changes::default()
        };
        assert_eq!(changes.summary(), "1 file removed");
        assert!(Changes::default().is_empty());
    }

    #[test]
    fn a_changed_folder_covers_its_files_only() {
        let root = Path::new("/data/corpus");
        let touched = Touched::new(root, &[root.join("sub"), root.join("a.txt")]);
        assert!(touched.covers("sub/b.txt"));
        assert!(touched.covers("a.txt"));
        assert!(!touched.covers("subway.txt"));
        assert!(!touched.covers("a.txt.bak"));
        assert!(!touched.covers("other/a.txt"));
        assert!(Touched::new(root, &[root.to_path_buf()]).covers("x/y.txt"));
        let elsewhere = Touched::new(root, &[PathBuf::from("/tmp/a.txt")]);
        assert!(!elsewhere.covers("a.txt"));
    }
}
