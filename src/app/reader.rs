//! The article reader: one document's text, scrolled to the statement it was
//! opened from (highlighted, cue words underlined), with every other
//! statement of the document marked.

use super::marked_text;
use super::state::{AppState, Command};
use super::theme;
use crate::Span;
use egui::text::{CCursor, TextFormat};
use egui::{FontId, Key};

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let (Some(analysis), Some(reader)) = (state.analysis.clone(), state.reader.clone()) else {
        return;
    };
    let Some(doc) = analysis.documents.get(reader.doc) else {
        state.push(Command::CloseReader);
        return;
    };
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        state.push(Command::CloseReader);
    }
    ui.horizontal(|ui| {
        if ui
            .button("Back to matrix")
            .on_hover_text("Close the article (Esc)")
            .clicked()
        {
            state.push(Command::CloseReader);
        }
        ui.heading(&doc.title);
    });
    ui.weak(format!(
        "{} · {} · {}",
        doc.source,
        doc.date.as_deref().unwrap_or("undated"),
        doc.file
    ));
    let others = analysis
        .statements
        .iter()
        .enumerate()
        .filter(|(i, s)| s.doc == reader.doc && *i != reader.statement)
        .count();
    ui.label(format!(
        "The highlighted sentence is the statement you opened; {others} other statement(s) of this article are shaded."
    ));
    ui.separator();

    let dark = ui.visuals().dark_mode;
    let base = TextFormat {
        font_id: FontId::proportional(15.0),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let mut marks: Vec<(Span, TextFormat)> = analysis
        .statements
        .iter()
        .filter(|s| s.doc == reader.doc)
        .map(|s| {
            let format = TextFormat {
                background: theme::statement_mark(dark),
                ..base.clone()
            };
            (s.sentence, format)
        })
        .collect();
    let focus = &analysis.statements[reader.statement];
    let strong = ui.visuals().strong_text_color();
    marks.push((
        focus.sentence,
        TextFormat {
            background: theme::cue_highlight(dark),
            color: strong,
            ..base.clone()
        },
    ));
    for cue in &focus.cues {
        marks.push((
            cue.span,
            TextFormat {
                background: theme::cue_highlight(dark),
                color: strong,
                underline: egui::Stroke::new(1.5, strong),
                ..base.clone()
            },
        ));
    }

    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            let mut job = marked_text::layout(&doc.text, 0, &base, &marks);
            job.wrap.max_width = ui.available_width().min(760.0);
            let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
            let char_index = doc
                .text
                .get(..focus.sentence.start)
                .map_or(0, |t| t.chars().count());
            let sentence_rect = galley.pos_from_cursor(CCursor::new(char_index));
            let response = ui.add(egui::Label::new(galley.clone()));
            if reader.scroll_pending {
                let rect = sentence_rect.translate(response.rect.min.to_vec2());
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
                if let Some(r) = &mut state.reader {
                    r.scroll_pending = false;
                }
            }
        });
}
