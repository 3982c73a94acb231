//! Whole-word phrase matching for lexicon terms, indexed by their first word.
//!
//! A term matches case-insensitively on word boundaries; `'` in a term also
//! matches the typographic apostrophe; a term ending in `*` matches any word
//! that starts with it; a term written in capitals ("US") does not match the
//! all-lowercase word ("us").
//!
//! A term can only start where a word starts, so the text is read once, word
//! by word: each word, and each pair of neighbouring words, is looked up in a
//! table of the terms that begin with it, and only those are compared with
//! the text that follows. A byte
//! automaton over thousands of terms spent most of its time in cache misses,
//! walking the terms inside every word ("he" of "the", "us" of "focus").

use rustc_hash::FxHashMap;

/// One match of a term in a text, with the value the term was registered with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub value: u32,
}

#[derive(Debug, Clone)]
struct Pattern {
    set: usize,
    value: u32,
    prefix: bool,
    capitals: bool,
    /// The term's bytes, ASCII letters in lower case.
    body: Box<[u8]>,
}

/// How many leading bytes of a word key the terms that are one word
/// stem ("reject*"): a stem matches every word that starts with it.
const STEM_KEY: usize = 3;

/// Several sets of terms (actors, issues, cues…), each term with a value (an
/// actor index, an issue index…), matched in one pass over a text.
#[derive(Debug, Default)]
pub struct TermSet {
    patterns: Vec<Pattern>,
    /// Terms of one word, lower case ("kremlin", "mr" of "Mr."), and those
    /// whose second word is a stem ("security" of "security guarantee*").
    by_word: FxHashMap<Box<[u8]>, Vec<u32>>,
    /// Longer terms by their first two words and what stands between them
    /// ("security guarantees" of "security guarantees for Kyiv", "u.s" of
    /// "U.S."): most words begin several terms, few pairs do.
    by_pair: FxHashMap<Box<[u8]>, Vec<u32>>,
    /// The most bytes between the two words of a key in `by_pair`.
    longest_gap: usize,
    /// One-word stems by their first [`STEM_KEY`] bytes, or by the whole
    /// stem when it is shorter.
    by_stem: FxHashMap<Box<[u8]>, Vec<u32>>,
    /// The lengths of the keys in `by_stem`.
    stem_keys: Vec<usize>,
    /// Terms that start with a character that is no letter or digit (", and").
    by_mark: Vec<(char, Vec<u32>)>,
    sets: usize,
}

impl TermSet {
    /// One set of terms.
    pub fn new<S: AsRef<str>>(terms: impl IntoIterator<Item = (S, u32)>) -> TermSet {
        TermSet::with_sets(vec![terms.into_iter().collect::<Vec<_>>()])
    }

    /// Several sets of terms; [`TermSet::find_sets`] reports them apart.
    pub fn with_sets<S: AsRef<str>>(sets: Vec<Vec<(S, u32)>>) -> TermSet {
        let mut out = TermSet {
            sets: sets.len(),
            ..TermSet::default()
        };
        for (set, (term, value)) in sets
            .iter()
            .enumerate()
            .flat_map(|(i, terms)| terms.iter().map(move |t| (i, t)))
        {
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
            out.add(set, *value, body, prefix, capitals);
            if body.contains('\'') {
                out.add(
                    set,
                    *value,
                    &body.replace('\'', "\u{2019}"),
                    prefix,
                    capitals,
                );
            }
        }
        out
    }

    fn add(&mut self, set: usize, value: u32, body: &str, prefix: bool, capitals: bool) {
        let id = self.patterns.len() as u32;
        let lower: Box<[u8]> = body.to_ascii_lowercase().into_bytes().into();
        let first = body.chars().next().unwrap_or(' ');
        if !first.is_alphanumeric() {
            match self.by_mark.iter_mut().find(|(c, _)| *c == first) {
                Some((_, ids)) => ids.push(id),
                None => self.by_mark.push((first, vec![id])),
            }
        } else {
            let runs = word_runs(body);
            let (table, key) = match runs.as_slice() {
                [(_, end)] if prefix && *end == body.len() => {
                    let key = end.min(&STEM_KEY);
                    if !self.stem_keys.contains(key) {
                        self.stem_keys.push(*key);
                    }
                    (&mut self.by_stem, &lower[..*key])
                }
                // A stem as second word ("security guarantee*") cannot key
                // the pair: the text's word is longer.
                [(_, first_end), (_, end), ..] if !(prefix && *end == body.len()) => {
                    self.longest_gap = self.longest_gap.max(runs[1].0 - first_end);
                    (&mut self.by_pair, &lower[..*end])
                }
                _ => (&mut self.by_word, &lower[..runs[0].1]),
            };
            table.entry(key.into()).or_default().push(id);
        }
        self.patterns.push(Pattern {
            set,
            value,
            prefix,
            capitals,
            body: lower,
        });
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
        if self.patterns.is_empty() {
            return out;
        }
        let lower: Vec<u8> = text.bytes().map(|b| b.to_ascii_lowercase()).collect();
        let mut run_start = None;
        let mut previous: Option<(usize, usize)> = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            if c.is_alphanumeric() && at < text.len() {
                run_start.get_or_insert(at);
                continue;
            }
            if let Some(start) = run_start.take() {
                let word = &lower[start..at];
                self.try_all(self.by_word.get(word), &lower, text, start, &mut out);
                for &len in self.stem_keys.iter().filter(|&&len| len <= word.len()) {
                    let ids = self.by_stem.get(&word[..len]);
                    self.try_all(ids, &lower, text, start, &mut out);
                }
                if let Some((before, end)) = previous
                    && start - end <= self.longest_gap
                {
                    let ids = self.by_pair.get(&lower[before..at]);
                    self.try_all(ids, &lower, text, before, &mut out);
                }
                previous = Some((start, at));
            }
            if !c.is_whitespace()
                && let Some((_, ids)) = self.by_mark.iter().find(|(m, _)| *m == c)
            {
                self.try_all(Some(ids), &lower, text, at, &mut out);
            }
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

    /// Adds each of the terms `ids` that matches at `start` to its set;
    /// `lower` is `text` with ASCII letters in lower case.
    fn try_all(
        &self,
        ids: Option<&Vec<u32>>,
        lower: &[u8],
        text: &str,
        start: usize,
        out: &mut [Vec<Hit>],
    ) {
        for &id in ids.into_iter().flatten() {
            let pattern = &self.patterns[id as usize];
            let end = start + pattern.body.len();
            if lower.get(start..end) == Some(&pattern.body) {
                keep(text, start, end, pattern, out);
            }
        }
    }
}

/// The byte spans of the first two runs of letters and digits in `term`,
/// which starts with one.
fn word_runs(term: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (at, c) in term.char_indices().chain([(term.len(), ' ')]) {
        match (c.is_alphanumeric() && at < term.len(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                runs.push((from, at));
                start = None;
                if runs.len() == 2 {
                    break;
                }
            }
            _ => {}
        }
    }
    runs
}

/// Adds the match of `pattern` at `start..end` to its set if it ends on a
/// word boundary and, for a term in capitals, is not all lower case.
fn keep(text: &str, start: usize, end: usize, pattern: &Pattern, out: &mut [Vec<Hit>]) {
    let end = if pattern.prefix {
        word_end(text, end)
    } else if is_boundary_after(text, end) {
        end
    } else {
        return;
    };
    if pattern.capitals && !text[start..end].chars().any(char::is_uppercase) {
        return;
    }
    out[pattern.set].push(Hit {
        start,
        end,
        value: pattern.value,
    });
}

/// Terms match on boundaries between alphanumeric and other characters, so
/// "Article 5" matches in "Article 5-like" and "NATO" in "NATO-style".
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
    fn stems_match_as_first_word_second_word_or_short_word() {
        let set = TermSet::new([("cede*", 0), ("security guarantee*", 1), ("eu*", 2)]);
        assert_eq!(
            words(
                &set,
                "Kyiv cedes; security guarantees for EU-style euro; not precede."
            ),
            ["cedes", "security guarantees", "EU", "euro"]
        );
    }

    #[test]
    fn terms_may_start_with_punctuation_and_hold_other_letters() {
        let set = TermSet::new([(", and", 0), ("Šefčovič said", 1)]);
        assert_eq!(
            words(&set, "Kyiv, and Šefčovič said, and so on"),
            [", and", "Šefčovič said", ", and"]
        );
    }

    #[test]
    fn a_term_needs_its_words_with_what_stands_between_them() {
        let set = TermSet::new([("peace plan", 0), ("the draft plan", 1)]);
        assert_eq!(
            words(
                &set,
                "a peace  plan, a peace-plan, the draft plan, the draft, peace plans"
            ),
            ["the draft plan"]
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
