//! Bytes of a file into text: detects the encoding (UTF-8 with or without BOM,
//! UTF-16 with or without BOM, legacy single-byte code pages), refuses binary
//! files and normalises line endings to LF.
//!
//! Pure: it never touches the file system and never interprets the text.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};
use std::fmt;

/// Why a file's bytes are not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Not text; the name of the format when its magic number is known.
    Binary(Option<&'static str>),
    /// No characters other than whitespace.
    Empty,
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unusable::Binary(Some(kind)) => write!(f, "binary file ({kind})"),
            Unusable::Binary(None) => f.write_str("binary file"),
            Unusable::Empty => f.write_str("empty"),
        }
    }
}

/// Formats that are sometimes saved with a text extension by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"MZ\x90\x00", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"\0asm", "WebAssembly module"),
];

/// How much of the start of a file the binary and UTF-16 checks look at.
const SAMPLE: usize = 8 * 1024;

/// Decode a whole file into text with LF line endings.
pub fn decode(bytes: &[u8]) -> Result<String, Unusable> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(Unusable::Binary(Some(kind)));
    }
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        text.into_owned()
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        text.into_owned()
    } else {
        if looks_binary(bytes) {
            return Err(Unusable::Binary(None));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => legacy(bytes),
        }
    };
    if text.trim().is_empty() {
        return Err(Unusable::Empty);
    }
    Ok(normalise_newlines(&text))
}

/// UTF-16 saved without a BOM: text in Latin script then has a NUL in every
/// other byte, on the odd positions for little endian and even for big endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in sample.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    // A binary file has NULs on both sides; UTF-16 text almost only on one.
    let many = |n: usize| n * 10 >= pairs * 3;
    let few = |n: usize| n * 20 <= pairs;
    if many(odd) && few(even) {
        Some(UTF_16LE)
    } else if many(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// NUL bytes or more than a trace of control characters near the start mean
/// the file is not text. Tab, LF, CR, form feed and ESC occur in real text.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    control * 100 > sample.len()
}

/// Text that is not valid UTF-8: a legacy code page, guessed from the bytes.
fn legacy(bytes: &[u8]) -> String {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text.into_owned()
}

/// CRLF and lone CR become LF.
pub fn normalise_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if big_endian {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("Kyiv – “yes”".as_bytes()).unwrap(), "Kyiv – “yes”");
        assert_eq!(decode(b"\xef\xbb\xbfHello").unwrap(), "Hello");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend(utf16("Talks “resume”", false));
        assert_eq!(decode(&le).unwrap(), "Talks “resume”");
        let mut be = vec![0xfe, 0xff];
        be.extend(utf16("Talks “resume”", true));
        assert_eq!(decode(&be).unwrap(), "Talks “resume”");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "The minister said the talks would go on.\r\nSecond line.";
        assert_eq!(
            decode(&utf16(text, false)).unwrap(),
            "The minister said the talks would go on.\nSecond line."
        );
        assert_eq!(
            decode(&utf16(text, true)).unwrap(),
            "The minister said the talks would go on.\nSecond line."
        );
    }

    #[test]
    fn cp1252_smart_quotes() {
        let bytes = b"He said \x93we will not sign\x94 and it\x92s final \x96 caf\xe9.";
        assert_eq!(
            decode(bytes).unwrap(),
            "He said “we will not sign” and it’s final – café."
        );
    }

    #[test]
    fn binary_by_magic_and_by_content() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(Unusable::Binary(Some("PNG image")))
        );
        assert_eq!(
            decode(b"%PDF-1.7\n%\xe2\xe3"),
            Err(Unusable::Binary(Some("PDF document")))
        );
        assert_eq!(
            decode(b"PK\x03\x04\x14\0"),
            Err(Unusable::Binary(Some("zip archive")))
        );
        assert_eq!(
            decode(b"abc\0\x01\x02\x03\xff\0\0\x10def\x05\x06"),
            Err(Unusable::Binary(None))
        );
        let controls: Vec<u8> = (0..200)
            .map(|i| if i % 5 == 0 { 0x02 } else { b'a' })
            .collect();
        assert_eq!(decode(&controls), Err(Unusable::Binary(None)));
    }

    #[test]
    fn empty_and_whitespace() {
        assert_eq!(decode(b""), Err(Unusable::Empty));
        assert_eq!(decode(b" \r\n\t\n"), Err(Unusable::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf\n"), Err(Unusable::Empty));
    }

    #[test]
    fn line_endings() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
    }
}
