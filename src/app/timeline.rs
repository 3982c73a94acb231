//! The timeline at the top of the evidence panel: the open cell's
//! statements by their article's date, one point each, on three rows
//! (support, conditional, oppose), coloured by stance and shaped by it
//! too (a triangle up, a diamond, a triangle down), so that it reads in
//! grey-scale.
//!
//! It shows what the cell lists: the counted statements filled, the
//! rejected ones hollow (still there to be taken back). Statements of
//! undated articles are counted beside the plot, never given a date.
//! Hovering a point shows its quote; a click opens it in the article.

use super::evidence;
use super::state::{AppState, Command};
use super::theme;
use crate::days::{day_number, iso_date};
use crate::matrix::Cell;
use crate::{Analysis, Stance};
use egui::{Color32, Pos2};
use egui_plot::{GridMark, MarkerShape, Plot, PlotPoint, PlotTransform, Points};

/// The plot's height: enough for three rows, little of the panel.
const HEIGHT: f32 = 140.0;

/// How far from a point, in points of the screen, a hover or click still
/// finds it.
const PICK_RADIUS: f32 = 8.0;

/// Statements of one day and stance spread over this much of their row.
const SPREAD: f64 = 0.5;

/// One statement on the timeline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub statement: usize,
    pub day: i64,
    pub stance: Stance,
    /// Rejected: drawn hollow, not counted.
    pub rejected: bool,
    /// Its row, moved a little apart from others of the same day and stance.
    pub y: f64,
}

impl Point {
    fn plot_point(&self) -> PlotPoint {
        PlotPoint::new(self.day as f64, self.y)
    }
}

/// What the timeline of a cell shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    /// By day, then in the cell's order.
    pub points: Vec<Point>,
    /// Listed statements whose article has no date.
    pub undated: usize,
}

/// The row of a stance: support on top, oppose at the bottom, conditional
/// between them.
pub fn row(stance: Stance) -> f64 {
    match stance {
        Stance::Support => 2.0,
        Stance::Conditional => 1.0,
        Stance::Oppose => 0.0,
    }
}

/// Up for support, down for opposition, between for conditions: shapes
/// that can all be drawn hollow, for the rejected statements.
fn shape(stance: Stance) -> MarkerShape {
    match stance {
        Stance::Support => MarkerShape::Up,
        Stance::Conditional => MarkerShape::Diamond,
        Stance::Oppose => MarkerShape::Down,
    }
}

/// The marker colour: the stance's fill, strong enough to see on the plot.
fn color(stance: Stance, dark: bool) -> Color32 {
    // The light theme's fills are pale backgrounds; the dark theme's
    // saturated ones read as markers on a white plot, and the other way round.
    theme::fill(theme::of_stance(stance), !dark)
}

/// The timeline of `cell`: the statements it lists (counted, then rejected).
pub fn of_cell(analysis: &Analysis, cell: &Cell) -> Timeline {
    let mut undated = 0;
    let mut points = Vec::new();
    for statement in cell.listed() {
        let s = &analysis.statements[statement];
        let date = analysis.documents[s.doc].date.as_deref();
        match date.and_then(day_number) {
            Some(day) => points.push(Point {
                statement,
                day,
                stance: s.stance,
                rejected: s.is_rejected(),
                y: row(s.stance),
            }),
            None => undated += 1,
        }
    }
    points.sort_by_key(|p| p.day);
    spread(&mut points);
    Timeline { points, undated }
}

/// Moves points of the same day and stance apart within their row, so
/// that each can be seen and clicked.
fn spread(points: &mut [Point]) {
    let mut start = 0;
    while start < points.len() {
        let day = points[start].day;
        let end = start + points[start..].iter().take_while(|p| p.day == day).count();
        for stance in Stance::ALL {
            let same: Vec<usize> = (start..end)
                .filter(|&i| points[i].stance == stance)
                .collect();
            let n = same.len();
            if n > 1 {
                let step = SPREAD / (n - 1) as f64;
                for (k, &i) in same.iter().enumerate() {
                    points[i].y = row(stance) - SPREAD / 2.0 + step * k as f64;
                }
            }
        }
        start = end;
    }
}

/// The point nearest to `pointer` among points drawn at `on_screen`, if
/// one is within reach.
pub fn nearest(on_screen: &[Pos2], pointer: Pos2) -> Option<usize> {
    on_screen
        .iter()
        .enumerate()
        .map(|(i, p)| (i, p.distance(pointer)))
        .filter(|(_, d)| *d <= PICK_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Where the points of `timeline` were drawn in the last frame.
pub fn on_screen(ctx: &egui::Context, timeline: &Timeline) -> Option<Vec<Pos2>> {
    let transform: PlotTransform = ctx.data(|d| d.get_temp(transform_id()))?;
    Some(screen_positions(&transform, timeline))
}

fn screen_positions(transform: &PlotTransform, timeline: &Timeline) -> Vec<Pos2> {
    timeline
        .points
        .iter()
        .map(|p| transform.position_from_point(&p.plot_point()))
        .collect()
}

fn transform_id() -> egui::Id {
    egui::Id::unique("timeline transform")
}

/// The x axis's labels: whole days as dates, nothing between them.
fn date_label(mark: GridMark) -> String {
    if mark.value.fract() == 0.0 {
        iso_date(mark.value as i64)
    } else {
        String::new()
    }
}

fn stance_label(mark: GridMark) -> String {
    Stance::ALL
        .into_iter()
        .find(|s| row(*s) == mark.value)
        .map(|s| s.to_string())
        .unwrap_or_default()
}

pub fn ui(ui: &mut egui::Ui, state: &mut AppState, analysis: &Analysis, timeline: &Timeline) {
    egui::CollapsingHeader::new("Timeline")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.weak(match timeline.points.len() {
                    1 => "1 statement by its article's date".to_string(),
                    n => format!("{n} statements by their article's date"),
                });
                if timeline.undated > 0 {
                    ui.label(format!("{} undated", timeline.undated))
                        .on_hover_text(
                            "Statements of articles without a date: not on the timeline",
                        );
                }
            });
            if !timeline.points.is_empty() {
                plot(ui, state, analysis, timeline);
            }
        });
}

fn plot(ui: &mut egui::Ui, state: &mut AppState, analysis: &Analysis, timeline: &Timeline) {
    let dark = ui.visuals().dark_mode;
    let (first, last) = match (timeline.points.first(), timeline.points.last()) {
        (Some(first), Some(last)) => (first.day as f64, last.day as f64),
        _ => return,
    };
    let shown = Plot::new("timeline")
        .height(HEIGHT)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .sense(egui::Sense::click())
        // A day on either side, so that one day alone still has a width.
        .include_x(first - 1.0)
        .include_x(last + 1.0)
        .include_y(-0.5)
        .include_y(2.5)
        .x_axis_formatter(|mark, _| date_label(mark))
        .y_axis_formatter(|mark, _| stance_label(mark))
        .y_grid_spacer(|_| {
            Stance::ALL
                .into_iter()
                .map(|s| GridMark {
                    value: row(s),
                    step_size: 1.0,
                })
                .collect()
        })
        .show(ui, |plot| {
            for stance in Stance::ALL {
                for rejected in [false, true] {
                    let series: Vec<[f64; 2]> = timeline
                        .points
                        .iter()
                        .filter(|p| p.stance == stance && p.rejected == rejected)
                        .map(|p| [p.day as f64, p.y])
                        .collect();
                    if series.is_empty() {
                        continue;
                    }
                    plot.points(
                        Points::new(stance.to_string(), series)
                            .shape(shape(stance))
                            .color(color(stance, dark))
                            .filled(!rejected)
                            .radius(5.0)
                            .allow_hover(false),
                    );
                }
            }
        });
    ui.ctx()
        .data_mut(|d| d.insert_temp(transform_id(), shown.transform));
    let on_screen = screen_positions(&shown.transform, timeline);
    let response = shown.response;
    if response.clicked()
        && let Some(i) = response
            .interact_pointer_pos()
            .and_then(|pos| nearest(&on_screen, pos))
    {
        state.push(Command::ShowInArticle(timeline.points[i].statement));
    }
    if let Some(i) = response
        .hover_pos()
        .and_then(|pos| nearest(&on_screen, pos))
    {
        let s = &analysis.statements[timeline.points[i].statement];
        let mut tip = evidence::quotation(analysis, s);
        if s.is_rejected() {
            tip.push_str("\n(rejected: not counted)");
        }
        response
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .on_hover_text_at_pointer(format!("{tip}\nClick to read it in the article"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: i64, stance: Stance) -> Point {
        Point {
            statement: 0,
            day,
            stance,
            rejected: false,
            y: row(stance),
        }
    }

    #[test]
    fn statements_of_one_day_and_stance_are_moved_apart_within_their_row() {
        let mut points = [
            point(1, Stance::Support),
            point(1, Stance::Support),
            point(1, Stance::Oppose),
            point(2, Stance::Support),
        ];
        spread(&mut points);
        let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
        assert_eq!(ys, [1.75, 2.25, 0.0, 2.0]);
        assert!(ys.iter().all(|y| (-0.5..=2.5).contains(y)));
    }

    #[test]
    fn the_pointer_finds_the_nearest_point_within_reach() {
        let drawn = [Pos2::new(10.0, 10.0), Pos2::new(20.0, 10.0)];
        assert_eq!(nearest(&drawn, Pos2::new(16.0, 11.0)), Some(1));
        assert_eq!(nearest(&drawn, Pos2::new(11.0, 9.0)), Some(0));
        assert_eq!(nearest(&drawn, Pos2::new(15.0, 30.0)), None);
        assert_eq!(nearest(&[], Pos2::new(0.0, 0.0)), None);
    }

    #[test]
    fn axis_labels_are_dates_and_stances() {
        let mark = |value| GridMark {
            value,
            step_size: 1.0,
        };
        assert_eq!(date_label(mark(20_148.0)), "2025-03-01");
        assert_eq!(date_label(mark(20_148.5)), "");
        assert_eq!(stance_label(mark(2.0)), Stance::Support.to_string());
        assert_eq!(stance_label(mark(0.0)), Stance::Oppose.to_string());
        assert_eq!(stance_label(mark(0.5)), "");
    }
}
