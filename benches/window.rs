//! The window's cost with a large corpus, headless and through its own code
//! path (`cargo bench --bench window`): one frame of the matrix with about
//! 50,000 statements, one frame with the largest cell's evidence open, a
//! filter change, the time from "open folder" to the matrix drawn, one frame
//! of the statements table of 50,000 rows, sorted, and one frame of the
//! article reader on a 20 MB article on one line and on a transcript of
//! 5,000 statements.

use divan::Bencher;
use egui_kittest::Harness;
use stancegrid::app::dialogs::Scripted;
use stancegrid::app::{self, AppState, Command, SortColumn};
use stancegrid::matrix::Filter;
use stancegrid::synth::Generated;
use stancegrid::{Analysis, Document, Lexicon, Span, Stance, Statement};
use std::sync::{Arc, LazyLock};

/// About 50,000 statements at the synthetic corpus' density.
const CORPUS_BYTES: u64 = 10_000_000;
const SEED: u64 = 1;

fn main() {
    divan::main();
}

static FIXTURE: LazyLock<Generated> = LazyLock::new(|| {
    let generated =
        stancegrid::synth::generate_and_analyze(CORPUS_BYTES, SEED).expect("the corpus loads");
    eprintln!(
        "window benchmarks: {} statements",
        generated.analysis.statements.len()
    );
    generated
});

fn window(state: AppState) -> Harness<'static, AppState> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, state: &mut AppState| app::ui(ui, state), state)
}

fn state() -> AppState {
    let dialogs = Arc::new(Scripted {
        folder: None,
        save_dir: None,
        unavailable: false,
    });
    AppState::new(Default::default(), dialogs)
}

/// A window showing the whole analysis, settled.
fn showing_analysis() -> Harness<'static, AppState> {
    let mut state = state();
    state.show(FIXTURE.analysis.clone());
    let mut harness = window(state);
    harness.run();
    harness
}

/// The fullest cell, whose evidence panel is the longest.
fn fullest_cell(analysis: &Analysis) -> (usize, usize) {
    let matrix = stancegrid::matrix::Matrix::build(analysis, &Filter::default());
    (0..matrix.actors)
        .flat_map(|a| (0..matrix.issues).map(move |i| (a, i)))
        .max_by_key(|&(a, i)| matrix.cell(a, i).statements.len())
        .unwrap_or((0, 0))
}

#[divan::bench(sample_count = 30)]
fn frame_matrix(bencher: Bencher) {
    let mut harness = showing_analysis();
    bencher.bench_local(|| harness.step());
}

#[divan::bench(sample_count = 30)]
fn frame_with_fullest_cell_open(bencher: Bencher) {
    let mut harness = showing_analysis();
    let (actor, issue) = fullest_cell(&FIXTURE.analysis);
    harness.state_mut().push(Command::OpenCell { actor, issue });
    harness.run();
    bencher.bench_local(|| harness.step());
}

/// 50,000 statements in as many distinct sentences (copies would be listed
/// once), across parties, issues and stances, 100 to an article.
fn table_fixture() -> Analysis {
    const ROWS: usize = 50_000;
    const PER_ARTICLE: usize = 100;
    let lexicon = Arc::new(Lexicon::builtin());
    let (actors, issues) = (lexicon.actors().len(), lexicon.issues().len());
    let mut documents = Vec::new();
    let mut statements = Vec::new();
    for article in 0..ROWS / PER_ARTICLE {
        let mut text = String::new();
        for n in 0..PER_ARTICLE {
            let i = article * PER_ARTICLE + n;
            let start = text.len();
            text.push_str(&format!(
                "Speaker {i} said position {} holds on point {}.\n",
                i % 97,
                i % 89
            ));
            statements.push(Statement::new(
                article,
                i % actors,
                (i / actors) % issues,
                Stance::ALL[i % Stance::ALL.len()],
                Span::new(start, start + 7),
                Span::new(start, text.len() - 1),
            ));
        }
        let mut doc = Document::from_text(&format!("article-{article}.txt"), &text);
        doc.date = Some(format!(
            "2025-{:02}-{:02}",
            article % 12 + 1,
            article % 28 + 1
        ));
        documents.push(doc);
    }
    Analysis::new("table".into(), lexicon, documents, statements, Vec::new())
}

/// Sorted by sentence (the costliest sort), so that a frame that sorted
/// again would show.
#[divan::bench(sample_count = 30)]
fn frame_statements_table_of_50000_rows(bencher: Bencher) {
    let mut state = state();
    state.show(table_fixture());
    state.push(Command::ShowTable {
        actor: None,
        issue: None,
    });
    state.push(Command::SortTable(SortColumn::Sentence));
    let mut harness = window(state);
    harness.run();
    let rows = harness.state_mut().table_rows().len();
    assert_eq!(rows, 50_000, "the table lists every statement");
    bencher.bench_local(|| harness.step());
}

#[divan::bench(sample_count = 20)]
fn filter_change_and_frame(bencher: Bencher) {
    let mut harness = showing_analysis();
    let mut untick_oppose = false;
    bencher.bench_local(|| {
        untick_oppose = !untick_oppose;
        let filter = Filter {
            stances: [true, !untick_oppose, true],
            ..Filter::default()
        };
        harness.state_mut().push(Command::SetFilter(filter));
        harness.step();
    });
}

#[divan::bench(sample_count = 5)]
fn open_folder_to_matrix_drawn(bencher: Bencher) {
    let dir = FIXTURE.dir.path().to_path_buf();
    bencher.bench_local(|| {
        let mut harness = window(state());
        harness.state_mut().push(Command::Open(dir.clone()));
        while harness.state().is_busy() || harness.state().analysis.is_none() {
            harness.step();
        }
        harness.step();
    });
}

/// A window reading one article made of `line` repeated to `bytes`, with
/// `line` on one line of its own each time when `breaks`, and a statement on
/// each, opened on the middle one.
fn reading(line: &str, bytes: usize, breaks: bool) -> Harness<'static, AppState> {
    let step = line.len() + usize::from(breaks);
    let count = bytes / step;
    let text = if breaks {
        format!("{line}\n").repeat(count)
    } else {
        line.repeat(count)
    };
    let lexicon = Arc::new(Lexicon::builtin());
    let statements = (0..count)
        .map(|i| {
            Statement::new(
                0,
                0,
                0,
                Stance::Oppose,
                Span::new(i * step, i * step + 6),
                Span::new(i * step, i * step + line.len()),
            )
        })
        .collect();
    let analysis = Analysis::new(
        "reader".into(),
        lexicon,
        vec![Document::from_text("article.txt", &text)],
        statements,
        Vec::new(),
    );
    let mut state = state();
    state.show(analysis);
    state.push(Command::ShowInArticle(count / 2));
    let mut harness = window(state);
    harness.run();
    harness
}

#[divan::bench(sample_count = 20)]
fn frame_reader_20mb_on_one_line(bencher: Bencher) {
    let mut harness = reading(
        "Russia rejected the deployment of foreign troops, Peskov said. ",
        20_000_000,
        false,
    );
    bencher.bench_local(|| harness.step());
}

#[divan::bench(sample_count = 20)]
fn frame_reader_transcript_of_5000_statements(bencher: Bencher) {
    let mut harness = reading(
        "PESKOV: Russia rejects the deployment of any foreign troops in Ukraine, and it will not change that view.",
        534_000,
        true,
    );
    bencher.bench_local(|| harness.step());
}
