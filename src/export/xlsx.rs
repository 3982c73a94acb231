//! A workbook for spreadsheet users: "Positions", the actors × issues grid
//! with each cell's summary and counts on its stance colour; "Cells", the
//! position table with numbers as numbers; "Statements", one row per
//! statement. The two flat sheets have the CSV columns, a frozen header row
//! and an autofilter.
//!
//! Rows come from [`super::table`], which has already neutralised formulas.

use super::table::{self, Field, neutralise};
use super::{cell_label, legend, summary_colour};
use crate::Analysis;
use crate::matrix::Matrix;
use rust_xlsxwriter::{
    ColNum, Format as Style, FormatAlign, FormatBorder, RowNum, Workbook, Worksheet, XlsxError,
};

/// Widest a column gets from autofit, in pixels: long sentences would
/// otherwise make columns wider than a screen.
const MAX_COLUMN_WIDTH: u32 = 400;

pub(super) fn render(analysis: &Analysis, matrix: &Matrix) -> Result<Vec<u8>, XlsxError> {
    let header = Style::new()
        .set_bold()
        .set_background_color(0xD9D9D9)
        .set_border_bottom(FormatBorder::Thin);
    let mut workbook = Workbook::new();
    grid(
        workbook.add_worksheet().set_name("Positions")?,
        analysis,
        matrix,
        &header,
    )?;
    sheet(
        workbook.add_worksheet().set_name("Cells")?,
        &table::POSITION_COLUMNS,
        table::position_rows(analysis, matrix),
        &header,
    )?;
    sheet(
        workbook.add_worksheet().set_name("Statements")?,
        &table::STATEMENT_COLUMNS,
        table::statement_rows(analysis, matrix),
        &header,
    )?;
    workbook.save_to_buffer()
}

/// Actors down, issues across; a cell holds its label on its summary colour.
fn grid(
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
        ws.write_string_with_format(0, col(i + 1), neutralise(&issue.name), header)?;
    }
    for (a, actor) in analysis
        .lexicon
        .actors()
        .iter()
        .take(matrix.actors)
        .enumerate()
    {
        let r = row(a + 1);
        ws.write_string_with_format(r, 0, neutralise(&actor.name), header)?;
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
                Field::Text(text) => ws.write_string(last, col(c), text)?,
                Field::Number(n) => ws.write_number(last, col(c), n as f64)?,
            };
        }
    }
    ws.autofilter(0, 0, last, col(N.saturating_sub(1)))?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_autofit_max_width(MAX_COLUMN_WIDTH).autofit();
    Ok(())
}

/// Row and column indices past the sheet's limits saturate, so that
/// rust_xlsxwriter reports them as a limit error instead of wrapping around.
fn row(i: usize) -> RowNum {
    RowNum::try_from(i).unwrap_or(RowNum::MAX)
}

fn col(i: usize) -> ColNum {
    ColNum::try_from(i).unwrap_or(ColNum::MAX)
}
