//! The matrix as a network for Gephi and other graph tools (GraphML): a node
//! per party and per issue, an edge from a party to each issue it has
//! counted statements on, with the counts per stance, their total as the
//! edge's `weight`, and the cell's summary stance.
//!
//! Edges carry the matrix's counts (copies once, rejected statements left
//! out), so a cell with only rejected statements has no edge. Every
//! attribute is declared with a `<key>`, as GraphML readers expect.

use super::cells;
use super::xml::Xml;
use crate::Analysis;
use crate::matrix::Matrix;
use crate::model::Stance;

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";

/// A declared attribute: the `<key>` id (and `attr.name`), what carries it,
/// its GraphML type.
struct Key {
    id: &'static str,
    of: &'static str,
    kind: &'static str,
}

const NODE_KEYS: [Key; 2] = [
    Key {
        id: "kind",
        of: "node",
        kind: "string",
    },
    Key {
        id: "label",
        of: "node",
        kind: "string",
    },
];

/// Edge keys besides one `int` per stance, named as [`Stance::as_str`].
const EDGE_KEYS: [Key; 3] = [
    Key {
        id: "statements",
        of: "edge",
        kind: "int",
    },
    Key {
        id: "weight",
        of: "edge",
        kind: "double",
    },
    Key {
        id: "summary",
        of: "edge",
        kind: "string",
    },
];

pub(super) fn render(analysis: &Analysis, matrix: &Matrix) -> String {
    let lexicon = &analysis.lexicon;
    let mut xml = Xml::new();
    xml.open("graphml", &[("xmlns", NAMESPACE)]);
    let stance_keys = Stance::ALL.map(|s| Key {
        id: s.as_str(),
        of: "edge",
        kind: "int",
    });
    for key in NODE_KEYS.iter().chain(&stance_keys).chain(&EDGE_KEYS) {
        xml.empty(
            "key",
            &[
                ("id", key.id),
                ("for", key.of),
                ("attr.name", key.id),
                ("attr.type", key.kind),
            ],
        );
    }
    xml.open("graph", &[("id", "positions"), ("edgedefault", "directed")]);
    let parties = lexicon.actors().iter().map(|a| ("party", &a.id, &a.name));
    let issues = lexicon.issues().iter().map(|i| ("issue", &i.id, &i.name));
    for (kind, id, name) in parties.chain(issues) {
        xml.open("node", &[("id", &node_id(kind, id))]);
        xml.text("data", &[("key", "kind")], kind);
        xml.text("data", &[("key", "label")], name);
        xml.close("node");
    }
    for (a, i, cell) in cells(matrix) {
        let Some(summary) = cell.summary() else {
            continue;
        };
        let source = node_id("party", &lexicon.actors()[a].id);
        let target = node_id("issue", &lexicon.issues()[i].id);
        let edge = format!("{source}/{target}");
        xml.open(
            "edge",
            &[("id", &edge), ("source", &source), ("target", &target)],
        );
        for stance in Stance::ALL {
            let n = cell.counts.get(stance).to_string();
            xml.text("data", &[("key", stance.as_str())], &n);
        }
        let total = cell.counts.total().to_string();
        xml.text("data", &[("key", "statements")], &total);
        xml.text("data", &[("key", "weight")], &total);
        xml.text("data", &[("key", "summary")], summary.as_str());
        xml.close("edge");
    }
    xml.close("graph");
    xml.close("graphml");
    xml.finish()
}

/// A node's id: kind and lexicon id, as a party and an issue may share an id.
fn node_id(kind: &str, id: &str) -> String {
    format!("{kind}:{id}")
}
