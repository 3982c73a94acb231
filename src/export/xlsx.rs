//! A workbook for spreadsheet users: "Positions", the actors × issues grid
//! with each cell's summary and counts on its stance colour; "Cells", the
//! position table with numbers as numbers; "Statements", one row per
//! statement; "Agreement", one row per pair of parties. The flat sheets have
//! the CSV columns, a frozen header row and an autofilter.
//!
//! Text is written as string cells, exactly: a string cell is never run as a
//! formula, so it needs none of CSV's guards. Text longer than a cell holds
//! is cut, marked and counted, so that one long sentence cannot fail the
//! whole workbook.

use super::table::{self, Field};
use super::{Changes, MAX_CELL_CHARS, TRUNCATED, cell_label, legend, summary_colour};
use crate::Analysis;
use crate::matrix::Matrix;
use rust_xlsxwriter::{
    ColNum, Format as Style, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};
use std::borrow::Cow;

/// Widest a column gets from autofit, in pixels: long sentences would
/// otherwise make columns wider than a screen.
const MAX_COLUMN_WIDTH: u32 = 400;

pub(super) fn render(
    analysis: &Analysis,
    matrix: &Matrix,
) -> Result<(Vec<u8>, Changes), XlsxError> {
    let header = Style::new()
        .set_bold()
        .set_background_color(0xD9D9D9)
        .set_border_bottom(FormatBorder::Thin);
    let mut cells = Cells::default();
    let mut workbook = Workbook::new();
    cells.grid(
        workbook.add_worksheet().set_name("Positions")?,
        analysis,
        matrix,
        &header,
    )?;
    cells.sheet(
        workbook.add_worksheet().set_name("Cells")?,
        &table::POSITION_COLUMNS,
        table::position_rows(analysis, matrix),
        &header,
    )?;
    cells.sheet(
        workbook.add_worksheet().set_name("Statements")?,
        &table::STATEMENT_COLUMNS,
        table::statement_rows(analysis, matrix),
        &header,
    )?;
    cells.sheet(
        workbook.add_worksheet().set_name("Agreement")?,
        &table::AGREEMENT_COLUMNS,
        table::agreement_rows(analysis, matrix),
        &header,
    )?;
    Ok((workbook.save_to_buffer()?, cells.changes))
}

/// Writes the text cells of the workbook and counts the ones it had to cut.
#[derive(Default)]
struct Cells {
    changes: Changes,
}

impl Cells {
    /// Actors down, issues across; a cell holds its label on its summary colour.
    fn grid(
        &mut self,
        ws: &mut Worksheet,
        analysis: &Analysis,
        matrix: &Matrix,
        header: &Style,
    ) -> Result<(), XlsxError> {
        let centred = Style::new().set_align(FormatAlign::Center);
        ws.write_string_with_format(0, 0, "Actor", header)?;
        for (i, issue) in analysis
            .lexicon
            .issues()
            .iter()
            .take(matrix.issues)
            .enumerate()
        {
            self.text(ws, 0, col(i + 1), &issue.name, Some(header))?;
        }
        for (a, actor) in analysis
            .lexicon
            .actors()
            .iter()
            .take(matrix.actors)
            .enumerate()
        {
            let r = row(a + 1);
            self.text(ws, r, 0, &actor.name, Some(header))?;
            for i in 0..matrix.issues {
                let counts = matrix.cell(a, i).counts;
                match (counts.summary(), cell_label(&counts)) {
                    (Some(summary), Some(label)) => {
                        let fill = centred
                            .clone()
                            .set_background_color(summary_colour(summary));
                        ws.write_string_with_format(r, col(i + 1), label, &fill)?
                    }
                    _ => ws.write_string_with_format(r, col(i + 1), "–", &centred)?,
                };
            }
        }
        ws.write_string(row(matrix.actors + 2), 0, legend())?;
        ws.set_freeze_panes(1, 1)?;
        ws.set_autofit_max_width(MAX_COLUMN_WIDTH).autofit();
        Ok(())
    }

    /// A flat table: header, rows, a frozen header row and an autofilter.
    fn sheet<'a, const N: usize>(
        &mut self,
        ws: &mut Worksheet,
        header: &[&str; N],
        rows: impl Iterator<Item = [Field<'a>; N]>,
        header_style: &Style,
    ) -> Result<(), XlsxError> {
        for (c, name) in header.iter().enumerate() {
            ws.write_string_with_format(0, col(c), *name, header_style)?;
        }
        let mut last = 0;
        for (r, fields) in rows.enumerate() {
            last = row(r + 1);
            for (c, field) in fields.into_iter().enumerate() {
                match field {
                    Field::Text(text) => self.text(ws, last, col(c), &text, None)?,
                    Field::Number(n) => {
                        ws.write_number(last, col(c), n as f64)?;
                    }
                };
            }
        }
        ws.autofilter(0, 0, last, col(N.saturating_sub(1)))?;
        ws.set_freeze_panes(1, 0)?;
        ws.set_autofit_max_width(MAX_COLUMN_WIDTH).autofit();
        Ok(())
    }

    /// Text from a document or the lexicon as a string cell, cut to fit.
    fn text(
        &mut self,
        ws: &mut Worksheet,
        r: RowNum,
        c: ColNum,
        text: &str,
        style: Option<&Style>,
    ) -> Result<(), XlsxError> {
        let text = fit(text);
        if let Cow::Owned(_) = text {
            self.changes.truncated_cells += 1;
        }
        match style {
            Some(style) => ws.write_string_with_format(r, c, text, style)?,
            None => ws.write_string(r, c, text)?,
        };
        Ok(())
    }
}

/// `text` as it fits a cell: itself, or cut at a character boundary and
/// ending in [`TRUNCATED`], within [`MAX_CELL_CHARS`] UTF-16 units (what
/// Excel counts, and what rust_xlsxwriter checks).
fn fit(text: &str) -> Cow<'_, str> {
    // A UTF-8 byte never stands for more than one UTF-16 unit.
    if text.len() <= MAX_CELL_CHARS || text.encode_utf16().count() <= MAX_CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let room = MAX_CELL_CHARS - TRUNCATED.encode_utf16().count();
    let mut used = 0;
    let end = text
        .char_indices()
        .find(|(_, ch)| {
            used += ch.len_utf16();
            used > room
        })
        .map_or(text.len(), |(i, _)| i);
    Cow::Owned(format!("{}{TRUNCATED}", &text[..end]))
}

/// Row and column indices past the sheet's limits saturate, so that
/// rust_xlsxwriter reports them as a limit error instead of wrapping around.
fn row(i: usize) -> RowNum {
    RowNum::try_from(i).unwrap_or(RowNum::MAX)
}

fn col(i: usize) -> ColNum {
    ColNum::try_from(i).unwrap_or(ColNum::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_fits_is_kept_and_longer_text_is_cut_at_a_character() {
        let fits = "é".repeat(MAX_CELL_CHARS);
        assert!(matches!(fit(&fits), Cow::Borrowed(_)));
        // Two UTF-16 units each: only half as many fit.
        let long = "𝄞".repeat(MAX_CELL_CHARS);
        let cut = fit(&long);
        assert!(cut.ends_with(TRUNCATED));
        let units = cut.encode_utf16().count();
        assert!(
            (MAX_CELL_CHARS - 1..=MAX_CELL_CHARS).contains(&units),
            "{units}"
        );
    }
}
