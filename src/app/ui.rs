//! The frame: panels in a fixed order, then the queued commands.

use super::prefs;
use super::reviewing::Act;
use super::state::{AppState, Command, PathPurpose};
use super::{
    active_filters, agreement_view, date_window, evidence, export_dialog, filter_form, filters,
    help, lexicon_panel, lexicon_watch, matrix_view, path_entry, reader, review_form, table_view,
    theme,
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
    if state.analysis.is_some() {
        egui::Panel::top("date_window").show(ui, |ui| date_window::ui(ui, state));
    }
    if !filter_form::chips(&state.prefs.filter).is_empty()
        || active_filters::empty_reason(state).is_some()
    {
        egui::Panel::top("active_filters").show(ui, |ui| active_filters::ui(ui, state));
    }
    egui::Panel::bottom("status").show(ui, |ui| status_bar(ui, state));
    if state.show_lexicon {
        egui::Panel::left("lexicon")
            .default_size(300.0)
            .min_size(200.0)
            .show(ui, |ui| lexicon_panel::ui(ui, state));
    }
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
        } else if state.agreement.open {
            agreement_view::ui(ui, state);
        } else {
            matrix_view::ui(ui, state);
        }
    });
    export_dialog::ui(ui.ctx(), state);
    path_entry::ui(ui.ctx(), state);
    review_form::ui(ui.ctx(), state);
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
    if state.lexicon_watch.is_some() {
        // Frames are drawn only on input; the watched file is looked at in them.
        ui.ctx().request_repaint_after(lexicon_watch::INTERVAL);
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
    // A plain letter: only while no text field takes it.
    if !ctx.text_edit_focused() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::L)) {
        state.push(Command::ShowLexicon(!state.show_lexicon));
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
    if !ctx.text_edit_focused() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::G)) {
        state.push(Command::ShowAgreement(!state.agreement.open));
    }
    review_keys(ctx, state);
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

/// A, R, E, N and their Shift forms act on the statement in focus or the
/// open cell; Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo. Letters
/// are left to a text field that has the keyboard.
fn review_keys(ctx: &egui::Context, state: &mut AppState) {
    let chord = |modifiers, key| {
        ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(modifiers, key)))
    };
    // Ctrl+Shift+Z first: the shortcut matcher lets Ctrl+Z match it too.
    if chord(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) || chord(Modifiers::COMMAND, Key::Y) {
        state.push(Command::Redo);
    } else if chord(Modifiers::COMMAND, Key::Z) {
        state.push(Command::Undo);
    }
    if ctx.text_edit_focused() || state.reviews.form.is_some() || state.export.open {
        return;
    }
    if chord(Modifiers::SHIFT, Key::A) {
        state.push(Command::ReviewCell(Act::Accept));
    }
    if chord(Modifiers::SHIFT, Key::R) {
        state.push(Command::ReviewCell(Act::Reject));
    }
    if chord(Modifiers::NONE, Key::N) {
        state.push(Command::NextToReview);
    }
    let Some(statement) = state.reviews.focus else {
        return;
    };
    if chord(Modifiers::NONE, Key::A) {
        state.push(Command::Review {
            statement,
            act: Act::Accept,
        });
    }
    if chord(Modifiers::NONE, Key::R) {
        state.push(Command::Review {
            statement,
            act: Act::Reject,
        });
    }
    if chord(Modifiers::NONE, Key::E) {
        state.push(Command::Recode(statement));
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
            .on_hover_text("Save what is on screen as CSV, XLSX, Markdown, JSON, HTML, REFI-QDA or GraphML (Ctrl+E)")
            .clicked()
        {
            state.push(Command::ShowExport(true));
        }
        if ui
            .selectable_label(state.show_lexicon, "Lexicon")
            .on_hover_text("Show the parties and issues searched for, or open another lexicon (L)")
            .clicked()
        {
            state.push(Command::ShowLexicon(!state.show_lexicon));
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
        if ui
            .add_enabled(
                state.analysis.is_some(),
                egui::Button::selectable(state.agreement.open, "Parties"),
            )
            .on_hover_text("Parties against each other: where their stances agree or conflict (G)")
            .clicked()
        {
            state.push(Command::ShowAgreement(!state.agreement.open));
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

/// Where the reviews are saved, what no longer matches, and undo/redo.
fn review_status(ui: &mut egui::Ui, state: &mut AppState) {
    let reviews = &state.reviews;
    ui.separator();
    let where_saved = match &reviews.path {
        Some(path) => format!("Reviews are saved in {}", path.display()),
        None => "The project file could not be read: reviews are not saved".to_string(),
    };
    ui.label(format!("{} reviews", reviews.project.reviews.len()))
        .on_hover_text(where_saved);
    if !reviews.unmatched.is_empty() {
        let lines: Vec<String> = reviews
            .unmatched
            .iter()
            .map(|u| format!("{}: {}", u.file, u.reason))
            .collect();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            crate::review::unmatched_message(reviews.unmatched.len()),
        )
        .on_hover_text(format!(
            "Kept in the project file for when the article comes back:\n{}",
            lines.join("\n")
        ));
    }
    let (can_undo, can_redo) = (reviews.can_undo(), reviews.can_redo());
    if ui
        .add_enabled(can_undo, egui::Button::new("Undo").small())
        .on_hover_text("Take back the last review (Ctrl+Z)")
        .clicked()
    {
        state.push(Command::Undo);
    }
    if ui
        .add_enabled(can_redo, egui::Button::new("Redo").small())
        .on_hover_text("Do again what was undone (Ctrl+Shift+Z or Ctrl+Y)")
        .clicked()
    {
        state.push(Command::Redo);
    }
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
            review_status(ui, state);
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
        if state.watching.job.is_some() {
            ui.spinner();
            ui.label("Analysing changed files…");
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
