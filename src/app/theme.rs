//! How stances look: a mark and a word for each (readable in grey-scale and
//! without colour vision), and a fill colour per theme.
//!
//! The marks are the ones the exports use, and all are in egui's built-in
//! font, so they never show as empty boxes.

use super::prefs::Theme;
use crate::{Stance, Summary};
use egui::Color32;

/// The mark of a cell summary.
pub fn glyph(summary: Summary) -> &'static str {
    match summary {
        Summary::Support => "+",
        Summary::Oppose => "−",
        Summary::Conditional => "~",
        Summary::Mixed => "±",
    }
}

/// A single stance as a cell summary, so that it shares glyph and colour.
pub fn of_stance(stance: Stance) -> Summary {
    stance.into()
}

/// "+ support"
pub fn badge(summary: Summary) -> String {
    format!("{} {}", glyph(summary), summary.as_str())
}

/// The summary's word in at most five letters, for a narrow cell.
pub fn short_word(summary: Summary) -> &'static str {
    match summary {
        Summary::Support => "supp.",
        Summary::Oppose => "opp.",
        Summary::Conditional => "cond.",
        Summary::Mixed => "mixed",
    }
}

/// Background of a cell or badge. Blue/orange rather than green/red, so the
/// two main stances stay apart for the common forms of colour blindness.
pub fn fill(summary: Summary, dark: bool) -> Color32 {
    match (summary, dark) {
        (Summary::Support, false) => Color32::from_rgb(0xc6, 0xdb, 0xef),
        (Summary::Support, true) => Color32::from_rgb(0x1f, 0x4e, 0x79),
        (Summary::Oppose, false) => Color32::from_rgb(0xfd, 0xd0, 0xa2),
        (Summary::Oppose, true) => Color32::from_rgb(0x8c, 0x3d, 0x0b),
        (Summary::Conditional, false) => Color32::from_rgb(0xe5, 0xe5, 0xa0),
        (Summary::Conditional, true) => Color32::from_rgb(0x5c, 0x5a, 0x14),
        (Summary::Mixed, false) => Color32::from_rgb(0xda, 0xc8, 0xe8),
        (Summary::Mixed, true) => Color32::from_rgb(0x4b, 0x2e, 0x6b),
    }
}

/// Background of an actor cue (who speaks), apart from the issue and
/// stance cues so that the three read differently.
pub fn actor_highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1f, 0x4e, 0x5a)
    } else {
        Color32::from_rgb(0xc4, 0xe8, 0xf0)
    }
}

/// Background of cue words in quotes and of statements in the reader.
pub fn cue_highlight(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x6b, 0x55, 0x00)
    } else {
        Color32::from_rgb(0xff, 0xe0, 0x80)
    }
}

/// Background of the other statements of a document in the reader.
pub fn statement_mark(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x2a, 0x3a, 0x4a)
    } else {
        Color32::from_rgb(0xe3, 0xec, 0xf5)
    }
}

pub fn egui_theme(theme: Theme) -> egui::Theme {
    match theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    }
}

/// Borders that text fields keep in the light theme, where egui's default
/// draws none around an idle field.
pub fn set_field_borders(ctx: &egui::Context) {
    ctx.style_mut_of(egui::Theme::Light, |style| {
        style.visuals.widgets.inactive.bg_stroke =
            egui::Stroke::new(1.0, Color32::from_rgb(0xa0, 0xa6, 0xae));
    });
}
