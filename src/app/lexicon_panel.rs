//! The lexicon at hand (L): the parties with the names and people that
//! speak for them, the issues with their terms, the file they come from and,
//! when its last change could not be read, why.

use super::state::{AppState, Command};
use crate::lexicon::{Actor, Issue};

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.heading("Lexicon");
    let source = match &state.lexicon_watch {
        Some(watch) => watch.path.display().to_string(),
        None => "built in".to_string(),
    };
    ui.label(source);
    if let Some(error) = &state.lexicon_error {
        ui.colored_label(ui.visuals().error_fg_color, error);
        ui.weak("The lexicon before stays in use until the file is fixed.");
    }
    ui.horizontal(|ui| {
        if ui
            .button("Open lexicon…")
            .on_hover_text("Use another lexicon file (RON); the folder is analysed again with it")
            .clicked()
        {
            state.push(Command::PickLexicon);
        }
        if ui
            .button("Hide")
            .on_hover_text("Hide the lexicon (L)")
            .clicked()
        {
            state.push(Command::ShowLexicon(false));
        }
    });
    ui.separator();
    let lexicon = state.lexicon.clone();
    egui::ScrollArea::vertical().show(ui, |ui| {
        egui::CollapsingHeader::new(format!("Parties ({})", lexicon.actors().len()))
            .default_open(true)
            .show(ui, |ui| lexicon.actors().iter().for_each(|a| actor(ui, a)));
        egui::CollapsingHeader::new(format!("Issues ({})", lexicon.issues().len()))
            .default_open(true)
            .show(ui, |ui| lexicon.issues().iter().for_each(|i| issue(ui, i)));
    });
}

fn actor(ui: &mut egui::Ui, actor: &Actor) {
    ui.collapsing(&actor.name, |ui| {
        words(ui, "Names", &actor.bodies);
        let people: Vec<String> = actor.people.iter().map(|p| p.join(" / ")).collect();
        words(ui, "People", &people);
        words(ui, "Adjectives", &actor.adjectives);
    });
}

fn issue(ui: &mut egui::Ui, issue: &Issue) {
    ui.collapsing(&issue.name, |ui| {
        words(ui, "Terms", &issue.terms);
        words(ui, "Against it", &issue.inverse_terms);
        words(ui, "In part", &issue.partial_terms);
        words(ui, "Its reversal", &issue.reversal_terms);
    });
}

/// One labelled list, as a wrapped line; nothing for an empty list.
fn words(ui: &mut egui::Ui, label: &str, words: &[String]) {
    if !words.is_empty() {
        ui.label(format!("{label}: {}", words.join(", ")));
    }
}
