//! A REFI-QDA project (`.qdpx`, QDA-XML project schema 1.0) for qualitative
//! analysis programs such as MAXQDA, ATLAS.ti and QualCoder: a zip with
//! `project.qde` and each analysed article's text as `Sources/GUID.txt`.
//!
//! The codebook nests party › issue › stance; every statement of the matrix
//! is a selection of its sentence, coded with its party › issue › stance code,
//! its review (origin and note) as the selection's description. Rejected
//! statements are left out: a coding says "this is so", and a person said it
//! is not.
//!
//! Positions in QDA-XML count characters (Unicode scalar values) of the text
//! file, while the model's spans are byte offsets into the same text; the text
//! is stored exactly as the spans index it, so converting the offsets is all
//! it takes. GUIDs are hashes of what they name, so the same corpus gives the
//! same file.

use super::xml::Xml;
use super::{ExportError, headline, summary_colour};
use crate::Analysis;
use crate::matrix::Matrix;
use crate::model::{Span, Stance, Statement};
use std::collections::HashSet;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The namespace of QDA-XML project files.
const NAMESPACE: &str = "urn:QDA-XML:project:1.0";

pub(super) fn render(analysis: &Analysis, matrix: &Matrix) -> Result<Vec<u8>, ExportError> {
    let project = project(analysis, matrix);
    let zip_error = ExportError::Zip;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    // No timestamps (the zip format's 1980 default): the same corpus gives
    // the same bytes.
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("project.qde", options).map_err(zip_error)?;
    zip.write_all(project.xml.as_bytes())
        .map_err(ExportError::Io)?;
    for (doc, guid) in analysis.documents.iter().zip(&project.source_guids) {
        zip.start_file(format!("Sources/{guid}.txt"), options)
            .map_err(zip_error)?;
        zip.write_all(doc.text.as_bytes())
            .map_err(ExportError::Io)?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// An article as a text source, with the selections coded in it.
struct Source {
    guid: String,
    selections: Vec<usize>,
}

/// `project.qde`, and the GUID of each document's source in document order.
struct Project {
    xml: String,
    source_guids: Vec<String>,
}

fn project(analysis: &Analysis, matrix: &Matrix) -> Project {
    let mut sources: Vec<Source> = analysis
        .documents
        .iter()
        .map(|d| Source {
            guid: guid(&["source", &d.file]),
            selections: Vec::new(),
        })
        .collect();
    for i in matrix.statements() {
        let s = &analysis.statements[i];
        if !s.is_rejected() {
            sources[s.doc].selections.push(i);
        }
    }
    let name = analysis
        .root
        .file_name()
        .map_or_else(|| "stancegrid".into(), |n| n.to_string_lossy());
    let origin = format!("stancegrid {}", env!("CARGO_PKG_VERSION"));
    let mut xml = Xml::new();
    xml.open(
        "Project",
        &[("xmlns", NAMESPACE), ("name", &name), ("origin", &origin)],
    );
    codebook(&mut xml, analysis);
    xml.open("Sources", &[]);
    let mut taken = HashSet::new();
    for (doc, source) in sources.iter().enumerate() {
        text_source(&mut xml, analysis, doc, source, &mut taken);
    }
    xml.close("Sources");
    xml.text(
        "Description",
        &[],
        &format!(
            "{} Rejected statements are left out.",
            headline(analysis, matrix)
        ),
    );
    xml.close("Project");
    Project {
        xml: xml.finish(),
        source_guids: sources.into_iter().map(|s| s.guid).collect(),
    }
}

/// Every party, with every issue under it, with every stance under that:
/// the codes a person can code with, not only the ones used.
fn codebook(xml: &mut Xml, analysis: &Analysis) {
    let lexicon = &analysis.lexicon;
    xml.open("CodeBook", &[]);
    xml.open("Codes", &[]);
    for actor in lexicon.actors() {
        let guid = code_guid(&actor.id, None, None);
        xml.open(
            "Code",
            &[
                ("guid", &guid),
                ("name", &actor.name),
                ("isCodable", "false"),
            ],
        );
        for issue in lexicon.issues() {
            let guid = code_guid(&actor.id, Some(&issue.id), None);
            xml.open(
                "Code",
                &[
                    ("guid", &guid),
                    ("name", &issue.name),
                    ("isCodable", "false"),
                ],
            );
            for stance in Stance::ALL {
                // A stance code has the tint of the matrix cells of that stance.
                let colour = format!("#{:06X}", summary_colour(stance.into()));
                let guid = code_guid(&actor.id, Some(&issue.id), Some(stance));
                xml.empty(
                    "Code",
                    &[
                        ("guid", &guid),
                        ("name", stance.as_str()),
                        ("isCodable", "true"),
                        ("color", &colour),
                    ],
                );
            }
            xml.close("Code");
        }
        xml.close("Code");
    }
    xml.close("Codes");
    xml.close("CodeBook");
}

/// The GUID of a party's code, of an issue's under it, or of a stance's
/// under that.
fn code_guid(actor: &str, issue: Option<&str>, stance: Option<Stance>) -> String {
    match (issue, stance) {
        (Some(issue), Some(stance)) => guid(&["code", actor, issue, stance.as_str()]),
        (Some(issue), None) => guid(&["code", actor, issue]),
        _ => guid(&["code", actor]),
    }
}

/// One article: its metadata as the description, its statements as coded
/// selections. `taken` holds the selection GUIDs given so far, so that two
/// identical statements still get two GUIDs.
fn text_source(
    xml: &mut Xml,
    analysis: &Analysis,
    doc: usize,
    source: &Source,
    taken: &mut HashSet<String>,
) {
    let document = &analysis.documents[doc];
    let path = format!("internal://{}.txt", source.guid);
    xml.open(
        "TextSource",
        &[
            ("guid", &source.guid),
            ("name", &document.file),
            ("plainTextPath", &path),
        ],
    );
    let mut about = vec![format!("title: {}", document.title)];
    if let Some(date) = &document.date {
        about.push(format!("date: {date}"));
    }
    about.push(format!("source: {}", document.source));
    xml.text("Description", &[], &about.join("\n"));
    let spans: Vec<Span> = source
        .selections
        .iter()
        .map(|&i| analysis.statements[i].sentence)
        .collect();
    let chars = CharOffsets::new(&document.text, &spans);
    for (&i, span) in source.selections.iter().zip(&spans) {
        let s = &analysis.statements[i];
        let guid = selection_guid(analysis, s, taken);
        let (start, end) = (chars.of(span.start), chars.of(span.end));
        let speaker = analysis.speaker(s);
        xml.open(
            "PlainTextSelection",
            &[
                ("guid", &guid),
                ("name", speaker),
                ("startPosition", &start.to_string()),
                ("endPosition", &end.to_string()),
            ],
        );
        xml.text("Description", &[], &review_text(s));
        xml.open("Coding", &[("guid", &self::guid(&["coding", &guid]))]);
        let code = code_guid(
            analysis.actor_id(s),
            Some(analysis.issue_id(s)),
            Some(s.stance),
        );
        xml.empty("CodeRef", &[("targetGUID", &code)]);
        xml.close("Coding");
        xml.close("PlainTextSelection");
    }
    xml.close("TextSource");
}

/// A GUID for statement `s` from its article, sentence and coding; the same
/// with a number added when an earlier statement already has it.
fn selection_guid(analysis: &Analysis, s: &Statement, taken: &mut HashSet<String>) -> String {
    let (start, end) = (s.sentence.start.to_string(), s.sentence.end.to_string());
    let parts = [
        "selection",
        analysis.documents[s.doc].file.as_str(),
        &start,
        &end,
        analysis.actor_id(s),
        analysis.issue_id(s),
        s.stance.as_str(),
    ];
    let mut candidate = guid(&parts);
    let mut n = 1usize;
    while !taken.insert(candidate.clone()) {
        n += 1;
        let nth = n.to_string();
        let mut more = parts.to_vec();
        more.push(&nth);
        candidate = guid(&more);
    }
    candidate
}

/// Who decided the statement, and the reviewer's note when there is one.
fn review_text(s: &Statement) -> String {
    match s.note() {
        "" => format!("origin: {}", s.origin().as_str()),
        note => format!("origin: {}\nnote: {note}", s.origin().as_str()),
    }
}

/// Character offsets of a few byte offsets into one text, counted in one
/// pass over the text rather than once per offset.
struct CharOffsets {
    /// Byte offset and the number of characters before it, by byte offset.
    known: Vec<(usize, usize)>,
}

impl CharOffsets {
    fn new(text: &str, spans: &[Span]) -> CharOffsets {
        let mut bytes: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut known = Vec::with_capacity(bytes.len());
        let (mut chars, mut from) = (0, 0);
        for byte in bytes {
            // Spans lie on character boundaries; one that does not fit the
            // text is clamped to its end rather than failing the export.
            let to = byte.min(text.len());
            chars += text.get(from..to).map_or(0, |t| t.chars().count());
            from = to;
            known.push((byte, chars));
        }
        CharOffsets { known }
    }

    /// The character offset of byte offset `byte`, one given to [`CharOffsets::new`].
    fn of(&self, byte: usize) -> usize {
        self.known
            .binary_search_by_key(&byte, |&(b, _)| b)
            .map_or(0, |i| self.known[i].1)
    }
}

/// A GUID (8-4-4-4-12 hex digits) derived from `parts`: FNV-1a over each
/// part's length and bytes, 128 bits, marked as an RFC 9562 version 8
/// (application-defined) UUID.
fn guid(parts: &[&str]) -> String {
    const BASIS: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let mut hash = BASIS;
    for part in parts {
        for byte in (part.len() as u64)
            .to_le_bytes()
            .iter()
            .chain(part.as_bytes())
        {
            hash ^= u128::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    let hash = (hash & !(0xF << 76) | (0x8 << 76)) & !(0x3 << 62) | (0x2 << 62);
    let hex = format!("{hash:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_have_the_uuid_form_and_depend_on_every_part() {
        let g = guid(&["code", "ukraine"]);
        assert_eq!(g.len(), 36);
        let groups: Vec<usize> = g.split('-').map(str::len).collect();
        assert_eq!(groups, [8, 4, 4, 4, 12]);
        assert!(g.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        assert_eq!(&g[14..15], "8", "version 8");
        assert!("89ab".contains(&g[19..20]), "RFC variant");
        assert_eq!(g, guid(&["code", "ukraine"]));
        assert_ne!(g, guid(&["code", "russia"]));
        // Parts are delimited by their lengths: moving a letter across changes it.
        assert_ne!(guid(&["ab", "c"]), guid(&["a", "bc"]));
    }

    #[test]
    fn byte_offsets_become_character_offsets() {
        let text = "Кремль said: “no”. Kyiv agreed.";
        let start = text.find("“no”").unwrap();
        let end = start + "“no”".len();
        let kyiv = text.find("Kyiv").unwrap();
        let spans = [Span::new(start, end), Span::new(0, kyiv)];
        let chars = CharOffsets::new(text, &spans);
        assert_eq!(chars.of(0), 0);
        assert_eq!(chars.of(start), 13);
        assert_eq!(chars.of(end), 17);
        assert_eq!(chars.of(kyiv), 19);
        let selected: String = text.chars().skip(13).take(4).collect();
        assert_eq!(selected, "“no”");
    }
}
