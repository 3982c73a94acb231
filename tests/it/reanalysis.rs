//! A folder analysed, some of its files changed, added and removed, and
//! `stancegrid::reanalyze` told which: the result is what a full analysis
//! of the folder now gives, documents, statements, skipped files and copies.

use crate::review::analyze;
use stancegrid::review::{self, Decision, Project};
use stancegrid::{Analysis, LoadOptions};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const KREMLIN: &str = "Russia rejected the deployment of foreign troops in Ukraine, Kremlin spokesman Dmitry Peskov said.";
const KYIV: &str =
    "Ukraine welcomed the security guarantees offered by Europe, Volodymyr Zelenskyy said.";
const KYIV_AGAIN: &str =
    "Ukraine rejected the ceasefire plan offered by Russia, Volodymyr Zelenskyy said.";

fn article(day: usize, sentences: &[&str]) -> String {
    format!("Talks, day {day}\n\n{}\n", sentences.join("\n\n"))
}

fn write(dir: &Path, file: &str, text: &str) -> PathBuf {
    let path = dir.join(file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder made");
    }
    std::fs::write(&path, text).expect("article written");
    path
}

fn reanalyze(previous: &Analysis, touched: &[PathBuf]) -> (Analysis, stancegrid::corpus::Changes) {
    stancegrid::reanalyze(
        previous,
        touched,
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("re-analysed")
}

/// Everything a full load decides, side by side.
fn assert_same(got: &Analysis, full: &Analysis) {
    let files = |a: &Analysis| {
        a.documents
            .iter()
            .map(|d| d.file.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(files(got), files(full), "the documents, in order");
    assert_eq!(got.documents, full.documents);
    assert_eq!(got.skipped, full.skipped);
    assert_eq!(got.statements, full.statements);
    assert_eq!(got.copies, full.copies);
}

/// Five articles, a copy of one, a picture and a hidden file.
fn corpus(dir: &Path) {
    write(dir, "b.txt", &article(1, &[KREMLIN]));
    write(dir, "d.txt", &article(2, &[KYIV]));
    write(dir, "f.txt", &article(3, &[KREMLIN, KYIV]));
    write(dir, "sub/g.txt", &article(4, &[KYIV_AGAIN]));
    write(dir, "h.txt", &article(2, &[KYIV]));
    write(dir, "photo.png", "\u{89}PNG");
    write(dir, ".notes.txt", &article(9, &[KREMLIN]));
}

#[test]
fn changed_added_and_removed_files_give_the_full_analysis_of_the_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    corpus(root);
    let before = analyze(root);
    let h = before
        .documents
        .iter()
        .find(|d| d.file == "h.txt")
        .expect("h.txt");
    assert!(
        h.warnings.iter().any(|w| w.contains("copy of d.txt")),
        "h.txt starts as a copy of d.txt: {:?}",
        h.warnings
    );
    let touched = vec![
        // Changed: d.txt is no longer h.txt's original, f.txt loses a statement.
        write(root, "d.txt", &article(2, &[KYIV_AGAIN, KREMLIN])),
        write(root, "f.txt", &article(3, &[KYIV])),
        // Added: one sorted before the rest, one in a new folder, one not an article.
        write(root, "a.txt", &article(5, &[KYIV, KREMLIN])),
        write(root, "new/e.txt", &article(6, &[KREMLIN])),
        write(root, "table.csv", "a,b\n"),
        root.join("new"),
        // Removed.
        root.join("b.txt"),
        root.join("sub"),
    ];
    std::fs::remove_file(root.join("b.txt")).expect("removed");
    std::fs::remove_dir_all(root.join("sub")).expect("removed");
    let (got, changes) = reanalyze(&before, &touched);
    let full = analyze(root);
    assert_same(&got, &full);
    assert_eq!(changes.changed, ["d.txt", "f.txt"]);
    assert_eq!(changes.added, ["a.txt", "new/e.txt", "table.csv"]);
    assert_eq!(changes.removed, ["b.txt", "sub/g.txt"]);
    assert_eq!(changes.summary(), "2 files changed, 3 added, 2 removed");
    assert!(
        full.skipped.iter().any(|s| s.file == "table.csv"),
        "the added file that is no article is skipped with its reason"
    );
}

#[test]
fn only_the_files_named_are_read_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    corpus(root);
    let before = analyze(root);
    let named = write(root, "d.txt", &article(2, &[KYIV_AGAIN]));
    // Changed too, but not named: what was read of it before stays.
    write(root, "f.txt", &article(3, &[KYIV_AGAIN]));
    let (got, changes) = reanalyze(&before, &[named]);
    assert_eq!(changes.changed, ["d.txt"]);
    let text_of = |a: &Analysis, file: &str| {
        let doc = a
            .documents
            .iter()
            .find(|d| d.file == file)
            .expect("a document");
        doc.text.clone()
    };
    assert_eq!(text_of(&got, "f.txt"), text_of(&before, "f.txt"));
    assert!(text_of(&got, "d.txt").contains("ceasefire"));
    // Once f.txt is named as well, the result is the folder's.
    let (got, _) = reanalyze(&got, &[root.join("f.txt")]);
    assert_same(&got, &analyze(root));
}

#[test]
fn the_project_file_and_hidden_files_change_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    corpus(root);
    let before = analyze(root);
    let touched = [
        write(root, review::PROJECT_FILE, "Project(reviews: [])"),
        write(root, ".notes.txt", &article(9, &[KYIV])),
    ];
    let (got, changes) = reanalyze(&before, &touched);
    assert!(changes.is_empty(), "{changes:?}");
    assert_same(&got, &before);
}

#[test]
fn reviews_on_the_previous_analysis_apply_again_as_after_a_full_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    corpus(root);
    let mut before = analyze(root);
    let mut project = Project::default();
    let f = before
        .documents
        .iter()
        .position(|d| d.file == "f.txt")
        .expect("f.txt");
    let first_of_f = before
        .statements
        .iter()
        .find(|s| s.doc == f)
        .cloned()
        .expect("a statement of f.txt");
    project.decide(&before, &first_of_f, Decision::Reject);
    let code = review::suggest(&before, f, first_of_f.sentence);
    project.add(&before, f, first_of_f.sentence, code);
    assert!(review::apply(&mut before, &project).is_empty());
    let touched = [
        write(root, "d.txt", &article(2, &[KYIV_AGAIN])),
        write(root, "a.txt", &article(5, &[KREMLIN])),
    ];
    let (mut got, _) = reanalyze(&before, &touched);
    let mut full = analyze(root);
    assert_same(&got, &full);
    let unmatched = review::apply(&mut got, &project);
    assert_eq!(unmatched, review::apply(&mut full, &project));
    assert!(unmatched.is_empty(), "{unmatched:?}");
    assert_same(&got, &full);
    assert!(got.statements.iter().any(|s| s.review.is_some()));
}
