//! Title, date and source of an article, read from what the text states.
//!
//! Dates (read by `dates`) only ever come from the article; when none is
//! stated the date stays `None`. Pure functions on strings.

use super::boilerplate;
use super::dates::first_date;
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
/// A headline is a few words; a title longer than this is cut at a word.
const TITLE_CHARS: usize = 160;

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
    // A headline has a few words; a lone short line is usually a section
    // name. Lines are judged furniture one at a time, until the headline.
    let mut candidates = lines
        .iter()
        .map(|l| l.trim_start_matches('#').trim())
        .filter(|l| !boilerplate::is_furniture(l));
    let first = candidates.next()?;
    std::iter::once(first)
        .chain(candidates)
        .find(|l| l.split_whitespace().count() >= 3 && l.chars().count() <= 200)
        .or(Some(first))
        .map(clean_title)
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
