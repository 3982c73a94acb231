//! Throughput of each analysis stage on a generated 10 MB corpus
//! (`cargo bench --bench throughput`), and the cost of rebuilding the matrix
//! over 50,000 statements, which the window pays on every filter change.
//!
//! The corpus is written once per run into a temporary folder; the seed is
//! fixed so that runs compare.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use rayon::prelude::*;
use stancegrid::matrix::{Filter, Matrix};
use stancegrid::synth::Generated;
use stancegrid::{Analysis, LoadOptions, Stance, corpus, export};
use std::sync::LazyLock;
use std::sync::atomic::AtomicBool;

const CORPUS_BYTES: u64 = 10_000_000;
const SEED: u64 = 1;

fn main() {
    divan::main();
}

/// The generated folder and its analysis, shared by every benchmark.
static FIXTURE: LazyLock<Generated> = LazyLock::new(|| {
    stancegrid::synth::generate_and_analyze(CORPUS_BYTES, SEED).expect("the corpus loads")
});

fn load_corpus() -> corpus::Corpus {
    corpus::load(
        FIXTURE.dir.path(),
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("the corpus loads")
}

/// Read, decode and clean every file.
#[divan::bench(sample_count = 20)]
fn load(bencher: Bencher) {
    bencher
        .counter(BytesCount::new(FIXTURE.stats.bytes))
        .bench(load_corpus);
}

/// Statements of every loaded document, in parallel as `analyze` does.
#[divan::bench(sample_count = 10)]
fn extract(bencher: Bencher) {
    let lexicon = &FIXTURE.analysis.lexicon;
    let documents = &FIXTURE.analysis.documents;
    bencher
        .counter(BytesCount::new(FIXTURE.stats.bytes))
        .bench(|| {
            documents
                .par_iter()
                .enumerate()
                .map(|(i, doc)| stancegrid::statements_of(i, doc, lexicon))
                .collect::<Vec<_>>()
        });
}

#[divan::bench(sample_count = 50)]
fn matrix_build(bencher: Bencher) {
    let analysis = &FIXTURE.analysis;
    bencher
        .counter(ItemsCount::new(analysis.statements.len()))
        .bench(|| Matrix::build(analysis, &Filter::default()));
}

#[divan::bench(sample_count = 10)]
fn json_render(bencher: Bencher) {
    let analysis = &FIXTURE.analysis;
    let matrix = Matrix::build(analysis, &Filter::default());
    bencher
        .counter(ItemsCount::new(analysis.statements.len()))
        .bench(|| export::render(export::Format::Json, analysis, &matrix).expect("JSON renders"));
}

/// What `stancegrid analyze DIR --format json` does, short of writing the file.
#[divan::bench(sample_count = 10)]
fn analyze_to_json(bencher: Bencher) {
    let lexicon = FIXTURE.analysis.lexicon.clone();
    bencher
        .counter(BytesCount::new(FIXTURE.stats.bytes))
        .bench(|| {
            let analysis = stancegrid::analyze(
                FIXTURE.dir.path(),
                lexicon.clone(),
                &LoadOptions::default(),
                &|_| {},
                &AtomicBool::new(false),
            )
            .expect("the corpus loads");
            let matrix = Matrix::build(&analysis, &Filter::default());
            export::render(export::Format::Json, &analysis, &matrix).expect("JSON renders")
        });
}

/// The matrix the window rebuilds when a filter changes, over 50,000 statements.
mod filter_50k {
    use super::*;

    const STATEMENTS: usize = 50_000;

    /// The fixture's analysis with its statements repeated up to 50,000.
    static ANALYSIS: LazyLock<Analysis> = LazyLock::new(|| {
        let mut analysis = FIXTURE.analysis.clone();
        let statements = &FIXTURE.analysis.statements;
        assert!(!statements.is_empty(), "the corpus yields statements");
        analysis.statements = statements
            .iter()
            .cycle()
            .take(STATEMENTS)
            .cloned()
            .collect();
        analysis
    });

    fn filter(name: &str) -> Filter {
        let analysis = &*ANALYSIS;
        let mut filter = Filter::default();
        match name {
            "none" => {}
            "stance" => filter.stances = Stance::ALL.map(|s| s != Stance::Conditional),
            "dates" => {
                filter.date_from = Some("2025-03-01".into());
                filter.date_to = Some("2025-09-30".into());
            }
            "documents" => {
                filter.documents = analysis.documents[..10]
                    .iter()
                    .map(|d| d.file.clone())
                    .collect();
            }
            "speaker" => {
                let s = &analysis.statements[0];
                filter.speaker = analysis.text(s.doc, s.speaker).to_string();
            }
            "text" => filter.text = "ceasefire".into(),
            other => unreachable!("no filter named {other}"),
        }
        filter
    }

    #[divan::bench(args = ["none", "stance", "dates", "documents", "speaker", "text"])]
    fn matrix_build(bencher: Bencher, name: &str) {
        let analysis = &*ANALYSIS;
        let filter = filter(name);
        bencher
            .counter(ItemsCount::new(STATEMENTS))
            .bench(|| Matrix::build(analysis, black_box(&filter)));
    }
}
