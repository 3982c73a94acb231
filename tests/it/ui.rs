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
    Analysis {
        root: root.to_path_buf(),
        lexicon,
        documents,
        statements,
        skipped: vec![stancegrid::Skipped {
            file: "broken.pdf".into(),
            reason: "not a text file".into(),
        }],
    }
}

fn dialogs(folder: Option<PathBuf>, save_dir: Option<PathBuf>) -> Arc<Scripted> {
    Arc::new(Scripted { folder, save_dir })
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

#[test]
fn opening_a_folder_loads_it_in_the_background() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_corpus(dir.path());
    let state = AppState::new(
        Default::default(),
        dialogs(Some(dir.path().to_path_buf()), None),
    );
    let mut harness = harness(state);
    harness.get_by_label("Open folder…").click();
    step_until(&mut harness, |s| s.analysis.is_some() && idle(s));
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
    harness.get_by_label("not a text file");
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
