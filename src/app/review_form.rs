//! The coding form: re-code a statement, or code one added by hand, with a
//! note. A window, so the sentence stays in view behind it.

use super::reviewing::FormTarget;
use super::state::{AppState, Command};
use crate::Stance;
use egui::Key;

pub fn ui(ctx: &egui::Context, state: &mut AppState) {
    let (Some(analysis), Some(form)) = (state.analysis.clone(), state.reviews.form.as_mut()) else {
        return;
    };
    let lexicon = &analysis.lexicon;
    let (title, sentence) = match form.target {
        FormTarget::Recode(i) => {
            let s = &analysis.statements[i];
            ("Re-code statement", analysis.text(s.doc, s.sentence))
        }
        FormTarget::Add { doc, sentence } => (
            "Add a statement",
            sentence.of(&analysis.documents[doc].text),
        ),
    };
    let mut save = false;
    let mut close = false;
    egui::Window::new(title)
        .collapsible(false)
        .resizable(true)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(sentence).italics());
            ui.separator();
            egui::Grid::new("code_form").num_columns(2).show(ui, |ui| {
                let party = ui.label("Party");
                egui::ComboBox::from_id_salt("form_actor")
                    .selected_text(&lexicon.actors()[form.actor].name)
                    .show_ui(ui, |ui| {
                        for (i, a) in lexicon.actors().iter().enumerate() {
                            ui.selectable_value(&mut form.actor, i, &a.name);
                        }
                    })
                    .response
                    .labelled_by(party.id);
                ui.end_row();
                let issue_label = ui.label("Issue");
                egui::ComboBox::from_id_salt("form_issue")
                    .selected_text(&lexicon.issues()[form.issue].name)
                    .show_ui(ui, |ui| {
                        for (i, issue) in lexicon.issues().iter().enumerate() {
                            ui.selectable_value(&mut form.issue, i, &issue.name);
                        }
                    })
                    .response
                    .labelled_by(issue_label.id);
                ui.end_row();
                ui.label("Stance");
                ui.horizontal(|ui| {
                    for stance in Stance::ALL {
                        ui.radio_value(&mut form.stance, stance, stance.as_str());
                    }
                });
                ui.end_row();
                ui.label("Speaker");
                ui.add(
                    egui::TextEdit::singleline(&mut form.speaker)
                        .id_salt("form_speaker")
                        .hint_text("who says it"),
                );
                ui.end_row();
                ui.label("Note");
                ui.add(
                    egui::TextEdit::multiline(&mut form.note)
                        .id_salt("form_note")
                        .desired_rows(2)
                        .hint_text("a memo for this statement"),
                );
                ui.end_row();
            });
            ui.horizontal(|ui| {
                if ui
                    .button("Save")
                    .on_hover_text("Keep this coding (Ctrl+Enter); Ctrl+Z takes it back")
                    .clicked()
                {
                    save = true;
                }
                if ui
                    .button("Cancel")
                    .on_hover_text("Close without a change (Esc)")
                    .clicked()
                {
                    close = true;
                }
            });
        });
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, Key::Enter)) {
        save = true;
    }
    if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape)) {
        close = true;
    }
    if save {
        state.push(Command::SaveForm);
    } else if close {
        state.push(Command::CloseForm);
    }
}
