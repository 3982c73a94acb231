//! The evidence panel: the statements behind the opened cell, newest first,
//! each with its cue words highlighted, speaker, stance, article and actions.

use super::cues;
use super::marked_text;
use super::reviewing::Act;
use super::state::{AppState, Command, EVIDENCE_PAGE};
use super::theme;
use super::timeline;
use crate::{Analysis, Origin, Statement};
use egui::text::TextFormat;
use egui::{FontId, RichText};
use std::cmp::Reverse;

/// `statements` ordered by their article's date, newest first; undated last.
/// Statements of the same date keep their document order.
pub fn newest_first(analysis: &Analysis, statements: &[usize]) -> Vec<usize> {
    let mut ordered = statements.to_vec();
    ordered.sort_by_key(|&i| {
        let date = analysis.documents[analysis.statements[i].doc]
            .date
            .as_deref();
        (date.is_none(), Reverse(date))
    });
    ordered
}

/// Who made the statement, as the window names them.
pub fn speaker<'a>(analysis: &'a Analysis, s: &'a Statement) -> &'a str {
    match analysis.speaker(s) {
        "" => "unnamed speaker",
        speaker => speaker,
    }
}

/// What a user copies: the quote when there is one, else the sentence,
/// with its citation (speaker, article title, source, date), ready to paste.
pub fn quotation(analysis: &Analysis, s: &Statement) -> String {
    let doc = &analysis.documents[s.doc];
    let words = analysis.text(s.doc, s.quote.unwrap_or(s.sentence)).trim();
    let speaker = speaker(analysis, s);
    let date = doc.date.as_deref().unwrap_or("undated");
    format!(
        "“{words}” — {speaker}, “{}”, {}, {date}",
        doc.title, doc.source
    )
}

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let (Some(analysis), Some((actor, issue))) = (state.analysis.clone(), state.evidence) else {
        return;
    };
    let actor_name = &analysis.lexicon.actors()[actor].name;
    let issue_name = &analysis.lexicon.issues()[issue].name;
    let cell = state.matrix.cell(actor, issue);
    // What is counted, then what a person rejected: struck through, at hand
    // to take back.
    let listed: Vec<usize> = cell.listed().collect();
    let timeline = timeline::of_cell(&analysis, cell);
    let statements = newest_first(&analysis, &listed);
    let (reviewed, total) = (cell.reviewed, cell.statements.len());
    ui.horizontal(|ui| {
        ui.heading(format!("{actor_name} on {issue_name}"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button("Hide")
                .on_hover_text("Close the evidence panel")
                .clicked()
            {
                state.push(Command::HideEvidence);
            }
        });
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(match statements.len() {
            0 => "No statements under the current filters.".to_string(),
            1 => "1 statement, newest first".to_string(),
            n => format!("{n} statements, newest first"),
        });
        if total > 0 {
            ui.weak(format!("{reviewed}/{total} reviewed"));
            if ui
                .button("Accept all")
                .on_hover_text("Accept every statement of this cell (Shift+A)")
                .clicked()
            {
                state.push(Command::ReviewCell(Act::Accept));
            }
            if ui
                .button("Next to review")
                .on_hover_text("The next unreviewed statement, weakest evidence first (N)")
                .clicked()
            {
                state.push(Command::NextToReview);
            }
        }
    });
    timeline::ui(ui, state, &analysis, &timeline);
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false; 2])
        .show(ui, |ui| {
            let shown = state.evidence_shown.min(statements.len());
            for &index in &statements[..shown] {
                statement_card(ui, state, &analysis, index);
                ui.add_space(6.0);
            }
            let left = statements.len() - shown;
            if left > 0
                && ui
                    .button(format!(
                        "Show {} more ({left} left)",
                        left.min(EVIDENCE_PAGE)
                    ))
                    .on_hover_text("List the next statements of this cell")
                    .clicked()
            {
                state.push(Command::ShowMoreEvidence);
            }
        });
}

fn statement_card(ui: &mut egui::Ui, state: &mut AppState, analysis: &Analysis, index: usize) {
    let s = &analysis.statements[index];
    let doc = &analysis.documents[s.doc];
    let dark = ui.visuals().dark_mode;
    let focused = state.reviews.focus == Some(index);
    let mut frame = egui::Frame::group(ui.style());
    if focused {
        frame = frame.stroke(ui.visuals().selection.stroke);
    }
    let card = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let summary = theme::of_stance(s.stance);
            egui::Frame::new()
                .fill(theme::fill(summary, dark))
                .corner_radius(4.0)
                .inner_margin(egui::Margin::symmetric(6, 2))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(theme::badge(summary))
                            .color(ui.visuals().strong_text_color()),
                    );
                });
            ui.label(RichText::new(speaker(analysis, s)).strong());
            review_marks(ui, s);
        });
        if sentence(ui, analysis, s, dark).clicked() {
            state.push(Command::Focus(index));
        }
        if !s.note().is_empty() {
            ui.label(RichText::new(format!("Note: {}", s.note())).italics());
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&doc.title).italics());
            ui.weak(format!(
                "{} · {}",
                doc.source,
                doc.date.as_deref().unwrap_or("undated")
            ));
            if let Some(again) = analysis.copies.said_again(&analysis.statements, index) {
                ui.weak(again);
            }
        });
        ui.horizontal(|ui| {
            if ui
                .button("Copy")
                .on_hover_text("Copy the quote (or the sentence) to the clipboard")
                .clicked()
            {
                ui.ctx().copy_text(quotation(analysis, s));
                state.push(Command::Copied(index));
            }
            if state.copied == Some(index) {
                ui.weak("Copied with its citation");
            }
            if ui
                .button("Show in article")
                .on_hover_text("Read the article, scrolled to this sentence")
                .clicked()
            {
                state.push(Command::ShowInArticle(index));
            }
        });
        review_buttons(ui, state, s, index);
    });
    if focused && state.reviews.scroll_to_focus {
        card.response.scroll_to_me(Some(egui::Align::Center));
        state.reviews.scroll_to_focus = false;
    }
}

/// The grade as a badge explained on hover, and who decided.
fn review_marks(ui: &mut egui::Ui, s: &Statement) {
    if let Some(grade) = s.grade {
        ui.label(RichText::new(grade.as_str()).small().weak())
            .on_hover_text(grade.explain());
    }
    let decided = match (s.is_rejected(), s.origin()) {
        (true, _) => Some("rejected"),
        (false, Origin::Accepted) => Some("accepted"),
        (false, Origin::Recoded) => Some("re-coded"),
        (false, Origin::Added) => Some("added by hand"),
        (false, Origin::Automatic) => None,
    };
    if let Some(decided) = decided {
        let tip = match s.review.as_ref().and_then(|r| r.original.as_ref()) {
            Some(o) => format!("Found as {} by extraction; Ctrl+Z undoes", o.stance),
            None => "Decided by a person; Ctrl+Z undoes".to_string(),
        };
        ui.label(RichText::new(decided).strong()).on_hover_text(tip);
    }
}

/// Accept, reject, re-code, and take a decision back.
fn review_buttons(ui: &mut egui::Ui, state: &mut AppState, s: &Statement, index: usize) {
    ui.horizontal(|ui| {
        let review = |act| Command::Review {
            statement: index,
            act,
        };
        if s.origin() != Origin::Accepted
            && !s.is_rejected()
            && ui
                .button("Accept")
                .on_hover_text("Confirm this statement (A)")
                .clicked()
        {
            state.push(review(Act::Accept));
        }
        if !s.is_rejected()
            && ui
                .button("Reject")
                .on_hover_text("Not a position statement: struck out, not counted (R)")
                .clicked()
        {
            state.push(review(Act::Reject));
        }
        if ui
            .button("Edit")
            .on_hover_text("Re-code party, issue, stance or speaker, or add a note (E)")
            .clicked()
        {
            state.push(Command::Recode(index));
        }
        if s.is_reviewed()
            && ui
                .button("Reset")
                .on_hover_text(if s.origin() == Origin::Added {
                    "Remove this statement added by hand"
                } else {
                    "Back to what extraction found"
                })
                .clicked()
        {
            state.push(review(Act::Reset));
        }
    });
}

/// The sentence, each cue word saying on hover what it decided; a click
/// puts the statement in focus for the review keys.
fn sentence(ui: &mut egui::Ui, analysis: &Analysis, s: &Statement, dark: bool) -> egui::Response {
    let job = sentence_job(ui, analysis, s, dark);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let response = ui.add(
        egui::Label::new(galley.clone())
            .selectable(false)
            .sense(egui::Sense::click()),
    );
    let text = analysis.text(s.doc, s.sentence);
    if let Some(cue) = marked_text::byte_under_pointer(&response, &galley, text, s.sentence.start)
        .and_then(|at| cues::at(s, at))
    {
        return response.on_hover_text(cues::note(analysis, s, cue));
    }
    response
}

/// The sentence with its quote in italics and its cue words highlighted.
fn sentence_job(
    ui: &egui::Ui,
    analysis: &Analysis,
    s: &Statement,
    dark: bool,
) -> egui::text::LayoutJob {
    let rejected = s.is_rejected();
    let base = TextFormat {
        font_id: FontId::proportional(14.0),
        color: if rejected {
            ui.visuals().weak_text_color()
        } else {
            ui.visuals().text_color()
        },
        strikethrough: if rejected {
            egui::Stroke::new(1.0, ui.visuals().weak_text_color())
        } else {
            egui::Stroke::NONE
        },
        ..TextFormat::default()
    };
    let mut marks = Vec::new();
    if let Some(quote) = s.quote {
        marks.push((
            quote,
            TextFormat {
                italics: true,
                ..base.clone()
            },
        ));
    }
    for cue in &s.cues {
        let format = TextFormat {
            italics: s.quote.is_some_and(|q| q.contains(cue.span)),
            ..cues::format(ui, cue.kind, &base, dark)
        };
        marks.push((cue.span, format));
    }
    let mut job = marked_text::layout(
        analysis.text(s.doc, s.sentence),
        s.sentence.start,
        &base,
        &marks,
    );
    job.wrap.max_width = ui.available_width();
    job
}
