//! Bytes of a file into text: detects the encoding (UTF-8 with or without BOM,
//! UTF-16 with or without BOM, legacy single-byte code pages), refuses binary
//! files (by magic number, by NUL and control bytes, or because the encoding
//! guessed for them gives no words) and normalises line endings to LF. UTF-8
//! with a few invalid bytes stays UTF-8, with those bytes replaced and counted.
//!
//! Pure: it never touches the file system, and it reads the text only as far
//! as telling words from noise.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use std::fmt;

/// A file's text, and what decoding had to change in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Bytes that were invalid in the file's encoding; each invalid sequence
    /// (a stray byte, a character cut short) became one U+FFFD.
    pub invalid_bytes: usize,
}

impl Decoded {
    /// What the user is told about the replaced bytes, if any were.
    pub fn warning(&self) -> Option<String> {
        match self.invalid_bytes {
            0 => None,
            1 => Some("1 invalid byte replaced".to_owned()),
            n => Some(format!("{n} invalid bytes replaced")),
        }
    }
}

/// Why a file's bytes are not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// Not text; the name of the format when its magic number is known.
    Binary(Option<&'static str>),
    /// No characters other than whitespace.
    Empty,
    /// Bytes that name no encoding and read as no words in the one guessed.
    NoWords,
}

impl fmt::Display for Unusable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unusable::Binary(Some(kind)) => write!(f, "binary file ({kind})"),
            Unusable::Binary(None) => f.write_str("binary file"),
            Unusable::Empty => f.write_str("empty"),
            Unusable::NoWords => {
                f.write_str("binary file (no words: mostly symbols and control characters)")
            }
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
pub fn decode(bytes: &[u8]) -> Result<Decoded, Unusable> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(Unusable::Binary(Some(kind)));
    }
    let (text, invalid_bytes) = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding == UTF_8 {
            lenient_utf8(&bytes[bom_len..])
        } else {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            (text.into_owned(), 0)
        }
    } else if let Some(encoding) = utf16_without_bom(bytes) {
        (guessed(encoding, bytes)?, 0)
    } else {
        if looks_binary(bytes) {
            return Err(Unusable::Binary(None));
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => (text.to_owned(), 0),
            Err(_) if mostly_utf8(bytes) => lenient_utf8(bytes),
            Err(_) => (guessed(legacy(bytes), bytes)?, 0),
        }
    };
    if text.trim().is_empty() {
        return Err(Unusable::Empty);
    }
    Ok(Decoded {
        text: normalise_newlines(&text),
        invalid_bytes,
    })
}

/// Whether bytes that are not valid UTF-8 are still mostly UTF-8. Read as
/// UTF-8, each invalid sequence loses one character; read in a legacy code
/// page, each valid multi-byte character turns into two to four wrong ones
/// ("cafÃ©"). The reading that damages fewer characters wins, so a cp1252 or
/// latin-1 file, whose accented letters are almost never valid UTF-8, stays
/// what it is.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multibyte, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().bytes().filter(|&b| b >= 0xc0).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid < multibyte
}

/// `bytes` as UTF-8 with each invalid sequence shown as U+FFFD, and how
/// many bytes were replaced.
fn lenient_utf8(bytes: &[u8]) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            invalid += chunk.invalid().len();
        }
    }
    (text, invalid)
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

/// The legacy code page of text that is not UTF-8, guessed from its bytes.
fn legacy(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// `bytes` in an encoding guessed from them, refused when they read as no
/// words in it: a guess always names some encoding, and in a legacy code
/// page every byte stands for something.
fn guessed(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, Unusable> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    if reads_as_words(&text) {
        Ok(text.into_owned())
    } else {
        Err(Unusable::NoWords)
    }
}

/// Below this many characters other than white space, text is not judged.
const JUDGED: usize = 100;

/// Whether `text` is made of words: in prose of any script, nine in ten or
/// more of the characters other than white space are letters or digits (the
/// rest punctuation). Random bytes in a legacy code page give about six in
/// ten, the rest symbols, control and unassigned characters; three in four
/// is the line between.
fn reads_as_words(text: &str) -> bool {
    let (mut chars, mut letters) = (0, 0);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        chars += 1;
        letters += usize::from(c.is_alphanumeric());
    }
    chars < JUDGED || letters * 4 >= chars * 3
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
        assert_eq!(
            decode("Kyiv – “yes”".as_bytes()).unwrap().text,
            "Kyiv – “yes”"
        );
        assert_eq!(decode(b"\xef\xbb\xbfHello").unwrap().text, "Hello");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend(utf16("Talks “resume”", false));
        assert_eq!(decode(&le).unwrap().text, "Talks “resume”");
        let mut be = vec![0xfe, 0xff];
        be.extend(utf16("Talks “resume”", true));
        assert_eq!(decode(&be).unwrap().text, "Talks “resume”");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let text = "The minister said the talks would go on.\r\nSecond line.";
        assert_eq!(
            decode(&utf16(text, false)).unwrap().text,
            "The minister said the talks would go on.\nSecond line."
        );
        assert_eq!(
            decode(&utf16(text, true)).unwrap().text,
            "The minister said the talks would go on.\nSecond line."
        );
    }

    #[test]
    fn cp1252_smart_quotes() {
        let bytes = b"He said \x93we will not sign\x94 and it\x92s final \x96 caf\xe9.";
        assert_eq!(
            decode(bytes).unwrap().text,
            "He said “we will not sign” and it’s final – café."
        );
    }

    #[test]
    fn mostly_utf8_keeps_its_characters_and_counts_the_bad_bytes() {
        let bytes = ["“Oui”, café, Zürich: ".as_bytes(), b"\xff\xfe"].concat();
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "“Oui”, café, Zürich: \u{fffd}\u{fffd}");
        assert_eq!(
            decoded.warning().as_deref(),
            Some("2 invalid bytes replaced")
        );
        let bom = decode(b"\xef\xbb\xbfcaf\xc3\xa9 \x80").unwrap();
        assert_eq!(bom.text, "café \u{fffd}");
        assert_eq!(bom.warning().as_deref(), Some("1 invalid byte replaced"));
        // As many invalid sequences as valid characters: a legacy code page.
        assert_eq!(decode(b"caf\xc3\xa9 na\xefve").unwrap().text, "cafÃ© naïve");
        assert_eq!(decode("plain café".as_bytes()).unwrap().warning(), None);
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
    fn legacy_text_of_any_script_reads_as_words() {
        let texts = [
            (
                encoding_rs::WINDOWS_1251,
                "Министр заявил, что переговоры в Женеве продолжатся на следующей неделе.",
            ),
            (
                encoding_rs::WINDOWS_1253,
                "Ο υπουργός δήλωσε ότι οι συνομιλίες θα συνεχιστούν την επόμενη εβδομάδα.",
            ),
            (
                encoding_rs::WINDOWS_1256,
                "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل في جنيف.",
            ),
            (
                encoding_rs::WINDOWS_874,
                "รัฐมนตรีกล่าวว่าการเจรจาจะดำเนินต่อไปในสัปดาห์หน้าที่เจนีวา",
            ),
            (
                encoding_rs::GBK,
                "外交部长表示，谈判将于下周在日内瓦继续举行。政府拒绝任何没有安全保障的停火提议。",
            ),
            (
                encoding_rs::SHIFT_JIS,
                "外務大臣は、交渉は来週ジュネーブで続けられると述べた。",
            ),
            (
                encoding_rs::EUC_KR,
                "외무장관은 협상이 다음 주 제네바에서 계속될 것이라고 말했다.",
            ),
        ];
        for (encoding, sentence) in texts {
            let text = format!("{sentence}\n").repeat(4);
            let (bytes, _, unmappable) = encoding.encode(&text);
            assert!(!unmappable, "{}", encoding.name());
            assert_eq!(
                decode(&bytes).map(|d| d.text),
                Ok(text),
                "{}",
                encoding.name()
            );
        }
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
