//! The help window (F1): the keys, and a legend of what the marks, colours
//! and highlights of the matrix, the evidence panel and the reader mean.

use super::cues;
use super::state::{AppState, Command};
use super::theme;
use crate::CueKind;
use crate::model::Summary;
use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText};

/// The keys, as the help window lists them.
pub const KEYS: &[(&str, &str)] = &[
    ("Ctrl+O", "open a folder with the file dialog"),
    ("Ctrl+L", "type or paste the path of a folder"),
    ("Ctrl+E", "export what is on screen"),
    (
        "F5",
        "read the folder again (the open cell stays); files changed on disk are re-read on their own",
    ),
    ("Arrow keys", "move the selection in the matrix"),
    ("Enter", "list the statements of the selected cell"),
    ("A / R", "accept / reject the statement in focus"),
    ("E", "re-code the statement in focus, or give it a note"),
    (
        "Shift+A / Shift+R",
        "accept / reject every statement of the open cell",
    ),
    ("N", "next statement to review, weakest evidence first"),
    (
        "Right-click",
        "in the article: add a statement on that sentence",
    ),
    ("Ctrl+Z", "undo the last review"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    ("L", "show or hide the lexicon"),
    ("T", "the statements table instead of the matrix"),
    ("G", "parties against each other instead of the matrix"),
    ("Esc", "close a dialog"),
    ("Drop", "drop a folder or files on the window to open them"),
    ("F1", "show or hide this help"),
];

pub fn ui(ctx: &egui::Context, state: &mut AppState) {
    if !state.show_help {
        return;
    }
    let dark = ctx.theme() == egui::Theme::Dark;
    let mut open = true;
    egui::Window::new("Help")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.heading("Keys");
            egui::Grid::new("keys").num_columns(2).show(ui, |ui| {
                for &(key, what) in KEYS {
                    ui.strong(key);
                    ui.label(what);
                    ui.end_row();
                }
            });
            ui.add_space(8.0);
            ui.heading("Matrix");
            egui::Grid::new("stances").num_columns(2).show(ui, |ui| {
                for (summary, what) in [
                    (Summary::Support, "every statement of the cell supports"),
                    (Summary::Oppose, "every statement opposes"),
                    (
                        Summary::Conditional,
                        "conditional, or support mixed with conditions",
                    ),
                    (Summary::Mixed, "both support and opposition"),
                ] {
                    let badge = RichText::new(format!(" {} ", theme::badge(summary)))
                        .background_color(theme::fill(summary, dark));
                    ui.label(badge);
                    ui.label(what);
                    ui.end_row();
                }
                ui.label(" – ");
                ui.label("no statement (or all filtered out)");
                ui.end_row();
            });
            ui.add_space(8.0);
            ui.heading("Quotes");
            let base = TextFormat {
                font_id: FontId::proportional(14.0),
                color: ui.visuals().text_color(),
                ..TextFormat::default()
            };
            for (kind, sample, what) in [
                (CueKind::Actor, "Peskov", "who speaks, and for which party"),
                (
                    CueKind::Issue,
                    "foreign troops",
                    "the words that name the issue",
                ),
                (
                    CueKind::Stance,
                    "rejected",
                    "the words that decide the stance",
                ),
            ] {
                let mut job = LayoutJob::default();
                job.append(sample, 0.0, cues::format(ui, kind, &base, dark));
                job.append(&format!("  {what}"), 0.0, base.clone());
                ui.label(job);
            }
            ui.label(RichText::new("Quoted words are in italics.").italics());
            ui.add_space(4.0);
            ui.heading("Timeline");
            ui.label(
                "Above a cell's statements, one mark per statement by its article's \
                 date: a triangle up supports, a diamond is conditional, a triangle \
                 down opposes; hollow marks were rejected. Click a mark to read it in the article.",
            );
            ui.add_space(4.0);
            ui.label(
                "In the article, the statement you came from is highlighted; the \
                 article's other statements are shaded. Hover a marked word or a \
                 sentence to see what it is.",
            );
        });
    if !open {
        state.push(Command::ShowHelp(false));
    }
}
