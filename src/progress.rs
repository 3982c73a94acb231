//! How far an analysis has come, for the progress bars of the window and the
//! command line: first the files read, then the documents analysed.

use std::fmt;

/// The two stages of an analysis that a user waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// Files read, decoded and cleaned (every file found counts, skipped ones too).
    Reading,
    /// Documents whose statements have been extracted.
    Analysing,
}

/// `done` of `total` in `phase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Nothing done yet: what a bar shows before the first report.
    pub const START: Progress = Progress {
        phase: Phase::Reading,
        done: 0,
        total: 0,
    };

    /// The share of this phase that is done, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f32 / self.total as f32
        }
    }

    /// What this phase counts: "files" or "documents".
    pub fn unit(&self) -> &'static str {
        match self.phase {
            Phase::Reading => "files",
            Phase::Analysing => "documents",
        }
    }

    /// What this phase does: "reading" or "analysing".
    pub fn verb(&self) -> &'static str {
        match self.phase {
            Phase::Reading => "reading",
            Phase::Analysing => "analysing",
        }
    }
}

/// "reading 1200/2000 files", "analysing 800/1990 documents".
impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}/{} {}",
            self.verb(),
            self.done,
            self.total,
            self.unit()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_phase_says_what_it_counts() {
        let reading = Progress {
            phase: Phase::Reading,
            done: 1200,
            total: 2000,
        };
        assert_eq!(reading.to_string(), "reading 1200/2000 files");
        assert_eq!(reading.fraction(), 0.6);
        let analysing = Progress {
            phase: Phase::Analysing,
            done: 800,
            total: 1990,
        };
        assert_eq!(analysing.to_string(), "analysing 800/1990 documents");
        assert_eq!(Progress::START.fraction(), 0.0);
    }
}
