//! The `stancegrid analyze` command: a folder in, a position table or the
//! statements out. Data goes to stdout or `--out`; messages go to stderr.

use crate::export::{Format, count};
use crate::matrix::{Filter, Matrix};
use crate::review;
use crate::{Lexicon, LoadOptions, Progress};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::borrow::Cow;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

const EXAMPLES: &str = "\
Examples:
  stancegrid                                  open the window
  stancegrid ~/articles                       open the window on a folder
  stancegrid analyze ~/articles               position statements as JSON on stdout
  stancegrid analyze ~/articles --format csv --out positions.csv
  stancegrid analyze ~/articles --format xlsx --out positions.xlsx
  stancegrid analyze ~/articles --lexicon my-negotiation.ron --format md";

/// Who stands where in a negotiation: position statements from a folder of news articles.
#[derive(Debug, Parser)]
#[command(name = "stancegrid", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder to open in the window (default: the last one, or the sample corpus).
    pub folder: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a folder of articles and print or write the result.
    #[command(after_help = EXAMPLES)]
    Analyze(AnalyzeArgs),
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Folder of articles (.txt, .md, .html, .htm), searched recursively.
    pub dir: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Json)]
    pub format: FormatArg,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Use this lexicon (RON) instead of the built-in one.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Ignore the reviews in DIR/stancegrid.ron: export what extraction found.
    #[arg(long)]
    pub no_reviews: bool,
    /// Skip files larger than this many megabytes.
    #[arg(long, default_value_t = 20)]
    pub max_file_mb: u64,
}

/// The formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Documents, statements, cells, the agreement of parties and skipped files (schema stancegrid/positions@2).
    Json,
    /// The position table: actors × issues with summary stance and counts.
    Csv,
    /// One row per statement with every field.
    StatementsCsv,
    /// One row per pair of parties: the issues they agree, conflict or cannot be compared on.
    AgreementCsv,
    /// The position table as a Markdown table.
    Md,
    /// A workbook with Positions, Cells, Statements and Agreement sheets (needs --out or a redirect).
    Xlsx,
    /// A self-contained HTML report with the matrix and every quote.
    Html,
    /// A REFI-QDA project for MAXQDA, ATLAS.ti or QualCoder: articles with coded statements (needs --out or a redirect).
    Qdpx,
    /// The parties and issues as a network for Gephi, counts per stance on each edge.
    Graphml,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::PositionsCsv,
            FormatArg::StatementsCsv => Format::StatementsCsv,
            FormatArg::AgreementCsv => Format::AgreementCsv,
            FormatArg::Md => Format::Markdown,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Html => Format::Html,
            FormatArg::Qdpx => Format::Qdpx,
            FormatArg::Graphml => Format::Graphml,
        }
    }
}

/// Run `stancegrid analyze`; errors are printed on stderr.
pub fn analyze(args: &AnalyzeArgs) -> ExitCode {
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("stancegrid: {e:#}"));
            ExitCode::FAILURE
        }
    }
}

fn run(args: &AnalyzeArgs) -> anyhow::Result<()> {
    let lexicon = match &args.lexicon {
        Some(path) => Lexicon::from_file(path)?,
        None => Lexicon::builtin(),
    };
    let format = Format::from(args.format);
    if format.is_binary() && args.out.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "{} is binary: give --out FILE or redirect stdout",
            format.id().to_uppercase()
        );
    }
    let options = LoadOptions {
        max_file_size: args.max_file_mb.saturating_mul(1024 * 1024),
    };
    let bar = progress_bar();
    let on_progress = |p: Progress| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.to_string());
    };
    let mut analysis = crate::analyze(
        &args.dir,
        Arc::new(lexicon),
        &options,
        &on_progress,
        &AtomicBool::new(false),
    )?;
    bar.finish_and_clear();
    if !args.no_reviews {
        apply_reviews(&mut analysis)?;
    }
    for s in &analysis.skipped {
        say(&format!("skipped {}: {}", s.file, s.reason));
    }
    for doc in &analysis.documents {
        for warning in &doc.warnings {
            say(&format!("warning {}: {warning}", doc.file));
        }
    }
    // An empty result is a result (exit code 0), but never a silent one.
    if analysis.documents.is_empty() {
        say(&format!(
            "stancegrid: no documents found in {}",
            args.dir.display()
        ));
    } else if analysis.statements.is_empty() {
        say(&format!(
            "stancegrid: no statements found in {}",
            count(analysis.documents.len(), "document")
        ));
    }
    let matrix = Matrix::build(&analysis, &Filter::default());
    let changes = match &args.out {
        Some(path) => {
            let changes = crate::export::write_with_changes(path, format, &analysis, &matrix)?;
            let copies = match analysis.copies.distinct() {
                distinct if distinct < analysis.statements.len() => {
                    format!(" ({distinct} counted: copies count once)")
                }
                _ => String::new(),
            };
            say(&format!(
                "{}{copies} from {} written to {}",
                count(analysis.statements.len(), "statement"),
                count(analysis.documents.len(), "document"),
                path.display()
            ));
            changes
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let changes = crate::export::render_to(format, &analysis, &matrix, &mut out)?;
            out.flush()?;
            changes
        }
    };
    if let Some(warning) = changes.warning() {
        say(&format!("stancegrid: warning: {warning}"));
    }
    Ok(())
}

/// Apply the folder's project file, as the window does, and say which
/// reviews no longer match.
fn apply_reviews(analysis: &mut crate::Analysis) -> anyhow::Result<()> {
    let path = review::location::existing(&analysis.root);
    let project =
        review::load(&path).map_err(|e| anyhow::anyhow!("{e} (--no-reviews ignores it)"))?;
    let unmatched = review::apply(analysis, &project);
    if !unmatched.is_empty() {
        say(&format!(
            "stancegrid: {} ({})",
            review::unmatched_message(unmatched.len()),
            path.display()
        ));
        for u in &unmatched {
            say(&format!("  {}: {}", u.file, u.reason));
        }
    }
    Ok(())
}

/// Print a message line on stderr with its control characters escaped: a
/// file name holding a line break or a terminal escape must not start a
/// line of its own ("skipped …") or drive the terminal.
fn say(message: &str) {
    eprintln!("{}", one_line(message));
}

/// `text` with control characters written as escapes (`\n`, `\u{1b}`).
fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut line = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            line.extend(c.escape_debug());
        } else {
            line.push(c);
        }
    }
    Cow::Owned(line)
}

/// A progress bar on stderr, drawn only when stderr is a terminal: files
/// read, then documents analysed ("analysing 800/2000 documents").
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {msg}") {
        bar.set_style(style);
    }
    bar
}
