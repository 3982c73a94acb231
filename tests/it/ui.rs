//! Tests: the window, driven headless through egui_kittest. A user opens a
//! folder, clicks a cell, reads the quotes, filters, exports; every dialog
//! answers from a script and every file lives in a temp dir.

use crate::window::{self, dialogs, harness, step_until, text_of};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancegrid::app::{self, AppState, Command};
use stancegrid::matrix::Filter;
use stancegrid::{Analysis, Cue, CueKind, Document, Lexicon, Span, Stance, Statement};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

const PESKOV: &str = "Russia rejected the deployment of foreign troops in Ukraine, Kremlin spokesman Dmitry Peskov said.";
const ZELENSKYY: &str = "Ukraine welcomed the security guarantees offered by Europe, Volodymyr Zelenskyy said. \
\"We will only accept a ceasefire if it is backed by guarantees,\" he added.";
const PESKOV_AGAIN: &str =
    "Moscow again ruled out any foreign troops on Ukrainian soil, Peskov told reporters.";

/// The fixture articles: (file, date, text).
const ARTICLES: [(&str, Option<&str>, &str); 3] = [
    ("a-kremlin.txt", Some("2025-03-01"), PESKOV),
    ("b-kyiv.txt", Some("2025-03-05"), ZELENSKYY),
    ("c-undated.txt", None, PESKOV_AGAIN),
];

fn span(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("the fixture contains the needle");
    Span::new(start, start + needle.len())
}

fn write_corpus(dir: &Path) {
    for (file, _, text) in ARTICLES {
        std::fs::write(dir.join(file), text).expect("fixture written");
    }
}

/// An analysis of the fixture articles with statements written by hand, so
/// that clicks have evidence to show whatever the extraction engine finds.
fn fixture_analysis(root: &Path) -> Analysis {
    let lexicon = Arc::new(Lexicon::builtin());
    let documents = ARTICLES
        .iter()
        .map(|(file, date, text)| Document {
            file: file.to_string(),
            path: root.join(file),
            title: format!("Article {file}"),
            date: date.map(str::to_string),
            source: format!("https://news.example/{file}"),
            text: text.to_string(),
            content: vec![Span::new(0, text.len())],
            warnings: Vec::new(),
        })
        .collect();
    let actor = |id| lexicon.actor_index(id).expect("actor in the lexicon");
    let issue = |id| lexicon.issue_index(id).expect("issue in the lexicon");
    let statement = |doc: usize,
                     actor,
                     issue,
                     stance,
                     speaker: &str,
                     sentence: &str,
                     quote: Option<&str>,
                     cues: &[(CueKind, &str)]| {
        let text = ARTICLES[doc].2;
        Statement {
            doc,
            actor,
            issue,
            stance,
            speaker: span(text, speaker),
            sentence: span(text, sentence),
            quote: quote.map(|q| span(text, q)),
            cues: cues
                .iter()
                .map(|(kind, word)| Cue {
                    kind: *kind,
                    span: span(text, word),
                })
                .collect(),
            grade: None,
            review: None,
        }
    };
    let statements = vec![
        statement(
            0,
            actor("russia"),
            issue("foreign_troops"),
            Stance::Oppose,
            "Dmitry Peskov",
            PESKOV,
            None,
            &[
                (CueKind::Stance, "rejected"),
                (CueKind::Issue, "foreign troops"),
            ],
        ),
        statement(
            1,
            actor("ukraine"),
            issue("security_guarantees"),
            Stance::Support,
            "Volodymyr Zelenskyy",
            "Ukraine welcomed the security guarantees offered by Europe, Volodymyr Zelenskyy said.",
            None,
            &[
                (CueKind::Stance, "welcomed"),
                (CueKind::Issue, "security guarantees"),
            ],
        ),
        statement(
            1,
            actor("ukraine"),
            issue("ceasefire"),
            Stance::Conditional,
            "Volodymyr Zelenskyy",
            "\"We will only accept a ceasefire if it is backed by guarantees,\" he added.",
            Some("We will only accept a ceasefire if it is backed by guarantees,"),
            &[
                (CueKind::Stance, "only accept"),
                (CueKind::Issue, "ceasefire"),
            ],
        ),
        statement(
            2,
            actor("russia"),
            issue("foreign_troops"),
            Stance::Oppose,
            "Peskov",
            PESKOV_AGAIN,
            None,
            &[
                (CueKind::Actor, "Moscow"),
                (CueKind::Stance, "ruled out"),
                (CueKind::Issue, "foreign troops"),
            ],
        ),
    ];
    Analysis::new(
        root.to_path_buf(),
        lexicon,
        documents,
        statements,
        vec![stancegrid::Skipped {
            file: "broken.pdf".into(),
            reason: "not a text file".into(),
        }],
    )
}

/// A window showing the hand-made analysis of the fixture corpus.
fn window_with_fixture(root: &Path, save_dir: Option<PathBuf>) -> Harness<'static, AppState> {
    let mut state = AppState::new(Default::default(), dialogs(None, save_dir));
    state.show(fixture_analysis(root));
    let mut harness = harness(state);
    harness.run();
    harness
}

/// A window that opened the fixture corpus, written into `dir`, with the
/// (scripted) folder dialog, once loading has finished.
fn window_opened_on(dir: &Path) -> Harness<'static, AppState> {
    write_corpus(dir);
    let mut harness = window::fresh(dialogs(Some(dir.to_path_buf()), None));
    harness.get_by_label("Open folder…").click();
    step_until(&mut harness, window::loaded);
    harness
}

#[test]
fn opening_a_folder_loads_it_in_the_background() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_opened_on(dir.path());
    let state = harness.state();
    let analysis = state.analysis.as_ref().expect("loaded");
    assert_eq!(analysis.documents.len(), 3);
    assert_eq!(state.prefs.last_folder.as_deref(), Some(dir.path()));
    assert_eq!(state.prefs.recent, [dir.path().to_path_buf()]);
    harness.get_by_label_contains("3 documents");
    // The library's own extraction, end to end: both Kremlin statements land in one cell.
    harness
        .get_by_label("Russia, Foreign troops: oppose (0 support, 2 oppose, 0 conditional)")
        .click();
    harness.run();
    harness.get_by_label("2 statements, newest first");
}

#[test]
fn a_copied_article_counts_once_and_its_statement_says_where_else_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("d-copy.txt"), PESKOV).expect("written");
    let mut harness = window_opened_on(dir.path());
    harness.get_by_label_contains("4 documents");
    harness.get_by_label("1 warning");
    harness
        .get_by_label("Russia, Foreign troops: oppose (0 support, 2 oppose, 0 conditional)")
        .click();
    harness.run();
    harness.get_by_label("2 statements, newest first");
    harness.get_by_label("also in 1 other article");
}

#[test]
fn the_sample_corpus_loads_and_reports_its_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    app::sample::write_to(dir.path()).expect("sample written");
    let mut harness = harness(AppState::new(Default::default(), dialogs(None, None)));
    let started = std::time::Instant::now();
    harness
        .state_mut()
        .apply(Command::Open(dir.path().to_path_buf()));
    step_until(&mut harness, window::loaded);
    let elapsed = started.elapsed();
    let state = harness.state();
    assert_eq!(state.analysis.as_ref().map(|a| a.documents.len()), Some(5));
    eprintln!(
        "sample corpus: analysed in {:?}, matrix drawn {elapsed:?} after the request",
        state.load_time.unwrap_or_default()
    );
    harness.get_by_label_contains("loaded in");
}

#[test]
fn clicking_a_cell_lists_its_quotes_newest_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .get_by_label("Russia, Foreign troops: oppose (0 support, 2 oppose, 0 conditional)")
        .click();
    harness.run();
    harness.get_by_label("Russia on Foreign troops");
    harness.get_by_label("2 statements, newest first");
    let dated = harness.get_by_label_contains("Dmitry Peskov said").rect();
    let undated = harness
        .get_by_label_contains("Peskov told reporters")
        .rect();
    assert!(
        dated.top() < undated.top(),
        "the dated statement comes first"
    );
    harness.get_by_label_contains("2025-03-01");
    harness.get_by_label_contains("· undated");
    assert_eq!(harness.get_all_by_label("Copy").count(), 2);
    // Empty cells are visibly empty and say so to screen readers.
    harness.get_by_label("Europe, Army size: no statements");
}

#[test]
fn show_in_article_opens_the_reader_on_that_sentence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .get_by_label_contains("Ukraine, Ceasefire: conditional")
        .click();
    harness.run();
    harness.get_by_label("Show in article").click();
    harness.run();
    let reader = harness.state().reader.clone().expect("the reader is open");
    assert_eq!(reader.doc, 1);
    assert_eq!(reader.statement, 2);
    assert!(
        !reader.scroll_pending,
        "the reader scrolled to the sentence"
    );
    harness.get_by_label("https://news.example/b-kyiv.txt · 2025-03-05 · b-kyiv.txt");
    harness.get_by_label_contains("1 other statement(s)");
    harness.get_by_label("Back to matrix").click();
    harness.run();
    assert!(harness.state().reader.is_none());
}

#[test]
fn a_stance_filter_changes_the_matrix_until_cleared() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    let russia = "Russia, Foreign troops: oppose (0 support, 2 oppose, 0 conditional)";
    harness.get_by_label(russia);
    harness
        .get_by_role_and_label(Role::CheckBox, "− oppose")
        .click();
    harness.run();
    assert!(!harness.state().prefs.filter.keeps_stance(Stance::Oppose));
    harness.get_by_label("Russia, Foreign troops: no statements");
    harness.get_by_label_contains("2 of 4 statements shown");
    harness.get_by_label("Clear filters").click();
    harness.run();
    assert_eq!(harness.state().prefs.filter, Filter::default());
    harness.get_by_label(russia);
}

#[test]
fn a_bad_date_is_reported_and_not_applied() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.state_mut().filter_form.from = "March".into();
    harness.run();
    harness.get_by_label_contains("is not a date like");
    assert_eq!(harness.state().prefs.filter.date_from, None);
    harness.state_mut().filter_form.from = "2025-03-02".into();
    harness.run();
    assert_eq!(
        harness.state().prefs.filter.date_from.as_deref(),
        Some("2025-03-02")
    );
    // Only the 2025-03-05 article is left: Russia's dated and undated statements drop out.
    harness.get_by_label("Russia, Foreign troops: no statements");
}

#[test]
fn export_writes_the_filtered_view_where_the_dialog_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), Some(out.path().to_path_buf()));
    harness
        .get_by_role_and_label(Role::CheckBox, "− oppose")
        .click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Statements (CSV)").click();
    harness.run();
    harness.get_by_label("Save…").click();
    step_until(&mut harness, |s| !s.is_busy() && s.message.is_some());
    let message = harness.state().message.clone().expect("a message");
    assert!(!message.is_error, "{}", message.text);
    let path = out
        .path()
        .join(stancegrid::export::Format::StatementsCsv.default_file_name());
    let csv = std::fs::read_to_string(&path).expect("the export is readable");
    assert!(csv.contains("Volodymyr Zelenskyy"), "{csv}");
    assert!(
        !csv.contains("Dmitry Peskov"),
        "filtered out on screen, so not exported: {csv}"
    );
    harness.get_by_label_contains("Exported to");
}

#[test]
fn a_missing_folder_shows_a_readable_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-folder");
    let mut harness = harness(AppState::new(Default::default(), dialogs(None, None)));
    harness.state_mut().apply(Command::Open(missing));
    step_until(&mut harness, |s| !s.is_busy());
    // Said where the matrix would be and in the status bar.
    assert!(
        harness
            .get_all_by_label_contains("folder not found")
            .count()
            >= 1
    );
    assert!(harness.state().analysis.is_none());
}

#[test]
fn a_file_is_not_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("article.txt");
    std::fs::write(&file, PESKOV).expect("written");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.state_mut().apply(Command::Open(file));
    step_until(&mut harness, |s| !s.is_busy());
    harness.get_by_label_contains("not a folder");
    assert_eq!(
        harness.state().analysis.as_ref().map(|a| a.root.as_path()),
        Some(dir.path())
    );
}

#[test]
fn cancelling_a_load_keeps_the_previous_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let big = tempfile::tempdir().expect("tempdir");
    let paragraph = format!("{PESKOV} {ZELENSKYY}\n").repeat(40);
    for i in 0..4000 {
        std::fs::write(big.path().join(format!("{i:05}.txt")), &paragraph).expect("written");
    }
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .state_mut()
        .apply(Command::Open(big.path().to_path_buf()));
    harness.step();
    harness.get_by_label("Cancel").click();
    // The worker may still be finishing its current file; the window does not wait for it.
    harness.run_ok();
    let state = harness.state();
    assert!(state.load.is_none(), "back to idle");
    assert_eq!(
        state.analysis.as_ref().map(|a| a.root.as_path()),
        Some(dir.path())
    );
    harness.get_by_label("Loading cancelled.");
}

#[test]
fn the_progress_bar_counts_files_read_then_documents_analysed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paragraph = format!("{PESKOV} {ZELENSKYY}\n").repeat(40);
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), &paragraph).expect("written");
    }
    let mut harness = harness(AppState::new(Default::default(), dialogs(None, None)));
    harness
        .state_mut()
        .apply(Command::Open(dir.path().to_path_buf()));
    let mut phases = Vec::new();
    while harness.state().is_busy() {
        harness.step();
        for phase in ["reading", "analysing"] {
            if harness.query_by_label_contains(phase).is_some() && !phases.contains(&phase) {
                phases.push(phase);
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        phases.ends_with(&["analysing"]),
        "the bar goes on while documents are analysed: {phases:?}"
    );
    harness.run_ok();
    assert_eq!(
        harness.state().analysis.as_ref().map(|a| a.documents.len()),
        Some(300)
    );
}

#[test]
fn arrows_move_the_selection_and_enter_opens_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selection, Some((0, 0)));
    harness.key_press(egui::Key::ArrowRight);
    harness.key_press(egui::Key::ArrowRight);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().selection, Some((1, 2)));
    for _ in 0..10 {
        harness.key_press(egui::Key::ArrowRight);
    }
    harness.run();
    let issues = harness.state().matrix.issues;
    assert_eq!(
        harness.state().selection,
        Some((1, issues - 1)),
        "stops at the edge"
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().evidence, Some((1, issues - 1)));
}

#[test]
fn the_theme_toggles_and_is_remembered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.get_by_label("Light theme").click();
    harness.run();
    assert_eq!(harness.state().prefs.theme, app::prefs::Theme::Light);
    harness.get_by_label("Dark theme");
}

#[test]
fn skipped_files_are_listed_with_their_reasons() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.get_by_label("1 skipped").click();
    harness.run();
    harness.get_by_label("broken.pdf");
    harness.get_by_label("skipped: not a text file");
}

#[test]
fn warnings_of_files_read_with_changes_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut analysis = fixture_analysis(dir.path());
    analysis.documents[1].warnings = vec!["2 invalid bytes replaced".into()];
    let mut state = AppState::new(Default::default(), dialogs(None, None));
    state.show(analysis);
    let mut harness = harness(state);
    harness.run();
    harness.get_by_label("1 warning").click();
    harness.run();
    harness.get_by_label("read, but 2 invalid bytes replaced");
    harness.get_by_label("b-kyiv.txt");
}

#[test]
fn a_large_cell_lists_its_statements_a_page_at_a_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut analysis = fixture_analysis(dir.path());
    let first = analysis.statements[0].clone();
    analysis.statements = vec![first; app::EVIDENCE_PAGE + 10];
    let mut state = AppState::new(Default::default(), dialogs(None, None));
    state.show(analysis);
    let mut harness = harness(state);
    harness.run();
    harness
        .get_by_label("Russia, Foreign troops: oppose (0 support, 60 oppose, 0 conditional)")
        .click();
    harness.run();
    assert_eq!(harness.get_all_by_label("Copy").count(), app::EVIDENCE_PAGE);
    // The button sits below the first page: scroll to it as a user would.
    harness
        .get_by_label("Show 10 more (10 left)")
        .scroll_to_me();
    harness.run();
    harness.get_by_label("Show 10 more (10 left)").click();
    harness.run();
    assert_eq!(
        harness.get_all_by_label("Copy").count(),
        app::EVIDENCE_PAGE + 10
    );
}

#[test]
fn filters_in_force_are_shown_and_each_chip_clears_only_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.state_mut().apply(Command::SetFilter(Filter {
        speaker: "nobody".into(),
        stances: [true, true, false],
        ..Filter::default()
    }));
    harness.run();
    harness.get_by_label("Filters on:");
    harness.get_by_label("All 4 statements are filtered out: clear a filter to see them.");
    harness.get_by_label("Speaker: nobody  ×").click();
    harness.run();
    let filter = &harness.state().prefs.filter;
    assert!(filter.speaker.is_empty());
    assert!(
        !filter.keeps_stance(Stance::Conditional),
        "the other chip stays"
    );
    harness.get_by_label("Stances: support, oppose  ×");
    harness.get_by_label("Clear all").click();
    harness.run();
    assert_eq!(harness.state().prefs.filter, Filter::default());
    assert!(harness.query_by_label("Filters on:").is_none());
}

#[test]
fn dates_the_wrong_way_round_say_why_the_matrix_is_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.state_mut().filter_form.from = "2025-04-01".into();
    harness.state_mut().filter_form.to = "2025-03-01".into();
    harness.run();
    harness.get_by_label("“From” (2025-04-01) is after “To” (2025-03-01): no article can match.");
    harness.get_by_label("From 2025-04-01  ×").click();
    harness.run();
    assert_eq!(
        harness.state().filter_form.from,
        "",
        "the typed date goes too"
    );
    assert_eq!(harness.state().prefs.filter.date_from, None);
    harness.get_by_label("To 2025-03-01  ×");
}

#[test]
fn reloading_keeps_the_open_cell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_opened_on(dir.path());
    harness
        .state_mut()
        .apply(Command::OpenCell { actor: 3, issue: 2 });
    harness.run();
    harness.key_press(egui::Key::F5);
    harness.step();
    step_until(&mut harness, |s| !s.is_busy());
    assert_eq!(harness.state().evidence, Some((3, 2)));
    assert_eq!(harness.state().selection, Some((3, 2)));
    // Another folder starts afresh.
    let other = tempfile::tempdir().expect("tempdir");
    write_corpus(other.path());
    harness
        .state_mut()
        .apply(Command::Open(other.path().to_path_buf()));
    step_until(&mut harness, |s| !s.is_busy());
    assert_eq!(harness.state().evidence, None);
}

#[test]
fn an_empty_cell_says_it_holds_no_statements() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .get_by_label("Europe, Army size: no statements")
        .hover();
    harness.run();
    harness.get_by_label_contains("No statements here.");
}

#[test]
fn an_xlsx_export_says_when_it_cut_a_cell_to_fit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    let mut analysis = fixture_analysis(dir.path());
    // A sentence longer than a spreadsheet cell holds.
    let long = format!("{}.", "Russia rejects foreign troops ".repeat(1_200));
    let mut doc = analysis.documents[0].clone();
    doc.file = "d-long.txt".into();
    doc.text = long.clone();
    doc.content = vec![Span::new(0, long.len())];
    analysis.documents.push(doc);
    let mut statement = analysis.statements[0].clone();
    statement.doc = analysis.documents.len() - 1;
    statement.sentence = Span::new(0, long.len());
    statement.speaker = Span::new(0, 6);
    statement.cues.clear();
    analysis.statements.push(statement);
    let mut state = AppState::new(
        Default::default(),
        dialogs(None, Some(out.path().to_path_buf())),
    );
    state.show(analysis);
    let mut harness = harness(state);
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Workbook (XLSX)").click();
    harness.run();
    harness.get_by_label("Save…").click();
    step_until(&mut harness, |s| !s.is_busy() && s.message.is_some());
    let message = harness.state().message.clone().expect("a message");
    assert!(!message.is_error, "{}", message.text);
    assert!(message.text.contains("cut to fit"), "{}", message.text);
}

/// A window whose file dialogs cannot be shown, as on a system without a
/// desktop portal or zenity.
fn window_without_dialogs(root: &Path) -> Harness<'static, AppState> {
    let mut harness = window::fresh(window::unavailable_dialogs(Some(root.to_path_buf())));
    harness.run();
    harness
}

#[test]
fn without_a_folder_dialog_a_typed_path_opens_the_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_corpus(dir.path());
    let mut harness = window_without_dialogs(dir.path());
    harness.get_by_label("Open folder…").click();
    step_until(&mut harness, |s| s.path_entry.is_some());
    harness.get_by_label_contains("No folder dialog could be shown");
    harness.state_mut().path_entry.as_mut().expect("asked").text = dir.path().display().to_string();
    harness.get_by_label("Open").click();
    step_until(&mut harness, window::loaded);
    assert_eq!(
        harness
            .state()
            .analysis
            .as_ref()
            .expect("loaded")
            .documents
            .len(),
        3
    );
    assert!(harness.state().path_entry.is_none());
}

#[test]
fn without_a_save_dialog_a_typed_path_receives_the_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    let mut harness = window_without_dialogs(dir.path());
    harness.state_mut().show(fixture_analysis(dir.path()));
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Save…").click();
    step_until(&mut harness, |s| s.path_entry.is_some());
    harness.get_by_label_contains("No save dialog could be shown");
    let target = out.path().join("typed.csv");
    harness.state_mut().path_entry.as_mut().expect("asked").text = target.display().to_string();
    harness.get_by_label("Save").click();
    step_until(&mut harness, |s| {
        !s.is_busy() && s.message.as_ref().is_some_and(|m| !m.is_error)
    });
    assert!(target.exists(), "the export went where the path says");
}

#[test]
fn ctrl_l_asks_for_a_path_with_the_recent_folders() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_corpus(dir.path());
    let mut state = AppState::new(Default::default(), dialogs(None, None));
    state.prefs.remember(dir.path());
    let mut harness = harness(state);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run();
    harness.get_by_label("Open a folder");
    harness
        .get_by_label(&dir.path().display().to_string())
        .click();
    step_until(&mut harness, window::loaded);
    assert!(harness.state().path_entry.is_none());
}

#[test]
fn copy_takes_the_quote_with_its_citation_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .get_by_label_contains("Ukraine, Ceasefire: conditional")
        .click();
    harness.run();
    harness.get_by_label("Copy").click();
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        copied,
        [
            "“We will only accept a ceasefire if it is backed by guarantees,” — Volodymyr \
          Zelenskyy, “Article b-kyiv.txt”, https://news.example/b-kyiv.txt, 2025-03-05"
        ]
    );
    harness.run();
    harness.get_by_label("Copied with its citation");
}

#[test]
fn the_speaker_filter_takes_whole_words_of_the_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    for (typed, shown) in [("pesk", "0 of 4"), ("peskov", "2 of 4")] {
        harness.state_mut().apply(Command::SetFilter(Filter {
            speaker: typed.into(),
            ..Filter::default()
        }));
        harness.run();
        harness.get_by_label_contains(&format!("{shown} statements shown"));
    }
}

#[test]
fn the_article_label_stands_before_its_dropdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let harness = window_with_fixture(dir.path(), None);
    let label = harness.get_by_label("Article").rect();
    let combo = harness
        .get_by_label("Only statements from one article")
        .rect();
    assert!(label.right() <= combo.left(), "{label:?} {combo:?}");
}

#[test]
fn f1_shows_the_keys_and_the_legend_and_hides_them_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.state().show_help);
    harness.get_by_label("Keys");
    harness.get_by_label("Ctrl+L");
    harness.get_by_label("both support and opposition");
    harness.get_by_label_contains("the words that decide the stance");
    harness.get_by_label_contains("Hover a marked word or a sentence to see what it is.");
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_by_label("Keys").is_none());
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Keys");
}

#[test]
fn hide_closes_the_evidence_panel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .get_by_label_contains("Russia, Foreign troops: oppose")
        .click();
    harness.run();
    harness.get_by_label("Russia on Foreign troops");
    harness.get_by_label("Hide").click();
    harness.run();
    assert_eq!(harness.state().evidence, None);
    assert!(harness.query_by_label("Russia on Foreign troops").is_none());
}

/// The texts of the tooltips shown while the pointer moves over `rect`, in
/// rows `step` apart, that contain `needle`.
fn tooltips_over(
    harness: &mut Harness<'_, AppState>,
    rect: egui::Rect,
    needle: &str,
) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut y = rect.top() + 6.0;
    while y < rect.bottom() {
        let mut x = rect.left() + 2.0;
        while x < rect.right() {
            harness.hover_at(egui::pos2(x, y));
            harness.run();
            seen.extend(
                harness
                    .query_all_by_label_contains(needle)
                    .map(|node| text_of(&node)),
            );
            x += 5.0;
        }
        y += 12.0;
    }
    seen
}

#[test]
fn hovering_a_cue_word_in_the_evidence_panel_says_what_it_decided() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .get_by_label_contains("Russia, Foreign troops: oppose")
        .click();
    harness.run();
    let sentence = harness
        .get_by_label_contains("Peskov told reporters")
        .rect();
    let notes = tooltips_over(&mut harness, sentence, " cue: ");
    let expected: BTreeSet<String> = [
        "actor cue: “Moscow” means Russia",
        "stance cue: “ruled out” means oppose",
        "issue cue: “foreign troops” means Foreign troops",
    ]
    .map(String::from)
    .into();
    assert_eq!(notes, expected);
}

#[test]
fn the_reader_explains_its_highlights_on_hover() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window_with_fixture(dir.path(), None);
    harness
        .get_by_label_contains("Ukraine, Ceasefire: conditional")
        .click();
    harness.run();
    harness.get_by_label("Show in article").click();
    harness.run();
    let text = harness
        .get_by_label_contains("Zelenskyy said. \"We will")
        .rect();
    let notes = tooltips_over(&mut harness, text, ": ");
    for note in [
        "Another statement of this article: Ukraine on Security guarantees, + support — Volodymyr Zelenskyy",
        "The statement you opened: Ukraine on Ceasefire, ~ conditional — Volodymyr Zelenskyy",
        "stance cue: “only accept” means conditional",
        "issue cue: “ceasefire” means Ceasefire",
    ] {
        assert!(notes.contains(note), "{note:?} not among {notes:#?}");
    }
    harness.get_by_label_contains("Hover one, or a marked word, to see what it is.");
}

/// One document of `bytes` on a single line, a sentence repeated, with a
/// statement every tenth sentence; the one in the middle names a ceasefire.
fn one_line_article(root: &Path, bytes: usize) -> Analysis {
    const SENTENCE: &str = "Russia rejected the deployment of foreign troops, Peskov said. ";
    const MIDDLE: &str = "Zelenskyy said a ceasefire must come first. ";
    let half = SENTENCE.repeat(bytes / 2 / SENTENCE.len());
    let text = format!("{half}{MIDDLE}{half}");
    let mut analysis = fixture_analysis(root);
    let mut doc = analysis.documents[0].clone();
    doc.content = vec![Span::new(0, text.len())];
    doc.text = text;
    analysis.documents = vec![doc];
    let template = analysis.statements[0].clone();
    let at = |start: usize, len: usize| Statement {
        sentence: Span::new(start, start + len),
        speaker: Span::new(start, start + 6),
        cues: Vec::new(),
        grade: None,
        review: None,
        ..template.clone()
    };
    let mut statements: Vec<Statement> = (0..half.len() / SENTENCE.len())
        .step_by(10)
        .map(|i| at(i * SENTENCE.len(), SENTENCE.len() - 1))
        .collect();
    statements.push(Statement {
        issue: analysis.lexicon.issue_index("ceasefire").expect("issue"),
        ..at(half.len(), MIDDLE.len() - 1)
    });
    analysis.statements = statements;
    analysis
}

/// The bytes the reader lays out in a frame, opened on the middle statement
/// of a one-line article of `bytes`, and whether that statement is in view.
fn reader_frame_work(bytes: usize) -> usize {
    let dir = tempfile::tempdir().expect("tempdir");
    let analysis = one_line_article(dir.path(), bytes);
    let middle = analysis.statements.len() - 1;
    let mut harness = window::showing(analysis, egui::vec2(1400.0, 900.0));
    harness.state_mut().apply(Command::ShowInArticle(middle));
    harness.run();
    harness.step();
    let sentence = harness
        .get_by_label_contains("Zelenskyy said a ceasefire must come first.")
        .rect();
    assert!(
        sentence.top() > 0.0 && sentence.bottom() < 900.0,
        "the statement is scrolled into view: {sentence:?}"
    );
    app::reader_bytes_laid_out(&harness.ctx)
}

#[test]
fn the_reader_lays_out_only_the_text_in_view() {
    let small = reader_frame_work(400_000);
    let large = reader_frame_work(800_000);
    assert!(small > 0, "the reader laid out nothing");
    assert!(
        small < 400_000 / 20,
        "a frame laid out {small} of 400,000 bytes"
    );
    assert!(
        large as f64 <= small as f64 * 1.2,
        "twice the article, {small} → {large} bytes laid out per frame"
    );
}

#[test]
fn the_reader_wraps_its_text_beside_the_evidence_panel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut analysis = fixture_analysis(dir.path());
    analysis.documents[1].title =
        "Zelenskyy says Ukraine will accept a ceasefire only with security guarantees".into();
    let mut harness = window::showing(analysis, egui::vec2(800.0, 600.0));
    harness
        .get_by_label_contains("Ukraine, Ceasefire: conditional")
        .click();
    harness.run();
    harness.get_by_label("Show in article").click();
    harness.run();
    let edge = panel_edge(&mut harness, "Ukraine on Ceasefire");
    for text in [
        "Zelenskyy said. \"We will",
        "Zelenskyy says Ukraine will accept",
    ] {
        // The reader's, not the evidence panel's.
        let rect = harness
            .get_all_by_label_contains(text)
            .map(|n| n.rect())
            .find(|r| r.left() < edge)
            .expect("the reader shows it");
        assert!(
            rect.right() <= edge,
            "{text:?} runs to {} behind the panel at {edge}",
            rect.right(),
        );
    }
}

/// The fixture with thousands of statements in a cell, so that counts and
/// totals are long.
fn crowded_analysis(root: &Path) -> Analysis {
    let mut analysis = fixture_analysis(root);
    let [oppose, support, conditional, _] = [0, 1, 2, 3].map(|i| analysis.statements[i].clone());
    let mut statements = Vec::new();
    for (statement, n) in [(oppose, 15_020), (support, 4_711), (conditional, 130)] {
        statements.extend(std::iter::repeat_n(statement, n));
    }
    // Support and opposition in one cell (mixed): Ukraine on security guarantees.
    let (actor, issue) = (statements[15_020].actor, statements[15_020].issue);
    let mixed: Vec<Statement> = statements[..2_000]
        .iter()
        .map(|s| Statement {
            actor,
            issue,
            ..s.clone()
        })
        .collect();
    statements.extend(mixed);
    analysis.statements = statements;
    analysis
}

/// Assert that every text of every matrix cell left of `edge` (the
/// evidence panel's, if open) lies inside the cell.
fn assert_cells_fit(harness: &Harness<'_, AppState>, size: egui::Vec2, edge: f32) {
    let cells: Vec<(String, egui::Rect)> = harness
        .query_all_by(|n| {
            let text = n.label().or_else(|| n.value()).unwrap_or_default();
            let cell = text.contains(", ") && text.contains(": ");
            let total = text.contains(" statements (");
            cell || total
        })
        .map(|n| (text_of(&n), n.rect()))
        .filter(|(_, rect)| rect.right() <= edge)
        .collect();
    assert!(cells.len() >= 8, "{} cells and totals found", cells.len());
    let labels: Vec<(String, egui::Rect)> = harness
        .query_all_by_role(Role::Label)
        .map(|n| (text_of(&n), n.rect()))
        .collect();
    for (name, cell) in &cells {
        let inside: Vec<&(String, egui::Rect)> = labels
            .iter()
            .filter(|(_, rect)| cell.contains(rect.center()))
            .collect();
        assert!(!inside.is_empty(), "{name}: no text at {size:?}");
        for (text, rect) in inside {
            assert!(
                cell.expand(0.5).contains_rect(*rect) && !text.ends_with('…'),
                "{name}: {text:?} ({rect:?}) does not fit {cell:?} at {size:?}"
            );
        }
    }
}

#[test]
fn every_cell_fits_its_text_at_any_window_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    for size in [
        egui::vec2(800.0, 600.0),
        egui::vec2(900.0, 600.0),
        egui::vec2(1280.0, 800.0),
        egui::vec2(1400.0, 900.0),
    ] {
        let mut harness = window::showing(crowded_analysis(dir.path()), size);
        assert_cells_fit(&harness, size, f32::INFINITY);
        harness
            .get_by_label_contains("Ukraine, Security guarantees: mixed")
            .click();
        harness.run();
        let edge = panel_edge(&mut harness, "Ukraine on Security guarantees");
        assert_cells_fit(&harness, size, edge);
    }
}

/// The x of the evidence panel's edge, as a user finds it: left of the
/// panel's `heading`, where the pointer turns into a resize arrow.
fn panel_edge(harness: &mut Harness<'_, AppState>, heading: &str) -> f32 {
    let heading = harness.get_by_label(heading).rect();
    let y = heading.bottom() + 40.0;
    for dx in 0..40 {
        let x = heading.left() - dx as f32;
        harness.hover_at(egui::pos2(x, y));
        harness.run();
        let icon = harness.output().platform_output.cursor_icon;
        if matches!(
            icon,
            egui::CursorIcon::ResizeHorizontal
                | egui::CursorIcon::ResizeWest
                | egui::CursorIcon::ResizeEast
        ) {
            return x;
        }
    }
    panic!("no resize edge left of the panel's heading at {heading:?}");
}

/// Drag with the primary button from `from` to `to`.
fn drag(harness: &mut Harness<'_, AppState>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    harness.hover_at(from);
    harness.run();
    harness.event(button(from, true));
    harness.step();
    for t in 1..=10 {
        harness.hover_at(from + (to - from) * (t as f32 / 10.0));
        harness.step();
    }
    harness.event(button(to, false));
    harness.run();
}

#[test]
fn the_party_column_and_the_selected_cell_stay_in_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut harness = window::showing(fixture_analysis(dir.path()), egui::vec2(900.0, 600.0));
    // Select the last column with the keys, then open it.
    harness.key_press(egui::Key::ArrowDown);
    for _ in 0..10 {
        harness.key_press(egui::Key::ArrowRight);
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    let (actor, issue) = harness.state().selection.expect("a selection");
    let analysis = harness.state().analysis.clone().expect("analysis");
    let name = format!(
        "{}, {}: ",
        analysis.lexicon.actors()[actor].name,
        analysis.lexicon.issues()[issue].name
    );
    let heading = format!(
        "{} on {}",
        analysis.lexicon.actors()[actor].name,
        analysis.lexicon.issues()[issue].name
    );
    let in_view = |harness: &mut Harness<'_, AppState>, why: &str| {
        let edge = panel_edge(harness, &heading);
        let party = harness.get_by_label("Ukraine").rect();
        let cell = harness.get_by_label_contains(&name).rect();
        assert!(
            party.left() >= 0.0,
            "{why}: the party column left the window"
        );
        assert!(
            cell.left() >= party.right() && cell.right() <= edge + 1.0,
            "{why}: the selected cell {cell:?} is not between the party column ({}) and the panel ({edge})",
            party.right()
        );
    };
    in_view(&mut harness, "selected with the keys");
    // Drag the panel's edge 250 points to the left.
    let edge = panel_edge(&mut harness, &heading);
    drag(
        &mut harness,
        egui::pos2(edge, 300.0),
        egui::pos2(edge - 250.0, 300.0),
    );
    assert!(
        panel_edge(&mut harness, &heading) < edge - 200.0,
        "the panel was dragged wider"
    );
    in_view(&mut harness, "after dragging the panel");
}
