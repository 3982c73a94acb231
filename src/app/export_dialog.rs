//! The export dialog: pick a format, then a file in the save dialog; the
//! library writes what is on screen (the filtered matrix) on a worker thread.

use super::dialogs::{FileDialogs, Picked};
use super::jobs::{Poll, Task, Waker};
use super::state::{AppState, Command, Message};
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
    Message(Message),
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
        let message = |text, is_error| Some(Finished::Message(Message { text, is_error }));
        match outcome {
            Outcome::Written(path, Some(warning)) => {
                message(format!("Exported to {}; {warning}.", path.display()), false)
            }
            Outcome::Written(path, None) => {
                message(format!("Exported to {}", path.display()), false)
            }
            Outcome::Failed(e) => message(format!("Export failed: {e}"), true),
            Outcome::Cancelled => None,
            Outcome::NoDialog => Some(Finished::NoDialog(format)),
        }
    }
}

/// The modal that asks for the format.
pub fn ui(ctx: &egui::Context, state: &mut AppState) {
    if !state.export.open {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("export")).show(ctx, |ui| {
        ui.heading("Export");
        ui.label("Exports the matrix and statements as filtered on screen.");
        ui.add_space(6.0);
        for format in Format::ALL {
            ui.radio_value(&mut state.export.format, format, format.label())
                .on_hover_text(format!("Suggested file: {}", format.default_file_name()));
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button("Save…")
                .on_hover_text("Choose where to save the file")
                .clicked()
            {
                state.push(Command::Export(state.export.format));
            }
            if ui
                .button("Close")
                .on_hover_text("Close without exporting")
                .clicked()
            {
                state.push(Command::ShowExport(false));
            }
        });
    });
    if modal.should_close() {
        state.push(Command::ShowExport(false));
    }
}
