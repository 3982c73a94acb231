//! Whole-word phrase matching for lexicon terms, compiled once with Aho-Corasick.
//!
//! A term matches case-insensitively on word boundaries; `'` in a term also
//! matches the typographic apostrophe; a term ending in `*` matches any word
//! that starts with it; a term written in capitals ("US") does not match the
//! all-lowercase word ("us").

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// One match of a term in a text, with the value the term was registered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub value: u32,
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    set: usize,
    value: u32,
    prefix: bool,
    capitals: bool,
}

/// Several sets of terms (actors, issues, cues…), each term with a value (an
/// actor index, an issue index…), matched in one pass over a text.
#[derive(Debug)]
pub struct TermSet {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    sets: usize,
}

impl Default for TermSet {
    fn default() -> Self {
        TermSet::new(std::iter::empty::<(String, u32)>())
    }
}

impl TermSet {
    /// One set of terms.
    pub fn new<S: AsRef<str>>(terms: impl IntoIterator<Item = (S, u32)>) -> TermSet {
        TermSet::with_sets(vec![terms.into_iter().collect::<Vec<_>>()])
    }

    /// Several sets of terms; [`TermSet::find_sets`] reports them apart.
    pub fn with_sets<S: AsRef<str>>(sets: Vec<Vec<(S, u32)>>) -> TermSet {
        let count = sets.len();
        let mut needles = Vec::new();
        let mut patterns = Vec::new();
        for (set, (term, value)) in sets
            .iter()
            .enumerate()
            .flat_map(|(i, terms)| terms.iter().map(move |t| (i, t)))
        {
            let value = *value;
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
                set,
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
            // One automaton for every set: a text is read once, whatever the
            // number of sets; overlapping matches let each set pick its own.
            // A contiguous NFA, not a DFA: with thousands of terms the DFA
            // takes ~18 MB and ~50 ms to build, and its cache misses make it
            // no faster to search than the NFA's 1 MB.
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&needles)
                .ok()
        };
        TermSet {
            automaton,
            patterns,
            sets: count,
        }
    }

    /// Every whole-word match of the first set in `text`, left to right, not
    /// overlapping, the longest first.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        self.find_sets(text).into_iter().next().unwrap_or_default()
    }

    /// Per set, every whole-word match in `text`, left to right, not
    /// overlapping; at one position the longest match wins, and a term listed
    /// with two values ("reassurance force" under two issues) gives both.
    pub fn find_sets(&self, text: &str) -> Vec<Vec<Hit>> {
        let mut out = vec![Vec::new(); self.sets];
        let Some(automaton) = &self.automaton else {
            return out;
        };
        for m in automaton.find_overlapping_iter(text) {
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
            if pattern.capitals && !text[start..end].chars().any(char::is_uppercase) {
                continue;
            }
            out[pattern.set].push(Hit {
                start,
                end,
                value: pattern.value,
            });
        }
        for hits in &mut out {
            hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.value));
            hits.dedup();
            let mut last: Option<(usize, usize)> = None;
            hits.retain(|h| {
                let same = last == Some((h.start, h.end));
                let keep = same || last.is_none_or(|(_, end)| h.start >= end);
                if keep {
                    last = Some((h.start, h.end));
                }
                keep
            });
        }
        out
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
    fn a_term_with_two_values_gives_both() {
        let set = TermSet::new([("reassurance force", 0), ("reassurance force", 1)]);
        let values: Vec<u32> = set
            .find("a reassurance force")
            .iter()
            .map(|h| h.value)
            .collect();
        assert_eq!(values, [0, 1]);
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

#[cfg(test)]
mod set_tests {
    use super::*;

    #[test]
    fn sets_are_reported_apart_and_may_overlap() {
        let set = TermSet::with_sets(vec![
            vec![("NATO", 0)],
            vec![("NATO membership", 1)],
            vec![("not", 2), ("will not", 3)],
        ]);
        let hits = set.find_sets("Kyiv will not give up NATO membership.");
        assert_eq!(hits[0].len(), 1);
        assert_eq!(hits[1].len(), 1);
        assert_eq!(hits[2].len(), 1, "the longest of overlapping matches only");
        assert_eq!(hits[2][0].value, 3);
    }
}
