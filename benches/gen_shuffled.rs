//! Writes a corpus of real sentences for `scripts/bench.sh`: the paragraphs of
//! the dev articles, shuffled into new articles.
//!
//! ```text
//! cargo bench --bench gen_shuffled -- SHARED DIR [MB] [FILES] [SEED]
//! ```
//!
//! Reads the `.txt` articles of `SHARED/corpus`, `SHARED/eval/more/corpus` and
//! `SHARED/eval/wide/corpus`, and writes articles into `DIR` until there are
//! `MB` megabytes (default 10) or `FILES` files (default 2,000), whichever
//! comes first. Each article is the first line of a random dev article (its
//! header: a source line, a site name or a headline) and 8–30 paragraphs drawn
//! from all the others. The same seed gives the same files. Prints one line of
//! `key=value` stats. Without a folder (as in a plain `cargo bench`) it does
//! nothing.

use stancegrid::synth::Rng;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the dev articles are, under `SHARED`.
const SOURCES: [&str; 3] = ["corpus", "eval/more/corpus", "eval/wide/corpus"];

/// Paragraphs per article: about the range of the dev articles themselves.
const MIN_PARAGRAPHS: usize = 8;
const MAX_PARAGRAPHS: usize = 30;

fn main() -> ExitCode {
    // `cargo bench` passes `--bench` (and filters) to every bench target.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [shared, dir, rest @ ..] = args.as_slice() else {
        eprintln!("usage: cargo bench --bench gen_shuffled -- SHARED DIR [MB] [FILES] [SEED]");
        return ExitCode::SUCCESS;
    };
    let knobs = match Knobs::parse(rest) {
        Ok(knobs) => knobs,
        Err(e) => {
            eprintln!("gen_shuffled: {e}");
            return ExitCode::FAILURE;
        }
    };
    match Pool::read(Path::new(shared)).and_then(|pool| pool.write(Path::new(dir), &knobs)) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_shuffled: {e}");
            ExitCode::FAILURE
        }
    }
}

/// How much to write, and from which random stream.
struct Knobs {
    bytes: u64,
    files: usize,
    seed: u64,
}

impl Knobs {
    /// `[MB] [FILES] [SEED]`, each optional from the right.
    fn parse(args: &[String]) -> Result<Knobs, String> {
        let arg = |i: usize, default: u64, name: &str| -> Result<u64, String> {
            args.get(i).map_or(Ok(default), |a| {
                a.parse().map_err(|e| format!("bad {name} {a:?}: {e}"))
            })
        };
        Ok(Knobs {
            bytes: arg(0, 10, "size in MB")? * 1_000_000,
            files: arg(1, 2_000, "number of files")? as usize,
            seed: arg(2, 1, "seed")?,
        })
    }
}

/// The lines of the dev articles: paragraphs, as the app reads them (every
/// non-empty line is one), and the first line of each article.
struct Pool {
    headers: Vec<String>,
    paragraphs: Vec<String>,
    articles: usize,
}

impl Pool {
    fn read(shared: &Path) -> io::Result<Pool> {
        let mut pool = Pool {
            headers: Vec::new(),
            paragraphs: Vec::new(),
            articles: 0,
        };
        for source in SOURCES {
            for path in articles(&shared.join(source))? {
                pool.add(&std::fs::read_to_string(&path).map_err(|e| in_file(&path, e))?);
            }
        }
        if pool.paragraphs.is_empty() {
            return Err(io::Error::other(format!(
                "no paragraphs under {}",
                shared.display()
            )));
        }
        Ok(pool)
    }

    fn add(&mut self, text: &str) {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        if let Some(header) = lines.next() {
            self.headers.push(header.to_owned());
            self.paragraphs.extend(lines.map(str::to_owned));
            self.articles += 1;
        }
    }

    /// Write the articles and return the stats line.
    fn write(&self, dir: &Path, knobs: &Knobs) -> io::Result<String> {
        std::fs::create_dir_all(dir)?;
        let mut rng = Rng::new(knobs.seed);
        let mut bytes = 0u64;
        let mut files = 0;
        while bytes < knobs.bytes && files < knobs.files {
            let text = self.article(&mut rng);
            std::fs::write(dir.join(format!("{files:05}.txt")), &text)?;
            bytes += text.len() as u64;
            files += 1;
        }
        Ok(format!(
            "files={files} bytes={bytes} sources={} paragraphs={}",
            self.articles,
            self.paragraphs.len()
        ))
    }

    /// A header line, then paragraphs separated by blank lines, as the dev
    /// articles are laid out.
    fn article(&self, rng: &mut Rng) -> String {
        let count = MIN_PARAGRAPHS + rng.below(MAX_PARAGRAPHS - MIN_PARAGRAPHS + 1);
        let mut text = rng.pick(&self.headers).clone();
        for _ in 0..count {
            let paragraph: &String = rng.pick(&self.paragraphs);
            text.push_str("\n\n");
            text.push_str(paragraph);
        }
        text.push('\n');
        text
    }
}

/// The `.txt` files of `dir`, in name order so that a seed gives one corpus.
fn articles(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| in_file(dir, e))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn in_file(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}
