//! The filters in force, shown as chips under the filter bar, each with its
//! own "×", and the reason a matrix is empty: a filter typed for one folder
//! must never empty the next one silently.

use super::state::{AppState, Command};
use crate::Stance;
use crate::matrix::Filter;

/// One part of the filter that a chip clears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterPart {
    Stances,
    From,
    To,
    Documents,
    Speaker,
    Text,
}

/// The parts of `filter` in force, each with the words its chip shows.
pub fn chips(filter: &Filter) -> Vec<(FilterPart, String)> {
    let mut out = Vec::new();
    if filter.stances.iter().any(|kept| !kept) {
        let shown: Vec<String> = Stance::ALL
            .into_iter()
            .filter(|s| filter.keeps_stance(*s))
            .map(|s| s.to_string())
            .collect();
        let shown = if shown.is_empty() {
            "none".to_string()
        } else {
            shown.join(", ")
        };
        out.push((FilterPart::Stances, format!("Stances: {shown}")));
    }
    if let Some(from) = &filter.date_from {
        out.push((FilterPart::From, format!("From {from}")));
    }
    if let Some(to) = &filter.date_to {
        out.push((FilterPart::To, format!("To {to}")));
    }
    match filter.documents.as_slice() {
        [] => {}
        [one] => out.push((FilterPart::Documents, format!("Article: {one}"))),
        many => out.push((FilterPart::Documents, format!("{} articles", many.len()))),
    }
    if !filter.speaker.trim().is_empty() {
        out.push((
            FilterPart::Speaker,
            format!("Speaker: {}", filter.speaker.trim()),
        ));
    }
    if !filter.text.trim().is_empty() {
        out.push((FilterPart::Text, format!("Search: {}", filter.text.trim())));
    }
    out
}

/// `filter` with `part` back at its default.
pub fn without(filter: &Filter, part: FilterPart) -> Filter {
    let mut filter = filter.clone();
    let default = Filter::default();
    match part {
        FilterPart::Stances => filter.stances = default.stances,
        FilterPart::From => filter.date_from = None,
        FilterPart::To => filter.date_to = None,
        FilterPart::Documents => filter.documents.clear(),
        FilterPart::Speaker => filter.speaker.clear(),
        FilterPart::Text => filter.text.clear(),
    }
    filter
}

/// Why the matrix on screen shows no statement, if it shows none.
pub fn empty_reason(state: &AppState) -> Option<String> {
    let analysis = state.analysis.as_ref()?;
    if state.matrix.total().total() > 0 {
        return None;
    }
    let all = analysis.statements.len();
    let filter = &state.prefs.filter;
    Some(match (&filter.date_from, &filter.date_to) {
        _ if all == 0 => format!(
            "No statements were found in the {} documents of this folder.",
            analysis.documents.len()
        ),
        // ISO dates compare as text.
        (Some(from), Some(to)) if from > to => {
            format!("“From” ({from}) is after “To” ({to}): no article can match.")
        }
        _ => format!("All {all} statements are filtered out: clear a filter to see them."),
    })
}

pub fn ui(ui: &mut egui::Ui, state: &mut AppState) {
    let chips = chips(&state.prefs.filter);
    if !chips.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Filters on:");
            for (part, words) in chips {
                let chip = ui
                    .button(format!("{words}  ×"))
                    .on_hover_text("Remove this filter");
                if chip.clicked() {
                    state.push(Command::ClearFilterPart(part));
                }
            }
            if ui
                .small_button("Clear all")
                .on_hover_text("Show every statement again")
                .clicked()
            {
                state.push(Command::ClearFilters);
            }
        });
    }
    if let Some(reason) = empty_reason(state) {
        ui.colored_label(ui.visuals().warn_fg_color, reason);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_in_force_has_a_chip_that_clears_only_it() {
        let filter = Filter {
            stances: [true, false, true],
            date_from: Some("2025-03-01".into()),
            speaker: "peskov".into(),
            ..Filter::default()
        };
        let chips = chips(&filter);
        let parts: Vec<FilterPart> = chips.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            parts,
            [FilterPart::Stances, FilterPart::From, FilterPart::Speaker]
        );
        assert_eq!(chips[2].1, "Speaker: peskov");
        let cleared = without(&filter, FilterPart::Speaker);
        assert!(cleared.speaker.is_empty());
        assert_eq!(cleared.date_from, filter.date_from);
        assert!(self::chips(&Filter::default()).is_empty());
    }
}
