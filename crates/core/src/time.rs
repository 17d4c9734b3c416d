//! Timestamps without a clock: callers pass Unix milliseconds in, core formats RFC 3339.

/// Formats Unix milliseconds as an RFC 3339 UTC timestamp with second precision,
/// e.g. `2026-11-25T10:00:41Z`. Uses Howard Hinnant's `civil_from_days` algorithm.
pub fn rfc3339_from_unix_ms(unix_ms: i64) -> String {
    let seconds = unix_ms.div_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let second_of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", second_of_day / 3600, (second_of_day % 3600) / 60, second_of_day % 60)
}

/// Parses the `YYYY-MM-DDTHH:MM:SS` prefix of an RFC 3339 timestamp (UTC, offset `Z` or
/// `+00:00` assumed; fractions ignored) into Unix seconds. `None` when malformed.
pub fn unix_seconds_from_rfc3339(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() < 19 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[13] != b':' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Parses an RFC 3339 timestamp into Unix milliseconds, with its fraction (to the millisecond)
/// and its offset (`Z`, `+HH:MM`, `-HH:MM`; none is read as UTC). `None` when malformed.
pub fn unix_ms_from_rfc3339(text: &str) -> Option<i64> {
    let seconds = unix_seconds_from_rfc3339(text)?;
    let mut rest = &text.as_bytes()[19..];
    let mut ms = 0i64;
    if let Some((b'.', fraction)) = rest.split_first() {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        for (k, digit) in fraction[..digits.min(3)].iter().enumerate() {
            ms += i64::from(digit - b'0') * [100, 10, 1][k];
        }
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let two = |a: u8, b: u8| (a.is_ascii_digit() && b.is_ascii_digit()).then(|| i64::from(a - b'0') * 10 + i64::from(b - b'0'));
            let minutes = two(*h1, *h2)? * 60 + two(*m1, *m2)?;
            if *sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return None,
    };
    Some((seconds - offset_minutes * 60) * 1000 + ms)
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let mp = (month + 9) % 12;
    let day_of_year = (153 * mp + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339_from_unix_ms(0), "1970-01-01T00:00:00Z");
        // 2026-11-25T10:00:41Z = 1795600841 s (checked with `date -u -d @1795600841`).
        assert_eq!(rfc3339_from_unix_ms(1_795_600_841_999), "2026-11-25T10:00:41Z");
        assert_eq!(rfc3339_from_unix_ms(951_782_400_000), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn parses_what_it_formats() {
        for ms in [0i64, 951_782_400_000, 1_795_600_841_000, 4_102_444_800_000] {
            let text = rfc3339_from_unix_ms(ms);
            assert_eq!(unix_seconds_from_rfc3339(&text), Some(ms / 1000), "{text}");
        }
        assert_eq!(unix_seconds_from_rfc3339("2026-13-01T00:00:00Z"), None);
        assert_eq!(unix_seconds_from_rfc3339("yesterday"), None);
    }
}
