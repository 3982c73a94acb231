//! The export dialog: the modal that asks for the format; the export itself
//! runs in [`super::export_job`].

use super::state::{AppState, Command};
use crate::export::Format;

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
