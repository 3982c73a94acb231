//! Dates written in text: `2025-12-20`, `20 December 2025`, `Dec. 20,
//! 2025`, `20.12.2025`, normalised to `YYYY-MM-DD`.
//!
//! Shared by `meta` (the article's date) and `boilerplate` (a dateline is
//! furniture), so that neither depends on the other for it. Pure functions
//! on strings; a date is never guessed from a partial one.

use regex::Regex;
use std::sync::LazyLock;

/// Only the start of a line is searched, so a megabyte-long line stays cheap.
const SCAN_CHARS: usize = 2000;

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)").expect("valid regex")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("valid regex")
});
static DOTTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b").expect("valid regex"));
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:am|pm|a\.m\.|p\.m\.))?")
        .expect("valid regex")
});
/// The start of `s` that is searched for dates, cut on a char boundary.
fn head(s: &str) -> &str {
    match s.char_indices().nth(SCAN_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    let prefix = name.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == prefix)
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn valid(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1900..=2100).contains(&year) && (1..=days).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Every valid date in `s`: its byte range and its `YYYY-MM-DD` form.
fn dates(s: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let s = head(s);
    // Every form names a year of four digits: a line without one (most
    // lines) is not handed to the regexes.
    if !has_four_digits(s) {
        return Vec::new();
    }
    let num = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    let mut found = Vec::new();
    for c in ISO.captures_iter(s) {
        if let (Some(y), Some(m), Some(d)) = (num(c.get(1)), num(c.get(2)), num(c.get(3)))
            && let Some(date) = valid(y, m, d)
        {
            found.push((c.get(0).map_or(0..0, |m| m.range()), date));
        }
    }
    for c in DAY_MONTH_YEAR.captures_iter(s) {
        let month = c.get(2).and_then(|m| month_number(m.as_str()));
        if let (Some(y), Some(m), Some(d)) = (num(c.get(3)), month, num(c.get(1)))
            && let Some(date) = valid(y, m, d)
        {
            found.push((c.get(0).map_or(0..0, |m| m.range()), date));
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(s) {
        let month = c.get(1).and_then(|m| month_number(m.as_str()));
        if let (Some(y), Some(m), Some(d)) = (num(c.get(3)), month, num(c.get(2)))
            && let Some(date) = valid(y, m, d)
        {
            found.push((c.get(0).map_or(0..0, |m| m.range()), date));
        }
    }
    for c in DOTTED.captures_iter(s) {
        if let (Some(y), Some(m), Some(d)) = (num(c.get(3)), num(c.get(2)), num(c.get(1)))
            && let Some(date) = valid(y, m, d)
        {
            found.push((c.get(0).map_or(0..0, |m| m.range()), date));
        }
    }
    found.sort_by_key(|(range, _)| range.start);
    found
}

/// Does `s` hold four digits in a row?
fn has_four_digits(s: &str) -> bool {
    s.as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() >= 4)
}

/// The first date written in `s`, as `YYYY-MM-DD`.
pub fn first_date(s: &str) -> Option<String> {
    dates(s).into_iter().next().map(|(_, date)| date)
}

/// `s` without its dates and clock times, for telling a dateline from prose.
pub fn without_dates(s: &str) -> String {
    let s = head(s);
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for (range, _) in dates(s) {
        if range.start >= at {
            out.push_str(&s[at..range.start]);
            out.push(' ');
            at = range.end;
        }
    }
    out.push_str(&s[at..]);
    TIME.replace_all(&out, " ").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats() {
        assert_eq!(first_date("2025-12-20").as_deref(), Some("2025-12-20"));
        assert_eq!(
            first_date("2025-12-20T15:27:00+02:00").as_deref(),
            Some("2025-12-20")
        );
        assert_eq!(
            first_date("on 20 December 2025 at noon").as_deref(),
            Some("2025-12-20")
        );
        assert_eq!(
            first_date("December 20, 2025").as_deref(),
            Some("2025-12-20")
        );
        assert_eq!(first_date("Dec. 20, 2025").as_deref(), Some("2025-12-20"));
        assert_eq!(first_date("Sept 3rd, 2024").as_deref(), Some("2024-09-03"));
        assert_eq!(first_date("3rd of May 2024").as_deref(), Some("2024-05-03"));
        assert_eq!(first_date("20.12.2025").as_deref(), Some("2025-12-20"));
    }

    #[test]
    fn impossible_or_partial_dates_are_not_dates() {
        assert_eq!(first_date("2025-02-30"), None);
        assert_eq!(first_date("2025-13-01"), None);
        assert_eq!(first_date("On Dec. 14, in Berlin"), None);
        assert_eq!(first_date("Article 5 of 1949"), None);
        assert_eq!(first_date("the 600,000 troops"), None);
    }

    #[test]
    fn first_date_wins() {
        assert_eq!(
            first_date("May 2, 2024 (updated 2024-05-03)").as_deref(),
            Some("2024-05-02")
        );
    }

    #[test]
    fn dateline_without_dates() {
        assert_eq!(
            without_dates("Jane Roe - 20 December 2025 | 15:27")
                .split_whitespace()
                .collect::<Vec<_>>(),
            ["Jane", "Roe", "-", "|"]
        );
    }
}
