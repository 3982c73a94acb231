//! Text with marked spans (cue words, quotes, statements) as an egui
//! [`LayoutJob`], shared by the evidence panel and the reader, and the way
//! back from a point of the laid-out text to the byte it shows, for the
//! tooltips of those spans.

use crate::Span;
use egui::text::{Galley, LayoutJob, TextFormat};

/// Lay out `text`, which starts at byte `offset` of its document, with each
/// `(span, format)` applied to the part of the text it covers (spans are
/// document-relative). Where marks overlap, the later one wins.
pub fn layout(
    text: &str,
    offset: usize,
    base: &TextFormat,
    marks: &[(Span, TextFormat)],
) -> LayoutJob {
    let end = offset + text.len();
    let mut cuts = vec![offset, end];
    for (span, _) in marks {
        cuts.extend(
            [span.start, span.end]
                .into_iter()
                .filter(|c| (offset..=end).contains(c)),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob::default();
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        // Spans are on char boundaries; `get` keeps a bad one from panicking.
        let Some(piece) = text.get(from - offset..to - offset) else {
            continue;
        };
        let format = marks
            .iter()
            .rev()
            .find(|(span, _)| span.start <= from && to <= span.end)
            .map_or(base, |(_, format)| format);
        job.append(piece, 0.0, format.clone());
    }
    job
}

/// The byte of the document under the pointer of `response`, a label
/// showing `galley`, which was laid out from `text` starting at byte
/// `offset` of its document; `None` off the text's characters.
pub fn byte_under_pointer(
    response: &egui::Response,
    galley: &Galley,
    text: &str,
    offset: usize,
) -> Option<usize> {
    let local = response.hover_pos()? - response.rect.min;
    let mut chars_before = 0;
    for row in &galley.rows {
        if (row.min_y()..=row.max_y()).contains(&local.y) {
            let x = local.x - row.pos.x;
            let column = row
                .glyphs
                .iter()
                .position(|g| g.logical_rect().x_range().contains(x))?;
            let (byte, _) = text.char_indices().nth(chars_before + column)?;
            return Some(offset + byte);
        }
        chars_before += row.char_count_including_newline().0;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Color32;

    #[test]
    fn marks_split_the_text_and_later_marks_win() {
        let base = TextFormat::default();
        let yellow = TextFormat {
            background: Color32::YELLOW,
            ..TextFormat::default()
        };
        let red = TextFormat {
            background: Color32::RED,
            ..TextFormat::default()
        };
        // "Russia rejected troops." at document offset 10.
        let text = "Russia rejected troops.";
        let marks = [
            (Span::new(10, 25), yellow.clone()),
            (Span::new(17, 25), red.clone()),
        ];
        let job = layout(text, 10, &base, &marks);
        let pieces: Vec<(&str, Color32)> = job
            .sections
            .iter()
            .map(|s| {
                (
                    &job.text[s.byte_range.start.0..s.byte_range.end.0],
                    s.format.background,
                )
            })
            .collect();
        assert_eq!(
            pieces,
            [
                ("Russia ", Color32::YELLOW),
                ("rejected", Color32::RED),
                (" troops.", Color32::TRANSPARENT),
            ]
        );
        assert_eq!(job.text, text);
    }
}
