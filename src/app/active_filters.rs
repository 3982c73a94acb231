//! The filters in force, shown as chips under the filter bar, each with its
//! own "×", and the reason a matrix is empty: a filter typed for one folder
//! must never empty the next one silently.

use super::filter_form::chips;
use super::state::{AppState, Command};

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
