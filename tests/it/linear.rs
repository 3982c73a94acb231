//! Extraction grows linearly with its input, on the shapes that once made it
//! hang (`synth::Shape`): a corpus on one line, a clause that never ends, a
//! speaker named over and over, quotations that never close.
//!
//! Each shape is extracted at two sizes and the steps it took are compared
//! (see `extract::work`), not the time: doubling the input may only about
//! double the work.

use std::sync::LazyLock;

use stancegrid::synth::{Shape, one_line};
use stancegrid::{Document, Lexicon, extract};

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

/// How much more work twice the input may take: linear work grows about
/// 2×, and a quadratic part shows beyond this at these sizes.
const MAX_GROWTH: f64 = 2.25;

/// The steps extraction takes on `text`, one document of one content block.
fn work(text: &str) -> u64 {
    let doc = Document::from_text("t.txt", text);
    extract::work::tally(|| extract::statements(0, &doc, &LEXICON)).1
}

/// Assert that `shape` at `2 * bytes` takes at most [`MAX_GROWTH`] times the
/// work it takes at `bytes`.
fn assert_linear(shape: Shape, bytes: usize) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let corpus = one_line(&dir).expect("the sample corpus reads");
    let small = work(&shape.text(bytes, &corpus));
    let large = work(&shape.text(2 * bytes, &corpus));
    let growth = large as f64 / small.max(1) as f64;
    assert!(
        growth <= MAX_GROWTH,
        "{}: work grew {growth:.2}× for twice the input ({small} → {large} steps)",
        shape.name()
    );
}

#[test]
fn a_corpus_on_one_line_is_linear() {
    assert_linear(Shape::CorpusOnOneLine, 256_000);
}

#[test]
fn a_clause_that_never_ends_is_linear() {
    assert_linear(Shape::RunOnClause, 40_000);
}

#[test]
fn a_speaker_named_over_and_over_is_linear() {
    assert_linear(Shape::RepeatedSpeaker, 40_000);
}

#[test]
fn quotations_that_never_close_are_linear() {
    assert_linear(Shape::UnclosedQuotes, 40_000);
}
