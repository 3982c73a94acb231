//! Extraction grows linearly with its input, on the shapes that once made it
//! hang: one paragraph of a whole corpus, a sentence that never ends, a
//! speaker named over and over, quotations that never close.
//!
//! Each shape is extracted at two sizes and the steps it took are compared
//! (see `extract::work`), not the time: doubling the input may at most
//! about double the work.

use std::sync::LazyLock;

use stancegrid::{Document, Lexicon, Span, extract};

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

/// How much more work twice the input may take: linear work grows about
/// 2×, and a quadratic part shows beyond this at these sizes.
const MAX_GROWTH: f64 = 2.25;

/// The steps extraction takes on `text`, one document of one content block.
fn work(text: &str) -> u64 {
    let doc = Document {
        file: "t.txt".into(),
        path: "t.txt".into(),
        title: String::new(),
        date: None,
        source: String::new(),
        content: vec![Span::new(0, text.len())],
        text: text.to_string(),
    };
    extract::work::tally(|| extract::statements(0, &doc, &LEXICON)).1
}

/// `unit` repeated to at least `bytes` bytes.
fn repeated(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

/// Assert that the work on `shape(2n)` is at most [`MAX_GROWTH`] times that on `shape(n)`.
fn assert_linear(n: usize, shape: impl Fn(usize) -> String) {
    let (small, large) = (work(&shape(n)), work(&shape(2 * n)));
    let growth = large as f64 / small.max(1) as f64;
    assert!(
        growth <= MAX_GROWTH,
        "work grew {growth:.2}× for twice the input ({small} → {large} steps)"
    );
}

/// The sample corpus on one line, as a page that lost its line breaks.
fn corpus_line() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap().replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_corpus_on_one_line_is_linear() {
    let line = corpus_line() + " ";
    assert_linear(256_000, |bytes| repeated(&line, bytes));
}

#[test]
fn a_sentence_that_never_ends_is_linear() {
    let clause =
        "Zelensky said Ukraine wants security guarantees and the talks went on and on and ";
    assert_linear(40_000, |bytes| repeated(clause, bytes));
}

#[test]
fn a_speaker_named_over_and_over_is_linear() {
    let shape =
        |times: usize| "said Zelensky ".repeat(times) + "Ukraine wants security guarantees.";
    assert_linear(3_000, shape);
}

#[test]
fn quotations_that_never_close_are_linear() {
    let opened = "\u{201c}Zelensky said Ukraine wants security guarantees ";
    assert_linear(40_000, |bytes| repeated(opened, bytes));
}
