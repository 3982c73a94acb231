//! The open folder followed while the window shows it: an article edited,
//! added or removed on disk is analysed again on its own, the open cell,
//! the filters and the reviews staying, and the status bar says what changed.

use crate::window::{self, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancegrid::Origin;
use stancegrid::app::{Act, AppState, Command};
use stancegrid::matrix::Filter;
use stancegrid::review;
use std::path::Path;
use std::time::{Duration, Instant};

const QUOTE: &str = "“We will never accept foreign troops in Ukraine,” Peskov said.";
const REPORTED: &str =
    "Kremlin spokesman Dmitry Peskov said Russia rejects the deployment of foreign troops.";
const NARRATION: &str = "Russia rejected the deployment of foreign troops in Ukraine.";

fn write(dir: &Path, file: &str, sentences: &[&str]) {
    let text = format!("Troops\n\n{}\n", sentences.join("\n\n"));
    std::fs::write(dir.join(file), text).expect("article written");
}

fn window_on(dir: &Path) -> Harness<'static, AppState> {
    write(dir, "a-quote.txt", &[QUOTE]);
    write(dir, "b-reported.txt", &[REPORTED]);
    write(dir, "c-narration.txt", &[NARRATION]);
    window::opened_on(dir, window::dialogs(None, None))
}

fn message(state: &AppState) -> Option<&str> {
    state.message.as_ref().map(|m| m.text.as_str())
}

fn files(state: &AppState) -> Vec<String> {
    let analysis = state.analysis.as_ref().expect("loaded");
    analysis.documents.iter().map(|d| d.file.clone()).collect()
}

/// The first statement of `file` in the window's analysis, by index.
fn statement_of(state: &AppState, file: &str) -> Option<usize> {
    let analysis = state.analysis.as_ref().expect("loaded");
    let doc = analysis.documents.iter().position(|d| d.file == file)?;
    analysis.statements.iter().position(|s| s.doc == doc)
}

/// The window's analysis has what a fresh analysis of `dir` finds.
fn matches_the_folder(state: &AppState, dir: &Path) -> bool {
    let full = crate::review::analyze(dir);
    let analysis = state.analysis.as_ref().expect("loaded");
    analysis.documents == full.documents && analysis.skipped == full.skipped
}

#[test]
fn an_edited_article_is_analysed_again_keeping_the_cell_the_filters_and_the_reviews() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window_on(dir.path());
    harness
        .get_by_label_contains("Russia, Foreign troops: ")
        .click();
    harness.run();
    let cell = harness.state().evidence.expect("the cell is open");
    let filter = Filter {
        text: "troops".into(),
        ..Filter::default()
    };
    harness
        .state_mut()
        .apply(Command::SetFilter(filter.clone()));
    let quote = statement_of(harness.state(), "a-quote.txt").expect("the quote");
    harness.state_mut().apply(Command::Review {
        statement: quote,
        act: Act::Accept,
    });
    harness.run();
    let project = review::location::in_folder(dir.path());
    assert!(project.exists(), "the review is saved in the folder");
    // The window's own write of the project file is not a change to analyse.
    let quiet = Instant::now();
    while quiet.elapsed() < Duration::from_millis(1200) {
        harness.step();
        assert!(harness.state().watching.job.is_none());
        std::thread::sleep(Duration::from_millis(20));
    }
    let statements = |s: &AppState| s.analysis.as_ref().map_or(0, |a| a.statements.len());
    let before = statements(harness.state());

    write(dir.path(), "b-reported.txt", &[REPORTED, NARRATION, QUOTE]);
    step_until(&mut harness, |s| {
        message(s) == Some("1 file changed: re-analysed") && !s.is_busy()
    });
    harness.get_by_label("1 file changed: re-analysed");
    let state = harness.state();
    assert!(matches_the_folder(state, dir.path()));
    assert_eq!(
        statements(state),
        before + 2,
        "the article's two new statements are found"
    );
    assert_eq!(state.evidence, Some(cell));
    assert_eq!(state.selection, Some(cell));
    assert_eq!(state.prefs.filter, filter);
    let analysis = state.analysis.as_ref().expect("loaded");
    let quote = statement_of(state, "a-quote.txt").expect("the quote");
    assert_eq!(analysis.statements[quote].origin(), Origin::Accepted);
    assert_eq!(state.reviews.project.reviews.len(), 1);
    assert!(state.reviews.can_undo(), "the review can still be undone");
}

#[test]
fn an_added_and_a_removed_file_are_analysed_and_said() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window_on(dir.path());
    write(dir.path(), "d-new.txt", &[REPORTED]);
    std::fs::write(dir.path().join("notes.csv"), "who,what\n").expect("written");
    std::fs::remove_file(dir.path().join("c-narration.txt")).expect("removed");
    step_until(&mut harness, |s| {
        message(s).is_some_and(|m| m.ends_with(": re-analysed")) && !s.is_busy()
    });
    assert_eq!(
        message(harness.state()),
        Some("2 files added, 1 removed: re-analysed")
    );
    let state = harness.state();
    assert_eq!(files(state), ["a-quote.txt", "b-reported.txt", "d-new.txt"]);
    assert!(statement_of(state, "d-new.txt").is_some());
    let analysis = state.analysis.as_ref().expect("loaded");
    let csv = analysis
        .skipped
        .iter()
        .find(|s| s.file == "notes.csv")
        .expect("the file that is no article is skipped");
    assert_eq!(csv.reason, "not an article (.csv)");
    assert!(matches_the_folder(state, dir.path()));
}

#[test]
fn opening_another_folder_follows_that_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = window_on(dir.path());
    let other = tempfile::tempdir().expect("temp dir");
    write(other.path(), "x.txt", &[QUOTE]);
    harness
        .state_mut()
        .apply(Command::Open(other.path().to_path_buf()));
    step_until(&mut harness, |s| files(s) == ["x.txt"] && !s.is_busy());
    let watched = harness
        .state()
        .watching
        .watch
        .as_ref()
        .map(|w| w.root.clone());
    assert_eq!(watched.as_deref(), Some(other.path()));
    write(other.path(), "y.txt", &[REPORTED]);
    step_until(&mut harness, |s| {
        message(s) == Some("1 file added: re-analysed") && !s.is_busy()
    });
    assert_eq!(files(harness.state()), ["x.txt", "y.txt"]);
}
