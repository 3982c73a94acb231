//! Exports of the position table and its statements, shared by CLI and GUI.
//!
//! Every format renders from an [`Analysis`] and a (filtered) [`Matrix`] into
//! bytes in memory: what is in the matrix is what gets exported, rows and
//! columns in lexicon order. [`write`] then puts those bytes on disk atomically,
//! never over an article that was analysed.
//!
//! This module only reads the analysis: it must not filter, re-extract or
//! re-count statements (the matrix decides what is in), and it must not write
//! anywhere but the path it is given.

mod atomic;
mod csv;
mod graphml;
mod html;
mod json;
mod markdown;
mod qdpx;
mod table;
mod xlsx;
mod xml;

pub use atomic::{write_atomic, write_atomic_streamed, write_atomic_with};

use crate::Analysis;
use crate::matrix::{Cell, Counts, Matrix};
use crate::model::{Stance, Summary};
use rayon::prelude::*;
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The `schema` value of the JSON export; bumped when a field changes meaning.
pub const JSON_SCHEMA: &str = "stancegrid/positions@2";

/// The formats a table can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Json,
    PositionsCsv,
    StatementsCsv,
    AgreementCsv,
    Markdown,
    Xlsx,
    Html,
    Qdpx,
    Graphml,
}

impl Format {
    /// Every format, in the order a format picker shows them.
    pub const ALL: [Format; 9] = [
        Format::PositionsCsv,
        Format::StatementsCsv,
        Format::AgreementCsv,
        Format::Xlsx,
        Format::Html,
        Format::Markdown,
        Format::Json,
        Format::Qdpx,
        Format::Graphml,
    ];

    /// What a person picks from a list.
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "Positions and statements (JSON)",
            Format::PositionsCsv => "Position table (CSV)",
            Format::StatementsCsv => "Statements (CSV)",
            Format::AgreementCsv => "Parties against each other (CSV)",
            Format::Markdown => "Position table (Markdown)",
            Format::Xlsx => "Workbook (XLSX)",
            Format::Html => "Report (HTML)",
            Format::Qdpx => "Coded project (REFI-QDA)",
            Format::Graphml => "Network of parties and issues (GraphML)",
        }
    }

    /// File name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::PositionsCsv | Format::StatementsCsv | Format::AgreementCsv => "csv",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Qdpx => "qdpx",
            Format::Graphml => "graphml",
        }
    }

    /// A stable name for preferences and the command line (`--format`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::PositionsCsv => "csv",
            Format::StatementsCsv => "statements-csv",
            Format::AgreementCsv => "agreement-csv",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
            Format::Qdpx => "qdpx",
            Format::Graphml => "graphml",
        }
    }

    /// Bytes that are no text: not for a terminal.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Qdpx)
    }

    /// The format whose [`Format::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.id() == id)
    }

    /// A file name a save dialog can propose.
    pub fn default_file_name(self) -> String {
        let stem = match self {
            Format::StatementsCsv => "statements",
            Format::AgreementCsv => "agreement",
            Format::Html => "report",
            _ => "positions",
        };
        format!("{stem}.{}", self.extension())
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why an export failed.
///
/// Each message includes its cause, so no variant also exposes it as a
/// `source`: a printer of the error chain would show it twice.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("cannot render JSON: {0}")]
    Json(serde_json::Error),
    #[error("cannot render CSV: {0}")]
    Csv(::csv::Error),
    #[error("cannot render XLSX: {0}")]
    Xlsx(rust_xlsxwriter::XlsxError),
    #[error("cannot render the REFI-QDA project: {0}")]
    Zip(zip::result::ZipError),
    /// Writing the rendered bytes failed (a path is added by the file writer).
    #[error("cannot write: {0}")]
    Io(std::io::Error),
    /// Writing the file failed; `step` says what was being done when it did.
    #[error("cannot write {}: {step}: {cause}", path.display())]
    Write {
        path: PathBuf,
        step: String,
        cause: std::io::Error,
    },
    /// The path cannot take an export: a folder, or an article being analysed.
    #[error("cannot write {}: {reason}", path.display())]
    Refused { path: PathBuf, reason: String },
}

/// What an export had to change to fit its format. Most exports change
/// nothing; a spreadsheet cell has a size limit that a sentence can pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// XLSX cells cut to the most a cell holds, ending in "… [truncated]".
    pub truncated_cells: usize,
}

/// The most characters a spreadsheet cell holds (Excel's limit, counted in
/// UTF-16 units as Excel does).
const MAX_CELL_CHARS: usize = 32_767;

/// The end of a cell cut to [`MAX_CELL_CHARS`].
const TRUNCATED: &str = "… [truncated]";

impl Changes {
    /// A warning for the user when something was changed, else `None`.
    pub fn warning(&self) -> Option<String> {
        match self.truncated_cells {
            0 => None,
            n => Some(format!(
                "{} longer than {MAX_CELL_CHARS} characters, the most a spreadsheet cell \
                 holds, cut to fit and ending in \"{TRUNCATED}\"",
                count(n, "cell")
            )),
        }
    }
}

/// Render `matrix` of `analysis` in `format`.
pub fn render(
    format: Format,
    analysis: &Analysis,
    matrix: &Matrix,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    render_to(format, analysis, matrix, &mut out)?;
    Ok(out)
}

/// Render `matrix` of `analysis` in `format` into `out`. JSON, the format
/// for large corpora, streams; the others are rendered, then written.
pub fn render_to(
    format: Format,
    analysis: &Analysis,
    matrix: &Matrix,
    out: &mut dyn Write,
) -> Result<Changes, ExportError> {
    let (bytes, changes) = match format {
        Format::Json => {
            json::render_to(analysis, matrix, out)?;
            return Ok(Changes::default());
        }
        Format::PositionsCsv => (csv::positions(analysis, matrix)?, Changes::default()),
        Format::StatementsCsv => (csv::statements(analysis, matrix)?, Changes::default()),
        Format::AgreementCsv => (csv::agreement(analysis, matrix)?, Changes::default()),
        Format::Markdown => (
            markdown::render(analysis, matrix).into_bytes(),
            Changes::default(),
        ),
        Format::Xlsx => xlsx::render(analysis, matrix).map_err(ExportError::Xlsx)?,
        Format::Html => (
            html::render(analysis, matrix).into_bytes(),
            Changes::default(),
        ),
        Format::Qdpx => (qdpx::render(analysis, matrix)?, Changes::default()),
        Format::Graphml => (
            graphml::render(analysis, matrix).into_bytes(),
            Changes::default(),
        ),
    };
    out.write_all(&bytes).map_err(ExportError::Io)?;
    Ok(changes)
}

/// Render and write atomically to `path`: either the whole new file is there
/// afterwards, or the old one (if any) is untouched.
pub fn write(
    path: &Path,
    format: Format,
    analysis: &Analysis,
    matrix: &Matrix,
) -> Result<(), ExportError> {
    write_with_changes(path, format, analysis, matrix).map(|_| ())
}

/// [`write`], returning what the export had to change to fit its format.
/// An article of `analysis` is never written over.
pub fn write_with_changes(
    path: &Path,
    format: Format,
    analysis: &Analysis,
    matrix: &Matrix,
) -> Result<Changes, ExportError> {
    refuse_article(path, analysis)?;
    let mut changes = Changes::default();
    write_atomic_streamed(path, |out| {
        changes = render_to(format, analysis, matrix, out)?;
        Ok(())
    })?;
    Ok(changes)
}

/// An export written over one of its own articles would destroy the input.
/// Canonical paths compare the file that would be replaced, through any
/// link or `..`, with the files that were read.
fn refuse_article(path: &Path, analysis: &Analysis) -> Result<(), ExportError> {
    // A path that is not there yet names no article.
    let Ok(target) = std::fs::canonicalize(path) else {
        return Ok(());
    };
    // Each article is resolved on disk (it may be a link), in parallel: a
    // folder of thousands waits on thousands of lookups.
    let article = analysis
        .documents
        .par_iter()
        .find_any(|d| std::fs::canonicalize(&d.path).is_ok_and(|p| p == target));
    match article {
        Some(doc) => Err(ExportError::Refused {
            path: path.to_path_buf(),
            reason: format!("it is the article {} of the analysed folder", doc.file),
        }),
        None => Ok(()),
    }
}

/// Every cell with its actor and issue index, row by row in lexicon order.
fn cells(matrix: &Matrix) -> impl Iterator<Item = (usize, usize, &Cell)> {
    (0..matrix.actors).flat_map(move |a| (0..matrix.issues).map(move |i| (a, i, matrix.cell(a, i))))
}

/// The short mark of a stance in cell labels: `+`, `−`, `~`.
fn stance_mark(stance: Stance) -> &'static str {
    match stance {
        Stance::Support => "+",
        Stance::Oppose => "−",
        Stance::Conditional => "~",
    }
}

/// A cell as a person reads it: `support (3)` when one stance occurs,
/// `mixed (2+ 1−)` when several do; `None` for an empty cell.
fn cell_label(counts: &Counts) -> Option<String> {
    let summary = counts.summary()?;
    let present: Vec<Stance> = Stance::ALL
        .into_iter()
        .filter(|s| counts.get(*s) > 0)
        .collect();
    Some(match present.as_slice() {
        [only] => format!("{summary} ({})", counts.get(*only)),
        _ => {
            let parts: Vec<String> = present
                .iter()
                .map(|s| format!("{}{}", counts.get(*s), stance_mark(*s)))
                .collect();
            format!("{summary} ({})", parts.join(" "))
        }
    })
}

/// What the marks in a cell label mean, for a legend under the table.
fn legend() -> String {
    let marks: Vec<String> = Stance::ALL
        .into_iter()
        .map(|s| format!("{} {s}", stance_mark(s)))
        .collect();
    format!(
        "{}; mixed: support and opposition both occur.",
        marks.join(", ")
    )
}

/// `n` and the noun, plural unless `n` is 1: "1 document", "2 documents".
pub(crate) fn count(n: usize, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// One line that says how much is in the table.
fn headline(analysis: &Analysis, matrix: &Matrix) -> String {
    let total = matrix.total();
    let filled = cells(matrix)
        .filter(|(_, _, cell)| !cell.statements.is_empty())
        .count();
    let mut line = format!(
        "{} ({} support, {} oppose, {} conditional) in {} of {} cells; {} analysed",
        count(total.total(), "statement"),
        total.support,
        total.oppose,
        total.conditional,
        filled,
        matrix.actors * matrix.issues,
        count(analysis.documents.len(), "document"),
    );
    if !analysis.skipped.is_empty() {
        line.push_str(&format!(
            ", {} skipped",
            count(analysis.skipped.len(), "file")
        ));
    }
    line.push('.');
    line
}

/// Background colour of a summary (RGB), shared by the XLSX and HTML matrix;
/// light tints so that black text stays readable on them.
fn summary_colour(summary: Summary) -> u32 {
    match summary {
        Summary::Support => 0xC6EFCE,
        Summary::Oppose => 0xFFC7CE,
        Summary::Conditional => 0xFFEB9C,
        Summary::Mixed => 0xD9D2E9,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label of a cell holding statements of these stances.
    fn label(stances: &[Stance]) -> Option<String> {
        let mut counts = Counts::default();
        for s in stances {
            counts.add(*s);
        }
        cell_label(&counts)
    }

    #[test]
    fn cell_labels_show_summary_and_counts() {
        use Stance::{Conditional as C, Oppose as O, Support as S};
        assert_eq!(label(&[]), None);
        assert_eq!(label(&[S, S, S]).as_deref(), Some("support (3)"));
        assert_eq!(label(&[C, C]).as_deref(), Some("conditional (2)"));
        assert_eq!(label(&[S, O, S]).as_deref(), Some("mixed (2+ 1−)"));
        assert_eq!(label(&[C, O]).as_deref(), Some("conditional (1− 1~)"));
    }

    #[test]
    fn format_ids_are_unique_and_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::from_id(f.id()), Some(f));
            assert!(!f.label().is_empty());
            assert!(f.default_file_name().ends_with(f.extension()));
        }
        assert_eq!(Format::from_id("pdf"), None);
    }
}
