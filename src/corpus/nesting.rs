//! Caps how deeply a page's elements nest before the HTML parser reads it.
//!
//! For every tag, the parser searches its stack of open elements (is a `<p>`
//! open? is the element this end tag names in scope?), so its work grows with
//! the number of tags times their depth: 100,000 nested `<div>`s took it more
//! than a minute. Articles nest a few dozen levels. Past [`MAX_DEPTH`], start
//! tags and the end tags that close them are replaced by a space: every word
//! stays, only structure that deep is lost.
//!
//! This is a scanner, not a parser. It follows the parser's stack where that
//! decides the depth of ordinary pages — an end tag closes what it names and
//! what was opened inside it, unless a scope boundary (a table cell, an
//! object) lies between; a `<p>`, `<li>`, `<td>`, `<tr>` closes the one left
//! open before it; void elements, raw text (scripts, styles) and comments hold
//! no elements — and where it cannot tell, it counts an element as still
//! open, so that it errs towards flattening rather than towards a slow parse.
//! Only a page that is too deep is copied; it never rewrites anything else.

use crate::extract::work;
use std::collections::HashMap;

/// How many elements may be open at once. The parser's work per tag grows
/// with it; real articles stay far below.
pub const MAX_DEPTH: usize = 512;

/// The page with its tags deeper than [`MAX_DEPTH`] replaced by spaces (so
/// the words of flattened blocks stay apart), or `None` when no element is
/// that deep. Linear in the page: every byte is read once and every element
/// pushed and popped once.
pub fn flatten(source: &str) -> Option<String> {
    let bytes = source.as_bytes();
    let mut stack = Stack::new();
    let mut flat: Option<String> = None;
    let mut copied = 0;
    let mut steps = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'<') {
        let start = at + offset;
        let (end, markup) = markup(bytes, start);
        steps += end - at;
        at = end;
        let deep = match markup {
            Markup::Start { name, self_closing } => {
                let name = &source[name.0..name.1];
                match stack.start(name, self_closing) {
                    Opened::Element(depth) => depth >= MAX_DEPTH,
                    Opened::Empty => false,
                    Opened::RawText => {
                        at = raw_text_end(bytes, at, name);
                        steps += at - end;
                        false
                    }
                    Opened::RestIsText => break,
                }
            }
            Markup::End { name } => stack
                .end(&source[name.0..name.1])
                .is_some_and(|depth| depth >= MAX_DEPTH),
            Markup::Other => false,
        };
        if deep {
            let flat = flat.get_or_insert_with(|| String::with_capacity(source.len()));
            flat.push_str(&source[copied..start]);
            flat.push(' ');
            copied = end;
        }
    }
    work::add(steps + bytes.len() - at + stack.moves);
    let mut flat = flat?;
    flat.push_str(&source[copied..]);
    Some(flat)
}

/// What a `<` starts: a tag (with the byte range of its name), or markup
/// that opens nothing (a comment, a doctype, a stray `<`).
enum Markup {
    Start {
        name: (usize, usize),
        self_closing: bool,
    },
    End {
        name: (usize, usize),
    },
    Other,
}

/// The markup starting at the `<` at `start`, and the index just past it.
fn markup(bytes: &[u8], start: usize) -> (usize, Markup) {
    let rest = &bytes[start..];
    if rest.starts_with(b"<!--") {
        return (comment_end(bytes, start + 4), Markup::Other);
    }
    let (name_start, is_end) = match rest.get(1) {
        Some(b'/') if rest.get(2).is_some_and(u8::is_ascii_alphabetic) => (start + 2, true),
        Some(b) if b.is_ascii_alphabetic() => (start + 1, false),
        // A doctype, a processing instruction or a bogus comment runs to `>`.
        Some(b'!' | b'?' | b'/') => {
            let end = find(bytes, start, b">").map_or(bytes.len(), |i| i + 1);
            return (end, Markup::Other);
        }
        _ => return (start + 1, Markup::Other),
    };
    let name_end = bytes[name_start..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        .map_or(bytes.len(), |i| name_start + i);
    let end = tag_end(bytes, name_end);
    let name = (name_start, name_end);
    if is_end {
        (end, Markup::End { name })
    } else {
        let self_closing = end >= 2 && bytes[end - 1] == b'>' && bytes[end - 2] == b'/';
        (end, Markup::Start { name, self_closing })
    }
}

/// The index just past a comment whose text starts at `at`. Like the
/// parser, `<!-->`, `<!--->` and `--!>` end one too: skipping tags the
/// parser reads would let them nest unseen.
fn comment_end(bytes: &[u8], at: usize) -> usize {
    if bytes[at..].starts_with(b">") {
        return at + 1;
    }
    if bytes[at..].starts_with(b"->") {
        return at + 2;
    }
    let mut from = at;
    while let Some(i) = find(bytes, from, b"--") {
        match bytes.get(i + 2..) {
            Some([b'>', ..]) => return i + 3,
            Some([b'!', b'>', ..]) => return i + 4,
            _ => from = i + 1,
        }
    }
    bytes.len()
}

/// The index just past the `>` that ends a tag's attributes, read from `at`:
/// a `>` inside a quoted attribute value does not end it.
fn tag_end(bytes: &[u8], mut at: usize) -> usize {
    while at < bytes.len() {
        match bytes[at] {
            b'>' => return at + 1,
            b'=' => {
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                    at += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(at) {
                    at = find(bytes, at + 1, &[quote]).unwrap_or(bytes.len());
                }
            }
            _ => {}
        }
        at += 1;
    }
    bytes.len()
}

/// Where the raw text that starts at `at` ends: just past the end tag of
/// `name` (any case), or at the end of the page.
fn raw_text_end(bytes: &[u8], mut at: usize, name: &str) -> usize {
    while let Some(i) = find(bytes, at, b"</") {
        let after = i + 2 + name.len();
        let named = bytes
            .get(i + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let delimited = bytes
            .get(after)
            .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'));
        if named && delimited {
            return tag_end(bytes, after);
        }
        at = i + 2;
    }
    bytes.len()
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| from + i)
}

/// Elements without content or end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
];

/// Elements whose content the parser reads as text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements an end tag searches past, in the parser's default scope.
const BOUNDARIES: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "svg",
    "math",
];

/// Elements the search for an open `<li>`, `<dd>` or `<dt>` may pass (the
/// parser passes every element that is not "special"; this list is shorter,
/// so that a start tag never closes what the parser keeps open).
const PASSABLE: &[&str] = &[
    "address", "div", "p", "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del",
    "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
];

/// Start tags that close an open `<p>` in button scope.
const CLOSE_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "form",
    "li",
    "dd",
    "dt",
    "hr",
    "xmp",
    "plaintext",
];

/// The parser's scopes: an element is found only if no boundary of the scope
/// is open above it. The last two are the searches a `<li>` and a `<dd>` or
/// `<dt>` make for an open element of their kind.
#[derive(Clone, Copy)]
enum Scope {
    Default,
    ListItem,
    Button,
    Table,
    ListWalk,
    DefinitionWalk,
}

const SCOPES: [Scope; 6] = [
    Scope::Default,
    Scope::ListItem,
    Scope::Button,
    Scope::Table,
    Scope::ListWalk,
    Scope::DefinitionWalk,
];

impl Scope {
    fn bounded_by(self, name: &str) -> bool {
        match self {
            Scope::Default => BOUNDARIES.contains(&name),
            Scope::ListItem => BOUNDARIES.contains(&name) || matches!(name, "ol" | "ul"),
            Scope::Button => BOUNDARIES.contains(&name) || name == "button",
            Scope::Table => matches!(name, "html" | "table" | "template"),
            Scope::ListWalk => !PASSABLE.contains(&name) && name != "li",
            Scope::DefinitionWalk => !PASSABLE.contains(&name) && !matches!(name, "dd" | "dt"),
        }
    }

    /// The scope in which an end tag looks for the element it names.
    fn of_end_tag(name: &str) -> Option<Scope> {
        match name {
            "html" | "body" | "head" => None,
            "li" => Some(Scope::ListItem),
            "p" => Some(Scope::Button),
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "table" | "caption" => {
                Some(Scope::Table)
            }
            _ => Some(Scope::Default),
        }
    }
}

/// Start tags that close an element of a kind left open before them, the
/// kinds, and the scope the element must be in.
const CLOSES: &[(&[&str], &[&str], Scope)] = &[
    (&["li"], &["li"], Scope::ListWalk),
    (&["dd", "dt"], &["dd", "dt"], Scope::DefinitionWalk),
    (&["td", "th"], &["td", "th"], Scope::Table),
    (&["tr"], &["tr"], Scope::Table),
    (
        &["tbody", "thead", "tfoot"],
        &["tbody", "thead", "tfoot"],
        Scope::Table,
    ),
    (CLOSE_P, &["p"], Scope::Button),
];

/// What a start tag does besides opening an element.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Element,
    /// No content and no end tag.
    Void,
    /// Its content is text up to its end tag.
    RawText,
    /// `<plaintext>`: everything after it is text.
    RestIsText,
}

/// What a start tag did to the stack.
enum Opened {
    /// An element at this depth (0 is the outermost).
    Element(usize),
    /// Nothing stays open: a void or self-closed element.
    Empty,
    /// Text follows up to the element's end tag.
    RawText,
    RestIsText,
}

/// One element name: what its start tag does, and where it is open.
struct Name {
    kind: Kind,
    /// Which of [`SCOPES`] it bounds, as bits.
    bounds: u8,
    /// Which rules of [`CLOSES`] its start tag applies, as bits.
    closes: u8,
    /// Where its end tag looks for it; `None` when the parser does not close
    /// it on its end tag (content after `</body>` still goes into the body).
    end_scope: Option<Scope>,
    open: Vec<usize>,
}

/// The open elements as the parser would keep them, by name.
struct Stack {
    ids: HashMap<String, usize>,
    names: Vec<Name>,
    open: Vec<usize>,
    /// Per scope, the depths of the open elements that bound it.
    boundaries: [Vec<usize>; SCOPES.len()],
    /// Per rule of [`CLOSES`], the ids of the kinds it closes.
    closed_kinds: Vec<Vec<usize>>,
    /// The ids of `svg` and `math`, inside which `/>` closes an element.
    foreign: [usize; 2],
    /// Elements pushed and popped, for the work tally.
    moves: usize,
}

impl Stack {
    fn new() -> Stack {
        let mut stack = Stack {
            ids: HashMap::new(),
            names: Vec::new(),
            open: Vec::new(),
            boundaries: Default::default(),
            closed_kinds: Vec::new(),
            foreign: [0; 2],
            moves: 0,
        };
        stack.closed_kinds = CLOSES
            .iter()
            .map(|(_, kinds, _)| kinds.iter().map(|k| stack.id(k)).collect())
            .collect();
        stack.foreign = [stack.id("svg"), stack.id("math")];
        stack
    }

    /// The id of the element name `name`, in any case.
    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let lower = name.to_ascii_lowercase();
        if let Some(&id) = self.ids.get(&lower) {
            return id;
        }
        let bits = |hits: &mut dyn Iterator<Item = bool>| {
            hits.enumerate()
                .fold(0, |bits, (i, hit)| bits | u8::from(hit) << i)
        };
        let kind = if VOID.contains(&lower.as_str()) {
            Kind::Void
        } else if RAW_TEXT.contains(&lower.as_str()) {
            Kind::RawText
        } else if lower == "plaintext" {
            Kind::RestIsText
        } else {
            Kind::Element
        };
        let name = Name {
            kind,
            bounds: bits(&mut SCOPES.iter().map(|s| s.bounded_by(&lower))),
            closes: bits(
                &mut CLOSES
                    .iter()
                    .map(|(starts, _, _)| starts.contains(&lower.as_str())),
            ),
            end_scope: Scope::of_end_tag(&lower),
            open: Vec::new(),
        };
        let id = self.names.len();
        self.names.push(name);
        self.ids.insert(lower, id);
        id
    }

    fn push(&mut self, id: usize) -> usize {
        let depth = self.open.len();
        self.open.push(id);
        self.names[id].open.push(depth);
        let bounds = self.names[id].bounds;
        for (i, boundaries) in self.boundaries.iter_mut().enumerate() {
            if bounds & 1 << i != 0 {
                boundaries.push(depth);
            }
        }
        self.moves += 1;
        depth
    }

    /// Close the element at `depth` and every element opened inside it.
    fn pop_to(&mut self, depth: usize) {
        while self.open.len() > depth {
            let Some(id) = self.open.pop() else { break };
            self.names[id].open.pop();
            let bounds = self.names[id].bounds;
            for (i, boundaries) in self.boundaries.iter_mut().enumerate() {
                if bounds & 1 << i != 0 {
                    boundaries.pop();
                }
            }
            self.moves += 1;
        }
    }

    /// The depth of the innermost open element named by one of `ids`, if no
    /// boundary of `scope` is open inside it.
    fn in_scope(&self, ids: &[usize], scope: Scope) -> Option<usize> {
        let depth = ids
            .iter()
            .filter_map(|&id| self.names[id].open.last().copied())
            .max()?;
        let boundary = self.boundaries[scope as usize].last().copied();
        boundary.is_none_or(|b| depth >= b).then_some(depth)
    }

    fn start(&mut self, name: &str, self_closing: bool) -> Opened {
        let id = self.id(name);
        for (rule, (_, _, scope)) in CLOSES.iter().enumerate() {
            if self.names[id].closes & 1 << rule != 0
                && let Some(depth) = self.in_scope(&self.closed_kinds[rule], *scope)
            {
                self.pop_to(depth);
            }
        }
        // Only inside SVG and MathML does `/>` close an element.
        let foreign = self.foreign.iter().any(|&f| !self.names[f].open.is_empty());
        match self.names[id].kind {
            Kind::RestIsText => Opened::RestIsText,
            Kind::RawText => Opened::RawText,
            Kind::Void => Opened::Empty,
            Kind::Element if self_closing && foreign => Opened::Empty,
            Kind::Element => Opened::Element(self.push(id)),
        }
    }

    /// The depth of the element an end tag closes, if it closes one.
    fn end(&mut self, name: &str) -> Option<usize> {
        let id = self.id(name);
        let depth = self.in_scope(&[id], self.names[id].end_scope?)?;
        self.pop_to(depth);
        Some(depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(open: &str, close: &str, n: usize) -> String {
        format!(
            "<html><body>{}words{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        )
    }

    /// The deepest any element of `page` is, as the scanner reads it.
    fn depth(page: &str) -> usize {
        let mut depth = 0;
        let mut probe = String::from(page);
        // Wrapping a page in levels until it is flattened measures its depth.
        while flatten(&probe).is_none() {
            probe = format!("<div>{probe}</div>");
            depth += 1;
        }
        MAX_DEPTH - depth
    }

    #[test]
    fn shallow_pages_are_left_alone() {
        let page = "<!DOCTYPE html><html><head><title>a <b> title</title>\
                    <script>if (a < b) { x = '<div>'; }</script></head><body>\
                    <!-- <div><div> --><div class=\"a>b\"><p>One<br>two<img src=x/></p>\
                    <ul><li>a<li>b</ul></div></body></html>";
        assert_eq!(flatten(page), None);
        assert!(depth(page) <= 5, "{}", depth(page));
    }

    #[test]
    fn tags_past_the_limit_become_spaces() {
        let page = nested("<div>", "</div>", MAX_DEPTH + 100);
        let flat = flatten(&page).expect("too deep");
        assert_eq!(flat.matches("<div>").count() + 2, MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count() + 2, MAX_DEPTH);
        assert!(flat.contains(" words "));
        assert_eq!(flatten(&flat), None, "flattened once is enough");
    }

    #[test]
    fn elements_closed_by_the_next_one_add_no_depth() {
        let n = 2 * MAX_DEPTH;
        let pages = [
            format!("<body>{}</body>", "<p>para <b>bold</b> text".repeat(n)),
            format!("<ul>{}</ul>", "<li><a href=x>item</a>".repeat(n)),
            format!("<dl>{}</dl>", "<dt>term<dd>definition".repeat(n)),
            format!("<table>{}</table>", "<tr><td>a<td>b<th>c".repeat(n)),
            format!("<div>{}</div>", "<p><font>old <p>style".repeat(n)),
            format!("<svg>{}</svg>", "<path d=\"M0 0\"/>".repeat(n)),
        ];
        for page in pages {
            assert_eq!(flatten(&page), None, "{}", &page[..60]);
        }
    }

    #[test]
    fn only_what_the_parser_closes_is_closed() {
        let n = MAX_DEPTH + 1;
        let pages = [
            // Outside SVG, `/>` does not close an element.
            "<div/>".repeat(n),
            // An end tag does not reach past an object into the div around it.
            "<div><object></div>".repeat(n),
            // An item inside a quotation inside an item opens a new one.
            "<li><blockquote>".repeat(n),
            // Content after `</body>` still goes into the body.
            "<div></body>".repeat(n),
            // A stray end tag closes nothing.
            "<span></i>".repeat(n),
        ];
        for page in pages {
            assert!(flatten(&page).is_some(), "{}", &page[..40]);
        }
    }

    #[test]
    fn work_grows_linearly_with_the_page() {
        let shapes: [fn(usize) -> String; 4] = [
            |n| nested("<div>", "</div>", n),
            |n| nested("<ul><li>", "</li></ul>", n),
            |n| "<div><object></div>".repeat(n),
            |n| format!("<table>{}</table>", "<tr><td>a<td>b".repeat(n)),
        ];
        for shape in shapes {
            let small = work::tally(|| flatten(&shape(50_000))).1;
            let large = work::tally(|| flatten(&shape(100_000))).1;
            let growth = large as f64 / small as f64;
            assert!(growth <= 2.1, "{growth:.2}× ({small} → {large})");
        }
    }
}
