//! Cue words — the words that decided a statement's party, issue and stance —
//! as the evidence panel, the reader and the help legend mark them, and what
//! hovering one says.

use super::theme;
use crate::{Analysis, Cue, CueKind, Statement};
use egui::text::TextFormat;

/// How a cue of `kind` is marked on `base`: actor cues on blue, issue cues
/// on yellow, stance cues on yellow and underlined (the legend shows the
/// same).
pub fn format(ui: &egui::Ui, kind: CueKind, base: &TextFormat, dark: bool) -> TextFormat {
    let strong = ui.visuals().strong_text_color();
    TextFormat {
        background: match kind {
            CueKind::Actor => theme::actor_highlight(dark),
            _ => theme::cue_highlight(dark),
        },
        color: strong,
        underline: if kind == CueKind::Stance {
            egui::Stroke::new(1.0, strong)
        } else {
            egui::Stroke::NONE
        },
        ..base.clone()
    }
}

/// What a cue decided, for its tooltip: "actor cue: “Rutte” means NATO",
/// "issue cue: “boots on the ground” means Foreign troops", "stance cue:
/// “rejected” means oppose". (No arrow: egui's built-in font has none.)
pub fn note(analysis: &Analysis, s: &Statement, cue: &Cue) -> String {
    let words = analysis.text(s.doc, cue.span).trim();
    let (kind, decided) = match cue.kind {
        CueKind::Actor => ("actor", analysis.lexicon.actors()[s.actor].name.as_str()),
        CueKind::Issue => ("issue", analysis.lexicon.issues()[s.issue].name.as_str()),
        CueKind::Stance => ("stance", s.stance.as_str()),
    };
    format!("{kind} cue: “{words}” means {decided}")
}

/// The cue of `s` that covers byte `at` of its document, if any.
pub fn at(s: &Statement, at: usize) -> Option<&Cue> {
    s.cues
        .iter()
        .find(|c| c.span.start <= at && at < c.span.end)
}
