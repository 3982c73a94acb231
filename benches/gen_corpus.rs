//! Writes a synthetic corpus for `scripts/bench.sh`:
//!
//! ```text
//! cargo bench --bench gen_corpus -- DIR SIZE [SEED]
//! ```
//!
//! `SIZE` is bytes with an optional `KB`/`MB` suffix (`100MB`), or a number of
//! articles (`10000files`). Prints one line of `key=value` stats. Without a
//! folder (as in a plain `cargo bench`) it does nothing.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench` (and filters) to every bench target.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [dir, size, rest @ ..] = args.as_slice() else {
        eprintln!("usage: cargo bench --bench gen_corpus -- DIR SIZE [SEED]");
        return ExitCode::SUCCESS;
    };
    let seed = match rest.first().map(|s| s.parse::<u64>()) {
        None => 1,
        Some(Ok(seed)) => seed,
        Some(Err(e)) => {
            eprintln!("gen_corpus: bad seed: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dir = PathBuf::from(dir);
    let result = match parse_size(size) {
        Some(Size::Files(n)) => stancegrid::synth::write_articles(&dir, n, seed),
        Some(Size::Bytes(n)) => stancegrid::synth::write_corpus(&dir, n, seed),
        None => {
            eprintln!("gen_corpus: bad size {size:?} (try 10MB or 10000files)");
            return ExitCode::FAILURE;
        }
    };
    match result {
        Ok(s) => {
            println!(
                "files={} bytes={} utf8={} utf8_bom={} utf16={} cp1252={} html={}",
                s.files, s.bytes, s.utf8, s.utf8_bom, s.utf16, s.windows1252, s.html
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

enum Size {
    Bytes(u64),
    Files(usize),
}

fn parse_size(text: &str) -> Option<Size> {
    let lower = text.to_ascii_lowercase();
    if let Some(n) = lower.strip_suffix("files") {
        return n.parse().ok().map(Size::Files);
    }
    let (number, unit) = match lower.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => lower.split_at(i),
        None => (lower.as_str(), ""),
    };
    let unit = match unit {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        _ => return None,
    };
    number.parse::<u64>().ok().map(|n| Size::Bytes(n * unit))
}
