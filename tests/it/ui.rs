//! Tests: the window, driven headless through egui_kittest. A user opens a
//! folder, clicks a cell, reads the quotes, filters, exports; every dialog
//! answers from a script and every file lives in a temp dir.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancegrid::app::dialogs::Scripted;
use stancegrid::app::{self, AppState, Command};
use stancegrid::matrix::Filter;
use stancegrid::{Analysis, Cue, CueKind, Document, Lexicon, Span, Stance, Statement};
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

fn dialogs(folder: Option<PathBuf>, save_dir: Option<PathBuf>) -> Arc<Scripted> {
    Arc::new(Scripted {
        folder,
        save_dir,
        unavailable: false,
    })
}

fn harness(state: AppState) -> Harness<'static, AppState> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, state: &mut AppState| app::ui(ui, state), state)
}

/// A window showing the hand-made analysis of the fixture corpus.
fn window_with_fixture(root: &Path, save_dir: Option<PathBuf>) -> Harness<'static, AppState> {
    let mut state = AppState::new(Default::default(), dialogs(None, save_dir));
    state.show(fixture_analysis(root));
    let mut harness = harness(state);
    harness.run();
    harness
}

/// Step frames until `done` holds, for at most ten seconds.
fn step_until(harness: &mut Harness<'_, AppState>, done: impl Fn(&AppState) -> bool) {
    for _ in 0..1000 {
        harness.step();
        if done(harness.state()) {
            harness.run_ok();
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("the background job did not finish in time");
}

fn idle(state: &AppState) -> bool {
    !state.is_busy()
}

/// A window that opened the fixture corpus, written into `dir`, with the
/// (scripted) folder dialog, once loading has finished.
fn window_opened_on(dir: &Path) -> Harness<'static, AppState> {
    write_corpus(dir);
    let state = AppState::new(Default::default(), dialogs(Some(dir.to_path_buf()), None));
    let mut harness = harness(state);
    harness.get_by_label("Open folder…").click();
    step_until(&mut harness, |s| s.analysis.is_some() && idle(s));
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
    step_until(&mut harness, |s| s.analysis.is_some() && idle(s));
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
    harness.get_by_label("− oppose").click();
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
    harness.get_by_label("− oppose").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Statements (CSV)").click();
    harness.run();
    harness.get_by_label("Save…").click();
    step_until(&mut harness, |s| idle(s) && s.message.is_some());
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
    step_until(&mut harness, idle);
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
    step_until(&mut harness, idle);
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
    step_until(&mut harness, idle);
    assert_eq!(harness.state().evidence, Some((3, 2)));
    assert_eq!(harness.state().selection, Some((3, 2)));
    // Another folder starts afresh.
    let other = tempfile::tempdir().expect("tempdir");
    write_corpus(other.path());
    harness
        .state_mut()
        .apply(Command::Open(other.path().to_path_buf()));
    step_until(&mut harness, idle);
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
    step_until(&mut harness, |s| idle(s) && s.message.is_some());
    let message = harness.state().message.clone().expect("a message");
    assert!(!message.is_error, "{}", message.text);
    assert!(message.text.contains("cut to fit"), "{}", message.text);
}

/// A window whose file dialogs cannot be shown, as on a system without a
/// desktop portal or zenity.
fn window_without_dialogs(root: &Path) -> Harness<'static, AppState> {
    let dialogs = Arc::new(Scripted {
        folder: Some(root.to_path_buf()),
        save_dir: Some(root.to_path_buf()),
        unavailable: true,
    });
    let mut harness = harness(AppState::new(Default::default(), dialogs));
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
    step_until(&mut harness, |s| s.analysis.is_some() && idle(s));
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
        idle(s) && s.message.as_ref().is_some_and(|m| !m.is_error)
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
    step_until(&mut harness, |s| s.analysis.is_some() && idle(s));
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
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.query_by_label("Keys").is_none());
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("Keys");
}
