//! A tally of the steps extraction takes, so that tests can check that the
//! work grows linearly with the input without timing anything.
//!
//! Two kinds of steps are counted: the elements the paragraph-wide lookups
//! visit (quotations, speech verbs), which is where a paragraph of thousands
//! of sentences could cost a rescan per sentence; and, for each sentence, its
//! length times the number of terms found in it, which bounds what the
//! per-sentence readings cost (each scans the sentence at most once per term).
//! The tally is per thread, so parallel documents do not contend for it.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Count `n` steps.
pub(crate) fn add(n: usize) {
    STEPS.with(|s| s.set(s.get().saturating_add(n as u64)));
}

/// Run `f` and return its result with the steps it took on this thread.
pub fn tally<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let before = STEPS.with(Cell::get);
    let result = f();
    (result, STEPS.with(Cell::get) - before)
}
