//! A folder in, statements out, through `stancegrid::analyze`: how far it has
//! come while it works.

use stancegrid::{Analysis, CorpusError, Lexicon, LoadOptions, Phase, Progress};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

const KREMLIN: &str = "Russia rejected the deployment of foreign troops in Ukraine, Kremlin spokesman Dmitry Peskov said.";
const KYIV: &str =
    "Ukraine welcomed the security guarantees offered by Europe, Volodymyr Zelenskyy said.";

fn analyze(
    dir: &Path,
    progress: &(dyn Fn(Progress) + Sync),
    cancel: &AtomicBool,
) -> Result<Analysis, CorpusError> {
    stancegrid::analyze(
        dir,
        Arc::new(Lexicon::builtin()),
        &LoadOptions::default(),
        progress,
        cancel,
    )
}

fn write_articles(dir: &Path, n: usize) {
    for i in 0..n {
        let text = format!("Talks, day {i}\n\n{KREMLIN}\n\n{KYIV}\n");
        std::fs::write(dir.join(format!("{i:02}.txt")), text).expect("article written");
    }
}

#[test]
fn progress_counts_files_read_then_documents_analysed() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_articles(dir.path(), 12);
    std::fs::write(dir.path().join("photo.png"), b"\x89PNG\r\n\x1a\n").expect("written");
    let reports = Mutex::new(Vec::new());
    let record = |p: Progress| reports.lock().expect("lock").push(p);
    let analysis = analyze(dir.path(), &record, &AtomicBool::new(false)).expect("analysed");
    assert_eq!(analysis.documents.len(), 12);
    let reports = reports.into_inner().expect("lock");
    let (reading, analysing): (Vec<Progress>, Vec<Progress>) =
        reports.iter().partition(|p| p.phase == Phase::Reading);
    assert!(
        reports.is_sorted_by_key(|p| p.phase),
        "every file is read before the first document is analysed"
    );
    assert_eq!(
        reading.len(),
        13,
        "one report per file found, the skipped one too"
    );
    assert!(reading.iter().all(|p| p.total == 13));
    assert_eq!(analysing.len(), 12, "one report per document");
    assert!(analysing.iter().all(|p| p.total == 12));
    let mut done: Vec<usize> = analysing.iter().map(|p| p.done).collect();
    done.sort_unstable();
    assert_eq!(
        done,
        (1..=12).collect::<Vec<_>>(),
        "the count reaches every document"
    );
}

#[test]
fn cancelling_while_documents_are_analysed_stops_the_analysis() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_articles(dir.path(), 12);
    let cancel = AtomicBool::new(false);
    let stop_when_analysing = |p: Progress| {
        if p.phase == Phase::Analysing {
            cancel.store(true, Ordering::Relaxed);
        }
    };
    let result = analyze(dir.path(), &stop_when_analysing, &cancel);
    assert!(matches!(result, Err(CorpusError::Cancelled)));
}
