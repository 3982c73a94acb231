//! Title, date and source of an article, read from what the text states.
//!
//! Dates are normalised to `YYYY-MM-DD` and only ever come from the article;
//! when none is stated the date stays `None`. Pure functions on strings.

use super::boilerplate;
use regex::Regex;
use std::sync::LazyLock;

/// What an article says about itself; `None` when it does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// Metadata sits at the top of a saved page; a date further down is an event.
const HEAD_LINES: usize = 15;
/// Only the start of a line is searched, so a megabyte-long line stays cheap.
const SCAN_CHARS: usize = 2000;
/// A headline is a few words; a title longer than this is cut at a word.
const TITLE_CHARS: usize = 160;

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
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:first\s+)?(published|posted|date|dated|updated|last\s+updated|modified)\b(?:\s+(?:on|at))?\s*[:：]?")
        .expect("valid regex")
});
static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:source|url|link|original|canonical|originally\s+published\s+at)\s*[:：]\s*(\S+)",
    )
    .expect("valid regex")
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:https?://|www\.)\S+$").expect("valid regex"));
static TITLE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:title|headline)\s*[:：]\s*(.+)$").expect("valid regex"));

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

/// A label such as `Published:` at the start of a line; publication labels
/// rank before update labels.
fn date_label_rank(line: &str) -> Option<(u8, &str)> {
    let c = DATE_LABEL.captures(line)?;
    let label = c.get(1)?.as_str().to_lowercase();
    let rest = &line[c.get(0)?.end()..];
    let rank = if label.contains("updated") || label == "modified" {
        1
    } else {
        0
    };
    Some((rank, rest))
}

/// A URL given as the article's source or standing alone on a line.
pub fn source_url(line: &str) -> Option<String> {
    if let Some(c) = SOURCE_LABEL.captures(line) {
        let url = c.get(1)?.as_str();
        return URL.is_match(url).then(|| url.to_owned());
    }
    URL.is_match(line).then(|| line.to_owned())
}

/// A headline as the title: markdown markers removed, long ones cut at a word.
pub fn clean_title(line: &str) -> String {
    let line = line.trim_start_matches('#').trim().trim_matches('*').trim();
    if line.chars().count() <= TITLE_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(TITLE_CHARS).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(start, _)| start);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Title, date and source stated near the top of a plain-text or markdown article.
pub fn from_text(text: &str) -> Meta {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .collect();
    Meta {
        title: title(&lines),
        date: date(&lines),
        source: lines.iter().find_map(|l| source_url(l)),
    }
}

fn title(lines: &[&str]) -> Option<String> {
    if let Some(t) = lines
        .iter()
        .find_map(|l| TITLE_LABEL.captures(l).and_then(|c| c.get(1)))
    {
        return Some(clean_title(t.as_str()));
    }
    let candidates: Vec<&str> = lines
        .iter()
        .map(|l| l.trim_start_matches('#').trim())
        .filter(|l| !boilerplate::is_furniture(l))
        .collect();
    // A headline has a few words; a lone short line is usually a section name.
    candidates
        .iter()
        .find(|l| l.split_whitespace().count() >= 3 && l.chars().count() <= 200)
        .or_else(|| candidates.first())
        .map(|l| clean_title(l))
}

fn date(lines: &[&str]) -> Option<String> {
    let labelled = lines
        .iter()
        .filter_map(|l| date_label_rank(l))
        .filter_map(|(rank, rest)| first_date(rest).map(|d| (rank, d)))
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, d)| d);
    labelled
        .or_else(|| {
            lines
                .iter()
                .filter(|l| l.chars().count() <= 100)
                .find_map(|l| first_date(l))
        })
        .or_else(|| lines.iter().find_map(|l| first_date(l)))
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

    #[test]
    fn text_meta_from_labels() {
        let text = "Source: https://example.org/a/b\n\n# Ministers meet in Geneva\nBy Jane Roe\nPublished: 3 March 2024\n\nThe talks began.";
        let meta = from_text(text);
        assert_eq!(meta.title.as_deref(), Some("Ministers meet in Geneva"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-03"));
        assert_eq!(meta.source.as_deref(), Some("https://example.org/a/b"));
    }

    #[test]
    fn title_skips_navigation_and_site_name() {
        let text = "← Back to Library\nexample.news\nLeaders agree on a new plan\nBody text here.";
        assert_eq!(
            from_text(text).title.as_deref(),
            Some("Leaders agree on a new plan")
        );
    }

    #[test]
    fn published_ranks_before_updated() {
        let text = "Title of the piece here\nUpdated: 2024-05-09\nPublished: 2024-05-01\n";
        assert_eq!(from_text(text).date.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn no_date_is_never_invented() {
        let text = "A headline without a date\nOn Monday the talks went on.\nNothing else.";
        assert_eq!(from_text(text).date, None);
        assert_eq!(from_text(text).source, None);
    }

    #[test]
    fn long_first_line_is_cut_for_title() {
        let line = "word ".repeat(100);
        let title = from_text(&line).title.unwrap_or_default();
        assert!(title.ends_with('…') && title.chars().count() <= TITLE_CHARS + 1);
    }

    #[test]
    fn bare_url_near_top_is_source() {
        let text = "https://news.example.com/story/1\nHeadline of the story here\nText.";
        assert_eq!(
            from_text(text).source.as_deref(),
            Some("https://news.example.com/story/1")
        );
    }
}
