//! Parties against each other: for every pair of parties, the issues on
//! which the stances of their cells agree, conflict, or cannot be compared.
//!
//! It reads the (filtered) matrix only, so it follows every filter, review
//! and date window the matrix follows. A cell's stance is its summary: one
//! party that both supports and opposes an issue (mixed) has no stance to
//! compare, and neither has a party that said nothing on it. Issues on which
//! neither party of a pair said anything are left out: there is nothing
//! to compare, and counting them would only say how sparse the corpus is.

use crate::matrix::Matrix;
use crate::model::Summary;

/// How two parties' stances on one issue relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same stance: both support, both oppose, or both conditional.
    Agree,
    /// Different stances, conditional against support or oppose included:
    /// a condition is a position of its own.
    Conflict,
    /// One side said nothing on the issue, or holds a mixed position.
    Incomparable,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Agree, Relation::Conflict, Relation::Incomparable];

    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agree => "agree",
            Relation::Conflict => "conflict",
            Relation::Incomparable => "incomparable",
        }
    }

    /// How the relation of two cells' summaries reads; `None` when neither
    /// side said anything.
    pub fn of(a: Option<Summary>, b: Option<Summary>) -> Option<Relation> {
        match (a, b) {
            (None, None) => None,
            (Some(Summary::Mixed), _) | (_, Some(Summary::Mixed)) | (None, _) | (_, None) => {
                Some(Relation::Incomparable)
            }
            (Some(a), Some(b)) if a == b => Some(Relation::Agree),
            _ => Some(Relation::Conflict),
        }
    }
}

/// One pair of parties (`a` before `b` in lexicon order) and the issues, in
/// lexicon order, behind each relation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pair {
    pub a: usize,
    pub b: usize,
    pub agree: Vec<usize>,
    pub conflict: Vec<usize>,
    pub incomparable: Vec<usize>,
}

impl Pair {
    pub fn issues(&self, relation: Relation) -> &[usize] {
        match relation {
            Relation::Agree => &self.agree,
            Relation::Conflict => &self.conflict,
            Relation::Incomparable => &self.incomparable,
        }
    }

    fn issues_mut(&mut self, relation: Relation) -> &mut Vec<usize> {
        match relation {
            Relation::Agree => &mut self.agree,
            Relation::Conflict => &mut self.conflict,
            Relation::Incomparable => &mut self.incomparable,
        }
    }
}

/// Every pair of distinct parties of a matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agreement {
    actors: usize,
    /// The pairs `(a, b)` with `a < b`, by `a` then `b`.
    pairs: Vec<Pair>,
}

impl Agreement {
    pub fn build(matrix: &Matrix) -> Agreement {
        let mut pairs = Vec::new();
        for a in 0..matrix.actors {
            for b in a + 1..matrix.actors {
                let mut pair = Pair {
                    a,
                    b,
                    ..Pair::default()
                };
                for issue in 0..matrix.issues {
                    let (x, y) = (matrix.cell(a, issue), matrix.cell(b, issue));
                    if let Some(relation) = Relation::of(x.summary(), y.summary()) {
                        pair.issues_mut(relation).push(issue);
                    }
                }
                pairs.push(pair);
            }
        }
        Agreement {
            actors: matrix.actors,
            pairs,
        }
    }

    /// The pair of `a` and `b` in either order; `None` for a party with itself.
    pub fn pair(&self, a: usize, b: usize) -> Option<&Pair> {
        let (a, b) = (a.min(b), a.max(b));
        if a == b || b >= self.actors {
            return None;
        }
        // Pairs before row `a`: (actors-1) + (actors-2) + … + (actors-a).
        let before = a * self.actors - a * (a + 1) / 2;
        self.pairs.get(before + (b - a - 1))
    }

    /// Every pair, `a < b`, by `a` then `b`.
    pub fn pairs(&self) -> &[Pair] {
        &self.pairs
    }

    /// The pairs, taken out: for a caller that outlives the agreement.
    pub fn into_pairs(self) -> Vec<Pair> {
        self.pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::Filter;
    use crate::model::{Document, Span, Stance, Statement};
    use crate::{Analysis, Lexicon};
    use std::sync::Arc;

    #[test]
    fn summaries_relate_as_documented() {
        use Summary::*;
        assert_eq!(Relation::of(None, None), None);
        assert_eq!(
            Relation::of(Some(Support), Some(Support)),
            Some(Relation::Agree)
        );
        assert_eq!(
            Relation::of(Some(Conditional), Some(Conditional)),
            Some(Relation::Agree)
        );
        assert_eq!(
            Relation::of(Some(Support), Some(Oppose)),
            Some(Relation::Conflict)
        );
        assert_eq!(
            Relation::of(Some(Conditional), Some(Oppose)),
            Some(Relation::Conflict)
        );
        assert_eq!(
            Relation::of(Some(Mixed), Some(Mixed)),
            Some(Relation::Incomparable)
        );
        assert_eq!(
            Relation::of(None, Some(Oppose)),
            Some(Relation::Incomparable)
        );
        assert_eq!(
            Relation::of(Some(Support), None),
            Some(Relation::Incomparable)
        );
    }

    /// One document; a statement per (actor, issue, stance).
    fn matrix_of(codes: &[(&str, &str, Stance)]) -> (Analysis, Matrix) {
        let lexicon = Arc::new(Lexicon::builtin());
        let statements = codes
            .iter()
            .map(|(actor, issue, stance)| {
                Statement::new(
                    0,
                    lexicon.actor_index(actor).unwrap(),
                    lexicon.issue_index(issue).unwrap(),
                    *stance,
                    Span::new(0, 1),
                    Span::new(0, 1),
                )
            })
            .collect();
        let analysis = Analysis::new(
            "root".into(),
            lexicon,
            vec![Document::from_text("a.txt", "x")],
            statements,
            Vec::new(),
        );
        let matrix = Matrix::build(&analysis, &Filter::default());
        (analysis, matrix)
    }

    #[test]
    fn each_pair_lists_its_issues_under_their_relation_in_either_order() {
        use Stance::*;
        let (analysis, matrix) = matrix_of(&[
            ("ukraine", "nato_membership", Support),
            ("russia", "nato_membership", Oppose),
            ("ukraine", "ceasefire", Conditional),
            ("russia", "ceasefire", Conditional),
            ("ukraine", "territory", Oppose),
            ("russia", "territory", Support),
            ("russia", "territory", Oppose),
            ("ukraine", "eu_accession", Support),
        ]);
        let lexicon = &analysis.lexicon;
        let agreement = Agreement::build(&matrix);
        let actors = lexicon.actors().len();
        assert_eq!(agreement.pairs().len(), actors * (actors - 1) / 2);
        let (ukraine, russia) = (
            lexicon.actor_index("ukraine").unwrap(),
            lexicon.actor_index("russia").unwrap(),
        );
        let issue = |id| lexicon.issue_index(id).unwrap();
        let pair = agreement.pair(russia, ukraine).unwrap();
        assert_eq!(agreement.pair(ukraine, russia), Some(pair));
        assert_eq!((pair.a, pair.b), (ukraine.min(russia), ukraine.max(russia)));
        assert_eq!(pair.agree, [issue("ceasefire")]);
        assert_eq!(pair.conflict, [issue("nato_membership")]);
        let mut incomparable = vec![issue("territory"), issue("eu_accession")];
        incomparable.sort_unstable();
        assert_eq!(
            pair.incomparable, incomparable,
            "mixed, and one side silent"
        );
        assert_eq!(agreement.pair(ukraine, ukraine), None);
        assert_eq!(agreement.pair(ukraine, actors), None);
    }

    #[test]
    fn every_pair_is_found_where_its_index_says() {
        let (_, matrix) = matrix_of(&[]);
        let agreement = Agreement::build(&matrix);
        for a in 0..matrix.actors {
            for b in 0..matrix.actors {
                let pair = agreement.pair(a, b);
                if a == b {
                    assert!(pair.is_none());
                } else {
                    let pair = pair.unwrap();
                    assert_eq!((pair.a, pair.b), (a.min(b), a.max(b)));
                    assert!(pair.agree.is_empty() && pair.incomparable.is_empty());
                }
            }
        }
    }
}
