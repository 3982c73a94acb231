//! The export dialog: pick a format, then a file in the save dialog; the
//! library writes what is on screen (the filtered matrix) on a worker thread.

use super::dialogs::FileDialogs;
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
}

/// `None`: the user cancelled the save dialog. A written file comes with
/// what the format made the export change, if anything.
type Outcome = Option<Result<(PathBuf, Option<String>), String>>;

pub struct ExportDialog {
    pub open: bool,
    pub format: Format,
    task: Option<Task<Outcome>>,
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
        self.task = Some(Task::spawn(waker, move || {
            let format = job.format;
            let path = job.dialogs.save_file(
                &format.default_file_name(),
                format.label(),
                format.extension(),
            )?;
            Some(
                export::write_with_changes(&path, format, &job.analysis, &job.matrix)
                    .map(|changes| (path, changes.warning()))
                    .map_err(|e| e.to_string()),
            )
        }));
    }

    /// The message for a finished export, if one finished.
    pub fn poll(&mut self) -> Option<Message> {
        let outcome = match self.task.as_ref()?.poll() {
            Poll::Pending => return None,
            Poll::Ready(outcome) => outcome,
            Poll::Lost => Some(Err("the export stopped unexpectedly".into())),
        };
        self.task = None;
        match outcome? {
            Ok((path, warning)) => Some(Message {
                text: match warning {
                    Some(warning) => format!("Exported to {}; {warning}.", path.display()),
                    None => format!("Exported to {}", path.display()),
                },
                is_error: false,
            }),
            Err(e) => Some(Message {
                text: format!("Export failed: {e}"),
                is_error: true,
            }),
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
