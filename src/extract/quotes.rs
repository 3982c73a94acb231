//! Quotations in a paragraph: the spans between quotation marks.
//!
//! Curly quotes pair up; straight double quotes alternate. A closing mark with
//! no opening one (an excerpt that starts mid-quote) opens the quote at the
//! paragraph start; an opening mark that never closes runs to its end, as
//! quotations that continue into the next paragraph do. Single curly quotes
//! (‘…’, as British outlets quote) count outside double quotes, closed by a
//! ’ that punctuation touches, so that apostrophes ("Ukraine’s", "allies’
//! troops") do not end them.

use super::{TYPOGRAPHIC, chars_led_by, work};
use crate::model::Span;

/// The quotations of `par`, outermost only, including their marks.
pub fn regions(par: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (i, c) in chars_led_by(par, |b| b == b'"' || b == TYPOGRAPHIC) {
        match c {
            '\u{201c}' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            '\u{201d}' => {
                if depth == 0 {
                    // Closing mark without an opening one: quoted from the start,
                    // unless a quotation already ended earlier in the paragraph.
                    if out.is_empty() {
                        out.push(Span::new(0, i + c.len_utf8()));
                    }
                    continue;
                }
                depth -= 1;
                if depth == 0
                    && let Some(start) = open.take()
                {
                    out.push(Span::new(start, i + c.len_utf8()));
                }
            }
            '"' => match open.take() {
                Some(start) if depth == 1 && par[start..].starts_with('"') => {
                    depth = 0;
                    out.push(Span::new(start, i + 1));
                }
                Some(start) => open = Some(start),
                // A straight quote glued to the word before it closes a
                // quotation that began before the excerpt.
                None if is_closing(par, i) => {
                    if out.is_empty() {
                        out.push(Span::new(0, i + 1));
                    }
                }
                None => {
                    open = Some(i);
                    depth = 1;
                }
            },
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(Span::new(start, par.len()));
    }
    let singles: Vec<Span> = single_quoted(par)
        .filter(|s| !overlaps_any(&out, *s))
        .collect();
    out.extend(singles);
    out.sort();
    out
}

/// Does `span` overlap one of `sorted`, spans in text order that do not
/// overlap each other (so that their ends are in order too)? A binary search:
/// a paragraph may hold thousands of quotations.
fn overlaps_any(sorted: &[Span], span: Span) -> bool {
    let first_ending_after = sorted.partition_point(|d| d.end <= span.start);
    work::add(1);
    sorted
        .get(first_ending_after)
        .is_some_and(|d| d.start < span.end)
}

/// The quotations among `regions` (in text order, none overlapping
/// another, as [`regions`] gives them) that overlap `span`.
pub fn overlapping(regions: &[Span], span: Span) -> &[Span] {
    let from = regions.partition_point(|r| r.end <= span.start);
    let count = regions[from..]
        .iter()
        .take_while(|r| r.start < span.end)
        .count();
    work::add(count + 1);
    &regions[from..from + count]
}

/// The ‘single-quoted’ spans of `par`.
fn single_quoted(par: &str) -> impl Iterator<Item = Span> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let open = from + par[from..].find('\u{2018}')?;
            let at_word_start = par[..open]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || "([\u{2014}-:".contains(c));
            let body = open + '\u{2018}'.len_utf8();
            if !at_word_start {
                from = body;
                continue;
            }
            let close = par[body..]
                .char_indices()
                .filter(|(_, c)| *c == '\u{2019}')
                .map(|(i, _)| body + i)
                .find(|&i| is_single_closing(par, i))
                .map_or(par.len(), |i| i + '\u{2019}'.len_utf8());
            from = close;
            return Some(Span::new(open, close));
        }
    })
}

/// Does the ’ at `i` close a single-quoted span rather than mark an
/// apostrophe? Punctuation touches a closing mark ("…,’ he said", "‘peace’.").
fn is_single_closing(par: &str, i: usize) -> bool {
    let before = par[..i].chars().next_back();
    let after = par[i + '\u{2019}'.len_utf8()..].chars().next();
    before.is_some_and(|c| ".,!?;:".contains(c)) || after.is_none_or(|c| ".,;:!?)".contains(c))
}

/// Does the straight quote at `i` close (a word or stop before it, a space,
/// a stop or the end after it)?
fn is_closing(par: &str, i: usize) -> bool {
    let before = par[..i].chars().next_back();
    let after = par[i + 1..].chars().next();
    before.is_some_and(|c| !c.is_whitespace())
        && after.is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | ')'))
}

/// Is the whole paragraph `par`, with quotations `regions`, one quotation
/// (a pull quote)?
pub fn is_whole_quotation(par: &str, regions: &[Span]) -> bool {
    let lead = par.len() - par.trim_start().len();
    let end = par.trim_end().len();
    regions.len() == 1 && regions[0] == Span::new(lead, end)
}

/// Does the last of `regions` close before the end of `par` (rather than run
/// on into the next paragraph)?
pub fn is_closed(par: &str, regions: &[Span]) -> bool {
    regions.last().is_none_or(|q| {
        q.end < par.len() || par.trim_end().ends_with(['\u{201d}', '"', '\u{2019}'])
    })
}

/// Is `span` inside one of `regions`?
pub fn inside(regions: &[Span], span: Span) -> bool {
    regions.iter().any(|r| r.contains(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(par: &str) -> Vec<&str> {
        regions(par).iter().map(|s| s.of(par)).collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(
            quoted("He said “no way” and \"never\" twice."),
            ["“no way”", "\"never\""]
        );
    }

    #[test]
    fn nested_quotes_give_the_outer_one() {
        assert_eq!(
            quoted("“They call it “peace”, we don’t,” she said."),
            ["“They call it “peace”, we don’t,”"]
        );
    }

    #[test]
    fn single_quotes_quote_but_apostrophes_do_not() {
        assert_eq!(
            quoted("‘Ukraine’s army will not shrink,’ Zelensky said of the allies’ plan."),
            ["‘Ukraine’s army will not shrink,’"]
        );
        assert_eq!(quoted("He called it ‘a red line’."), ["‘a red line’"]);
        assert!(quoted("The allies’ troops and Kyiv’s army.").is_empty());
        // Inside a double quote, single quotes are part of it.
        assert_eq!(
            quoted("“They call it ‘peace’,” she said."),
            ["“They call it ‘peace’,”"]
        );
    }

    #[test]
    fn a_pull_quote_is_one_quotation_from_edge_to_edge() {
        let whole = |par: &str| is_whole_quotation(par, &regions(par));
        assert!(whole("“We will not give up land.” "));
        assert!(whole("\"One. Two.\""));
        assert!(!whole("“We will,” he said."));
        assert!(!whole("“One.” And “two.”"));
    }

    #[test]
    fn a_quotation_open_at_the_end_is_not_closed() {
        let closed = |par: &str| is_closed(par, &regions(par));
        assert!(!closed("He said: “We will not"));
        assert!(closed("He said: “We will not.”"));
        assert!(closed("No quotation here."));
    }

    #[test]
    fn unbalanced_marks_run_to_the_paragraph_edges() {
        assert_eq!(quoted("so we hope,” said Ana."), ["so we hope,”"]);
        assert_eq!(quoted("Ana said: “We will"), ["“We will"]);
        assert_eq!(quoted("a \"b"), ["\"b"]);
        assert_eq!(quoted("so we hope,\" said Ana."), ["so we hope,\""]);
    }
}
