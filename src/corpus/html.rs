//! Saved HTML pages into plain text and metadata, with a real HTML parser.
//!
//! Drops scripts, styles and page chrome (navigation, header, footer, aside,
//! forms), puts every block element on its own line and reads title, date and
//! source from the page's meta tags. It does not judge which lines are
//! article content; that is `boilerplate`'s job on the resulting text.

use super::dates::first_date;
use super::meta::{self, Meta};
use super::nesting;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use std::sync::LazyLock;

/// Elements whose text is never part of the article.
const DROPPED: &[&str] = &[
    "script", "style", "nav", "footer", "header", "aside", "form", "noscript", "svg", "iframe",
    "template", "head", "button", "select", "object", "canvas", "dialog", "menu",
];

/// Elements that start and end a line of their own.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "blockquote",
    "article",
    "section",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "figure",
    "figcaption",
    "pre",
    "hr",
    "address",
    "caption",
    "details",
    "summary",
    "body",
];

/// A page as text plus what its markup says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub text: String,
    pub meta: Meta,
    /// What had to change in the markup to read it in good time.
    pub warning: Option<String>,
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid selector")
}

static TITLE_META: LazyLock<Selector> = LazyLock::new(|| {
    selector(r#"meta[property="og:title"], meta[name="og:title"], meta[name="twitter:title"]"#)
});
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static DATE_META: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"meta[property="article:published_time"], meta[name="article:published_time"], meta[property="og:published_time"], meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"], meta[name="publishdate"], meta[name="publish-date"], meta[name="DC.date"], meta[name="DC.date.issued"], meta[name="dc.date"], meta[name="dcterms.date"], meta[name="sailthru.date"]"#,
    )
});
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector(r#"link[rel="canonical"]"#));
static OG_URL: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"meta[property="og:url"], meta[name="og:url"]"#));

/// Whether text saved with a plain-text extension is in fact an HTML page.
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text.trim_start().chars().take(15).collect();
    let start = start.to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// Parse a page into its text (one line per block) and metadata.
pub fn parse(source: &str) -> Page {
    let flattened = nesting::flatten(source);
    let doc = Html::parse_document(flattened.as_deref().unwrap_or(source));
    Page {
        text: text(&doc),
        meta: Meta {
            title: title(&doc),
            date: date(&doc),
            source: url(&doc),
        },
        warning: flattened.map(|_| {
            format!(
                "nesting deeper than {} levels flattened",
                nesting::MAX_DEPTH
            )
        }),
    }
}

/// Walks the tree iteratively, so deeply nested markup cannot exhaust the stack.
fn text(doc: &Html) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut dropped_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if dropped_depth > 0 || DROPPED.contains(&name) {
                        dropped_depth += 1;
                    } else if BLOCKS.contains(&name) {
                        flush(&mut line, &mut lines);
                        if name == "li" {
                            line.push_str("• ");
                        }
                    } else if matches!(name, "td" | "th") {
                        line.push(' ');
                    }
                }
                Node::Text(t) if dropped_depth == 0 => push_collapsed(&mut line, t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    if dropped_depth > 0 {
                        dropped_depth -= 1;
                    } else if BLOCKS.contains(&el.name()) {
                        flush(&mut line, &mut lines);
                    }
                }
            }
        }
    }
    flush(&mut line, &mut lines);
    lines.join("\n")
}

/// Whitespace inside a block is layout, not content: runs become one space.
fn push_collapsed(line: &mut String, text: &str) {
    for (i, part) in text.split(char::is_whitespace).enumerate() {
        if i > 0 && !line.ends_with(' ') && !line.is_empty() {
            line.push(' ');
        }
        line.push_str(part);
    }
}

fn flush(line: &mut String, lines: &mut Vec<String>) {
    let trimmed = line.trim();
    if !trimmed.is_empty() && trimmed != "•" {
        lines.push(trimmed.to_owned());
    }
    line.clear();
}

fn attr(doc: &Html, selector: &Selector, name: &str) -> Option<String> {
    doc.select(selector)
        .filter_map(|el| el.value().attr(name))
        .map(str::trim)
        .find(|v| !v.is_empty())
        .map(str::to_owned)
}

fn element_text(el: ElementRef) -> String {
    let mut out = String::new();
    for t in el.text() {
        push_collapsed(&mut out, t);
    }
    out.trim().to_owned()
}

fn title(doc: &Html) -> Option<String> {
    let from_title = || {
        doc.select(&TITLE)
            .map(element_text)
            .find(|t| !t.is_empty())
            .map(|t| {
                // "Headline | Site name": the longest part is the headline.
                t.split(" | ")
                    .max_by_key(|part| part.chars().count())
                    .unwrap_or(&t)
                    .trim()
                    .to_owned()
            })
    };
    attr(doc, &TITLE_META, "content")
        .or_else(from_title)
        .or_else(|| doc.select(&H1).map(element_text).find(|t| !t.is_empty()))
        .map(|t| meta::clean_title(&t))
}

fn date(doc: &Html) -> Option<String> {
    let from_meta = doc
        .select(&DATE_META)
        .filter_map(|el| el.value().attr("content"))
        .find_map(meta_date);
    let from_json_ld = || {
        doc.select(&JSON_LD).find_map(|el| {
            let json: String = el.text().collect();
            let at = json.find("\"datePublished\"")?;
            first_date(json.get(at..)?)
        })
    };
    let from_time = || {
        doc.select(&TIME)
            .filter_map(|el| el.value().attr("datetime"))
            .find_map(first_date)
    };
    from_meta.or_else(from_json_ld).or_else(from_time)
}

/// A date from a meta tag, which may also be written compactly as `YYYYMMDD`.
fn meta_date(content: &str) -> Option<String> {
    let content = content.trim();
    match content.get(..8) {
        Some(d) if d.bytes().all(|b| b.is_ascii_digit()) => {
            first_date(&format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]))
        }
        _ => first_date(content),
    }
}

fn url(doc: &Html) -> Option<String> {
    attr(doc, &CANONICAL, "href")
        .or_else(|| attr(doc, &OG_URL, "content"))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_lines_and_chrome_is_dropped() {
        let page = parse(
            "<html><head><title>T</title><style>p{}</style></head><body>\
             <nav><a href=/>Home</a> <a>World</a></nav>\
             <header>Site name</header>\
             <article><h1>Leaders   meet</h1><p>First\n   paragraph &amp; more.</p>\
             <p>Second<br>line</p><ul><li>One</li><li>Two</li></ul>\
             <script>var x = 1;</script><aside>Most read</aside></article>\
             <form><input>Search</form><footer>© Site</footer></body></html>",
        );
        assert_eq!(
            page.text,
            "Leaders meet\nFirst paragraph & more.\nSecond\nline\n• One\n• Two"
        );
    }

    #[test]
    fn inline_markup_keeps_words_together() {
        let page = parse("<p>He <b>said</b> “<i>no</i>”, twice.</p>");
        assert_eq!(page.text, "He said “no”, twice.");
    }

    #[test]
    fn meta_tags() {
        let page = parse(
            r#"<html><head><title>Fallback | Site</title>
            <meta property="og:title" content="Talks &amp; deals">
            <meta property="article:published_time" content="2025-12-20T15:27:00Z">
            <link rel="canonical" href="https://example.com/talks">
            </head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(page.meta.title.as_deref(), Some("Talks & deals"));
        assert_eq!(page.meta.date.as_deref(), Some("2025-12-20"));
        assert_eq!(
            page.meta.source.as_deref(),
            Some("https://example.com/talks")
        );
    }

    #[test]
    fn fallbacks_title_tag_h1_time_og_url() {
        let page = parse(
            r#"<head><title>The headline here | Site</title><meta property="og:url" content="https://example.com/a"></head>
            <body><time datetime="2024-03-05">5 March</time></body>"#,
        );
        assert_eq!(page.meta.title.as_deref(), Some("The headline here"));
        assert_eq!(page.meta.date.as_deref(), Some("2024-03-05"));
        assert_eq!(page.meta.source.as_deref(), Some("https://example.com/a"));
        let page = parse("<body><h1>Only a heading</h1><p>Body.</p></body>");
        assert_eq!(page.meta.title.as_deref(), Some("Only a heading"));
        assert_eq!(page.meta.date, None);
        assert_eq!(page.meta.source, None);
    }

    #[test]
    fn other_date_metas() {
        for head in [
            r#"<meta name="date" content="2024-01-02">"#,
            r#"<meta name="pubdate" content="20240102">"#,
            r#"<meta itemprop="datePublished" content="2024-01-02">"#,
            r#"<meta name="DC.date" content="2024-01-02">"#,
            r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-02T08:00:00Z"}</script>"#,
        ] {
            let page = parse(&format!("<html><head>{head}</head><body>x</body></html>"));
            assert_eq!(page.meta.date.as_deref(), Some("2024-01-02"), "{head}");
        }
    }

    #[test]
    fn deep_nesting_is_flattened_and_says_so() {
        let page = parse(&format!(
            "{}deep{}",
            "<div>".repeat(3_000),
            "</div>".repeat(3_000)
        ));
        assert_eq!(page.text, "deep");
        assert_eq!(
            page.warning.as_deref(),
            Some("nesting deeper than 512 levels flattened")
        );
        assert_eq!(parse("<div><p>shallow</p></div>").warning, None);
    }

    #[test]
    fn detects_html_saved_as_text() {
        assert!(looks_like_html("\n <!DOCTYPE html><html>"));
        assert!(looks_like_html("<HTML>"));
        assert!(!looks_like_html("Plain <b>text</b>"));
    }
}
