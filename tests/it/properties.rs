//! Properties that hold for any input: extraction never panics and its spans
//! always fit the document; an analysis does not depend on the number of
//! threads or on the order in which files were created.

use proptest::prelude::*;
use stancegrid::matrix::{Filter, Matrix};
use stancegrid::synth::{Encoding, Synth, plan_files};
use stancegrid::{Analysis, Document, Lexicon, LoadOptions, Span, Statement, export, extract};
use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, LazyLock};

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

/// Words of the lexicon and the punctuation that extraction reacts to, so that
/// random text often contains speakers, issues, cues and quotes.
fn tokens() -> Vec<String> {
    let source = &LEXICON.source;
    let mut tokens: Vec<String> = source
        .actors
        .iter()
        .flat_map(|a| a.bodies.iter().chain(a.people.iter().flatten()))
        .chain(source.issues.iter().flat_map(|i| &i.terms))
        .chain(&source.speech_verbs)
        .chain(&source.pronouns)
        .chain(&source.stance.support)
        .chain(&source.stance.oppose)
        .chain(&source.stance.conditional)
        .chain(&source.stance.negation)
        .map(|t| t.trim_end_matches('*').to_string())
        .collect();
    tokens.extend(
        [
            " ", " ", " ", ".", ",", ":", ";", "?", "!", "\"", "'", "“", "”", "‘", "’", "«", "»",
            "„", "—", "–", "…", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{202f}", "\u{85}", "\x0c",
            "\x1b", "é", "ß", "İ", "ﬁ", "🇺🇦", "\u{200B}", "\u{0301}", "Mr.", "U.S.", "said", "not",
            "the", "that",
        ]
        .map(String::from),
    );
    tokens
}

/// Arbitrary Unicode, or a soup of lexicon words and punctuation.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(tokens()), 0..120).prop_map(|t| t.concat()),
    ]
}

/// A document over `text`: content is the whole text, or each line alone
/// (as when the loader blanks boilerplate between lines).
fn document(text: String, per_line: bool) -> Document {
    let content = if per_line {
        let mut spans = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            spans.push(Span::new(start, start + line.trim_end_matches('\n').len()));
            start += line.len();
        }
        spans
    } else {
        vec![Span::new(0, text.len())]
    };
    Document {
        file: "a.txt".into(),
        path: "a.txt".into(),
        title: String::new(),
        date: None,
        source: String::new(),
        text,
        content,
        warnings: Vec::new(),
    }
}

fn assert_spans_fit(text: &str, statements: &[Statement], doc_index: usize) {
    let fits = |span: Span, what: &str| {
        assert!(
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "{what} span {span:?} does not fit a text of {} bytes: {text:?}",
            text.len()
        );
    };
    for s in statements {
        assert_eq!(s.doc, doc_index);
        assert!(s.actor < LEXICON.actors().len() && s.issue < LEXICON.issues().len());
        fits(s.sentence, "sentence");
        fits(s.speaker, "speaker");
        if let Some(quote) = s.quote {
            fits(quote, "quote");
        }
        for cue in &s.cues {
            fits(cue.span, "cue");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_never_panics_and_its_spans_fit(text in text(), per_line: bool, doc_index in 0usize..5) {
        let doc = document(text, per_line);
        let statements = extract::statements(doc_index, &doc, &LEXICON);
        assert_spans_fit(&doc.text, &statements, doc_index);
    }

    #[test]
    fn statements_of_text_as_written_have_spans_that_fit_it(text in text(), per_line: bool) {
        let doc = document(text, per_line);
        let statements = stancegrid::statements_of(0, &doc, &LEXICON);
        assert_spans_fit(&doc.text, &statements, 0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn generated_articles_give_statements_whose_spans_fit(seed: u64, index in 0usize..1000) {
        let synth = Synth::new(&LEXICON);
        let article = synth.article(index, 3_000, seed);
        prop_assume!(article.encoding == Encoding::Utf8);
        let text = String::from_utf8(article.bytes).expect("a UTF-8 article");
        let doc = document(text, false);
        let statements = extract::statements(0, &doc, &LEXICON);
        assert_spans_fit(&doc.text, &statements, 0);
    }
}

fn analyze(dir: &Path) -> Analysis {
    stancegrid::analyze(
        dir,
        Arc::new(Lexicon::builtin()),
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("the folder loads")
}

fn analyze_with_threads(dir: &Path, threads: usize) -> Analysis {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(|| analyze(dir))
}

fn json(analysis: &Analysis) -> String {
    let matrix = Matrix::build(analysis, &Filter::default());
    let bytes = export::render(export::Format::Json, analysis, &matrix).expect("JSON renders");
    String::from_utf8(bytes).expect("JSON is UTF-8")
}

proptest! {
    // Each case writes and analyses a corpus: a few cases cover the property.
    #![proptest_config(ProptestConfig::with_cases(4))]

    #[test]
    fn analysis_does_not_depend_on_the_number_of_threads(seed: u64) {
        let dir = tempfile::tempdir().unwrap();
        stancegrid::synth::write_articles(dir.path(), 30, seed).unwrap();
        let one = analyze_with_threads(dir.path(), 1);
        let two = analyze_with_threads(dir.path(), 2);
        prop_assert!(!one.statements.is_empty());
        prop_assert_eq!(&one.documents, &two.documents);
        prop_assert_eq!(&one.skipped, &two.skipped);
        prop_assert_eq!(&one.statements, &two.statements);
    }

    #[test]
    fn analysis_does_not_depend_on_file_creation_order(
        seed: u64,
        order in Just((0..20).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let synth = Synth::new(&LEXICON);
        let articles: Vec<_> = plan_files(20, seed)
            .into_iter()
            .enumerate()
            .map(|(i, size)| synth.article(i, size, seed))
            .collect();
        let in_order = tempfile::tempdir().unwrap();
        let shuffled = tempfile::tempdir().unwrap();
        for article in &articles {
            std::fs::write(in_order.path().join(&article.name), &article.bytes).unwrap();
        }
        for &i in &order {
            let article = &articles[i];
            std::fs::write(shuffled.path().join(&article.name), &article.bytes).unwrap();
        }
        prop_assert_eq!(json(&analyze(in_order.path())), json(&analyze(shuffled.path())));
    }
}
