//! The REFI-QDA and GraphML exports read back: the sample corpus coded as a
//! QDA project whose selections are exactly the statements' sentences, valid
//! against the REFI-QDA schema; the matrix as a graph whose edges carry its
//! counts.

use super::exports;
use roxmltree::{Document as Xml, Node};
use stancegrid::export::{self, Format};
use stancegrid::matrix::{Filter, Matrix};
use stancegrid::review::{self, Decision, Project};
use stancegrid::{Analysis, Lexicon, LoadOptions};
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

const QDA: &str = "urn:QDA-XML:project:1.0";
const GRAPHML: &str = "http://graphml.graphdrawing.org/xmlns";

/// The sample corpus, with one statement rejected and one annotated.
fn sample() -> (Analysis, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let mut analysis = stancegrid::analyze(
        &root,
        Arc::new(Lexicon::builtin()),
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("the sample corpus loads");
    assert!(analysis.statements.len() > 10, "the sample has statements");
    let note = "Says \"only with guarantees\" & <means> it.";
    let mut project = Project::default();
    let rejected = analysis.statements[0].clone();
    project.decide(&analysis, &rejected, Decision::Reject);
    let annotated = analysis.statements[1].clone();
    project.decide(&analysis, &annotated, Decision::Accept);
    project.annotate(&analysis, &annotated, note);
    assert!(review::apply(&mut analysis, &project).is_empty());
    (analysis, note.to_string())
}

/// Every file of a zip archive by name.
fn unzip(bytes: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).expect("entry");
            let mut content = Vec::new();
            file.read_to_end(&mut content).expect("entry reads");
            (file.name().expect("entry name").to_string(), content)
        })
        .collect()
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    node.children()
        .filter(|n| n.is_element() && n.tag_name().name() == name)
        .collect()
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Node<'a, 'i> {
    let found = children(node, name);
    assert_eq!(
        found.len(),
        1,
        "one <{name}> in <{}>",
        node.tag_name().name()
    );
    found[0]
}

fn attr<'a>(node: Node<'a, '_>, name: &str) -> &'a str {
    node.attribute(name)
        .unwrap_or_else(|| panic!("<{}> has {name}", node.tag_name().name()))
}

fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A statement as both sides can name it: file, exact text, party, issue,
/// stance.
type Coded = (String, String, String, String, String);

/// The statements of `matrix` that the project must code: all but the
/// rejected ones.
fn expected_codings(analysis: &Analysis, matrix: &Matrix) -> Vec<Coded> {
    let mut coded: Vec<Coded> = matrix
        .statements()
        .into_iter()
        .map(|i| &analysis.statements[i])
        .filter(|s| !s.is_rejected())
        .map(|s| {
            (
                analysis.documents[s.doc].file.clone(),
                analysis.text(s.doc, s.sentence).to_string(),
                analysis.actor_id(s).to_string(),
                analysis.issue_id(s).to_string(),
                s.stance.as_str().to_string(),
            )
        })
        .collect();
    coded.sort();
    coded
}

/// What a project says, read back from the archive.
struct ReadBack {
    codings: Vec<Coded>,
    /// Each selection's description.
    descriptions: Vec<String>,
}

/// Open the `.qdpx`, check its structure against `analysis`, and return
/// its codings with the text each selection covers in its stored source.
fn read_qdpx(bytes: &[u8], analysis: &Analysis) -> ReadBack {
    let files = unzip(bytes);
    let qde = std::str::from_utf8(&files["project.qde"]).expect("UTF-8 project");
    let xml = Xml::parse(qde).expect("well-formed project.qde");
    let project = xml.root_element();
    assert_eq!(project.tag_name().name(), "Project");
    assert_eq!(project.tag_name().namespace(), Some(QDA));
    assert_eq!(attr(project, "name"), "corpus");
    assert!(attr(project, "origin").starts_with("stancegrid "));

    let mut guids = HashSet::new();
    for node in xml.descendants().filter(|n| n.has_attribute("guid")) {
        let guid = attr(node, "guid");
        assert!(is_guid(guid), "{guid}");
        assert!(guids.insert(guid), "GUID {guid} given twice");
    }

    // The codebook: party › issue › stance, in lexicon order, and only the
    // stances codable.
    let lexicon = &analysis.lexicon;
    let mut codes: HashMap<&str, (String, String, String)> = HashMap::new();
    let parties = children(child(child(project, "CodeBook"), "Codes"), "Code");
    assert_eq!(parties.len(), lexicon.actors().len());
    for (party, actor) in parties.iter().zip(lexicon.actors()) {
        assert_eq!(attr(*party, "name"), actor.name);
        assert_eq!(attr(*party, "isCodable"), "false");
        let issues = children(*party, "Code");
        assert_eq!(issues.len(), lexicon.issues().len());
        for (code, issue) in issues.iter().zip(lexicon.issues()) {
            assert_eq!(attr(*code, "name"), issue.name);
            assert_eq!(attr(*code, "isCodable"), "false");
            let stances = children(*code, "Code");
            assert_eq!(stances.len(), stancegrid::Stance::ALL.len());
            for (stance_code, stance) in stances.iter().zip(stancegrid::Stance::ALL) {
                assert_eq!(attr(*stance_code, "name"), stance.as_str());
                assert_eq!(attr(*stance_code, "isCodable"), "true");
                assert!(children(*stance_code, "Code").is_empty());
                codes.insert(
                    attr(*stance_code, "guid"),
                    (
                        actor.id.clone(),
                        issue.id.clone(),
                        stance.as_str().to_string(),
                    ),
                );
            }
        }
    }

    let sources = children(child(project, "Sources"), "TextSource");
    assert_eq!(sources.len(), analysis.documents.len());
    let mut read = ReadBack {
        codings: Vec::new(),
        descriptions: Vec::new(),
    };
    for (source, doc) in sources.iter().zip(&analysis.documents) {
        assert_eq!(attr(*source, "name"), doc.file);
        let guid = attr(*source, "guid");
        assert_eq!(
            attr(*source, "plainTextPath"),
            format!("internal://{guid}.txt")
        );
        let stored = &files[&format!("Sources/{guid}.txt")];
        let text = std::str::from_utf8(stored).expect("UTF-8 source");
        assert_eq!(text, doc.text, "the article's text, verbatim");
        let chars: Vec<char> = text.chars().collect();
        for selection in children(*source, "PlainTextSelection") {
            let position = |name| attr(selection, name).parse::<usize>().expect("a number");
            let (start, end) = (position("startPosition"), position("endPosition"));
            assert!(start < end && end <= chars.len(), "{start}..{end}");
            let coding = child(selection, "Coding");
            let target = attr(child(coding, "CodeRef"), "targetGUID");
            let (actor, issue, stance) = codes
                .get(target)
                .unwrap_or_else(|| panic!("CodeRef {target} names no code"))
                .clone();
            read.codings.push((
                doc.file.clone(),
                chars[start..end].iter().collect(),
                actor,
                issue,
                stance,
            ));
            read.descriptions
                .push(child(selection, "Description").text().unwrap_or("").into());
        }
    }
    read.codings.sort();
    read
}

#[test]
fn qdpx_of_the_sample_codes_every_counted_statement_on_its_exact_sentence() {
    let (analysis, note) = sample();
    let matrix = Matrix::build(&analysis, &Filter::default());
    let bytes = export::render(Format::Qdpx, &analysis, &matrix).expect("renders");
    let read = read_qdpx(&bytes, &analysis);
    let expected = expected_codings(&analysis, &matrix);
    assert_eq!(read.codings, expected);
    assert_eq!(
        expected.len() + 1,
        matrix.statements().len(),
        "one rejected"
    );

    assert!(
        read.descriptions
            .contains(&format!("origin: accepted\nnote: {note}")),
        "{:?}",
        read.descriptions
    );
    assert!(read.descriptions.iter().any(|d| d == "origin: automatic"));
    assert!(!read.descriptions.iter().any(|d| d.contains("rejected")));

    let again = export::render(Format::Qdpx, &analysis, &matrix).expect("renders");
    assert_eq!(bytes, again, "the same corpus gives the same project");
}

#[test]
fn qdpx_counts_characters_through_markup_and_cyrillic() {
    let analysis = exports::analysis();
    let matrix = exports::everything(&analysis);
    let bytes = export::render(Format::Qdpx, &analysis, &matrix).expect("renders");
    let read = read_qdpx(&bytes, &analysis);
    assert_eq!(read.codings, expected_codings(&analysis, &matrix));
    // The second article's later sentences follow curly quotes and Cyrillic:
    // byte offsets would land past their start.
    assert!(
        read.codings
            .iter()
            .any(|c| c.1 == "The Kremlin would welcome foreign troops leaving.")
    );
}

#[test]
fn qdpx_project_is_valid_against_the_refi_schema() {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/refi/Project.xsd");
    if !schema.is_file() {
        eprintln!(
            "{} is absent: project.qde not validated against the schema",
            schema.display()
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (sample, _) = sample();
    for (name, analysis) in [("sample", sample), ("fixture", exports::analysis())] {
        let matrix = Matrix::build(&analysis, &Filter::default());
        let bytes = export::render(Format::Qdpx, &analysis, &matrix).expect("renders");
        let qde = dir.path().join(format!("{name}.qde"));
        std::fs::write(&qde, &unzip(&bytes)["project.qde"]).unwrap();
        let out = Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&schema)
            .arg(&qde)
            .output()
            .expect("xmllint runs (Debian: apt-get install libxml2-utils)");
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn graphml_has_a_node_per_party_and_issue_and_an_edge_per_filled_cell() {
    let (analysis, _) = sample();
    let matrix = Matrix::build(&analysis, &Filter::default());
    let bytes = export::render(Format::Graphml, &analysis, &matrix).expect("renders");
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    let xml = Xml::parse(text).expect("well-formed GraphML");
    let root = xml.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(root.tag_name().namespace(), Some(GRAPHML));

    // Every attribute is declared, for what carries it.
    let keys: HashMap<&str, &str> = children(root, "key")
        .into_iter()
        .map(|k| {
            assert_eq!(attr(k, "attr.name"), attr(k, "id"));
            (attr(k, "id"), attr(k, "for"))
        })
        .collect();
    let graph = child(root, "graph");
    let data = |node: Node, of: &str| -> HashMap<String, String> {
        children(node, "data")
            .into_iter()
            .map(|d| {
                let key = attr(d, "key");
                assert_eq!(keys.get(key), Some(&of), "key {key} declared for {of}");
                (key.to_string(), d.text().unwrap_or("").to_string())
            })
            .collect()
    };

    let lexicon = &analysis.lexicon;
    let nodes: HashMap<&str, HashMap<String, String>> = children(graph, "node")
        .into_iter()
        .map(|n| (attr(n, "id"), data(n, "node")))
        .collect();
    assert_eq!(nodes.len(), lexicon.actors().len() + lexicon.issues().len());
    let mut party_nodes = HashMap::new();
    for (a, actor) in lexicon.actors().iter().enumerate() {
        let (id, node) = nodes
            .iter()
            .find(|(_, d)| d["kind"] == "party" && d["label"] == actor.name)
            .unwrap_or_else(|| panic!("a node for {}", actor.name));
        assert_eq!(node.len(), 2);
        party_nodes.insert(*id, a);
    }
    let mut issue_nodes = HashMap::new();
    for (i, issue) in lexicon.issues().iter().enumerate() {
        let (id, _) = nodes
            .iter()
            .find(|(_, d)| d["kind"] == "issue" && d["label"] == issue.name)
            .unwrap_or_else(|| panic!("a node for {}", issue.name));
        issue_nodes.insert(*id, i);
    }

    let edges = children(graph, "edge");
    let filled = (0..matrix.actors)
        .flat_map(|a| (0..matrix.issues).map(move |i| (a, i)))
        .filter(|&(a, i)| matrix.cell(a, i).counts.total() > 0)
        .count();
    assert_eq!(edges.len(), filled);
    assert!(filled > 0);
    let mut seen = HashSet::new();
    for edge in edges {
        let a = party_nodes[attr(edge, "source")];
        let i = issue_nodes[attr(edge, "target")];
        assert!(seen.insert((a, i)), "one edge per cell");
        let cell = matrix.cell(a, i);
        let values = data(edge, "edge");
        for stance in stancegrid::Stance::ALL {
            assert_eq!(values[stance.as_str()], cell.counts.get(stance).to_string());
        }
        assert_eq!(values["statements"], cell.counts.total().to_string());
        assert_eq!(
            values["weight"].parse::<f64>().unwrap(),
            cell.counts.total() as f64
        );
        assert_eq!(values["summary"], cell.summary().unwrap().as_str());
    }
}
