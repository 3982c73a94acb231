//! Loading a folder: which files become documents, in what order, with what
//! title, date, source and content.

use stancegrid::Progress;
use stancegrid::corpus::{self, Cache, Corpus, CorpusError, LoadOptions};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, contents).expect("write fixture");
}

fn load(dir: &Path) -> Corpus {
    corpus::load(
        dir,
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("folder loads")
}

fn content(doc: &stancegrid::Document) -> Vec<&str> {
    doc.content.iter().map(|s| s.of(&doc.text)).collect()
}

const PROSE: &str = "The foreign minister said on Monday that the country would not accept any limit on the size of its army, and that talks would continue next week.";

#[test]
fn nested_folders_load_in_sorted_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["b/z.txt", "a/y.md", "c.txt", "a/deeper/x.htm", "B.TXT"] {
        write(
            dir.path(),
            name,
            format!("A headline for {name}\n\n{PROSE}"),
        );
    }
    let files: Vec<String> = load(dir.path())
        .documents
        .iter()
        .map(|d| d.file.clone())
        .collect();
    assert_eq!(
        files,
        ["B.TXT", "a/deeper/x.htm", "a/y.md", "b/z.txt", "c.txt"]
    );
    let again: Vec<String> = load(dir.path())
        .documents
        .iter()
        .map(|d| d.file.clone())
        .collect();
    assert_eq!(files, again);
}

#[test]
fn other_files_are_skipped_with_a_reason_and_hidden_ones_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "story.txt",
        format!("Headline here today\n{PROSE}"),
    );
    write(dir.path(), "photo.png", b"\x89PNG\r\n\x1a\n");
    write(dir.path(), "notes", "no extension");
    write(dir.path(), ".hidden.txt", "hidden");
    write(dir.path(), ".git/config", "[core]");
    let corpus = load(dir.path());
    assert_eq!(corpus.documents.len(), 1);
    let skipped: Vec<(&str, &str)> = corpus
        .skipped
        .iter()
        .map(|s| (s.file.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            ("notes", "not an article (no extension)"),
            ("photo.png", "not an article (.png)")
        ]
    );
}

#[test]
fn text_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "a.txt",
        format!(
            "Source: https://news.example.org/2024/talks\n\n← Back to list\nexample.news\nMinisters meet for a second round\nBy Jane Roe\nJane Roe - 3 March 2024 | 10:15\n\n{PROSE}"
        ),
    );
    write(
        dir.path(),
        "b.txt",
        format!("Talks go on without a date\n\n{PROSE}\nOn Monday they met again."),
    );
    let corpus = load(dir.path());
    let a = &corpus.documents[0];
    assert_eq!(a.title, "Ministers meet for a second round");
    assert_eq!(a.date.as_deref(), Some("2024-03-03"));
    assert_eq!(a.source, "https://news.example.org/2024/talks");
    assert_eq!(content(a), ["Ministers meet for a second round", PROSE]);
    let b = &corpus.documents[1];
    assert_eq!(b.title, "Talks go on without a date");
    assert_eq!(b.date, None, "a date is never invented");
    assert_eq!(b.source, "b.txt");
}

#[test]
fn markdown_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "note.md",
        format!(
            "# Envoys **agree** on a framework\n\nPublished: Dec. 20, 2025\n\nhttps://example.com/envoys\n\n{PROSE}\n\n- First point of the plan.\n* Second point of the plan.\n"
        ),
    );
    let doc = &load(dir.path()).documents[0];
    assert_eq!(doc.title, "Envoys **agree** on a framework");
    assert_eq!(doc.date.as_deref(), Some("2025-12-20"));
    assert_eq!(doc.source, "https://example.com/envoys");
    assert_eq!(
        content(doc),
        [
            "# Envoys **agree** on a framework",
            PROSE,
            "- First point of the plan.",
            "* Second point of the plan."
        ]
    );
}

#[test]
fn html_text_and_metadata() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "page.HTML",
        format!(
            r#"<!DOCTYPE html><html><head>
            <title>Fallback title | Site</title>
            <meta property="og:title" content="Leaders &quot;close&quot; to a deal">
            <meta name="pubdate" content="2025-11-02T08:00:00+01:00">
            <link rel="canonical" href="https://example.com/leaders-deal">
            <script>window.track = 1;</script><style>p {{ color: red }}</style>
            </head><body>
            <nav>Home &gt; World</nav>
            <header><a href="/">Example News</a></header>
            <article>
              <h1>Leaders “close” to a deal</h1>
              <p>{PROSE}</p>
              <p>He   added:
                 “We&#8217;re <b>not</b> there yet.”</p>
              <ul><li>Point one.</li><li>Point two.</li></ul>
              <p>Related articles</p>
            </article>
            <aside>Most read</aside>
            <div class="cookie">This website uses cookies to improve your experience.</div>
            <footer>© Example</footer>
            </body></html>"#
        ),
    );
    let doc = &load(dir.path()).documents[0];
    assert_eq!(doc.title, "Leaders \"close\" to a deal");
    assert_eq!(doc.date.as_deref(), Some("2025-11-02"));
    assert_eq!(doc.source, "https://example.com/leaders-deal");
    assert_eq!(
        doc.text,
        format!(
            "Leaders “close” to a deal\n{PROSE}\nHe added: “We’re not there yet.”\n• Point one.\n• Point two.\nRelated articles\nThis website uses cookies to improve your experience."
        )
    );
    assert_eq!(
        content(doc),
        [
            "Leaders “close” to a deal",
            PROSE,
            "He added: “We’re not there yet.”",
            "• Point one.",
            "• Point two."
        ]
    );
}

#[test]
fn furniture_stays_in_text_but_out_of_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format!(
        "Home > World > Europe\nA plan for the region takes shape\nPhoto: Agency\n{PROSE}\n• “We will decide together,” she said.\nAdvertisement\nSubscribe to our newsletter\nIf you have found an error, please select it and press Ctrl+Enter.\nMost read\nAnother story headline\nYet another story headline\n"
    );
    write(dir.path(), "a.txt", &text);
    let doc = &load(dir.path()).documents[0];
    assert_eq!(doc.text, text.trim_end());
    assert_eq!(
        content(doc),
        [
            "A plan for the region takes shape",
            PROSE,
            "• “We will decide together,” she said."
        ]
    );
}

#[test]
fn spans_are_lines_on_char_boundaries_without_line_breaks() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "a.txt",
        "Überschrift für heute\n\n«Ça va», dit-il. 🙂\n\nשלום עולם\n",
    );
    let doc = &load(dir.path()).documents[0];
    for span in &doc.content {
        assert!(doc.text.is_char_boundary(span.start) && doc.text.is_char_boundary(span.end));
        let line = span.of(&doc.text);
        assert!(!line.is_empty() && !line.contains('\n'));
    }
    assert_eq!(content(doc).len(), 3);
}

#[test]
fn missing_folder_and_file_instead_of_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cancel = AtomicBool::new(false);
    let options = LoadOptions::default();
    let missing = dir.path().join("nope");
    assert!(matches!(
        corpus::load(&missing, &options, &|_| {}, &cancel),
        Err(CorpusError::NotFound(p)) if p == missing
    ));
    write(dir.path(), "file.txt", "text");
    let file = dir.path().join("file.txt");
    assert!(matches!(
        corpus::load(&file, &options, &|_| {}, &cancel),
        Err(CorpusError::NotADirectory(p)) if p == file
    ));
}

#[test]
fn progress_reports_every_file_and_cancel_stops() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..20 {
        write(
            dir.path(),
            &format!("{i:02}.txt"),
            format!("Headline {i}\n{PROSE}"),
        );
    }
    write(dir.path(), "skip.pdf", "x");
    let seen = Mutex::new(Vec::new());
    let record = |p: Progress| seen.lock().expect("lock").push(p);
    corpus::load(
        dir.path(),
        &LoadOptions::default(),
        &record,
        &AtomicBool::new(false),
    )
    .expect("loads");
    let mut seen = seen.into_inner().expect("lock");
    seen.sort_by_key(|p| p.done);
    assert_eq!(seen.len(), 21);
    assert!(seen.iter().all(|p| p.total == 21));
    assert_eq!(seen.last().map(|p| p.done), Some(21));

    let cancelled = corpus::load(
        dir.path(),
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(true),
    );
    assert!(matches!(cancelled, Err(CorpusError::Cancelled)));
}

#[test]
fn reload_with_cache_reads_only_changed_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = LoadOptions::default();
    let cancel = AtomicBool::new(false);
    for name in ["a.txt", "b.txt", "c.txt"] {
        write(dir.path(), name, format!("Headline of {name}\n{PROSE}"));
    }
    let mut cache = Cache::new();
    let first =
        corpus::load_with_cache(dir.path(), &options, &|_| {}, &cancel, &mut cache).expect("loads");
    assert_eq!(first.documents.len(), 3);
    assert_eq!((cache.len(), cache.reused()), (3, 0));

    write(dir.path(), "a.txt", "A new headline entirely\nNew text.");
    std::fs::remove_file(dir.path().join("b.txt")).expect("remove");
    write(dir.path(), "d.txt", "Fresh headline for d\nMore text.");
    let second = corpus::load_with_cache(dir.path(), &options, &|_| {}, &cancel, &mut cache)
        .expect("reloads");
    let titles: Vec<&str> = second.documents.iter().map(|d| d.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "A new headline entirely",
            "Headline of c.txt",
            "Fresh headline for d"
        ]
    );
    assert_eq!((cache.len(), cache.reused()), (3, 1));

    // Same size and modification time: the file counts as unchanged and is
    // not read again.
    let path = dir.path().join("c.txt");
    let modified = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    write(dir.path(), "c.txt", format!("Headline of x.txt\n{PROSE}"));
    std::fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|f| f.set_modified(modified))
        .expect("set mtime");
    let third = corpus::load_with_cache(dir.path(), &options, &|_| {}, &cancel, &mut cache)
        .expect("reloads");
    assert_eq!(third.documents[1].title, "Headline of c.txt");
    assert_eq!(cache.reused(), 3);
    assert_eq!(third.documents, second.documents);
}

#[test]
fn a_disabled_cache_remembers_nothing_and_loads_the_same_documents() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = LoadOptions::default();
    let cancel = AtomicBool::new(false);
    for name in ["a.txt", "b.txt"] {
        write(dir.path(), name, format!("Headline of {name}\n{PROSE}"));
    }
    let mut remembering = Cache::new();
    let mut forgetting = Cache::disabled();
    let kept = corpus::load_with_cache(dir.path(), &options, &|_| {}, &cancel, &mut remembering)
        .expect("loads");
    let once = corpus::load_with_cache(dir.path(), &options, &|_| {}, &cancel, &mut forgetting)
        .expect("loads");
    assert_eq!(once.documents, kept.documents);
    assert_eq!((remembering.len(), forgetting.len()), (2, 0));
    let again = corpus::load_with_cache(dir.path(), &options, &|_| {}, &cancel, &mut forgetting)
        .expect("reloads");
    assert_eq!(forgetting.reused(), 0);
    assert_eq!(again.documents, kept.documents);
}
