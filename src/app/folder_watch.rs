//! The open folder, watched for files added, changed or removed, and the
//! changed files analysed again off the UI thread.
//!
//! The system's watcher (inotify, FSEvents, ReadDirectoryChangesW) reports
//! each write; a thread gathers the reports until the folder has been quiet
//! for [`QUIET`] and hands the UI one batch of paths, so that an editor's
//! save or a folder of articles copied in is analysed once. Reports of
//! what the analysis never reads are dropped there: hidden files (editors'
//! swap files, the temporary files of atomic writes) and the project file
//! the window itself writes on each review. This module never reads
//! articles: [`crate::reanalyze`] does.

use super::jobs::{Poll, Task, Waker};
use super::state::{AppState, Message};
use crate::corpus::{self, Changes};
use crate::{Analysis, CorpusError, LoadOptions};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// How long the folder must be quiet before its changes are analysed.
pub const QUIET: Duration = Duration::from_millis(400);

/// The longest a batch waits for quiet, so that a file written to without
/// pause is still analysed now and then.
const LONGEST: Duration = Duration::from_secs(3);

/// A folder being watched; dropping it stops the watcher and its thread.
pub struct FolderWatch {
    pub root: PathBuf,
    batches: Receiver<Vec<PathBuf>>,
    _watcher: RecommendedWatcher,
}

impl FolderWatch {
    /// Watch `root` and everything under it; the error says why the system
    /// would not (too many watches, an unreadable folder).
    pub fn start(root: &Path, waker: &Waker) -> Result<FolderWatch, String> {
        let (events_tx, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(events_tx).map_err(|e| e.to_string())?;
        // Reports name paths under the folder as the system knows it.
        let watched = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        watcher
            .watch(&watched, RecursiveMode::Recursive)
            .map_err(|e| e.to_string())?;
        let (batches_tx, batches) = mpsc::channel();
        let waker = waker.clone();
        std::thread::spawn(move || gather(&watched, &events, &batches_tx, &waker));
        Ok(FolderWatch {
            root: root.to_path_buf(),
            batches,
            _watcher: watcher,
        })
    }

    /// The paths changed in every batch that came since the last call.
    fn changed(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.batches.try_iter().flatten()
    }
}

/// Turn the watcher's reports into batches, one per burst; ends when the
/// watcher is dropped (the reports stop) or the UI is gone.
fn gather(
    root: &Path,
    events: &Receiver<notify::Result<Event>>,
    batches: &Sender<Vec<PathBuf>>,
    waker: &Waker,
) {
    while let Ok(first) = events.recv() {
        let started = Instant::now();
        let mut batch = Vec::new();
        take(root, first, &mut batch);
        loop {
            let left = LONGEST.saturating_sub(started.elapsed());
            match events.recv_timeout(QUIET.min(left)) {
                Ok(event) => take(root, event, &mut batch),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if batch.is_empty() {
            continue;
        }
        batch.sort();
        batch.dedup();
        if batches.send(batch).is_err() {
            return;
        }
        waker.wake();
    }
}

/// Add to `batch` the paths of `event` that the analysis reads.
fn take(root: &Path, event: notify::Result<Event>, batch: &mut Vec<PathBuf>) {
    match event {
        // Reading (the analysis itself reads every file) changes nothing.
        Ok(event) if matches!(event.kind, EventKind::Access(_)) => {}
        Ok(event) if !event.need_rescan() => batch.extend(
            event
                .paths
                .into_iter()
                .filter(|p| !corpus::left_out(root, p)),
        ),
        // The watcher lost track of what changed (its queue overflowed):
        // the whole folder is looked at again.
        _ => batch.push(root.to_path_buf()),
    }
}

/// The changed files being analysed again.
pub struct Reanalysis {
    task: Task<Result<(Analysis, Changes), CorpusError>>,
    cancel: Arc<AtomicBool>,
}

/// The window's side of the watch: the watcher of the open folder, the
/// changes it reported that wait for analysis, and the analysis running.
#[derive(Default)]
pub struct Watching {
    pub watch: Option<FolderWatch>,
    /// The folder that could not be watched; said once, not tried again.
    pub failed: Option<PathBuf>,
    /// Changed paths not analysed yet: they wait while a load runs.
    pending: Vec<PathBuf>,
    pub job: Option<Reanalysis>,
}

impl Watching {
    /// Forget the changes seen so far and stop their analysis: a load of the
    /// whole folder (or of another one) starts.
    pub fn supersede(&mut self) {
        self.pending.clear();
        if let Some(job) = self.job.take() {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl AppState {
    /// Watch the folder just loaded, unless it is watched already (a
    /// reload) or could not be watched before.
    pub(super) fn watch_folder(&mut self, root: &Path) {
        let watching = &mut self.watching;
        if watching.watch.as_ref().is_some_and(|w| w.root == root)
            || watching.failed.as_deref() == Some(root)
        {
            return;
        }
        watching.watch = None;
        watching.failed = None;
        watching.pending.clear();
        match FolderWatch::start(root, &self.waker) {
            Ok(watch) => watching.watch = Some(watch),
            Err(e) => {
                watching.failed = Some(root.to_path_buf());
                if self.message.is_none() {
                    self.message = Some(Message {
                        text: format!(
                            "Changes to the files of {} are not followed ({e}); press F5 after editing them.",
                            root.display()
                        ),
                        is_error: false,
                    });
                }
            }
        }
    }

    /// Take in the watcher's reports and a finished re-analysis; start one
    /// on the changes waiting when nothing else analyses the folder.
    pub(super) fn poll_watch(&mut self) {
        let watching = &mut self.watching;
        if let Some(watch) = &watching.watch {
            watching.pending.extend(watch.changed());
        }
        match watching.job.as_ref().map(|job| job.task.poll()) {
            None | Some(Poll::Pending) => {}
            Some(Poll::Ready(result)) => {
                watching.job = None;
                self.finish_reanalysis(result);
            }
            Some(Poll::Lost) => {
                watching.job = None;
                self.error("Analysing the changed files stopped unexpectedly.".into());
            }
        }
        let watching = &mut self.watching;
        if watching.pending.is_empty() || watching.job.is_some() || self.load.is_some() {
            return;
        }
        let Some(previous) = self
            .analysis
            .clone()
            .filter(|a| watching.watch.as_ref().is_some_and(|w| w.root == a.root))
        else {
            return;
        };
        let touched = std::mem::take(&mut watching.pending);
        let cancel = Arc::new(AtomicBool::new(false));
        let stop = cancel.clone();
        let task = Task::spawn(&self.waker, move || {
            crate::reanalyze(&previous, &touched, &LoadOptions::default(), &|_| {}, &stop)
        });
        watching.job = Some(Reanalysis { task, cancel });
    }

    /// Show the analysis of the changed folder as a reload would: the
    /// selected cell, the filters and the reviews stay.
    fn finish_reanalysis(&mut self, result: Result<(Analysis, Changes), CorpusError>) {
        match result {
            // Files written and removed again within one burst.
            Ok((_, changes)) if changes.is_empty() => {}
            Ok((analysis, changes)) => {
                self.message = None;
                self.show(analysis);
                // Unless reading the reviews failed, which must be seen.
                if !self.message.as_ref().is_some_and(|m| m.is_error) {
                    self.message = Some(Message {
                        text: format!("{}: re-analysed", changes.summary()),
                        is_error: false,
                    });
                }
            }
            Err(CorpusError::Cancelled) => {}
            Err(e) => self.error(format!("Could not analyse the changed files: {e}")),
        }
    }
}
