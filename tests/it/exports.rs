//! Exports: a small analysis in, every format out and read back; a filtered
//! matrix exports less; a failed write leaves the old file as it was.

use serde_json::Value;
use stancegrid::export::{self, ExportError, Format};
use stancegrid::matrix::{Filter, Matrix};
use stancegrid::{Analysis, Cue, CueKind, Document, Lexicon, Skipped, Span, Stance, Statement};
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;

const KYIV: &str = "Talks, day two.\n\
=cmd|' /C calc'!A0 rejects ceding territory, said Zelensky.\n\
Ukraine supports NATO membership, said the minister.\n";

const MOSCOW: &str = "“We reject foreign troops, <script>alert('x')</script>, \"final\",\nnow,” said @x in Москва.\n\
The Kremlin is open to a ceasefire only if sanctions end.\n\
The Kremlin would welcome foreign troops leaving.\n";

const ZELENSKY_SENTENCE: &str = "=cmd|' /C calc'!A0 rejects ceding territory, said Zelensky.";
const SCRIPT_QUOTE: &str =
    "We reject foreign troops, <script>alert('x')</script>, \"final\",\nnow,";

/// The byte span of the first `needle` in `text` at or after `from`.
fn find(text: &str, needle: &str, from: usize) -> Span {
    let start = from + text[from..].find(needle).expect("needle in fixture text");
    Span::new(start, start + needle.len())
}

fn cue(kind: CueKind, text: &str, needle: &str, sentence: Span) -> Cue {
    Cue {
        kind,
        span: find(text, needle, sentence.start),
    }
}

struct Fixture {
    doc: usize,
    actor: &'static str,
    issue: &'static str,
    stance: Stance,
    sentence: &'static str,
    speaker: &'static str,
    quote: Option<&'static str>,
    cues: &'static [(CueKind, &'static str)],
}

/// Two articles with markup, formulas, curly quotes and Cyrillic in their text.
pub(super) fn analysis() -> Analysis {
    let lexicon = Arc::new(Lexicon::builtin());
    let documents = vec![
        Document {
            file: "kyiv/a.txt".into(),
            path: PathBuf::from("/corpus/kyiv/a.txt"),
            title: "Talks in Kyiv, day \"two\"".into(),
            date: Some("2025-03-01".into()),
            source: "https://example.org/a?x=1&y=2".into(),
            text: KYIV.into(),
            content: vec![Span::new(0, KYIV.len())],
            warnings: Vec::new(),
        },
        Document {
            file: "b.html".into(),
            path: PathBuf::from("/corpus/b.html"),
            title: "Moscow’s <script>alert(1)</script> view".into(),
            date: None,
            source: "b.html".into(),
            text: MOSCOW.into(),
            content: vec![Span::new(0, MOSCOW.len())],
            warnings: Vec::new(),
        },
    ];
    let fixtures = [
        Fixture {
            doc: 0,
            actor: "ukraine",
            issue: "territory",
            stance: Stance::Oppose,
            sentence: ZELENSKY_SENTENCE,
            speaker: "Zelensky",
            quote: None,
            cues: &[(CueKind::Stance, "rejects"), (CueKind::Issue, "territory")],
        },
        Fixture {
            doc: 0,
            actor: "ukraine",
            issue: "nato_membership",
            stance: Stance::Support,
            sentence: "Ukraine supports NATO membership, said the minister.",
            speaker: "the minister",
            quote: None,
            cues: &[
                (CueKind::Actor, "Ukraine"),
                (CueKind::Stance, "supports"),
                (CueKind::Issue, "NATO membership"),
            ],
        },
        Fixture {
            doc: 1,
            actor: "russia",
            issue: "foreign_troops",
            stance: Stance::Oppose,
            sentence: "“We reject foreign troops, <script>alert('x')</script>, \"final\",\nnow,” said @x in Москва.",
            speaker: "@x",
            quote: Some(SCRIPT_QUOTE),
            cues: &[
                (CueKind::Stance, "reject"),
                (CueKind::Issue, "foreign troops"),
            ],
        },
        Fixture {
            doc: 1,
            actor: "russia",
            issue: "ceasefire",
            stance: Stance::Conditional,
            sentence: "The Kremlin is open to a ceasefire only if sanctions end.",
            speaker: "The Kremlin",
            quote: None,
            cues: &[
                (CueKind::Actor, "The Kremlin"),
                (CueKind::Issue, "ceasefire"),
                (CueKind::Stance, "only if"),
            ],
        },
        Fixture {
            doc: 1,
            actor: "russia",
            issue: "foreign_troops",
            stance: Stance::Support,
            sentence: "The Kremlin would welcome foreign troops leaving.",
            speaker: "The Kremlin",
            quote: None,
            cues: &[(CueKind::Stance, "welcome")],
        },
    ];
    let statements = fixtures
        .iter()
        .map(|f| {
            let text = &documents[f.doc].text;
            let sentence = find(text, f.sentence, 0);
            Statement {
                doc: f.doc,
                actor: lexicon.actor_index(f.actor).expect("actor in lexicon"),
                issue: lexicon.issue_index(f.issue).expect("issue in lexicon"),
                stance: f.stance,
                speaker: find(text, f.speaker, sentence.start),
                sentence,
                quote: f.quote.map(|q| find(text, q, sentence.start)),
                cues: f
                    .cues
                    .iter()
                    .map(|(kind, word)| cue(*kind, text, word, sentence))
                    .collect(),
                grade: None,
                review: None,
            }
        })
        .collect();
    Analysis::new(
        PathBuf::from("/corpus"),
        lexicon,
        documents,
        statements,
        vec![Skipped {
            file: "broken.pdf".into(),
            reason: "not a text file".into(),
        }],
    )
}

pub(super) fn everything(analysis: &Analysis) -> Matrix {
    Matrix::build(analysis, &Filter::default())
}

fn render(format: Format, analysis: &Analysis, matrix: &Matrix) -> Vec<u8> {
    export::render(format, analysis, matrix).expect("renders")
}

fn json(analysis: &Analysis, matrix: &Matrix) -> Value {
    serde_json::from_slice(&render(Format::Json, analysis, matrix)).expect("valid JSON")
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "CSV starts with a BOM");
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn json_has_schema_labels_statements_with_spans_and_cells() {
    let a = analysis();
    let v = json(&a, &everything(&a));
    assert_eq!(v["schema"], "stancegrid/positions@2");
    assert_eq!(
        v["actors"].as_array().unwrap().len(),
        a.lexicon.actors().len()
    );
    assert_eq!(v["actors"][0]["id"], "ukraine");
    assert_eq!(v["issues"][0]["id"], "nato_membership");
    assert_eq!(v["issues"][0]["name"], a.lexicon.issues()[0].name.as_str());

    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["file"], "kyiv/a.txt");
    assert_eq!(docs[0]["title"], "Talks in Kyiv, day \"two\"");
    assert_eq!(docs[0]["date"], "2025-03-01");
    assert_eq!(docs[1]["date"], Value::Null);
    assert_eq!(docs[1]["source"], "b.html");

    let statements = v["statements"].as_array().unwrap();
    assert_eq!(statements.len(), 5);
    for (s, out) in a.statements.iter().zip(statements) {
        let text = &a.documents[s.doc].text;
        let (start, end) = (out["start"].as_u64().unwrap(), out["end"].as_u64().unwrap());
        assert_eq!(out["sentence"], &text[start as usize..end as usize]);
        for c in out["cues"].as_array().unwrap() {
            let (start, end) = (c["start"].as_u64().unwrap(), c["end"].as_u64().unwrap());
            assert_eq!(c["text"], &text[start as usize..end as usize]);
            assert!(["actor", "issue", "stance"].contains(&c["kind"].as_str().unwrap()));
        }
    }
    // JSON is for programs: text stays exactly as written, formulas included.
    assert_eq!(statements[0]["sentence"], ZELENSKY_SENTENCE);
    assert_eq!(statements[0]["file"], "kyiv/a.txt");
    assert_eq!(statements[0]["actor"], "ukraine");
    assert_eq!(statements[0]["issue"], "territory");
    assert_eq!(statements[0]["stance"], "oppose");
    assert_eq!(statements[0]["speaker"], "Zelensky");
    assert_eq!(statements[0]["quote"], Value::Null);
    assert_eq!(statements[0]["cues"][0]["kind"], "stance");
    assert_eq!(statements[0]["cues"][0]["text"], "rejects");
    assert_eq!(statements[2]["quote"], SCRIPT_QUOTE);
    assert_eq!(statements[2]["speaker"], "@x");

    let cells = v["cells"].as_array().unwrap();
    let cell = |actor: &str, issue: &str| {
        cells
            .iter()
            .find(|c| c["actor"] == actor && c["issue"] == issue)
            .unwrap_or_else(|| panic!("cell {actor} × {issue}"))
    };
    assert_eq!(cells.len(), 4, "only non-empty cells");
    assert_eq!(cell("ukraine", "territory")["summary"], "oppose");
    let mixed = cell("russia", "foreign_troops");
    assert_eq!(mixed["summary"], "mixed");
    assert_eq!(
        (
            &mixed["support"],
            &mixed["oppose"],
            &mixed["conditional"],
            &mixed["statements"]
        ),
        (
            &Value::from(1),
            &Value::from(1),
            &Value::from(0),
            &Value::from(2)
        )
    );
    assert_eq!(cell("russia", "ceasefire")["summary"], "conditional");

    assert_eq!(v["skipped"][0]["file"], "broken.pdf");
    assert_eq!(v["skipped"][0]["reason"], "not a text file");
}

#[test]
fn position_csv_has_every_cell_in_lexicon_order() {
    let a = analysis();
    let (header, rows) = csv_rows(&render(Format::PositionsCsv, &a, &everything(&a)));
    assert_eq!(
        header,
        [
            "actor",
            "actor_name",
            "issue",
            "issue_name",
            "summary",
            "support",
            "oppose",
            "conditional",
            "statements"
        ]
    );
    let (actors, issues) = (a.lexicon.actors(), a.lexicon.issues());
    assert_eq!(rows.len(), actors.len() * issues.len());
    assert_eq!(rows[0][0], actors[0].id);
    assert_eq!(rows[0][2], issues[0].id);
    assert_eq!(rows[1][2], issues[1].id);
    let row = |actor: &str, issue: &str| {
        rows.iter()
            .find(|r| r[0] == actor && r[2] == issue)
            .expect("row for every cell")
    };
    assert_eq!(
        row("russia", "foreign_troops")[4..],
        ["mixed", "1", "1", "0", "2"]
    );
    assert_eq!(
        row("ukraine", "territory")[4..],
        ["oppose", "0", "1", "0", "1"]
    );
    assert_eq!(row("nato", "army_size")[4..], ["", "0", "0", "0", "0"]);
}

#[test]
fn statements_csv_keeps_exact_quotes_and_neutralises_formulas() {
    let a = analysis();
    let (header, rows) = csv_rows(&render(Format::StatementsCsv, &a, &everything(&a)));
    assert_eq!(
        header,
        [
            "file", "title", "date", "source", "actor", "issue", "stance", "speaker", "sentence",
            "quote", "start", "end", "cues", "origin", "rejected", "grade", "original", "note"
        ]
    );
    assert_eq!(rows.len(), 5);
    let first = &rows[0];
    assert_eq!(
        first[..4],
        [
            "kyiv/a.txt",
            "Talks in Kyiv, day \"two\"",
            "2025-03-01",
            "https://example.org/a?x=1&y=2"
        ]
    );
    assert_eq!(first[4..8], ["ukraine", "territory", "oppose", "Zelensky"]);
    assert_eq!(first[8], format!("'{ZELENSKY_SENTENCE}"));
    assert_eq!(first[9], "");
    let sentence = a.statements[0].sentence;
    assert_eq!(first[10], sentence.start.to_string());
    assert_eq!(first[11], sentence.end.to_string());
    assert_eq!(first[12], "stance:rejects; issue:territory");

    let quoted = &rows[2];
    assert_eq!(quoted[0], "b.html");
    assert_eq!(quoted[1], "Moscow’s <script>alert(1)</script> view");
    assert_eq!(quoted[2], "");
    assert_eq!(quoted[7], "'@x");
    assert_eq!(quoted[9], SCRIPT_QUOTE);
    assert!(quoted[8].contains("Москва") && quoted[8].contains('\n'));
}

#[test]
fn markdown_is_a_table_of_actors_by_issues() {
    let a = analysis();
    let md = String::from_utf8(render(Format::Markdown, &a, &everything(&a))).unwrap();
    assert!(
        md.contains("5 statements (2 support, 2 oppose, 1 conditional)"),
        "{md}"
    );
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    let (actors, issues) = (a.lexicon.actors(), a.lexicon.issues());
    assert_eq!(table.len(), 2 + actors.len());
    for line in &table {
        assert_eq!(line.matches(" |").count(), issues.len() + 1, "{line}");
    }
    let russia = table
        .iter()
        .find(|l| l.starts_with("| Russia |"))
        .expect("a row per actor");
    assert!(russia.contains("| mixed (1+ 1−) |"), "{russia}");
    assert!(russia.contains("| conditional (1) |"), "{russia}");
    assert!(russia.contains("| – |"), "{russia}");
}

/// The named parts of an XLSX workbook, as XML text.
fn xlsx_parts(bytes: Vec<u8>, names: &[&str]) -> Vec<String> {
    assert!(bytes.starts_with(b"PK"));
    let mut zip = zip::ZipArchive::new(io::Cursor::new(bytes)).expect("a zip file");
    names
        .iter()
        .map(|name| {
            let mut xml = String::new();
            zip.by_name(name)
                .unwrap_or_else(|_| panic!("{name} in workbook"))
                .read_to_string(&mut xml)
                .unwrap();
            xml
        })
        .collect()
}

#[test]
fn xlsx_is_a_workbook_with_exact_text_that_never_runs() {
    let a = analysis();
    let parts = xlsx_parts(
        render(Format::Xlsx, &a, &everything(&a)),
        &[
            "xl/workbook.xml",
            "xl/sharedStrings.xml",
            "xl/worksheets/sheet3.xml",
        ],
    );
    let [workbook, strings, statements] = &parts[..] else {
        unreachable!()
    };
    for sheet in ["Positions", "Cells", "Statements"] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{workbook}"
        );
    }
    // Text cells are strings, which a spreadsheet never runs as formulas,
    // so the quote is kept as written: no guard in front of it.
    assert!(strings.contains(">=cmd|"), "{strings}");
    assert!(!strings.contains(">'=cmd"));
    assert!(strings.contains(">@x<"));
    assert!(!statements.contains("<f>"), "no formula cells");
    assert!(strings.contains("mixed (1+ 1−)"));
    assert!(strings.contains("Москва"));
    assert!(
        statements.contains("<autoFilter ref=\"A1:R6\""),
        "{statements}"
    );
    assert!(statements.contains("state=\"frozen\""));
}

/// Most UTF-16 units an Excel cell holds.
const EXCEL_CELL_LIMIT: usize = 32_767;

#[test]
fn xlsx_cuts_a_cell_over_the_excel_limit_and_says_so() {
    let mut a = analysis();
    // Characters outside the BMP count twice in Excel (UTF-16).
    let text = format!("Kyiv rejects foreign troops {}.\n", "𝄞".repeat(20_000));
    let sentence = Span::new(0, text.len() - 1);
    a.documents.push(Document {
        file: "long.txt".into(),
        path: PathBuf::from("/corpus/long.txt"),
        title: "Long".into(),
        date: None,
        source: "long.txt".into(),
        content: vec![sentence],
        text: text.clone(),
        warnings: Vec::new(),
    });
    a.statements.push(Statement {
        doc: 2,
        actor: a.lexicon.actor_index("ukraine").unwrap(),
        issue: a.lexicon.issue_index("foreign_troops").unwrap(),
        stance: Stance::Oppose,
        speaker: find(&text, "Kyiv", 0),
        sentence,
        quote: None,
        cues: vec![],
        grade: None,
        review: None,
    });
    let matrix = everything(&a);
    let mut bytes = Vec::new();
    let changes = export::render_to(Format::Xlsx, &a, &matrix, &mut bytes).expect("renders");
    assert_eq!(changes.truncated_cells, 1);
    let warning = changes.warning().expect("a warning");
    assert!(warning.contains("1 cell "), "{warning}");
    let [strings] = &xlsx_parts(bytes, &["xl/sharedStrings.xml"])[..] else {
        unreachable!()
    };
    let end = strings.find("… [truncated]</t>").expect("a cut cell") + "… [truncated]".len();
    let start = strings[..end].rfind("<t>").unwrap() + "<t>".len();
    let cut = &strings[start..end];
    assert!(cut.starts_with("Kyiv rejects foreign troops 𝄞"));
    let units = cut.encode_utf16().count();
    assert!(
        (EXCEL_CELL_LIMIT - 1..=EXCEL_CELL_LIMIT).contains(&units),
        "{units}"
    );
    // The rest of the workbook is there, and CSV keeps the whole sentence.
    assert!(strings.contains("Москва"));
    assert_eq!(
        export::render_to(Format::StatementsCsv, &a, &matrix, &mut io::sink())
            .unwrap()
            .truncated_cells,
        0
    );
    let (_, rows) = csv_rows(&render(Format::StatementsCsv, &a, &matrix));
    assert!(rows.iter().any(|r| r[8] == text[..text.len() - 1]));
}

#[test]
fn html_report_escapes_everything_from_documents() {
    let a = analysis();
    let html = String::from_utf8(render(Format::Html, &a, &everything(&a))).unwrap();
    assert!(
        !html.contains("<script"),
        "no markup from documents survives"
    );
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("Moscow’s &lt;script&gt;alert(1)&lt;/script&gt; view"));
    assert!(html.contains("<mark class=\"stance\" title=\"stance cue\">rejects</mark>"));
    assert!(html.contains("href=\"https://example.org/a?x=1&amp;y=2\""));
    // Summaries read without colour too.
    assert!(html.contains("± mixed (1+ 1−)"));
    assert!(html.contains("− oppose (1)"));
    // Self-contained: nothing is loaded from elsewhere.
    for external in ["<link", "src=", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
    assert_eq!(html.matches("<article class=\"statement\">").count(), 5);
    assert!(html.contains("broken.pdf"));
}

#[test]
fn a_filtered_matrix_exports_only_its_statements() {
    let a = analysis();
    let oppose_only = Filter {
        stances: [false, true, false],
        ..Filter::default()
    };
    let matrix = Matrix::build(&a, &oppose_only);
    let v = json(&a, &matrix);
    let stances: Vec<&str> = v["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["stance"].as_str().unwrap())
        .collect();
    assert_eq!(stances, ["oppose", "oppose"]);
    assert_eq!(v["cells"].as_array().unwrap().len(), 2);
    let (_, rows) = csv_rows(&render(Format::StatementsCsv, &a, &matrix));
    assert_eq!(rows.len(), 2);
    let html = String::from_utf8(render(Format::Html, &a, &matrix)).unwrap();
    assert_eq!(html.matches("<article class=\"statement\">").count(), 2);
    let md = String::from_utf8(render(Format::Markdown, &a, &matrix)).unwrap();
    let table: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert!(table.iter().any(|l| l.contains("| oppose (1) |")));
    assert!(!table.iter().any(|l| l.contains("mixed")), "{md}");
}

#[test]
fn every_format_writes_a_file_with_its_extension() {
    let a = analysis();
    let matrix = everything(&a);
    let dir = tempfile::tempdir().unwrap();
    for format in Format::ALL {
        let path = dir.path().join(format.default_file_name());
        export::write(&path, format, &a, &matrix).expect("writes");
        assert_eq!(path.extension().unwrap(), format.extension());
        let (written, rendered) = (std::fs::read(&path).unwrap(), render(format, &a, &matrix));
        if format == Format::Xlsx {
            // A workbook records the second it was made in its properties, so
            // two renders straddling a second differ there; the sheets may not.
            let sheets = [
                "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml",
                "xl/worksheets/sheet3.xml",
                "xl/sharedStrings.xml",
            ];
            assert_eq!(xlsx_parts(written, &sheets), xlsx_parts(rendered, &sheets));
        } else {
            assert_eq!(written, rendered, "{format}");
        }
    }
}

#[test]
fn overwriting_an_existing_file_replaces_it() {
    let a = analysis();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("positions.md");
    std::fs::write(&path, "old table").unwrap();
    export::write(&path, Format::Markdown, &a, &everything(&a)).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Position table")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn a_missing_folder_or_a_directory_is_a_clear_error() {
    let a = analysis();
    let matrix = everything(&a);
    let dir = tempfile::tempdir().unwrap();

    let missing = dir.path().join("no/such/folder/out.csv");
    let err = export::write(&missing, Format::PositionsCsv, &a, &matrix).unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, ExportError::Write { .. }));
    assert!(
        message.contains(&missing.display().to_string()),
        "{message}"
    );
    assert!(message.contains("no/such/folder"), "{message}");

    let err = export::write(dir.path(), Format::Json, &a, &matrix).unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
    assert!(dir.path().is_dir());
}

/// A writer that takes `room` bytes, then fails like a full disk.
struct FullDisk<'a> {
    file: &'a mut File,
    room: usize,
}

impl Write for FullDisk<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ));
        }
        let n = self.file.write(&buf[..buf.len().min(self.room)])?;
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// An error and its causes, joined as the command line prints them.
fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        text.push_str(&format!(": {c}"));
        cause = c.source();
    }
    text
}

#[test]
fn a_full_disk_leaves_the_old_file_intact() {
    let a = analysis();
    let bytes = render(Format::StatementsCsv, &a, &everything(&a));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("statements.csv");
    std::fs::write(&path, "the old export\n").unwrap();

    let err =
        export::write_atomic_with(&path, &bytes, |file| Box::new(FullDisk { file, room: 10 }))
            .unwrap_err();
    let message = err.to_string();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains("no space left on device"), "{message}");
    assert_eq!(chain(&err).matches("no space left on device").count(), 1);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "the old export\n");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "temporary file removed"
    );
}

#[test]
fn a_long_file_name_is_written() {
    let a = analysis();
    let dir = tempfile::tempdir().unwrap();
    // 255 bytes, the longest name a file system takes; and one of two-byte characters.
    for name in [
        format!("{}.md", "p".repeat(252)),
        format!("{}.md", "é".repeat(125)),
    ] {
        let path = dir.path().join(&name);
        export::write(&path, Format::Markdown, &a, &everything(&a))
            .unwrap_or_else(|e| panic!("{} bytes: {e}", name.len()));
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .starts_with("# Position table")
        );
        std::fs::remove_file(&path).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_is_written_through_to_its_target() {
    let a = analysis();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("table.md");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink("table.md", &link).unwrap();
    // A link to a file not there yet creates it.
    let dangling = dir.path().join("new-link.md");
    std::os::unix::fs::symlink(dir.path().join("new.md"), &dangling).unwrap();
    for path in [&link, &dangling] {
        export::write(path, Format::Markdown, &a, &everything(&a)).unwrap();
        assert!(
            std::fs::symlink_metadata(path)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    for written in ["table.md", "new.md"] {
        let text = std::fs::read_to_string(dir.path().join(written)).unwrap();
        assert!(text.starts_with("# Position table"), "{written}: {text}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 4);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let a = analysis();
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    crate::special_files::fifo(&pipe);
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = pipe.clone();
    std::thread::spawn(move || {
        let mut text = String::new();
        File::open(reader)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        tx.send(text).unwrap();
    });
    export::write(&pipe, Format::Markdown, &a, &everything(&a)).unwrap();
    assert!(
        std::fs::symlink_metadata(&pipe)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let read = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("the reader got the export");
    assert!(read.starts_with("# Position table"), "{read}");
}

#[cfg(unix)]
#[test]
fn a_device_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let a = analysis();
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    if !crate::special_files::char_device(&null, 1, 3) {
        return;
    }
    export::write(&null, Format::Json, &a, &everything(&a)).unwrap();
    assert!(
        std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    let full = dir.path().join("full");
    assert!(crate::special_files::char_device(&full, 1, 7));
    let err = export::write(&full, Format::Json, &a, &everything(&a)).unwrap_err();
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert!(
        std::fs::symlink_metadata(&full)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temporary file"
    );
}

#[cfg(unix)]
#[test]
fn an_article_of_the_analysis_is_never_overwritten() {
    let mut a = analysis();
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, KYIV).unwrap();
    a.documents[0].path = article.clone();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink(&article, &link).unwrap();
    for path in [&article, &link] {
        let err = export::write(path, Format::PositionsCsv, &a, &everything(&a)).unwrap_err();
        assert!(
            err.to_string()
                .contains("it is the article kyiv/a.txt of the analysed folder"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&article).unwrap(), KYIV);
    }
}

#[test]
fn every_pair_of_parties_is_exported_with_the_issues_behind_its_numbers() {
    let a = analysis();
    let matrix = everything(&a);
    let actors = a.lexicon.actors().len();
    // Ukraine holds one stance on territory and NATO; Russia a mixed one on
    // foreign troops and a condition on a ceasefire: nothing to compare.
    let ukraine_russia = "nato_membership; foreign_troops; territory; ceasefire";

    let (header, rows) = csv_rows(&render(Format::AgreementCsv, &a, &matrix));
    assert_eq!(
        header[..7],
        [
            "actor_a",
            "actor_a_name",
            "actor_b",
            "actor_b_name",
            "agree",
            "conflict",
            "incomparable"
        ]
    );
    assert_eq!(rows.len(), actors * (actors - 1) / 2);
    let row = rows
        .iter()
        .find(|r| r[0] == "ukraine" && r[2] == "russia")
        .expect("a row for the pair");
    assert_eq!(row[4..7], ["0", "0", "4"]);
    assert_eq!(row[9], ukraine_russia);

    let v = json(&a, &matrix);
    let pair = v["agreement"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["a"] == "ukraine" && p["b"] == "russia")
        .expect("the pair in JSON");
    assert_eq!(pair["agree"].as_array().unwrap().len(), 0);
    assert_eq!(
        pair["incomparable"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_str().unwrap())
            .collect::<Vec<_>>()
            .join("; "),
        ukraine_russia
    );

    let sheet = xlsx_parts(
        render(Format::Xlsx, &a, &matrix),
        &["xl/worksheets/sheet4.xml", "xl/workbook.xml"],
    );
    assert!(sheet[1].contains("name=\"Agreement\""), "{}", sheet[1]);

    let html = String::from_utf8(render(Format::Html, &a, &matrix)).unwrap();
    assert!(html.contains("<h2>Parties against each other</h2>"));
    assert!(
        html.contains("incomparable 4: NATO membership, Foreign troops, Territory, Ceasefire"),
        "{html}"
    );
}

/// The JSON export is written in parts (the statements in parallel): it
/// must still be exactly what a pretty printer makes of the whole document.
#[test]
fn json_is_one_pretty_printed_document_whatever_the_number_of_statements() {
    let one = analysis();
    // Enough statements to fill several of the renderer's chunks.
    let many = Analysis::new(
        one.root.clone(),
        one.lexicon.clone(),
        one.documents.clone(),
        (0..300).flat_map(|_| one.statements.clone()).collect(),
        one.skipped.clone(),
    );
    let none = Analysis::new(
        one.root.clone(),
        one.lexicon.clone(),
        one.documents.clone(),
        Vec::new(),
        Vec::new(),
    );
    for a in [&one, &many, &none] {
        let bytes = render(Format::Json, a, &everything(a));
        let value: Value = serde_json::from_slice(&bytes).expect("valid JSON");
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.ends_with("}\n"));
        assert_pretty_layout(&text);
        assert_eq!(
            value["statements"].as_array().unwrap().len(),
            a.statements.len()
        );
    }
}

/// Every line of `json` indented two spaces per open bracket, one value or
/// closing bracket a line, as serde_json's pretty printer lays it out.
fn assert_pretty_layout(json: &str) {
    let mut depth = 0usize;
    let (mut in_string, mut escaped) = (false, false);
    for (n, line) in json.lines().enumerate() {
        let body = line.trim_start_matches(' ');
        let closes = body.starts_with(['}', ']']);
        let expected = 2 * (depth - usize::from(closes && depth > 0));
        assert_eq!(line.len() - body.len(), expected, "line {}: {line}", n + 1);
        for c in body.chars() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (_, false, '"') => in_string = !in_string,
                (false, _, '{' | '[') => depth += 1,
                (false, _, '}' | ']') => depth -= 1,
                _ => {}
            }
        }
        assert!(!in_string, "line {}: a string runs on", n + 1);
    }
    assert_eq!(depth, 0);
}
