//! Whole-word phrase matching for lexicon terms, compiled once with Aho-Corasick.
//!
//! A term matches case-insensitively on word boundaries; `'` in a term also
//! matches the typographic apostrophe; a term ending in `*` matches any word
//! that starts with it; a term written in capitals ("US") does not match the
//! all-lowercase word ("us").

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// One match of a term in a text, with the value the term was registered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub value: u32,
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    value: u32,
    prefix: bool,
    capitals: bool,
}

/// A set of terms, each with a value (an actor index, an issue index, a cue kind…).
#[derive(Debug)]
pub struct TermSet {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

impl Default for TermSet {
    fn default() -> Self {
        TermSet::new(std::iter::empty::<(String, u32)>())
    }
}

impl TermSet {
    pub fn new<S: AsRef<str>>(terms: impl IntoIterator<Item = (S, u32)>) -> TermSet {
        let mut needles = Vec::new();
        let mut patterns = Vec::new();
        for (term, value) in terms {
            let term = term.as_ref().trim();
            let (body, prefix) = match term.strip_suffix('*') {
                Some(body) => (body.trim_end(), true),
                None => (term, false),
            };
            if body.is_empty() {
                continue;
            }
            let capitals =
                body.chars().any(char::is_alphabetic) && !body.chars().any(char::is_lowercase);
            let pattern = Pattern {
                value,
                prefix,
                capitals,
            };
            needles.push(body.to_string());
            patterns.push(pattern);
            if body.contains('\'') {
                needles.push(body.replace('\'', "\u{2019}"));
                patterns.push(pattern);
            }
        }
        let automaton = if needles.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&needles)
                .ok()
        };
        TermSet {
            automaton,
            patterns,
        }
    }

    /// Every whole-word match in `text`, left to right, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for m in automaton.find_iter(text) {
            let pattern = self.patterns[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            if !is_boundary_before(text, start) {
                continue;
            }
            if pattern.prefix {
                end = word_end(text, end);
            } else if !is_boundary_after(text, end) {
                continue;
            }
            let matched = &text[start..end];
            if pattern.capitals && !matched.chars().any(char::is_uppercase) {
                continue;
            }
            hits.push(Hit {
                start,
                end,
                value: pattern.value,
            });
        }
        hits
    }
}

/// Terms match on boundaries between alphanumeric and other characters, so
/// "Article 5" matches in "Article 5-like" and "NATO" in "NATO-style".
fn is_boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        || !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

fn is_boundary_after(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
        || !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// The end of the word that contains byte `at`.
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(set: &TermSet, text: &str) -> Vec<String> {
        set.find(text)
            .iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn matches_whole_words_case_insensitively() {
        let set = TermSet::new([("Kremlin", 0), ("security guarantees", 1)]);
        assert_eq!(
            words(
                &set,
                "The kremlin wants Security Guarantees; Kremlinology no."
            ),
            ["kremlin", "Security Guarantees"]
        );
    }

    #[test]
    fn capitals_do_not_match_lowercase_words() {
        let set = TermSet::new([("US", 0), ("NATO", 1)]);
        assert_eq!(
            words(&set, "Let us see: US and Nato and nato."),
            ["US", "Nato"]
        );
    }

    #[test]
    fn star_matches_word_prefixes() {
        let set = TermSet::new([("reject*", 0)]);
        assert_eq!(
            words(&set, "rejects, rejected and rejection; not prereject."),
            ["rejects", "rejected", "rejection"]
        );
    }

    #[test]
    fn apostrophes_match_either_form() {
        let set = TermSet::new([("Ukraine's army", 0)]);
        assert_eq!(
            words(&set, "Ukraine\u{2019}s army and Ukraine's army"),
            ["Ukraine\u{2019}s army", "Ukraine's army"]
        );
    }

    #[test]
    fn dotted_abbreviations_match() {
        let set = TermSet::new([("U.S.", 0)]);
        assert_eq!(words(&set, "the U.S. said"), ["U.S."]);
    }
}
