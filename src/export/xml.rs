//! A small XML writer for the REFI-QDA and GraphML exports: elements with
//! attributes, text, and escaping that keeps any article text well-formed.
//!
//! It writes what it is told in order and checks no schema: the format
//! modules own their element order. It must never emit a character that XML
//! 1.0 forbids, even escaped: article text and notes may hold control
//! characters, which become U+FFFD here.

use std::borrow::Cow;

/// An XML document being written, indented two spaces per level.
pub(super) struct Xml {
    out: String,
    depth: usize,
}

impl Xml {
    /// A document that starts with the XML declaration.
    pub(super) fn new() -> Xml {
        Xml {
            out: String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
            depth: 0,
        }
    }

    /// `<name attrs…>`, to be closed with [`Xml::close`].
    pub(super) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str(">\n");
        self.depth += 1;
    }

    /// `</name>` for the innermost open element.
    pub(super) fn close(&mut self, name: &str) {
        self.depth -= 1;
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// `<name attrs…/>`.
    pub(super) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_tag(name, attrs);
        self.out.push_str("/>\n");
    }

    /// `<name attrs…>text</name>`, the text escaped.
    pub(super) fn text(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.start_tag(name, attrs);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push_str(">\n");
    }

    /// The finished document.
    pub(super) fn finish(self) -> String {
        debug_assert_eq!(self.depth, 0, "every element closed");
        self.out
    }

    fn start_tag(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }
}

/// `text` safe in element content and in a double-quoted attribute alike.
/// Tabs and line breaks are written as character references, because a
/// parser turns them into plain spaces in an attribute value otherwise.
/// Not the HTML report's escape: HTML keeps control characters as the
/// article has them, XML 1.0 forbids them.
pub(super) fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_escape(c) || !allowed(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r')
}

/// Is `c` a character XML 1.0 allows (its `Char` production)?
fn allowed(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r'
        | '\u{20}'..='\u{D7FF}'
        | '\u{E000}'..='\u{FFFD}'
        | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_breaks_are_escaped_and_forbidden_characters_replaced() {
        assert!(matches!(escape("Kyiv’s plan"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a<b>&\"c\"'d'"),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(escape("one\ttwo\nthree\r"), "one&#9;two&#10;three&#13;");
        assert_eq!(escape("form\u{C}feed\u{0}"), "form\u{FFFD}feed\u{FFFD}");
        assert_eq!(escape("\u{FFFE}Москва"), "\u{FFFD}Москва");
    }

    #[test]
    fn elements_nest_with_their_attributes() {
        let mut xml = Xml::new();
        xml.open("a", &[("x", "1 & 2")]);
        xml.empty("b", &[]);
        xml.text("c", &[("y", "<")], "t\"");
        xml.close("a");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <a x=\"1 &amp; 2\">\n  <b/>\n  <c y=\"&lt;\">t&quot;</c>\n</a>\n"
        );
    }
}
