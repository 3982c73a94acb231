//! The lexicon file in force, watched for changes: its size and modification
//! time are compared at most once a second, which costs one `stat` and needs
//! no watcher thread or crate.

use crate::{Lexicon, LexiconError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How often the file is looked at.
pub const INTERVAL: Duration = Duration::from_secs(1);

/// What the file looked like: `None` while it cannot be read (an editor
/// may delete and re-create it on save).
type Stamp = Option<(u64, Option<SystemTime>)>;

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path)
        .ok()
        .map(|m| (m.len(), m.modified().ok()))
}

pub struct LexiconWatch {
    pub path: PathBuf,
    seen: Stamp,
    checked: Instant,
}

impl LexiconWatch {
    /// Watch `path` from its current state on.
    pub fn new(path: PathBuf) -> LexiconWatch {
        LexiconWatch {
            seen: stamp(&path),
            path,
            checked: Instant::now(),
        }
    }

    /// True once each time the file has changed since the last look; looks
    /// at most once per [`INTERVAL`].
    pub fn changed(&mut self) -> bool {
        if self.checked.elapsed() < INTERVAL {
            return false;
        }
        self.checked = Instant::now();
        let now = stamp(&self.path);
        let changed = now != self.seen;
        self.seen = now;
        changed
    }
}

/// Read and compile a lexicon file; a failure says where, for the panel and
/// the status bar.
pub fn load(path: &Path) -> Result<Lexicon, String> {
    Lexicon::from_file(path).map_err(|e| describe(&e))
}

fn describe(error: &LexiconError) -> String {
    match error {
        LexiconError::Syntax {
            origin,
            line,
            column,
            message,
        } => format!("{origin}, line {line}, column {column}: {message}"),
        other => other.to_string(),
    }
}
