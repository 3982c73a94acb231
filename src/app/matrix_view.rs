//! The parties × issues matrix: one row per party, one column per issue, in
//! lexicon order, with row and column totals. Each cell names its summary with
//! a mark and a word as well as a colour; arrows move the selection, Enter or
//! a click opens the cell's statements.
//!
//! Every text fits its cell at any width: a cell too narrow for "~ conditional"
//! or "+4711 −1502 ~130" shows a shorter form ("~ cond.", "+4.7k −1.5k ~130",
//! "~"), and its tooltip says everything in words. The party column stays in
//! view while the issues scroll sideways, and the selected cell is scrolled
//! back into view when the space beside the evidence panel changes.

use super::state::{AppState, Command};
use super::theme;
use crate::matrix::Counts;
use crate::{Stance, Summary};
use egui::{Align, FontId, Key, Rect, RichText, Role, Sense, Stroke, StrokeKind, WidgetInfo};

const HEADER_HEIGHT: f32 = 40.0;
const ROW_HEIGHT: f32 = 50.0;
const EMPTY: &str = "–";

const LABEL_WIDTH: f32 = 110.0;
const TOTAL_WIDTH: f32 = 96.0;
/// Wide enough for the longest word of an issue name in the header.
const MIN_ISSUE_WIDTH: f32 = 92.0;
const MAX_ISSUE_WIDTH: f32 = 130.0;

const BADGE_SIZE: f32 = 14.0;
const COUNTS_SIZE: f32 = 12.0;
/// Space between a cell's text and its edge.
const PADDING: f32 = 4.0;

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(analysis) = state.analysis.clone() else {
        placeholder(ui, state);
        return;
    };
    keyboard(ui, state);
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    let spacing = ui.spacing().item_spacing;
    // Issue columns share the width beside the party column and the evidence
    // panel, so every issue stays in view; below the minimum they scroll
    // sideways under the party column, which stays.
    let beside = ui.available_width() - LABEL_WIDTH - spacing.x;
    let issue_width = ((beside - TOTAL_WIDTH - spacing.x * issues.len() as f32)
        / issues.len().max(1) as f32)
        .clamp(MIN_ISSUE_WIDTH, MAX_ISSUE_WIDTH);
    let reveal = selection_needs_revealing(ui, state.selection, beside);
    egui::ScrollArea::vertical()
        .id_salt("matrix rows")
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    fixed(ui, LABEL_WIDTH, HEADER_HEIGHT, |ui| {
                        ui.strong("Party \\ Issue");
                    });
                    for (a, actor) in actors.iter().enumerate() {
                        fixed(ui, LABEL_WIDTH, ROW_HEIGHT, |ui| {
                            let table = Command::ShowTable {
                                actor: Some(a),
                                issue: None,
                            };
                            header(ui, state, &actor.name, "party", table);
                        });
                    }
                    fixed(ui, LABEL_WIDTH, ROW_HEIGHT, |ui| {
                        ui.strong("Total");
                    });
                });
                egui::ScrollArea::horizontal()
                    .id_salt("matrix columns")
                    .show(ui, |ui| {
                        ui.vertical(|ui| {
                            ui.horizontal(|ui| {
                                for (i, issue) in issues.iter().enumerate() {
                                    fixed(ui, issue_width, HEADER_HEIGHT, |ui| {
                                        let table = Command::ShowTable {
                                            actor: None,
                                            issue: Some(i),
                                        };
                                        header(ui, state, &issue.name, "issue", table);
                                    });
                                }
                                fixed(ui, TOTAL_WIDTH, HEADER_HEIGHT, |ui| {
                                    ui.strong("Total");
                                });
                            });
                            for (a, actor) in actors.iter().enumerate() {
                                ui.horizontal(|ui| {
                                    for (i, issue) in issues.iter().enumerate() {
                                        let name = format!("{}, {}", actor.name, issue.name);
                                        let response = cell(ui, state, a, i, issue_width, &name);
                                        if reveal && state.selection == Some((a, i)) {
                                            response.scroll_to_me(None);
                                        }
                                        if response.clicked() {
                                            state.push(Command::OpenCell { actor: a, issue: i });
                                        }
                                    }
                                    let name = format!("{} total", actor.name);
                                    total(ui, &name, state.matrix.row_total(a));
                                });
                            }
                            ui.horizontal(|ui| {
                                for (i, issue) in issues.iter().enumerate() {
                                    let name = format!("{} total", issue.name);
                                    total_sized(
                                        ui,
                                        issue_width,
                                        &name,
                                        state.matrix.column_total(i),
                                    );
                                }
                                total(ui, "All statements", state.matrix.total());
                            });
                        });
                    });
            });
        });
}

/// A party's or issue's name, which opens the table of its statements.
fn header(ui: &mut egui::Ui, state: &mut AppState, name: &str, what: &str, table: Command) {
    let label = egui::Label::new(RichText::new(name).strong())
        .wrap()
        .sense(Sense::click());
    if ui
        .add(label)
        .on_hover_text(format!("Click to list this {what}'s statements in a table"))
        .clicked()
    {
        state.push(table);
    }
}

/// A `width` × `height` slot with `add` in it, from its left edge, centred
/// vertically.
fn fixed(ui: &mut egui::Ui, width: f32, height: f32, add: impl FnOnce(&mut egui::Ui)) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), Sense::hover());
    add(&mut inside(
        ui,
        rect,
        egui::Layout::left_to_right(Align::Center),
    ));
}

/// A child of `ui` drawing in `rect`, space that `ui` has allocated
/// already (a scope would allocate it again, after what it holds).
fn inside(ui: &mut egui::Ui, rect: Rect, layout: egui::Layout) -> egui::Ui {
    ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout))
}

/// Whether the selected cell must be scrolled into view this frame: it was
/// just selected, or the width beside the party column changed (a window
/// resized, the evidence panel dragged) and may have pushed it out of view.
/// Otherwise the user may scroll it away.
fn selection_needs_revealing(ui: &egui::Ui, selection: Option<(usize, usize)>, width: f32) -> bool {
    let id = egui::Id::unique("matrix revealed");
    let now = (selection, width);
    let before = ui.data(|d| d.get_temp::<(Option<(usize, usize)>, f32)>(id));
    ui.data_mut(|d| d.insert_temp(id, now));
    selection.is_some() && before != Some(now)
}

/// What the central area shows before any folder is open.
fn placeholder(ui: &mut egui::Ui, state: &AppState) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 3.0);
        if let Some(job) = &state.load {
            ui.heading(format!("Opening {}…", job.label()));
        } else {
            ui.heading("No folder open");
            ui.label("Open a folder of articles (Ctrl+O) or drop one on the window.");
        }
        if let Some(message) = state.message.as_ref().filter(|m| m.is_error) {
            ui.colored_label(ui.visuals().error_fg_color, &message.text);
        }
    });
}

fn keyboard(ui: &egui::Ui, state: &mut AppState) {
    if ui.ctx().text_edit_focused() || state.export.open {
        return;
    }
    let (rows, columns, enter) = ui.input(|i| {
        let step = |minus: Key, plus: Key| {
            isize::from(i.key_pressed(plus)) - isize::from(i.key_pressed(minus))
        };
        (
            step(Key::ArrowUp, Key::ArrowDown),
            step(Key::ArrowLeft, Key::ArrowRight),
            i.key_pressed(Key::Enter),
        )
    });
    if rows != 0 || columns != 0 {
        state.push(Command::MoveSelection { rows, columns });
    }
    if enter {
        state.push(Command::OpenSelection);
    }
}

/// "+2 −1": the non-zero counts per stance, each in at most four
/// characters when `short` ("+4.7k").
fn counts_line(counts: Counts, short: bool) -> String {
    Stance::ALL
        .into_iter()
        .filter(|s| counts.get(*s) > 0)
        .map(|s| {
            let n = counts.get(s);
            let n = if short { compact(n) } else { n.to_string() };
            format!("{}{n}", theme::glyph(theme::of_stance(s)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A count in at most four characters: 999, 4.7k, 47k, 4.7M.
fn compact(n: usize) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..10_000 => format!("{:.1}k", n as f64 / 1e3),
        10_000..1_000_000 => format!("{}k", n / 1_000),
        _ => format!("{:.1}M", n as f64 / 1e6),
    }
}

/// "1 support, 2 oppose": for tooltips and screen readers.
fn counts_words(counts: Counts) -> String {
    Stance::ALL
        .into_iter()
        .map(|s| format!("{} {s}", counts.get(s)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe(summary: Option<Summary>, counts: Counts) -> String {
    match summary {
        Some(summary) => format!("{summary} ({})", counts_words(counts)),
        None => "no statements".into(),
    }
}

/// The summary's mark and word, shorter forms after: "~ conditional",
/// "~ cond.", "~".
fn badges(summary: Summary) -> [String; 3] {
    [
        theme::badge(summary),
        format!("{} {}", theme::glyph(summary), theme::short_word(summary)),
        theme::glyph(summary).to_string(),
    ]
}

/// The counts, shorter forms after: "+4711 −1502", "+4.7k −1.5k", "6.2k".
fn count_lines(counts: Counts) -> [String; 3] {
    [
        counts_line(counts, false),
        counts_line(counts, true),
        compact(counts.total()),
    ]
}

/// Draw the first of `forms` that fits `rect`'s width (the last, shortest,
/// if none does) as a line centred in `rect`.
fn line_in(ui: &mut egui::Ui, rect: Rect, forms: &[String], size: f32, color: egui::Color32) {
    let font = FontId::proportional(size);
    let width = |text: &str| {
        ui.fonts_mut(|f| {
            f.layout_no_wrap(text.to_string(), font.clone(), color)
                .size()
                .x
        })
    };
    let fits = forms.iter().find(|text| width(text) <= rect.width());
    let Some(text) = fits.or(forms.last()) else {
        return;
    };
    inside(ui, rect, egui::Layout::top_down(Align::Center)).add(
        egui::Label::new(RichText::new(text).font(font).color(color))
            .extend()
            .selectable(false),
    );
}

/// The top and bottom lines of a cell of `rect`, inside its padding.
fn line_rects(rect: Rect) -> (Rect, Rect) {
    let inner = rect.shrink(PADDING);
    let top = Rect::from_min_size(inner.min, egui::vec2(inner.width(), BADGE_SIZE + 4.0));
    let bottom = Rect::from_min_max(
        egui::pos2(inner.left(), inner.bottom() - COUNTS_SIZE - 4.0),
        inner.max,
    );
    (top, bottom)
}

fn cell(
    ui: &mut egui::Ui,
    state: &AppState,
    actor: usize,
    issue: usize,
    width: f32,
    name: &str,
) -> egui::Response {
    let cell = state.matrix.cell(actor, issue);
    let summary = cell.summary();
    // Not focusable: the matrix has its own keyboard selection (arrows, Enter).
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), Sense::CLICK);
    let visuals = ui.visuals();
    let (dark, strong, weak) = (
        visuals.dark_mode,
        visuals.strong_text_color(),
        visuals.weak_text_color(),
    );
    let outline = if state.selection == Some((actor, issue)) {
        Some(Stroke::new(2.5, strong))
    } else {
        response
            .hovered()
            .then_some(visuals.widgets.hovered.bg_stroke)
    };
    let inner = rect.shrink(2.0);
    let (top, bottom) = line_rects(rect);
    match summary {
        Some(summary) => {
            ui.painter()
                .rect_filled(inner, 4.0, theme::fill(summary, dark));
            line_in(ui, top, &badges(summary), BADGE_SIZE, strong);
            line_in(ui, bottom, &count_lines(cell.counts), COUNTS_SIZE, strong);
        }
        None => {
            let middle = Rect::from_center_size(inner.center(), top.size());
            line_in(ui, middle, &[EMPTY.into()], BADGE_SIZE, weak);
        }
    }
    if let Some(outline) = outline {
        ui.painter()
            .rect_stroke(inner, 4.0, outline, StrokeKind::Outside);
    }
    let reviewed = reviewed_mark(cell.reviewed, cell.statements.len());
    if let Some(mark) = &reviewed {
        // In the bottom right corner, clear of the centred badge; the counts
        // under it are short.
        ui.painter().text(
            inner.right_bottom() + egui::vec2(-3.0, -2.0),
            egui::Align2::RIGHT_BOTTOM,
            mark,
            egui::FontId::proportional(COUNTS_SIZE * 0.85),
            strong,
        );
    }
    let mut description = format!("{name}: {}", describe(summary, cell.counts));
    if let Some(mark) = reviewed {
        description.push_str(&format!(", {mark} reviewed"));
    }
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &description));
    let hint = if cell.counts.total() == 0 {
        "No statements here."
    } else {
        "Click or press Enter to see the statements."
    };
    response.on_hover_text(format!("{description}\n{hint}"))
}

/// "3/5" when a person reviewed some of a cell's statements.
fn reviewed_mark(reviewed: usize, total: usize) -> Option<String> {
    (reviewed > 0).then(|| format!("{reviewed}/{total}"))
}

/// A total of the last column: the number, and its counts per stance.
fn total(ui: &mut egui::Ui, name: &str, counts: Counts) {
    total_sized(ui, TOTAL_WIDTH, name, counts);
}

fn total_sized(ui: &mut egui::Ui, width: f32, name: &str, counts: Counts) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), Sense::hover());
    let color = ui.visuals().text_color();
    let (top, bottom) = line_rects(rect);
    if counts.total() == 0 {
        line_in(ui, top, &[EMPTY.into()], BADGE_SIZE, color);
    } else {
        let [full, short, _] = count_lines(counts);
        line_in(
            ui,
            top,
            &[counts.total().to_string(), compact(counts.total())],
            BADGE_SIZE,
            color,
        );
        // The number above says it all when even the short form does not fit.
        line_in(
            ui,
            bottom,
            &[full, short, String::new()],
            COUNTS_SIZE,
            color,
        );
    }
    let description = format!(
        "{name}: {} statements ({})",
        counts.total(),
        counts_words(counts)
    );
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, &description));
    response.on_hover_text(description);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_without_colour() {
        let counts = Counts {
            support: 2,
            oppose: 0,
            conditional: 1,
        };
        assert_eq!(counts_line(counts, false), "+2 ~1");
        assert_eq!(
            describe(counts.summary(), counts),
            "conditional (2 support, 0 oppose, 1 conditional)"
        );
        assert_eq!(describe(None, Counts::default()), "no statements");
    }

    #[test]
    fn large_counts_have_a_short_form() {
        let counts = Counts {
            support: 4_711,
            oppose: 15_020,
            conditional: 130,
        };
        assert_eq!(counts_line(counts, false), "+4711 −15020 ~130");
        assert_eq!(counts_line(counts, true), "+4.7k −15k ~130");
        assert_eq!(compact(counts.total()), "19k");
        assert_eq!(compact(2_500_000), "2.5M");
    }
}
