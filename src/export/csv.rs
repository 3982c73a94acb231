//! The position table, the statements and the agreement of parties as CSV (RFC 4180, comma separated,
//! one header row).
//!
//! Files start with a UTF-8 byte order mark: without it Excel reads UTF-8 as
//! the local code page and garbles every quote mark and accented name;
//! csv readers (Rust's `csv`, Python's `utf-8-sig`, LibreOffice) skip it.

use super::ExportError;
use super::table::{self, Field};
use crate::Analysis;
use crate::matrix::Matrix;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One row per actor × issue: see [`table::POSITION_COLUMNS`].
pub(super) fn positions(analysis: &Analysis, matrix: &Matrix) -> Result<Vec<u8>, ExportError> {
    to_csv(
        &table::POSITION_COLUMNS,
        table::position_rows(analysis, matrix),
    )
}

/// One row per statement: see [`table::STATEMENT_COLUMNS`].
pub(super) fn statements(analysis: &Analysis, matrix: &Matrix) -> Result<Vec<u8>, ExportError> {
    to_csv(
        &table::STATEMENT_COLUMNS,
        table::statement_rows(analysis, matrix),
    )
}

/// One row per pair of parties: see [`table::AGREEMENT_COLUMNS`].
pub(super) fn agreement(analysis: &Analysis, matrix: &Matrix) -> Result<Vec<u8>, ExportError> {
    to_csv(
        &table::AGREEMENT_COLUMNS,
        table::agreement_rows(analysis, matrix),
    )
}

fn to_csv<'a, const N: usize>(
    header: &[&str; N],
    rows: impl Iterator<Item = [Field<'a>; N]>,
) -> Result<Vec<u8>, ExportError> {
    let mut out = ::csv::Writer::from_writer(UTF8_BOM.to_vec());
    out.write_record(header).map_err(ExportError::Csv)?;
    for row in rows {
        let fields = row.each_ref().map(Field::as_csv);
        out.write_record(fields.iter().map(|f| f.as_bytes()))
            .map_err(ExportError::Csv)?;
    }
    out.into_inner()
        .map_err(|e| ExportError::Csv(e.into_error().into()))
}
