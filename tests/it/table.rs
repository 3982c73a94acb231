//! Tests: the statements table, driven headless through egui_kittest: what
//! it lists, sorting by two columns, opening a row in the reader, and the
//! matrix headers that open it filtered.

use crate::window;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancegrid::app::{AppState, Command};
use stancegrid::{Analysis, Document, Lexicon, Span, Stance, Statement};
use std::sync::Arc;

/// (speaker, sentence, actor, issue, stance, date): one article's statement.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Stance,
    Option<&'static str>,
);

/// One article each.
const ROWS: [Row; 5] = [
    (
        "Peskov",
        "Peskov rejected foreign troops.",
        "russia",
        "foreign_troops",
        Stance::Oppose,
        Some("2025-03-01"),
    ),
    (
        "Zelenskyy",
        "Zelenskyy welcomed the guarantees.",
        "ukraine",
        "security_guarantees",
        Stance::Support,
        Some("2025-03-05"),
    ),
    (
        "Adams",
        "Adams opposed the ceasefire.",
        "russia",
        "ceasefire",
        Stance::Oppose,
        Some("2025-03-02"),
    ),
    (
        "Baker",
        "Baker backed the guarantees.",
        "ukraine",
        "security_guarantees",
        Stance::Support,
        None,
    ),
    (
        "Macron",
        "Macron would accept a ceasefire only with guarantees.",
        "ukraine",
        "ceasefire",
        Stance::Conditional,
        Some("2025-03-03"),
    ),
];

fn analysis(root: &std::path::Path) -> Analysis {
    let lexicon = Arc::new(Lexicon::builtin());
    let documents = ROWS
        .iter()
        .enumerate()
        .map(|(i, (_, sentence, .., date))| Document {
            title: format!("Article {i}"),
            date: date.map(str::to_string),
            source: format!("https://news.example/{i}"),
            ..Document::from_text(&format!("{i}.txt"), sentence)
        })
        .collect();
    let statements = ROWS
        .iter()
        .enumerate()
        .map(|(doc, (speaker, sentence, actor, issue, stance, _))| {
            Statement::new(
                doc,
                lexicon.actor_index(actor).expect("actor"),
                lexicon.issue_index(issue).expect("issue"),
                *stance,
                Span::new(0, speaker.len()),
                Span::new(0, sentence.len()),
            )
        })
        .collect();
    Analysis::new(root.into(), lexicon, documents, statements, Vec::new())
}

fn window() -> Harness<'static, AppState> {
    window_in(std::path::Path::new("root"))
}

/// The window on the articles as if read from `root`, where reviews are saved.
fn window_in(root: &std::path::Path) -> Harness<'static, AppState> {
    window::showing(analysis(root), window::SIZE)
}

fn rows(harness: &mut Harness<'_, AppState>) -> Vec<usize> {
    harness.state_mut().table_rows().to_vec()
}

/// The speakers as the table draws them, top to bottom.
fn speakers_on_screen(harness: &Harness<'_, AppState>) -> Vec<&'static str> {
    let mut shown: Vec<(f32, &str)> = ROWS
        .iter()
        .filter_map(|(speaker, ..)| {
            harness
                .query_by_label(speaker)
                .map(|node| (node.rect().top(), *speaker))
        })
        .collect();
    shown.sort_by(|a, b| a.0.total_cmp(&b.0));
    shown.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn t_opens_the_table_of_the_filtered_statements_and_escape_closes_it() {
    let mut harness = window();
    harness.key_press(egui::Key::T);
    harness.run();
    assert!(harness.state().table.open);
    harness.get_by_label("All statements");
    assert_eq!(rows(&mut harness), [0, 1, 2, 3, 4], "document order");
    assert_eq!(
        speakers_on_screen(&harness),
        ["Peskov", "Zelenskyy", "Adams", "Baker", "Macron"]
    );
    harness
        .get_by_role_and_label(Role::CheckBox, "− oppose")
        .click();
    harness.run();
    assert_eq!(rows(&mut harness), [1, 3, 4]);
    assert!(
        harness
            .query_by_label("Peskov rejected foreign troops.")
            .is_none()
    );
    harness.get_by_label("Zelenskyy welcomed the guarantees.");
    harness.get_by_label("3 statements");
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(!harness.state().table.open);
}

#[test]
fn sorting_by_a_second_column_keeps_the_first_to_break_ties() {
    let mut harness = window();
    harness.state_mut().apply(Command::ShowTable {
        actor: None,
        issue: None,
    });
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Speaker")
        .click();
    harness.run();
    assert_eq!(rows(&mut harness), [2, 3, 4, 0, 1]);
    harness
        .get_by_role_and_label(Role::Button, "Stance")
        .click();
    harness.run();
    // Support, oppose, conditional; within a stance by speaker.
    assert_eq!(rows(&mut harness), [3, 1, 2, 0, 4]);
    assert_eq!(
        speakers_on_screen(&harness),
        ["Baker", "Zelenskyy", "Adams", "Peskov", "Macron"]
    );
    harness
        .get_by_role_and_label(Role::Button, "Stance")
        .click();
    harness.run();
    assert_eq!(
        rows(&mut harness),
        [4, 2, 0, 3, 1],
        "reversed; ties still by speaker"
    );
}

#[test]
fn a_clicked_row_opens_in_the_reader_on_enter_and_arrows_move_it() {
    let mut harness = window();
    harness.state_mut().apply(Command::ShowTable {
        actor: None,
        issue: None,
    });
    harness.run();
    harness.get_by_label("Adams opposed the ceasefire.").click();
    harness.run();
    assert_eq!(harness.state().table_selected(), Some(2));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().table_selected(), Some(3));
    harness.key_press(egui::Key::ArrowUp);
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(harness.state().table_selected(), Some(1));
    harness.key_press(egui::Key::Enter);
    harness.run();
    let reader = harness.state().reader.clone().expect("the reader is open");
    assert_eq!((reader.doc, reader.statement), (1, 1));
}

#[test]
fn a_party_header_opens_the_table_of_that_party() {
    let mut harness = window();
    harness.get_by_label("Russia").click();
    harness.run();
    let russia = harness
        .state()
        .analysis
        .as_ref()
        .and_then(|a| a.lexicon.actor_index("russia"));
    assert!(harness.state().table.open);
    assert_eq!(harness.state().table.actor, russia);
    harness.get_by_label("Statements of Russia");
    assert_eq!(rows(&mut harness), [0, 2]);
    harness.get_by_label("Show all").click();
    harness.run();
    assert_eq!(rows(&mut harness).len(), 5);
    harness.get_by_label("Close table").click();
    harness.run();
    harness.get_by_label("Ceasefire").click();
    harness.run();
    harness.get_by_label("Statements on Ceasefire");
    assert_eq!(rows(&mut harness), [2, 4]);
}

#[test]
fn a_rejected_row_stays_listed_struck_out_and_origins_sort() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = window_in(dir.path());
    harness.key_press(egui::Key::T);
    harness.run();
    harness.get_by_label("Adams opposed the ceasefire.").click();
    harness.run();
    harness.key_press(egui::Key::R);
    harness.run();
    harness
        .get_by_label("Peskov rejected foreign troops.")
        .click();
    harness.run();
    harness.key_press(egui::Key::A);
    harness.run();
    assert!(harness.state().analysis.as_ref().unwrap().statements[2].is_rejected());
    assert_eq!(
        rows(&mut harness).len(),
        5,
        "the rejected one is still listed"
    );
    harness.get_by_label("5 statements");
    harness.get_by_label("rejected");
    harness.get_by_label("accepted");
    assert_eq!(harness.query_all_by_label("automatic").count(), 3);
    harness
        .get_by_role_and_label(Role::Button, "Origin")
        .click();
    harness.run();
    assert_eq!(
        rows(&mut harness),
        [1, 3, 4, 0, 2],
        "automatic, accepted, then rejected"
    );
    // Counted nowhere: the ceasefire cell of Russia holds no statement.
    let lexicon = &harness.state().analysis.as_ref().unwrap().lexicon;
    let (russia, ceasefire) = (
        lexicon.actor_index("russia").unwrap(),
        lexicon.issue_index("ceasefire").unwrap(),
    );
    let cell = harness.state().matrix.cell(russia, ceasefire);
    assert_eq!((cell.counts.oppose, cell.rejected.len()), (0, 1));
}
