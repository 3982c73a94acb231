//! The statements table's state: which statements it lists (those the
//! filters show, of one party or issue when opened from a matrix header),
//! how they are sorted and which row is selected.
//!
//! The sorted rows are cached, keyed by everything they follow (the analysis,
//! the filter, the scope, the sort), so a frame of 50,000 rows sorts nothing.

use super::state::AppState;
use crate::matrix::{Filter, Matrix};
use crate::{Analysis, Stance};
use std::cmp::Ordering;
use std::sync::{Arc, Weak};

/// A column of the table, each one a sort key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Date,
    Source,
    Speaker,
    Actor,
    Issue,
    Stance,
    Origin,
    Sentence,
}

impl SortColumn {
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Date,
        SortColumn::Source,
        SortColumn::Speaker,
        SortColumn::Actor,
        SortColumn::Issue,
        SortColumn::Stance,
        SortColumn::Origin,
        SortColumn::Sentence,
    ];

    pub fn title(self) -> &'static str {
        match self {
            SortColumn::Date => "Date",
            SortColumn::Source => "Source",
            SortColumn::Speaker => "Speaker",
            SortColumn::Actor => "Party",
            SortColumn::Issue => "Issue",
            SortColumn::Stance => "Stance",
            SortColumn::Origin => "Origin",
            SortColumn::Sentence => "Sentence",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SortKey {
    pub column: SortColumn,
    pub descending: bool,
}

/// What the cached rows were computed from.
#[derive(Debug, Clone)]
struct RowsKey {
    /// Weak, so a closed folder is not kept alive; while held, its address
    /// cannot be reused by another analysis.
    analysis: Weak<Analysis>,
    filter: Filter,
    actor: Option<usize>,
    issue: Option<usize>,
    sort: Vec<SortKey>,
}

#[derive(Debug, Default)]
pub struct StatementsTable {
    /// Shown in the central panel instead of the matrix.
    pub open: bool,
    /// Only this party's statements (opened from its row header).
    pub actor: Option<usize>,
    /// Only statements on this issue (opened from its column header).
    pub issue: Option<usize>,
    /// Sort keys, most significant first: the last column clicked, then the
    /// one before it to break ties. Empty: document order.
    pub sort: Vec<SortKey>,
    /// The selected row's statement (an index into the analysis' statements).
    pub selected: Option<usize>,
    rows: Option<(RowsKey, Arc<[usize]>)>,
}

impl StatementsTable {
    pub fn show(&mut self, actor: Option<usize>, issue: Option<usize>) {
        self.open = true;
        self.actor = actor;
        self.issue = issue;
    }

    /// Sort by `column`; clicking the column sorted by reverses it, and the
    /// previous first key becomes the tie-break.
    pub fn sort_by(&mut self, column: SortColumn) {
        match self.sort.first_mut() {
            Some(first) if first.column == column => first.descending = !first.descending,
            _ => {
                self.sort.retain(|k| k.column != column);
                self.sort.insert(
                    0,
                    SortKey {
                        column,
                        descending: false,
                    },
                );
                self.sort.truncate(2);
            }
        }
    }

    /// Move the selection `by` rows within `rows`; with none selected (or
    /// the selected one no longer listed), select the first row.
    pub fn move_selection(&mut self, rows: &[usize], by: isize) {
        let at = self
            .selected
            .and_then(|s| rows.iter().position(|&r| r == s));
        let next = match at {
            Some(at) => at
                .saturating_add_signed(by)
                .min(rows.len().saturating_sub(1)),
            None => 0,
        };
        self.selected = rows.get(next).copied();
    }

    /// The rows for `analysis` under `filter` (whose matrix is `matrix`),
    /// sorted; computed again only when one of them, the scope or the sort changed.
    pub fn rows(
        &mut self,
        analysis: &Arc<Analysis>,
        filter: &Filter,
        matrix: &Matrix,
    ) -> Arc<[usize]> {
        let fresh = self.rows.as_ref().is_some_and(|(key, _)| {
            key.analysis.ptr_eq(&Arc::downgrade(analysis))
                && key.filter == *filter
                && (key.actor, key.issue) == (self.actor, self.issue)
                && key.sort == self.sort
        });
        if !fresh {
            let rows: Arc<[usize]> = self.sorted(analysis, matrix).into();
            // A statement filtered out is no longer selectable.
            if self.selected.is_some_and(|s| !rows.contains(&s)) {
                self.selected = None;
            }
            let key = RowsKey {
                analysis: Arc::downgrade(analysis),
                filter: filter.clone(),
                actor: self.actor,
                issue: self.issue,
                sort: self.sort.clone(),
            };
            self.rows = Some((key, rows));
        }
        self.rows
            .as_ref()
            .map(|(_, rows)| rows.clone())
            .unwrap_or_default()
    }

    /// The statements the matrix counts (copies once) and the rejected ones,
    /// in the scope, sorted.
    fn sorted(&self, analysis: &Analysis, matrix: &Matrix) -> Vec<usize> {
        let actors = self
            .actor
            .map_or(0..matrix.actors, |a| a..(a + 1).min(matrix.actors));
        let mut rows: Vec<usize> = actors
            .flat_map(|a| {
                let issues = self
                    .issue
                    .map_or(0..matrix.issues, |i| i..(i + 1).min(matrix.issues));
                issues.flat_map(move |i| matrix.cell(a, i).listed())
            })
            .collect();
        rows.sort_unstable_by(|&a, &b| {
            self.sort
                .iter()
                .map(|key| {
                    let order = compare(analysis, key.column, a, b);
                    if key.descending {
                        order.reverse()
                    } else {
                        order
                    }
                })
                .find(|o| o.is_ne())
                .unwrap_or_else(|| a.cmp(&b))
        });
        rows
    }
}

/// Statements `a` and `b` by `column`: text without regard to ASCII case,
/// undated after dated, stances in [`Stance::ALL`] order.
fn compare(analysis: &Analysis, column: SortColumn, a: usize, b: usize) -> Ordering {
    let (sa, sb) = (&analysis.statements[a], &analysis.statements[b]);
    let (da, db) = (&analysis.documents[sa.doc], &analysis.documents[sb.doc]);
    let lexicon = &analysis.lexicon;
    match column {
        SortColumn::Date => (da.date.is_none(), &da.date).cmp(&(db.date.is_none(), &db.date)),
        SortColumn::Source => folded(&da.source, &db.source),
        SortColumn::Speaker => folded(
            super::evidence::speaker(analysis, sa),
            super::evidence::speaker(analysis, sb),
        ),
        SortColumn::Actor => folded(
            &lexicon.actors()[sa.actor].name,
            &lexicon.actors()[sb.actor].name,
        ),
        SortColumn::Issue => folded(
            &lexicon.issues()[sa.issue].name,
            &lexicon.issues()[sb.issue].name,
        ),
        SortColumn::Stance => stance_rank(sa.stance).cmp(&stance_rank(sb.stance)),
        SortColumn::Origin => origin(sa).cmp(&origin(sb)),
        SortColumn::Sentence => folded(
            analysis.text(sa.doc, sa.sentence).trim(),
            analysis.text(sb.doc, sb.sentence).trim(),
        ),
    }
}

/// Rejected after every origin, so that they sort together.
fn origin(s: &crate::Statement) -> (bool, crate::model::Origin) {
    (s.is_rejected(), s.origin())
}

fn stance_rank(stance: Stance) -> usize {
    Stance::ALL.iter().position(|s| *s == stance).unwrap_or(0)
}

/// Byte order ignoring ASCII case: no allocation per comparison.
fn folded(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

impl AppState {
    /// The table's rows under the current filters and sort, as statement indices.
    pub fn table_rows(&mut self) -> Arc<[usize]> {
        match &self.analysis {
            Some(analysis) => self.table.rows(analysis, &self.prefs.filter, &self.matrix),
            None => Arc::from([]),
        }
    }

    /// The statement selected in the open table, if any: what row actions act on.
    pub fn table_selected(&self) -> Option<usize> {
        self.table.selected.filter(|_| self.table.open)
    }
}
