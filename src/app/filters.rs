//! The filter bar: stances, date range, document, speaker and free text.
//! Every change becomes a new [`Filter`] that the matrix, the evidence panel
//! and exports follow.

use super::filter_form::{FilterForm, parse_date};
use super::state::{AppState, Command};
use super::theme;
use crate::matrix::Filter;
use crate::{Grade, Stance};

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let mut filter = state.prefs.filter.clone();
    let mut problems = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label("Show:");
        for (i, stance) in Stance::ALL.into_iter().enumerate() {
            ui.checkbox(
                &mut filter.stances[i],
                theme::badge(theme::of_stance(stance)),
            )
            .on_hover_text(format!("Count statements that {stance} the issue"));
        }
        ui.separator();
        for (label, text, bound) in [
            ("From", &mut state.filter_form.from, &mut filter.date_from),
            ("To", &mut state.filter_form.to, &mut filter.date_to),
        ] {
            // A label and its field wrap to the next line together.
            ui.horizontal(|ui| {
                ui.label(label);
                let edit = egui::TextEdit::singleline(text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(96.0);
                ui.add(edit).on_hover_text(format!(
                    "{label} this article date (inclusive); undated articles drop out"
                ));
            });
            match parse_date(text) {
                Ok(date) => *bound = date,
                Err(problem) => problems.push(format!("{label}: {problem}")),
            }
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.label("Article");
            document_combo(ui, state, &mut filter);
        });
        ui.add(
            egui::TextEdit::singleline(&mut filter.speaker)
                .hint_text("Speaker")
                .desired_width(110.0),
        )
        .on_hover_text("Only statements whose speaker's name has these words (any case)");
        grade_combo(ui, &mut filter);
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .hint_text("Search")
                .desired_width(140.0),
        )
        .on_hover_text("Only statements whose sentence, article title or source contains this");
        let clear = ui.add_enabled(
            !filter.is_empty() || state.filter_form != FilterForm::default(),
            egui::Button::new("Clear filters"),
        );
        if clear.on_hover_text("Show every statement again").clicked() {
            state.push(Command::ClearFilters);
        }
    });
    for problem in problems {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    if filter != state.prefs.filter {
        state.push(Command::SetFilter(filter));
    }
}

/// The weakest evidence to count, from every statement down to quotes only.
fn grade_combo(ui: &mut egui::Ui, filter: &mut Filter) {
    egui::ComboBox::from_id_salt("evidence")
        .selected_text(evidence_label(filter.weakest))
        .show_ui(ui, |ui| {
            for grade in Grade::ALL.into_iter().rev() {
                ui.selectable_value(&mut filter.weakest, grade, evidence_label(grade))
                    .on_hover_text(grade.explain());
            }
        })
        .response
        .on_hover_text("Hide statements found on weaker evidence");
}

/// The evidence menu's words for keeping `weakest` and everything stronger.
pub fn evidence_label(weakest: Grade) -> &'static str {
    match weakest {
        Grade::Reference => "Any evidence",
        Grade::Narration => "No references",
        Grade::Reported => "Named speakers",
        Grade::Quote => "Quotes only",
    }
}

fn document_combo(ui: &mut egui::Ui, state: &AppState, filter: &mut Filter) {
    let selected = match filter.documents.as_slice() {
        [] => "All documents".to_string(),
        [one] => one.clone(),
        many => format!("{} documents", many.len()),
    };
    egui::ComboBox::from_id_salt("article")
        .selected_text(selected)
        .width(180.0)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(filter.documents.is_empty(), "All documents")
                .clicked()
            {
                filter.documents.clear();
            }
            for doc in state.analysis.iter().flat_map(|a| &a.documents) {
                let only_this = filter.documents.len() == 1 && filter.documents[0] == doc.file;
                let label = format!("{} — {}", doc.source, doc.title);
                if ui
                    .selectable_label(only_this, &label)
                    .on_hover_text(&doc.file)
                    .clicked()
                {
                    filter.documents = vec![doc.file.clone()];
                }
            }
        })
        .response
        .on_hover_text("Only statements from one article");
}
