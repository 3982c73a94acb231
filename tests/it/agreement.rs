//! Tests: the parties-against-each-other view (G), driven headless: the
//! numbers of a pair, the issues behind them on click, and a filter that
//! changes them.

use crate::window;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use stancegrid::{Analysis, Document, Lexicon, Span, Stance, Statement};
use std::sync::Arc;

/// (actor, issue, stance), one statement each, in one article.
const CODES: [(&str, &str, Stance); 5] = [
    ("ukraine", "nato_membership", Stance::Support),
    ("russia", "nato_membership", Stance::Oppose),
    ("ukraine", "ceasefire", Stance::Conditional),
    ("russia", "ceasefire", Stance::Conditional),
    ("europe", "ceasefire", Stance::Support),
];

fn analysis() -> Analysis {
    let lexicon = Arc::new(Lexicon::builtin());
    let text = "A statement.";
    let statements = CODES
        .iter()
        .map(|(actor, issue, stance)| {
            Statement::new(
                0,
                lexicon.actor_index(actor).expect("actor"),
                lexicon.issue_index(issue).expect("issue"),
                *stance,
                Span::new(0, 1),
                Span::new(0, text.len()),
            )
        })
        .collect();
    Analysis::new(
        "root".into(),
        lexicon,
        vec![Document::from_text("a.txt", text)],
        statements,
        Vec::new(),
    )
}

#[test]
fn g_shows_each_pair_and_a_click_lists_the_issues_behind_its_numbers() {
    let mut harness = window::showing(analysis(), window::SIZE);
    harness.key_press(egui::Key::G);
    harness.run();
    assert!(harness.state().agreement.open);
    harness.get_by_label("Parties against each other");
    // The pair shows in both its row and its column.
    let pair = "1 agree · 1 conflict · 0 n/c";
    assert_eq!(harness.query_all_by_label(pair).count(), 2);
    harness.get_all_by_label(pair).next().unwrap().click();
    harness.run();
    harness.get_by_label("Ukraine and Russia");
    harness.get_by_label("Ceasefire: Ukraine ~ conditional, Russia ~ conditional");
    harness.get_by_label("NATO membership: Ukraine + support, Russia − oppose");
    // Europe against Ukraine and against Russia: a ceasefire backed against
    // one made conditional, and NATO membership on which Europe is silent.
    assert_eq!(
        harness
            .query_all_by_label("0 agree · 1 conflict · 1 n/c")
            .count(),
        4
    );

    // Without oppose statements, Russia says nothing on NATO membership.
    harness
        .get_by_role_and_label(Role::CheckBox, "− oppose")
        .click();
    harness.run();
    assert_eq!(
        harness
            .query_all_by_label("1 agree · 0 conflict · 1 n/c")
            .count(),
        2
    );
    harness.get_by_label("NATO membership: Ukraine + support, Russia nothing");

    harness.key_press(egui::Key::Escape);
    harness.run();
    assert!(
        !harness.state().agreement.open,
        "Escape goes back to the matrix"
    );
}

#[test]
fn the_table_and_the_agreement_view_replace_each_other() {
    let mut harness = window::showing(analysis(), window::SIZE);
    harness.get_by_label("Parties").click();
    harness.run();
    assert!(harness.state().agreement.open);
    harness.key_press(egui::Key::T);
    harness.run();
    assert!(harness.state().table.open && !harness.state().agreement.open);
    harness.key_press(egui::Key::G);
    harness.run();
    assert!(!harness.state().table.open && harness.state().agreement.open);
}
