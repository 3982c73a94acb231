//! Calendar days as numbers, so that article dates (`YYYY-MM-DD`) can be
//! placed on an axis, stepped by a week, and turned back into dates.
//!
//! Day 0 is 1970-01-01 in the proleptic Gregorian calendar. Pure functions;
//! a string that is not a real date is refused, never rounded to one.

use crate::Document;
use std::ops::RangeInclusive;

/// Days from 1970-01-01 to the date `iso` (`YYYY-MM-DD`, a real day of
/// the calendar); `None` for anything else.
pub fn day_number(iso: &str) -> Option<i64> {
    let bytes = iso.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = &iso[range];
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if !(1..=12).contains(&month) || !(1..=days_in_month(year, month)).contains(&day) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// The date of day number `day`, as `YYYY-MM-DD`.
pub fn iso_date(day: i64) -> String {
    let (year, month, day) = civil_from_days(day);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The first and last day of the documents' dates; `None` when none is dated.
pub fn date_span(documents: &[Document]) -> Option<RangeInclusive<i64>> {
    let mut days = documents
        .iter()
        .filter_map(|d| d.date.as_deref().and_then(day_number));
    let first = days.next()?;
    let (lo, hi) = days.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)));
    Some(lo..=hi)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// The two conversions below are Howard Hinnant's `days_from_civil` and
// `civil_from_days`: exact over the whole calendar, without a loop over years.
// A year counts from March, so that the leap day falls at its end.

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_first_of_january_1970() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2025-03-01"), Some(20_148));
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert!(day_number("2024-02-29").is_some());
        assert!(day_number("2000-02-29").is_some(), "divisible by 400");
        assert_eq!(day_number("1900-02-29"), None, "divisible by 100");
        assert_eq!(day_number("2025-02-29"), None);
        assert_eq!(
            day_number("2024-03-01").zip(day_number("2024-02-28")),
            Some((19_783, 19_781)),
            "the leap day sits between them"
        );
        assert_eq!(
            day_number("2025-03-01").map(|d| d - 1),
            day_number("2025-02-28")
        );
    }

    #[test]
    fn strings_that_are_not_real_dates_are_refused() {
        for bad in [
            "",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2025-01-00",
            "2025-1-01",
            "2025/01/01",
            "25-01-01xx",
            "2025-01-01T10",
            "+202-01-01",
            "2025-0a-01",
            "２０２５-01-01",
        ] {
            assert_eq!(day_number(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_day_number_turns_back_into_its_date() {
        for iso in [
            "1970-01-01",
            "1969-12-31",
            "1900-03-01",
            "2000-02-29",
            "2024-12-31",
            "2025-03-01",
            "2100-02-28",
        ] {
            let day = day_number(iso).expect(iso);
            assert_eq!(iso_date(day), iso);
        }
        // Every day of four centuries, one after the other.
        let start = day_number("1900-01-01").expect("valid");
        for day in start..start + 146_097 {
            assert_eq!(day_number(&iso_date(day)), Some(day));
        }
    }

    #[test]
    fn the_span_runs_from_the_first_dated_document_to_the_last() {
        let dated = |date: Option<&str>| Document {
            date: date.map(str::to_string),
            ..Document::from_text("a.txt", "text")
        };
        let docs = [
            dated(Some("2025-03-05")),
            dated(None),
            dated(Some("2025-02-27")),
            dated(Some("not a date")),
        ];
        let span = date_span(&docs).expect("two dated documents");
        assert_eq!(
            (iso_date(*span.start()), iso_date(*span.end())),
            ("2025-02-27".into(), "2025-03-05".into())
        );
        assert_eq!(date_span(&docs[1..2]), None);
    }
}
