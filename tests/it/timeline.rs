//! Tests: positions over time, driven headless through egui_kittest: the
//! timeline of an open cell (its points, its undated statements, a hover
//! and a click on a point), and the date window that limits the matrix,
//! by its sliders and a week at a time.

use crate::window;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stancegrid::app::timeline::{self, Timeline};
use stancegrid::app::{AppState, Command};
use stancegrid::days::day_number;
use stancegrid::{Analysis, Document, Lexicon, Span, Stance, Statement};
use std::sync::Arc;

/// (sentence, stance, date): Russia on the ceasefire, one article each.
const RUSSIA: [(&str, Stance, Option<&str>); 5] = [
    (
        "Peskov rejected the ceasefire.",
        Stance::Oppose,
        Some("2025-03-01"),
    ),
    (
        "Lavrov would accept a ceasefire with conditions.",
        Stance::Conditional,
        Some("2025-03-03"),
    ),
    (
        "Peskov welcomed the ceasefire.",
        Stance::Support,
        Some("2025-03-10"),
    ),
    (
        "Zakharova dismissed the ceasefire.",
        Stance::Oppose,
        Some("2025-03-17"),
    ),
    ("Ushakov opposed any ceasefire.", Stance::Oppose, None),
];

fn analysis(dated: bool) -> Analysis {
    let lexicon = Arc::new(Lexicon::builtin());
    let documents = RUSSIA
        .iter()
        .enumerate()
        .map(|(i, (sentence, _, date))| Document {
            title: format!("Article {i}"),
            date: date.filter(|_| dated).map(str::to_string),
            source: format!("https://news.example/{i}"),
            ..Document::from_text(&format!("{i}.txt"), sentence)
        })
        .collect();
    let statements = RUSSIA
        .iter()
        .enumerate()
        .map(|(doc, (sentence, stance, _))| {
            Statement::new(
                doc,
                lexicon.actor_index("russia").expect("actor"),
                lexicon.issue_index("ceasefire").expect("issue"),
                *stance,
                Span::new(0, sentence.find(' ').unwrap_or(0)),
                Span::new(0, sentence.len()),
            )
        })
        .collect();
    Analysis::new("root".into(), lexicon, documents, statements, Vec::new())
}

/// Russia on the ceasefire, the cell of every statement.
fn cell_of(harness: &Harness<'_, AppState>) -> (usize, usize) {
    let lexicon = &harness.state().analysis.as_ref().expect("shown").lexicon;
    (
        lexicon.actor_index("russia").expect("actor"),
        lexicon.issue_index("ceasefire").expect("issue"),
    )
}

fn window_on(dated: bool) -> Harness<'static, AppState> {
    window::showing(analysis(dated), window::SIZE)
}

/// The window with the cell open in the evidence panel.
fn with_cell_open() -> Harness<'static, AppState> {
    let mut harness = window_on(true);
    let (actor, issue) = cell_of(&harness);
    harness
        .state_mut()
        .apply(Command::OpenCell { actor, issue });
    harness.run();
    harness
}

fn timeline_of(harness: &Harness<'_, AppState>) -> Timeline {
    let state = harness.state();
    let (actor, issue) = state.evidence.expect("a cell is open");
    let analysis = state.analysis.as_ref().expect("shown");
    timeline::of_cell(analysis, state.matrix.cell(actor, issue))
}

/// How many statements the cell counts under the current filters.
fn counted(harness: &Harness<'_, AppState>) -> usize {
    let (actor, issue) = cell_of(harness);
    harness.state().matrix.cell(actor, issue).counts.total()
}

fn dates(harness: &Harness<'_, AppState>) -> (Option<String>, Option<String>) {
    let filter = &harness.state().prefs.filter;
    (filter.date_from.clone(), filter.date_to.clone())
}

fn some(from: &str, to: &str) -> (Option<String>, Option<String>) {
    (Some(from.into()), Some(to.into()))
}

#[test]
fn the_timeline_places_dated_statements_by_day_and_counts_the_undated_apart() {
    let harness = with_cell_open();
    let timeline = timeline_of(&harness);
    let days: Vec<i64> = timeline.points.iter().map(|p| p.day).collect();
    let expected: Vec<i64> = RUSSIA
        .iter()
        .filter_map(|(_, _, date)| date.and_then(day_number))
        .collect();
    assert_eq!(days, expected);
    let stances: Vec<Stance> = timeline.points.iter().map(|p| p.stance).collect();
    assert_eq!(
        stances,
        [
            Stance::Oppose,
            Stance::Conditional,
            Stance::Support,
            Stance::Oppose
        ]
    );
    assert_eq!(timeline.undated, 1);
    harness.get_by_label("4 statements by their article's date");
    harness.get_by_label("1 undated");
    let drawn = timeline::on_screen(&harness.ctx, &timeline).expect("the plot was drawn");
    assert_eq!(drawn.len(), 4);
    // Later days further right; support above conditional above oppose.
    assert!(drawn.windows(2).all(|w| w[0].x < w[1].x));
    assert!(drawn[2].y < drawn[1].y && drawn[1].y < drawn[0].y);
    assert_eq!(drawn[0].y, drawn[3].y, "both oppose");
}

#[test]
fn a_filter_leaves_out_of_the_timeline_what_it_leaves_out_of_the_cell() {
    let mut harness = with_cell_open();
    harness
        .get_by_role_and_label(Role::CheckBox, "− oppose")
        .click();
    harness.run();
    let timeline = timeline_of(&harness);
    assert_eq!(timeline.points.len(), 2);
    assert_eq!(timeline.undated, 0, "the undated statement opposes");
    harness.get_by_label("2 statements by their article's date");
    assert!(harness.query_by_label("1 undated").is_none());
}

#[test]
fn hovering_a_point_shows_its_quote_and_a_click_opens_it_in_the_article() {
    let mut harness = with_cell_open();
    let timeline = timeline_of(&harness);
    let drawn = timeline::on_screen(&harness.ctx, &timeline).expect("the plot was drawn");
    // The pointer finds each point where it was drawn, and none far away.
    for (i, at) in drawn.iter().enumerate() {
        assert_eq!(
            timeline::nearest(&drawn, *at + egui::vec2(2.0, -2.0)),
            Some(i)
        );
    }
    assert_eq!(
        timeline::nearest(&drawn, drawn[0] + egui::vec2(0.0, 40.0)),
        None
    );
    let conditional = &timeline.points[1];
    harness.hover_at(drawn[1]);
    harness.run();
    // egui may lay a tooltip out twice in a frame: the first says it.
    let tip = harness
        .query_all_by_label_contains("Click to read it in the article")
        .next()
        .map(|node| window::text_of(&node))
        .expect("a tooltip");
    for part in [
        "Lavrov would accept a ceasefire with conditions.",
        "2025-03-03",
        "https://news.example/1",
    ] {
        assert!(tip.contains(part), "{part} in {tip}");
    }
    harness.drag_at(drawn[1]);
    harness.drop_at(drawn[1]);
    harness.run();
    let reader = harness.state().reader.clone().expect("the reader is open");
    assert_eq!((reader.doc, reader.statement), (1, conditional.statement));
}

#[test]
fn a_click_beside_every_point_opens_nothing() {
    let mut harness = with_cell_open();
    let timeline = timeline_of(&harness);
    let drawn = timeline::on_screen(&harness.ctx, &timeline).expect("the plot was drawn");
    let beside = drawn[0] + egui::vec2(0.0, 30.0);
    assert_eq!(timeline::nearest(&drawn, beside), None);
    harness.drag_at(beside);
    harness.drop_at(beside);
    harness.run();
    assert!(harness.state().reader.is_none());
}

#[test]
fn the_date_sliders_set_the_filters_dates_and_the_matrix_follows() {
    let mut harness = window_on(true);
    assert_eq!(counted(&harness), 5);
    let first = day_number("2025-03-05").expect("a date");
    harness
        .get_by_role_and_label(Role::Slider, "first day")
        .set_value_accesskit(first as f64);
    harness.run();
    assert_eq!(dates(&harness), some("2025-03-05", "2025-03-17"));
    assert_eq!(
        harness.state().prefs.filter.date_from.as_deref(),
        Some("2025-03-05")
    );
    assert_eq!(counted(&harness), 2, "03-10 and 03-17 are left");
    harness.get_by_label("1 undated, not in the window");
    assert_eq!(harness.state().filter_form.from, "2025-03-05");
    let last = day_number("2025-03-12").expect("a date");
    harness
        .get_by_role_and_label(Role::Slider, "last day")
        .set_value_accesskit(last as f64);
    harness.run();
    assert_eq!(dates(&harness), some("2025-03-05", "2025-03-12"));
    assert_eq!(counted(&harness), 1);
    // Back over the whole corpus: no window, the undated statement is back.
    let (start, end) = (day_number("2025-03-01"), day_number("2025-03-17"));
    harness
        .get_by_role_and_label(Role::Slider, "first day")
        .set_value_accesskit(start.expect("a date") as f64);
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "last day")
        .set_value_accesskit(end.expect("a date") as f64);
    harness.run();
    assert_eq!(dates(&harness), (None, None));
    assert_eq!(counted(&harness), 5);
}

#[test]
fn week_buttons_move_a_seven_day_window_a_week_at_a_time() {
    let mut harness = window_on(true);
    let click = |harness: &mut Harness<'_, AppState>, label: &str| {
        harness.get_by_role_and_label(Role::Button, label).click();
        harness.run();
    };
    click(&mut harness, "Week after");
    assert_eq!(dates(&harness), some("2025-03-01", "2025-03-07"));
    assert_eq!(counted(&harness), 2);
    click(&mut harness, "Week after");
    assert_eq!(dates(&harness), some("2025-03-08", "2025-03-14"));
    assert_eq!(counted(&harness), 1);
    click(&mut harness, "Week after");
    assert_eq!(dates(&harness), some("2025-03-15", "2025-03-17"));
    assert_eq!(counted(&harness), 1);
    click(&mut harness, "Week after");
    assert_eq!(
        dates(&harness),
        some("2025-03-15", "2025-03-17"),
        "no week after the last article"
    );
    click(&mut harness, "Week before");
    assert_eq!(dates(&harness), some("2025-03-08", "2025-03-14"));
    assert_eq!(harness.state().filter_form.from, "2025-03-08");
    assert_eq!(harness.state().filter_form.to, "2025-03-14");
}

#[test]
fn without_dated_articles_the_date_window_says_so() {
    let harness = window_on(false);
    harness.get_by_label("no dated articles");
    assert!(
        harness
            .query_by_role_and_label(Role::Slider, "first day")
            .is_none()
    );
    assert!(harness.query_by_label("Week after").is_none());
}
