//! Tests: the lexicon panel (L) lists the lexicon in force; another lexicon
//! file, opened through the typed path, re-analyses the folder; the watched
//! file's changes are taken in, and a broken one keeps the one before.

use crate::window::{self, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancegrid::app::{AppState, Command};
use std::path::Path;

const ARTICLE: &str =
    "The Northern League rejected any tariff cut, its spokesman Ada Stone said.\n";

const TRADE: &str = r#"Lexicon(
    actors: [Actor(id: "north", name: "Northern League", bodies: ["Northern League"],
                   people: [["Ada Stone", "Stone"]])],
    issues: [Issue(id: "tariffs", name: "Tariff cut", terms: ["tariff cut*"])],
    speech_verbs: ["said"],
    stance: StanceCues(oppose: ["reject*"]),
)"#;

/// A window on a folder of one article, opened with the built-in lexicon;
/// its dialogs cannot be shown, so paths are typed.
fn window_on(dir: &Path) -> Harness<'static, AppState> {
    std::fs::write(dir.join("a.txt"), ARTICLE).expect("article written");
    window::opened_on(dir, window::unavailable_dialogs(None))
}

/// Open `file` as the lexicon through the panel's button and the typed path.
fn open_lexicon(harness: &mut Harness<'_, AppState>, file: &Path) {
    harness.get_by_label("Open lexicon…").click();
    step_until(harness, |s| s.path_entry.is_some());
    harness.state_mut().path_entry.as_mut().expect("asked").text = file.display().to_string();
    harness.get_by_label("Use").click();
    step_until(harness, window::loaded);
}

#[test]
fn the_panel_lists_parties_with_their_names_and_issues_with_their_terms() {
    let mut harness = window::fresh(window::unavailable_dialogs(None));
    harness.run();
    harness.key_press(egui::Key::L);
    harness.run();
    assert!(harness.state().show_lexicon);
    harness.get_by_label("Ukraine").click();
    harness.run();
    harness.get_by_label_contains("Names: Ukraine, Kyiv");
    harness.get_by_label("Ukraine").click();
    harness.run();
    harness.get_by_label("Ceasefire").click();
    harness.run();
    harness.get_by_label_contains("Terms: ceasefire*, cease-fire*");
}

#[test]
fn another_lexicon_file_changes_the_matrix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("trade.ron");
    std::fs::write(&file, TRADE).expect("lexicon written");
    let corpus = tempfile::tempdir().expect("tempdir");
    let mut harness = window_on(corpus.path());
    assert_eq!(harness.state().matrix.total().total(), 0);
    harness.state_mut().apply(Command::ShowLexicon(true));
    harness.run();
    open_lexicon(&mut harness, &file);
    assert_eq!(harness.state().matrix.total().total(), 1);
    harness.get_by_label_contains("Northern League, Tariff cut: oppose");
}

#[test]
fn a_broken_lexicon_keeps_the_old_one_until_it_is_fixed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("trade.ron");
    std::fs::write(&file, TRADE).expect("lexicon written");
    let corpus = tempfile::tempdir().expect("tempdir");
    let mut harness = window_on(corpus.path());
    harness.state_mut().apply(Command::ShowLexicon(true));
    harness.run();
    open_lexicon(&mut harness, &file);
    let before = harness.state().matrix.clone();
    std::fs::write(&file, "Lexicon(\n  actors: [\n    Actor(id: 3)\n  ],\n)").expect("broken");
    step_until(&mut harness, |s| s.lexicon_error.is_some());
    let error = harness.state().lexicon_error.clone().expect("an error");
    assert!(error.contains("line 3, column"), "{error}");
    assert!(error.contains("trade.ron"), "{error}");
    assert!(harness.get_all_by_label_contains("line 3, column").count() >= 2);
    assert_eq!(harness.state().matrix, before);
    assert_eq!(harness.state().lexicon.actors()[0].id, "north");
    std::fs::write(&file, TRADE.replace("Tariff cut\"", "Tariffs\"")).expect("fixed");
    step_until(&mut harness, |s| {
        s.lexicon_error.is_none() && s.lexicon.issues()[0].name == "Tariffs" && !s.is_busy()
    });
    harness.get_by_label_contains("Northern League, Tariffs: oppose");
}
