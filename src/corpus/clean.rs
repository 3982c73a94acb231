//! Tidies decoded text into the form every span points into: one trimmed line
//! per paragraph, at most one blank line between paragraphs, plain spaces for
//! control characters and odd spaces, no invisible characters.
//!
//! It changes layout only; it never drops or joins words (dropping is the job
//! of `boilerplate`, which only marks lines). What it returns is the text the
//! reader shows and every statement's sentence is cut from.

/// Trim every line, turn control characters and no-break spaces into
/// spaces, drop zero-width characters and collapse runs of blank lines.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = true;
    for line in text.split('\n') {
        // Most lines need no change: only rebuild those that do.
        let rebuilt: String;
        let line = if line.contains(|c| replacement(c) != Some(c)) {
            rebuilt = line.chars().filter_map(replacement).collect();
            rebuilt.as_str()
        } else {
            line
        };
        let line = line.trim();
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

/// What a character becomes in tidy text: a space for the odd spaces and
/// for control characters (a form feed, a NEL or an escape between two
/// words separates them, and the rules read words split by spaces), nothing
/// for the invisible ones.
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{a0}' | '\u{2007}' | '\u{202f}' => Some(' '),
        c if c.is_control() => Some(' '),
        // Joiners stay: emoji sequences and Persian script need them.
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => None,
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_collapses_blank_lines() {
        assert_eq!(
            tidy("\n\n  Title  \n\n\n\tFirst\u{a0}para. \n \nSecond\u{200b}.\n\n"),
            "Title\n\nFirst para.\n\nSecond."
        );
    }

    #[test]
    fn control_characters_separate_words() {
        assert_eq!(
            tidy("said\x0cUkraine\x0bwould\u{85}not\x1bsign\x07.\x0c"),
            "said Ukraine would not sign ."
        );
    }

    #[test]
    fn keeps_rtl_and_emoji() {
        assert_eq!(tidy("  שלום עולם 🙂 \n"), "שלום עולם 🙂");
    }
}
