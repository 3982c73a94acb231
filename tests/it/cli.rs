//! The `stancegrid analyze` command, run as a user runs it.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn stancegrid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancegrid"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// [`stancegrid`], killed and failing the test if it runs longer than
/// `limit`: for inputs that once made it read forever.
fn stancegrid_within(limit: Duration, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancegrid"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            child.kill().expect("kill");
            child.wait().expect("wait");
            panic!("stancegrid {args:?} ran longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn fixture(dir: &Path) {
    std::fs::write(
        dir.join("talks.txt"),
        "Kremlin rejects peacekeepers\n\nSource: https://example.org/talks\n\n\
         The Kremlin ruled out the deployment of foreign troops in Ukraine.\n\
         “We will never accept territorial concessions,” Zelensky said.\n",
    )
    .unwrap();
    std::fs::write(dir.join("photo.png"), [0x89, b'P', b'N', b'G', 0, 0, 0, 0]).unwrap();
}

#[test]
fn json_on_stdout_lists_statements_cells_and_skipped_files() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let out = stancegrid(&["analyze", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "stancegrid/positions@2");
    let statements = json["statements"].as_array().unwrap();
    let coded: Vec<(&str, &str, &str)> = statements
        .iter()
        .map(|s| {
            (
                s["actor"].as_str().unwrap(),
                s["issue"].as_str().unwrap(),
                s["stance"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(
        coded.contains(&("russia", "foreign_troops", "oppose")),
        "{coded:?}"
    );
    assert!(
        coded.contains(&("ukraine", "territory", "oppose")),
        "{coded:?}"
    );
    assert_eq!(statements[0]["file"], "talks.txt");
    assert_eq!(json["skipped"][0]["file"], "photo.png");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped photo.png"), "{stderr}");
}

#[test]
fn out_writes_the_chosen_format() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let target = dir.path().join("table.csv");
    let out = stancegrid(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--format",
        "csv",
        "--out",
        target.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let table = std::fs::read_to_string(&target).unwrap();
    // The headline and the body sentence are two statements of one cell.
    assert!(
        table.contains("russia,Russia,foreign_troops,Foreign troops,oppose,0,2,0,2"),
        "{table}"
    );
}

#[test]
fn a_missing_folder_is_an_error_with_a_non_zero_exit() {
    let out = stancegrid(&["analyze", "/no/such/folder"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("folder not found: /no/such/folder"),
        "{stderr}"
    );
}

/// `analyze` of the fixture folder with the lexicon file `name` holding `contents`.
fn with_lexicon(name: &str, contents: impl AsRef<[u8]>) -> Output {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let lexicon = dir.path().join(name);
    std::fs::write(&lexicon, contents).unwrap();
    stancegrid(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--lexicon",
        lexicon.to_str().unwrap(),
    ])
}

#[test]
fn a_malformed_lexicon_is_reported_with_line_and_column() {
    let out = with_lexicon(
        "bad.ron",
        "Lexicon(\n  actors: [\n    Actor(id: \"x\" name: \"X\"),\n  ],\n)\n",
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.ron:3:"), "{stderr}");
}

#[test]
fn a_custom_lexicon_describes_another_negotiation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The Northern League rejected any tariff cut, its spokesman Ada Stone said.\n",
    )
    .unwrap();
    let lexicon = dir.path().join("trade.ron");
    std::fs::write(
        &lexicon,
        r#"Lexicon(
            actors: [Actor(id: "north", name: "Northern League", bodies: ["Northern League"],
                           people: [["Ada Stone", "Stone"]])],
            issues: [Issue(id: "tariffs", name: "Tariff cut", terms: ["tariff cut*"])],
            speech_verbs: ["said"],
            stance: StanceCues(oppose: ["reject*"]),
        )"#,
    )
    .unwrap();
    let out = stancegrid(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--lexicon",
        lexicon.to_str().unwrap(),
        "--format",
        "statements-csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.contains("north,tariffs,oppose,Ada Stone"), "{csv}");
}

#[test]
fn help_shows_examples() {
    let out = stancegrid(&["analyze", "--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Examples:"));
}

#[test]
fn help_names_the_four_sheets_of_the_workbook() {
    let out = stancegrid(&["analyze", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("A workbook with Positions, Cells, Statements and Agreement sheets"),
        "{help}"
    );
}

#[test]
fn agreement_csv_has_a_row_per_pair_of_parties() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let out = stancegrid(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--format",
        "agreement-csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap().starts_with(
            "\u{feff}actor_a,actor_a_name,actor_b,actor_b_name,agree,conflict,incomparable"
        ),
        "{csv}"
    );
    // Five parties of the built-in lexicon: ten pairs.
    assert_eq!(lines.count(), 10, "{csv}");
}

#[cfg(unix)]
#[test]
fn a_lexicon_that_is_a_device_or_a_fifo_is_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let pipe = dir.path().join("lexicon.fifo");
    crate::special_files::fifo(&pipe);
    for lexicon in [Path::new("/dev/zero"), &pipe] {
        let out = stancegrid_within(
            Duration::from_secs(10),
            &[
                "analyze",
                dir.path().to_str().unwrap(),
                "--lexicon",
                lexicon.to_str().unwrap(),
            ],
        );
        assert!(!out.status.success());
        let stderr = stderr(&out);
        assert!(
            stderr.contains(&format!(
                "cannot read lexicon {}: not a regular file",
                lexicon.display()
            )),
            "{stderr}"
        );
    }
}

#[test]
fn a_lexicon_over_the_size_limit_is_refused() {
    let out = with_lexicon("huge.ron", " ".repeat(5 * 1024 * 1024));
    assert!(!out.status.success());
    let stderr = stderr(&out);
    assert!(
        stderr.contains("huge.ron: too large (5.0 MB, limit 4.0 MB)"),
        "{stderr}"
    );
}

#[test]
fn an_empty_folder_or_one_without_statements_is_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = stancegrid(&["analyze", dir.path().to_str().unwrap(), "--format", "md"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("no documents found in"),
        "{}",
        stderr(&out)
    );

    std::fs::write(dir.path().join("a.txt"), "Weather\n\nIt rained all day.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Sport\n\nThe match was a draw.\n").unwrap();
    let out = stancegrid(&["analyze", dir.path().to_str().unwrap(), "--format", "md"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("no statements found in 2 documents"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn out_onto_an_article_of_the_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let article = dir.path().join("talks.txt");
    let before = std::fs::read(&article).unwrap();
    // Also when named another way: through "..".
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    for out in [article.clone(), sub.join("../talks.txt")] {
        let run = stancegrid(&[
            "analyze",
            dir.path().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(!run.status.success());
        assert!(
            stderr(&run).contains("it is the article talks.txt of the analysed folder"),
            "{}",
            stderr(&run)
        );
        assert_eq!(std::fs::read(&article).unwrap(), before);
    }
}

/// `text` once, and not a second time.
fn assert_once(haystack: &str, text: &str) {
    assert_eq!(
        haystack.matches(text).count(),
        1,
        "{text:?} once in {haystack}"
    );
}

#[test]
fn each_cause_of_an_error_is_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let folder = dir.path().to_str().unwrap();

    let missing = dir.path().join("no/such/out.csv");
    let out = stancegrid(&["analyze", folder, "--out", missing.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_once(&stderr(&out), "No such file or directory");
    assert!(
        stderr(&out).matches(".out.csv.").count() <= 1,
        "{}",
        stderr(&out)
    );

    let out = stancegrid(&["analyze", folder, "--out", folder]);
    assert!(!out.status.success());
    assert_once(&stderr(&out), "directory");

    let out = stancegrid(&["analyze", folder, "--lexicon", "/no/such.ron"]);
    assert!(!out.status.success());
    assert_once(&stderr(&out), "No such file or directory");
}

#[cfg(unix)]
#[test]
fn a_full_device_as_out_is_a_write_error_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let full = dir.path().join("full");
    if !crate::special_files::char_device(&full, 1, 7) {
        return;
    }
    let out = stancegrid(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "--out",
        full.to_str().unwrap(),
    ]);
    assert!(!out.status.success(), "{}", stderr(&out));
    assert_once(&stderr(&out), "No space left on device");
    use std::os::unix::fs::FileTypeExt;
    let kind = std::fs::symlink_metadata(&full).unwrap().file_type();
    assert!(kind.is_char_device(), "the device is still there");
}

#[cfg(unix)]
#[test]
fn file_names_in_messages_cannot_forge_lines() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::write(dir.path().join("evil\nskipped fake.txt: forged.png"), "x").unwrap();
    std::fs::write(dir.path().join("bell\u{7}.png"), "x").unwrap();
    let out = stancegrid(&["analyze", dir.path().to_str().unwrap(), "--format", "md"]);
    let stderr = stderr(&out);
    assert!(
        !stderr.lines().any(|l| l.starts_with("skipped fake.txt")),
        "{stderr}"
    );
    assert!(
        stderr.contains("skipped evil\\nskipped fake.txt: forged.png: not an article (.png)"),
        "{stderr}"
    );
    assert!(stderr.contains("skipped bell\\u{7}.png"), "{stderr}");
    assert!(!stderr.contains('\u{7}'));
}

#[test]
fn the_readme_lexicon_example_is_a_valid_lexicon() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```ron\nLexicon(")
        .expect("the README shows a lexicon")
        + "```ron\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let lexicon = stancegrid::Lexicon::parse(&readme[start..end], "README.md").unwrap();
    assert_eq!(lexicon.actors()[0].id, "north");
    // Its concept and its title words do what the README says.
    let text = "Stone said the League wants a reduction of the Northern levies. \
                The Northern senior trade delegation Bo Lind said it rejected cutting the duties.";
    let doc = stancegrid::Document::from_text("a.txt", text);
    let found: Vec<(String, stancegrid::Stance)> =
        stancegrid::extract::statements(0, &doc, &lexicon)
            .iter()
            .map(|s| (s.speaker.of(text).to_string(), s.stance))
            .collect();
    assert_eq!(
        found,
        [
            ("Stone".to_string(), stancegrid::Stance::Support),
            (
                "Northern senior trade delegation Bo Lind".to_string(),
                stancegrid::Stance::Oppose
            )
        ]
    );
}

#[test]
fn a_file_read_with_changes_is_named_with_its_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = "Talks\n\nZelensky said Ukraine wants security guarantees. Caf\u{e9} "
        .as_bytes()
        .to_vec();
    text.push(0xff);
    text.extend_from_slice(" au lait, d\u{e9}j\u{e0} vu.\n".as_bytes());
    std::fs::write(dir.path().join("a.txt"), text).unwrap();
    let out = stancegrid(&["analyze", dir.path().to_str().unwrap(), "--format", "md"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_once(&stderr(&out), "warning a.txt: 1 invalid byte replaced");
}

#[test]
fn copies_count_once_and_copied_articles_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wire = "Talks in Geneva\n\n\
                The Kremlin ruled out the deployment of foreign troops in Ukraine.\n";
    std::fs::write(dir.path().join("a-wire.txt"), wire).unwrap();
    std::fs::write(dir.path().join("b-copy.txt"), wire).unwrap();
    std::fs::write(
        dir.path().join("c-repeat.txt"),
        "More talks in Geneva\n\n\
         The Kremlin ruled out the deployment of foreign troops in Ukraine.\n\n\
         The Kremlin ruled out the deployment of foreign troops in Ukraine.\n",
    )
    .unwrap();
    let dir = dir.path().to_str().expect("a UTF-8 path");
    let out = stancegrid(&["analyze", dir, "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("warning b-copy.txt: a copy of a-wire.txt (its statements count once)"),
        "{}",
        stderr(&out)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let files: Vec<&str> = json["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .map(|s| s["file"].as_str().expect("a file"))
        .collect();
    assert_eq!(
        files,
        ["a-wire.txt", "b-copy.txt", "c-repeat.txt", "c-repeat.txt"],
        "every copy stays a statement of its article"
    );
    let cell = &json["cells"][0];
    assert_eq!(
        (cell["actor"].as_str(), cell["oppose"].as_u64()),
        (Some("russia"), Some(1))
    );
    let csv = stancegrid(&["analyze", dir, "--format", "csv"]);
    let csv = String::from_utf8_lossy(&csv.stdout);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("russia,Russia,foreign_troops,")
                && l.ends_with(",oppose,0,1,0,1")),
        "{csv}"
    );
}

#[test]
fn the_markdown_headline_counts_in_the_singular_for_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Talks\n\nZelensky said Ukraine wants security guarantees.\n",
    )
    .unwrap();
    let out = stancegrid(&["analyze", dir.path().to_str().unwrap(), "--format", "md"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("1 statement (1 support, 0 oppose, 0 conditional) in 1 of 35 cells; 1 document analysed."),
        "{table}"
    );
}

#[test]
fn out_writes_a_refi_qda_project_and_a_graphml_network() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let folder = dir.path().to_str().unwrap();
    let qdpx = dir.path().join("positions.qdpx");
    let graphml = dir.path().join("positions.graphml");
    for (format, target) in [("qdpx", &qdpx), ("graphml", &graphml)] {
        let out = stancegrid(&[
            "analyze",
            folder,
            "--format",
            format,
            "--out",
            target.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let bytes = std::fs::read(&qdpx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut project = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("project.qde").expect("project.qde"),
        &mut project,
    )
    .unwrap();
    assert!(project.contains("urn:QDA-XML:project:1.0"), "{project}");
    assert!(project.contains("<PlainTextSelection"), "{project}");
    let network = std::fs::read_to_string(&graphml).unwrap();
    let xml = roxmltree::Document::parse(&network).expect("well-formed GraphML");
    let edges = xml
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .map(|e| (e.attribute("source"), e.attribute("target")))
        .collect::<Vec<_>>();
    assert!(
        edges.contains(&(Some("party:russia"), Some("issue:foreign_troops"))),
        "{edges:?}"
    );
}
