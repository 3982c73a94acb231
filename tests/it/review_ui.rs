//! Reviewing through the window: accept, reject, re-code and add, each
//! undone and redone; a cell accepted at once; the project file surviving a
//! restart and an edited article; Next to review; and the export the CLI
//! makes of the same folder.

use crate::window::{self, step_until};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancegrid::app::{AppState, Command};
use stancegrid::review::{self, Decision};
use stancegrid::{Grade, Origin, Stance};
use std::path::{Path, PathBuf};

/// Four reports of the Kremlin refusing foreign troops, one of each grade.
const ARTICLES: [(&str, &str); 4] = [
    (
        "a-quote.txt",
        "Kremlin\n\n“We will never accept foreign troops in Ukraine,” Peskov said.\n",
    ),
    (
        "b-reported.txt",
        "Talks\n\nKremlin spokesman Dmitry Peskov said Russia rejects the deployment of foreign troops.\n",
    ),
    (
        "c-narration.txt",
        "Moscow\n\nRussia rejected the deployment of foreign troops in Ukraine.\n",
    ),
    (
        "d-reference.txt",
        "Monday\n\nPeskov spoke to reporters on Monday. He said Moscow opposes foreign troops in Ukraine.\n",
    ),
];

const CELL: &str = "Russia, Foreign troops";

fn write_corpus(dir: &Path) {
    for (file, text) in ARTICLES {
        std::fs::write(dir.join(file), text).expect("fixture written");
    }
}

/// A window opened on `dir` (the corpus written there already), loaded.
fn window_on(dir: &Path, save_dir: Option<PathBuf>) -> Harness<'static, AppState> {
    window::opened_on(dir, window::dialogs(None, save_dir))
}

fn open_cell(harness: &mut Harness<'_, AppState>) {
    harness.get_by_label_contains(&format!("{CELL}: ")).click();
    harness.run();
}

/// The statement of `file`, as the window's analysis holds it now.
fn statement_of(harness: &Harness<'_, AppState>, file: &str) -> stancegrid::Statement {
    let analysis = harness.state().analysis.clone().expect("loaded");
    let doc = analysis
        .documents
        .iter()
        .position(|d| d.file == file)
        .expect("the file is loaded");
    analysis
        .statements
        .iter()
        .find(|s| s.doc == doc)
        .cloned()
        .expect("a statement of the file")
}

fn index_of(harness: &Harness<'_, AppState>, file: &str) -> usize {
    let analysis = harness.state().analysis.clone().expect("loaded");
    let doc = analysis
        .documents
        .iter()
        .position(|d| d.file == file)
        .unwrap();
    analysis
        .statements
        .iter()
        .position(|s| s.doc == doc)
        .unwrap()
}

fn counted(harness: &Harness<'_, AppState>) -> usize {
    harness.state().matrix.total().total()
}

fn undo(harness: &mut Harness<'_, AppState>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

fn redo(harness: &mut Harness<'_, AppState>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
}

#[test]
fn accept_by_button_is_saved_undone_and_redone() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut harness = window_on(dir.path(), None);
    open_cell(&mut harness);
    harness.get_by_label("0/4 reviewed");
    // Newest first is document order here (no dates): the quote first.
    harness.get_all_by_label("Accept").next().unwrap().click();
    harness.run();
    assert_eq!(
        statement_of(&harness, "a-quote.txt").origin(),
        Origin::Accepted
    );
    harness.get_by_label("accepted");
    harness.get_by_label("1/4 reviewed");
    let saved = review::load(&review::location::in_folder(dir.path())).unwrap();
    assert_eq!(saved.reviews.len(), 1);
    assert_eq!(saved.reviews[0].decision, Decision::Accept);
    undo(&mut harness);
    assert_eq!(
        statement_of(&harness, "a-quote.txt").origin(),
        Origin::Automatic
    );
    let saved = review::load(&review::location::in_folder(dir.path())).unwrap();
    assert!(saved.reviews.is_empty(), "the undo is saved too");
    redo(&mut harness);
    assert_eq!(
        statement_of(&harness, "a-quote.txt").origin(),
        Origin::Accepted
    );
}

#[test]
fn reject_by_key_strikes_the_statement_out_of_the_counts_until_undone() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut harness = window_on(dir.path(), None);
    open_cell(&mut harness);
    assert_eq!(counted(&harness), 4);
    let focus = harness
        .state()
        .reviews
        .focus
        .expect("the first card has focus");
    harness.key_press(Key::R);
    harness.run();
    let analysis = harness.state().analysis.clone().unwrap();
    assert!(analysis.statements[focus].is_rejected());
    assert_eq!(counted(&harness), 3);
    // Still listed, marked, with the way back at hand.
    harness.get_by_label("rejected");
    harness.get_by_label("Reset");
    harness.get_by_label("Undo").click();
    harness.run();
    assert_eq!(counted(&harness), 4);
    harness.get_by_label("Redo").click();
    harness.run();
    assert_eq!(counted(&harness), 3);
}

#[test]
fn recode_through_the_form_moves_the_statement_and_keeps_the_original() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut harness = window_on(dir.path(), None);
    open_cell(&mut harness);
    let index = index_of(&harness, "c-narration.txt");
    harness.state_mut().apply(Command::Focus(index));
    harness.key_press(Key::E);
    harness.run();
    harness.get_by_label("Re-code statement");
    harness.get_by_label("conditional").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let s = statement_of(&harness, "c-narration.txt");
    assert_eq!(s.origin(), Origin::Recoded);
    assert_eq!(s.stance, Stance::Conditional);
    let original = s.review.as_ref().unwrap().original.as_ref().unwrap();
    assert_eq!(original.stance, Stance::Oppose);
    undo(&mut harness);
    assert_eq!(
        statement_of(&harness, "c-narration.txt").stance,
        Stance::Oppose
    );
    redo(&mut harness);
    assert_eq!(
        statement_of(&harness, "c-narration.txt").stance,
        Stance::Conditional
    );
}

#[test]
fn a_statement_added_in_the_reader_is_counted_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    std::fs::write(
        dir.path().join("e-missed.txt"),
        "Missed\n\nReporters waited outside the Kremlin for hours.\n",
    )
    .unwrap();
    let mut harness = window_on(dir.path(), None);
    let analysis = harness.state().analysis.clone().unwrap();
    assert_eq!(counted(&harness), 4, "extraction finds nothing in e-missed");
    // Open the reader on an article, then on the one without a statement.
    open_cell(&mut harness);
    harness
        .get_all_by_label("Show in article")
        .next()
        .unwrap()
        .click();
    harness.run();
    let doc = analysis
        .documents
        .iter()
        .position(|d| d.file == "e-missed.txt")
        .unwrap();
    harness.state_mut().reader.as_mut().unwrap().doc = doc;
    harness.run();
    // The reader's text (the panel behind may show the line too).
    harness
        .get_all_by_label_contains("Reporters waited outside")
        .last()
        .expect("the article is shown")
        .click_secondary();
    harness.run();
    harness.get_by_label("Add a statement");
    harness.get_by_label("Save").click();
    harness.run();
    let s = statement_of(&harness, "e-missed.txt");
    assert_eq!(s.origin(), Origin::Added);
    assert_eq!(counted(&harness), 5);
    undo(&mut harness);
    assert_eq!(counted(&harness), 4);
    redo(&mut harness);
    assert_eq!(counted(&harness), 5);
}

#[test]
fn a_cell_accepted_at_once_is_one_step_to_undo() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut harness = window_on(dir.path(), None);
    open_cell(&mut harness);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::A);
    harness.run();
    harness.get_by_label("4/4 reviewed");
    // The matrix cell says so too.
    harness.get_by_label_contains(&format!(
        "{CELL}: oppose (0 support, 4 oppose, 0 conditional), 4/4 reviewed"
    ));
    undo(&mut harness);
    harness.get_by_label("0/4 reviewed");
}

#[test]
fn reviews_come_back_after_a_restart_and_an_edited_article_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut harness = window_on(dir.path(), None);
    open_cell(&mut harness);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::A);
    harness.run();
    drop(harness);

    let harness = window_on(dir.path(), None);
    for (file, _) in ARTICLES {
        assert_eq!(
            statement_of(&harness, file).origin(),
            Origin::Accepted,
            "{file}"
        );
    }
    drop(harness);

    std::fs::write(
        dir.path().join("c-narration.txt"),
        "Moscow\n\nRussia rejected the deployment of foreign troops on Monday.\n",
    )
    .unwrap();
    let harness = window_on(dir.path(), None);
    harness.get_by_label("1 review no longer matches its article");
    assert_eq!(
        statement_of(&harness, "c-narration.txt").origin(),
        Origin::Automatic
    );
    assert_eq!(
        statement_of(&harness, "a-quote.txt").origin(),
        Origin::Accepted
    );
    let kept = review::load(&review::location::in_folder(dir.path())).unwrap();
    assert_eq!(
        kept.reviews.len(),
        4,
        "the unmatched review stays in the file"
    );
}

#[test]
fn next_to_review_walks_the_weakest_evidence_first() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut harness = window_on(dir.path(), None);
    open_cell(&mut harness);
    let mut walked = Vec::new();
    for _ in 0..3 {
        harness.key_press(Key::N);
        harness.run();
        let focus = harness.state().reviews.focus.expect("a statement in focus");
        let analysis = harness.state().analysis.clone().unwrap();
        walked.push(analysis.statements[focus].grade);
    }
    assert_eq!(
        walked,
        [
            Some(Grade::Reference),
            Some(Grade::Narration),
            Some(Grade::Reported)
        ]
    );
}

#[test]
fn the_json_exported_from_the_window_equals_the_cli_s_on_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let mut harness = window_on(dir.path(), Some(out.path().to_path_buf()));
    open_cell(&mut harness);
    harness.key_press(Key::R);
    harness.run();
    harness.get_all_by_label("Accept").next().unwrap().click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness
        .get_by_label("Positions and statements (JSON)")
        .click();
    harness.run();
    harness.get_by_label("Save…").click();
    step_until(&mut harness, |s| !s.is_busy() && s.message.is_some());
    let path = out
        .path()
        .join(stancegrid::export::Format::Json.default_file_name());
    let from_window: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cli = std::process::Command::new(env!("CARGO_BIN_EXE_stancegrid"))
        .arg("analyze")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(cli.status.success());
    let from_cli: serde_json::Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(from_window["statements"], from_cli["statements"]);
    assert_eq!(from_window["cells"], from_cli["cells"]);
    let origins: Vec<(&str, bool)> = from_cli["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["origin"].as_str().unwrap(),
                s["rejected"].as_bool().unwrap(),
            )
        })
        .collect();
    assert!(origins.contains(&("automatic", true)), "{origins:?}");
    assert!(origins.contains(&("accepted", false)), "{origins:?}");
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_keeps_its_reviews_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    // A project file that cannot be written (a link into a missing folder):
    // the same failure as a read-only folder, which root could still write.
    std::os::unix::fs::symlink(
        dir.path().join("missing/stancegrid.ron"),
        review::location::in_folder(dir.path()),
    )
    .unwrap();
    // SAFETY: no other test reads or writes this variable; only the data
    // folder's lookup reads it.
    unsafe { std::env::set_var("XDG_DATA_HOME", data.path()) };
    let mut harness = window_on(dir.path(), None);
    open_cell(&mut harness);
    harness.key_press(Key::A);
    harness.run();
    let saved = review::location::in_data_dir(dir.path()).expect("a data folder");
    assert!(saved.starts_with(data.path()), "{}", saved.display());
    let message = harness
        .state()
        .message
        .clone()
        .expect("the window says where");
    assert!(
        message.text.contains(&saved.display().to_string()),
        "{}",
        message.text
    );
    assert_eq!(review::load(&saved).unwrap().reviews.len(), 1);
    drop(harness);
    let harness = window_on(dir.path(), None);
    assert_eq!(
        harness.state().reviews.project.reviews.len(),
        1,
        "read back"
    );
}
