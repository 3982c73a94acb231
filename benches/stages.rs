//! Times each stage of an analysis of one folder with `Instant`, for
//! `scripts/bench.sh`:
//!
//! ```text
//! cargo bench --bench stages -- DIR
//! ```
//!
//! Prints a Markdown table: load (read, decode, clean), extract, matrix, JSON,
//! and the whole `analyze` + matrix as the CLI runs it. Without a folder (as in
//! a plain `cargo bench`) it does nothing.

use rayon::prelude::*;
use stancegrid::matrix::{Filter, Matrix};
use stancegrid::{Analysis, Lexicon, LoadOptions, corpus, export};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    // `cargo bench` passes `--bench` (and filters) to every bench target.
    let Some(dir) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        eprintln!("usage: cargo bench --bench stages -- DIR");
        return ExitCode::SUCCESS;
    };
    match run(Path::new(&dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stages: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let bytes = folder_bytes(dir)?;
    let lexicon = Arc::new(Lexicon::builtin());
    let options = LoadOptions::default();
    let cancel = AtomicBool::new(false);
    let quiet = |_| {};

    // Read every file once so that all rows below see a warm page cache.
    corpus::load(dir, &options, &quiet, &cancel)?;

    let (corpus, load) = timed(|| corpus::load(dir, &options, &quiet, &cancel));
    let corpus = corpus?;
    let docs = corpus.documents.len();
    let (per_doc, extract) = timed(|| {
        corpus
            .documents
            .par_iter()
            .enumerate()
            .map(|(i, doc)| stancegrid::statements_of(i, doc, &lexicon))
            .collect::<Vec<_>>()
    });
    let analysis = Analysis::new(
        dir.to_path_buf(),
        lexicon.clone(),
        corpus.documents,
        per_doc.into_iter().flatten().collect(),
        corpus.skipped,
    );
    let (matrix, build) = timed(|| Matrix::build(&analysis, &Filter::default()));
    let (json, render) = timed(|| export::render(export::Format::Json, &analysis, &matrix));
    let json = json?;
    let (whole, end_to_end) = timed(|| {
        stancegrid::analyze(dir, lexicon.clone(), &options, &quiet, &cancel)
            .map(|a| Matrix::build(&a, &Filter::default()).total())
    });
    whole?;

    println!(
        "{} files ({} analysed, {} skipped), {:.1} MB on disk, {} statements, JSON {:.1} MB",
        docs + analysis.skipped.len(),
        docs,
        analysis.skipped.len(),
        bytes as f64 / 1e6,
        analysis.statements.len(),
        json.len() as f64 / 1e6,
    );
    println!();
    println!("| stage | time | MB/s | docs/s |");
    println!("|---|---:|---:|---:|");
    let row = |name: &str, time: Duration| {
        let s = time.as_secs_f64();
        println!(
            "| {name} | {:.0} ms | {:.0} | {:.0} |",
            s * 1e3,
            bytes as f64 / 1e6 / s,
            docs as f64 / s
        );
    };
    row("load (read, decode, clean)", load);
    row("extract", extract);
    row("matrix build", build);
    row("JSON render", render);
    row("analyze + matrix (in process)", end_to_end);
    Ok(())
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// Bytes of all files under `dir`, as the corpus is on disk.
fn folder_bytes(dir: &Path) -> std::io::Result<u64> {
    let mut total = 0;
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let meta = entry.metadata()?;
        total += if meta.is_dir() {
            folder_bytes(&entry.path())?
        } else {
            meta.len()
        };
    }
    Ok(total)
}
