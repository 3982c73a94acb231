//! A typed path, wherever a file dialog would open: some systems have no
//! dialog at all (no desktop portal, no zenity), and some users would
//! rather paste a path than click through folders.

use super::state::{AppState, Command, PathPurpose};

pub fn ui(ctx: &egui::Context, state: &mut AppState) {
    let Some(entry) = state.path_entry.as_mut() else {
        return;
    };
    let (heading, action, hint) = match entry.purpose {
        PathPurpose::OpenFolder => ("Open a folder", "Open", "/path/to/articles"),
        PathPurpose::Export(_) => ("Export to a file", "Save", "/path/to/file"),
        PathPurpose::Lexicon => ("Open a lexicon", "Use", "/path/to/lexicon.ron"),
    };
    let mut submit = false;
    let mut close = false;
    let mut pick = None;
    let modal = egui::Modal::new(egui::Id::unique("path_entry")).show(ctx, |ui| {
        ui.heading(heading);
        if let Some(note) = &entry.note {
            ui.colored_label(ui.visuals().warn_fg_color, note);
        }
        ui.label("Type or paste a path:");
        let field = ui.add(
            egui::TextEdit::singleline(&mut entry.text)
                .hint_text(hint)
                .desired_width(420.0),
        );
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        submit = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if entry.purpose == PathPurpose::OpenFolder && !state.prefs.recent.is_empty() {
            ui.add_space(4.0);
            ui.label("Recent folders:");
            for folder in &state.prefs.recent {
                if ui.link(folder.display().to_string()).clicked() {
                    pick = Some(folder.display().to_string());
                }
            }
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let typed = !entry.text.trim().is_empty();
            submit |= ui
                .add_enabled(typed, egui::Button::new(action))
                .on_hover_text("Use this path (Enter)")
                .clicked();
            close = ui.button("Cancel").on_hover_text("Close (Esc)").clicked();
        });
    });
    if let Some(folder) = pick {
        entry.text = folder;
        submit = true;
    }
    if submit {
        state.push(Command::SubmitPath);
    } else if close || modal.should_close() {
        state.push(Command::ClosePath);
    }
}
