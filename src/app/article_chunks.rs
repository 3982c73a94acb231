//! An article cut into pieces that the reader lays out one at a time, and
//! where each piece sits in the scrolled text.
//!
//! A piece is a line, or a part of a line of at most [`MAX_CHUNK`] bytes, cut
//! after a space where there is one: a 20 MB article on one line then costs
//! a frame no more than a short one, since only the pieces in view are laid
//! out. Pieces not seen yet take an estimated height, replaced by the real
//! one once laid out. Nothing here knows egui.

use std::ops::Range;

/// The most bytes of one piece: a few hundred words, under a screen of text
/// even in a narrow window.
pub const MAX_CHUNK: usize = 2_000;

/// The byte ranges of `text`'s pieces, in order, without the line breaks
/// between them; an empty line is an empty piece. Every range starts and ends
/// on a character boundary. Linear in `text`: each byte is looked at a
/// bounded number of times.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let line_end = line_start + line.len();
        let mut start = line_start;
        while line_end - start > MAX_CHUNK {
            let mut cut = start + MAX_CHUNK;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            // After the last space of the piece's second half, so that no
            // word is cut in two and every piece moves on by half a piece at
            // least; a run of letters with no space is cut between characters.
            let half = start + MAX_CHUNK / 2;
            if let Some(space) = text.as_bytes()[half..cut].iter().rposition(|&b| b == b' ') {
                cut = half + space + 1;
            }
            chunks.push(start..cut);
            start = cut;
        }
        chunks.push(start..line_end);
        line_start = line_end + 1;
    }
    chunks
}

/// The heights of the pieces at one wrap width, and the top of each in the
/// scrolled text.
#[derive(Debug, Clone, Default)]
pub struct Heights {
    heights: Vec<f32>,
    /// `tops[i]` is the sum of the heights before piece `i`, valid for
    /// `i < valid`.
    tops: Vec<f32>,
    valid: usize,
}

impl Heights {
    /// Every piece at its estimated height.
    pub fn estimated(chunks: &[Range<usize>], estimate: impl Fn(usize) -> f32) -> Heights {
        let heights: Vec<f32> = chunks.iter().map(|c| estimate(c.len())).collect();
        let mut heights = Heights {
            tops: vec![0.0; heights.len()],
            heights,
            valid: 0,
        };
        heights.update_tops();
        heights
    }

    /// Piece `i` turned out to be `height` high. The tops after it move,
    /// recomputed once, on the next look-up.
    pub fn measured(&mut self, i: usize, height: f32) {
        if let Some(h) = self.heights.get_mut(i)
            && (*h - height).abs() > 0.5
        {
            *h = height;
            self.valid = self.valid.min(i + 1);
        }
    }

    fn update_tops(&mut self) {
        let mut top = match self.valid {
            0 => 0.0,
            v => self.tops[v - 1] + self.heights[v - 1],
        };
        for i in self.valid..self.heights.len() {
            self.tops[i] = top;
            top += self.heights[i];
        }
        self.valid = self.heights.len();
    }

    /// The top of piece `i`.
    pub fn top(&mut self, i: usize) -> f32 {
        self.update_tops();
        self.tops.get(i).copied().unwrap_or_else(|| self.total())
    }

    /// The height of all pieces together.
    pub fn total(&mut self) -> f32 {
        self.update_tops();
        match (self.tops.last(), self.heights.last()) {
            (Some(top), Some(height)) => top + height,
            _ => 0.0,
        }
    }

    /// The first piece that reaches below `y`.
    pub fn first_below(&mut self, y: f32) -> usize {
        self.update_tops();
        let after = self.tops.partition_point(|&top| top <= y);
        after.saturating_sub(1)
    }
}

/// The piece that holds byte `at`: the last one that starts at or before it.
pub fn holding(chunks: &[Range<usize>], at: usize) -> usize {
    chunks.partition_point(|c| c.start <= at).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_pieces_and_a_long_line_is_cut_after_a_space() {
        let text = format!("first\n\n{}", "word ".repeat(1_000));
        let chunks = split(&text);
        assert_eq!(&text[chunks[0].clone()], "first");
        assert_eq!(&text[chunks[1].clone()], "");
        assert!(chunks[2..].iter().all(|c| c.len() <= MAX_CHUNK));
        assert!(chunks[2..].iter().all(|c| text[c.clone()].ends_with(' ')));
        let rejoined: String = chunks[2..].iter().map(|c| &text[c.clone()]).collect();
        assert_eq!(rejoined, "word ".repeat(1_000));
    }

    #[test]
    fn letters_without_spaces_are_cut_between_characters() {
        let text = "ж".repeat(3 * MAX_CHUNK);
        let chunks = split(&text);
        assert!(chunks.len() >= 3);
        for c in &chunks {
            assert!(c.len() <= MAX_CHUNK);
            assert!(text.get(c.clone()).is_some(), "on character boundaries");
        }
        assert_eq!(chunks.last().map(|c| c.end), Some(text.len()));
    }

    #[test]
    fn a_measured_height_moves_the_pieces_below_it() {
        let chunks = [0..10, 10..20, 20..30];
        let mut heights = Heights::estimated(&chunks, |_| 10.0);
        assert_eq!(heights.top(2), 20.0);
        heights.measured(0, 30.0);
        assert_eq!(heights.top(1), 30.0);
        assert_eq!(heights.top(2), 40.0);
        assert_eq!(heights.total(), 50.0);
        assert_eq!(heights.first_below(35.0), 1);
        assert_eq!(heights.first_below(0.0), 0);
        assert_eq!(holding(&chunks, 25), 2);
        assert_eq!(holding(&chunks, 10), 1);
    }
}
