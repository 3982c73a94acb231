//! The statements table: every statement the filters show, one row each,
//! sortable by any column, virtual-scrolled so that only the rows in view
//! are laid out. A click selects a row, Up/Down move the selection, a
//! double-click or Enter opens the sentence in its article, Escape closes.

use super::evidence;
use super::state::{AppState, Command};
use super::table::SortColumn;
use super::theme;
use egui::{Key, RichText, Sense};
use egui_extras::{Column, TableBuilder};

const ROW_HEIGHT: f32 = 20.0;

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let Some(analysis) = state.analysis.clone() else {
        state.push(Command::HideTable);
        return;
    };
    let rows = state.table_rows();
    keyboard(ui, state);
    ui.horizontal(|ui| {
        ui.heading(heading(state, &analysis));
        ui.label(match rows.len() {
            1 => "1 statement".to_string(),
            n => format!("{n} statements"),
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Close table")
                .on_hover_text("Back to the matrix (Escape or T)")
                .clicked()
            {
                state.push(Command::HideTable);
            }
            if (state.table.actor.is_some() || state.table.issue.is_some())
                && ui
                    .button("Show all")
                    .on_hover_text("List every party's statements on every issue")
                    .clicked()
            {
                state.push(Command::ShowTable {
                    actor: None,
                    issue: None,
                });
            }
        });
    });
    let selected = state.table.selected;
    let reveal_at = reveal(ui, selected).and_then(|s| rows.iter().position(|&r| r == s));
    let mut table = TableBuilder::new(ui)
        .id_salt("statements table")
        .striped(true)
        .resizable(true)
        .sense(Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(84.0))
        .column(Column::initial(170.0).clip(true))
        .column(Column::initial(150.0).clip(true))
        .column(Column::initial(100.0).clip(true))
        .column(Column::initial(130.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .column(Column::initial(80.0).clip(true))
        .column(Column::remainder().clip(true));
    if let Some(at) = reveal_at {
        table = table.scroll_to_row(at, None);
    }
    table
        .header(ROW_HEIGHT + 4.0, |mut header| {
            for column in SortColumn::ALL {
                header.col(|ui| header_cell(ui, state, column));
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let index = rows[row.index()];
                let s = &analysis.statements[index];
                let doc = &analysis.documents[s.doc];
                row.set_selected(selected == Some(index));
                row.col(|ui| match &doc.date {
                    Some(date) => cell(ui, date),
                    None => {
                        cell(ui, RichText::new("undated").weak());
                    }
                });
                row.col(|ui| cell(ui, &doc.source));
                row.col(|ui| cell(ui, evidence::speaker(&analysis, s)));
                row.col(|ui| cell(ui, &analysis.lexicon.actors()[s.actor].name));
                row.col(|ui| cell(ui, &analysis.lexicon.issues()[s.issue].name));
                row.col(|ui| cell(ui, theme::badge(theme::of_stance(s.stance))));
                row.col(|ui| cell(ui, origin(s)));
                let sentence = RichText::new(analysis.text(s.doc, s.sentence).trim());
                row.col(|ui| {
                    cell(
                        ui,
                        if s.is_rejected() {
                            sentence.strikethrough().weak()
                        } else {
                            sentence
                        },
                    )
                });
                let response = row.response();
                if response.double_clicked() {
                    state.push(Command::ShowInArticle(index));
                } else if response.clicked() {
                    state.push(Command::SelectRow(index));
                }
            });
        });
}

/// What the table lists: everything, or one party's or issue's statements.
fn heading(state: &AppState, analysis: &crate::Analysis) -> String {
    let actor = state
        .table
        .actor
        .map(|a| &analysis.lexicon.actors()[a].name);
    let issue = state
        .table
        .issue
        .map(|i| &analysis.lexicon.issues()[i].name);
    match (actor, issue) {
        (Some(a), Some(i)) => format!("{a} on {i}"),
        (Some(a), None) => format!("Statements of {a}"),
        (None, Some(i)) => format!("Statements on {i}"),
        (None, None) => "All statements".into(),
    }
}

/// Who decided the statement; a rejected one says so instead.
fn origin(s: &crate::Statement) -> &'static str {
    if s.is_rejected() {
        "rejected"
    } else {
        s.origin().as_str()
    }
}

/// One line, cut with "…" to its column (the whole text on hover); not
/// selectable, so that a click reaches the row.
fn cell(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.add(egui::Label::new(text).truncate().selectable(false));
}

/// The column's title as a button that sorts by it, with an arrow when it
/// is a sort key (the tie-break's weaker).
fn header_cell(ui: &mut egui::Ui, state: &mut AppState, column: SortColumn) {
    let title = column.title();
    let clicked = ui
        .add(egui::Button::new(RichText::new(title).strong()).frame(false))
        .on_hover_text(format!(
            "Click to sort by {}; click again to reverse. The previous sort breaks ties.",
            title.to_lowercase()
        ))
        .clicked();
    if clicked {
        state.push(Command::SortTable(column));
    }
    if let Some((rank, key)) = state
        .table
        .sort
        .iter()
        .enumerate()
        .find(|(_, k)| k.column == column)
    {
        let arrow = if key.descending { "desc" } else { "asc" };
        if rank == 0 {
            ui.strong(arrow);
        } else {
            ui.weak(arrow)
                .on_hover_text("Breaks ties of the first sort");
        }
    }
}

/// The selection to scroll into view: one that changed since last frame
/// (moved by keys); otherwise the user may scroll it away.
fn reveal(ui: &egui::Ui, selected: Option<usize>) -> Option<usize> {
    let id = egui::Id::unique("statements table revealed");
    let before = ui.data(|d| d.get_temp::<Option<usize>>(id));
    ui.data_mut(|d| d.insert_temp(id, selected));
    selected.filter(|_| before != Some(selected))
}

fn keyboard(ui: &egui::Ui, state: &mut AppState) {
    if ui.ctx().text_edit_focused() || state.export.open {
        return;
    }
    let (down, up, enter, escape) = ui.input(|i| {
        (
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::ArrowUp),
            i.key_pressed(Key::Enter),
            i.key_pressed(Key::Escape),
        )
    });
    let by = isize::from(down) - isize::from(up);
    if by != 0 {
        state.push(Command::MoveRowSelection(by));
    }
    if enter && let Some(statement) = state.table_selected() {
        state.push(Command::ShowInArticle(statement));
    }
    if escape {
        state.push(Command::HideTable);
    }
}
