//! Timestamps and dates a catalog writes: example timestamps, `timestamp`
//! details, and the `since` and `sunset` dates of deprecated codes.
//!
//! The macro reads them with chrono (built without its clock or time zone
//! database, so it costs the clean build about 40% of jiff's CPU time;
//! BENCHMARKS.md), while generated code decodes them with the runtime's
//! `jiff::Timestamp`. An example the macro accepts must decode, so the
//! macro accepts RFC 3339 within what jiff reads: chrono's RFC 3339 parser,
//! then the three limits where chrono reads more than jiff (ASCII only, at
//! most nine fractional digits, no later than jiff's last instant). A test
//! holds the two to that agreement over a grid of forms.

use std::fmt;

/// The latest second `jiff::Timestamp` holds: 9999-12-30T22:00:00Z (its
/// range leaves room for any offset, so it ends before 9999-12-31).
const LAST_SECOND: i64 = 253_402_207_200;

/// Why a timestamp is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampError {
    /// Not an RFC 3339 date and time with an offset.
    NotRfc3339,
    /// A character outside ASCII, such as a Unicode minus sign.
    NotAscii,
    /// More than nine fractional digits: finer than a nanosecond.
    TooPrecise,
    /// After 9999-12-30T22:00:00Z, the runtime's last instant.
    OutOfRange,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimestampError::NotRfc3339 => "is not an RFC 3339 timestamp",
            TimestampError::NotAscii => {
                "is not an RFC 3339 timestamp: it has a non-ASCII character"
            }
            TimestampError::TooPrecise => {
                "has more than nine fractional digits: the runtime keeps nanoseconds"
            }
            TimestampError::OutOfRange => {
                "is after 9999-12-30T22:00:00Z, the latest instant the runtime's Timestamp holds"
            }
        })
    }
}

impl TimestampError {
    /// A fix for `text`, written out where one is likely.
    pub fn hint(self, text: &str) -> String {
        let fixed = match self {
            TimestampError::NotRfc3339 => None,
            TimestampError::NotAscii => Some(text.replace(DASHES, "-")),
            TimestampError::TooPrecise => Some(cut_fraction(text)),
            TimestampError::OutOfRange => Some("9999-12-30T22:00:00Z".into()),
        };
        match fixed.filter(|f| parse_timestamp(f).is_ok()) {
            Some(f) => format!("write `{f}`"),
            None => "write a date, a time with seconds and an offset: `2024-01-15T10:30:00Z` \
                     or `2024-01-15T10:30:00+02:00`"
                .into(),
        }
    }
}

/// Dashes a word processor puts where RFC 3339 has `-`.
const DASHES: &[char] = &[
    '\u{2212}', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}',
];

/// `text` with its fraction cut to nine digits.
fn cut_fraction(text: &str) -> String {
    match fraction(text) {
        Some((head, digits, tail)) => format!("{head}.{}{tail}", &digits[..digits.len().min(9)]),
        None => text.into(),
    }
}

/// `text` split around the seconds' fraction: before the `.`, its digits,
/// and the rest (RFC 3339 has one `.`, only there).
fn fraction(text: &str) -> Option<(&str, &str, &str)> {
    let (head, rest) = text.split_once('.')?;
    let (digits, tail) = rest.split_at(rest.bytes().take_while(u8::is_ascii_digit).count());
    Some((head, digits, tail))
}

/// The Unix seconds (as the runtime's `Timestamp::as_second` gives them) of
/// an RFC 3339 timestamp (`2024-01-15T10:30:00Z`,
/// `2024-01-15T10:30:00.5+02:00`) that the runtime's decoder also reads.
pub fn parse_timestamp(text: &str) -> Result<i64, TimestampError> {
    if !text.is_ascii() {
        return Err(TimestampError::NotAscii);
    }
    let parsed =
        chrono::DateTime::parse_from_rfc3339(text).map_err(|_| TimestampError::NotRfc3339)?;
    if fraction(text).is_some_and(|(_, digits, _)| digits.len() > 9) {
        return Err(TimestampError::TooPrecise);
    }
    // jiff's `as_second` rounds toward zero, chrono's `timestamp` down: the
    // two differ for a fraction of a second before 1970. (A leap second's
    // nanoseconds run past 10^9 in chrono.)
    let mut seconds = parsed.timestamp();
    if seconds < 0 && parsed.timestamp_subsec_nanos() % 1_000_000_000 != 0 {
        seconds += 1;
    }
    if seconds > LAST_SECOND {
        return Err(TimestampError::OutOfRange);
    }
    Ok(seconds)
}

/// The Unix seconds a catalog date starts at: `2024-06-01` (midnight UTC)
/// or an RFC 3339 timestamp.
pub fn parse_date(text: &str) -> Option<i64> {
    if let Ok(seconds) = parse_timestamp(text) {
        return Some(seconds);
    }
    // chrono's `%Y` also reads signed and five-digit years; a catalog date
    // is the ten characters of `YYYY-MM-DD`.
    if text.len() != 10 || !text.is_ascii() {
        return None;
    }
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some(date.and_time(chrono::NaiveTime::MIN).and_utc().timestamp())
}

/// An instant as an HTTP date (RFC 9110, `Sun, 01 Jun 2025 00:00:00 GMT`),
/// the form of the `Sunset` header.
pub fn http_date(seconds: i64) -> Option<String> {
    let at = chrono::DateTime::from_timestamp(seconds, 0)?;
    Some(at.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_timestamps_read_as_unix_seconds() {
        assert_eq!(parse_timestamp("2024-01-15T10:30:00Z"), Ok(1_705_314_600));
        assert_eq!(parse_timestamp("2024-01-15t10:30:00z"), Ok(1_705_314_600));
        assert_eq!(parse_timestamp("2024-01-15 10:30:00Z"), Ok(1_705_314_600));
        assert_eq!(
            parse_timestamp("2024-01-15T10:30:00.5+02:00"),
            Ok(1_705_307_400)
        );
        assert_eq!(
            parse_timestamp("9999-12-30T22:00:00.999999999Z"),
            Ok(LAST_SECOND)
        );
    }

    #[test]
    fn what_the_runtime_cannot_decode_is_refused_with_its_reason() {
        use TimestampError::*;
        assert_eq!(parse_timestamp("2024-01-15"), Err(NotRfc3339));
        assert_eq!(parse_timestamp("2024-01-15T10:30Z"), Err(NotRfc3339));
        assert_eq!(parse_timestamp("2024-02-30T10:30:00Z"), Err(NotRfc3339));
        assert_eq!(parse_timestamp("2024-01-15T10:30:00−02:00"), Err(NotAscii));
        assert_eq!(
            parse_timestamp("2024-01-15T10:30:00.1234567891Z"),
            Err(TooPrecise)
        );
        assert_eq!(parse_timestamp("9999-12-31T00:00:00Z"), Err(OutOfRange));
    }

    #[test]
    fn hints_write_the_fix_out() {
        let hint = |t: &str| parse_timestamp(t).unwrap_err().hint(t);
        assert_eq!(
            hint("2024-01-15T10:30:00.1234567891Z"),
            "write `2024-01-15T10:30:00.123456789Z`"
        );
        assert_eq!(
            hint("2024\u{2013}01\u{2013}15T10:30:00\u{2212}02:00"),
            "write `2024-01-15T10:30:00-02:00`"
        );
        assert_eq!(hint("9999-12-31T00:00:00Z"), "write `9999-12-30T22:00:00Z`");
        assert!(hint("2024-01-15T10:30").contains("a time with seconds and an offset"));
        // A fix that would still be refused is not offered.
        assert!(hint("2024-01-15T10:30\u{2212}02:00").starts_with("write a date"));
    }

    #[test]
    fn dates_start_at_midnight_utc() {
        assert_eq!(parse_date("2024-06-01"), Some(1_717_200_000));
        assert_eq!(parse_date("2024-06-01T02:00:00+02:00"), Some(1_717_200_000));
        assert_eq!(parse_date("+2024-06-01"), None);
        assert_eq!(parse_date("2024-6-1"), None);
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("June 1st"), None);
    }

    #[test]
    fn sunset_is_an_http_date() {
        assert_eq!(
            http_date(1_717_200_000).as_deref(),
            Some("Sat, 01 Jun 2024 00:00:00 GMT")
        );
    }

    /// Every timestamp the macro accepts decodes with the runtime's
    /// `jiff::Timestamp` to the same second, over a grid of every part's
    /// edge cases (193,536 strings).
    #[test]
    fn the_macro_accepts_only_what_the_runtime_decodes() {
        let years = [
            "0000", "0001", "1969", "1970", "2024", "9998", "9999", "+2024", "24",
        ];
        let days = [
            "01-01", "02-28", "02-29", "02-30", "12-30", "12-31", "13-01", "00-10",
        ];
        let seps = ["T", "t", " ", "_"];
        let times = [
            "00:00:00", "22:00:00", "22:00:01", "23:59:59", "23:59:60", "24:00:00", "10:30",
            "103000",
        ];
        let fractions = ["", ".", ".5", ".123456789", ".1234567891", ",5"];
        let offsets = [
            "Z",
            "z",
            "+00:00",
            "-00:00",
            "+02:00",
            "-02:00",
            "+23:59",
            "+24:00",
            "+02",
            "+0200",
            "+02:00:30",
            "\u{2212}02:00",
            "Z[UTC]",
            "",
        ];
        for y in years {
            for d in days {
                for s in seps {
                    for t in times {
                        for f in fractions {
                            for o in offsets {
                                let text = format!("{y}-{d}{s}{t}{f}{o}");
                                let Ok(seconds) = parse_timestamp(&text) else {
                                    continue;
                                };
                                let runtime = text.parse::<jiff::Timestamp>();
                                assert_eq!(
                                    runtime.as_ref().map(|t| t.as_second()).ok(),
                                    Some(seconds),
                                    "{text}: {runtime:?}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    /// And the grid's valid parts, in every combination, are accepted: the
    /// agreement above is not an empty one.
    #[test]
    fn every_rfc3339_form_the_runtime_reads_is_accepted() {
        let years = ["0001", "1969", "1970", "2024", "9998"];
        let days = ["01-01", "02-28", "12-31"];
        let times = ["00:00:00", "23:59:59", "23:59:60"];
        let fractions = ["", ".5", ".123456789"];
        let offsets = ["Z", "z", "+00:00", "-00:00", "+02:00", "-02:00", "+23:59"];
        for y in years {
            for d in days {
                for s in ["T", "t", " "] {
                    for t in times {
                        for f in fractions {
                            for o in offsets {
                                let text = format!("{y}-{d}{s}{t}{f}{o}");
                                assert!(parse_timestamp(&text).is_ok(), "{text}");
                            }
                        }
                    }
                }
            }
        }
    }
}
