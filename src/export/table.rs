//! The rows of the flat tables, the position table (one row per actor ×
//! issue), the statements (one row per statement) and the agreement of
//! parties (one row per pair), as the CSV and XLSX exports share them.
//!
//! Fields keep the exact text. Guarding text that a spreadsheet would run
//! as a formula is CSV's concern ([`Field::as_csv`]): an XLSX string cell is
//! never a formula, so the guard would only change the quote. This module
//! builds rows; it must not know how a format lays them out.

use crate::Analysis;
use crate::agreement::{Agreement, Relation};
use crate::matrix::Matrix;
use crate::model::{CueKind, Statement};
use std::borrow::Cow;

/// One field of a row.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Field<'a> {
    /// Text, exactly as in the document or the lexicon.
    Text(Cow<'a, str>),
    /// A count or a byte offset, which a spreadsheet keeps as a number.
    Number(usize),
}

impl<'a> Field<'a> {
    fn text(text: &'a str) -> Field<'a> {
        Field::Text(Cow::Borrowed(text))
    }

    fn owned(text: String) -> Field<'a> {
        Field::Text(Cow::Owned(text))
    }

    /// The field as CSV text, guarded against formulas: a spreadsheet that
    /// opens a CSV file decides by itself what a formula is.
    pub(super) fn as_csv(&self) -> Cow<'_, str> {
        match self {
            Field::Text(t) => neutralise(t),
            Field::Number(n) => Cow::Owned(n.to_string()),
        }
    }
}

/// Text starting with one of these is run as a formula (or smuggles one in
/// after a tab or line break) when a spreadsheet opens the file.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` with a leading `'` if a spreadsheet would run it as a formula. The
/// apostrophe is what spreadsheets themselves use to mark "this is text".
fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

pub(super) const POSITION_COLUMNS: [&str; 9] = [
    "actor",
    "actor_name",
    "issue",
    "issue_name",
    "summary",
    "support",
    "oppose",
    "conditional",
    "statements",
];

/// Every actor × issue cell in lexicon order, empty cells included (with an
/// empty summary), so that a reader gets the full grid.
pub(super) fn position_rows<'a>(
    analysis: &'a Analysis,
    matrix: &'a Matrix,
) -> impl Iterator<Item = [Field<'a>; 9]> + 'a {
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    super::cells(matrix).map(move |(a, i, cell)| {
        let counts = cell.counts;
        [
            Field::text(&actors[a].id),
            Field::text(&actors[a].name),
            Field::text(&issues[i].id),
            Field::text(&issues[i].name),
            Field::text(counts.summary().map_or("", |s| s.as_str())),
            Field::Number(counts.support),
            Field::Number(counts.oppose),
            Field::Number(counts.conditional),
            Field::Number(counts.total()),
        ]
    })
}

pub(super) const STATEMENT_COLUMNS: [&str; 18] = [
    "file", "title", "date", "source", "actor", "issue", "stance", "speaker", "sentence", "quote",
    "start", "end", "cues", "origin", "rejected", "grade", "original", "note",
];

pub(super) const AGREEMENT_COLUMNS: [&str; 10] = [
    "actor_a",
    "actor_a_name",
    "actor_b",
    "actor_b_name",
    "agree",
    "conflict",
    "incomparable",
    "agree_issues",
    "conflict_issues",
    "incomparable_issues",
];

/// Every pair of parties in lexicon order, with how many issues they agree,
/// conflict or cannot be compared on, and those issues' ids (`; `-separated).
pub(super) fn agreement_rows<'a>(
    analysis: &'a Analysis,
    matrix: &Matrix,
) -> impl Iterator<Item = [Field<'a>; 10]> + 'a {
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    let ids = move |list: &[usize]| {
        list.iter()
            .map(|&i| issues[i].id.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    Agreement::build(matrix)
        .into_pairs()
        .into_iter()
        .map(move |pair| {
            let [agree, conflict, incomparable] = Relation::ALL.map(|r| pair.issues(r));
            [
                Field::text(&actors[pair.a].id),
                Field::text(&actors[pair.a].name),
                Field::text(&actors[pair.b].id),
                Field::text(&actors[pair.b].name),
                Field::Number(agree.len()),
                Field::Number(conflict.len()),
                Field::Number(incomparable.len()),
                Field::owned(ids(agree)),
                Field::owned(ids(conflict)),
                Field::owned(ids(incomparable)),
            ]
        })
}

/// Every statement of the matrix in document order.
pub(super) fn statement_rows<'a>(
    analysis: &'a Analysis,
    matrix: &Matrix,
) -> impl Iterator<Item = [Field<'a>; 18]> + 'a {
    matrix.statements().into_iter().map(move |i| {
        let s = &analysis.statements[i];
        let doc = &analysis.documents[s.doc];
        [
            Field::text(&doc.file),
            Field::text(&doc.title),
            Field::text(doc.date.as_deref().unwrap_or("")),
            Field::text(&doc.source),
            Field::text(analysis.actor_id(s)),
            Field::text(analysis.issue_id(s)),
            Field::text(s.stance.as_str()),
            Field::text(analysis.speaker(s)),
            Field::text(analysis.text(s.doc, s.sentence)),
            Field::text(s.quote.map_or("", |q| analysis.text(s.doc, q))),
            Field::Number(s.sentence.start),
            Field::Number(s.sentence.end),
            Field::owned(cues_text(analysis, s)),
            Field::text(s.origin().as_str()),
            Field::text(if s.is_rejected() { "yes" } else { "" }),
            Field::text(s.grade.map_or("", |g| g.as_str())),
            Field::owned(original_text(analysis, s)),
            Field::text(s.note()),
        ]
    })
}

/// A re-coded statement's coding as extraction found it, as one field:
/// `ukraine/nato/oppose/Zelensky`.
fn original_text(analysis: &Analysis, s: &Statement) -> String {
    let Some(o) = s.review.as_ref().and_then(|r| r.original.as_ref()) else {
        return String::new();
    };
    let lexicon = &analysis.lexicon;
    format!(
        "{}/{}/{}/{}",
        lexicon.actors()[o.actor].id,
        lexicon.issues()[o.issue].id,
        o.stance,
        o.speaker
    )
}

/// The cues as one field: `actor:Kyiv; stance:rejects`.
fn cues_text(analysis: &Analysis, s: &Statement) -> String {
    let cues: Vec<String> = s
        .cues
        .iter()
        .map(|c| format!("{}:{}", cue_kind(c.kind), analysis.text(s.doc, c.span)))
        .collect();
    cues.join("; ")
}

pub(super) fn cue_kind(kind: CueKind) -> &'static str {
    match kind {
        CueKind::Actor => "actor",
        CueKind::Issue => "issue",
        CueKind::Stance => "stance",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_kept() {
        for bad in ["=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for good in ["Kyiv", "", "a=b", "“=quoted”", "42"] {
            assert!(matches!(neutralise(good), Cow::Borrowed(t) if t == good));
        }
    }
}
