//! Hostile and broken input: every file is analysed or skipped with a reason,
//! and the other files of the folder still load.

use stancegrid::Lexicon;
use stancegrid::corpus::{self, Corpus, LoadOptions};
use stancegrid::export;
use stancegrid::matrix::{Filter, Matrix};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

const GOOD: &str = "A good headline today\nThe envoy said the plan “must be workable”, and the talks would go on.\n";

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    std::fs::write(dir.join(name), contents).expect("write fixture");
}

fn load_with(dir: &Path, options: &LoadOptions) -> Corpus {
    corpus::load(dir, options, &|_| {}, &AtomicBool::new(false)).expect("folder loads")
}

fn load(dir: &Path) -> Corpus {
    load_with(dir, &LoadOptions::default())
}

/// A folder with `good.txt` and one hostile file.
fn with_good(name: &str, contents: impl AsRef<[u8]>) -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD);
    write(dir.path(), name, contents);
    let corpus = load(dir.path());
    assert!(
        corpus.documents.iter().any(|d| d.file == "good.txt"),
        "the good file still loads"
    );
    (dir, corpus)
}

fn reason<'a>(corpus: &'a Corpus, file: &str) -> &'a str {
    corpus
        .skipped
        .iter()
        .find(|s| s.file == file)
        .map_or("", |s| s.reason.as_str())
}

fn doc<'a>(corpus: &'a Corpus, file: &str) -> &'a stancegrid::Document {
    corpus
        .documents
        .iter()
        .find(|d| d.file == file)
        .unwrap_or_else(|| panic!("{file} loads; skipped: {:?}", corpus.skipped))
}

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
fn empty_and_whitespace_files() {
    let (dir, corpus) = with_good("empty.txt", "");
    assert_eq!(reason(&corpus, "empty.txt"), "empty");
    write(dir.path(), "blank.txt", " \n\t\r\n ");
    assert_eq!(reason(&load(dir.path()), "blank.txt"), "empty");
}

#[test]
fn empty_folder_is_zero_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    let corpus = load(dir.path());
    assert!(corpus.documents.is_empty() && corpus.skipped.is_empty());
}

#[test]
fn binary_files_renamed_to_txt() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD);
    write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0",
    );
    write(
        dir.path(),
        "doc.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    );
    write(dir.path(), "archive.md", b"PK\x03\x04\x14\0\0\0\x08\0");
    write(
        dir.path(),
        "blob.txt",
        b"\x01\x02\x03\0\x00\xff\xfe\x10\x11abc",
    );
    let corpus = load(dir.path());
    assert_eq!(reason(&corpus, "image.txt"), "binary file (PNG image)");
    assert_eq!(reason(&corpus, "doc.txt"), "binary file (PDF document)");
    assert_eq!(reason(&corpus, "archive.md"), "binary file (zip archive)");
    assert_eq!(reason(&corpus, "blob.txt"), "binary file");
    assert_eq!(corpus.documents.len(), 1);
}

#[test]
fn deeply_nested_html_is_flattened_with_a_warning() {
    // 100,000 nested elements (600 KB): the HTML parser alone took over a
    // minute on them.
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>The envoy said the plan was workable.</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let (_dir, corpus) = with_good("deep.html", page);
    let d = doc(&corpus, "deep.html");
    assert_eq!(d.text, "The envoy said the plan was workable.");
    assert_eq!(d.warnings, ["nesting deeper than 512 levels flattened"]);
    assert!(doc(&corpus, "good.txt").warnings.is_empty());
}

#[test]
fn random_bytes_named_txt_are_skipped() {
    // Random bytes without NULs or the control characters below 0x20 slip
    // past the checks for binary files, and every byte means something in
    // a legacy code page.
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut random = |low: u8| -> Vec<u8> {
        (0..20_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                low + (state % u64::from(u8::MAX - low + 1)) as u8
            })
            .collect()
    };
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD);
    write(dir.path(), "printable.txt", random(0x20));
    write(dir.path(), "high.txt", random(0x80));
    let corpus = load(dir.path());
    for file in ["printable.txt", "high.txt"] {
        assert_eq!(
            reason(&corpus, file),
            "binary file (no words: mostly symbols and control characters)"
        );
    }
    assert_eq!(corpus.documents.len(), 1);
}

#[test]
fn invalid_utf8_is_read_as_a_legacy_encoding() {
    let (_dir, corpus) = with_good(
        "latin.txt",
        b"Caf\xe9 talks resume\nThe na\xefve plan \xab failed \xbb.",
    );
    let d = doc(&corpus, "latin.txt");
    assert!(d.text.starts_with("Café talks resume"), "{}", d.text);
}

#[test]
fn mostly_utf8_stays_utf8_with_the_bad_bytes_replaced() {
    let article = "Talks in Zürich\nThe envoy said “the café is closed” – for now.\n";
    let with = |tail: &[u8]| [article.as_bytes(), tail].concat();
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD);
    write(dir.path(), "stray.txt", with(b"One stray byte: \xff."));
    write(
        dir.path(),
        "mixed.txt",
        with(b"Saved as cp1252: caf\xe9 \x93ouvert\x94."),
    );
    let corpus = load(dir.path());
    let stray = doc(&corpus, "stray.txt");
    assert!(
        stray.text.contains("“the café is closed”"),
        "{}",
        stray.text
    );
    assert!(stray.text.ends_with("byte: \u{fffd}."), "{}", stray.text);
    assert_eq!(stray.warnings, ["1 invalid byte replaced"]);
    let mixed = doc(&corpus, "mixed.txt");
    assert!(mixed.text.starts_with("Talks in Zürich"), "{}", mixed.text);
    assert!(
        mixed.text.ends_with("caf\u{fffd} \u{fffd}ouvert\u{fffd}."),
        "{}",
        mixed.text
    );
    assert_eq!(mixed.warnings, ["3 invalid bytes replaced"]);
    assert!(doc(&corpus, "good.txt").warnings.is_empty());
}

#[test]
fn cp1252_smart_quotes() {
    let (_dir, corpus) = with_good(
        "cp1252.txt",
        b"Envoys meet again\r\nShe said \x93we\x92ll see\x94 \x96 nothing more.\r\n",
    );
    let d = doc(&corpus, "cp1252.txt");
    assert_eq!(
        d.text,
        "Envoys meet again\nShe said “we’ll see” – nothing more."
    );
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    let text = "Talks in Geneva\r\n“Progress,” he said. Ünïcödé ✓";
    let mut le = vec![0xff, 0xfe];
    le.extend(utf16(text, false));
    let mut be = vec![0xfe, 0xff];
    be.extend(utf16(text, true));
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "le.txt", le);
    write(dir.path(), "be.txt", be);
    let corpus = load(dir.path());
    for file in ["le.txt", "be.txt"] {
        assert_eq!(
            doc(&corpus, file).text,
            "Talks in Geneva\n“Progress,” he said. Ünïcödé ✓"
        );
    }
}

#[test]
fn utf16_without_bom() {
    let text = "Talks in Geneva\n\"Progress,\" he said after the meeting on Friday.";
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "le.txt", utf16(text, false));
    write(dir.path(), "be.txt", utf16(text, true));
    let corpus = load(dir.path());
    assert_eq!(doc(&corpus, "le.txt").text, text);
    assert_eq!(doc(&corpus, "be.txt").text, text);
}

#[test]
fn control_characters_separate_words_and_sentences_are_the_articles_own_words() {
    // A form feed, a NEL, an escape, a vertical tab, a no-break space and a
    // tab between words: each reads as a space, none glues two words, and
    // every one stays in the sentence that quotes it.
    let file = "Envoys meet in Geneva\n\
                Zelensky said Ukraine would\x0cnot accept\u{85}foreign troops\x1bon its soil,\x0bthe president added.\n\
                Kyiv rejects any\u{a0}ceasefire\twithout guarantees.\n";
    let spaced: String = file
        .chars()
        .map(|c| match c {
            '\n' => c,
            '\u{a0}' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let analyze = |text: &str| {
        let dir = tempfile::tempdir().expect("temp dir");
        write(dir.path(), "a.txt", text);
        stancegrid::analyze(
            dir.path(),
            Arc::new(Lexicon::builtin()),
            &LoadOptions::default(),
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("folder loads")
    };
    let analysis = analyze(file);
    let text = &analysis.documents[0].text;
    assert_eq!(text, file.trim_end());
    // What an export shows as a statement's sentence is the document's text
    // at the statement's offsets, which is the file's own words.
    let matrix = Matrix::build(&analysis, &Filter::default());
    let json = export::render(export::Format::Json, &analysis, &matrix).expect("JSON renders");
    let json: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    let statements = json["statements"].as_array().expect("statements");
    let mut sentences: Vec<&str> = statements
        .iter()
        .map(|s| s["sentence"].as_str().expect("a sentence"))
        .collect();
    sentences.dedup();
    assert_eq!(
        sentences,
        [
            "Zelensky said Ukraine would\x0cnot accept\u{85}foreign troops\x1bon its soil,\x0bthe president added.",
            "Kyiv rejects any\u{a0}ceasefire\twithout guarantees."
        ]
    );
    for s in statements {
        let offset = |key: &str| s[key].as_u64().expect("an offset") as usize;
        assert_eq!(s["sentence"], text[offset("start")..offset("end")]);
        for cue in s["cues"].as_array().expect("cues") {
            let (start, end) = (cue["start"].as_u64(), cue["end"].as_u64());
            let (Some(start), Some(end)) = (start, end) else {
                panic!("a cue without offsets: {cue}");
            };
            assert_eq!(cue["text"], text[start as usize..end as usize]);
        }
    }
    // The rules read the same words as in the file with plain spaces.
    let found = |analysis: &stancegrid::Analysis| -> Vec<(String, String, stancegrid::Stance)> {
        let id = |s| {
            (
                analysis.actor_id(s).to_owned(),
                analysis.issue_id(s).to_owned(),
                s.stance,
            )
        };
        analysis.statements.iter().map(id).collect()
    };
    assert_eq!(found(&analysis), found(&analyze(&spaced)));
}

#[test]
fn crlf_and_cr_line_endings() {
    let (_dir, corpus) = with_good(
        "crlf.txt",
        "Headline with CRLF\r\n\r\nFirst line.\r\nSecond line.\rThird line.\r\n",
    );
    let d = doc(&corpus, "crlf.txt");
    assert_eq!(
        d.text,
        "Headline with CRLF\n\nFirst line.\nSecond line.\nThird line."
    );
    assert!(
        d.content
            .iter()
            .all(|s| !s.of(&d.text).contains(['\r', '\n']))
    );
}

#[test]
fn file_of_50_mb_without_newline_is_skipped_by_size() {
    let (_dir, corpus) = with_good("huge.txt", vec![b'a'; 50 * 1024 * 1024]);
    assert_eq!(
        reason(&corpus, "huge.txt"),
        "too large (50.0 MB, limit 20.0 MB)"
    );
}

#[test]
fn file_of_25_mb_is_skipped_by_default_limit() {
    let (_dir, corpus) = with_good("big.txt", "word ".repeat(5 * 1024 * 1024));
    assert!(reason(&corpus, "big.txt").starts_with("too large (25.0 MB"));
}

#[test]
fn size_limit_is_configurable() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "small.txt", GOOD);
    write(
        dir.path(),
        "larger.txt",
        format!("{GOOD}{}", "More words here. ".repeat(100)),
    );
    let options = LoadOptions {
        max_file_size: 1024,
    };
    let corpus = load_with(dir.path(), &options);
    assert_eq!(corpus.documents.len(), 1);
    assert!(reason(&corpus, "larger.txt").starts_with("too large"));
    let options = LoadOptions {
        max_file_size: 1024 * 1024,
    };
    assert_eq!(load_with(dir.path(), &options).documents.len(), 2);
}

#[test]
fn sizes_under_a_megabyte_are_shown_in_bytes_or_kilobytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "small.txt", "x".repeat(182));
    write(dir.path(), "larger.txt", "x".repeat(3 * 1024 + 512));
    for (limit, small, larger) in [
        (
            0,
            "too large (182 bytes, limit 0 bytes)",
            "too large (3.5 KB, limit 0 bytes)",
        ),
        (
            100,
            "too large (182 bytes, limit 100 bytes)",
            "too large (3.5 KB, limit 100 bytes)",
        ),
        (2048, "", "too large (3.5 KB, limit 2.0 KB)"),
    ] {
        let corpus = load_with(
            dir.path(),
            &LoadOptions {
                max_file_size: limit,
            },
        );
        assert_eq!(reason(&corpus, "small.txt"), small);
        assert_eq!(reason(&corpus, "larger.txt"), larger);
    }
}

#[test]
fn line_of_one_megabyte_is_analysed() {
    let line = "The minister said “yes” again. ".repeat(32 * 1024);
    let (_dir, corpus) = with_good("long.txt", format!("A headline over a long line\n{line}\n"));
    let d = doc(&corpus, "long.txt");
    assert_eq!(d.content.len(), 2);
    assert_eq!(d.content[1].of(&d.text), line.trim());
}

#[test]
fn unbalanced_and_nested_quotes() {
    let text =
        "Quotes of every kind\n“He said ‘no’ and left.\nShe said: \"it is 'fine\" ”» «\n\"\"\"\n";
    let (_dir, corpus) = with_good("quotes.txt", text);
    let d = doc(&corpus, "quotes.txt");
    assert_eq!(d.text, text.trim_end());
    assert_eq!(
        d.content.len(),
        3,
        "a line of quote marks alone is not content"
    );
}

#[test]
fn right_to_left_and_emoji() {
    let text = "مفاوضات السلام تستمر 🕊️\nאמר השר: \"נמשיך לדבר\" 👍🏽\nFamily 👨‍👩‍👧 flag 🇺🇦 done.";
    let (_dir, corpus) = with_good("rtl.txt", text);
    let d = doc(&corpus, "rtl.txt");
    assert_eq!(d.text, text);
    assert_eq!(d.title, "مفاوضات السلام تستمر 🕊️");
    assert_eq!(d.content.len(), 3);
}

#[test]
fn folder_of_2000_small_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..2000 {
        let sub = dir.path().join(format!("d{}", i % 10));
        std::fs::create_dir_all(&sub).expect("mkdir");
        std::fs::write(
            sub.join(format!("{i:04}.txt")),
            format!("Headline number {i}\n{GOOD}"),
        )
        .expect("write");
    }
    let corpus = load(dir.path());
    assert_eq!(corpus.documents.len(), 2000);
    assert!(corpus.skipped.is_empty());
    assert!(corpus.documents.windows(2).all(|w| w[0].file < w[1].file));
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_skipped_not_followed_forever() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD);
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("symlink");
    let corpus = load(dir.path());
    assert_eq!(corpus.documents.len(), 1);
    assert!(
        reason(&corpus, "sub/loop").starts_with("symlink loop"),
        "{:?}",
        corpus.skipped
    );
}

#[cfg(unix)]
#[test]
fn hidden_files_and_folders_are_left_out_without_a_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD);
    write(dir.path(), ".notes.txt", GOOD);
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
    write(dir.path(), ".git/config", "[core]");
    // An editor's lock file (a link to nowhere) and a hidden link back to the folder.
    std::os::unix::fs::symlink("user@host.1234", dir.path().join(".#good.txt")).expect("symlink");
    std::os::unix::fs::symlink(dir.path(), dir.path().join(".loop")).expect("symlink");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::os::unix::fs::symlink("gone", dir.path().join("sub/.#lock")).expect("symlink");
    let corpus = load(dir.path());
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.skipped, []);
}

#[cfg(unix)]
#[test]
fn unreadable_or_vanished_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "good.txt", GOOD);
    // A link whose target is gone is a file that vanished before it was read.
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("vanished.txt"))
        .expect("symlink");
    let locked = dir.path().join("locked.txt");
    write(dir.path(), "locked.txt", GOOD);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // Privileged users read the file anyway; then it simply loads.
    let locked_out = std::fs::read(&locked).is_err();
    let corpus = load(dir.path());
    assert!(reason(&corpus, "vanished.txt").starts_with("cannot read"));
    if locked_out {
        assert!(reason(&corpus, "locked.txt").starts_with("cannot read"));
        assert_eq!(corpus.documents.len(), 1);
    } else {
        assert_eq!(corpus.documents.len(), 2);
    }
}

#[cfg(unix)]
#[test]
fn file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(dir.path().join(name), GOOD).expect("write");
    let corpus = load(dir.path());
    assert_eq!(corpus.documents.len(), 1);
    assert_eq!(corpus.documents[0].file, "caf\u{fffd}.txt");
}
