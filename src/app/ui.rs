//! The frame: panels in a fixed order, then the queued commands.

use super::prefs;
use super::state::{AppState, Command, PathPurpose};
use super::{
    active_filters, evidence, export_dialog, filter_form, filters, help, matrix_view, path_entry,
    reader, table_view, theme,
};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Draw the whole window for one frame and apply what the user did.
pub fn draw(ui: &mut egui::Ui, state: &mut AppState) {
    state.set_waker(ui.ctx());
    state.poll();
    let wanted = theme::egui_theme(state.prefs.theme);
    if ui.ctx().theme() != wanted {
        ui.ctx().set_theme(wanted);
    }
    shortcuts(ui.ctx(), state);
    dropped(ui.ctx(), state);

    egui::Panel::top("toolbar").show(ui, |ui| toolbar(ui, state));
    egui::Panel::top("filters").show(ui, |ui| filters::ui(ui, state));
    if !filter_form::chips(&state.prefs.filter).is_empty()
        || active_filters::empty_reason(state).is_some()
    {
        egui::Panel::top("active_filters").show(ui, |ui| active_filters::ui(ui, state));
    }
    egui::Panel::bottom("status").show(ui, |ui| status_bar(ui, state));
    if state.evidence.is_some() {
        egui::Panel::right("evidence")
            .default_size(440.0)
            .min_size(280.0)
            .show(ui, |ui| evidence::ui(ui, state));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if state.reader.is_some() {
            reader::ui(ui, state);
        } else if state.table.open {
            table_view::ui(ui, state);
        } else {
            matrix_view::ui(ui, state);
        }
    });
    export_dialog::ui(ui.ctx(), state);
    path_entry::ui(ui.ctx(), state);
    help::ui(ui.ctx(), state);
    skipped_window(ui.ctx(), state);
    if state.apply_queued() {
        ui.ctx().request_repaint();
    }
    if state.is_busy() {
        // Workers wake the UI when they send; this catches a wake-up that
        // raced with the end of the frame.
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    }
}

fn shortcuts(ctx: &egui::Context, state: &mut AppState) {
    let pressed = |key| {
        ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
    };
    if pressed(Key::O) {
        state.push(Command::PickFolder);
    }
    if pressed(Key::L) {
        state.push(Command::TypePath(PathPurpose::OpenFolder));
    }
    if pressed(Key::E) {
        state.push(Command::ShowExport(true));
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F5)) {
        state.push(Command::Reload);
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F1)) {
        state.push(Command::ShowHelp(!state.show_help));
    }
    // T is a letter: typed into a field, it is text, not the shortcut.
    if !ctx.text_edit_focused() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::T)) {
        state.push(toggle_table(state));
    }
}

fn toggle_table(state: &AppState) -> Command {
    if state.table.open {
        Command::HideTable
    } else {
        Command::ShowTable {
            actor: None,
            issue: None,
        }
    }
}

fn dropped(ctx: &egui::Context, state: &mut AppState) {
    let paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    if !paths.is_empty() {
        state.push(Command::OpenDropped(paths));
    }
}

fn toolbar(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        ui.strong("stancegrid");
        ui.separator();
        if ui
            .button("Open folder…")
            .on_hover_text("Open a folder of articles (Ctrl+O); you can also drop a folder or files on the window")
            .clicked()
        {
            state.push(Command::PickFolder);
        }
        if ui
            .button("Open path…")
            .on_hover_text("Type or paste the path of a folder to open (Ctrl+L)")
            .clicked()
        {
            state.push(Command::TypePath(PathPurpose::OpenFolder));
        }
        ui.menu_button("Recent", |ui| {
            if state.prefs.recent.is_empty() {
                ui.weak("No recent folders");
            }
            for folder in state.prefs.recent.clone() {
                if ui.button(folder.display().to_string()).clicked() {
                    state.push(Command::Open(folder));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("Folders you opened before");
        let can_reload = state.folder().is_some() || state.prefs.last_folder.is_some();
        if ui
            .add_enabled(can_reload, egui::Button::new("Reload"))
            .on_hover_text("Read the folder again (F5)")
            .clicked()
        {
            state.push(Command::Reload);
        }
        if ui
            .add_enabled(state.analysis.is_some(), egui::Button::new("Export…"))
            .on_hover_text("Save what is on screen as CSV, XLSX, Markdown, JSON or HTML (Ctrl+E)")
            .clicked()
        {
            state.push(Command::ShowExport(true));
        }
        if ui
            .add_enabled(
                state.analysis.is_some(),
                egui::Button::selectable(state.table.open, "Table"),
            )
            .on_hover_text("List the statements shown as a sortable table instead of the matrix (T)")
            .clicked()
        {
            state.push(toggle_table(state));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let other = match state.prefs.theme {
                prefs::Theme::Dark => "Light theme",
                prefs::Theme::Light => "Dark theme",
            };
            if ui.button(other).on_hover_text("Switch between light and dark colours").clicked() {
                state.push(Command::ToggleTheme);
            }
            if ui
                .button("Help")
                .on_hover_text("Keys and what the marks and colours mean (F1)")
                .clicked()
            {
                state.push(Command::ShowHelp(!state.show_help));
            }
        });
    });
}

fn status_bar(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal(|ui| {
        if let Some(job) = &state.load {
            let p = job.progress;
            ui.label(format!("Opening {}", job.label()));
            ui.add(
                egui::ProgressBar::new(p.fraction())
                    .desired_width(200.0)
                    .text(p.to_string()),
            );
            if ui
                .button("Cancel")
                .on_hover_text("Stop loading; the previous folder stays open")
                .clicked()
            {
                state.push(Command::CancelLoad);
            }
            ui.separator();
        }
        if let Some(analysis) = state.analysis.clone() {
            ui.label(analysis.root.display().to_string());
            ui.separator();
            let shown = state.matrix.total().total();
            ui.label(format!(
                "{} documents · {} of {} statements shown",
                analysis.documents.len(),
                shown,
                analysis.copies.distinct()
            ));
            if !analysis.skipped.is_empty()
                && ui
                    .link(format!("{} skipped", analysis.skipped.len()))
                    .on_hover_text("Which files were not analysed, and why")
                    .clicked()
            {
                state.push(Command::ShowSkipped(true));
            }
            let warnings: usize = analysis.documents.iter().map(|d| d.warnings.len()).sum();
            if warnings > 0
                && ui
                    .link(match warnings {
                        1 => "1 warning".to_string(),
                        n => format!("{n} warnings"),
                    })
                    .on_hover_text(
                        "Files read with changes (bad bytes replaced, deep HTML flattened) or copies of others",
                    )
                    .clicked()
            {
                state.push(Command::ShowSkipped(true));
            }
            if let Some(time) = state.load_time {
                ui.weak(format!("loaded in {time:.1?}"));
            }
        }
        if state.export.is_busy() {
            ui.spinner();
            ui.label("Exporting…");
        }
        if let Some(message) = state.message.clone() {
            ui.separator();
            let color = if message.is_error {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(color, &message.text);
            if ui
                .small_button("Dismiss")
                .on_hover_text("Hide this message")
                .clicked()
            {
                state.push(Command::DismissMessage);
            }
        }
    });
}

fn skipped_window(ctx: &egui::Context, state: &mut AppState) {
    let Some(analysis) = state.analysis.clone() else {
        return;
    };
    let mut open = state.show_skipped;
    egui::Window::new("Skipped files and warnings")
        .open(&mut open)
        .default_width(520.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(400.0)
                .show(ui, |ui| {
                    egui::Grid::new("skipped").striped(true).show(ui, |ui| {
                        for skipped in &analysis.skipped {
                            ui.label(&skipped.file);
                            ui.label(format!("skipped: {}", skipped.reason));
                            ui.end_row();
                        }
                        for doc in &analysis.documents {
                            for warning in &doc.warnings {
                                ui.label(&doc.file);
                                ui.label(format!("read, but {warning}"));
                                ui.end_row();
                            }
                        }
                    });
                });
        });
    if open != state.show_skipped {
        state.push(Command::ShowSkipped(open));
    }
}
