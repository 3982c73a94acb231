//! Tells article content from page furniture, line by line.
//!
//! Saved web pages carry bylines, datelines, navigation crumbs, cookie
//! notices, share and subscribe prompts, photo credits and lists of other
//! headlines. Those lines stay in the document text (the reader view shows
//! them) but are left out of the content spans that extraction reads.
//!
//! The rules describe kinds of furniture that pages of any outlet have; they
//! must never name a site, a person or a phrase of one particular article.
//! Pure: text in, spans out.

use super::dates;
use crate::model::Span;
use regex::{Regex, RegexSet};
use std::collections::HashSet;
use std::sync::LazyLock;

/// Lines at most this many words can be a prompt, a menu entry or a headline
/// of a list; longer lines are prose.
const SHORT_WORDS: usize = 12;
/// A repeated line shorter than this (a heading, a short quote) is kept; a
/// longer one is a page that repeats its own text.
const REPEAT_CHARS: usize = 80;
/// No notice, credit or prompt is longer than this.
const FURNITURE_BYTES: usize = 2000;
/// A line of prose this long ends a list of other headlines.
const PROSE_WORDS: usize = 20;

/// Word boundaries are ASCII ones: furniture words are English, and a
/// Unicode `\b` forces the slow matching engine on every line of every file.
fn re(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).expect("valid regex")
}

/// `Label:` lines that describe the page rather than tell the story.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:sources?|published|updated|last updated|posted|date|dated|written by|authors?|by|reporting by|edited by|editing by|photos?|images?|pictures?|photograph|foto|credits?|photo credit|image credit|illustration|video|tags|topics|category|categories|filed under|share|follow|title|headline|url|link|canonical|reading time)\s*[:：|]",
    )
});
/// Publication lines without a colon: "Published in World", "Updated 2 hours ago".
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:first\s+)?(?:published|updated|posted|last\s+updated|last\s+modified)\b")
});
static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:By|BY|by)\s+\p{Lu}[\p{L}.'’-]*(?:\s|$)"));
static AGO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$")
});
static MIN_READ: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\.?\s+read\b"));
static COOKIES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bcookies?\b.*\b(?:website|site|browser|consent|accept|privacy|experience|policy|settings|preferences|we use|uses)\b|\b(?:we use|uses|accept|allow|manage)\b.*\bcookies?\b",
    )
});
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:privacy overview|privacy policy|privacy settings|terms of (?:use|service)|terms and conditions|cookie policy|cookie settings)$|all rights reserved|^©|^copyright\b",
    )
});
/// Prompts that only occur on short lines of a page.
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bsubscri(?:be|ption|bers?)\b|\bsign (?:up|in)\b|\blog ?in\b|\bnewsletters?\b|\bfollow us\b|\bshare (?:this|on|article|story|via)\b|^share$|\bjoin us on\b|\bdownload (?:our|the) app\b|\benjoyed (?:this|the|reading)\b|\blet your friends know\b|\btell your friends\b|\bleave a comment\b|^(?:show|view|load) (?:\d+ )?comments\b|^\d+\s+comments?$|^comments?$|\bclick here\b|^advertis(?:e|ement|ing)\b|^sponsored\b|^ad$|\bskip to\b|\bback to top\b|\bprint this\b|\bcopy link\b|^read (?:more|also|next)\b|^see also\b|^also read\b|^continue reading\b|^(?:watch|listen)(?: now)?\s*:|^(?:menu|search|home|next|previous|prev|more)$",
    )
});
/// Appeals for money or sign-ups, however long the line. "Become a member"
/// is one only when it addresses the reader: news reports that a country
/// wants to become a member of the EU.
static APPEAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bpatreon\b|\bbuy (?:us|me) a coffee\b|\bsupport (?:our|independent) journalism\b|\b(?:subscribe|subscribing|sign up|signing up) (?:to|for) our\b|\bour newsletter\b|\bbecome a (?:patron|subscriber|supporter)\b|^become a member\b|\bbecome a member (?:today|now|of our)\b",
    )
});
/// "If you found an error, select it and press Ctrl+Enter."
static ERROR_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:found|spotted|notice|see|noticed)\s+(?:an?\s+)?(?:error|mistake|typo)\b.*\b(?:press|click|let us know|report)\b|\b(?:ctrl|shift|cmd)\s*\+\s*enter\b",
    )
});
/// A credit in parentheses closing a caption: "(Photo by … / AFP)".
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\((?:[^()]*\b(?:photos?|image|picture|foto|illustration|file photo|screenshot|getty|shutterstock|afp|reuters|epa|ap photo)\b[^()]*)\)?\s*$|\bphoto(?:s|graph)? by\b|\bvia getty images\b",
    )
});
/// The rules that may match anywhere in a line, as one set.
static ANYWHERE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(
        [
            &*MIN_READ,
            &*COOKIES,
            &*LEGAL,
            &*APPEAL,
            &*ERROR_REPORT,
            &*CREDIT,
        ]
        .map(|r| r.as_str()),
    )
    .expect("valid regexes")
});
/// A lone site name such as "example.news".
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:https?://)?(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/?$")
});
static URL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:https?://|www\.)\S+$"));
static BACK: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:←|<-|⟵)|^back to\b"));
static CRUMB_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| re(r"\s(?:>|›|»|/|→)\s"));
/// A markdown image.
static IMAGE: LazyLock<Regex> = LazyLock::new(|| re(r"^!\["));
/// Headers of lists of other articles; the short lines after them belong to the list.
static LIST_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:related(?: news| articles?| stories| posts| content| topics| coverage| reading)?|more (?:from|on|about|in)\b.*|more (?:stories|news|articles|headlines)|recommended(?: for you| stories| articles| reading)?|most (?:read|popular|viewed|shared|commented)|trending(?: now| stories)?|popular(?: now| stories| articles)?|you (?:may|might) also (?:like|be interested in)|read (?:more|also|next)|see also|also read|latest(?: news| stories| articles)?|top stories|editor'?’?s picks|deep dives?|further reading|what to read next|in case you missed it|don'?’?t miss|other news|news feed|in other news)$",
    )
});
/// Words a dateline may hold besides names, dates and times.
const DATELINE_WORDS: &[&str] = &[
    "by",
    "and",
    "on",
    "at",
    "updated",
    "published",
    "posted",
    "last",
    "modified",
    "am",
    "pm",
    "utc",
    "gmt",
    "cet",
    "cest",
    "eet",
    "eest",
    "est",
    "edt",
    "pst",
    "pdt",
    "bst",
    "msk",
];

/// The number of words in `line`, counted up to `limit + 1`: the rules only
/// ask whether a line is short, and prose lines can be very long.
fn words(line: &str, limit: usize) -> usize {
    line.split_whitespace().take(limit + 1).count()
}

/// Header text as written, without markdown markers and a closing colon.
fn header_text(line: &str) -> &str {
    line.trim_start_matches('#')
        .trim()
        .trim_matches('*')
        .trim_end_matches([':', '：'])
        .trim()
}

fn is_list_header(line: &str) -> bool {
    words(line, 6) <= 6 && LIST_HEADER.is_match(header_text(line))
}

/// A short line holding a date or time and otherwise only names and a few
/// publication words: "Jane Roe - 20 December 2025 | 15:27", "Kyiv, March 3, 2024".
fn is_dateline(line: &str) -> bool {
    if line.chars().count() > 100 {
        return false;
    }
    let rest = dates::without_dates(line);
    if rest.len() == line.len() {
        return false;
    }
    let rest_words: Vec<&str> = rest
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '·' | '•' | ',' | '-' | '–' | '—' | '/')
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    rest_words.len() <= 5
        && rest_words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || DATELINE_WORDS.contains(&w.to_lowercase().as_str())
                || w.chars().all(|c| c.is_ascii_digit())
        })
}

/// "Home > World > Europe": several short segments between separators.
fn is_breadcrumb(line: &str) -> bool {
    let separators = CRUMB_SEPARATOR.find_iter(line).count();
    separators >= 2
        && CRUMB_SEPARATOR
            .split(line)
            .all(|segment| words(segment, 4) <= 4)
}

/// Whether a line ends like a finished sentence; teasers in lists of other
/// articles are often cut off mid-sentence.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', '»', ')'])
        .ends_with(['.', '!', '?'])
}

/// A line that is page furniture wherever it stands.
pub fn is_furniture(line: &str) -> bool {
    let line = line.trim();
    // Furniture is never this long, and skipping the rules keeps a
    // megabyte-long line of prose cheap.
    if line.len() > FURNITURE_BYTES {
        return false;
    }
    let count = words(line, SHORT_WORDS);
    let short = count <= SHORT_WORDS;
    // Most lines are prose: one pass over the rules that may match anywhere
    // in a line decides whether any of them needs a closer look.
    let anywhere = ANYWHERE.is_match(line)
        && (MIN_READ.is_match(line)
            || COOKIES.is_match(line) && count >= 3
            || LEGAL.is_match(line)
            || APPEAL.is_match(line)
            || ERROR_REPORT.is_match(line)
            || CREDIT.is_match(line));
    !line.chars().any(char::is_alphanumeric)
        || anywhere
        || LABEL.is_match(line)
        || URL.is_match(line)
        || IMAGE.is_match(line)
        || BACK.is_match(line)
        || short
            && (PUBLISHED.is_match(line)
                || BYLINE.is_match(line) && !line.ends_with(['.', '?', '!'])
                || AGO.is_match(line)
                || PROMPT.is_match(line)
                || DOMAIN.is_match(line)
                || is_dateline(line)
                || is_breadcrumb(line))
}

/// The spans of `text` that are article content, one per kept line,
/// without the line break.
pub fn content_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut in_list = false;
    let mut after_min_read = false;
    let mut start = 0;
    for raw in text.split('\n') {
        let end = start + raw.len();
        let line = raw.trim();
        let span = Span::new(start, end);
        start = end + 1;
        if line.is_empty() {
            continue;
        }
        if is_list_header(line) {
            in_list = true;
            continue;
        }
        if in_list {
            // A reading list pairs each "N min read" entry with a blurb of
            // any length; otherwise the first long prose ends the list.
            let prose = words(line, PROSE_WORDS) >= PROSE_WORDS
                && ends_sentence(line)
                && !is_furniture(line);
            if !prose || after_min_read {
                after_min_read = MIN_READ.is_match(line);
                continue;
            }
            in_list = false;
        }
        if is_furniture(line) {
            continue;
        }
        if line.chars().count() >= REPEAT_CHARS && !seen.insert(line) {
            continue;
        }
        spans.push(span);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(text: &str) -> Vec<&str> {
        content_spans(text).iter().map(|s| s.of(text)).collect()
    }

    const PROSE: &str = "The minister told reporters on Monday that the proposal under discussion could not be accepted in its present form because it left too many questions open.";

    #[test]
    fn metadata_lines_are_not_content() {
        for line in [
            "Source: https://example.com/x",
            "By Jane Roe",
            "BY JANE ROE AND JOHN DOE",
            "Published: 20 December 2025",
            "Published in World & Politics",
            "Updated 3 hours ago",
            "December 20, 2025",
            "2025-12-20",
            "Jane Roe - 20 December 2025 | 15:27",
            "Kyiv, March 3, 2024, 10:15 am",
            "5 hours ago",
            "Tags: diplomacy, talks",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn page_furniture_is_not_content() {
        for line in [
            "This website uses cookies so that we can provide you with the best user experience possible.",
            "We use cookies to improve your experience. Accept all",
            "Privacy Overview",
            "© 2025 Example Media. All rights reserved.",
            "Enjoyed this? Let your friends know!",
            "Subscribe to our newsletter",
            "Sign up for free",
            "Share this article",
            "Follow us on social media",
            "Home > World > Europe",
            "News / Politics / Europe",
            "← Back to Library",
            "Back to top",
            "Advertisement",
            "ADVERTISEMENT",
            "If you have found an error, highlight the fragment and press Ctrl + Enter.",
            "Photo: Jane Roe / Agency",
            "Image: handout",
            "Delegates arrive at the venue (Photo by Jane Roe / AFP via Getty Images)",
            "Delegates arrive at the venue, June 2, 2025. (AFP Photo)",
            "Some Treaty 11 min read",
            "example.news",
            "https://example.com/story",
            "/",
            "---",
            "Please consider supporting us on Patreon, it keeps our small team going every month.",
            "![a map](map.png)",
            "Read more: Leaders meet again",
            "Become a member and read every story without limits.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn article_lines_are_content() {
        for line in [
            PROSE,
            "Talks resume on 20 December 2025",
            "By contrast, the other side said it would wait.",
            "Leaders agree on a new plan",
            "• A ceasefire monitored by a mission.",
            "- Troops stay at 800,000.",
            "* Elections within 100 days.",
            "“We will not sign this,” the minister said.",
            "Ukraine’s army will not be limited, he said.",
            "Countries share intelligence on threats",
            "Sign language interpreters joined the talks in Geneva for the first time, officials said on Friday.",
            "שלום עולם 🙂",
            "The U.S. said so.",
            "«Ça va», dit-il.",
            "The minister said the country wants to become a member of the union by 2030.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }

    #[test]
    fn list_after_related_header_is_skipped_until_prose() {
        let text = format!(
            "Headline of the story\n{PROSE}\nRelated News\n\nOther headline one\n\nOther headline two\nA teaser of the other story that runs on for a good many words and then is cut off in the middle of\nA caption of a photo of the other story that runs on for a good many words (Photo: Agency)\n{PROSE} Again."
        );
        assert_eq!(
            content(&text),
            [
                "Headline of the story".to_owned(),
                PROSE.to_owned(),
                format!("{PROSE} Again.")
            ]
        );
    }

    #[test]
    fn reading_list_with_blurbs_is_skipped() {
        let text = format!(
            "Deep Dives\nExplore related topics with these articles:\n• Some Treaty 13 min read\n{PROSE}\n• Another Pact 9 min read\n{PROSE} Two.\n\nThe article starts here, and it is long enough to count as prose for the rule, with many more words in it today."
        );
        assert_eq!(
            content(&text),
            [
                "The article starts here, and it is long enough to count as prose for the rule, with many more words in it today."
            ]
        );
    }

    #[test]
    fn repeated_long_lines_count_once() {
        let text = format!("{PROSE}\nShort line\nShort line\n{PROSE}");
        assert_eq!(content(&text), [PROSE, "Short line", "Short line"]);
    }

    #[test]
    fn spans_exclude_line_breaks_and_point_into_text() {
        let text = "Headline here now\r\n";
        let text = text.replace('\r', "");
        assert_eq!(content_spans(&text), [Span::new(0, 17)]);
    }
}
