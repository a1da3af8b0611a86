//! Dates and times. The app keeps times as milliseconds since the Unix epoch (what `Date.now()`
//! gives); this turns them into what people and standards read: local date-times for the pages
//! (China's UTC+8 unless the browser says otherwise), ISO 8601 timestamps and durations for xAPI,
//! and SCORM 1.2's `CMITimespan`. Plain integer conversions, so no date crate is needed.

/// Minutes east of UTC in China (UTC+8, no daylight saving): the course's classrooms' time, used
/// where no browser clock is asked (CRM logs, file names).
pub const CHINA_UTC_OFFSET_MINUTES: i64 = 8 * 60;

/// The last millisecond of year 9999: later (or earlier than 1970) times are clamped, because a
/// result file's times come from the student's clock and are not verified.
const MAX_MS: i64 = 253_402_300_799_999;

/// Year, month (1–12) and day (1–31) of a day count since 1970-01-01, proleptic Gregorian
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2026-11-24 14:05` for `ms` since the Unix epoch, shifted by `offset_minutes` east of UTC.
pub fn datetime(ms: i64, offset_minutes: i64) -> String {
    let secs = ms.div_euclid(1000) + offset_minutes * 60;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", rem / 3600, rem % 3600 / 60)
}

/// `2026-03-01T08:05:09.042Z` (UTC, millisecond precision), as xAPI's `timestamp` wants it.
pub fn iso8601(ms: i64) -> String {
    let ms = ms.clamp(0, MAX_MS);
    let (days, rest) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (y, m, d) = civil_from_days(days);
    let (h, rest) = (rest / 3_600_000, rest % 3_600_000);
    let (min, rest) = (rest / 60_000, rest % 60_000);
    let (s, milli) = (rest / 1000, rest % 1000);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

/// An ISO 8601 duration with centisecond precision (xAPI's `result.duration`), e.g. `PT1H2M3.45S`.
/// Negative spans (a clock set back) count as zero.
pub fn iso_duration(ms: i64) -> String {
    let cs = ms.max(0) / 10;
    let (h, rest) = (cs / 360_000, cs % 360_000);
    let (m, rest) = (rest / 6000, rest % 6000);
    let (s, frac) = (rest / 100, rest % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out += &format!("{h}H");
    }
    if h > 0 || m > 0 {
        out += &format!("{m}M");
    }
    out += &format!("{s}.{frac:02}S");
    out
}

/// SCORM 1.2 `CMITimespan`: `HHHH:MM:SS.SS` (hours two to four digits), capped at 9999 hours.
pub fn cmi_timespan(ms: i64) -> String {
    let cs = (ms.max(0) / 10).min(9999 * 360_000 + 359_999);
    let (h, rest) = (cs / 360_000, cs % 360_000);
    let (m, rest) = (rest / 6000, rest % 6000);
    let (s, frac) = (rest / 100, rest % 100);
    format!("{h:02}:{m:02}:{s:02}.{frac:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_local_datetimes() {
        assert_eq!(datetime(0, 0), "1970-01-01 00:00");
        // 2026-11-24 06:05 UTC is 14:05 in China (UTC+8).
        assert_eq!(datetime(1_795_500_300_000, CHINA_UTC_OFFSET_MINUTES), "2026-11-24 14:05");
        assert_eq!(datetime(951_782_400_000, 0), "2000-02-29 00:00");
        assert_eq!(datetime(-1, 0), "1969-12-31 23:59");
    }

    #[test]
    fn timestamps_match_known_dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        // 2000-02-29 (a leap day in a century leap year) 12:34:56.789 UTC.
        assert_eq!(iso8601(951_827_696_789), "2000-02-29T12:34:56.789Z");
        // 2024-12-31T23:59:59.999Z: the last millisecond of a leap year.
        assert_eq!(iso8601(1_735_689_599_999), "2024-12-31T23:59:59.999Z");
        assert_eq!(iso8601(1_735_689_600_000), "2025-01-01T00:00:00.000Z");
        assert_eq!(iso8601(-5), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(i64::MAX), "9999-12-31T23:59:59.999Z");
    }

    fn month_len(y: i64, m: u32) -> u32 {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m as usize - 1]
    }

    #[test]
    fn consecutive_day_counts_are_consecutive_dates() {
        // Over eight centuries from 1969-12-31, each day count is the calendar day after the
        // previous one, so months have their lengths and leap years their 29 February.
        let mut prev = civil_from_days(-1);
        assert_eq!(prev, (1969, 12, 31));
        for days in 0..146_097 * 2 {
            let (y, m, d) = civil_from_days(days);
            let expected = if prev.2 < month_len(prev.0, prev.1) {
                (prev.0, prev.1, prev.2 + 1)
            } else if prev.1 < 12 {
                (prev.0, prev.1 + 1, 1)
            } else {
                (prev.0 + 1, 1, 1)
            };
            assert_eq!((y, m, d), expected, "day {days}");
            prev = (y, m, d);
        }
    }

    #[test]
    fn durations() {
        assert_eq!(iso_duration(0), "PT0.00S");
        assert_eq!(iso_duration(3_723_456), "PT1H2M3.45S");
        assert_eq!(iso_duration(61_000), "PT1M1.00S");
        assert_eq!(iso_duration(-100), "PT0.00S");
        assert_eq!(cmi_timespan(3_723_456), "01:02:03.45");
        assert_eq!(cmi_timespan(0), "00:00:00.00");
        assert_eq!(cmi_timespan(i64::MAX), "9999:59:59.99");
    }
}
