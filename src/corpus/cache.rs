//! Remembers what each file loaded into, so reloading a folder only reads
//! the files that changed.
//!
//! A file counts as unchanged when its relative path, size and modification
//! time are the same as at the last load. It holds results only; it never
//! touches the disk itself.

use crate::model::{Document, Skipped};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Size and modification time of a file when it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    pub modified: SystemTime,
}

/// What a file loaded into: an article or a reason it is not one.
pub type Outcome = Result<Document, Skipped>;

/// Results of earlier loads of one folder. Pass the same `Cache` to
/// [`super::load_with_cache`] for each reload of that folder.
#[derive(Debug, Clone, Default)]
pub struct Cache {
    root: Option<PathBuf>,
    entries: HashMap<String, (Stamp, Outcome)>,
    reused: usize,
    /// Off for a load that is never repeated (the command line): copying
    /// every document into the cache would be work for nothing.
    forgets: bool,
}

impl Cache {
    pub fn new() -> Self {
        Cache::default()
    }

    /// A cache that remembers nothing, for a folder loaded only once.
    pub fn disabled() -> Self {
        Cache {
            forgets: true,
            ..Cache::default()
        }
    }

    /// Whether a load should hand its results to this cache.
    pub(super) fn remembers(&self) -> bool {
        !self.forgets
    }

    /// Number of files remembered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many files the last load took from the cache instead of reading them.
    pub fn reused(&self) -> usize {
        self.reused
    }

    pub fn clear(&mut self) {
        self.root = None;
        self.entries.clear();
        self.reused = 0;
    }

    /// Entries from another folder cannot describe this one.
    pub(super) fn prepare(&mut self, root: &Path) {
        if self.root.as_deref() != Some(root) {
            self.clear();
            self.root = Some(root.to_path_buf());
        }
    }

    /// The remembered result for `file` if it was read with the same stamp.
    pub(super) fn get(&self, file: &str, stamp: Stamp) -> Option<&Outcome> {
        self.entries
            .get(file)
            .filter(|(s, _)| *s == stamp)
            .map(|(_, outcome)| outcome)
    }

    /// Replace the entries with those of the load that just finished, which
    /// also forgets files that are gone.
    pub(super) fn replace(&mut self, entries: HashMap<String, (Stamp, Outcome)>, reused: usize) {
        self.entries = entries;
        self.reused = reused;
    }
}
