//! Work that must not run on the UI thread: loading a folder, file dialogs and
//! exports. Each runs on its own thread and reports over a channel that the UI
//! polls once per frame; the worker wakes the UI when it sends.

use crate::corpus::Cache;
use crate::{Analysis, CorpusError, Lexicon, LoadOptions, Progress};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// Asks the UI for a new frame from another thread.
#[derive(Clone, Default)]
pub struct Waker(Option<egui::Context>);

impl Waker {
    pub fn new(ctx: &egui::Context) -> Waker {
        Waker(Some(ctx.clone()))
    }

    pub fn wake(&self) {
        if let Some(ctx) = &self.0 {
            ctx.request_repaint();
        }
    }
}

/// What a poll of a background task found.
pub enum Poll<T> {
    Pending,
    Ready(T),
    /// The worker ended without an answer (it panicked).
    Lost,
}

/// One value computed on a worker thread.
pub struct Task<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Task<T> {
    pub fn spawn(waker: &Waker, work: impl FnOnce() -> T + Send + 'static) -> Task<T> {
        let (tx, rx) = mpsc::channel();
        let waker = waker.clone();
        std::thread::spawn(move || {
            // The receiver is gone when the UI no longer waits; nothing to do then.
            let _ = tx.send(work());
            waker.wake();
        });
        Task { rx }
    }

    pub fn poll(&self) -> Poll<T> {
        match self.rx.try_recv() {
            Ok(value) => Poll::Ready(value),
            Err(TryRecvError::Empty) => Poll::Pending,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }
}

/// What to load: a folder, or the files and folders dropped on the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadRequest {
    Folder(PathBuf),
    Dropped(Vec<PathBuf>),
}

/// A finished load: the analysis, and the documents to restrict the view to
/// (the dropped files, when files rather than a folder were dropped).
pub struct Loaded {
    pub analysis: Analysis,
    pub only: Vec<String>,
    pub elapsed: Duration,
    /// What was read, so that a reload re-reads only changed files.
    pub cache: Cache,
}

enum Message {
    Progress(Progress),
    /// Boxed: a finished load is large and sent once, progress is small and frequent.
    Done(Box<Result<Loaded, CorpusError>>),
}

/// A folder being analysed in the background.
pub struct LoadJob {
    pub request: LoadRequest,
    pub progress: Progress,
    cancel: Arc<AtomicBool>,
    rx: Receiver<Message>,
}

impl LoadJob {
    /// Start analysing; `cache` holds what an earlier load read (see [`Loaded::cache`]).
    pub fn start(
        request: LoadRequest,
        lexicon: Arc<Lexicon>,
        mut cache: Cache,
        waker: &Waker,
    ) -> LoadJob {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job = LoadJob {
            request: request.clone(),
            progress: Progress::START,
            cancel: cancel.clone(),
            rx,
        };
        let waker = waker.clone();
        std::thread::spawn(move || {
            let started = Instant::now();
            let (root, only) = resolve(&request);
            if let Err(e) = super::sample::ensure(&root) {
                let _ = tx.send(Message::Done(Box::new(Err(CorpusError::Unreadable {
                    path: root,
                    message: e.to_string(),
                }))));
                waker.wake();
                return;
            }
            // Once the UI has dropped the job (cancel), sends fail: stay quiet then.
            let progress = |p: Progress| {
                if tx.send(Message::Progress(p)).is_ok() {
                    waker.wake();
                }
            };
            let result = crate::analyze_with_cache(
                &root,
                lexicon,
                &LoadOptions::default(),
                &progress,
                &cancel,
                &mut cache,
            );
            let _ = tx.send(Message::Done(Box::new(result.map(|analysis| Loaded {
                analysis,
                only,
                elapsed: started.elapsed(),
                cache,
            }))));
            waker.wake();
        });
        job
    }

    /// The folder this job analyses, for display (dropped paths: the first one).
    pub fn label(&self) -> String {
        match &self.request {
            LoadRequest::Folder(path) => path.display().to_string(),
            LoadRequest::Dropped(paths) => paths
                .first()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        }
    }

    /// Ask the worker to stop; the caller drops the job and so ignores any late answer.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Drain the channel: the latest progress is kept, a result is returned.
    pub fn poll(&mut self) -> Poll<Result<Loaded, CorpusError>> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::Progress(p)) => self.progress = p,
                Ok(Message::Done(result)) => return Poll::Ready(*result),
                Err(TryRecvError::Empty) => return Poll::Pending,
                Err(TryRecvError::Disconnected) => return Poll::Lost,
            }
        }
    }
}

/// The folder to analyse for `request`, and the documents to keep in view.
///
/// Dropped files are analysed with their whole folder (the analysis works on
/// folders) and the view is restricted to them. Runs on the worker: it looks
/// at the file system.
fn resolve(request: &LoadRequest) -> (PathBuf, Vec<String>) {
    match request {
        LoadRequest::Folder(path) => (path.clone(), Vec::new()),
        LoadRequest::Dropped(paths) => {
            let first = paths.first().cloned().unwrap_or_default();
            if paths.len() == 1 && first.is_dir() {
                return (first, Vec::new());
            }
            let root = first.parent().map(Path::to_path_buf).unwrap_or_default();
            let only = paths
                .iter()
                .filter(|p| p.parent() == Some(root.as_path()))
                .filter_map(|p| p.file_name())
                .map(|name| name.to_string_lossy().into_owned())
                .collect();
            (root, only)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_files_open_their_folder_restricted_to_them() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        let (root, only) = resolve(&LoadRequest::Dropped(vec![a, b]));
        assert_eq!(root, dir.path());
        assert_eq!(only, ["a.txt", "b.txt"]);
        let (root, only) = resolve(&LoadRequest::Dropped(vec![dir.path().to_path_buf()]));
        assert_eq!(root, dir.path());
        assert!(only.is_empty());
    }
}
