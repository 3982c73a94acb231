//! Reviews: applied to an analysis, kept in the project file, and read by
//! the CLI as the window writes them.

use stancegrid::matrix::{Filter, Matrix};
use stancegrid::review::{self, Code, Decision, Project};
use stancegrid::{Analysis, Grade, Lexicon, LoadOptions, Origin, Span, Stance};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

const KREMLIN: &str = "Russia rejected the deployment of foreign troops in Ukraine, Kremlin spokesman Dmitry Peskov said.";
const KYIV: &str =
    "Ukraine welcomed the security guarantees offered by Europe, Volodymyr Zelenskyy said.";
const OTHER: &str = "“We will never accept territorial concessions,” Zelensky said.";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        format!("Talks\n\n{KREMLIN}\n\n{KYIV}\n"),
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("More talks\n\n{OTHER}\n")).unwrap();
    dir
}

/// The analysis of `dir` with the built-in lexicon.
pub fn analyze(dir: &Path) -> Analysis {
    stancegrid::analyze(
        dir,
        Arc::new(Lexicon::builtin()),
        &LoadOptions::default(),
        &|_| {},
        &AtomicBool::new(false),
    )
    .expect("analysed")
}

/// The statement of `actor` on `issue`, by lexicon ids.
fn find(analysis: &Analysis, actor: &str, issue: &str) -> usize {
    analysis
        .statements
        .iter()
        .position(|s| analysis.actor_id(s) == actor && analysis.issue_id(s) == issue)
        .unwrap_or_else(|| panic!("no statement of {actor} on {issue}"))
}

fn cell_total(analysis: &Analysis, actor: &str, issue: &str) -> usize {
    let lexicon = &analysis.lexicon;
    let a = lexicon.actors().iter().position(|x| x.id == actor).unwrap();
    let i = lexicon.issues().iter().position(|x| x.id == issue).unwrap();
    Matrix::build(analysis, &Filter::default())
        .cell(a, i)
        .counts
        .total()
}

#[test]
fn extraction_grades_each_statement_by_how_it_was_found() {
    let analysis = analyze(folder().path());
    let quote = find(&analysis, "ukraine", "territory");
    assert_eq!(analysis.statements[quote].grade, Some(Grade::Quote));
    let reported = find(&analysis, "ukraine", "security_guarantees");
    assert_eq!(analysis.statements[reported].grade, Some(Grade::Reported));
}

#[test]
fn a_rejected_statement_is_listed_but_not_counted_and_forgetting_restores_it() {
    let dir = folder();
    let mut analysis = analyze(dir.path());
    let i = find(&analysis, "russia", "foreign_troops");
    assert_eq!(cell_total(&analysis, "russia", "foreign_troops"), 1);
    let mut project = Project::default();
    project.decide(&analysis, &analysis.statements[i].clone(), Decision::Reject);
    assert!(review::apply(&mut analysis, &project).is_empty());
    let i = find(&analysis, "russia", "foreign_troops");
    assert!(analysis.statements[i].is_rejected());
    assert_eq!(cell_total(&analysis, "russia", "foreign_troops"), 0);
    let s = analysis.statements[i].clone();
    project.forget(&analysis, &s);
    review::apply(&mut analysis, &project);
    assert!(!analysis.statements[find(&analysis, "russia", "foreign_troops")].is_rejected());
    assert_eq!(cell_total(&analysis, "russia", "foreign_troops"), 1);
}

#[test]
fn a_recoded_statement_moves_cell_and_keeps_its_original_coding() {
    let dir = folder();
    let mut analysis = analyze(dir.path());
    let s = analysis.statements[find(&analysis, "ukraine", "security_guarantees")].clone();
    let mut project = Project::default();
    let code = Code {
        actor: "europe".into(),
        issue: "security_guarantees".into(),
        stance: Stance::Conditional,
        speaker: "an EU diplomat".into(),
    };
    project.decide(&analysis, &s, Decision::Recode(code));
    review::apply(&mut analysis, &project);
    let i = find(&analysis, "europe", "security_guarantees");
    let recoded = &analysis.statements[i];
    assert_eq!(recoded.origin(), Origin::Recoded);
    assert_eq!(recoded.stance, Stance::Conditional);
    assert_eq!(analysis.speaker(recoded), "an EU diplomat");
    let original = recoded.review.as_ref().unwrap().original.as_ref().unwrap();
    assert_eq!(analysis.lexicon.actors()[original.actor].id, "ukraine");
    assert_eq!(original.stance, Stance::Support);
    // Applying again starts from what extraction found: no second move.
    review::apply(&mut analysis, &project);
    assert_eq!(cell_total(&analysis, "europe", "security_guarantees"), 1);
    assert_eq!(cell_total(&analysis, "ukraine", "security_guarantees"), 0);
}

#[test]
fn an_added_statement_is_counted_in_document_order_with_its_speaker_marked() {
    let dir = folder();
    let mut analysis = analyze(dir.path());
    let doc = analysis
        .documents
        .iter()
        .position(|d| d.file == "a.txt")
        .unwrap();
    let text = &analysis.documents[doc].text;
    let start = text.find(KREMLIN).unwrap();
    let mut project = Project::default();
    let code = Code {
        actor: "russia".into(),
        issue: "ceasefire".into(),
        stance: Stance::Oppose,
        speaker: "Dmitry Peskov".into(),
    };
    project.add(
        &analysis,
        doc,
        Span::new(start, start + KREMLIN.len()),
        code,
    );
    review::apply(&mut analysis, &project);
    let i = find(&analysis, "russia", "ceasefire");
    let added = &analysis.statements[i];
    assert_eq!(added.origin(), Origin::Added);
    assert_eq!(added.grade, None);
    assert_eq!(analysis.text(added.doc, added.speaker), "Dmitry Peskov");
    assert!(
        analysis
            .statements
            .windows(2)
            .all(|w| (w[0].doc, w[0].sentence.start) <= (w[1].doc, w[1].sentence.start))
    );
    assert_eq!(cell_total(&analysis, "russia", "ceasefire"), 1);
}

#[test]
fn reviews_survive_a_round_trip_through_the_project_file() {
    let dir = folder();
    let analysis = analyze(dir.path());
    let mut project = Project::default();
    let s = analysis.statements[find(&analysis, "russia", "foreign_troops")].clone();
    project.decide(&analysis, &s, Decision::Accept);
    project.annotate(&analysis, &s, "  Peskov, on the record  ");
    let path = review::location::in_folder(dir.path());
    review::save(&path, &project).expect("saved");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("stancegrid/project@1") && text.contains("Accept"),
        "{text}"
    );
    assert_eq!(review::load(&path).expect("loaded"), project);
    let mut again = analyze(dir.path());
    review::apply(&mut again, &project);
    let s = &again.statements[find(&again, "russia", "foreign_troops")];
    assert_eq!(s.origin(), Origin::Accepted);
    assert_eq!(s.note(), "Peskov, on the record");
}

#[test]
fn a_review_of_an_edited_sentence_no_longer_matches_while_the_others_do() {
    let dir = folder();
    let analysis = analyze(dir.path());
    let mut project = Project::default();
    for (actor, issue) in [("russia", "foreign_troops"), ("ukraine", "territory")] {
        let s = analysis.statements[find(&analysis, actor, issue)].clone();
        project.decide(&analysis, &s, Decision::Accept);
    }
    // An edit elsewhere in a.txt keeps its review; one in b.txt's sentence
    // does not.
    std::fs::write(
        dir.path().join("a.txt"),
        format!("Talks, updated\n\nA new paragraph.\n\n{KREMLIN}\n\n{KYIV}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "More talks\n\n“We will accept nothing,” Zelensky said.\n",
    )
    .unwrap();
    let mut edited = analyze(dir.path());
    let unmatched = review::apply(&mut edited, &project);
    assert_eq!(unmatched.len(), 1, "{unmatched:?}");
    assert_eq!(unmatched[0].file, "b.txt");
    let s = &edited.statements[find(&edited, "russia", "foreign_troops")];
    assert_eq!(s.origin(), Origin::Accepted);
    assert_eq!(
        review::unmatched_message(3),
        "3 reviews no longer match their article"
    );
}

#[test]
fn a_broken_project_file_is_reported_with_line_and_column() {
    let dir = folder();
    let path = review::location::in_folder(dir.path());
    std::fs::write(
        &path,
        "Project(\n  format: \"stancegrid/project@1\",\n  reviews: [oops],\n)",
    )
    .unwrap();
    let err = review::load(&path).unwrap_err().to_string();
    assert!(err.contains("line 3"), "{err}");
}

#[test]
fn the_cli_applies_the_project_file_unless_told_not_to() {
    let dir = folder();
    let analysis = analyze(dir.path());
    let mut project = Project::default();
    let s = analysis.statements[find(&analysis, "russia", "foreign_troops")].clone();
    project.decide(&analysis, &s, Decision::Reject);
    review::save(&review::location::in_folder(dir.path()), &project).unwrap();
    let run = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_stancegrid"))
            .arg("analyze")
            .arg(dir.path())
            .args(extra)
            .output()
            .expect("runs");
        assert!(out.status.success());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        json
    };
    let reviewed = run(&[]);
    assert_eq!(
        reviewed["skipped"],
        serde_json::json!([]),
        "the project file is no article"
    );
    assert_eq!(reviewed["schema"], "stancegrid/positions@2");
    let troops = |json: &serde_json::Value| {
        json["statements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["actor"] == "russia" && s["issue"] == "foreign_troops")
            .cloned()
            .unwrap()
    };
    assert_eq!(troops(&reviewed)["rejected"], true);
    let cells = reviewed["cells"].as_array().unwrap();
    assert!(
        !cells
            .iter()
            .any(|c| c["actor"] == "russia" && c["issue"] == "foreign_troops")
    );
    let plain = run(&["--no-reviews"]);
    assert_eq!(troops(&plain)["rejected"], false);
    assert_eq!(troops(&plain)["origin"], "automatic");
}

#[test]
fn the_readme_project_file_example_is_a_valid_project() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```ron\nProject(")
        .expect("the README shows a project file")
        + "```ron\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = review::location::in_folder(dir.path());
    std::fs::write(&path, &readme[start..end]).unwrap();
    let project = review::load(&path).expect("the example loads");
    assert_eq!(project.reviews.len(), 2);
    assert_eq!(project.reviews[0].decision, Decision::Accept);
    assert!(matches!(project.reviews[1].decision, Decision::Add(_)));
}
