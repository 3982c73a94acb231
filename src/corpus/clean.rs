//! Tidies decoded text into the form every span points into: one trimmed line
//! per paragraph, at most one blank line between paragraphs, no invisible
//! characters; and gives the plain-spaced copy of it that analysis reads.
//!
//! It changes layout only; it never drops or joins words (dropping is the job
//! of `boilerplate`, which only marks lines). What [`tidy`] returns is the
//! text the reader shows and every statement's sentence is cut from, verbatim:
//! tabs, no-break spaces and control characters inside a line stay as
//! written. [`Plain`] is what the furniture, metadata and extraction rules
//! read instead, with each of those characters as one plain space, and the
//! way back from its offsets to the tidy text's.

use crate::model::Span;
use std::borrow::Cow;

/// Trim every line, drop zero-width characters and collapse runs of blank
/// lines; every other character stays as written.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = true;
    for line in text.split('\n') {
        // Most lines need no change: only rebuild those that do.
        let rebuilt: String;
        let line = if line.contains(is_invisible) {
            rebuilt = line.chars().filter(|&c| !is_invisible(c)).collect();
            rebuilt.as_str()
        } else {
            line
        };
        // A control character at a line's end is as empty as a space there.
        let line = line.trim_matches(|c: char| c.is_whitespace() || c.is_control());
        if line.is_empty() {
            if !blank_run {
                out.push('\n');
            }
            blank_run = true;
            continue;
        }
        blank_run = false;
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with('\n') {
        out.pop();
    }
    out
}

/// Characters that show nothing and mean nothing between letters. Joiners
/// are not among them: emoji sequences and Persian script need them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
}

/// Characters the rules read as one plain space: the odd spaces, and the
/// control characters (a tab, a form feed, a NEL or an escape between two
/// words separates them, and the rules read words split by spaces).
fn is_plain_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') || c.is_control() && c != '\n'
}

/// Tidy text as the rules read it: each character of [`is_plain_space`] a
/// single `' '`. Character for character the same text, so every offset
/// maps across ([`OffsetMap`]).
#[derive(Debug, Clone)]
pub struct Plain<'a> {
    pub text: Cow<'a, str>,
    pub offsets: OffsetMap,
}

impl<'a> Plain<'a> {
    pub fn of(tidy: &'a str) -> Plain<'a> {
        if !tidy.contains(is_plain_space) {
            return Plain {
                text: Cow::Borrowed(tidy),
                offsets: OffsetMap::default(),
            };
        }
        let mut text = String::with_capacity(tidy.len());
        let mut shortened = Vec::new();
        let mut removed = 0;
        for c in tidy.chars() {
            if !is_plain_space(c) {
                text.push(c);
                continue;
            }
            text.push(' ');
            if c.len_utf8() > 1 {
                removed += c.len_utf8() - 1;
                shortened.push((text.len(), removed));
            }
        }
        Plain {
            text: Cow::Owned(text),
            offsets: OffsetMap { shortened },
        }
    }
}

/// Offsets between tidy text and its [`Plain`] copy. Only the characters
/// longer than one byte that became a space (a no-break space, a NEL) move
/// what follows them.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Per character shortened to a space: its end in the plain text, and
    /// the bytes shortened up to there.
    shortened: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Where offset `at` of the plain text is in the tidy text.
    fn tidy_offset(&self, at: usize) -> usize {
        let before = self.shortened.partition_point(|&(end, _)| end <= at);
        at + before.checked_sub(1).map_or(0, |i| self.shortened[i].1)
    }

    /// Where offset `at` of the tidy text is in the plain text.
    fn plain_offset(&self, at: usize) -> usize {
        let before = self
            .shortened
            .partition_point(|&(end, removed)| end + removed <= at);
        at - before.checked_sub(1).map_or(0, |i| self.shortened[i].1)
    }

    /// `span` of the plain text as a span of the tidy text.
    pub fn to_tidy(&self, span: Span) -> Span {
        Span::new(self.tidy_offset(span.start), self.tidy_offset(span.end))
    }

    /// `span` of the tidy text as a span of the plain text.
    pub fn to_plain(&self, span: Span) -> Span {
        Span::new(self.plain_offset(span.start), self.plain_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_collapses_blank_lines() {
        assert_eq!(
            tidy("\n\n  Title  \n\n\n\tFirst\u{a0}para. \n \nSecond\u{200b}.\n\n"),
            "Title\n\nFirst\u{a0}para.\n\nSecond."
        );
    }

    #[test]
    fn control_characters_stay_inside_lines_and_go_at_their_ends() {
        assert_eq!(
            tidy("\x1bsaid\x0cUkraine\x0bwould\u{85}not\tsign\x07.\x0c\n\u{85}\n"),
            "said\x0cUkraine\x0bwould\u{85}not\tsign\x07."
        );
    }

    #[test]
    fn keeps_rtl_and_emoji() {
        assert_eq!(tidy("  שלום עולם 🙂 \n"), "שלום עולם 🙂");
    }

    #[test]
    fn plain_text_separates_words_with_single_spaces() {
        let tidy = "said\x0cUkraine\u{a0}would\u{85}not\u{202f}sign\x1b.";
        assert_eq!(Plain::of(tidy).text, "said Ukraine would not sign .");
        assert!(matches!(Plain::of("said Ukraine.").text, Cow::Borrowed(_)));
    }

    #[test]
    fn spans_map_between_plain_and_tidy_text() {
        let tidy = "a\u{a0}b\tc\u{2007}\u{85}dd e";
        let plain = Plain::of(tidy);
        let words = ["a", "b", "c", "dd", "e"];
        for word in words {
            let in_plain = plain.text.find(word).expect("in the plain text");
            let span = Span::new(in_plain, in_plain + word.len());
            let back = plain.offsets.to_tidy(span);
            assert_eq!(back.of(tidy), word);
            assert_eq!(plain.offsets.to_plain(back), span);
        }
        let whole = Span::new(0, plain.text.len());
        assert_eq!(plain.offsets.to_tidy(whole), Span::new(0, tidy.len()));
    }
}
