//! The parties × issues matrix: one row per party, one column per issue, in
//! lexicon order, with row and column totals. Each cell names its summary with
//! a glyph and a word as well as a colour; arrows move the selection, Enter or
//! a click opens the cell's statements.

use super::state::{AppState, Command};
use super::theme;
use crate::matrix::Counts;
use crate::{Stance, Summary};
use egui::{Align2, FontId, Key, Role, Sense, Stroke, StrokeKind, WidgetInfo};
use egui_extras::{Column, TableBuilder};

const ROW_HEIGHT: f32 = 50.0;
const EMPTY: &str = "–";

const LABEL_WIDTH: f32 = 110.0;
const TOTAL_WIDTH: f32 = 104.0;
const MIN_ISSUE_WIDTH: f32 = 80.0;
const MAX_ISSUE_WIDTH: f32 = 130.0;

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(analysis) = state.analysis.clone() else {
        placeholder(ui, state);
        return;
    };
    keyboard(ui, state);
    let actors = analysis.lexicon.actors();
    let issues = analysis.lexicon.issues();
    // Issue columns share the width beside the evidence panel, so every issue
    // stays in view; below the minimum the table scrolls sideways.
    let spacing = ui.spacing().item_spacing.x * (issues.len() + 2) as f32;
    let issue_width = ((ui.available_width() - LABEL_WIDTH - TOTAL_WIDTH - spacing)
        / issues.len().max(1) as f32)
        .clamp(MIN_ISSUE_WIDTH, MAX_ISSUE_WIDTH);
    egui::ScrollArea::horizontal().show(ui, |ui| {
        TableBuilder::new(ui)
            .id_salt("matrix")
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::exact(LABEL_WIDTH))
            .columns(Column::exact(issue_width), issues.len())
            .column(Column::exact(TOTAL_WIDTH))
            .header(40.0, |mut header| {
                header.col(|ui| {
                    ui.strong("Party \\ Issue");
                });
                for issue in issues {
                    header.col(|ui| {
                        ui.add(egui::Label::new(egui::RichText::new(&issue.name).strong()).wrap());
                    });
                }
                header.col(|ui| {
                    ui.strong("Total");
                });
            })
            .body(|mut body| {
                for (a, actor) in actors.iter().enumerate() {
                    body.row(ROW_HEIGHT, |mut row| {
                        row.col(|ui| {
                            ui.strong(&actor.name);
                        });
                        for (i, issue) in issues.iter().enumerate() {
                            row.col(|ui| {
                                let name = format!("{}, {}", actor.name, issue.name);
                                if cell(ui, state, a, i, &name).clicked() {
                                    state.push(Command::OpenCell { actor: a, issue: i });
                                }
                            });
                        }
                        row.col(|ui| {
                            total(
                                ui,
                                &format!("{} total", actor.name),
                                state.matrix.row_total(a),
                            );
                        });
                    });
                }
                body.row(ROW_HEIGHT, |mut row| {
                    row.col(|ui| {
                        ui.strong("Total");
                    });
                    for (i, issue) in issues.iter().enumerate() {
                        row.col(|ui| {
                            let name = format!("{} total", issue.name);
                            total(ui, &name, state.matrix.column_total(i));
                        });
                    }
                    row.col(|ui| total(ui, "All statements", state.matrix.total()));
                });
            });
    });
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

/// "+2 −1": the non-zero counts per stance.
fn counts_line(counts: Counts) -> String {
    Stance::ALL
        .into_iter()
        .filter(|s| counts.get(*s) > 0)
        .map(|s| format!("{}{}", theme::glyph(theme::of_stance(s)), counts.get(s)))
        .collect::<Vec<_>>()
        .join(" ")
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

fn cell(
    ui: &mut egui::Ui,
    state: &AppState,
    actor: usize,
    issue: usize,
    name: &str,
) -> egui::Response {
    let cell = state.matrix.cell(actor, issue);
    let summary = cell.summary();
    // Not focusable: the matrix has its own keyboard selection (arrows, Enter).
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::CLICK);
    let visuals = ui.visuals();
    let painter = ui.painter();
    let inner = rect.shrink(2.0);
    let text_color = visuals.strong_text_color();
    match summary {
        Some(summary) => {
            painter.rect_filled(inner, 4.0, theme::fill(summary, visuals.dark_mode));
            painter.text(
                inner.center_top() + egui::vec2(0.0, 4.0),
                Align2::CENTER_TOP,
                theme::badge(summary),
                FontId::proportional(14.0),
                text_color,
            );
            painter.text(
                inner.center_bottom() - egui::vec2(0.0, 4.0),
                Align2::CENTER_BOTTOM,
                counts_line(cell.counts),
                FontId::proportional(12.0),
                text_color,
            );
        }
        None => {
            painter.text(
                inner.center(),
                Align2::CENTER_CENTER,
                EMPTY,
                FontId::proportional(14.0),
                visuals.weak_text_color(),
            );
        }
    }
    if state.selection == Some((actor, issue)) {
        painter.rect_stroke(
            inner,
            4.0,
            Stroke::new(2.5, visuals.strong_text_color()),
            StrokeKind::Outside,
        );
    } else if response.hovered() {
        painter.rect_stroke(
            inner,
            4.0,
            visuals.widgets.hovered.bg_stroke,
            StrokeKind::Outside,
        );
    }
    let description = format!("{name}: {}", describe(summary, cell.counts));
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &description));
    let hint = if cell.counts.total() == 0 {
        "No statements here."
    } else {
        "Click or press Enter to see the statements."
    };
    response.on_hover_text(format!("{description}\n{hint}"))
}

fn total(ui: &mut egui::Ui, name: &str, counts: Counts) {
    let line = if counts.total() == 0 {
        EMPTY.to_string()
    } else {
        format!("{}  ({})", counts.total(), counts_line(counts))
    };
    ui.label(line).on_hover_text(format!(
        "{name}: {} statements ({})",
        counts.total(),
        counts_words(counts)
    ));
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
        assert_eq!(counts_line(counts), "+2 ~1");
        assert_eq!(
            describe(counts.summary(), counts),
            "conditional (2 support, 0 oppose, 1 conditional)"
        );
        assert_eq!(describe(None, Counts::default()), "no statements");
    }
}
