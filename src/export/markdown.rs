//! The position table as a Markdown table: actors as rows, issues as
//! columns, each cell its summary and counts (`mixed (2+ 1−)`), `–` when empty.
//!
//! Only the table: statements are in the CSV, XLSX, HTML and JSON exports.

use super::{cell_label, headline, legend};
use crate::Analysis;
use crate::matrix::Matrix;
use std::fmt::Write;

/// An empty cell; a dash rather than nothing, so that it reads as "no statement".
const EMPTY: &str = "–";

pub(super) fn render(analysis: &Analysis, matrix: &Matrix) -> String {
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = writeln!(out, "# Position table\n\n{}\n", headline(analysis, matrix));
    out.push_str("| Actor |");
    for issue in issues.iter().take(matrix.issues) {
        let _ = write!(out, " {} |", inline(&issue.name));
    }
    out.push_str("\n| --- |");
    out.push_str(&" --- |".repeat(matrix.issues));
    out.push('\n');
    for (a, actor) in actors.iter().take(matrix.actors).enumerate() {
        let _ = write!(out, "| {} |", inline(&actor.name));
        for i in 0..matrix.issues {
            let label = cell_label(&matrix.cell(a, i).counts);
            let _ = write!(out, " {} |", label.as_deref().unwrap_or(EMPTY));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n{}", legend());
    out
}

/// `text` safe inside a table cell: a `|` would end the cell, a line break
/// the row, and `*`, `_`, `` ` ``, `[` or `<` would turn a name into markup.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_break_the_table() {
        assert_eq!(inline("A|B\nC"), "A\\|B C");
        assert_eq!(inline("*x* <b>"), "\\*x\\* \\<b\\>");
        assert_eq!(inline("Türkiye"), "Türkiye");
    }
}
