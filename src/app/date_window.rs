//! The date window under the filter bar: two sliders over the corpus's
//! dates, stepping by day, and a pair of buttons that move a week-long
//! window a week at a time, to watch positions move. It sets the filter's
//! From and To dates, which the matrix, the table and exports follow.
//!
//! A window over the whole corpus is no window: both bounds are cleared,
//! so that undated articles come back.

use super::state::{AppState, Command};
use crate::days::{day_number, iso_date};
use crate::matrix::Filter;
use std::ops::RangeInclusive;

/// Days a week step moves the window by, and its length.
const WEEK: i64 = 7;

/// The window the filter sets, as days clamped into `span`; the whole span
/// when a bound is missing or not a date.
pub fn window(filter: &Filter, span: &RangeInclusive<i64>) -> (i64, i64) {
    let day = |bound: &Option<String>, default: i64| {
        bound
            .as_deref()
            .and_then(day_number)
            .unwrap_or(default)
            .clamp(*span.start(), *span.end())
    };
    (
        day(&filter.date_from, *span.start()),
        day(&filter.date_to, *span.end()),
    )
}

/// The week after (`forward`) or before the current window: from the whole
/// span, the first or the last week; otherwise seven days on from the
/// window's start, or back. `None` when there is no week further that way.
pub fn week(window: (i64, i64), span: &RangeInclusive<i64>, forward: bool) -> Option<(i64, i64)> {
    let (from, to) = window;
    let (first, last) = (*span.start(), *span.end());
    let start = match (from == first && to == last, forward) {
        (true, true) => first,
        (true, false) => last - (WEEK - 1),
        (false, true) => from + WEEK,
        (false, false) => from - WEEK,
    };
    let moved = (start.max(first), (start + WEEK - 1).min(last));
    let beyond = if forward {
        start > last
    } else {
        start + WEEK - 1 < first
    };
    (!beyond && moved != window).then_some(moved)
}

/// The filter's bounds for the window `from..=to` over `span`.
fn bounds(from: i64, to: i64, span: &RangeInclusive<i64>) -> Command {
    let whole = from <= *span.start() && to >= *span.end();
    let bound = |day| (!whole).then(|| iso_date(day));
    Command::SetDateWindow {
        from: bound(from),
        to: bound(to),
    }
}

/// A slider over the corpus's days that shows and takes dates.
fn day_slider<'a>(day: &'a mut i64, span: &RangeInclusive<i64>, text: &str) -> egui::Slider<'a> {
    egui::Slider::new(day, span.clone())
        .step_by(1.0)
        .text(text)
        .custom_formatter(|day, _| iso_date(day as i64))
        .custom_parser(|text| day_number(text.trim()).map(|d| d as f64))
}

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Date window:");
        let Some(span) = state.date_span.clone() else {
            ui.add_enabled(false, egui::Label::new("no dated articles"));
            return;
        };
        let (mut from, mut to) = window(&state.prefs.filter, &span);
        let before = (from, to);
        ui.add(day_slider(&mut from, &span, "first day"))
            .on_hover_text("The window's first day: earlier articles drop out");
        ui.add(day_slider(&mut to, &span, "last day"))
            .on_hover_text("The window's last day: later articles drop out");
        // A handle dragged past the other takes it along.
        if from != before.0 {
            to = to.max(from);
        } else if to != before.1 {
            from = from.min(to);
        }
        if (from, to) != before {
            state.push(bounds(from, to, &span));
        }
        for (label, forward, tip) in [
            (
                "Week before",
                false,
                "Show the 7 days before the window's first day",
            ),
            (
                "Week after",
                true,
                "Show the 7 days after the window's first day",
            ),
        ] {
            let step = week((from, to), &span, forward);
            if ui
                .add_enabled(step.is_some(), egui::Button::new(label))
                .on_hover_text(tip)
                .clicked()
                && let Some((from, to)) = step
            {
                state.push(bounds(from, to, &span));
            }
        }
        let undated = state.matrix.undated_out;
        if undated > 0 {
            ui.weak(format!("{undated} undated, not in the window"))
                .on_hover_text("Statements of articles without a date drop out of a date window");
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span() -> RangeInclusive<i64> {
        100..=120
    }

    #[test]
    fn the_window_is_the_filters_dates_inside_the_corpus() {
        let filter = Filter {
            date_from: Some(iso_date(105)),
            date_to: Some(iso_date(200)),
            ..Filter::default()
        };
        assert_eq!(window(&filter, &span()), (105, 120));
        assert_eq!(window(&Filter::default(), &span()), (100, 120));
    }

    #[test]
    fn weeks_step_from_the_whole_corpus_to_its_first_or_last_week() {
        assert_eq!(week((100, 120), &span(), true), Some((100, 106)));
        assert_eq!(week((100, 120), &span(), false), Some((114, 120)));
    }

    #[test]
    fn weeks_step_by_seven_days_and_stop_at_the_corpus_edges() {
        assert_eq!(week((100, 106), &span(), true), Some((107, 113)));
        assert_eq!(week((107, 113), &span(), true), Some((114, 120)));
        assert_eq!(week((114, 120), &span(), true), None);
        assert_eq!(week((114, 120), &span(), false), Some((107, 113)));
        assert_eq!(week((100, 106), &span(), false), None);
        // A window of any length becomes a week from its first day on.
        assert_eq!(week((103, 104), &span(), true), Some((110, 116)));
        assert_eq!(week((103, 104), &span(), false), Some((100, 102)));
    }

    #[test]
    fn a_window_over_the_whole_corpus_clears_both_dates() {
        let set = |from: Option<i64>, to: Option<i64>| Command::SetDateWindow {
            from: from.map(iso_date),
            to: to.map(iso_date),
        };
        assert_eq!(bounds(100, 120, &span()), set(None, None));
        assert_eq!(bounds(100, 119, &span()), set(Some(100), Some(119)));
        assert_eq!(bounds(107, 113, &span()), set(Some(107), Some(113)));
    }
}
