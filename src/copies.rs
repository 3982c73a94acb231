//! Statements said more than once: a quote an article repeats, a wire story
//! that many sites carry. Each copy stays a statement of its own article;
//! the matrix counts them once, and the evidence says how many stand behind
//! one.

use crate::model::{Document, Stance, Statement};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::HashMap;

/// Which statements copy which: the same party, issue and stance in the
/// same sentence, word for word (however the words are spaced).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Copies {
    /// Per statement, the first statement (in analysis order) that it copies;
    /// itself when none comes before it.
    first: Vec<usize>,
    /// Per first statement that has copies: it and its copies, in order.
    sets: HashMap<usize, Vec<usize>>,
}

impl Copies {
    pub fn find(documents: &[Document], statements: &[Statement]) -> Copies {
        // The keys are built in parallel; only the lookups are serial.
        let keys: Vec<(usize, usize, Stance, Cow<str>)> = statements
            .par_iter()
            .map(|s| {
                let sentence = words(s.sentence.of(&documents[s.doc].text));
                (s.actor, s.issue, s.stance, sentence)
            })
            .collect();
        let mut firsts: FxHashMap<(usize, usize, Stance, Cow<str>), usize> =
            FxHashMap::with_capacity_and_hasher(keys.len(), Default::default());
        let first: Vec<usize> = keys
            .into_iter()
            .enumerate()
            .map(|(i, key)| *firsts.entry(key).or_insert(i))
            .collect();
        let mut sets: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, &f) in first.iter().enumerate() {
            if f != i {
                sets.entry(f).or_insert_with(|| vec![f]).push(i);
            }
        }
        Copies { first, sets }
    }

    /// The first statement of `statement`'s copies (itself when it has none).
    pub fn first(&self, statement: usize) -> usize {
        self.first.get(statement).copied().unwrap_or(statement)
    }

    /// `statement` and its copies, in order; empty when it has none.
    pub fn of(&self, statement: usize) -> &[usize] {
        self.sets
            .get(&self.first(statement))
            .map_or(&[], Vec::as_slice)
    }

    /// How many different statements there are: copies count once.
    pub fn distinct(&self) -> usize {
        self.first.len() - self.sets.values().map(|set| set.len() - 1).sum::<usize>()
    }

    /// Where else `statement` is made, for a reader: "also in 3 other articles",
    /// "2 times in this article"; `None` when it is made once.
    pub fn said_again(&self, statements: &[Statement], statement: usize) -> Option<String> {
        let set = self.of(statement);
        let doc = statements.get(statement)?.doc;
        let here = set.iter().filter(|&&i| statements[i].doc == doc).count();
        let mut elsewhere: Vec<usize> = set
            .iter()
            .map(|&i| statements[i].doc)
            .filter(|&d| d != doc)
            .collect();
        elsewhere.dedup();
        let mut parts = Vec::new();
        if here > 1 {
            parts.push(format!("{here} times in this article"));
        }
        match elsewhere.len() {
            0 => {}
            1 => parts.push("also in 1 other article".to_owned()),
            n => parts.push(format!("also in {n} other articles")),
        }
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// The sentence's words with one space between each: a copy on another site
/// may space them with no-break spaces or line breaks.
fn words(sentence: &str) -> Cow<'_, str> {
    let is_space = |c: char| c.is_whitespace() || c.is_control();
    if !sentence.contains(|c: char| is_space(c) && c != ' ') && !sentence.contains("  ") {
        return Cow::Borrowed(sentence);
    }
    let words: Vec<&str> = sentence.split(is_space).filter(|w| !w.is_empty()).collect();
    Cow::Owned(words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    /// Documents of `texts`, and a statement of actor 0 on issue 0 per
    /// (document, stance, sentence) given.
    fn statements(
        texts: &[&str],
        made: &[(usize, Stance, &str)],
    ) -> (Vec<Document>, Vec<Statement>) {
        let documents: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(&format!("{i}.txt"), t))
            .collect();
        let statements = made
            .iter()
            .map(|&(doc, stance, sentence)| {
                let text = &documents[doc].text;
                let start = text.find(sentence).expect("the sentence is in the text");
                let span = Span::new(start, start + sentence.len());
                Statement {
                    doc,
                    actor: 0,
                    issue: 0,
                    stance,
                    speaker: span,
                    sentence: span,
                    quote: None,
                    cues: Vec::new(),
                    grade: None,
                    review: None,
                }
            })
            .collect();
        (documents, statements)
    }

    #[test]
    fn the_same_words_with_the_same_stance_are_copies() {
        let wire = "Kyiv rejects the plan.";
        let (documents, statements) = statements(
            &[
                "Kyiv rejects the plan. Kyiv rejects the plan.",
                "Kyiv\u{a0}rejects  the\nplan.",
                "Kyiv rejects the plan. Kyiv backs talks.",
            ],
            &[
                (0, Stance::Oppose, wire),
                (0, Stance::Oppose, wire),
                (1, Stance::Oppose, "Kyiv\u{a0}rejects  the\nplan."),
                (2, Stance::Support, wire),
                (2, Stance::Support, "Kyiv backs talks."),
            ],
        );
        let copies = Copies::find(&documents, &statements);
        assert_eq!(copies.of(1), [0, 1, 2]);
        assert_eq!(copies.first(2), 0);
        assert_eq!(
            copies.of(3),
            [] as [usize; 0],
            "another stance is not a copy"
        );
        assert_eq!(copies.distinct(), 3);
        assert_eq!(
            copies.said_again(&statements, 0).as_deref(),
            Some("2 times in this article, also in 1 other article")
        );
        assert_eq!(
            copies.said_again(&statements, 2).as_deref(),
            Some("also in 1 other article")
        );
        assert_eq!(copies.said_again(&statements, 4), None);
    }
}
