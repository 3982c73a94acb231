//! Tidies decoded text into the form every span points into: one trimmed line
//! per paragraph, at most one blank line between paragraphs, no invisible or
//! control characters.
//!
//! It changes layout only; it never drops words (that is the job of
//! `boilerplate`, which only marks lines).

/// Trim every line, drop control and zero-width characters, turn no-break
/// spaces into spaces and collapse runs of blank lines.
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

/// What a character becomes in tidy text: spaces for the odd spaces,
/// nothing for invisible and control characters.
fn replacement(c: char) -> Option<char> {
    match c {
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' => Some(' '),
        // Joiners stay: emoji sequences and Persian script need them.
        '\u{200b}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => None,
        c if c.is_control() => None,
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
    fn keeps_rtl_and_emoji() {
        assert_eq!(tidy("  שלום עולם 🙂 \n"), "שלום עולם 🙂");
    }
}
