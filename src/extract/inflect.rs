//! English inflections of a lexicon word, so that a concept lists "join"
//! once and matches "joins", "joined" and "joining".
//!
//! Over-generation is harmless here: a form that no text contains ("memberred")
//! never matches. Only plain lower-case words are inflected; phrases,
//! capitalised names and `*` prefixes stand as written.

/// Irregular verbs common in news reporting of talks, with their past forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("become", &["became"]),
    ("bring", &["brought"]),
    ("draw", &["drew", "drawn"]),
    ("fight", &["fought"]),
    ("give", &["gave", "given"]),
    ("hold", &["held"]),
    ("keep", &["kept"]),
    ("leave", &["left"]),
    ("lose", &["lost"]),
    ("put", &["put"]),
    ("seek", &["sought"]),
    ("send", &["sent"]),
    ("set", &["set"]),
    ("stand", &["stood"]),
    ("take", &["took", "taken"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("cut", &["cut"]),
];

/// `word` and its inflected forms (plural or third person, past, gerund).
pub fn forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let plain = !word.is_empty()
        && word.len() > 2
        && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    if !plain {
        return out;
    }
    let last = word.as_bytes()[word.len() - 1];
    let before_last = word.as_bytes()[word.len() - 2];
    let stem = &word[..word.len() - 1];
    // -s / -es / -ies
    if last == b'y' && !is_vowel(before_last) {
        out.push(format!("{stem}ies"));
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        out.push(format!("{word}es"));
    } else {
        out.push(format!("{word}s"));
    }
    // -ed / -ing
    if last == b'e' {
        out.push(format!("{word}d"));
        if before_last != b'e' {
            out.push(format!("{stem}ing"));
        } else {
            out.push(format!("{word}ing"));
        }
    } else if last == b'y' && !is_vowel(before_last) {
        out.push(format!("{stem}ied"));
        out.push(format!("{word}ing"));
    } else if doubles_final_consonant(word) {
        let c = last as char;
        out.push(format!("{word}{c}ed"));
        out.push(format!("{word}{c}ing"));
    } else {
        out.push(format!("{word}ed"));
        out.push(format!("{word}ing"));
    }
    if let Some((_, past)) = IRREGULAR.iter().find(|(base, _)| *base == word) {
        out.extend(past.iter().map(|p| p.to_string()));
    }
    out.dedup();
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// One-syllable verbs ending consonant-vowel-consonant double it: stop →
/// stopped, cap → capping (but not "join", "halt", "pull" or "open").
fn doubles_final_consonant(word: &str) -> bool {
    let b = word.as_bytes();
    let n = b.len();
    // Stressed "-mit" doubles too: admit → admitted, commit → committing.
    if word.ends_with("mit") {
        return true;
    }
    (n == 3 || (n == 4 && !is_vowel(b[0])))
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

#[cfg(test)]
mod tests {
    use super::forms;

    #[test]
    fn regular_verbs_take_s_ed_and_ing() {
        assert_eq!(forms("join"), ["join", "joins", "joined", "joining"]);
        assert_eq!(forms("cede"), ["cede", "cedes", "ceded", "ceding"]);
    }

    #[test]
    fn short_verbs_double_their_last_consonant() {
        assert!(forms("stop").contains(&"stopped".to_string()));
        assert!(forms("cap").contains(&"capping".to_string()));
        assert!(!forms("pull").contains(&"pullled".to_string()));
        assert!(forms("open").contains(&"opened".to_string()));
        assert!(forms("admit").contains(&"admitted".to_string()));
    }

    #[test]
    fn irregular_pasts_are_known() {
        assert!(forms("withdraw").contains(&"withdrew".to_string()));
        assert!(forms("give").contains(&"given".to_string()));
    }

    #[test]
    fn nouns_take_their_plural() {
        assert!(forms("member").contains(&"members".to_string()));
        assert!(forms("assurance").contains(&"assurances".to_string()));
        assert!(forms("ceiling").contains(&"ceilings".to_string()));
    }

    #[test]
    fn names_phrases_and_short_words_stand_as_written() {
        assert_eq!(forms("EU"), ["EU"]);
        assert_eq!(forms("the bloc"), ["the bloc"]);
        assert_eq!(forms("of"), ["of"]);
    }
}
