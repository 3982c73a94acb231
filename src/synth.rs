//! Synthetic corpora for benchmarks and property tests.
//!
//! Builds seeded, reproducible news articles from a [`Lexicon`]'s own
//! vocabulary (party bodies and people, issue terms, speech verbs, stance cues),
//! so that a corpus exercises extraction the way real articles do: attributed
//! quotes, reported speech, negations, conditions, pronouns, narrative filler and
//! the boilerplate the loader strips, in the encodings and formats it decodes.
//!
//! Only the English glue between those words lives here; every name comes from
//! the lexicon. Nothing here is used by an analysis.

use crate::extract::Lexicon;
use rayon::prelude::*;
use std::io;
use std::path::Path;

/// Average article size the corpus plan aims for, in bytes.
const MEAN_ARTICLE_BYTES: usize = 5_000;

/// Keeps the sizes of a plan independent of the articles' own random streams.
const PLAN_SALT: u64 = 0x5eed_0fc0_ffee_0000;

/// How an article's bytes are encoded on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Windows1252,
    /// An HTML page (UTF-8) wrapping the article in markup and page chrome.
    Html,
}

/// One generated file: its name in the corpus folder and its bytes on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub name: String,
    pub encoding: Encoding,
    pub bytes: Vec<u8>,
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    /// Bytes on disk, all files together.
    pub bytes: u64,
    pub utf8: usize,
    pub utf8_bom: usize,
    pub utf16: usize,
    pub windows1252: usize,
    pub html: usize,
}

impl Stats {
    fn add(&mut self, article: &Article) {
        self.files += 1;
        self.bytes += article.bytes.len() as u64;
        match article.encoding {
            Encoding::Utf8 => self.utf8 += 1,
            Encoding::Utf8Bom => self.utf8_bom += 1,
            Encoding::Utf16LeBom => self.utf16 += 1,
            Encoding::Windows1252 => self.windows1252 += 1,
            Encoding::Html => self.html += 1,
        }
    }
}

/// Write about `total_bytes` of articles into `dir` (created if missing),
/// using the built-in lexicon. The same seed gives the same files.
pub fn write_corpus(dir: &Path, total_bytes: u64, seed: u64) -> io::Result<Stats> {
    let synth = Synth::new(&Lexicon::builtin());
    synth.write(dir, &plan_bytes(total_bytes, seed), seed)
}

/// Write exactly `files` articles into `dir`, using the built-in lexicon.
pub fn write_articles(dir: &Path, files: usize, seed: u64) -> io::Result<Stats> {
    let synth = Synth::new(&Lexicon::builtin());
    synth.write(dir, &plan_files(files, seed), seed)
}

/// Target sizes of articles that add up to about `total_bytes`.
pub fn plan_bytes(total_bytes: u64, seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed ^ PLAN_SALT);
    let mut sizes = Vec::new();
    let mut sum = 0u64;
    while sum < total_bytes {
        let size = article_size(&mut rng);
        sum += size as u64;
        sizes.push(size);
    }
    sizes
}

/// Target sizes of `files` articles.
pub fn plan_files(files: usize, seed: u64) -> Vec<usize> {
    let mut rng = Rng::new(seed ^ PLAN_SALT);
    (0..files).map(|_| article_size(&mut rng)).collect()
}

/// Mostly 2.5–6.5 KB, now and then a long read.
fn article_size(rng: &mut Rng) -> usize {
    if rng.chance(20) {
        MEAN_ARTICLE_BYTES * 5 / 2
    } else {
        MEAN_ARTICLE_BYTES - 2_500 + rng.below(4_000)
    }
}

/// The vocabulary of one lexicon, ready to compose articles from.
#[derive(Debug, Clone)]
pub struct Synth {
    /// Per actor: how it can be named as a speaker (people, bodies, groups).
    speakers: Vec<Vec<String>>,
    /// Per issue: its terms.
    issues: Vec<Vec<String>>,
    speech_verbs: Vec<String>,
    support: Vec<String>,
    oppose: Vec<String>,
    conditional: Vec<String>,
    pronouns: Vec<String>,
    non_party: Vec<String>,
}

impl Synth {
    pub fn new(lexicon: &Lexicon) -> Synth {
        let source = &lexicon.source;
        let speakers = source
            .actors
            .iter()
            .map(|actor| {
                let mut names: Vec<String> = actor.people.iter().flatten().cloned().collect();
                names.extend(actor.bodies.iter().cloned());
                for adjective in &actor.adjectives {
                    names.extend(
                        source
                            .official_nouns
                            .iter()
                            .map(|noun| format!("{adjective} {}", word(noun, "s"))),
                    );
                }
                names.retain(|n| !n.trim().is_empty());
                if names.is_empty() {
                    names.push(actor.name.clone());
                }
                names
            })
            .collect();
        let issues = source
            .issues
            .iter()
            .map(|issue| {
                let terms: Vec<String> = issue
                    .terms
                    .iter()
                    .chain(&issue.inverse_terms)
                    .chain(&issue.partial_terms)
                    .chain(&issue.reversal_terms)
                    .filter(|t| !t.trim().is_empty())
                    .map(|t| word(t, "s"))
                    .collect();
                if terms.is_empty() {
                    vec![issue.name.clone()]
                } else {
                    terms
                }
            })
            .collect();
        // Cues that end in `*` are stems ("reject*"); a past tense reads best
        // after a subject.
        let words = |list: &[String], suffix: &str, fallback: &str| -> Vec<String> {
            let words: Vec<String> = list
                .iter()
                .filter(|c| !c.trim().is_empty())
                .map(|c| word(c, suffix))
                .collect();
            if words.is_empty() {
                vec![fallback.to_string()]
            } else {
                words
            }
        };
        Synth {
            speakers,
            issues,
            speech_verbs: words(&source.speech_verbs, "ed", "said"),
            support: words(&source.stance.support, "ed", "wants"),
            oppose: words(&source.stance.oppose, "ed", "rejects"),
            conditional: words(&source.stance.conditional, "", "only if"),
            pronouns: words(&source.pronouns, "", "they"),
            non_party: words(&source.non_party_speakers, "", "analyst"),
        }
    }

    /// Article number `index` of the corpus with seed `seed`, about
    /// `target_len` bytes of text before encoding.
    pub fn article(&self, index: usize, target_len: usize, seed: u64) -> Article {
        let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let encoding = match rng.below(100) {
            0..=84 => Encoding::Utf8,
            85..=89 => Encoding::Utf8Bom,
            90..=92 => Encoding::Utf16LeBom,
            93..=96 => Encoding::Windows1252,
            _ => Encoding::Html,
        };
        let parts = self.compose(&mut rng, index, target_len);
        let slug = parts.slug.clone();
        let (extension, bytes) = match encoding {
            Encoding::Utf8 => ("txt", parts.plain().into_bytes()),
            Encoding::Utf8Bom => {
                let mut bytes = b"\xEF\xBB\xBF".to_vec();
                bytes.extend(parts.plain().into_bytes());
                ("txt", bytes)
            }
            Encoding::Utf16LeBom => {
                let mut bytes = vec![0xFF, 0xFE];
                bytes.extend(parts.plain().encode_utf16().flat_map(u16::to_le_bytes));
                ("txt", bytes)
            }
            Encoding::Windows1252 => {
                // Characters outside cp1252 become numeric references, as in
                // pages saved by old tools.
                let text = parts.plain();
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
                ("txt", bytes.into_owned())
            }
            Encoding::Html => ("html", parts.html().into_bytes()),
        };
        Article {
            name: format!("{index:05}_{slug}.{extension}"),
            encoding,
            bytes,
        }
    }

    /// Generate the articles of `plan` (target sizes) in parallel and write them
    /// into `dir`.
    pub fn write(&self, dir: &Path, plan: &[usize], seed: u64) -> io::Result<Stats> {
        std::fs::create_dir_all(dir)?;
        let written: Vec<io::Result<Stats>> = plan
            .par_iter()
            .enumerate()
            .map(|(i, &size)| {
                let article = self.article(i, size, seed);
                std::fs::write(dir.join(&article.name), &article.bytes)?;
                let mut stats = Stats::default();
                stats.add(&article);
                Ok(stats)
            })
            .collect();
        let mut total = Stats::default();
        for stats in written {
            let s = stats?;
            total.files += s.files;
            total.bytes += s.bytes;
            total.utf8 += s.utf8;
            total.utf8_bom += s.utf8_bom;
            total.utf16 += s.utf16;
            total.windows1252 += s.windows1252;
            total.html += s.html;
        }
        Ok(total)
    }

    fn compose(&self, rng: &mut Rng, index: usize, target_len: usize) -> Parts {
        let issue = rng.below(self.issues.len());
        let actor = rng.below(self.speakers.len());
        let title = format!(
            "{} {} {} {}",
            capitalize(rng.pick::<String>(&self.speakers[actor])),
            rng.pick(&self.support),
            rng.pick(&self.issues[issue]),
            rng.pick(TITLE_ENDINGS),
        );
        let slug: String = title
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .take(40)
            .collect();
        let date = format!("2025-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        let source = format!(
            "https://news{}.example.com/{date}/{slug}-{index}",
            rng.below(9)
        );
        let mut body = Vec::new();
        let mut len = 0;
        while len < target_len {
            let block = if rng.chance(6) {
                Block::Boilerplate(self.boilerplate(rng))
            } else {
                Block::Paragraph(self.paragraph(rng))
            };
            len += block.len() + 2;
            body.push(block);
        }
        Parts {
            title,
            slug,
            date,
            source,
            body,
        }
    }

    fn paragraph(&self, rng: &mut Rng) -> String {
        let n = 2 + rng.below(4);
        let mut sentences = Vec::with_capacity(n);
        let mut last_speaker_person = false;
        for _ in 0..n {
            let (sentence, person) = self.sentence(rng, last_speaker_person);
            last_speaker_person = person;
            sentences.push(sentence);
        }
        sentences.join(" ")
    }

    /// One sentence, and whether it named a speaker a pronoun can refer back to.
    fn sentence(&self, rng: &mut Rng, pronoun_ok: bool) -> (String, bool) {
        let actor = rng.below(self.speakers.len());
        let speaker = rng.pick(&self.speakers[actor]).as_str();
        let issue = rng.below(self.issues.len());
        let term = rng.pick(&self.issues[issue]).as_str();
        let verb = rng.pick(&self.speech_verbs).as_str();
        let support = rng.pick(&self.support).as_str();
        let oppose = rng.pick(&self.oppose).as_str();
        let condition = rng.pick(&self.conditional).as_str();
        let filler = rng.pick(FILLER);
        // About half the sentences are narrative, as in the sample articles
        // (roughly three statements per kilobyte).
        let template = rng.below(22);
        let sentence = match template {
            0 => format!("“We {support} the {term},” {speaker} {verb}."),
            1 => format!("{speaker} {verb} that the government {support} {term}."),
            2 => format!("According to {speaker}, any {term} was {oppose}."),
            3 => format!(
                "“This is not about {term}. We have {oppose} it,” {speaker} {verb} on {}.",
                rng.pick(WEEKDAYS)
            ),
            4 => format!("{speaker} {verb} it would never accept {term} and {oppose} the idea."),
            5 => format!("{speaker} {verb} a {term} was possible {condition} {filler}"),
            6 if pronoun_ok => format!(
                "{} {verb} the {term} {condition} the talks continue.",
                capitalize(rng.pick::<String>(&self.pronouns))
            ),
            7 => format!(
                "A {} in {} {verb} that {speaker} had {oppose} {term}, but few expected a final answer.",
                rng.pick(&self.non_party),
                rng.pick(CITIES),
            ),
            8 => format!(
                "“{}…” {speaker} {verb} — the {term} remained “a matter for later”.",
                capitalize(filler.trim_end_matches('.'))
            ),
            9 => format!("\"Nobody has {support} {term} yet,\" {speaker} {verb}."),
            10 => format!(
                "{speaker} {verb}: “We don’t {support} {term} {condition} the others move first.”"
            ),
            _ => capitalize(filler),
        };
        // Templates that end with a named speaker set up a following pronoun.
        (sentence, matches!(template, 0 | 1 | 4 | 5 | 9))
    }

    fn boilerplate(&self, rng: &mut Rng) -> Vec<String> {
        let actor = rng.below(self.speakers.len());
        match rng.below(5) {
            0 => vec![
                "We use cookies to improve your experience. By continuing you accept our cookie policy.".into(),
                "Accept all cookies | Manage preferences".into(),
            ],
            1 => vec![format!(
                "Read more: {} {} {}",
                rng.pick(&self.speakers[actor]),
                rng.pick(&self.speech_verbs),
                rng.pick(TITLE_ENDINGS)
            )],
            2 => {
                let mut lines = vec!["Related News".to_string()];
                for _ in 0..3 {
                    let actor = rng.below(self.speakers.len());
                    let issue = rng.below(self.issues.len());
                    lines.push(format!(
                        "- {} and the {}: what we know",
                        capitalize(rng.pick::<String>(&self.speakers[actor])),
                        rng.pick(&self.issues[issue])
                    ));
                }
                lines
            }
            3 => vec!["Share this article: Facebook · X · Telegram · Email".into()],
            _ => vec!["Subscribe to our newsletter — Sign up · Log in".into()],
        }
    }
}

/// A paragraph of article text, or a run of boilerplate lines.
#[derive(Debug, Clone)]
enum Block {
    Paragraph(String),
    Boilerplate(Vec<String>),
}

impl Block {
    fn len(&self) -> usize {
        match self {
            Block::Paragraph(p) => p.len(),
            Block::Boilerplate(lines) => lines.iter().map(|l| l.len() + 1).sum(),
        }
    }
}

/// An article before it is rendered as plain text or HTML.
#[derive(Debug, Clone)]
struct Parts {
    title: String,
    slug: String,
    date: String,
    source: String,
    body: Vec<Block>,
}

impl Parts {
    fn plain(&self) -> String {
        let mut out = format!(
            "{}\nSource: {}\nPublished: {}\n\n",
            self.title, self.source, self.date
        );
        for block in &self.body {
            match block {
                Block::Paragraph(p) => out.push_str(p),
                Block::Boilerplate(lines) => out.push_str(&lines.join("\n")),
            }
            out.push_str("\n\n");
        }
        out
    }

    fn html(&self) -> String {
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
             <title>{title}</title>\
             <link rel=\"canonical\" href=\"{source}\">\
             <meta property=\"article:published_time\" content=\"{date}T08:00:00Z\">\
             <script>window.analytics = {{ page: 1 }};</script>\
             <style>body {{ font-family: serif; }}</style></head>\n<body>\
             <nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n\
             <article><h1>{title}</h1><time datetime=\"{date}\">{date}</time>\n",
            title = escape(&self.title),
            source = escape(&self.source),
            date = self.date,
        );
        for block in &self.body {
            match block {
                Block::Paragraph(p) => {
                    out.push_str("<p>");
                    out.push_str(&escape(p));
                    out.push_str("</p>\n");
                }
                Block::Boilerplate(lines) => {
                    out.push_str("<aside><ul>");
                    for line in lines {
                        out.push_str("<li>");
                        out.push_str(&escape(line));
                        out.push_str("</li>");
                    }
                    out.push_str("</ul></aside>\n");
                }
            }
        }
        out.push_str("</article>\n<footer>© News. All rights reserved.</footer></body></html>\n");
        out
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A lexicon term as a word in running text: a stem (`reject*`) gets `suffix`.
fn word(term: &str, suffix: &str) -> String {
    match term.strip_suffix('*') {
        Some(stem) if stem.ends_with('e') && suffix.starts_with('e') => {
            format!("{stem}{}", &suffix[1..])
        }
        Some(stem) => format!("{stem}{suffix}"),
        None => term.to_string(),
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

const TITLE_ENDINGS: &[&str] = &[
    "as talks resume",
    "ahead of summit",
    "after overnight strikes",
    "in Geneva round",
    "— live updates",
    "amid pressure from allies",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

const CITIES: &[&str] = &[
    "Geneva",
    "Istanbul",
    "Riyadh",
    "Abu Dhabi",
    "Miami",
    "Zürich",
];

const FILLER: &[&str] = &[
    "the delegations met for six hours behind closed doors.",
    "air-raid sirens sounded across several regions overnight.",
    "the talks are expected to resume after the weekend.",
    "diplomats described the atmosphere as “business-like”.",
    "markets rose slightly on hopes of progress, then fell back.",
    "the draft, now 20 points long, has been revised several times.",
    "no date has been set for a meeting of the leaders.",
    "energy infrastructure was again hit by drones — the third time this week.",
    "journalists waited outside the hotel until well after midnight…",
    "the café across the street filled with reporters and camera crews.",
];

/// splitmix64: tiny, fast and good enough to vary articles reproducibly.
/// Public for the benchmark drivers that build corpora of their own.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be 0.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True about once in `n` times.
    fn chance(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A generated corpus in a temporary folder and its analysis with the
/// built-in lexicon: the fixture every benchmark measures.
pub struct Generated {
    pub dir: tempfile::TempDir,
    pub stats: Stats,
    pub analysis: crate::Analysis,
}

/// Write a corpus of about `total_bytes` into a temporary folder and analyse it.
pub fn generate_and_analyze(total_bytes: u64, seed: u64) -> io::Result<Generated> {
    let dir = tempfile::tempdir()?;
    let stats = write_corpus(dir.path(), total_bytes, seed)?;
    let analysis = crate::analyze(
        dir.path(),
        std::sync::Arc::new(Lexicon::builtin()),
        &crate::LoadOptions::default(),
        &|_| {},
        &std::sync::atomic::AtomicBool::new(false),
    )
    .map_err(io::Error::other)?;
    Ok(Generated {
        dir,
        stats,
        analysis,
    })
}

/// Texts of one paragraph that once made extraction grow faster than the
/// text (each took a minute or more at a few MB), for benchmarks and for
/// the tests that check the work stays linear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A corpus on one line, as a page that lost its line breaks: thousands
    /// of sentences and quotations in one paragraph.
    CorpusOnOneLine,
    /// One clause that runs on without a full stop.
    RunOnClause,
    /// "said Zelensky " over and over before one clause.
    RepeatedSpeaker,
    /// Quotations opened, each before a clause, and never closed.
    UnclosedQuotes,
}

impl Shape {
    pub const ALL: [Shape; 4] = [
        Shape::CorpusOnOneLine,
        Shape::RunOnClause,
        Shape::RepeatedSpeaker,
        Shape::UnclosedQuotes,
    ];

    /// A short name, for file names and benchmark rows.
    pub fn name(self) -> &'static str {
        match self {
            Shape::CorpusOnOneLine => "corpus-on-one-line",
            Shape::RunOnClause => "run-on-clause",
            Shape::RepeatedSpeaker => "repeated-speaker",
            Shape::UnclosedQuotes => "unclosed-quotes",
        }
    }

    /// The shape in at least `bytes` bytes. `corpus` is the text that
    /// [`Shape::CorpusOnOneLine`] repeats (see [`one_line`]).
    pub fn text(self, bytes: usize, corpus: &str) -> String {
        let repeated = |unit: &str| unit.repeat(bytes.div_ceil(unit.len().max(1)));
        match self {
            Shape::CorpusOnOneLine => repeated(&format!("{corpus} ")),
            Shape::RunOnClause => repeated(
                "Zelensky said Ukraine wants security guarantees and the talks went on and on and ",
            ),
            Shape::RepeatedSpeaker => {
                repeated("said Zelensky ") + "Ukraine wants security guarantees."
            }
            Shape::UnclosedQuotes => {
                repeated("\u{201c}Zelensky said Ukraine wants security guarantees ")
            }
        }
    }
}

/// The `.txt` articles of `dir` in name order, on one line: line breaks
/// become spaces, and articles are joined by one.
pub fn one_line(dir: &Path) -> io::Result<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    files.sort();
    let texts = files
        .iter()
        .map(|p| Ok(std::fs::read_to_string(p)?.replace('\n', " ")))
        .collect::<io::Result<Vec<_>>>()?;
    Ok(texts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_articles() {
        let synth = Synth::new(&Lexicon::builtin());
        for i in 0..20 {
            assert_eq!(synth.article(i, 3_000, 7), synth.article(i, 3_000, 7));
        }
        assert_ne!(synth.article(0, 3_000, 7), synth.article(0, 3_000, 8));
    }

    #[test]
    fn a_plan_adds_up_to_the_size_asked_for() {
        let plan = plan_bytes(1_000_000, 1);
        let sum: usize = plan.iter().sum();
        assert!((1_000_000..1_000_000 + 3 * MEAN_ARTICLE_BYTES).contains(&sum));
        assert!((150..260).contains(&plan.len()), "{}", plan.len());
    }

    #[test]
    fn stems_become_words() {
        assert_eq!(word("reject*", "ed"), "rejected");
        assert_eq!(word("propos*", "ed"), "proposed");
        assert_eq!(word("official*", "s"), "officials");
        assert_eq!(word("ruled out", "ed"), "ruled out");
    }
}
