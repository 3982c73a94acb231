//! An export on a worker thread: the save dialog (unless a path was typed),
//! then the library writes what is on screen (the filtered matrix). The
//! state owns one [`ExportDialog`]; the modal only reads and sets it.

use super::dialogs::{FileDialogs, Picked};
use super::jobs::{Poll, Task, Waker};
use crate::Analysis;
use crate::export::{self, Format};
use crate::matrix::Matrix;
use std::path::PathBuf;
use std::sync::Arc;

/// An export to run: everything the worker needs, owned.
pub struct Job {
    pub format: Format,
    pub analysis: Arc<Analysis>,
    pub matrix: Matrix,
    pub dialogs: Arc<dyn FileDialogs>,
    /// A path the user typed; without one the save dialog asks.
    pub target: Option<PathBuf>,
}

/// How an export ended.
enum Outcome {
    /// Written, with what the format made the export change, if anything.
    Written(PathBuf, Option<String>),
    Failed(String),
    /// The user cancelled the save dialog.
    Cancelled,
    /// No save dialog could be shown.
    NoDialog,
}

/// What a finished export asks of the window.
pub enum Finished {
    /// Written: say where (and what the format changed).
    Exported(String),
    Failed(String),
    /// Ask for a typed path for an export in this format.
    NoDialog(Format),
}

pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    task: Option<(Format, Task<Outcome>)>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            format: Format::PositionsCsv,
            task: None,
        }
    }
}

impl ExportDialog {
    pub fn is_busy(&self) -> bool {
        self.task.is_some()
    }

    pub fn start(&mut self, job: Job, waker: &Waker) {
        let format = job.format;
        let task = Task::spawn(waker, move || {
            let path = match job.target {
                Some(path) => path,
                None => match job.dialogs.save_file(
                    &format.default_file_name(),
                    format.label(),
                    format.extension(),
                ) {
                    Picked::Path(path) => path,
                    Picked::Cancelled => return Outcome::Cancelled,
                    Picked::Unavailable => return Outcome::NoDialog,
                },
            };
            match export::write_with_changes(&path, format, &job.analysis, &job.matrix) {
                Ok(changes) => Outcome::Written(path, changes.warning()),
                Err(e) => Outcome::Failed(e.to_string()),
            }
        });
        self.task = Some((format, task));
    }

    /// What a finished export asks of the window, if one finished.
    pub fn poll(&mut self) -> Option<Finished> {
        let (format, task) = self.task.as_ref()?;
        let format = *format;
        let outcome = match task.poll() {
            Poll::Pending => return None,
            Poll::Ready(outcome) => outcome,
            Poll::Lost => Outcome::Failed("the export stopped unexpectedly".into()),
        };
        self.task = None;
        match outcome {
            Outcome::Written(path, Some(warning)) => Some(Finished::Exported(format!(
                "Exported to {}; {warning}.",
                path.display()
            ))),
            Outcome::Written(path, None) => Some(Finished::Exported(format!(
                "Exported to {}",
                path.display()
            ))),
            Outcome::Failed(e) => Some(Finished::Failed(format!("Export failed: {e}"))),
            Outcome::Cancelled => None,
            Outcome::NoDialog => Some(Finished::NoDialog(format)),
        }
    }
}
