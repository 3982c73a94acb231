//! Everything in the matrix as one JSON document (schema
//! `stancegrid/positions@2`), for other programs: the labels, the documents,
//! every statement with its spans and cue words, the non-empty cells, the
//! agreement of every pair of parties and the skipped files.
//!
//! The shapes here are the published schema: they are spelled out field by
//! field, names as plain strings, rather than serialised from the model types,
//! so that a change in the model cannot silently change the file.

use super::table::cue_kind;
use super::{ExportError, JSON_SCHEMA, cells};
use crate::Analysis;
use crate::agreement::{Agreement, Relation};
use crate::matrix::Matrix;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Positions<'a> {
    schema: &'static str,
    actors: Vec<Label<'a>>,
    issues: Vec<Label<'a>>,
    documents: Vec<Document<'a>>,
    statements: Statements<'a>,
    cells: Vec<Cell<'a>>,
    agreement: Vec<Pair<'a>>,
    skipped: Vec<Skipped<'a>>,
}

#[derive(Serialize)]
struct Label<'a> {
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Document<'a> {
    file: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    source: &'a str,
}

/// The statements of the matrix, built one at a time while they are
/// written: a corpus can hold hundreds of thousands of them.
struct Statements<'a> {
    analysis: &'a Analysis,
    indices: Vec<usize>,
}

impl Serialize for Statements<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let analysis = self.analysis;
        serializer.collect_seq(self.indices.iter().map(|&i| {
            let s = &analysis.statements[i];
            Statement {
                file: &analysis.documents[s.doc].file,
                actor: analysis.actor_id(s),
                issue: analysis.issue_id(s),
                stance: s.stance.as_str(),
                speaker: analysis.speaker(s),
                sentence: analysis.text(s.doc, s.sentence),
                start: s.sentence.start,
                end: s.sentence.end,
                quote: s.quote.map(|q| analysis.text(s.doc, q)),
                cues: s
                    .cues
                    .iter()
                    .map(|c| Cue {
                        kind: cue_kind(c.kind),
                        text: analysis.text(s.doc, c.span),
                        start: c.span.start,
                        end: c.span.end,
                    })
                    .collect(),
                origin: s.origin().as_str(),
                rejected: s.is_rejected(),
                grade: s.grade.map(|g| g.as_str()),
                original: s
                    .review
                    .as_ref()
                    .and_then(|r| r.original.as_ref())
                    .map(|o| Original {
                        actor: &analysis.lexicon.actors()[o.actor].id,
                        issue: &analysis.lexicon.issues()[o.issue].id,
                        stance: o.stance.as_str(),
                        speaker: &o.speaker,
                    }),
                note: s.note(),
            }
        }))
    }
}

#[derive(Serialize)]
struct Statement<'a> {
    file: &'a str,
    actor: &'a str,
    issue: &'a str,
    stance: &'static str,
    speaker: &'a str,
    sentence: &'a str,
    start: usize,
    end: usize,
    quote: Option<&'a str>,
    cues: Vec<Cue<'a>>,
    origin: &'static str,
    rejected: bool,
    grade: Option<&'static str>,
    original: Option<Original<'a>>,
    note: &'a str,
}

/// A re-coded statement's coding as extraction found it.
#[derive(Serialize)]
struct Original<'a> {
    actor: &'a str,
    issue: &'a str,
    stance: &'static str,
    speaker: &'a str,
}

#[derive(Serialize)]
struct Cue<'a> {
    kind: &'static str,
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Cell<'a> {
    actor: &'a str,
    issue: &'a str,
    summary: &'static str,
    support: usize,
    oppose: usize,
    conditional: usize,
    statements: usize,
    reviewed: usize,
}

/// A pair of parties and the issues (ids) behind each relation.
#[derive(Serialize)]
struct Pair<'a> {
    a: &'a str,
    b: &'a str,
    agree: Vec<&'a str>,
    conflict: Vec<&'a str>,
    incomparable: Vec<&'a str>,
}

#[derive(Serialize)]
struct Skipped<'a> {
    file: &'a str,
    reason: &'a str,
}

/// Write the JSON document into `out` as it is built.
pub(super) fn render_to(
    analysis: &Analysis,
    matrix: &Matrix,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let lexicon = &analysis.lexicon;
    let actors = lexicon.actors();
    let issues = lexicon.issues();
    let positions = Positions {
        schema: JSON_SCHEMA,
        actors: actors
            .iter()
            .map(|a| Label {
                id: &a.id,
                name: &a.name,
            })
            .collect(),
        issues: issues
            .iter()
            .map(|i| Label {
                id: &i.id,
                name: &i.name,
            })
            .collect(),
        documents: analysis
            .documents
            .iter()
            .map(|d| Document {
                file: &d.file,
                title: &d.title,
                date: d.date.as_deref(),
                source: &d.source,
            })
            .collect(),
        statements: Statements {
            analysis,
            indices: matrix.statements(),
        },
        cells: cells(matrix)
            .filter_map(|(a, i, cell)| {
                let counts = cell.counts;
                Some(Cell {
                    actor: &actors[a].id,
                    issue: &issues[i].id,
                    summary: counts.summary()?.as_str(),
                    support: counts.support,
                    oppose: counts.oppose,
                    conditional: counts.conditional,
                    statements: counts.total(),
                    reviewed: cell.reviewed,
                })
            })
            .collect(),
        agreement: Agreement::build(matrix)
            .pairs()
            .iter()
            .map(|pair| {
                let ids = |r| {
                    pair.issues(r)
                        .iter()
                        .map(|&i| issues[i].id.as_str())
                        .collect()
                };
                Pair {
                    a: &actors[pair.a].id,
                    b: &actors[pair.b].id,
                    agree: ids(Relation::Agree),
                    conflict: ids(Relation::Conflict),
                    incomparable: ids(Relation::Incomparable),
                }
            })
            .collect(),
        skipped: analysis
            .skipped
            .iter()
            .map(|s| Skipped {
                file: &s.file,
                reason: &s.reason,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &positions).map_err(|e| {
        // A full disk while streaming is a write error, not a JSON one.
        if e.is_io() {
            ExportError::Io(e.into())
        } else {
            ExportError::Json(e)
        }
    })?;
    out.write_all(b"\n").map_err(ExportError::Io)
}
