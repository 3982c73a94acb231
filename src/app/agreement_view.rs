//! Parties against each other (G): a party × party grid, each cell saying
//! on how many issues the two agree, conflict or cannot be compared; a
//! click lists the issues behind each number, with both parties' stances.
//! It is drawn from the matrix on screen, so every filter applies.

use super::state::{AppState, Command};
use super::theme;
use crate::agreement::{Agreement, Pair, Relation};
use crate::matrix::Matrix;
use egui::RichText;

/// Whether the view is shown, and the pair whose issues are listed.
#[derive(Debug, Default)]
pub struct AgreementView {
    pub open: bool,
    pub pair: Option<(usize, usize)>,
}

const CELL_WIDTH: f32 = 200.0;

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(analysis) = state.analysis.clone() else {
        state.push(Command::ShowAgreement(false));
        return;
    };
    let agreement = Agreement::build(&state.matrix);
    let actors = analysis.lexicon.actors();
    ui.horizontal(|ui| {
        ui.heading("Parties against each other");
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close")
                .on_hover_text("Back to the matrix (Escape or G)")
                .clicked()
            {
                state.push(Command::ShowAgreement(false));
            }
        });
    });
    ui.label(
        RichText::new(
            "On how many issues each pair's stances agree, conflict (different stances), or \
             cannot be compared (one side said nothing, or holds a mixed position). Click a \
             pair for its issues.",
        )
        .weak(),
    );
    ui.add_space(6.0);
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("agreement grid")
            .striped(true)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                ui.label("");
                for actor in actors.iter().take(state.matrix.actors) {
                    ui.strong(&actor.name);
                }
                ui.end_row();
                for (a, actor) in actors.iter().take(state.matrix.actors).enumerate() {
                    ui.strong(&actor.name);
                    for (b, other) in actors.iter().take(state.matrix.actors).enumerate() {
                        match agreement.pair(a, b) {
                            Some(pair) => {
                                pair_button(ui, state, pair, (a, b), &actor.name, &other.name)
                            }
                            None => {
                                ui.weak("–");
                            }
                        }
                    }
                    ui.end_row();
                }
            });
        let picked = state.agreement.pair;
        if let Some(pair) = picked.and_then(|(a, b)| agreement.pair(a, b)) {
            ui.add_space(12.0);
            details(ui, &analysis, &state.matrix, pair);
        }
    });
    if !ui.ctx().text_edit_focused() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.push(Command::ShowAgreement(false));
    }
}

/// "2 agree · 1 conflict · 3 n/c", selected while its issues are listed.
fn pair_button(
    ui: &mut egui::Ui,
    state: &mut AppState,
    pair: &Pair,
    at: (usize, usize),
    name_a: &str,
    name_b: &str,
) {
    let text = format!(
        "{} agree · {} conflict · {} n/c",
        pair.agree.len(),
        pair.conflict.len(),
        pair.incomparable.len()
    );
    let picked = state
        .agreement
        .pair
        .is_some_and(|(x, y)| (x.min(y), x.max(y)) == (pair.a, pair.b));
    let response = ui
        .add_sized([CELL_WIDTH, 26.0], egui::Button::selectable(picked, text))
        .on_hover_text(format!("{name_a} and {name_b}: click for the issues"));
    if response.clicked() {
        state.push(Command::PickPair(at.0, at.1));
    }
}

/// The issues behind each relation of `pair`, with both cells' stances.
fn details(ui: &mut egui::Ui, analysis: &crate::Analysis, matrix: &Matrix, pair: &Pair) {
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    let (a, b) = (&actors[pair.a].name, &actors[pair.b].name);
    ui.heading(format!("{a} and {b}"));
    let stance = |actor, issue| {
        matrix
            .cell(actor, issue)
            .summary()
            .map_or("nothing".to_string(), theme::badge)
    };
    for relation in Relation::ALL {
        let list = pair.issues(relation);
        ui.strong(format!("{} ({})", heading(relation), list.len()));
        if list.is_empty() {
            ui.weak("none");
        }
        for &issue in list {
            ui.label(format!(
                "{}: {a} {}, {b} {}",
                issues[issue].name,
                stance(pair.a, issue),
                stance(pair.b, issue)
            ));
        }
        ui.add_space(4.0);
    }
}

fn heading(relation: Relation) -> &'static str {
    match relation {
        Relation::Agree => "Agree",
        Relation::Conflict => "Conflict",
        Relation::Incomparable => "Cannot be compared",
    }
}
