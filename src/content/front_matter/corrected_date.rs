//! The date a writer meant, from the ways people write dates by hand:
//! `26 mars 2024`, `den 5 okt. 2024`, `March 26, 2024`, `2024-3-5`,
//! `5/3 2024`, `26.3.2024`, `20240326`. Used only for the hint of a date
//! that did not parse; what is published is always what the writer wrote.

use jiff::civil::Date;

/// Swedish and English month names, and their usual short forms.
const MONTHS: [(&str, i8); 25] = [
    ("januari", 1),
    ("january", 1),
    ("februari", 2),
    ("february", 2),
    ("mars", 3),
    ("march", 3),
    ("april", 4),
    ("maj", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("juli", 7),
    ("july", 7),
    ("augusti", 8),
    ("august", 8),
    ("september", 9),
    ("sept", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("dec", 12),
];

/// The date `text` most likely means, if it names one that exists.
pub(crate) fn corrected_date(text: &str) -> Option<Date> {
    let lower = text.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty() && *w != "den" && *w != "the")
        .collect();
    in_words(&words).or_else(|| in_digits(&lower))
}

/// `26 mars 2024`, `mars 26 2024`, `26 mar 2024`.
fn in_words(words: &[&str]) -> Option<Date> {
    let (month_at, month) = words
        .iter()
        .enumerate()
        .find_map(|(i, w)| month_of(w).map(|m| (i, m)))?;
    let numbers: Vec<i16> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != month_at)
        .filter_map(|(_, w)| w.trim_end_matches(['e', ':', 'a']).parse().ok())
        .collect();
    let (day, year) = match numbers.as_slice() {
        [a, b] if *b > 31 => (*a, *b),
        [a, b] if *a > 31 => (*b, *a),
        _ => return None,
    };
    Date::new(year, month, i8::try_from(day).ok()?).ok()
}

fn month_of(word: &str) -> Option<i8> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .or_else(|| {
            // Three letters or more of a month's name: `okt`, `sep`, `aug`.
            (word.len() >= 3 && word.chars().all(char::is_alphabetic))
                .then(|| MONTHS.iter().find(|(name, _)| name.starts_with(word)))
                .flatten()
        })
        .map(|(_, month)| *month)
}

/// `2024-3-5`, `2024/03/05`, `5/3 2024`, `5/3/2024`, `26.3.2024`, `20240326`.
fn in_digits(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let number = |p: &str| p.parse::<i16>().ok();
    match parts.as_slice() {
        [all] if all.len() == 8 => Date::new(
            number(&all[..4])?,
            i8::try_from(number(&all[4..6])?).ok()?,
            i8::try_from(number(&all[6..])?).ok()?,
        )
        .ok(),
        // Year first, as ISO 8601 has it; else day, month, year, as Swedes write.
        [year, month, day] if year.len() == 4 => Date::new(
            number(year)?,
            i8::try_from(number(month)?).ok()?,
            i8::try_from(number(day)?).ok()?,
        )
        .ok(),
        [day, month, year] if year.len() == 4 => Date::new(
            number(year)?,
            i8::try_from(number(month)?).ok()?,
            i8::try_from(number(day)?).ok()?,
        )
        .ok(),
        _ => None,
    }
}

/// Why an ISO-shaped date (`2024-02-30`, `2024-13-01`) names no day.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NoSuchDay {
    /// The month has fewer days.
    Day { days: i8 },
    /// Months go from 01 to 12.
    Month,
}

/// Why `text`, written as a date should be, names a day that does not exist.
pub(crate) fn no_such_day(text: &str) -> Option<NoSuchDay> {
    let date = text.get(..10)?;
    let bytes = date.as_bytes();
    let shaped = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shaped {
        return None;
    }
    let year: i16 = date[..4].parse().ok()?;
    let month: i8 = date[5..7].parse().ok()?;
    let day: i8 = date[8..10].parse().ok()?;
    if !(1..=12).contains(&month) {
        return Some(NoSuchDay::Month);
    }
    let days = Date::new(year, month, 1).ok()?.days_in_month();
    (day < 1 || day > days).then_some(NoSuchDay::Day { days })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_dates_become_iso_dates() {
        for (text, iso) in [
            ("26 mars 2024", "2024-03-26"),
            ("den 5 okt. 2024", "2024-10-05"),
            ("26 Mars, 2024", "2024-03-26"),
            ("March 26, 2024", "2024-03-26"),
            ("2024-3-5", "2024-03-05"),
            ("2024/03/05", "2024-03-05"),
            ("5/3 2024", "2024-03-05"),
            ("26.3.2024", "2024-03-26"),
            ("20240326", "2024-03-26"),
        ] {
            assert_eq!(
                corrected_date(text).map(|d| d.to_string()).as_deref(),
                Some(iso),
                "{text}"
            );
        }
    }

    #[test]
    fn impossible_days_say_why() {
        assert_eq!(no_such_day("2024-02-30"), Some(NoSuchDay::Day { days: 29 }));
        assert_eq!(no_such_day("2024-13-01"), Some(NoSuchDay::Month));
        assert_eq!(no_such_day("2024-02-29"), None);
        assert_eq!(no_such_day("26 mars 2024"), None);
    }

    #[test]
    fn dates_that_do_not_exist_get_no_correction() {
        for text in ["30 februari 2024", "2024-13-01", "mars", "igår", "5/3"] {
            assert_eq!(corrected_date(text), None, "{text}");
        }
    }
}
