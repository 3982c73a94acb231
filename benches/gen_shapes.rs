//! Writes the inputs that once made extraction super-linear
//! (`stancegrid::synth::Shape`), one folder of one article each, for
//! `scripts/bench.sh`:
//!
//! ```text
//! cargo bench --bench gen_shapes -- DIR [MB]
//! ```
//!
//! Writes `DIR/<shape>/article.txt` of about `MB` megabytes (default 5; the
//! corpus shape repeats the sample corpus on one line) and prints the shape
//! names. Without a folder (as in a plain `cargo bench`) it does nothing.

use stancegrid::synth::{Shape, one_line};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench` (and filters) to every bench target.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [dir, rest @ ..] = args.as_slice() else {
        eprintln!("usage: cargo bench --bench gen_shapes -- DIR [MB]");
        return ExitCode::SUCCESS;
    };
    let megabytes = match rest.first().map(|s| s.parse::<usize>()) {
        None => 5,
        Some(Ok(mb)) => mb,
        Some(Err(e)) => {
            eprintln!("gen_shapes: bad size: {e}");
            return ExitCode::FAILURE;
        }
    };
    match write(Path::new(dir), megabytes * 1_000_000) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_shapes: {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: &Path, bytes: usize) -> std::io::Result<()> {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let corpus = one_line(&sample)?;
    for shape in Shape::ALL {
        let folder = dir.join(shape.name());
        std::fs::create_dir_all(&folder)?;
        std::fs::write(folder.join("article.txt"), shape.text(bytes, &corpus))?;
        println!("{}", shape.name());
    }
    Ok(())
}
