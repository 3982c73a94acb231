//! A self-contained HTML report: the matrix (each summary shown by colour and
//! by word and mark, so that it survives greyscale printing), then every
//! statement grouped by cell with its speaker, stance, document and the
//! sentence with its cue words marked.
//!
//! Everything taken from documents or the lexicon is escaped. The report
//! loads nothing: no scripts, fonts, images or style sheets from elsewhere.

use super::table::cue_kind;
use super::{cell_label, cells, headline, legend, summary_colour};
use crate::Analysis;
use crate::agreement::{Agreement, Relation};
use crate::matrix::Matrix;
use crate::model::{Cue, Span, Summary};
use std::borrow::Cow;
use std::fmt::Write;

const STYLE: &str = "
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #111; }
table.matrix { border-collapse: collapse; margin: 1em 0; }
.matrix th, .matrix td { border: 1px solid #888; padding: .3em .6em; text-align: center; }
.matrix th[scope=row] { text-align: left; }
.matrix a { color: inherit; text-decoration: none; }
table.agreement { border-collapse: collapse; margin: 1em 0; font-size: 90%; }
.agreement th, .agreement td { border: 1px solid #888; padding: .3em .6em; vertical-align: top; }
.agreement .conflict { font-weight: bold; }
.agreement .incomparable { color: #555; }
.empty { color: #777; }
.legend, .meta, .skipped { color: #444; font-size: 90%; }
.statement { border-left: 4px solid #bbb; margin: .8em 0; padding: .2em .8em; }
.badge { border: 1px solid #888; border-radius: 3px; padding: 0 .3em; white-space: nowrap; }
blockquote { margin: .3em 0; }
.statement.rejected blockquote { text-decoration: line-through; opacity: .6; }
.note { font-style: italic; }
mark { padding: 0 .1em; border-bottom: 2px solid #333; }
mark.actor { background: #dbe9ff; }
mark.issue { background: #fff0b3; }
mark.stance { background: #ffd6a5; }
";

/// Summaries, for the colour classes of the style sheet.
const SUMMARIES: [Summary; 4] = [
    Summary::Support,
    Summary::Oppose,
    Summary::Conditional,
    Summary::Mixed,
];

pub(super) fn render(analysis: &Analysis, matrix: &Matrix) -> String {
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Positions: {folder}</title>\n<style>{STYLE}",
        folder = escape(&analysis.root.display().to_string()),
    );
    for s in SUMMARIES {
        let _ = writeln!(out, ".s-{s} {{ background: #{:06x}; }}", summary_colour(s));
    }
    let _ = write!(
        out,
        "</style>\n</head>\n<body>\n<h1>Positions</h1>\n<p>Folder: <code>{}</code></p>\n<p>{}</p>\n",
        escape(&analysis.root.display().to_string()),
        escape(&headline(analysis, matrix)),
    );

    out.push_str("<table class=\"matrix\">\n<thead><tr><th>Actor</th>");
    for issue in issues.iter().take(matrix.issues) {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&issue.name));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (a, actor) in actors.iter().take(matrix.actors).enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(&actor.name));
        for i in 0..matrix.issues {
            let counts = matrix.cell(a, i).counts;
            match (counts.summary(), cell_label(&counts)) {
                (Some(summary), Some(label)) => {
                    let _ = write!(
                        out,
                        "<td class=\"s-{summary}\"><a href=\"#{}\">{} {label}</a></td>",
                        cell_anchor(a, i),
                        summary_mark(summary),
                    );
                }
                _ => out.push_str("<td class=\"empty\">–</td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"legend\">{} In the table, ± marks a mixed cell.</p>",
        escape(&legend())
    );

    agreement(&mut out, analysis, matrix);

    out.push_str("<h2>Statements</h2>\n");
    for (a, i, cell) in cells(matrix) {
        let Some(label) = cell_label(&cell.counts) else {
            continue;
        };
        let _ = writeln!(
            out,
            "<section id=\"{}\">\n<h3>{} on {}: {label}</h3>",
            cell_anchor(a, i),
            escape(&actors[a].name),
            escape(&issues[i].name),
        );
        // Rejected statements are not counted, but the reader of the
        // report sees what a person struck out.
        for s in cell.listed() {
            statement(&mut out, analysis, s);
        }
        out.push_str("</section>\n");
    }

    if !analysis.skipped.is_empty() {
        out.push_str("<h2>Skipped files</h2>\n<ul class=\"skipped\">\n");
        for s in &analysis.skipped {
            let _ = writeln!(
                out,
                "<li><code>{}</code>: {}</li>",
                escape(&s.file),
                escape(&s.reason)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Parties against each other: for each pair, the issues their stances
/// agree, conflict or cannot be compared on.
fn agreement(out: &mut String, analysis: &Analysis, matrix: &Matrix) {
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    let agreement = Agreement::build(matrix);
    out.push_str(
        "<h2>Parties against each other</h2>\n<table class=\"agreement\">\n<thead><tr><th></th>",
    );
    for actor in actors.iter().take(matrix.actors) {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&actor.name));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (a, actor) in actors.iter().take(matrix.actors).enumerate() {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(&actor.name));
        for b in 0..matrix.actors {
            let Some(pair) = agreement.pair(a, b) else {
                out.push_str("<td class=\"empty\">–</td>");
                continue;
            };
            out.push_str("<td>");
            for relation in Relation::ALL {
                let list = pair.issues(relation);
                if list.is_empty() {
                    continue;
                }
                let names: Vec<&str> = list.iter().map(|&i| issues[i].name.as_str()).collect();
                let _ = write!(
                    out,
                    "<div class=\"{relation}\">{relation} {}: {}</div>",
                    list.len(),
                    escape(&names.join(", ")),
                    relation = relation.as_str(),
                );
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str(
        "</tbody>\n</table>\n<p class=\"legend\">Agree: the same stance on the issue; conflict: \
         different stances; incomparable: one side said nothing or holds a mixed position.</p>\n",
    );
}

/// One statement (number `index`): who, which stance, from which article,
/// where else it is made, and the sentence.
fn statement(out: &mut String, analysis: &Analysis, index: usize) {
    let s = &analysis.statements[index];
    let doc = &analysis.documents[s.doc];
    let class = if s.is_rejected() {
        "statement rejected"
    } else {
        "statement"
    };
    let _ = write!(
        out,
        "<article class=\"{class}\">\n<p class=\"meta\"><span class=\"badge s-{stance}\">{mark} {stance}</span> \
         <strong>{speaker}</strong> · <cite>{title}</cite>",
        stance = s.stance,
        mark = super::stance_mark(s.stance),
        speaker = escape(analysis.speaker(s)),
        title = escape(&doc.title),
    );
    if s.is_rejected() {
        out.push_str(" · <strong>rejected</strong>");
    }
    let _ = write!(out, " · {}", s.origin().as_str());
    if let Some(grade) = s.grade {
        let _ = write!(out, " · {}", grade.as_str());
    }
    // Without a URL in the article the source is its file name, shown below.
    if doc.source != doc.file {
        let _ = write!(out, " · {}", source_link(&doc.source));
    }
    if let Some(date) = &doc.date {
        let _ = write!(out, " · {}", escape(date));
    }
    if let Some(again) = analysis.copies.said_again(&analysis.statements, index) {
        let _ = write!(out, " · {}", escape(&again));
    }
    let _ = writeln!(
        out,
        " · <code>{}</code></p>\n<blockquote>{}</blockquote>",
        escape(&doc.file),
        highlight(&doc.text, s.sentence, &s.cues),
    );
    if !s.note().is_empty() {
        let _ = writeln!(out, "<p class=\"note\">Note: {}</p>", escape(s.note()));
    }
    out.push_str("</article>\n");
}

/// The source as a link when it is a web address; anything else (a file
/// name, a `javascript:` URL) stays plain text.
fn source_link(source: &str) -> String {
    let lower = source.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        let source = escape(source);
        format!("<a href=\"{source}\" rel=\"noreferrer\">{source}</a>")
    } else {
        escape(source).into_owned()
    }
}

/// The `sentence` of `text`, escaped, with the cues inside it in `<mark>`.
/// Where cues overlap, the one that starts first wins.
fn highlight(text: &str, sentence: Span, cues: &[Cue]) -> String {
    let mut inside: Vec<&Cue> = cues
        .iter()
        .filter(|c| !c.span.is_empty() && sentence.contains(c.span))
        .collect();
    inside.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let mut out = String::new();
    let mut at = sentence.start;
    for cue in inside {
        if cue.span.start < at {
            continue;
        }
        // A span off a char boundary would make `get` fail; skip that cue
        // rather than lose the sentence.
        let (Some(before), Some(word)) = (
            text.get(at..cue.span.start),
            text.get(cue.span.start..cue.span.end),
        ) else {
            continue;
        };
        let kind = cue_kind(cue.kind);
        let _ = write!(
            out,
            "{}<mark class=\"{kind}\" title=\"{kind} cue\">{}</mark>",
            escape(before),
            escape(word)
        );
        at = cue.span.end;
    }
    out.push_str(&escape(text.get(at..sentence.end).unwrap_or("")));
    out
}

fn cell_anchor(actor: usize, issue: usize) -> String {
    format!("cell-{actor}-{issue}")
}

/// A mark per summary, so that the matrix reads without colour.
fn summary_mark(summary: Summary) -> &'static str {
    match summary {
        Summary::Support => "+",
        Summary::Oppose => "−",
        Summary::Conditional => "~",
        Summary::Mixed => "±",
    }
}

/// `text` safe in HTML text and in quoted attribute values.
fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CueKind;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("<script>alert('x & \"y\"')</script>"),
            "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;"
        );
        assert!(matches!(escape("Kyiv – Київ"), Cow::Borrowed(_)));
    }

    #[test]
    fn highlight_marks_cues_inside_the_sentence_only() {
        let text = "Before. Kyiv <rejects> any deal. After.";
        let sentence = Span::new(8, 32);
        let cue = |kind, start, end| Cue {
            kind,
            span: Span::new(start, end),
        };
        let cues = [
            cue(CueKind::Stance, 13, 22),
            cue(CueKind::Actor, 8, 12),
            cue(CueKind::Stance, 14, 20), // inside the first stance cue
            cue(CueKind::Issue, 33, 38),  // outside the sentence
        ];
        assert_eq!(
            highlight(text, sentence, &cues),
            "<mark class=\"actor\" title=\"actor cue\">Kyiv</mark> \
             <mark class=\"stance\" title=\"stance cue\">&lt;rejects&gt;</mark> any deal."
        );
    }

    #[test]
    fn only_web_sources_become_links() {
        assert!(
            source_link("https://example.org/a?b=1&c=2")
                .contains("href=\"https://example.org/a?b=1&amp;c=2\"")
        );
        assert_eq!(source_link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(source_link("notes.txt"), "notes.txt");
    }
}
