//! Calendar dates (ISO `YYYY-MM-DD`). A tiny type instead of a date crate: the engine only
//! compares dates and reads their year and month.

use serde::{Serialize, Serializer};
use std::fmt::{self, Write};

/// An ISO date, "YYYY-MM-DD".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "IsoDate", type = "string"))]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Strict `YYYY-MM-DD` between 1900 and 2199; `None` for anything else, including 2025-02-29.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            b[r].iter().try_fold(0u16, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0'))
            })
        };
        let year = num(0..4)?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        if !(1900..=2199).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// The calendar month, for monthly quotas: `(year, month)`.
    pub fn month_key(self) -> (u16, u8) {
        (self.year, self.month)
    }
}

impl Date {
    pub fn is_leap(year: u16) -> bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Month n since `since`, that month being month 1 (docs/calculation.md §4): 12 × (years apart) + (months
    /// apart) + 1; 0 or less when `self` is before it.
    pub fn month_since(self, since: Date) -> i32 {
        12 * (i32::from(self.year) - i32::from(since.year)) + (i32::from(self.month) - i32::from(since.month)) + 1
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if Date::is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    // Digit by digit rather than `{:04}-{:02}-{:02}`: no integer formatting (with its padding)
    // linked for dates, which are the only integers a result writes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = (self.year, self.month, self.day);
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            b'0' + m / 10 % 10,
            b'0' + m % 10,
            b'-',
            b'0' + d / 10 % 10,
            b'0' + d % 10,
        ];
        text.into_iter().try_for_each(|b| f.write_char(char::from(b)))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn writes_every_date_as_it_was_read() {
        for year in [1900, 1999, 2000, 2025, 2199] {
            for month in 1..=12u8 {
                for day in [1, 9, 10, 28] {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    assert_eq!(Date::parse(&text).map(|d| d.to_string()), Some(text));
                }
            }
        }
    }

    #[test]
    fn months_since_recognition_count_the_month_of_recognition_as_one() {
        let d = |s| {
            Date::parse(s).unwrap_or(Date {
                year: 1900,
                month: 1,
                day: 1,
            })
        };
        assert_eq!(d("2025-01-31").month_since(d("2025-01-20")), 1);
        assert_eq!(d("2025-02-01").month_since(d("2025-01-20")), 2);
        assert_eq!(d("2026-03-10").month_since(d("2025-01-20")), 15);
        assert_eq!(d("2024-12-31").month_since(d("2025-01-20")), 0);
    }

    #[test]
    fn parses_strict_iso_dates() {
        assert_eq!(
            Date::parse("2025-06-10").map(|d| d.to_string()).as_deref(),
            Some("2025-06-10")
        );
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2025-02-29",
            "2025-6-10",
            "2025-13-01",
            "2025-00-10",
            "20250610",
            "２０２５-06-10",
            "2025-06-10T00:00",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        assert!(Date::parse("2025-01-01") < Date::parse("2025-01-02"));
    }
}
