//! The filter as the filter bar edits it: the dates as typed (they reach
//! the filter only when valid), and the parts of a filter in force that the
//! chips under the bar name and clear one at a time. Plain data and
//! functions over [`Filter`], read by the state and by the views alike.

use crate::Stance;
use crate::matrix::Filter;

/// The date fields as typed; they reach the filter only when valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterForm {
    pub from: String,
    pub to: String,
}

impl FilterForm {
    pub fn from_filter(filter: &Filter) -> FilterForm {
        FilterForm {
            from: filter.date_from.clone().unwrap_or_default(),
            to: filter.date_to.clone().unwrap_or_default(),
        }
    }
}

/// A typed date: empty means no bound; otherwise it must be `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<Option<String>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split('-').collect();
    let valid = match parts.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            let number = |s: &str| s.parse::<u32>().ok();
            matches!(
                (number(y), number(m), number(d)),
                (Some(_), Some(1..=12), Some(1..=31))
            )
        }
        _ => false,
    };
    if valid {
        Ok(Some(text.to_string()))
    } else {
        Err(format!("“{text}” is not a date like 2025-03-31"))
    }
}

/// One part of the filter that a chip clears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterPart {
    Stances,
    Evidence,
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
    if filter.weakest != Filter::default().weakest {
        out.push((
            FilterPart::Evidence,
            super::filters::evidence_label(filter.weakest).to_string(),
        ));
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
        FilterPart::Evidence => filter.weakest = default.weakest,
        FilterPart::From => filter.date_from = None,
        FilterPart::To => filter.date_to = None,
        FilterPart::Documents => filter.documents.clear(),
        FilterPart::Speaker => filter.speaker.clear(),
        FilterPart::Text => filter.text.clear(),
    }
    filter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date(" 2025-03-31 "), Ok(Some("2025-03-31".into())));
        assert!(parse_date("2025-13-01").is_err());
        assert!(parse_date("31.03.2025").is_err());
        assert!(parse_date("2025-3-31").is_err());
    }

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
