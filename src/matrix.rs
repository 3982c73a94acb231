//! Statements into the actors × issues matrix: per cell the statements, counts
//! per stance and a summary stance; and the filters every view and export follows.
//!
//! A statement made more than once (see [`crate::copies`]) counts once: the
//! counts, the summary and the evidence list are of distinct statements,
//! while [`Cell::statements`] keeps every copy for the exports that list them.

use crate::Analysis;
use crate::model::{Document, Grade, Stance, Statement, Summary};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

/// Which statements count. The default lets everything through.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Stances to keep, in [`Stance::ALL`] order.
    pub stances: [bool; 3],
    /// Inclusive ISO dates (`YYYY-MM-DD`). With either set, undated articles drop out.
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    /// Keep only these documents (their `file`); empty keeps all.
    pub documents: Vec<String>,
    /// Whole words of the speaker's name, in any case.
    pub speaker: String,
    /// Case-insensitive text to find in the sentence, title or source.
    pub text: String,
    /// The weakest grade of evidence kept; statements added by hand, which
    /// have none, always are.
    pub weakest: Grade,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            stances: [true; 3],
            date_from: None,
            date_to: None,
            documents: Vec::new(),
            speaker: String::new(),
            text: String::new(),
            weakest: Grade::Reference,
        }
    }
}

impl Filter {
    /// True when the filter lets every statement through.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn keeps_stance(&self, stance: Stance) -> bool {
        self.stances[Stance::ALL.iter().position(|s| *s == stance).unwrap_or(0)]
    }

    /// The filter ready to test statements: text searches compiled once.
    pub fn prepare(&self) -> PreparedFilter<'_> {
        PreparedFilter {
            filter: self,
            speaker: word_search(&self.speaker),
            text: folded_search(&self.text),
        }
    }
}

/// A case-insensitive search for `needle`, or `None` when it is blank.
fn folded_search(needle: &str) -> Option<Regex> {
    search(&spaced_words(needle)?)
}

/// A case-insensitive search for `needle` as whole words, or `None` when it
/// is blank.
fn word_search(needle: &str) -> Option<Regex> {
    search(&format!(r"\b{}\b", spaced_words(needle)?))
}

fn search(pattern: &str) -> Option<Regex> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .ok()
}

/// The words of `needle` as a pattern that finds them however the article
/// spaces them (a no-break space, a tab, a line break), or `None` when blank.
fn spaced_words(needle: &str) -> Option<String> {
    let words: Vec<String> = needle.split_whitespace().map(regex::escape).collect();
    (!words.is_empty()).then(|| words.join(r"[\s\p{Cc}]+"))
}

/// Does `search` find the speaker's own name in `speaker`: whole words, not
/// a possessive that names someone else ("Trump's envoy Steve Witkoff" is
/// not Trump)?
fn names_speaker(search: &Regex, speaker: &str) -> bool {
    search.find_iter(speaker).any(|m| {
        let after = &speaker[m.end()..];
        !(after.starts_with("'s") || after.starts_with("\u{2019}s"))
    })
}

/// A [`Filter`] with its searches compiled, for testing many statements.
#[derive(Debug)]
pub struct PreparedFilter<'a> {
    filter: &'a Filter,
    speaker: Option<Regex>,
    text: Option<Regex>,
}

impl PreparedFilter<'_> {
    /// Does statement `s` of `analysis` pass?
    pub fn keeps(&self, analysis: &Analysis, s: &Statement) -> bool {
        self.in_window(&analysis.documents[s.doc]) && self.keeps_apart_from_dates(analysis, s)
    }

    /// Is `doc` inside the date window? With no window, every document is;
    /// with one, an undated document is not.
    pub fn in_window(&self, doc: &Document) -> bool {
        let filter = self.filter;
        if filter.date_from.is_none() && filter.date_to.is_none() {
            return true;
        }
        let Some(date) = doc.date.as_deref() else {
            return false;
        };
        !(filter.date_from.as_deref().is_some_and(|from| date < from)
            || filter.date_to.as_deref().is_some_and(|to| date > to))
    }

    /// Does statement `s` pass every part of the filter but the dates?
    fn keeps_apart_from_dates(&self, analysis: &Analysis, s: &Statement) -> bool {
        let filter = self.filter;
        if !filter.keeps_stance(s.stance) || s.grade.is_some_and(|g| g > filter.weakest) {
            return false;
        }
        let doc = &analysis.documents[s.doc];
        if !filter.documents.is_empty() && !filter.documents.contains(&doc.file) {
            return false;
        }
        if let Some(speaker) = &self.speaker
            && !names_speaker(speaker, analysis.speaker(s))
        {
            return false;
        }
        if let Some(text) = &self.text
            && !text.is_match(s.sentence.of(&doc.text))
            && !text.is_match(&doc.title)
            && !text.is_match(&doc.source)
        {
            return false;
        }
        true
    }
}

/// Number of statements per stance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub support: usize,
    pub oppose: usize,
    pub conditional: usize,
}

impl Counts {
    pub fn add(&mut self, stance: Stance) {
        match stance {
            Stance::Support => self.support += 1,
            Stance::Oppose => self.oppose += 1,
            Stance::Conditional => self.conditional += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.support + self.oppose + self.conditional
    }

    pub fn get(&self, stance: Stance) -> usize {
        match stance {
            Stance::Support => self.support,
            Stance::Oppose => self.oppose,
            Stance::Conditional => self.conditional,
        }
    }

    /// The cell summary: the one stance present; `Mixed` when support and
    /// opposition both occur; otherwise (conditional with one side) `Conditional`.
    pub fn summary(&self) -> Option<Summary> {
        let present = [self.support, self.oppose, self.conditional]
            .iter()
            .filter(|n| **n > 0)
            .count();
        match present {
            0 => None,
            _ if self.support > 0 && self.oppose > 0 => Some(Summary::Mixed),
            1 if self.support > 0 => Some(Summary::Support),
            1 if self.oppose > 0 => Some(Summary::Oppose),
            _ => Some(Summary::Conditional),
        }
    }
}

/// One actor × issue cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// Indices into [`Analysis::statements`], in document order, copies included.
    pub statements: Vec<usize>,
    /// The first of each statement's copies that passes the filter, in
    /// document order: what the counts count.
    pub distinct: Vec<usize>,
    /// Rejected statements that pass the filter, in document order: listed
    /// (struck through) but in neither `distinct` nor the counts.
    pub rejected: Vec<usize>,
    /// Distinct statements per stance, rejected ones left out.
    pub counts: Counts,
    /// How many of `statements` a person reviewed (rejected ones included).
    pub reviewed: usize,
}

impl Cell {
    /// What a list of the cell shows: the counted statements, then the
    /// rejected ones.
    pub fn listed(&self) -> impl Iterator<Item = usize> + '_ {
        self.distinct.iter().chain(&self.rejected).copied()
    }

    pub fn summary(&self) -> Option<Summary> {
        self.counts.summary()
    }
}

/// The actors × issues matrix, rows and columns in lexicon order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    pub actors: usize,
    pub issues: usize,
    cells: Vec<Cell>,
    /// Distinct statements that pass the filter but for its date window,
    /// left out because their article has no date.
    pub undated_out: usize,
}

impl Matrix {
    /// The matrix of the statements of `analysis` that pass `filter`.
    pub fn build(analysis: &Analysis, filter: &Filter) -> Matrix {
        let actors = analysis.lexicon.actors().len();
        let issues = analysis.lexicon.issues().len();
        let mut cells = vec![Cell::default(); actors * issues];
        let filter = filter.prepare();
        // Copies share actor, issue and stance, so they fall in one cell.
        let mut counted = vec![false; analysis.statements.len()];
        // The first copies of statements left out for being undated; a
        // statement counted through a dated copy is not missing.
        let mut undated = Vec::new();
        for (i, s) in analysis.statements.iter().enumerate() {
            if s.actor >= actors || s.issue >= issues {
                continue;
            }
            let doc = &analysis.documents[s.doc];
            if !filter.in_window(doc) {
                if doc.date.is_none()
                    && !s.is_rejected()
                    && filter.keeps_apart_from_dates(analysis, s)
                {
                    undated.push(analysis.copies.first(i));
                }
                continue;
            }
            if !filter.keeps_apart_from_dates(analysis, s) {
                continue;
            }
            let cell = &mut cells[s.actor * issues + s.issue];
            cell.statements.push(i);
            if s.is_reviewed() {
                cell.reviewed += 1;
            }
            if s.is_rejected() {
                cell.rejected.push(i);
                continue;
            }
            if let Some(seen) = counted.get_mut(analysis.copies.first(i))
                && !*seen
            {
                *seen = true;
                cell.distinct.push(i);
                cell.counts.add(s.stance);
            }
        }
        undated.sort_unstable();
        undated.dedup();
        let undated_out = undated
            .into_iter()
            .filter(|&first| !counted.get(first).copied().unwrap_or(false))
            .count();
        Matrix {
            actors,
            issues,
            cells,
            undated_out,
        }
    }

    pub fn cell(&self, actor: usize, issue: usize) -> &Cell {
        &self.cells[actor * self.issues + issue]
    }

    /// Counts over a whole actor row.
    pub fn row_total(&self, actor: usize) -> Counts {
        sum((0..self.issues).map(|i| self.cell(actor, i).counts))
    }

    /// Counts over a whole issue column.
    pub fn column_total(&self, issue: usize) -> Counts {
        sum((0..self.actors).map(|a| self.cell(a, issue).counts))
    }

    /// Counts over the whole matrix.
    pub fn total(&self) -> Counts {
        sum(self.cells.iter().map(|c| c.counts))
    }

    /// Indices of every statement in the matrix, in document order.
    pub fn statements(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self
            .cells
            .iter()
            .flat_map(|c| c.statements.iter().copied())
            .collect();
        all.sort_unstable();
        all
    }
}

fn sum(counts: impl Iterator<Item = Counts>) -> Counts {
    counts.fold(Counts::default(), |mut acc, c| {
        acc.support += c.support;
        acc.oppose += c.oppose;
        acc.conditional += c.conditional;
        acc
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::{Lexicon, Stance};
    use std::sync::Arc;

    /// Two statements in one dated document: Kyiv opposes, Peskov supports.
    fn analysis() -> Analysis {
        let text = "Kyiv rejects it. Peskov backs the TRUCE.".to_string();
        let statement = |actor, stance, speaker: Span| Statement {
            doc: 0,
            actor,
            issue: 5,
            stance,
            speaker,
            sentence: speaker,
            quote: None,
            cues: Vec::new(),
            grade: None,
            review: None,
        };
        Analysis::new(
            "r".into(),
            Arc::new(Lexicon::builtin()),
            vec![Document {
                file: "a.txt".into(),
                path: "a.txt".into(),
                title: "Talks".into(),
                date: Some("2025-12-20".into()),
                source: "a.txt".into(),
                content: vec![Span::new(0, text.len())],
                warnings: Vec::new(),
                text,
            }],
            vec![
                statement(0, Stance::Oppose, Span::new(0, 16)),
                statement(3, Stance::Support, Span::new(17, 40)),
            ],
            Vec::new(),
        )
    }

    fn kept(filter: &Filter) -> Vec<usize> {
        Matrix::build(&analysis(), filter).statements()
    }

    #[test]
    fn filters_select_statements() {
        assert_eq!(kept(&Filter::default()), [0, 1]);
        let f = Filter {
            stances: [true, false, true],
            ..Filter::default()
        };
        assert_eq!(kept(&f), [1]);
        let f = Filter {
            speaker: "peskov".into(),
            ..Filter::default()
        };
        assert_eq!(kept(&f), [1], "speaker search ignores case");
        let f = Filter {
            text: "truce".into(),
            ..Filter::default()
        };
        assert_eq!(kept(&f), [1], "text search ignores case");
        let f = Filter {
            date_from: Some("2026-01-01".into()),
            ..Filter::default()
        };
        assert!(kept(&f).is_empty(), "outside the date range");
        let f = Filter {
            documents: vec!["b.txt".into()],
            ..Filter::default()
        };
        assert!(kept(&f).is_empty(), "another document");
    }

    #[test]
    fn the_speaker_search_matches_whole_words_of_the_speakers_own_name() {
        let search = word_search("trump").expect("a search");
        assert!(names_speaker(&search, "President Donald Trump"));
        assert!(names_speaker(&search, "TRUMP"));
        assert!(!names_speaker(&search, "Trump's envoy Steve Witkoff"));
        assert!(!names_speaker(&search, "Trumpington"));
        let search = word_search("von der").expect("a search");
        assert!(names_speaker(&search, "Ursula von der Leyen"));
        assert!(names_speaker(&search, "Ursula von\u{a0}der\tLeyen"));
        assert!(word_search("  ").is_none());
        let search = folded_search("foreign  troops").expect("a search");
        assert!(search.is_match("no FOREIGN\u{a0}troops\x0c"));
    }

    /// A wire story in three articles, and one that repeats its quote.
    fn copied() -> Analysis {
        let quote = "Kyiv rejects it.";
        let texts = [quote, "Kyiv rejects it. Later: Kyiv rejects it.", quote];
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, text)| Document {
                date: Some(format!("2025-12-2{i}")),
                ..Document::from_text(&format!("{i}.txt"), text)
            })
            .collect();
        let statement = |doc, start| {
            Statement::new(
                doc,
                0,
                5,
                Stance::Oppose,
                Span::new(start, start + 4),
                Span::new(start, start + quote.len()),
            )
        };
        let statements = vec![
            statement(0, 0),
            statement(1, 0),
            statement(1, 24),
            statement(2, 0),
        ];
        Analysis::new(
            "r".into(),
            Arc::new(Lexicon::builtin()),
            documents,
            statements,
            Vec::new(),
        )
    }

    #[test]
    fn copies_of_a_statement_count_once() {
        let m = Matrix::build(&copied(), &Filter::default());
        let cell = m.cell(0, 5);
        assert_eq!(cell.counts.oppose, 1);
        assert_eq!(cell.distinct, [0]);
        assert_eq!(cell.statements, [0, 1, 2, 3], "every copy stays listed");
        assert_eq!(m.total().total(), 1);
        // With the first copy filtered out, the next one counts.
        let later = Filter {
            date_from: Some("2025-12-21".into()),
            ..Filter::default()
        };
        let cell = Matrix::build(&copied(), &later).cell(0, 5).clone();
        assert_eq!((cell.counts.oppose, cell.distinct), (1, vec![1]));
    }

    #[test]
    fn a_date_window_says_how_many_undated_statements_it_leaves_out() {
        let mut analysis = copied();
        // The second article, undated, repeats the first's quote twice;
        // the third is undated too.
        analysis.documents[1].date = None;
        analysis.documents[2].date = None;
        let everything = Matrix::build(&analysis, &Filter::default());
        assert_eq!(everything.undated_out, 0, "no window, nothing left out");
        let window = Filter {
            date_from: Some("2025-12-20".into()),
            ..Filter::default()
        };
        let m = Matrix::build(&analysis, &window);
        assert_eq!(m.cell(0, 5).distinct, [0]);
        assert_eq!(
            m.undated_out, 0,
            "its copies are counted through the dated one"
        );
        let later = Filter {
            date_from: Some("2025-12-21".into()),
            ..Filter::default()
        };
        let m = Matrix::build(&analysis, &later);
        assert_eq!((m.total().total(), m.undated_out), (0, 1));
        let supports_only = Filter {
            stances: [true, false, false],
            ..later
        };
        assert_eq!(Matrix::build(&analysis, &supports_only).undated_out, 0);
    }

    #[test]
    fn cells_count_their_statements() {
        let m = Matrix::build(&analysis(), &Filter::default());
        assert_eq!(m.cell(0, 5).counts.oppose, 1);
        assert_eq!(m.cell(3, 5).summary(), Some(Summary::Support));
        assert_eq!(m.column_total(5).total(), 2);
        assert_eq!(m.row_total(1).total(), 0);
    }

    fn counts(support: usize, oppose: usize, conditional: usize) -> Counts {
        Counts {
            support,
            oppose,
            conditional,
        }
    }

    #[test]
    fn summary_follows_the_annotation_rule() {
        assert_eq!(counts(0, 0, 0).summary(), None);
        assert_eq!(counts(2, 0, 0).summary(), Some(Summary::Support));
        assert_eq!(counts(0, 1, 0).summary(), Some(Summary::Oppose));
        assert_eq!(counts(0, 0, 3).summary(), Some(Summary::Conditional));
        assert_eq!(counts(1, 1, 0).summary(), Some(Summary::Mixed));
        assert_eq!(counts(1, 1, 1).summary(), Some(Summary::Mixed));
        assert_eq!(counts(1, 0, 1).summary(), Some(Summary::Conditional));
        assert_eq!(counts(0, 2, 1).summary(), Some(Summary::Conditional));
    }
}
