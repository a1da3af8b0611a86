//! Display formatting that needs no browser API, so components render the same natively.

/// `2026-11-24 14:05` for `ms` since the Unix epoch, shifted by `offset_minutes` east of UTC.
pub fn datetime(ms: i64, offset_minutes: i64) -> String {
    let secs = ms.div_euclid(1000) + offset_minutes * 60;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil-from-days (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", rem / 3600, rem % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(datetime(0, 0), "1970-01-01 00:00");
        // 2026-11-24 06:05 UTC is 14:05 in China (UTC+8).
        assert_eq!(datetime(1_795_500_300_000, 480), "2026-11-24 14:05");
        assert_eq!(datetime(951_782_400_000, 0), "2000-02-29 00:00");
        assert_eq!(datetime(-1, 0), "1969-12-31 23:59");
    }
}
