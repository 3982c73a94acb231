//! The article reader: one document's text, scrolled to the statement it was
//! opened from (highlighted, cue words underlined), with every other
//! statement of the document shaded; hovering either, or a cue word, says
//! what it is.
//!
//! The text is cut into pieces once per document ([`article_chunks`]) and
//! only the pieces in view are laid out, each with the marks that fall in
//! it, so that a frame costs the same on a 20 MB article on one line as on a
//! short one.

use super::article_chunks::{self, Heights};
use super::cues;
use super::evidence;
use super::marked_text;
use super::state::{AppState, Command, Reader};
use super::theme;
use crate::{Analysis, Document, Span};
use egui::text::{CCursor, TextFormat};
use egui::{FontId, Key, Rect};
use std::ops::Range;
use std::sync::{Arc, Weak};

/// The widest the text runs, for lines a reader can follow.
const MAX_TEXT_WIDTH: f32 = 760.0;

const FONT_SIZE: f32 = 15.0;

/// How many bytes of article text the reader laid out in its last frame:
/// what a frame of it costs, whatever the article's size.
pub fn bytes_laid_out(ctx: &egui::Context) -> usize {
    ctx.data(|d| d.get_temp(work_id())).unwrap_or(0)
}

fn work_id() -> egui::Id {
    egui::Id::unique("reader bytes laid out")
}

fn view_id() -> egui::Id {
    egui::Id::unique("reader pieces")
}

/// What the reader keeps of a document between frames: its pieces, its
/// statements in text order, and the pieces' heights at the last width.
#[derive(Clone, Default)]
struct ArticleView {
    /// The analysis the document belongs to. Weak, so that a closed folder's
    /// text is not kept alive; its address cannot be reused while held.
    analysis: Weak<Analysis>,
    doc: usize,
    chunks: Vec<Range<usize>>,
    /// The document's statements by where their sentence starts.
    statements: Vec<usize>,
    /// `reach[i]`: the furthest any of `statements[..=i]` ends, so that the
    /// statements overlapping a piece are found by binary search.
    reach: Vec<usize>,
    width: f32,
    heights: Heights,
}

impl ArticleView {
    fn of(analysis: &Arc<Analysis>, doc: usize) -> ArticleView {
        let mut statements: Vec<usize> = (0..analysis.statements.len())
            .filter(|&i| analysis.statements[i].doc == doc)
            .collect();
        statements.sort_by_key(|&i| analysis.statements[i].sentence.start);
        let reach = statements
            .iter()
            .scan(0, |furthest, &i| {
                *furthest = analysis.statements[i].sentence.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        ArticleView {
            analysis: Arc::downgrade(analysis),
            doc,
            chunks: article_chunks::split(&analysis.documents[doc].text),
            statements,
            reach,
            width: 0.0,
            heights: Heights::default(),
        }
    }

    fn is_of(&self, analysis: &Arc<Analysis>, doc: usize) -> bool {
        self.doc == doc && Weak::ptr_eq(&self.analysis, &Arc::downgrade(analysis))
    }

    /// The statements whose sentence overlaps `range`.
    fn statements_in(&self, analysis: &Analysis, range: &Range<usize>) -> &[usize] {
        let first = self.reach.partition_point(|&end| end <= range.start);
        let after = self
            .statements
            .partition_point(|&i| analysis.statements[i].sentence.start < range.end);
        &self.statements[first..after.max(first)]
    }
}

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let (Some(analysis), Some(reader)) = (state.analysis.clone(), state.reader.clone()) else {
        return;
    };
    let Some(doc) = analysis
        .documents
        .get(reader.doc)
        .filter(|_| reader.statement < analysis.statements.len())
    else {
        state.push(Command::CloseReader);
        return;
    };
    if ui.input(|i| i.key_pressed(Key::Escape)) {
        state.push(Command::CloseReader);
    }
    let mut view = ui
        .data_mut(|d| d.remove_temp::<ArticleView>(view_id()))
        .filter(|v| v.is_of(&analysis, reader.doc))
        .unwrap_or_else(|| ArticleView::of(&analysis, reader.doc));
    header(ui, state, doc, view.statements.len().saturating_sub(1));
    let laid_out = text(ui, state, &analysis, &reader, &mut view);
    ui.data_mut(|d| {
        d.insert_temp(view_id(), view);
        d.insert_temp(work_id(), laid_out);
    });
}

fn header(ui: &mut egui::Ui, state: &mut AppState, doc: &Document, others: usize) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Back to matrix")
            .on_hover_text("Close the article (Esc)")
            .clicked()
        {
            state.push(Command::CloseReader);
        }
        ui.heading(&doc.title);
    });
    let date = doc.date.as_deref().unwrap_or("undated");
    // Without a URL the source is the file name; saying it twice helps no one.
    ui.weak(if doc.source == doc.file {
        format!("{} · {date}", doc.source)
    } else {
        format!("{} · {date} · {}", doc.source, doc.file)
    });
    ui.label(format!(
        "The highlighted sentence is the statement you opened; {others} other statement(s) of \
         this article are shaded. Hover one, or a marked word, to see what it is."
    ));
    ui.separator();
}

/// Draw the pieces of the text in view; returns the bytes laid out.
fn text(
    ui: &mut egui::Ui,
    state: &mut AppState,
    analysis: &Analysis,
    reader: &Reader,
    view: &mut ArticleView,
) -> usize {
    let doc = &analysis.documents[reader.doc];
    let focus = &analysis.statements[reader.statement];
    let base = TextFormat {
        font_id: FontId::proportional(FONT_SIZE),
        color: ui.visuals().text_color(),
        ..TextFormat::default()
    };
    let row_height = ui.fonts_mut(|f| f.row_height(&base.font_id));
    let mut scroll = egui::ScrollArea::vertical().auto_shrink([false; 2]);
    let target = article_chunks::holding(&view.chunks, focus.sentence.start);
    if reader.scroll_pending {
        // Bring the piece in view now; its sentence is centred once laid out.
        scroll = scroll.vertical_scroll_offset(view.heights.top(target));
    }
    let mut laid_out = 0;
    scroll.show_viewport(ui, |ui, viewport| {
        // Wrap to the width in view, however narrow the window.
        let width = ui.available_width().min(MAX_TEXT_WIDTH);
        if width != view.width {
            // Average letters are about half as wide as the font is high.
            let per_row = (width / (FONT_SIZE * 0.5)).max(1.0);
            view.heights = Heights::estimated(&view.chunks, |bytes| {
                row_height * (bytes as f32 / per_row).ceil().max(1.0)
            });
            view.width = width;
        }
        ui.set_height(view.heights.total());
        let top = ui.max_rect().top();
        let first = view.heights.first_below(viewport.min.y);
        let mut y = view.heights.top(first);
        let mut i = first;
        ui.scope_builder(
            egui::UiBuilder::new().max_rect(Rect::from_x_y_ranges(
                ui.max_rect().x_range(),
                top + y..=top + view.heights.total().max(y),
            )),
            |ui| {
                ui.spacing_mut().item_spacing.y = 0.0;
                while i < view.chunks.len() && y < viewport.max.y {
                    let range = view.chunks[i].clone();
                    let height = if range.is_empty() {
                        ui.add_space(row_height);
                        row_height
                    } else {
                        laid_out += range.len();
                        let marks = marks(ui, analysis, reader, view, &range, &base);
                        let mut job = marked_text::layout(
                            &doc.text[range.clone()],
                            range.start,
                            &base,
                            &marks,
                        );
                        job.wrap.max_width = width;
                        let galley = ui.fonts_mut(|f| f.layout_job(job));
                        let response = ui.add(egui::Label::new(galley.clone()));
                        if let Some(at) = marked_text::byte_under_pointer(
                            &response,
                            &galley,
                            &doc.text[range.clone()],
                            range.start,
                        ) {
                            if response.secondary_clicked() {
                                state.push(Command::AddAt {
                                    doc: reader.doc,
                                    at,
                                });
                            }
                            if let Some(note) = hover_note(analysis, reader, view, at) {
                                response.clone().on_hover_text(note);
                            }
                        }
                        if reader.scroll_pending && i == target {
                            let char_index = doc.text
                                [range.start..focus.sentence.start.max(range.start)]
                                .chars()
                                .count();
                            let sentence = galley
                                .pos_from_cursor(CCursor::new(char_index))
                                .translate(response.rect.min.to_vec2());
                            ui.scroll_to_rect_animation(
                                sentence,
                                Some(egui::Align::Center),
                                egui::style::ScrollAnimation::none(),
                            );
                            state.push(Command::ScrolledToStatement);
                        }
                        response.rect.height()
                    };
                    view.heights.measured(i, height);
                    y += height;
                    i += 1;
                }
            },
        );
    });
    laid_out
}

/// The marks of the piece `range`: the document's statements shaded, the
/// one opened highlighted with its cue words underlined.
fn marks(
    ui: &egui::Ui,
    analysis: &Analysis,
    reader: &Reader,
    view: &ArticleView,
    range: &Range<usize>,
    base: &TextFormat,
) -> Vec<(Span, TextFormat)> {
    let dark = ui.visuals().dark_mode;
    let strong = ui.visuals().strong_text_color();
    let focus = &analysis.statements[reader.statement];
    let overlaps = |span: Span| span.start < range.end && range.start < span.end;
    let mut marks: Vec<(Span, TextFormat)> = view
        .statements_in(analysis, range)
        .iter()
        .map(|&i| analysis.statements[i].sentence)
        .filter(|&sentence| overlaps(sentence))
        .map(|sentence| {
            let format = TextFormat {
                background: theme::statement_mark(dark),
                ..base.clone()
            };
            (sentence, format)
        })
        .collect();
    if overlaps(focus.sentence) {
        let highlight = TextFormat {
            background: theme::cue_highlight(dark),
            color: strong,
            ..base.clone()
        };
        marks.push((focus.sentence, highlight.clone()));
        for cue in focus.cues.iter().filter(|c| overlaps(c.span)) {
            let underlined = TextFormat {
                underline: egui::Stroke::new(1.5, strong),
                ..highlight.clone()
            };
            marks.push((cue.span, underlined));
        }
    }
    marks
}

/// What the text at byte `at` is: a cue word of the statement opened, that
/// statement, or another statement of the article.
fn hover_note(
    analysis: &Analysis,
    reader: &Reader,
    view: &ArticleView,
    at: usize,
) -> Option<String> {
    let focus = &analysis.statements[reader.statement];
    if let Some(cue) = cues::at(focus, at) {
        return Some(cues::note(analysis, focus, cue));
    }
    let lines: Vec<String> = view
        .statements_in(analysis, &(at..at + 1))
        .iter()
        .filter(|&&i| {
            let s = analysis.statements[i].sentence;
            s.start <= at && at < s.end
        })
        .map(|&i| {
            let s = &analysis.statements[i];
            let which = if i == reader.statement {
                "The statement you opened"
            } else {
                "Another statement of this article"
            };
            format!(
                "{which}: {} on {}, {} — {}",
                analysis.lexicon.actors()[s.actor].name,
                analysis.lexicon.issues()[s.issue].name,
                theme::badge(theme::of_stance(s.stance)),
                evidence::speaker(analysis, s),
            )
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}
