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
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;

/// The fields before the statements.
#[derive(Serialize)]
struct Head<'a> {
    schema: &'static str,
    actors: Vec<Label<'a>>,
    issues: Vec<Label<'a>>,
    documents: Vec<Document<'a>>,
}

/// The fields after the statements.
#[derive(Serialize)]
struct Tail<'a> {
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

/// The statement `i` of `analysis` as the schema spells it.
fn statement(analysis: &Analysis, i: usize) -> Statement<'_> {
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
    let head = Head {
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
    };
    let tail = Tail {
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
    // The document is written as `serde_json::to_writer_pretty` would
    // write it whole; only the statements, most of its bytes, are rendered
    // in parallel, a batch at a time so that memory stays bounded.
    let head = pretty(&head)?;
    let tail = pretty(&tail)?;
    let io = |e| ExportError::Io(e);
    // `{…\n}` of the head without its closing brace, the statements as one
    // more field, then the tail's fields after a comma instead of its brace.
    out.write_all(&head[..head.len() - b"\n}".len()])
        .map_err(io)?;
    out.write_all(b",\n  \"statements\": ").map_err(io)?;
    write_statements(analysis, &matrix.statements(), out)?;
    out.write_all(b",").map_err(io)?;
    out.write_all(&tail[b"{".len()..]).map_err(io)?;
    out.write_all(b"\n").map_err(io)
}

/// Statements rendered together: enough that a batch keeps both cores
/// busy, few enough that a corpus of millions is never held in memory.
const BATCH: usize = 1 << 14;

/// Statements one thread renders in one go.
const CHUNK: usize = 256;

/// The statements `indices` as the pretty-printed array of a top-level field.
fn write_statements(
    analysis: &Analysis,
    indices: &[usize],
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let io = |e| ExportError::Io(e);
    if indices.is_empty() {
        return out.write_all(b"[]").map_err(io);
    }
    out.write_all(b"[").map_err(io)?;
    for (b, batch) in indices.chunks(BATCH).enumerate() {
        let rendered: Vec<Vec<u8>> = batch
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut bytes = Vec::new();
                let mut one = Vec::new();
                for (k, &i) in chunk.iter().enumerate() {
                    let first = b == 0 && c == 0 && k == 0;
                    one.clear();
                    serde_json::to_writer_pretty(&mut one, &statement(analysis, i))
                        .map_err(ExportError::Json)?;
                    // An element two levels deep: every line of it indented
                    // by two more steps. A JSON string holds no raw newline.
                    for (n, line) in one.split(|&byte| byte == b'\n').enumerate() {
                        let before: &[u8] = match (n, first) {
                            (0, true) => b"\n    ",
                            (0, false) => b",\n    ",
                            _ => b"\n    ",
                        };
                        bytes.extend_from_slice(before);
                        bytes.extend_from_slice(line);
                    }
                }
                Ok(bytes)
            })
            .collect::<Result<_, ExportError>>()?;
        for bytes in rendered {
            out.write_all(&bytes).map_err(io)?;
        }
    }
    out.write_all(b"\n  ]").map_err(io)
}

/// `value` as pretty-printed JSON.
fn pretty(value: &impl Serialize) -> Result<Vec<u8>, ExportError> {
    serde_json::to_vec_pretty(value).map_err(ExportError::Json)
}
